#include "cli/week_inputs.h"

#include <iostream>
#include <utility>

#include "backbalance/model/problem.h"
#include "cli/catalog_source.h"
#include "cli/exit_codes.h"

namespace backbalance::cli {
namespace {

bool PathIsUnder(std::string_view path, std::string_view prefix) {
  if (path.substr(0, prefix.size()) != prefix) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

}  // namespace

void AddWeekInputFlags(CLI::App& app, WeekInputFlags& flags, const std::string& plan_help) {
  AddCatalogOption(app, flags.catalog, /*required=*/false);
  app.add_option("--profile", flags.profile, "The person's profile (backbalance.profile/1)")
      ->required()
      ->type_name("FILE");
  app.add_option("--plan", flags.plan, plan_help)->required()->type_name("FILE");
  AddPlannerFlags(app, flags.flags);
}

std::optional<WeekInputs> LoadWeekInputs(const WeekInputFlags& flags, int* exit_code) {
  *exit_code = kExitInvalid;
  WeekInputs inputs;
  inputs.catalog = LoadCatalogSource(flags.catalog);
  if (inputs.catalog == nullptr) return std::nullopt;
  std::optional<Profile> profile = LoadProfileInput(flags.profile, inputs.catalog.get());
  std::optional<PlanInput> plan = LoadPlanInput(flags.plan);
  if (!profile || !plan) return std::nullopt;
  inputs.profile = *std::move(profile);
  inputs.plan = *std::move(plan);
  ApplySeed(flags.flags, inputs.profile);
  inputs.planner = MakePlanner(flags.flags, inputs.catalog);
  if (!inputs.planner) {
    *exit_code = kExitUsage;
    return std::nullopt;
  }
  *exit_code = kExitOk;
  return inputs;
}

std::optional<PlanningInputs> LoadPlanningInputs(const std::string& catalog_source,
                                                 const std::string& profile_path,
                                                 const PlannerFlags& flags, int* exit_code) {
  *exit_code = kExitInvalid;
  std::shared_ptr<const Catalog> catalog = LoadCatalogSource(catalog_source);
  if (catalog == nullptr) return std::nullopt;
  std::optional<Profile> profile = LoadProfileForPlanner(profile_path);
  if (!profile) return std::nullopt;
  ApplySeed(flags, *profile);
  std::optional<Planner> planner = MakePlanner(flags, catalog);
  if (!planner) {
    *exit_code = kExitUsage;
    return std::nullopt;
  }
  *exit_code = kExitOk;
  return PlanningInputs{std::move(catalog), *std::move(profile), *std::move(planner)};
}

int ReportCallProblems(const absl::Status& status, const std::vector<ProblemSource>& sources,
                       std::string_view fallback_file) {
  const std::vector<Problem> problems = ProblemsOf(status);
  if (problems.empty()) {
    ReportProblems(fallback_file, status);
    return ExitCodeOf(status);
  }
  bool usage = false;
  for (const Problem& problem : problems) {
    const ProblemSource* source = nullptr;
    for (const ProblemSource& candidate : sources) {
      if (PathIsUnder(problem.path, candidate.path)) {
        source = &candidate;
        break;
      }
    }
    Problem shown = problem;
    if (source != nullptr && source->rewrite) shown.path = source->rewrite(shown.path);
    std::cerr << ProblemLine(source != nullptr ? std::string_view(source->file) : fallback_file,
                             shown)
              << "\n";
    usage = usage || (source != nullptr && source->usage);
  }
  std::cerr.flush();
  if (usage) {
    std::cerr << "Run with --help for more information.\n";
    return kExitUsage;
  }
  return ExitCodeOf(status);
}

}  // namespace backbalance::cli
