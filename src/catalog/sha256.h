// SHA-256 (FIPS 180-4) of a byte string, as lower-case hex. Only the catalog's
// provenance hash uses it, so a small local implementation avoids linking a crypto
// library into every app that embeds backbalance.
#ifndef BACKBALANCE_SRC_CATALOG_SHA256_H_
#define BACKBALANCE_SRC_CATALOG_SHA256_H_

#include <string>
#include <string_view>

namespace backbalance::internal {

std::string Sha256Hex(std::string_view bytes);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_CATALOG_SHA256_H_
