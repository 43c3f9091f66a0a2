#include "backbalance/catalog/catalog.h"

#include <memory>
#include <new>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/catalog/canonical_form.h"
#include "backbalance/graph/constraint_graph.h"
#include "backbalance/model/problem.h"
#include "catalog/catalog_validation.h"
#include "catalog/compiled_catalog.h"
#include "internal/hash_containers.h"
#include "internal/problem_paths.h"
#include "internal/sha256.h"

namespace backbalance {

struct Catalog::Impl {
  std::vector<Exercise> exercises;
  std::vector<std::string> declared_conditions;
  std::vector<std::string> conditions;
  ConditionRules condition_rules;
  internal::StringMap<int> index;
  internal::StringMap<int> condition_rank;
  std::unique_ptr<ConstraintGraph> graph;
  CompiledCatalog compiled;
  std::string sha256;
};

namespace {

int RecoveryDays(const Exercise& exercise) {
  if (exercise.category != Category::kStrength) return 0;
  const int days = (exercise.rest_hours + 23) / 24 - 1;
  return days > 0 ? days : 0;
}

template <typename Masked>
uint64_t MaskOf(const Masked& values, auto bit_of) {
  uint64_t mask = 0;
  for (const auto& value : values) mask |= bit_of(value);
  return mask;
}

}  // namespace

absl::StatusOr<std::shared_ptr<const Catalog>> Catalog::Create(
    std::vector<Exercise> exercises, std::vector<std::string> declared_conditions,
    ConditionRules condition_rules) try {
  // The one validation of the records (LoadCatalog leaves it to this), in document order.
  if (std::vector<Problem> invalid =
          ValidateCatalogRecords(exercises, declared_conditions, nullptr, &condition_rules);
      !invalid.empty()) {
    internal::FinishProblems(invalid, CatalogDocumentOrder(), /*dropped=*/0);
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, invalid);
  }
  // What needs the whole catalog: one problem each, and building stops at it.
  ProblemList problems;

  auto catalog = std::make_unique<Catalog::Impl>();
  catalog->conditions.assign(kBuiltinConditions.begin(), kBuiltinConditions.end());
  catalog->conditions.insert(catalog->conditions.end(), declared_conditions.begin(),
                             declared_conditions.end());
  if (catalog->conditions.size() > static_cast<std::size_t>(kMaxConditions)) {
    problems.Add("conditions", "limit",
                 absl::StrCat("a catalog knows at most ", kMaxConditions,
                              " conditions including the ", kBuiltinConditions.size(),
                              " built-in ones, got ", catalog->conditions.size()));
    return problems.ToStatus();
  }
  for (std::size_t r = 0; r < catalog->conditions.size(); ++r) {
    catalog->condition_rank.emplace(catalog->conditions[r], static_cast<int>(r));
  }
  catalog->condition_rules = EffectiveConditionRules(condition_rules);
  for (const std::string& condition : catalog->conditions) {
    catalog->condition_rules.try_emplace(condition);  // declared, without rules
  }
  catalog->index.reserve(exercises.size());
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    catalog->index.emplace(exercises[i].id, static_cast<int>(i));
  }

  catalog->graph =
      std::make_unique<ConstraintGraph>(exercises, catalog->conditions, catalog->condition_rules);
  if (auto cycle = catalog->graph->FindProgressionCycle()) {
    std::vector<std::string> ids;
    for (int v : *cycle) ids.push_back(exercises[v].id);
    ids.push_back(exercises[cycle->front()].id);
    problems.Add(absl::StrCat("exercises[", cycle->front(), "].progressions"), "cycle",
                 absl::StrCat("progression chains must not loop: ", absl::StrJoin(ids, " -> ")));
    return problems.ToStatus();
  }

  // The compiled form.
  CompiledCatalog& c = catalog->compiled;
  const std::size_t n = exercises.size();
  internal::StringMap<int> equipment_index;
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::string& name : exercises[i].equipment) {
      if (equipment_index.contains(name)) continue;
      if (c.equipment_names.size() == static_cast<std::size_t>(kMaxEquipmentNames)) {
        problems.Add(absl::StrCat("exercises[", i, "].equipment"), "limit",
                     absl::StrCat("a catalog names at most ", kMaxEquipmentNames,
                                  " distinct pieces of equipment"));
        return problems.ToStatus();
      }
      equipment_index.emplace(name, static_cast<int>(c.equipment_names.size()));
      c.equipment_names.push_back(name);
    }
  }
  c.exercises.resize(n);
  c.progressions.resize(n);
  c.regressions.resize(n);
  c.substitutes.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Exercise& e = exercises[i];
    CompiledExercise& ce = c.exercises[i];
    ce.category = e.category;
    ce.impact = e.impact;
    ce.phases = static_cast<PhaseMask>(MaskOf(e.phases, [](Phase p) { return PhaseBit(p); }));
    ce.primary =
        static_cast<MuscleMask>(MaskOf(e.primary_muscles, [](Muscle m) { return MuscleBit(m); }));
    ce.secondary =
        static_cast<MuscleMask>(MaskOf(e.secondary_muscles, [](Muscle m) { return MuscleBit(m); }));
    ce.minutes = e.minutes;
    ce.min_minutes = e.min_minutes;
    ce.max_minutes = e.max_minutes;
    ce.recovery_days = RecoveryDays(e);
    ce.max_per_week = e.max_per_week;
    ce.difficulty = e.difficulty;
    ce.reviewed = e.reviewed;
    for (const std::string& name : e.equipment) {
      const int k = equipment_index.at(name);
      ce.equipment |= uint64_t{1} << k;
    }
    ce.movements =
        static_cast<MovementMask>(MaskOf(e.movements, [](Movement m) { return MovementBit(m); }));
    // The effective marking of every condition: the stronger of the item's own entry and
    // what the rules derive from its movements (section 4a).
    for (std::size_t r = 0; r < catalog->conditions.size(); ++r) {
      const std::string& condition = catalog->conditions[r];
      std::optional<Contraindication> own;
      if (auto it = e.contraindications.find(condition); it != e.contraindications.end()) {
        own = it->second;
      }
      const std::optional<Contraindication> kind =
          Stronger(own, DerivedMarking(catalog->condition_rules.at(condition), ce.movements));
      if (kind == Contraindication::kAvoid) {
        ce.avoid |= uint64_t{1} << r;
      } else if (kind == Contraindication::kCaution) {
        ce.caution |= uint64_t{1} << r;
      }
    }
    c.progressions[i] = catalog->graph->Neighbours(static_cast<int>(i), EdgeKind::kProgression);
    c.regressions[i] = catalog->graph->Neighbours(static_cast<int>(i), EdgeKind::kRegression);
    c.substitutes[i] = catalog->graph->Neighbours(static_cast<int>(i), EdgeKind::kSubstitute);
  }

  catalog->sha256 = internal::Sha256Hex(
      CanonicalCatalogJson(exercises, declared_conditions, catalog->condition_rules));
  catalog->exercises = std::move(exercises);
  catalog->declared_conditions = std::move(declared_conditions);
  return std::shared_ptr<const Catalog>(new Catalog(std::move(catalog)));
} catch (const std::bad_alloc&) {
  // Never throw across the API (docs/errors.md): a catalog too big for the memory left.
  return absl::ResourceExhaustedError("out of memory building a catalog");
}

Catalog::Catalog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Catalog::~Catalog() = default;

const std::vector<Exercise>& Catalog::exercises() const { return impl_->exercises; }
const std::vector<std::string>& Catalog::declared_conditions() const {
  return impl_->declared_conditions;
}
const ConditionRules& Catalog::condition_rules() const { return impl_->condition_rules; }
const std::vector<std::string>& Catalog::conditions() const { return impl_->conditions; }
const ConstraintGraph& Catalog::graph() const { return *impl_->graph; }
const CompiledCatalog& Catalog::compiled() const { return impl_->compiled; }
const std::string& Catalog::sha256() const { return impl_->sha256; }

const Exercise* Catalog::Find(std::string_view id) const {
  auto it = impl_->index.find(id);
  if (it == impl_->index.end()) return nullptr;
  return &impl_->exercises[it->second];
}

std::optional<int> Catalog::IndexOf(std::string_view id) const {
  auto it = impl_->index.find(id);
  if (it == impl_->index.end()) return std::nullopt;
  return it->second;
}

ConditionMarking Catalog::MarkingOf(int exercise, int rank) const {
  const Exercise& e = impl_->exercises[exercise];
  const std::string& condition = impl_->conditions[rank];
  ConditionMarking marking;
  if (auto it = e.contraindications.find(condition); it != e.contraindications.end()) {
    marking.own = it->second;
  }
  std::string because;
  marking.derived = DerivedMarking(impl_->condition_rules.at(condition),
                                   impl_->compiled.exercises[exercise].movements, &because);
  marking.effective = Stronger(marking.own, marking.derived);
  if (marking.effective == Contraindication::kAvoid) {
    marking.because = marking.derived == Contraindication::kAvoid ? because : "marked";
  }
  return marking;
}

std::optional<int> Catalog::ConditionRank(std::string_view condition) const {
  auto it = impl_->condition_rank.find(condition);
  if (it == impl_->condition_rank.end()) return std::nullopt;
  return it->second;
}

}  // namespace backbalance
