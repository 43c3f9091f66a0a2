// File: src/internal/json_value.h
//
// Writing JSON values that must survive running out of memory: the catalog's canonical
// form (hashed by Catalog::Create) and every document io writes. Only writing: parsing and
// the readers are the JSON layer's (src/io/strict_json.h), which the domain never includes.
#ifndef BACKBALANCE_SRC_INTERNAL_JSON_VALUE_H_
#define BACKBALANCE_SRC_INTERNAL_JSON_VALUE_H_

#include <string>

#include "nlohmann/json.hpp"

namespace backbalance::internal {

// Documents keep their objects' keys in document order: parsed ones so that unknown
// fields are reported in the order a person reads them, written ones in a fixed order.
using Json = nlohmann::ordered_json;

// Frees `value` leaf first, leaving it an empty container or a scalar. Why: destroying a
// non-empty nlohmann::json allocates (it flattens the nested values onto a heap stack to
// bound recursion), and a std::bad_alloc in a destructor ends the process. Nodes emptied
// leaf first are destroyed without allocating; the recursion is bounded by kMaxJsonDepth.
void ReleaseWithoutAllocating(Json& value) noexcept;

// Calls ReleaseWithoutAllocating on a value when the scope ends, however it ends: for
// documents built to be written, on the paths that must survive running out of memory.
class ReleaseOnExit {
 public:
  explicit ReleaseOnExit(Json& value) noexcept : value_(value) {}
  ReleaseOnExit(const ReleaseOnExit&) = delete;
  ReleaseOnExit& operator=(const ReleaseOnExit&) = delete;
  ~ReleaseOnExit() { ReleaseWithoutAllocating(value_); }

 private:
  Json& value_;
};

// Two-space indented text ending in a newline. Never throws on content: invalid UTF-8
// in a string built in code is replaced rather than rejected.
std::string DumpDocument(const Json& value);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_INTERNAL_JSON_VALUE_H_
