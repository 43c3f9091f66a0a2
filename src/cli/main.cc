// backbalance: the command line of the backbalance library (docs/cli.md).
//
//   backbalance validate  [--catalog FILE|builtin] FILE...
//   backbalance evaluate  --catalog FILE|builtin --profile FILE --plan FILE
//   backbalance catalog   --catalog FILE|builtin [--format table|json]
//   backbalance graph     --catalog FILE|builtin
//   backbalance plan      --catalog FILE|builtin --profile FILE [--backend ...] ...
//   backbalance next-week --catalog FILE|builtin --profile FILE --plan FILE --feedback FILE
//   backbalance import free-exercise-db FILE -o CATALOG [--merge builtin|FILE]
//   backbalance plan-batch PROFILES.jsonl -o PLANS.jsonl [--catalog ...] [--threads N]
//   backbalance repair    --profile FILE --plan FILE
//   backbalance replan    --profile FILE --plan FILE --from-day N [--feedback FILE]
//   backbalance alternatives --profile FILE --plan FILE --day D --exercise ID
//
// Exit codes (cli/exit_codes.h): 0 ok, 1 invalid input or invalid plan, 2 usage,
// 3 infeasible, 4 refer.
#include <algorithm>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "CLI/CLI.hpp"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/problem_report.h"

#ifndef BKB_CLI_VERSION
#define BKB_CLI_VERSION "0.0.0"
#endif

namespace backbalance::cli {
namespace {

constexpr const char* kFooter =
    "Exit codes: 0 ok, 1 invalid input or invalid plan, 2 usage error, 3 no feasible week,\n"
    "4 red flag (refer to a clinician). Problems go to stderr as `FILE: path: rule: detail`.\n"
    "backbalance gives general exercise guidance, not a diagnosis; see a physiotherapist\n"
    "or physician for long-term back pain.";

int Main(int argc, char** argv) {
  InstallStdoutBuffer();
  CLI::App app("backbalance: balanced weekly exercise plans for long-term back pain.",
               "backbalance");
  app.set_version_flag("--version", "backbalance " BKB_CLI_VERSION, "Print the version and exit");
  app.footer(kFooter);
  app.require_subcommand(1);

  const std::vector<Command> commands = {
      AddValidateCommand(app),     AddEvaluateCommand(app),  AddCatalogCommand(app),
      AddGraphCommand(app),        AddPlanCommand(app),      AddNextWeekCommand(app),
      AddImportCommand(app),       AddPlanBatchCommand(app), AddProgrammeCommand(app),
      AddProgressCommand(app),     AddRepairCommand(app),    AddReplanCommand(app),
      AddAlternativesCommand(app),
  };

  // CLI11 answers a word that names no subcommand with "A subcommand is required",
  // which does not say what was wrong: name it, and the subcommands there are.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string_view word = argv[1];
    const bool known = std::any_of(commands.begin(), commands.end(),
                                   [&](const Command& c) { return c.app->get_name() == word; });
    if (!known) {
      std::string names;
      for (const Command& c : commands) names += (names.empty() ? "" : ", ") + c.app->get_name();
      std::cerr << word << ": unknown subcommand; the subcommands are " << names
                << "\nRun with --help for more information.\n";
      return kExitUsage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version are "errors" with exit code 0; all others are usage errors.
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }

  for (const Command& command : commands) {
    if (!command.app->parsed()) continue;
    const int code = command.run();
    // A document that did not reach stdout in full is a failure, whatever the command
    // decided: `plan ... > /dev/full` must not exit 0.
    return FinishStdout() ? code : kExitInvalid;
  }
  return kExitUsage;  // unreachable: require_subcommand(1)
}

}  // namespace
}  // namespace backbalance::cli

int main(int argc, char** argv) {
  // The library returns Status and does not throw; allocation and the standard library
  // still may. Nothing escapes main as an uncaught exception.
  try {
    return backbalance::cli::Main(argc, argv);
  } catch (const std::bad_alloc&) {
    backbalance::cli::ReportError("out of memory");
  } catch (const std::exception& e) {
    backbalance::cli::ReportError(e.what());
  } catch (...) {
    backbalance::cli::ReportError("unexpected error");
  }
  return backbalance::cli::kExitInvalid;
}
