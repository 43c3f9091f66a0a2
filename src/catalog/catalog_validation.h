// File: src/catalog/catalog_validation.h (internal)
//
// The rules of plan model section 2 checked on values: id form and uniqueness, ranges,
// the warmup/cooldown rules, disjoint muscles, aerobic minute rules, dose forms and
// numbers, known condition names, references to existing ids. One validation per
// catalog: Catalog::Create runs it on records it is given; LoadCatalog
// (src/io/catalog_json.cc) runs it itself only when its JSON reader already found
// problems (then no catalog is built, and the value-level problems of what the reader
// could read join the reader's in one answer). The catalog offers this header to io/
// (scripts/check_includes.py, EXPORTED).
#ifndef BACKBALANCE_SRC_CATALOG_CATALOG_VALIDATION_H_
#define BACKBALANCE_SRC_CATALOG_CATALOG_VALIDATION_H_

#include <string>
#include <vector>

#include "backbalance/model/condition_rules.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/problem.h"
#include "internal/hash_containers.h"
#include "internal/problem_paths.h"

namespace backbalance {

// Every problem of the records, in record order, with paths `exercises[i].<field>`
// (and `conditions[i]` for the declared conditions). A problem whose path is in
// `skip_paths`, or lies below one (`exercises[3].dose` covers `exercises[3].dose.reps`),
// is left out. The cross-record rule that progression chains are acyclic is checked by
// Catalog::Create through the constraint graph, not here.
// `condition_rules`, when given, is checked too (section 11: known conditions, no
// movement twice in an entry) at `condition_rules.<condition>.<list>[j]`.
std::vector<Problem> ValidateCatalogRecords(const std::vector<Exercise>& exercises,
                                            const std::vector<std::string>& declared_conditions,
                                            const internal::StringSet* skip_paths = nullptr,
                                            const ConditionRules* condition_rules = nullptr);

// The order problems about a catalog are reported in (section 11): the document's
// top-level fields, then each record's fields in the order section 2 lists them (the
// order the canonical form writes them in).
internal::FieldOrder CatalogDocumentOrder();

}  // namespace backbalance

#endif  // BACKBALANCE_SRC_CATALOG_CATALOG_VALIDATION_H_
