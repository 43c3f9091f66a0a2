#include "solver/quality.h"

namespace backbalance::internal {

// The levels, chosen by measurement on the gap set and the generated cohort
// (docs/performance.md, `backbalance_quality_curve`).
SearchSettings SettingsFor(const PlannerOptions& options, bool clinician_constraints) {
  SearchSettings s;
  if (options.quality == "thorough" || clinician_constraints) {
    s.rounds = options.search_iterations;  // the search of plan model v2's first release
    return s;
  }
  s.first_improvement = true;
  if (options.quality == "fast") {
    // One start (the short items with every weighing category seeded), climbed by first
    // improvement, and no rounds.
    s.rounds = 0;
    s.greedy_start = false;
    return s;
  }
  // default: the short-item start alone, built by best improvement (a week built by
  // first improvement ends in poorer local optima that later rounds seldom leave), then
  // 90 rounds climbed by first improvement. 90 is the fewest rounds measured whose worst
  // deficit to `thorough` stays <= 2 % on two generated cohorts of 1,000 (seeds 2026
  // and 7): 16 / 32 / 60 rounds left 5.8 / 3.7 / 2.9 % on one profile, and a second
  // start (greedy) at 60 rounds 3.4 %. The gap set alone did not show this.
  s.first_climbs_best = true;
  s.greedy_start = false;
  s.rounds = 90;
  return s;
}

}  // namespace backbalance::internal
