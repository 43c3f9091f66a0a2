// The constraint graph for one profile as Graphviz DOT (RenderEligibilityDot).
#include <algorithm>
#include <cstddef>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "backbalance/graph/constraint_graph.h"
#include "backbalance/model/condition_rules.h"
#include "backbalance/views/graph_view.h"
#include "views/plan_facts.h"

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
std::string MovementNode(Movement m) { return Quoted("movement:" + std::string(ToName(m))); }
std::string ConditionNode(std::string_view c) { return Quoted("condition:" + std::string(c)); }

constexpr std::string_view kCause = "#a4262c";  // the edges that say why an item is out

}  // namespace

std::string RenderEligibilityDot(const Catalog& catalog, const std::vector<Exclusion>& excluded,
                                 const EligibilityDotOptions& options) {
  std::vector<const Exclusion*> exclusion(catalog.size(), nullptr);
  for (const Exclusion& e : excluded) {
    if (std::optional<int> i = catalog.IndexOf(e.exercise)) {
      exclusion[static_cast<std::size_t>(*i)] = &e;
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

  // Why each contraindicated item is out: its edges to the movements of the rule entry
  // that matched (`because`), or to the condition when only its own entry says avoid.
  struct Cause {
    std::size_t exercise;
    std::string condition;
    std::vector<Movement> movements;  // empty: marked
    std::string because;
  };
  std::vector<Cause> causes;
  std::vector<bool> movement_used(kMovementCount, false);
  std::vector<std::string> conditions_used;
  if (!options.eligible_only) {
    constexpr std::string_view kContraindicated = "contraindicated:";
    for (std::size_t i = 0; i < exercises.size(); ++i) {
      const Exclusion* e = exclusion[i];
      if (e == nullptr || e->reason.rfind(kContraindicated, 0) != 0) continue;
      Cause cause{i, e->reason.substr(kContraindicated.size()), {}, e->because.value_or("")};
      if (!cause.because.empty() && cause.because != "marked") {
        if (std::optional<RuleEntry> entry = ParseRuleEntry(cause.because)) {
          cause.movements = entry->movements;
        }
      }
      for (Movement m : cause.movements) movement_used[static_cast<std::size_t>(m)] = true;
      if (cause.movements.empty() && std::find(conditions_used.begin(), conditions_used.end(),
                                               cause.condition) == conditions_used.end()) {
        conditions_used.push_back(cause.condition);
      }
      causes.push_back(std::move(cause));
    }
  }
  for (Movement m : AllValues<Movement>()) {
    if (!movement_used[static_cast<std::size_t>(m)]) continue;
    out << "  " << MovementNode(m) << " [shape=diamond, style=filled, fillcolor=\"#fff4cc\", "
        << "label=" << Quoted(ToName(m)) << "];\n";
  }
  for (const std::string& condition : conditions_used) {
    out << "  " << ConditionNode(condition)
        << " [shape=octagon, style=filled, fillcolor=\"#f8d7da\", label=" << Quoted(condition)
        << "];\n";
  }

  for (std::size_t i = 0; i < exercises.size(); ++i) {
    const Exercise& e = exercises[i];
    std::vector<std::string> label = {
        e.id, std::string(ToName(e.category)) + ", " + std::string(ToName(e.impact))};
    if (exclusion[i] == nullptr) {
      out << "  " << Quoted(e.id) << " [shape=box, style=filled, fillcolor=\""
          << kCategoryFill[static_cast<int>(e.category)] << "\", label=" << Label(label) << "];\n";
    } else if (!options.eligible_only) {
      out << "  " << Quoted(e.id) << " [shape=box, style=\"filled,dashed\", fillcolor=\"#f2f2f2\", "
          << "color=\"" << kGrey << "\", fontcolor=\"" << kGrey << "\", label=";
      label.push_back("excluded: " + internal::WhyText(*exclusion[i]));
      out << Label(label) << "];\n";
    }
  }
  const ConstraintGraph::Graph& graph = catalog.graph().graph();
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const auto s = static_cast<std::size_t>(boost::source(*it, graph));
    const auto t = static_cast<std::size_t>(boost::target(*it, graph));
    const GraphEdge& edge = graph[*it];
    switch (edge.kind) {
      case EdgeKind::kTargetsPrimary:
      case EdgeKind::kTargetsSecondary:
      case EdgeKind::kProgression:
      case EdgeKind::kRegression:
      case EdgeKind::kSubstitute:
        break;
      default:
        continue;  // movements and conditions: only the causes below are drawn
    }
    const bool to_muscle = graph[t].is_muscle();
    const bool greyed = exclusion[s] != nullptr || (!to_muscle && exclusion[t] != nullptr);
    if (greyed && options.eligible_only) continue;
    out << "  " << Quoted(exercises[s].id) << " -> "
        << (to_muscle ? MuscleNode(static_cast<Muscle>(graph[t].index)) : Quoted(exercises[t].id))
        << " [label=\"" << ToName(edge.kind);
    if (edge.recovery_days > 0) out << " (" << edge.recovery_days << " d)";
    out << "\"";
    if (edge.kind == EdgeKind::kTargetsSecondary) out << ", style=dashed";
    if (greyed) out << ", color=\"" << kGrey << "\", fontcolor=\"" << kGrey << "\"";
    out << "];\n";
  }
  for (const Cause& cause : causes) {
    const std::string& id = exercises[cause.exercise].id;
    if (cause.movements.empty()) {
      out << "  " << Quoted(id) << " -> " << ConditionNode(cause.condition)
          << " [label=" << Quoted("avoid: " + cause.condition + " (marked)") << ", color=\""
          << kCause << "\", fontcolor=\"" << kCause << "\", penwidth=2];\n";
      continue;
    }
    for (Movement m : cause.movements) {
      out << "  " << Quoted(id) << " -> " << MovementNode(m)
          << " [label=" << Quoted("avoid: " + cause.condition + " (" + cause.because + ")")
          << ", color=\"" << kCause << "\", fontcolor=\"" << kCause << "\", penwidth=2];\n";
    }
  }
  out << "}\n";
  return out.str();
}

}  // namespace backbalance
