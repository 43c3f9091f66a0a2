// The heuristic backend's search: from a valid week (the feasibility search's), hill
// climbing over moves that keep every hard rule (add an item, remove one, swap one,
// change an aerobic duration, open or close a training day, move a session to a rest
// day) and, when none of them improves, compound trades (take a use out, complete with
// up to two additions: an item for two shorter ones, strength minutes for aerobic ones
// under a binding volume cap, an item for one in another phase); then rounds of
// large-neighbourhood search: a seeded random part of the week is torn down and climbed
// back, and the best week is kept. Trades also swap a warm-up or cool-down item the
// session needs for a shorter one of its phase. After the rounds, a hand-over of covers
// lets each rest day open first with the short warm-ups and stretches a training day
// holds, the training day covered again with what is left (catalogues of long items);
// then each day's covers are chosen again for their worth (and each day rebuilt, and
// each rest day opened, with such covers, room made for it under the volume cap), kept
// only when the week scores higher.
// The starts: a greedy one, and one that first builds a week of short items with every
// weighing category seeded (the `mix` term); SearchSettings says which run (quality.h).
// A week that reaches the score's upper bound (score_bound.h) is the optimum: the search
// ends there.
// The work is counted in rounds, not seconds, so the same input and seed give the same
// week; a deadline only caps it.
#ifndef BACKBALANCE_SRC_SOLVER_HEURISTIC_SEARCH_H_
#define BACKBALANCE_SRC_SOLVER_HEURISTIC_SEARCH_H_

#include <cstdint>
#include <optional>

#include "absl/time/time.h"
#include "solver/search_week.h"

namespace backbalance::internal {

struct SearchResult {
  SearchWeek week;
  bool cut_short = false;  // the deadline passed before the rounds ran out
  int64_t rounds = 0;
  bool escalated = false;  // the escalation's search ran (SearchSettings::escalate_below)
};

// How the search spends its work (PlannerOptions::quality picks one: quality.h).
struct SearchSettings {
  int64_t rounds = 120;  // large-neighbourhood rounds, shared by the starts
  // Best improvement scans every move of the week before applying the best one; first
  // improvement applies the best move of the first day (in a rotating order) that has
  // an improving one, so that a climb of n moves costs about n days' scans, not n weeks'.
  bool first_improvement = false;
  bool greedy_start = true;     // also climb from the feasibility week as it is
  std::size_t trade_tries = 6;  // uses a trade scan takes out (a seeded random sample)
  // The first climbs of each start (the construction) use best improvement even when
  // the rounds use first improvement.
  bool first_climbs_best = false;
  // The hand-over of covers after the rounds climbs after each hand-over before judging
  // it; without the climb it keeps only hand-overs that pay at once (`fast`: a quarter of
  // the time, a poorer week).
  bool handover_climbs = true;
  // With one start (greedy_start false): when the short-item search's week does not reach
  // the bound, a second search from the greedy start with this many rounds, its start
  // built by first improvement; the better week wins, the first on a tie, so no week
  // scores lower than the first search's.
  int64_t second_rounds = 0;
  // Then, unless an earlier week stops the search, a third search of this many rounds from
  // the short-item start (another seed), its rounds climbed additions first; the best week
  // of the three wins, the earliest on a tie.
  int64_t additions_first_rounds = 0;
  // A first-improvement climb takes a day's best improving addition before it scans that
  // day's removals, moves and replacements. It fills a week faster and differently: it
  // ends in other local optima than the plain climb, better ones on the built-in catalog,
  // poorer ones on catalogs of long items (docs/solver-history.md, "Within 0.5 % of the bound").
  bool additions_first = false;
  // With several searches, the passes after the rounds (hand-over of covers, re-cover by
  // value) run after each search; when false they run once, on the best week of all of
  // them, climbing as the last search climbed. Once is a quarter of `default`'s
  // instructions cheaper; a search's week seldom overtakes the best by those passes alone
  // (docs/solver-history.md, eighth pass).
  bool end_passes_each_search = true;
  // End the search once its best week reaches ScoreUpperBound (score_bound.h) less
  // `stop_within` of its size: that week is then proven within that fraction of the
  // optimum. At 0 the search stops only at the bound itself, where no later week could be
  // kept: the same week, sooner. Tests turn the stop off to check that.
  bool stop_at_bound = true;
  double stop_within = 0;
  // The passes after the rounds end by rebuilding each training day in turn
  // (DayRebuilder, a beam search over its sessions), sweeping the week again while a
  // rebuild raises it.
  bool rebuild_days = false;
  // A round may also tear two random training days down and rebuild them by the beam,
  // keeping their new sessions whatever the score (one round in six).
  bool rebuild_rounds = false;
  // The passes after the rounds open a rest day that the volume cap keeps closed: the uses
  // of least worth per minute leave until the day's best minimal session fits, and the
  // week, climbed, is kept when higher (the volume cap binds in a first week).
  bool open_with_room = false;
  // The passes after the rounds end by rebuilding every ordered pair of training days
  // together, kept when higher, sweeping again while one rises (at most twice); a pair may
  // begin with a rest day, which the rebuild opens.
  bool rebuild_pairs = false;
  // And then (with rebuild_pairs) every ordered triple of days the same way, in a week of
  // at most five training days.
  bool rebuild_triples = false;
  // When the best week, after the passes, is more than this fraction of the bound below
  // the bound (`escalation_rounds` > 0): one more search of `escalation_rounds` rounds
  // from the short-item start, with rebuild_rounds, rebuild_pairs and rebuild_triples,
  // its week kept when higher. A week far
  // below its bound is where the searches most often missed the optimum by 2-8 % on
  // redrawn catalogs; the bound is loose, so some generated profiles on the built-in
  // catalog also qualify (docs/solver-history.md, "Rebuilding days").
  double escalate_below = 0;
  int64_t escalation_rounds = 0;
};

SearchResult SearchBestWeek(const WeekRules& rules, const SearchWeek& start, uint64_t seed,
                            const SearchSettings& settings, std::optional<absl::Time> deadline);
// The first release's search (best improvement throughout, both starts, `rounds` rounds
// shared): replan uses it because its greedy start climbs from the week as planned, so a
// replan never scores lower than going on; so does the heuristic pass before a
// time-limited exact solve.
SearchResult SearchBestWeek(const WeekRules& rules, const SearchWeek& start, uint64_t seed,
                            int64_t rounds, std::optional<absl::Time> deadline);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_HEURISTIC_SEARCH_H_
