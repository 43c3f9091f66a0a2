#include "backbalance/io/plan_json.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/io/document.h"
#include "backbalance/model/problem.h"
#include "internal/status_macros.h"
#include "io/plan_json_internal.h"
#include "io/strict_json.h"

namespace backbalance {
namespace internal {
namespace {

constexpr int kMaxInt = std::numeric_limits<int>::max();
// An item takes at most a day; anything beyond is not a duration. (Whether the minutes
// suit the exercise is H9's business, reported by Evaluate.)
constexpr int kMaxItemMinutes = 1440;

template <typename Enum>
std::string NameJson(Enum value) {
  return std::string(ToName(value));
}

// A list of strings, each any string (notes, reasons).
std::optional<std::vector<std::string>> ReadStrings(JsonReader& reader, const Json& value,
                                                    const std::string& path) {
  return reader.List<std::string>(
      value, path, /*unique=*/false,
      [&reader](const Json& v, const std::string& p) { return reader.String(v, p); });
}

// An object keyed by the names of Enum, each holding a value read by `read`; every name
// required, no other key allowed. nullopt unless every entry was read.
template <typename Enum, typename T, typename ReadValue>
std::optional<std::array<T, kEnumCount<Enum>>> ReadByName(JsonReader& reader, const Json& value,
                                                          const std::string& path, ReadValue read,
                                                          int required = kEnumCount<Enum>) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  const std::size_t before = reader.problem_count();
  std::array<T, kEnumCount<Enum>> out{};
  for (Enum e : AllValues<Enum>()) {
    const std::string_view name = ToName(e);
    const bool needed = static_cast<int>(e) < required;
    if (const Json* v = needed ? object.Required(name) : object.Optional(name)) {
      if (std::optional<T> parsed = read(*v, object.PathOf(name))) {
        out[static_cast<std::size_t>(e)] = *parsed;
      }
    }
  }
  object.ReportUnknownFields();
  if (reader.problem_count() != before) return std::nullopt;
  return out;
}

std::optional<std::array<int, kCategoryCount>> ReadMinutesByCategory(JsonReader& reader,
                                                                     const Json& value,
                                                                     const std::string& path) {
  return ReadByName<Category, int>(
      reader, value, path,
      [&reader](const Json& v, const std::string& p) { return reader.Int(v, p, 0, kMaxInt); });
}

Json MinutesByCategoryToJson(const std::array<int, kCategoryCount>& minutes) {
  Json out = Json::object();
  for (Category c : AllValues<Category>()) out[NameJson(c)] = minutes[static_cast<int>(c)];
  return out;
}

// {code, text} entries: advisories and diagnosis.
template <typename Entry>
std::optional<std::vector<Entry>> ReadCodeTextList(JsonReader& reader, const Json& value,
                                                   const std::string& path) {
  return reader.List<Entry>(value, path, /*unique=*/false,
                            [&reader](const Json& v, const std::string& p) -> std::optional<Entry> {
                              ObjectReader object(reader, v, p);
                              if (!object.ok()) return std::nullopt;
                              Entry entry;
                              bool ok = true;
                              for (auto [field, target] : {std::pair{"code", &entry.code},
                                                           std::pair{"text", &entry.text}}) {
                                const Json* f = object.Required(field);
                                std::optional<std::string> s =
                                    f ? reader.String(*f, object.PathOf(field)) : std::nullopt;
                                if (s) {
                                  *target = *std::move(s);
                                } else {
                                  ok = false;
                                }
                              }
                              object.ReportUnknownFields();
                              if (!ok) return std::nullopt;
                              return entry;
                            });
}

template <typename Entry>
Json CodeTextListToJson(const std::vector<Entry>& entries) {
  Json out = Json::array();
  for (const Entry& e : entries) out.push_back(Json{{"code", e.code}, {"text", e.text}});
  return out;
}

std::optional<PlanItem> ReadItem(JsonReader& reader, const Json& value, const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  const std::size_t before = reader.problem_count();
  PlanItem item;
  // The id is not checked against any catalog here: an unknown one breaks H1, which
  // Evaluate reports.
  if (const Json* v = object.Required("exercise")) {
    if (auto s = reader.String(*v, object.PathOf("exercise"))) item.exercise = *std::move(s);
  }
  if (const Json* v = object.Required("phase")) {
    if (auto p = reader.EnumValue<Phase>(*v, object.PathOf("phase"))) item.phase = *p;
  }
  if (const Json* v = object.Required("minutes")) {
    if (auto m = reader.Int(*v, object.PathOf("minutes"), 0, kMaxItemMinutes)) item.minutes = *m;
  }
  if (const Json* v = object.Optional("dose"))
    item.dose = ReadDose(reader, *v, object.PathOf("dose"));
  if (const Json* v = object.Optional("notes")) {
    if (auto s = ReadStrings(reader, *v, object.PathOf("notes"))) item.notes = *std::move(s);
  }
  if (const Json* v = object.Optional("reasons")) {
    if (auto s = ReadStrings(reader, *v, object.PathOf("reasons"))) item.reasons = *std::move(s);
  }
  object.ReportUnknownFields();
  if (reader.problem_count() != before) return std::nullopt;
  return item;
}

// One entry of `days`; `index` is its position, which is the day it must be.
std::optional<PlanDay> ReadDay(JsonReader& reader, const Json& value, const std::string& path,
                               std::size_t index) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  const std::size_t before = reader.problem_count();
  const bool in_week = index < static_cast<std::size_t>(kDaysPerWeek);
  PlanDay day;
  day.day = static_cast<int>(index);
  if (const Json* v = object.Required("day")) {
    const std::string p = object.PathOf("day");
    if (auto d = reader.Int(*v, p, 0, kDaysPerWeek - 1); d && in_week && *d != day.day) {
      reader.Report(
          p, "day_order",
          absl::StrCat("must be ", index, " (days are listed monday to sunday), got ", *d));
    }
  }
  if (const Json* v = object.Optional("name")) {
    const std::string p = object.PathOf("name");
    if (auto name = reader.String(*v, p); name && in_week && *name != kDayNames[index]) {
      reader.Report(
          p, "day_name",
          absl::StrCat("day ", index, " is ", Quote(kDayNames[index]), ", got ", Quote(*name)));
    }
  }
  std::optional<bool> rest;
  if (const Json* v = object.Optional("rest")) rest = reader.Bool(*v, object.PathOf("rest"));
  if (const Json* v = object.Optional("minutes")) {
    reader.Int(*v, object.PathOf("minutes"), 0, kMaxInt);  // output only: checked, not kept
  }
  if (const Json* v = object.Required("items")) {
    const std::string p = object.PathOf("items");
    auto items = reader.List<PlanItem>(
        *v, p, /*unique=*/false,
        [&reader](const Json& item, const std::string& ip) { return ReadItem(reader, item, ip); });
    if (items) day.items = *std::move(items);
    // `rest` is checked against the items the document lists, even if some are faulty.
    if (rest && v->is_array() && *rest != v->empty()) {
      reader.Report(object.PathOf("rest"), "rest_mismatch",
                    *rest ? absl::StrCat("is true, but the day lists ", v->size(),
                                         v->size() == 1 ? " item" : " items")
                          : std::string("is false, but the day lists no items"));
    }
  }
  object.ReportUnknownFields();
  if (reader.problem_count() != before) return std::nullopt;
  for (const PlanItem& item : day.items) day.minutes += item.minutes;
  return day;
}

std::optional<Totals> ReadTotals(JsonReader& reader, const Json& value, const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  const std::size_t before = reader.problem_count();
  Totals totals;
  if (const Json* v = object.Required("minutes")) {
    if (auto m = reader.Int(*v, object.PathOf("minutes"), 0, kMaxInt)) totals.minutes = *m;
  }
  if (const Json* v = object.Required("by_category")) {
    if (auto m = ReadMinutesByCategory(reader, *v, object.PathOf("by_category"))) {
      totals.by_category = *m;
    }
  }
  object.ReportUnknownFields();
  if (reader.problem_count() != before) return std::nullopt;
  return totals;
}

std::optional<Targets> ReadTargets(JsonReader& reader, const Json& value, const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  const std::size_t before = reader.problem_count();
  Targets targets;
  if (const Json* v = object.Required("band")) {
    if (auto b = reader.EnumValue<PainBand>(*v, object.PathOf("band"))) targets.band = *b;
  }
  if (const Json* v = object.Required("by_category")) {
    if (auto m = ReadMinutesByCategory(reader, *v, object.PathOf("by_category"))) {
      targets.by_category = *m;
    }
  }
  if (const Json* v = object.Required("volume_cap")) {
    if (auto m = reader.Int(*v, object.PathOf("volume_cap"), 0, kMaxInt)) targets.volume_cap = *m;
  }
  if (const Json* v = object.Required("training_days")) {
    ObjectReader days(reader, *v, object.PathOf("training_days"));
    if (days.ok()) {
      if (const Json* d = days.Required("min")) {
        if (auto m = reader.Int(*d, days.PathOf("min"), 0, kDaysPerWeek)) {
          targets.min_training_days = *m;
        }
      }
      if (const Json* d = days.Required("max")) {
        if (auto m = reader.Int(*d, days.PathOf("max"), 0, kDaysPerWeek)) {
          targets.max_training_days = *m;
        }
      }
      days.ReportUnknownFields();
    }
  }
  object.ReportUnknownFields();
  if (reader.problem_count() != before) return std::nullopt;
  return targets;
}

std::optional<SolverInfo> ReadSolver(JsonReader& reader, const Json& value,
                                     const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  const std::size_t before = reader.problem_count();
  SolverInfo solver;
  if (const Json* v = object.Required("backend")) {
    const std::string p = object.PathOf("backend");
    if (auto s = reader.String(*v, p)) {
      if (*s == "heuristic" || *s == "exact") {
        solver.backend = *std::move(s);
      } else {
        reader.Report(p, "unknown_name",
                      absl::StrCat("must be one of heuristic, exact; got ", Quote(*s)));
      }
    }
  }
  if (const Json* v = object.Required("seed")) {
    if (auto s = reader.Uint64(*v, object.PathOf("seed"))) solver.seed = *s;
  }
  // Set by the exact backend only; absent and null both mean "not known".
  if (const Json* v = object.Optional("proven_optimal"); v && !v->is_null()) {
    solver.proven_optimal = reader.Bool(*v, object.PathOf("proven_optimal"));
  }
  if (const Json* v = object.Optional("gap"); v && !v->is_null()) {
    solver.gap = reader.Number(*v, object.PathOf("gap"), 0);
  }
  if (const Json* v = object.Required("cut_short")) {
    if (auto b = reader.Bool(*v, object.PathOf("cut_short"))) solver.cut_short = *b;
  }
  object.ReportUnknownFields();
  if (reader.problem_count() != before) return std::nullopt;
  return solver;
}

std::optional<Provenance> ReadProvenance(JsonReader& reader, const Json& value,
                                         const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  const std::size_t before = reader.problem_count();
  Provenance provenance;
  if (const Json* v = object.Required("library")) {
    if (auto s = reader.String(*v, object.PathOf("library"))) provenance.library = *std::move(s);
  }
  // Plans written under model 1 carry no `model`.
  provenance.model = 1;
  if (const Json* v = object.Optional("model")) {
    if (auto n = reader.Int(*v, object.PathOf("model"), 1, 2)) provenance.model = *n;
  }
  if (const Json* v = object.Required("catalog_sha256")) {
    if (auto s = reader.String(*v, object.PathOf("catalog_sha256"))) {
      provenance.catalog_sha256 = *std::move(s);
    }
  }
  object.ReportUnknownFields();
  if (reader.problem_count() != before) return std::nullopt;
  return provenance;
}

std::optional<std::vector<Exclusion>> ReadExcluded(JsonReader& reader, const Json& value,
                                                   const std::string& path) {
  return reader.List<Exclusion>(
      value, path, /*unique=*/false,
      [&reader](const Json& v, const std::string& p) -> std::optional<Exclusion> {
        ObjectReader object(reader, v, p);
        if (!object.ok()) return std::nullopt;
        const std::size_t before = reader.problem_count();
        Exclusion exclusion;
        if (const Json* f = object.Required("exercise")) {
          if (auto s = reader.String(*f, object.PathOf("exercise"))) exclusion.exercise = *s;
        }
        if (const Json* f = object.Required("reason")) {
          if (auto s = reader.String(*f, object.PathOf("reason"))) exclusion.reason = *s;
        }
        if (const Json* f = object.Optional("because")) {
          if (auto s = reader.String(*f, object.PathOf("because"))) exclusion.because = *s;
        }
        object.ReportUnknownFields();
        if (reader.problem_count() != before) return std::nullopt;
        return exclusion;
      });
}

}  // namespace

Json ExcludedToJson(const std::vector<Exclusion>& excluded) {
  Json out = Json::array();
  for (const Exclusion& e : excluded) {
    Json entry = Json{{"exercise", e.exercise}, {"reason", e.reason}};
    if (e.because) entry["because"] = *e.because;
    out.push_back(std::move(entry));
  }
  return out;
}

Json ScoreTermsToJson(const ScoreTerms& terms) {
  Json out = Json::object();
  for (ScoreTerm t : AllValues<ScoreTerm>()) out[NameJson(t)] = terms[static_cast<int>(t)];
  return out;
}

bool ReadSchema(ObjectReader& object, std::string_view expected) {
  const Json* value = object.Required("schema");
  if (value == nullptr) return true;
  const std::string path = object.PathOf("schema");
  std::optional<std::string> schema = object.reader().String(*value, path);
  if (!schema || *schema == expected) return true;
  object.reader().Report(path, "schema",
                         absl::StrCat("must be ", Quote(expected), ", got ", Quote(*schema)));
  return false;
}

std::optional<Dose> ReadDose(JsonReader& reader, const Json& value, const std::string& path) {
  if (reader.IsReported(path) || !reader.Expect(value, path, Json::value_t::object)) {
    return std::nullopt;
  }
  // The keys alone decide the form; unknown keys make it no form at all, so they are
  // reported as `dose_form` rather than `unknown_field`.
  std::vector<std::string> keys;
  for (const auto& item : value.items()) keys.push_back(item.key());
  const auto is = [&keys](std::initializer_list<std::string_view> form) {
    if (keys.size() != form.size()) return false;
    for (std::string_view k : form) {
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) return false;
    }
    return true;
  };
  Dose dose;
  if (is({"sets", "reps"})) {
    dose.form = DoseForm::kSetsReps;
  } else if (is({"hold_seconds", "reps"})) {
    dose.form = DoseForm::kHoldReps;
  } else if (is({"minutes"})) {
    dose.form = DoseForm::kMinutes;
  } else {
    std::vector<std::string> shown;
    for (const std::string& k : keys) shown.push_back(k.size() <= 40 ? k : Quote(k));
    reader.Report(path, "dose_form",
                  absl::StrCat("must be {sets, reps}, {hold_seconds, reps} or {minutes}, got {",
                               absl::StrJoin(shown, ", "), "}"));
    return std::nullopt;
  }
  bool ok = true;
  const auto read = [&](std::string_view field, int max, int* target) {
    std::optional<int> n = reader.Int(value[std::string(field)], FieldPath(path, field), 1, max);
    if (n) {
      *target = *n;
    } else {
      ok = false;
    }
  };
  switch (dose.form) {
    case DoseForm::kSetsReps:
      read("sets", 10, &dose.sets);
      read("reps", 50, &dose.reps);
      break;
    case DoseForm::kHoldReps:
      read("hold_seconds", 300, &dose.hold_seconds);
      read("reps", 50, &dose.reps);
      break;
    case DoseForm::kMinutes:
      read("minutes", 120, &dose.minutes);
      break;
  }
  if (!ok) {
    // The record keeps a default dose; the value validator must not judge that.
    reader.Skip(path);
    return std::nullopt;
  }
  return dose;
}

// `changes` of a repaired week (plan model 12, 12.1): what Repair changed, read back so
// that a repaired plan loads like any other.
std::optional<std::vector<PlanChange>> ReadChanges(JsonReader& reader, const Json& value,
                                                   const std::string& path) {
  return reader.List<PlanChange>(
      value, path, /*unique=*/false,
      [&reader](const Json& v, const std::string& p) -> std::optional<PlanChange> {
        ObjectReader object(reader, v, p);
        if (!object.ok()) return std::nullopt;
        const std::size_t before = reader.problem_count();
        PlanChange change;
        if (const Json* f = object.Required("day")) {
          if (auto d = reader.Int(*f, object.PathOf("day"), 0, kDaysPerWeek - 1)) change.day = *d;
        }
        if (const Json* f = object.Required("exercise")) {
          if (auto e = reader.String(*f, object.PathOf("exercise"))) {
            change.exercise = *std::move(e);
          }
        }
        if (const Json* f = object.Required("change")) {
          if (auto k = reader.EnumValue<ChangeKind>(*f, object.PathOf("change"))) change.kind = *k;
        }
        object.ReportUnknownFields();
        if (reader.problem_count() != before) return std::nullopt;
        return change;
      });
}

std::optional<Plan> ReadPlan(JsonReader& reader, const Json& value, const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  if (!ReadSchema(object, kPlanSchema)) return std::nullopt;
  Plan plan;
  if (const Json* v = object.Required("status")) {
    if (auto s = reader.EnumValue<PlanStatus>(*v, object.PathOf("status"))) plan.status = *s;
  }
  if (const Json* v = object.Optional("score")) {
    plan.score =
        reader.Number(*v, object.PathOf("score"), -std::numeric_limits<double>::infinity());
  }
  if (const Json* v = object.Optional("score_terms")) {
    // `{}` is how a plan without terms (infeasible, refer) writes them.
    if (!(v->is_object() && v->empty())) {
      plan.score_terms = ReadByName<ScoreTerm, double>(
          reader, *v, object.PathOf("score_terms"),
          [&reader](const Json& t, const std::string& p) {
            return reader.Number(t, p, -std::numeric_limits<double>::infinity());
          },
          // `mix` came with model 2: a model 1 plan has the terms before it.
          static_cast<int>(ScoreTerm::kMix));
    }
  }
  if (const Json* v = object.Required("days")) {
    const std::string days_path = object.PathOf("days");
    if (!reader.IsReported(days_path) && reader.Expect(*v, days_path, Json::value_t::array)) {
      if (v->size() != static_cast<std::size_t>(kDaysPerWeek)) {
        reader.Report(days_path, "length",
                      absl::StrCat("must hold 7 days, monday to sunday; got ", v->size()));
      }
      // Read the entries even when there are too many or too few, to report their own
      // faults too; a runaway list stops at a bound.
      const std::size_t count = std::min(v->size(), kMaxListLength);
      for (std::size_t i = 0; i < count; ++i) {
        std::optional<PlanDay> day = ReadDay(reader, (*v)[i], IndexPath(days_path, i), i);
        if (day && i < static_cast<std::size_t>(kDaysPerWeek)) plan.days[i] = *std::move(day);
      }
    }
  }
  if (const Json* v = object.Optional("changes")) {
    plan.changes = ReadChanges(reader, *v, object.PathOf("changes"));
  }
  if (const Json* v = object.Optional("totals")) {
    plan.totals = ReadTotals(reader, *v, object.PathOf("totals"));
  }
  if (const Json* v = object.Optional("excluded")) {
    if (auto e = ReadExcluded(reader, *v, object.PathOf("excluded"))) plan.excluded = *std::move(e);
  }
  if (const Json* v = object.Optional("advisories")) {
    if (auto a = ReadCodeTextList<Advisory>(reader, *v, object.PathOf("advisories"))) {
      plan.advisories = *std::move(a);
    }
  }
  if (const Json* v = object.Optional("diagnosis")) {
    if (auto d = ReadCodeTextList<Diagnosis>(reader, *v, object.PathOf("diagnosis"))) {
      plan.diagnosis = *std::move(d);
    }
  }
  if (const Json* v = object.Optional("targets")) {
    plan.targets = ReadTargets(reader, *v, object.PathOf("targets"));
  }
  if (const Json* v = object.Optional("solver")) {
    plan.solver = ReadSolver(reader, *v, object.PathOf("solver"));
  }
  if (const Json* v = object.Optional("provenance")) {
    plan.provenance = ReadProvenance(reader, *v, object.PathOf("provenance"));
  }
  object.ReportUnknownFields();
  return plan;
}

Json PlanToJson(const Plan& plan) {
  Json out = Json::object();
  out["schema"] = std::string(kPlanSchema);
  out["status"] = NameJson(plan.status);
  // A plan that is not ok has score 0 and no terms (section 10), even when the value
  // leaves them unset; an ok plan writes them only when set.
  const bool ok = plan.status == PlanStatus::kOk;
  if (plan.score) {
    out["score"] = *plan.score;
  } else if (!ok) {
    out["score"] = 0.0;
  }
  if (plan.score_terms) {
    out["score_terms"] = ScoreTermsToJson(*plan.score_terms);
  } else if (!ok) {
    out["score_terms"] = Json::object();
  }
  Json days = Json::array();
  for (std::size_t d = 0; d < plan.days.size(); ++d) {
    const PlanDay& day = plan.days[d];
    Json items = Json::array();
    int minutes = 0;
    for (const PlanItem& item : day.items) {
      Json entry = Json::object();
      entry["exercise"] = item.exercise;
      entry["phase"] = NameJson(item.phase);
      entry["minutes"] = item.minutes;
      if (item.dose) entry["dose"] = DoseToJson(*item.dose);
      entry["notes"] = item.notes;
      entry["reasons"] = item.reasons;
      items.push_back(std::move(entry));
      minutes += item.minutes;
    }
    Json entry = Json::object();
    entry["day"] = day.day;
    entry["name"] =
        day.day >= 0 && day.day < kDaysPerWeek ? std::string(kDayNames[day.day]) : std::string();
    entry["rest"] = day.items.empty();
    entry["minutes"] = minutes;
    entry["items"] = std::move(items);
    days.push_back(std::move(entry));
  }
  out["days"] = std::move(days);
  // Only a repaired week has `changes`, so every other plan keeps its bytes.
  if (plan.changes) {
    Json changes = Json::array();
    for (const PlanChange& c : *plan.changes) {
      Json entry = Json::object();
      entry["day"] = c.day;
      entry["exercise"] = c.exercise;
      entry["change"] = NameJson(c.kind);
      changes.push_back(std::move(entry));
    }
    out["changes"] = std::move(changes);
  }
  if (plan.totals) {
    out["totals"] = Json{{"minutes", plan.totals->minutes},
                         {"by_category", MinutesByCategoryToJson(plan.totals->by_category)}};
  }
  out["excluded"] = ExcludedToJson(plan.excluded);
  out["advisories"] = CodeTextListToJson(plan.advisories);
  out["diagnosis"] = CodeTextListToJson(plan.diagnosis);
  if (plan.targets) {
    const Targets& t = *plan.targets;
    out["targets"] =
        Json{{"band", NameJson(t.band)},
             {"by_category", MinutesByCategoryToJson(t.by_category)},
             {"volume_cap", t.volume_cap},
             {"training_days", Json{{"min", t.min_training_days}, {"max", t.max_training_days}}}};
  }
  if (plan.solver) {
    const SolverInfo& s = *plan.solver;
    Json solver = Json::object();
    solver["backend"] = s.backend;
    solver["seed"] = s.seed;
    solver["proven_optimal"] = s.proven_optimal ? Json(*s.proven_optimal) : Json(nullptr);
    solver["gap"] = s.gap ? Json(*s.gap) : Json(nullptr);
    solver["cut_short"] = s.cut_short;
    out["solver"] = std::move(solver);
  }
  if (plan.provenance) {
    out["provenance"] = Json{{"library", plan.provenance->library},
                             {"model", plan.provenance->model},
                             {"catalog_sha256", plan.provenance->catalog_sha256}};
  }
  return out;
}

void AddPlanFieldOrder(FieldOrder& order, const std::string& context) {
  const auto at = [&context](std::string_view sub) {
    if (context.empty()) return std::string(sub);
    return sub.empty() ? context : absl::StrCat(context, ".", AsAbsl(sub));
  };
  order.Add(at(""), {"schema", "status", "score", "score_terms", "days", "changes", "totals",
                     "excluded", "advisories", "diagnosis", "targets", "solver", "provenance"});
  order.Add(at("changes[]"), {"day", "exercise", "change"});
  std::vector<std::string_view> terms(EnumNames<ScoreTerm>::kNames.begin(),
                                      EnumNames<ScoreTerm>::kNames.end());
  order.Add(at("score_terms"), terms);
  order.Add(at("days[]"), {"day", "name", "rest", "minutes", "items"});
  order.Add(at("days[].items[]"), {"exercise", "phase", "minutes", "dose", "notes", "reasons"});
  order.Add(at("days[].items[].dose"), {"sets", "reps", "hold_seconds", "minutes"});
  std::vector<std::string_view> categories(EnumNames<Category>::kNames.begin(),
                                           EnumNames<Category>::kNames.end());
  order.Add(at("totals"), {"minutes", "by_category"});
  order.Add(at("totals.by_category"), categories);
  order.Add(at("excluded[]"), {"exercise", "reason", "because"});
  order.Add(at("advisories[]"), {"code", "text"});
  order.Add(at("diagnosis[]"), {"code", "text"});
  order.Add(at("targets"), {"band", "by_category", "volume_cap", "training_days"});
  order.Add(at("targets.by_category"), categories);
  order.Add(at("targets.training_days"), {"min", "max"});
  order.Add(at("solver"), {"backend", "seed", "proven_optimal", "gap", "cut_short"});
  order.Add(at("provenance"), {"library", "model", "catalog_sha256"});
}

}  // namespace internal

absl::StatusOr<Plan> LoadPlan(std::string_view json_text) {
  try {
    internal::JsonReader reader;
    std::optional<internal::ParsedJson> document = reader.Parse(json_text);
    if (!document) return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
    std::optional<Plan> plan = internal::ReadPlan(reader, **document, "");
    if (reader.problem_count() == 0 && plan) return *std::move(plan);
    internal::FieldOrder order;
    internal::AddPlanFieldOrder(order, "");
    internal::FinishProblems(reader.mutable_problems(), order, reader.dropped());
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("out of memory reading a plan");
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("unexpected error reading a plan: ", e.what()));
  }
}

absl::StatusOr<Plan> LoadPlanFile(const std::string& path) {
  BKB_ASSIGN_OR_RETURN(const std::string text, ReadDocumentFile(path));
  return LoadPlan(text);
}

namespace internal {
namespace {

// True when some number of `value` is not finite: the walk without the paths, since
// building a path string for every node cost half of writing a plan (plan-batch).
bool AnyNonFinite(const internal::Json& value) {
  if (value.is_number_float()) return !std::isfinite(value.get<double>());
  if (value.is_array() || value.is_object()) {
    for (const auto& member : value) {
      if (AnyNonFinite(member)) return true;
    }
  }
  return false;
}

// The first number of `value` that is not finite, as its path; nullopt when every one
// is. nlohmann writes NaN and infinities as `null`, which is no number: a score of 1e308
// weights once became `"score": null` in an ok plan.
std::optional<std::string> NonFiniteNumber(const internal::Json& value, const std::string& path) {
  if (value.is_number_float()) {
    if (!std::isfinite(value.get<double>())) return path.empty() ? "(document)" : path;
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto found = NonFiniteNumber(value[i], internal::IndexPath(path, i))) return found;
    }
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (auto found = NonFiniteNumber(member, internal::FieldPath(path, key))) return found;
    }
  }
  return std::nullopt;
}

}  // namespace

// The document's text, or kInternal naming the first number that is not finite: a
// writer never puts a non-number where a number belongs.
absl::StatusOr<std::string> DumpFinite(const internal::Json& value, std::string_view kind,
                                       bool one_line) {
  if (std::optional<std::string> path =
          AnyNonFinite(value) ? NonFiniteNumber(value, "") : std::nullopt) {
    const std::string at = *path == "(document)" ? std::string() : *path;
    return ProblemsStatus(
        absl::StatusCode::kInternal,
        {Problem{at, "internal",
                 absl::StrCat("the ", internal::AsAbsl(kind),
                              " holds a number that is not finite; JSON cannot write it "
                              "(report it with the input)")}});
  }
  if (one_line) {
    return value.dump(-1, ' ', /*ensure_ascii=*/false, internal::Json::error_handler_t::replace);
  }
  return internal::DumpDocument(value);
}

}  // namespace internal

namespace internal {
namespace {

// Writes a plan's document straight into a string, with the bytes that nlohmann gives
// for PlanToJson(plan): dump(-1, ...) on one line, or DumpDocument's two-space indent
// (`indented`). The same fields in the same order, nlohmann's number formatting (its own
// shortest round-trip conversion for doubles) and string escaping. Building that DOM and
// dumping it cost as much as a `fast` plan's search in plan-batch (callgrind); a plan is
// ~8 KB on one line, most of it the exclusions.
class PlanWriter {
 public:
  PlanWriter(std::string& out, bool indented) : out_(out), indented_(indented) {}

  void Plan(const backbalance::Plan& plan) {
    Open('{');
    Key("schema");
    String(kPlanSchema);
    Key("status");
    String(ToName(plan.status));
    const bool ok = plan.status == PlanStatus::kOk;
    if (plan.score) {
      Key("score");
      Number(*plan.score);
    } else if (!ok) {
      Key("score");
      Number(0.0);
    }
    if (plan.score_terms) {
      Key("score_terms");
      Open('{');
      for (ScoreTerm t : AllValues<ScoreTerm>()) {
        Key(ToName(t));
        Number((*plan.score_terms)[static_cast<int>(t)]);
      }
      Close('}');
    } else if (!ok) {
      Key("score_terms");
      Open('{');
      Close('}');
    }
    Key("days");
    Open('[');
    for (const PlanDay& day : plan.days) Day(day);
    Close(']');
    if (plan.changes) {
      Key("changes");
      Open('[');
      for (const PlanChange& c : *plan.changes) {
        Open('{');
        Key("day");
        Integer(c.day);
        Key("exercise");
        String(c.exercise);
        Key("change");
        String(ToName(c.kind));
        Close('}');
      }
      Close(']');
    }
    if (plan.totals) {
      Key("totals");
      Open('{');
      Key("minutes");
      Integer(plan.totals->minutes);
      Key("by_category");
      MinutesByCategory(plan.totals->by_category);
      Close('}');
    }
    Key("excluded");
    Open('[');
    for (const Exclusion& e : plan.excluded) {
      Open('{');
      Key("exercise");
      String(e.exercise);
      Key("reason");
      String(e.reason);
      if (e.because) {
        Key("because");
        String(*e.because);
      }
      Close('}');
    }
    Close(']');
    Key("advisories");
    CodeTextList(plan.advisories);
    Key("diagnosis");
    CodeTextList(plan.diagnosis);
    if (plan.targets) {
      const Targets& t = *plan.targets;
      Key("targets");
      Open('{');
      Key("band");
      String(ToName(t.band));
      Key("by_category");
      MinutesByCategory(t.by_category);
      Key("volume_cap");
      Integer(t.volume_cap);
      Key("training_days");
      Open('{');
      Key("min");
      Integer(t.min_training_days);
      Key("max");
      Integer(t.max_training_days);
      Close('}');
      Close('}');
    }
    if (plan.solver) {
      const SolverInfo& s = *plan.solver;
      Key("solver");
      Open('{');
      Key("backend");
      String(s.backend);
      Key("seed");
      Integer(s.seed);
      Key("proven_optimal");
      if (s.proven_optimal) {
        Bool(*s.proven_optimal);
      } else {
        Null();
      }
      Key("gap");
      if (s.gap) {
        Number(*s.gap);
      } else {
        Null();
      }
      Key("cut_short");
      Bool(s.cut_short);
      Close('}');
    }
    if (plan.provenance) {
      Key("provenance");
      Open('{');
      Key("library");
      String(plan.provenance->library);
      Key("model");
      Integer(plan.provenance->model);
      Key("catalog_sha256");
      String(plan.provenance->catalog_sha256);
      Close('}');
    }
    Close('}');
  }

 private:
  void Day(const PlanDay& day) {
    Open('{');
    Key("day");
    Integer(day.day);
    Key("name");
    String(day.day >= 0 && day.day < kDaysPerWeek ? kDayNames[day.day] : std::string_view());
    Key("rest");
    Bool(day.items.empty());
    int minutes = 0;
    for (const PlanItem& item : day.items) minutes += item.minutes;
    Key("minutes");
    Integer(minutes);
    Key("items");
    Open('[');
    for (const PlanItem& item : day.items) {
      Open('{');
      Key("exercise");
      String(item.exercise);
      Key("phase");
      String(ToName(item.phase));
      Key("minutes");
      Integer(item.minutes);
      if (item.dose) {
        Key("dose");
        Dose(*item.dose);
      }
      Key("notes");
      Strings(item.notes);
      Key("reasons");
      Strings(item.reasons);
      Close('}');
    }
    Close(']');
    Close('}');
  }

  // DoseToJson's members.
  void Dose(const backbalance::Dose& dose) {
    Open('{');
    switch (dose.form) {
      case DoseForm::kSetsReps:
        Key("sets");
        Integer(dose.sets);
        Key("reps");
        Integer(dose.reps);
        break;
      case DoseForm::kHoldReps:
        Key("hold_seconds");
        Integer(dose.hold_seconds);
        Key("reps");
        Integer(dose.reps);
        break;
      case DoseForm::kMinutes:
        Key("minutes");
        Integer(dose.minutes);
        break;
    }
    Close('}');
  }

  void MinutesByCategory(const std::array<int, kCategoryCount>& minutes) {
    Open('{');
    for (Category c : AllValues<Category>()) {
      Key(ToName(c));
      Integer(minutes[static_cast<int>(c)]);
    }
    Close('}');
  }

  template <typename Entry>
  void CodeTextList(const std::vector<Entry>& entries) {
    Open('[');
    for (const Entry& e : entries) {
      Open('{');
      Key("code");
      String(e.code);
      Key("text");
      String(e.text);
      Close('}');
    }
    Close(']');
  }

  void Strings(const std::vector<std::string>& values) {
    Open('[');
    for (const std::string& v : values) String(v);
    Close(']');
  }

  // Structure: a comma before every value but the first of its object or array;
  // indented, each member on its own line (an empty object or array stays `{}`, `[]`).
  void Open(char bracket) {
    Separate();
    out_ += bracket;
    ++depth_;
    first_ = true;
  }
  void Close(char bracket) {
    --depth_;
    if (indented_ && !first_) NewLine();
    out_ += bracket;
    first_ = false;
  }
  // Keys are the schema's field and enum names (snake_case identifiers): nothing in them
  // needs escaping, so they are copied without Quoted's scan.
  void Key(std::string_view key) {
    Separate();
    out_ += '"';
    out_.append(key.data(), key.size());
    out_ += indented_ ? "\": " : "\":";
    after_key_ = true;
  }
  void Separate() {
    if (after_key_) {
      after_key_ = false;
    } else {
      if (!first_) out_ += ',';
      if (indented_ && depth_ > 0) NewLine();
    }
    first_ = false;
  }
  void NewLine() {
    out_ += '\n';
    out_.append(2 * static_cast<std::size_t>(depth_), ' ');
  }

  void Null() {
    Separate();
    out_ += "null";
  }
  void Bool(bool value) {
    Separate();
    out_ += value ? "true" : "false";
  }
  template <typename Int>
  void Integer(Int value) {
    Separate();
    absl::StrAppend(&out_, value);
  }
  // nlohmann's own conversion, so that the digits are those of its dump. Finite only:
  // AppendPlanLine checks before writing.
  void Number(double value) {
    Separate();
    std::array<char, 64> buffer;
    char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out_.append(buffer.data(), end);
  }
  void String(std::string_view value) {
    Separate();
    Quoted(value);
  }

  // As nlohmann's dump_escaped with ensure_ascii false: `"` and `\` escaped, control
  // characters as \b \t \n \f \r or \u00xx, the rest as is. A string holding any byte
  // above 0x7f (UTF-8, valid or not) is left to nlohmann itself, which replaces invalid
  // sequences; plan texts are ASCII, so that path is rare.
  void Quoted(std::string_view value) {
    const std::size_t start = out_.size();
    out_ += '"';
    std::size_t plain = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < value.size(); ++i) {
      const unsigned char ch = static_cast<unsigned char>(value[i]);
      if (!kSpecial[ch]) continue;
      if (ch >= 0x80) {
        out_.resize(start);
        out_ += Json(std::string(value)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      out_.append(value.data() + plain, i - plain);
      plain = i + 1;
      switch (ch) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\r':
          out_ += "\\r";
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char escaped[] = {'\\', 'u', '0', '0', kHex[ch >> 4], kHex[ch & 0xf]};
          out_.append(escaped, sizeof escaped);
        }
      }
    }
    out_.append(value.data() + plain, value.size() - plain);
    out_ += '"';
  }

  // The bytes Quoted does not copy as they are: control characters, `"`, `\`, and any
  // byte of a multi-byte UTF-8 sequence.
  static constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> special{};
    for (int ch = 0; ch < 256; ++ch)
      special[ch] = ch < 0x20 || ch == '"' || ch == '\\' || ch >= 0x80;
    return special;
  }();

  std::string& out_;
  const bool indented_;
  int depth_ = 0;           // objects and arrays open
  bool first_ = true;       // no value yet in the innermost object or array
  bool after_key_ = false;  // a key was written; its value follows without a comma
};

// The plan's numbers that may be doubles: are they all finite?
bool PlanNumbersFinite(const Plan& plan) {
  const auto finite = [](double x) { return std::isfinite(x); };
  if (plan.score && !finite(*plan.score)) return false;
  if (plan.score_terms &&
      !std::all_of(plan.score_terms->begin(), plan.score_terms->end(), finite)) {
    return false;
  }
  return !(plan.solver && plan.solver->gap && !finite(*plan.solver->gap));
}

}  // namespace
}  // namespace internal

absl::StatusOr<std::string> SavePlan(const Plan& plan) {
  // A number that is not finite: the DOM's path names it in the error.
  if (!internal::PlanNumbersFinite(plan)) {
    return internal::DumpFinite(internal::PlanToJson(plan), "plan");
  }
  std::string text;
  internal::PlanWriter(text, /*indented=*/true).Plan(plan);
  text += '\n';
  return text;
}

absl::Status AppendPlanLine(const Plan& plan, std::string& out) {
  if (!internal::PlanNumbersFinite(plan)) {
    return internal::DumpFinite(internal::PlanToJson(plan), "plan", /*one_line=*/true).status();
  }
  internal::PlanWriter(out, /*indented=*/false).Plan(plan);
  return absl::OkStatus();
}

absl::StatusOr<std::string> SavePlanLine(const Plan& plan) {
  std::string line;
  BKB_RETURN_IF_ERROR(AppendPlanLine(plan, line));
  return line;
}

}  // namespace backbalance
