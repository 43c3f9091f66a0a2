/* Handle lifetimes: NULL-tolerant destroy, and handles freed in any order. */
#include <stdlib.h>

#include "capi_test.h"

void test_destroy_tolerates_null(void) {
  bkb_catalog *catalog = NULL;
  bkb_planner *planner = NULL;
  bkb_plan *plan = NULL;
  bkb_batch *batch = NULL;
  bkb_evaluation *evaluation = NULL;
  bkb_next_week *next = NULL;
  /* A NULL pointer and a pointer to NULL are both ignored. */
  bkb_catalog_destroy(NULL);
  bkb_catalog_destroy(&catalog);
  bkb_planner_destroy(NULL);
  bkb_planner_destroy(&planner);
  bkb_plan_destroy(NULL);
  bkb_plan_destroy(&plan);
  bkb_batch_destroy(NULL);
  bkb_batch_destroy(&batch);
  bkb_evaluation_destroy(NULL);
  bkb_evaluation_destroy(&evaluation);
  bkb_next_week_destroy(NULL);
  bkb_next_week_destroy(&next);
  bkb_free(NULL);
  /* Destroy clears the handle, so a second destroy is harmless. */
  REQUIRE(bkb_catalog_builtin(&catalog) == BKB_OK);
  bkb_catalog_destroy(&catalog);
  CHECK(catalog == NULL);
  bkb_catalog_destroy(&catalog);
}

void test_handles_destroyed_in_any_order(void) {
  bkb_catalog *catalog = NULL;
  bkb_planner *planner = NULL;
  bkb_plan *plan = NULL;
  char *profile = capi_read_source_file("examples/profiles/desk_worker.json");
  REQUIRE(profile != NULL);
  REQUIRE(bkb_catalog_builtin(&catalog) == BKB_OK);
  REQUIRE(bkb_planner_create(catalog, NULL, &planner) == BKB_OK);
  /* The planner shares the catalog: it plans after the caller's catalog handle is gone. */
  bkb_catalog_destroy(&catalog);
  REQUIRE(bkb_planner_plan(planner, profile, &plan) == BKB_OK);
  /* A plan owns all its data: it outlives the planner. */
  bkb_planner_destroy(&planner);
  CHECK(bkb_plan_get_status(plan) == BKB_PLAN_OK);
  CHECK(strstr(bkb_plan_json(plan), "\"schema\": \"backbalance.plan/1\"") != NULL);
  bkb_plan_destroy(&plan);
  free(profile);
}
