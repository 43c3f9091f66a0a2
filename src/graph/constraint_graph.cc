#include "backbalance/graph/constraint_graph.h"

#include <algorithm>
#include <sstream>

#include "backbalance/model/hash_containers.h"

namespace backbalance {
namespace {

int RecoveryDays(const Exercise& exercise) {
  // H5: a use on day d blocks days d+1 .. d+ceil(rest_hours/24)-1.
  const int days = (exercise.rest_hours + 23) / 24 - 1;
  return std::max(days, 0);
}

}  // namespace

ConstraintGraph::ConstraintGraph(const std::vector<Exercise>& exercises)
    : graph_(exercises.size() + kMuscleCount), exercise_count_(static_cast<int>(exercises.size())) {
  HashMap<std::string_view, int> index;
  index.reserve(exercises.size());
  for (int i = 0; i < exercise_count_; ++i) {
    graph_[i] = GraphVertex{false, i, exercises[i].category};
    index.emplace(exercises[i].id, i);
  }
  for (Muscle m : AllValues<Muscle>())
    graph_[MuscleVertex(m)] = GraphVertex{true, int(m), Category::kStrength};

  for (int i = 0; i < exercise_count_; ++i) {
    const Exercise& e = exercises[i];
    const int recovery = e.category == Category::kStrength ? RecoveryDays(e) : 0;
    for (Muscle m : e.primary_muscles) {
      boost::add_edge(i, MuscleVertex(m), GraphEdge{EdgeKind::kTargetsPrimary, recovery}, graph_);
    }
    for (Muscle m : e.secondary_muscles) {
      boost::add_edge(i, MuscleVertex(m), GraphEdge{EdgeKind::kTargetsSecondary, 0}, graph_);
    }
    const auto link = [&](const std::vector<std::string>& ids, EdgeKind kind) {
      for (const std::string& id : ids) {
        if (auto it = index.find(id); it != index.end()) {
          boost::add_edge(i, it->second, GraphEdge{kind, 0}, graph_);
        }
      }
    };
    link(e.progressions, EdgeKind::kProgression);
    link(e.regressions, EdgeKind::kRegression);
    link(e.substitutes, EdgeKind::kSubstitute);
  }
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

std::string ConstraintGraph::ToDot(const std::vector<Exercise>& exercises) const {
  std::ostringstream out;
  out << "digraph backbalance_catalog {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
  for (Muscle m : AllValues<Muscle>()) {
    out << "  \"muscle:" << ToName(m) << "\" [shape=ellipse, style=filled, fillcolor=\"#eeeeee\", "
        << "label=\"" << ToName(m) << "\"];\n";
  }
  for (int i = 0; i < exercise_count_; ++i) {
    const Exercise& e = exercises[i];
    out << "  \"" << e.id << "\" [shape=box, label=\"" << e.id << "\\n"
        << ToName(e.category) << ", " << ToName(e.impact) << "\"];\n";
  }
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
    const int s = static_cast<int>(boost::source(*it, graph_));
    const int t = static_cast<int>(boost::target(*it, graph_));
    const GraphEdge& edge = graph_[*it];
    const std::string from = "\"" + exercises[s].id + "\"";
    const std::string to = graph_[t].is_muscle
                               ? "\"muscle:" + std::string(ToName(Muscle(graph_[t].index))) + "\""
                               : "\"" + exercises[t].id + "\"";
    out << "  " << from << " -> " << to << " [label=\"" << ToName(edge.kind);
    if (edge.recovery_days > 0) out << " (" << edge.recovery_days << " d)";
    out << "\"";
    if (edge.kind == EdgeKind::kTargetsSecondary) out << ", style=dashed";
    out << "];\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace backbalance
