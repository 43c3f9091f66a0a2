// The items the heuristic's moves draw from. On a catalog of a few hundred eligible items
// that is all of them. On a larger one (thousands of imported or generated variants), the
// items are grouped by what the hard rules and the score's coarse terms read of them
// (category, phases, impact, primary muscles, recovery days) and each group keeps its
// few best members: preferred before others, no caution before caution, the least
// minutes, the most secondary credit, then catalog order. Preferred items are always
// kept. Pruning only narrows the search; validity never depends on it.
#ifndef BACKBALANCE_SRC_SOLVER_CANDIDATES_H_
#define BACKBALANCE_SRC_SOLVER_CANDIDATES_H_

#include <array>
#include <vector>

#include "solver/search_week.h"

namespace backbalance::internal {

struct CandidateOptions {
  int prune_above = 400;  // eligible items beyond which groups are pruned
  int per_group = 1;      // members kept per group when pruning
};

// The candidate dense ids for each phase (indexed by Phase), ascending.
std::array<std::vector<int>, 3> CandidatesByPhase(const WeekRules& rules,
                                                  const CandidateOptions& options = {});

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_CANDIDATES_H_
