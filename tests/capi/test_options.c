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
  CHECK(strstr(defaults, "\"time_limit_seconds\": null") != NULL);
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
  CHECK(create_with("[]", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "options", "type");
  CHECK(create_with("{", &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "", "syntax");
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
  REQUIRE(create_with("{\"variety_weight\": 0.25, \"search_iterations\": 7, "
                      "\"time_limit_seconds\": 30, \"bands\": [{}, {\"volume_cap\": 200}, {}]}",
                      &planner) == BKB_OK);
  options = bkb_planner_options_json(planner);
  CHECK(strstr(options, "\"variety_weight\": 0.25") != NULL);
  CHECK(strstr(options, "\"search_iterations\": 7") != NULL);
  CHECK(strstr(options, "\"time_limit_seconds\": 30.0") != NULL);
  CHECK(strstr(options, "\"volume_cap\": 200") != NULL);
  CHECK(strstr(options, "\"volume_cap\": 360") != NULL); /* band A keeps its default */
  bkb_planner_destroy(&planner);
}
