// The rules of plan model v2 (sections 6 and 7) written once: what makes a day hard,
// how recovery and impact spacing relate two days, the warm-up and cool-down bounds,
// the durations an item may take, and the score formula over tallies of a week.
// The judge (evaluate.cc), the reference check (search_week.cc), the incremental week
// (week_state.cc) and the feasibility analysis (feasibility.cc) all read these; the
// MILP (cbc_exact_planner.cc) is its own encoding of the same rules, tested against
// the judge. A rule changes here, plus the MILP.
#ifndef BACKBALANCE_SRC_SOLVER_MODEL_RULES_H_
#define BACKBALANCE_SRC_SOLVER_MODEL_RULES_H_

#include <algorithm>
#include <array>
#include <optional>

#include "backbalance/model/evaluation.h"
#include "backbalance/model/options.h"
#include "catalog/compiled_catalog.h"
#include "solver/week_context.h"

namespace backbalance::internal {

// ---- Section 7: the muscles of the balance terms -------------------------------------

inline constexpr std::array<Muscle, 7> kStrengthBalanceMuscles = {
    Muscle::kCore,   Muscle::kObliques,     Muscle::kLowerBack, Muscle::kUpperBack,
    Muscle::kGlutes, Muscle::kHipAbductors, Muscle::kQuadriceps};
inline constexpr std::array<Muscle, 5> kStretchBalanceMuscles = {
    Muscle::kHamstrings, Muscle::kHipFlexors, Muscle::kLowerBack, Muscle::kGlutes, Muscle::kCalves};

// ---- H6 and the window penalty --------------------------------------------------------

// H6: moderate or high impact may not be on two cyclically consecutive days.
constexpr bool Jarring(Impact impact) { return impact != Impact::kLow; }
// H6: high impact on at most this many days.
inline constexpr int kMaxHighImpactDays = 2;

// Section 7: a hard day holds, in any phase, a strength item or a moderate- or
// high-impact item; three cyclically consecutive hard days cost the window penalty.
constexpr bool MakesDayHard(const CompiledExercise& x) {
  return x.category == Category::kStrength || Jarring(x.impact);
}

// Cyclic 3-day windows whose days are all set in `hard` (bit d: day d).
constexpr int HardWindows(unsigned hard) {
  int windows = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    const auto on = [hard](int day) { return (hard >> (day % kDaysPerWeek)) & 1u; };
    windows += on(d) && on(d + 1) && on(d + 2);
  }
  return windows;
}

// ---- H5 ---------------------------------------------------------------------------------

// H5: a strength item used on day d blocks its primary muscles for strength items on
// days d+1 .. d+recovery_days (cyclically), recovery_days = ceil(rest_hours/24) - 1.
constexpr bool RecoveryApplies(const CompiledExercise& x) {
  return x.category == Category::kStrength && x.recovery_days > 0;
}
// True when `earlier`, used `days_after` days before `later` (1..6, cyclically), still
// rests a primary muscle that `later` trains.
constexpr bool RecoveryClash(const CompiledExercise& earlier, int days_after,
                             const CompiledExercise& later) {
  return earlier.category == Category::kStrength && later.category == Category::kStrength &&
         days_after >= 1 && days_after <= earlier.recovery_days &&
         (earlier.primary & later.primary) != 0;
}

// ---- H2, H4, H9 -------------------------------------------------------------------------

// H4: the warm-up's minutes lie in [min_warmup, max_warmup]; the cool-down's reach
// min_cooldown and hold a flexibility item (a stretch); at least one main item.
struct SessionShape {
  int warmup_minutes = 0;
  int main_items = 0;
  int cooldown_minutes = 0;
  int cooldown_stretches = 0;  // flexibility items in the cool-down phase
};
inline bool SessionShapeHolds(const SessionShape& s, const PlannerOptions& o) {
  return s.warmup_minutes >= o.min_warmup_minutes && s.warmup_minutes <= o.max_warmup_minutes &&
         s.main_items > 0 && s.cooldown_minutes >= o.min_cooldown_minutes &&
         s.cooldown_stretches > 0;
}
// A use that counts as the cool-down's stretch.
constexpr bool IsCooldownStretch(const CompiledExercise& x, Phase phase) {
  return phase == Phase::kCooldown && x.category == Category::kFlexibility;
}

// H9: the minutes a use of an item may take. Non-aerobic items take exactly their
// catalog minutes; aerobic items a multiple of the step in [min_minutes, max], max being
// the person's (section 8).
struct DurationRange {
  int least = 0;  // the shortest valid duration; 0 when none exists
  int most = 0;
  int step = 1;
  bool fixed = false;
  bool Empty() const { return least == 0; }
  bool Holds(int minutes) const {
    if (fixed) return minutes == least;
    return least > 0 && minutes >= least && minutes <= most && minutes % step == 0;
  }
  // The minutes, rounded up to the step, that bring a week's aerobic minutes from `have`
  // to `target` (the heuristics' duration of choice for an aerobic use); may lie outside
  // [least, most], and is <= 0 once the target is met.
  int ToReach(int target, int have) const {
    const int deficit = target - have;
    return (deficit + step - 1) / step * step;
  }
};
inline DurationRange DurationsOf(const CompiledExercise& x, int person_max,
                                 const PlannerOptions& o) {
  if (x.category != Category::kAerobic) return {x.minutes, x.minutes, 1, true};
  const int step = o.aerobic_minutes_step;
  const int least = (x.min_minutes + step - 1) / step * step;  // first multiple of the step
  const int most = person_max / step * step;
  if (least > most) return {0, 0, step, false};
  return {least, most, step, false};
}

// ---- H10 (section 12, 12.1) ----------------------------------------------------------

// H10: a pin is held when its day holds its exercise in the pinned phase (any phase when
// none is given) with the pinned minutes (when given).
constexpr bool PinHeldBy(const PinnedUse& pin, int exercise, Phase phase, int minutes) {
  return exercise == pin.exercise && (!pin.phase || *pin.phase == phase) &&
         (!pin.minutes || *pin.minutes == minutes);
}
// H10: a train day (bit d of WeekContext::train_days) is missed when it holds no item.
constexpr bool IsTrainDay(const WeekContext& ctx, int d) { return (ctx.train_days >> d) & 1u; }
// A day the planner must train: a train day or a pinned day.
constexpr bool IsRequiredDay(const WeekContext& ctx, int d) {
  return (ctx.required_days >> d) & 1u;
}

// ---- Replan (section 12.1): limits counting what happened ------------------------------

// A day that happened: not judged on its own, never changed.
constexpr bool Happened(const WeekContext& ctx, int d) { return d < ctx.from_day; }
// Where what happened already passes a count on its own, the remaining days add nothing.
inline int MaxTrainingDays(const WeekContext& ctx) {
  return std::max(ctx.targets.max_training_days, ctx.happened_training_days);
}
inline int VolumeLimit(const WeekContext& ctx) {
  return std::max(ctx.targets.volume_cap, ctx.happened_minutes);
}
inline int MaxHighImpactDays(const WeekContext& ctx) {
  return std::max(kMaxHighImpactDays, ctx.happened_high_days);
}
inline int MaxDaysOf(const WeekContext& ctx, const CompiledExercise& x, int e) {
  return ctx.happened_days_of.empty() ? x.max_per_week
                                      : std::max(x.max_per_week, ctx.happened_days_of[e]);
}

// ---- Section 7: the score ---------------------------------------------------------------

// What one use of `x` counts toward muscle `m`'s balance (section 7: 1 where m is
// primary, the secondary credit where secondary). The bound and the exact formulation
// read it here; ScoreTallies::AddUse adds the two parts one after the other, as the
// score has always summed them.
inline double MuscleCredit(const CompiledExercise& x, int m, double secondary_credit) {
  const unsigned bit = 1u << m;
  return ((x.primary & bit) ? 1.0 : 0.0) + ((x.secondary & bit) ? secondary_credit : 0.0);
}

// What the score reads of a week: category minutes, muscle uses, strength days,
// distinct and preferred items, caution uses, hard windows and the total minutes.
struct ScoreTallies {
  std::array<double, kCategoryCount> category_minutes{};
  std::array<double, kMuscleCount> strength_uses{};  // 1 per primary use, credit per secondary
  std::array<double, kMuscleCount> stretch_uses{};
  int strength_days = 0;
  int distinct = 0;
  int preferred_used = 0;  // distinct preferred items used
  int caution_uses = 0;
  int hard_windows = 0;
  int total_minutes = 0;

  // Adds (sign +1) or takes away (-1) the category minutes and muscle uses of one use.
  void AddUse(const CompiledExercise& x, double minutes, int sign, const PlannerOptions& o) {
    category_minutes[static_cast<int>(x.category)] += sign * minutes;
    if (x.category != Category::kStrength && x.category != Category::kFlexibility) return;
    auto& uses = x.category == Category::kStrength ? strength_uses : stretch_uses;
    for (int m = 0; m < kMuscleCount; ++m) {
      if (x.primary & (1u << m)) uses[m] += sign;
      if (x.secondary & (1u << m)) uses[m] += sign * o.secondary_muscle_credit;
    }
  }
};

struct ScoreBreakdown {
  ScoreTerms terms{};
  Penalties penalties;
  double score = 0;
};

// Section 7's formula. Every caller sums in this order, so a score is the same number
// whichever part of the library computed it.
ScoreBreakdown ScoreOf(const ScoreTallies& tallies, const WeekContext& context,
                       const PlannerOptions& options);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_MODEL_RULES_H_
