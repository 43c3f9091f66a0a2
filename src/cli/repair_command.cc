// `backbalance repair --profile FILE --plan FILE [--catalog FILE|builtin] [--backend ...]
// [--seed N] [--time-limit S] [--format json|text|markdown|html|ics|fhir] [--color WHEN]`:
// the valid week closest to an edited one (plan model 12, 12.1 "Repair"). Prints the
// repaired plan (backbalance.plan/1 with `changes`) or a view of it, which marks what
// changed. Exit codes as `plan`: 3 when no valid week exists, 4 for a red flag.
#include <memory>
#include <optional>

#include "absl/status/statusor.h"
#include "backbalance/io/plan_json.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/plan_output.h"
#include "cli/week_inputs.h"

namespace backbalance::cli {
namespace {

struct RepairOptions {
  WeekInputFlags inputs;
  PlanOutputFlags output;
};

int RunRepair(const RepairOptions& options) {
  if (!CheckPlanOutputFlags(options.output)) return kExitUsage;
  int exit_code = 0;
  std::optional<WeekInputs> in = LoadWeekInputs(options.inputs, &exit_code);
  if (!in) return exit_code;
  absl::StatusOr<Plan> repaired = in->planner->Repair(in->profile, in->plan.plan);
  if (!repaired.ok()) return ReportCallProblems(repaired.status(), {}, options.inputs.profile);
  absl::StatusOr<std::string> json = SavePlan(*repaired);
  if (!json.ok()) {
    ReportProblems(options.inputs.profile, json.status());
    return kExitInvalid;
  }
  return WritePlanOutput(options.output, *repaired, *in->catalog, "Repaired week", *json,
                         in->profile, in->planner->options());
}

}  // namespace

Command AddRepairCommand(CLI::App& app) {
  auto options = std::make_shared<RepairOptions>();
  CLI::App* sub = app.add_subcommand(
      "repair",
      "The valid week closest to an edited one, with what changed (exit codes as `plan`)");
  AddWeekInputFlags(*sub, options->inputs, "The edited week (backbalance.plan/1), valid or not");
  AddPlanOutputFlags(*sub, options->output, "backbalance.plan/1 with `changes`");
  return {sub, [options] { return RunRepair(*options); }};
}

}  // namespace backbalance::cli
