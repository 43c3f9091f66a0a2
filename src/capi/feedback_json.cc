#include "capi/feedback_json.h"

#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "io/feedback_form.h"
#include "io/strict_json.h"

namespace backbalance::capi {
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

namespace {

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

absl::StatusOr<std::vector<Feedback>> ReadFeedbackFormJson(std::string_view text) {
  if (absl::Status s = CheckFeedbackArray(text); !s.ok()) return s;
  absl::StatusOr<std::vector<Feedback>> read =
      internal::ReadFeedbackForm(absl::StrCat("{\"feedback\":", internal::AsAbsl(text), "}"));
  if (!read.ok()) return WithFeedbackPaths(read.status());
  return read;
}

absl::StatusOr<std::vector<Feedback>> ReadFeedbackJson(std::string_view text,
                                                       const Plan& last_week) {
  if (absl::Status s = CheckFeedbackArray(text); !s.ok()) return s;
  // The entries as a profile's history: the profile reader knows their rules. The caller's bytes go
  // in unchanged, so duplicate keys and exact numbers are judged as strictly as in a profile.
  absl::StatusOr<std::string> plan = SavePlan(last_week);
  if (!plan.ok()) return plan.status();
  const std::string profile =
      absl::StrCat("{\"schema\":\"backbalance.profile/1\",\"history\":{\"plan\":", *plan,
                   ",\"feedback\":", internal::AsAbsl(text), "}}");
  absl::StatusOr<Profile> read = LoadProfile(profile);
  if (!read.ok()) return WithFeedbackPaths(read.status());
  if (!read->history.has_value()) return std::vector<Feedback>{};
  return std::move(read->history->feedback);
}

}  // namespace backbalance::capi
