// File: src/internal/format.h
//
// internal::Format: absl::StrFormat for the paths that must survive running out of
// memory. Debian 12's Abseil cannot unwind an exception through its formatter
// (str_format_internal::FormatUntyped), so a std::bad_alloc thrown while StrFormat grows
// its string ends the process. Format has Abseil write into a fixed buffer, where it
// never allocates, and makes the std::string itself, where a std::bad_alloc unwinds
// normally to the caller's kResourceExhausted.
#ifndef BACKBALANCE_SRC_INTERNAL_FORMAT_H_
#define BACKBALANCE_SRC_INTERNAL_FORMAT_H_

#include <cstddef>
#include <string>

#include "absl/strings/str_format.h"
#include "backbalance/model/exercise.h"

namespace backbalance::internal {

template <typename... Args>
std::string Format(const absl::FormatSpec<Args...>& format, const Args&... args) {
  char buffer[256];
  const int length = absl::SNPrintF(buffer, sizeof buffer, format, args...);
  if (length < 0) return std::string();
  if (static_cast<std::size_t>(length) < sizeof buffer) return std::string(buffer, length);
  std::string out(static_cast<std::size_t>(length) + 1, '\0');  // room for SNPrintF's NUL
  absl::SNPrintF(out.data(), out.size(), format, args...);
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// A dose form as problem details name it: "{sets, reps}", "{hold_seconds, reps}" or
// "{minutes}" (the catalog's record rules and the profile's `doses` rules alike).
inline const char* DoseFormText(DoseForm form) {
  switch (form) {
    case DoseForm::kSetsReps:
      return "{sets, reps}";
    case DoseForm::kHoldReps:
      return "{hold_seconds, reps}";
    case DoseForm::kMinutes:
      return "{minutes}";
  }
  return "";
}

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_INTERNAL_FORMAT_H_
