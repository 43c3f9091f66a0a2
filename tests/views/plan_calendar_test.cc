#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "backbalance/views/plan_views.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"
#include "views/sample_week.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblems;
using ::backbalance::testing::PathRules;
using ::backbalance::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

CalendarViewOptions From(const char* start, int weeks = 1) {
  CalendarViewOptions options;
  options.start = *ParseCalendarStart(start);
  options.weeks = weeks;
  return options;
}

// The physical lines joined back into content lines (RFC 5545 section 3.1).
std::vector<std::string> Unfolded(const std::string& ics) {
  const std::string joined = absl::StrReplaceAll(ics, {{"\r\n ", ""}});
  std::vector<std::string> lines = absl::StrSplit(joined, "\r\n");
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

std::vector<std::string> ValuesOf(const std::string& ics, const std::string& name) {
  std::vector<std::string> values;
  for (const std::string& line : Unfolded(ics)) {
    if (absl::StartsWith(line, name + ":")) values.push_back(line.substr(name.size() + 1));
  }
  return values;
}

TEST(ParseCalendarStartTest, ReadsALocalDateAndTime) {
  ASSERT_OK_AND_ASSIGN(CalendarStart start, ParseCalendarStart("2026-12-07T07:00"));
  EXPECT_EQ(start, (CalendarStart{2026, 12, 7, 7, 0}));
  ASSERT_OK_AND_ASSIGN(CalendarStart leap, ParseCalendarStart("2028-02-29T23:59"));
  EXPECT_EQ(leap, (CalendarStart{2028, 2, 29, 23, 59}));
}

TEST(ParseCalendarStartTest, AnotherShapeIsAFormatProblem) {
  for (const char* text :
       {"", "2026-12-07", "2026-12-07 07:00", "2026-12-07T7:00", "2026-12-07T07:00Z",
        "2026-12-07T07:00:00", "26-12-07T07:00", "2026/12/07T07:00", "２026-12-07T07:00"}) {
    EXPECT_THAT(ParseCalendarStart(text), HasProblems(std::vector<std::string>{"start: format"}))
        << text;
  }
}

TEST(ParseCalendarStartTest, ADateOrTimeThatDoesNotExistIsARangeProblem) {
  for (const char* text :
       {"2026-02-29T07:00", "2026-13-01T07:00", "2026-00-10T07:00", "2026-04-31T07:00",
        "2026-12-07T24:00", "2026-12-07T07:60", "1899-12-31T07:00"}) {
    EXPECT_THAT(ParseCalendarStart(text), HasProblems(std::vector<std::string>{"start: range"}))
        << text;
  }
}

TEST(PlanCalendarTest, OneEventPerTrainingDayInDateOrderFromTheStart) {
  // 2026-12-09 is a Wednesday: Wednesday's and Friday's sessions come first, Monday's
  // on the 14th.
  ASSERT_OK_AND_ASSIGN(std::string ics,
                       RenderPlanCalendar(testkit::SampleWeek(), *testkit::SampleCatalog(),
                                          From("2026-12-09T07:30", 2)));
  EXPECT_THAT(ValuesOf(ics, "DTSTART"),
              ElementsAre("20261209T073000", "20261211T073000", "20261214T073000",
                          "20261216T073000", "20261218T073000", "20261221T073000"));
  // Wednesday's session is 25 minutes, Friday's and Monday's 16.
  EXPECT_THAT(ValuesOf(ics, "DTEND"),
              ElementsAre("20261209T075500", "20261211T074600", "20261214T074600",
                          "20261216T075500", "20261218T074600", "20261221T074600"));
  EXPECT_EQ(ValuesOf(ics, "UID").size(), 6u);
  const std::vector<std::string> uids = ValuesOf(ics, "UID");
  EXPECT_EQ(std::set<std::string>(uids.begin(), uids.end()).size(), 6u);
}

TEST(PlanCalendarTest, CalendarHeaderAndEventFields) {
  ASSERT_OK_AND_ASSIGN(std::string ics,
                       RenderPlanCalendar(testkit::SampleWeek(), *testkit::SampleCatalog(),
                                          From("2026-12-07T07:00")));
  const std::vector<std::string> lines = Unfolded(ics);
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0], "BEGIN:VCALENDAR");
  EXPECT_EQ(lines[1], "VERSION:2.0");
  EXPECT_THAT(lines[2], ::testing::StartsWith("PRODID:-//backbalance//"));
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_THAT(ValuesOf(ics, "DTSTAMP"), ::testing::Each("20261207T070000Z"));
  EXPECT_THAT(ValuesOf(ics, "SUMMARY"),
              ElementsAre("Back exercise: 16 min session (aerobic\\, strength\\, flexibility)",
                          "Back exercise: 25 min session (aerobic\\, strength\\, flexibility\\, "
                          "relaxation)",
                          "Back exercise: 16 min session (aerobic\\, strength\\, flexibility)"));
  const std::string monday = ValuesOf(ics, "DESCRIPTION").at(0);
  EXPECT_THAT(monday, HasSubstr("Monday\\, week 1 of 1: 16 min\\nwarm-up: Marching in place "
                                "(march)\\, 5 min\\, 5 min\\nmain: Bridge\\, glutes\\; slow "
                                "(bridge)\\, 2 x 10 reps\\, 6 min\\n"));
  EXPECT_THAT(monday, HasSubstr("\\n\\nAdvisories:\\n- Drink water\\; even mild"));
  EXPECT_THAT(ValuesOf(ics, "DESCRIPTION").at(2), HasSubstr("[caution: pregnancy]"));
}

TEST(PlanCalendarTest, LinesEndInCrLfAndFoldAtSeventyFiveOctets) {
  ASSERT_OK_AND_ASSIGN(std::string ics,
                       RenderPlanCalendar(testkit::SampleWeek(), *testkit::SampleCatalog(),
                                          From("2026-12-07T07:00")));
  ASSERT_TRUE(absl::EndsWith(ics, "\r\n"));
  std::vector<std::string> physical = absl::StrSplit(ics, "\r\n");
  physical.pop_back();
  bool folded = false;
  for (const std::string& line : physical) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    folded = folded || absl::StartsWith(line, " ");
  }
  EXPECT_TRUE(folded);
}

TEST(PlanCalendarTest, FoldingNeverSplitsAUtf8Character) {
  CalendarViewOptions options = From("2026-12-07T07:00");
  options.title = std::string(60, 'x') + "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
  ASSERT_OK_AND_ASSIGN(std::string ics, RenderPlanCalendar(testkit::SampleWeek(),
                                                           *testkit::SampleCatalog(), options));
  for (const std::string& line : std::vector<std::string>(absl::StrSplit(ics, "\r\n"))) {
    if (line.empty()) continue;
    EXPECT_NE(static_cast<unsigned char>(line[line[0] == ' ' ? 1 : 0]) & 0xC0, 0x80) << line;
  }
  EXPECT_THAT(ValuesOf(ics, "X-WR-CALNAME"), ElementsAre(options.title));
}

TEST(PlanCalendarTest, ASessionMayRunPastMidnight) {
  ASSERT_OK_AND_ASSIGN(std::string ics,
                       RenderPlanCalendar(testkit::SampleWeek(), *testkit::SampleCatalog(),
                                          From("2026-12-31T23:50")));
  // Thursday the 31st: Friday's 16-minute session is the first, on 2027-01-01.
  EXPECT_EQ(ValuesOf(ics, "DTSTART").at(0), "20270101T235000");
  EXPECT_EQ(ValuesOf(ics, "DTEND").at(0), "20270102T000600");
}

TEST(PlanCalendarTest, TheSameInputGivesTheSameBytes) {
  const auto render = [] {
    return *RenderPlanCalendar(testkit::SampleWeek(), *testkit::SampleCatalog(),
                               From("2026-12-07T07:00", 3));
  };
  EXPECT_EQ(render(), render());
  Plan other = testkit::SampleWeek();
  other.days[0].items.pop_back();
  const std::string changed =
      *RenderPlanCalendar(other, *testkit::SampleCatalog(), From("2026-12-07T07:00", 3));
  EXPECT_NE(ValuesOf(changed, "UID").at(0), ValuesOf(render(), "UID").at(0));
}

TEST(PlanCalendarTest, WeeksOutOfRangeIsAnError) {
  for (int weeks : {0, -1, kMaxCalendarWeeks + 1}) {
    EXPECT_THAT(RenderPlanCalendar(testkit::SampleWeek(), *testkit::SampleCatalog(),
                                   From("2026-12-07T07:00", weeks)),
                HasProblems(std::vector<std::string>{"weeks: range"}))
        << weeks;
  }
  ASSERT_OK_AND_ASSIGN(std::string year,
                       RenderPlanCalendar(testkit::SampleWeek(), *testkit::SampleCatalog(),
                                          From("2026-12-07T07:00", 52)));
  EXPECT_EQ(ValuesOf(year, "DTSTART").size(), 3u * 52u);
}

TEST(PlanCalendarTest, AnInvalidStartValueIsAnError) {
  CalendarViewOptions options;
  options.start = {2026, 2, 30, 7, 0};
  EXPECT_THAT(RenderPlanCalendar(testkit::SampleWeek(), *testkit::SampleCatalog(), options),
              HasProblems(std::vector<std::string>{"start: range"}));
}

TEST(PlanCalendarTest, APlanWithoutSessionsCannotBeACalendar) {
  const auto result = RenderPlanCalendar(testkit::SampleInfeasibleWeek(), *testkit::SampleCatalog(),
                                         From("2026-12-07T07:00"));
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(PathRules(result), ElementsAre("status: no_sessions"));
}

// Reliability round 2, finding 11: iCalendar years have four digits; a start whose
// calendar passes 9999-12-31 is refused instead of writing year 10000.
TEST(PlanCalendarTest, ACalendarThatWouldPassYear9999IsRefused) {
  const auto catalog = testkit::SampleCatalog();
  const Plan week = testkit::SampleWeek();
  const absl::Status refused =
      RenderPlanCalendar(week, *catalog, From("9999-12-31T23:59")).status();
  EXPECT_EQ(refused.message(),
            "start: range: the calendar of 1 week from 9999-12-31 would pass 9999-12-31; start "
            "on 9999-12-24 or earlier");
  EXPECT_THAT(PathRules(RenderPlanCalendar(week, *catalog, From("9999-12-24T07:00", 2))),
              ElementsAre("start: range"));
  ASSERT_OK_AND_ASSIGN(std::string ics,
                       RenderPlanCalendar(week, *catalog, From("9999-12-24T23:59")));
  for (const std::string& end : ValuesOf(ics, "DTEND")) {
    EXPECT_TRUE(absl::StartsWith(end, "9999")) << end;
  }
}

}  // namespace
}  // namespace backbalance
