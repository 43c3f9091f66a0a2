#include "solver/search_week.h"

#include <algorithm>

namespace backbalance::internal {
int SearchWeek::TrainingDays() const {
  int n = 0;
  for (const auto& day : days) n += !day.empty();
  return n;
}

int SearchWeek::DayMinutes(int d) const {
  int minutes = 0;
  for (const Use& u : days[d]) minutes += u.minutes;
  return minutes;
}

int SearchWeek::TotalMinutes() const {
  int minutes = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) minutes += DayMinutes(d);
  return minutes;
}

void SearchWeek::Insert(int d, const Use& use) {
  auto& day = days[d];
  auto at = std::find_if(day.begin(), day.end(),
                         [&](const Use& u) { return int(u.phase) > int(use.phase); });
  day.insert(at, use);
}

bool CrossDayRulesHold(const SearchWeek& week, const CompiledCatalog& catalog, bool check_recovery,
                       bool check_impact, int from_day, int max_high_days) {
  // H5 as masks: the muscles each day trains and those still resting from the days
  // before, kept apart by whether the resting day happened (RecoveryClash is the same
  // rule between two uses, for the judge's messages).
  std::array<MuscleMask, kDaysPerWeek> trained{}, resting_after_happened{}, resting{};
  std::array<bool, kDaysPerWeek> jarring{};
  int high_days = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    bool high = false;
    for (const Use& u : week.days[d]) {
      const CompiledExercise& x = catalog.exercises[u.exercise];
      if (x.category == Category::kStrength) {
        trained[d] |= x.primary;
        auto& blocks = d < from_day ? resting_after_happened : resting;
        for (int k = 1; k <= x.recovery_days; ++k) blocks[(d + k) % kDaysPerWeek] |= x.primary;
      }
      jarring[d] = jarring[d] || Jarring(x.impact);
      high = high || x.impact == Impact::kHigh;
    }
    high_days += high;
  }
  if (check_impact && high_days > max_high_days) return false;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    const bool happened = d < from_day;
    if (check_recovery &&
        (trained[d] & (resting[d] | (happened ? 0 : resting_after_happened[d])))) {
      return false;
    }
    const int next = (d + 1) % kDaysPerWeek;
    if (check_impact && jarring[d] && jarring[next] && !(happened && next < from_day)) {
      return false;
    }
  }
  return true;
}

bool WeekRules::DayValid(const SearchWeek& week, int d) const {
  const auto& day = week.days[d];
  if (day.empty() || Happened(ctx_, d)) return true;  // what happened is not judged alone
  SessionShape shape;
  int latest = 0;
  int total = 0;
  for (std::size_t i = 0; i < day.size(); ++i) {
    const Use& u = day[i];
    const CompiledExercise& x = compiled_.exercises[u.exercise];
    if (!ctx_.eligible[u.exercise]) return false;             // H1
    if (!DurationValid(u.exercise, u.minutes)) return false;  // H9
    const int p = static_cast<int>(u.phase);
    if (!(x.phases & PhaseBit(u.phase))) return false;  // H4
    if (p < latest) return false;
    latest = p;
    for (std::size_t j = 0; j < i; ++j) {
      if (day[j].exercise == u.exercise) return false;
    }
    if (u.phase == Phase::kWarmup) shape.warmup_minutes += u.minutes;
    if (u.phase == Phase::kMain) ++shape.main_items;
    if (u.phase == Phase::kCooldown) shape.cooldown_minutes += u.minutes;
    shape.cooldown_stretches += IsCooldownStretch(x, u.phase);
    total += u.minutes;
  }
  return total <= ctx_.availability[d] && SessionShapeHolds(shape, options_);  // H2, H4
}

bool PinsHold(const SearchWeek& week, const WeekContext& ctx) {
  if (ctx.refer) return true;  // no plan: H10, like H3, does not apply
  for (const PinnedUse& pin : ctx.pins) {
    if (Happened(ctx, pin.day)) continue;  // H10 on the remaining days only
    const auto& day = week.days[pin.day];
    if (std::none_of(day.begin(), day.end(), [&pin](const Use& u) {
          return PinHeldBy(pin, u.exercise, u.phase, u.minutes);
        })) {
      return false;
    }
  }
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (IsTrainDay(ctx, d) && !Happened(ctx, d) && week.days[d].empty()) return false;
  }
  return true;
}

bool WeekRules::WeekRulesHold(const SearchWeek& week) const {
  if (!PinsHold(week, ctx_)) return false;  // H10
  const int days = week.TrainingDays();
  const int min_days = ctx_.refer ? 0 : ctx_.targets.min_training_days;
  if (days < min_days || days > MaxTrainingDays(ctx_)) return false;  // H3
  if (week.TotalMinutes() > VolumeLimit(ctx_)) return false;          // H8

  if (!CrossDayRulesHold(week, compiled_, true, true, ctx_.from_day, MaxHighImpactDays(ctx_))) {
    return false;  // H5, H6
  }

  // H7: distinct days per exercise. Weeks are small, so count by scanning.
  for (int d = 0; d < kDaysPerWeek; ++d) {
    for (const Use& u : week.days[d]) {
      int used_days = 0;
      bool first_here = true;
      for (int d2 = 0; d2 < kDaysPerWeek; ++d2) {
        for (const Use& v : week.days[d2]) {
          if (v.exercise == u.exercise) {
            ++used_days;
            if (d2 < d) first_here = false;
            break;
          }
        }
      }
      if (first_here && used_days > MaxDaysOf(ctx_, compiled_.exercises[u.exercise], u.exercise)) {
        return false;
      }
    }
  }
  return true;
}

bool WeekRules::ValidAfterChangeOn(const SearchWeek& week, int day) const {
  return DayValid(week, day) && WeekRulesHold(week);
}

bool WeekRules::Valid(const SearchWeek& week) const {
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (!DayValid(week, d)) return false;
  }
  return WeekRulesHold(week);
}

double WeekRules::Score(const SearchWeek& week) const {
  return Breakdown(week, week.TotalMinutes()).score;
}

ScoreBreakdown WeekRules::Breakdown(const SearchWeek& week, int total_minutes) const {
  ScoreTallies tallies;
  tallies.total_minutes = total_minutes;
  // Distinct items: weeks hold few items, so a small list beats a hash set.
  std::vector<int> distinct;
  unsigned hard = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    bool strength_today = false;
    for (const Use& u : week.days[d]) {
      const CompiledExercise& x = compiled_.exercises[u.exercise];
      tallies.AddUse(x, u.minutes, +1, options_);
      tallies.caution_uses += ctx_.caution[u.exercise];
      if (std::find(distinct.begin(), distinct.end(), u.exercise) == distinct.end()) {
        distinct.push_back(u.exercise);
        tallies.preferred_used += ctx_.preferred[u.exercise];
      }
      strength_today = strength_today || x.category == Category::kStrength;
      if (MakesDayHard(x)) hard |= 1u << d;
    }
    tallies.strength_days += strength_today;
  }
  tallies.distinct = static_cast<int>(distinct.size());
  tallies.hard_windows = HardWindows(hard);
  return ScoreOf(tallies, ctx_, options_);
}

}  // namespace backbalance::internal
