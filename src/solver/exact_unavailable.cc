// SolveExact in a build without CBC (BACKBALANCE_WITH_CBC off): the exact backend is
// unavailable. With CBC, cbc_exact_planner.cc defines it and this file is empty.
#ifndef BACKBALANCE_WITH_CBC

#include "absl/status/status.h"
#include "solver/cbc_exact_planner.h"

namespace backbalance::internal {

absl::StatusOr<ExactResult> SolveExact(const WeekRules& /*rules*/,
                                       std::optional<double> /*time_limit_seconds*/,
                                       const SearchWeek* /*warm_start*/,
                                       std::mutex& /*cbc_mutex*/) {
  return absl::UnimplementedError(
      "options.backend: unimplemented: this build has no CBC; use \"heuristic\"");
}

}  // namespace backbalance::internal

#endif  // BACKBALANCE_WITH_CBC
