// File: capi/feedback_json.h (internal)
//
// Last week's feedback for bkb_planner_next_week: a JSON array of entries {"day",
// "exercise", "completed", "pain_after", "soreness_hours", "rpe"}, read by the library's
// own profile reader (the entries are a profile's `history.feedback`, about the uses of
// `history.plan`), so the rules and problem texts are the profile's; paths read
// `feedback[2].rpe`.
#ifndef BACKBALANCE_CAPI_FEEDBACK_JSON_H_
#define BACKBALANCE_CAPI_FEEDBACK_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/model/problem.h"
#include "backbalance/model/profile.h"

namespace backbalance::capi {

// The path prefix feedback problems carry in bkb_next_week's errors.
inline constexpr char kFeedbackPath[] = "feedback";

// kInvalidArgument naming every problem of the text, including entries about a use
// (day, exercise) that `last_week` does not hold (`unknown_use`).
absl::StatusOr<std::vector<Feedback>> ReadFeedbackJson(std::string_view text,
                                                       const Plan& last_week);

// The entries checked for their form alone, not against a plan (bkb_planner_replan: the
// planner checks `not_happened` before `unknown_use`); problems as ReadFeedbackJson's.
absl::StatusOr<std::vector<Feedback>> ReadFeedbackFormJson(std::string_view text);

// `history.feedback[2].rpe` as `feedback[2].rpe`; other paths unchanged.
std::string FeedbackProblemPath(const std::string& path);

// `status` with each problem's path passed through FeedbackProblemPath.
absl::Status WithFeedbackPaths(const absl::Status& status);

}  // namespace backbalance::capi

#endif  // BACKBALANCE_CAPI_FEEDBACK_JSON_H_
