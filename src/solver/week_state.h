// WeekState: a week under construction with the aggregates that make a move's
// validity and score change O(1) to check: minutes per day, phase and category, muscle
// use counts, recovery blocks per day and muscle, impact per day, uses per exercise,
// distinct and preferred items. The local search asks CanAdd / CanRemove before
// Add / Remove and reads Score() after; WeekRules stays the reference check.
#ifndef BACKBALANCE_SRC_SOLVER_WEEK_STATE_H_
#define BACKBALANCE_SRC_SOLVER_WEEK_STATE_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "solver/search_week.h"
#include "solver/touched_vector.h"

namespace backbalance::internal {

class WeekState {
 public:
  explicit WeekState(const WeekRules& rules);

  // Replaces the content with `week` (which need not be valid).
  void Load(const SearchWeek& week);
  const SearchWeek& week() const { return week_; }

  // Would adding `use` to training day `d` keep every rule (the day may be a rest day
  // only when `opening` is set: then H3/H4 are the caller's concern)?
  bool CanAdd(int d, const Use& use, bool opening = false) const;
  // H10: does `u` on day `d` hold one of the profile's pins? Such a use is never removed.
  bool Pinned(int d, const Use& u) const;
  // H10: does replacing `old` on day `d` by `replacement` keep every pin `old` held?
  bool KeepsPins(int d, const Use& old, const Use& replacement) const;
  // May the day be closed or its session moved away? Not a train day or a pinned day.
  // (A day that happened, in a replan, neither.)
  bool DayMovable(int d) const { return !IsRequiredDay(*ctx_, d) && !Happened(*ctx_, d); }
  // Would removing the use at `index` of day `d` keep H4 (and H3 when it empties the day)
  // and H10 (it holds no pin, and a train day keeps a session)?
  bool CanRemove(int d, std::size_t index) const;
  // Adds after the last use of the same or an earlier phase; returns its index.
  std::size_t Add(int d, const Use& use);
  // Adds at `index` (which must keep phase order), as RemoveAt's undo.
  void InsertAt(int d, std::size_t index, const Use& use);
  void RemoveAt(int d, std::size_t index);
  // Removes every use of day `d`, last first (no rule checked: a search clears a day to
  // try another session on it, and restores it by RestoreDay).
  void ClearDay(int d);
  // Day `d` holds exactly `uses` again (a saved session, in its order): the undo of a
  // ClearDay and of what was tried on the day after it.
  void RestoreDay(int d, std::span<const Use> uses);

  double Score() const { return ScoreOf(tallies_, *ctx_, *options_).score; }
  // Score() of the week after Add(d, use), without changing it: the search's hot path
  // (applying and undoing a move costs several times more). `d` may be a rest day: no
  // term of the score counts training days (tests/solver/week_state_test.cc checks both).
  // O(1): the change of each term the use touches, added to the current terms (cached
  // until the week changes); equal to Score() after the Add up to rounding (1e-12).
  double ScoreIfAdded(int d, const Use& use) const;
  // The time checks of CanAdd alone (H2, the warm-up's maximum of H4, H8): the scans ask
  // them first, since a full week fails most additions here.
  bool Fits(int d, const Use& use) const {
    return day_minutes_[d] + use.minutes <= ctx_->availability[d] &&
           tallies_.total_minutes + use.minutes <= volume_limit_ &&
           (use.phase != Phase::kWarmup ||
            phase_minutes_[d][int(Phase::kWarmup)] + use.minutes <= options_->max_warmup_minutes);
  }
  // An upper bound of ScoreIfAdded(d, use) that costs a few operations: exact in the
  // category term, variety, preference, caution and minutes, and bounding the rest (a
  // balance muscle counts in full unless already saturated; `mix` rises by at most the
  // category's rise, and only when that category is a least one; windows never fall).
  // A scan skips CanAdd and ScoreIfAdded for a use whose bound is below the best score
  // found (with a margin far above rounding), so it picks the same move, for less.
  double ScoreBoundIfAdded(int d, const Use& use) const;
  // What a scan of additions to day `d` reads of the week, gathered once: Fits and
  // ScoreBoundIfAdded for every candidate of the scan, the same numbers for less (the
  // week must not change while the scan is used).
  class AdditionScan;
  // Score() after the session of training day `from` moved to rest day `to`: the
  // tallies stay but for the windows of hard days.
  double ScoreIfSessionMoved(int from, int to) const;
  // DayStructureHolds(d) after Add(d, use), without changing the week.
  bool StructureHoldsIfAdded(int d, const Use& use) const;
  int TrainingDays() const { return training_days_; }
  int TotalMinutes() const { return tallies_.total_minutes; }
  // H8: the minutes the week may still take.
  int VolumeLeft() const { return volume_limit_ - tallies_.total_minutes; }
  int DayMinutes(int d) const { return day_minutes_[d]; }
  int CategoryMinutes(Category c) const {
    return static_cast<int>(tallies_.category_minutes[static_cast<int>(c)]);
  }
  bool InDay(int d, int exercise) const {
    return in_day_[static_cast<std::size_t>(d) * use_days_.size() + exercise] != 0;
  }
  int UseDays(int exercise) const { return use_days_[exercise]; }
  bool DayStructureHolds(int d) const;

 private:
  void Apply(int d, const Use& use, int sign);
  // The current terms ScoreIfAdded starts from.
  struct TermCache {
    std::array<double, kCategoryCount> category{};  // each category term
    double weighted = 0;                            // sum of weight x term
    double weights = 0;
    double least = 1;  // `mix`: the least category term that weighs
    bool any_category = false;
    // For ScoreBoundIfAdded: the balance points and the penalties of the week as it is.
    double balance_points = 0;
    double penalties = 0;
  };
  // The parts of ScoreBoundIfAdded fixed for the profile, computed once.
  struct BoundConstants {
    std::array<double, kCategoryCount> target{};
    std::array<double, kCategoryCount> inverse_target{};  // 0: the category has no target
    std::array<double, kCategoryCount> weight{};
    std::array<double, kCategoryCount> weight_with_mix{};  // the category's and `mix`'s
    double strength_muscle = 0;  // weight per muscle credit of strength_balance
    double stretch_muscle = 0;
    double secondary_credit = 0;
    int strength_days_saturation = 0;
    double strength_day = 0;
    int variety_saturation = 0;
    double new_item = 0;
    double preferred_item = 0;
    double points_per_gain = 0;
    double caution_penalty = 0;
    double minute_penalty = 0;
  };
  const TermCache& Terms() const;
  const TermCache& ComputeTerms() const;  // fills the cache
  SessionShape ShapeOf(int d) const;

  // Pointers, not references, so that states copy and assign (the search keeps a best).
  const WeekRules* rules_;
  const CompiledCatalog* c_;
  const WeekContext* ctx_;
  const PlannerOptions* options_;
  SearchWeek week_;

  std::array<int, kDaysPerWeek> day_minutes_{};
  std::array<std::array<int, 3>, kDaysPerWeek> phase_minutes_{};
  std::array<int, kDaysPerWeek> main_count_{};
  std::array<int, kDaysPerWeek> stretch_count_{};  // flexibility items in the cool-down
  std::array<int, kDaysPerWeek> strength_count_{};
  std::array<int, kDaysPerWeek> hard_count_{};  // uses that make the day hard (section 7)
  std::array<std::array<int, kMuscleCount>, kDaysPerWeek> trained_{};  // strength uses
  std::array<std::array<int, kMuscleCount>, kDaysPerWeek> blocked_{};  // recovery blocks
  std::array<int, kDaysPerWeek> jarring_count_{};
  std::array<int, kDaysPerWeek> high_count_{};
  TouchedVector<int> use_days_;    // by exercise (a use per day at most)
  TouchedVector<uint8_t> in_day_;  // [d * exercises + e]: e is used on day d
  unsigned hard_days_ = 0;         // bit d: day d is hard
  // Bit m: muscle m's strength (stretch) uses are below the saturation of section 7.
  unsigned unsaturated_strength_ = ~0u;
  unsigned unsaturated_stretch_ = ~0u;
  int training_days_ = 0;
  ScoreTallies tallies_;  // what the score reads (section 7)
  BoundConstants bound_;
  int volume_limit_ = 0;  // VolumeLimit(context)
  mutable TermCache terms_;
  mutable bool terms_valid_ = false;  // Apply clears it
};

// ---- Inline: the search's scans call these for every candidate use --------------------

namespace week_state_detail {

// Bit mask of a balance term's muscles.
template <std::size_t N>
constexpr unsigned MaskOf(const std::array<Muscle, N>& muscles) {
  unsigned mask = 0;
  for (Muscle m : muscles) mask |= 1u << static_cast<int>(m);
  return mask;
}
constexpr unsigned kStrengthBalanceMask = MaskOf(kStrengthBalanceMuscles);
constexpr unsigned kStretchBalanceMask = MaskOf(kStretchBalanceMuscles);

// Bits set in a mask of muscles, read from a table (4 KB): the scans ask it twice per
// candidate, and without a known POPCNT instruction std::popcount is a library call.
static_assert(kMuscleCount <= 12, "the table covers masks of up to 12 muscles");
inline constexpr std::array<uint8_t, 1u << 12> kMusclesInMask = [] {
  std::array<uint8_t, 1u << 12> table{};
  for (unsigned v = 1; v < table.size(); ++v)
    table[v] = static_cast<uint8_t>(table[v >> 1] + (v & 1));
  return table;
}();
constexpr int PopCount(unsigned muscles) { return kMusclesInMask[muscles & 0xFFFu]; }

}  // namespace week_state_detail

inline const WeekState::TermCache& WeekState::Terms() const {
  return terms_valid_ ? terms_ : ComputeTerms();
}

class WeekState::AdditionScan {
 public:
  AdditionScan(const WeekState& state, int d) : state_(state) {
    const TermCache& now = state.Terms();
    const BoundConstants& k = state.bound_;
    room_ = std::min(state.ctx_->availability[d] - state.day_minutes_[d],
                     state.volume_limit_ - state.tallies_.total_minutes);
    warmup_room_ = state.options_->max_warmup_minutes -
                   state.phase_minutes_[d][static_cast<int>(Phase::kWarmup)];
    for (int c = 0; c < kCategoryCount; ++c) {
      category_weight_[c] = now.category[c] <= now.least ? k.weight_with_mix[c] : k.weight[c];
    }
    strength_mask_ = state.unsaturated_strength_ & week_state_detail::kStrengthBalanceMask;
    stretch_mask_ = state.unsaturated_stretch_ & week_state_detail::kStretchBalanceMask;
    strength_day_counts_ =
        state.strength_count_[d] == 0 && state.tallies_.strength_days < k.strength_days_saturation;
    new_item_counts_ = state.tallies_.distinct < k.variety_saturation;
  }

  // WeekState::Fits(d, use).
  bool Fits(const Use& use) const {
    return use.minutes <= room_ && (use.phase != Phase::kWarmup || use.minutes <= warmup_room_);
  }

  // WeekState::ScoreBoundIfAdded(d, use), term by term.
  double ScoreBoundIfAdded(const Use& use) const {
    using week_state_detail::PopCount;
    const WeekState& s = state_;
    const CompiledExercise& x = s.c_->exercises[use.exercise];
    const TermCache& now = s.terms_;  // valid: the constructor filled it
    const BoundConstants& k = s.bound_;
    double gain = 0;
    const int c = static_cast<int>(x.category);
    if (k.inverse_target[c] > 0) {
      const double rise = std::min(s.tallies_.category_minutes[c] + use.minutes, k.target[c]) *
                              k.inverse_target[c] -
                          now.category[c];
      gain += category_weight_[c] * rise;
    }
    // Each unsaturated balance muscle at most its whole credit.
    if (x.category == Category::kStrength) {
      gain += k.strength_muscle * (PopCount(x.primary & strength_mask_) +
                                   PopCount(x.secondary & strength_mask_) * k.secondary_credit);
      if (strength_day_counts_) gain += k.strength_day;
    } else if (x.category == Category::kFlexibility) {
      gain += k.stretch_muscle * (PopCount(x.primary & stretch_mask_) +
                                  PopCount(x.secondary & stretch_mask_) * k.secondary_credit);
    }
    if (s.use_days_[use.exercise] == 0) {
      if (new_item_counts_) gain += k.new_item;
      if (s.ctx_->preferred[use.exercise]) gain += k.preferred_item;
    }
    return now.balance_points + k.points_per_gain * gain - now.penalties -
           k.caution_penalty * s.ctx_->caution[use.exercise] - k.minute_penalty * use.minutes;
  }

 private:
  const WeekState& state_;
  int room_ = 0;         // the day's and the week's minutes left
  int warmup_room_ = 0;  // the warm-up's
  // Each category's weight in the bound: with `mix`'s when it is a least category.
  std::array<double, kCategoryCount> category_weight_{};
  unsigned strength_mask_ = 0, stretch_mask_ = 0;  // unsaturated balance muscles
  bool strength_day_counts_ = false;               // a strength use would add a strength day
  bool new_item_counts_ = false;                   // a new item would add to variety
};

inline double WeekState::ScoreBoundIfAdded(int d, const Use& use) const {
  return AdditionScan(*this, d).ScoreBoundIfAdded(use);
}

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_WEEK_STATE_H_
