// `backbalance programme --profile FILE --weeks N [--deload-every K] [--assumed-rpe R]
// [--catalog FILE|builtin] [--backend ...] [--seed N] [--time-limit S]
// [--format json|text|html|ics|fhir] [--start WHEN] [--subject REF]`: the weeks ahead (plan model
// section 13). Prints backbalance.programme/1 (or a view). Exit codes as `plan`, of the last week:
// a programme that ends at an infeasible week exits 3, at a refer week 4.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "backbalance/io/programme_json.h"
#include "backbalance/solver/planner.h"
#include "backbalance/views/plan_views.h"
#include "backbalance/views/programme_views.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/planner_flags.h"
#include "cli/problem_report.h"
#include "cli/week_inputs.h"

namespace backbalance::cli {
namespace {

struct ProgrammeCommandOptions {
  std::string catalog = std::string(kBuiltinCatalogName);
  std::string profile;
  ProgrammeOptions programme;
  PlannerFlags flags;
  std::string format = "json";
  std::string start;
  CLI::Option* start_option = nullptr;
  std::string subject;  // --subject, for fhir: a FHIR reference to the person
  CLI::Option* subject_option = nullptr;
};

int RunProgramme(const ProgrammeCommandOptions& options) {
  const bool has_start = options.start_option != nullptr && options.start_option->count() > 0;
  if (options.format == "ics" && !has_start) {
    std::cerr << "--format ics needs --start YYYY-MM-DDTHH:MM\nRun with --help for more "
                 "information.\n";
    return kExitUsage;
  }
  if (options.format != "ics" && has_start) {
    std::cerr << "--start applies only to --format ics\nRun with --help for more information.\n";
    return kExitUsage;
  }
  if (options.format != "fhir" && options.subject_option != nullptr &&
      options.subject_option->count() > 0) {
    std::cerr << "--subject applies only to --format fhir\nRun with --help for more "
                 "information.\n";
    return kExitUsage;
  }
  if (absl::Status s = ValidateProgrammeOptions(options.programme); !s.ok()) {
    ReportProblems("programme", s);
    return kExitUsage;
  }
  int load_exit_code = kExitOk;
  std::optional<PlanningInputs> inputs =
      LoadPlanningInputs(options.catalog, options.profile, options.flags, &load_exit_code);
  if (!inputs) return load_exit_code;
  const Catalog& catalog = *inputs->catalog;

  absl::StatusOr<ProgrammePlan> programme =
      inputs->planner.Programme(inputs->profile, options.programme);
  if (!programme.ok()) {
    ReportProblems(options.profile, programme.status());
    return ExitCodeOf(programme.status());
  }
  const int exit_code = ExitCodeOfPlan(programme->weeks.back().plan);
  if (options.format == "json") {
    WriteDocument(SaveProgramme(*programme));
  } else if (options.format == "text") {
    WriteDocument(RenderProgrammeText(*programme, catalog));
  } else if (options.format == "html") {
    WriteDocument(RenderProgrammeHtml(*programme, catalog));
  } else if (options.format == "fhir") {
    // The conditions are the input profile's: a programme carries them unchanged.
    FhirViewOptions fhir = FhirViewOptionsFor(inputs->profile, inputs->planner.options());
    fhir.subject = options.subject;
    WriteDocument(RenderProgrammeFhir(*programme, catalog, fhir));
  } else {
    CalendarViewOptions calendar;
    calendar.start = *ParseCalendarStart(options.start);
    absl::StatusOr<std::string> text = RenderProgrammeCalendar(*programme, catalog, calendar);
    if (!text.ok()) {
      ReportProblems("backbalance", text.status());
      return exit_code != kExitOk ? exit_code : ExitCodeOf(text.status());
    }
    std::cout << *text;
    std::cout.flush();
  }
  return exit_code;
}

}  // namespace

Command AddProgrammeCommand(CLI::App& app) {
  auto options = std::make_shared<ProgrammeCommandOptions>();
  CLI::App* sub = app.add_subcommand(
      "programme",
      "Plan the weeks ahead, each from the last as done as given (exit codes as `plan`, of "
      "the last week)");
  AddCatalogOption(*sub, options->catalog, /*required=*/false);
  sub->add_option("--profile", options->profile, "The person's profile (backbalance.profile/1)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--weeks", options->programme.weeks, "How many weeks, 1..26")
      ->required()
      ->type_name("N");
  sub->add_option("--deload-every", options->programme.deload_every,
                  "A deload week (volume cap at 70 %) every K weeks: 0 (default) never, else "
                  ">= 2 (4 is usual)")
      ->type_name("K");
  sub->add_option("--assumed-rpe", options->programme.assumed_rpe,
                  "The effort (rpe 1..10, default 5) assumed for each completed use")
      ->type_name("R");
  AddPlannerFlags(*sub, options->flags);
  sub->add_option("--format", options->format,
                  "Output: `json` (default, backbalance.programme/1), `text`, `html`, `ics` "
                  "(iCalendar; needs --start) or `fhir` (a FHIR R4 Bundle: a CarePlan per "
                  "week, part of the programme's)")
      ->check(CLI::IsMember({"json", "text", "html", "ics", "fhir"}))
      ->type_name("FORMAT");
  options->start_option =
      sub->add_option("--start", options->start,
                      "--format ics: the first day and the time of the sessions, local time "
                      "YYYY-MM-DDTHH:MM; week w's days follow week w-1's")
          ->check(CLI::Validator(
              [](std::string& input) {
                absl::StatusOr<CalendarStart> start = ParseCalendarStart(input);
                return start.ok() ? std::string() : std::string(start.status().message());
              },
              "", "start"))
          ->type_name("WHEN");
  options->subject_option =
      sub->add_option("--subject", options->subject,
                      "--format fhir: the FHIR reference to the person (e.g. Patient/123); "
                      "default: a reference with only a display text")
          ->type_name("REF");
  return {sub, [options] { return RunProgramme(*options); }};
}

}  // namespace backbalance::cli
