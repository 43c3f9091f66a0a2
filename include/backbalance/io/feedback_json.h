// File: backbalance/io/feedback_json.h
//
// Last week's feedback (bkb_planner_next_week): a JSON array of entries {"day",
// "exercise", "completed", "pain_after", "soreness_hours", "rpe"}, read by the library's
// own profile reader (the entries are a profile's `history.feedback`, about the uses of
// `history.plan`), so the rules and problem texts are the profile's; paths read
// `feedback[2].rpe`.
#ifndef BACKBALANCE_IO_FEEDBACK_JSON_H_
#define BACKBALANCE_IO_FEEDBACK_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/model/problem.h"
#include "backbalance/model/profile.h"

namespace backbalance {

// The path prefix feedback problems carry in bkb_next_week's errors.
inline constexpr char kFeedbackPath[] = "feedback";

// kInvalidArgument naming every problem of the text, including entries about a use
// (day, exercise) that `last_week` does not hold (`unknown_use`).
absl::StatusOr<std::vector<Feedback>> LoadFeedback(std::string_view json_text,
                                                   const Plan& last_week);

// The entries checked for their form alone, not against a plan (bkb_planner_replan: the
// planner checks `not_happened` before `unknown_use`); problems as LoadFeedback's.
absl::StatusOr<std::vector<Feedback>> LoadFeedbackForm(std::string_view json_text);

// The entries of `history_text`, a JSON object whose only member is "feedback" (the
// command line's feedback files, read with the caller's own bytes), checked for form
// alone; problems name `history.feedback[i]...` for the caller to rewrite.
absl::StatusOr<std::vector<Feedback>> LoadFeedbackHistoryForm(std::string_view history_text);

// `history.feedback[2].rpe` as `feedback[2].rpe`; other paths unchanged.
std::string FeedbackProblemPath(const std::string& path);

// `status` with each problem's path passed through FeedbackProblemPath.
absl::Status WithFeedbackPaths(const absl::Status& status);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_FEEDBACK_JSON_H_
