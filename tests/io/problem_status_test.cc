// ProblemsStatus and ProblemsOf (backbalance/model/problem.h): the form every loader's
// errors take.
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "backbalance/model/problem.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace backbalance {
namespace {

TEST(ProblemTest, ToString) {
  EXPECT_EQ((Problem{"exercises[12].rest_hours", "range", "must be an integer in 0..96, got 120"})
                .ToString(),
            "exercises[12].rest_hours: range: must be an integer in 0..96, got 120");
  EXPECT_EQ((Problem{"", "syntax", "invalid JSON at byte 3"}).ToString(),
            "(document): syntax: invalid JSON at byte 3");
}

TEST(ProblemsStatusTest, EmptyIsOk) {
  EXPECT_TRUE(ProblemsStatus(absl::StatusCode::kInvalidArgument, {}).ok());
  EXPECT_TRUE(ProblemList().ToStatus().ok());
  EXPECT_TRUE(ProblemsOf(absl::OkStatus()).empty());
  EXPECT_TRUE(ProblemsOf(absl::InvalidArgumentError("no payload")).empty());
}

TEST(ProblemsStatusTest, MessageAndPayload) {
  const std::vector<Problem> problems = {{"pain", "range", "must be an integer in 0..10, got 11"},
                                         {"days[3].items[0].phase", "unknown_name", "\"x\""}};
  const absl::Status status = ProblemsStatus(absl::StatusCode::kInvalidArgument, problems);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "pain: range: must be an integer in 0..10, got 11\n"
            "days[3].items[0].phase: unknown_name: \"x\"");
  EXPECT_EQ(ProblemsOf(status), problems);
}

TEST(ProblemsStatusTest, CapsTheMessageAtTheLimit) {
  std::vector<Problem> problems;
  for (int i = 0; i < 250; ++i) problems.push_back({"p" + std::to_string(i), "range", "d"});
  const absl::Status status = ProblemsStatus(absl::StatusCode::kInvalidArgument, problems);
  const std::vector<std::string> lines = absl::StrSplit(status.message(), '\n');
  ASSERT_EQ(lines.size(), kMaxReportedProblems + 1);
  EXPECT_EQ(lines[99], "p99: range: d");
  EXPECT_EQ(lines[100], "and 150 more");
  EXPECT_EQ(ProblemsOf(status), problems);  // the payload keeps every one

  problems.resize(kMaxReportedProblems);
  const std::vector<std::string> exact =
      absl::StrSplit(ProblemsStatus(absl::StatusCode::kInvalidArgument, problems).message(), '\n');
  EXPECT_EQ(exact.size(), kMaxReportedProblems);  // no "and 0 more"
}

TEST(ProblemsStatusTest, SurvivesBytesThatAreNotUtf8) {
  const std::vector<Problem> problems = {{"a", "rule", std::string("bad \xff\xfe byte")}};
  const absl::Status status = ProblemsStatus(absl::StatusCode::kInvalidArgument, problems);
  ASSERT_EQ(ProblemsOf(status).size(), 1u);
  EXPECT_EQ(ProblemsOf(status)[0].path, "a");
}

TEST(ProblemsStatusTest, KeepsTheCode) {
  const absl::Status status =
      ProblemsStatus(absl::StatusCode::kNotFound, {{"", "unreadable", "cannot read"}});
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(ProblemsOf(status).size(), 1u);
}

}  // namespace
}  // namespace backbalance
