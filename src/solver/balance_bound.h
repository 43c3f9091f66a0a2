// What a balance term (strength_balance, stretch_balance: section 7) can earn from a week's
// minutes of its category, at most, for the score's upper bound (score_bound.h).
//
// The credits of a week's uses, sum over the muscles m of min(u_m, saturation), are at most
// the linear programme's optimum over fractional uses of y minutes. For any weights
// g_m in [0, 1], weak duality bounds that optimum by
//   sum_m (1 - g_m) reach_m + min(sum_m g_m reach_m, best knapsack of y minutes),
// the knapsack's value of a use being sum_m g_m x its credit to m, and reach_m the most
// credit m can get at all. All weights 1 is a knapsack of every credit, which counts two
// items that train the same muscle twice; a muscle weighted 0 is counted as saturated
// for free. The bound takes the least over a family of weights (the muscles that are
// easiest to saturate freed first), a concave function of y.
#ifndef BACKBALANCE_SRC_SOLVER_BALANCE_BOUND_H_
#define BACKBALANCE_SRC_SOLVER_BALANCE_BOUND_H_

#include <span>

#include "solver/search_week.h"

namespace backbalance::internal {

// One part of a concave piecewise-linear function of minutes y: worth x min(y, knee).
struct CurvePart {
  double worth = 0;
  double knee = 0;
};

// Writes at most `out.size()` parts (at least 2 places are needed) whose sum is, for every
// y >= 0, at least the credits over `muscles` (each saturating at `saturation`) that any
// week's uses of y minutes of `category` items bring; returns how many. An item's credit
// to a muscle counts over its max_per_week uses, each use saturating as the week's would.
int BalanceCreditParts(const WeekRules& rules, Category category, std::span<const Muscle> muscles,
                       double saturation, std::span<CurvePart> out);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_BALANCE_BOUND_H_
