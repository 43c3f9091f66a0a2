#include "cli/planner_flags.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <system_error>
#include <utility>

#include "backbalance/io/options_json.h"
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

bool Given(const CLI::Option* option) { return option != nullptr && option->count() > 0; }

void CopyByFitness(const std::vector<int>& values, std::array<int, 5>& out) {
  if (values.size() == out.size()) std::copy(values.begin(), values.end(), out.begin());
}

}  // namespace

void AddModelFlags(CLI::App& app, ModelFlags& flags) {
  app.add_option("--options", flags.options_file,
                 "Planner options as JSON (every field optional; the flags below override it)")
      ->type_name("FILE");
  app.add_option("--first-week-cap-by-fitness", flags.first_week_cap_by_fitness,
                 "Weekly minutes a first week (no history) holds at most, for fitness 1..5 "
                 "(default 120,180,240,300,360)")
      ->delimiter(',')
      ->expected(5)
      ->type_name("M1,..,M5");
  app.add_option("--session-cap-by-fitness", flags.session_cap_by_fitness,
                 "Minutes a session lasts at most, for fitness 1..5 (default 45,60,75,90,120)")
      ->delimiter(',')
      ->expected(5)
      ->type_name("M1,..,M5");
  flags.late_pregnancy_week_option =
      app.add_option("--late-pregnancy-week", flags.late_pregnancy_week,
                     "Pregnancy week from which late_pregnancy is derived (default 20; 43: never)")
          ->type_name("W");
  flags.max_warmup_minutes_option = app.add_option("--max-warmup-minutes", flags.max_warmup_minutes,
                                                   "Minutes a warm-up lasts at most (default 15)")
                                        ->type_name("M");
  flags.mix_weight_option =
      app.add_option("--mix-weight", flags.mix_weight,
                     "Weight of the score's `mix` term, the least-covered category (default 2)")
          ->type_name("X");
}

void ApplyModelFlags(const ModelFlags& flags, PlannerOptions& options) {
  CopyByFitness(flags.first_week_cap_by_fitness, options.first_week_cap_by_fitness);
  CopyByFitness(flags.session_cap_by_fitness, options.session_cap_by_fitness);
  if (Given(flags.late_pregnancy_week_option)) {
    options.late_pregnancy_week = flags.late_pregnancy_week;
  }
  if (Given(flags.max_warmup_minutes_option)) {
    options.max_warmup_minutes = flags.max_warmup_minutes;
  }
  if (Given(flags.mix_weight_option)) options.mix_weight = flags.mix_weight;
}

namespace {

// The options file's options (LoadOptionsFile: problems name the file and the field,
// `FILE: options.bands[1].minutes: length: ...`), or the defaults without one.
std::optional<PlannerOptions> BaseOptions(const ModelFlags& flags) {
  if (flags.options_file.empty()) return PlannerOptions{};
  absl::StatusOr<PlannerOptions> options = LoadOptionsFile(flags.options_file);
  if (!options.ok()) {
    ReportProblems(flags.options_file, options.status());
    return std::nullopt;
  }
  return *std::move(options);
}

}  // namespace

std::optional<PlannerOptions> MakeOptions(const ModelFlags& flags) {
  std::optional<PlannerOptions> base = BaseOptions(flags);
  if (!base) return std::nullopt;
  PlannerOptions& options = *base;
  ApplyModelFlags(flags, options);
  if (absl::Status valid = ValidateOptions(options); !valid.ok()) {
    ReportProblems("backbalance", valid);
    return std::nullopt;
  }
  return base;
}

void AddPlannerFlags(CLI::App& app, PlannerFlags& flags) {
  flags.backend_option =
      app.add_option("--backend", flags.backend,
                     "Solver: `heuristic` (default; fast, deterministic) or `exact` (CBC MILP; "
                     "proves optimality)")
          ->check(CLI::IsMember({"heuristic", "exact"}))
          ->type_name("BACKEND");
  flags.quality_option =
      app.add_option("--quality", flags.quality,
                     "How hard the heuristic searches: `fast`, `default` or `thorough` (three "
                     "searches stopped only at a proven optimum, about three times the time of "
                     "`default`; docs/performance.md has the time/gap curve)")
          ->check(CLI::IsMember({"fast", "default", "thorough"}))
          ->type_name("QUALITY");
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
  flags.gap_tolerance_option =
      app.add_option("--gap-tolerance", flags.gap_tolerance,
                     "Stop the heuristic's search once its week is proven within F (a fraction "
                     "of the optimum, 0..0.5); default: the quality level's own (0.005 at "
                     "`default`, 0 at `thorough`)")
          ->check(CLI::Range(0.0, kMaxGapTolerance))
          ->type_name("F");
  AddModelFlags(app, flags.model);
}

void ApplySeed(const PlannerFlags& flags, Profile& profile) {
  if (flags.seed_option != nullptr && flags.seed_option->count() > 0) profile.seed = flags.seed;
}

std::optional<Planner> MakePlanner(const PlannerFlags& flags,
                                   std::shared_ptr<const Catalog> catalog) {
  std::optional<PlannerOptions> base = BaseOptions(flags.model);
  if (!base) return std::nullopt;
  PlannerOptions options = *std::move(base);
  ApplyModelFlags(flags.model, options);
  // Without --options the backend and quality are the flags' (defaults included); with
  // it, the file's unless the flag is given.
  if (Given(flags.backend_option) || flags.model.options_file.empty()) {
    options.backend = flags.backend;
  }
  if (Given(flags.quality_option) || flags.model.options_file.empty()) {
    options.quality = flags.quality;
  }
  if (flags.time_limit_option != nullptr && flags.time_limit_option->count() > 0) {
    options.time_limit_seconds = flags.time_limit_seconds;
  }
  if (Given(flags.gap_tolerance_option)) options.gap_tolerance = flags.gap_tolerance;
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
