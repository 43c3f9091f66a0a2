/* Experimental (BKB_EXPERIMENTAL): clinician control (plan model sections 12, 12.1):
 * repair, replan and alternatives, each on success and on every error path. */
#define BKB_EXPERIMENTAL 1

#include <stdlib.h>

#include "capi_test.h"

struct fixture {
  bkb_planner *planner;
  char *profile;
  bkb_plan *week; /* the planner's week for the profile: valid */
};

static int set_up(struct fixture *f) {
  f->planner = capi_default_planner();
  f->profile = capi_read_source_file("examples/profiles/desk_worker.json");
  f->week = NULL;
  if (f->planner == NULL || f->profile == NULL) return 0;
  return bkb_planner_plan(f->planner, f->profile, &f->week) == BKB_OK &&
         bkb_plan_get_status(f->week) == BKB_PLAN_OK;
}

static void tear_down(struct fixture *f) {
  bkb_plan_destroy(&f->week);
  bkb_planner_destroy(&f->planner);
  free(f->profile);
}

/* The first main-phase use of the week: its day and exercise. */
static const char *first_main_use(const bkb_plan *week, uint32_t *day) {
  uint32_t d, i;
  for (d = 0; d < bkb_plan_day_count(week); ++d) {
    for (i = 0; i < bkb_plan_item_count(week, d); ++i) {
      if (bkb_plan_item_phase(week, d, i) == BKB_PHASE_MAIN) {
        *day = d;
        return bkb_plan_item_exercise(week, d, i);
      }
    }
  }
  return NULL;
}

static bkb_plan *read_plan(const char *relative) {
  char *text = capi_read_source_file(relative);
  bkb_plan *plan = NULL;
  if (text != NULL) bkb_plan_from_json(text, &plan);
  free(text);
  return plan;
}

void test_clinician_repair(void) {
  struct fixture f;
  bkb_plan *repaired = NULL, *edited;
  REQUIRE(set_up(&f));
  /* A valid week comes back as given, with no changes. */
  REQUIRE(bkb_planner_repair(f.planner, f.profile, f.week, &repaired) == BKB_OK);
  CHECK(bkb_plan_get_status(repaired) == BKB_PLAN_OK);
  CHECK(strstr(bkb_plan_json(repaired), "\"changes\": []") != NULL);
  CHECK(bkb_plan_score(repaired) == bkb_plan_score(f.week));
  bkb_plan_destroy(&repaired);
  /* An edited week: a valid week with the changes listed; the input is not changed. */
  edited = read_plan("examples/clinician/edited_week.json");
  REQUIRE(edited != NULL);
  REQUIRE(bkb_planner_repair(f.planner, f.profile, edited, &repaired) == BKB_OK);
  CHECK(bkb_plan_get_status(repaired) == BKB_PLAN_OK);
  CHECK(strstr(bkb_plan_json(repaired), "\"changes\": [\n    {") != NULL);
  CHECK(strstr(bkb_plan_json(edited), "\"changes\"") == NULL);
  bkb_plan_destroy(&repaired);
  bkb_plan_destroy(&edited);
  tear_down(&f);
}

void test_clinician_repair_errors(void) {
  struct fixture f;
  bkb_plan *out = NULL;
  REQUIRE(set_up(&f));
  CHECK(bkb_planner_repair(NULL, f.profile, f.week, &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument planner", "required");
  CHECK(bkb_planner_repair(f.planner, f.profile, NULL, &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument plan", "required");
  CHECK(bkb_planner_repair(f.planner, f.profile, f.week, NULL) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument out", "required");
  out = (bkb_plan *)&f; /* a failed call sets *out to NULL */
  CHECK(bkb_planner_repair(f.planner, "{\"schema\": \"backbalance.profile/1\", \"pain\": 11}",
                           f.week, &out) == BKB_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK_FIRST_PROBLEM(1, "pain", "range");
  CHECK(bkb_planner_repair(f.planner,
                           "{\"schema\": \"backbalance.profile/1\", \"pins\": [{\"day\": 0, "
                           "\"exercise\": \"glute_bridge\", \"minutes\": 10}]}",
                           f.week, &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "pins[0].minutes", "range");
  tear_down(&f);
}

void test_clinician_replan(void) {
  struct fixture f;
  bkb_plan *replanned = NULL;
  REQUIRE(set_up(&f));
  /* Without feedback the past happened as planned; from_day 7: the week as it was. */
  REQUIRE(bkb_planner_replan(f.planner, f.profile, f.week, 3, NULL, &replanned) == BKB_OK);
  CHECK(bkb_plan_get_status(replanned) == BKB_PLAN_OK);
  CHECK(bkb_plan_item_count(replanned, 0) == bkb_plan_item_count(f.week, 0));
  bkb_plan_destroy(&replanned);
  REQUIRE(bkb_planner_replan(f.planner, f.profile, f.week, 7, NULL, &replanned) == BKB_OK);
  CHECK(bkb_plan_day_minutes(replanned, 6) == bkb_plan_day_minutes(f.week, 6));
  bkb_plan_destroy(&replanned);
  /* With feedback: only completed uses happened ([] - nothing did). */
  REQUIRE(bkb_planner_replan(f.planner, f.profile, f.week, 2, "[]", &replanned) == BKB_OK);
  CHECK(bkb_plan_item_count(replanned, 0) == 0 && bkb_plan_item_count(replanned, 1) == 0);
  bkb_plan_destroy(&replanned);
  tear_down(&f);
}

void test_clinician_replan_errors(void) {
  struct fixture f;
  bkb_plan *out = NULL;
  uint32_t day = 0;
  const char *exercise;
  char feedback[512];
  REQUIRE(set_up(&f));
  exercise = first_main_use(f.week, &day);
  REQUIRE(exercise != NULL);
  CHECK(bkb_planner_replan(f.planner, f.profile, f.week, 8, NULL, &out) == BKB_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK_FIRST_PROBLEM(1, "from_day", "range");
  CHECK(bkb_planner_replan(f.planner, f.profile, f.week, -1, NULL, &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "from_day", "range");
  /* A day that has not happened, even for a use the week does not hold: checked first. */
  CHECK(bkb_planner_replan(f.planner, f.profile, f.week, 1,
                           "[{\"day\": 4, \"exercise\": \"not_in_the_week\"}]",
                           &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "feedback[0].day", "not_happened");
  CHECK(bkb_planner_replan(f.planner, f.profile, f.week, 7,
                           "[{\"day\": 0, \"exercise\": \"not_in_the_week\"}]",
                           &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "feedback[0]", "unknown_use");
  snprintf(feedback, sizeof feedback,
           "[{\"day\": %u, \"exercise\": \"%s\"}, {\"day\": %u, \"exercise\": \"%s\"}]",
           (unsigned)day, exercise, (unsigned)day, exercise);
  CHECK(bkb_planner_replan(f.planner, f.profile, f.week, 7, feedback, &out) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "feedback[1]", "duplicate");
  /* The form of an entry, and of the document. */
  CHECK(bkb_planner_replan(f.planner, f.profile, f.week, 7,
                           "[{\"day\": 0, \"exercise\": \"x\", \"rpe\": 11}]",
                           &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "feedback[0].rpe", "range");
  CHECK(bkb_planner_replan(f.planner, f.profile, f.week, 7, "{}", &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "feedback", "type");
  CHECK(bkb_planner_replan(f.planner, f.profile, f.week, 7, "[", &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "", "syntax");
  CHECK(bkb_planner_replan(f.planner, f.profile, NULL, 3, NULL, &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument plan", "required");
  CHECK(bkb_planner_replan(f.planner, NULL, f.week, 3, NULL, &out) == BKB_INVALID_ARGUMENT);
  tear_down(&f);
}

void test_clinician_alternatives(void) {
  struct fixture f;
  char *out = NULL;
  uint32_t day = 0;
  const char *exercise;
  REQUIRE(set_up(&f));
  exercise = first_main_use(f.week, &day);
  REQUIRE(exercise != NULL);
  REQUIRE(bkb_planner_alternatives(f.planner, f.profile, f.week, (int32_t)day, exercise, &out) ==
          BKB_OK);
  REQUIRE(out != NULL);
  CHECK(strstr(out, "{\n  \"schema\": \"backbalance.alternatives/1\",\n  \"status\": \"ok\"") ==
        out);
  CHECK(strstr(out, "\"alternatives\": [") != NULL);
  bkb_free(out);
  /* A red flag: status refer, no alternatives. */
  REQUIRE(bkb_planner_alternatives(
              f.planner,
              "{\"schema\": \"backbalance.profile/1\", \"red_flags\": [\"major_trauma\"]}", f.week,
              (int32_t)day, exercise, &out) == BKB_OK);
  CHECK(strstr(out, "\"status\": \"refer\"") != NULL);
  CHECK(strstr(out, "\"alternatives\": []") != NULL);
  bkb_free(out);
  tear_down(&f);
}

void test_clinician_alternatives_errors(void) {
  struct fixture f;
  char *out = NULL;
  uint32_t day = 0;
  const char *exercise;
  bkb_plan *edited;
  REQUIRE(set_up(&f));
  exercise = first_main_use(f.week, &day);
  REQUIRE(exercise != NULL);
  out = (char *)&f;
  CHECK(bkb_planner_alternatives(f.planner, f.profile, f.week, (int32_t)day, "not_in_the_week",
                                 &out) == BKB_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK_FIRST_PROBLEM(1, "exercise", "unknown_use");
  CHECK(bkb_planner_alternatives(f.planner, f.profile, f.week, 7, exercise, &out) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "day", "range");
  CHECK(bkb_planner_alternatives(f.planner, f.profile, f.week, (int32_t)day, NULL, &out) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument exercise", "required");
  edited = read_plan("examples/clinician/edited_week.json");
  REQUIRE(edited != NULL);
  CHECK(bkb_planner_alternatives(f.planner, f.profile, edited, 0, "brisk_walking", &out) ==
        BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "plan", "invalid");
  bkb_plan_destroy(&edited);
  tear_down(&f);
}
