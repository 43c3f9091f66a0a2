// Feasibility analysis: does any week satisfy H1-H10 for this profile? Answered
// completely, without a score and without CBC, so that `infeasible` is a proof and
// never a search that came back empty.
//
// First, necessary conditions that each prove infeasibility on their own and name what
// a person can change (too few days with time for a minimal session, no eligible
// warm-up item, a volume cap below the minimum structure, ...). Then an exhaustive
// depth-first search for a week of exactly min_training_days minimal sessions: if any
// valid week exists, one of that shape does, because removing a training day or an
// item from a valid week never breaks H1-H9 (all rules are monotone except H3's
// minimum and H4's minimum structure, which minimal sessions keep). A minimal warm-up may
// need an aerobic use longer than its least (a warm-up minimum above the item's least
// minutes): each warm-up use tries its durations up to the first that reaches the
// minimum. Items with the same
// constraint signature and the same use count so far are interchangeable, so only the
// first of them is tried at each choice.
//
// Pins and train days (H10, section 12): every required day (a train day or a pinned
// day) trains, each pin is placed first on its day (in each phase it may take, and for
// a warm-up or cool-down pin without minutes each of its durations), and the minimal
// sessions are completed around them; a pinned use is counted for H7 from the start.
// Pins that break a rule by themselves or two by two are named before the search
// (`pinned_ineligible`, `pins_conflict`).
#ifndef BACKBALANCE_SRC_SOLVER_FEASIBILITY_H_
#define BACKBALANCE_SRC_SOLVER_FEASIBILITY_H_

#include <cstdint>
#include <vector>

#include "backbalance/model/plan.h"
#include "solver/search_week.h"

namespace backbalance::internal {

struct Feasibility {
  enum class Verdict { kFeasible, kInfeasible, kUndetermined };
  Verdict verdict = Verdict::kUndetermined;
  SearchWeek week;                   // kFeasible: a valid week
  std::vector<Diagnosis> diagnosis;  // kInfeasible: why, in words a person can act on
  int64_t nodes = 0;                 // search nodes visited
};

// `node_budget` bounds the exhaustive search; past it the verdict is kUndetermined.
// With `happened` (a replan, section 12.1), its days before the context's `from_day` stand
// as they happened and only the remaining days are searched.
Feasibility AnalyseFeasibility(const WeekRules& rules, int64_t node_budget = 5'000'000,
                               const SearchWeek* happened = nullptr);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_FEASIBILITY_H_
