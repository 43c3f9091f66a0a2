// File: cli/planner_flags.h
//
// The solver options `plan`, `next-week` and `plan-batch` share: --backend, --seed and
// --time-limit, the plan model v2 numbers an integrator may change (--first-week-cap-by-
// fitness, --session-cap-by-fitness, --late-pregnancy-week, --max-warmup-minutes,
// --mix-weight; `evaluate` takes these too, so that it judges a week by the rules it was
// planned with), how they become PlannerOptions, and the exit code a plan's status gives.
// The output options are in plan_output.h.
#ifndef BACKBALANCE_CLI_PLANNER_FLAGS_H_
#define BACKBALANCE_CLI_PLANNER_FLAGS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/options.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"
#include "backbalance/solver/planner.h"

namespace backbalance::cli {

// The plan model's numbers the command line sets (plan model v2, sections 3, 5 and 6);
// each left out keeps the PlannerOptions default. Ranges are ValidateOptions'
// (`options.late_pregnancy_week: range: ...`).
struct ModelFlags {
  // --options FILE: PlannerOptions as JSON (backbalance/io/options_json.h, the form
  // bkb_options_default_json writes); the flags below override its fields.
  std::string options_file;
  std::vector<int> first_week_cap_by_fitness;  // 5 values, fitness 1..5
  std::vector<int> session_cap_by_fitness;     // 5 values, fitness 1..5
  int late_pregnancy_week = 0;
  CLI::Option* late_pregnancy_week_option = nullptr;
  int max_warmup_minutes = 0;
  CLI::Option* max_warmup_minutes_option = nullptr;
  double mix_weight = 0;
  CLI::Option* mix_weight_option = nullptr;
};

// Adds the ModelFlags options to `app`.
void AddModelFlags(CLI::App& app, ModelFlags& flags);

// Writes the flags given into `options`.
void ApplyModelFlags(const ModelFlags& flags, PlannerOptions& options);

// PlannerOptions with the flags applied, or nullopt after reporting the options'
// problems (`options.<field>: range: ...`) on stderr.
std::optional<PlannerOptions> MakeOptions(const ModelFlags& flags);

struct PlannerFlags {
  std::string backend = "heuristic";
  CLI::Option* backend_option = nullptr;  // set: --backend was given (over --options)
  CLI::Option* quality_option = nullptr;  // set: --quality was given (over --options)
  std::string quality = "default";
  uint64_t seed = 0;
  CLI::Option* seed_option = nullptr;  // set: --seed was given
  double time_limit_seconds = 0;
  CLI::Option* time_limit_option = nullptr;
  double gap_tolerance = 0;
  CLI::Option* gap_tolerance_option = nullptr;  // set: --gap-tolerance was given
  ModelFlags model;
};

// Adds --backend, --quality, --seed, --time-limit, --gap-tolerance and the ModelFlags to
// `app`.
void AddPlannerFlags(CLI::App& app, PlannerFlags& flags);

// --seed, when given, replaces the profile's seed.
void ApplySeed(const PlannerFlags& flags, Profile& profile);

// A planner with the flags' backend, time limit and model numbers; nullopt after
// reporting a problem.
std::optional<Planner> MakePlanner(const PlannerFlags& flags,
                                   std::shared_ptr<const Catalog> catalog);

// kExitOk, kExitInfeasible or kExitRefer by the plan's status.
int ExitCodeOfPlan(const Plan& plan);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_PLANNER_FLAGS_H_
