// File: cli/commands.h
//
// The subcommands of `backbalance`. Each Add*Command registers one subcommand with its
// options on the top-level CLI11 app and returns the function that runs it once the
// command line parsed; that function returns the process's exit code (exit_codes.h).
#ifndef BACKBALANCE_CLI_COMMANDS_H_
#define BACKBALANCE_CLI_COMMANDS_H_

#include <functional>

#include "CLI/CLI.hpp"

namespace backbalance::cli {

struct Command {
  CLI::App* app = nullptr;   // the subcommand, owned by the top-level app
  std::function<int()> run;  // runs it with the parsed options
};

Command AddValidateCommand(CLI::App& app);
Command AddEvaluateCommand(CLI::App& app);
Command AddCatalogCommand(CLI::App& app);
Command AddGraphCommand(CLI::App& app);
Command AddPlanCommand(CLI::App& app);
Command AddNextWeekCommand(CLI::App& app);
Command AddImportCommand(CLI::App& app);
Command AddPlanBatchCommand(CLI::App& app);
Command AddProgrammeCommand(CLI::App& app);
Command AddProgressCommand(CLI::App& app);
Command AddRepairCommand(CLI::App& app);
Command AddReplanCommand(CLI::App& app);
Command AddAlternativesCommand(CLI::App& app);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_COMMANDS_H_
