#include "cli/catalog_source.h"

#include <utility>

#include "absl/status/statusor.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/document.h"
#include "cli/problem_report.h"

namespace backbalance::cli {

CLI::Option* AddCatalogOption(CLI::App& app, std::string& source, bool required) {
  CLI::Option* option =
      app.add_option("--catalog", source,
                     "The exercise catalog: a backbalance.catalog/1 JSON file, or `builtin` "
                     "for the catalog built into the library")
          ->type_name("FILE|builtin");
  if (required) option->required();
  return option;
}

std::shared_ptr<const Catalog> LoadCatalogSource(const std::string& source) {
  if (source == kBuiltinCatalogName) return Catalog::Builtin();
  absl::StatusOr<std::string> text = ReadDocumentFile(source);
  if (!text.ok()) {
    ReportProblems(source, text.status());
    return nullptr;
  }
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog = LoadCatalog(*text);
  if (!catalog.ok()) {
    ReportProblems(source, catalog.status());
    return nullptr;
  }
  return *std::move(catalog);
}

}  // namespace backbalance::cli
