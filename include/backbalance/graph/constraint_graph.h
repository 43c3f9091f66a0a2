// File: backbalance/graph/constraint_graph.h
//
// ConstraintGraph: the catalog as a Boost.Graph. Vertices are exercises (vertex i is
// the exercise of dense id i) and the twelve muscle groups (vertex size + m). Typed
// edges: exercise -> muscle (targets primary / secondary), exercise -> exercise
// (progression, regression, substitute). Recovery conflicts between strength items are
// not stored pairwise (that grows with the square of the catalog): they are derived
// through the muscle vertices, item -> primary muscle <- item, weighted by rest days.
#ifndef BACKBALANCE_GRAPH_CONSTRAINT_GRAPH_H_
#define BACKBALANCE_GRAPH_CONSTRAINT_GRAPH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "boost/graph/adjacency_list.hpp"
#include "backbalance/model/exercise.h"
#include "backbalance/model/vocabulary.h"

namespace backbalance {

enum class EdgeKind : uint8_t {
  kTargetsPrimary,
  kTargetsSecondary,
  kProgression,
  kRegression,
  kSubstitute,
};
template <>
struct EnumNames<EdgeKind> {
  static constexpr auto kNames = std::to_array<std::string_view>(
      {"targets_primary", "targets_secondary", "progression", "regression", "substitute"});
};

struct GraphVertex {
  bool is_muscle = false;
  int index = 0;  // dense exercise id, or the Muscle value
  Category category = Category::kStrength;  // exercises only
};

struct GraphEdge {
  EdgeKind kind = EdgeKind::kTargetsPrimary;
  // For kTargetsPrimary edges of strength items: the days of recovery the muscle needs
  // after a use (ceil(rest_hours / 24) - 1); 0 otherwise.
  int recovery_days = 0;
};

class ConstraintGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                      GraphVertex, GraphEdge>;

  // Builds the graph; every id in the exercises' lists must name an exercise.
  explicit ConstraintGraph(const std::vector<Exercise>& exercises);

  const Graph& graph() const { return graph_; }
  int exercise_count() const { return exercise_count_; }
  int MuscleVertex(Muscle m) const { return exercise_count_ + static_cast<int>(m); }

  // Dense ids reached from `exercise` by one edge of `kind`, in catalog list order.
  std::vector<int> Neighbours(int exercise, EdgeKind kind) const;

  // Strength items that may not be used on the `days`-th day after `exercise` (1-based)
  // because they share a primary muscle still recovering from it (H5); sorted, unique.
  std::vector<int> RecoveryConflicts(int exercise, int days_after) const;

  // A cycle of the "is harder than" relation (progression a -> b, or b lists a as its
  // regression), as dense ids in order, or nullopt when every chain is acyclic.
  std::optional<std::vector<int>> FindProgressionCycle() const;

  // Graphviz DOT text of the whole graph, labelled with `exercises`' ids.
  std::string ToDot(const std::vector<Exercise>& exercises) const;

 private:
  Graph graph_;
  int exercise_count_ = 0;
};

}  // namespace backbalance

#endif  // BACKBALANCE_GRAPH_CONSTRAINT_GRAPH_H_
