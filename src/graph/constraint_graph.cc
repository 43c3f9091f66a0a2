#include "backbalance/graph/constraint_graph.h"

#include <algorithm>
#include <sstream>

#include "internal/hash_containers.h"

namespace backbalance {
namespace {

int RecoveryDays(const Exercise& exercise) {
  // H5: a use on day d blocks days d+1 .. d+ceil(rest_hours/24)-1.
  const int days = (exercise.rest_hours + 23) / 24 - 1;
  return std::max(days, 0);
}

}  // namespace

ConstraintGraph::ConstraintGraph(const std::vector<Exercise>& exercises)
    : ConstraintGraph(exercises, {}, {}) {}

ConstraintGraph::ConstraintGraph(const std::vector<Exercise>& exercises,
                                 const std::vector<std::string>& conditions,
                                 const ConditionRules& rules)
    : graph_(exercises.size() + kMuscleCount + kMovementCount + conditions.size()),
      exercise_count_(static_cast<int>(exercises.size())),
      condition_count_(static_cast<int>(conditions.size())) {
  internal::HashMap<std::string_view, int> index;
  index.reserve(exercises.size());
  for (int i = 0; i < exercise_count_; ++i) {
    graph_[i] = GraphVertex{VertexKind::kExercise, i, exercises[i].category, {}};
    index.emplace(exercises[i].id, i);
  }
  for (Muscle m : AllValues<Muscle>()) {
    graph_[MuscleVertex(m)] = GraphVertex{VertexKind::kMuscle, int(m), Category::kStrength, {}};
  }
  for (Movement m : AllValues<Movement>()) {
    graph_[MovementVertex(m)] = GraphVertex{VertexKind::kMovement, int(m), Category::kStrength, {}};
  }
  internal::HashMap<std::string_view, int> condition_index;
  for (int r = 0; r < condition_count_; ++r) {
    graph_[ConditionVertex(r)] =
        GraphVertex{VertexKind::kCondition, r, Category::kStrength, conditions[r]};
    condition_index.emplace(conditions[r], r);
  }

  for (int i = 0; i < exercise_count_; ++i) {
    const Exercise& e = exercises[i];
    const int recovery = e.category == Category::kStrength ? RecoveryDays(e) : 0;
    for (Muscle m : e.primary_muscles) {
      boost::add_edge(i, MuscleVertex(m), GraphEdge{EdgeKind::kTargetsPrimary, recovery, 0},
                      graph_);
    }
    for (Muscle m : e.secondary_muscles) {
      boost::add_edge(i, MuscleVertex(m), GraphEdge{EdgeKind::kTargetsSecondary, 0, 0}, graph_);
    }
    const auto link = [&](const std::vector<std::string>& ids, EdgeKind kind) {
      for (const std::string& id : ids) {
        if (auto it = index.find(id); it != index.end()) {
          boost::add_edge(i, it->second, GraphEdge{kind, 0, 0}, graph_);
        }
      }
    };
    link(e.progressions, EdgeKind::kProgression);
    link(e.regressions, EdgeKind::kRegression);
    link(e.substitutes, EdgeKind::kSubstitute);
    for (Movement m : e.movements) {
      boost::add_edge(i, MovementVertex(m), GraphEdge{EdgeKind::kMoves, 0, 0}, graph_);
    }
    // Own entries in rank order (the record's map is ordered by name).
    for (int r = 0; r < condition_count_; ++r) {
      auto it = e.contraindications.find(conditions[r]);
      if (it == e.contraindications.end()) continue;
      const EdgeKind kind = it->second == Contraindication::kAvoid ? EdgeKind::kMarkedAvoid
                                                                   : EdgeKind::kMarkedCaution;
      boost::add_edge(i, ConditionVertex(r), GraphEdge{kind, 0, 0}, graph_);
    }
  }

  // The condition rules: one edge per entry, to the movement itself or to the vertex of
  // the combination as written (shared by every condition that writes it alike).
  internal::HashMap<std::string, int> combination_vertex;
  const auto entry_vertex = [&](const RuleEntry& entry) -> int {
    if (entry.movements.size() == 1) return MovementVertex(entry.movements.front());
    std::string text = RuleEntryText(entry);
    if (auto it = combination_vertex.find(text); it != combination_vertex.end()) {
      return it->second;
    }
    const int number = static_cast<int>(combination_vertex.size());
    const int v = static_cast<int>(boost::add_vertex(
        GraphVertex{VertexKind::kCombination, number, Category::kStrength, text}, graph_));
    for (std::size_t k = 0; k < entry.movements.size(); ++k) {
      boost::add_edge(v, MovementVertex(entry.movements[k]),
                      GraphEdge{EdgeKind::kCombines, 0, static_cast<int>(k)}, graph_);
    }
    combination_vertex.emplace(std::move(text), v);
    return v;
  };
  for (int r = 0; r < condition_count_; ++r) {
    auto rule = rules.find(conditions[r]);
    if (rule == rules.end()) continue;
    const auto add_entries = [&](const std::vector<RuleEntry>& entries, EdgeKind kind) {
      for (std::size_t k = 0; k < entries.size(); ++k) {
        if (entries[k].movements.empty()) continue;  // matches nothing
        boost::add_edge(ConditionVertex(r), entry_vertex(entries[k]),
                        GraphEdge{kind, 0, static_cast<int>(k)}, graph_);
      }
    };
    add_entries(rule->second.avoid, EdgeKind::kAvoids);
    add_entries(rule->second.caution, EdgeKind::kCautions);
  }
}

std::optional<int> ConstraintGraph::ConditionRank(std::string_view condition) const {
  for (int r = 0; r < condition_count_; ++r) {
    if (graph_[ConditionVertex(r)].name == condition) return r;
  }
  return std::nullopt;
}

std::vector<Movement> ConstraintGraph::MovementsOf(int exercise) const {
  std::vector<Movement> result;
  for (auto [it, end] = boost::out_edges(exercise, graph_); it != end; ++it) {
    if (graph_[*it].kind == EdgeKind::kMoves) {
      result.push_back(static_cast<Movement>(graph_[boost::target(*it, graph_)].index));
    }
  }
  return result;
}

GraphMarking ConstraintGraph::MarkingOf(int exercise, int condition) const {
  GraphMarking marking;
  const auto condition_vertex = static_cast<std::size_t>(ConditionVertex(condition));
  // What the item does: its movement vertices.
  std::vector<bool> moves(kMovementCount, false);
  for (auto [it, end] = boost::out_edges(exercise, graph_); it != end; ++it) {
    const auto target = boost::target(*it, graph_);
    switch (graph_[*it].kind) {
      case EdgeKind::kMoves:
        moves[static_cast<std::size_t>(graph_[target].index)] = true;
        break;
      case EdgeKind::kMarkedAvoid:
        if (target == condition_vertex) marking.own = Contraindication::kAvoid;
        break;
      case EdgeKind::kMarkedCaution:
        if (target == condition_vertex) marking.own = Contraindication::kCaution;
        break;
      default:
        break;
    }
  }
  // The movements an entry vertex stands for, in the order written.
  const auto entry_movements = [&](std::size_t v) {
    std::vector<Movement> movements;
    if (graph_[v].kind == VertexKind::kMovement) {
      movements.push_back(static_cast<Movement>(graph_[v].index));
      return movements;
    }
    std::vector<std::pair<int, Movement>> ordered;
    for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it) {
      if (graph_[*it].kind != EdgeKind::kCombines) continue;
      ordered.emplace_back(graph_[*it].position,
                           static_cast<Movement>(graph_[boost::target(*it, graph_)].index));
    }
    std::sort(ordered.begin(), ordered.end());
    for (const auto& [position, m] : ordered) movements.push_back(m);
    return movements;
  };
  // The first matching entry of one list, in the rules' order.
  const auto first_match = [&](EdgeKind kind) -> std::optional<std::pair<int, std::size_t>> {
    std::optional<std::pair<int, std::size_t>> best;  // (position, entry vertex)
    for (auto [it, end] = boost::out_edges(condition_vertex, graph_); it != end; ++it) {
      if (graph_[*it].kind != kind) continue;
      const int position = graph_[*it].position;
      if (best && best->first <= position) continue;
      const auto v = boost::target(*it, graph_);
      bool all = true;
      for (Movement m : entry_movements(v)) all = all && moves[static_cast<std::size_t>(m)];
      if (all) best = std::make_pair(position, v);
    }
    return best;
  };
  if (auto avoid = first_match(EdgeKind::kAvoids)) {
    marking.derived = Contraindication::kAvoid;
    marking.entry_vertex = static_cast<int>(avoid->second);
  } else if (auto caution = first_match(EdgeKind::kCautions)) {
    marking.derived = Contraindication::kCaution;
    marking.entry_vertex = static_cast<int>(caution->second);
  }
  if (marking.entry_vertex >= 0) {
    marking.entry_movements = entry_movements(static_cast<std::size_t>(marking.entry_vertex));
  }
  marking.effective = Stronger(marking.own, marking.derived);
  if (marking.effective == Contraindication::kAvoid) {
    if (marking.derived == Contraindication::kAvoid) {
      marking.because = RuleEntryText(RuleEntry{marking.entry_movements});
    } else {
      marking.because = "marked";
    }
  }
  return marking;
}

std::vector<int> ConstraintGraph::Neighbours(int exercise, EdgeKind kind) const {
  std::vector<int> result;
  for (auto [it, end] = boost::out_edges(exercise, graph_); it != end; ++it) {
    if (graph_[*it].kind == kind) result.push_back(static_cast<int>(boost::target(*it, graph_)));
  }
  return result;
}

std::vector<int> ConstraintGraph::RecoveryConflicts(int exercise, int days_after) const {
  std::vector<int> result;
  if (days_after < 1) return result;
  // exercise -> primary muscle (still recovering on that day) <- other strength items.
  for (auto [it, end] = boost::out_edges(exercise, graph_); it != end; ++it) {
    const GraphEdge& edge = graph_[*it];
    if (edge.kind != EdgeKind::kTargetsPrimary || edge.recovery_days < days_after) continue;
    const auto muscle = boost::target(*it, graph_);
    for (auto [in, in_end] = boost::in_edges(muscle, graph_); in != in_end; ++in) {
      const auto other = boost::source(*in, graph_);
      if (graph_[*in].kind == EdgeKind::kTargetsPrimary &&
          graph_[other].category == Category::kStrength) {
        result.push_back(static_cast<int>(other));
      }
    }
  }
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

std::optional<std::vector<int>> ConstraintGraph::FindProgressionCycle() const {
  // "harder than" successors: progression targets, and items that list us as regression
  // (a regression edge b -> a means a is easier than b, i.e. a -> b is harder).
  const int n = exercise_count_;
  std::vector<std::vector<int>> harder(n);
  for (int i = 0; i < n; ++i) {
    for (auto [it, end] = boost::out_edges(i, graph_); it != end; ++it) {
      const int j = static_cast<int>(boost::target(*it, graph_));
      if (graph_[*it].kind == EdgeKind::kProgression) harder[i].push_back(j);
      if (graph_[*it].kind == EdgeKind::kRegression) harder[j].push_back(i);
    }
  }
  // Iterative depth-first search (no recursion: catalogs may be large).
  enum : uint8_t { kWhite, kGrey, kBlack };
  std::vector<uint8_t> colour(n, kWhite);
  std::vector<int> parent(n, -1);
  for (int root = 0; root < n; ++root) {
    if (colour[root] != kWhite) continue;
    std::vector<std::pair<int, std::size_t>> stack = {{root, 0}};
    colour[root] = kGrey;
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (next == harder[v].size()) {
        colour[v] = kBlack;
        stack.pop_back();
        continue;
      }
      const int w = harder[v][next++];
      if (colour[w] == kGrey) {
        std::vector<int> cycle = {w};
        for (int u = v; u != w; u = parent[u]) cycle.push_back(u);
        std::reverse(cycle.begin() + 1, cycle.end());
        return cycle;
      }
      if (colour[w] == kWhite) {
        colour[w] = kGrey;
        parent[w] = v;
        stack.emplace_back(w, 0);
      }
    }
  }
  return std::nullopt;
}

std::string ConstraintGraph::NodeId(int v, const std::vector<Exercise>& exercises) const {
  const GraphVertex& vertex = graph_[static_cast<std::size_t>(v)];
  switch (vertex.kind) {
    case VertexKind::kExercise:
      return exercises[static_cast<std::size_t>(vertex.index)].id;
    case VertexKind::kMuscle:
      return "muscle:" + std::string(ToName(static_cast<Muscle>(vertex.index)));
    case VertexKind::kMovement:
      return "movement:" + std::string(ToName(static_cast<Movement>(vertex.index)));
    case VertexKind::kCondition:
      return "condition:" + vertex.name;
    case VertexKind::kCombination:
      return "rule:" + vertex.name;
  }
  return "";
}

std::string ConstraintGraph::ToDot(const std::vector<Exercise>& exercises) const {
  std::ostringstream out;
  const auto quoted = [&](int v) { return "\"" + NodeId(v, exercises) + "\""; };
  out << "digraph backbalance_catalog {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
  for (Muscle m : AllValues<Muscle>()) {
    out << "  " << quoted(MuscleVertex(m)) << " [shape=ellipse, style=filled, "
        << "fillcolor=\"#eeeeee\", label=\"" << ToName(m) << "\"];\n";
  }
  for (Movement m : AllValues<Movement>()) {
    out << "  " << quoted(MovementVertex(m)) << " [shape=diamond, style=filled, "
        << "fillcolor=\"#fff4cc\", label=\"" << ToName(m) << "\"];\n";
  }
  const int vertices = static_cast<int>(boost::num_vertices(graph_));
  for (int v = ConditionVertex(0); v < vertices; ++v) {
    const GraphVertex& vertex = graph_[static_cast<std::size_t>(v)];
    if (vertex.kind == VertexKind::kCondition) {
      out << "  " << quoted(v) << " [shape=octagon, style=filled, fillcolor=\"#f8d7da\", "
          << "label=\"" << vertex.name << "\"];\n";
    } else {
      out << "  " << quoted(v) << " [shape=diamond, style=filled, fillcolor=\"#ffe8a3\", "
          << "label=\"" << vertex.name << "\"];\n";
    }
  }
  for (int i = 0; i < exercise_count_; ++i) {
    const Exercise& e = exercises[i];
    out << "  " << quoted(i) << " [shape=box, label=\"" << e.id << "\\n"
        << ToName(e.category) << ", " << ToName(e.impact) << "\"];\n";
  }
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
    const int s = static_cast<int>(boost::source(*it, graph_));
    const int t = static_cast<int>(boost::target(*it, graph_));
    const GraphEdge& edge = graph_[*it];
    out << "  " << quoted(s) << " -> " << quoted(t) << " [label=\"" << ToName(edge.kind);
    if (edge.recovery_days > 0) out << " (" << edge.recovery_days << " d)";
    out << "\"";
    if (edge.kind == EdgeKind::kTargetsSecondary || edge.kind == EdgeKind::kCautions ||
        edge.kind == EdgeKind::kMarkedCaution) {
      out << ", style=dashed";
    }
    out << "];\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace backbalance
