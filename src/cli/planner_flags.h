// File: cli/planner_flags.h
//
// The solver options `plan`, `next-week` and `plan-batch` share: --backend, --seed and
// --time-limit, how they become PlannerOptions, and the exit code a plan's status gives.
// The output options are in plan_output.h.
#ifndef BACKBALANCE_CLI_PLANNER_FLAGS_H_
#define BACKBALANCE_CLI_PLANNER_FLAGS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/options.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"
#include "backbalance/solver/planner.h"

namespace backbalance::cli {

struct PlannerFlags {
  std::string backend = "heuristic";
  uint64_t seed = 0;
  CLI::Option* seed_option = nullptr;  // set: --seed was given
  double time_limit_seconds = 0;
  CLI::Option* time_limit_option = nullptr;
};

// Adds --backend, --seed and --time-limit to `app`.
void AddPlannerFlags(CLI::App& app, PlannerFlags& flags);

// --seed, when given, replaces the profile's seed.
void ApplySeed(const PlannerFlags& flags, Profile& profile);

// A planner with the flags' backend and time limit; nullopt after reporting a problem.
std::optional<Planner> MakePlanner(const PlannerFlags& flags,
                                   std::shared_ptr<const Catalog> catalog);

// kExitOk, kExitInfeasible or kExitRefer by the plan's status.
int ExitCodeOfPlan(const Plan& plan);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_PLANNER_FLAGS_H_
