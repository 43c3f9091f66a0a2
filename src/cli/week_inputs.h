// File: cli/week_inputs.h
//
// What `repair`, `replan` and `alternatives` read (plan model section 12): a catalog, the
// person's profile, a week (backbalance.plan/1) and a planner; and how they report the
// problems the planner finds, each against the file or option it is about. Also what
// `plan` and `programme` read: the same without a week.
#ifndef BACKBALANCE_CLI_WEEK_INPUTS_H_
#define BACKBALANCE_CLI_WEEK_INPUTS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/profile.h"
#include "backbalance/solver/planner.h"
#include "cli/documents.h"
#include "cli/planner_flags.h"
#include "cli/problem_report.h"

namespace backbalance::cli {

struct WeekInputFlags {
  std::string catalog = "builtin";
  std::string profile;
  std::string plan;
  PlannerFlags flags;
};

// Adds --catalog (default builtin), --profile, --plan (described by `plan_help`) and the
// planner flags.
void AddWeekInputFlags(CLI::App& app, WeekInputFlags& flags, const std::string& plan_help);

struct WeekInputs {
  std::shared_ptr<const Catalog> catalog;
  Profile profile;  // --seed applied
  PlanInput plan;
  std::optional<Planner> planner;  // always set
};

// The inputs, or nullopt after reporting their problems, with `*exit_code` set
// (kExitInvalid for a bad document, kExitUsage for a bad planner flag).
std::optional<WeekInputs> LoadWeekInputs(const WeekInputFlags& flags, int* exit_code);

// What `plan` and `programme` read. The profile is read for its form only
// (LoadProfileForPlanner): the planner checks it against the catalog itself.
struct PlanningInputs {
  std::shared_ptr<const Catalog> catalog;
  Profile profile;  // --seed applied
  Planner planner;
};

// The inputs, or nullopt after reporting their problems, with `*exit_code` set
// (kExitInvalid for a bad document, kExitUsage for a bad planner flag).
std::optional<PlanningInputs> LoadPlanningInputs(const std::string& catalog_source,
                                                 const std::string& profile_path,
                                                 const PlannerFlags& flags, int* exit_code);

// Where the problems whose path starts with `path` (the whole path, or followed by `.`
// or `[`) belong: the file (or, for an option, the subcommand's name) to name in front,
// how to write the path there, and whether it is a usage error (an option's value).
struct ProblemSource {
  std::string_view path;
  std::string file;
  PathRewrite rewrite;
  bool usage = false;
};

// Reports each problem of a failed planner call against its source (the first that
// matches; `fallback_file` otherwise), in the planner's order. Returns the exit code:
// kExitUsage when a problem is about an option, else ExitCodeOf(status).
int ReportCallProblems(const absl::Status& status, const std::vector<ProblemSource>& sources,
                       std::string_view fallback_file);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_WEEK_INPUTS_H_
