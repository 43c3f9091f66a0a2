#include "backbalance/catalog/canonical_form.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "internal/json_writer.h"

namespace backbalance {
namespace {

// The canonical form is written straight into a string by internal::JsonText, in the
// layout of nlohmann-json's DumpDocument, so that SaveCatalog's bytes, and every
// catalog's SHA-256, are those of the document tree this replaced. Why not build that
// tree and dump it: for a 10,000-exercise catalog the tree, its dump and freeing it were
// a fifth of Catalog::Create's time. It also keeps the hash safe when memory runs out: a
// std::string that fails to grow throws std::bad_alloc and frees itself without
// allocating.
using internal::JsonText;

// `"key": value`, a member of the open object.
void Member(JsonText& w, std::string_view key, std::string_view value) {
  w.Key(key);
  w.String(value);
}
// Without this, a string literal would take the bool overload (a standard conversion);
// no call passes one today, hence [[maybe_unused]].
[[maybe_unused]] void Member(JsonText& w, std::string_view key, const char* value) {
  Member(w, key, std::string_view(value));
}
void Member(JsonText& w, std::string_view key, int value) {
  w.Key(key);
  w.Integer(value);
}
void Member(JsonText& w, std::string_view key, bool value) {
  w.Key(key);
  w.Bool(value);
}
void Member(JsonText& w, std::string_view key, const std::vector<std::string>& values) {
  w.Key(key);
  w.BeginArray();
  for (const std::string& value : values) w.String(value);
  w.EndArray();
}
template <typename Enum>
void Member(JsonText& w, std::string_view key, const std::vector<Enum>& values) {
  w.Key(key);
  w.BeginArray();
  for (Enum value : values) w.String(ToName(value));
  w.EndArray();
}

void WriteRules(JsonText& w, const ConditionRules& rules,
                const std::vector<std::string>& conditions) {
  w.BeginObject();
  std::vector<std::string_view> written;  // a condition named twice is written once
  for (const std::string& condition : conditions) {
    bool repeated = false;
    for (std::string_view name : written) repeated = repeated || name == condition;
    if (repeated) continue;
    written.push_back(condition);
    auto it = rules.find(condition);
    w.Key(condition);
    w.BeginObject();
    for (auto [field, entries] :
         {std::pair{"avoid", it == rules.end() ? nullptr : &it->second.avoid},
          std::pair{"caution", it == rules.end() ? nullptr : &it->second.caution}}) {
      w.Key(field);
      w.BeginArray();
      if (entries != nullptr) {
        for (const RuleEntry& entry : *entries) {
          w.String(RuleEntryText(entry));
        }
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndObject();
}

void WriteExercise(JsonText& w, const Exercise& e) {
  w.BeginObject();
  Member(w, "id", e.id);
  Member(w, "name", e.name);
  Member(w, "category", ToName(e.category));
  Member(w, "impact", ToName(e.impact));
  Member(w, "phases", e.phases);
  Member(w, "primary_muscles", e.primary_muscles);
  Member(w, "secondary_muscles", e.secondary_muscles);
  if (e.IsAerobic()) {
    Member(w, "min_minutes", e.min_minutes);
    Member(w, "max_minutes", e.max_minutes);
  } else {
    Member(w, "minutes", e.minutes);
  }
  w.Key("dose");
  internal::WriteDose(w, e.dose);
  Member(w, "rest_hours", e.rest_hours);
  Member(w, "max_per_week", e.max_per_week);
  Member(w, "difficulty", e.difficulty);
  Member(w, "equipment", e.equipment);
  Member(w, "movements", e.movements);
  w.Key("contraindications");
  w.BeginObject();
  for (const auto& [condition, kind] : e.contraindications) Member(w, condition, ToName(kind));
  w.EndObject();
  Member(w, "progressions", e.progressions);
  Member(w, "regressions", e.regressions);
  Member(w, "substitutes", e.substitutes);
  Member(w, "notes", e.notes);
  Member(w, "reviewed", e.reviewed);
  w.EndObject();
}

}  // namespace

std::string CanonicalCatalogJson(const std::vector<Exercise>& exercises,
                                 const std::vector<std::string>& declared_conditions,
                                 const ConditionRules& condition_rules) {
  std::string out;
  // About 1 KiB a record (the built-in and synthetic catalogs): one allocation instead
  // of a dozen doublings.
  out.reserve(8192 + 1100 * exercises.size());
  JsonText w(out, /*indented=*/true);
  w.BeginObject();
  Member(w, "schema", kCatalogSchemaName);
  if (!declared_conditions.empty()) Member(w, "conditions", declared_conditions);
  // The effective rules of every condition, built-in ones first (section 11).
  std::vector<std::string> conditions(kBuiltinConditions.begin(), kBuiltinConditions.end());
  conditions.insert(conditions.end(), declared_conditions.begin(), declared_conditions.end());
  w.Key("condition_rules");
  WriteRules(w, condition_rules, conditions);
  w.Key("exercises");
  w.BeginArray();
  for (const Exercise& e : exercises) {
    WriteExercise(w, e);
  }
  w.EndArray();
  w.EndObject();
  out += '\n';
  return out;
}

}  // namespace backbalance
