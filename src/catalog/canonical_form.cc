#include "backbalance/catalog/canonical_form.h"

#include <string>
#include <utility>
#include <vector>

#include "internal/json_value.h"
#include "internal/json_writer.h"

namespace backbalance {
namespace {

using internal::Json;

Json RulesToJson(const ConditionRules& rules, const std::vector<std::string>& conditions) {
  Json out = Json::object();
  out.get_ptr<Json::object_t*>()->reserve(conditions.size());
  for (const std::string& condition : conditions) {
    auto it = rules.find(condition);
    Json lists = Json::object();
    lists.get_ptr<Json::object_t*>()->reserve(2);
    for (auto [field, entries] :
         {std::pair{"avoid", it == rules.end() ? nullptr : &it->second.avoid},
          std::pair{"caution", it == rules.end() ? nullptr : &it->second.caution}}) {
      Json list = Json::array();
      if (entries != nullptr) {
        for (const RuleEntry& entry : *entries) list.push_back(RuleEntryText(entry));
      }
      lists[field] = std::move(list);
    }
    out[condition] = std::move(lists);
  }
  return out;
}

template <typename Enum>
Json EnumListToJson(const std::vector<Enum>& values) {
  Json out = Json::array();
  for (Enum v : values) out.push_back(std::string(ToName(v)));
  return out;
}

// Catalog::Create writes this for its SHA-256, so it must survive running out of memory:
// the objects are reserved up front, because an ordered_json object that grows copies its
// members and frees the originals, which allocates (ReleaseWithoutAllocating says why).
Json ExerciseToJson(const Exercise& e) {
  Json out = Json::object();
  out.get_ptr<Json::object_t*>()->reserve(24);
  out["id"] = e.id;
  out["name"] = e.name;
  out["category"] = std::string(ToName(e.category));
  out["impact"] = std::string(ToName(e.impact));
  out["phases"] = EnumListToJson(e.phases);
  out["primary_muscles"] = EnumListToJson(e.primary_muscles);
  out["secondary_muscles"] = EnumListToJson(e.secondary_muscles);
  if (e.IsAerobic()) {
    out["min_minutes"] = e.min_minutes;
    out["max_minutes"] = e.max_minutes;
  } else {
    out["minutes"] = e.minutes;
  }
  out["dose"] = internal::DoseToJson(e.dose);
  out["rest_hours"] = e.rest_hours;
  out["max_per_week"] = e.max_per_week;
  out["difficulty"] = e.difficulty;
  out["equipment"] = e.equipment;
  out["movements"] = EnumListToJson(e.movements);
  Json contraindications = Json::object();
  contraindications.get_ptr<Json::object_t*>()->reserve(e.contraindications.size());
  for (const auto& [condition, kind] : e.contraindications) {
    contraindications[condition] = std::string(ToName(kind));
  }
  out["contraindications"] = std::move(contraindications);
  out["progressions"] = e.progressions;
  out["regressions"] = e.regressions;
  out["substitutes"] = e.substitutes;
  out["notes"] = e.notes;
  out["reviewed"] = e.reviewed;
  return out;
}

}  // namespace

std::string CanonicalCatalogJson(const std::vector<Exercise>& exercises,
                                 const std::vector<std::string>& declared_conditions,
                                 const ConditionRules& condition_rules) {
  Json out = Json::object();
  internal::ReleaseOnExit release(out);
  out.get_ptr<Json::object_t*>()->reserve(4);
  out["schema"] = std::string(kCatalogSchemaName);
  if (!declared_conditions.empty()) out["conditions"] = declared_conditions;
  // The effective rules of every condition, built-in ones first (section 11).
  std::vector<std::string> conditions(kBuiltinConditions.begin(), kBuiltinConditions.end());
  conditions.insert(conditions.end(), declared_conditions.begin(), declared_conditions.end());
  out["condition_rules"] = RulesToJson(condition_rules, conditions);
  Json records = Json::array();
  for (const Exercise& e : exercises) records.push_back(ExerciseToJson(e));
  out["exercises"] = std::move(records);
  return internal::DumpDocument(out);
}

}  // namespace backbalance
