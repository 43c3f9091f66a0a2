/* The runner of the C ABI tests: `capi_tests NAME` runs one test, `capi_tests` lists
 * them. Exit 0 when the test passed. */
#include <stdlib.h>

#include "capi_test.h"

int capi_test_failures = 0;

#define CAPI_TESTS(X)                 \
  X(version_matches_header)           \
  X(status_values_and_names)          \
  X(catalog_builtin)                  \
  X(catalog_round_trip)               \
  X(catalog_invalid_problems)         \
  X(catalog_file_errors)              \
  X(catalog_model_v2_problems)        \
  X(catalog_json_model_v2)            \
  X(null_arguments)                   \
  X(options_default_json)             \
  X(options_problems)                 \
  X(options_applied)                  \
  X(options_model_v2_effects)         \
  X(plan_typed_accessors)             \
  X(plan_statuses)                    \
  X(plan_json_matches_cli)            \
  X(plan_from_json)                   \
  X(profile_problems)                 \
  X(profile_model_v2_problems)        \
  X(profile_canonical_json)           \
  X(batch_matches_single_plans)       \
  X(batch_entry_errors)               \
  X(evaluate_valid_and_invalid)       \
  X(next_week_adapts)                 \
  X(next_week_feedback_problems)      \
  X(programme_weeks_and_options)      \
  X(progress_of_a_journal)            \
  X(render_views_match_cli)           \
  X(render_plans_read_from_json)      \
  X(render_errors)                    \
  X(clinician_repair)                 \
  X(clinician_repair_errors)          \
  X(clinician_replan)                 \
  X(clinician_replan_errors)          \
  X(clinician_alternatives)           \
  X(clinician_alternatives_errors)    \
  X(destroy_tolerates_null)           \
  X(handles_destroyed_in_any_order)   \
  X(last_error_is_per_thread)         \
  X(last_error_cleared_on_success)    \
  X(invalid_utf8_is_a_syntax_problem) \
  X(embedded_nul_ends_the_document)   \
  X(input_over_the_size_limit)        \
  X(concurrent_plans_on_one_planner)

#define CAPI_DECLARE(name) void test_##name(void);
CAPI_TESTS(CAPI_DECLARE)

struct capi_test {
  const char *name;
  void (*run)(void);
};

#define CAPI_ENTRY(name) {#name, test_##name},
static const struct capi_test kTests[] = {CAPI_TESTS(CAPI_ENTRY)};

int main(int argc, char **argv) {
  size_t i;
  const size_t count = sizeof kTests / sizeof kTests[0];
  if (argc < 2) {
    for (i = 0; i < count; ++i) printf("%s\n", kTests[i].name);
    return 0;
  }
  for (i = 0; i < count; ++i) {
    if (strcmp(kTests[i].name, argv[1]) == 0) {
      kTests[i].run();
      if (capi_test_failures > 0) {
        fprintf(stderr, "%s: %d check(s) failed\n", argv[1], capi_test_failures);
        return 1;
      }
      return 0;
    }
  }
  fprintf(stderr, "unknown test %s\n", argv[1]);
  return 2;
}
