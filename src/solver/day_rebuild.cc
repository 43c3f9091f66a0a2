#include "solver/day_rebuild.h"

#include <algorithm>
#include <cmath>

#include "solver/model_rules.h"

namespace backbalance::internal {
namespace {

// Improvements smaller than this are noise of floating-point sums, not progress.
constexpr double kEpsilon = 1e-9;
// Two children of one length, on the same day and at the same step, whose scores differ by
// less than this and whose days take the same minutes are taken for alike (three aerobic
// warm-ups of 15 minutes): the beam keeps the first, so that its width goes to sessions
// that differ. The step counts: an item in the cool-down and the same item as the main
// part score alike, but only the second completes a day whose other main items are used
// up (until the twelfth pass of issue 16 the first was kept, and such days never closed).
constexpr double kAlike = 1e-9;

// The margin by which a score's bound (WeekState::AdditionScan) must fall short before a
// child is skipped unscored: the bound and the score agree to rounding (1e-12).
constexpr double kBoundMargin = 1e-6;

// Above any score (0..100): under a required category, the sessions that hold it rank
// first.
constexpr double kRequiredBonus = 1000;

Phase PhaseOf(int step) {
  constexpr std::array<Phase, 4> kPhase = {Phase::kWarmup, Phase::kCooldown, Phase::kCooldown,
                                           Phase::kMain};
  return kPhase[static_cast<std::size_t>(step)];
}

}  // namespace

DayRebuilder::DayRebuilder(const WeekRules& rules,
                           const std::array<std::vector<int>, 3>& candidates,
                           std::span<const DurationRange> ranges,
                           const DayRebuildSettings& settings)
    : ctx_(rules.context()),
      options_(rules.options()),
      c_(rules.compiled()),
      settings_(settings),
      candidates_(candidates),
      ranges_(ranges) {
  settings_.width = std::max<std::size_t>(settings_.width, 1);
  settings_.most_uses = std::clamp<std::size_t>(settings_.most_uses, 1, kMaxUses / kMaxDays);
  for (int e : candidates_[int(Phase::kCooldown)]) {
    if (IsCooldownStretch(c_.exercises[e], Phase::kCooldown)) stretches_.push_back(e);
  }
  least_main_ = 1 << 30;
  for (int e : candidates_[int(Phase::kMain)]) {
    if (!ranges_[e].Empty()) least_main_ = std::min(least_main_, ranges_[e].least);
  }
  beam_.reserve(settings_.width);
  next_beam_.reserve(settings_.width);
  children_.reserve(settings_.width + 1);
  for (auto& day : saved_) day.reserve(settings_.most_uses);
}

bool DayRebuilder::IsRequired(const Use& use) const {
  return require_ && c_.exercises[use.exercise].category == *require_;
}

const std::vector<int>& DayRebuilder::Order(int step) const {
  switch (step) {
    case kWarmup:
      return candidates_[int(Phase::kWarmup)];
    case kStretch:
      return stretches_;
    case kCooldown:
      return candidates_[int(Phase::kCooldown)];
    default:
      return candidates_[int(Phase::kMain)];
  }
}

bool DayRebuilder::Rebuild(WeekState& state, std::span<const int> days, bool keep_lower) {
  require_.reset();
  return RebuildImpl(state, days, keep_lower);
}

bool DayRebuilder::Rebuild(WeekState& state, std::span<const int> days, bool keep_lower,
                           Category require) {
  require_ = require;
  return RebuildImpl(state, days, keep_lower);
}

bool DayRebuilder::RebuildImpl(WeekState& state, std::span<const int> days, bool keep_lower) {
  if (days.empty() || days.size() > kMaxDays) return false;
  for (int d : days) {
    const auto& day = state.week().days[d];
    if (Happened(ctx_, d) || day.size() > settings_.most_uses) return false;
    for (const Use& u : day) {
      if (state.Pinned(d, u)) return false;
    }
  }
  const double before = state.Score();
  int cleared = 0;
  for (std::size_t k = 0; k < days.size(); ++k) {
    const auto& day = state.week().days[days[k]];
    saved_[k].assign(day.begin(), day.end());
    for (const Use& u : day) cleared += u.minutes;
    state.ClearDay(days[k]);
  }
  beam_.clear();
  beam_.push_back(Session{});
  beam_.back().score = state.Score();
  density_ = cleared > 0 ? std::max(0.0, (before - beam_.back().score) / cleared) : 0.0;
  const int last = static_cast<int>(days.size()) - 1;
  Session best;
  bool found = false;
  for (std::size_t length = 0; length < settings_.most_uses * days.size() && !beam_.empty();
       ++length) {
    children_.clear();
    for (std::size_t parent = 0; parent < beam_.size(); ++parent) Expand(state, days, parent);
    next_beam_.clear();
    for (const Child& child : children_) {
      Session s = beam_[child.parent];
      if (child.day_pos != s.day_pos) {
        s.warmup_minutes = s.cooldown_minutes = s.minutes = s.uses_today = 0;
      }
      s.uses[s.count] = child.use;
      s.day_of[s.count++] = child.day_pos;
      s.day_pos = child.day_pos;
      s.step = child.step;
      s.score = child.score;
      s.minutes += child.use.minutes;
      ++s.uses_today;
      if (child.use.phase == Phase::kWarmup) s.warmup_minutes += child.use.minutes;
      if (child.use.phase == Phase::kCooldown) s.cooldown_minutes += child.use.minutes;
      s.holds_required = s.holds_required || IsRequired(child.use);
      // A main item on the last day completes the sessions: each day's covers were
      // complete before its main part opened, and each earlier day holds a main item.
      const bool complete = s.day_pos == last && s.step == kMain && (!require_ || s.holds_required);
      const double to_beat = found ? best.score : keep_lower ? -1e300 : before + kEpsilon;
      if (complete && s.score > to_beat) {
        best = s;
        found = true;
      }
      next_beam_.push_back(s);
    }
    std::swap(beam_, next_beam_);
  }
  if (found) {
    Load(state, days, best);
    // ScoreIfAdded equals the score after the additions up to rounding: the week is kept
    // only when it truly scores higher.
    if (keep_lower || state.Score() > before + kEpsilon) return true;
  }
  for (std::size_t k = 0; k < days.size(); ++k) state.RestoreDay(days[k], saved_[k]);
  return false;
}

void DayRebuilder::Expand(WeekState& state, std::span<const int> days, std::size_t parent) {
  const Session& s = beam_[parent];
  Load(state, days, s);
  const auto room_after = [&](std::size_t pos) {
    int room = 0;
    for (std::size_t k = pos + 1; k < days.size(); ++k) room += ctx_.availability[days[k]];
    return room;
  };
  const std::size_t pos = static_cast<std::size_t>(s.day_pos);
  if (s.uses_today < static_cast<int>(settings_.most_uses)) {
    for (int step = s.step; step < kSteps; ++step) {
      // A step opens once the steps before it are complete.
      if (step > s.step) {
        const int done = step - 1;
        if (done == kWarmup && s.warmup_minutes < options_.min_warmup_minutes) break;
        if (done == kStretch && s.step < kStretch) break;  // the stretch is its own use
        if (done == kCooldown && s.cooldown_minutes < options_.min_cooldown_minutes) break;
      }
      if (step == kStretch && s.step == kStretch) continue;  // one use holds the stretch
      StepChildren(state, days[pos], parent, s.day_pos, step, s, room_after(pos));
    }
  }
  // A day complete (it holds a main item), the next one opens with its warm-up.
  if (s.step == kMain && pos + 1 < days.size()) {
    StepChildren(state, days[pos + 1], parent, s.day_pos + 1, kWarmup, Session{},
                 room_after(pos + 1));
  }
  for (int day : days) state.ClearDay(day);
}

void DayRebuilder::StepChildren(const WeekState& state, int d, std::size_t parent, int day_pos,
                                int step, const Session& today, int later_room) {
  const int room = std::min(ctx_.availability[d] - today.minutes, state.VolumeLeft());
  const Phase phase = PhaseOf(step);
  const std::vector<int>& order = Order(step);
  const bool stretched = today.step >= kStretch || step == kStretch;
  const WeekState::AdditionScan scan(state, d);
  for (const int e : order) {
    std::array<int, 3> minutes{};
    const int n = DurationsOf(state, e, phase, minutes);
    for (int k = 0; k < n; ++k) {
      const Use use{e, phase, minutes[static_cast<std::size_t>(k)]};
      if (use.minutes > room) break;  // the durations ascend
      // The day must still hold the rest of its covers and a main item after this use.
      const int warmup = today.warmup_minutes + (phase == Phase::kWarmup ? use.minutes : 0);
      const int cooldown = today.cooldown_minutes + (phase == Phase::kCooldown ? use.minutes : 0);
      const int needed = std::max(0, options_.min_warmup_minutes - warmup) +
                         std::max(stretched ? 0 : 1, options_.min_cooldown_minutes - cooldown) +
                         (step == kMain ? 0 : least_main_);
      if (use.minutes + needed > room) continue;
      const int free = std::min(room - use.minutes + later_room, state.VolumeLeft() - use.minutes);
      // Under a required category, the sessions that hold it rank above all others.
      const bool holds = beam_[parent].holds_required || IsRequired(use);
      const double bonus = require_ && holds ? kRequiredBonus : 0;
      // A child whose rank, at its score's bound, stays below the beam's last is one Offer
      // would refuse: skipped before the costlier rule check and score.
      if (children_.size() >= settings_.width &&
          scan.ScoreBoundIfAdded(use) + density_ * free + bonus <
              children_.back().rank - kBoundMargin) {
        continue;
      }
      if (!state.CanAdd(d, use, /*opening=*/today.uses_today == 0)) continue;
      const double score = state.ScoreIfAdded(d, use);
      Offer({parent, use, day_pos, step, score, score + density_ * free + bonus});
    }
  }
}

// Keeps the `width` best children by rank, highest first; of two alike (kAlike) the
// earlier, and of two of equal rank the earlier, so that the beam depends on nothing but
// the candidates' order.
void DayRebuilder::Offer(const Child& child) {
  if (children_.size() >= settings_.width && child.rank <= children_.back().rank) return;
  const auto day_minutes = [&](const Child& c) {
    const Session& parent = beam_[c.parent];
    return (c.day_pos == parent.day_pos ? parent.minutes : 0) + c.use.minutes;
  };
  const int minutes = day_minutes(child);
  for (const Child& c : children_) {
    if (c.day_pos == child.day_pos && c.step == child.step &&
        std::abs(c.score - child.score) < kAlike && day_minutes(c) == minutes) {
      return;
    }
  }
  const auto at = std::upper_bound(children_.begin(), children_.end(), child.rank,
                                   [](double value, const Child& c) { return value > c.rank; });
  children_.insert(at, child);
  if (children_.size() > settings_.width) children_.pop_back();
}

int DayRebuilder::DurationsOf(const WeekState& state, int e, Phase phase,
                              std::array<int, 3>& out) const {
  const DurationRange& range = ranges_[e];
  if (range.Empty()) return 0;
  if (range.fixed) {
    out[0] = range.least;
    return 1;
  }
  // An aerobic item: its least minutes, the minutes that meet the aerobic target, and its
  // most, ascending; the day's time cuts the longer ones. In the warm-up its most is the
  // longest the warm-up holds (H4): a day whose time suits one longer aerobic warm-up
  // better than two short covers (a 15-minute one against two drills) is reached only so.
  const int most = phase == Phase::kWarmup
                       ? std::min(range.most, options_.max_warmup_minutes) / range.step * range.step
                       : range.most;
  int n = 0;
  out[n++] = range.least;
  const int fill = range.ToReach(ctx_.targets.by_category[int(Category::kAerobic)],
                                 state.CategoryMinutes(Category::kAerobic));
  if (fill > range.least && fill < most) out[n++] = fill;
  if (most > range.least) out[n++] = most;
  return n;
}

void DayRebuilder::Load(WeekState& state, std::span<const int> days, const Session& s) const {
  for (std::size_t i = 0; i < s.count; ++i) {
    state.Add(days[static_cast<std::size_t>(s.day_of[i])], s.uses[i]);
  }
}

}  // namespace backbalance::internal
