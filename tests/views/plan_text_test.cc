#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "backbalance/views/plan_views.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "views/sample_week.h"
#include "views/view_plans.h"

namespace backbalance {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Lines(const std::string& text) { return absl::StrSplit(text, '\n'); }

// The text without ANSI SGR sequences.
std::string StripColour(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {
      i = text.find('m', i);
      continue;
    }
    out += text[i];
  }
  return out;
}

TEST(PlanTextTest, ShowsEveryDayWithRestDaysAndDayTotals) {
  const std::string text = RenderPlanText(testkit::SampleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(text, HasSubstr("Week plan: status ok, score 61.25\npain band B; backend "
                              "heuristic, seed 7\n"));
  EXPECT_THAT(text, HasSubstr("Monday     warmup    march                             5 min "
                              "                 5\n"));
  EXPECT_THAT(text, HasSubstr("Tuesday    rest\n"));
  EXPECT_THAT(text, HasSubstr("Sunday     rest\n"));
  // Wednesday: 5 + 5 + 10 + 5.
  EXPECT_THAT(text, HasSubstr("day total             25\n"));
  EXPECT_THAT(text, HasSubstr("note: caution: pregnancy\n"));
}

TEST(PlanTextTest, TotalsAgainstTargetsAndScoreTermsAsBars) {
  const std::string text = RenderPlanText(testkit::SampleWeek(), *testkit::SampleCatalog());
  // 15 of 90 aerobic minutes: a sixth of the bar, 17 %.
  EXPECT_THAT(text,
              HasSubstr("  aerobic              15       90  [###.................]   17%\n"));
  // 17 strength minutes of 40: 8.5 of 20 marks round up to 9.
  EXPECT_THAT(text,
              HasSubstr("  strength             17       40  [#########...........]   43%\n"));
  EXPECT_THAT(text, HasSubstr("  total                57      270 (weekly cap)\n"));
  EXPECT_THAT(text, HasSubstr("Training days           3     3..6\n"));
  EXPECT_THAT(text, HasSubstr("  aerobic             0.500  [##########..........]\n"));
  EXPECT_THAT(text, HasSubstr("  strength            1.000  [####################]\n"));
  EXPECT_THAT(text, HasSubstr("  preference          0.000  [....................]\n"));
}

TEST(PlanTextTest, ExclusionsGroupedInTheOrderOfTheEligibilityRules) {
  const std::string text = RenderPlanText(testkit::SampleWeek(), *testkit::SampleCatalog());
  // The plan lists `run` (impact) first; rule 2 (equipment) comes before rule 5 (impact).
  EXPECT_THAT(text,
              HasSubstr("Excluded (2 exercises)\n  equipment (1): swim\n  impact (1): run\n"));
  EXPECT_THAT(text, HasSubstr("Advisories\n  hydrate: Drink water;"));
}

TEST(PlanTextTest, ContraindicationsShowTheirBecauseAndNotesReadAsSentences) {
  const std::string text = RenderPlanText(testkit::SampleWeekV2(), *testkit::SampleCatalog());
  // Rule order: equipment (2), contraindicated (3); within it, first appearance.
  EXPECT_THAT(text, HasSubstr("Excluded (3 exercises)\n  equipment (1): swim\n"
                              "  contraindicated: knee_pain (marked) (1): run\n"
                              "  contraindicated: osteoporosis (spinal_flexion+external_load) (1): "
                              "stand\n"));
  EXPECT_THAT(text, HasSubstr("note: cleared by a clinician\n"));
  EXPECT_THAT(text, HasSubstr("note: caution: herniated_disc, sciatica\n"));
  EXPECT_THAT(text, Not(HasSubstr("caution:herniated_disc")));
  EXPECT_THAT(text, HasSubstr("  mix                 0.250  [#####...............]\n"));
  EXPECT_THAT(text, ::testing::EndsWith(
                        "\nbackbalance 0.2.0, plan model 2, catalog sha256 0123456789ab\n"));
  for (const std::string& line : Lines(text)) EXPECT_LE(line.size(), 80u) << line;
}

TEST(PlanTextTest, RealContraindicationsNameTheMovementBehindThem) {
  for (const testkit::ViewPlan& example : testkit::ExamplePlans()) {
    if (example.name != "osteoporosis") continue;
    const std::string text = RenderPlanText(example.plan, *example.catalog);
    EXPECT_THAT(text, HasSubstr("  contraindicated: osteoporosis (spinal_flexion) ("));
    EXPECT_THAT(text, HasSubstr("plan model 2"));
    for (const Exclusion& e : example.plan.excluded) {
      if (e.reason.rfind("contraindicated:", 0) == 0) {
        EXPECT_TRUE(e.because.has_value()) << e.exercise;
      }
    }
  }
}

TEST(PlanTextTest, FitsEightyColumnsForEveryExampleProfile) {
  for (const testkit::ViewPlan& example : testkit::ExamplePlans()) {
    const std::string text = RenderPlanText(example.plan, *example.catalog);
    for (const std::string& line : Lines(text)) {
      EXPECT_LE(line.size(), 80u) << example.name << ": " << line;
    }
  }
}

TEST(PlanTextTest, ColourOnlyWhenAskedAndItNeverMovesAColumn) {
  const Plan week = testkit::SampleWeek();
  const std::string plain = RenderPlanText(week, *testkit::SampleCatalog());
  EXPECT_THAT(plain, Not(HasSubstr("\x1b[")));
  TextViewOptions options;
  options.color = true;
  const std::string colour = RenderPlanText(week, *testkit::SampleCatalog(), options);
  EXPECT_THAT(colour, HasSubstr("\x1b[32mok\x1b[0m"));
  EXPECT_THAT(colour, HasSubstr("\x1b[33mequipment\x1b[0m"));
  EXPECT_EQ(StripColour(colour), plain);
}

TEST(PlanTextTest, InfeasibleWeekShowsTheDiagnosisAndNoTable) {
  const std::string text =
      RenderPlanText(testkit::SampleInfeasibleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(text, HasSubstr("Week plan: status infeasible\n"));
  EXPECT_THAT(text, HasSubstr("No week satisfies every hard rule.\n\nDiagnosis\n  too_few_days: "));
  EXPECT_THAT(text, Not(HasSubstr("Day        Phase")));
  EXPECT_THAT(text, HasSubstr("Excluded: none\n"));
}

TEST(PlanTextTest, TitleIsTheCallers) {
  TextViewOptions options;
  options.title = "Next week";
  EXPECT_THAT(RenderPlanText(testkit::SampleWeek(), *testkit::SampleCatalog(), options),
              ::testing::StartsWith("Next week: status ok"));
}

TEST(DoseTextTest, EachForm) {
  EXPECT_EQ(DoseText(Dose::SetsReps(2, 10)), "2 x 10 reps");
  EXPECT_EQ(DoseText(Dose::HoldReps(30, 3)), "3 x 30 s hold");
  EXPECT_EQ(DoseText(Dose::Minutes(20)), "20 min");
}

// Plan model 12: the pins the week holds are marked, and a repaired week shows what
// changed, removed uses included.
TEST(PlanTextTest, MarksPinnedItemsAndTheChangesOfARepair) {
  Plan plan = testkit::SampleWeek();
  plan.changes = std::vector<PlanChange>{{0, "bridge", ChangeKind::kAdded},
                                         {1, "superman", ChangeKind::kRemoved},
                                         {2, "hop", ChangeKind::kChanged}};
  TextViewOptions options;
  // Held: Monday's bridge in the main phase. Not held: Wednesday's hop for 99 minutes.
  options.pins = {Pin{0, "bridge", Phase::kMain, std::nullopt}, Pin{2, "hop", std::nullopt, 99}};
  const std::string text = RenderPlanText(plan, *testkit::SampleCatalog(), options);
  const std::string marks(23, ' ');
  EXPECT_THAT(text, HasSubstr("           main      bridge                            2 x 10 reps "
                              "           6\n" +
                              marks + "pinned\n" + marks + "added by the repair\n"));
  EXPECT_THAT(text, HasSubstr("hop                               2 x 8 reps             5\n" +
                              marks + "changed by the repair\n"));
  int pinned = 0;
  for (const std::string& line : Lines(text)) pinned += line == marks + "pinned";
  EXPECT_EQ(pinned, 1);
  EXPECT_THAT(text, HasSubstr("Changes (3)\n  Monday: bridge added\n  Tuesday: superman removed\n"
                              "  Wednesday: hop changed\n"));
  // In colour, the marks keep their columns.
  options.color = true;
  EXPECT_EQ(StripColour(RenderPlanText(plan, *testkit::SampleCatalog(), options)), text);
}

TEST(PlanTextTest, ChangesOnlyForARepair) {
  Plan plan = testkit::SampleWeek();
  EXPECT_THAT(RenderPlanText(plan, *testkit::SampleCatalog()), Not(HasSubstr("Changes")));
  EXPECT_THAT(RenderPlanText(plan, *testkit::SampleCatalog()), Not(HasSubstr("pinned")));
  plan.changes = std::vector<PlanChange>{};
  EXPECT_THAT(RenderPlanText(plan, *testkit::SampleCatalog()),
              HasSubstr("Changes: none (the week was valid)\n"));
}

}  // namespace
}  // namespace backbalance
