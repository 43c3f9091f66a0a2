// The next-week document (backbalance.next_week/1): the adapted profile and its week.
#include <string>
#include <utility>

#include "backbalance/io/plan_json.h"
#include "io/plan_json_internal.h"
#include "io/strict_json.h"

namespace backbalance {

absl::StatusOr<std::string> SaveNextWeek(const Profile& profile, const Plan& plan) {
  using internal::Json;
  Json out = Json::object();
  out["schema"] = std::string(internal::kNextWeekSchema);
  out["profile"] = internal::ProfileToJson(profile);
  out["plan"] = internal::PlanToJson(plan);
  return internal::DumpFinite(out, "next-week document");
}

}  // namespace backbalance
