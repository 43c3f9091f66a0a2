// File: backbalance/catalog/profile_check.h
//
// A profile against a catalog: the domain's one check of what a profile names (plan
// model sections 3 and 12). Planner::PlanWeek, Evaluate and Programme run it (through
// BuildWeekContext) on every call, so a front end that plans at once need not run it
// first; one that does not plan (graph, validate, batch lines read ahead) calls it.
#ifndef BACKBALANCE_CATALOG_PROFILE_CHECK_H_
#define BACKBALANCE_CATALOG_PROFILE_CHECK_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/profile.h"

namespace backbalance {

// Checks what a profile names against a catalog: `conditions[i]` must be built-in or
// declared by the catalog, `prefer[i]`, `exclude[i]` and `history.feedback[i].exercise`
// and the keys of `doses` must be catalog ids, each `doses` entry of a form its item
// allows (DoseFormProblem; `doses.x: form: ...`). kInvalidArgument lists each problem
// (`prefer[1]: unknown_reference: unknown exercise "tai_chi_x"`).
absl::Status CheckProfileAgainstCatalog(const Profile& profile, const Catalog& catalog);

// Why `dose` is not a form section 2 allows for `exercise`'s category as a `doses` entry
// (plan model 12.1 "Dose forms"), or nullopt when it is: {sets, reps} or {hold_seconds,
// reps} for strength, balance and flexibility ({sets, reps} only for a flexibility or
// balance item that may warm up); {hold_seconds, reps} or {minutes} for relaxation;
// {minutes} for aerobic.
std::optional<std::string> DoseFormProblem(const Exercise& exercise, const Dose& dose);

// The same check against the built-in conditions only, for a profile with no catalog.
absl::Status CheckProfileConditions(const Profile& profile);

}  // namespace backbalance

#endif  // BACKBALANCE_CATALOG_PROFILE_CHECK_H_
