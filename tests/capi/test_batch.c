/* Batches: many profiles on many threads, each result what a single call gives. */
#include <stdlib.h>

#include "capi_test.h"

static const char *const kProfileFiles[] = {
    "examples/profiles/desk_worker.json",  "examples/profiles/fit_runner.json",
    "examples/profiles/red_flags.json",    "examples/profiles/too_little_time.json",
    "examples/profiles/osteoporosis.json", "examples/profiles/pregnancy.json"};
#define PROFILE_COUNT (sizeof kProfileFiles / sizeof kProfileFiles[0])

void test_batch_matches_single_plans(void) {
  bkb_planner *planner = capi_default_planner();
  char *profiles[PROFILE_COUNT];
  bkb_batch *batch = NULL;
  size_t i;
  REQUIRE(planner != NULL);
  for (i = 0; i < PROFILE_COUNT; ++i) {
    profiles[i] = capi_read_source_file(kProfileFiles[i]);
    REQUIRE(profiles[i] != NULL);
  }
  REQUIRE(bkb_planner_plan_batch(planner, (const char *const *)profiles, PROFILE_COUNT, 2,
                                 &batch) == BKB_OK);
  REQUIRE(bkb_batch_size(batch) == PROFILE_COUNT);
  for (i = 0; i < PROFILE_COUNT; ++i) {
    bkb_plan *single = NULL;
    const bkb_plan *batched = bkb_batch_plan(batch, (uint32_t)i);
    CHECK(bkb_batch_status(batch, (uint32_t)i) == BKB_OK);
    CHECK_STR(bkb_batch_error_message(batch, (uint32_t)i), "");
    CHECK(bkb_batch_problem_count(batch, (uint32_t)i) == 0);
    REQUIRE(batched != NULL);
    REQUIRE(bkb_planner_plan(planner, profiles[i], &single) == BKB_OK);
    CHECK_STR(bkb_plan_json(batched), bkb_plan_json(single));
    bkb_plan_destroy(&single);
  }
  CHECK(bkb_plan_get_status(bkb_batch_plan(batch, 2)) == BKB_PLAN_REFER);
  CHECK(bkb_batch_status(batch, PROFILE_COUNT) == BKB_OUT_OF_RANGE);
  CHECK(bkb_batch_plan(batch, PROFILE_COUNT) == NULL);
  bkb_batch_destroy(&batch);
  CHECK(batch == NULL);

  /* threads = 0: one per hardware thread; an empty batch is fine. */
  REQUIRE(bkb_planner_plan_batch(planner, (const char *const *)profiles, 2, 0, &batch) == BKB_OK);
  CHECK(bkb_batch_size(batch) == 2);
  bkb_batch_destroy(&batch);
  REQUIRE(bkb_planner_plan_batch(planner, NULL, 0, 1, &batch) == BKB_OK);
  CHECK(bkb_batch_size(batch) == 0);
  bkb_batch_destroy(&batch);
  for (i = 0; i < PROFILE_COUNT; ++i) free(profiles[i]);
  bkb_planner_destroy(&planner);
}

void test_batch_entry_errors(void) {
  bkb_planner *planner = capi_default_planner();
  char *good = capi_read_source_file("examples/profiles/desk_worker.json");
  const char *profiles[4];
  bkb_batch *batch = NULL;
  const char *path = NULL;
  const char *rule = NULL;
  const char *detail = NULL;
  REQUIRE(planner != NULL && good != NULL);
  profiles[0] = good;
  profiles[1] = "{\"schema\": \"backbalance.profile/1\", \"pain\": 11}";
  profiles[2] = NULL;
  profiles[3] = good;
  /* A bad entry fails alone; the call succeeds. */
  REQUIRE(bkb_planner_plan_batch(planner, profiles, 4, 2, &batch) == BKB_OK);
  CHECK(bkb_batch_status(batch, 0) == BKB_OK);
  CHECK(bkb_batch_status(batch, 1) == BKB_INVALID_ARGUMENT);
  CHECK(bkb_batch_plan(batch, 1) == NULL);
  CHECK(strncmp(bkb_batch_error_message(batch, 1), "pain: range: ", 13) == 0);
  REQUIRE(bkb_batch_problem_count(batch, 1) == 1);
  REQUIRE(bkb_batch_problem(batch, 1, 0, &path, &rule, &detail) == BKB_OK);
  CHECK_STR(path, "pain");
  CHECK_STR(rule, "range");
  CHECK(detail != NULL && strstr(detail, "11") != NULL);
  CHECK(bkb_batch_problem(batch, 1, 1, &path, &rule, &detail) == BKB_OUT_OF_RANGE);
  CHECK(path == NULL);
  CHECK(bkb_batch_problem(batch, 9, 0, NULL, NULL, NULL) == BKB_OUT_OF_RANGE);
  CHECK(bkb_batch_status(batch, 2) == BKB_INVALID_ARGUMENT);
  CHECK(strstr(bkb_batch_error_message(batch, 2), "argument profile_jsons[2]: required") != NULL);
  CHECK(bkb_batch_status(batch, 3) == BKB_OK);
  CHECK_STR(bkb_plan_json(bkb_batch_plan(batch, 3)), bkb_plan_json(bkb_batch_plan(batch, 0)));
  bkb_batch_destroy(&batch);

  /* Bad arguments fail the call. */
  CHECK(bkb_planner_plan_batch(planner, profiles, 1, -1, &batch) == BKB_INVALID_ARGUMENT);
  CHECK(batch == NULL);
  CHECK_FIRST_PROBLEM(1, "argument threads", "range");
  CHECK(bkb_planner_plan_batch(planner, NULL, 3, 1, &batch) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument profile_jsons", "required");
  free(good);
  bkb_planner_destroy(&planner);
}
