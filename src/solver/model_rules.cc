#include "solver/model_rules.h"

#include <algorithm>

namespace backbalance::internal {

ScoreBreakdown ScoreOf(const ScoreTallies& tallies, const WeekContext& ctx,
                       const PlannerOptions& options) {
  ScoreBreakdown result;
  ScoreTerms& t = result.terms;
  // Category terms, and `mix`: the least of those that weigh (section 7).
  double least_category = 1;
  bool any_category = false;
  for (int c = 0; c < kCategoryCount; ++c) {
    const int target = ctx.targets.by_category[c];
    t[c] = target > 0 ? std::min<double>(tallies.category_minutes[c], target) / target : 0;
    if (ctx.weights[c] > 0) {
      least_category = std::min(least_category, t[c]);
      any_category = true;
    }
  }
  t[int(ScoreTerm::kMix)] = any_category ? least_category : 0;
  t[int(ScoreTerm::kStrengthDays)] =
      static_cast<double>(std::min(tallies.strength_days, options.strength_days_saturation)) /
      options.strength_days_saturation;
  double sum = 0;
  for (Muscle m : kStrengthBalanceMuscles) {
    sum += std::min(tallies.strength_uses[int(m)], options.strength_use_saturation) /
           options.strength_use_saturation;
  }
  t[int(ScoreTerm::kStrengthBalance)] = sum / kStrengthBalanceMuscles.size();
  sum = 0;
  for (Muscle m : kStretchBalanceMuscles) {
    sum += std::min(tallies.stretch_uses[int(m)], options.stretch_use_saturation) /
           options.stretch_use_saturation;
  }
  t[int(ScoreTerm::kStretchBalance)] = sum / kStretchBalanceMuscles.size();
  t[int(ScoreTerm::kVariety)] =
      static_cast<double>(std::min(tallies.distinct, options.variety_saturation)) /
      options.variety_saturation;
  t[int(ScoreTerm::kPreference)] =
      ctx.preferred_count > 0 ? static_cast<double>(tallies.preferred_used) / ctx.preferred_count
                              : 0;
  double weighted = 0, weights = 0;
  for (int i = 0; i < kScoreTermCount; ++i) {
    weighted += ctx.weights[i] * t[i];
    weights += ctx.weights[i];
  }
  result.penalties.caution = options.caution_penalty * tallies.caution_uses;
  result.penalties.windows = options.window_penalty * tallies.hard_windows;
  result.penalties.minutes = options.minute_penalty * tallies.total_minutes;
  const double balance = weights > 0 ? 100.0 * weighted / weights : 0.0;
  result.score =
      balance - result.penalties.caution - result.penalties.windows - result.penalties.minutes;
  return result;
}

}  // namespace backbalance::internal
