// File: backbalance/graph/constraint_graph.h
//
// ConstraintGraph: the catalog as a Boost.Graph. Vertices, in this order:
//   exercises    vertex i is the exercise of dense id i
//   muscles      the twelve muscle groups (MuscleVertex)
//   movements    the twelve movement tags of plan model section 1 (MovementVertex)
//   conditions   the catalog's conditions in rank order: the built-in eleven, then the
//                declared ones (ConditionVertex)
//   combinations one per distinct rule entry of two or more movements, as written
//                (`spinal_flexion+external_load`)
// Typed edges:
//   exercise -> muscle       targets primary / secondary
//   exercise -> exercise     progression, regression, substitute
//   exercise -> movement     moves (the record's `movements`)
//   exercise -> condition    marked_avoid / marked_caution (the record's own entry)
//   condition -> movement or combination   avoids / cautions (the condition rules of
//                section 4a, one edge per entry in the order the rules list them)
//   combination -> movement  combines (its movements in the order written)
// So an item's effective marking for a condition, and the rule entry behind it, are read
// off the graph: item -> movement <- [combination <-] condition, and item -> condition
// (MarkingOf). Recovery conflicts between strength items are not stored pairwise (that
// grows with the square of the catalog): they are derived through the muscle vertices,
// item -> primary muscle <- item, weighted by rest days.
#ifndef BACKBALANCE_GRAPH_CONSTRAINT_GRAPH_H_
#define BACKBALANCE_GRAPH_CONSTRAINT_GRAPH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "backbalance/model/condition_rules.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/vocabulary.h"
#include "boost/graph/adjacency_list.hpp"

namespace backbalance {

enum class VertexKind : uint8_t { kExercise, kMuscle, kMovement, kCondition, kCombination };
template <>
struct EnumNames<VertexKind> {
  static constexpr auto kNames = std::to_array<std::string_view>(
      {"exercise", "muscle", "movement", "condition", "combination"});
};

enum class EdgeKind : uint8_t {
  kTargetsPrimary,
  kTargetsSecondary,
  kProgression,
  kRegression,
  kSubstitute,
  kMoves,          // exercise -> movement
  kMarkedAvoid,    // exercise -> condition: the item's own entry says avoid
  kMarkedCaution,  // exercise -> condition: the item's own entry says caution
  kAvoids,         // condition -> movement or combination: an avoid entry of its rules
  kCautions,       // condition -> movement or combination: a caution entry of its rules
  kCombines,       // combination -> movement
};
template <>
struct EnumNames<EdgeKind> {
  static constexpr auto kNames = std::to_array<std::string_view>(
      {"targets_primary", "targets_secondary", "progression", "regression", "substitute", "moves",
       "marked_avoid", "marked_caution", "avoids", "cautions", "combines"});
};

struct GraphVertex {
  VertexKind kind = VertexKind::kExercise;
  // Dense exercise id, Muscle or Movement value, condition rank, or combination number.
  int index = 0;
  Category category = Category::kStrength;  // exercises only
  // Conditions: the name; combinations: the entry as written (`spinal_flexion+prone`).
  std::string name;

  bool is_muscle() const { return kind == VertexKind::kMuscle; }
};

struct GraphEdge {
  EdgeKind kind = EdgeKind::kTargetsPrimary;
  // For kTargetsPrimary edges of strength items: the days of recovery the muscle needs
  // after a use (ceil(rest_hours / 24) - 1); 0 otherwise.
  int recovery_days = 0;
  // For kAvoids / kCautions: the entry's position in its list; for kCombines: the
  // movement's position in the entry as written. 0 otherwise.
  int position = 0;
};

// An item's marking for one condition as the graph gives it (section 4a); the same facts
// as Catalog::MarkingOf, plus the rule entry behind the derived marking.
struct GraphMarking {
  std::optional<Contraindication> effective;
  std::optional<Contraindication> own;      // an exercise -> condition edge
  std::optional<Contraindication> derived;  // the condition's rule entries
  // For an effective `avoid`: the first matching avoid entry as written, or "marked" when
  // only the own entry says avoid; "" otherwise.
  std::string because;
  // The movement or combination vertex of the first matching entry of the derived
  // marking's list (avoid, else caution), or -1 when the rules derive nothing.
  int entry_vertex = -1;
  // The movements of that entry, in the order written; empty when entry_vertex is -1.
  std::vector<Movement> entry_movements;
};

class ConstraintGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, GraphVertex,
                                      GraphEdge>;

  // Exercises, muscles and movements only (no condition vertices).
  explicit ConstraintGraph(const std::vector<Exercise>& exercises);
  // The whole graph: `conditions` in rank order (built-in ones first, as
  // Catalog::conditions()), `rules` by condition name (as Catalog::condition_rules());
  // a condition without rules has no rule edges, rules of a condition not in
  // `conditions` are ignored. Every id in the exercises' lists must name an exercise.
  ConstraintGraph(const std::vector<Exercise>& exercises,
                  const std::vector<std::string>& conditions, const ConditionRules& rules);

  const Graph& graph() const { return graph_; }
  int exercise_count() const { return exercise_count_; }
  int condition_count() const { return condition_count_; }
  int MuscleVertex(Muscle m) const { return exercise_count_ + static_cast<int>(m); }
  int MovementVertex(Movement m) const {
    return exercise_count_ + kMuscleCount + static_cast<int>(m);
  }
  int ConditionVertex(int rank) const {
    return exercise_count_ + kMuscleCount + kMovementCount + rank;
  }
  // The rank of a condition by name, or nullopt.
  std::optional<int> ConditionRank(std::string_view condition) const;

  // Dense ids reached from `exercise` by one edge of `kind`, in catalog list order.
  std::vector<int> Neighbours(int exercise, EdgeKind kind) const;

  // The movements of `exercise` (its moves edges), in the record's order.
  std::vector<Movement> MovementsOf(int exercise) const;

  // The marking of `exercise` (dense id) for the condition of rank `condition`, read from
  // the graph: own entry edges, then the condition's rule edges matched against the
  // item's movement edges (avoid entries first, in rule order).
  GraphMarking MarkingOf(int exercise, int condition) const;

  // Strength items that may not be used on the `days`-th day after `exercise` (1-based)
  // because they share a primary muscle still recovering from it (H5); sorted, unique.
  std::vector<int> RecoveryConflicts(int exercise, int days_after) const;

  // A cycle of the "is harder than" relation (progression a -> b, or b lists a as its
  // regression), as dense ids in order, or nullopt when every chain is acyclic.
  std::optional<std::vector<int>> FindProgressionCycle() const;

  // Graphviz DOT text of the whole graph, labelled with `exercises`' ids.
  std::string ToDot(const std::vector<Exercise>& exercises) const;

  // The DOT node id of vertex `v` ("muscle:glutes", "movement:prone",
  // "condition:osteoporosis", "rule:spinal_flexion+external_load", or the exercise id).
  std::string NodeId(int v, const std::vector<Exercise>& exercises) const;

 private:
  Graph graph_;
  int exercise_count_ = 0;
  int condition_count_ = 0;
};

}  // namespace backbalance

#endif  // BACKBALANCE_GRAPH_CONSTRAINT_GRAPH_H_
