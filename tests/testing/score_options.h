// File: tests/testing/score_options.h
//
// Planner options that move every piece of the score (section 7 and its options):
// saturations below one use, a secondary muscle counted in full, weights of zero, a heavy
// and no minute penalty. Property tests run under each, so that a delta, a bound or a
// search that holds only for the defaults fails.
#ifndef BACKBALANCE_TESTS_TESTING_SCORE_OPTIONS_H_
#define BACKBALANCE_TESTS_TESTING_SCORE_OPTIONS_H_

#include <vector>

#include "backbalance/model/options.h"

namespace backbalance::testing {

inline std::vector<PlannerOptions> OtherScoreOptions() {
  PlannerOptions fractional;
  fractional.strength_use_saturation = 0.5;
  fractional.stretch_use_saturation = 0.7;
  fractional.secondary_muscle_credit = 1;
  fractional.strength_days_saturation = 5;
  PlannerOptions flat;
  flat.mix_weight = 0;
  flat.variety_weight = 0;
  flat.preference_weight = 5;
  flat.caution_penalty = 0;
  flat.window_penalty = 0;
  flat.minute_penalty = 1;
  flat.variety_saturation = 3;
  PlannerOptions free;
  free.minute_penalty = 0;
  free.mix_weight = 10;
  free.strength_use_saturation = 4;
  free.stretch_use_saturation = 6;
  return {fractional, flat, free};
}

}  // namespace backbalance::testing

#endif  // BACKBALANCE_TESTS_TESTING_SCORE_OPTIONS_H_
