/* The last error: NULL arguments named, per thread, cleared by the next call. */
#include <pthread.h>
#include <stdlib.h>

#include "capi_test.h"

void test_null_arguments(void) {
  bkb_catalog *catalog = NULL;
  bkb_planner *planner = NULL;
  bkb_plan *plan = NULL;
  CHECK(bkb_catalog_builtin(NULL) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument out", "required");
  CHECK_STR(bkb_last_error_message(), "argument out: required: must not be NULL");
  CHECK(bkb_catalog_from_json(NULL, &catalog) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument json", "required");
  CHECK(bkb_catalog_from_file(NULL, &catalog) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument path", "required");
  CHECK(bkb_planner_create(NULL, NULL, &planner) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument catalog", "required");
  CHECK(bkb_planner_plan(NULL, "{}", &plan) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument planner", "required");
  planner = capi_default_planner();
  REQUIRE(planner != NULL);
  CHECK(bkb_planner_plan(planner, NULL, &plan) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument profile_json", "required");
  CHECK(bkb_plan_from_json(NULL, &plan) == BKB_INVALID_ARGUMENT);
  CHECK(bkb_profile_canonical_json(NULL, "{}", NULL) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument out", "required");
  CHECK(plan == NULL && catalog == NULL);
  bkb_planner_destroy(&planner);
}

struct thread_result {
  bkb_status status;
  char message[256];
};

static void *fail_in_thread(void *argument) {
  struct thread_result *result = argument;
  bkb_catalog *catalog = NULL;
  result->status = bkb_catalog_from_json("[]", &catalog);
  snprintf(result->message, sizeof result->message, "%s", bkb_last_error_message());
  return NULL;
}

void test_last_error_is_per_thread(void) {
  bkb_catalog *catalog = NULL;
  pthread_t thread;
  struct thread_result result;
  /* This thread fails; another thread's failure must not replace its message. */
  CHECK(bkb_catalog_from_file("/nonexistent/catalog.json", &catalog) == BKB_NOT_FOUND);
  REQUIRE(pthread_create(&thread, NULL, fail_in_thread, &result) == 0);
  REQUIRE(pthread_join(thread, NULL) == 0);
  CHECK(result.status == BKB_INVALID_ARGUMENT);
  CHECK(strstr(result.message, "(document): type: ") != NULL);
  CHECK(strstr(bkb_last_error_message(), "/nonexistent/catalog.json") != NULL);
  CHECK(bkb_last_error_problem_count() == 0 || strstr(bkb_last_error_message(), "type") == NULL);
}

void test_last_error_cleared_on_success(void) {
  bkb_catalog *catalog = NULL;
  CHECK(bkb_catalog_from_json("{", &catalog) == BKB_INVALID_ARGUMENT);
  CHECK(bkb_last_error_message()[0] != '\0');
  CHECK(bkb_last_error_problem_count() == 1);
  /* Accessors of the error do not clear it... */
  CHECK(bkb_last_error_problem(0, NULL, NULL, NULL) == BKB_OK);
  CHECK(bkb_last_error_problem_count() == 1);
  /* ...the next fallible call does. */
  REQUIRE(bkb_catalog_builtin(&catalog) == BKB_OK);
  CHECK_STR(bkb_last_error_message(), "");
  CHECK(bkb_last_error_problem_count() == 0);
  bkb_catalog_destroy(&catalog);
}
