#include "solver/search_week.h"

#include <algorithm>

namespace backbalance::internal {
namespace {

constexpr std::array<Muscle, 7> kStrengthBalanceMuscles = {
    Muscle::kCore,   Muscle::kObliques,     Muscle::kLowerBack, Muscle::kUpperBack,
    Muscle::kGlutes, Muscle::kHipAbductors, Muscle::kQuadriceps};
constexpr std::array<Muscle, 5> kStretchBalanceMuscles = {
    Muscle::kHamstrings, Muscle::kHipFlexors, Muscle::kLowerBack, Muscle::kGlutes,
    Muscle::kCalves};

}  // namespace

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

bool WeekRules::DurationValid(int exercise, int minutes) const {
  const CompiledExercise& e = compiled_.exercises[exercise];
  if (e.category != Category::kAerobic) return minutes == e.minutes;
  return minutes >= e.min_minutes && minutes <= ctx_.max_minutes[exercise] &&
         minutes % options_.aerobic_minutes_step == 0;
}

bool WeekRules::DayValid(const SearchWeek& week, int d) const {
  const auto& day = week.days[d];
  if (day.empty()) return true;
  int phase_minutes[3] = {0, 0, 0};
  int mains = 0;
  int latest = 0;
  int total = 0;
  for (std::size_t i = 0; i < day.size(); ++i) {
    const Use& u = day[i];
    if (!ctx_.eligible[u.exercise]) return false;                          // H1
    if (!DurationValid(u.exercise, u.minutes)) return false;               // H9
    const int p = static_cast<int>(u.phase);
    if (!(compiled_.exercises[u.exercise].phases & PhaseBit(u.phase))) return false;  // H4
    if (p < latest) return false;
    latest = p;
    for (std::size_t j = 0; j < i; ++j) {
      if (day[j].exercise == u.exercise) return false;
    }
    phase_minutes[p] += u.minutes;
    mains += u.phase == Phase::kMain;
    total += u.minutes;
  }
  return total <= ctx_.availability[d] &&                                  // H2
         phase_minutes[int(Phase::kWarmup)] >= options_.min_warmup_minutes &&
         phase_minutes[int(Phase::kCooldown)] >= options_.min_cooldown_minutes && mains > 0;
}

bool WeekRules::WeekRulesHold(const SearchWeek& week) const {
  const int days = week.TrainingDays();
  const int min_days = ctx_.refer ? 0 : ctx_.targets.min_training_days;
  if (days < min_days || days > ctx_.targets.max_training_days) return false;  // H3
  if (week.TotalMinutes() > ctx_.targets.volume_cap) return false;             // H8

  // H5: per day, the muscles still recovering from earlier days' strength items.
  std::array<MuscleMask, kDaysPerWeek> trained{};   // strength primary muscles per day
  std::array<MuscleMask, kDaysPerWeek> blocked{};   // muscles that may not be trained
  std::array<bool, kDaysPerWeek> jarring{};
  int high_days = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    bool high = false;
    for (const Use& u : week.days[d]) {
      const CompiledExercise& e = compiled_.exercises[u.exercise];
      if (e.category == Category::kStrength) {
        trained[d] |= e.primary;
        for (int k = 1; k <= e.recovery_days; ++k) {
          blocked[(d + k) % kDaysPerWeek] |= e.primary;
        }
      }
      jarring[d] = jarring[d] || e.impact != Impact::kLow;
      high = high || e.impact == Impact::kHigh;
    }
    high_days += high;
  }
  if (high_days > 2) return false;  // H6
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (trained[d] & blocked[d]) return false;                         // H5
    if (jarring[d] && jarring[(d + 1) % kDaysPerWeek]) return false;  // H6
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
      if (first_here && used_days > compiled_.exercises[u.exercise].max_per_week) return false;
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
  std::array<bool, kDaysPerWeek> training{};
  for (int d = 0; d < kDaysPerWeek; ++d) training[d] = week.Training(d);
  return Breakdown(week, training, week.TotalMinutes()).score;
}

ScoreBreakdown WeekRules::Breakdown(const SearchWeek& week,
                                    const std::array<bool, kDaysPerWeek>& training,
                                    int total_minutes) const {
  std::array<double, kCategoryCount> category_minutes{};
  std::array<double, kMuscleCount> strength_uses{};
  std::array<double, kMuscleCount> stretch_uses{};
  int strength_days = 0;
  int caution_uses = 0;
  // Distinct items: weeks hold few items, so a small sorted list beats a hash set.
  std::array<int, 64> distinct_buffer;
  std::vector<int> distinct_overflow;
  int distinct_count = 0;
  int preferred_used = 0;
  const auto note_distinct = [&](int e) {
    for (int i = 0; i < std::min(distinct_count, 64); ++i) {
      if (distinct_buffer[i] == e) return;
    }
    if (std::find(distinct_overflow.begin(), distinct_overflow.end(), e) !=
        distinct_overflow.end()) {
      return;
    }
    if (distinct_count < 64) {
      distinct_buffer[distinct_count] = e;
    } else {
      distinct_overflow.push_back(e);
    }
    ++distinct_count;
    preferred_used += ctx_.preferred[e];
  };
  const double secondary = options_.secondary_muscle_credit;
  for (const auto& day : week.days) {
    bool strength_today = false;
    for (const Use& u : day) {
      const CompiledExercise& e = compiled_.exercises[u.exercise];
      category_minutes[int(e.category)] += u.minutes;
      caution_uses += ctx_.caution[u.exercise];
      note_distinct(u.exercise);
      if (e.category == Category::kStrength || e.category == Category::kFlexibility) {
        auto& uses = e.category == Category::kStrength ? strength_uses : stretch_uses;
        for (int m = 0; m < kMuscleCount; ++m) {
          if (e.primary & (1u << m)) uses[m] += 1.0;
          if (e.secondary & (1u << m)) uses[m] += secondary;
        }
      }
      strength_today = strength_today || e.category == Category::kStrength;
    }
    strength_days += strength_today;
  }
  ScoreBreakdown result;
  ScoreTerms& t = result.terms;
  for (int c = 0; c < kCategoryCount; ++c) {
    const int target = ctx_.targets.by_category[c];
    t[c] = target > 0 ? std::min<double>(category_minutes[c], target) / target : 0;
  }
  t[int(ScoreTerm::kStrengthDays)] =
      static_cast<double>(std::min(strength_days, options_.strength_days_saturation)) /
      options_.strength_days_saturation;
  double sum = 0;
  for (Muscle m : kStrengthBalanceMuscles) {
    sum += std::min(strength_uses[int(m)], options_.strength_use_saturation) /
           options_.strength_use_saturation;
  }
  t[int(ScoreTerm::kStrengthBalance)] = sum / kStrengthBalanceMuscles.size();
  sum = 0;
  for (Muscle m : kStretchBalanceMuscles) {
    sum += std::min(stretch_uses[int(m)], options_.stretch_use_saturation) /
           options_.stretch_use_saturation;
  }
  t[int(ScoreTerm::kStretchBalance)] = sum / kStretchBalanceMuscles.size();
  t[int(ScoreTerm::kVariety)] =
      static_cast<double>(std::min(distinct_count, options_.variety_saturation)) /
      options_.variety_saturation;
  t[int(ScoreTerm::kPreference)] =
      ctx_.preferred_count > 0 ? static_cast<double>(preferred_used) / ctx_.preferred_count : 0;
  double weighted = 0, weights = 0;
  for (int i = 0; i < kScoreTermCount; ++i) {
    weighted += ctx_.weights[i] * t[i];
    weights += ctx_.weights[i];
  }
  int windows = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    windows += training[d] && training[(d + 1) % kDaysPerWeek] &&
               training[(d + 2) % kDaysPerWeek];
  }
  result.penalties.caution = options_.caution_penalty * caution_uses;
  result.penalties.windows = options_.window_penalty * windows;
  result.penalties.minutes = options_.minute_penalty * total_minutes;
  const double balance = weights > 0 ? 100.0 * weighted / weights : 0.0;
  result.score = balance - result.penalties.caution - result.penalties.windows -
                 result.penalties.minutes;
  return result;
}

}  // namespace backbalance::internal
