#include "backbalance/io/feedback_json.h"

#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "internal/status_macros.h"
#include "io/strict_json.h"

namespace backbalance {
namespace {

constexpr absl::string_view kHistoryFeedbackPath = "history.feedback";

}  // namespace

std::string FeedbackProblemPath(const std::string& path) {
  if (!absl::StartsWith(path, kHistoryFeedbackPath)) return path;
  return absl::StrCat(kFeedbackPath, path.substr(kHistoryFeedbackPath.size()));
}

absl::Status WithFeedbackPaths(const absl::Status& status) {
  std::vector<Problem> problems = ProblemsOf(status);
  if (problems.empty()) return status;
  for (Problem& problem : problems) problem.path = FeedbackProblemPath(problem.path);
  return ProblemsStatus(status.code(), problems);
}

absl::StatusOr<std::vector<Feedback>> LoadFeedback(std::string_view text, const Plan& last_week) {
  // The text alone first, so that syntax problems point into the caller's own bytes.
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
