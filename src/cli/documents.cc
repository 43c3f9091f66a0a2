#include "cli/documents.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "backbalance/io/document.h"
#include "backbalance/io/feedback_json.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/problem.h"
#include "cli/problem_report.h"
#include "nlohmann/json.hpp"

namespace backbalance::cli {
namespace {

constexpr absl::string_view kFeedbackPrefix = "history.feedback";

// A top-level key as a path: `name`, or `["key"]` for a key that is not [A-Za-z0-9_]+
// (the library's path syntax). The key passed nlohmann's parse, so it is valid UTF-8.
std::string KeyPath(const std::string& key) {
  const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
  return plain ? key : absl::StrCat("[", nlohmann::json(key).dump(), "]");
}

void ReportOne(std::string_view file, std::string path, std::string rule, std::string detail) {
  ReportProblems(file,
                 ProblemsStatus(absl::StatusCode::kInvalidArgument,
                                {Problem{std::move(path), std::move(rule), std::move(detail)}}));
}

}  // namespace

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

std::string FeedbackPath(const std::string& path, bool object_form) {
  if (!absl::StartsWith(path, kFeedbackPrefix)) return path;
  const std::string rest = path.substr(kFeedbackPrefix.size());
  if (object_form) return absl::StrCat("feedback", rest);
  // Array form: `history.feedback` is the whole document, `[2].rpe` an entry's field.
  return rest;
}

std::optional<FeedbackInput> LoadFeedbackInput(const std::string& path,
                                               std::optional<std::string_view> plan_text) {
  std::optional<std::string> text = ReadInput(path);
  if (!text) return std::nullopt;

  // Decide the form with a plain parse; the strict reading happens below.
  const nlohmann::json parsed = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    // DetectDocumentKind reports a syntax problem with its byte offset.
    absl::StatusOr<DocumentKind> kind = DetectDocumentKind(*text);
    bool reported = false;
    if (!kind.ok()) {
      for (const Problem& p : ProblemsOf(kind.status())) {
        if (p.rule == "syntax" || p.rule == "depth" || p.rule == "too_large") {
          ReportProblems(path, kind.status());
          reported = true;
          break;
        }
      }
    }
    if (!reported) ReportOne(path, "", "syntax", "not a valid JSON document");
    return std::nullopt;
  }

  bool object_form = false;
  std::string body;  // the members of a profile's `history` object, after its plan
  if (parsed.is_array()) {
    body = absl::StrCat("\"feedback\":", *text, "}");
  } else if (parsed.is_object()) {
    object_form = true;
    bool bad = false;
    for (const auto& [key, value] : parsed.items()) {
      if (key != "feedback") {
        ReportOne(path, KeyPath(key), "unknown_field",
                  "a feedback file holds only \"feedback\", an array of feedback entries");
        bad = true;
      }
    }
    if (!parsed.contains("feedback")) {
      ReportOne(path, "feedback", "required", "the array of feedback entries is missing");
      bad = true;
    }
    if (bad) return std::nullopt;
    // Keep the user's bytes (so that duplicate keys and exact numbers are judged
    // strictly): the object with "plan" put in front of its fields.
    const std::size_t brace = text->find('{');  // only whitespace (or a BOM) before it
    body = text->substr(brace + 1);
  } else {
    ReportOne(path, "", "type",
              absl::StrCat("must be an array of feedback entries or an object "
                           "{\"feedback\": [...]}, got ",
                           parsed.type_name()));
    return std::nullopt;
  }

  const auto rewrite = [object_form](const std::string& p) { return FeedbackPath(p, object_form); };
  FeedbackInput input;
  input.object_form = object_form;
  if (!plan_text) {
    absl::StatusOr<std::vector<Feedback>> entries =
        LoadFeedbackHistoryForm(absl::StrCat("{", body));
    if (!entries.ok()) {
      ReportProblems(path, entries.status(), rewrite);
      return std::nullopt;
    }
    input.entries = *std::move(entries);
    return input;
  }
  const std::string wrapped = absl::StrCat(
      "{\"schema\":\"backbalance.profile/1\",\"history\":{\"plan\":", std::string(*plan_text), ",",
      body, "}");
  absl::StatusOr<Profile> profile = LoadProfile(wrapped);
  if (!profile.ok()) {
    ReportProblems(path, profile.status(), rewrite);
    return std::nullopt;
  }
  if (profile->history.has_value()) input.entries = std::move(profile->history->feedback);
  return input;
}

}  // namespace backbalance::cli
