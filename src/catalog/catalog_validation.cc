#include "catalog/catalog_validation.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/model/limits.h"
#include "backbalance/model/vocabulary.h"
#include "catalog/compiled_catalog.h"
#include "internal/format.h"
#include "internal/hash_containers.h"
#include "internal/problem_paths.h"

namespace backbalance {
namespace {

using internal::AsAbsl;
using internal::FieldPath;
using internal::IndexPath;
using internal::IsIdentifier;
using internal::Quote;

template <typename Enum>
bool IsValid(Enum value) {
  return static_cast<int>(value) >= 0 && static_cast<int>(value) < kEnumCount<Enum>;
}

template <typename Enum>
std::string NameOf(Enum value) {
  return IsValid(value) ? std::string(ToName(value))
                        : absl::StrCat("<invalid ", static_cast<int>(value), ">");
}

// The dose forms section 2 allows for each category.
std::vector<DoseForm> AllowedDoseForms(Category category) {
  switch (category) {
    case Category::kStrength:
    case Category::kBalance:
    case Category::kFlexibility:
      return {DoseForm::kSetsReps, DoseForm::kHoldReps};
    case Category::kRelaxation:
      return {DoseForm::kHoldReps, DoseForm::kMinutes};
    case Category::kAerobic:
      return {DoseForm::kMinutes};
  }
  return {};
}

// A warm-up raises the pulse or moves joints through their range (section 2): aerobic
// work, or a flexibility or balance drill done as repetitions. Static holds, strength
// and relaxation items never warm up.
bool IsDynamicWarmup(const Exercise& e) {
  if (e.category == Category::kAerobic) return true;
  return (e.category == Category::kFlexibility || e.category == Category::kBalance) &&
         e.dose.form == DoseForm::kSetsReps;
}

class RecordValidator {
 public:
  RecordValidator(const std::vector<Exercise>& exercises,
                  const std::vector<std::string>& declared_conditions,
                  const internal::StringSet* skip_paths, const ConditionRules* condition_rules)
      : exercises_(exercises),
        declared_(declared_conditions),
        skip_(skip_paths),
        rules_(condition_rules) {}

  std::vector<Problem> Run() {
    if (exercises_.size() > kMaxExercises) {
      Add("exercises", "length",
          absl::StrCat("a catalog holds at most ", kMaxExercises, " exercises, got ",
                       exercises_.size()));
      return std::move(problems_);
    }
    CheckDeclaredConditions();
    CheckConditionRules();
    IndexIds();
    for (std::size_t i = 0; i < exercises_.size(); ++i) CheckRecord(i);
    return std::move(problems_);
  }

 private:
  // A path the JSON level already reported, or one below it, gets no second problem.
  bool Skipped(std::string_view path) const {
    if (skip_ == nullptr || skip_->empty()) return false;
    if (skip_->contains(path)) return true;
    for (std::size_t k = 0; k < path.size(); ++k) {
      if ((path[k] == '.' || path[k] == '[') && skip_->contains(path.substr(0, k))) return true;
    }
    return skip_->contains("");
  }

  // Stores one problem past the limit, so that a loader knows the list was cut.
  void Add(std::string path, std::string_view rule, std::string detail) {
    if (problems_.size() > internal::kMaxCollectedProblems || Skipped(path)) return;
    problems_.push_back({std::move(path), std::string(rule), std::move(detail)});
  }

  void Range(const std::string& path, int value, int min, int max) {
    if (value >= min && value <= max) return;
    Add(path, "range", absl::StrCat("must be an integer in ", min, "..", max, ", got ", value));
  }

  // False (after a `length` problem) when a list is too long to check element by element.
  bool ListFits(const std::string& path, std::size_t size) {
    if (size <= kMaxListLength) return true;
    Add(path, "length", absl::StrCat("must hold at most ", kMaxListLength, " entries, got ", size));
    return false;
  }

  // Every element a valid name of Enum, none repeated; `more(j, value, element_path)`
  // adds the rules of one list for each valid element, so that problems come out in
  // element order.
  template <typename Enum, typename MoreRules>
  void CheckEnumSet(const std::string& path, const std::vector<Enum>& values, MoreRules more) {
    if (!ListFits(path, values.size())) return;
    internal::HashMap<int, std::size_t> first;
    for (std::size_t j = 0; j < values.size(); ++j) {
      const std::string element = IndexPath(path, j);
      if (!IsValid(values[j])) {
        Add(element, "unknown_name", absl::StrCat("not a valid value (", NameOf(values[j]), ")"));
        continue;
      }
      auto [it, inserted] = first.emplace(static_cast<int>(values[j]), j);
      if (!inserted) {
        Add(element, "duplicate",
            absl::StrCat(AsAbsl(ToName(values[j])), " is already listed at ",
                         IndexPath(path, it->second)));
      }
      more(j, values[j], element);
    }
  }
  template <typename Enum>
  void CheckEnumSet(const std::string& path, const std::vector<Enum>& values) {
    CheckEnumSet(path, values, [](std::size_t, Enum, const std::string&) {});
  }

  void CheckDeclaredConditions() {
    const std::size_t room = kMaxConditions - kBuiltinConditions.size();
    if (declared_.size() > room) {
      Add("conditions", "limit",
          absl::StrCat("a catalog knows at most ", kMaxConditions, " conditions including the ",
                       kBuiltinConditions.size(), " built-in ones, got ",
                       declared_.size() + kBuiltinConditions.size()));
    }
    for (std::string_view builtin : kBuiltinConditions) known_conditions_.emplace(builtin);
    internal::StringMap<std::size_t> first;
    for (std::size_t i = 0; i < declared_.size(); ++i) {
      const std::string path = IndexPath("conditions", i);
      const std::string& name = declared_[i];
      if (!IsIdentifier(name)) {
        Add(path, "pattern",
            absl::StrCat("must match ", AsAbsl(internal::kIdentifierPattern), ", got ",
                         Quote(name)));
      } else if (std::find(kBuiltinConditions.begin(), kBuiltinConditions.end(), name) !=
                 kBuiltinConditions.end()) {
        Add(path, "duplicate", absl::StrCat(Quote(name), " is a built-in condition"));
      } else if (auto [it, inserted] = first.emplace(name, i); !inserted) {
        Add(path, "duplicate",
            absl::StrCat(Quote(name), " is already declared at ",
                         IndexPath("conditions", it->second)));
      }
      known_conditions_.insert(name);
    }
  }

  // Rules name known conditions; an entry names each movement once (section 11).
  void CheckConditionRules() {
    if (rules_ == nullptr) return;
    for (const auto& [condition, rule] : *rules_) {
      const std::string base = FieldPath("condition_rules", condition);
      if (!known_conditions_.contains(condition)) {
        Add(base, "unknown_name",
            absl::StrCat("unknown condition ", Quote(condition),
                         "; a condition is built in or declared in the catalog's conditions"));
        continue;
      }
      for (const auto& [list, entries] :
           {std::pair{"avoid", &rule.avoid}, std::pair{"caution", &rule.caution}}) {
        const std::string list_path = FieldPath(base, list);
        if (!ListFits(list_path, entries->size())) continue;
        for (std::size_t j = 0; j < entries->size(); ++j) {
          const RuleEntry& entry = (*entries)[j];
          const std::string element = IndexPath(list_path, j);
          if (entry.movements.empty()) {
            Add(element, "empty", "a rule entry names at least one movement");
            continue;
          }
          MovementMask seen = 0;
          for (Movement m : entry.movements) {
            if (!IsValid(m)) {
              Add(element, "unknown_name", absl::StrCat("not a movement (", NameOf(m), ")"));
              break;
            }
            if (seen & MovementBit(m)) {
              Add(element, "duplicate",
                  absl::StrCat(AsAbsl(ToName(m)), " appears twice in ",
                               Quote(RuleEntryText(entry))));
              break;
            }
            seen |= MovementBit(m);
          }
        }
      }
    }
  }

  // The first record of each id. A record whose id the JSON level could not read takes
  // no part, so that it neither collides with nor satisfies anything.
  void IndexIds() {
    for (std::size_t i = 0; i < exercises_.size(); ++i) {
      if (Skipped(FieldPath(Base(i), "id"))) continue;
      first_of_id_.emplace(exercises_[i].id, i);
    }
  }

  static std::string Base(std::size_t i) { return IndexPath("exercises", i); }

  void CheckRecord(std::size_t i) {
    const Exercise& e = exercises_[i];
    const std::string base = Base(i);
    const auto path = [&base](std::string_view field) { return FieldPath(base, field); };
    const bool category_ok = IsValid(e.category) && !Skipped(path("category"));
    const bool impact_ok = IsValid(e.impact) && !Skipped(path("impact"));

    // id, name
    if (!IsIdentifier(e.id)) {
      Add(path("id"), "pattern",
          absl::StrCat("must match ", AsAbsl(internal::kIdentifierPattern), ", got ", Quote(e.id)));
    } else if (auto it = first_of_id_.find(e.id); it != first_of_id_.end() && it->second != i) {
      Add(path("id"), "duplicate_id",
          absl::StrCat(Quote(e.id), " is also the id of ", Base(it->second)));
    }
    if (e.name.empty()) Add(path("name"), "empty", "must not be empty");

    // category, impact
    if (!IsValid(e.category)) {
      Add(path("category"), "unknown_name",
          absl::StrCat("must be one of ", internal::EnumNameList<Category>(), "; got ",
                       NameOf(e.category)));
    }
    if (!IsValid(e.impact)) {
      Add(path("impact"), "unknown_name",
          absl::StrCat("must be one of ", internal::EnumNameList<Impact>(), "; got ",
                       NameOf(e.impact)));
    }

    // phases, with the rules that tie a phase to the impact, the category and the dose
    // (section 2): a warm-up is dynamic, a cool-down stretches or relaxes. Those are
    // reported at `phases` itself, as the spec places them.
    const std::string phases = path("phases");
    if (e.phases.empty()) Add(phases, "empty", "must list at least one phase");
    CheckEnumSet(phases, e.phases, [&](std::size_t, Phase phase, const std::string&) {
      if (phase == Phase::kWarmup && impact_ok && e.impact != Impact::kLow) {
        Add(phases, "warmup_impact",
            absl::StrCat("a warmup item must be low impact, this one is ",
                         AsAbsl(ToName(e.impact))));
      }
      if (phase == Phase::kWarmup && category_ok && !Skipped(path("dose")) && !IsDynamicWarmup(e)) {
        Add(phases, "warmup_not_dynamic",
            absl::StrCat("a warmup item is aerobic, or a flexibility or balance item done as "
                         "{sets, reps}; this one is a ",
                         AsAbsl(ToName(e.category)), " item with a ",
                         internal::DoseFormText(e.dose.form), " dose"));
      }
      if (phase == Phase::kCooldown && category_ok && e.category != Category::kFlexibility &&
          e.category != Category::kRelaxation) {
        Add(phases, "cooldown_category",
            absl::StrCat("a cooldown item must be flexibility or relaxation, this one is ",
                         AsAbsl(ToName(e.category))));
      }
    });
    CheckEnumSet(path("movements"), e.movements);

    // Muscles.
    const std::string primary = path("primary_muscles");
    const std::string secondary = path("secondary_muscles");
    if (e.primary_muscles.empty() && category_ok &&
        (e.category == Category::kStrength || e.category == Category::kFlexibility ||
         e.category == Category::kBalance)) {
      Add(primary, "empty",
          absl::StrCat("a ", AsAbsl(ToName(e.category)),
                       " item must name at least one primary muscle"));
    }
    CheckEnumSet(primary, e.primary_muscles);
    const bool primary_ok = !Skipped(primary);
    CheckEnumSet(
        secondary, e.secondary_muscles, [&](std::size_t, Muscle m, const std::string& element) {
          if (primary_ok && std::find(e.primary_muscles.begin(), e.primary_muscles.end(), m) !=
                                e.primary_muscles.end()) {
            Add(element, "muscle_overlap",
                absl::StrCat(AsAbsl(ToName(m)), " is also a primary muscle"));
          }
        });

    // Minutes: aerobic items choose from a range, the others take a fixed time.
    if (category_ok) CheckMinutes(e, base);

    // Dose.
    CheckDose(e, path("dose"), category_ok);

    Range(path("rest_hours"), e.rest_hours, 0, 96);
    Range(path("max_per_week"), e.max_per_week, 1, 7);
    Range(path("difficulty"), e.difficulty, 1, 5);

    // Equipment: free strings, but neither blank nor repeated, and few enough in the
    // whole catalog for the compiled form's 64-bit masks.
    const std::string equipment = path("equipment");
    if (ListFits(equipment, e.equipment.size())) {
      internal::StringMap<std::size_t> first;
      bool over_limit = false;
      for (std::size_t j = 0; j < e.equipment.size(); ++j) {
        const std::string& name = e.equipment[j];
        const std::string element = IndexPath(equipment, j);
        if (name.empty()) {
          Add(element, "empty", "must not be empty");
        } else if (auto [it, inserted] = first.emplace(name, j); !inserted) {
          Add(element, "duplicate",
              absl::StrCat(Quote(name), " is already listed at ",
                           IndexPath(equipment, it->second)));
        } else if (!Skipped(element) && equipment_names_.insert(name).second &&
                   equipment_names_.size() > static_cast<std::size_t>(kMaxEquipmentNames)) {
          over_limit = true;
        }
      }
      if (over_limit && !equipment_limit_reported_) {
        equipment_limit_reported_ = true;
        Add(equipment, "limit",
            absl::StrCat("a catalog names at most ", kMaxEquipmentNames,
                         " distinct pieces of equipment"));
      }
    }

    // Contraindications name conditions the catalog knows.
    const std::string contraindications = path("contraindications");
    if (ListFits(contraindications, e.contraindications.size())) {
      for (const auto& [condition, kind] : e.contraindications) {
        const std::string entry = FieldPath(contraindications, condition);
        if (!known_conditions_.contains(condition)) {
          Add(entry, "unknown_name",
              absl::StrCat("unknown condition ", Quote(condition),
                           "; a condition is built in or declared in the catalog's conditions"));
        } else if (!IsValid(kind)) {
          Add(entry, "unknown_name",
              absl::StrCat("must be one of ", internal::EnumNameList<Contraindication>(), "; got ",
                           NameOf(kind)));
        }
      }
    }

    CheckReferences(e, path("progressions"), e.progressions, "progression");
    CheckReferences(e, path("regressions"), e.regressions, "regression");
    CheckReferences(e, path("substitutes"), e.substitutes, "substitute");
  }

  void CheckMinutes(const Exercise& e, const std::string& base) {
    const std::string minutes = FieldPath(base, "minutes");
    const std::string min_minutes = FieldPath(base, "min_minutes");
    const std::string max_minutes = FieldPath(base, "max_minutes");
    if (!e.IsAerobic()) {
      Range(minutes, e.minutes, 1, 120);
      const std::string why = absl::StrCat("only aerobic items choose their minutes; a ",
                                           AsAbsl(ToName(e.category)), " item takes `minutes`");
      if (e.min_minutes != 0) Add(min_minutes, "forbidden", why);
      if (e.max_minutes != 0) Add(max_minutes, "forbidden", why);
      return;
    }
    if (e.minutes != 0) {
      Add(minutes, "forbidden",
          "an aerobic item takes `min_minutes` and `max_minutes`, not `minutes`");
    }
    bool bounds_ok = true;
    for (const auto& [path, value] :
         {std::pair{min_minutes, e.min_minutes}, std::pair{max_minutes, e.max_minutes}}) {
      if (Skipped(path)) {
        bounds_ok = false;
      } else if (value < 5 || value > 120) {
        Range(path, value, 5, 120);
        bounds_ok = false;
      } else if (value % 5 != 0) {
        Add(path, "multiple_of_5", absl::StrCat("must be a multiple of 5, got ", value));
        bounds_ok = false;
      }
    }
    if (bounds_ok && e.min_minutes > e.max_minutes) {
      Add(max_minutes, "min_max",
          absl::StrCat("must be at least min_minutes (", e.min_minutes, "), got ", e.max_minutes));
    }
  }

  void CheckDose(const Exercise& e, const std::string& dose, bool category_ok) {
    const Dose& d = e.dose;
    if (!IsValid(d.form)) {
      Add(dose, "dose_form",
          absl::StrCat("not a valid dose form (", internal::DoseFormText(d.form), ")"));
      return;
    }
    if (category_ok) {
      const std::vector<DoseForm> allowed = AllowedDoseForms(e.category);
      if (std::find(allowed.begin(), allowed.end(), d.form) == allowed.end()) {
        std::vector<std::string> names;
        for (DoseForm f : allowed) names.push_back(internal::DoseFormText(f));
        Add(dose, "dose_form",
            absl::StrCat("a ", AsAbsl(ToName(e.category)), " item's dose is ",
                         absl::StrJoin(names, " or "), ", got ", internal::DoseFormText(d.form)));
      }
    }
    switch (d.form) {
      case DoseForm::kSetsReps:
        Range(FieldPath(dose, "sets"), d.sets, 1, 10);
        Range(FieldPath(dose, "reps"), d.reps, 1, 50);
        break;
      case DoseForm::kHoldReps:
        Range(FieldPath(dose, "hold_seconds"), d.hold_seconds, 1, 300);
        Range(FieldPath(dose, "reps"), d.reps, 1, 50);
        break;
      case DoseForm::kMinutes:
        Range(FieldPath(dose, "minutes"), d.minutes, 1, 120);
        break;
    }
  }

  void CheckReferences(const Exercise& e, const std::string& path,
                       const std::vector<std::string>& ids, std::string_view relation) {
    if (!ListFits(path, ids.size())) return;
    internal::StringMap<std::size_t> first;
    for (std::size_t j = 0; j < ids.size(); ++j) {
      const std::string element = IndexPath(path, j);
      const std::string& id = ids[j];
      if (auto [it, inserted] = first.emplace(id, j); !inserted) {
        Add(element, "duplicate",
            absl::StrCat(Quote(id), " is already listed at ", IndexPath(path, it->second)));
      } else if (id == e.id) {
        Add(element, "self_reference",
            absl::StrCat("an exercise cannot be its own ", AsAbsl(relation)));
      } else if (!first_of_id_.contains(id)) {
        Add(element, "unknown_reference", absl::StrCat("unknown exercise ", Quote(id)));
      }
    }
  }

  const std::vector<Exercise>& exercises_;
  const std::vector<std::string>& declared_;
  const internal::StringSet* skip_;
  const ConditionRules* rules_;
  std::vector<Problem> problems_;
  internal::StringSet known_conditions_;
  internal::StringMap<std::size_t> first_of_id_;
  internal::StringSet equipment_names_;
  bool equipment_limit_reported_ = false;
};

}  // namespace

std::vector<Problem> ValidateCatalogRecords(const std::vector<Exercise>& exercises,
                                            const std::vector<std::string>& declared_conditions,
                                            const internal::StringSet* skip_paths,
                                            const ConditionRules* condition_rules) {
  return RecordValidator(exercises, declared_conditions, skip_paths, condition_rules).Run();
}

internal::FieldOrder CatalogDocumentOrder() {
  internal::FieldOrder order;
  order.Add("", {"schema", "conditions", "condition_rules", "exercises"});
  order.Add("exercises[]", {"id",
                            "name",
                            "category",
                            "impact",
                            "phases",
                            "primary_muscles",
                            "secondary_muscles",
                            "minutes",
                            "min_minutes",
                            "max_minutes",
                            "dose",
                            "rest_hours",
                            "max_per_week",
                            "difficulty",
                            "equipment",
                            "movements",
                            "contraindications",
                            "progressions",
                            "regressions",
                            "substitutes",
                            "notes",
                            "reviewed"});
  order.Add("exercises[].dose", {"sets", "reps", "hold_seconds", "minutes"});
  return order;
}

}  // namespace backbalance
