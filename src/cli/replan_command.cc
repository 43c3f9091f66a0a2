// `backbalance replan --profile FILE --plan FILE --from-day N [--feedback FILE]
// [--catalog FILE|builtin] [--backend ...] [--seed N] [--time-limit S]
// [--format json|text|markdown|html|ics|fhir] [--color WHEN]`: the week under way (plan
// model 12, 12.1 "Replan"). Days before N (0..7) are kept as they happened: with
// --feedback, only the uses it says were completed; the rest of the week is planned
// afresh. The feedback file is `next-week`'s (an array of entries, or {"feedback": [...]}),
// about days before N. Exit codes as `plan`; a --from-day out of range exits 2
// (`replan: from_day: range: ...`).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/io/plan_json.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/plan_output.h"
#include "cli/week_inputs.h"

namespace backbalance::cli {
namespace {

struct ReplanOptions {
  WeekInputFlags inputs;
  int from_day = 0;
  std::string feedback;  // "" when not given
  PlanOutputFlags output;
};

int RunReplan(const ReplanOptions& options) {
  if (!CheckPlanOutputFlags(options.output)) return kExitUsage;
  int exit_code = 0;
  std::optional<WeekInputs> in = LoadWeekInputs(options.inputs, &exit_code);
  if (!in) return exit_code;
  std::optional<std::vector<Feedback>> feedback;
  FeedbackForm form = FeedbackForm::kArray;
  if (!options.feedback.empty()) {
    // Form only: the planner matches the entries to the week (`not_happened` first).
    std::optional<FeedbackDocument> read = LoadFeedbackInput(options.feedback, nullptr);
    if (!read) return kExitInvalid;
    feedback = std::move(read->entries);
    form = read->form;
  }
  absl::StatusOr<Plan> replanned =
      in->planner->Replan(in->profile, in->plan.plan, options.from_day, feedback);
  if (!replanned.ok()) {
    // The planner names `feedback[2].day`; an array file calls that entry `[2].day`.
    const PathRewrite feedback_path = [form](const std::string& path) {
      return FeedbackFilePath(path, form);
    };
    return ReportCallProblems(replanned.status(),
                              {{"from_day", "replan", nullptr, /*usage=*/true},
                               {"feedback", options.feedback, feedback_path}},
                              options.inputs.profile);
  }
  absl::StatusOr<std::string> json = SavePlan(*replanned);
  if (!json.ok()) {
    ReportProblems(options.inputs.profile, json.status());
    return kExitInvalid;
  }
  return WritePlanOutput(options.output, *replanned, *in->catalog, "Replanned week", *json,
                         in->profile, in->planner->options());
}

}  // namespace

Command AddReplanCommand(CLI::App& app) {
  auto options = std::make_shared<ReplanOptions>();
  CLI::App* sub = app.add_subcommand(
      "replan",
      "Replan the rest of a week under way, keeping the days that happened (exit codes as "
      "`plan`)");
  AddWeekInputFlags(*sub, options->inputs, "The week under way (backbalance.plan/1)");
  sub->add_option("--from-day", options->from_day,
                  "The first day to plan afresh, 0 (monday) .. 7; the days before it happened")
      ->required()
      ->type_name("N");
  sub->add_option("--feedback", options->feedback,
                  "How the uses of the days before --from-day went, as for `next-week` (a JSON "
                  "array of entries, or {\"feedback\": [...]}); only completed uses happened. "
                  "Without it, those days happened as planned")
      ->type_name("FILE");
  AddPlanOutputFlags(*sub, options->output, "backbalance.plan/1");
  return {sub, [options] { return RunReplan(*options); }};
}

}  // namespace backbalance::cli
