/* Experimental (BKB_EXPERIMENTAL): programmes and progress (plan model section 13). */
#define BKB_EXPERIMENTAL 1

#include <stdlib.h>

#include "capi_test.h"

void test_programme_weeks_and_options(void) {
  bkb_planner *planner = capi_default_planner();
  char *profile = capi_read_source_file("examples/profiles/desk_worker.json");
  char *out = NULL;
  REQUIRE(planner != NULL && profile != NULL);
  REQUIRE(bkb_planner_programme(planner, profile, "{\"weeks\": 4, \"deload_every\": 4}", &out) ==
          BKB_OK);
  REQUIRE(out != NULL);
  CHECK(strstr(out, "{\n  \"schema\": \"backbalance.programme/1\"") == out);
  CHECK(strstr(out, "\"week\": 4,\n      \"deload\": true") != NULL);
  bkb_free(out);
  /* NULL options: the defaults (4 weeks). */
  REQUIRE(bkb_planner_programme(planner, profile, NULL, &out) == BKB_OK);
  CHECK(strstr(out, "\"week\": 4") != NULL && strstr(out, "\"week\": 5") == NULL);
  bkb_free(out);
  /* Options out of range name the option; *out stays NULL. */
  out = (char *)1;
  CHECK(bkb_planner_programme(planner, profile, "{\"weeks\": 27}", &out) == BKB_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK_FIRST_PROBLEM(1, "weeks", "range");
  CHECK(bkb_planner_programme(planner, profile, "{\"weekz\": 2}", &out) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "weekz", "unknown_field");
  CHECK(bkb_planner_programme(NULL, profile, NULL, &out) == BKB_INVALID_ARGUMENT);
  free(profile);
  bkb_planner_destroy(&planner);
}

void test_progress_of_a_journal(void) {
  bkb_planner *planner = capi_default_planner();
  char *profile = capi_read_source_file("examples/profiles/desk_worker.json");
  char *week = capi_read_source_file("examples/plans/desk_worker_week.json");
  char *journal, *out = NULL;
  size_t size;
  REQUIRE(planner != NULL && profile != NULL && week != NULL);
  size = strlen(profile) + strlen(week) + 200;
  journal = (char *)malloc(size);
  REQUIRE(journal != NULL);
  snprintf(journal, size,
           "{\"schema\": \"backbalance.journal/1\", \"weeks\": [{\"profile\": %s, \"plan\": %s, "
           "\"feedback\": [{\"day\": 0, \"exercise\": \"glute_bridge\", \"completed\": true}]}]}",
           profile, week);
  REQUIRE(bkb_planner_progress(planner, journal, &out) == BKB_OK);
  CHECK(strstr(out, "{\n  \"schema\": \"backbalance.progress/1\"") == out);
  CHECK(strstr(out, "\"slope\": null") != NULL);
  bkb_free(out);
  /* Feedback naming a use the week's plan does not hold. */
  snprintf(journal, size,
           "{\"schema\": \"backbalance.journal/1\", \"weeks\": [{\"profile\": %s, \"plan\": %s, "
           "\"feedback\": [{\"day\": 0, \"exercise\": \"not_there\"}]}]}",
           profile, week);
  CHECK(bkb_planner_progress(planner, journal, &out) == BKB_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK_FIRST_PROBLEM(1, "weeks[0].feedback[0]", "unknown_use");
  free(journal);
  free(week);
  free(profile);
  bkb_planner_destroy(&planner);
}
