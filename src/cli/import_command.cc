// `backbalance import free-exercise-db FILE -o CATALOG [--merge builtin|FILE]
// [--id-prefix P]`: converts the public-domain free-exercise-db catalogue into a
// backbalance.catalog/1 document (docs/import.md), optionally merged with another catalog.
// The import report goes to stderr; the catalog to CATALOG (`-` for stdout).
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/catalog/catalog_merge.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/free_exercise_db.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

struct ImportOptions {
  std::string input;
  std::string output;
  std::string merge;  // "" for none
  FreeExerciseDbOptions import;
};

// "550 strength, 139 flexibility, 14 aerobic": largest count first, then by name.
std::string Counts(const std::map<std::string, int>& counts) {
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> parts;
  for (const auto& [name, count] : sorted) parts.push_back(absl::StrCat(count, " ", name));
  return absl::StrJoin(parts, ", ");
}

void WriteReport(const std::string& input, const FreeExerciseDbReport& report) {
  std::cerr << input << ": " << report.records << (report.records == 1 ? " record: " : " records: ")
            << report.imported << " imported, " << report.skipped << " skipped\n";
  if (report.imported > 0) {
    std::cerr << "  imported by category: " << Counts(report.imported_by_category) << "\n"
              << "  imported by impact: " << Counts(report.imported_by_impact) << "\n";
  }
  // Reasons read `primary_muscles_outside_groups:<muscles>`; grouped under one heading.
  std::map<std::string, int> outside;
  for (const auto& [reason, count] : report.skipped_by_reason) {
    const std::string::size_type colon = reason.find(':');
    outside[colon == std::string::npos ? reason : reason.substr(colon + 1)] += count;
  }
  if (!outside.empty()) {
    std::cerr << "  skipped, primary muscles outside the 12 groups: " << Counts(outside) << "\n";
  }
  if (report.dropped_secondary_muscles > 0) {
    std::cerr << "  secondary muscles outside the 12 groups, left off: "
              << report.dropped_secondary_muscles << "\n";
  }
  if (report.renamed_ids > 0) {
    std::cerr << "  ids numbered to stay unique: " << report.renamed_ids << "\n";
  }
  std::cerr << "  every imported exercise has \"reviewed\": false (not for anyone with a "
               "condition or in pain band C)\n";
}

int RunImport(const ImportOptions& options) {
  std::vector<std::string> inputs = {options.input};
  if (!options.merge.empty() && options.merge != kBuiltinCatalogName) {
    inputs.push_back(options.merge);
  }
  if (OutputIsAnInput(options.output, inputs)) return kExitUsage;
  absl::StatusOr<FreeExerciseDbImport> imported =
      ImportFreeExerciseDbFile(options.input, options.import);
  if (!imported.ok()) {
    ReportProblems(options.input, imported.status());
    return kExitInvalid;
  }
  WriteReport(options.input, imported->report);
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
      Catalog::Create(std::move(imported->exercises));
  if (!catalog.ok()) {  // the importer's own records broke a rule: a bug, said plainly
    ReportProblems(options.input, catalog.status());
    return kExitInvalid;
  }
  if (!options.merge.empty()) {
    std::shared_ptr<const Catalog> base = LoadCatalogSource(options.merge);
    if (base == nullptr) return kExitInvalid;
    absl::StatusOr<std::shared_ptr<const Catalog>> merged =
        MergeCatalogs(*base, options.merge, **catalog, "the import of " + options.input);
    if (!merged.ok()) {
      ReportProblems(options.output, merged.status());
      return kExitInvalid;
    }
    std::cerr << "merged with " << options.merge << ": " << base->size() << " + "
              << (*catalog)->size() << " = " << (*merged)->size() << " exercises\n";
    catalog = *std::move(merged);
  }
  std::unique_ptr<OutputFile> out = OutputFile::Open(options.output);
  if (out == nullptr) return kExitInvalid;
  out->stream() << SaveCatalog(**catalog);
  if (!out->Close()) return kExitInvalid;
  const auto unreviewed =
      std::count_if((*catalog)->exercises().begin(), (*catalog)->exercises().end(),
                    [](const Exercise& e) { return !e.reviewed; });
  std::cerr << "wrote " << options.output << ": " << (*catalog)->size() << " exercises, "
            << unreviewed << " unreviewed\n";
  return kExitOk;
}

// CLI11 validator: the library's own check of the prefix, as a usage error.
std::string CheckIdPrefix(std::string& input) {
  FreeExerciseDbOptions options;
  options.id_prefix = input;
  absl::StatusOr<FreeExerciseDbImport> probe = ImportFreeExerciseDb("[]", options);
  if (probe.ok()) return std::string();
  const std::vector<Problem> problems = ProblemsOf(probe.status());
  return problems.empty() ? std::string(probe.status().message()) : problems.front().detail;
}

}  // namespace

Command AddImportCommand(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* import = app.add_subcommand(
      "import", "Convert an exercise catalogue of another project into backbalance.catalog/1");
  import->require_subcommand(1);
  CLI::App* sub = import->add_subcommand(
      "free-exercise-db",
      "Import the public-domain free-exercise-db (exercises.json); every item unreviewed");
  sub->add_option("FILE", options->input, "free-exercise-db's exercises.json")
      ->required()
      ->type_name("FILE");
  sub->add_option("-o,--output", options->output,
                  "Where to write the catalog (backbalance.catalog/1); `-` for stdout")
      ->required()
      ->type_name("CATALOG");
  sub->add_option("--merge", options->merge,
                  "Merge with this catalog (`builtin` or a catalog file); its exercises come "
                  "first, and an id in both is an error")
      ->type_name("FILE|builtin");
  sub->add_option("--id-prefix", options->import.id_prefix,
                  "Put before every imported id (default `fedb_`; [a-z0-9_]{0,32}, `` for none)")
      ->check(CLI::Validator(CheckIdPrefix, "", "prefix"))
      ->type_name("PREFIX");
  // The parent runs when its one subcommand parsed.
  return {import, [options] { return RunImport(*options); }};
}

}  // namespace backbalance::cli
