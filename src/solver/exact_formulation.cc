#include "solver/exact_formulation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace backbalance::internal {

// The score's muscle sets (kStrengthBalanceMuscles, kStretchBalanceMuscles), the hard-day
// and H6 predicates and the durations come from solver/model_rules.h.

void ExactFormulation::Build() {
  hard_.fill(-1);
  category_.fill(-1);
  AddUseColumns();
  AddHardConstraints();
  AddPins();
  AddScore();
  if (target_ != nullptr) AddDistance();
}

// H10: a pin's exercise on its day, in its phase and for its minutes where given (the
// columns of the other phases and durations are held at 0 by the once-a-day rows); a
// train day trains.
void ExactFormulation::AddPins() {
  if (ctx_.refer) return;
  const int step = o_.aerobic_minutes_step;
  for (const PinnedUse& pin : ctx_.pins) {
    Linear held;
    for (int p = 0; p < kPhases; ++p) {
      if (pin.phase && static_cast<int>(*pin.phase) != p) continue;
      const UseColumns& u = At(pin.day, pin.exercise, p);
      if (u.x < 0) continue;
      if (pin.minutes) {
        if (u.k < 0) {
          if (u.minutes != *pin.minutes) continue;
        } else {
          if (*pin.minutes % step != 0) continue;
          Linear fixed;  // k = minutes / step when x
          fixed.Add(u.k, 1);
          fixed.Add(u.x, -(*pin.minutes / step));
          milp_.AddRow(fixed, 0, 0);
        }
      }
      held.Add(u.x, 1);
    }
    milp_.AddRow(held, 1, 1);  // no column: an empty row, infeasible as it should be
  }
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (!IsTrainDay(ctx_, d)) continue;
    Linear trains;
    trains.Add(t_[d], 1);
    milp_.AddGreaterEqual(trains, 1);
  }
}

double ExactFormulation::DistanceWeight() const {
  // A valid week scores at most 100 and loses at most the caution penalty per use (a use
  // takes a minute at least), 7 windows and the minute penalty of the volume cap.
  const int cap = std::max(0, ctx_.targets.volume_cap);
  const int most_uses = std::min(cap, kDaysPerWeek * n_);
  return 100.0 + std::abs(o_.caution_penalty) * most_uses +
         std::abs(o_.window_penalty) * kDaysPerWeek + std::abs(o_.minute_penalty) * cap + 1.0;
}

// Repair: + weight per use matching one of its group's exactly (z), - weight per use of a
// (day, exercise) outside every group; the distance is the groups' counts less the
// matches plus those uses.
void ExactFormulation::AddDistance() {
  const double weight = DistanceWeight();
  const int step = o_.aerobic_minutes_step;
  std::vector<uint8_t> grouped(static_cast<std::size_t>(kDaysPerWeek) * n_, 0);
  for (const DistanceTarget::Group& g : target_->groups) {
    grouped[static_cast<std::size_t>(g.day) * n_ + g.exercise] = 1;
    for (int p = 0; p < kPhases; ++p) {
      const UseColumns& u = At(g.day, g.exercise, p);
      if (u.x < 0) continue;
      std::vector<int> seen;
      for (const auto& [phase, minutes] : g.uses) {
        if (static_cast<int>(phase) != p) continue;
        if (std::find(seen.begin(), seen.end(), minutes) != seen.end()) continue;
        seen.push_back(minutes);
        if (u.k < 0) {
          if (minutes != u.minutes) continue;
          milp_.AddObjective(u.x, weight);  // a fixed duration: the use matches
          continue;
        }
        if (minutes % step != 0) continue;
        const int z = milp_.AddBinary(weight);
        Linear on;  // z <= x
        on.Add(z, 1);
        on.Add(u.x, -1);
        milp_.AddLessEqual(on, 0);
        // z -> k = minutes / step: |k - minutes/step| <= big (1 - z).
        const double big = 1000.0;
        Linear above;  // k - m/step <= big (1 - z)
        above.Add(u.k, 1);
        above.Add(z, big);
        milp_.AddLessEqual(above, minutes / step + big);
        Linear below;  // k - m/step >= -big (1 - z)
        below.Add(u.k, 1);
        below.Add(z, -big);
        milp_.AddGreaterEqual(below, minutes / step - big);
      }
    }
  }
  for (int d = 0; d < kDaysPerWeek; ++d) {
    for (int e = 0; e < n_; ++e) {
      if (grouped[static_cast<std::size_t>(d) * n_ + e]) continue;
      for (int p = 0; p < kPhases; ++p) {
        if (At(d, e, p).x >= 0) milp_.AddObjective(At(d, e, p).x, -weight);
      }
    }
  }
}

double ExactFormulation::DistanceObjective(const SearchWeek& week) const {
  if (target_ == nullptr) return 0;
  int counts = 0;
  for (const DistanceTarget::Group& g : target_->groups) counts += g.count;
  // objective = weight x (matches - uses outside the groups) = weight x (counts - distance)
  return DistanceWeight() * (counts - target_->DistanceOf(week));
}

void ExactFormulation::AddUseColumns() {
  const int step = o_.aerobic_minutes_step;
  for (int d = 0; d < kDaysPerWeek; ++d) t_[d] = milp_.AddBinary();
  for (int d = 0; d < kDaysPerWeek; ++d) {
    const int available = ctx_.availability[d];  // H2: the session cap included
    for (int e = 0; e < n_; ++e) {
      if (!ctx_.eligible[e]) continue;  // H1
      const CompiledExercise& x = c_.exercises[e];
      // H9: the durations a use may take (aerobic: step multiples in [min, the person's
      // max]; an aerobic item whose range is empty is never used).
      const DurationRange range = DurationsOf(x, ctx_.max_minutes[e], o_);
      if (range.Empty() || range.least > available) continue;  // H2 for a single use
      for (int p = 0; p < kPhases; ++p) {
        if (!(x.phases & PhaseBit(static_cast<Phase>(p)))) continue;  // H4: allowed phase
        // H4: a warm-up use alone may not pass the warm-up's maximum.
        int most = std::min(range.most, available);
        if (p == static_cast<int>(Phase::kWarmup)) most = std::min(most, o_.max_warmup_minutes);
        if (range.least > most) continue;
        UseColumns& u = At(d, e, p);
        u.x = milp_.AddBinary();
        if (!range.fixed) {
          const int k_low = range.least / step;
          const int k_high = most / step;
          u.k = milp_.AddColumn(0, k_high, 0, /*integer=*/true);
          Linear lower;  // k >= k_low x
          lower.Add(u.k, 1);
          lower.Add(u.x, -k_low);
          milp_.AddGreaterEqual(lower, 0);
          Linear upper;  // k <= k_high x
          upper.Add(u.k, 1);
          upper.Add(u.x, -k_high);
          milp_.AddLessEqual(upper, 0);
        } else {
          u.minutes = range.least;
        }
      }
    }
  }
}

void ExactFormulation::AddHardConstraints() {
  const auto next = [](int d, int k) { return (d + k) % kDaysPerWeek; };
  Linear total_minutes, training_days;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    Linear day_items, day_minutes, mains;
    std::array<Linear, kPhases> phase_minutes;
    for (int e = 0; e < n_; ++e) {
      if (!Has(d, e)) continue;
      const Linear y = Used(d, e);
      if (y.terms.size() > 1) milp_.AddLessEqual(y, 1);  // H4: once a day
      for (int p = 0; p < kPhases; ++p) {
        const int x = At(d, e, p).x;
        if (x < 0) continue;
        Linear on_training_day;  // x <= t
        on_training_day.Add(x, 1);
        on_training_day.Add(t_[d], -1);
        milp_.AddLessEqual(on_training_day, 0);
        day_items.Add(x, 1);
        if (p == static_cast<int>(Phase::kMain)) mains.Add(x, 1);
        const Linear m = Minutes(d, e, p);
        phase_minutes[p].Add(m);
        day_minutes.Add(m);
      }
    }
    // A training day holds items (t <= sum x) and they fit its time (H2).
    Linear has_items = day_items;
    has_items.Add(t_[d], -1);
    milp_.AddGreaterEqual(has_items, 0);
    Linear fits = day_minutes;
    fits.Add(t_[d], -ctx_.availability[d]);
    milp_.AddLessEqual(fits, 0);
    // H4: warm-up minutes in [min, max] and cool-down minutes at least the minimum on a
    // training day (none on a rest day: every x <= t), a stretch in the cool-down, a
    // main item.
    const std::array<std::pair<Phase, int>, 2> needs = {
        std::pair{Phase::kWarmup, o_.min_warmup_minutes},
        std::pair{Phase::kCooldown, o_.min_cooldown_minutes}};
    for (const auto& [phase, need] : needs) {
      if (need <= 0) continue;
      Linear enough = phase_minutes[static_cast<int>(phase)];
      enough.Add(t_[d], -need);
      milp_.AddGreaterEqual(enough, 0);
    }
    Linear warmup_bound = phase_minutes[static_cast<int>(Phase::kWarmup)];
    warmup_bound.Add(t_[d], -o_.max_warmup_minutes);
    milp_.AddLessEqual(warmup_bound, 0);
    Linear stretch;
    for (int e = 0; e < n_; ++e) {
      const int x = At(d, e, static_cast<int>(Phase::kCooldown)).x;
      if (x >= 0 && IsCooldownStretch(c_.exercises[e], Phase::kCooldown)) stretch.Add(x, 1);
    }
    stretch.Add(t_[d], -1);
    milp_.AddGreaterEqual(stretch, 0);
    Linear has_main = mains;
    has_main.Add(t_[d], -1);
    milp_.AddGreaterEqual(has_main, 0);
    total_minutes.Add(day_minutes);
    training_days.Add(t_[d], 1);
  }
  // H3, H8.
  const int min_days = ctx_.refer ? 0 : ctx_.targets.min_training_days;
  milp_.AddRow(training_days, min_days, ctx_.targets.max_training_days);
  milp_.AddLessEqual(total_minutes, ctx_.targets.volume_cap);

  // H5: s[d][m] >= use of any strength item with primary m on d; a strength item with
  // recovery r on d excludes s[d+k][m] for k = 1..r and each of its primary muscles m.
  MuscleMask recovering = 0;  // muscles some item blocks
  for (int e = 0; e < n_; ++e) {
    const CompiledExercise& x = c_.exercises[e];
    if (ctx_.eligible[e] && x.category == Category::kStrength && x.recovery_days > 0) {
      recovering |= x.primary;
    }
  }
  for (int d = 0; d < kDaysPerWeek; ++d) {
    for (int m = 0; m < kMuscleCount; ++m) {
      trained_[d][m] = -1;
      if (!(recovering & (1u << m))) continue;
      Linear users;
      for (int e = 0; e < n_; ++e) {
        const CompiledExercise& x = c_.exercises[e];
        if (x.category != Category::kStrength || !(x.primary & (1u << m)) || !Has(d, e)) {
          continue;
        }
        users.Add(Used(d, e));
      }
      if (users.empty()) continue;
      trained_[d][m] = milp_.AddBinary();
      for (const auto& [x, v] : users.terms) {
        Linear implies;  // x <= s
        implies.Add(x, v);
        implies.Add(trained_[d][m], -1);
        milp_.AddLessEqual(implies, 0);
      }
    }
  }
  for (int d = 0; d < kDaysPerWeek; ++d) {
    for (int e = 0; e < n_; ++e) {
      const CompiledExercise& x = c_.exercises[e];
      if (x.category != Category::kStrength || x.recovery_days <= 0 || !Has(d, e)) continue;
      for (int m = 0; m < kMuscleCount; ++m) {
        if (!(x.primary & (1u << m))) continue;
        for (int k = 1; k <= x.recovery_days; ++k) {
          const int s = trained_[next(d, k)][m];
          if (s < 0) continue;
          Linear rest = Used(d, e);
          rest.Add(s, 1);
          milp_.AddLessEqual(rest, 1);
        }
      }
    }
  }

  // H6: no two consecutive days with a moderate or high item; high items on <= 2 days.
  Linear high_days;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    jarring_[d] = high_[d] = -1;
    for (int e = 0; e < n_; ++e) {
      const Impact impact = c_.exercises[e].impact;
      if (!Jarring(impact) || !Has(d, e)) continue;
      if (jarring_[d] < 0) jarring_[d] = milp_.AddBinary();
      Linear implies = Used(d, e);
      implies.Add(jarring_[d], -1);
      milp_.AddLessEqual(implies, 0);
      if (impact != Impact::kHigh) continue;
      if (high_[d] < 0) {
        high_[d] = milp_.AddBinary();
        high_days.Add(high_[d], 1);
      }
      Linear high_implies = Used(d, e);
      high_implies.Add(high_[d], -1);
      milp_.AddLessEqual(high_implies, 0);
    }
  }
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (jarring_[d] < 0 || jarring_[next(d, 1)] < 0 || next(d, 1) == d) continue;
    Linear apart;
    apart.Add(jarring_[d], 1);
    apart.Add(jarring_[next(d, 1)], 1);
    milp_.AddLessEqual(apart, 1);
  }
  if (static_cast<int>(high_days.terms.size()) > kMaxHighImpactDays) {
    milp_.AddLessEqual(high_days, kMaxHighImpactDays);
  }

  // H7: days per exercise.
  for (int e = 0; e < n_; ++e) {
    Linear days;
    for (int d = 0; d < kDaysPerWeek; ++d) days.Add(Used(d, e));
    int possible = 0;
    for (int d = 0; d < kDaysPerWeek; ++d) possible += Has(d, e);
    if (possible > c_.exercises[e].max_per_week) {
      milp_.AddLessEqual(days, c_.exercises[e].max_per_week);
    }
  }
}

void ExactFormulation::AddScore() {
  double weight_sum = 0;
  for (double w : ctx_.weights) weight_sum += w;
  // 100 x w_i / W per unit of term i; the balance part is 0 when no term has weight.
  const auto scale = [&](ScoreTerm term) {
    return weight_sum > 0 ? 100.0 * ctx_.weights[static_cast<int>(term)] / weight_sum : 0.0;
  };

  // Per-use penalties: caution uses and minutes.
  for (int d = 0; d < kDaysPerWeek; ++d) {
    for (int e = 0; e < n_; ++e) {
      for (int p = 0; p < kPhases; ++p) {
        const UseColumns& u = At(d, e, p);
        if (u.x < 0) continue;
        if (ctx_.caution[e]) milp_.AddObjective(u.x, -o_.caution_penalty);
        for (const auto& [column, minutes] : Minutes(d, e, p).terms) {
          milp_.AddObjective(column, -o_.minute_penalty * minutes);
        }
      }
    }
  }

  // Category minutes: a_c <= M_c, a_c <= T_c; term a_c / T_c.
  for (int c = 0; c < kCategoryCount; ++c) {
    const int target = ctx_.targets.by_category[c];
    const double weight = scale(static_cast<ScoreTerm>(c));
    if (target <= 0 || weight <= 0) continue;
    Linear minutes;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      for (int e = 0; e < n_; ++e) {
        if (static_cast<int>(c_.exercises[e].category) != c) continue;
        for (int p = 0; p < kPhases; ++p) {
          if (At(d, e, p).x >= 0) minutes.Add(Minutes(d, e, p));
        }
      }
    }
    if (minutes.empty()) continue;
    const int a = milp_.AddScoreColumn(target, weight / target, /*integer=*/true);
    category_[c] = a;
    minutes.Add(a, -1);
    milp_.AddGreaterEqual(minutes, 0);
  }

  // Mix: the least of the category terms that weigh, mix <= a_c / T_c for each (a
  // category that weighs but has no usable item holds it at 0).
  if (const double weight = scale(ScoreTerm::kMix); weight > 0) {
    bool none_usable = false;
    for (int c = 0; c < kCategoryCount; ++c) {
      if (ctx_.weights[c] > 0 && category_[c] < 0) none_usable = true;
    }
    const int mix = milp_.AddScoreColumn(none_usable ? 0 : 1, weight, /*integer=*/false);
    for (int c = 0; c < kCategoryCount; ++c) {
      if (ctx_.weights[c] <= 0 || category_[c] < 0) continue;
      Linear below;  // T_c mix <= a_c
      below.Add(mix, ctx_.targets.by_category[c]);
      below.Add(category_[c], -1);
      milp_.AddLessEqual(below, 0);
    }
  }

  // Strength days: sd[d] <= strength uses on d, sum sd <= saturation.
  if (const double weight = scale(ScoreTerm::kStrengthDays); weight > 0) {
    const int saturation = o_.strength_days_saturation;
    Linear days;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      Linear strength;
      for (int e = 0; e < n_; ++e) {
        if (c_.exercises[e].category == Category::kStrength) strength.Add(Used(d, e));
      }
      if (strength.empty()) continue;
      const int sd = milp_.AddScoreColumn(1, weight / saturation, /*integer=*/true);
      strength.Add(sd, -1);
      milp_.AddGreaterEqual(strength, 0);
      days.Add(sd, 1);
    }
    if (static_cast<int>(days.terms.size()) > saturation) milp_.AddLessEqual(days, saturation);
  }

  // Muscle balance: v_m <= u_m (1 per primary use, the secondary credit per secondary
  // use), v_m <= saturation; term mean(v_m / saturation).
  const auto muscle_balance = [&](ScoreTerm term, Category category, auto muscles,
                                  double saturation) {
    const double weight = scale(term);
    if (weight <= 0) return;
    for (Muscle muscle : muscles) {
      const int m = static_cast<int>(muscle);
      Linear uses;
      for (int e = 0; e < n_; ++e) {
        const CompiledExercise& x = c_.exercises[e];
        if (x.category != category) continue;
        // As WeekRules::Breakdown counts: 1 per primary use, the credit per secondary.
        const double credit = MuscleCredit(x, m, o_.secondary_muscle_credit);
        if (credit <= 0) continue;
        for (int d = 0; d < kDaysPerWeek; ++d) uses.Add(Used(d, e), credit);
      }
      if (uses.empty()) continue;
      const int v = milp_.AddScoreColumn(saturation, weight / (muscles.size() * saturation),
                                         /*integer=*/false);
      uses.Add(v, -1);
      milp_.AddGreaterEqual(uses, 0);
    }
  };
  muscle_balance(ScoreTerm::kStrengthBalance, Category::kStrength, kStrengthBalanceMuscles,
                 o_.strength_use_saturation);
  muscle_balance(ScoreTerm::kStretchBalance, Category::kFlexibility, kStretchBalanceMuscles,
                 o_.stretch_use_saturation);

  // Variety and preference: used[e] <= days e is used; V <= sum used, V <= saturation.
  const double variety = scale(ScoreTerm::kVariety);
  const double preference = ctx_.preferred_count > 0 ? scale(ScoreTerm::kPreference) : 0.0;
  if (variety > 0 || preference > 0) {
    Linear distinct;
    for (int e = 0; e < n_; ++e) {
      Linear days;
      for (int d = 0; d < kDaysPerWeek; ++d) days.Add(Used(d, e));
      if (days.empty()) continue;
      const double bonus = ctx_.preferred[e] ? preference / ctx_.preferred_count : 0.0;
      if (variety <= 0 && bonus <= 0) continue;
      const int used = milp_.AddScoreColumn(1, bonus, /*integer=*/true);
      days.Add(used, -1);
      milp_.AddGreaterEqual(days, 0);
      distinct.Add(used, 1);
    }
    if (variety > 0 && !distinct.empty()) {
      const int saturation = o_.variety_saturation;
      const int v = milp_.AddScoreColumn(saturation, variety / saturation, /*integer=*/true);
      distinct.Add(v, -1);
      milp_.AddGreaterEqual(distinct, 0);
    }
  }

  // Windows of hard days: hd[d] >= each use on d of a strength or moderate/high-impact
  // item (any phase); w[d] >= hd[d] + hd[d+1] + hd[d+2] - 2, w >= 0.
  if (o_.window_penalty > 0) {
    for (int d = 0; d < kDaysPerWeek; ++d) {
      hard_[d] = -1;
      for (int e = 0; e < n_; ++e) {
        if (!MakesDayHard(c_.exercises[e]) || !Has(d, e)) continue;
        if (hard_[d] < 0) hard_[d] = milp_.AddBinary();
        Linear implies = Used(d, e);
        implies.Add(hard_[d], -1);
        milp_.AddLessEqual(implies, 0);
      }
    }
    for (int d = 0; d < kDaysPerWeek; ++d) {
      Linear window;
      bool possible = true;
      for (int k = 0; k < 3; ++k) {
        const int hd = hard_[(d + k) % kDaysPerWeek];
        if (hd < 0) possible = false;
        window.Add(hd, -1);
      }
      if (!possible) continue;  // a day that can never be hard: no window through it
      const int w = milp_.AddScoreColumn(1, -o_.window_penalty, /*integer=*/true);
      window.Add(w, 1);
      milp_.AddGreaterEqual(window, -2);
    }
  }
}

bool ExactFormulation::StartValues(const SearchWeek& week, std::vector<int>* columns,
                                   std::vector<double>* values) const {
  std::vector<double> value(milp_.columns(), 0.0);
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (!week.days[d].empty()) value[t_[d]] = 1;
    for (const Use& use : week.days[d]) {
      if (use.exercise < 0 || use.exercise >= n_) return false;
      const UseColumns& u = At(d, use.exercise, static_cast<int>(use.phase));
      if (u.x < 0) return false;
      value[u.x] = 1;
      if (u.k >= 0) value[u.k] = use.minutes / o_.aerobic_minutes_step;
      // The H5 and H6 binaries follow from the uses.
      const CompiledExercise& x = c_.exercises[use.exercise];
      if (x.category == Category::kStrength) {
        for (int m = 0; m < kMuscleCount; ++m) {
          if ((x.primary & (1u << m)) && trained_[d][m] >= 0) value[trained_[d][m]] = 1;
        }
      }
      if (Jarring(x.impact) && jarring_[d] >= 0) value[jarring_[d]] = 1;
      if (x.impact == Impact::kHigh && high_[d] >= 0) value[high_[d]] = 1;
      if (MakesDayHard(x) && hard_[d] >= 0) value[hard_[d]] = 1;
    }
  }
  // Score columns are left out: CBC completes a start with an LP over the columns it
  // is not given, which pushes each saturated term to its value.
  for (int c = 0; c < milp_.columns(); ++c) {
    if (!milp_.integer(c) || milp_.score(c)) continue;
    columns->push_back(c);
    values->push_back(value[c]);
  }
  return true;
}

SearchWeek ExactFormulation::Decode(const double* solution) const {
  SearchWeek week;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    for (int p = 0; p < kPhases; ++p) {  // phase order, then exercise order
      for (int e = 0; e < n_; ++e) {
        const UseColumns& u = At(d, e, p);
        if (u.x < 0 || solution[u.x] < 0.5) continue;
        const int minutes =
            u.k >= 0 ? static_cast<int>(std::lround(solution[u.k])) * o_.aerobic_minutes_step
                     : u.minutes;
        week.days[d].push_back(Use{e, static_cast<Phase>(p), minutes});
      }
    }
  }
  return week;
}

}  // namespace backbalance::internal
