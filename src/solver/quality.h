// PlannerOptions::quality as search settings: how much work the heuristic backend spends
// (docs/performance.md measures each level's time per plan and gap to the optimum).
#ifndef BACKBALANCE_SRC_SOLVER_QUALITY_H_
#define BACKBALANCE_SRC_SOLVER_QUALITY_H_

#include "backbalance/model/options.h"
#include "solver/heuristic_search.h"

namespace backbalance::internal {

// `fast`, `default` or `thorough` (ValidateOptions has accepted the name). Profiles with
// clinician constraints (pinned uses, fixed training days) get the same settings: every
// move keeps the pins (WeekState::CanRemove, KeepsPins, Pinned), and on generated
// profiles pinned from their optimal week the levels come closer to the optimum than the
// first release's search did (docs/solver-history.md, "Clinician pins"). A `gap_tolerance` the
// caller gives replaces the level's stop_within.
SearchSettings SettingsFor(const PlannerOptions& options);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_QUALITY_H_
