// `backbalance validate [--catalog FILE|builtin] FILE...`: loads each file strictly as the
// kind its `schema` declares (catalog, profile or plan) and prints `FILE: ok` or every
// problem of it. A profile is checked against --catalog when one is given (ids it names,
// catalog-declared conditions), else against the built-in conditions only. A plan is
// checked for form only; `evaluate` judges its content.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/document.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/documents.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

struct ValidateOptions {
  std::string catalog;
  CLI::Option* catalog_option = nullptr;
  std::vector<std::string> files;
};

// The status of loading `text` as a document of `kind`.
absl::Status CheckDocument(DocumentKind kind, const std::string& text, const Catalog* catalog) {
  switch (kind) {
    case DocumentKind::kCatalog:
      return LoadCatalog(text).status();
    case DocumentKind::kProfile: {
      absl::StatusOr<Profile> profile = LoadProfile(text);
      if (!profile.ok()) return profile.status();
      return catalog != nullptr ? CheckProfileAgainstCatalog(*profile, *catalog)
                                : CheckProfileConditions(*profile);
    }
    case DocumentKind::kPlan:
      return LoadPlan(text).status();
    default:
      return absl::InternalError("unknown document kind");
  }
}

int RunValidate(const ValidateOptions& options) {
  std::shared_ptr<const Catalog> catalog;
  if (options.catalog_option->count() > 0) {
    catalog = LoadCatalogSource(options.catalog);
    if (catalog == nullptr) return kExitInvalid;
  }
  int exit_code = kExitOk;
  for (const std::string& file : options.files) {
    std::optional<std::string> text = ReadInput(file);
    if (!text) {
      exit_code = kExitInvalid;
      continue;
    }
    absl::StatusOr<DocumentKind> kind = DetectDocumentKind(*text);
    absl::Status status = kind.ok() ? CheckDocument(*kind, *text, catalog.get()) : kind.status();
    if (!status.ok()) {
      FlushStdout();
      ReportProblems(file, status);
      exit_code = kExitInvalid;
      continue;
    }
    std::cout << file << ": ok\n";
    FlushStdout();
  }
  return exit_code;
}

}  // namespace

Command AddValidateCommand(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand(
      "validate",
      "Check catalog, profile and plan files (known by their `schema`); print `FILE: ok` "
      "or every problem");
  options->catalog_option = AddCatalogOption(*sub, options->catalog, /*required=*/false);
  options->catalog_option->description(
      "Also check profiles against this catalog (exercise ids they name, declared "
      "conditions): a catalog JSON file or `builtin`");
  sub->add_option("FILE", options->files, "Catalog, profile or plan JSON files")
      ->required()
      ->type_name("FILE");
  return {sub, [options] { return RunValidate(*options); }};
}

}  // namespace backbalance::cli
