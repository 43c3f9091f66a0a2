// Sessions the day rebuilder's beam (solver/day_rebuild.h) must reach, on a catalog of
// three items where a day has one shape: a drill warms up, a 5-minute stretch fills the
// cool-down, and a breathing exercise, allowed in the main part and the cool-down, is the
// only main item. The breathing exercise scores the same in either phase, and until the
// twelfth pass of issue 16 the beam kept only the first of two such sessions, the one
// with it in the cool-down, which no main item could then complete: no day of this
// catalog could be rebuilt. A set of days may also begin with a rest day, which the
// rebuild opens.
#include <array>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "gtest/gtest.h"
#include "solver/candidates.h"
#include "solver/day_rebuild.h"
#include "solver/search_week.h"
#include "solver/week_context.h"
#include "solver/week_state.h"
#include "testing/catalog_builder.h"

namespace backbalance {
namespace {

using testkit::ExerciseBuilder;

class DayRebuildSessionsTest : public ::testing::Test {
 protected:
  DayRebuildSessionsTest()
      : catalog_(testkit::MakeCatalog({
            ExerciseBuilder("drill", Category::kFlexibility)
                .Phases({Phase::kWarmup})
                .Minutes(5)
                .Primary({Muscle::kLowerBack}),
            ExerciseBuilder("stretch", Category::kFlexibility)
                .Phases({Phase::kCooldown})
                .Minutes(5)
                .Primary({Muscle::kHamstrings}),
            ExerciseBuilder("breathing", Category::kRelaxation)
                .Phases({Phase::kMain, Phase::kCooldown})
                .Minutes(5),
        })) {
    absl::StatusOr<WeekContext> ctx = BuildWeekContext(*catalog_, Profile{}, options_);
    EXPECT_TRUE(ctx.ok()) << ctx.status();
    context_ = *std::move(ctx);
    rules_ = std::make_unique<internal::WeekRules>(*catalog_, context_, options_);
    candidates_ = internal::CandidatesByPhase(*rules_);
    for (std::size_t e = 0; e < catalog_->compiled().exercises.size(); ++e) {
      ranges_.push_back(rules_->Durations(static_cast<int>(e)));
    }
    rebuilder_.emplace(*rules_, candidates_, ranges_);
  }

  int Id(const char* id) const { return *catalog_->IndexOf(id); }
  // The session on Monday, Wednesday and Friday: the band's least training days (H3).
  internal::SearchWeek Week() const {
    internal::SearchWeek week;
    for (int d : {0, 2, 4}) week.days[d] = Session();
    return week;
  }
  // The day's one session: drill, breathing as the main part, stretch.
  std::vector<internal::Use> Session() const {
    return {{Id("drill"), Phase::kWarmup, 5},
            {Id("breathing"), Phase::kMain, 5},
            {Id("stretch"), Phase::kCooldown, 5}};
  }

  std::shared_ptr<const Catalog> catalog_;
  PlannerOptions options_;
  WeekContext context_;
  std::unique_ptr<internal::WeekRules> rules_;
  std::array<std::vector<int>, 3> candidates_;
  std::vector<internal::DurationRange> ranges_;
  std::optional<internal::DayRebuilder> rebuilder_;
};

TEST_F(DayRebuildSessionsTest, AnItemBothMainAndCooldownCompletesTheDay) {
  internal::WeekState state(*rules_);
  state.Load(Week());
  ASSERT_TRUE(rules_->Valid(state.week()));
  const std::array<int, 1> monday{0};
  // Kept whatever its score: the beam finds the day's one session again.
  ASSERT_TRUE(rebuilder_->Rebuild(state, monday, /*keep_lower=*/true));
  EXPECT_TRUE(rules_->Valid(state.week()));
  EXPECT_EQ(state.week().days[0], Session());
}

TEST_F(DayRebuildSessionsTest, ARestDayFirstInTheSetIsOpened) {
  internal::WeekState state(*rules_);
  state.Load(Week());
  ASSERT_TRUE(rules_->Valid(state.week()));
  const double before = state.Score();
  // Tuesday, a rest day, then Monday: a fourth session raises the week (more minutes
  // toward the targets), so the rebuild keeps it without keep_lower.
  const std::array<int, 2> days{1, 0};
  ASSERT_TRUE(rebuilder_->Rebuild(state, days));
  EXPECT_GT(state.Score(), before);
  EXPECT_TRUE(rules_->Valid(state.week()));
  EXPECT_EQ(state.week().days[1], Session());
  EXPECT_EQ(state.week().days[0], Session());
  EXPECT_EQ(state.week().TrainingDays(), 4);
}

}  // namespace
}  // namespace backbalance
