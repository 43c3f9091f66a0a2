// File: cli/problem_report.h
//
// How the command line reports problems and writes documents. Every problem goes to
// stderr as one line, `<file>: <path>: <rule>: <detail>` (plan model section 11, with
// the name of the file as given on the command line in front): `<file>: ` followed by
// Problem::ToString(), so a problem about a whole document reads
// `<file>: (document): <rule>: <detail>`.
#ifndef BACKBALANCE_CLI_PROBLEM_REPORT_H_
#define BACKBALANCE_CLI_PROBLEM_REPORT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "backbalance/model/problem.h"

namespace backbalance::cli {

// Maps a problem's path from the document the library read to the one the user wrote
// (e.g. `history.feedback[2].rpe` -> `[2].rpe` for a feedback file).
using PathRewrite = std::function<std::string(const std::string&)>;

// One line, without the newline.
std::string ProblemLine(std::string_view file, const Problem& problem);

// Writes the problems of `status` (ProblemsOf), at most kMaxReportedProblems of them and
// then "and N more", to stderr. A status without attached problems is written as its
// message, one line per message line (`<file>: read: ...` for a file that cannot be read).
void ReportProblems(std::string_view file, const absl::Status& status,
                    const PathRewrite& rewrite = nullptr);

// A message of the command line itself, `backbalance: <text>`, to stderr.
void ReportError(std::string_view text);

// The exit code for a failed library call: kExitUsage for kUnimplemented (a feature this
// build lacks, such as the exact backend without CBC), kExitInvalid otherwise.
int ExitCodeOf(const absl::Status& status);

// Writes a document to stdout, ending it with a newline if it has none.
void WriteDocument(std::string_view text);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_PROBLEM_REPORT_H_
