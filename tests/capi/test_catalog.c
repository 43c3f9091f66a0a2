/* Catalog handles: the built-in set, JSON text and files, and their problems. */
#include <stdlib.h>

#include "capi_test.h"

/* Two faults in one record: a bad id and a rest_hours out of range. */
static const char kBadCatalog[] =
    "{\"schema\": \"backbalance.catalog/1\", \"exercises\": [\n"
    "  {\"id\": \"Bad Id\", \"name\": \"x\", \"category\": \"strength\", \"impact\": \"low\",\n"
    "   \"phases\": [\"main\"], \"primary_muscles\": [\"glutes\"], \"minutes\": 5,\n"
    "   \"rest_hours\": 120, \"dose\": {\"sets\": 2, \"reps\": 10}}]}";

void test_catalog_builtin(void) {
  bkb_catalog *catalog = NULL;
  const char *sha;
  REQUIRE(bkb_catalog_builtin(&catalog) == BKB_OK);
  REQUIRE(catalog != NULL);
  CHECK(bkb_catalog_size(catalog) >= 40);
  sha = bkb_catalog_sha256(catalog);
  CHECK(sha != NULL && strlen(sha) == 64 && strspn(sha, "0123456789abcdef") == 64);
  CHECK(strncmp(bkb_catalog_json(catalog), "{\n  \"schema\": \"backbalance.catalog/1\"", 37) == 0);
  bkb_catalog_destroy(&catalog);
  CHECK(catalog == NULL);
}

void test_catalog_round_trip(void) {
  bkb_catalog *builtin = NULL;
  bkb_catalog *copy = NULL;
  REQUIRE(bkb_catalog_builtin(&builtin) == BKB_OK);
  REQUIRE(bkb_catalog_from_json(bkb_catalog_json(builtin), &copy) == BKB_OK);
  CHECK_STR(bkb_catalog_sha256(copy), bkb_catalog_sha256(builtin));
  CHECK(bkb_catalog_size(copy) == bkb_catalog_size(builtin));
  CHECK_STR(bkb_catalog_json(copy), bkb_catalog_json(builtin));
  bkb_catalog_destroy(&copy);
  bkb_catalog_destroy(&builtin);
}

void test_catalog_invalid_problems(void) {
  bkb_catalog *catalog = (bkb_catalog *)&catalog; /* not NULL: the call must reset it */
  const char *path = NULL;
  const char *rule = NULL;
  const char *detail = NULL;
  CHECK(bkb_catalog_from_json(kBadCatalog, &catalog) == BKB_INVALID_ARGUMENT);
  CHECK(catalog == NULL);
  /* Readable one by one, in document order. */
  REQUIRE(bkb_last_error_problem_count() == 2);
  REQUIRE(bkb_last_error_problem(0, &path, &rule, &detail) == BKB_OK);
  CHECK_STR(path, "exercises[0].id");
  CHECK_STR(rule, "pattern");
  CHECK(strstr(detail, "Bad Id") != NULL);
  REQUIRE(bkb_last_error_problem(1, &path, &rule, NULL) == BKB_OK);
  CHECK_STR(path, "exercises[0].rest_hours");
  CHECK_STR(rule, "range");
  CHECK(bkb_last_error_problem(2, &path, &rule, &detail) == BKB_OUT_OF_RANGE);
  CHECK(path == NULL && rule == NULL && detail == NULL);
  /* The message has the same problems, one per line. */
  CHECK(strncmp(bkb_last_error_message(), "exercises[0].id: pattern: ", 26) == 0);
  CHECK(strstr(bkb_last_error_message(), "\nexercises[0].rest_hours: range: ") != NULL);

  CHECK(bkb_catalog_from_json("{not json", &catalog) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "", "syntax");
  CHECK(strncmp(bkb_last_error_message(), "(document): syntax: ", 20) == 0);
}

void test_catalog_file_errors(void) {
  bkb_catalog *catalog = NULL;
  char path[4096];
  CHECK(bkb_catalog_from_file("/nonexistent/backbalance/catalog.json", &catalog) == BKB_NOT_FOUND);
  CHECK(catalog == NULL);
  CHECK(strstr(bkb_last_error_message(), "/nonexistent/backbalance/catalog.json") != NULL);
  snprintf(path, sizeof path, "%s/data/catalog/builtin.json", BKB_SOURCE_DIR);
  REQUIRE(bkb_catalog_from_file(path, &catalog) == BKB_OK);
  CHECK(bkb_catalog_size(catalog) > 0);
  bkb_catalog_destroy(&catalog);
}

/* Plan model v2 catalog inputs through the C ABI: every problem of a document, by path. */
static const char kBadV2Catalog[] =
    "{\"schema\": \"backbalance.catalog/1\",\n"
    " \"condition_rules\": {\"bad_knees\": {\"avoid\": [\"knee_loading\"]},\n"
    "                     \"knee_pain\": {\"avoid\": [\"knee_loading+knee_loading\"]}},\n"
    " \"exercises\": [\n"
    "  {\"id\": \"squat\", \"name\": \"Squat\", \"category\": \"strength\", \"impact\": \"low\",\n"
    "   \"phases\": [\"warmup\", \"main\"], \"primary_muscles\": [\"glutes\"], \"minutes\": 5,\n"
    "   \"dose\": {\"sets\": 2, \"reps\": 10}, \"movements\": [\"knee_loading\", \"lunging\"]},\n"
    "  {\"id\": \"plank\", \"name\": \"Plank\", \"category\": \"strength\", \"impact\": \"low\",\n"
    "   \"phases\": [\"main\"], \"primary_muscles\": [\"core\"], \"minutes\": 5,\n"
    "   \"dose\": {\"hold_seconds\": 20, \"reps\": 3}, \"movements\": [\"prone\", \"prone\"]}]}";

void test_catalog_model_v2_problems(void) {
  bkb_catalog *catalog = NULL;
  const char *path = NULL;
  const char *rule = NULL;
  CHECK(bkb_catalog_from_json(kBadV2Catalog, &catalog) == BKB_INVALID_ARGUMENT);
  CHECK(catalog == NULL);
  REQUIRE(bkb_last_error_problem_count() == 5);
  REQUIRE(bkb_last_error_problem(0, &path, &rule, NULL) == BKB_OK);
  CHECK_STR(path, "condition_rules.bad_knees");
  CHECK_STR(rule, "unknown_name");
  REQUIRE(bkb_last_error_problem(1, &path, &rule, NULL) == BKB_OK);
  CHECK_STR(path, "condition_rules.knee_pain.avoid[0]");
  CHECK_STR(rule, "duplicate");
  REQUIRE(bkb_last_error_problem(2, &path, &rule, NULL) == BKB_OK);
  CHECK_STR(path, "exercises[0].phases");
  CHECK_STR(rule, "warmup_not_dynamic");
  REQUIRE(bkb_last_error_problem(3, &path, &rule, NULL) == BKB_OK);
  CHECK_STR(path, "exercises[0].movements[1]");
  CHECK_STR(rule, "unknown_name");
  REQUIRE(bkb_last_error_problem(4, &path, &rule, NULL) == BKB_OK);
  CHECK_STR(path, "exercises[1].movements[1]");
  CHECK_STR(rule, "duplicate");
  CHECK(bkb_catalog_from_json("{\"schema\": \"backbalance.catalog/1\", \"condition_rules\": [], "
                              "\"exercises\": []}",
                              &catalog) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "condition_rules", "type");
}

/* The canonical JSON of a catalog holds the effective condition rules and movements. */
void test_catalog_json_model_v2(void) {
  bkb_catalog *catalog = NULL;
  const char *json;
  REQUIRE(bkb_catalog_from_json(
              "{\"schema\": \"backbalance.catalog/1\", \"conditions\": [\"wrist\"],\n"
              " \"condition_rules\": {\"wrist\": {\"caution\": [\"arm_loading\"]}},\n"
              " \"exercises\": [{\"id\": \"push_up\", \"name\": \"Push-up\", \"category\": "
              "\"strength\", \"impact\": \"low\", \"phases\": [\"main\"], \"primary_muscles\": "
              "[\"chest\"], \"minutes\": 5, \"dose\": {\"sets\": 2, \"reps\": 10}, \"movements\": "
              "[\"prone\", \"arm_loading\"]}]}",
              &catalog) == BKB_OK);
  json = bkb_catalog_json(catalog);
  CHECK(strstr(json,
               "\"condition_rules\": {\n    \"acute_flare\": {\n      \"avoid\": [\n"
               "        \"external_load\"\n      ],\n      \"caution\": []\n    },") != NULL);
  CHECK(strstr(json,
               "\"wrist\": {\n      \"avoid\": [],\n      \"caution\": [\n"
               "        \"arm_loading\"\n      ]\n    }") != NULL);
  CHECK(strstr(json, "\"movements\": [\n        \"prone\",\n        \"arm_loading\"\n      ]") !=
        NULL);
  bkb_catalog_destroy(&catalog);
}
