// `backbalance evaluate --catalog FILE|builtin --profile FILE --plan FILE`: judges a week
// (a planner's or one a clinician edited) and prints the evaluation document
// (backbalance.evaluation/1): every broken hard rule H1-H9, the score with its terms and
// penalties, and the profile's exclusions. Exit 0 when the plan is valid, 1 when not.
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/solver/evaluate.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/documents.h"
#include "cli/exit_codes.h"
#include "cli/planner_flags.h"
#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

struct EvaluateOptions {
  std::string catalog;
  std::string profile;
  std::string plan;
  ModelFlags model;
};

int RunEvaluate(const EvaluateOptions& options) {
  std::shared_ptr<const Catalog> catalog = LoadCatalogSource(options.catalog);
  if (catalog == nullptr) return kExitInvalid;
  std::optional<Profile> profile = LoadProfileInput(options.profile, catalog.get());
  std::optional<PlanInput> plan = LoadPlanInput(options.plan);
  if (!profile || !plan) return kExitInvalid;

  std::optional<PlannerOptions> planner_options = MakeOptions(options.model);
  if (!planner_options) return kExitUsage;
  absl::StatusOr<Evaluation> evaluation =
      Evaluate(*catalog, *profile, plan->plan, *planner_options);
  if (!evaluation.ok()) {
    ReportProblems(options.profile, evaluation.status());
    return ExitCodeOf(evaluation.status());
  }
  absl::StatusOr<std::string> text = SaveEvaluation(*evaluation);
  if (!text.ok()) {
    ReportProblems(options.profile, text.status());
    return kExitInvalid;
  }
  WriteDocument(*text);
  return evaluation->valid ? kExitOk : kExitInvalid;
}

}  // namespace

Command AddEvaluateCommand(CLI::App& app) {
  auto options = std::make_shared<EvaluateOptions>();
  CLI::App* sub = app.add_subcommand(
      "evaluate",
      "Judge a week for a profile: broken hard rules H1-H9 and the score (exit 1: invalid)");
  AddCatalogOption(*sub, options->catalog, /*required=*/true);
  sub->add_option("--profile", options->profile, "The person's profile (backbalance.profile/1)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--plan", options->plan, "The week to judge (backbalance.plan/1)")
      ->required()
      ->type_name("FILE");
  AddModelFlags(*sub, options->model);
  return {sub, [options] { return RunEvaluate(*options); }};
}

}  // namespace backbalance::cli
