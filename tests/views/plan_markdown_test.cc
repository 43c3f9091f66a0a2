#include <memory>
#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/views/plan_views.h"
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

// Reliability round 2, finding 11: a name that holds HTML or Markdown syntax is shown as
// text, not emitted raw (`<script>` in a name reached the rendered page).
TEST(PlanMarkdownTest, HtmlAndMarkdownSyntaxInNamesIsEscaped) {
  std::vector<Exercise> exercises = testkit::SampleCatalog()->exercises();
  for (Exercise& e : exercises) {
    if (e.id == "march") e.name = "<script>alert(1)</script> [x](http://e) ![i](j) ~~s~~ #1 & co";
  }
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog = Catalog::Create(exercises);
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  const std::string md = RenderPlanMarkdown(testkit::SampleWeek(), **catalog);
  EXPECT_THAT(md, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](http://e) "
                            "\\!\\[i\\](j) \\~\\~s\\~\\~ \\#1 &amp; co (`march`)"));
  EXPECT_THAT(md, Not(HasSubstr("<script>")));
  EXPECT_THAT(md, Not(HasSubstr("[x](")));
}

}  // namespace
}  // namespace backbalance
