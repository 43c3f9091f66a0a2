#include "capi/options_json.h"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <variant>

#include "absl/strings/str_cat.h"
#include "backbalance/model/problem.h"
#include "io/strict_json.h"

namespace backbalance::capi {
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

template <typename Struct, std::size_t N>
void ReadScalars(ObjectReader& object, const std::array<ScalarField<Struct>, N>& fields,
                 Struct& out) {
  for (const ScalarField<Struct>& field : fields) {
    const Json* value = object.Optional(field.name);
    if (value == nullptr) continue;
    const std::string path = object.PathOf(field.name);
    if (const auto* as_int = std::get_if<int Struct::*>(&field.member)) {
      if (auto read = object.reader().Int(*value, path, kIntMin, kIntMax)) out.*(*as_int) = *read;
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
                  std::array<int, N>& out) {
  ReadFixedArray(reader, value, path, out, [&](const Json& v, const std::string& p, int& slot) {
    if (auto read = reader.Int(v, p, kIntMin, kIntMax)) slot = *read;
  });
}

void ReadBand(JsonReader& reader, const Json& value, const std::string& path, BandTargets& band) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return;
  if (const Json* minutes = object.Optional("minutes")) {
    ReadIntArray(reader, *minutes, object.PathOf("minutes"), band.minutes);
  }
  ReadScalars(object, kBandFields, band);
  object.ReportUnknownFields();
}

void ReadCatalogDefaults(ObjectReader& object, CatalogDefaults& defaults) {
  if (const Json* max_per_week = object.Optional("max_per_week")) {
    ReadIntArray(object.reader(), *max_per_week, object.PathOf("max_per_week"),
                 defaults.max_per_week);
  }
  ReadScalars(object, kCatalogDefaultFields, defaults);
}

void ReadSolverFields(ObjectReader& object, PlannerOptions& options) {
  JsonReader& reader = object.reader();
  if (const Json* backend = object.Optional("backend")) {
    if (auto read = reader.String(*backend, object.PathOf("backend"))) options.backend = *read;
  }
  if (const Json* iterations = object.Optional("search_iterations")) {
    const std::string path = object.PathOf("search_iterations");
    if (auto read = reader.Uint64(*iterations, path)) {
      if (*read > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        reader.Report(path, "range",
                      absl::StrCat("must be an integer in 0..", std::numeric_limits<int64_t>::max(),
                                   ", got ", *read));
      } else {
        options.search_iterations = static_cast<int64_t>(*read);
      }
    }
  }
  if (const Json* limit = object.Optional("time_limit_seconds")) {
    if (limit->is_null()) {
      options.time_limit_seconds.reset();  // null: no limit
    } else if (auto read =
                   reader.Number(*limit, object.PathOf("time_limit_seconds"), -kInf, kInf)) {
      options.time_limit_seconds = *read;
    }
  }
}

// ---- Writing ---------------------------------------------------------------------------

template <typename Struct, std::size_t N>
void WriteScalars(const std::array<ScalarField<Struct>, N>& fields, const Struct& from, Json& out) {
  for (const ScalarField<Struct>& field : fields) {
    std::visit([&](auto member) { out[std::string(field.name)] = from.*member; }, field.member);
  }
}

}  // namespace

absl::StatusOr<PlannerOptions> ReadOptionsJson(std::string_view text) {
  JsonReader reader;
  PlannerOptions options;
  if (std::optional<internal::ParsedJson> document = reader.Parse(text)) {
    ObjectReader object(reader, **document, "options");
    if (object.ok()) {
      ReadScalars(object, kBandRuleFields, options);
      if (const Json* bands = object.Optional("bands")) {
        ReadFixedArray(reader, *bands, object.PathOf("bands"), options.bands,
                       [&](const Json& v, const std::string& p, BandTargets& band) {
                         ReadBand(reader, v, p, band);
                       });
      }
      ReadScalars(object, kHistoryCapFields, options);
      if (const Json* caps = object.Optional("first_week_cap_by_fitness")) {
        ReadIntArray(reader, *caps, object.PathOf("first_week_cap_by_fitness"),
                     options.first_week_cap_by_fitness);
      }
      ReadScalars(object, kPregnancyFields, options);
      if (const Json* caps = object.Optional("session_cap_by_fitness")) {
        ReadIntArray(reader, *caps, object.PathOf("session_cap_by_fitness"),
                     options.session_cap_by_fitness);
      }
      ReadScalars(object, kModelFields, options);
      if (const Json* defaults = object.Optional("catalog_defaults")) {
        ObjectReader defaults_object(reader, *defaults, object.PathOf("catalog_defaults"));
        if (defaults_object.ok()) {
          ReadCatalogDefaults(defaults_object, options.catalog_defaults);
          defaults_object.ReportUnknownFields();
        }
      }
      ReadSolverFields(object, options);
      object.ReportUnknownFields();
    }
  }
  if (reader.problem_count() > 0) {
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
  }
  return options;
}

std::string WriteOptionsJson(const PlannerOptions& options) {
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
  out["search_iterations"] = options.search_iterations;
  out["time_limit_seconds"] =
      options.time_limit_seconds.has_value() ? Json(*options.time_limit_seconds) : Json(nullptr);
  return out.dump(2) + "\n";
}

}  // namespace backbalance::capi
