// File: backbalance/catalog/canonical_form.h
//
// The catalog's canonical form: the one serialisation of a catalog, written by the
// domain so that Catalog::Create can hash it without the JSON readers (io/ sits above the
// catalog, never below it). SaveCatalog (backbalance/io/catalog_json.h) writes the same
// bytes, and LoadCatalog reads them back to an equal catalog.
#ifndef BACKBALANCE_CATALOG_CANONICAL_FORM_H_
#define BACKBALANCE_CATALOG_CANONICAL_FORM_H_

#include <string>
#include <string_view>
#include <vector>

#include "backbalance/model/condition_rules.h"
#include "backbalance/model/exercise.h"

namespace backbalance {

// The `schema` of a catalog document (plan model section 11).
inline constexpr std::string_view kCatalogSchemaName = "backbalance.catalog/1";

// The canonical JSON of a catalog: every field of every record spelled out, in a fixed
// field order, two-space indented, ending in a newline; the effective rules of every
// condition, built-in ones first. Its SHA-256 is Catalog::sha256().
std::string CanonicalCatalogJson(const std::vector<Exercise>& exercises,
                                 const std::vector<std::string>& declared_conditions,
                                 const ConditionRules& condition_rules = BuiltinConditionRules());

}  // namespace backbalance

#endif  // BACKBALANCE_CATALOG_CANONICAL_FORM_H_
