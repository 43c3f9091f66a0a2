// `backbalance progress FILE [--catalog FILE|builtin] [--format json|text|html]`: what a
// journal (backbalance.journal/1) says about the weeks it holds (plan model section 13):
// backbalance.progress/1, or a view. Exit 0, or 1 for an invalid journal (its problems,
// each naming a path, on stderr).
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "backbalance/io/progress_json.h"
#include "backbalance/solver/planner.h"
#include "backbalance/views/progress_views.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

struct ProgressCommandOptions {
  std::string journal;
  std::string catalog = std::string(kBuiltinCatalogName);
  std::string format = "json";
};

int RunProgress(const ProgressCommandOptions& options) {
  std::shared_ptr<const Catalog> catalog = LoadCatalogSource(options.catalog);
  if (catalog == nullptr) return kExitInvalid;
  absl::StatusOr<Journal> journal = LoadJournalFile(options.journal);
  if (!journal.ok()) {
    ReportProblems(options.journal, journal.status());
    return ExitCodeOf(journal.status());
  }
  absl::StatusOr<Planner> planner = Planner::Create(catalog);
  if (!planner.ok()) {
    ReportProblems("backbalance", planner.status());
    return ExitCodeOf(planner.status());
  }
  absl::StatusOr<Progress> progress = planner->Progress(*journal);
  if (!progress.ok()) {
    ReportProblems(options.journal, progress.status());
    return ExitCodeOf(progress.status());
  }
  if (options.format == "json") {
    WriteDocument(SaveProgress(*progress));
  } else if (options.format == "text") {
    WriteDocument(RenderProgressText(*progress));
  } else {
    WriteDocument(RenderProgressHtml(*progress));
  }
  return kExitOk;
}

}  // namespace

Command AddProgressCommand(CLI::App& app) {
  auto options = std::make_shared<ProgressCommandOptions>();
  CLI::App* sub = app.add_subcommand(
      "progress", "What a journal of weeks says: pain trend, minutes, adherence, doses");
  sub->add_option("journal", options->journal, "The journal (backbalance.journal/1)")
      ->required()
      ->type_name("FILE");
  AddCatalogOption(*sub, options->catalog, /*required=*/false);
  sub->add_option("--format", options->format,
                  "Output: `json` (default, backbalance.progress/1), `text` or `html`")
      ->check(CLI::IsMember({"json", "text", "html"}))
      ->type_name("FORMAT");
  return {sub, [options] { return RunProgress(*options); }};
}

}  // namespace backbalance::cli
