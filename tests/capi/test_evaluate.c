/* Evaluate: the verdict on the planner's week and on a week that breaks rules. */
#include <math.h>
#include <stdlib.h>

#include "capi_test.h"

/* One training day (H3) with an exercise the catalog lacks (H1). */
static const char kBrokenWeek[] =
    "{\"schema\": \"backbalance.plan/1\", \"status\": \"ok\", \"days\": [\n"
    "  {\"day\": 0, \"items\": [\n"
    "    {\"exercise\": \"cat_cow\", \"phase\": \"warmup\", \"minutes\": 5},\n"
    "    {\"exercise\": \"moon_walking\", \"phase\": \"main\", \"minutes\": 10},\n"
    "    {\"exercise\": \"childs_pose\", \"phase\": \"cooldown\", \"minutes\": 5}]},\n"
    "  {\"day\": 1, \"items\": []}, {\"day\": 2, \"items\": []}, {\"day\": 3, \"items\": []},\n"
    "  {\"day\": 4, \"items\": []}, {\"day\": 5, \"items\": []}, {\"day\": 6, \"items\": []}]}";

void test_evaluate_valid_and_invalid(void) {
  bkb_planner *planner = capi_default_planner();
  char *profile = capi_read_source_file("examples/profiles/desk_worker.json");
  bkb_plan *plan = NULL;
  bkb_plan *broken = NULL;
  bkb_evaluation *evaluation = NULL;
  uint32_t i;
  int saw_h1 = 0;
  int saw_h3 = 0;
  REQUIRE(planner != NULL && profile != NULL);
  REQUIRE(bkb_planner_plan(planner, profile, &plan) == BKB_OK);

  /* The planner's own week is valid and scores what the plan says. */
  REQUIRE(bkb_evaluate(planner, profile, plan, &evaluation) == BKB_OK);
  CHECK(bkb_evaluation_is_valid(evaluation) == 1);
  CHECK(bkb_evaluation_violation_count(evaluation) == 0);
  CHECK(fabs(bkb_evaluation_score(evaluation) - bkb_plan_score(plan)) < 1e-9);
  CHECK(strstr(bkb_evaluation_json(evaluation), "\"schema\": \"backbalance.evaluation/1\"") !=
        NULL);
  bkb_evaluation_destroy(&evaluation);
  CHECK(evaluation == NULL);

  /* A week that breaks rules is still a successful call. */
  REQUIRE(bkb_plan_from_json(kBrokenWeek, &broken) == BKB_OK);
  REQUIRE(bkb_evaluate(planner, profile, broken, &evaluation) == BKB_OK);
  CHECK(bkb_evaluation_is_valid(evaluation) == 0);
  REQUIRE(bkb_evaluation_violation_count(evaluation) >= 2);
  for (i = 0; i < bkb_evaluation_violation_count(evaluation); ++i) {
    const char *rule = bkb_evaluation_violation_rule(evaluation, i);
    CHECK(bkb_evaluation_violation_detail(evaluation, i) != NULL);
    if (strcmp(rule, "H1") == 0) saw_h1 = 1;
    if (strcmp(rule, "H3") == 0) saw_h3 = 1;
  }
  CHECK(saw_h1 && saw_h3);
  CHECK(bkb_evaluation_violation_rule(evaluation, 999) == NULL);
  CHECK(bkb_evaluation_violation_detail(evaluation, 999) == NULL);
  bkb_evaluation_destroy(&evaluation);

  /* Input the model cannot judge. */
  CHECK(bkb_evaluate(planner, "{\"schema\": \"backbalance.profile/1\", \"pain\": -1}", plan,
                     &evaluation) == BKB_INVALID_ARGUMENT);
  CHECK(evaluation == NULL);
  CHECK_FIRST_PROBLEM(1, "pain", "range");
  CHECK(bkb_evaluate(planner, profile, NULL, &evaluation) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument plan", "required");

  free(profile);
  bkb_plan_destroy(&broken);
  bkb_plan_destroy(&plan);
  bkb_planner_destroy(&planner);
}
