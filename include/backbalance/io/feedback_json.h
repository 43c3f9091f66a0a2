// File: backbalance/io/feedback_json.h
//
// Last week's feedback: entries {"day", "exercise", "completed", "pain_after",
// "soreness_hours", "rpe"} (plan model section 8), read by the same reader as a
// profile's `history.feedback`, so the rules and problem texts are the profile's.
// Two documents hold them: the C ABI's feedback text, a JSON array whose problems read
// `feedback[2].rpe` (bkb_planner_next_week, bkb_planner_replan), and a feedback file
// (the command line's --feedback), an array or {"feedback": [...]}, whose problems name
// places in the file's own syntax.
#ifndef BACKBALANCE_IO_FEEDBACK_JSON_H_
#define BACKBALANCE_IO_FEEDBACK_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/problem.h"
#include "backbalance/model/profile.h"

namespace backbalance {

// The path prefix feedback problems carry in bkb_next_week's errors.
inline constexpr char kFeedbackPath[] = "feedback";

// kInvalidArgument naming every problem of the text, including entries about a use
// (day, exercise) that `last_week` does not hold (`unknown_use`) and a second entry
// about one use (`duplicate`).
absl::StatusOr<std::vector<Feedback>> LoadFeedback(std::string_view json_text,
                                                   const Plan& last_week);

// The entries checked for their form alone, not against a plan (bkb_planner_replan: the
// planner checks `not_happened` before `unknown_use`, and repeats after both); problems
// as LoadFeedback's.
absl::StatusOr<std::vector<Feedback>> LoadFeedbackForm(std::string_view json_text);

// How a feedback file holds its entries.
enum class FeedbackForm {
  kArray,   // [entry, ...]: problems read `[2].rpe`, `(document)` for the array itself
  kObject,  // {"feedback": [entry, ...]}: problems read `feedback[2].rpe`
};

struct FeedbackDocument {
  std::vector<Feedback> entries;
  FeedbackForm form = FeedbackForm::kArray;
};

// A feedback file, either form; an object holds only "feedback". With `last_week`, the
// entries are checked against it as LoadFeedback does; without (replan), for their form
// alone as LoadFeedbackForm does. Problems name paths in the file's own syntax.
absl::StatusOr<FeedbackDocument> LoadFeedbackDocument(std::string_view json_text,
                                                      const Plan* last_week);

// `history.feedback[2].rpe` (the planner's name for an entry of NextWeek's feedback) as
// `feedback[2].rpe`; other paths unchanged.
std::string FeedbackProblemPath(const std::string& path);

// `status` with each problem's path passed through FeedbackProblemPath.
absl::Status WithFeedbackPaths(const absl::Status& status);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_FEEDBACK_JSON_H_
