#include "solver/heuristic_search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <span>
#include <vector>

#include "solver/candidates.h"
#include "solver/day_rebuild.h"
#include "solver/score_bound.h"
#include "solver/week_state.h"

namespace backbalance::internal {
namespace {

// Improvements smaller than this are noise of floating-point sums, not progress.
constexpr double kEpsilon = 1e-9;
// A round may end this many points below the best week and still seed the next one:
// a little wandering lets the search leave a local optimum.
constexpr double kWanderPoints = 1.0;
// A week this close to the score's upper bound (score_bound.h) ends the search: a later
// week would have to score kEpsilon above it to be kept, more than the bound and the
// rounding of the sums (about 1e-12) allow, so stopping returns the very same week.
constexpr double kBoundReached = 1e-10;
// At most three searches a plan (`default`).
constexpr std::size_t kMaxLegs = 3;
// Triples of days are rebuilt together only in a week of at most this many training days:
// their count grows as the cube of the days (120 ordered triples of six), and on the small
// drawn catalogs triples in longer weeks too moved the mean gap by 0.004 points for about
// twice the instructions (docs/solver-history.md, twelfth pass).
constexpr int kTriplesMostDays = 5;
// Items of at most these minutes make up the second start's first week.
constexpr int kShortItemMinutes = 5;
// A use whose score bound (WeekState::ScoreBoundIfAdded) lies this far below the best
// move found is not checked further: far above the rounding of the two sums (1e-12), so
// the scan picks the move it would pick without the bound.
constexpr double kBoundMargin = 1e-6;

enum class MoveKind { kNone, kAdd, kRemove, kReplace, kShift, kOpenDay, kCloseDay, kMoveDay };

struct Move {
  MoveKind kind = MoveKind::kNone;
  int day = 0;
  std::size_t index = 0;  // kRemove, kReplace: the use replaced
  Use use;                // kAdd, kReplace: the new use
  int to_day = 0;         // kMoveDay, kShift
  double score = 0;
};

class Climber {
 public:
  // How AddCovers picks a phase's items: the first that fit in catalogue order, the
  // first that fit shortest first, or the fewest minutes that fill the phase (up to three
  // items: a 15-minute day opens with a 5-minute warm-up, not with three 2-minute ones).
  enum class CoverOrder { kCatalogue, kShortest, kLeastTotal, kValue };

  Climber(const WeekRules& rules, uint64_t seed, const SearchSettings& settings)
      : rules_(rules),
        c_(rules.compiled()),
        ctx_(rules.context()),
        settings_(settings),
        rng_(seed),
        by_phase_(CandidatesByPhase(rules)) {
    // The scratch lists at their largest before the first move, so that no round
    // allocates (BM_PlanSearchRounds counts it).
    constexpr std::size_t kDayUses = 24;
    for (auto* list : {&saved_day_, &saved_move_, &session_, &opened_session_}) {
      list->reserve(kDayUses);
    }
    training_days_.reserve(kDaysPerWeek);
    rest_days_.reserve(kDaysPerWeek);
    removable_.reserve(kDaysPerWeek * kDayUses);
    shortenable_.reserve(kDaysPerWeek * kDayUses);
    journal_.reserve(kDayUses);
    ranges_.reserve(c_.exercises.size());
    aerobic_choices_.resize(c_.exercises.size());
    for (std::size_t e = 0; e < c_.exercises.size(); ++e) {
      ranges_.push_back(rules.Durations(static_cast<int>(e)));
    }
    // The short candidates: aerobic items (placed at their least minutes while short) and
    // the items of the other categories that take the least time: a week built of them
    // first spreads over more muscles and items than one built around long items.
    for (int p = 0; p < 3; ++p) {
      for (int e : by_phase_[p]) {
        const CompiledExercise& x = c_.exercises[e];
        if (x.category == Category::kAerobic) aerobic_by_phase_[p].push_back(e);
        if (x.category == Category::kAerobic || x.minutes <= kShortItemMinutes) {
          short_by_phase_[p].push_back(e);
          if (x.category == Category::kAerobic) short_aerobic_by_phase_[p].push_back(e);
        }
      }
    }
    // The same lists, shortest first: a minimal session for a short day needs its
    // shortest covers, which catalogue order may put last.
    const auto by_least = [&](std::vector<int> list) {
      std::stable_sort(list.begin(), list.end(),
                       [&](int a, int b) { return ranges_[a].least < ranges_[b].least; });
      return list;
    };
    const PlannerOptions& o = rules.options();
    int least_main = 1 << 30;
    for (int e : by_phase_[int(Phase::kMain)]) {
      if (ranges_[e].least > 0) least_main = std::min(least_main, ranges_[e].least);
    }
    least_session_minutes_ = o.min_warmup_minutes + o.min_cooldown_minutes + least_main;
    for (int p = 0; p < 3; ++p) {
      shortest_by_phase_[p] = by_least(by_phase_[p]);
      shortest_short_by_phase_[p] = by_least(short_by_phase_[p]);
    }
  }

  // Makes the climber as new for another search with `seed` and `settings`, keeping its
  // candidate lists and scratch space: the second search of `default` allocates nothing.
  void Restart(uint64_t seed, const SearchSettings& settings) {
    settings_ = settings;
    rng_.seed(seed);
    next_first_day_ = 0;
    deadline_.reset();
    cut_short_ = false;
    short_aerobic_ = false;
  }

  // While set, aerobic items are placed at their least minutes only: the week fills
  // with varied work first, and the time left goes to longer aerobic sessions after.
  void set_short_aerobic(bool value) { short_aerobic_ = value; }
  // What the day rebuilder draws from: the climber's candidates and durations.
  const std::array<std::vector<int>, 3>& candidates() const { return by_phase_; }
  std::span<const DurationRange> ranges() const { return ranges_; }
  void set_rebuilder(DayRebuilder* rebuilder) { rebuilder_ = rebuilder; }
  void set_first_improvement(bool value) { settings_.first_improvement = value; }
  // The end passes stop at the deadline (a time limit caps the whole search); cut_short()
  // says whether they did.
  void set_deadline(std::optional<absl::Time> deadline) { deadline_ = deadline; }
  bool cut_short() const { return cut_short_; }

  // Applies the best improving move until none improves.
  void Climb(WeekState& state) {
    for (;;) {
      Move best;
      best.score = state.Score() + kEpsilon;
      ItemMoves(state, best);
      if (!settings_.first_improvement || best.kind == MoveKind::kNone) DayMoves(state, best);
      if (best.kind != MoveKind::kNone) {
        ApplyMove(state, best);
        continue;
      }
      // No single move improves: try compound trades before giving up.
      if (!Trade(state)) return;
    }
  }

  // Seeds every category whose term weighs and that the week lacks with its best least
  // use: `mix` (the least category term) pays only when no weighing category is empty,
  // which no single greedy addition sees while two of them are.
  void SeedCategories(WeekState& state) {
    for (int c = 0; c < kCategoryCount; ++c) {
      if (ctx_.weights[c] <= 0 || state.CategoryMinutes(static_cast<Category>(c)) > 0) continue;
      Move best;
      best.score = -1e300;
      for (int d = 0; d < kDaysPerWeek; ++d) {
        if (!state.week().Training(d)) continue;
        const Scan scan(state, d);
        for (Phase p : AllValues<Phase>()) {
          for (int e : Candidates(p)) {
            if (int(c_.exercises[e].category) != c || state.InDay(d, e)) continue;
            const Use use{e, p, rules_.Durations(e).least};
            if (use.minutes == 0 || !MayBeat(scan, use, best) || !state.CanAdd(d, use)) continue;
            Consider(best, {MoveKind::kAdd, d, 0, use, 0, 0}, state.ScoreIfAdded(d, use));
          }
        }
      }
      if (best.kind != MoveKind::kNone) ApplyMove(state, best);
    }
  }

  // Tears down a random part of the week, keeping it valid.
  void Perturb(WeekState& state) {
    std::vector<int>& training = training_days_;
    std::vector<int>& rest = rest_days_;
    training.clear();
    rest.clear();
    for (int d = 0; d < kDaysPerWeek; ++d) {
      (state.week().Training(d) ? training : rest).push_back(d);
    }
    if (training.empty()) return;
    const bool rebuild = settings_.rebuild_rounds && rebuilder_ != nullptr;
    const int choice = static_cast<int>(rng_() % (rebuild ? 6 : 5));
    if (choice == 5) {
      // Tear two random training days down and rebuild them together by the beam, the
      // first drawn first: a round's repair that changes whole sessions at once.
      const std::size_t first = rng_() % training.size();
      std::size_t second = rng_() % training.size();
      if (second == first) second = (second + 1) % training.size();  // one day when only one
      const std::array<int, 2> pair{training[first], training[second]};
      rebuilder_->Rebuild(state, std::span<const int>(pair.data(), first == second ? 1 : 2),
                          /*keep_lower=*/true);
      return;
    }
    if (choice == 4) {
      // Close a random training day: its work must find room elsewhere, which a
      // single move cannot do when the day only costs a 3-day window.
      const int min_days = ctx_.refer ? 0 : ctx_.targets.min_training_days;
      const int d = training[rng_() % training.size()];
      if (state.TrainingDays() - 1 >= min_days && state.DayMovable(d)) state.ClearDay(d);
      return;
    }
    if (choice == 0 && !rest.empty()) {
      // Move a random session to a random rest day.
      const int from = training[rng_() % training.size()];
      const int to = rest[rng_() % rest.size()];
      Move m{MoveKind::kMoveDay, from, 0, {}, to, 0};
      if (state.DayMovable(from) && CanMoveDay(state, from, to)) ApplyMove(state, m);
      return;
    }
    if (choice == 3) {
      // Shorten aerobic uses to their least minutes and thin the whole week, so that
      // time held by long aerobic sessions can go to other work.
      for (int d : training) {
        for (std::size_t i = state.week().days[d].size(); i-- > 0;) {
          const Use old = state.week().days[d][i];
          const CompiledExercise& x = c_.exercises[old.exercise];
          const int least = rules_.Durations(old.exercise).least;
          if (x.category == Category::kAerobic && old.minutes > least && state.CanRemove(d, i)) {
            state.RemoveAt(d, i);
            const Use shorter{old.exercise, old.phase, least};
            if (state.CanAdd(d, shorter)) {
              state.Add(d, shorter);
            } else {
              state.InsertAt(d, i, old);
            }
          } else if (rng_() % 3 == 0 && state.CanRemove(d, i) && state.week().days[d].size() > 1) {
            state.RemoveAt(d, i);
          }
        }
      }
      return;
    }
    // Strip removable uses from one or two random days.
    const int days = choice == 1 ? 1 : 2;
    for (int k = 0; k < days; ++k) {
      const int d = training[rng_() % training.size()];
      for (std::size_t i = state.week().days[d].size(); i-- > 0;) {
        if (rng_() % 3 != 0 && state.CanRemove(d, i) && state.week().days[d].size() > 1) {
          state.RemoveAt(d, i);
        }
      }
    }
  }

  // Hands a training day's covers to a rest day: the rest day opens first, with the
  // covers it can fit, and the training day is covered again with what is left (keeping
  // its main items, or else rebuilt as a minimal session), then the week is climbed; a
  // hand-over that scores higher is kept, until none does. A short day needs the short
  // warm-ups and stretches that a long day may hold for no reason, and no single move or
  // trade hands them over: on catalogues of 10- to 20-minute items the week otherwise
  // stays a day short (docs/performance-history.md, "Catalogs of long items").
  void HandOverCovers(WeekState& state) {
    for (bool improved = true; improved;) {
      improved = false;
      for (int to = 0; to < kDaysPerWeek && !improved; ++to) {
        if (state.week().Training(to) || ctx_.availability[to] <= 0) continue;
        for (int from = 0; from < kDaysPerWeek && !improved; ++from) {
          if (!state.week().Training(from) || !state.DayMovable(from)) continue;
          if (Expired()) return;
          improved = HandOver(state, from, to, /*keep_main=*/true) ||
                     HandOver(state, from, to, /*keep_main=*/false);
        }
      }
    }
  }

  // Rebuilds each training day by the beam (rebuild_days), sweeping the week again while
  // a rebuild raises it, at most three times.
  void RebuildDays(WeekState& state) {
    if (settings_.rebuild_days && rebuilder_ != nullptr) RebuildSweeps(state, 1, 3);
  }

  // Rebuilds every ordered pair of training days together (rebuild_pairs), keeping a
  // rebuild that raises the week, and sweeps again while one does (at most twice). A
  // better week often moves work between two days at once (a relaxation item to the day
  // that freed its time, an aerobic session to the day that gave up its covers), which a
  // single day's rebuild cannot see; over every pair it costs about as much as the rest
  // of the passes, so only the fourth search runs it (docs/solver-history.md, tenth pass). Then,
  // with rebuild_triples, every ordered triple the same way, in a week of at most
  // kTriplesMostDays training days: moving one item between two days can need a third
  // day to give up the use that blocks it (H5, H7).
  void RebuildDaySets(WeekState& state) {
    if (!settings_.rebuild_pairs || rebuilder_ == nullptr) return;
    RebuildSweeps(state, 2, 2);
    if (settings_.rebuild_triples && state.TrainingDays() <= kTriplesMostDays) {
      RebuildSweeps(state, 3, 2);
    }
  }

  // Rebuilds each training day (`together` 1) or each ordered set of `together` days
  // (2 or 3) by the beam, keeping a rebuild that raises the week, and sweeps the week again
  // while one does, at most `sweeps` times. A set of days may begin with a rest day that
  // has time, which the rebuild opens: a day the week leaves closed because its one
  // fitting main item is blocked by its use on another day (recovery, H5; a weekly limit,
  // H7) opens only when that day is rebuilt with it (docs/solver-history.md, twelfth pass).
  void RebuildSweeps(WeekState& state, int together, int sweeps) {
    for (int sweep = 0; sweep < sweeps; ++sweep) {
      bool improved = false;
      std::array<int, DayRebuilder::kMaxDays> days{};
      if (!SweepDaySets(state, static_cast<std::size_t>(together), days, 0, improved)) return;
      if (!improved) return;
    }
  }

  // Fills days[filled..together) with every choice of distinct days in turn and rebuilds
  // each set; false when the deadline passed.
  bool SweepDaySets(WeekState& state, std::size_t together,
                    std::array<int, DayRebuilder::kMaxDays>& days, std::size_t filled,
                    bool& improved) {
    if (filled == together) {
      if (Expired()) return false;
      improved =
          rebuilder_->Rebuild(state, std::span<const int>(days.data(), together)) || improved;
      return true;
    }
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (std::find(days.begin(), days.begin() + filled, d) != days.begin() + filled) continue;
      const bool opens = filled == 0 && together > 1 && ctx_.availability[d] > 0;
      if (!state.week().Training(d) && !opens) continue;
      days[filled] = d;
      if (!SweepDaySets(state, together, days, filled + 1, improved)) return false;
    }
    return true;
  }

  // For each weighing category the week lacks (`mix`, the least category term, is then
  // 0): the training day whose session, rebuilt to hold the category, scores highest; the
  // other days are then rebuilt around it and the week climbed, and the week is kept when
  // it scores higher. On catalogs of long relaxation items a week of three short days may
  // hold none, where the best week gives one day's cool-down to a 10-minute one.
  void FillEmptyCategories(WeekState& state) {
    if (!settings_.rebuild_days || rebuilder_ == nullptr) return;
    for (int c = 0; c < kCategoryCount; ++c) {
      const auto category = static_cast<Category>(c);
      if (ctx_.weights[c] <= 0 || state.CategoryMinutes(category) > 0) continue;
      int best_day = -1;
      double best = -1e300;
      for (int d = 0; d < kDaysPerWeek; ++d) {
        if (!state.week().Training(d)) continue;
        if (Expired()) return;
        saved_day_ = state.week().days[d];
        const std::array<int, 1> day{d};
        if (!rebuilder_->Rebuild(state, day, /*keep_lower=*/true, category)) continue;
        if (state.Score() > best) {
          best = state.Score();
          best_day = d;
        }
        state.RestoreDay(d, saved_day_);
      }
      if (best_day < 0) continue;
      KeepIfHigher(state, [&] {
        const std::array<int, 1> day{best_day};
        if (!rebuilder_->Rebuild(state, day, /*keep_lower=*/true, category)) return false;
        for (int other = 0; other < kDaysPerWeek; ++other) {
          if (other == best_day || !state.week().Training(other)) continue;
          const std::array<int, 1> again{other};
          rebuilder_->Rebuild(state, again);
        }
        return true;
      });
    }
  }

  // A rest day opened where the volume cap leaves no room for a session: the uses of
  // least worth per minute leave the week until the day's best minimal session fits, the
  // session is added and the week climbed, kept when it scores higher. Under a binding cap
  // the best week often trains on more days than the search's (each day holds its
  // once-a-day items again), and no single move opens a day the cap keeps closed.
  void OpenWithRoom(WeekState& state) {
    if (!settings_.open_with_room) return;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (state.week().Training(d) || Happened(ctx_, d)) continue;
      if (ctx_.availability[d] < least_session_minutes_ ||
          state.TrainingDays() >= MaxTrainingDays(ctx_) ||
          state.VolumeLeft() >= least_session_minutes_) {
        continue;
      }
      if (Expired()) return;
      KeepIfHigher(state, [&] {
        while (!BestSession(state, d, session_)) {
          if (!RemoveLeastWorth(state, d)) return false;
        }
        for (const Use& u : session_) state.Add(d, u);
        return true;
      });
    }
  }

  // Takes out the use (on a day other than `keep`) whose loss of score per minute is
  // least; false when no use may leave.
  bool RemoveLeastWorth(WeekState& state, int keep) {
    const double now = state.Score();
    int best_day = -1;
    std::size_t best_index = 0;
    double best = 1e300;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (d == keep) continue;
      for (std::size_t i = 0; i < state.week().days[d].size(); ++i) {
        if (!state.CanRemove(d, i)) continue;
        const Use u = state.week().days[d][i];
        state.RemoveAt(d, i);
        const double loss = (now - state.Score()) / std::max(1, u.minutes);
        state.InsertAt(d, i, u);
        if (loss < best) {
          best = loss;
          best_day = d;
          best_index = i;
        }
      }
    }
    if (best_day < 0) return false;
    state.RemoveAt(best_day, best_index);
    return true;
  }

  void RecoverByValue(WeekState& state) {
    for (bool improved = true; improved;) {
      improved = false;
      for (int d = 0; d < kDaysPerWeek && !improved; ++d) {
        if (Happened(ctx_, d)) continue;
        if (Expired()) return;
        if (state.week().Training(d)) {
          improved = Recover(state, d, true) || Recover(state, d, false);
        } else if (std::min(ctx_.availability[d], state.VolumeLeft()) >= least_session_minutes_ &&
                   state.TrainingDays() < MaxTrainingDays(ctx_)) {
          improved = Recover(state, d, false);  // a rest day opened with value covers
        }
      }
      if (improved) HandOverCovers(state);
    }
  }

 private:
  bool Expired() {
    if (deadline_ && absl::Now() > *deadline_) cut_short_ = true;
    return cut_short_;
  }

  // Makes `change` to the week and climbs (when the settings ask), keeping the result
  // only when the week scores higher; otherwise, or when `change` returns false (it could
  // not be made), the week is put back as it was.
  template <typename Change>
  bool KeepIfHigher(WeekState& state, Change change) {
    const double before = state.Score();
    handover_saved_ = state;
    if (change()) {
      if (settings_.handover_climbs) Climb(state);
      if (state.Score() > before + kEpsilon) return true;
    }
    state = handover_saved_;
    return false;
  }

  // Takes day `d`'s warm-up and cool-down uses out (and its main uses unless `keep_main`);
  // false when one of them is pinned (KeepIfHigher then puts the week back).
  static bool StripDay(WeekState& state, int d, bool keep_main) {
    for (std::size_t i = state.week().days[d].size(); i-- > 0;) {
      const Use u = state.week().days[d][i];
      if (keep_main && u.phase == Phase::kMain) continue;
      if (state.Pinned(d, u)) return false;
      state.RemoveAt(d, i);
    }
    return true;
  }

  bool Recover(WeekState& state, int d, bool keep_main) {
    return KeepIfHigher(state, [&] {
      return StripDay(state, d, keep_main) && AddCovers(state, d, CoverOrder::kValue) &&
             (keep_main || AddBestMain(state, d));
    });
  }

  bool HandOver(WeekState& state, int from, int to, bool keep_main) {
    return KeepIfHigher(state, [&] {
      if (!StripDay(state, from, keep_main)) return false;
      if (BestSession(state, to, session_)) {
        for (const Use& u : session_) state.Add(to, u);
      }
      if (keep_main) {
        bool covered = false;
        for (CoverOrder order :
             {CoverOrder::kCatalogue, CoverOrder::kShortest, CoverOrder::kLeastTotal}) {
          for (std::size_t i = state.week().days[from].size(); i-- > 0;) {
            if (state.week().days[from][i].phase != Phase::kMain) state.RemoveAt(from, i);
          }
          if ((covered = AddCovers(state, from, order))) break;
        }
        if (!covered) return false;
      } else if (BestSession(state, from, session_)) {
        for (const Use& u : session_) state.Add(from, u);
      }
      const int min_days = ctx_.refer ? 0 : ctx_.targets.min_training_days;
      return state.TrainingDays() >= min_days;
    });
  }

  // Compound moves: take out one use (a random few of the removable ones, and every
  // use when the week is small), then complete greedily with up to two additions
  // (any item on the day the use left, an aerobic item on any day, or an aerobic use
  // lengthened); kept when the week scores higher than before. This is the trade of one
  // item for two shorter ones, of strength minutes for aerobic minutes under a binding
  // volume cap, and of an item for one in another phase.
  bool Trade(WeekState& state) {
    const double before = state.Score();
    removable_.clear();
    shortenable_.clear();
    for (int d = 0; d < kDaysPerWeek; ++d) {
      const auto& day = state.week().days[d];
      for (std::size_t i = 0; i < day.size(); ++i) {
        if (day.size() <= 1) continue;
        if (state.CanRemove(d, i)) {
          removable_.push_back({d, int(i)});
        } else if (day[i].phase != Phase::kMain && day[i].minutes > kShortItemMinutes &&
                   !state.Pinned(d, day[i]) && !Happened(ctx_, d)) {
          // A warm-up or cool-down item the phase needs: it can be traded for a shorter
          // one of the phase only. Items no longer than the start's short items are left
          // out, so that the few tries go to covers that free time worth completing.
          shortenable_.push_back({d, int(i)});
        }
      }
    }
    // A deterministic random sample keeps a failing trade scan cheap.
    const auto sample = [&](std::vector<std::pair<int, int>>& list, std::size_t size) {
      for (std::size_t k = 0; k < list.size(); ++k) {
        std::swap(list[k], list[k + rng_() % (list.size() - k)]);
      }
      if (list.size() > size) list.resize(size);
    };
    sample(removable_, settings_.trade_tries);
    sample(shortenable_, settings_.trade_tries / 2);
    for (const bool shorten : {false, true}) {
      for (const auto& [d, i] : shorten ? shortenable_ : removable_) {
        journal_.clear();
        const Use old = state.week().days[d][static_cast<std::size_t>(i)];
        RemoveLogged(state, d, static_cast<std::size_t>(i));
        if (shorten && !AddShorterCover(state, d, old)) {
          Undo(state);
          continue;
        }
        for (int step = 0; step < 2; ++step) {
          Move best;
          best.score = -1e300;
          CompletionMoves(state, d, best);
          if (best.kind == MoveKind::kNone) break;
          const double now = state.Score();
          if (step > 0 && best.score <= now + kEpsilon) break;
          ApplyLogged(state, best);
        }
        if (state.Score() > before + kEpsilon) return true;
        Undo(state);
      }
    }
    return false;
  }

  // Day `d` without `old`, a warm-up or cool-down use its phase needed: adds the best use
  // of the phase that is shorter and keeps the session's structure. A 15-minute warm-up
  // traded for a 5-minute one leaves 10 minutes to the completion.
  bool AddShorterCover(WeekState& state, int d, const Use& old) {
    Move best;
    best.score = -1e300;
    for (int e : Candidates(old.phase)) {
      if (e == old.exercise || state.InDay(d, e)) continue;
      const Use use{e, old.phase, ranges_[e].least};
      if (use.minutes == 0 || use.minutes >= old.minutes || !state.KeepsPins(d, old, use) ||
          !state.CanAdd(d, use) || !state.StructureHoldsIfAdded(d, use)) {
        continue;
      }
      Consider(best, {MoveKind::kAdd, d, 0, use, 0, 0}, state.ScoreIfAdded(d, use));
    }
    if (best.kind == MoveKind::kNone) return false;
    AddLogged(state, d, best.use);
    return true;
  }

  // A trade's changes, undone in reverse order when it does not pay: cheaper than a copy
  // of the week, whose per-exercise tallies grow with the catalog (on 10,000 exercises a
  // copy is about 100 KB, and a trade scan made 18 of them).
  struct Change {
    bool added;
    int day;
    std::size_t index;
    Use use;
  };
  void RemoveLogged(WeekState& state, int d, std::size_t i) {
    journal_.push_back({false, d, i, state.week().days[d][i]});
    state.RemoveAt(d, i);
  }
  void AddLogged(WeekState& state, int d, const Use& use) {
    journal_.push_back({true, d, state.Add(d, use), use});
  }
  // The moves a completion makes: additions and lengthened aerobic uses.
  void ApplyLogged(WeekState& state, const Move& m) {
    if (m.kind == MoveKind::kReplace) RemoveLogged(state, m.day, m.index);
    AddLogged(state, m.day, m.use);
  }
  void Undo(WeekState& state) {
    for (auto it = journal_.rbegin(); it != journal_.rend(); ++it) {
      if (it->added) {
        state.RemoveAt(it->day, it->index);
      } else {
        state.InsertAt(it->day, it->index, it->use);
      }
    }
    journal_.clear();
  }

  // Additions that may use time freed on `freed_day` (or week minutes freed anywhere).
  void CompletionMoves(WeekState& state, int freed_day, Move& best) {
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (!state.week().Training(d)) continue;
      for (Phase p : AllValues<Phase>()) {
        // Only aerobic items on the other days.
        AddMoves(state, d, p, d == freed_day ? Candidates(p) : AerobicCandidates(p), best);
      }
      // Lengthen an aerobic use.
      for (std::size_t i = 0; i < state.week().days[d].size(); ++i) {
        const Use old = state.week().days[d][i];
        if (c_.exercises[old.exercise].category != Category::kAerobic) continue;
        const DurationRange range = rules_.Durations(old.exercise);
        // A step longer must fit the day's and the week's time (and a warm-up's maximum):
        // otherwise no lengthening does, and the use stays where it is.
        if (!state.Fits(d, {old.exercise, old.phase, range.step})) continue;
        state.RemoveAt(d, i);
        const Scan scan(state, d);
        for (int k = 1; k <= 4; ++k) {
          const Use use{old.exercise, old.phase, old.minutes + k * range.step};
          if (use.minutes > range.most) break;
          if (!MayBeat(scan, use, best) || !state.KeepsPins(d, old, use) || !state.CanAdd(d, use) ||
              !state.StructureHoldsIfAdded(d, use)) {
            continue;
          }
          Consider(best, {MoveKind::kReplace, d, i, use, 0, 0}, state.ScoreIfAdded(d, use));
        }
        state.InsertAt(d, i, old);
      }
    }
  }

  // Durations worth trying for a use of `e`: every step for aerobic items would be
  // many; the ends of the range, the current one and its neighbours, and the one that
  // fills the aerobic target cover the useful choices.
  // A fixed item's one duration is read from ranges_ without touching the scratch list.
  std::span<const int> Durations(const WeekState& state, int e, int around = 0) {
    const DurationRange& range = ranges_[e];
    if (range.fixed) return {&range.least, 1};
    return AerobicDurations(state, e, range, around);
  }
  // An aerobic item's choices depend on the week only through its aerobic minutes: they
  // are kept per item and reused while those minutes, `around` and the short mode stay.
  std::span<const int> AerobicDurations(const WeekState& state, int e, const DurationRange& range,
                                        int around) {
    if (range.Empty()) return {};
    const int aerobic = state.CategoryMinutes(Category::kAerobic);
    AerobicChoices& choices = aerobic_choices_[e];
    if (choices.aerobic_minutes != aerobic || choices.around != around ||
        choices.short_only != short_aerobic_) {
      choices.aerobic_minutes = aerobic;
      choices.around = around;
      choices.short_only = short_aerobic_;
      choices.count = FillAerobicDurations(aerobic, range, around, choices.values);
    }
    return {choices.values.data(), choices.count};
  }
  static constexpr std::size_t kMaxAerobicChoices = 10;
  std::size_t FillAerobicDurations(int aerobic, const DurationRange& range, int around,
                                   std::array<int, kMaxAerobicChoices>& values) const {
    std::size_t n = 0;
    const auto add = [&](int v) { values[n++] = v; };
    const int step = range.step;
    const int lo = range.least;
    const int hi = range.most;
    add(lo);
    if (short_aerobic_) return n;
    add(hi);
    const int deficit = range.ToReach(ctx_.targets.by_category[int(Category::kAerobic)], aerobic);
    if (deficit > lo && deficit < hi) add(deficit);
    if (deficit - step > lo && deficit - step < hi) add(deficit - step);
    for (int v = lo + step; v < hi && v <= lo + 2 * step; v += step) add(v);
    // Lengthen or shorten the current use by a step or two.
    for (int k = -2; around > 0 && k <= 2; ++k) {
      const int v = around + k * step;
      if (k != 0 && v >= lo && v <= hi) add(v);
    }
    std::sort(values.begin(), values.begin() + n);
    return static_cast<std::size_t>(std::unique(values.begin(), values.begin() + n) -
                                    values.begin());
  }

  using Scan = WeekState::AdditionScan;
  static bool MayBeat(const Scan& scan, const Use& use, const Move& best) {
    return scan.Fits(use) && BoundBeats(scan, use, best);
  }
  static bool BoundBeats(const Scan& scan, const Use& use, const Move& best) {
    return scan.ScoreBoundIfAdded(use) > best.score - kBoundMargin;
  }

  void Consider(Move& best, Move candidate, double score) {
    if (score > best.score) {
      candidate.score = score;
      best = std::move(candidate);
    }
  }

  // Every addition of an item of `candidates` to training day `d` in phase `p`.
  void AddMoves(WeekState& state, int d, Phase p, const std::vector<int>& candidates, Move& best) {
    const Scan scan(state, d);
    for (int e : candidates) {
      if (state.InDay(d, e)) continue;
      for (int minutes : Durations(state, e)) {
        const Use use{e, p, minutes};
        if (!scan.Fits(use)) break;  // the durations ascend: no longer one fits either
        if (!BoundBeats(scan, use, best) || !state.CanAdd(d, use)) continue;
        Consider(best, {MoveKind::kAdd, d, 0, use, 0, 0}, state.ScoreIfAdded(d, use));
      }
    }
  }

  void ItemMoves(WeekState& state, Move& best) {
    // First improvement starts each scan a day later than the last, so that no day is
    // always served first.
    const int first_day = settings_.first_improvement ? next_first_day_++ % kDaysPerWeek : 0;
    for (int k = 0; k < kDaysPerWeek; ++k) {
      const int d = (first_day + k) % kDaysPerWeek;
      if (settings_.first_improvement && best.kind != MoveKind::kNone) return;
      if (!state.week().Training(d)) continue;
      // Add.
      for (Phase p : AllValues<Phase>()) AddMoves(state, d, p, Candidates(p), best);
      if (settings_.additions_first && settings_.first_improvement &&
          best.kind != MoveKind::kNone) {
        return;
      }
      // Remove, move to another day, and replace (by another item of the same phase, or
      // another duration): the three read the week without the use, taken out once.
      for (std::size_t i = 0; i < state.week().days[d].size(); ++i) {
        const Use old = state.week().days[d][i];
        const bool removable = state.CanRemove(d, i);
        const bool alone = state.week().days[d].size() == 1;
        if (!removable && alone) continue;
        state.RemoveAt(d, i);
        if (removable) Consider(best, {MoveKind::kRemove, d, i, {}, 0, 0}, state.Score());
        if (!alone) {
          if (removable) ShiftMoves(state, d, i, old, best);
          // Any item of the phase, across categories: a warm-up or cool-down item cannot
          // be removed below the phase's minutes, so a trade must be a single move.
          const Scan scan(state, d);
          for (int e : Candidates(old.phase)) {
            if (state.InDay(d, e)) continue;
            for (int minutes : Durations(state, e, e == old.exercise ? old.minutes : 0)) {
              const Use use{e, old.phase, minutes};
              if (!scan.Fits(use)) break;  // the durations ascend
              if (use == old || !BoundBeats(scan, use, best) || !state.KeepsPins(d, old, use) ||
                  !state.CanAdd(d, use) || !state.StructureHoldsIfAdded(d, use)) {
                continue;
              }
              Consider(best, {MoveKind::kReplace, d, i, use, 0, 0}, state.ScoreIfAdded(d, use));
            }
          }
        }
        state.InsertAt(d, i, old);
      }
    }
  }

  // Moves `old`, the use at `i` of day `d` (taken out of the week by the caller), to
  // another training day, in any phase it allows.
  void ShiftMoves(WeekState& state, int d, std::size_t i, const Use& old, Move& best) {
    for (int to = 0; to < kDaysPerWeek; ++to) {
      if (to == d || !state.week().Training(to)) continue;
      const Scan scan(state, to);
      for (Phase p : AllValues<Phase>()) {
        const Use use{old.exercise, p, old.minutes};
        if (!MayBeat(scan, use, best) || !state.CanAdd(to, use)) continue;
        Consider(best, {MoveKind::kShift, d, i, use, to, 0}, state.ScoreIfAdded(to, use));
      }
    }
  }

  void DayMoves(WeekState& state, Move& best) {
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (state.week().Training(d)) {
        // A train day or a pinned day keeps its session where it is (H10).
        if (!state.DayMovable(d)) continue;
        // Close the day.
        const int min_days = ctx_.refer ? 0 : ctx_.targets.min_training_days;
        if (state.TrainingDays() - 1 >= min_days) {
          saved_day_ = state.week().days[d];
          state.ClearDay(d);
          Consider(best, {MoveKind::kCloseDay, d, 0, {}, 0, 0}, state.Score());
          state.RestoreDay(d, saved_day_);
        }
        // Move the session to a rest day.
        // Only the hard days change, so the score is known before the (costlier) check.
        for (int to = 0; to < kDaysPerWeek; ++to) {
          if (state.week().Training(to)) continue;
          const double score = state.ScoreIfSessionMoved(d, to);
          if (score <= best.score || !CanMoveDay(state, d, to)) continue;
          Consider(best, {MoveKind::kMoveDay, d, 0, {}, to, 0}, score);
        }
      } else if (state.TrainingDays() < MaxTrainingDays(ctx_)) {
        if (BestSession(state, d, session_)) {
          for (const Use& u : session_) state.Add(d, u);
          const double score = state.Score();
          if (score > best.score) {
            opened_session_ = session_;  // copied into kept capacity: no allocation
            Consider(best, {MoveKind::kOpenDay, d, 0, {}, 0, 0}, score);
          }
          state.ClearDay(d);
        }
      }
    }
  }

  bool CanMoveDay(WeekState& state, int from, int to) {
    if (state.week().Training(to)) return false;
    saved_move_ = state.week().days[from];
    state.ClearDay(from);
    bool ok = true;
    std::size_t added = 0;
    for (const Use& u : saved_move_) {
      if (!state.CanAdd(to, u, /*opening=*/added == 0)) {
        ok = false;
        break;
      }
      state.Add(to, u);
      ++added;
    }
    state.ClearDay(to);
    state.RestoreDay(from, saved_move_);
    return ok;
  }

  // A minimal session for rest day `d`: the best main item with warm-up and cool-down
  // items that fill their phases. The covers are taken in catalogue order; when no main
  // item fits beside them, shortest first, then the fewest minutes (CoverOrder): a day of
  // 15 minutes opens only with 5-minute covers.
  bool BestSession(WeekState& state, int d, std::vector<Use>& session) {
    // No session fits in less than the least one (a necessary condition, so no day that
    // could open is skipped): most days that cannot open fail here, before three tries.
    const int room = std::min(ctx_.availability[d], state.VolumeLeft());
    if (room < least_session_minutes_) return false;
    return SessionWithCovers(state, d, CoverOrder::kCatalogue, session) ||
           SessionWithCovers(state, d, CoverOrder::kShortest, session) ||
           SessionWithCovers(state, d, CoverOrder::kLeastTotal, session);
  }

  bool SessionWithCovers(WeekState& state, int d, CoverOrder order, std::vector<Use>& session) {
    session.clear();
    if (!AddCovers(state, d, order)) {
      state.ClearDay(d);
      return false;
    }
    if (!AddBestMain(state, d)) {
      state.ClearDay(d);
      return false;
    }
    session = state.week().days[d];
    state.ClearDay(d);
    return true;
  }

  // Adds the main item that gives the best score to day `d`, which holds its covers.
  bool AddBestMain(WeekState& state, int d) {
    Move best_main;
    best_main.score = -1e300;
    for (int e : Candidates(Phase::kMain)) {
      if (state.InDay(d, e)) continue;
      for (int minutes : Durations(state, e)) {
        const Use use{e, Phase::kMain, minutes};
        if (!state.Fits(d, use)) break;  // the durations ascend
        // The week changes in this loop (each use is tried in it): no scan is kept.
        if (state.ScoreBoundIfAdded(d, use) <= best_main.score - kBoundMargin ||
            !state.CanAdd(d, use)) {
          continue;
        }
        const std::size_t at = state.Add(d, use);
        Consider(best_main, {MoveKind::kAdd, d, at, use, 0, 0}, state.Score());
        state.RemoveAt(d, at);
      }
    }
    if (best_main.kind == MoveKind::kNone) return false;
    state.Add(d, best_main.use);
    return true;
  }

  // Adds warm-up and cool-down items to day `d` (a rest day, or a day holding main items
  // only) until each phase holds its least minutes, with a stretch in the cool-down.
  // False when they do not fit; what was added stays, for the caller to clear.
  bool AddCovers(WeekState& state, int d, CoverOrder order) {
    const PlannerOptions& o = rules_.options();
    if (order == CoverOrder::kLeastTotal) {
      return AddLeastCover(state, d, Phase::kWarmup, o.min_warmup_minutes) &&
             AddLeastCover(state, d, Phase::kCooldown, o.min_cooldown_minutes);
    }
    if (order == CoverOrder::kValue) {
      return AddValueCover(state, d, Phase::kWarmup, o.min_warmup_minutes) &&
             AddValueCover(state, d, Phase::kCooldown, o.min_cooldown_minutes);
    }
    const std::vector<int>* list[3];
    for (Phase p : AllValues<Phase>()) {
      list[int(p)] = order == CoverOrder::kShortest ? &ShortestCandidates(p) : &Candidates(p);
    }
    const auto cover = [&](Phase phase, int need) {
      int have = 0;
      const auto add = [&](int e) {
        const Use use{e, phase, CoverMinutes(e, need, have)};
        if (use.minutes == 0 || state.InDay(d, e) ||
            !state.CanAdd(d, use, /*opening=*/state.week().days[d].empty())) {
          return false;
        }
        state.Add(d, use);
        have += use.minutes;
        return true;
      };
      if (phase == Phase::kCooldown) {
        bool stretched = false;
        for (int e : *list[int(phase)]) {
          if (IsCooldownStretch(c_.exercises[e], phase) && add(e)) {
            stretched = true;
            break;
          }
        }
        if (!stretched) return false;
      }
      for (int e : *list[int(phase)]) {
        if (have >= need) break;
        add(e);
      }
      return have >= need;
    };
    return cover(Phase::kWarmup, o.min_warmup_minutes) &&
           cover(Phase::kCooldown, o.min_cooldown_minutes);
  }

  // The minutes of a cover use of `e` toward `need` minutes, `have` being held: its least,
  // or an aerobic item's duration that reaches `need` (at most its longest). With the
  // default options an aerobic item's least already reaches a warm-up's 5 minutes; a
  // warm-up minimum above it (the option min_warmup_minutes) needs the longer use.
  int CoverMinutes(int e, int need, int have) const {
    const DurationRange& range = ranges_[e];
    if (range.fixed || range.Empty()) return range.least;
    return std::clamp(range.ToReach(need, have), range.least, range.most);
  }

  // The items of `phase` that raise the score most, one at a time (a cool-down's stretch
  // first), until the phase holds `need` minutes.
  bool AddValueCover(WeekState& state, int d, Phase phase, int need) {
    int have = 0;
    bool stretched = phase != Phase::kCooldown;
    while (have < need || !stretched) {
      Move best;
      best.score = -1e300;
      const Scan scan(state, d);
      for (int e : Candidates(phase)) {
        if (!stretched && !IsCooldownStretch(c_.exercises[e], phase)) continue;
        const Use use{e, phase, CoverMinutes(e, need, have)};
        if (use.minutes == 0 || state.InDay(d, e) || !MayBeat(scan, use, best) ||
            !state.CanAdd(d, use, /*opening=*/state.week().days[d].empty())) {
          continue;
        }
        Consider(best, {MoveKind::kAdd, d, 0, use, 0, 0}, state.ScoreIfAdded(d, use));
      }
      if (best.kind == MoveKind::kNone) return false;
      const Use use = best.use;
      state.Add(d, use);
      have += use.minutes;
      stretched = true;
    }
    return true;
  }

  // The fewest minutes of one to three items of `phase` that reach `need` (a cool-down
  // holds a stretch), among the items that fit day `d` now; the items of one length are
  // alike for this, so only the first three of each length are combined.
  bool AddLeastCover(WeekState& state, int d, Phase phase, int need) {
    constexpr std::size_t kPool = 15;
    std::array<int, kPool> pool{};
    std::size_t n = 0;
    int last_minutes = -1, same = 0;
    for (int e : ShortestCandidates(phase)) {
      const Use use{e, phase, ranges_[e].least};
      if (use.minutes == 0 || state.InDay(d, e) ||
          !state.CanAdd(d, use, /*opening=*/state.week().days[d].empty())) {
        continue;
      }
      same = use.minutes == last_minutes ? same + 1 : 0;
      last_minutes = use.minutes;
      if (same >= 3) continue;
      pool[n++] = e;
      if (n == kPool) break;
    }
    const bool cooldown = phase == Phase::kCooldown;
    const auto stretch = [&](int e) { return IsCooldownStretch(c_.exercises[e], phase); };
    int best_total = 1 << 30;
    std::array<int, 3> best{-1, -1, -1};
    const auto consider = [&](std::array<int, 3> items) {
      int total = 0;
      bool stretched = !cooldown;
      for (int e : items) {
        if (e < 0) continue;
        total += ranges_[e].least;
        stretched = stretched || stretch(e);
      }
      if (total >= need && stretched && total < best_total) {
        best_total = total;
        best = items;
      }
    };
    // The pool is shortest first: once a prefix reaches the best total, so does the rest.
    const auto least = [&](std::size_t i) { return ranges_[pool[i]].least; };
    for (std::size_t i = 0; i < n && least(i) < best_total; ++i) {
      consider({pool[i], -1, -1});
      for (std::size_t j = i + 1; j < n && least(i) + least(j) < best_total; ++j) {
        consider({pool[i], pool[j], -1});
        for (std::size_t k = j + 1; k < n && least(i) + least(j) + least(k) < best_total; ++k) {
          consider({pool[i], pool[j], pool[k]});
        }
      }
    }
    if (best[0] < 0) return false;
    // A stretch first: the cool-down opens with it.
    std::stable_partition(best.begin(), best.end(), [&](int e) { return e >= 0 && stretch(e); });
    for (int e : best) {
      if (e < 0) continue;
      const Use use{e, phase, ranges_[e].least};
      if (!state.CanAdd(d, use, /*opening=*/state.week().days[d].empty())) return false;
      state.Add(d, use);
    }
    return true;
  }

  void ApplyMove(WeekState& state, const Move& m) {
    switch (m.kind) {
      case MoveKind::kAdd:
        state.Add(m.day, m.use);
        break;
      case MoveKind::kRemove:
        state.RemoveAt(m.day, m.index);
        break;
      case MoveKind::kReplace:
        state.RemoveAt(m.day, m.index);
        state.Add(m.day, m.use);
        break;
      case MoveKind::kShift:
        state.RemoveAt(m.day, m.index);
        state.Add(m.to_day, m.use);
        break;
      case MoveKind::kOpenDay:
        for (const Use& u : opened_session_) state.Add(m.day, u);
        break;
      case MoveKind::kCloseDay:
        state.ClearDay(m.day);
        break;
      case MoveKind::kMoveDay:
        saved_move_ = state.week().days[m.day];  // scratch: the loop does not allocate
        state.ClearDay(m.day);
        for (const Use& u : saved_move_) state.Add(m.to_day, u);
        break;
      case MoveKind::kNone:
        break;
    }
  }

  const WeekRules& rules_;
  const CompiledCatalog& c_;
  const WeekContext& ctx_;
  SearchSettings settings_;
  int next_first_day_ = 0;
  std::optional<absl::Time> deadline_;
  bool cut_short_ = false;  // an end pass stopped at the deadline
  bool short_aerobic_ = false;
  DayRebuilder* rebuilder_ = nullptr;  // the workspace's (RebuildDays, rebuild_rounds)
  std::mt19937_64 rng_;  // fully specified by the standard: the same seed, the same moves
  std::array<std::vector<int>, 3> by_phase_, short_by_phase_;
  std::array<std::vector<int>, 3> shortest_by_phase_, shortest_short_by_phase_;  // by least minutes
  std::array<std::vector<int>, 3> aerobic_by_phase_,
      short_aerobic_by_phase_;  // their aerobic items
  const std::vector<int>& AerobicCandidates(Phase p) const {
    return short_aerobic_ ? short_aerobic_by_phase_[int(p)] : aerobic_by_phase_[int(p)];
  }
  const std::vector<int>& Candidates(Phase p) const {
    return short_aerobic_ ? short_by_phase_[int(p)] : by_phase_[int(p)];
  }
  const std::vector<int>& ShortestCandidates(Phase p) const {
    return short_aerobic_ ? shortest_short_by_phase_[int(p)] : shortest_by_phase_[int(p)];
  }
  // Scratch space reused across moves, so that the search loop does not allocate.
  std::vector<Use> saved_day_, saved_move_, session_;
  std::vector<Use> opened_session_;    // the session of the best kOpenDay move
  std::vector<DurationRange> ranges_;  // by exercise: rules_.Durations(e)
  int least_session_minutes_ = 0;      // the least minutes of any session (BestSession)
  struct AerobicChoices {
    int aerobic_minutes = -1;  // the week's aerobic minutes the values were made for
    int around = -1;
    bool short_only = false;
    std::size_t count = 0;
    std::array<int, kMaxAerobicChoices> values{};
  };
  std::vector<AerobicChoices> aerobic_choices_;  // by exercise
  std::vector<int> training_days_, rest_days_;
  std::vector<std::pair<int, int>> removable_, shortenable_;
  std::vector<Change> journal_;       // Trade's changes
  WeekState handover_saved_{rules_};  // HandOverCovers' undo
};

}  // namespace

namespace {

// One search: an optional short-aerobic climb, a full climb, then `rounds` rounds of
// large-neighbourhood search from the best week so far. The climber and the two weeks
// are made once per plan and reused by its searches.
struct Workspace {
  Workspace(const WeekRules& rules, uint64_t seed, const SearchSettings& settings)
      : climber(rules, seed, settings), state(rules), best(rules) {
    // Only the levels that rebuild days make the rebuilder (its lists and scratch): `fast`
    // saves its allocations.
    if (settings.rebuild_days || settings.rebuild_rounds || settings.rebuild_pairs ||
        settings.escalation_rounds > 0) {
      rebuilder.emplace(rules, climber.candidates(), climber.ranges());
      climber.set_rebuilder(&*rebuilder);
    }
  }
  Climber climber;
  std::optional<DayRebuilder> rebuilder;
  WeekState state;
  // Built empty and assigned, so that the best week keeps the reserved room of a state
  // (a copy would hold only its size, and later assignments would allocate).
  WeekState best;
};

struct Run {
  double score = 0;  // of the workspace's best week
  bool cut_short = false;
  int64_t rounds = 0;
};

// The passes after the rounds on the workspace's best week (of score `best_score`), which
// they replace only with a higher week; the score of the best week after them.
double EndPasses(Workspace& ws, double best_score, std::optional<absl::Time> deadline,
                 bool& cut_short) {
  Climber& climber = ws.climber;
  WeekState& state = ws.state;
  state = ws.best;
  climber.set_deadline(deadline);
  climber.HandOverCovers(state);
  climber.RecoverByValue(state);
  climber.RebuildDays(state);
  climber.FillEmptyCategories(state);
  climber.OpenWithRoom(state);
  climber.RebuildDaySets(state);
  cut_short = cut_short || climber.cut_short();
  if (state.Score() <= best_score + kEpsilon) return best_score;
  ws.best = state;
  return ws.best.Score();
}

// One search: its start built, `rounds` rounds, then (`end_passes`) the end passes; it
// stops once its best week scores `stop_score` (StopScore).
Run SearchFrom(Workspace& ws, const SearchWeek& start, int64_t rounds, bool short_aerobic_first,
               const SearchSettings& settings, double stop_score,
               std::optional<absl::Time> deadline, bool end_passes) {
  Climber& climber = ws.climber;
  WeekState& state = ws.state;
  state.Load(start);
  // The first climbs build the week; best improvement there, when the settings ask for
  // it, and first improvement in the rounds.
  if (settings.first_climbs_best) climber.set_first_improvement(false);
  if (short_aerobic_first) {
    climber.set_short_aerobic(true);
    climber.SeedCategories(state);
    climber.Climb(state);
    climber.set_short_aerobic(false);
  }
  climber.Climb(state);
  climber.set_first_improvement(settings.first_improvement);
  Run run;
  ws.best = state;
  double best_score = state.Score();
  for (int64_t round = 0; round < rounds; ++round) {
    if (best_score >= stop_score) break;  // no later week could gain more than the stop allows
    if (deadline && absl::Now() > *deadline) {
      run.cut_short = true;
      break;
    }
    climber.Perturb(state);
    climber.Climb(state);
    const double score = state.Score();
    if (score > best_score + kEpsilon) {
      ws.best = state;
      best_score = score;
    } else if (score < best_score - kWanderPoints) {
      state = ws.best;  // too far below the best: start the next round from it
    }
    run.rounds = round + 1;
  }
  run.score = best_score;
  // The passes after the rounds keep only a higher week, and none scores more than the
  // stop allows above this one.
  if (best_score < stop_score && end_passes) {
    run.score = EndPasses(ws, best_score, deadline, run.cut_short);
  }
  return run;
}

}  // namespace

namespace {

// One of a plan's searches: its start, seed, rounds and settings.
struct Leg {
  bool short_items_first;  // the short-item start; else the greedy one
  uint64_t seed;
  int64_t rounds;
  SearchSettings settings;
};

// The score at which a search stops: the bound less `within` of its size, and at least
// kBoundReached below it. An infinite bound (none, or a week under way) never stops one.
double StopScore(double bound, double within) {
  if (!std::isfinite(bound)) return bound;
  return bound - std::max(kBoundReached, within * std::abs(bound));
}

// The legs in turn, each unless an earlier week reached `stop_score` (the proof that
// stops one leg stops the plan); the best week wins, the earliest on a tie, so the result
// stays deterministic and never scores lower than the first leg's. One workspace serves
// every leg. Without `end_passes_each_search` the end passes run once, after the last leg,
// on the best week (loaded into the workspace), with the climber as the last leg left it.
SearchResult BestOfLegs(const WeekRules& rules, const SearchWeek& start, std::span<const Leg> legs,
                        double bound, double stop_score, std::optional<absl::Time> deadline) {
  Workspace ws(rules, legs.front().seed, legs.front().settings);
  const bool passes_once = !legs.front().settings.end_passes_each_search && legs.size() > 1;
  SearchResult result;
  double best = 0;
  for (std::size_t i = 0; i < legs.size(); ++i) {
    const Leg& leg = legs[i];
    if (i > 0) {
      if (best >= stop_score) break;
      ws.climber.Restart(leg.seed, leg.settings);
    }
    const Run run = SearchFrom(ws, start, leg.rounds, leg.short_items_first, leg.settings,
                               stop_score, deadline, !passes_once);
    if (i == 0 || run.score > best + kEpsilon) {
      best = run.score;
      result.week = ws.best.week();
    }
    result.cut_short = result.cut_short || run.cut_short;
    result.rounds += run.rounds;
  }
  if (passes_once && best < stop_score) {
    ws.best.Load(result.week);
    const double passed = EndPasses(ws, best, deadline, result.cut_short);
    if (passed > best + kEpsilon) {
      result.week = ws.best.week();
      best = passed;
    }
  }
  // A week still far below its bound: one more search, its week kept only when higher,
  // so that no week scores lower than without it.
  const SearchSettings& first = legs.front().settings;
  if (first.escalation_rounds > 0 && std::isfinite(bound) &&
      best < StopScore(bound, first.escalate_below) && !result.cut_short) {
    SearchSettings settings = first;
    settings.rebuild_rounds = true;
    settings.rebuild_pairs = true;
    settings.rebuild_triples = true;
    ws.climber.Restart(legs.front().seed + kMaxLegs, settings);
    const Run run = SearchFrom(ws, start, first.escalation_rounds, /*short_aerobic_first=*/true,
                               settings, stop_score, deadline, /*end_passes=*/true);
    if (run.score > best + kEpsilon) result.week = ws.best.week();
    result.escalated = true;
    result.cut_short = result.cut_short || run.cut_short;
    result.rounds += run.rounds;
  }
  return result;
}

}  // namespace

SearchResult SearchBestWeek(const WeekRules& rules, const SearchWeek& start, uint64_t seed,
                            const SearchSettings& settings, std::optional<absl::Time> deadline) {
  const int64_t rounds = settings.rounds;
  // Without rounds nothing stops early: the bound would cost more than it saves.
  // The escalation reads the bound even when the stop is off (tests turn it off).
  constexpr double kNone = std::numeric_limits<double>::infinity();
  const double bound = rounds > 0 && (settings.stop_at_bound || settings.escalation_rounds > 0)
                           ? ScoreUpperBound(rules)
                           : kNone;
  const double stop_score = settings.stop_at_bound ? StopScore(bound, settings.stop_within) : kNone;
  std::array<Leg, kMaxLegs> legs{};
  std::size_t count = 0;
  if (!settings.greedy_start) {
    // The short-item search; then (`default`) the greedy one of `second_rounds`, its start
    // climbed by first improvement: for the same time as best improvement and 15 rounds,
    // 30 rounds reach better weeks (docs/solver-history.md, fifth pass).
    legs[count++] = Leg{true, seed + 1, rounds, settings};
    if (settings.second_rounds > 0) {
      legs[count] = Leg{false, seed, settings.second_rounds, settings};
      legs[count++].settings.first_climbs_best = false;
    }
  } else {
    // Two searches that differ in how they first fill the week, sharing the rounds.
    legs[count++] = Leg{false, seed, rounds / 2, settings};
    legs[count++] = Leg{true, seed + 1, rounds - rounds / 2, settings};
  }
  if (settings.additions_first_rounds > 0) {
    legs[count] = Leg{true, seed + 2, settings.additions_first_rounds, settings};
    legs[count++].settings.additions_first = true;
  }
  return BestOfLegs(rules, start, std::span<const Leg>(legs.data(), count), bound, stop_score,
                    deadline);
}

SearchResult SearchBestWeek(const WeekRules& rules, const SearchWeek& start, uint64_t seed,
                            int64_t rounds, std::optional<absl::Time> deadline) {
  SearchSettings settings;
  settings.rounds = rounds;
  return SearchBestWeek(rules, start, seed, settings, deadline);
}

}  // namespace backbalance::internal
