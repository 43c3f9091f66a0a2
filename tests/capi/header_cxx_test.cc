// The C header from C++: it compiles inside extern "C" with the project's warnings, every
// function is noexcept, and the handle types stay incomplete (opaque).
#include <type_traits>

#include "backbalance/backbalance.h"

static_assert(noexcept(bkb_version_number()), "C ABI functions are noexcept in C++");
static_assert(noexcept(bkb_planner_plan(nullptr, nullptr, nullptr)),
              "C ABI functions are noexcept in C++");
static_assert(std::is_same_v<decltype(&bkb_catalog_destroy), void (*)(bkb_catalog**) noexcept>);
static_assert(sizeof(bkb_status) == sizeof(int), "bkb_status is an int-sized enum");

int main() { return bkb_version_number() == BKB_VERSION_NUMBER ? 0 : 1; }
