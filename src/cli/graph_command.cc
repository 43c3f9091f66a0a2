// `backbalance graph --catalog FILE|builtin [--profile FILE [--eligible-only]]`: the
// catalog's constraint graph (exercises, muscle groups, targets / progression /
// regression / substitute edges) as Graphviz DOT. With a profile, the exercises it cannot
// use are greyed and labelled with the reason (or left out with --eligible-only). Render
// it with e.g. `backbalance graph --catalog builtin | dot -Tsvg > graph.svg`.
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "backbalance/graph/constraint_graph.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/views/graph_view.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/documents.h"
#include "cli/exit_codes.h"
#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

struct GraphOptions {
  std::string catalog;
  std::string profile;  // "" for the whole catalog
  bool eligible_only = false;
};

int RunGraph(const GraphOptions& options) {
  std::shared_ptr<const Catalog> catalog = LoadCatalogSource(options.catalog);
  if (catalog == nullptr) return kExitInvalid;
  if (options.profile.empty()) {
    WriteDocument(catalog->graph().ToDot(catalog->exercises()));
    return kExitOk;
  }
  std::optional<Profile> profile = LoadProfileInput(options.profile, catalog.get());
  if (!profile) return kExitInvalid;
  absl::StatusOr<std::vector<Exclusion>> excluded = ExcludedExercises(*catalog, *profile);
  if (!excluded.ok()) {
    ReportProblems(options.profile, excluded.status());
    return kExitInvalid;
  }
  EligibilityDotOptions dot;
  dot.eligible_only = options.eligible_only;
  WriteDocument(RenderEligibilityDot(*catalog, *excluded, dot));
  return kExitOk;
}

}  // namespace

Command AddGraphCommand(CLI::App& app) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* sub = app.add_subcommand(
      "graph", "Print the catalog's constraint graph as Graphviz DOT, optionally for a profile");
  AddCatalogOption(*sub, options->catalog, /*required=*/true);
  CLI::Option* profile =
      sub->add_option("--profile", options->profile,
                      "Grey the exercises this profile cannot use, labelled with the reason")
          ->type_name("FILE");
  sub->add_flag("--eligible-only", options->eligible_only,
                "With --profile: leave the excluded exercises out instead of greying them")
      ->needs(profile);
  return {sub, [options] { return RunGraph(*options); }};
}

}  // namespace backbalance::cli
