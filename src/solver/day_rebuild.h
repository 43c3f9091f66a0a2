// The rebuild of one or two training days by a beam search over their sessions: the
// week's other days stay as they are, and the days get the sessions that raise the week's
// score most among those the beam reaches. Single moves and trades change one or two uses;
// on catalogs of long items and short stretches a better day often differs in three or
// four (a breathing exercise and two stretches traded for two longer relaxation items, a
// stretch moved from the main part to the cool-down), which no chain of improving moves
// reaches. An exact rebuild of one day by CBC, the rest of the week pinned, improved the
// `default` week of 7 of the 10 redrawn-catalog profiles it missed by over 1 %
// (docs/solver-history.md, "Rebuilding days").
//
// The beam builds a day's session in steps: warm-up items, the cool-down's first stretch,
// the rest of the cool-down, then main items. A session enters a step only when the steps
// before it are complete (H4's least minutes, a stretch in the cool-down) and only when
// the day still has the time for what it lacks, so that every session the beam keeps can
// be finished; a day's session is complete with its first main item, and the next day
// opens after it. Within a step the items may come in any order (a fixed order lost the
// sessions whose best item comes late in it: an aerobic main item after a strength one);
// two sessions of one length whose scores and minutes are equal are taken for the same
// (the same uses in another order, or alike ones), and the beam keeps the first. At each
// length it keeps the `width` sessions of highest rank: the score plus the minutes still
// free at the score a minute the days gave before, so that one long item is not preferred
// to two short ones worth more for the time. Every addition passes WeekState::CanAdd, and
// a session holds its phases' least minutes and a stretch by construction: a rebuilt day
// keeps every hard rule.
#ifndef BACKBALANCE_SRC_SOLVER_DAY_REBUILD_H_
#define BACKBALANCE_SRC_SOLVER_DAY_REBUILD_H_

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "solver/search_week.h"
#include "solver/week_state.h"

namespace backbalance::internal {

struct DayRebuildSettings {
  std::size_t width = 12;      // sessions kept at each length
  std::size_t most_uses = 10;  // uses a rebuilt day holds at most
};

class DayRebuilder {
 public:
  // At most this many days are rebuilt together.
  static constexpr std::size_t kMaxDays = 3;

  // `candidates`: the items the beam draws from, by phase (CandidatesByPhase); `ranges`:
  // each exercise's durations (WeekRules::Durations). Both must outlive the rebuilder.
  DayRebuilder(const WeekRules& rules, const std::array<std::vector<int>, 3>& candidates,
               std::span<const DurationRange> ranges, const DayRebuildSettings& settings = {});

  // Replaces the sessions of `days` (1..kMaxDays distinct days, built in that order) by the
  // best ones the beam finds when the week then scores more than kEpsilon higher, or, with
  // `keep_lower` (a search round's tear-down and repair), whatever their score. A rest day
  // among them is opened (CanAdd keeps H3's most training days): every day rebuilt ends
  // with a session. Otherwise, and when one of the days happened (a replan), holds a
  // pinned use or holds more than `most_uses` uses, the week stays as it was. Returns
  // whether the week changed.
  bool Rebuild(WeekState& state, std::span<const int> days, bool keep_lower = false);
  // The same, keeping only sessions that hold a use of `require` on one of the days: a
  // category the week lacks, whose first minutes may be worth more than any single day's
  // best session shows (`mix` counts the least category).
  bool Rebuild(WeekState& state, std::span<const int> days, bool keep_lower, Category require);

 private:
  static constexpr std::size_t kMaxUses = 32;  // across the days rebuilt
  // The steps in which a day's session is built.
  enum Step { kWarmup, kStretch, kCooldown, kMain, kSteps };
  struct Session {
    std::array<Use, kMaxUses> uses{};
    std::array<int, kMaxUses> day_of{};  // the position in `days` of each use's day
    std::size_t count = 0;
    int day_pos = 0;     // the day being built
    int step = kWarmup;  // its step being filled
    // Of the day being built:
    int warmup_minutes = 0, cooldown_minutes = 0, minutes = 0, uses_today = 0;
    double score = 0;
    bool holds_required = false;  // a use of the required category, if any
  };
  struct Child {
    std::size_t parent;  // in beam_
    Use use;
    int day_pos;
    int step;
    double score;
    double rank;  // the score, plus what the time still free is worth at density_
  };
  void Expand(WeekState& state, std::span<const int> days, std::size_t parent);
  // The children of beam_[parent] that add a use of `step` to day `d` (at `day_pos` in the
  // days rebuilt); `today`: the session of that day so far; `later_room`: the minutes of
  // the days rebuilt after it.
  void StepChildren(const WeekState& state, int d, std::size_t parent, int day_pos, int step,
                    const Session& today, int later_room);
  void Offer(const Child& child);
  void Load(WeekState& state, std::span<const int> days, const Session& s) const;
  int DurationsOf(const WeekState& state, int e, Phase phase, std::array<int, 3>& out) const;
  const std::vector<int>& Order(int step) const;
  bool RebuildImpl(WeekState& state, std::span<const int> days, bool keep_lower);
  bool IsRequired(const Use& use) const;

  const WeekContext& ctx_;
  const PlannerOptions& options_;
  const CompiledCatalog& c_;
  DayRebuildSettings settings_;
  const std::array<std::vector<int>, 3>& candidates_;  // by phase
  std::vector<int> stretches_;  // the cool-down candidates that count as its stretch
  std::span<const DurationRange> ranges_;
  int least_main_ = 0;  // the least minutes of a main item
  // The score a minute of the days rebuilt gave before (their part of the score over their
  // minutes): what a minute still free is expected to be worth.
  double density_ = 0;
  std::optional<Category> require_;  // of the rebuild under way
  // Scratch kept across rebuilds, so that a rebuild allocates nothing once made.
  std::vector<Session> beam_, next_beam_;
  std::vector<Child> children_;
  std::array<std::vector<Use>, kMaxDays> saved_;
};

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_DAY_REBUILD_H_
