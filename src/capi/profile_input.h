// File: capi/profile_input.h (internal)
//
// A profile document as every C entry point reads it: the same two steps as the
// command line (the document's form, then what it names against the catalog), so that
// C, Python and the CLI accept and reject the same profiles with the same problems.
#ifndef BACKBALANCE_CAPI_PROFILE_INPUT_H_
#define BACKBALANCE_CAPI_PROFILE_INPUT_H_

#include "absl/status/statusor.h"
#include "backbalance/backbalance.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/profile.h"

namespace backbalance::capi {

// kInvalidArgument naming every problem; `profile_json` must not be NULL (checked).
absl::StatusOr<Profile> ReadProfile(const Catalog& catalog, const char* profile_json);

// The document's form only, for an entry point that hands the profile to the planner at
// once: PlanWeek and Programme check it against their catalog themselves
// (BuildWeekContext), with the same problems.
absl::StatusOr<Profile> ReadProfileForPlanner(const char* profile_json);

// The opening of an export about a week the caller holds (evaluate, repair, replan):
// `planner` and `plan` must not be NULL (checked in this order, so the first missing one
// is named), then the profile is read against the planner's catalog.
absl::StatusOr<Profile> ReadProfileForPlan(const bkb_planner* planner, const bkb_plan* plan,
                                           const char* profile_json);

}  // namespace backbalance::capi

#endif  // BACKBALANCE_CAPI_PROFILE_INPUT_H_
