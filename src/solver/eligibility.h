// File: src/solver/eligibility.h (library-internal)
//
// Eligibility, plan model section 4: which exercises this person's week may use, and the
// reason code of each one it may not. A stage of BuildWeekContext (week_context.cc), run
// after the band, conditions and feedback facts are known and before the weights.
#ifndef BACKBALANCE_SRC_SOLVER_ELIGIBILITY_H_
#define BACKBALANCE_SRC_SOLVER_ELIGIBILITY_H_

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/options.h"
#include "backbalance/model/profile.h"
#include "solver/week_context.h"

namespace backbalance {

// Fills ctx.exclusion, eligible, caution, caution_conditions, cleared and because from
// ctx.refer, band, condition_ranks and worsened (already set). `has_conditions`: the
// profile has at least one condition, derived ones included.
void ApplyEligibility(const Catalog& catalog, const Profile& profile, const PlannerOptions& options,
                      bool has_conditions, WeekContext& ctx);

}  // namespace backbalance

#endif  // BACKBALANCE_SRC_SOLVER_ELIGIBILITY_H_
