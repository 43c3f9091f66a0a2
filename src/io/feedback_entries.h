// File: io/feedback_entries.h (internal)
//
// Feedback entries (plan model section 8) read from any document that holds a list of
// them: a profile's `history.feedback`, a feedback file (an array, or {"feedback": [...]})
// and the C ABI's feedback text. One reader, so that the rules and the problem texts
// are the same everywhere; each caller names the list's path in its own document's
// syntax, so problems need no rewriting.
#ifndef BACKBALANCE_IO_FEEDBACK_ENTRIES_H_
#define BACKBALANCE_IO_FEEDBACK_ENTRIES_H_

#include <string>
#include <vector>

#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"
#include "internal/problem_paths.h"
#include "io/strict_json.h"

namespace backbalance::internal {

// What the entries are checked against besides their form.
struct FeedbackChecks {
  // The week the entries are about: each entry must name one of its uses (`unknown_use`).
  // nullptr: not checked (no plan, or one read with faults).
  const Plan* uses = nullptr;
  // A use takes at most one entry (`duplicate`, naming the first). Replan reads the
  // form alone: the planner checks `not_happened` and `unknown_use` before repeats.
  bool repeats = true;
};

// The entries of `value`, the list at `list_path` ("" when the list is the whole
// document: entries are then `[2]`). Reports `type` unless `value` is an array, `length`
// past kMaxListLength, and every fault of an entry at `<list_path>[i].<field>`; an entry
// with a fault is left out. Nothing is read when `list_path` was already reported.
std::vector<Feedback> ReadFeedbackList(JsonReader& reader, const Json& value,
                                       const std::string& list_path, const FeedbackChecks& checks);

// The order of an entry's fields in problems, for entries at `entry_context`
// (`history.feedback[]`, `feedback[]`, `[]`).
void AddFeedbackFieldOrder(FieldOrder& order, std::string entry_context);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_IO_FEEDBACK_ENTRIES_H_
