// File: src/internal/problem_paths.h
//
// Problem paths in a document's own syntax (`exercises[3].dose.reps`) and the document
// order problems are reported in. Every validator that names a place in a document uses
// these, the JSON readers (src/io) and the value-level rules (src/catalog) alike, so that
// a problem found at either level reads and sorts the same.
#ifndef BACKBALANCE_SRC_INTERNAL_PROBLEM_PATHS_H_
#define BACKBALANCE_SRC_INTERNAL_PROBLEM_PATHS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "backbalance/model/problem.h"
#include "backbalance/model/vocabulary.h"
#include "internal/hash_containers.h"

namespace backbalance::internal {

// ---- Paths in the document's own syntax ---------------------------------------------

// `base.name`, or `name` at the top; a key that is not [A-Za-z0-9_]+ is written
// `base["key"]` (JSON-escaped, and shortened when very long).
std::string FieldPath(std::string_view base, std::string_view name);
// `base[index]`.
std::string IndexPath(std::string_view base, std::size_t index);

// Text quoted for a problem detail: JSON-escaped, invalid UTF-8 shown as \xNN, and
// shortened past 80 bytes, so a detail never carries raw control bytes or megabytes.
std::string Quote(std::string_view text);

// Debian's Abseil has its own string_view type, which std::string_view does not convert
// to; StrCat, StrJoin and heterogeneous hash lookups need this.
inline absl::string_view AsAbsl(std::string_view text) { return {text.data(), text.size()}; }

// True when `text` matches [a-z0-9_]{1,64}: exercise ids and condition names.
bool IsIdentifier(std::string_view text);
inline constexpr std::string_view kIdentifierPattern = "[a-z0-9_]{1,64}";

// The names of an enumeration, for "must be one of ..." details.
template <typename Enum>
std::string EnumNameList() {
  std::string out;
  for (std::string_view name : EnumNames<Enum>::kNames) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// ---- Document order ------------------------------------------------------------------

// The order in which the fields of each kind of object are reported. A context names an
// object by its path with every index written as `[]` (`exercises[].dose`; "" for the
// top level). Fields a context does not list sort after those it lists.
class FieldOrder {
 public:
  void Add(std::string context, std::vector<std::string_view> fields);
  // The rank of `field` within `context`, or `fallback` when unlisted.
  int Rank(std::string_view context, std::string_view field, int fallback) const;

 private:
  StringMap<StringMap<int>> ranks_;
};

// A document yields at most this many problems as data (the message shows the first
// kMaxReportedProblems). Past it, problems are only counted: a 64 MiB document of faults
// would otherwise take gigabytes to describe.
inline constexpr std::size_t kMaxCollectedProblems = 10000;

// Sorts problems into document order: by path segment, indices numerically and fields by
// `order`, a problem about an object before those about its fields. Stable, so problems
// at one path keep the order they were found in.
void SortProblems(std::vector<Problem>& problems, const FieldOrder& order);

// What every loader does last: sorts `problems`, keeps the first kMaxCollectedProblems
// and, when any were cut or `dropped` (counted but never stored), appends one
// `too_many_problems` problem about the whole document saying so.
void FinishProblems(std::vector<Problem>& problems, const FieldOrder& order, std::size_t dropped);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_INTERNAL_PROBLEM_PATHS_H_
