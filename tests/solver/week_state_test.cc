// WeekState's O(1) answers against the reference it stands in for: over random walks of
// additions and removals on generated profiles and several catalogs, the score a move
// would give (ScoreIfAdded, ScoreIfSessionMoved) is the score after the move, the bound
// (ScoreBoundIfAdded) never lies below it, the incremental score is WeekRules' score of
// the week from scratch, StructureHoldsIfAdded is the structure after the addition, and
// an addition CanAdd allows keeps the cross-day rules, the day's time and the week's
// volume; a day cleared and restored is the week it was; and a state reused by Load
// answers as a new one. The search trusts these to
// pick its moves; Evaluate judges only the week it returns, so a wrong delta would show
// as a poorer week, not as a failure elsewhere.
#include "solver/week_state.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/model/options.h"
#include "gtest/gtest.h"
#include "solver/candidates.h"
#include "solver/search_week.h"
#include "solver/week_context.h"
#include "testing/profile_generator.h"
#include "testing/score_options.h"
#include "testing/synthetic_catalog.h"

namespace backbalance {
namespace {

using internal::Use;
using internal::WeekRules;
using internal::WeekState;

// Two sums of the same terms in another order differ by rounding only.
constexpr double kTolerance = 1e-9;

class WeekStateWalk {
 public:
  WeekStateWalk(const Catalog& catalog, const WeekContext& ctx, const PlannerOptions& options,
                uint64_t seed)
      : rules_(catalog, ctx, options),
        ctx_(ctx),
        state_(rules_),
        by_phase_(internal::CandidatesByPhase(rules_)),
        rng_(seed) {}

  // A random use of a candidate item on a random day, at a random valid duration.
  bool RandomUse(int& day, Use& use) {
    day = static_cast<int>(rng_() % kDaysPerWeek);
    const int phase = static_cast<int>(rng_() % 3);
    const std::vector<int>& list = by_phase_[phase];
    if (list.empty()) return false;
    const int e = list[rng_() % list.size()];
    const internal::DurationRange range = rules_.Durations(e);
    if (range.Empty()) return false;
    const int steps = range.fixed ? 0 : (range.most - range.least) / range.step;
    const int minutes = range.least + static_cast<int>(rng_() % (steps + 1)) * range.step;
    use = {e, static_cast<Phase>(phase), minutes};
    return true;
  }

  // Checks every answer about adding `use` to day `d`, then adds it when CanAdd allows.
  void CheckAddition(int d, const Use& use) {
    const bool opening = !state_.week().Training(d);
    if (state_.InDay(d, use.exercise)) return;
    const double predicted = state_.ScoreIfAdded(d, use);
    const double bound = state_.ScoreBoundIfAdded(d, use);
    const bool structure = state_.StructureHoldsIfAdded(d, use);
    WeekState after = state_;
    after.Add(d, use);
    ASSERT_NEAR(predicted, after.Score(), kTolerance) << Describe(d, use);
    ASSERT_GE(bound, after.Score() - kTolerance) << Describe(d, use);
    ASSERT_EQ(structure, after.DayStructureHolds(d)) << Describe(d, use);
    if (!state_.CanAdd(d, use, opening)) return;
    state_ = after;
    ++additions_;
    ASSERT_TRUE(internal::CrossDayRulesHold(state_.week(), rules_.compiled())) << Describe(d, use);
    ASSERT_LE(state_.DayMinutes(d), ctx_.availability[d]) << Describe(d, use);
    ASSERT_GE(state_.VolumeLeft(), 0) << Describe(d, use);
    ASSERT_LE(state_.UseDays(use.exercise), rules_.compiled().exercises[use.exercise].max_per_week);
    CheckScore();
  }

  void RemoveRandomUse() {
    const int d = static_cast<int>(rng_() % kDaysPerWeek);
    const auto& day = state_.week().days[d];
    if (day.empty()) return;
    state_.RemoveAt(d, rng_() % day.size());
    CheckScore();
  }

  // The session of a random training day moved to a random rest day, as predicted.
  void CheckSessionMove() {
    const int from = static_cast<int>(rng_() % kDaysPerWeek);
    const int to = static_cast<int>(rng_() % kDaysPerWeek);
    if (!state_.week().Training(from) || state_.week().Training(to)) return;
    const double predicted = state_.ScoreIfSessionMoved(from, to);
    WeekState moved = state_;
    const std::vector<Use> session = moved.week().days[from];
    for (std::size_t i = session.size(); i-- > 0;) moved.RemoveAt(from, i);
    for (const Use& u : session) moved.Add(to, u);
    ASSERT_NEAR(predicted, moved.Score(), kTolerance) << "from " << from << " to " << to;
  }

  // ClearDay empties one day and leaves the others; RestoreDay gives the week back as it
  // was, its tallies and score with it (the search's undo of a session tried on a day).
  void CheckClearAndRestore() {
    const int d = static_cast<int>(rng_() % kDaysPerWeek);
    const internal::SearchWeek before = state_.week();
    const double score = state_.Score();
    const std::vector<Use> session = before.days[d];
    state_.ClearDay(d);
    ASSERT_TRUE(state_.week().days[d].empty());
    for (int other = 0; other < kDaysPerWeek; ++other) {
      if (other != d) ASSERT_EQ(state_.week().days[other], before.days[other]);
    }
    CheckScore();
    state_.RestoreDay(d, session);
    ASSERT_EQ(state_.week(), before) << "day " << d;
    ASSERT_NEAR(state_.Score(), score, kTolerance) << "day " << d;
    CheckScore();
  }

  // Load empties a state in place (the search reuses its states): a state that held an
  // earlier week of the walk, loaded with this one, answers as a new state loaded with it.
  void CheckReload() {
    const internal::SearchWeek week = state_.week();
    WeekState fresh(rules_);
    fresh.Load(week);
    WeekState reused = earlier_;
    reused.Load(week);
    earlier_ = state_;
    ASSERT_EQ(reused.week(), fresh.week());
    ASSERT_EQ(reused.Score(), fresh.Score());
    ASSERT_EQ(reused.TrainingDays(), fresh.TrainingDays());
    const int n = static_cast<int>(rules_.compiled().exercises.size());
    for (int e = 0; e < n; ++e) {
      ASSERT_EQ(reused.UseDays(e), fresh.UseDays(e)) << "exercise " << e;
      for (int d = 0; d < kDaysPerWeek; ++d) ASSERT_EQ(reused.InDay(d, e), fresh.InDay(d, e));
    }
    for (int k = 0; k < 50; ++k) {
      int d = 0;
      Use use;
      if (!RandomUse(d, use)) continue;
      const bool opening = !fresh.week().Training(d);
      ASSERT_EQ(reused.CanAdd(d, use, opening), fresh.CanAdd(d, use, opening)) << Describe(d, use);
      ASSERT_EQ(reused.ScoreIfAdded(d, use), fresh.ScoreIfAdded(d, use)) << Describe(d, use);
      ASSERT_EQ(reused.ScoreBoundIfAdded(d, use), fresh.ScoreBoundIfAdded(d, use))
          << Describe(d, use);
      ASSERT_EQ(reused.StructureHoldsIfAdded(d, use), fresh.StructureHoldsIfAdded(d, use));
    }
    ++reloads_;
  }

  void CheckScore() {
    ASSERT_NEAR(state_.Score(), rules_.Score(state_.week()), kTolerance);
    int total = 0;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      ASSERT_EQ(state_.DayMinutes(d), state_.week().DayMinutes(d));
      total += state_.DayMinutes(d);
    }
    ASSERT_EQ(state_.TotalMinutes(), total);
  }

  int additions() const { return additions_; }
  int reloads() const { return reloads_; }

 private:
  std::string Describe(int d, const Use& use) const {
    return "day " + std::to_string(d) + " exercise " + std::to_string(use.exercise) + " phase " +
           std::to_string(static_cast<int>(use.phase)) + " minutes " + std::to_string(use.minutes);
  }

  WeekRules rules_;
  const WeekContext& ctx_;
  WeekState state_;
  WeekState earlier_{rules_};  // a week the walk held before, for CheckReload
  std::array<std::vector<int>, 3> by_phase_;
  std::mt19937_64 rng_;
  int additions_ = 0;
  int reloads_ = 0;
};

// Random walks on `count` generated profiles of `catalog`; returns the additions made.
int WalkProfiles(const Catalog& catalog, uint64_t seed, int count,
                 const PlannerOptions& options = {}) {
  testing::ProfileGenerator generator(*Catalog::Builtin(), seed);
  int additions = 0;
  for (int i = 0; i < count; ++i) {
    const Profile profile = generator.Next();
    const absl::StatusOr<WeekContext> ctx = BuildWeekContext(catalog, profile, options);
    if (!ctx.ok() || ctx->refer) continue;
    WeekStateWalk walk(catalog, *ctx, options, seed * 1000 + i);
    for (int step = 0; step < 400; ++step) {
      int d = 0;
      Use use;
      if (step % 50 == 49) {
        walk.CheckReload();
      } else if (step % 7 == 6) {
        walk.RemoveRandomUse();
      } else if (step % 11 == 10) {
        walk.CheckSessionMove();
      } else if (step % 13 == 12) {
        walk.CheckClearAndRestore();
      } else if (walk.RandomUse(d, use)) {
        walk.CheckAddition(d, use);
      }
      if (::testing::Test::HasFatalFailure()) {
        ADD_FAILURE() << "profile " << i << " of seed " << seed << ", step " << step;
        return additions;
      }
    }
    additions += walk.additions();
    EXPECT_EQ(walk.reloads(), 8);
  }
  return additions;
}

TEST(WeekStateTest, AnswersMatchTheWeekOnTheBuiltinCatalog) {
  EXPECT_GT(WalkProfiles(*Catalog::Builtin(), 11, 60), 1000);
}

TEST(WeekStateTest, AnswersMatchTheWeekOnACatalogOfMixedItemLengths) {
  const absl::StatusOr<std::shared_ptr<const Catalog>> catalog = LoadCatalogFile(
      std::string(BKB_SOURCE_DIR) + "/tests/golden/gap/catalogs/mixed_lengths.json");
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_GT(WalkProfiles(**catalog, 12, 60), 1000);
}

// The score's options change what the bound has to cover (testing/score_options.h).
TEST(WeekStateTest, AnswersMatchTheWeekUnderOtherScoreOptions) {
  int additions = 0;
  for (const PlannerOptions& options : testing::OtherScoreOptions()) {
    ASSERT_TRUE(ValidateOptions(options).ok());
    additions += WalkProfiles(*Catalog::Builtin(), 14, 40, options);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(additions, 1000);
}

TEST(WeekStateTest, AnswersMatchTheWeekOnALargeSyntheticCatalog) {
  const auto catalog = Catalog::Create(testing::SyntheticExercises(1500));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_GT(WalkProfiles(**catalog, 13, 20), 300);
}

}  // namespace
}  // namespace backbalance
