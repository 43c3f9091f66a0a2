// File: backbalance/catalog/catalog_validation.h
//
// The rules of plan model section 2 checked on values: id form and uniqueness, ranges,
// the warmup/cooldown rules, disjoint muscles, aerobic minute rules, dose forms and
// numbers, known condition names, references to existing ids. Catalog::Create runs it;
// the JSON loader runs it too, after its own type checks, skipping fields it already
// reported.
#ifndef BACKBALANCE_CATALOG_CATALOG_VALIDATION_H_
#define BACKBALANCE_CATALOG_CATALOG_VALIDATION_H_

#include <string>
#include <vector>

#include "backbalance/model/condition_rules.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/hash_containers.h"
#include "backbalance/model/problem.h"

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
                                            const StringSet* skip_paths = nullptr,
                                            const ConditionRules* condition_rules = nullptr);

}  // namespace backbalance

#endif  // BACKBALANCE_CATALOG_CATALOG_VALIDATION_H_
