// The io readers of planner options and of last week's feedback (backbalance/io/
// options_json.h, feedback_json.h): one reader each, shared by the C ABI and the command
// line; every error path names the path and the rule.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "backbalance/io/feedback_json.h"
#include "backbalance/io/options_json.h"
#include "backbalance/model/plan.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblem;
using ::backbalance::testing::IsOk;
using ::backbalance::testing::StatusIs;
using ::testing::HasSubstr;

TEST(LoadOptions, SaveOptionsReadsBackToTheSameOptions) {
  PlannerOptions options;
  options.mix_weight = 0.5;
  options.backend = "exact";
  options.time_limit_seconds = 2.5;
  options.gap_tolerance = 0.02;
  absl::StatusOr<PlannerOptions> read = LoadOptions(SaveOptions(options));
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(SaveOptions(*read), SaveOptions(options));
}

TEST(LoadOptions, EveryFieldIsOptional) {
  absl::StatusOr<PlannerOptions> read = LoadOptions("{}");
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(SaveOptions(*read), SaveOptions(PlannerOptions{}));
}

// A gap tolerance is a number or null (the quality level's own), like the time limit.
TEST(LoadOptions, GapToleranceIsANumberOrNull) {
  absl::StatusOr<PlannerOptions> read = LoadOptions(R"({"gap_tolerance": 0.02})");
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(read->gap_tolerance, 0.02);
  read = LoadOptions(R"({"gap_tolerance": null})");
  ASSERT_THAT(read, IsOk());
  EXPECT_FALSE(read->gap_tolerance.has_value());
  EXPECT_THAT(LoadOptions(R"({"gap_tolerance": "1 %"})"),
              HasProblem("options.gap_tolerance", "type"));
}

TEST(LoadOptions, SyntaxIsReported) { EXPECT_THAT(LoadOptions("{"), HasProblem("", "syntax")); }

TEST(LoadOptions, NotAnObject) { EXPECT_THAT(LoadOptions("[1]"), HasProblem("options", "type")); }

TEST(LoadOptions, UnknownFieldNamesItsPath) {
  EXPECT_THAT(LoadOptions(R"({"mix_wieght": 1})"),
              HasProblem("options.mix_wieght", "unknown_field"));
}

TEST(LoadOptions, WrongTypeNamesItsPath) {
  EXPECT_THAT(LoadOptions(R"({"late_pregnancy_week": "20"})"),
              HasProblem("options.late_pregnancy_week", "type"));
}

TEST(LoadOptions, ArrayLengthNamesItsPath) {
  EXPECT_THAT(LoadOptions(R"({"session_cap_by_fitness": [1, 2]})"),
              HasProblem("options.session_cap_by_fitness", "length"));
}

TEST(LoadOptions, RangesAreValidateOptions) {
  EXPECT_THAT(LoadOptions(R"({"bands": [{"minutes": [150, 60, 60, 20, -1]}, {}, {}]})"),
              HasProblem("options.bands[0].minutes[4]", "range"));
}

TEST(LoadOptionsFile, MissingFileIsNotFound) {
  EXPECT_THAT(LoadOptionsFile("/nonexistent/bkb_options.json"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(LoadOptionsFile, ReadsTheFile) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("bkb_options_test_" + std::to_string(::getpid()) + ".json");
  std::ofstream(path) << R"({"mix_weight": 0})";
  absl::StatusOr<PlannerOptions> read = LoadOptionsFile(path.string());
  std::filesystem::remove(path);
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(read->mix_weight, 0);
}

Plan OneItemWeek() {
  Plan plan;
  plan.days[0].items.push_back(PlanItem{"marching_in_place", Phase::kMain, 10});
  return plan;
}

TEST(LoadFeedback, ReadsEntriesAboutTheWeeksUses) {
  absl::StatusOr<std::vector<Feedback>> read = LoadFeedback(
      R"([{"day": 0, "exercise": "marching_in_place", "completed": true, "pain_after": "same",
           "soreness_hours": 0, "rpe": 5}])",
      OneItemWeek());
  ASSERT_THAT(read, IsOk());
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ((*read)[0].exercise, "marching_in_place");
}

TEST(LoadFeedback, NotAnArray) {
  EXPECT_THAT(LoadFeedback("{}", OneItemWeek()), HasProblem("feedback", "type"));
}

TEST(LoadFeedback, SyntaxIsReported) {
  EXPECT_THAT(LoadFeedback("[", OneItemWeek()), HasProblem("", "syntax"));
}

TEST(LoadFeedback, AUseTheWeekDoesNotHoldNamesTheEntry) {
  EXPECT_THAT(LoadFeedback(R"([{"day": 3, "exercise": "marching_in_place", "completed": true,
                                "pain_after": "same", "soreness_hours": 0}])",
                           OneItemWeek()),
              HasProblem("feedback[0]", "unknown_use"));
}

TEST(LoadFeedback, RepeatsAndFormAlone) {
  const std::string twice = R"([{"day": 0, "exercise": "marching_in_place"},
                                {"day": 0, "exercise": "marching_in_place"}])";
  absl::StatusOr<std::vector<Feedback>> read = LoadFeedback(twice, OneItemWeek());
  EXPECT_THAT(read, HasProblem("feedback[1]", "duplicate"));
  EXPECT_THAT(std::string(read.status().message()),
              HasSubstr("already have feedback at feedback[0]"));
  // Form alone (Replan): neither uses nor repeats are judged here.
  EXPECT_THAT(LoadFeedbackForm(twice), IsOk());
  EXPECT_THAT(LoadFeedbackForm(R"([{"day": 9, "exercise": "x"}])"),
              HasProblem("feedback[0].day", "range"));
}

// A feedback file (the command line's --feedback): its problems name places in the
// file's own syntax, whichever form it takes, with no rewriting by the caller.
TEST(LoadFeedbackDocument, ArrayPathsAreTheFilesOwn) {
  const Plan week = OneItemWeek();
  absl::StatusOr<FeedbackDocument> read =
      LoadFeedbackDocument(R"([{"day": 0, "exercise": "marching_in_place", "rpe": 4}])", &week);
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(read->form, FeedbackForm::kArray);
  ASSERT_EQ(read->entries.size(), 1u);
  EXPECT_EQ(read->entries[0].rpe, 4);
  EXPECT_THAT(
      LoadFeedbackDocument(R"([{"day": 0, "exercise": "marching_in_place", "rpe": 11}])", &week),
      HasProblem("[0].rpe", "range"));
  EXPECT_THAT(LoadFeedbackDocument(R"([{"day": 1, "exercise": "marching_in_place"}])", &week),
              HasProblem("[0]", "unknown_use"));
  absl::StatusOr<FeedbackDocument> twice = LoadFeedbackDocument(
      R"([{"day": 0, "exercise": "marching_in_place"}, {"day": 0, "exercise": "marching_in_place"}])",
      &week);
  EXPECT_THAT(twice, HasProblem("[1]", "duplicate"));
  EXPECT_THAT(std::string(twice.status().message()), HasSubstr("already have feedback at [0]"));
  // Without a week: form alone.
  EXPECT_THAT(LoadFeedbackDocument(R"([{"day": 1, "exercise": "anything"}])", nullptr), IsOk());
}

TEST(LoadFeedbackDocument, ObjectPathsAreTheFilesOwn) {
  const Plan week = OneItemWeek();
  absl::StatusOr<FeedbackDocument> read =
      LoadFeedbackDocument(R"({"feedback": [{"day": 0, "exercise": "marching_in_place"}]})", &week);
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(read->form, FeedbackForm::kObject);
  EXPECT_THAT(
      LoadFeedbackDocument(R"({"feedback": [{"day": 0, "exercise": "x", "mood": 1}]})", &week),
      HasProblem("feedback[0].mood", "unknown_field"));
  EXPECT_THAT(LoadFeedbackDocument(R"({"feedback": {}})", &week), HasProblem("feedback", "type"));
  // Only "feedback": other keys first (in key order), then a missing list.
  absl::StatusOr<FeedbackDocument> shape =
      LoadFeedbackDocument(R"({"zeta": 1, "entries": [], "odd key": 2})", &week);
  EXPECT_THAT(shape, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(std::string(shape.status().message()),
            "entries: unknown_field: a feedback file holds only \"feedback\", an array of "
            "feedback entries\n"
            "[\"odd key\"]: unknown_field: a feedback file holds only \"feedback\", an array of "
            "feedback entries\n"
            "zeta: unknown_field: a feedback file holds only \"feedback\", an array of feedback "
            "entries\n"
            "feedback: required: the array of feedback entries is missing");
}

TEST(LoadFeedbackDocument, TheDocumentItself) {
  EXPECT_THAT(LoadFeedbackDocument("42", nullptr), HasProblem("", "type"));
  EXPECT_THAT(LoadFeedbackDocument("[", nullptr), HasProblem("", "syntax"));
  // The byte offset is in the file's own text.
  absl::StatusOr<FeedbackDocument> nul = LoadFeedbackDocument(std::string("[]\0", 3), nullptr);
  EXPECT_THAT(std::string(nul.status().message()), HasSubstr("at byte 2 (line 1, column 3)"));
  // A UTF-8 byte order mark is allowed in either form, as in every document.
  EXPECT_THAT(LoadFeedbackDocument("\xEF\xBB\xBF[]", nullptr), IsOk());
  EXPECT_THAT(LoadFeedbackDocument("\xEF\xBB\xBF{\"feedback\": []}", nullptr), IsOk());
}

// A field reported while parsing (a control character, a repeated key) leaves its entry
// out: it is not then matched to the week with a blank field (`unknown_use` of "").
TEST(LoadFeedbackDocument, AnEntryWithAFaultIsNotMatchedToTheWeek) {
  const Plan week = OneItemWeek();
  absl::StatusOr<FeedbackDocument> read =
      LoadFeedbackDocument(R"([{"day": 0, "exercise": "marching\u0001in_place"}])", &week);
  EXPECT_THAT(read, HasProblem("[0].exercise", "control_character"));
  EXPECT_THAT(ProblemsOf(read.status()), ::testing::SizeIs(1));
}

}  // namespace
}  // namespace backbalance
