#include "backbalance/io/feedback_json.h"

#include <algorithm>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "io/feedback_entries.h"
#include "io/strict_json.h"

namespace backbalance {
namespace {

using internal::FeedbackChecks;
using internal::Json;
using internal::JsonReader;

constexpr absl::string_view kHistoryFeedbackPath = "history.feedback";

// Every problem `reader` holds, in document order for entries at `entry_context`.
absl::Status ReaderProblems(JsonReader& reader, std::string entry_context) {
  internal::FieldOrder order;
  internal::AddFeedbackFieldOrder(order, std::move(entry_context));
  std::vector<Problem> problems = std::move(reader.mutable_problems());
  internal::FinishProblems(problems, order, reader.dropped());
  return ProblemsStatus(absl::StatusCode::kInvalidArgument, problems);
}

// The C ABI's feedback: a JSON array whose entries are named `feedback[i]`. A problem
// found while parsing names a place in the text's own syntax (`[0].day:
// duplicate_key`), so reading stops there rather than mix the two.
absl::StatusOr<std::vector<Feedback>> ReadFeedbackArray(std::string_view text,
                                                        const FeedbackChecks& checks) try {
  JsonReader reader;
  std::optional<internal::ParsedJson> document = reader.Parse(text);
  if (document && !(*document)->is_array()) {
    reader.Report(std::string(kFeedbackPath), "type",
                  absl::StrCat("must be an array of feedback entries, got ",
                               internal::AsAbsl(internal::JsonTypeName(**document))));
  }
  if (reader.problem_count() > 0) {
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  }
  std::vector<Feedback> entries =
      internal::ReadFeedbackList(reader, **document, kFeedbackPath, checks);
  if (reader.problem_count() > 0) return ReaderProblems(reader, "feedback[]");
  return entries;
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory reading feedback");
}

}  // namespace

std::string FeedbackProblemPath(const std::string& path) {
  if (!absl::StartsWith(path, kHistoryFeedbackPath)) return path;
  return absl::StrCat(kFeedbackPath, path.substr(kHistoryFeedbackPath.size()));
}

absl::Status WithFeedbackPaths(const absl::Status& status) {
  std::vector<Problem> problems = ProblemsOf(status);
  if (problems.empty()) return status;
  for (Problem& problem : problems) {
    problem.path = FeedbackProblemPath(problem.path);
    // A detail may point at another entry (`already have feedback at history.feedback[0]`).
    problem.detail = absl::StrReplaceAll(problem.detail, {{"history.feedback[", "feedback["}});
  }
  return ProblemsStatus(status.code(), problems);
}

absl::StatusOr<std::vector<Feedback>> LoadFeedback(std::string_view text, const Plan& last_week) {
  return ReadFeedbackArray(text, {.uses = &last_week});
}

absl::StatusOr<std::vector<Feedback>> LoadFeedbackForm(std::string_view text) {
  return ReadFeedbackArray(text, {.uses = nullptr, .repeats = false});
}

absl::StatusOr<FeedbackDocument> LoadFeedbackDocument(std::string_view text,
                                                      const Plan* last_week) try {
  const FeedbackChecks checks{.uses = last_week, .repeats = last_week != nullptr};
  JsonReader reader;
  std::optional<internal::ParsedJson> document = reader.Parse(text);
  if (!document) return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  const Json& root = **document;
  FeedbackDocument out;
  if (root.is_array()) {
    out.form = FeedbackForm::kArray;
    out.entries = internal::ReadFeedbackList(reader, root, "", checks);
    if (reader.problem_count() > 0) return ReaderProblems(reader, "[]");
    return out;
  }
  if (!root.is_object()) {
    reader.Report("", "type",
                  absl::StrCat("must be an array of feedback entries or an object "
                               "{\"feedback\": [...]}, got ",
                               root.type_name()));
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  }
  out.form = FeedbackForm::kObject;
  // The object holds the list and nothing else: other keys (in key order), then a missing
  // list, each said in a feedback file's own words; the entries are read only when the
  // shape is right.
  std::vector<std::string> others;
  for (const auto& item : root.items()) {
    if (item.key() != kFeedbackPath) others.push_back(item.key());
  }
  std::sort(others.begin(), others.end());
  others.erase(std::unique(others.begin(), others.end()), others.end());
  for (const std::string& key : others) {
    reader.Report(internal::FieldPath("", key), "unknown_field",
                  "a feedback file holds only \"feedback\", an array of feedback entries");
  }
  const auto list = root.find(kFeedbackPath);
  if (list == root.end()) {
    reader.Report(kFeedbackPath, "required", "the array of feedback entries is missing");
  }
  if (!others.empty() || list == root.end()) {
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  }
  out.entries = internal::ReadFeedbackList(reader, *list, kFeedbackPath, checks);
  if (reader.problem_count() > 0) return ReaderProblems(reader, "feedback[]");
  return out;
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory reading feedback");
}

}  // namespace backbalance
