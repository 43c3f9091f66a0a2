// File: cli/exit_codes.h
//
// The exit codes of the `backbalance` command line (docs/cli.md). Stable: scripts and
// integrations test them.
#ifndef BACKBALANCE_CLI_EXIT_CODES_H_
#define BACKBALANCE_CLI_EXIT_CODES_H_

namespace backbalance::cli {

enum ExitCode : int {
  kExitOk = 0,          // done; the plan (if any) has status ok; evaluate: the plan is valid
  kExitInvalid = 1,     // invalid input (a document's problems on stderr) or an invalid plan
  kExitUsage = 2,       // bad command line: unknown option, missing argument, bad value
  kExitInfeasible = 3,  // plan / next-week: no week satisfies the hard rules
  kExitRefer = 4,       // plan / next-week: a red flag; see a clinician, no exercise plan
};

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_EXIT_CODES_H_
