#include "backbalance/io/profile_json.h"

#include <algorithm>
#include <cstddef>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/io/document.h"
#include "backbalance/model/limits.h"
#include "backbalance/model/problem.h"
#include "internal/json_writer.h"
#include "internal/status_macros.h"
#include "io/feedback_entries.h"
#include "io/plan_json_internal.h"
#include "io/strict_json.h"

namespace backbalance {
namespace internal {
namespace {

// A pin's minutes beyond any item's range are a range error against the catalog; this
// bound only keeps the number an int (section 2: at most 120).
constexpr int kMaxPinMinutes = 1000000;

std::optional<std::vector<std::string>> ReadIdentifierSet(JsonReader& reader, const Json& value,
                                                          const std::string& path) {
  return reader.List<std::string>(
      value, path, /*unique=*/true,
      [&reader](const Json& v, const std::string& p) { return reader.Identifier(v, p); });
}

template <typename Enum>
std::optional<std::vector<Enum>> ReadEnumSet(JsonReader& reader, const Json& value,
                                             const std::string& path) {
  return reader.List<Enum>(
      value, path, /*unique=*/true,
      [&reader](const Json& v, const std::string& p) { return reader.EnumValue<Enum>(v, p); });
}

std::optional<Goals> ReadGoals(JsonReader& reader, const Json& value, const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  Goals goals;  // a key left out keeps its weight of 1
  for (auto [name, target] :
       {std::pair{"strength", &goals.strength}, std::pair{"flexibility", &goals.flexibility},
        std::pair{"endurance", &goals.endurance}, std::pair{"balance", &goals.balance},
        std::pair{"stress_relief", &goals.stress_relief}}) {
    if (const Json* v = object.Optional(name)) {
      if (auto w = reader.Int(*v, object.PathOf(name), 0, 3)) *target = *w;
    }
  }
  object.ReportUnknownFields();
  return goals;
}

std::optional<History> ReadHistory(JsonReader& reader, const Json& value, const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  History history;
  bool plan_ok = false;
  if (const Json* v = object.Required("plan")) {
    const std::size_t before = reader.problem_count();
    std::optional<Plan> plan = ReadPlan(reader, *v, object.PathOf("plan"));
    plan_ok = plan && reader.problem_count() == before;
    if (plan) history.plan = *std::move(plan);
  }
  if (const Json* v = object.Optional("feedback")) {
    // Only a plan read without faults can say which uses exist.
    history.feedback = ReadFeedbackList(reader, *v, object.PathOf("feedback"),
                                        {.uses = plan_ok ? &history.plan : nullptr});
  }
  object.ReportUnknownFields();
  return history;
}

// `doses`: an object mapping exercise ids to doses (section 12). The form against the
// item's category and the ids are checked when the profile meets a catalog.
std::optional<std::map<std::string, Dose>> ReadDoses(JsonReader& reader, const Json& value,
                                                     const std::string& path) {
  if (reader.IsReported(path) || !reader.Expect(value, path, Json::value_t::object)) {
    return std::nullopt;
  }
  if (value.size() > kMaxListLength) {
    reader.Report(
        path, "length",
        absl::StrCat("must hold at most ", kMaxListLength, " entries, got ", value.size()));
    return std::nullopt;
  }
  std::map<std::string, Dose> doses;
  for (const auto& item : value.items()) {
    const std::string entry_path = FieldPath(path, item.key());
    if (!IsIdentifier(item.key())) {
      reader.Report(entry_path, "pattern",
                    absl::StrCat("an exercise id must match ", AsAbsl(kIdentifierPattern), ", got ",
                                 Quote(item.key())));
      continue;
    }
    if (std::optional<Dose> dose = ReadDose(reader, item.value(), entry_path)) {
      doses[item.key()] = *dose;
    }
  }
  return doses;
}

// One pin (section 12, 12.1). Its form only: ids, minutes against the item and repeats
// are checked when the profile meets a catalog (CheckProfileAgainstCatalog).
std::optional<Pin> ReadPin(JsonReader& reader, const Json& value, const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  const std::size_t before = reader.problem_count();
  Pin pin;
  if (const Json* v = object.Required("day")) {
    if (auto d = reader.Int(*v, object.PathOf("day"), 0, kDaysPerWeek - 1)) pin.day = *d;
  }
  if (const Json* v = object.Required("exercise")) {
    if (auto id = reader.Identifier(*v, object.PathOf("exercise"))) pin.exercise = *std::move(id);
  }
  if (const Json* v = object.Optional("phase")) {
    const std::string at = object.PathOf("phase");
    if (auto name = reader.String(*v, at)) {
      if (std::optional<Phase> phase = FromName<Phase>(*name)) {
        pin.phase = *phase;
      } else {
        reader.Report(
            at, "unknown_phase",
            absl::StrCat("must be one of ", EnumNameList<Phase>(), "; got ", Quote(*name)));
      }
    }
  }
  if (const Json* v = object.Optional("minutes")) {
    // The item's range is checked against the catalog; here only a plausible integer.
    if (auto m = reader.Int(*v, object.PathOf("minutes"), 0, kMaxPinMinutes)) pin.minutes = *m;
  }
  object.ReportUnknownFields();
  if (reader.problem_count() != before) return std::nullopt;
  return pin;
}

std::optional<Profile> ReadProfile(JsonReader& reader, const Json& value) {
  ObjectReader object(reader, value, "");
  if (!object.ok()) return std::nullopt;
  if (!ReadSchema(object, kProfileSchema)) return std::nullopt;
  Profile profile;
  if (const Json* v = object.Optional("pain")) {
    if (auto n = reader.Int(*v, "pain", 0, 10)) profile.pain = *n;
  }
  if (const Json* v = object.Optional("pain_duration")) {
    if (auto d = reader.EnumValue<PainDuration>(*v, "pain_duration")) profile.pain_duration = *d;
  }
  if (const Json* v = object.Optional("pain_persisting_days")) {
    if (auto n = reader.Int(*v, "pain_persisting_days", 0, kMaxPersistingDays)) {
      profile.pain_persisting_days = *n;
    }
  }
  // Condition names are checked for their form only: a catalog may declare more
  // (CheckProfileAgainstCatalog, CheckProfileConditions).
  if (const Json* v = object.Optional("conditions")) {
    if (auto c = ReadIdentifierSet(reader, *v, "conditions")) profile.conditions = *std::move(c);
  }
  if (const Json* v = object.Optional("pregnancy_week")) {
    if (auto n = reader.Int(*v, "pregnancy_week", 0, kMaxPregnancyWeek)) {
      profile.pregnancy_week = *n;
    }
  }
  if (const Json* v = object.Optional("red_flags")) {
    if (auto f = ReadEnumSet<RedFlag>(reader, *v, "red_flags")) profile.red_flags = *std::move(f);
  }
  if (const Json* v = object.Optional("fitness")) {
    if (auto n = reader.Int(*v, "fitness", 1, 5)) profile.fitness = *n;
  }
  if (const Json* v = object.Optional("availability")) {
    if (!reader.IsReported("availability") &&
        reader.Expect(*v, "availability", Json::value_t::array)) {
      if (v->size() != static_cast<std::size_t>(kDaysPerWeek)) {
        reader.Report("availability", "length",
                      absl::StrCat("must hold 7 entries, monday to sunday; got ", v->size()));
      } else {
        for (int d = 0; d < kDaysPerWeek; ++d) {
          if (auto n =
                  reader.Int((*v)[d], IndexPath("availability", d), 0, kMaxAvailabilityMinutes)) {
            profile.availability[d] = *n;
          }
        }
      }
    }
  }
  if (const Json* v = object.Optional("equipment")) {
    auto equipment = reader.List<std::string>(
        *v, "equipment", /*unique=*/true,
        [&reader](const Json& e, const std::string& p) -> std::optional<std::string> {
          std::optional<std::string> name = reader.String(e, p);
          if (name && name->empty()) {
            reader.Report(p, "empty", "must not be empty");
            return std::nullopt;
          }
          return name;
        });
    if (equipment) profile.equipment = *std::move(equipment);
  }
  if (const Json* v = object.Optional("goals")) {
    if (auto g = ReadGoals(reader, *v, "goals")) profile.goals = *g;
  }
  if (const Json* v = object.Optional("exclude")) {
    if (auto ids = ReadIdentifierSet(reader, *v, "exclude")) profile.exclude = *std::move(ids);
  }
  if (const Json* v = object.Optional("prefer")) {
    if (auto ids = ReadIdentifierSet(reader, *v, "prefer")) profile.prefer = *std::move(ids);
  }
  if (const Json* v = object.Optional("cleared")) {
    if (auto ids = ReadIdentifierSet(reader, *v, "cleared")) profile.cleared = *std::move(ids);
  }
  if (const Json* v = object.Optional("doses")) {
    if (auto d = ReadDoses(reader, *v, "doses")) profile.doses = *std::move(d);
  }
  if (const Json* v = object.Optional("pins")) {
    if (auto pins = reader.List<Pin>(
            *v, "pins", /*unique=*/false,
            [&reader](const Json& p, const std::string& at) { return ReadPin(reader, p, at); })) {
      profile.pins = *std::move(pins);
    }
  }
  if (const Json* v = object.Optional("train_days")) {
    if (auto days = reader.List<int>(*v, "train_days", /*unique=*/true,
                                     [&reader](const Json& d, const std::string& at) {
                                       return reader.Int(d, at, 0, kDaysPerWeek - 1);
                                     })) {
      profile.train_days = *std::move(days);
    }
  }
  if (const Json* v = object.Optional("seed")) {
    if (auto s = reader.Uint64(*v, "seed")) profile.seed = *s;
  }
  if (const Json* v = object.Optional("history"))
    profile.history = ReadHistory(reader, *v, "history");
  object.ReportUnknownFields();
  // A pregnancy week describes a pregnancy: without the condition it is a contradiction
  // the planner must not guess its way around (section 3).
  if (profile.pregnancy_week && !reader.IsReported("conditions") &&
      std::find(profile.conditions.begin(), profile.conditions.end(), kPregnancy) ==
          profile.conditions.end()) {
    reader.Report("pregnancy_week", "requires_condition",
                  "a pregnancy week needs the condition \"pregnancy\" in `conditions`");
  }
  return profile;
}

FieldOrder ProfileFieldOrder() {
  FieldOrder order;
  order.Add("", {"schema", "pain", "pain_duration", "pain_persisting_days", "conditions",
                 "pregnancy_week", "red_flags", "fitness", "availability", "equipment", "goals",
                 "exclude", "prefer", "cleared", "doses", "pins", "train_days", "seed", "history"});
  order.Add("pins[]", {"day", "exercise", "phase", "minutes"});
  order.Add("goals", {"strength", "flexibility", "endurance", "balance", "stress_relief"});
  order.Add("history", {"plan", "feedback"});
  AddFeedbackFieldOrder(order, "history.feedback[]");
  AddPlanFieldOrder(order, "history.plan");
  return order;
}

template <typename Enum>
Json EnumListToJson(const std::vector<Enum>& values) {
  Json out = Json::array();
  for (Enum v : values) out.push_back(std::string(ToName(v)));
  return out;
}

}  // namespace

Json ProfileToJson(const Profile& profile) {
  Json out = Json::object();
  out["schema"] = std::string(kProfileSchema);
  out["pain"] = profile.pain;
  out["pain_duration"] = std::string(ToName(profile.pain_duration));
  out["pain_persisting_days"] = profile.pain_persisting_days;
  out["conditions"] = profile.conditions;
  if (profile.pregnancy_week) out["pregnancy_week"] = *profile.pregnancy_week;
  out["red_flags"] = EnumListToJson(profile.red_flags);
  out["fitness"] = profile.fitness;
  out["availability"] = profile.availability;
  out["equipment"] = profile.equipment;
  out["goals"] = Json{{"strength", profile.goals.strength},
                      {"flexibility", profile.goals.flexibility},
                      {"endurance", profile.goals.endurance},
                      {"balance", profile.goals.balance},
                      {"stress_relief", profile.goals.stress_relief}};
  out["exclude"] = profile.exclude;
  out["prefer"] = profile.prefer;
  out["cleared"] = profile.cleared;
  Json doses = Json::object();
  for (const auto& [id, dose] : profile.doses) doses[id] = DoseToJson(dose);
  out["doses"] = std::move(doses);
  // Written only when given, so that profiles without clinician control keep their bytes
  // (next-week and programme documents among them).
  if (!profile.pins.empty()) {
    Json pins = Json::array();
    for (const Pin& pin : profile.pins) {
      Json entry = Json::object();
      entry["day"] = pin.day;
      entry["exercise"] = pin.exercise;
      if (pin.phase) entry["phase"] = std::string(ToName(*pin.phase));
      if (pin.minutes) entry["minutes"] = *pin.minutes;
      pins.push_back(std::move(entry));
    }
    out["pins"] = std::move(pins);
  }
  if (!profile.train_days.empty()) out["train_days"] = profile.train_days;
  out["seed"] = profile.seed;
  if (profile.history) {
    Json feedback = Json::array();
    for (const Feedback& f : profile.history->feedback) {
      Json entry = Json::object();
      entry["day"] = f.day;
      entry["exercise"] = f.exercise;
      entry["completed"] = f.completed;
      entry["pain_after"] = std::string(ToName(f.pain_after));
      entry["soreness_hours"] = f.soreness_hours;
      entry["rpe"] = f.rpe ? Json(*f.rpe) : Json(nullptr);
      feedback.push_back(std::move(entry));
    }
    out["history"] =
        Json{{"plan", PlanToJson(profile.history->plan)}, {"feedback", std::move(feedback)}};
  }
  return out;
}

}  // namespace internal

absl::StatusOr<Profile> LoadProfile(std::string_view json_text) {
  try {
    internal::JsonReader reader;
    std::optional<internal::ParsedJson> document = reader.Parse(json_text);
    if (!document) return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
    std::optional<Profile> profile = internal::ReadProfile(reader, **document);
    if (reader.problem_count() == 0 && profile) return *std::move(profile);
    internal::FinishProblems(reader.mutable_problems(), internal::ProfileFieldOrder(),
                             reader.dropped());
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  } catch (const std::exception& e) {
    return internal::LoadExceptionStatus("a profile", e);
  }
}

absl::StatusOr<Profile> LoadProfileFile(const std::string& path) {
  BKB_ASSIGN_OR_RETURN(const std::string text, ReadDocumentFile(path));
  return LoadProfile(text);
}

std::string SaveProfile(const Profile& profile) {
  return internal::DumpDocument(internal::ProfileToJson(profile));
}

}  // namespace backbalance
