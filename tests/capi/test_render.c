/* Experimental (BKB_EXPERIMENTAL): bkb_plan_render, a plan's views by name. Each view is
 * byte for byte the command line's; each error names its argument or option. */
#define BKB_EXPERIMENTAL 1

#include <stdlib.h>

#include "capi_test.h"

static const char *const kProfiles[] = {
    "acute_flare",    "desk_worker", "fit_runner", "herniated_disc_sciatica",
    "osteoporosis",   "pregnancy",   "red_flags",  "spinal_stenosis_older",
    "too_little_time"};

static char *read_profile(const char *name) {
  char relative[256];
  snprintf(relative, sizeof relative, "examples/profiles/%s.json", name);
  return capi_read_source_file(relative);
}

/* Renders `plan` and compares it with `backbalance plan --profile <name> <cli_flags>`. */
static void check_same_as_cli(const bkb_plan *plan, const bkb_planner *planner, const char *name,
                              const char *profile, const char *format, const char *options,
                              const char *cli_flags) {
  char arguments[1024];
  char *expected;
  char *actual = NULL;
  snprintf(arguments, sizeof arguments,
           "plan --catalog builtin --profile examples/profiles/%s.json --format %s %s", name,
           format, cli_flags);
  expected = capi_cli_output(arguments);
  CHECK(expected != NULL);
  if (bkb_plan_render(plan, format, planner, profile, options, &actual) != BKB_OK) {
    fprintf(stderr, "%s %s: %s\n", name, format, bkb_last_error_message());
    ++capi_test_failures;
  } else if (expected != NULL && strcmp(actual, expected) != 0) {
    fprintf(stderr, "%s: bkb_plan_render(\"%s\") differs from `backbalance %s`\n", name, format,
            arguments);
    ++capi_test_failures;
  }
  bkb_free(actual);
  free(expected);
}

void test_render_views_match_cli(void) {
  bkb_planner *planner = capi_default_planner();
  size_t i;
  if (BKB_CLI_PATH[0] == '\0') {
    printf("skipped: built without the command line\n");
    exit(77);
  }
  REQUIRE(planner != NULL);
  /* FHIR for every example profile, with and without a subject. */
  for (i = 0; i < sizeof kProfiles / sizeof kProfiles[0]; ++i) {
    char *profile = read_profile(kProfiles[i]);
    bkb_plan *plan = NULL;
    REQUIRE(profile != NULL);
    REQUIRE(bkb_planner_plan(planner, profile, &plan) == BKB_OK);
    check_same_as_cli(plan, planner, kProfiles[i], profile, "fhir", NULL, "");
    check_same_as_cli(plan, planner, kProfiles[i], profile, "fhir",
                      "{\"subject\": \"Patient/123\"}", "--subject Patient/123");
    bkb_plan_destroy(&plan);
    free(profile);
  }
  /* Every other view of one week: json, text (no colour), markdown, html, ics. */
  {
    char *profile = read_profile("desk_worker");
    bkb_plan *plan = NULL;
    REQUIRE(profile != NULL);
    REQUIRE(bkb_planner_plan(planner, profile, &plan) == BKB_OK);
    check_same_as_cli(plan, planner, "desk_worker", profile, "json", NULL, "");
    check_same_as_cli(plan, planner, "desk_worker", NULL, "text", "{\"color\": false}",
                      "--color never");
    check_same_as_cli(plan, planner, "desk_worker", NULL, "text", "{\"color\": true}",
                      "--color always");
    check_same_as_cli(plan, planner, "desk_worker", NULL, "markdown", NULL, "");
    check_same_as_cli(plan, planner, "desk_worker", NULL, "html", "{}", "");
    check_same_as_cli(plan, planner, "desk_worker", NULL, "ics",
                      "{\"start\": \"2026-12-07T07:00\", \"weeks\": 2}",
                      "--start 2026-12-07T07:00 --weeks 2");
    bkb_plan_destroy(&plan);
    free(profile);
  }
  bkb_planner_destroy(&planner);
}

void test_render_plans_read_from_json(void) {
  bkb_planner *planner = capi_default_planner();
  char *profile = read_profile("herniated_disc_sciatica");
  char *week = capi_read_source_file("examples/plans/desk_worker_week.json");
  bkb_plan *plan = NULL;
  char *out = NULL;
  REQUIRE(planner != NULL && profile != NULL && week != NULL);
  /* A plan read from JSON renders too; the title is the caller's. */
  REQUIRE(bkb_plan_from_json(week, &plan) == BKB_OK);
  REQUIRE(bkb_plan_render(plan, "markdown", planner, NULL, "{\"title\": \"Anna's week\"}", &out) ==
          BKB_OK);
  CHECK(strncmp(out, "# Anna's week", 13) == 0);
  CHECK_STR(bkb_last_error_message(), "");
  bkb_free(out);
  /* The FHIR bundle names the profile's conditions (sciatica: SNOMED CT 23056005). */
  REQUIRE(bkb_plan_render(plan, "fhir", planner, profile, NULL, &out) == BKB_OK);
  CHECK(strstr(out, "\"resourceType\": \"Bundle\"") != NULL);
  CHECK(strstr(out, "\"code\": \"23056005\"") != NULL);
  bkb_free(out);
  bkb_plan_destroy(&plan);
  free(week);
  free(profile);
  bkb_planner_destroy(&planner);
}

/* Expects `status`, `*out` NULL afterwards, and the first problem at `path` with `rule`. */
static void check_render_error(const bkb_plan *plan, const char *format, const bkb_planner *planner,
                               const char *profile, const char *options, bkb_status status,
                               const char *path, const char *rule) {
  char *out = (char *)1;
  const bkb_status got = bkb_plan_render(plan, format, planner, profile, options, &out);
  if (got != status || out != NULL) {
    fprintf(stderr, "render(%s, %s): expected %s and NULL, got %s (%s)\n", format ? format : "NULL",
            options ? options : "NULL", bkb_status_name(status), bkb_status_name(got),
            out == NULL ? "NULL" : "not NULL");
    ++capi_test_failures;
  }
  CHECK_FIRST_PROBLEM(1, path, rule);
}

void test_render_errors(void) {
  bkb_planner *planner = capi_default_planner();
  char *profile = read_profile("desk_worker");
  char *red_flags = read_profile("red_flags");
  bkb_plan *plan = NULL;
  bkb_plan *referral = NULL;
  REQUIRE(planner != NULL && profile != NULL && red_flags != NULL);
  REQUIRE(bkb_planner_plan(planner, profile, &plan) == BKB_OK);
  REQUIRE(bkb_planner_plan(planner, red_flags, &referral) == BKB_OK);

  /* An unknown format: the message names it and every format there is. */
  check_render_error(plan, "pdf", planner, NULL, NULL, BKB_INVALID_ARGUMENT, "argument format",
                     "unknown_name");
  CHECK_STR(bkb_last_error_message(),
            "argument format: unknown_name: must be one of json, text, markdown, html, ics, "
            "fhir; got \"pdf\"");
  check_render_error(plan, "FHIR", planner, profile, NULL, BKB_INVALID_ARGUMENT, "argument format",
                     "unknown_name");
  /* NULL arguments. */
  check_render_error(plan, NULL, planner, NULL, NULL, BKB_INVALID_ARGUMENT, "argument format",
                     "required");
  check_render_error(NULL, "json", planner, NULL, NULL, BKB_INVALID_ARGUMENT, "argument plan",
                     "required");
  check_render_error(plan, "json", NULL, NULL, NULL, BKB_INVALID_ARGUMENT, "argument planner",
                     "required");
  CHECK(bkb_plan_render(plan, "json", planner, NULL, NULL, NULL) == BKB_INVALID_ARGUMENT);
  CHECK_FIRST_PROBLEM(1, "argument out", "required");
  /* fhir needs the profile; a bad profile is named as bkb_planner_plan names it. */
  check_render_error(plan, "fhir", planner, NULL, NULL, BKB_INVALID_ARGUMENT,
                     "argument profile_json", "required");
  check_render_error(plan, "fhir", planner, "{\"schema\": \"backbalance.profile/1\", \"pain\": 11}",
                     NULL, BKB_INVALID_ARGUMENT, "pain", "range");
  check_render_error(plan, "text", planner, "{\"schema\": \"backbalance.profile/1\", \"pain\": 11}",
                     NULL, BKB_INVALID_ARGUMENT, "pain", "range");
  /* Options: only the chosen format's, each checked. */
  check_render_error(plan, "json", planner, NULL, "{\"title\": \"x\"}", BKB_INVALID_ARGUMENT,
                     "options.title", "unknown_field");
  check_render_error(plan, "fhir", planner, profile, "{\"start\": \"2026-12-07T07:00\"}",
                     BKB_INVALID_ARGUMENT, "options.start", "unknown_field");
  check_render_error(plan, "text", planner, NULL, "{\"color\": 1}", BKB_INVALID_ARGUMENT,
                     "options.color", "type");
  check_render_error(plan, "html", planner, NULL, "{\"title\": \"a\\u001b[31mb\"}",
                     BKB_INVALID_ARGUMENT, "options.title", "control_character");
  check_render_error(plan, "fhir", planner, profile, "{\"subject\": 7}", BKB_INVALID_ARGUMENT,
                     "options.subject", "type");
  check_render_error(plan, "ics", planner, NULL, NULL, BKB_INVALID_ARGUMENT, "options.start",
                     "required");
  check_render_error(plan, "ics", planner, NULL, "{\"start\": \"2026-02-30T07:00\"}",
                     BKB_INVALID_ARGUMENT, "options.start", "range");
  check_render_error(plan, "ics", planner, NULL, "{\"start\": \"2026-12-07T07:00\", \"weeks\": 53}",
                     BKB_INVALID_ARGUMENT, "options.weeks", "range");
  check_render_error(plan, "text", planner, NULL, "[1]", BKB_INVALID_ARGUMENT, "options", "type");
  check_render_error(plan, "text", planner, NULL, "{title", BKB_INVALID_ARGUMENT, "options",
                     "syntax");
  /* A referral has no session to put in a calendar. */
  check_render_error(referral, "ics", planner, NULL, "{\"start\": \"2026-12-07T07:00\"}",
                     BKB_FAILED_PRECONDITION, "status", "no_sessions");

  bkb_plan_destroy(&referral);
  bkb_plan_destroy(&plan);
  free(red_flags);
  free(profile);
  bkb_planner_destroy(&planner);
}
