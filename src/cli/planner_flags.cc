#include "cli/planner_flags.h"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>
#include <utility>

#include "cli/exit_codes.h"
#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

// A finite number of seconds above 0 (CLI::PositiveNumber's message prints DBL_MAX).
std::string CheckPositiveSeconds(std::string& input) {
  double value = 0;
  if (!CLI::detail::lexical_cast(input, value) || !std::isfinite(value) || value <= 0) {
    return "must be a positive number of seconds, got " + input;
  }
  return std::string();
}

// A decimal uint64 (strtoull, under CLI11, would turn "-1" into 2^64 - 1).
std::string CheckSeed(std::string& input) {
  const bool digits = !input.empty() && input.find_first_not_of("0123456789") == std::string::npos;
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(input.data(), input.data() + input.size(), value);
  if (!digits || error != std::errc() || end != input.data() + input.size()) {
    return "must be an integer in 0..18446744073709551615, got " + input;
  }
  return std::string();
}

}  // namespace

void AddPlannerFlags(CLI::App& app, PlannerFlags& flags) {
  app.add_option("--backend", flags.backend,
                 "Solver: `heuristic` (default; fast, deterministic) or `exact` (CBC MILP; "
                 "proves optimality)")
      ->check(CLI::IsMember({"heuristic", "exact"}))
      ->type_name("BACKEND");
  flags.seed_option =
      app.add_option("--seed", flags.seed, "Seed for the search; overrides the profile's `seed`")
          ->check(CLI::Validator(CheckSeed, "", "seed"))
          ->type_name("N");
  flags.time_limit_option =
      app.add_option("--time-limit", flags.time_limit_seconds,
                     "Stop the search after S seconds (the plan then says cut_short; "
                     "without it the result depends only on the input)")
          ->check(CLI::Validator(CheckPositiveSeconds, "", "positive seconds"))
          ->type_name("S");
}

void ApplySeed(const PlannerFlags& flags, Profile& profile) {
  if (flags.seed_option != nullptr && flags.seed_option->count() > 0) profile.seed = flags.seed;
}

std::optional<Planner> MakePlanner(const PlannerFlags& flags,
                                   std::shared_ptr<const Catalog> catalog) {
  PlannerOptions options;
  options.backend = flags.backend;
  if (flags.time_limit_option != nullptr && flags.time_limit_option->count() > 0) {
    options.time_limit_seconds = flags.time_limit_seconds;
  }
  absl::StatusOr<Planner> planner = Planner::Create(std::move(catalog), std::move(options));
  if (!planner.ok()) {
    ReportProblems("backbalance", planner.status());
    return std::nullopt;
  }
  return *std::move(planner);
}

int ExitCodeOfPlan(const Plan& plan) {
  switch (plan.status) {
    case PlanStatus::kOk:
      return kExitOk;
    case PlanStatus::kInfeasible:
      return kExitInfeasible;
    case PlanStatus::kRefer:
      return kExitRefer;
    default:
      return kExitInvalid;
  }
}

}  // namespace backbalance::cli
