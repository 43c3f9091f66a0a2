// `backbalance alternatives --profile FILE --plan FILE --day D --exercise ID
// [--catalog FILE|builtin] [--format json|text] ...`: every item that could take the place
// of one use of a valid week, the week staying valid (plan model 12, 12.1 "Alternatives").
// Prints backbalance.alternatives/1 or a table. Exit 0; 4 for a red flag; 1 when the week
// breaks a rule (`plan: invalid`) or holds no such use (`exercise: unknown_use`), named
// against the plan file; 2 for a --day out of range (`alternatives: day: range`).
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "backbalance/io/alternatives_json.h"
#include "backbalance/views/alternatives_views.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/week_inputs.h"

namespace backbalance::cli {
namespace {

struct AlternativesOptions {
  WeekInputFlags inputs;
  int day = 0;
  std::string exercise;
  std::string format = "json";
};

int RunAlternatives(const AlternativesOptions& options) {
  int exit_code = 0;
  std::optional<WeekInputs> in = LoadWeekInputs(options.inputs, &exit_code);
  if (!in) return exit_code;
  absl::StatusOr<AlternativesResult> result =
      in->planner->Alternatives(in->profile, in->plan.plan, options.day, options.exercise);
  if (!result.ok()) {
    return ReportCallProblems(result.status(),
                              {{"day", "alternatives", nullptr, /*usage=*/true},
                               {"plan", options.inputs.plan, nullptr},
                               {"exercise", options.inputs.plan, nullptr}},
                              options.inputs.profile);
  }
  if (options.format == "text") {
    WriteDocument(RenderAlternativesText(*result, *in->catalog));
  } else {
    absl::StatusOr<std::string> json = SaveAlternatives(*result);
    if (!json.ok()) {
      ReportProblems(options.inputs.profile, json.status());
      return kExitInvalid;
    }
    WriteDocument(*json);
  }
  return result->status == PlanStatus::kRefer ? kExitRefer : kExitOk;
}

}  // namespace

Command AddAlternativesCommand(CLI::App& app) {
  auto options = std::make_shared<AlternativesOptions>();
  CLI::App* sub = app.add_subcommand(
      "alternatives",
      "What could replace one use of a valid week, the week staying valid (exit 0; 4 for a "
      "red flag; 1 for an invalid week or a use it does not hold)");
  AddWeekInputFlags(*sub, options->inputs, "A valid week (backbalance.plan/1)");
  sub->add_option("--day", options->day, "The use's day, 0 (monday) .. 6")
      ->required()
      ->type_name("D");
  sub->add_option("--exercise", options->exercise, "The use's exercise id")
      ->required()
      ->type_name("ID");
  sub->add_option("--format", options->format,
                  "Output: `json` (default, backbalance.alternatives/1) or `text` (a table)")
      ->check(CLI::IsMember({"json", "text"}))
      ->type_name("FORMAT");
  return {sub, [options] { return RunAlternatives(*options); }};
}

}  // namespace backbalance::cli
