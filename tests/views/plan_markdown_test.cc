#include <string>

#include "backbalance/io/plan_views.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "views/sample_week.h"

namespace backbalance {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(PlanMarkdownTest, TheWeekIsOneTableWithRestDaysAndTotals) {
  const std::string md = RenderPlanMarkdown(testkit::SampleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(md, ::testing::StartsWith("# Week plan\n\n**Status:** ok · **Score:** 61.25 · "
                                        "pain band B · backend heuristic, seed 7\n"));
  EXPECT_THAT(md, HasSubstr("| Day | Phase | Exercise | Dose | Min |\n|---|---|---|---|---:|\n"
                            "| **Monday** | warmup | Marching in place (`march`) | 5 min | 5 |\n"));
  EXPECT_THAT(md, HasSubstr("| **Tuesday** | rest | | | |\n"));
  EXPECT_THAT(md, HasSubstr("| | | | day total | **25** |\n"));
  EXPECT_THAT(md, HasSubstr("| aerobic | 15 | 90 |\n"));
  EXPECT_THAT(md, HasSubstr("| **total** | **57** | 270 (weekly cap) |\n"));
  EXPECT_THAT(md, HasSubstr("| aerobic | 0.500 |\n"));
  EXPECT_THAT(md, HasSubstr("- `equipment` (1): `swim`\n- `impact` (1): `run`\n"));
  EXPECT_THAT(md, HasSubstr("- `hydrate`: Drink water;"));
  EXPECT_THAT(md, HasSubstr("\n> backbalance gives general exercise advice"));
}

TEST(PlanMarkdownTest, CellsEscapeWhatWouldBreakTheTable) {
  const std::string md = RenderPlanMarkdown(testkit::SampleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(md, HasSubstr("| cooldown | Knee \\| chest stretch (`knee_chest`) |"));
  EXPECT_THAT(md, HasSubstr("Bridge, glutes; slow (`bridge`) *caution: pregnancy*"));
  EXPECT_THAT(md, Not(HasSubstr("Knee | chest")));
}

TEST(PlanMarkdownTest, ContraindicationsNotesMixAndProvenance) {
  const std::string md = RenderPlanMarkdown(testkit::SampleWeekV2(), *testkit::SampleCatalog());
  EXPECT_THAT(md, HasSubstr("- `equipment` (1): `swim`\n"
                            "- `contraindicated: knee_pain (marked)` (1): `run`\n"
                            "- `contraindicated: osteoporosis (spinal_flexion+external_load)` (1): "
                            "`stand`\n"));
  EXPECT_THAT(md, HasSubstr("(`bridge`) *cleared by a clinician* |"));
  EXPECT_THAT(md, HasSubstr("(`bridge`) *caution: herniated\\_disc, sciatica* |"));
  EXPECT_THAT(md, HasSubstr("| mix | 0.250 |\n"));
  EXPECT_THAT(md, ::testing::EndsWith("\nbackbalance 0.2.0, plan model 2, catalog sha256 "
                                      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
                                      "abcdef\n"));
}

TEST(PlanMarkdownTest, InfeasibleWeekShowsTheDiagnosisAndNoWeekTable) {
  const std::string md =
      RenderPlanMarkdown(testkit::SampleInfeasibleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(md, HasSubstr("**Status:** infeasible"));
  EXPECT_THAT(md, HasSubstr("## Diagnosis\n\n- `too_few_days`: only 2 days"));
  EXPECT_THAT(md, Not(HasSubstr("| Day |")));
  EXPECT_THAT(md, HasSubstr("## Excluded\n\nNone.\n"));
}

}  // namespace
}  // namespace backbalance
