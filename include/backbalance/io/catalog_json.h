// File: backbalance/io/catalog_json.h
//
// Strict JSON for catalogs (schema backbalance.catalog/1, plan model section 11).
// Loading reports every problem of the document (unknown fields, wrong types, values
// out of range, duplicate ids, unknown references, the record rules of section 2) as
// `<path>: <rule>: <detail>` lines, never crashes, and never half-builds a catalog.
#ifndef BACKBALANCE_IO_CATALOG_JSON_H_
#define BACKBALANCE_IO_CATALOG_JSON_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/catalog/canonical_form.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/options.h"

namespace backbalance {

// Parses and validates a catalog document. kInvalidArgument carries every problem
// (ProblemsOf); `defaults` fill the fields a record leaves out.
absl::StatusOr<std::shared_ptr<const Catalog>> LoadCatalog(std::string_view json_text,
                                                           const CatalogDefaults& defaults = {});

// LoadCatalog on a file's bytes; kNotFound when it cannot be read.
absl::StatusOr<std::shared_ptr<const Catalog>> LoadCatalogFile(
    const std::string& path, const CatalogDefaults& defaults = {});

// The canonical JSON of a catalog (backbalance/catalog/canonical_form.h): every field of
// every record spelled out, in a fixed field order. Its SHA-256 is Catalog::sha256().
std::string SaveCatalog(const Catalog& catalog);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_CATALOG_JSON_H_
