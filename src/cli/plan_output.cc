#include "cli/plan_output.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "absl/status/statusor.h"
#include "backbalance/model/problem.h"
#include "backbalance/views/plan_views.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/planner_flags.h"
#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

// CLI11 validator: "" when `input` is a valid --start, else the problem's detail.
std::string CheckStart(std::string& input) {
  absl::StatusOr<CalendarStart> start = ParseCalendarStart(input);
  if (start.ok()) return std::string();
  const std::vector<Problem> problems = ProblemsOf(start.status());
  return problems.empty() ? std::string(start.status().message()) : problems.front().detail;
}

bool Given(const CLI::Option* option) { return option != nullptr && option->count() > 0; }

}  // namespace

void AddPlanOutputFlags(CLI::App& app, PlanOutputFlags& flags, const std::string& json_schema) {
  app.add_option("--format", flags.format,
                 "Output: `json` (default, " + json_schema +
                     "), `text` (80-column report), `markdown` (tables), `html` (a "
                     "self-contained page), `ics` (iCalendar; needs --start) or `fhir` (a FHIR R4 "
                     "Bundle: CarePlan, Goal, ServiceRequests, Conditions)")
      ->check(CLI::IsMember({"json", "text", "markdown", "html", "ics", "fhir"}))
      ->type_name("FORMAT");
  app.add_option("--color", flags.color,
                 "Colour in --format text: `auto` (default: when stdout is a terminal and "
                 "NO_COLOR is unset), `always` or `never`")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  flags.start_option =
      app.add_option("--start", flags.start,
                     "--format ics: the first day and the time of the sessions, local time "
                     "YYYY-MM-DDTHH:MM (e.g. 2026-12-07T07:00)")
          ->check(CLI::Validator(CheckStart, "", "start"))
          ->type_name("WHEN");
  flags.weeks_option =
      app.add_option("--weeks", flags.weeks,
                     "--format ics: how many weeks the calendar repeats the plan (1..52, "
                     "default 1)")
          ->check(CLI::Range(1, kMaxCalendarWeeks))
          ->type_name("N");
  flags.subject_option =
      app.add_option("--subject", flags.subject,
                     "--format fhir: the FHIR reference to the person (e.g. Patient/123); "
                     "default: a reference with only a display text")
          ->type_name("REF");
}

bool CheckPlanOutputFlags(const PlanOutputFlags& flags) {
  std::string_view error;
  if (flags.format == "ics" && !Given(flags.start_option)) {
    error = "--format ics needs --start YYYY-MM-DDTHH:MM";
  } else if (flags.format != "ics" && Given(flags.start_option)) {
    error = "--start applies only to --format ics";
  } else if (flags.format != "ics" && Given(flags.weeks_option)) {
    error = "--weeks applies only to --format ics";
  } else if (flags.format != "fhir" && Given(flags.subject_option)) {
    error = "--subject applies only to --format fhir";
  }
  if (error.empty()) return true;
  std::cerr << error << "\nRun with --help for more information.\n";
  return false;
}

bool UseColor(std::string_view mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) == 1;
}

int WritePlanOutput(const PlanOutputFlags& flags, const Plan& plan, const Catalog& catalog,
                    std::string_view title, std::string_view json_document, const Profile& profile,
                    const PlannerOptions& planner_options) {
  if (flags.format == "json") {
    WriteDocument(json_document);
  } else if (flags.format == "text") {
    WriteDocument(
        RenderPlanText(plan, catalog, {std::string(title), UseColor(flags.color), profile.pins}));
  } else if (flags.format == "markdown") {
    WriteDocument(RenderPlanMarkdown(plan, catalog, {std::string(title)}));
  } else if (flags.format == "html") {
    WriteDocument(RenderPlanHtml(plan, catalog, {std::string(title), profile.pins}));
  } else if (flags.format == "fhir") {
    FhirViewOptions options = FhirViewOptionsFor(profile, planner_options);
    options.subject = flags.subject;
    WriteDocument(RenderPlanFhir(plan, catalog, options));
  } else {
    CalendarViewOptions options;
    options.start = *ParseCalendarStart(flags.start);  // checked by the option's validator
    options.weeks = flags.weeks;
    absl::StatusOr<std::string> calendar = RenderPlanCalendar(plan, catalog, options);
    if (!calendar.ok()) {
      const std::vector<Problem> problems = ProblemsOf(calendar.status());
      if (!problems.empty() && problems.front().path == "start") {
        // A start whose calendar passes year 9999: an option value, so a usage error.
        std::cerr << "--start: " << problems.front().detail
                  << "\nRun with --help for more information.\n";
        return kExitUsage;
      }
      ReportProblems("backbalance", calendar.status());
      return plan.status == PlanStatus::kOk ? ExitCodeOf(calendar.status()) : ExitCodeOfPlan(plan);
    }
    std::cout << *calendar;  // CRLF line ends as they are
    FlushStdout();
  }
  return ExitCodeOfPlan(plan);
}

}  // namespace backbalance::cli
