#include "solver/week_state.h"

#include <algorithm>

namespace backbalance::internal {
namespace {

constexpr std::array<Muscle, 7> kStrengthBalanceMuscles = {
    Muscle::kCore,   Muscle::kObliques,     Muscle::kLowerBack, Muscle::kUpperBack,
    Muscle::kGlutes, Muscle::kHipAbductors, Muscle::kQuadriceps};
constexpr std::array<Muscle, 5> kStretchBalanceMuscles = {
    Muscle::kHamstrings, Muscle::kHipFlexors, Muscle::kLowerBack, Muscle::kGlutes, Muscle::kCalves};

int Next(int d, int k = 1) { return (d + k) % kDaysPerWeek; }

}  // namespace

WeekState::WeekState(const WeekRules& rules)
    : rules_(&rules),
      c_(&rules.compiled()),
      ctx_(&rules.context()),
      options_(&rules.options()),
      use_days_(rules.compiled().exercises.size(), 0),
      in_day_(rules.compiled().exercises.size() * kDaysPerWeek, 0) {
  for (double w : ctx_->weights) weight_sum_ += w;
}

void WeekState::Load(const SearchWeek& week) {
  *this = WeekState(*rules_);
  for (int d = 0; d < kDaysPerWeek; ++d) {
    for (const Use& u : week.days[d]) Add(d, u);
  }
}

int WeekState::CountWindows() const {
  int windows = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    windows +=
        !week_.days[d].empty() && !week_.days[Next(d)].empty() && !week_.days[Next(d, 2)].empty();
  }
  return windows;
}

bool WeekState::CanAdd(int d, const Use& use, bool opening) const {
  const int e = use.exercise;
  const CompiledExercise& x = c_->exercises[e];
  if (!ctx_->eligible[e] || !(x.phases & PhaseBit(use.phase))) return false;  // H1, H4
  if (week_.days[d].empty() && !opening) return false;
  if (InDay(d, e)) return false;                                              // H4
  if (!rules_->DurationValid(e, use.minutes)) return false;                   // H9
  if (day_minutes_[d] + use.minutes > ctx_->availability[d]) return false;    // H2
  if (total_minutes_ + use.minutes > ctx_->targets.volume_cap) return false;  // H8
  if (use_days_[e] >= x.max_per_week) return false;                           // H7
  if (week_.days[d].empty() && training_days_ >= ctx_->targets.max_training_days) {
    return false;  // H3
  }
  if (x.impact != Impact::kLow && jarring_count_[d] == 0 &&  // H6
      (jarring_count_[Next(d, kDaysPerWeek - 1)] > 0 || jarring_count_[Next(d)] > 0)) {
    return false;
  }
  if (x.impact == Impact::kHigh && high_count_[d] == 0) {
    int high_days = 0;
    for (int k = 0; k < kDaysPerWeek; ++k) high_days += high_count_[k] > 0;
    if (high_days >= 2) return false;
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

bool WeekState::DayStructureHolds(int d) const {
  if (week_.days[d].empty()) return true;
  return phase_minutes_[d][int(Phase::kWarmup)] >= options_->min_warmup_minutes &&
         phase_minutes_[d][int(Phase::kCooldown)] >= options_->min_cooldown_minutes &&
         main_count_[d] > 0;
}

bool WeekState::CanRemove(int d, std::size_t index) const {
  const auto& day = week_.days[d];
  const Use& u = day[index];
  if (day.size() == 1) {
    const int min_days = ctx_->refer ? 0 : ctx_->targets.min_training_days;
    return training_days_ - 1 >= min_days;
  }
  const int p = static_cast<int>(u.phase);
  if (u.phase == Phase::kMain) return main_count_[d] > 1;
  const int need =
      u.phase == Phase::kWarmup ? options_->min_warmup_minutes : options_->min_cooldown_minutes;
  return phase_minutes_[d][p] - u.minutes >= need;
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

void WeekState::Apply(int d, const Use& use, int sign) {
  const int e = use.exercise;
  const CompiledExercise& x = c_->exercises[e];
  const bool opened = sign > 0 && week_.days[d].size() == 1;
  const bool closed = sign < 0 && week_.days[d].empty();
  training_days_ += opened - closed;
  if (opened || closed) windows_ = CountWindows();
  in_day_[static_cast<std::size_t>(d) * use_days_.size() + e] = sign > 0;
  day_minutes_[d] += sign * use.minutes;
  phase_minutes_[d][int(use.phase)] += sign * use.minutes;
  main_count_[d] += sign * (use.phase == Phase::kMain);
  total_minutes_ += sign * use.minutes;
  category_minutes_[int(x.category)] += sign * use.minutes;
  caution_uses_ += sign * ctx_->caution[e];
  if (sign > 0 && use_days_[e]++ == 0) {
    ++distinct_;
    preferred_used_ += ctx_->preferred[e];
  }
  if (sign < 0 && --use_days_[e] == 0) {
    --distinct_;
    preferred_used_ -= ctx_->preferred[e];
  }
  if (x.impact != Impact::kLow) jarring_count_[d] += sign;
  if (x.impact == Impact::kHigh) high_count_[d] += sign;
  const double secondary = options_->secondary_muscle_credit;
  if (x.category == Category::kStrength || x.category == Category::kFlexibility) {
    auto& uses = x.category == Category::kStrength ? strength_uses_ : stretch_uses_;
    for (int m = 0; m < kMuscleCount; ++m) {
      if (x.primary & (1u << m)) uses[m] += sign;
      if (x.secondary & (1u << m)) uses[m] += sign * secondary;
    }
  }
  if (x.category == Category::kStrength) {
    strength_days_ += (sign > 0 && strength_count_[d] == 0) - (sign < 0 && strength_count_[d] == 1);
    strength_count_[d] += sign;
    for (int m = 0; m < kMuscleCount; ++m) {
      if (!(x.primary & (1u << m))) continue;
      trained_[d][m] += sign;
      for (int k = 1; k <= x.recovery_days; ++k) blocked_[Next(d, k)][m] += sign;
    }
  }
}

double WeekState::ScoreIfAdded(int d, const Use& use) const {
  const CompiledExercise& x = c_->exercises[use.exercise];
  PendingUse pending;
  pending.category = static_cast<int>(x.category);
  pending.minutes = use.minutes;
  pending.primary = x.primary;
  pending.secondary = x.secondary;
  pending.new_strength_day = x.category == Category::kStrength && strength_count_[d] == 0;
  pending.new_item = use_days_[use.exercise] == 0;
  pending.preferred = pending.new_item && ctx_->preferred[use.exercise];
  pending.caution = ctx_->caution[use.exercise];
  return ScoreWith(pending);
}

bool WeekState::StructureHoldsIfAdded(int d, const Use& use) const {
  const auto& phase = phase_minutes_[d];
  const auto minutes = [&](Phase p) { return phase[int(p)] + (use.phase == p ? use.minutes : 0); };
  return minutes(Phase::kWarmup) >= options_->min_warmup_minutes &&
         minutes(Phase::kCooldown) >= options_->min_cooldown_minutes &&
         main_count_[d] + (use.phase == Phase::kMain) > 0;
}

// One formula for Score() and ScoreIfAdded(): the same sums in the same order, so a
// move scored before it is made scores the same after.
double WeekState::ScoreWith(const PendingUse& pending) const {
  double weighted = 0;
  const auto term = [&](int i, double value) { weighted += ctx_->weights[i] * value; };
  for (int c = 0; c < kCategoryCount; ++c) {
    const int target = ctx_->targets.by_category[c];
    const double minutes = category_minutes_[c] + (c == pending.category ? pending.minutes : 0);
    term(c, target > 0 ? std::min<double>(minutes, target) / target : 0);
  }
  const int strength_days = strength_days_ + pending.new_strength_day;
  term(int(ScoreTerm::kStrengthDays),
       static_cast<double>(std::min(strength_days, options_->strength_days_saturation)) /
           options_->strength_days_saturation);
  const double secondary = options_->secondary_muscle_credit;
  const auto uses = [&](const std::array<double, kMuscleCount>& tally, Category category,
                        Muscle m) {
    double value = tally[int(m)];
    if (pending.category == int(category)) {
      if (pending.primary & MuscleBit(m)) value += 1;
      if (pending.secondary & MuscleBit(m)) value += secondary;
    }
    return value;
  };
  double sum = 0;
  for (Muscle m : kStrengthBalanceMuscles) {
    sum +=
        std::min(uses(strength_uses_, Category::kStrength, m), options_->strength_use_saturation) /
        options_->strength_use_saturation;
  }
  term(int(ScoreTerm::kStrengthBalance), sum / kStrengthBalanceMuscles.size());
  sum = 0;
  for (Muscle m : kStretchBalanceMuscles) {
    sum +=
        std::min(uses(stretch_uses_, Category::kFlexibility, m), options_->stretch_use_saturation) /
        options_->stretch_use_saturation;
  }
  term(int(ScoreTerm::kStretchBalance), sum / kStretchBalanceMuscles.size());
  term(int(ScoreTerm::kVariety),
       static_cast<double>(std::min(distinct_ + pending.new_item, options_->variety_saturation)) /
           options_->variety_saturation);
  term(int(ScoreTerm::kPreference),
       ctx_->preferred_count > 0
           ? static_cast<double>(preferred_used_ + pending.preferred) / ctx_->preferred_count
           : 0);
  const int windows = windows_;
  const double balance = weight_sum_ > 0 ? 100.0 * weighted / weight_sum_ : 0.0;
  const int total_minutes = total_minutes_ + static_cast<int>(pending.minutes);
  return balance - options_->caution_penalty * (caution_uses_ + pending.caution) -
         options_->window_penalty * windows - options_->minute_penalty * total_minutes;
}

}  // namespace backbalance::internal
