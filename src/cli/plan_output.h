// File: cli/plan_output.h
//
// The output options `plan` and `next-week` share: --format json|text|html|ics|markdown|fhir,
// --color auto|always|never (text only), --start / --weeks (ics only), --subject (fhir only), and
// writing a plan in the chosen view (backbalance/views/plan_views.h) to stdout.
#ifndef BACKBALANCE_CLI_PLAN_OUTPUT_H_
#define BACKBALANCE_CLI_PLAN_OUTPUT_H_

#include <string>
#include <string_view>

#include "CLI/CLI.hpp"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/options.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"

namespace backbalance::cli {

struct PlanOutputFlags {
  std::string format = "json";
  std::string color = "auto";
  std::string start;  // --start, for ics
  CLI::Option* start_option = nullptr;
  int weeks = 1;  // --weeks, for ics
  CLI::Option* weeks_option = nullptr;
  std::string subject;  // --subject, for fhir: a FHIR reference to the person
  CLI::Option* subject_option = nullptr;
};

// Adds --format, --color, --start and --weeks to `app`; `json_schema` names the document
// --format json prints.
void AddPlanOutputFlags(CLI::App& app, PlanOutputFlags& flags, const std::string& json_schema);

// Checks what one option cannot check alone: --format ics needs --start, and --start and
// --weeks mean nothing to the other formats. Reports a usage error and returns false.
bool CheckPlanOutputFlags(const PlanOutputFlags& flags);

// --color: `always`, `never`, or `auto`: stdout is a terminal, NO_COLOR is unset or empty
// (no-color.org) and TERM is not `dumb`.
bool UseColor(std::string_view mode);

// Writes `plan` to stdout in the chosen format: `json_document` for json, else the view
// with `title` (text and html mark the items that hold the profile's pins); fhir takes the
// conditions from `profile` planned with `planner_options`. Returns
// the exit code: ExitCodeOfPlan, or for ics of a plan without sessions (infeasible, refer) the same
// code after the problem on stderr and nothing on stdout.
int WritePlanOutput(const PlanOutputFlags& flags, const Plan& plan, const Catalog& catalog,
                    std::string_view title, std::string_view json_document, const Profile& profile,
                    const PlannerOptions& planner_options);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_PLAN_OUTPUT_H_
