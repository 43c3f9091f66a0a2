// The heuristic against the exact optimum on generated profiles, the kind the planner
// meets in a cohort rather than the hand-written gap set: every fifth profile of the
// benchmarks' cohort (`backbalance_quality_curve --write-cohort F --cohort 1000`, seed
// 2026), 200 in tests/golden/gap/cohort/profiles, of which 177 have a week. Their optima
// (tests/golden/gap/cohort/optima.json) come from the CBC backend at 20 seconds a solve
// (`scripts/compute_optima 20 cohort`; 152 proven). The statuses are asserted too: the
// 19 infeasible and 4 referred profiles must stay so.
//
// Asserted for `default` and `thorough`: the mean gap <= 1 % and worst <= 3 %,
// a valid week each (the loop is tests/testing/gap_check.h).
#include <string>

#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "testing/gap_check.h"

namespace backbalance {
namespace {

class GapCohortTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GapCohortTest, HeuristicStaysCloseToTheExactOptimum) {
  PlannerOptions options;
  options.quality = GetParam();
  const Planner planner = *Planner::Create(Catalog::Builtin(), options);
  const nlohmann::json optima = testing::ReadSourceJson("tests/golden/gap/cohort/optima.json");
  ASSERT_EQ(optima.size(), 200u);
  const testing::GapSummary gap = testing::CheckGaps(
      planner, optima, "tests/golden/gap/cohort/profiles", std::string("cohort ") + GetParam());
  ASSERT_GE(gap.count, 150);
  EXPECT_LE(gap.mean, 0.01);
  EXPECT_LE(gap.worst, 0.03);
}

INSTANTIATE_TEST_SUITE_P(Levels, GapCohortTest, ::testing::Values("default", "thorough"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           return std::string(info.param);
                         });

}  // namespace
}  // namespace backbalance
