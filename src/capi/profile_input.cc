#include "capi/profile_input.h"

#include <utility>

#include "backbalance/io/profile_json.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "internal/status_macros.h"

namespace backbalance::capi {

absl::StatusOr<Profile> ReadProfileForPlanner(const char* profile_json) {
  BKB_RETURN_IF_ERROR(RequireArgument(profile_json, "profile_json"));
  return LoadProfile(profile_json);
}

absl::StatusOr<Profile> ReadProfile(const Catalog& catalog, const char* profile_json) {
  BKB_ASSIGN_OR_RETURN(Profile profile, ReadProfileForPlanner(profile_json));
  BKB_RETURN_IF_ERROR(CheckProfileAgainstCatalog(profile, catalog));
  return profile;
}

absl::StatusOr<Profile> ReadProfileForPlan(const bkb_planner* planner, const bkb_plan* plan,
                                           const char* profile_json) {
  BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
  BKB_RETURN_IF_ERROR(RequireArgument(plan, "plan"));
  return ReadProfile(ToImpl(planner)->planner.catalog(), profile_json);
}

}  // namespace backbalance::capi
