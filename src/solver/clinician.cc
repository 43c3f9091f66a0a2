// Clinician control (plan model 12, 12.1): repair of an edited week, replanning a week
// under way, alternatives for one use.
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/solver/planner.h"

namespace backbalance {

absl::StatusOr<Plan> Planner::Repair(const Profile& /*profile*/, const Plan& /*plan*/) const {
  return absl::UnimplementedError("repair: not yet implemented");
}

absl::StatusOr<Plan> Planner::Replan(
    const Profile& /*profile*/, const Plan& /*plan*/, int /*from_day*/,
    const std::optional<std::vector<Feedback>>& /*feedback*/) const {
  return absl::UnimplementedError("replan: not yet implemented");
}

absl::StatusOr<AlternativesResult> Planner::Alternatives(const Profile& /*profile*/,
                                                         const Plan& /*plan*/, int /*day*/,
                                                         std::string_view /*exercise*/) const {
  return absl::UnimplementedError("alternatives: not yet implemented");
}

}  // namespace backbalance
