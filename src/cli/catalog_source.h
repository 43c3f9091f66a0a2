// File: cli/catalog_source.h
//
// The `--catalog FILE|builtin` option shared by the subcommands: the word `builtin`
// names the catalog embedded in the library (Catalog::Builtin()); anything else is the
// path of a backbalance.catalog/1 document (write `./builtin` for a file of that name).
#ifndef BACKBALANCE_CLI_CATALOG_SOURCE_H_
#define BACKBALANCE_CLI_CATALOG_SOURCE_H_

#include <memory>
#include <string>
#include <string_view>

#include "CLI/CLI.hpp"
#include "backbalance/catalog/catalog.h"

namespace backbalance::cli {

inline constexpr std::string_view kBuiltinCatalogName = "builtin";

// Adds `--catalog FILE|builtin` to `app`, storing the value in `source`.
CLI::Option* AddCatalogOption(CLI::App& app, std::string& source, bool required);

// The catalog `source` names. On failure reports its problems (prefixed with the file
// name) to stderr and returns nullptr.
std::shared_ptr<const Catalog> LoadCatalogSource(const std::string& source);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_CATALOG_SOURCE_H_
