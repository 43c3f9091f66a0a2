// PlannerOptions::quality as search settings: how much work the heuristic backend spends
// (docs/performance.md measures each level's time per plan and gap to the optimum).
#ifndef BACKBALANCE_SRC_SOLVER_QUALITY_H_
#define BACKBALANCE_SRC_SOLVER_QUALITY_H_

#include "backbalance/model/options.h"
#include "solver/heuristic_search.h"

namespace backbalance::internal {

// `fast`, `default` or `thorough` (ValidateOptions has accepted the name). A profile
// with clinician constraints (pinned uses, fixed training days) is delegated to the
// thorough search, whatever the level: the lighter levels' settings were chosen on
// profiles without pins, and the thorough search is the one the pins were built into.
SearchSettings SettingsFor(const PlannerOptions& options, bool clinician_constraints = false);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_QUALITY_H_
