#include "solver/week_state.h"

#include <algorithm>
#include <bit>

namespace backbalance::internal {
namespace {

int Next(int d, int k = 1) { return (d + k) % kDaysPerWeek; }

// Uses a day's list holds before it allocates: a 120-minute session of 5-minute items.
constexpr std::size_t kReservedUsesPerDay = 24;

}  // namespace

WeekState::WeekState(const WeekRules& rules)
    : rules_(&rules),
      c_(&rules.compiled()),
      ctx_(&rules.context()),
      options_(&rules.options()),
      use_days_(rules.compiled().exercises.size()),
      in_day_(rules.compiled().exercises.size() * kDaysPerWeek) {
  const WeekContext& ctx = *ctx_;
  const PlannerOptions& o = *options_;
  const auto w = [&](ScoreTerm term) { return ctx.weights[static_cast<int>(term)]; };
  volume_limit_ = VolumeLimit(ctx);
  // Room for the uses of a long day, so that copying a state into another (the search
  // keeps its best week and saves a week before a trade) does not allocate.
  for (auto& day : week_.days) day.reserve(kReservedUsesPerDay);
  BoundConstants& k = bound_;
  for (int c = 0; c < kCategoryCount; ++c) {
    const int target = ctx.targets.by_category[c];
    k.target[c] = target;
    k.inverse_target[c] = target > 0 ? 1.0 / target : 0;
    k.weight[c] = ctx.weights[c];
    k.weight_with_mix[c] = ctx.weights[c] + (ctx.weights[c] > 0 ? w(ScoreTerm::kMix) : 0);
  }
  k.strength_muscle =
      w(ScoreTerm::kStrengthBalance) / (o.strength_use_saturation * kStrengthBalanceMuscles.size());
  k.stretch_muscle =
      w(ScoreTerm::kStretchBalance) / (o.stretch_use_saturation * kStretchBalanceMuscles.size());
  k.secondary_credit = o.secondary_muscle_credit;
  k.strength_days_saturation = o.strength_days_saturation;
  k.strength_day = w(ScoreTerm::kStrengthDays) / o.strength_days_saturation;
  k.variety_saturation = o.variety_saturation;
  k.new_item = w(ScoreTerm::kVariety) / o.variety_saturation;
  k.preferred_item = ctx.preferred_count > 0 ? w(ScoreTerm::kPreference) / ctx.preferred_count : 0;
  double weights = 0;
  for (int i = 0; i < kScoreTermCount; ++i) weights += ctx.weights[i];
  k.points_per_gain = weights > 0 ? 100.0 / weights : 0;
  k.caution_penalty = o.caution_penalty;
  k.minute_penalty = o.minute_penalty;
}

void WeekState::Load(const SearchWeek& week) {
  // Emptied in place, as the constructor leaves a state: a search loads its start into a
  // state it reuses, and the memory stays (no allocation once a plan's search is set up).
  for (auto& day : week_.days) day.clear();
  day_minutes_ = {};
  phase_minutes_ = {};
  main_count_ = {};
  stretch_count_ = {};
  strength_count_ = {};
  hard_count_ = {};
  trained_ = {};
  blocked_ = {};
  jarring_count_ = {};
  high_count_ = {};
  use_days_.Clear();
  in_day_.Clear();
  hard_days_ = 0;
  unsaturated_strength_ = ~0u;
  unsaturated_stretch_ = ~0u;
  training_days_ = 0;
  tallies_ = ScoreTallies{};
  terms_valid_ = false;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    for (const Use& u : week.days[d]) Add(d, u);
  }
}

bool WeekState::CanAdd(int d, const Use& use, bool opening) const {
  const int e = use.exercise;
  const CompiledExercise& x = c_->exercises[e];
  if (Happened(*ctx_, d)) return false;  // a day that happened stays as it happened
  if (!ctx_->eligible[e] || !(x.phases & PhaseBit(use.phase))) return false;  // H1, H4
  if (week_.days[d].empty() && !opening) return false;
  if (InDay(d, e)) return false;                                            // H4
  if (!rules_->DurationValid(e, use.minutes)) return false;                 // H9
  if (day_minutes_[d] + use.minutes > ctx_->availability[d]) return false;  // H2
  if (use.phase == Phase::kWarmup &&                                        // H4
      phase_minutes_[d][int(Phase::kWarmup)] + use.minutes > options_->max_warmup_minutes) {
    return false;
  }
  if (tallies_.total_minutes + use.minutes > VolumeLimit(*ctx_)) return false;  // H8
  if (use_days_[e] >= MaxDaysOf(*ctx_, x, e)) return false;                     // H7
  if (week_.days[d].empty() && training_days_ >= MaxTrainingDays(*ctx_)) {
    return false;  // H3
  }
  if (Jarring(x.impact) && jarring_count_[d] == 0 &&  // H6
      (jarring_count_[Next(d, kDaysPerWeek - 1)] > 0 || jarring_count_[Next(d)] > 0)) {
    return false;
  }
  if (x.impact == Impact::kHigh && high_count_[d] == 0) {
    int high_days = 0;
    for (int k = 0; k < kDaysPerWeek; ++k) high_days += high_count_[k] > 0;
    if (high_days >= MaxHighImpactDays(*ctx_)) return false;
  }
  if (x.category == Category::kStrength) {  // H5
    for (int m = 0; m < kMuscleCount; ++m) {
      if (!(x.primary & (1u << m))) continue;
      if (blocked_[d][m] > 0) return false;
      for (int k = 1; k <= x.recovery_days; ++k) {
        if (trained_[Next(d, k)][m] > 0) return false;
      }
    }
  }
  return true;
}

SessionShape WeekState::ShapeOf(int d) const {
  return {phase_minutes_[d][int(Phase::kWarmup)], main_count_[d],
          phase_minutes_[d][int(Phase::kCooldown)], stretch_count_[d]};
}

bool WeekState::DayStructureHolds(int d) const {
  if (week_.days[d].empty()) return true;
  return SessionShapeHolds(ShapeOf(d), *options_);
}

bool WeekState::CanRemove(int d, std::size_t index) const {
  const auto& day = week_.days[d];
  const Use& u = day[index];
  if (Happened(*ctx_, d)) return false;  // a day that happened stays as it happened
  if (Pinned(d, u)) return false;        // H10: a pin's use stays
  if (day.size() == 1) {
    if (IsRequiredDay(*ctx_, d)) return false;  // H10: a train day keeps a session
    const int min_days = ctx_->refer ? 0 : ctx_->targets.min_training_days;
    return training_days_ - 1 >= min_days;
  }
  if (u.phase == Phase::kMain) return main_count_[d] > 1;
  SessionShape shape = ShapeOf(d);
  if (u.phase == Phase::kWarmup) shape.warmup_minutes -= u.minutes;
  if (u.phase == Phase::kCooldown) shape.cooldown_minutes -= u.minutes;
  shape.cooldown_stretches -= IsCooldownStretch(c_->exercises[u.exercise], u.phase);
  return SessionShapeHolds(shape, *options_);
}

bool WeekState::Pinned(int d, const Use& u) const {
  for (const PinnedUse& pin : ctx_->pins) {
    if (pin.day == d && PinHeldBy(pin, u.exercise, u.phase, u.minutes)) return true;
  }
  return false;
}

bool WeekState::KeepsPins(int d, const Use& old, const Use& replacement) const {
  for (const PinnedUse& pin : ctx_->pins) {
    if (pin.day == d && PinHeldBy(pin, old.exercise, old.phase, old.minutes) &&
        !PinHeldBy(pin, replacement.exercise, replacement.phase, replacement.minutes)) {
      return false;
    }
  }
  return true;
}

std::size_t WeekState::Add(int d, const Use& use) {
  auto& day = week_.days[d];
  const auto at = std::find_if(day.begin(), day.end(),
                               [&](const Use& u) { return int(u.phase) > int(use.phase); });
  const std::size_t index = static_cast<std::size_t>(at - day.begin());
  InsertAt(d, index, use);
  return index;
}

void WeekState::InsertAt(int d, std::size_t index, const Use& use) {
  auto& day = week_.days[d];
  day.insert(day.begin() + static_cast<std::ptrdiff_t>(index), use);
  Apply(d, use, +1);
}

void WeekState::RemoveAt(int d, std::size_t index) {
  const Use use = week_.days[d][index];
  week_.days[d].erase(week_.days[d].begin() + static_cast<std::ptrdiff_t>(index));
  Apply(d, use, -1);
}

void WeekState::ClearDay(int d) {
  while (!week_.days[d].empty()) RemoveAt(d, week_.days[d].size() - 1);
}

void WeekState::RestoreDay(int d, std::span<const Use> uses) {
  ClearDay(d);
  for (const Use& u : uses) Add(d, u);
}

void WeekState::Apply(int d, const Use& use, int sign) {
  terms_valid_ = false;
  const int e = use.exercise;
  const CompiledExercise& x = c_->exercises[e];
  const bool opened = sign > 0 && week_.days[d].size() == 1;
  const bool closed = sign < 0 && week_.days[d].empty();
  training_days_ += opened - closed;
  in_day_.Mutable(static_cast<std::size_t>(d) * use_days_.size() + e) = sign > 0;
  day_minutes_[d] += sign * use.minutes;
  phase_minutes_[d][int(use.phase)] += sign * use.minutes;
  main_count_[d] += sign * (use.phase == Phase::kMain);
  stretch_count_[d] += sign * IsCooldownStretch(x, use.phase);
  tallies_.total_minutes += sign * use.minutes;
  tallies_.AddUse(x, use.minutes, sign, *options_);
  if (x.category == Category::kStrength || x.category == Category::kFlexibility) {
    const bool strength = x.category == Category::kStrength;
    const auto& uses = strength ? tallies_.strength_uses : tallies_.stretch_uses;
    const double saturation =
        strength ? options_->strength_use_saturation : options_->stretch_use_saturation;
    unsigned& unsaturated = strength ? unsaturated_strength_ : unsaturated_stretch_;
    for (unsigned muscles = x.primary | x.secondary; muscles != 0; muscles &= muscles - 1) {
      const int m = std::countr_zero(muscles);
      unsaturated = uses[m] < saturation ? (unsaturated | (1u << m)) : (unsaturated & ~(1u << m));
    }
  }
  tallies_.caution_uses += sign * ctx_->caution[e];
  if (sign > 0 && use_days_.Mutable(e)++ == 0) {
    ++tallies_.distinct;
    tallies_.preferred_used += ctx_->preferred[e];
  }
  if (sign < 0 && --use_days_.Mutable(e) == 0) {
    --tallies_.distinct;
    tallies_.preferred_used -= ctx_->preferred[e];
  }
  if (Jarring(x.impact)) jarring_count_[d] += sign;
  if (x.impact == Impact::kHigh) high_count_[d] += sign;
  if (MakesDayHard(x)) {
    hard_count_[d] += sign;
    const unsigned hard = hard_count_[d] > 0 ? (hard_days_ | (1u << d)) : (hard_days_ & ~(1u << d));
    if (hard != hard_days_) {
      hard_days_ = hard;
      tallies_.hard_windows = HardWindows(hard_days_);
    }
  }
  if (x.category == Category::kStrength) {
    tallies_.strength_days +=
        (sign > 0 && strength_count_[d] == 0) - (sign < 0 && strength_count_[d] == 1);
    strength_count_[d] += sign;
    for (int m = 0; m < kMuscleCount; ++m) {
      if (!(x.primary & (1u << m))) continue;
      trained_[d][m] += sign;
      for (int k = 1; k <= x.recovery_days; ++k) blocked_[Next(d, k)][m] += sign;
    }
  }
}

const WeekState::TermCache& WeekState::ComputeTerms() const {
  const ScoreBreakdown now = ScoreOf(tallies_, *ctx_, *options_);
  TermCache& t = terms_;
  t = TermCache{};
  for (int i = 0; i < kScoreTermCount; ++i) {
    t.weighted += ctx_->weights[i] * now.terms[i];
    t.weights += ctx_->weights[i];
  }
  for (int c = 0; c < kCategoryCount; ++c) {
    t.category[c] = now.terms[c];
    if (ctx_->weights[c] > 0) {
      t.least = std::min(t.least, now.terms[c]);
      t.any_category = true;
    }
  }
  t.balance_points = t.weights > 0 ? 100.0 * t.weighted / t.weights : 0;
  t.penalties = options_->caution_penalty * tallies_.caution_uses +
                options_->window_penalty * tallies_.hard_windows +
                options_->minute_penalty * tallies_.total_minutes;
  terms_valid_ = true;
  return t;
}

double WeekState::ScoreIfAdded(int d, const Use& use) const {
  const CompiledExercise& x = c_->exercises[use.exercise];
  const TermCache& now = Terms();
  const WeekContext& ctx = *ctx_;
  const PlannerOptions& o = *options_;
  const auto w = [&](ScoreTerm term) { return ctx.weights[static_cast<int>(term)]; };
  double gain = 0;  // in weight x term units
  // The category term, and `mix` when the category weighs.
  const int c = static_cast<int>(x.category);
  const int target = ctx.targets.by_category[c];
  if (target > 0) {
    const double before = now.category[c];
    const double after =
        std::min<double>(tallies_.category_minutes[c] + use.minutes, target) / target;
    gain += ctx.weights[c] * (after - before);
    if (ctx.weights[c] > 0 && after != before) {
      double least = 1;
      for (int k = 0; k < kCategoryCount; ++k) {
        if (ctx.weights[k] > 0) least = std::min(least, k == c ? after : now.category[k]);
      }
      gain += w(ScoreTerm::kMix) * (least - now.least);
    }
  }
  // Muscle balance: only the muscles the item trains or stretches.
  const auto balance = [&](const auto& muscles, const auto& uses, double saturation) {
    double sum = 0;
    for (Muscle m : muscles) {
      const int i = static_cast<int>(m);
      const double add =
          ((x.primary >> i) & 1u) + ((x.secondary >> i) & 1u) * o.secondary_muscle_credit;
      if (add == 0) continue;
      sum += (std::min(uses[i] + add, saturation) - std::min(uses[i], saturation)) / saturation;
    }
    return sum / static_cast<double>(muscles.size());
  };
  int hard_windows = tallies_.hard_windows;
  if (x.category == Category::kStrength) {
    gain += w(ScoreTerm::kStrengthBalance) *
            balance(kStrengthBalanceMuscles, tallies_.strength_uses, o.strength_use_saturation);
    if (strength_count_[d] == 0 && tallies_.strength_days < o.strength_days_saturation) {
      gain += w(ScoreTerm::kStrengthDays) / o.strength_days_saturation;
    }
  } else if (x.category == Category::kFlexibility) {
    gain += w(ScoreTerm::kStretchBalance) *
            balance(kStretchBalanceMuscles, tallies_.stretch_uses, o.stretch_use_saturation);
  }
  if (use_days_[use.exercise] == 0) {
    if (tallies_.distinct < o.variety_saturation) {
      gain += w(ScoreTerm::kVariety) / o.variety_saturation;
    }
    if (ctx.preferred[use.exercise] && ctx.preferred_count > 0) {
      gain += w(ScoreTerm::kPreference) / ctx.preferred_count;
    }
  }
  if (MakesDayHard(x) && hard_count_[d] == 0) hard_windows = HardWindows(hard_days_ | (1u << d));
  const double balance_points = now.weights > 0 ? 100.0 * (now.weighted + gain) / now.weights : 0;
  return balance_points - o.caution_penalty * (tallies_.caution_uses + ctx.caution[use.exercise]) -
         o.window_penalty * hard_windows -
         o.minute_penalty * (tallies_.total_minutes + use.minutes);
}

double WeekState::ScoreIfSessionMoved(int from, int to) const {
  ScoreTallies moved = tallies_;
  if (hard_count_[from] > 0) {
    moved.hard_windows = HardWindows((hard_days_ & ~(1u << from)) | (1u << to));
  }
  return ScoreOf(moved, *ctx_, *options_).score;
}

bool WeekState::StructureHoldsIfAdded(int d, const Use& use) const {
  SessionShape shape = ShapeOf(d);
  if (use.phase == Phase::kWarmup) shape.warmup_minutes += use.minutes;
  if (use.phase == Phase::kMain) ++shape.main_items;
  if (use.phase == Phase::kCooldown) shape.cooldown_minutes += use.minutes;
  shape.cooldown_stretches += IsCooldownStretch(c_->exercises[use.exercise], use.phase);
  return SessionShapeHolds(shape, *options_);
}

}  // namespace backbalance::internal
