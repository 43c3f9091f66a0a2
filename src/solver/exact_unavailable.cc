// SolveExact in a build without CBC (BACKBALANCE_WITH_CBC off): the exact backend is
// unavailable, and so is Repair's proof of the least distance. With CBC,
// cbc_exact_planner.cc defines SolveExact and this file holds only DistanceTarget's
// distance, which needs no solver.
#include "solver/cbc_exact_planner.h"

namespace backbalance::internal {

// Defined whether or not CBC is built: the MILP checks its objective with it.
int DistanceTarget::DistanceOf(const SearchWeek& week) const {
  int distance = 0;
  int grouped_uses = 0;
  for (const Group& g : groups) {
    distance += g.count;
    for (const Use& u : week.days[g.day]) {
      if (u.exercise != g.exercise) continue;
      ++grouped_uses;
      for (const auto& [phase, minutes] : g.uses) {
        if (u.phase == phase && u.minutes == minutes) {
          --distance;
          break;
        }
      }
      break;  // at most one use of an exercise a day in a valid week
    }
  }
  int uses = 0;
  for (const auto& day : week.days) uses += static_cast<int>(day.size());
  return distance + uses - grouped_uses;
}

}  // namespace backbalance::internal

#ifndef BACKBALANCE_WITH_CBC

#include "absl/status/status.h"
#include "solver/cbc_exact_planner.h"

namespace backbalance::internal {

absl::StatusOr<ExactResult> SolveExact(const WeekRules& /*rules*/,
                                       std::optional<double> /*time_limit_seconds*/,
                                       const SearchWeek* /*warm_start*/, std::mutex& /*cbc_mutex*/,
                                       const DistanceTarget* /*target*/) {
  return absl::UnimplementedError(
      "options.backend: unimplemented: this build has no CBC; use \"heuristic\"");
}

}  // namespace backbalance::internal

#endif  // BACKBALANCE_WITH_CBC
