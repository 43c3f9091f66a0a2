#include "cli/documents.h"

#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "backbalance/io/document.h"
#include "backbalance/io/feedback_json.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/problem.h"
#include "cli/problem_report.h"

namespace backbalance::cli {

std::optional<std::string> ReadInput(const std::string& path) {
  absl::StatusOr<std::string> text = ReadDocumentFile(path);
  if (!text.ok()) {
    ReportProblems(path, text.status());
    return std::nullopt;
  }
  return *std::move(text);
}

std::optional<Profile> LoadProfileForPlanner(const std::string& path) {
  std::optional<std::string> text = ReadInput(path);
  if (!text) return std::nullopt;
  absl::StatusOr<Profile> profile = LoadProfile(*text);
  if (!profile.ok()) {
    ReportProblems(path, profile.status());
    return std::nullopt;
  }
  return *std::move(profile);
}

std::optional<Profile> LoadProfileInput(const std::string& path, const Catalog* catalog) {
  std::optional<Profile> profile = LoadProfileForPlanner(path);
  if (!profile) return std::nullopt;
  const absl::Status checked = catalog != nullptr ? CheckProfileAgainstCatalog(*profile, *catalog)
                                                  : CheckProfileConditions(*profile);
  if (!checked.ok()) {
    ReportProblems(path, checked);
    return std::nullopt;
  }
  return *std::move(profile);
}

std::optional<PlanInput> LoadPlanInput(const std::string& path) {
  std::optional<std::string> text = ReadInput(path);
  if (!text) return std::nullopt;
  absl::StatusOr<Plan> plan = LoadPlan(*text);
  if (!plan.ok()) {
    ReportProblems(path, plan.status());
    return std::nullopt;
  }
  return PlanInput{*std::move(plan), *std::move(text)};
}

std::string FeedbackFilePath(const std::string& path, FeedbackForm form) {
  std::string in_file = FeedbackProblemPath(path);  // `feedback[2].rpe`
  if (form == FeedbackForm::kObject || !absl::StartsWith(in_file, kFeedbackPath)) return in_file;
  // An array file is the list itself: `[2].rpe`, and "" for the whole document.
  return in_file.substr(std::string_view(kFeedbackPath).size());
}

std::optional<FeedbackDocument> LoadFeedbackInput(const std::string& path, const Plan* last_week) {
  std::optional<std::string> text = ReadInput(path);
  if (!text) return std::nullopt;
  absl::StatusOr<FeedbackDocument> feedback = LoadFeedbackDocument(*text, last_week);
  if (!feedback.ok()) {
    ReportProblems(path, feedback.status());
    return std::nullopt;
  }
  return *std::move(feedback);
}

}  // namespace backbalance::cli
