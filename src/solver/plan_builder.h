// Turns a searched week into the Plan a person reads (plan model section 10): doses,
// caution notes and the score terms each item serves, totals against targets,
// exclusions, advisories (section 9), solver and provenance fields.
#ifndef BACKBALANCE_SRC_SOLVER_PLAN_BUILDER_H_
#define BACKBALANCE_SRC_SOLVER_PLAN_BUILDER_H_

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/model/plan.h"
#include "solver/feasibility.h"
#include "solver/search_week.h"

namespace backbalance::internal {

// A day's uses as a plan lists them: phase order, and the main items in the order a
// session is done in (section 10: aerobic, strength, balance, flexibility, relaxation).
std::vector<Use> InSessionOrder(const CompiledCatalog& catalog, const std::vector<Use>& day);
// The same order, in place.
void SortInSessionOrder(const CompiledCatalog& catalog, std::vector<Use>& uses);

// The advisories of section 9 that apply to this context, in a fixed order.
std::vector<Advisory> AdvisoriesFor(const WeekContext& context);

// A plan of status `status` with the week's items. For kOk the score and its terms
// are Evaluate's; infeasible and refer plans have seven rest days and score 0.
Plan BuildPlan(const Catalog& catalog, const WeekContext& context, const PlannerOptions& options,
               PlanStatus status, const SearchWeek& week, SolverInfo solver,
               std::vector<Diagnosis> diagnosis = {});

// BuildPlan of a kOk week that Evaluate judges valid, else nullopt: "Evaluate is the
// judge" with one evaluation of the week, the one that scores the plan.
std::optional<Plan> BuildValidPlan(const Catalog& catalog, const WeekContext& context,
                                   const PlannerOptions& options, const SearchWeek& week,
                                   SolverInfo solver);

// What the feasibility analysis' verdict means for a plan, the same for every entry point
// (PlanWeek, Repair, Replan): a plan of status infeasible with its diagnosis when no valid
// week exists, kResourceExhausted when the analysis ran out of nodes, nullopt when a valid
// week exists and the caller goes on to search for the best one.
std::optional<absl::StatusOr<Plan>> PlanUnlessFeasible(const Catalog& catalog,
                                                       const WeekContext& context,
                                                       const PlannerOptions& options,
                                                       const SolverInfo& solver,
                                                       Feasibility& feasibility);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_PLAN_BUILDER_H_
