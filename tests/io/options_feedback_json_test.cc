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

TEST(LoadOptions, SaveOptionsReadsBackToTheSameOptions) {
  PlannerOptions options;
  options.mix_weight = 0.5;
  options.backend = "exact";
  options.time_limit_seconds = 2.5;
  absl::StatusOr<PlannerOptions> read = LoadOptions(SaveOptions(options));
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(SaveOptions(*read), SaveOptions(options));
}

TEST(LoadOptions, EveryFieldIsOptional) {
  absl::StatusOr<PlannerOptions> read = LoadOptions("{}");
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(SaveOptions(*read), SaveOptions(PlannerOptions{}));
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

}  // namespace
}  // namespace backbalance
