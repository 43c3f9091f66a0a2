// Catalog::Builtin lives with the readers: the built-in catalog is a catalog document
// (data/catalog/builtin.json, embedded at build time), and the catalog module never
// includes the JSON layer (docs/architecture.md).
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/catalog_json.h"

namespace backbalance {
namespace internal {
extern const std::string_view kBuiltinCatalogJson;
}  // namespace internal

std::shared_ptr<const Catalog> Catalog::Builtin() {
  // Immutable once built; C++ guarantees the initialisation runs once, thread-safely.
  static const std::shared_ptr<const Catalog> builtin = [] {
    absl::StatusOr<std::shared_ptr<const Catalog>> loaded =
        LoadCatalog(internal::kBuiltinCatalogJson);
    if (!loaded.ok()) {
      // A build that embeds an invalid catalog is broken; the tests catch it first.
      std::fprintf(stderr, "backbalance: the built-in catalog is invalid:\n%s\n",
                   std::string(loaded.status().message()).c_str());
      std::abort();
    }
    return *std::move(loaded);
  }();
  return builtin;
}

}  // namespace backbalance
