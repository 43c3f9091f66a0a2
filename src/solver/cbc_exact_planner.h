// CbcExactPlanner: the exact backend. The week of plan model v2, sections 6-7, as a mixed
// integer linear program whose objective is the section 7 score itself (balance terms,
// mix, caution, window and minute penalties), solved with CBC through its C interface.
//
// Variables, by day d, eligible exercise e and allowed phase p:
//   x[d][e][p] binary          e is used on d in phase p (at most one phase a day)
//   k[d][e][p] integer         aerobic items: minutes / aerobic_minutes_step within
//                              DurationsOf (H9; an item with an empty range has no x),
//                              0 unless x
//   t[d] binary                d is a training day (x <= t, t <= sum x)
//   s[d][m], j[d], h[d]        a strength item with primary m on d; a moderate/high item
//                              on d; a high-impact item on d (H5, H6)
//   hd[d] binary               d is hard: a strength or moderate/high-impact use on d
//   a_c, sd[d], v_m, f_m,      the score's saturated terms, each bounded by its cap and
//   used[e], V, mix, w[d]      by what the week provides; mix <= a_c / T_c for every
//                              category term that weighs; w[d] >= hd[d]+hd[d+1]+hd[d+2]-2
//                              counts the all-hard window d, d+1, d+2
// H1-H9 are linear in these: H2 reads ctx.availability (the session cap included), H4
// bounds each training day's warm-up minutes to [min_warmup, max_warmup] and asks for a
// flexibility x in its cool-down phase. Every saturation min(value, cap) of the score,
// and the minimum that `mix` is, is a column bounded by each of its arguments, which
// the maximisation pushes to the smallest, so the objective equals WeekRules::Score of
// the week the x and k columns describe. The score columns are integer where every week
// makes them integral (all but the muscle-balance v and f and mix).
//
// Thread-safety: CBC's solver driver (CbcMain1) keeps static state and is not
// thread-safe (coin-or/Cbc#332); SolveExact holds `cbc_mutex` for the whole solve.
// Solves that use different mutexes must not overlap (the Planner owns one mutex,
// shared by its copies).
#ifndef BACKBALANCE_SRC_SOLVER_CBC_EXACT_PLANNER_H_
#define BACKBALANCE_SRC_SOLVER_CBC_EXACT_PLANNER_H_

#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "solver/search_week.h"

namespace backbalance::internal {

struct ExactResult {
  enum class Outcome {
    kOptimal,     // CBC proved `week` optimal
    kFeasible,    // a valid week, not proven optimal (the time limit stopped CBC)
    kInfeasible,  // CBC proved the model infeasible (the feasibility analysis is the judge)
    kNoSolution,  // stopped before any valid week was found
  };
  Outcome outcome = Outcome::kNoSolution;
  SearchWeek week;              // kOptimal and kFeasible: valid under WeekRules::Valid
  bool proven_optimal = false;  // outcome == kOptimal
  // Relative gap between CBC's best bound and the incumbent, |bound - obj| / max(1, |obj|);
  // 0 when proven optimal.
  double gap = 0;
  double objective = 0;             // WeekRules::Score(week) (kOptimal and kFeasible)
  double best_bound = 0;            // CBC's upper bound on the score (kOptimal and kFeasible)
  bool time_limit_reached = false;  // CBC stopped on `time_limit_seconds`
};

// Repair (plan model 12.1): the week a repair stays close to, its uses of catalog items
// grouped by (day, exercise): how many uses the group has and the (phase, minutes) of
// each. A valid week holds an exercise at most once a day, so its distance to a group is
// `count` less 1 when its use there matches one of the group's exactly, and each use of
// a (day, exercise) outside every group costs 1.
struct DistanceTarget {
  struct Group {
    int day = 0;
    int exercise = 0;
    int count = 0;
    std::vector<std::pair<Phase, int>> uses;
  };
  std::vector<Group> groups;
  // The distance of `week` (a valid week: each exercise at most once a day) to the groups.
  int DistanceOf(const SearchWeek& week) const;
};

// Maximises the section 7 score over H1-H10 for `rules`. `time_limit_seconds` caps CBC
// (none: run to a proof). `warm_start` (may be null; not remembered) is a valid week
// handed to CBC as its first incumbent. Holds `cbc_mutex` while CBC runs.
// kUnimplemented in a build without CBC; kInternal when CBC returns a week that breaks
// the rules (never returned as a solution). With `target` (Repair), the objective is
// lexicographic: the least distance to the target first, each unit of distance weighing
// more than any difference of score between two valid weeks, then the score; a proof of
// optimality is then a proof of the least distance too. `objective` stays the score.
absl::StatusOr<ExactResult> SolveExact(const WeekRules& rules,
                                       std::optional<double> time_limit_seconds,
                                       const SearchWeek* warm_start, std::mutex& cbc_mutex,
                                       const DistanceTarget* target = nullptr);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_CBC_EXACT_PLANNER_H_
