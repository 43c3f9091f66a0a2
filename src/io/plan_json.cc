#include "backbalance/io/plan_json.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/io/document.h"
#include "backbalance/model/problem.h"
#include "internal/json_writer.h"
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

// The pieces of the plan document, each written once for both outputs (JsonText and
// JsonTree, src/internal/json_writer.h). The evaluation document shares the lists.
template <typename Out>
void WriteMinutesByCategory(Out& out, const std::array<int, kCategoryCount>& minutes) {
  out.BeginObject();
  for (Category c : AllValues<Category>()) {
    out.Key(ToName(c));
    out.Integer(minutes[static_cast<int>(c)]);
  }
  out.EndObject();
}

template <typename Out, typename Entry>
void WriteCodeTextList(Out& out, const std::vector<Entry>& entries) {
  out.BeginArray();
  for (const Entry& e : entries) {
    out.BeginObject();
    out.Key("code");
    out.String(e.code);
    out.Key("text");
    out.String(e.text);
    out.EndObject();
  }
  out.EndArray();
}

template <typename Out>
void WriteStrings(Out& out, const std::vector<std::string>& values) {
  out.BeginArray();
  for (const std::string& v : values) out.String(v);
  out.EndArray();
}

template <typename Out>
void WriteExcluded(Out& out, const std::vector<Exclusion>& excluded) {
  out.BeginArray();
  for (const Exclusion& e : excluded) {
    out.BeginObject();
    out.Key("exercise");
    out.String(e.exercise);
    out.Key("reason");
    out.String(e.reason);
    if (e.because) {
      out.Key("because");
      out.String(*e.because);
    }
    out.EndObject();
  }
  out.EndArray();
}

template <typename Out>
void WriteScoreTerms(Out& out, const ScoreTerms& terms) {
  out.BeginObject();
  for (ScoreTerm t : AllValues<ScoreTerm>()) {
    out.Key(ToName(t));
    out.Number(terms[static_cast<int>(t)]);
  }
  out.EndObject();
}

template <typename Out>
void WriteDay(Out& out, const PlanDay& day) {
  out.BeginObject();
  out.Key("day");
  out.Integer(day.day);
  out.Key("name");
  out.String(day.day >= 0 && day.day < kDaysPerWeek ? kDayNames[day.day] : std::string_view());
  out.Key("rest");
  out.Bool(day.items.empty());
  int minutes = 0;
  for (const PlanItem& item : day.items) minutes += item.minutes;
  out.Key("minutes");
  out.Integer(minutes);
  out.Key("items");
  out.BeginArray();
  for (const PlanItem& item : day.items) {
    out.BeginObject();
    out.Key("exercise");
    out.String(item.exercise);
    out.Key("phase");
    out.String(ToName(item.phase));
    out.Key("minutes");
    out.Integer(item.minutes);
    if (item.dose) {
      out.Key("dose");
      WriteDose(out, *item.dose);
    }
    out.Key("notes");
    WriteStrings(out, item.notes);
    out.Key("reasons");
    WriteStrings(out, item.reasons);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

template <typename Out>
void WritePlan(Out& out, const Plan& plan) {
  out.BeginObject();
  out.Key("schema");
  out.String(kPlanSchema);
  out.Key("status");
  out.String(ToName(plan.status));
  const bool ok = plan.status == PlanStatus::kOk;
  if (plan.score) {
    out.Key("score");
    out.Number(*plan.score);
  } else if (!ok) {
    out.Key("score");
    out.Number(0.0);
  }
  if (plan.score_terms) {
    out.Key("score_terms");
    WriteScoreTerms(out, *plan.score_terms);
  } else if (!ok) {
    out.Key("score_terms");
    out.BeginObject();
    out.EndObject();
  }
  out.Key("days");
  out.BeginArray();
  for (const PlanDay& day : plan.days) WriteDay(out, day);
  out.EndArray();
  if (plan.changes) {
    out.Key("changes");
    out.BeginArray();
    for (const PlanChange& c : *plan.changes) {
      out.BeginObject();
      out.Key("day");
      out.Integer(c.day);
      out.Key("exercise");
      out.String(c.exercise);
      out.Key("change");
      out.String(ToName(c.kind));
      out.EndObject();
    }
    out.EndArray();
  }
  if (plan.totals) {
    out.Key("totals");
    out.BeginObject();
    out.Key("minutes");
    out.Integer(plan.totals->minutes);
    out.Key("by_category");
    WriteMinutesByCategory(out, plan.totals->by_category);
    out.EndObject();
  }
  out.Key("excluded");
  WriteExcluded(out, plan.excluded);
  out.Key("advisories");
  WriteCodeTextList(out, plan.advisories);
  out.Key("diagnosis");
  WriteCodeTextList(out, plan.diagnosis);
  if (plan.targets) {
    const Targets& t = *plan.targets;
    out.Key("targets");
    out.BeginObject();
    out.Key("band");
    out.String(ToName(t.band));
    out.Key("by_category");
    WriteMinutesByCategory(out, t.by_category);
    out.Key("volume_cap");
    out.Integer(t.volume_cap);
    out.Key("training_days");
    out.BeginObject();
    out.Key("min");
    out.Integer(t.min_training_days);
    out.Key("max");
    out.Integer(t.max_training_days);
    out.EndObject();
    out.EndObject();
  }
  if (plan.solver) {
    const SolverInfo& s = *plan.solver;
    out.Key("solver");
    out.BeginObject();
    out.Key("backend");
    out.String(s.backend);
    out.Key("seed");
    out.Integer(s.seed);
    out.Key("proven_optimal");
    if (s.proven_optimal) {
      out.Bool(*s.proven_optimal);
    } else {
      out.Null();
    }
    out.Key("gap");
    if (s.gap) {
      out.Number(*s.gap);
    } else {
      out.Null();
    }
    out.Key("cut_short");
    out.Bool(s.cut_short);
    out.EndObject();
  }
  if (plan.provenance) {
    out.Key("provenance");
    out.BeginObject();
    out.Key("library");
    out.String(plan.provenance->library);
    out.Key("model");
    out.Integer(plan.provenance->model);
    out.Key("catalog_sha256");
    out.String(plan.provenance->catalog_sha256);
    out.EndObject();
  }
  out.EndObject();
}

}  // namespace

Json PlanToJson(const Plan& plan) {
  return TreeOf([&plan](JsonTree& out) { WritePlan(out, plan); });
}
Json ExcludedToJson(const std::vector<Exclusion>& excluded) {
  return TreeOf([&excluded](JsonTree& out) { WriteExcluded(out, excluded); });
}
Json ScoreTermsToJson(const ScoreTerms& terms) {
  return TreeOf([&terms](JsonTree& out) { WriteScoreTerms(out, terms); });
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
  } catch (const std::exception& e) {
    return internal::LoadExceptionStatus("a plan", e);
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
  internal::JsonText out(text, /*indented=*/true);
  internal::WritePlan(out, plan);
  text += '\n';
  return text;
}

absl::Status AppendPlanLine(const Plan& plan, std::string& out) {
  if (!internal::PlanNumbersFinite(plan)) {
    return internal::DumpFinite(internal::PlanToJson(plan), "plan", /*one_line=*/true).status();
  }
  internal::JsonText text(out, /*indented=*/false);
  internal::WritePlan(text, plan);
  return absl::OkStatus();
}

absl::StatusOr<std::string> SavePlanLine(const Plan& plan) {
  std::string line;
  BKB_RETURN_IF_ERROR(AppendPlanLine(plan, line));
  return line;
}

}  // namespace backbalance
