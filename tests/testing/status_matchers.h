// File: tests/testing/status_matchers.h
//
// Small stand-ins for absl/status/status_matchers.h, which Debian 12's Abseil lacks,
// plus helpers that read the problems a status carries (ProblemsOf) so that error tests
// check the stable parts, path and rule, rather than the wording of a detail.
#ifndef BACKBALANCE_TESTS_TESTING_STATUS_MATCHERS_H_
#define BACKBALANCE_TESTS_TESTING_STATUS_MATCHERS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "backbalance/model/problem.h"
#include "gmock/gmock.h"

namespace backbalance::testing {

inline const absl::Status& StatusOf(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& StatusOf(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

// EXPECT_THAT(LoadPlan(text), StatusIs(absl::StatusCode::kInvalidArgument));
MATCHER_P(StatusIs, code,
          std::string(negation ? "isn't" : "is") + " a status with code " +
              absl::StatusCodeToString(code)) {
  const absl::Status& status = StatusOf(arg);
  *result_listener << "whose status is " << status;
  return status.code() == code;
}

MATCHER(IsOk, std::string(negation ? "isn't" : "is") + " OK") {
  const absl::Status& status = StatusOf(arg);
  *result_listener << "whose status is " << status;
  return status.ok();
}

// "path: rule" for each problem attached to a status, in order.
inline std::vector<std::string> PathRules(const absl::Status& status) {
  std::vector<std::string> out;
  for (const Problem& p : ProblemsOf(status)) out.push_back(p.path + ": " + p.rule);
  return out;
}
template <typename T>
std::vector<std::string> PathRules(const absl::StatusOr<T>& status_or) {
  return PathRules(status_or.status());
}

// An InvalidArgument status whose problems are exactly `path_rules` ("path: rule"), in
// order: EXPECT_THAT(LoadCatalog(text), HasProblems({"exercises[1].id: duplicate_id"})).
MATCHER_P(HasProblems, path_rules,
          "has exactly the problems " + ::testing::PrintToString(path_rules)) {
  const absl::Status& status = StatusOf(arg);
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    *result_listener << "whose status is " << status;
    return false;
  }
  const std::vector<std::string> actual = PathRules(status);
  const std::vector<std::string> expected(path_rules.begin(), path_rules.end());
  *result_listener << "whose problems are " << ::testing::PrintToString(actual);
  return actual == expected;
}

// An InvalidArgument status with at least one problem of this path and rule.
MATCHER_P2(HasProblem, path, rule,
           std::string("has a problem ") + std::string(path) + ": " + std::string(rule)) {
  const absl::Status& status = StatusOf(arg);
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    *result_listener << "whose status is " << status;
    return false;
  }
  const std::vector<std::string> actual = PathRules(status);
  *result_listener << "whose problems are " << ::testing::PrintToString(actual);
  const std::string wanted = std::string(path) + ": " + std::string(rule);
  for (const std::string& line : actual) {
    if (line == wanted) return true;
  }
  return false;
}

}  // namespace backbalance::testing

#define BKB_CONCAT_INNER_(a, b) a##b
#define BKB_CONCAT_(a, b) BKB_CONCAT_INNER_(a, b)
// ASSERT_OK_AND_ASSIGN(auto plan, LoadPlan(text));
#define ASSERT_OK_AND_ASSIGN(lhs, expr) \
  ASSERT_OK_AND_ASSIGN_IMPL_(BKB_CONCAT_(status_or_, __LINE__), lhs, expr)
#define ASSERT_OK_AND_ASSIGN_IMPL_(var, lhs, expr) \
  auto var = (expr);                               \
  ASSERT_TRUE(var.ok()) << var.status();           \
  lhs = std::move(var).value()

#endif  // BACKBALANCE_TESTS_TESTING_STATUS_MATCHERS_H_
