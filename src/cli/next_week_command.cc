// `backbalance next-week --catalog FILE|builtin --profile FILE --plan FILE --feedback FILE
// [--backend ...] [--seed N] [--time-limit S] [--format json|text|markdown|html|ics] [--color WHEN]
// [--start WHEN] [--weeks N] [--journal FILE]`: adapts to last week.
// `--journal FILE` appends the week it closes ({profile, plan, feedback}: the profile the
// week was planned for, the plan and its feedback) to a backbalance.journal/1 file,
// created when absent; a journal the week does not chain onto is an error (exit 1), and
// then nothing is written.
// `--plan` is the week the person was given, `--feedback` how its uses went: a JSON
// array of feedback entries, or an object {"feedback": [...]} (documents.h). Prints
// backbalance.next_week/1 (the profile for next week, with its history, and the plan
// for it); exit codes as `plan`.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "backbalance/io/document.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/progress_json.h"
#include "backbalance/solver/planner.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/documents.h"
#include "cli/exit_codes.h"
#include "cli/plan_output.h"
#include "cli/planner_flags.h"
#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

struct NextWeekOptions {
  std::string catalog;
  std::string profile;
  std::string plan;
  std::string feedback;
  PlannerFlags flags;
  PlanOutputFlags output;
  std::string journal;  // --journal: "" when not given
};

// Appends the closed week to the journal file (sections 13, 13.1). False after
// reporting the problems.
bool AppendToJournal(const std::string& path, const Profile& profile, const Plan& plan,
                     const std::vector<Feedback>& feedback) {
  Journal journal;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    absl::StatusOr<Journal> loaded = LoadJournalFile(path);
    if (!loaded.ok()) {
      ReportProblems(path, loaded.status());
      return false;
    }
    journal = *std::move(loaded);
  }
  journal.weeks.push_back({profile, plan, feedback});
  if (absl::Status s = CheckJournal(journal); !s.ok()) {
    ReportProblems(path, s);
    return false;
  }
  const std::string text = SaveJournal(journal);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::cerr << path << ": cannot write the journal\n";
    return false;
  }
  return true;
}

int RunNextWeek(const NextWeekOptions& options) {
  if (!CheckPlanOutputFlags(options.output)) return kExitUsage;
  std::shared_ptr<const Catalog> catalog = LoadCatalogSource(options.catalog);
  if (catalog == nullptr) return kExitInvalid;
  std::optional<Profile> profile = LoadProfileInput(options.profile, catalog.get());
  std::optional<PlanInput> plan = LoadPlanInput(options.plan);
  if (!profile || !plan) return kExitInvalid;
  std::optional<FeedbackDocument> feedback = LoadFeedbackInput(options.feedback, &plan->plan);
  if (!feedback) return kExitInvalid;
  ApplySeed(options.flags, *profile);
  std::optional<Planner> planner = MakePlanner(options.flags, catalog);
  if (!planner) return kExitUsage;

  absl::StatusOr<NextWeekPlan> next = planner->NextWeek(*profile, plan->plan, feedback->entries);
  if (!next.ok()) {
    // Problems about the feedback name `history.feedback[i]`: report them against the
    // feedback file in its own syntax, the rest against the profile.
    std::vector<Problem> feedback_problems;
    std::vector<Problem> profile_problems;
    for (const Problem& p : ProblemsOf(next.status())) {
      (absl::StartsWith(p.path, "history.feedback") ? feedback_problems : profile_problems)
          .push_back(p);
    }
    if (feedback_problems.empty() && profile_problems.empty()) {
      ReportProblems(options.profile, next.status());
    } else {
      const FeedbackForm form = feedback->form;
      if (!feedback_problems.empty()) {
        ReportProblems(options.feedback, ProblemsStatus(next.status().code(), feedback_problems),
                       [form](const std::string& p) { return FeedbackFilePath(p, form); });
      }
      if (!profile_problems.empty()) {
        ReportProblems(options.profile, ProblemsStatus(next.status().code(), profile_problems));
      }
    }
    return ExitCodeOf(next.status());
  }
  if (!options.journal.empty() &&
      !AppendToJournal(options.journal, *profile, plan->plan, feedback->entries)) {
    return kExitInvalid;
  }
  absl::StatusOr<std::string> text = SaveNextWeek(next->profile, next->plan);
  if (!text.ok()) {
    ReportProblems(options.profile, text.status());
    return kExitInvalid;
  }
  return WritePlanOutput(options.output, next->plan, *catalog, "Next week", *text, next->profile,
                         planner->options());
}

}  // namespace

Command AddNextWeekCommand(CLI::App& app) {
  auto options = std::make_shared<NextWeekOptions>();
  CLI::App* sub = app.add_subcommand(
      "next-week", "Plan next week from last week's plan and feedback (exit codes as `plan`)");
  AddCatalogOption(*sub, options->catalog, /*required=*/true);
  sub->add_option("--profile", options->profile, "The person's profile (backbalance.profile/1)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--plan", options->plan, "Last week's plan (backbalance.plan/1)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--feedback", options->feedback,
                  "Feedback on last week's uses: a JSON array of entries {\"day\", "
                  "\"exercise\", \"completed\", \"pain_after\", \"soreness_hours\", \"rpe\"}, "
                  "or an object {\"feedback\": [...]}")
      ->required()
      ->type_name("FILE");
  sub->add_option("--journal", options->journal,
                  "Append the week this closes (profile, plan, feedback) to a journal "
                  "(backbalance.journal/1), created when absent; `backbalance progress` reads it")
      ->type_name("FILE");
  AddPlannerFlags(*sub, options->flags);
  AddPlanOutputFlags(*sub, options->output, "backbalance.next_week/1");
  return {sub, [options] { return RunNextWeek(*options); }};
}

}  // namespace backbalance::cli
