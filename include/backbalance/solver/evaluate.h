// File: backbalance/solver/evaluate.h
//
// Evaluate: the judge of any week, a solver's or a clinician's. It lists every broken
// hard constraint H1-H10 (plan model sections 6 and 12), one entry per offending instance, and
// computes the score of section 7 with every term and penalty, for valid and invalid
// plans alike. The score is a pure function of (catalog, profile, options, plan).
#ifndef BACKBALANCE_SOLVER_EVALUATE_H_
#define BACKBALANCE_SOLVER_EVALUATE_H_

#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/evaluation.h"
#include "backbalance/model/options.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"

namespace backbalance {

// kInvalidArgument only for input the model cannot judge (the profile names unknown
// ids or conditions, options out of range); a plan that breaks rules is a valid
// Evaluation with `valid == false`.
absl::StatusOr<Evaluation> Evaluate(const Catalog& catalog, const Profile& profile,
                                    const Plan& plan, const PlannerOptions& options = {});

// Section 4's eligibility for this person: every exercise the week may not use, in
// catalog order, with its reason (as a plan's `excluded` lists them). kInvalidArgument
// as Evaluate.
absl::StatusOr<std::vector<Exclusion>> ExcludedExercises(const Catalog& catalog,
                                                         const Profile& profile,
                                                         const PlannerOptions& options = {});

}  // namespace backbalance

#endif  // BACKBALANCE_SOLVER_EVALUATE_H_
