// File: tests/fuzz/fuzz_check.h
//
// The one way a fuzz target fails on purpose: FUZZ_CHECK prints what broke and aborts,
// so libFuzzer saves the input as a crash. Sanitizer reports and escaping exceptions
// fail a target without it.
#ifndef BACKBALANCE_TESTS_FUZZ_FUZZ_CHECK_H_
#define BACKBALANCE_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "backbalance/model/problem.h"

#define FUZZ_CHECK(condition, message)                                                   \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n  %s\n", __FILE__, __LINE__, \
                   #condition, std::string(message).c_str());                            \
      std::abort();                                                                      \
    }                                                                                    \
  } while (false)

namespace backbalance::fuzz {

// What every rejected document must look like (docs/errors.md): kInvalidArgument with
// at least one problem as data, each with a rule code, and a message listing them.
inline void CheckRejection(const absl::Status& status) {
  FUZZ_CHECK(status.code() == absl::StatusCode::kInvalidArgument, status.ToString());
  const std::vector<Problem> problems = ProblemsOf(status);
  FUZZ_CHECK(!problems.empty(), status.ToString());
  for (const Problem& p : problems) FUZZ_CHECK(!p.rule.empty(), status.ToString());
  FUZZ_CHECK(!status.message().empty(), "empty message");
}

}  // namespace backbalance::fuzz

#endif  // BACKBALANCE_TESTS_FUZZ_FUZZ_CHECK_H_
