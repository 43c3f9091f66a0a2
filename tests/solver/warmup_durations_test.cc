// Warm-ups whose minimum lies above an aerobic item's least minutes (the options
// min_warmup_minutes and max_warmup_minutes). H9 lets an aerobic use take any multiple of
// the step in its range, so a 10-minute warm-up can be one 10-minute march. The
// feasibility analysis once built warm-ups from each item's least minutes only and called
// such weeks infeasible (`warmup_too_short`), which breaks the rule that `infeasible` is a
// proof; the planners' covers now take the longer use too.
#include <set>
#include <string>
#include <vector>

#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "testing/catalog_builder.h"

namespace backbalance {
namespace {

using testkit::ExerciseBuilder;

ExerciseBuilder March(const std::string& id, int least, int most) {
  return std::move(ExerciseBuilder(id, Category::kAerobic)
                       .Phases({Phase::kWarmup, Phase::kMain})
                       .AerobicRange(least, most)
                       .Primary({Muscle::kQuadriceps}));
}
ExerciseBuilder Drill(int minutes) {
  return std::move(ExerciseBuilder("drill", Category::kFlexibility)
                       .Phases({Phase::kWarmup})
                       .Minutes(minutes)
                       .Primary({Muscle::kLowerBack}));
}
ExerciseBuilder Lift() {
  return std::move(
      ExerciseBuilder("lift", Category::kStrength).Minutes(5).Primary({Muscle::kGlutes}));
}
ExerciseBuilder Cool() {
  return std::move(ExerciseBuilder("cool", Category::kFlexibility)
                       .Phases({Phase::kCooldown})
                       .Minutes(5)
                       .Primary({Muscle::kHamstrings}));
}

PlannerOptions WarmupOf(int least, int most, const std::string& backend = "heuristic") {
  PlannerOptions options;
  options.min_warmup_minutes = least;
  options.max_warmup_minutes = most;
  options.backend = backend;
  return options;
}

Plan PlanFor(std::vector<Exercise> exercises, const PlannerOptions& options) {
  absl::StatusOr<Planner> planner =
      Planner::Create(testkit::MakeCatalog(std::move(exercises)), options);
  EXPECT_TRUE(planner.ok()) << planner.status();
  if (!planner.ok()) return {};
  const Profile anyone;
  absl::StatusOr<Plan> plan = planner->PlanWeek(anyone);
  EXPECT_TRUE(plan.ok()) << plan.status();
  if (!plan.ok()) return {};
  if (plan->status == PlanStatus::kOk) {
    absl::StatusOr<Evaluation> judged = planner->Evaluate(anyone, *plan);
    EXPECT_TRUE(judged.ok() && judged->valid)
        << (judged.ok() && !judged->violations.empty() ? judged->violations[0].detail : "");
  }
  return *plan;
}

// The (exercise, minutes) of every warm-up use of the week.
std::multiset<std::pair<std::string, int>> WarmupUses(const Plan& plan) {
  std::multiset<std::pair<std::string, int>> uses;
  for (const PlanDay& day : plan.days) {
    for (const PlanItem& item : day.items) {
      if (item.phase == Phase::kWarmup) uses.insert({item.exercise, item.minutes});
    }
  }
  return uses;
}

std::set<std::string> DiagnosisCodes(const Plan& plan) {
  std::set<std::string> codes;
  for (const Diagnosis& d : plan.diagnosis) codes.insert(d.code);
  return codes;
}

TEST(WarmupDurationsTest, AWarmupAboveAnAerobicItemsLeastTakesTheItemLonger) {
  // 3 + 5 = 8 minutes fall short of 10, 3 + 10 = 13 overshoot it: only the march at 10
  // minutes alone makes a warm-up.
  const Plan plan = PlanFor({March("march", 5, 15), Drill(3), Lift(), Cool()}, WarmupOf(10, 10));
  ASSERT_EQ(plan.status, PlanStatus::kOk);
  const auto uses = WarmupUses(plan);
  ASSERT_FALSE(uses.empty());
  for (const auto& [exercise, minutes] : uses) {
    EXPECT_EQ(exercise, "march");
    EXPECT_EQ(minutes, 10);
  }
}

TEST(WarmupDurationsTest, TwoAerobicItemsEachAboveItsLeast) {
  // A 20-minute warm-up from two items of 5..10 minutes: both at 10.
  const Plan plan =
      PlanFor({March("march", 5, 10), March("step", 5, 10), Lift(), Cool()}, WarmupOf(20, 20));
  ASSERT_EQ(plan.status, PlanStatus::kOk);
  EXPECT_EQ(WarmupUses(plan).count({"march", 10}), WarmupUses(plan).count({"step", 10}));
  for (const auto& use : WarmupUses(plan)) EXPECT_EQ(use.second, 10);
}

TEST(WarmupDurationsTest, NoDurationThatFitsIsStillProvenInfeasible) {
  // The march takes 5 minutes at most: 5 + 3 never reaches 10.
  const Plan short_march =
      PlanFor({March("march", 5, 5), Drill(3), Lift(), Cool()}, WarmupOf(10, 10));
  EXPECT_EQ(short_march.status, PlanStatus::kInfeasible);
  EXPECT_TRUE(DiagnosisCodes(short_march).contains("warmup_too_short"));
  // Sums of 3, and of 5, 10 or 15: none is 9, and the shortest above it (10) is over 9.
  const Plan no_nine = PlanFor({March("march", 5, 15), Drill(3), Lift(), Cool()}, WarmupOf(9, 9));
  EXPECT_EQ(no_nine.status, PlanStatus::kInfeasible);
  EXPECT_TRUE(DiagnosisCodes(no_nine).contains("warmup_too_long"));
}

#ifdef BACKBALANCE_WITH_CBC
TEST(WarmupDurationsTest, TheExactBackendAgrees) {
  const std::vector<std::vector<Exercise>> catalogs = {
      {March("march", 5, 15), Drill(3), Lift(), Cool()},
      {March("march", 5, 10), March("step", 5, 10), Lift(), Cool()},
      {March("march", 5, 5), Drill(3), Lift(), Cool()},
  };
  const int minimum[] = {10, 20, 10};
  for (std::size_t i = 0; i < catalogs.size(); ++i) {
    const Plan heuristic = PlanFor(catalogs[i], WarmupOf(minimum[i], minimum[i]));
    const Plan exact = PlanFor(catalogs[i], WarmupOf(minimum[i], minimum[i], "exact"));
    ASSERT_EQ(heuristic.status, exact.status) << "catalog " << i;
    if (exact.status != PlanStatus::kOk) continue;
    ASSERT_TRUE(heuristic.score && exact.score);
    // On catalogs this small the heuristic's covers reach the optimum.
    EXPECT_NEAR(*heuristic.score, *exact.score, 1e-9) << "catalog " << i;
  }
}
#endif

}  // namespace
}  // namespace backbalance
