// File: backbalance/catalog/catalog.h
//
// Catalog: an immutable, validated set of exercises with its constraint graph and
// the compiled form the solver reads. Build one with Catalog::Create (from values) or
// LoadCatalog (from JSON, backbalance/io/catalog_json.h), or take Catalog::Builtin().
//
// Thread-safety: a Catalog never changes after Create; share it as
// std::shared_ptr<const Catalog> across threads freely.
#ifndef BACKBALANCE_CATALOG_CATALOG_H_
#define BACKBALANCE_CATALOG_CATALOG_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/model/condition_rules.h"
#include "backbalance/model/exercise.h"

namespace backbalance {

// The catalog as a Boost.Graph: include backbalance/graph/constraint_graph.h to use
// graph(). Declared here so that this header, and the planner's, stay free of Boost.
class ConstraintGraph;
// The compiled form the solver reads (library-internal; its definition is not installed).
struct CompiledCatalog;

// An item's marking for one condition (section 4a): the effective one is the stronger
// of the item's own entry and what the condition rules derive from its movements.
struct ConditionMarking {
  std::optional<Contraindication> effective;
  std::optional<Contraindication> own;      // the record's `contraindications` entry
  std::optional<Contraindication> derived;  // what the rules give
  // For an effective `avoid`: the first avoid entry of the rules that matches, as
  // written, or "marked" when only the item's own entry says avoid; "" otherwise.
  std::string because;
};

class Catalog {
 public:
  // Validates `exercises` and `declared_conditions` (plan model sections 2 and 11) and
  // builds the graph and the compiled form. kInvalidArgument lists every problem as
  // `exercises[i].<field>: <rule>: <detail>`, in the order of the catalog's document
  // (ProblemsOf gives them as data). LoadCatalog leaves the validation to this.
  // `condition_rules` replaces the built-in rules of each condition it names and gives
  // rules to declared conditions (section 4a).
  static absl::StatusOr<std::shared_ptr<const Catalog>> Create(
      std::vector<Exercise> exercises, std::vector<std::string> declared_conditions = {},
      ConditionRules condition_rules = {});

  // The catalog written for this library (data/catalog/builtin.json, embedded at build
  // time). Built once per process on first use; never fails.
  static std::shared_ptr<const Catalog> Builtin();

  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;
  ~Catalog();

  const std::vector<Exercise>& exercises() const;
  std::size_t size() const { return exercises().size(); }
  // Extra condition names this catalog declares, in declaration order.
  const std::vector<std::string>& declared_conditions() const;

  // The exercise with this id, or nullptr. Borrowed: it lives as long as this catalog,
  // and never changes.
  const Exercise* Find(std::string_view id) const;
  // The dense index (position in exercises()) of this id, or nullopt.
  std::optional<int> IndexOf(std::string_view id) const;

  // The rules of every condition this catalog knows, built-in ones included (a declared
  // condition without rules has empty lists), as `catalog --format json` writes them.
  const ConditionRules& condition_rules() const;
  // The marking of exercise `exercise` (dense index) for the condition of rank `rank`.
  ConditionMarking MarkingOf(int exercise, int rank) const;

  // Conditions: the built-in eleven, then the declared ones. The rank orders them when a
  // reason names one condition among several (section 4, rule 3); nullopt if unknown.
  std::optional<int> ConditionRank(std::string_view condition) const;
  std::size_t condition_count() const { return conditions().size(); }
  const std::vector<std::string>& conditions() const;

  const ConstraintGraph& graph() const;
  // Library-internal: the solver's view (src/catalog/compiled_catalog.h).
  const CompiledCatalog& compiled() const;

  // SHA-256 (hex) of the canonical JSON of this catalog (SaveCatalog's output).
  const std::string& sha256() const;

 private:
  // Everything a catalog holds, behind a pointer so that this header shows only the API
  // (the graph, the compiled form and the hash indexes are in src/catalog/catalog.cc).
  struct Impl;
  explicit Catalog(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace backbalance

#endif  // BACKBALANCE_CATALOG_CATALOG_H_
