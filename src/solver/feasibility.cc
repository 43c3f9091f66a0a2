#include "solver/feasibility.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "internal/format.h"
#include "internal/hash_containers.h"

namespace backbalance::internal {
namespace {

constexpr int kInfinity = std::numeric_limits<int>::max() / 4;

// Which rules the search enforces; relaxing one at a time tells which ones conflict.
struct Enforced {
  bool time = true;        // H2
  bool recovery = true;    // H5
  bool impact = true;      // H6
  bool repetition = true;  // H7
  bool volume = true;      // H8
  bool pins = true;        // H10
};

// The durations of a cover use (a warm-up or a cool-down) worth trying toward `need`
// minutes: its least, and each longer one (an aerobic item's, H9) up to the first that
// reaches `need`. A longer use than that only takes more time,
// but a warm-up whose minimum exceeds an aerobic item's least may need it longer: with
// the least alone, a 10-minute warm-up of one item of 5..15 minutes would be missed.
template <typename F>
void ForEachCoverDuration(const DurationRange& range, int need, F&& f) {
  for (int m = range.least; m > 0 && m <= range.most; m += range.step) {
    f(m);
    if (range.fixed || m >= need) break;
  }
}

// The least total of a set of distinct items, each at one of its durations, reaching
// `need` minutes (0/1 knapsack cover), or kInfinity. `skip` leaves one item out.
// `best` is scratch space, passed in so that a caller's repeated covers share it.
int LeastCover(const std::vector<DurationRange>& items, int need, int skip,
               std::vector<int>& best) {
  if (need <= 0) return 0;
  best.assign(need + 1, kInfinity);  // best[x]: least total reaching >= x
  best[0] = 0;
  for (int i = 0; i < static_cast<int>(items.size()); ++i) {
    if (i == skip) continue;
    // Downwards, so that each x reads totals without this item (taken once, at one length).
    for (int x = need; x >= 1; --x) {
      ForEachCoverDuration(items[i], x, [&](int m) {
        const int from = std::max(0, x - m);
        if (best[from] != kInfinity) best[x] = std::min(best[x], best[from] + m);
      });
    }
  }
  return best[need];
}

// The least minutes of a cool-down (H4): at least `need` minutes holding a stretch.
// `minutes` are the eligible cool-down items', `stretch` marks the flexibility ones.
// Items of equal minutes are interchangeable here, so one cover is computed per distinct
// length of stretch (that stretch plus the least cover of the others), over the items'
// lengths with at most `need` + 2 copies each (no least cover of `need` minutes holds more
// than `need` items, and one copy is the stretch). On a 10,000-exercise catalog this is a
// few covers of a few dozen lengths, not a cover of every item per stretch.
// Its lists, kept by a caller that computes many cool-downs (WeekSearch::CoversLeast).
struct CooldownScratch {
  std::vector<std::pair<int, bool>> items;
  std::vector<DurationRange> lengths;
  std::vector<int> stretch_at;
  std::vector<int> best;
};
int LeastCooldown(const std::vector<int>& minutes, const std::vector<bool>& stretch, int need,
                  CooldownScratch& scratch) {
  // (length, not a stretch): each length's stretches first.
  std::vector<std::pair<int, bool>>& items = scratch.items;
  items.clear();
  items.reserve(minutes.size());
  for (std::size_t i = 0; i < minutes.size(); ++i) items.push_back({minutes[i], !stretch[i]});
  std::sort(items.begin(), items.end());
  const std::size_t cap = static_cast<std::size_t>(std::max(need, 0)) + 2;
  // Capped copies, a stretch's length first among its copies; cool-down items are
  // flexibility or relaxation items, whose minutes are fixed (H9).
  std::vector<DurationRange>& lengths = scratch.lengths;
  std::vector<int>& stretch_at =
      scratch.stretch_at;  // index in `lengths` of a stretch of each distinct length
  lengths.clear();
  stretch_at.clear();
  lengths.reserve(items.size());
  stretch_at.reserve(items.size());
  std::size_t copies = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const bool first = i == 0 || items[i].first != items[i - 1].first;
    copies = first ? 1 : copies + 1;
    if (copies > cap) continue;
    if (first && !items[i].second) stretch_at.push_back(static_cast<int>(lengths.size()));
    lengths.push_back({items[i].first, items[i].first, 1, true});
  }
  int best = kInfinity;
  for (int at : stretch_at) {
    const int rest = LeastCover(lengths, need - lengths[at].least, at, scratch.best);
    if (rest < kInfinity) best = std::min(best, lengths[at].least + rest);
  }
  return best;
}

// What the least warm-up and cool-down (H4) of a set of items read of them: each warm-up
// item's durations, each cool-down item's least minutes and whether it is a stretch.
struct CoverLists {
  std::vector<DurationRange> warmups;
  std::vector<int> cooldowns;
  std::vector<bool> stretches;
  void Clear() {
    warmups.clear();
    cooldowns.clear();
    stretches.clear();
  }
  void AddCooldown(int least, bool stretch) {
    cooldowns.push_back(least);
    stretches.push_back(stretch);
  }
};
// The least minutes of a warm-up and of a cool-down of the items `lists` holds.
struct Covers {
  int64_t warmup = 0;
  int64_t cooldown = 0;
  int64_t total() const { return warmup + cooldown; }
};
struct CoverScratch {
  std::vector<int> best;
  CooldownScratch cooldown;
};
Covers LeastCovers(const CoverLists& lists, const PlannerOptions& options, CoverScratch& scratch) {
  return {LeastCover(lists.warmups, options.min_warmup_minutes, -1, scratch.best),
          LeastCooldown(lists.cooldowns, lists.stretches, options.min_cooldown_minutes,
                        scratch.cooldown)};
}

// The most covers of a phase (H4: a warm-up or a cool-down of at least `need` minutes, a
// cool-down holding a stretch; an item once a day) that items on at most their weekly
// number of days (H7) make, up to `wanted`; -1 when that is too costly to tell (then it
// is no condition). A set whose least minutes pass `most_minutes` (the warm-up's maximum) makes
// none: every valid cover holds a minimal set of least minutes within it. The covers are told apart
// by their minimal sets of items (a larger set only uses more), packed by a depth-first search with
// the sets in non-decreasing order. Catalogs with many such items make `wanted` covers in the first
// steps; a few short stretches that may each be used once can make fewer than the training days
// need, which the week's search would only find by trying every week.
struct CoverItem {
  int minutes = 0;  // the longest a use may take toward the cover
  int least = 0;    // the least a use takes
  int days = 0;     // max_per_week
  bool stretch = false;
};
int CoverCount(const std::vector<CoverItem>& items, int need, int most_minutes, bool needs_stretch,
               int wanted) {
  constexpr std::size_t kMaxItems = 24;
  constexpr std::size_t kMaxSets = 256;
  constexpr int64_t kMaxSteps = 200'000;
  if (items.size() > kMaxItems) return -1;
  // Minimal sets: a set that reaches `need` with a stretch grows no further, and is kept
  // when no item of it may go.
  std::vector<unsigned> sets;
  int64_t steps = 0;
  bool too_many = false;
  const auto minimal = [&](unsigned set) {
    int total = 0, stretches = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (set >> i & 1u) total += items[i].minutes, stretches += items[i].stretch;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!(set >> i & 1u)) continue;
      if (total - items[i].minutes >= need &&
          (!needs_stretch || stretches - items[i].stretch > 0)) {
        return false;
      }
    }
    return true;
  };
  const auto grow = [&](auto&& self, std::size_t from, unsigned set, int total, int least,
                        bool stretched) -> void {
    if (too_many || ++steps > kMaxSteps) {
      too_many = true;
      return;
    }
    if (least > most_minutes) return;  // and so does every larger set
    if (total >= need && (stretched || !needs_stretch)) {
      if (minimal(set)) sets.push_back(set);
      too_many = sets.size() > kMaxSets;
      return;
    }
    for (std::size_t i = from; i < items.size(); ++i) {
      self(self, i + 1, set | 1u << i, total + items[i].minutes, least + items[i].least,
           stretched || items[i].stretch);
    }
  };
  grow(grow, 0, 0u, 0, 0, false);
  if (too_many) return -1;
  std::vector<int> left(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) left[i] = items[i].days;
  int most = 0;
  const auto pack = [&](auto&& self, std::size_t from, int made) -> bool {
    most = std::max(most, made);
    if (made >= wanted) return true;
    if (++steps > kMaxSteps) {
      too_many = true;
      return true;
    }
    for (std::size_t k = from; k < sets.size(); ++k) {
      bool fits = true;
      for (std::size_t i = 0; i < items.size() && fits; ++i)
        fits = !(sets[k] >> i & 1u) || left[i] > 0;
      if (!fits) continue;
      for (std::size_t i = 0; i < items.size(); ++i) left[i] -= sets[k] >> i & 1u;
      const bool done = self(self, k, made + 1);
      for (std::size_t i = 0; i < items.size(); ++i) left[i] += sets[k] >> i & 1u;
      if (done) return true;
    }
    return false;
  };
  pack(pack, 0, 0);
  return too_many ? -1 : most;
}

// What makes two items interchangeable for the search (WeekSearch's constraint classes).
struct Signature {
  int least = 0;
  int longest_warmup = 0;  // the longest a warm-up use may take (LengthenWarmup)
  uint64_t phases = 0;
  bool stretch = false;
  int impact = 0;
  uint64_t primary = 0;
  int recovery_days = 0;
  bool strength = false;
  int max_per_week = 0;
  friend bool operator==(const Signature&, const Signature&) = default;
};

class WeekSearch {
 public:
  WeekSearch(const WeekRules& rules, Enforced enforced, int64_t budget,
             const SearchWeek* happened = nullptr)
      : rules_(rules),
        c_(rules.compiled()),
        ctx_(rules.context()),
        enforced_(enforced),
        budget_(budget) {
    const int n = static_cast<int>(c_.exercises.size());
    uses_.assign(n, 0);
    // Pins (H10): each pinned use is reserved from the start, so that H7 counts it on the
    // days before its own and items alike but for a pin are never taken as interchangeable.
    if (enforced_.pins && !ctx_.refer) {
      for (const PinnedUse& pin : ctx_.pins) {
        if (Happened(ctx_, pin.day)) continue;  // H10 on the remaining days only
        ++uses_[pin.exercise];
        pins_of_day_[pin.day].push_back(pin);
      }
      required_ = ctx_.required_days & ~((1u << ctx_.from_day) - 1);
    }
    // Replan: the days that happened stand as they are and count toward H3, H7 and H8.
    if (happened != nullptr) {
      for (int d = 0; d < ctx_.from_day; ++d) {
        week_.days[d] = happened->days[d];
        happened_days_ += !happened->days[d].empty();
        for (const Use& u : happened->days[d]) {
          total_ += u.minutes;
          if (std::none_of(happened->days[d].begin(), happened->days[d].end(),
                           [&](const Use& v) { return &v < &u && v.exercise == u.exercise; })) {
            ++uses_[u.exercise];
          }
        }
      }
    }
    // Constraint signatures: items alike in everything the rules read, numbered in order
    // of first appearance. A catalog has a few dozen classes, so a scan of the distinct
    // ones beats hashing (and builds no key strings: this runs for every plan).
    std::vector<Signature> classes;
    classes.reserve(n);
    klass_.assign(n, -1);
    least_.assign(n, 0);
    for (auto& list : candidates_) list.reserve(n);
    for (int e = 0; e < n; ++e) {
      least_[e] = rules.Durations(e).least;
      if (!ctx_.eligible[e] || least_[e] == 0) continue;
      const CompiledExercise& x = c_.exercises[e];
      const bool strength = x.category == Category::kStrength;
      // A warm-up use may be lengthened up to its longest (LengthenWarmup).
      const int longest_warmup = x.phases & PhaseBit(Phase::kWarmup) ? rules.Durations(e).most : 0;
      const Signature key{least_[e],
                          longest_warmup,
                          static_cast<uint64_t>(x.phases),
                          x.category == Category::kFlexibility,
                          int(x.impact),
                          strength ? static_cast<uint64_t>(x.primary) : 0,
                          strength ? x.recovery_days : 0,
                          strength,
                          x.max_per_week};
      auto it = std::find(classes.begin(), classes.end(), key);
      if (it == classes.end()) it = classes.insert(classes.end(), key);
      klass_[e] = static_cast<int>(it - classes.begin());
      for (Phase p : AllValues<Phase>()) {
        if (x.phases & PhaseBit(p)) candidates_[int(p)].push_back(e);
      }
    }
    // A lower bound on any session's minutes: days with less time cannot train, and
    // the days still to place need at least this much of the volume cap.
    left_at_.fill(-1);
    least_session_ = LeastSession(kEvery);
    for (int d = 0; d < kDaysPerWeek; ++d) {
      least_pinned_session_[d] =
          pins_of_day_[d].empty() ? least_session_ : LeastDaySession(d, kEvery);
    }
    for (int d = kDaysPerWeek - 1; d >= 0; --d) {
      const bool hostable = !enforced_.time || ctx_.availability[d] >= least_session_;
      hostable_from_[d] = hostable_from_[d + 1] + hostable;
    }
    // The items a pin or a day that happened already used up (H7).
    if (n <= 64) exhausted_bits_ = 0;
    for (int e = 0; e < n; ++e) {
      if (klass_[e] < 0 || Usable(e)) continue;
      ++exhausted_;
      if (exhausted_bits_) *exhausted_bits_ |= uint64_t{1} << e;
    }
    // Least constraining first: low impact, no recovery, short, often repeatable.
    for (auto& list : candidates_) {
      std::stable_sort(list.begin(), list.end(), [&](int a, int b) { return Rank(a) < Rank(b); });
    }
  }

  // True when a week was found (in week()); false when the space is exhausted.
  // exhausted_budget() tells whether the search stopped early instead.
  bool Run() {
    const int min_days = ctx_.refer ? 0 : ctx_.targets.min_training_days;
    // Every required day (a train day or a pinned day) trains, and at least the minimum.
    const int days = std::max(min_days - happened_days_, std::popcount(required_));
    if (happened_days_ + days > MaxTrainingDays(ctx_)) return false;
    // A required day without time for the least session never trains: proven at once,
    // where the search would try every session of the days before it first.
    for (int d = ctx_.from_day; d < kDaysPerWeek; ++d) {
      if ((required_ >> d & 1u) && enforced_.time && ctx_.availability[d] < DayLeast(d)) {
        return false;
      }
    }
    return PlaceDay(ctx_.from_day, std::max(0, days));
  }
  const SearchWeek& week() const { return week_; }
  bool exhausted_budget() const { return nodes_ > budget_; }
  int64_t nodes() const { return nodes_; }

 private:
  std::tuple<int, int, int, int> Rank(int e) const {
    const CompiledExercise& x = c_.exercises[e];
    return {int(x.impact), RecoveryApplies(x), least_[e], -x.max_per_week};
  }

  bool PlaceDay(int d, int remaining) {
    if (++nodes_ > budget_) return false;
    if (remaining == 0) return (required_ >> d) == 0 && WeekHolds();
    if (d >= kDaysPerWeek) return false;
    if (hostable_from_[d] < remaining) return false;
    // The required days still ahead must fit in the days still to place.
    if (std::popcount(required_ >> d) > remaining) return false;
    // What the items not yet used up (H7) still make: a day too short for their least
    // session never trains in this branch, however the days before it are filled, and the
    // days still to train need their least sessions within the volume cap. Without it, a
    // 15-minute day whose only short cool-down was spent on another day failed only once
    // every session of the days between had been tried (5 million nodes).
    int hostable = 0, pinned_ahead = 0;
    int64_t volume = total_;
    for (int k = d; k < kDaysPerWeek; ++k) {
      const int least = DayLeast(k);
      const bool can_host = !enforced_.time || ctx_.availability[k] >= least;
      if (!can_host && ((required_ >> k) & 1u)) return false;
      hostable += can_host;
      if (!pins_of_day_[k].empty()) {
        volume += least;  // a pinned day trains
        ++pinned_ahead;
      }
    }
    if (hostable < remaining) return false;
    volume += static_cast<int64_t>(remaining - pinned_ahead) * DayLeast(kUnpinned);
    if (enforced_.volume && volume > VolumeLimit(ctx_)) return false;
    const bool required = (required_ >> d) & 1u;
    if (!required && PlaceDay(d + 1, remaining)) return true;  // rest on day d
    if (exhausted_budget()) return false;
    if (enforced_.time && ctx_.availability[d] < DayLeast(d)) return false;  // no time on day d
    return PlacePins(d, 0, remaining);
  }

  // Which items a least session may take: every eligible one, those still usable (H7),
  // or those and day k's pinned items (counted as used from the start), for k >= 0.
  static constexpr int kEvery = -2;
  static constexpr int kLeft = -1;
  bool Takes(int which, int e) const {
    if (which == kEvery || Usable(e)) return true;
    if (which < 0) return false;
    const auto& pins = pins_of_day_[which];
    return std::any_of(pins.begin(), pins.end(),
                       [e](const PinnedUse& p) { return p.exercise == e; });
  }
  // The least minutes of a session (H4: a warm-up of its minimum, one main item, a
  // cool-down of its minimum holding a stretch; an item once a day) of the items `which`
  // selects; kInfinity when none makes one. A main item that may also warm up or cool
  // down is left out of that session's covers: a relaxation item cannot be a 15-minute
  // day's main part and its cool-down at once.
  int LeastSession(int which) {
    const int64_t with_every = CoversLeast(-1, which).total();
    int64_t least = kInfinity;
    for (int e : candidates_[int(Phase::kMain)]) {
      // Without e the covers take at least as long as with every item.
      if (!Takes(which, e) || with_every + least_[e] >= least) continue;
      const PhaseMask covers = PhaseBit(Phase::kWarmup) | PhaseBit(Phase::kCooldown);
      const bool covers_too = (c_.exercises[e].phases & covers) != 0;
      least =
          std::min(least, (covers_too ? CoversLeast(e, which).total() : with_every) + least_[e]);
    }
    return static_cast<int>(std::min<int64_t>(kInfinity, least));
  }
  // The least minutes of a warm-up and of a cool-down (H4) of the items `which` selects,
  // without item `skip` (-1: none left out).
  Covers CoversLeast(int skip, int which) {
    const auto takes = [&](int e) { return e != skip && Takes(which, e); };
    cover_lists_.Clear();
    for (int e : candidates_[int(Phase::kWarmup)]) {
      if (takes(e)) cover_lists_.warmups.push_back(rules_.Durations(e));
    }
    for (int e : candidates_[int(Phase::kCooldown)]) {
      if (takes(e)) {
        cover_lists_.AddCooldown(least_[e], IsCooldownStretch(c_.exercises[e], Phase::kCooldown));
      }
    }
    return LeastCovers(cover_lists_, rules_.options(), cover_scratch_);
  }
  // The least session of day d of the items `which` selects; on a pinned day also its
  // covers and its pinned main uses (of an item only the main part takes, or pinned to
  // it) together.
  int LeastDaySession(int d, int which) {
    const int session = LeastSession(which);
    int64_t main = 0;
    bool pinned_main = false;
    for (const PinnedUse& pin : pins_of_day_[d]) {
      const PhaseMask phases = c_.exercises[pin.exercise].phases;
      if (pin.phase ? *pin.phase != Phase::kMain : phases != PhaseBit(Phase::kMain)) continue;
      pinned_main = true;
      main += pin.minutes ? *pin.minutes : rules_.Durations(pin.exercise).least;
    }
    if (!pinned_main) return session;
    const int64_t least = CoversLeast(-1, which).total() + main;
    return static_cast<int>(std::clamp<int64_t>(least, session, kInfinity));
  }
  // The least session day `d` can still hold (kUnpinned: a day without pins): of the
  // items left, and on a pinned day its own pinned items; computed again only when an
  // item's last use came or went.
  static constexpr int kUnpinned = kDaysPerWeek;
  int DayLeast(int d) {
    const bool pinned = d < kDaysPerWeek && !pins_of_day_[d].empty();
    const int slot = pinned ? d : kUnpinned;
    if (exhausted_ == 0) return pinned ? least_pinned_session_[d] : least_session_;
    if (left_at_[slot] == exhaustions_) return left_least_[slot];
    // The search returns to the same used-up sets again and again as it backtracks: with
    // at most 64 items they are remembered by their bits.
    int least = 0;
    auto* remembered = exhausted_bits_ ? &remembered_[slot] : nullptr;
    const auto it = remembered ? remembered->find(*exhausted_bits_) : remembered_[0].end();
    if (remembered && it != remembered->end()) {
      least = it->second;
    } else {
      least = pinned ? LeastDaySession(d, d) : LeastSession(kLeft);
      if (remembered && remembered->size() < kRememberedMost) {
        remembered->emplace(*exhausted_bits_, least);
      }
    }
    left_least_[slot] = least;
    left_at_[slot] = exhaustions_;
    return least;
  }

  // The pins of day d (H10), each in a phase it may take (the pinned one when given)
  // and for its pinned minutes; without pinned minutes a main use takes its least (a
  // shorter use never breaks a rule the longer one keeps) and a warm-up or cool-down use
  // tries each duration, since the phase's minimum may need more than the least.
  bool PlacePins(int d, std::size_t i, int remaining) {
    if (i == pins_of_day_[d].size()) return PickMain(d, remaining);
    const PinnedUse& pin = pins_of_day_[d][i];
    const CompiledExercise& x = c_.exercises[pin.exercise];
    const DurationRange range = rules_.Durations(pin.exercise);
    for (Phase phase : AllValues<Phase>()) {
      if ((pin.phase && *pin.phase != phase) || !(x.phases & PhaseBit(phase))) continue;
      if (InDay(d, pin.exercise)) return false;
      std::vector<int> durations;
      if (pin.minutes) {
        durations.push_back(*pin.minutes);
      } else if (phase == Phase::kMain || range.fixed) {
        durations.push_back(range.least);
      } else {
        for (int m = range.least; m <= range.most; m += range.step) durations.push_back(m);
      }
      for (int minutes : durations) {
        if (minutes <= 0 || !AddUse(d, {pin.exercise, phase, minutes})) continue;
        if (PlacePins(d, i + 1, remaining)) return true;  // keep the week
        RemoveUse(d, pin.exercise);
        if (exhausted_budget()) return false;
      }
    }
    return false;
  }

  bool PickMain(int d, int remaining) {
    // A pinned main item makes the day's main part: another one is never needed.
    if (PhaseUses(d, Phase::kMain) > 0) {
      return PickCover(d, remaining, Phase::kWarmup, 0, PhaseMinutes(d, Phase::kWarmup));
    }
    const Tried tried(tried_);
    for (int e : candidates_[int(Phase::kMain)]) {
      if (!Usable(e) || InDay(d, e) || Seen(tried, e)) continue;
      if (!Add(d, e, Phase::kMain)) continue;
      if (PickCover(d, remaining, Phase::kWarmup, 0, PhaseMinutes(d, Phase::kWarmup))) {
        return true;  // keep the week
      }
      Remove(d, e);
      if (exhausted_budget()) return false;
    }
    return false;
  }

  int PhaseMinutes(int d, Phase phase) const {
    int minutes = 0;
    for (const Use& u : week_.days[d]) minutes += u.phase == phase ? u.minutes : 0;
    return minutes;
  }
  int PhaseUses(int d, Phase phase) const {
    int uses = 0;
    for (const Use& u : week_.days[d]) uses += u.phase == phase;
    return uses;
  }

  // Adds items of `phase` (from candidate position `from`) until they total the
  // phase's minimum; then moves on to the cooldown, then to the next day.
  bool PickCover(int d, int remaining, Phase phase, std::size_t from, int have) {
    if (++nodes_ > budget_) return false;
    const int need = phase == Phase::kWarmup ? rules_.options().min_warmup_minutes
                                             : rules_.options().min_cooldown_minutes;
    // A cool-down is complete with its minutes and a stretch (H4).
    if (have >= need && (phase == Phase::kWarmup || HasStretch(d))) {
      if (phase == Phase::kWarmup) {
        return PickCover(d, remaining, Phase::kCooldown, 0, PhaseMinutes(d, Phase::kCooldown));
      }
      return DayHolds(d) && PlaceDay(d + 1, remaining - 1);
    }
    // A warm-up short of its minimum whose aerobic uses may take longer (H9): lengthened by
    // the fewest whole steps that reach it. The longer uses touch only rules that read the
    // total (time, volume, the warm-up's maximum), and the least total a set of items makes
    // is its least minutes and whole steps, so one try per set of items is complete.
    // Adding another item instead is tried after it.
    if (phase == Phase::kWarmup && have < need && LengthenWarmup(d, need - have)) {
      if (PickCover(d, remaining, Phase::kCooldown, 0, PhaseMinutes(d, Phase::kCooldown))) {
        return true;  // keep the week
      }
      RestoreWarmup(d);
      if (exhausted_budget()) return false;
    }
    const auto& list = candidates_[int(phase)];
    const Tried tried(tried_);
    for (std::size_t i = from; i < list.size(); ++i) {
      const int e = list[i];
      if (!Usable(e) || InDay(d, e) || Seen(tried, e)) continue;
      if (!Add(d, e, phase)) continue;
      if (PickCover(d, remaining, phase, i + 1, have + least_[e])) {
        return true;  // keep the week
      }
      Remove(d, e);
      if (exhausted_budget()) return false;
    }
    return false;
  }

  // Lengthens day `d`'s aerobic warm-up uses by `deficit` minutes rounded up to the step,
  // each within its range; false (nothing changed) when they cannot or the day then
  // breaks a rule. RestoreWarmup puts them back.
  bool LengthenWarmup(int d, int deficit) {
    const int step = rules_.options().aerobic_minutes_step;
    int left = (deficit + step - 1) / step * step;
    // A pin's minutes stay as pinned (H10).
    const auto can_lengthen = [&](const Use& u) {
      if (u.phase != Phase::kWarmup) return false;
      for (const PinnedUse& pin : pins_of_day_[d]) {
        if (pin.minutes && pin.exercise == u.exercise) return false;
      }
      return true;
    };
    int room = 0;
    for (const Use& u : week_.days[d]) {
      if (can_lengthen(u)) room += rules_.Durations(u.exercise).most - u.minutes;
    }
    if (room < left) return false;
    auto& saved = lengthened_[d];
    saved.clear();
    for (std::size_t i = 0; i < week_.days[d].size() && left > 0; ++i) {
      Use& u = week_.days[d][i];
      if (!can_lengthen(u)) continue;
      const int more = std::min(left, rules_.Durations(u.exercise).most - u.minutes);
      if (more <= 0) continue;
      saved.push_back({i, u.minutes});
      u.minutes += more;
      total_ += more;
      left -= more;
    }
    if (PartialHolds(d)) return true;
    RestoreWarmup(d);
    return false;
  }
  void RestoreWarmup(int d) {
    for (const auto& [index, minutes] : lengthened_[d]) {
      total_ -= week_.days[d][index].minutes - minutes;
      week_.days[d][index].minutes = minutes;
    }
    lengthened_[d].clear();
  }

  // The (class, uses) pairs tried at one choice: the top of the stack `tried_`, from
  // where it stood when the choice began. The choices nested in it push above and pop
  // back on their way out, so every choice of the depth-first search shares one buffer
  // instead of allocating its own.
  class Tried {
   public:
    explicit Tried(std::vector<std::pair<int, int>>& stack) : stack_(stack), base_(stack.size()) {}
    ~Tried() { stack_.resize(base_); }
    Tried(const Tried&) = delete;
    Tried& operator=(const Tried&) = delete;
    std::vector<std::pair<int, int>>& stack() const { return stack_; }
    std::size_t base() const { return base_; }

   private:
    std::vector<std::pair<int, int>>& stack_;
    std::size_t base_;
  };

  // Interchangeable with an item already tried at this choice?
  bool Seen(const Tried& tried, int e) const {
    const std::pair<int, int> key = {klass_[e], uses_[e]};
    std::vector<std::pair<int, int>>& stack = tried.stack();
    const auto begin = stack.begin() + static_cast<std::ptrdiff_t>(tried.base());
    if (std::find(begin, stack.end(), key) != stack.end()) return true;
    stack.push_back(key);
    return false;
  }

  bool HasStretch(int d) const {
    for (const Use& u : week_.days[d]) {
      if (IsCooldownStretch(c_.exercises[u.exercise], u.phase)) return true;
    }
    return false;
  }

  bool Usable(int e) const {
    return !enforced_.repetition || uses_[e] < MaxDaysOf(ctx_, c_.exercises[e], e);
  }
  bool InDay(int d, int e) const {
    for (const Use& u : week_.days[d]) {
      if (u.exercise == e) return true;
    }
    return false;
  }

  // Adds a use and checks what it can break at once: time, volume, recovery, impact.
  bool Add(int d, int e, Phase phase) { return Add(d, e, phase, least_[e]); }
  bool Add(int d, int e, Phase phase, int minutes) {
    CountUse(e);
    if (AddUse(d, {e, phase, minutes})) return true;
    UncountUse(e);
    return false;
  }
  void Remove(int d, int e) {
    RemoveUse(d, e);
    UncountUse(e);
  }
  // H7's count of an item's uses, and of the items used up (DayLeast).
  void CountUse(int e) {
    ++uses_[e];
    if (enforced_.repetition && uses_[e] == MaxDaysOf(ctx_, c_.exercises[e], e)) {
      ++exhausted_;
      ++exhaustions_;
      if (exhausted_bits_) *exhausted_bits_ ^= uint64_t{1} << e;
    }
  }
  void UncountUse(int e) {
    if (enforced_.repetition && uses_[e] == MaxDaysOf(ctx_, c_.exercises[e], e)) {
      --exhausted_;
      ++exhaustions_;
      if (exhausted_bits_) *exhausted_bits_ ^= uint64_t{1} << e;
    }
    --uses_[e];
  }
  // The same without counting the use for H7: a pin's use is counted from the start.
  bool AddUse(int d, const Use& use) {
    week_.Insert(d, use);
    total_ += use.minutes;
    if (PartialHolds(d)) return true;
    RemoveUse(d, use.exercise);
    return false;
  }
  void RemoveUse(int d, int e) {
    auto& day = week_.days[d];
    auto it = std::find_if(day.begin(), day.end(), [e](const Use& u) { return u.exercise == e; });
    total_ -= it->minutes;
    day.erase(it);
  }

  bool PartialHolds(int d) const {
    if (enforced_.time && week_.DayMinutes(d) > ctx_.availability[d]) return false;
    if (enforced_.volume && total_ > VolumeLimit(ctx_)) return false;
    if (WarmupMinutes(d) > rules_.options().max_warmup_minutes) return false;  // H4
    if (enforced_.impact || enforced_.recovery) return WeekHolds();
    return true;
  }
  int WarmupMinutes(int d) const {
    int minutes = 0;
    for (const Use& u : week_.days[d]) minutes += u.phase == Phase::kWarmup ? u.minutes : 0;
    return minutes;
  }
  bool DayHolds(int /*d*/) const { return true; }  // structure holds by construction
  // H5 and H6 over the days placed so far (cyclic).
  bool WeekHolds() const {
    return CrossDayRulesHold(week_, c_, enforced_.recovery, enforced_.impact, ctx_.from_day,
                             MaxHighImpactDays(ctx_));
  }

  const WeekRules& rules_;
  const CompiledCatalog& c_;
  const WeekContext& ctx_;
  Enforced enforced_;
  int64_t budget_;
  int64_t nodes_ = 0;
  SearchWeek week_;
  std::vector<int> uses_;
  int total_ = 0;
  std::vector<int> klass_;
  std::vector<int> least_;  // the least minutes of a use (H9); 0: the item cannot be used
  std::array<std::vector<int>, 3> candidates_;
  std::vector<std::pair<int, int>> tried_;                // Tried's stack
  int least_session_ = 0;                                 // LeastSession(kEvery)
  std::array<int, kDaysPerWeek> least_pinned_session_{};  // LeastDaySession(d, kEvery)
  std::array<int, kDaysPerWeek + 1> hostable_from_{};     // days d.. with time for a session
  int exhausted_ = 0;        // eligible items used on as many days as H7 allows
  int64_t exhaustions_ = 0;  // changes of the used-up set, each a new DayLeast
  std::array<int64_t, kDaysPerWeek + 1> left_at_{};  // exhaustions_ when computed (-1: never)
  std::array<int, kDaysPerWeek + 1> left_least_{};   // DayLeast by day (kUnpinned: no pins)
  // Catalogs of at most 64 items: the used-up items as bits, and DayLeast by those bits.
  std::optional<uint64_t> exhausted_bits_;
  static constexpr std::size_t kRememberedMost = std::size_t{1} << 16;
  std::array<std::unordered_map<uint64_t, int>, kDaysPerWeek + 1> remembered_;
  CoverLists cover_lists_;  // CoversLeast's lists and scratch, kept for reuse
  CoverScratch cover_scratch_;
  // By day: the warm-up uses LengthenWarmup lengthened, with their minutes before.
  std::array<std::vector<std::pair<std::size_t, int>>, kDaysPerWeek> lengthened_;
  std::array<std::vector<PinnedUse>, kDaysPerWeek> pins_of_day_;  // H10
  unsigned required_ = 0;  // bit d: day d must train (a train day or a pinned day)
  int happened_days_ = 0;  // replan: training days that happened
};

std::string DayCount(int n) { return absl::StrCat(n, n == 1 ? " day" : " days"); }

// Necessary conditions, each a proof of infeasibility on its own.
std::vector<Diagnosis> NecessaryConditions(const WeekRules& rules) {
  const CompiledCatalog& c = rules.compiled();
  const WeekContext& ctx = rules.context();
  const PlannerOptions& options = rules.options();
  const int min_days = ctx.targets.min_training_days;
  std::vector<Diagnosis> found;
  if (min_days > ctx.targets.max_training_days) {
    found.push_back({"training_days_range",
                     internal::Format("the options ask for at least %d and at most %d training "
                                      "days; raise the maximum or lower the minimum",
                                      min_days, ctx.targets.max_training_days)});
    return found;
  }
  if (min_days == 0) return found;

  std::array<std::vector<int>, 3> minutes;  // least minutes of eligible items per phase
  std::array<int, 3> capacity{};            // uses per week available per phase
  CoverLists lists;                         // what the least covers read of the items
  std::vector<CoverItem> warmup_items;      // each eligible warm-up item
  std::vector<CoverItem> cooldown_items;    // each eligible cool-down item
  for (auto& list : minutes) list.reserve(c.exercises.size());
  int stretch_capacity = 0;
  for (std::size_t e = 0; e < c.exercises.size(); ++e) {
    const DurationRange range = rules.Durations(static_cast<int>(e));
    const int least = range.least;
    if (!ctx.eligible[e] || least == 0) continue;
    if (c.exercises[e].phases & PhaseBit(Phase::kWarmup)) {
      lists.warmups.push_back(range);
      // Toward a warm-up count, a use at its longest within the warm-up's maximum.
      const int longest =
          range.fixed ? range.least
                      : std::max(range.least, std::min(range.most, options.max_warmup_minutes) /
                                                  range.step * range.step);
      warmup_items.push_back({longest, least, c.exercises[e].max_per_week, false});
    }
    for (Phase p : AllValues<Phase>()) {
      if (c.exercises[e].phases & PhaseBit(p)) {
        minutes[int(p)].push_back(least);
        capacity[int(p)] += c.exercises[e].max_per_week;
      }
    }
    if (c.exercises[e].phases & PhaseBit(Phase::kCooldown)) {
      const bool is_stretch = IsCooldownStretch(c.exercises[e], Phase::kCooldown);
      lists.AddCooldown(least, is_stretch);
      cooldown_items.push_back({least, least, c.exercises[e].max_per_week, is_stretch});
      stretch_capacity += is_stretch ? c.exercises[e].max_per_week : 0;
    }
  }
  const int eligible_count =
      static_cast<int>(std::count(ctx.eligible.begin(), ctx.eligible.end(), uint8_t{1}));
  const char* phase_words[3] = {"warm-up", "main", "cool-down"};
  // With the option min_warmup_minutes at 0 a session may go without a warm-up (H4 reads
  // the option), so the warm-up items are then no condition.
  const bool needs_warmup = options.min_warmup_minutes > 0;
  if (needs_warmup && minutes[int(Phase::kWarmup)].empty()) {
    found.push_back(
        {"no_dynamic_warmup",
         internal::Format("no dynamic warm-up exercise (aerobic work, or a mobility drill done "
                          "as repetitions) is eligible for this profile (%d of %d catalog "
                          "exercises are eligible); add equipment such as a mat, remove "
                          "exclusions, or use a catalog with gentle warm-up exercises",
                          eligible_count, c.exercises.size())});
  }
  if (minutes[int(Phase::kMain)].empty()) {
    found.push_back(
        {"no_main_item",
         internal::Format("no main exercise is eligible for this profile (%d of %d catalog "
                          "exercises are eligible); add equipment such as a mat, remove "
                          "exclusions, or use a catalog with gentler exercises",
                          eligible_count, c.exercises.size())});
  }
  if (std::find(lists.stretches.begin(), lists.stretches.end(), true) == lists.stretches.end()) {
    found.push_back(
        {"no_cooldown_stretch",
         internal::Format("no stretch (a flexibility exercise for the cool-down) is eligible "
                          "for this profile, and every session ends with one (%d of %d "
                          "catalog exercises are eligible); add equipment such as a mat, "
                          "remove exclusions, clear a stretch, or use a catalog with gentle "
                          "standing or seated stretches",
                          eligible_count, c.exercises.size())});
  }
  if (!found.empty()) return found;

  CoverScratch scratch;
  const Covers least = LeastCovers(lists, options, scratch);
  const int warmup = static_cast<int>(least.warmup);
  const int cooldown = static_cast<int>(least.cooldown);
  if (warmup >= kInfinity) {
    found.push_back({"warmup_too_short",
                     internal::Format("the eligible warm-up exercises cannot fill the %d minutes "
                                      "a warm-up needs",
                                      options.min_warmup_minutes)});
  } else if (warmup > options.max_warmup_minutes) {
    found.push_back({"warmup_too_long",
                     internal::Format("the shortest warm-up the eligible exercises make lasts "
                                      "%d minutes, over the %d-minute limit of a warm-up",
                                      warmup, options.max_warmup_minutes)});
  }
  if (cooldown >= kInfinity) {
    found.push_back({"cooldown_too_short",
                     internal::Format("the eligible cool-down exercises cannot fill the %d "
                                      "minutes a cool-down needs with a stretch among them",
                                      options.min_cooldown_minutes)});
  }
  if (!found.empty()) return found;

  const int least_main =
      *std::min_element(minutes[int(Phase::kMain)].begin(), minutes[int(Phase::kMain)].end());
  const int session = warmup + least_main + cooldown;  // a lower bound on any session
  if (session > ctx.session_cap) {
    found.push_back(
        {"session_cap",
         internal::Format("the shortest session the eligible exercises make (warm-up, one "
                          "exercise, cool-down) lasts %d minutes, over the %d-minute session "
                          "cap for fitness %d; shorter exercises, or the option "
                          "session_cap_by_fitness, would allow a plan",
                          session, ctx.session_cap, ctx.fitness)});
    return found;
  }
  int days_with_time = 0;
  for (int minutes_free : ctx.availability) days_with_time += minutes_free >= session;
  if (days_with_time < min_days) {
    found.push_back(
        {"too_few_days",
         internal::Format("only %s %s %d or more minutes available; a plan needs at least %d "
                          "training days of at least %d minutes (warm-up, one exercise, "
                          "cool-down); free more time on %s",
                          DayCount(days_with_time), days_with_time == 1 ? "has" : "have", session,
                          min_days, session, DayCount(min_days - days_with_time))});
  }
  if (min_days * session > ctx.targets.volume_cap) {
    if (ctx.has_history) {
      found.push_back(
          {"volume_cap",
           internal::Format("this week's volume cap is %d minutes (10%% more than the %d "
                            "minutes completed last week, at least %d); %d sessions need "
                            "at least %d minutes; complete more of the plan first",
                            ctx.targets.volume_cap, ctx.completed_minutes,
                            options.history_cap_floor, min_days, min_days * session)});
    } else if (ctx.first_week_cap) {
      found.push_back(
          {"first_week_cap",
           internal::Format("a first week for fitness %d holds at most %d minutes, below the "
                            "%d minutes that %d minimal sessions need; shorter exercises, or "
                            "the option first_week_cap_by_fitness, would allow a plan",
                            ctx.fitness, ctx.targets.volume_cap, min_days * session, min_days)});
    } else {
      found.push_back(
          {"volume_cap",
           internal::Format("the volume cap of %d minutes is below the %d minutes that %d "
                            "minimal sessions need",
                            ctx.targets.volume_cap, min_days * session, min_days)});
    }
  }
  if (stretch_capacity < min_days) {
    found.push_back(
        {"cooldown_stretch_repetition",
         internal::Format("the eligible stretches may be used on %d days of the week in all, "
                          "fewer than the %d training days a plan needs (each cool-down holds "
                          "a stretch)",
                          stretch_capacity, min_days)});
  }
  // Fewer warm-ups or cool-downs than training days, told by the covers the items make.
  struct Covers {
    Phase phase;
    const std::vector<CoverItem>& items;
    int need;
    int most;
    bool needs_stretch;
    const char* noun;
    const char* holds;
  };
  const Covers covers[] = {
      {Phase::kWarmup, warmup_items, options.min_warmup_minutes, options.max_warmup_minutes, false,
       "warm-up", ""},
      {Phase::kCooldown, cooldown_items, options.min_cooldown_minutes, kInfinity, true, "cool-down",
       " with a stretch"},
  };
  for (const Covers& c : covers) {
    if (!found.empty() || (c.phase == Phase::kWarmup && !needs_warmup)) continue;
    const int made = CoverCount(c.items, c.need, c.most, c.needs_stretch, min_days);
    if (made < 0 || made >= min_days) continue;
    found.push_back(
        {std::string(ToName(c.phase)) + "_repetition",
         internal::Format("the eligible %s exercises make at most %d %ss in a week (each of at "
                          "least %d minutes%s, an exercise once a day and on at most its "
                          "max_per_week days), fewer than the %d training days a plan needs",
                          c.noun, made, c.noun, c.need, c.holds, min_days)});
  }
  for (Phase p : AllValues<Phase>()) {
    if (capacity[int(p)] < min_days && (p != Phase::kWarmup || needs_warmup)) {
      found.push_back(
          {std::string(ToName(p)) + "_repetition",
           internal::Format("the eligible %s exercises may be used on %d days of the week in "
                            "all, fewer than the %d training days a plan needs",
                            phase_words[int(p)], capacity[int(p)], min_days)});
    }
  }
  return found;
}

std::string DayName(int d) { return std::string(kDayNames[d]); }

// "\"squat\" on monday" for a pin, with its phase and minutes where given.
std::string PinWords(const WeekRules& rules, const PinnedUse& pin) {
  std::string words =
      absl::StrCat("\"", rules.catalog().exercises()[pin.exercise].id, "\" on ", DayName(pin.day));
  if (pin.phase) absl::StrAppend(&words, " (", std::string(ToName(*pin.phase)), ")");
  if (pin.minutes) absl::StrAppend(&words, " for ", *pin.minutes, " minutes");
  return words;
}

std::string DayList(unsigned days) {
  std::vector<std::string> names;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if ((days >> d) & 1u) names.push_back(DayName(d));
  }
  return absl::StrJoin(names, ", ");
}

// The least minutes a pinned use takes (its pinned minutes, else the item's least).
int PinMinutes(const WeekRules& rules, const PinnedUse& pin) {
  return pin.minutes ? *pin.minutes : rules.Durations(pin.exercise).least;
}

// The least minutes of a main item (H4) of day d that is not pinned there (an item once a
// day); kInfinity when no eligible item may be the main part.
int LeastUnpinnedMain(const WeekRules& rules, int d) {
  const WeekContext& ctx = rules.context();
  const CompiledCatalog& c = rules.compiled();
  int least = kInfinity;
  for (std::size_t e = 0; e < c.exercises.size(); ++e) {
    if (!ctx.eligible[e] || !(c.exercises[e].phases & PhaseBit(Phase::kMain))) continue;
    const bool pinned_here = std::any_of(ctx.pins.begin(), ctx.pins.end(), [&](const PinnedUse& p) {
      return p.day == d && p.exercise == static_cast<int>(e);
    });
    const DurationRange range = rules.Durations(static_cast<int>(e));
    if (!pinned_here && !range.Empty()) least = std::min(least, range.least);
  }
  return least;
}

// What the pins and train days (section 12) break on their own, each a proof that no
// valid week holds them, named in words a clinician can act on: an item eligibility
// excludes (`pinned_ineligible`), and pins that break a rule by themselves or together
// (`pins_conflict`: H4 a phase or warm-up too long, H2 a day's time, H3 too many
// required days, H5 recovery, H6 impact spacing, H7 repetition, H8 the volume cap).
std::vector<Diagnosis> PinDiagnosis(const WeekRules& rules) {
  const WeekContext& ctx = rules.context();
  const CompiledCatalog& c = rules.compiled();
  const PlannerOptions& o = rules.options();
  std::vector<Diagnosis> found;
  if (ctx.refer) return found;
  const auto conflict = [&found](std::string text) {
    found.push_back({"pins_conflict", std::move(text)});
  };
  for (const PinnedUse& pin : ctx.pins) {
    if (ctx.eligible[pin.exercise]) continue;
    const std::string& reason = ctx.exclusion[pin.exercise];
    std::string way_out;
    if (reason.starts_with("contraindicated:") || reason.starts_with("caution:") ||
        reason == "unreviewed") {
      way_out = absl::StrCat(
          "a clinician who judges it safe for this person can list it in "
          "`cleared`, which overrides a contraindication, a caution or a "
          "missing review; or remove the pin");
    } else if (reason == "excluded") {
      way_out = "the person's own `exclude` list holds it: remove it there or remove the pin";
    } else if (reason == "equipment") {
      way_out = "add the equipment it needs to the profile, or remove the pin";
    } else if (reason == "worsened") {
      way_out = "it made pain worse last week, which `cleared` does not override; remove the pin";
    } else {
      way_out = "`cleared` does not override this rule; remove the pin or pin an easier item";
    }
    found.push_back({"pinned_ineligible",
                     absl::StrCat(PinWords(rules, pin), " is pinned, but eligibility excludes ",
                                  "it for this profile (", reason, "; H1); ", way_out)});
  }
  if (!found.empty()) return found;

  // H9: an aerobic item pinned without minutes whose range, for this person, holds no
  // multiple of the aerobic step is never held. (Pinned minutes are checked against the
  // range when the profile is read.) Without this check the search tried every session
  // of the days before the pinned one: 2.8 million nodes for a pin on a Sunday.
  for (const PinnedUse& pin : ctx.pins) {
    if (pin.minutes || !rules.Durations(pin.exercise).Empty()) continue;
    conflict(absl::StrCat(PinWords(rules, pin), " is pinned, but no duration of it is allowed: ",
                          "its minutes, ", c.exercises[pin.exercise].min_minutes, " to ",
                          ctx.max_minutes[pin.exercise], " for this person, hold no multiple of ",
                          "the ", o.aerobic_minutes_step, "-minute aerobic step (H9: duration); ",
                          "pin another item, or choose an aerobic step the range holds"));
  }
  // H4: a phase the item may not take; a warm-up over its maximum.
  for (const PinnedUse& pin : ctx.pins) {
    if (pin.phase && !(c.exercises[pin.exercise].phases & PhaseBit(*pin.phase))) {
      conflict(absl::StrCat(PinWords(rules, pin), " is pinned in a phase the exercise may not ",
                            "take (H4: session structure); pin it without a phase or in one ",
                            "of its phases"));
    }
  }
  for (int d = 0; d < kDaysPerWeek; ++d) {
    int least = 0, warmup = 0;
    bool main_pinned = false;  // a pin of day d may be its session's main item (H4)
    std::vector<std::string> names;
    for (const PinnedUse& pin : ctx.pins) {
      if (pin.day != d) continue;
      least += PinMinutes(rules, pin);
      if (pin.phase == Phase::kWarmup) warmup += PinMinutes(rules, pin);
      main_pinned = main_pinned ||
                    (pin.phase ? *pin.phase == Phase::kMain
                               : (c.exercises[pin.exercise].phases & PhaseBit(Phase::kMain)) != 0);
      names.push_back(PinWords(rules, pin));
    }
    if (warmup > o.max_warmup_minutes) {
      conflict(absl::StrCat("the warm-up pins on ", DayName(d), " take ", warmup,
                            " minutes, over the ", o.max_warmup_minutes,
                            "-minute limit of a warm-up (H4: session structure); shorten them "
                            "or pin one in the main part"));
    }
    if (least > ctx.availability[d]) {
      conflict(absl::StrCat("the pins ", absl::StrJoin(names, ", "), " take at least ", least,
                            " minutes, more than the ", ctx.availability[d], " minutes ",
                            DayName(d), " allows (H2: time per day); move a pin or free time"));
    } else if (!names.empty() && !main_pinned) {
      // Pinned only in the warm-up or the cool-down, the day's session still needs a main
      // item of its own (H4: an item once a day, so not one pinned there).
      const int main = LeastUnpinnedMain(rules, d);
      if (main >= kInfinity || least + main > ctx.availability[d]) {
        conflict(absl::StrCat(
            "the pins ", absl::StrJoin(names, ", "), " take at least ", least,
            " minutes, and the session needs a main exercise too",
            main >= kInfinity ? std::string(" but none is eligible")
                              : absl::StrCat(" (at least ", main, " minutes)"),
            "; ", DayName(d), " allows ", ctx.availability[d],
            " minutes (H2: time per day, H4: session structure); move a pin or free time"));
      }
    }
  }
  // H3: too many required days.
  if (std::popcount(ctx.required_days) > ctx.targets.max_training_days) {
    conflict(absl::StrCat(
        "pins and train days ask for ", std::popcount(ctx.required_days), " training days (",
        DayList(ctx.required_days), "); band ", std::string(ToName(ctx.band)), " allows at most ",
        ctx.targets.max_training_days, " (H3: training days); remove pins or train days"));
  }
  // H7: an item pinned on more days than it may be used.
  for (std::size_t i = 0; i < ctx.pins.size(); ++i) {
    const int e = ctx.pins[i].exercise;
    bool first = true;
    unsigned days = 0;
    for (std::size_t j = 0; j < ctx.pins.size(); ++j) {
      if (ctx.pins[j].exercise != e) continue;
      if (j < i) first = false;
      days |= 1u << ctx.pins[j].day;
    }
    if (first && std::popcount(days) > c.exercises[e].max_per_week) {
      conflict(absl::StrCat("\"", rules.catalog().exercises()[e].id, "\" is pinned on ",
                            std::popcount(days), " days (", DayList(days), "); it may be used on ",
                            c.exercises[e].max_per_week,
                            " days a week (H7: repetition); remove a pin"));
    }
  }
  // H5 and H6 between two pins.
  for (const PinnedUse& a : ctx.pins) {
    for (const PinnedUse& b : ctx.pins) {
      if (a.day == b.day) continue;
      const CompiledExercise& x = c.exercises[a.exercise];
      const CompiledExercise& y = c.exercises[b.exercise];
      const int after = (b.day - a.day + kDaysPerWeek) % kDaysPerWeek;
      if (RecoveryClash(x, after, y)) {
        std::vector<std::string> muscles;
        for (Muscle m : AllValues<Muscle>()) {
          if (x.primary & y.primary & (1u << static_cast<int>(m))) {
            muscles.push_back(std::string(ToName(m)));
          }
        }
        conflict(absl::StrCat("strength items for ", absl::StrJoin(muscles, " and "), " pinned on ",
                              DayName(a.day), " (\"", rules.catalog().exercises()[a.exercise].id,
                              "\") and ", DayName(b.day), " (\"",
                              rules.catalog().exercises()[b.exercise].id, "\") break the ",
                              rules.catalog().exercises()[a.exercise].rest_hours,
                              "-hour recovery (H5: recovery); move one of them"));
      }
      if (after == 1 && Jarring(x.impact) && Jarring(y.impact)) {
        conflict(absl::StrCat(PinWords(rules, a), " and ", PinWords(rules, b),
                              " are both moderate or high impact on consecutive days (H6: "
                              "impact spacing); leave a day between them"));
      }
    }
  }
  unsigned high = 0;
  for (const PinnedUse& pin : ctx.pins) {
    if (c.exercises[pin.exercise].impact == Impact::kHigh) high |= 1u << pin.day;
  }
  if (std::popcount(high) > kMaxHighImpactDays) {
    conflict(absl::StrCat("high-impact items are pinned on ", std::popcount(high), " days (",
                          DayList(high), "); at most ", kMaxHighImpactDays,
                          " days a week may hold high impact (H6: impact spacing)"));
  }
  // H8: the pinned minutes alone pass the volume cap.
  int pinned = 0;
  for (const PinnedUse& pin : ctx.pins) pinned += PinMinutes(rules, pin);
  if (pinned > ctx.targets.volume_cap) {
    conflict(absl::StrCat("the pins take at least ", pinned, " minutes, over this week's volume ",
                          "cap of ", ctx.targets.volume_cap,
                          " minutes (H8: volume); remove or shorten pins"));
  }
  return found;
}

}  // namespace

Feasibility AnalyseFeasibility(const WeekRules& rules, int64_t node_budget,
                               const SearchWeek* happened) {
  Feasibility result;
  // The necessary conditions reason about a whole week; with days that happened only the
  // exhaustive search below is the judge.
  if (happened == nullptr) {
    result.diagnosis = PinDiagnosis(rules);
    if (result.diagnosis.empty()) result.diagnosis = NecessaryConditions(rules);
  }
  if (!result.diagnosis.empty()) {
    result.verdict = Feasibility::Verdict::kInfeasible;
    return result;
  }
  WeekSearch search(rules, Enforced{}, node_budget, happened);
  const bool found = search.Run();
  result.nodes = search.nodes();
  if (found) {
    result.verdict = Feasibility::Verdict::kFeasible;
    result.week = search.week();
    return result;
  }
  if (search.exhausted_budget()) return result;  // kUndetermined

  // Proven infeasible. Name the rules whose relaxation alone would admit a week.
  result.verdict = Feasibility::Verdict::kInfeasible;
  const WeekContext& ctx = rules.context();
  if (happened != nullptr) {
    result.diagnosis.push_back(
        {"replan_conflict",
         internal::Format("no plan for the days from %s on keeps every rule together with "
                          "what happened before (recovery and impact spacing across the "
                          "boundary, training days, repetition and the volume cap counting "
                          "what happened); replan from a later day or next week",
                          kDayNames[ctx.from_day])});
    return result;
  }
  if (!ctx.refer && ctx.required_days != 0) {
    Enforced without_pins;
    without_pins.pins = false;
    WeekSearch unpinned(rules, without_pins, node_budget);
    if (unpinned.Run()) {
      // The pins and train days are the cause: name them and the rules they break.
      std::vector<std::string> pins, rules_broken;
      for (const PinnedUse& pin : ctx.pins) pins.push_back(PinWords(rules, pin));
      const std::pair<bool Enforced::*, const char*> relaxable[] = {
          {&Enforced::time, "H2: time per day"},
          {&Enforced::recovery, "H5: recovery"},
          {&Enforced::impact, "H6: impact spacing"},
          {&Enforced::repetition, "H7: repetition"},
          {&Enforced::volume, "H8: volume"}};
      for (const auto& [rule, words] : relaxable) {
        Enforced enforced;
        enforced.*rule = false;
        if (WeekSearch(rules, enforced, node_budget).Run()) rules_broken.push_back(words);
      }
      std::string what = pins.empty() ? "" : absl::StrCat("the pins ", absl::StrJoin(pins, ", "));
      if (ctx.train_days != 0) {
        absl::StrAppend(&what, what.empty() ? "" : " and ", "the train days ",
                        DayList(ctx.train_days));
      }
      result.diagnosis.push_back(
          {"pins_conflict",
           absl::StrCat("no valid week holds ", what, " together with the other rules",
                        rules_broken.empty()
                            ? std::string()
                            : absl::StrCat(" (", absl::StrJoin(rules_broken, "; "), ")"),
                        "; a week without them exists: move or remove a pin or train day")});
      return result;
    }
  }
  struct Relaxation {
    bool Enforced::*rule;
    const char* code;
    const char* text;
  };
  const Relaxation relaxations[] = {
      {&Enforced::time, "daily_time",
       "the minutes available on the days left after spacing sessions are too few"},
      {&Enforced::recovery, "recovery",
       "the eligible strength exercises need rest days for the same muscles that the "
       "week cannot give"},
      {&Enforced::impact, "impact_spacing",
       "the eligible exercises are moderate or high impact and may not be on "
       "consecutive days"},
      {&Enforced::repetition, "repetition",
       "the eligible exercises may not be repeated on enough days of the week"},
      {&Enforced::volume, "volume_cap", "the weekly volume cap is too low for the sessions"},
  };
  const int min_days = rules.context().targets.min_training_days;
  for (const Relaxation& r : relaxations) {
    Enforced enforced;
    enforced.*(r.rule) = false;
    WeekSearch relaxed(rules, enforced, node_budget);
    if (relaxed.Run()) {
      result.diagnosis.push_back(
          {r.code,
           internal::Format("%s; a plan needs at least %d training days", r.text, min_days)});
    }
  }
  if (result.diagnosis.empty()) {
    result.diagnosis.push_back(
        {"rules_conflict",
         internal::Format("no week of %d training days meets the time per day, recovery, "
                          "impact spacing, repetition and volume rules together with the "
                          "eligible exercises; more time, equipment or fewer exclusions help",
                          min_days)});
  }
  return result;
}

}  // namespace backbalance::internal
