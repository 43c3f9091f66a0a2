#include "cli/problem_report.h"

#include <algorithm>
#include <cstddef>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"

namespace backbalance::cli {

std::string ProblemLine(std::string_view file, const Problem& problem) {
  if (file.empty()) return problem.ToString();
  return absl::StrCat(std::string(file), ": ", problem.ToString());
}

void ReportProblems(std::string_view file, const absl::Status& status, const PathRewrite& rewrite) {
  if (status.ok()) return;
  std::vector<Problem> problems = ProblemsOf(status);
  const std::string prefix = file.empty() ? std::string() : absl::StrCat(std::string(file), ": ");
  if (problems.empty()) {
    const std::string message(status.message());
    const bool unreadable = status.code() == absl::StatusCode::kNotFound;
    if (message.empty()) {
      std::cerr << prefix << absl::StatusCodeToString(status.code()) << "\n";
    }
    for (absl::string_view line : absl::StrSplit(message, '\n', absl::SkipEmpty())) {
      std::cerr << prefix << (unreadable ? "read: " : "") << line << "\n";
    }
    std::cerr.flush();
    return;
  }
  // The `too_many_problems` line that ends a cut list counts what was dropped: always
  // shown, after the count of the kept problems left out (ProblemsStatus does the same).
  const bool cut = problems.back().rule == "too_many_problems";
  const std::size_t listed = problems.size() - (cut ? 1 : 0);
  const std::size_t shown = std::min(listed, kMaxReportedProblems);
  for (std::size_t i = 0; i < shown; ++i) {
    Problem p = problems[i];
    if (rewrite) p.path = rewrite(p.path);
    std::cerr << ProblemLine(file, p) << "\n";
  }
  if (listed > shown) std::cerr << prefix << "and " << (listed - shown) << " more\n";
  if (cut) std::cerr << ProblemLine(file, problems.back()) << "\n";
  std::cerr.flush();
}

void ReportError(std::string_view text) {
  std::cerr << "backbalance: " << text << "\n";
  std::cerr.flush();
}

int ExitCodeOf(const absl::Status& status) {
  return status.code() == absl::StatusCode::kUnimplemented ? kExitUsage : kExitInvalid;
}

void WriteDocument(std::string_view text) {
  std::cout << text;
  if (text.empty() || text.back() != '\n') std::cout << '\n';
  FlushStdout();
}

}  // namespace backbalance::cli
