// File: src/internal/hash_containers.h
//
// The hash maps and sets of backbalance: std::unordered_map / std::unordered_set with
// Abseil's hash, and lookup by std::string_view without building a std::string.
//
// Why not absl::flat_hash_map: the library promises to survive running out of memory
// (kResourceExhausted, docs/errors.md), and Abseil's Swiss tables (the 20220623 release
// Debian 12 ships) are left inconsistent when an allocation fails while they grow: their
// destructor then frees a wild pointer. The standard containers give the strong
// guarantee on insert and on rehash, so a std::bad_alloc unwinds cleanly. The planner's
// inner loops index by integer and do not use these.
#ifndef BACKBALANCE_SRC_INTERNAL_HASH_CONTAINERS_H_
#define BACKBALANCE_SRC_INTERNAL_HASH_CONTAINERS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace backbalance::internal {

// Hashes std::string, std::string_view, absl::string_view (a distinct type in Debian's
// Abseil) and const char* alike, so that string-keyed containers can be searched with
// any of them (C++20 heterogeneous lookup).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return absl::Hash<std::string_view>{}(s);
  }
  std::size_t operator()(const std::string& s) const noexcept {
    return (*this)(std::string_view(s));
  }
  std::size_t operator()(const char* s) const noexcept { return (*this)(std::string_view(s)); }
#ifndef ABSL_USES_STD_STRING_VIEW
  std::size_t operator()(absl::string_view s) const noexcept {
    return (*this)(std::string_view(s.data(), s.size()));
  }
#endif
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

template <typename Key, typename Value>
using HashMap = std::unordered_map<Key, Value, absl::Hash<Key>>;
template <typename Key>
using HashSet = std::unordered_set<Key, absl::Hash<Key>>;

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_INTERNAL_HASH_CONTAINERS_H_
