/* File: tests/capi/capi_test.h
 *
 * A small test harness for the C ABI tests, in C99 so that the tests use the header as
 * a C program does. Each test is a function registered in capi_test_main.c; ctest runs
 * `capi_tests <name>` once per test. CHECK records a failure and goes on; REQUIRE stops
 * the test. */
#ifndef BACKBALANCE_TESTS_CAPI_CAPI_TEST_H_
#define BACKBALANCE_TESTS_CAPI_CAPI_TEST_H_

#include <stdio.h>
#include <string.h>

#include "backbalance/backbalance.h"

extern int capi_test_failures;

#define CHECK(condition)                                                            \
  do {                                                                              \
    if (!(condition)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      ++capi_test_failures;                                                         \
    }                                                                               \
  } while (0)

#define REQUIRE(condition)                                                                 \
  do {                                                                                     \
    if (!(condition)) {                                                                    \
      fprintf(stderr, "%s:%d: REQUIRE failed: %s\n(last error: %s)\n", __FILE__, __LINE__, \
              #condition, bkb_last_error_message());                                       \
      ++capi_test_failures;                                                                \
      return;                                                                              \
    }                                                                                      \
  } while (0)

#define CHECK_STR(actual, expected)                                                              \
  do {                                                                                           \
    const char *capi_actual_ = (actual);                                                         \
    const char *capi_expected_ = (expected);                                                     \
    if (capi_actual_ == NULL || strcmp(capi_actual_, capi_expected_) != 0) {                     \
      fprintf(stderr, "%s:%d: CHECK_STR failed: %s\n  actual:   %s\n  expected: %s\n", __FILE__, \
              __LINE__, #actual, capi_actual_ ? capi_actual_ : "(null)", capi_expected_);        \
      ++capi_test_failures;                                                                      \
    }                                                                                            \
  } while (0)

/* The whole file (NUL-terminated; free with free()), or NULL. `relative` is below the
 * source tree (BKB_SOURCE_DIR). */
char *capi_read_source_file(const char *relative);

/* The command line's stdout for `backbalance <arguments>` run in the source tree (paths
 * relative to it), or NULL when the tests were built without it. Free with free(). */
char *capi_cli_output(const char *arguments);

/* Checks that this thread's last error has `count` problems and that the first one has
 * this path and rule; reports the difference otherwise. */
void capi_check_first_problem(const char *file, int line, uint32_t count, const char *path,
                              const char *rule);
#define CHECK_FIRST_PROBLEM(count, path, rule) \
  capi_check_first_problem(__FILE__, __LINE__, (count), (path), (rule))

/* Common fixtures: the built-in catalog and a default planner over it. */
bkb_planner *capi_default_planner(void);

#endif /* BACKBALANCE_TESTS_CAPI_CAPI_TEST_H_ */
