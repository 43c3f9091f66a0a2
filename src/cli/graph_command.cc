// `backbalance graph --catalog FILE|builtin`: the catalog's constraint graph (exercises,
// muscle groups, targets / progression / regression / substitute edges) as Graphviz DOT.
// Render it with e.g. `backbalance graph --catalog builtin | dot -Tsvg > graph.svg`.
#include <memory>
#include <string>

#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

struct GraphOptions {
  std::string catalog;
};

int RunGraph(const GraphOptions& options) {
  std::shared_ptr<const Catalog> catalog = LoadCatalogSource(options.catalog);
  if (catalog == nullptr) return kExitInvalid;
  WriteDocument(catalog->graph().ToDot(catalog->exercises()));
  return kExitOk;
}

}  // namespace

Command AddGraphCommand(CLI::App& app) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* sub = app.add_subcommand(
      "graph", "Print the catalog's constraint graph as Graphviz DOT");
  AddCatalogOption(*sub, options->catalog, /*required=*/true);
  return {sub, [options] { return RunGraph(*options); }};
}

}  // namespace backbalance::cli
