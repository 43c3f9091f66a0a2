// The constraint graph for one profile as Graphviz DOT (RenderEligibilityDot).
#include <cstddef>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "backbalance/graph/constraint_graph.h"
#include "backbalance/io/graph_view.h"

namespace backbalance {
namespace {

// Light fills, one per Category, so that black labels stay readable.
constexpr std::string_view kCategoryFill[] = {"#f6d5c3", "#c9dcf2", "#cfe8d3", "#e0d3f0",
                                              "#c6e6ea"};
constexpr std::string_view kGrey = "#9aa1a9";

// Text for a DOT string: `"` and `\` escaped.
std::string Escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string Quoted(std::string_view text) { return "\"" + Escaped(text) + "\""; }

// A label of several lines: each escaped, joined by DOT's `\n`.
std::string Label(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i > 0 ? "\\n" : "") + Escaped(lines[i]);
  return out + "\"";
}

std::string MuscleNode(Muscle m) { return Quoted("muscle:" + std::string(ToName(m))); }

}  // namespace

std::string RenderEligibilityDot(const Catalog& catalog, const std::vector<Exclusion>& excluded,
                                 const EligibilityDotOptions& options) {
  std::vector<std::optional<std::string>> reason(catalog.size());
  for (const Exclusion& e : excluded) {
    if (std::optional<int> i = catalog.IndexOf(e.exercise)) {
      reason[static_cast<std::size_t>(*i)] = e.reason;
    }
  }
  const std::vector<Exercise>& exercises = catalog.exercises();
  std::ostringstream out;
  out << "digraph backbalance_eligibility {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (Muscle m : AllValues<Muscle>()) {
    out << "  " << MuscleNode(m) << " [shape=ellipse, style=filled, fillcolor=\"#eeeeee\", "
        << "label=" << Quoted(ToName(m)) << "];\n";
  }
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    const Exercise& e = exercises[i];
    std::vector<std::string> label = {
        e.id, std::string(ToName(e.category)) + ", " + std::string(ToName(e.impact))};
    if (!reason[i]) {
      out << "  " << Quoted(e.id) << " [shape=box, style=filled, fillcolor=\""
          << kCategoryFill[static_cast<int>(e.category)] << "\", label=" << Label(label) << "];\n";
    } else if (!options.eligible_only) {
      out << "  " << Quoted(e.id) << " [shape=box, style=\"filled,dashed\", fillcolor=\"#f2f2f2\", "
          << "color=\"" << kGrey << "\", fontcolor=\"" << kGrey << "\", label=";
      label.push_back("excluded: " + *reason[i]);
      out << Label(label) << "];\n";
    }
  }
  const ConstraintGraph::Graph& graph = catalog.graph().graph();
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const auto s = static_cast<std::size_t>(boost::source(*it, graph));
    const auto t = static_cast<std::size_t>(boost::target(*it, graph));
    const bool to_muscle = graph[t].is_muscle;
    const bool greyed = reason[s].has_value() || (!to_muscle && reason[t].has_value());
    if (greyed && options.eligible_only) continue;
    const GraphEdge& edge = graph[*it];
    out << "  " << Quoted(exercises[s].id) << " -> "
        << (to_muscle ? MuscleNode(static_cast<Muscle>(graph[t].index)) : Quoted(exercises[t].id))
        << " [label=\"" << ToName(edge.kind);
    if (edge.recovery_days > 0) out << " (" << edge.recovery_days << " d)";
    out << "\"";
    if (edge.kind == EdgeKind::kTargetsSecondary) out << ", style=dashed";
    if (greyed) out << ", color=\"" << kGrey << "\", fontcolor=\"" << kGrey << "\"";
    out << "];\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace backbalance
