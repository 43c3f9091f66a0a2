#include "solver/quality.h"

namespace backbalance::internal {
namespace {

// The levels, chosen by measurement on the gap set, the generated cohorts and five
// redrawn catalogs (docs/performance.md, `backbalance_quality_curve`).
SearchSettings LevelSettings(const PlannerOptions& options) {
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
    // (docs/performance.md). Then a quarter of `search_iterations` climbed additions
    // first, as `default` ends: without it the pinned set's worst week stayed 4.69 % below
    // CBC's, where `default` reaches 0.53 %. It stops only at the bound itself.
    s.greedy_start = true;
    s.rounds = 2 * options.search_iterations;
    s.additions_first_rounds = options.search_iterations / 4;
    // As `default` ends: the passes rebuild each day by the beam, and a week still far
    // below its bound gets one more search.
    s.rebuild_days = true;
    s.open_with_room = true;
    s.escalate_below = 0.03;
    s.escalation_rounds = 60;
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
  // default: the short-item start, then 90 rounds climbed by first improvement (as
  // `thorough`'s second search climbs). Fewer rounds lose the worst case: on a redrawn catalog
  // of mixed item lengths 30 and 60 rounds left one profile 13 % and 11 % below CBC's week
  // (90 and 120: 4.1-4.5 %).
  s.rounds = 90;
  // Then 30 rounds from the greedy start (built by first improvement), kept when better:
  // on catalogs of long and mixed items the two starts end in different local optima (the
  // worst week of the committed `mixed_lengths` catalog went from 3.04 % to 2.80 % below
  // CBC's, of a redrawn long-item one from 3.73 % to 1.84 %).
  s.second_rounds = 30;
  // Then 30 rounds climbed additions first, from the short-item start again: other local
  // optima, better ones on the built-in catalog (the pinned set's worst week from 4.69 %
  // to 0.53 % below CBC's, a generated cohort's worst deficit to `thorough` from 2.28 % to
  // 0.78 %); alone it would lose the catalogs of long items (docs/solver.md).
  s.additions_first_rounds = 30;
  // A week proven within 0.5 % of the optimum (its score that close to the bound) ends
  // the search: a third of the instructions of a generated cohort saved, for a mean loss
  // of 0.02-0.03 % and no worst week lower (docs/performance-history.md, seventh pass).
  s.stop_within = 0.005;
  // The passes after the rounds once, on the best of the three weeks, rather than after
  // each search: 24 % fewer instructions on the sampled plans, for means 0.005-0.03 points
  // higher; the pinned set's worst week 1.31 % below CBC's (was 0.53 %), `short_items`'
  // 1.64 % (1.47 %), every other set's worst as before (docs/performance-history.md, eighth pass).
  s.end_passes_each_search = false;
  // The passes end by rebuilding each day by the beam; then a week more than 3 % of its
  // bound below it gets one more search of 60 rounds, whose rounds also rebuild two days
  // at a time. On the mixed-length redrawn catalogs the worst weeks went from 3.9-8.5 %
  // below CBC's to 1.6-3.4 % (docs/solver-history.md, "Rebuilding days"). At 2.5 % the fourth
  // search ran on many more generated profiles (115 plans/s instead of 179) for 40
  // redrawn-catalog profiles over 1 % instead of 45.
  s.rebuild_days = true;
  // And a rest day the volume cap keeps closed is opened with room made for it: on small
  // drawn catalogs under first-week caps the best week trains on more days (of 10 weeks
  // more than 3 % below CBC's, 2 rose to 0 % and 2.0 %; docs/solver-history.md, eleventh pass).
  s.open_with_room = true;
  s.escalate_below = 0.03;
  s.escalation_rounds = 60;
  return s;
}

}  // namespace

SearchSettings SettingsFor(const PlannerOptions& options) {
  SearchSettings s = LevelSettings(options);
  // The caller's tolerance over the level's (PlannerOptions::gap_tolerance).
  if (options.gap_tolerance) s.stop_within = *options.gap_tolerance;
  return s;
}

}  // namespace backbalance::internal
