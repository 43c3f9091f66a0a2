// `backbalance plan --catalog FILE|builtin --profile FILE [--backend heuristic|exact]
// [--seed N] [--time-limit S] [--format json|text|markdown|html|ics] [--color WHEN] [--start WHEN]
// [--weeks N]`: plans one week for a profile and prints it. Exit 0 for a plan with status ok, 3
// when no week satisfies the hard rules (the plan, with its diagnosis, is still printed), 4 when a
// red flag means "refer".
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/solver/planner.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/plan_output.h"
#include "cli/planner_flags.h"
#include "cli/problem_report.h"
#include "cli/week_inputs.h"

namespace backbalance::cli {
namespace {

struct PlanOptions {
  std::string catalog;
  std::string profile;
  PlannerFlags flags;
  PlanOutputFlags output;
};

int RunPlan(const PlanOptions& options) {
  if (!CheckPlanOutputFlags(options.output)) return kExitUsage;
  int load_exit_code = kExitOk;
  std::optional<PlanningInputs> inputs =
      LoadPlanningInputs(options.catalog, options.profile, options.flags, &load_exit_code);
  if (!inputs) return load_exit_code;

  absl::StatusOr<Plan> plan = inputs->planner.PlanWeek(inputs->profile);
  if (!plan.ok()) {
    ReportProblems(options.profile, plan.status());
    return ExitCodeOf(plan.status());
  }
  absl::StatusOr<std::string> text = SavePlan(*plan);
  if (!text.ok()) {
    ReportProblems(options.profile, text.status());
    return kExitInvalid;
  }
  return WritePlanOutput(options.output, *plan, *inputs->catalog, "Week plan", *text,
                         inputs->profile, inputs->planner.options());
}

}  // namespace

Command AddPlanCommand(CLI::App& app) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* sub = app.add_subcommand(
      "plan", "Plan a week for a profile (exit 3: no feasible week, 4: red flag, refer)");
  AddCatalogOption(*sub, options->catalog, /*required=*/true);
  sub->add_option("--profile", options->profile, "The person's profile (backbalance.profile/1)")
      ->required()
      ->type_name("FILE");
  AddPlannerFlags(*sub, options->flags);
  AddPlanOutputFlags(*sub, options->output, "backbalance.plan/1");
  return {sub, [options] { return RunPlan(*options); }};
}

}  // namespace backbalance::cli
