// ValidateOptions (backbalance/model/options.h). Kept beside the other problem-reporting
// tests; it belongs with tests/model/ if that part gets its own program.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "backbalance/model/options.h"
#include "backbalance/model/problem.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblems;
using ::backbalance::testing::IsOk;
using Lines = std::vector<std::string>;

TEST(ValidateOptionsTest, DefaultsAreValid) {
  EXPECT_THAT(ValidateOptions(PlannerOptions{}), IsOk());
}

TEST(ValidateOptionsTest, EachFieldOutOfRange) {
  struct Case {
    void (*mutate)(PlannerOptions&);
    const char* path_rule;
  };
  const std::vector<Case> cases = {
      {[](PlannerOptions& o) { o.band_b_min_pain = 0; }, "options.band_b_min_pain: range"},
      {[](PlannerOptions& o) { o.band_c_min_pain = 3; }, "options.band_c_min_pain: range"},
      {[](PlannerOptions& o) { o.acute_flare_min_pain = 12; },
       "options.acute_flare_min_pain: range"},
      {[](PlannerOptions& o) { o.high_impact_min_fitness = 7; },
       "options.high_impact_min_fitness: range"},
      {[](PlannerOptions& o) { o.difficulty_margin = -1; }, "options.difficulty_margin: range"},
      {[](PlannerOptions& o) { o.bands[1].volume_cap = -1; }, "options.bands[1].volume_cap: range"},
      {[](PlannerOptions& o) { o.bands[2].minutes[3] = -10; },
       "options.bands[2].minutes[3]: range"},
      {[](PlannerOptions& o) { o.bands[0].min_training_days = 8; },
       "options.bands[0].min_training_days: range"},
      {[](PlannerOptions& o) { o.bands[0].max_training_days = 2; },
       "options.bands[0].max_training_days: range"},
      {[](PlannerOptions& o) { o.history_cap_floor = -1; }, "options.history_cap_floor: range"},
      {[](PlannerOptions& o) { o.history_cap_growth_num = 0; },
       "options.history_cap_growth_num: range"},
      {[](PlannerOptions& o) { o.history_cap_growth_den = 0; },
       "options.history_cap_growth_den: range"},
      {[](PlannerOptions& o) { o.min_warmup_minutes = -1; }, "options.min_warmup_minutes: range"},
      {[](PlannerOptions& o) { o.min_cooldown_minutes = -1; },
       "options.min_cooldown_minutes: range"},
      {[](PlannerOptions& o) { o.aerobic_minutes_step = 0; },
       "options.aerobic_minutes_step: range"},
      {[](PlannerOptions& o) { o.strength_days_saturation = 0; },
       "options.strength_days_saturation: range"},
      {[](PlannerOptions& o) { o.strength_use_saturation = 0; },
       "options.strength_use_saturation: range"},
      {[](PlannerOptions& o) { o.stretch_use_saturation = std::nan(""); },
       "options.stretch_use_saturation: range"},
      {[](PlannerOptions& o) { o.secondary_muscle_credit = 1.5; },
       "options.secondary_muscle_credit: range"},
      {[](PlannerOptions& o) { o.variety_saturation = 0; }, "options.variety_saturation: range"},
      {[](PlannerOptions& o) { o.variety_weight = -0.1; }, "options.variety_weight: range"},
      {[](PlannerOptions& o) { o.preference_weight = -1; }, "options.preference_weight: range"},
      {[](PlannerOptions& o) { o.caution_penalty = -1; }, "options.caution_penalty: range"},
      {[](PlannerOptions& o) { o.window_penalty = std::numeric_limits<double>::infinity(); },
       "options.window_penalty: range"},
      {[](PlannerOptions& o) { o.minute_penalty = -0.01; }, "options.minute_penalty: range"},
      {[](PlannerOptions& o) { o.soreness_limit_hours = -1; },
       "options.soreness_limit_hours: range"},
      {[](PlannerOptions& o) { o.progression_max_rpe = 11; }, "options.progression_max_rpe: range"},
      {[](PlannerOptions& o) { o.reps_step = -1; }, "options.reps_step: range"},
      {[](PlannerOptions& o) { o.top_reps = 51; }, "options.top_reps: range"},
      {[](PlannerOptions& o) { o.top_sets = 0; }, "options.top_sets: range"},
      {[](PlannerOptions& o) { o.hold_step_seconds = 301; }, "options.hold_step_seconds: range"},
      {[](PlannerOptions& o) { o.top_hold_seconds = 0; }, "options.top_hold_seconds: range"},
      {[](PlannerOptions& o) { o.aerobic_growth_percent = 101; },
       "options.aerobic_growth_percent: range"},
      {[](PlannerOptions& o) { o.aerobic_top_minutes = 121; },
       "options.aerobic_top_minutes: range"},
      {[](PlannerOptions& o) { o.see_doctor_after_days = -1; },
       "options.see_doctor_after_days: range"},
      {[](PlannerOptions& o) { o.catalog_defaults.max_per_week[1] = 0; },
       "options.catalog_defaults.max_per_week[1]: range"},
      {[](PlannerOptions& o) { o.catalog_defaults.strength_rest_hours = 97; },
       "options.catalog_defaults.strength_rest_hours: range"},
      {[](PlannerOptions& o) { o.catalog_defaults.other_rest_hours = -1; },
       "options.catalog_defaults.other_rest_hours: range"},
      {[](PlannerOptions& o) { o.catalog_defaults.difficulty = 0; },
       "options.catalog_defaults.difficulty: range"},
      {[](PlannerOptions& o) { o.backend = "quantum"; }, "options.backend: unknown_name"},
      {[](PlannerOptions& o) { o.quality = "best"; }, "options.quality: unknown_name"},
      {[](PlannerOptions& o) { o.search_iterations = -1; }, "options.search_iterations: range"},
      {[](PlannerOptions& o) { o.time_limit_seconds = 0; }, "options.time_limit_seconds: range"},
      {[](PlannerOptions& o) { o.gap_tolerance = -0.01; }, "options.gap_tolerance: range"},
  };
  for (const Case& c : cases) {
    PlannerOptions options;
    c.mutate(options);
    EXPECT_THAT(ValidateOptions(options), HasProblems(Lines{c.path_rule})) << c.path_rule;
  }
}

TEST(ValidateOptionsTest, MessageLine) {
  PlannerOptions options;
  options.bands[1].volume_cap = -5;
  options.band_b_min_pain = 0;
  EXPECT_EQ(ValidateOptions(options).message(),
            "options.band_b_min_pain: range: must be an integer in 1..10, got 0\n"
            "options.bands[1].volume_cap: range: must be an integer in 0..10080, got -5");
}

// Reliability round 2, finding 7: every field has a range a person would choose, with
// one message form, so that no value makes a plan take minutes, gigabytes or an infinite
// score (min_warmup_minutes = 1e9 took 38 s and 3.8 GB; search_iterations = INT64_MAX
// never returned).
TEST(ValidateOptionsTest, EveryFieldIsBoundedAboveInOneForm) {
  struct Case {
    void (*mutate)(PlannerOptions&);
    const char* line;
  };
  const std::vector<Case> cases = {
      {[](PlannerOptions& o) { o.min_warmup_minutes = 1000000000; },
       "options.min_warmup_minutes: range: must be an integer in 0..240, got 1000000000"},
      {[](PlannerOptions& o) { o.min_cooldown_minutes = 241; },
       "options.min_cooldown_minutes: range: must be an integer in 0..240, got 241"},
      {[](PlannerOptions& o) { o.search_iterations = std::numeric_limits<int64_t>::max(); },
       "options.search_iterations: range: must be an integer in 0..1000000, got "
       "9223372036854775807"},
      {[](PlannerOptions& o) { o.search_iterations = -1; },
       "options.search_iterations: range: must be an integer in 0..1000000, got -1"},
      {[](PlannerOptions& o) { o.bands[0].volume_cap = 10081; },
       "options.bands[0].volume_cap: range: must be an integer in 0..10080, got 10081"},
      {[](PlannerOptions& o) { o.bands[2].minutes[0] = 1 << 30; },
       "options.bands[2].minutes[0]: range: must be an integer in 0..10080, got 1073741824"},
      {[](PlannerOptions& o) { o.history_cap_floor = 20000; },
       "options.history_cap_floor: range: must be an integer in 0..10080, got 20000"},
      {[](PlannerOptions& o) { o.history_cap_growth_num = 101; },
       "options.history_cap_growth_num: range: must be an integer in 1..100, got 101"},
      {[](PlannerOptions& o) { o.history_cap_growth_den = 1000; },
       "options.history_cap_growth_den: range: must be an integer in 1..100, got 1000"},
      {[](PlannerOptions& o) { o.strength_days_saturation = 8; },
       "options.strength_days_saturation: range: must be an integer in 1..7, got 8"},
      {[](PlannerOptions& o) { o.variety_saturation = 1001; },
       "options.variety_saturation: range: must be an integer in 1..1000, got 1001"},
      {[](PlannerOptions& o) { o.see_doctor_after_days = 366; },
       "options.see_doctor_after_days: range: must be an integer in 0..365, got 366"},
      {[](PlannerOptions& o) { o.strength_use_saturation = 1e9; },
       "options.strength_use_saturation: range: must be a number in 0.1..100, got 1e+09"},
      {[](PlannerOptions& o) { o.stretch_use_saturation = 0; },
       "options.stretch_use_saturation: range: must be a number in 0.1..100, got 0"},
      {[](PlannerOptions& o) { o.variety_weight = 1e308; },
       "options.variety_weight: range: must be a number in 0..1000, got 1e+308"},
      {[](PlannerOptions& o) { o.preference_weight = 1e308; },
       "options.preference_weight: range: must be a number in 0..1000, got 1e+308"},
      {[](PlannerOptions& o) { o.caution_penalty = 1001; },
       "options.caution_penalty: range: must be a number in 0..1000, got 1001"},
      {[](PlannerOptions& o) { o.window_penalty = 1e308; },
       "options.window_penalty: range: must be a number in 0..1000, got 1e+308"},
      {[](PlannerOptions& o) { o.minute_penalty = std::numeric_limits<double>::infinity(); },
       "options.minute_penalty: range: must be a number in 0..1000, got inf"},
      {[](PlannerOptions& o) { o.soreness_limit_hours = 169; },
       "options.soreness_limit_hours: range: must be a number in 0..168, got 169"},
      {[](PlannerOptions& o) { o.time_limit_seconds = 1e9; },
       "options.time_limit_seconds: range: must be a number in 0.001..86400, got 1e+09"},
      {[](PlannerOptions& o) { o.gap_tolerance = 0.6; },
       "options.gap_tolerance: range: must be a number in 0..0.5, got 0.6"},
      {[](PlannerOptions& o) { o.gap_tolerance = std::numeric_limits<double>::quiet_NaN(); },
       "options.gap_tolerance: range: must be a number in 0..0.5, got nan"},
  };
  for (const Case& c : cases) {
    PlannerOptions options;
    c.mutate(options);
    EXPECT_EQ(ValidateOptions(options).message(), c.line);
  }
}

}  // namespace
}  // namespace backbalance
