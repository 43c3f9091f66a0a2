#include "io/feedback_form.h"

#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/problem.h"
#include "io/strict_json.h"
#include "nlohmann/json.hpp"

namespace backbalance::internal {
namespace {

// A `history.plan` the profile reader rejects (no days). The reader matches entries to
// uses only when its plan was read without faults, so with this stand-in it checks the
// entries' form alone; the stand-in's own problems are dropped.
constexpr std::string_view kStandInPlan =
    R"({"schema":"backbalance.plan/1","status":"ok","days":[]})";

bool AboutStandInPlan(const Problem& problem) {
  return problem.path == "history.plan" || absl::StartsWith(problem.path, "history.plan.") ||
         absl::StartsWith(problem.path, "history.plan[");
}

}  // namespace

absl::StatusOr<std::vector<Feedback>> ReadFeedbackForm(std::string_view history_text) {
  const std::size_t brace = history_text.find('{');
  if (brace == std::string_view::npos) {
    return ProblemsStatus(absl::StatusCode::kInvalidArgument,
                          {{"history", "type", "must be an object {\"feedback\": [...]}"}});
  }
  // The caller's bytes go in unchanged (duplicate keys, exact numbers judged strictly).
  const std::string profile =
      absl::StrCat(R"({"schema":"backbalance.profile/1","history":{"plan":)", AsAbsl(kStandInPlan),
                   ",", AsAbsl(history_text.substr(brace + 1)), "}");
  absl::StatusOr<Profile> read = LoadProfile(profile);
  std::vector<Problem> kept;
  for (const Problem& problem : ProblemsOf(read.status())) {
    // Repeats are the planner's to report, after `not_happened` and `unknown_use` (12.1).
    if (!AboutStandInPlan(problem) && problem.rule != "duplicate") kept.push_back(problem);
  }
  if (!kept.empty()) return ProblemsStatus(read.status().code(), kept);
  if (!read.ok() && ProblemsOf(read.status()).empty()) return read.status();

  // The form is right, so the entries read plainly, with section 8's defaults.
  std::vector<Feedback> entries;
  const nlohmann::json history =
      nlohmann::json::parse(history_text, nullptr, /*allow_exceptions=*/false);
  if (!history.is_object() || !history.contains("feedback")) return entries;
  for (const nlohmann::json& entry : history.at("feedback")) {
    Feedback feedback;
    feedback.day = static_cast<int>(entry.at("day").get<double>());
    feedback.exercise = entry.at("exercise").get<std::string>();
    if (entry.contains("completed")) feedback.completed = entry.at("completed").get<bool>();
    if (entry.contains("pain_after")) {
      feedback.pain_after = *FromName<PainAfter>(entry.at("pain_after").get<std::string>());
    }
    if (entry.contains("soreness_hours")) {
      feedback.soreness_hours = entry.at("soreness_hours").get<double>();
    }
    if (entry.contains("rpe") && !entry.at("rpe").is_null()) {
      feedback.rpe = static_cast<int>(entry.at("rpe").get<double>());
    }
    entries.push_back(std::move(feedback));
  }
  return entries;
}

}  // namespace backbalance::internal
