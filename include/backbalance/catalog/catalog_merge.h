// File: backbalance/catalog/catalog_merge.h
//
// MergeCatalogs: one catalog from two, e.g. the built-in catalog and records imported
// from elsewhere (backbalance/io/free_exercise_db.h). Ids must not clash: two records of
// one id are two different exercises as far as anyone can tell, so a clash is an error
// that names both, never a silent choice.
#ifndef BACKBALANCE_CATALOG_CATALOG_MERGE_H_
#define BACKBALANCE_CATALOG_CATALOG_MERGE_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"

namespace backbalance {

// The exercises of `first` then those of `second`, with the declared conditions of both
// (first's, then second's not already declared). `first_label` and `second_label` name the
// catalogs in problems ("builtin", a file name). kInvalidArgument with one problem per
// clash: `exercises[<index in the merged list>].id: duplicate_id: "<id>" of <second_label>
// ("<name>", exercises[j]) clashes with "<id>" of <first_label> ("<name>", exercises[i])`;
// other problems of the merged catalog as Catalog::Create reports them.
absl::StatusOr<std::shared_ptr<const Catalog>> MergeCatalogs(const Catalog& first,
                                                             std::string_view first_label,
                                                             const Catalog& second,
                                                             std::string_view second_label);

}  // namespace backbalance

#endif  // BACKBALANCE_CATALOG_CATALOG_MERGE_H_
