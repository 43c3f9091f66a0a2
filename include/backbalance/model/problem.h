// File: backbalance/model/problem.h
//
// Errors as data. A bad document yields one absl::Status whose message lists every
// problem, one per line, as `<path>: <rule>: <detail>` (plan model section 11), and
// whose payload carries the same list so that callers never parse text.
#ifndef BACKBALANCE_MODEL_PROBLEM_H_
#define BACKBALANCE_MODEL_PROBLEM_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace backbalance {

// One problem of one document. `path` is in the document's own syntax
// (`exercises[12].rest_hours`; "" for the whole document), `rule` a stable code
// (`range`, `required`, `type`, `unknown_field`, ...), `detail` a sentence that may change.
struct Problem {
  std::string path;
  std::string rule;
  std::string detail;

  // "<path>: <rule>: <detail>". A problem about the whole document (empty path: not
  // JSON, too large, not an object) reads "(document): <rule>: <detail>", so that every
  // line starts with a place; `path` itself stays "".
  std::string ToString() const;
  friend bool operator==(const Problem&, const Problem&) = default;
};

// At most this many problems are listed; the message then says how many more there were.
inline constexpr std::size_t kMaxReportedProblems = 100;

// A status of `code` whose message lists `problems` (first kMaxReportedProblems, then
// "and N more") and whose payload holds all of them. OK when `problems` is empty.
absl::Status ProblemsStatus(absl::StatusCode code, const std::vector<Problem>& problems);

// The problems attached to `status`; empty when none are (including for OK).
std::vector<Problem> ProblemsOf(const absl::Status& status);

// Collects the problems of one document in order.
class ProblemList {
 public:
  void Add(std::string path, std::string rule, std::string detail) {
    problems_.push_back({std::move(path), std::move(rule), std::move(detail)});
  }
  bool empty() const { return problems_.empty(); }
  std::size_t size() const { return problems_.size(); }
  const std::vector<Problem>& problems() const { return problems_; }
  // OK when empty, else ProblemsStatus(kInvalidArgument, ...).
  absl::Status ToStatus() const {
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, problems_);
  }

 private:
  std::vector<Problem> problems_;
};

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_PROBLEM_H_
