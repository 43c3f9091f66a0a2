// File: backbalance/io/plan_json.h
//
// JSON for plans (backbalance.plan/1), evaluations (backbalance.evaluation/1) and
// next-week documents (backbalance.next_week/1), plan model section 10. Loading checks
// a plan's form only (schema, types, seven days 0..6 in order, phase names, `rest`
// true exactly when `items` is empty); everything else is a hard-constraint violation
// that Evaluate reports. Numbers are written in shortest round-trip form.
#ifndef BACKBALANCE_IO_PLAN_JSON_H_
#define BACKBALANCE_IO_PLAN_JSON_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "backbalance/model/evaluation.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"

namespace backbalance {

absl::StatusOr<Plan> LoadPlan(std::string_view json_text);
absl::StatusOr<Plan> LoadPlanFile(const std::string& path);

// The writers below return kInternal (`<path>: internal: ...`) instead of a document
// when a number is not finite (NaN or infinite): JSON has no such numbers, and writing
// `null` where a number belongs would hand a reader a document it cannot use. The
// planner's options are bounded so that no input makes one (docs/errors.md).

// The plan with every field of section 10 (day names, rest flags, day minutes and
// the optional output fields that are set), two-space indented.
absl::StatusOr<std::string> SavePlan(const Plan& plan);

// SavePlan's document on one line without the newline (JSON Lines, as plan-batch writes
// them): the same fields and numbers, written once instead of indented.
absl::StatusOr<std::string> SavePlanLine(const Plan& plan);

// SavePlanLine's line appended to `out`, so that a batch writes its plans through one
// reused buffer; on an error `out` is unchanged.
absl::Status AppendPlanLine(const Plan& plan, std::string& out);

absl::StatusOr<std::string> SaveEvaluation(const Evaluation& evaluation);

// {"schema": "backbalance.next_week/1", "profile": ..., "plan": ...}
absl::StatusOr<std::string> SaveNextWeek(const Profile& profile, const Plan& plan);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_PLAN_JSON_H_
