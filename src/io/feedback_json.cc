#include "backbalance/io/feedback_json.h"

#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "internal/status_macros.h"
#include "io/feedback_form.h"
#include "io/strict_json.h"

namespace backbalance {
namespace {

constexpr absl::string_view kHistoryFeedbackPath = "history.feedback";

// The text alone, so that syntax problems point into the caller's own bytes: OK when it
// is a JSON array.
absl::Status CheckFeedbackArray(std::string_view text) {
  internal::JsonReader reader;
  std::optional<internal::ParsedJson> document = reader.Parse(text);
  if (document && !(*document)->is_array()) {
    reader.Report(std::string(kFeedbackPath), "type",
                  absl::StrCat("must be an array of feedback entries, got ",
                               internal::AsAbsl(internal::JsonTypeName(**document))));
  }
  if (reader.problem_count() > 0) {
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  }
  return absl::OkStatus();
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

absl::StatusOr<std::vector<Feedback>> LoadFeedbackHistoryForm(std::string_view history_text) {
  return internal::ReadFeedbackForm(history_text);
}

absl::StatusOr<std::vector<Feedback>> LoadFeedbackForm(std::string_view text) {
  BKB_RETURN_IF_ERROR(CheckFeedbackArray(text));
  absl::StatusOr<std::vector<Feedback>> read =
      internal::ReadFeedbackForm(absl::StrCat("{\"feedback\":", internal::AsAbsl(text), "}"));
  if (!read.ok()) return WithFeedbackPaths(read.status());
  return read;
}

absl::StatusOr<std::vector<Feedback>> LoadFeedback(std::string_view text, const Plan& last_week) {
  BKB_RETURN_IF_ERROR(CheckFeedbackArray(text));
  // The entries as a profile's history: the profile reader knows their rules. The caller's bytes go
  // in unchanged, so duplicate keys and exact numbers are judged as strictly as in a profile.
  BKB_ASSIGN_OR_RETURN(const std::string plan, SavePlan(last_week));
  const std::string profile =
      absl::StrCat("{\"schema\":\"backbalance.profile/1\",\"history\":{\"plan\":", plan,
                   ",\"feedback\":", internal::AsAbsl(text), "}}");
  absl::StatusOr<Profile> read = LoadProfile(profile);
  if (!read.ok()) return WithFeedbackPaths(read.status());
  if (!read->history.has_value()) return std::vector<Feedback>{};
  return std::move(read->history->feedback);
}

}  // namespace backbalance
