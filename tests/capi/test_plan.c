/* Plans: one profile in, a week out, read as JSON or through typed accessors. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "capi_test.h"

static const char *const kExampleProfiles[] = {
    "acute_flare",    "desk_worker", "fit_runner", "herniated_disc_sciatica",
    "osteoporosis",   "pregnancy",   "red_flags",  "spinal_stenosis_older",
    "too_little_time"};

static bkb_plan *plan_example(const bkb_planner *planner, const char *name) {
  char relative[256];
  char *profile;
  bkb_plan *plan = NULL;
  snprintf(relative, sizeof relative, "examples/profiles/%s.json", name);
  profile = capi_read_source_file(relative);
  if (profile != NULL) bkb_planner_plan(planner, profile, &plan);
  free(profile);
  return plan;
}

void test_plan_typed_accessors(void) {
  bkb_planner *planner = capi_default_planner();
  bkb_plan *plan;
  uint32_t day;
  uint32_t i;
  int32_t week_minutes = 0;
  REQUIRE(planner != NULL);
  plan = plan_example(planner, "desk_worker");
  REQUIRE(plan != NULL);
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_OK);
  CHECK(bkb_plan_score(plan) > 0 && isfinite(bkb_plan_score(plan)));
  REQUIRE(bkb_plan_day_count(plan) == 7);
  for (day = 0; day < 7; ++day) {
    int32_t item_minutes = 0;
    const uint32_t count = bkb_plan_item_count(plan, day);
    for (i = 0; i < count; ++i) {
      const bkb_phase phase = bkb_plan_item_phase(plan, day, i);
      const char *exercise = bkb_plan_item_exercise(plan, day, i);
      CHECK(exercise != NULL && exercise[0] != '\0');
      CHECK(phase == BKB_PHASE_WARMUP || phase == BKB_PHASE_MAIN || phase == BKB_PHASE_COOLDOWN);
      CHECK(bkb_plan_item_minutes(plan, day, i) > 0);
      item_minutes += bkb_plan_item_minutes(plan, day, i);
    }
    if (count > 0) {
      CHECK(bkb_plan_item_phase(plan, day, 0) == BKB_PHASE_WARMUP);
      CHECK(bkb_plan_item_phase(plan, day, count - 1) == BKB_PHASE_COOLDOWN);
    }
    CHECK(bkb_plan_day_minutes(plan, day) == item_minutes);
    week_minutes += item_minutes;
  }
  CHECK(week_minutes > 0);
  /* Sunday has no time in this profile. */
  CHECK(bkb_plan_item_count(plan, 6) == 0);
  /* The accessors agree with the JSON: monday's first item. */
  {
    char needle[256];
    snprintf(needle, sizeof needle, "\"exercise\": \"%s\"", bkb_plan_item_exercise(plan, 0, 0));
    CHECK(strstr(bkb_plan_json(plan), needle) != NULL);
  }
  /* Out of range: sentinels, no crash. */
  CHECK(bkb_plan_item_count(plan, 7) == 0);
  CHECK(bkb_plan_day_minutes(plan, 7) == -1);
  CHECK(bkb_plan_item_exercise(plan, 0, 999) == NULL);
  CHECK(bkb_plan_item_phase(plan, 0, 999) == BKB_PHASE_NONE);
  CHECK(bkb_plan_item_minutes(plan, 9, 0) == -1);
  bkb_plan_destroy(&plan);
  bkb_planner_destroy(&planner);
}

void test_plan_statuses(void) {
  bkb_planner *planner = capi_default_planner();
  bkb_plan *plan;
  uint32_t day;
  REQUIRE(planner != NULL);
  plan = plan_example(planner, "too_little_time");
  REQUIRE(plan != NULL); /* infeasible is a successful call */
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_INFEASIBLE);
  CHECK(strstr(bkb_plan_json(plan), "\"diagnosis\"") != NULL);
  bkb_plan_destroy(&plan);
  plan = plan_example(planner, "red_flags");
  REQUIRE(plan != NULL);
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_REFER);
  for (day = 0; day < 7; ++day) CHECK(bkb_plan_item_count(plan, day) == 0);
  bkb_plan_destroy(&plan);
  bkb_planner_destroy(&planner);
}

/* The command line's stdout for `plan --profile <name>`, or NULL. */
static char *cli_plan_json(const char *name) {
  char arguments[512];
  snprintf(arguments, sizeof arguments,
           "plan --catalog builtin --profile examples/profiles/%s.json --format json", name);
  return capi_cli_output(arguments);
}

void test_plan_json_matches_cli(void) {
  bkb_planner *planner = capi_default_planner();
  size_t i;
  if (BKB_CLI_PATH[0] == '\0') {
    printf("skipped: built without the command line\n");
    exit(77);
  }
  REQUIRE(planner != NULL);
  for (i = 0; i < sizeof kExampleProfiles / sizeof kExampleProfiles[0]; ++i) {
    bkb_plan *plan = plan_example(planner, kExampleProfiles[i]);
    char *expected = cli_plan_json(kExampleProfiles[i]);
    CHECK(plan != NULL && expected != NULL);
    if (plan != NULL && expected != NULL && strcmp(bkb_plan_json(plan), expected) != 0) {
      fprintf(stderr, "%s: the C ABI's plan JSON differs from the command line's\n",
              kExampleProfiles[i]);
      ++capi_test_failures;
    }
    free(expected);
    bkb_plan_destroy(&plan);
  }
  bkb_planner_destroy(&planner);
}

void test_plan_from_json(void) {
  bkb_planner *planner = capi_default_planner();
  bkb_plan *planned;
  bkb_plan *read = NULL;
  char *week = capi_read_source_file("examples/plans/desk_worker_week.json");
  REQUIRE(planner != NULL && week != NULL);
  planned = plan_example(planner, "desk_worker");
  REQUIRE(planned != NULL);
  /* The library's own JSON reads back to the same plan. */
  REQUIRE(bkb_plan_from_json(bkb_plan_json(planned), &read) == BKB_OK);
  CHECK_STR(bkb_plan_json(read), bkb_plan_json(planned));
  bkb_plan_destroy(&read);
  /* A clinician's week without output fields has no score. */
  REQUIRE(bkb_plan_from_json(week, &read) == BKB_OK);
  CHECK(isnan(bkb_plan_score(read)));
  CHECK_STR(bkb_plan_item_exercise(read, 0, 0), "cat_cow");
  bkb_plan_destroy(&read);
  /* Its form is checked. */
  CHECK(bkb_plan_from_json("{\"schema\": \"backbalance.plan/1\", \"status\": \"fine\", "
                           "\"days\": []}",
                           &read) == BKB_INVALID_ARGUMENT);
  CHECK(read == NULL);
  CHECK(bkb_last_error_problem_count() >= 1);
  CHECK(strstr(bkb_last_error_message(), "status: unknown_name: ") != NULL);
  free(week);
  bkb_plan_destroy(&planned);
  bkb_planner_destroy(&planner);
}

void test_profile_problems(void) {
  bkb_planner *planner = capi_default_planner();
  bkb_plan *plan = NULL;
  REQUIRE(planner != NULL);
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"fitness\": 9, "
                         "\"conditions\": [\"flat_feet\"]}",
                         &plan) == BKB_INVALID_ARGUMENT);
  CHECK(plan == NULL);
  CHECK(strstr(bkb_last_error_message(), "fitness: range: ") != NULL);
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"prefer\": [\"tai_chi_x\"]}",
                         &plan) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "prefer[0]", "unknown_exercise");
  CHECK(strstr(bkb_last_error_message(), "\"tai_chi_x\" is not in the catalog") != NULL);
  CHECK(bkb_planner_plan(planner, "{\"pain\": 3}", &plan) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "schema", "required");
  bkb_planner_destroy(&planner);
}

/* Plan model v2 profile inputs through the C ABI, one by one and all at once. */
void test_profile_model_v2_problems(void) {
  bkb_planner *planner = capi_default_planner();
  bkb_plan *plan = NULL;
  const char *path = NULL;
  const char *rule = NULL;
  REQUIRE(planner != NULL);
  CHECK(bkb_planner_plan(planner, "{\"schema\": \"backbalance.profile/1\", \"pregnancy_week\": 24}",
                         &plan) == BKB_INVALID_ARGUMENT);
  CHECK(plan == NULL);
  CHECK_FIRST_PROBLEM(1, "pregnancy_week", "requires_condition");
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"conditions\": "
                         "[\"pregnancy\"], \"pregnancy_week\": 43}",
                         &plan) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "pregnancy_week", "range");
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"cleared\": "
                         "[\"cat_cow\", \"tai_chi_x\"]}",
                         &plan) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "cleared[1]", "unknown_exercise");
  CHECK(bkb_planner_plan(planner, "{\"schema\": \"backbalance.profile/1\", \"cleared\": \"x\"}",
                         &plan) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "cleared", "type");
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"red_flags\": [\"bleeding\"]}",
                         &plan) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "red_flags[0]", "unknown_name");
  /* Several problems of one profile, reported together. */
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"pain\": 11, "
                         "\"pregnancy_week\": 12, \"cleared\": [\"bird_dog\", \"bird_dog\"]}",
                         &plan) == BKB_INVALID_ARGUMENT);
  REQUIRE(bkb_last_error_problem_count() == 3);
  REQUIRE(bkb_last_error_problem(1, &path, &rule, NULL) == BKB_OK);
  CHECK_STR(path, "pregnancy_week");
  CHECK_STR(rule, "requires_condition");
  REQUIRE(bkb_last_error_problem(2, &path, &rule, NULL) == BKB_OK);
  CHECK_STR(path, "cleared[1]");
  CHECK_STR(rule, "duplicate");
  /* Each of model 2's red flags is accepted, and refers the person on. */
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"red_flags\": "
                         "[\"suspected_fracture\"]}",
                         &plan) == BKB_OK);
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_REFER);
  bkb_plan_destroy(&plan);
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"red_flags\": "
                         "[\"history_of_cancer\"]}",
                         &plan) == BKB_OK);
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_REFER);
  bkb_plan_destroy(&plan);
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"conditions\": "
                         "[\"pregnancy\"], \"red_flags\": [\"pregnancy_warning_signs\"]}",
                         &plan) == BKB_OK);
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_REFER);
  bkb_plan_destroy(&plan);
  bkb_planner_destroy(&planner);
}

void test_profile_canonical_json(void) {
  bkb_catalog *catalog = NULL;
  char *canonical = (char *)&canonical;
  REQUIRE(bkb_catalog_builtin(&catalog) == BKB_OK);
  REQUIRE(bkb_profile_canonical_json(catalog, "{\"schema\": \"backbalance.profile/1\"}",
                                     &canonical) == BKB_OK);
  /* Every field spelled out with its default; the caller frees the text. */
  CHECK(strstr(canonical, "\"pain\": 3") != NULL);
  CHECK(strstr(canonical, "\"fitness\": 2") != NULL);
  CHECK(strstr(canonical, "\"cleared\": []") != NULL);
  CHECK(strstr(canonical, "pregnancy_week") == NULL); /* written only when given */
  bkb_free(canonical);
  REQUIRE(bkb_profile_canonical_json(catalog,
                                     "{\"schema\": \"backbalance.profile/1\", \"conditions\": "
                                     "[\"pregnancy\"], \"pregnancy_week\": 22, "
                                     "\"cleared\": [\"cat_cow\"]}",
                                     &canonical) == BKB_OK);
  CHECK(strstr(canonical, "\"pregnancy_week\": 22") != NULL);
  CHECK(strstr(canonical, "\"cleared\": [\n    \"cat_cow\"\n  ]") != NULL);
  bkb_free(canonical);
  bkb_free(NULL);
  CHECK(bkb_profile_canonical_json(catalog,
                                   "{\"schema\": \"backbalance.profile/1\", "
                                   "\"exclude\": [\"no_such_exercise\"]}",
                                   &canonical) == BKB_INVALID_ARGUMENT);
  CHECK(canonical == NULL);
  CHECK_FIRST_PROBLEM(1, "exclude[0]", "unknown_exercise");
  CHECK(bkb_profile_canonical_json(catalog,
                                   "{\"schema\": \"backbalance.profile/1\", "
                                   "\"cleared\": [\"no_such_exercise\"]}",
                                   &canonical) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "cleared[0]", "unknown_exercise");
  bkb_catalog_destroy(&catalog);
}
