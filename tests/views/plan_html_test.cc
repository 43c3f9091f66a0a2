#include <string>
#include <string_view>

#include "backbalance/views/plan_views.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "views/sample_week.h"
#include "views/view_plans.h"

namespace backbalance {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

int Count(const std::string& text, std::string_view needle) {
  int count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

TEST(PlanHtmlTest, SevenDaySectionsAndOneListItemPerUse) {
  const std::string html = RenderPlanHtml(testkit::SampleWeek(), *testkit::SampleCatalog());
  EXPECT_EQ(Count(html, "<section class=\"day"), 7);
  for (int day = 0; day < 7; ++day) {
    EXPECT_THAT(html, HasSubstr("data-day=\"" + std::to_string(day) + "\"")) << day;
  }
  EXPECT_EQ(Count(html, "<section class=\"day rest\""), 4);
  EXPECT_EQ(Count(html, "<li class=\"item "), 10);
  EXPECT_EQ(Count(html, "data-exercise=\"march\""), 3);
  EXPECT_THAT(html, HasSubstr("<h3 id=\"day-2\">Wednesday <span class=\"day-minutes\">25 min"));
}

TEST(PlanHtmlTest, CategoryColourImpactBadgeDoseAndReasons) {
  const std::string html = RenderPlanHtml(testkit::SampleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(html, HasSubstr("<li class=\"item cat-strength\" data-exercise=\"hop\" "
                              "data-category=\"strength\" data-impact=\"high\""));
  EXPECT_THAT(html, HasSubstr("<span class=\"impact impact-high\" title=\"high impact\">high"));
  EXPECT_THAT(html, HasSubstr("<span class=\"dose\">2 x 10 reps · 6 min</span>"));
  // An aerobic item's dose is its minutes: shown once.
  EXPECT_THAT(html, HasSubstr("<span class=\"dose\">5 min</span>"));
  EXPECT_THAT(html, HasSubstr("<dt>Why</dt><dd>strength: glutes</dd>"));
  EXPECT_THAT(html, HasSubstr("<dt>Notes</dt><dd>caution: pregnancy</dd>"));
  EXPECT_THAT(html, HasSubstr("title=\"Bridge, glutes; slow: main, 2 x 10 reps, 6 min, "
                              "strength, low impact. Why: strength: glutes\""));
}

TEST(PlanHtmlTest, EscapesTextFromTheCatalogAndThePlan) {
  const std::string html = RenderPlanHtml(testkit::SampleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(html, HasSubstr("Hop &lt;fast&gt; &amp; &quot;light&quot;"));
  EXPECT_THAT(html, Not(HasSubstr("<fast>")));
  HtmlViewOptions options;
  options.title = "</title><script>alert(1)</script>";
  const std::string titled =
      RenderPlanHtml(testkit::SampleWeek(), *testkit::SampleCatalog(), options);
  EXPECT_THAT(titled, Not(HasSubstr("<script")));
  EXPECT_THAT(titled, HasSubstr("<h1>&lt;/title&gt;&lt;script&gt;"));
}

TEST(PlanHtmlTest, SelfContainedAccessibleAndPrintable) {
  for (const testkit::ViewPlan& example : testkit::ExamplePlans()) {
    const std::string html = RenderPlanHtml(example.plan, *example.catalog);
    SCOPED_TRACE(example.name);
    EXPECT_THAT(html, ::testing::StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    EXPECT_THAT(html, Not(HasSubstr("http://")));
    EXPECT_THAT(html, Not(HasSubstr("https://")));
    EXPECT_THAT(html, Not(HasSubstr("<script")));
    EXPECT_THAT(html, Not(HasSubstr("<link")));
    EXPECT_THAT(html, Not(HasSubstr(" src=")));
    EXPECT_THAT(html, Not(HasSubstr("@import")));
    EXPECT_THAT(html, HasSubstr("@media print"));
    EXPECT_THAT(html, HasSubstr("<aside class=\"notice\" role=\"note\"><strong>Advice, not "
                                "diagnosis.</strong>"));
    EXPECT_EQ(Count(html, "<section class=\"day"), 7);
    EXPECT_THAT(html, HasSubstr("</html>\n"));
  }
}

TEST(PlanHtmlTest, ChartScoreExclusionsAndAdvisories) {
  const std::string html = RenderPlanHtml(testkit::SampleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(html, HasSubstr("<svg role=\"img\" aria-labelledby=\"totals-title totals-desc\""));
  EXPECT_THAT(html, HasSubstr("<desc id=\"totals-desc\">aerobic 15 / 90 min; strength 17 / 40 "
                              "min; flexibility 15 / 70 min; balance 0 / 20 min; relaxation "
                              "10 / 40 min</desc>"));
  EXPECT_THAT(html, HasSubstr("<tr data-term=\"aerobic\"><th scope=\"row\">aerobic</th><td "
                              "class=\"num\">0.500</td>"));
  EXPECT_THAT(html, HasSubstr("<span style=\"width:50.0%\">"));
  EXPECT_THAT(html, HasSubstr("<details data-reason=\"equipment\"><summary><code>equipment"
                              "</code> (1)</summary><ul><li title=\"swim\">Swimming</li>"));
  EXPECT_LT(html.find("data-reason=\"equipment\""), html.find("data-reason=\"impact\""));
  EXPECT_THAT(html, HasSubstr("<li data-code=\"hydrate\"><strong>hydrate</strong>: Drink "));
}

TEST(PlanHtmlTest, ContraindicationsBadgesMixAndProvenance) {
  const std::string html = RenderPlanHtml(testkit::SampleWeekV2(), *testkit::SampleCatalog());
  EXPECT_THAT(html,
              HasSubstr("<details data-reason=\"contraindicated:osteoporosis\" "
                        "data-because=\"spinal_flexion+external_load\"><summary><code>"
                        "contraindicated: osteoporosis (spinal_flexion+external_load)"
                        "</code> (1)</summary><ul><li title=\"stand\">Single-leg stand</li>"));
  EXPECT_THAT(html, HasSubstr("<code>contraindicated: knee_pain (marked)</code> (1)"));
  EXPECT_THAT(html, HasSubstr("<span class=\"flag flag-cleared\" title=\"cleared by a "
                              "clinician\">cleared</span>"));
  EXPECT_THAT(html,
              HasSubstr("<span class=\"flag flag-caution\" title=\"caution: "
                        "herniated_disc, sciatica\">caution: herniated_disc, sciatica</span>"));
  EXPECT_THAT(html, HasSubstr("<dt>Notes</dt><dd>caution: herniated_disc, sciatica</dd>"));
  EXPECT_THAT(html, HasSubstr("<tr data-term=\"mix\"><th scope=\"row\">mix</th><td "
                              "class=\"num\">0.250</td>"));
  EXPECT_THAT(html, HasSubstr("<p class=\"provenance\" data-model=\"2\">backbalance 0.2.0 · "
                              "plan model 2 · catalog sha256 <code>0123456789abcdef"));
}

TEST(PlanHtmlTest, InfeasibleAndReferPagesSayWhy) {
  const std::string html =
      RenderPlanHtml(testkit::SampleInfeasibleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(html, HasSubstr("<p class=\"alert\" role=\"alert\"><strong>No week satisfies"));
  EXPECT_THAT(html, HasSubstr("<li data-code=\"too_few_days\">"));
  EXPECT_EQ(Count(html, "<section class=\"day rest\""), 7);
  EXPECT_THAT(html, Not(HasSubstr("Score breakdown")));

  Plan refer = testkit::SampleInfeasibleWeek();
  refer.status = PlanStatus::kRefer;
  refer.diagnosis.clear();
  EXPECT_THAT(RenderPlanHtml(refer, *testkit::SampleCatalog()),
              HasSubstr("<strong>No exercise plan:</strong> the profile reports a red flag"));
}

// Plan model 12: pinned items and a repair's changes, as badges and data attributes, and
// the list of every change (a removed use is not in the calendar).
TEST(PlanHtmlTest, MarksPinnedItemsAndTheChangesOfARepair) {
  Plan plan = testkit::SampleWeek();
  plan.changes = std::vector<PlanChange>{{0, "bridge", ChangeKind::kAdded},
                                         {1, "superman", ChangeKind::kRemoved}};
  HtmlViewOptions options;
  options.pins = {Pin{0, "bridge", std::nullopt, std::nullopt}};
  const std::string html = RenderPlanHtml(plan, *testkit::SampleCatalog(), options);
  EXPECT_EQ(Count(html, "data-pinned=\"true\""), 1);
  EXPECT_EQ(Count(html, "<span class=\"flag flag-pinned\""), 1);
  EXPECT_THAT(html, HasSubstr("data-exercise=\"bridge\" data-category=\"strength\""));
  EXPECT_THAT(html, HasSubstr("data-minutes=\"6\" data-pinned=\"true\" data-change=\"added\">"));
  EXPECT_THAT(html, HasSubstr("<h2 id=\"changes-heading\">Changes by the repair</h2>"));
  EXPECT_THAT(html, HasSubstr("<li data-day=\"1\" data-exercise=\"superman\" "
                              "data-change=\"removed\"><strong>removed</strong> Tuesday: "
                              "<code>superman</code></li>"));
  const std::string plain = RenderPlanHtml(testkit::SampleWeek(), *testkit::SampleCatalog());
  EXPECT_THAT(plain, Not(HasSubstr("changes-heading")));
  EXPECT_THAT(plain, Not(HasSubstr("data-pinned")));
}

}  // namespace
}  // namespace backbalance
