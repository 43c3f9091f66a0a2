// File: backbalance/views/graph_view.h
//
// The constraint graph (backbalance/graph/constraint_graph.h) as one person sees it: the
// catalog's exercises and muscle groups as Graphviz DOT, with the exercises a profile
// cannot use greyed and labelled with the reason (the first failing eligibility rule of
// plan model section 4), or left out. `ConstraintGraph::ToDot` draws the whole catalog.
//
//   absl::StatusOr<std::vector<Exclusion>> excluded = ExcludedExercises(*catalog, profile);
//   std::string dot = RenderEligibilityDot(*catalog, *excluded);
#ifndef BACKBALANCE_VIEWS_GRAPH_VIEW_H_
#define BACKBALANCE_VIEWS_GRAPH_VIEW_H_

#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/plan.h"

namespace backbalance {

struct EligibilityDotOptions {
  // Leave excluded exercises (and their edges) out instead of greying them.
  bool eligible_only = false;
};

// Digraph `backbalance_eligibility`: muscle groups as ellipses; eligible exercises as
// boxes filled with their category's colour; each exercise of `excluded` as a grey dashed
// box whose label adds `excluded: <reason>`, and its edges grey. Ids in `excluded` that
// the catalog lacks are ignored. Deterministic: vertices in catalog order, then edges in
// the graph's order.
std::string RenderEligibilityDot(const Catalog& catalog, const std::vector<Exclusion>& excluded,
                                 const EligibilityDotOptions& options = {});

}  // namespace backbalance

#endif  // BACKBALANCE_VIEWS_GRAPH_VIEW_H_
