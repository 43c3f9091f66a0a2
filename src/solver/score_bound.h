// An upper bound on the score of section 7 that any valid week of a profile can reach,
// computed from the context alone (no search): each term at the most the eligible items
// allow, the five category terms, `mix` and the minute penalty together as a concave
// programme over the week's category minutes under the volume cap and the days' time,
// bounded by weak (Lagrangian) duality on the week's minutes. The search stops once its best
// week reaches the bound, or comes within the gap tolerance of it (heuristic_search.cc,
// StopScore): the week is then proven optimal, or within the tolerance of the optimum.
#ifndef BACKBALANCE_SRC_SOLVER_SCORE_BOUND_H_
#define BACKBALANCE_SRC_SOLVER_SCORE_BOUND_H_

#include "solver/search_week.h"

namespace backbalance::internal {

// At least the score of every week `rules` accepts (WeekRules::Valid). For a week under
// way (a replan) it returns +infinity: what happened is not bounded here.
double ScoreUpperBound(const WeekRules& rules);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_SCORE_BOUND_H_
