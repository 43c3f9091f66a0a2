// The planner on catalogs far larger than the built-in one (synthetic variants of the
// built-in records): candidate pruning keeps the search small, and every ok plan still
// passes Evaluate.
#include <cstdio>

#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "solver/candidates.h"
#include "solver/search_week.h"
#include "solver/week_context.h"
#include "testing/profile_generator.h"
#include "testing/synthetic_catalog.h"

namespace backbalance {
namespace {

std::size_t CandidateCount(const std::array<std::vector<int>, 3>& by_phase) {
  std::vector<int> all;
  for (const auto& phase : by_phase) all.insert(all.end(), phase.begin(), phase.end());
  std::sort(all.begin(), all.end());
  return static_cast<std::size_t>(std::unique(all.begin(), all.end()) - all.begin());
}

TEST(CandidatesTest, EveryEligibleItemOnASmallCatalog) {
  const auto catalog = Catalog::Builtin();
  Profile profile;
  profile.pain = 2;
  const absl::StatusOr<WeekContext> built = BuildWeekContext(*catalog, profile, {});
  ASSERT_TRUE(built.ok()) << built.status();
  const WeekContext& ctx = *built;
  const PlannerOptions options;
  const internal::WeekRules rules(*catalog, ctx, options);
  std::size_t eligible = 0;
  for (uint8_t e : ctx.eligible) eligible += e;
  EXPECT_EQ(CandidateCount(internal::CandidatesByPhase(rules)), eligible);
}

TEST(CandidatesTest, OneBestPerGroupOnALargeCatalogButEveryPreferredItem) {
  auto catalog = Catalog::Create(testing::SyntheticExercises(3000));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  Profile profile;
  profile.pain = 2;
  profile.equipment = {"mat"};
  profile.prefer = {"walking_v7", "bird_dog_v3", "bird_dog_v5"};
  const absl::StatusOr<WeekContext> built = BuildWeekContext(**catalog, profile, {});
  ASSERT_TRUE(built.ok()) << built.status();
  const WeekContext& ctx = *built;
  const PlannerOptions options;
  const internal::WeekRules rules(**catalog, ctx, options);
  std::size_t eligible = 0;
  for (uint8_t e : ctx.eligible) eligible += e;
  ASSERT_GT(eligible, 400u);
  const auto by_phase = internal::CandidatesByPhase(rules);
  const std::size_t kept = CandidateCount(by_phase);
  EXPECT_LT(kept, eligible / 10);
  for (const std::string& id : profile.prefer) {
    const int e = *(*catalog)->IndexOf(id);
    bool found = false;
    for (const auto& phase : by_phase) {
      found = found || std::binary_search(phase.begin(), phase.end(), e);
    }
    EXPECT_TRUE(found) << id;
  }
}

TEST(LargeCatalogPlannerTest, OkPlansStayValid) {
  auto catalog = Catalog::Create(testing::SyntheticExercises(2000));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  PlannerOptions options;
  options.search_iterations = 20;  // validity does not depend on the budget
  auto planner = Planner::Create(*catalog, options);
  ASSERT_TRUE(planner.ok()) << planner.status();
  testing::ProfileGenerator generator(*Catalog::Builtin(), /*seed=*/5);
  int ok = 0;
  for (int i = 0; i < 30; ++i) {
    const Profile profile = generator.Next();
    absl::StatusOr<Plan> plan = planner->PlanWeek(profile);
    ASSERT_TRUE(plan.ok()) << "profile " << i << ": " << plan.status();
    if (plan->status != PlanStatus::kOk) continue;
    ++ok;
    absl::StatusOr<Evaluation> evaluation = planner->Evaluate(profile, *plan);
    ASSERT_TRUE(evaluation.ok()) << evaluation.status();
    EXPECT_TRUE(evaluation->valid) << "profile " << i;
    EXPECT_EQ(*plan->score, evaluation->score) << "profile " << i;
  }
  EXPECT_GT(ok, 10);
}

// A time limit caps the whole search, the passes after the rounds included: a plan cut
// short is still a valid week, and one that was not cut short is the week without the
// limit (the search is the same work). No time is asserted: on a fast enough machine
// nothing is cut, and the second half holds.
TEST(LargeCatalogPlannerTest, ATimeLimitCutsTheSearchShortWithAValidWeek) {
  auto catalog = Catalog::Create(testing::SyntheticExercises(2000));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  PlannerOptions limited;
  limited.time_limit_seconds = 0.001;
  auto cut = Planner::Create(*catalog, limited);
  auto full = Planner::Create(*catalog, PlannerOptions{});
  ASSERT_TRUE(cut.ok() && full.ok());
  testing::ProfileGenerator generator(*Catalog::Builtin(), /*seed=*/9);
  int cut_short = 0;
  for (int i = 0; i < 8; ++i) {
    const Profile profile = generator.Next();
    absl::StatusOr<Plan> plan = cut->PlanWeek(profile);
    ASSERT_TRUE(plan.ok()) << plan.status();
    if (plan->status != PlanStatus::kOk) continue;
    absl::StatusOr<Evaluation> evaluation = cut->Evaluate(profile, *plan);
    ASSERT_TRUE(evaluation.ok()) << evaluation.status();
    EXPECT_TRUE(evaluation->valid) << "profile " << i;
    if (plan->solver->cut_short) {
      ++cut_short;
      continue;
    }
    absl::StatusOr<Plan> unlimited = full->PlanWeek(profile);
    ASSERT_TRUE(unlimited.ok());
    EXPECT_EQ(*plan->score, *unlimited->score) << "profile " << i;
  }
  std::printf("%d of 8 plans cut short at 1 ms\n", cut_short);
}

}  // namespace
}  // namespace backbalance
