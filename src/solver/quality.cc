#include "solver/quality.h"

namespace backbalance::internal {

// The levels, chosen by measurement on the gap set, the generated cohorts and five
// redrawn catalogs (docs/performance.md, `backbalance_quality_curve`).
SearchSettings SettingsFor(const PlannerOptions& options) {
  SearchSettings s;
  s.first_improvement = true;
  // Every level builds its start by best improvement: a week built by first improvement
  // ends in poorer local optima that later rounds seldom leave.
  s.first_climbs_best = true;
  if (options.quality == "thorough") {
    // Two searches of `search_iterations` rounds each, from the two starts (the greedy
    // one and the short items), climbed as `default` climbs: the starts end in different
    // local optima, and the better week wins. It beats the first release's search (best
    // improvement throughout, the rounds shared by the starts) on every catalog measured
    // (docs/performance.md).
    s.greedy_start = true;
    s.rounds = 2 * options.search_iterations;
    return s;
  }
  s.greedy_start = false;
  if (options.quality == "fast") {
    // One start (the short items with every weighing category seeded), one climb, the
    // hand-overs of covers that pay at once, and no rounds. Climbing after each hand-over
    // gave 0.64 % / 3.12 % on the gap set, but at 3-4 times the time of the rest of
    // `fast` (0.64 ms a plan without it).
    s.first_climbs_best = false;
    s.handover_climbs = false;
    s.rounds = 0;
    return s;
  }
  // default: the short-item start alone, then 120 rounds climbed by first improvement
  // (`thorough`'s second search). Fewer rounds lose the worst case: against `thorough` on
  // two generated cohorts of 1,000 (seeds 2026 and 7), 90 rounds left one profile 4.5 %
  // below (120: 2.0 % and 2.3 %; 16 / 32 / 60 rounds, measured against the first
  // release's search: 5.8 / 3.7 / 2.9 %), and on a redrawn catalog of mixed item lengths
  // 30 and 60 rounds left one profile 13 % and 11 % below CBC's week (90 and 120: 4.5 %).
  s.rounds = 120;
  // Then, unless that week reaches the score's upper bound (score_bound.h), 30 rounds from
  // the greedy start (built by first improvement), kept when better: no week scores lower
  // than the first search's. On catalogs of long and mixed items the two starts end in
  // different local optima (`thorough` runs both in full): the worst week of the committed
  // `mixed_lengths` catalog went from 3.04 % to 2.80 % below CBC's and of a redrawn
  // long-item one from 3.73 % to 1.84 %. With best-improvement building, 15 rounds cost the
  // same and left 2.80 % there, 8 rounds 3.72 %; first improvement and 15 rounds, 3.15 %.
  s.second_rounds = 30;
  return s;
}

}  // namespace backbalance::internal
