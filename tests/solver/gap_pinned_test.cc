// The heuristic against the exact optimum on profiles with clinician pins: the proven
// profiles of tests/golden/gap/cohort, each pinned to one to three uses of its optimal
// week (tests/golden/gap/pinned/README.md). The pins hold in that week, so the optimum
// stands and a pinned plan can reach it. Since the fourth pass of issue 16 pinned profiles
// get the levels' own settings rather than the first release's search; on this set that
// took `default` from 0.23 % / 6.49 % to 0.09 % / 4.69 %.
//
// Asserted for `default` and `thorough`: every pinned profile planned ok with a valid week
// (H10 included, by Evaluate), no score above the optimum, a mean gap <= 1 % and a worst
// <= 5 % (a guard: the worst, c0110, is a week of 50 minutes scoring 31, where 1.5 points
// are 4.7 %).
#include <string>

#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "testing/gap_check.h"

namespace backbalance {
namespace {

class GapPinnedTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GapPinnedTest, PinnedPlansStayCloseToTheOptimum) {
  PlannerOptions options;
  options.quality = GetParam();
  const Planner planner = *Planner::Create(Catalog::Builtin(), options);
  const nlohmann::json optima = testing::ReadSourceJson("tests/golden/gap/pinned/optima.json");
  ASSERT_GE(optima.size(), 150u);
  const testing::GapSummary gap = testing::CheckGaps(
      planner, optima, "tests/golden/gap/pinned/profiles", std::string("pinned ") + GetParam());
  ASSERT_EQ(gap.count, static_cast<int>(optima.size()));
  EXPECT_LE(gap.mean, 0.01);
  EXPECT_LE(gap.worst, 0.05);
}

INSTANTIATE_TEST_SUITE_P(Levels, GapPinnedTest, ::testing::Values("default", "thorough"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           return std::string(info.param);
                         });

}  // namespace
}  // namespace backbalance
