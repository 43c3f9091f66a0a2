// Which library is loaded: its version as a number and as text.
#include "backbalance/backbalance.h"

// The header's version must be the project's (BKB_VERSION_STRING comes from CMake).
static_assert(BKB_VERSION_NUMBER == BKB_PROJECT_VERSION_NUMBER,
              "include/backbalance/backbalance.h: BKB_VERSION_* differ from project(VERSION)");

extern "C" {

uint32_t bkb_version_number(void) noexcept { return BKB_VERSION_NUMBER; }

const char* bkb_version_string(void) noexcept { return BKB_VERSION_STRING; }

}  // extern "C"
