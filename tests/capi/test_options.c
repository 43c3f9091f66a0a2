/* Planner options as JSON: the defaults, problems named by path, values applied. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capi_test.h"

static bkb_status create_with(const char *options_json, bkb_planner **out) {
  bkb_catalog *catalog = NULL;
  bkb_status status = bkb_catalog_builtin(&catalog);
  if (status == BKB_OK) status = bkb_planner_create(catalog, options_json, out);
  bkb_catalog_destroy(&catalog);
  return status;
}

void test_options_default_json(void) {
  const char *defaults = bkb_options_default_json();
  bkb_planner *planner = NULL;
  REQUIRE(defaults != NULL);
  CHECK(defaults == bkb_options_default_json()); /* one library-owned copy */
  CHECK(strstr(defaults, "\"band_b_min_pain\": 4") != NULL);
  CHECK(strstr(defaults, "\"search_iterations\": 120") != NULL);
  CHECK(strstr(defaults, "\"backend\": \"heuristic\"") != NULL);
  CHECK(strstr(defaults, "\"quality\": \"default\"") != NULL);
  CHECK(strstr(defaults, "\"time_limit_seconds\": null") != NULL);
  CHECK(strstr(defaults, "\"gap_tolerance\": null") != NULL);
  /* Plan model v2's numbers, with their defaults. */
  CHECK(strstr(defaults,
               "\"first_week_cap_by_fitness\": [\n    120,\n    180,\n    240,\n    "
               "300,\n    360\n  ]") != NULL);
  CHECK(strstr(defaults, "\"late_pregnancy_week\": 20") != NULL);
  CHECK(strstr(defaults,
               "\"session_cap_by_fitness\": [\n    45,\n    60,\n    75,\n    90,\n"
               "    120\n  ]") != NULL);
  CHECK(strstr(defaults, "\"max_warmup_minutes\": 15") != NULL);
  CHECK(strstr(defaults, "\"mix_weight\": 2.0") != NULL);
  CHECK(strstr(defaults, "\"caution_penalty\": 2.0") != NULL);
  /* The defaults are a valid options document, and a planner spells them out alike. */
  REQUIRE(create_with(defaults, &planner) == BKB_OK);
  CHECK_STR(bkb_planner_options_json(planner), defaults);
  bkb_planner_destroy(&planner);
  REQUIRE(create_with(NULL, &planner) == BKB_OK);
  CHECK_STR(bkb_planner_options_json(planner), defaults);
  bkb_planner_destroy(&planner);
}

void test_options_problems(void) {
  bkb_planner *planner = NULL;
  CHECK(create_with("{\"search_iteration\": 5}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK(planner == NULL);
  CHECK_FIRST_PROBLEM(1, "options.search_iteration", "unknown_field");
  CHECK(create_with("{\"band_b_min_pain\": 0}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.band_b_min_pain", "range");
  CHECK(create_with("{\"backend\": 3}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.backend", "type");
  CHECK(create_with("{\"backend\": \"fast\"}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.backend", "unknown_name");
  CHECK(create_with("{\"bands\": [{}, {}]}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.bands", "length");
  CHECK(create_with("{\"bands\": [{}, {\"minutes\": [1, 2, 3, 4, -5]}, {}]}", &planner) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.bands[1].minutes[4]", "range");
  CHECK(create_with("{\"catalog_defaults\": {\"difficulty\": 1.5}}", &planner) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.catalog_defaults.difficulty", "type");
  CHECK(create_with("{\"time_limit_seconds\": 0}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.time_limit_seconds", "range");
  CHECK(create_with("{\"gap_tolerance\": 0.75}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.gap_tolerance", "range");
  CHECK(create_with("[]", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options", "type");
  CHECK(create_with("{", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "", "syntax");
  /* Plan model v2's fields: ranges named by path (ValidateOptions), forms by the reader. */
  CHECK(create_with("{\"first_week_cap_by_fitness\": [120, 180, -1, 300, 360]}", &planner) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.first_week_cap_by_fitness[2]", "range");
  CHECK(create_with("{\"first_week_cap_by_fitness\": [120, 180, 1681, 300, 360]}", &planner) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.first_week_cap_by_fitness[2]", "range");
  CHECK(create_with("{\"first_week_cap_by_fitness\": [120, 180, 240, 300]}", &planner) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.first_week_cap_by_fitness", "length");
  CHECK(create_with("{\"first_week_cap_by_fitness\": 120}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.first_week_cap_by_fitness", "type");
  CHECK(create_with("{\"late_pregnancy_week\": 44}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.late_pregnancy_week", "range");
  CHECK(create_with("{\"late_pregnancy_week\": 20.5}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.late_pregnancy_week", "type");
  CHECK(create_with("{\"session_cap_by_fitness\": [4, 60, 75, 90, 120]}", &planner) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.session_cap_by_fitness[0]", "range");
  CHECK(create_with("{\"session_cap_by_fitness\": [45, 60, 75, 90, 241]}", &planner) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.session_cap_by_fitness[4]", "range");
  CHECK(create_with("{\"session_cap_by_fitness\": [45, 60, \"75\", 90, 120]}", &planner) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.session_cap_by_fitness[2]", "type");
  CHECK(create_with("{\"max_warmup_minutes\": 4}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.max_warmup_minutes", "range"); /* below min_warmup_minutes */
  CHECK(create_with("{\"max_warmup_minutes\": 241}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.max_warmup_minutes", "range");
  CHECK(create_with("{\"mix_weight\": -0.5}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.mix_weight", "range");
  CHECK(create_with("{\"mix_weight\": \"2\"}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.mix_weight", "type");
  CHECK(create_with("{\"caution_penalty\": -1}", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options.caution_penalty", "range");
  /* Every problem at once. */
  CHECK(create_with("{\"top_reps\": 0, \"colour\": \"red\", \"variety_weight\": \"x\"}",
                    &planner) == BKB_INVALID_ARGUMENT);
  CHECK(bkb_last_error_problem_count() == 2); /* ranges wait until the types are right */
  CHECK(strstr(bkb_last_error_message(), "options.variety_weight: type: ") != NULL);
  CHECK(strstr(bkb_last_error_message(), "options.colour: unknown_field: ") != NULL);
  /* Reliability round 2, finding 7: every field has a bounded range, reported in one form
   * whether the value fits the field's type or not (-1, 2^63 and 10^10 alike). */
  {
    struct {
      const char *json, *message;
    } cases[] = {
        {"{\"search_iterations\": -1}",
         "options.search_iterations: range: must be an integer in 0..1000000, got -1"},
        {"{\"search_iterations\": 9223372036854775808}",
         "options.search_iterations: range: must be an integer in 0..1000000, got "
         "9223372036854775808"},
        {"{\"search_iterations\": 1000001}",
         "options.search_iterations: range: must be an integer in 0..1000000, got 1000001"},
        {"{\"min_warmup_minutes\": 10000000000}",
         "options.min_warmup_minutes: range: must be an integer in 0..240, got 10000000000"},
        {"{\"min_cooldown_minutes\": 1000000000}",
         "options.min_cooldown_minutes: range: must be an integer in 0..240, got 1000000000"},
        {"{\"bands\": [{}, {\"minutes\": [1, 2, 3, 4, 100000000000000000000000]}, {}]}",
         "options.bands[1].minutes[4]: range: must be an integer in 0..10080, got "
         "9.999999999999999e+22"},
        {"{\"variety_weight\": 1e308}",
         "options.variety_weight: range: must be a number in 0..1000, got 1e+308"},
        {"{\"window_penalty\": -0.5}",
         "options.window_penalty: range: must be a number in 0..1000, got -0.5"},
        {"{\"quality\": \"best\"}",
         "options.quality: unknown_name: must be fast, default or thorough, got \"best\""},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
      CHECK(create_with(cases[i].json, &planner) == BKB_INVALID_ARGUMENT);
      CHECK(bkb_last_error_problem_count() == 1);
      CHECK(strcmp(bkb_last_error_message(), cases[i].message) == 0);
      if (strcmp(bkb_last_error_message(), cases[i].message) != 0) {
        fprintf(stderr, "  got: %s\n", bkb_last_error_message());
      }
    }
  }
}

void test_options_applied(void) {
  bkb_planner *planner = NULL;
  const char *options;
  REQUIRE(create_with("{\"variety_weight\": 0.25, \"search_iterations\": 7, \"quality\": \"fast\", "
                      "\"time_limit_seconds\": 30, \"bands\": [{}, {\"volume_cap\": 200}, {}]}",
                      &planner) == BKB_OK);
  options = bkb_planner_options_json(planner);
  CHECK(strstr(options, "\"variety_weight\": 0.25") != NULL);
  CHECK(strstr(options, "\"search_iterations\": 7") != NULL);
  CHECK(strstr(options, "\"quality\": \"fast\"") != NULL);
  CHECK(strstr(options, "\"time_limit_seconds\": 30.0") != NULL);
  CHECK(strstr(options, "\"volume_cap\": 200") != NULL);
  CHECK(strstr(options, "\"volume_cap\": 360") != NULL); /* band A keeps its default */
  bkb_planner_destroy(&planner);
  /* Plan model v2's fields, read and spelled back. */
  REQUIRE(create_with("{\"first_week_cap_by_fitness\": [100, 150, 200, 250, 300], "
                      "\"late_pregnancy_week\": 28, "
                      "\"session_cap_by_fitness\": [40, 50, 60, 70, 80], "
                      "\"max_warmup_minutes\": 10, \"mix_weight\": 0.5, \"caution_penalty\": 0.5}",
                      &planner) == BKB_OK);
  options = bkb_planner_options_json(planner);
  CHECK(strstr(options,
               "\"first_week_cap_by_fitness\": [\n    100,\n    150,\n    200,\n    "
               "250,\n    300\n  ]") != NULL);
  CHECK(strstr(options, "\"late_pregnancy_week\": 28") != NULL);
  CHECK(strstr(options,
               "\"session_cap_by_fitness\": [\n    40,\n    50,\n    60,\n    70,\n"
               "    80\n  ]") != NULL);
  CHECK(strstr(options, "\"max_warmup_minutes\": 10") != NULL);
  CHECK(strstr(options, "\"mix_weight\": 0.5") != NULL);
  CHECK(strstr(options, "\"caution_penalty\": 0.5") != NULL);
  bkb_planner_destroy(&planner);
}

/* The v2 options reach the planner: each changes the week the C ABI plans. */
static bkb_plan *plan_with(const char *options_json, const char *profile_json) {
  bkb_planner *planner = NULL;
  bkb_plan *plan = NULL;
  if (create_with(options_json, &planner) != BKB_OK) return NULL;
  if (bkb_planner_plan(planner, profile_json, &plan) != BKB_OK) plan = NULL;
  bkb_planner_destroy(&planner);
  return plan;
}

static int week_minutes(const bkb_plan *plan) {
  int total = 0;
  uint32_t day;
  for (day = 0; day < 7; ++day) total += bkb_plan_day_minutes(plan, day);
  return total;
}

void test_options_model_v2_effects(void) {
  static const char kBeginner[] =
      "{\"schema\": \"backbalance.profile/1\", \"pain\": 2, \"fitness\": 1, "
      "\"availability\": [60, 60, 60, 60, 60, 60, 60], \"seed\": 2}";
  static const char kPregnant[] =
      "{\"schema\": \"backbalance.profile/1\", \"pain\": 2, \"conditions\": [\"pregnancy\"], "
      "\"pregnancy_week\": 24, \"fitness\": 3, \"seed\": 2}";
  bkb_plan *plan = NULL;
  uint32_t day;
  int longest = 0;
  /* First week, fitness 1: at most 120 minutes by default, at most 90 with the option. */
  REQUIRE((plan = plan_with(NULL, kBeginner)) != NULL);
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_OK);
  CHECK(week_minutes(plan) <= 120);
  CHECK(strstr(bkb_plan_json(plan), "\"volume_cap\": 120") != NULL);
  bkb_plan_destroy(&plan);
  REQUIRE((plan = plan_with("{\"first_week_cap_by_fitness\": [90, 180, 240, 300, 360]}",
                            kBeginner)) != NULL);
  CHECK(week_minutes(plan) <= 90);
  CHECK(strstr(bkb_plan_json(plan), "\"volume_cap\": 90") != NULL);
  bkb_plan_destroy(&plan);
  /* Session cap for fitness 1: 45 minutes by default, 20 with the option. */
  REQUIRE((plan = plan_with("{\"session_cap_by_fitness\": [20, 60, 75, 90, 120]}", kBeginner)) !=
          NULL);
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_OK);
  for (day = 0; day < 7; ++day) {
    if (bkb_plan_day_minutes(plan, day) > longest) longest = bkb_plan_day_minutes(plan, day);
  }
  CHECK(longest > 0 && longest <= 20);
  bkb_plan_destroy(&plan);
  /* Week 24 derives late_pregnancy by default; not with late_pregnancy_week 30. */
  REQUIRE((plan = plan_with(NULL, kPregnant)) != NULL);
  CHECK(strstr(bkb_plan_json(plan), "\"reason\": \"contraindicated:late_pregnancy\"") != NULL);
  bkb_plan_destroy(&plan);
  REQUIRE((plan = plan_with("{\"late_pregnancy_week\": 30}", kPregnant)) != NULL);
  CHECK(strstr(bkb_plan_json(plan), "contraindicated:late_pregnancy") == NULL);
  bkb_plan_destroy(&plan);
  /* The score carries the mix term; a mix weight of 0 leaves it out of the score. */
  REQUIRE((plan = plan_with("{\"mix_weight\": 0}", kBeginner)) != NULL);
  CHECK(strstr(bkb_plan_json(plan), "\"mix\": ") != NULL);
  bkb_plan_destroy(&plan);
}
