// File: io/feedback_form.h (internal)
//
// Feedback entries read for their form alone, for Replan (plan model 12.1). The front ends
// read feedback through the profile reader, as a profile's `history.feedback` about the
// uses of `history.plan`, so that its rules and problem texts are the profile's. Replan
// needs the entries before they meet a plan: a day that has not happened is
// `not_happened`, which the planner checks before `unknown_use`, so a reader that matched
// entries to uses first would report the wrong problem.
#ifndef BACKBALANCE_IO_FEEDBACK_FORM_H_
#define BACKBALANCE_IO_FEEDBACK_FORM_H_

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/model/profile.h"

namespace backbalance::internal {

// The entries of `history_text`, a JSON object whose only member is "feedback" (an array
// of entries, section 8's fields), checked for form: types, ranges, required and unknown
// fields. Problems name `history.feedback[i]...` (callers rewrite them to their own
// syntax) or, for the object, `history...`. Nothing is matched to a plan here.
absl::StatusOr<std::vector<Feedback>> ReadFeedbackForm(std::string_view history_text);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_IO_FEEDBACK_FORM_H_
