/* Version and status: what a program checks before anything else. */
#include <stdio.h>

#include "capi_test.h"

void test_version_matches_header(void) {
  char expected[32];
  CHECK(bkb_version_number() == BKB_VERSION_NUMBER);
  CHECK(BKB_VERSION_NUMBER ==
        BKB_VERSION_MAJOR * 10000 + BKB_VERSION_MINOR * 100 + BKB_VERSION_PATCH);
  snprintf(expected, sizeof expected, "%d.%d.%d", BKB_VERSION_MAJOR, BKB_VERSION_MINOR,
           BKB_VERSION_PATCH);
  CHECK_STR(bkb_version_string(), expected);
}

void test_status_values_and_names(void) {
  /* The values are absl::StatusCode's; programs may store them. */
  CHECK(BKB_OK == 0);
  CHECK(BKB_INVALID_ARGUMENT == 3);
  CHECK(BKB_NOT_FOUND == 5);
  CHECK(BKB_RESOURCE_EXHAUSTED == 8);
  CHECK(BKB_OUT_OF_RANGE == 11);
  CHECK(BKB_UNIMPLEMENTED == 12);
  CHECK(BKB_INTERNAL == 13);
  CHECK(BKB_UNAUTHENTICATED == 16);
  CHECK_STR(bkb_status_name(BKB_OK), "OK");
  CHECK_STR(bkb_status_name(BKB_INVALID_ARGUMENT), "INVALID_ARGUMENT");
  CHECK_STR(bkb_status_name(BKB_NOT_FOUND), "NOT_FOUND");
  CHECK_STR(bkb_status_name(BKB_OUT_OF_RANGE), "OUT_OF_RANGE");
  CHECK_STR(bkb_status_name(BKB_UNAUTHENTICATED), "UNAUTHENTICATED");
  CHECK_STR(bkb_status_name((bkb_status)17), "UNKNOWN_STATUS");
  CHECK_STR(bkb_status_name((bkb_status)-1), "UNKNOWN_STATUS");
}
