// Fuzz target `catalog_json`: arbitrary bytes as a catalog document.
// Properties: LoadCatalog never crashes or throws; a rejection is a well-formed
// problem list; an accepted catalog saves to canonical JSON that loads back to the
// same exercises and the same SHA-256 (the fixed point the CLI's `catalog` relies on).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "backbalance/io/catalog_json.h"
#include "backbalance/io/document.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace backbalance;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // Kind detection runs on every document the CLI reads; it must not fail differently.
  absl::StatusOr<DocumentKind> kind = DetectDocumentKind(text);
  if (!kind.ok()) fuzz::CheckRejection(kind.status());

  absl::StatusOr<std::shared_ptr<const Catalog>> catalog = LoadCatalog(text);
  if (!catalog.ok()) {
    fuzz::CheckRejection(catalog.status());
    return 0;
  }
  FUZZ_CHECK(kind.ok() && *kind == DocumentKind::kCatalog, "a loaded catalog is a catalog");
  const std::string saved = SaveCatalog(**catalog);
  absl::StatusOr<std::shared_ptr<const Catalog>> again = LoadCatalog(saved);
  FUZZ_CHECK(again.ok(), again.status().ToString());
  FUZZ_CHECK((*again)->exercises() == (*catalog)->exercises(), "exercises change on a round trip");
  FUZZ_CHECK((*again)->declared_conditions() == (*catalog)->declared_conditions(),
             "declared conditions change on a round trip");
  FUZZ_CHECK((*again)->sha256() == (*catalog)->sha256(), "sha256 changes on a round trip");
  FUZZ_CHECK(SaveCatalog(**again) == saved, "canonical JSON is not a fixed point");
  return 0;
}
