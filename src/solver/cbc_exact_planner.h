// The exact backend: the week of plan model v2, sections 6-7, as a mixed integer linear
// program whose objective is the section 7 score itself, solved with CBC through its C
// interface. Three files, one job each: solver/milp_builder.h (columns, rows, bounds,
// loaded into CBC in one call), solver/exact_formulation.h (the plan model's columns and
// rows) and cbc_exact_planner.cc (the CBC driver: solve, time limit, decode, proof
// check).
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
