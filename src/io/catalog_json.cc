#include "backbalance/io/catalog_json.h"

#include <cstddef>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/io/document.h"
#include "backbalance/model/problem.h"
#include "catalog/catalog_validation.h"
#include "internal/status_macros.h"
#include "io/plan_json_internal.h"
#include "io/strict_json.h"

namespace backbalance {
namespace {

using internal::AsAbsl;
using internal::Json;
using internal::JsonReader;
using internal::ObjectReader;

template <typename Enum>
std::optional<std::vector<Enum>> ReadEnumList(JsonReader& reader, const Json& value,
                                              const std::string& path) {
  return reader.List<Enum>(
      value, path, /*unique=*/false,
      [&reader](const Json& v, const std::string& p) { return reader.EnumValue<Enum>(v, p); });
}

// Reads one record. A record that is not an object still yields a (blank) Exercise, so
// that positions stay aligned with the document; its path is reported, so the value
// validator skips everything below it.
Exercise ReadExercise(JsonReader& reader, const Json& value, const std::string& path,
                      const CatalogDefaults& defaults) {
  Exercise e;
  ObjectReader object(reader, value, path);
  if (!object.ok()) return e;
  const auto at = [&object](std::string_view field) { return object.PathOf(field); };

  if (const Json* v = object.Required("id")) {
    if (auto s = reader.String(*v, at("id"))) e.id = *std::move(s);
  }
  if (const Json* v = object.Required("name")) {
    if (auto s = reader.String(*v, at("name"))) e.name = *std::move(s);
  }
  std::optional<Category> category;
  if (const Json* v = object.Required("category")) {
    category = reader.EnumValue<Category>(*v, at("category"));
    if (category) e.category = *category;
  }
  if (const Json* v = object.Required("impact")) {
    if (auto i = reader.EnumValue<Impact>(*v, at("impact"))) e.impact = *i;
  }
  if (const Json* v = object.Required("phases")) {
    if (auto p = ReadEnumList<Phase>(reader, *v, at("phases"))) e.phases = *std::move(p);
  }
  if (const Json* v = object.Required("primary_muscles")) {
    if (auto m = ReadEnumList<Muscle>(reader, *v, at("primary_muscles"))) {
      e.primary_muscles = *std::move(m);
    }
  }
  if (const Json* v = object.Optional("secondary_muscles")) {
    if (auto m = ReadEnumList<Muscle>(reader, *v, at("secondary_muscles"))) {
      e.secondary_muscles = *std::move(m);
    }
  }

  // Aerobic items choose their minutes from [min_minutes, max_minutes]; the others take
  // `minutes`. With the category unknown, neither is required nor forbidden.
  const bool aerobic = category == Category::kAerobic;
  const bool fixed = category.has_value() && !aerobic;
  const auto read_minutes = [&](std::string_view field, bool required, bool forbidden, int min,
                                int* target) {
    const Json* v = required ? object.Required(field) : object.Optional(field);
    if (v == nullptr) return;
    if (forbidden) {
      reader.Report(at(field), "forbidden",
                    aerobic ? std::string("an aerobic item takes `min_minutes` and "
                                          "`max_minutes`, not `minutes`")
                            : absl::StrCat("only aerobic items choose their minutes; a ",
                                           AsAbsl(ToName(*category)), " item takes `minutes`"));
      return;
    }
    if (auto n = reader.Int(*v, at(field), min, 120)) *target = *n;
  };
  read_minutes("minutes", fixed, aerobic, 1, &e.minutes);
  read_minutes("min_minutes", aerobic, fixed, 5, &e.min_minutes);
  read_minutes("max_minutes", aerobic, fixed, 5, &e.max_minutes);

  if (const Json* v = object.Required("dose")) {
    if (auto d = internal::ReadDose(reader, *v, at("dose"))) e.dose = *d;
  }

  e.rest_hours =
      e.category == Category::kStrength ? defaults.strength_rest_hours : defaults.other_rest_hours;
  e.max_per_week = defaults.max_per_week[static_cast<std::size_t>(e.category)];
  e.difficulty = defaults.difficulty;
  if (const Json* v = object.Optional("rest_hours")) {
    if (auto n = reader.Int(*v, at("rest_hours"), 0, 96)) e.rest_hours = *n;
  }
  if (const Json* v = object.Optional("max_per_week")) {
    if (auto n = reader.Int(*v, at("max_per_week"), 1, 7)) e.max_per_week = *n;
  }
  if (const Json* v = object.Optional("difficulty")) {
    if (auto n = reader.Int(*v, at("difficulty"), 1, 5)) e.difficulty = *n;
  }
  if (const Json* v = object.Optional("equipment")) {
    if (auto s = internal::ReadStringList(reader, *v, at("equipment"))) e.equipment = *std::move(s);
  }
  if (const Json* v = object.Optional("movements")) {
    if (auto m = ReadEnumList<Movement>(reader, *v, at("movements"))) e.movements = *std::move(m);
  }
  if (const Json* v = object.Optional("contraindications")) {
    // Condition names are value-level (built in or declared); the kinds are read here.
    ObjectReader map(reader, *v, at("contraindications"));
    if (map.ok()) {
      if (v->size() > kMaxListLength) {
        reader.Report(
            at("contraindications"), "length",
            absl::StrCat("must hold at most ", kMaxListLength, " entries, got ", v->size()));
      } else {
        for (const auto& item : v->items()) {
          const std::string entry = map.PathOf(item.key());
          if (auto kind = reader.EnumValue<Contraindication>(item.value(), entry)) {
            e.contraindications.emplace(item.key(), *kind);
          }
        }
      }
    }
  }
  for (auto [field, target] :
       {std::pair{"progressions", &e.progressions}, std::pair{"regressions", &e.regressions},
        std::pair{"substitutes", &e.substitutes}}) {
    if (const Json* v = object.Optional(field)) {
      if (auto s = internal::ReadStringList(reader, *v, at(field))) *target = *std::move(s);
    }
  }
  if (const Json* v = object.Optional("notes")) {
    if (auto s = reader.String(*v, at("notes"))) e.notes = *std::move(s);
  }
  if (const Json* v = object.Optional("reviewed")) {
    if (auto b = reader.Bool(*v, at("reviewed"))) e.reviewed = *b;
  }
  object.ReportUnknownFields();
  return e;
}

// `condition_rules` (section 4a): condition -> {"avoid": [entries], "caution": [entries]},
// each entry movements joined by `+`. Condition names and repeats are value-level rules
// (ValidateCatalogRecords); unknown movements are reported here, at the entry.
ConditionRules ReadConditionRules(JsonReader& reader, const Json& value) {
  ConditionRules rules;
  ObjectReader map(reader, value, "condition_rules");
  if (!map.ok()) return rules;
  if (value.size() > kMaxListLength) {
    reader.Report(
        "condition_rules", "length",
        absl::StrCat("must hold at most ", kMaxListLength, " entries, got ", value.size()));
    return rules;
  }
  for (const auto& item : value.items()) {
    const std::string path = map.PathOf(item.key());
    ObjectReader lists(reader, item.value(), path);
    if (!lists.ok()) continue;
    ConditionRule rule;
    for (auto [field, target] :
         {std::pair{"avoid", &rule.avoid}, std::pair{"caution", &rule.caution}}) {
      const Json* v = lists.Optional(field);
      if (v == nullptr) continue;
      const std::string list_path = lists.PathOf(field);
      auto entries = reader.List<RuleEntry>(
          *v, list_path, /*unique=*/false,
          [&reader](const Json& element, const std::string& p) -> std::optional<RuleEntry> {
            std::optional<std::string> text = reader.String(element, p);
            if (!text) return std::nullopt;
            std::optional<RuleEntry> entry = ParseRuleEntry(*text);
            if (!entry) {
              reader.Report(
                  p, "unknown_name",
                  absl::StrCat("names a movement outside ", internal::EnumNameList<Movement>(),
                               ": ", internal::Quote(*text)));
            }
            return entry;
          });
      if (entries) *target = *std::move(entries);
    }
    lists.ReportUnknownFields();
    rules.emplace(item.key(), std::move(rule));
  }
  return rules;
}

}  // namespace

absl::StatusOr<std::shared_ptr<const Catalog>> LoadCatalog(std::string_view json_text,
                                                           const CatalogDefaults& defaults) {
  try {
    JsonReader reader;
    std::optional<internal::ParsedJson> document = reader.Parse(json_text);
    if (!document) return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());

    std::vector<Exercise> exercises;
    std::vector<std::string> conditions;
    ConditionRules condition_rules;
    ObjectReader top(reader, **document, "");
    if (!top.ok() || !internal::ReadSchema(top, internal::kCatalogSchema)) {
      return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
    }
    // Past the problem limit there is no point in reading on, nor in judging values.
    const auto full = [&reader] { return reader.dropped() > 0; };
    if (const Json* v = top.Optional("conditions")) {
      if (auto c = internal::ReadStringList(reader, *v, "conditions")) conditions = *std::move(c);
    }
    if (const Json* v = top.Optional("condition_rules")) {
      condition_rules = ReadConditionRules(reader, *v);
    }
    if (const Json* v = top.Required("exercises")) {
      if (!reader.IsReported("exercises") && reader.Expect(*v, "exercises", Json::value_t::array)) {
        if (v->size() > kMaxExercises) {
          reader.Report("exercises", "length",
                        absl::StrCat("a catalog holds at most ", kMaxExercises, " exercises, got ",
                                     v->size()));
        } else {
          exercises.reserve(v->size());
          for (std::size_t i = 0; i < v->size() && !full(); ++i) {
            exercises.push_back(
                ReadExercise(reader, (*v)[i], internal::IndexPath("exercises", i), defaults));
          }
        }
      }
    }
    top.ReportUnknownFields();

    if (reader.problem_count() == 0 && reader.skip_paths().empty()) {
      // Well-formed: Create runs the one validation of the records (section 2) and what
      // needs the whole graph (progression cycles).
      return Catalog::Create(std::move(exercises), std::move(conditions),
                             std::move(condition_rules));
    }
    // The reader found problems, so no catalog is built; the value-level rules still
    // judge what it could read (minus what it reported), so that one answer lists both.
    std::vector<Problem> problems = std::move(reader.mutable_problems());
    if (!full()) {
      for (Problem& p :
           ValidateCatalogRecords(exercises, conditions, &reader.skip_paths(), &condition_rules)) {
        problems.push_back(std::move(p));
      }
    }
    internal::FinishProblems(problems, CatalogDocumentOrder(), reader.dropped());
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, problems);
  } catch (const std::exception& e) {
    return internal::LoadExceptionStatus("a catalog", e);
  }
}

absl::StatusOr<std::shared_ptr<const Catalog>> LoadCatalogFile(const std::string& path,
                                                               const CatalogDefaults& defaults) {
  BKB_ASSIGN_OR_RETURN(const std::string text, ReadDocumentFile(path));
  return LoadCatalog(text, defaults);
}

// The catalog's own serialisation (backbalance/catalog/canonical_form.h): the bytes its
// SHA-256 is of, so SaveCatalog cannot drift from Catalog::sha256().
std::string SaveCatalog(const Catalog& catalog) {
  return CanonicalCatalogJson(catalog.exercises(), catalog.declared_conditions(),
                              catalog.condition_rules());
}

}  // namespace backbalance
