/* The C ABI under abuse: invalid UTF-8, an embedded NUL, an input over the size limit,
 * and many threads planning on one planner at once. Each gives a clear status (or the
 * same plan as one thread), never a crash. */
#include <pthread.h>
#include <stdlib.h>

#include "capi_test.h"

static const char kProfile[] =
    "{\"schema\": \"backbalance.profile/1\", \"pain\": 3, \"availability\": "
    "[30, 30, 30, 30, 30, 30, 30], \"seed\": 7}";

void test_invalid_utf8_is_a_syntax_problem(void) {
  bkb_plan *plan = NULL;
  bkb_planner *planner = capi_default_planner();
  REQUIRE(planner != NULL);
  /* "\xff" can start no UTF-8 sequence; "\xc3(" is a broken two-byte one. */
  CHECK(bkb_planner_plan(planner,
                         "{\"schema\": \"backbalance.profile/1\", \"pain\": 3, \"x\xff\": 1}",
                         &plan) == BKB_INVALID_ARGUMENT);
  CHECK(strstr(bkb_last_error_message(), "syntax") != NULL);
  CHECK(bkb_planner_plan(planner, "{\"schema\": \"backbalance.profile/\xc3(\"}", &plan) ==
        BKB_INVALID_ARGUMENT);
  CHECK(strstr(bkb_last_error_message(), "syntax") != NULL);
  CHECK(plan == NULL);
  bkb_planner_destroy(&planner);
}

void test_embedded_nul_ends_the_document(void) {
  /* A C string stops at its first NUL: what follows is never read, so the document is
   * cut short and reported as such. */
  static const char kCut[] = "{\"schema\": \"backbalance.profile/1\"\0, \"pain\": 3}";
  bkb_plan *plan = NULL;
  bkb_planner *planner = capi_default_planner();
  REQUIRE(planner != NULL);
  CHECK(bkb_planner_plan(planner, kCut, &plan) == BKB_INVALID_ARGUMENT);
  CHECK(strstr(bkb_last_error_message(), "(document): syntax: ") != NULL);
  CHECK(plan == NULL);
  bkb_planner_destroy(&planner);
}

void test_input_over_the_size_limit(void) {
  /* 64 MiB and one byte of spaces before a valid profile: refused by size before parsing. */
  const size_t padding = (size_t)64 * 1024 * 1024 + 1;
  const size_t length = padding + sizeof kProfile;
  char *huge = malloc(length);
  bkb_plan *plan = NULL;
  bkb_planner *planner = capi_default_planner();
  REQUIRE(huge != NULL);
  REQUIRE(planner != NULL);
  memset(huge, ' ', padding);
  memcpy(huge + padding, kProfile, sizeof kProfile);
  CHECK(bkb_planner_plan(planner, huge, &plan) == BKB_INVALID_ARGUMENT);
  CHECK(strstr(bkb_last_error_message(), "too_large") != NULL);
  CHECK(plan == NULL);
  free(huge);
  bkb_planner_destroy(&planner);
}

enum { kThreads = 8, kPlansPerThread = 3 };

struct worker {
  const bkb_planner *planner;
  int failures;
  char *first_json; /* the first plan's JSON (malloc'ed copy) */
  int mismatches;
};

static void *plan_many_times(void *argument) {
  struct worker *w = argument;
  int i;
  for (i = 0; i < kPlansPerThread; ++i) {
    bkb_plan *plan = NULL;
    const char *json;
    if (bkb_planner_plan(w->planner, kProfile, &plan) != BKB_OK) {
      ++w->failures;
      continue;
    }
    json = bkb_plan_json(plan);
    if (w->first_json == NULL) {
      w->first_json = malloc(strlen(json) + 1);
      if (w->first_json != NULL) strcpy(w->first_json, json);
    } else if (strcmp(w->first_json, json) != 0) {
      ++w->mismatches;
    }
    bkb_plan_destroy(&plan);
  }
  return NULL;
}

void test_concurrent_plans_on_one_planner(void) {
  pthread_t threads[kThreads];
  struct worker workers[kThreads];
  bkb_plan *single = NULL;
  bkb_planner *planner = capi_default_planner();
  int t;
  REQUIRE(planner != NULL);
  REQUIRE(bkb_planner_plan(planner, kProfile, &single) == BKB_OK);
  for (t = 0; t < kThreads; ++t) {
    workers[t].planner = planner;
    workers[t].failures = 0;
    workers[t].first_json = NULL;
    workers[t].mismatches = 0;
    REQUIRE(pthread_create(&threads[t], NULL, plan_many_times, &workers[t]) == 0);
  }
  for (t = 0; t < kThreads; ++t) {
    CHECK(pthread_join(threads[t], NULL) == 0);
    CHECK(workers[t].failures == 0);
    CHECK(workers[t].mismatches == 0);
    CHECK(workers[t].first_json != NULL &&
          strcmp(workers[t].first_json, bkb_plan_json(single)) == 0);
    free(workers[t].first_json);
  }
  bkb_plan_destroy(&single);
  bkb_planner_destroy(&planner);
}
