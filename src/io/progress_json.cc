#include "backbalance/io/progress_json.h"

#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "backbalance/io/document.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/problem.h"
#include "backbalance/solver/planner.h"
#include "internal/json_writer.h"
#include "internal/status_macros.h"
#include "io/plan_json_internal.h"
#include "io/strict_json.h"

namespace backbalance {
namespace {

using internal::Json;

// `path` with the prefix `from` replaced by `to` ("" matches every path).
std::string Rebase(const std::string& path, std::string_view from, const std::string& to) {
  if (from.empty()) return path.empty() ? to : absl::StrCat(to, path[0] == '[' ? "" : ".", path);
  if (path.compare(0, from.size(), from) != 0) return path;
  return to + path.substr(from.size());
}

Json FeedbackToJson(const std::vector<Feedback>& feedback) {
  Json out = Json::array();
  for (const Feedback& f : feedback) {
    Json entry = Json::object();
    entry["day"] = f.day;
    entry["exercise"] = f.exercise;
    entry["completed"] = f.completed;
    entry["pain_after"] = std::string(ToName(f.pain_after));
    entry["soreness_hours"] = f.soreness_hours;
    entry["rpe"] = f.rpe ? Json(*f.rpe) : Json(nullptr);
    out.push_back(std::move(entry));
  }
  return out;
}

Json CategoryMinutesToJson(const CategoryMinutes& minutes) {
  Json by = Json::object();
  for (Category c : AllValues<Category>()) by[std::string(ToName(c))] = minutes.by_category[int(c)];
  return Json{{"total", minutes.total}, {"by_category", std::move(by)}};
}

}  // namespace

absl::StatusOr<Journal> LoadJournal(std::string_view json_text) try {
  internal::JsonReader reader;
  std::optional<internal::ParsedJson> document = reader.Parse(json_text);
  if (!document) return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  const Json& root = **document;
  internal::ObjectReader object(reader, root, "");
  Journal journal;
  if (object.ok() && internal::ReadSchema(object, internal::kJournalSchema)) {
    if (const Json* weeks = object.Required("weeks")) {
      if (reader.Expect(*weeks, "weeks", Json::value_t::array)) {
        for (std::size_t w = 0; w < weeks->size(); ++w) {
          const std::string at = internal::IndexPath("weeks", w);
          internal::ObjectReader week_object(reader, (*weeks)[w], at);
          if (!week_object.ok()) continue;
          JournalWeek week;
          const Json* profile = week_object.Required("profile");
          const Json* plan = week_object.Required("plan");
          const Json* feedback = week_object.Optional("feedback");
          week_object.ReportUnknownFields();
          if (profile != nullptr) {
            absl::StatusOr<Profile> loaded = LoadProfile(profile->dump());
            if (loaded.ok()) {
              week.profile = *std::move(loaded);
            } else {
              for (const Problem& p : ProblemsOf(loaded.status())) {
                reader.Report(Rebase(p.path, "", at + ".profile"), p.rule, p.detail);
              }
            }
          }
          if (plan != nullptr) {
            // The plan and its feedback read as a history: the same checks, unknown and
            // duplicate uses included, with paths moved to the week.
            Json history = Json::object();
            history["plan"] = *plan;
            history["feedback"] = feedback != nullptr ? *feedback : Json::array();
            Json as_profile = Json::object();
            as_profile["schema"] = std::string(internal::kProfileSchema);
            as_profile["history"] = std::move(history);
            absl::StatusOr<Profile> loaded = LoadProfile(as_profile.dump());
            if (loaded.ok()) {
              week.plan = loaded->history->plan;
              week.feedback = loaded->history->feedback;
            } else {
              for (const Problem& p : ProblemsOf(loaded.status())) {
                std::string path = Rebase(p.path, "history.plan", at + ".plan");
                path = Rebase(path, "history.feedback", at + ".feedback");
                if (path == "history") path = at;
                reader.Report(path, p.rule, p.detail);
              }
            }
          }
          journal.weeks.push_back(std::move(week));
        }
      }
    }
    object.ReportUnknownFields();
  }
  if (reader.problem_count() != 0) {
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  }
  if (absl::Status s = CheckJournal(journal); !s.ok()) return s;
  return journal;
} catch (const std::exception& e) {
  return internal::LoadExceptionStatus("a journal", e);
}

absl::StatusOr<Journal> LoadJournalFile(const std::string& path) {
  BKB_ASSIGN_OR_RETURN(const std::string text, ReadDocumentFile(path));
  return LoadJournal(text);
}

std::string SaveJournal(const Journal& journal) {
  Json out = Json::object();
  out["schema"] = std::string(internal::kJournalSchema);
  Json weeks = Json::array();
  for (const JournalWeek& week : journal.weeks) {
    Json entry = Json::object();
    entry["profile"] = internal::ProfileToJson(week.profile);
    entry["plan"] = internal::PlanToJson(week.plan);
    entry["feedback"] = FeedbackToJson(week.feedback);
    weeks.push_back(std::move(entry));
  }
  out["weeks"] = std::move(weeks);
  return internal::DumpDocument(out);
}

std::string SaveProgress(const Progress& progress) {
  Json out = Json::object();
  out["schema"] = std::string(internal::kProgressSchema);
  Json weeks = Json::array();
  for (const ProgressWeek& week : progress.weeks) {
    Json entry = Json::object();
    entry["week"] = week.week;
    entry["pain"] = week.pain;
    entry["band"] = std::string(ToName(week.band));
    entry["status"] = std::string(ToName(week.status));
    entry["planned"] = CategoryMinutesToJson(week.planned);
    entry["completed"] = CategoryMinutesToJson(week.completed);
    entry["adherence"] = week.adherence ? Json(*week.adherence) : Json(nullptr);
    entry["worse_uses"] = week.worse_uses;
    entry["soreness_uses"] = week.soreness_uses;
    entry["advisories"] = week.advisories;
    Json targets = Json::object();
    for (const auto& [c, minutes] : week.targets) targets[std::string(ToName(c))] = minutes;
    entry["targets"] = std::move(targets);
    entry["targets_met"] = week.targets_met;
    Json doses = Json::object();
    for (const auto& [id, dose] : week.doses) doses[id] = internal::DoseToJson(dose);
    entry["doses"] = std::move(doses);
    weeks.push_back(std::move(entry));
  }
  out["weeks"] = std::move(weeks);
  out["pain_trend"] =
      Json{{"first", progress.pain_trend.first},
           {"last", progress.pain_trend.last},
           {"slope", progress.pain_trend.slope ? Json(*progress.pain_trend.slope) : Json(nullptr)}};
  out["weeks_meeting_targets"] = progress.weeks_meeting_targets;
  Json doses = Json::object();
  for (const auto& [id, by_week] : progress.doses) {
    Json list = Json::array();
    for (const auto& d : by_week) list.push_back(d ? internal::DoseToJson(*d) : Json(nullptr));
    doses[id] = std::move(list);
  }
  out["doses"] = std::move(doses);
  return internal::DumpDocument(out);
}

}  // namespace backbalance
