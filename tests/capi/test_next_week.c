/* Next week: last week's plan and feedback in, next week's profile and plan out. */
#include <stdlib.h>

#include "capi_test.h"

static const char kFeedback[] =
    "[\n"
    "  {\"day\": 0, \"exercise\": \"glute_bridge\", \"completed\": true, \"pain_after\": "
    "\"better\", \"soreness_hours\": 0, \"rpe\": 4},\n"
    "  {\"day\": 0, \"exercise\": \"brisk_walking\", \"completed\": true, \"pain_after\": "
    "\"same\", \"rpe\": 5},\n"
    "  {\"day\": 1, \"exercise\": \"side_plank_knees\", \"completed\": true, \"pain_after\": "
    "\"worse\", \"soreness_hours\": 0.5, \"rpe\": 7},\n"
    "  {\"day\": 3, \"exercise\": \"dead_bug\", \"completed\": false}\n"
    "]\n";

struct fixture {
  bkb_planner *planner;
  char *profile;
  bkb_plan *last_week;
};

static int set_up(struct fixture *f) {
  char *week = capi_read_source_file("examples/plans/desk_worker_week.json");
  f->planner = capi_default_planner();
  f->profile = capi_read_source_file("examples/profiles/desk_worker.json");
  f->last_week = NULL;
  if (week != NULL) bkb_plan_from_json(week, &f->last_week);
  free(week);
  return f->planner != NULL && f->profile != NULL && f->last_week != NULL;
}

static void tear_down(struct fixture *f) {
  bkb_plan_destroy(&f->last_week);
  bkb_planner_destroy(&f->planner);
  free(f->profile);
}

void test_next_week_adapts(void) {
  struct fixture f;
  bkb_next_week *next = NULL;
  const bkb_plan *plan;
  REQUIRE(set_up(&f));
  REQUIRE(bkb_planner_next_week(f.planner, f.profile, f.last_week, kFeedback, &next) == BKB_OK);
  CHECK(strncmp(bkb_next_week_json(next), "{\n  \"schema\": \"backbalance.next_week/1\"", 39) == 0);
  CHECK(strstr(bkb_next_week_profile_json(next), "\"history\"") != NULL);
  plan = bkb_next_week_plan(next);
  REQUIRE(plan != NULL);
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_OK);
  /* Made pain worse: excluded next week with the reason `worsened`. */
  CHECK(strstr(bkb_plan_json(plan),
               "\"exercise\": \"side_plank_knees\",\n      \"reason\": \"worsened\"") != NULL);
  /* The next-week document holds the same plan text. */
  CHECK(strstr(bkb_next_week_json(next), "\"status\": \"ok\"") != NULL);
  bkb_next_week_destroy(&next);
  CHECK(next == NULL);
  tear_down(&f);
}

void test_next_week_feedback_problems(void) {
  struct fixture f;
  bkb_next_week *next = NULL;
  REQUIRE(set_up(&f));
  CHECK(bkb_planner_next_week(f.planner, f.profile, f.last_week,
                              "[{\"day\": 0, \"exercise\": \"glute_bridge\", \"rpe\": 11}]",
                              &next) == BKB_INVALID_ARGUMENT);
  CHECK(next == NULL);
  CHECK_FIRST_PROBLEM(1, "feedback[0].rpe", "range");
  CHECK(bkb_planner_next_week(f.planner, f.profile, f.last_week,
                              "[{\"day\": 2, \"exercise\": \"glute_bridge\", \"completed\": true}]",
                              &next) == BKB_INVALID_ARGUMENT);
  CHECK(strstr(bkb_last_error_message(), ": unknown_use: ") != NULL);
  CHECK(strncmp(bkb_last_error_message(), "feedback[0]", 11) == 0);
  CHECK(bkb_planner_next_week(f.planner, f.profile, f.last_week, "{\"feedback\": []}", &next) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "feedback", "type");
  CHECK(bkb_planner_next_week(f.planner, f.profile, f.last_week, "[", &next) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "", "syntax");
  CHECK(bkb_planner_next_week(f.planner, f.profile, NULL, "[]", &next) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument last_week", "required");
  tear_down(&f);
}
