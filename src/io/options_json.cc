#include "backbalance/io/options_json.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/io/document.h"
#include "backbalance/model/problem.h"
#include "internal/status_macros.h"
#include "io/strict_json.h"

namespace backbalance {
namespace {

using internal::Json;
using internal::JsonReader;
using internal::ObjectReader;

constexpr int kIntMin = std::numeric_limits<int>::min();
constexpr int kIntMax = std::numeric_limits<int>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();

// One plain number field: its JSON name and where it lives. Reading and writing walk the
// same tables, so a field added to PlannerOptions is added here once.
template <typename Struct>
struct ScalarField {
  std::string_view name;
  std::variant<int Struct::*, double Struct::*> member;
};

// The scalar fields before `bands`, in struct order.
const std::array<ScalarField<PlannerOptions>, 5> kBandRuleFields = {{
    {"band_b_min_pain", &PlannerOptions::band_b_min_pain},
    {"band_c_min_pain", &PlannerOptions::band_c_min_pain},
    {"acute_flare_min_pain", &PlannerOptions::acute_flare_min_pain},
    {"high_impact_min_fitness", &PlannerOptions::high_impact_min_fitness},
    {"difficulty_margin", &PlannerOptions::difficulty_margin},
}};

// The scalar fields between `bands` and `first_week_cap_by_fitness`, in struct order.
const std::array<ScalarField<PlannerOptions>, 3> kHistoryCapFields = {{
    {"history_cap_floor", &PlannerOptions::history_cap_floor},
    {"history_cap_growth_num", &PlannerOptions::history_cap_growth_num},
    {"history_cap_growth_den", &PlannerOptions::history_cap_growth_den},
}};

// The scalar field between the two arrays by fitness.
const std::array<ScalarField<PlannerOptions>, 1> kPregnancyFields = {{
    {"late_pregnancy_week", &PlannerOptions::late_pregnancy_week},
}};

// The scalar fields between `session_cap_by_fitness` and `catalog_defaults`, in struct order.
const std::array<ScalarField<PlannerOptions>, 25> kModelFields = {{
    {"min_warmup_minutes", &PlannerOptions::min_warmup_minutes},
    {"max_warmup_minutes", &PlannerOptions::max_warmup_minutes},
    {"min_cooldown_minutes", &PlannerOptions::min_cooldown_minutes},
    {"aerobic_minutes_step", &PlannerOptions::aerobic_minutes_step},
    {"strength_days_saturation", &PlannerOptions::strength_days_saturation},
    {"strength_use_saturation", &PlannerOptions::strength_use_saturation},
    {"stretch_use_saturation", &PlannerOptions::stretch_use_saturation},
    {"secondary_muscle_credit", &PlannerOptions::secondary_muscle_credit},
    {"variety_saturation", &PlannerOptions::variety_saturation},
    {"variety_weight", &PlannerOptions::variety_weight},
    {"preference_weight", &PlannerOptions::preference_weight},
    {"mix_weight", &PlannerOptions::mix_weight},
    {"caution_penalty", &PlannerOptions::caution_penalty},
    {"window_penalty", &PlannerOptions::window_penalty},
    {"minute_penalty", &PlannerOptions::minute_penalty},
    {"soreness_limit_hours", &PlannerOptions::soreness_limit_hours},
    {"progression_max_rpe", &PlannerOptions::progression_max_rpe},
    {"reps_step", &PlannerOptions::reps_step},
    {"top_reps", &PlannerOptions::top_reps},
    {"top_sets", &PlannerOptions::top_sets},
    {"hold_step_seconds", &PlannerOptions::hold_step_seconds},
    {"top_hold_seconds", &PlannerOptions::top_hold_seconds},
    {"aerobic_growth_percent", &PlannerOptions::aerobic_growth_percent},
    {"aerobic_top_minutes", &PlannerOptions::aerobic_top_minutes},
    {"see_doctor_after_days", &PlannerOptions::see_doctor_after_days},
}};

const std::array<ScalarField<BandTargets>, 3> kBandFields = {{
    {"volume_cap", &BandTargets::volume_cap},
    {"min_training_days", &BandTargets::min_training_days},
    {"max_training_days", &BandTargets::max_training_days},
}};

const std::array<ScalarField<CatalogDefaults>, 3> kCatalogDefaultFields = {{
    {"strength_rest_hours", &CatalogDefaults::strength_rest_hours},
    {"other_rest_hours", &CatalogDefaults::other_rest_hours},
    {"difficulty", &CatalogDefaults::difficulty},
}};

// ---- Reading ---------------------------------------------------------------------------

// Integers too large for their field's type, by path, as written: the field holds the
// nearest value of its type, which ValidateOptions reports out of range; the detail then
// quotes the value the caller wrote. So 10000000000 reads `must be an integer in
// 0..240, got 10000000000`, the same form as 241 or -1, not the bounds of `int`.
using Overflows = internal::StringMap<std::string>;

// An integer of any size, or nullopt after `type` (a fraction, a string, ...).
template <typename Int>
std::optional<Int> ReadAnyInteger(JsonReader& reader, const Json& value, const std::string& path,
                                  Overflows& overflows) {
  constexpr Int kMin = std::numeric_limits<Int>::min();
  constexpr Int kMax = std::numeric_limits<Int>::max();
  if (reader.IsReported(path)) return std::nullopt;
  if (value.is_number_unsigned()) {
    const uint64_t v = value.get<uint64_t>();
    if (v <= static_cast<uint64_t>(kMax)) return static_cast<Int>(v);
    overflows[path] = value.dump();
    return kMax;
  }
  if (value.is_number_integer()) {
    const int64_t v = value.get<int64_t>();
    if (v >= kMin && v <= kMax) return static_cast<Int>(v);
    overflows[path] = value.dump();
    return v < 0 ? kMin : kMax;
  }
  if (value.is_number_float()) {
    const double d = value.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) >= 9.2233720368547758e18) {
      overflows[path] = value.dump();  // an integer literal past 64 bits
      return d < 0 ? kMin : kMax;
    }
  }
  return reader.Int(value, path, kIntMin, kIntMax);  // reports `type`
}

template <typename Struct, std::size_t N>
void ReadScalars(ObjectReader& object, const std::array<ScalarField<Struct>, N>& fields,
                 Struct& out, Overflows& overflows) {
  for (const ScalarField<Struct>& field : fields) {
    const Json* value = object.Optional(field.name);
    if (value == nullptr) continue;
    const std::string path = object.PathOf(field.name);
    if (const auto* as_int = std::get_if<int Struct::*>(&field.member)) {
      if (auto read = ReadAnyInteger<int>(object.reader(), *value, path, overflows)) {
        out.*(*as_int) = *read;
      }
    } else if (auto read = object.reader().Number(*value, path, -kInf, kInf)) {
      out.*std::get<double Struct::*>(field.member) = *read;
    }
  }
}

// An array of exactly N entries, each read by `read(element, path, out[i])`.
template <typename T, std::size_t N, typename ReadEntry>
void ReadFixedArray(JsonReader& reader, const Json& value, const std::string& path,
                    std::array<T, N>& out, ReadEntry read) {
  if (!reader.Expect(value, path, Json::value_t::array)) return;
  if (value.size() != N) {
    reader.Report(path, "length",
                  absl::StrCat("must hold exactly ", N, " entries, got ", value.size()));
    return;
  }
  for (std::size_t i = 0; i < N; ++i) read(value[i], internal::IndexPath(path, i), out[i]);
}

template <std::size_t N>
void ReadIntArray(JsonReader& reader, const Json& value, const std::string& path,
                  std::array<int, N>& out, Overflows& overflows) {
  ReadFixedArray(reader, value, path, out, [&](const Json& v, const std::string& p, int& slot) {
    if (auto read = ReadAnyInteger<int>(reader, v, p, overflows)) slot = *read;
  });
}

void ReadBand(JsonReader& reader, const Json& value, const std::string& path, BandTargets& band,
              Overflows& overflows) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return;
  if (const Json* minutes = object.Optional("minutes")) {
    ReadIntArray(reader, *minutes, object.PathOf("minutes"), band.minutes, overflows);
  }
  ReadScalars(object, kBandFields, band, overflows);
  object.ReportUnknownFields();
}

void ReadCatalogDefaults(ObjectReader& object, CatalogDefaults& defaults, Overflows& overflows) {
  if (const Json* max_per_week = object.Optional("max_per_week")) {
    ReadIntArray(object.reader(), *max_per_week, object.PathOf("max_per_week"),
                 defaults.max_per_week, overflows);
  }
  ReadScalars(object, kCatalogDefaultFields, defaults, overflows);
}

// A number that may be null (unset), such as the time limit: left as it is when absent.
void ReadOptionalNumber(ObjectReader& object, std::string_view name, std::optional<double>& out) {
  const Json* value = object.Optional(name);
  if (value == nullptr) return;
  if (value->is_null()) {
    out.reset();
  } else if (auto read = object.reader().Number(*value, object.PathOf(name), -kInf, kInf)) {
    out = *read;
  }
}

Json NumberOrNull(const std::optional<double>& value) {
  return value.has_value() ? Json(*value) : Json(nullptr);
}

void ReadSolverFields(ObjectReader& object, PlannerOptions& options, Overflows& overflows) {
  JsonReader& reader = object.reader();
  if (const Json* backend = object.Optional("backend")) {
    if (auto read = reader.String(*backend, object.PathOf("backend"))) options.backend = *read;
  }
  if (const Json* quality = object.Optional("quality")) {
    if (auto read = reader.String(*quality, object.PathOf("quality"))) options.quality = *read;
  }
  if (const Json* iterations = object.Optional("search_iterations")) {
    const std::string path = object.PathOf("search_iterations");
    if (auto read = ReadAnyInteger<int64_t>(reader, *iterations, path, overflows)) {
      options.search_iterations = *read;
    }
  }
  ReadOptionalNumber(object, "time_limit_seconds", options.time_limit_seconds);  // null: none
  ReadOptionalNumber(object, "gap_tolerance", options.gap_tolerance);  // null: the level's own
}

// ---- Writing ---------------------------------------------------------------------------

template <typename Struct, std::size_t N>
void WriteScalars(const std::array<ScalarField<Struct>, N>& fields, const Struct& from, Json& out) {
  for (const ScalarField<Struct>& field : fields) {
    std::visit([&](auto member) { out[std::string(field.name)] = from.*member; }, field.member);
  }
}

}  // namespace

absl::StatusOr<PlannerOptions> LoadOptions(std::string_view text) {
  JsonReader reader;
  PlannerOptions options;
  Overflows overflows;
  if (std::optional<internal::ParsedJson> document = reader.Parse(text)) {
    ObjectReader object(reader, **document, "options");
    if (object.ok()) {
      ReadScalars(object, kBandRuleFields, options, overflows);
      if (const Json* bands = object.Optional("bands")) {
        ReadFixedArray(reader, *bands, object.PathOf("bands"), options.bands,
                       [&](const Json& v, const std::string& p, BandTargets& band) {
                         ReadBand(reader, v, p, band, overflows);
                       });
      }
      ReadScalars(object, kHistoryCapFields, options, overflows);
      if (const Json* caps = object.Optional("first_week_cap_by_fitness")) {
        ReadIntArray(reader, *caps, object.PathOf("first_week_cap_by_fitness"),
                     options.first_week_cap_by_fitness, overflows);
      }
      ReadScalars(object, kPregnancyFields, options, overflows);
      if (const Json* caps = object.Optional("session_cap_by_fitness")) {
        ReadIntArray(reader, *caps, object.PathOf("session_cap_by_fitness"),
                     options.session_cap_by_fitness, overflows);
      }
      ReadScalars(object, kModelFields, options, overflows);
      if (const Json* defaults = object.Optional("catalog_defaults")) {
        ObjectReader defaults_object(reader, *defaults, object.PathOf("catalog_defaults"));
        if (defaults_object.ok()) {
          ReadCatalogDefaults(defaults_object, options.catalog_defaults, overflows);
          defaults_object.ReportUnknownFields();
        }
      }
      ReadSolverFields(object, options, overflows);
      object.ReportUnknownFields();
    }
  } else {
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  }
  // Ranges wait until the types are right, and are ValidateOptions' (one wording for the
  // C++ and C callers); a field that held a value too large for its type quotes that
  // value, not the clamped one.
  if (reader.problem_count() > 0) {
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  }
  std::vector<Problem> problems = ProblemsOf(ValidateOptions(options));
  if (!problems.empty()) {
    for (Problem& p : problems) {
      auto it = overflows.find(p.path);
      const std::size_t got = p.detail.rfind(", got ");
      if (it != overflows.end() && got != std::string::npos) {
        p.detail = absl::StrCat(p.detail.substr(0, got), ", got ", it->second);
      }
    }
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, problems);
  }
  return options;
}

absl::StatusOr<PlannerOptions> LoadOptionsFile(const std::string& path) {
  BKB_ASSIGN_OR_RETURN(const std::string text, ReadDocumentFile(path));
  return LoadOptions(text);
}

std::string SaveOptions(const PlannerOptions& options) {
  Json out = Json::object();
  WriteScalars(kBandRuleFields, options, out);
  Json bands = Json::array();
  for (const BandTargets& band : options.bands) {
    Json entry = Json::object();
    entry["minutes"] = band.minutes;
    WriteScalars(kBandFields, band, entry);
    bands.push_back(std::move(entry));
  }
  out["bands"] = std::move(bands);
  WriteScalars(kHistoryCapFields, options, out);
  out["first_week_cap_by_fitness"] = options.first_week_cap_by_fitness;
  WriteScalars(kPregnancyFields, options, out);
  out["session_cap_by_fitness"] = options.session_cap_by_fitness;
  WriteScalars(kModelFields, options, out);
  Json defaults = Json::object();
  defaults["max_per_week"] = options.catalog_defaults.max_per_week;
  WriteScalars(kCatalogDefaultFields, options.catalog_defaults, defaults);
  out["catalog_defaults"] = std::move(defaults);
  out["backend"] = options.backend;
  out["quality"] = options.quality;
  out["search_iterations"] = options.search_iterations;
  out["time_limit_seconds"] = NumberOrNull(options.time_limit_seconds);
  out["gap_tolerance"] = NumberOrNull(options.gap_tolerance);
  return out.dump(2) + "\n";
}

}  // namespace backbalance
