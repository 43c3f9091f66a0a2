// SHA-256 (FIPS 180-4) of a byte string, as lower-case hex: the catalog's provenance hash
// and the stable identifiers of the calendar and FHIR views. OpenSSL's libcrypto computes
// it (its assembly is several times faster than a portable C++ loop, and hashing the
// canonical catalog is on the path of every catalog load).
#ifndef BACKBALANCE_SRC_INTERNAL_SHA256_H_
#define BACKBALANCE_SRC_INTERNAL_SHA256_H_

#include <string>
#include <string_view>

namespace backbalance::internal {

std::string Sha256Hex(std::string_view bytes);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_INTERNAL_SHA256_H_
