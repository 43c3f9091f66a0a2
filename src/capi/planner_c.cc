// Planner handles: options as JSON in and out, create, destroy.
#include <string>
#include <utility>

#include "backbalance/backbalance.h"
#include "backbalance/io/options_json.h"
#include "backbalance/solver/planner.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "internal/status_macros.h"

using backbalance::capi::GuardedOut;
using backbalance::capi::PlannerHandle;
using backbalance::capi::RequireArgument;
using backbalance::capi::ToImpl;

extern "C" {

const char* bkb_options_default_json(void) noexcept {
  try {
    // Made once and never freed (a trivially destructible static, as style.md asks).
    static const std::string* const text =
        new std::string(backbalance::SaveOptions(backbalance::PlannerOptions{}));
    return text->c_str();
  } catch (...) {
    return nullptr;  // out of memory; the next call tries again
  }
}

bkb_status bkb_planner_create(const bkb_catalog* catalog, const char* options_json,
                              bkb_planner** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<std::unique_ptr<PlannerHandle>> {
    BKB_RETURN_IF_ERROR(RequireArgument(catalog, "catalog"));
    backbalance::PlannerOptions options;
    if (options_json != nullptr) {
      BKB_ASSIGN_OR_RETURN(options, backbalance::LoadOptions(options_json));
    }
    std::string effective = backbalance::SaveOptions(options);
    BKB_ASSIGN_OR_RETURN(
        backbalance::Planner planner,
        backbalance::Planner::Create(ToImpl(catalog)->catalog, std::move(options)));
    return std::make_unique<PlannerHandle>(std::move(planner), std::move(effective));
  });
}

const char* bkb_planner_options_json(const bkb_planner* planner) noexcept {
  return ToImpl(planner)->options_json.c_str();
}

void bkb_planner_destroy(bkb_planner** planner) noexcept {
  backbalance::capi::DestroyHandle(planner);
}

}  // extern "C"
