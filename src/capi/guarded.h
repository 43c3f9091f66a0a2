// File: capi/guarded.h (internal)
//
// Guarded: the frame of every fallible export. It clears this thread's last error, runs
// the body (which returns absl::Status), records a failure for bkb_last_error_message,
// and turns any C++ exception into a status, so none ever crosses the C boundary.
//
//   bkb_status bkb_catalog_builtin(bkb_catalog** out) noexcept {
//     return Guarded([&]() -> absl::Status { ... });
//   }
#ifndef BACKBALANCE_CAPI_GUARDED_H_
#define BACKBALANCE_CAPI_GUARDED_H_

#include <new>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "backbalance/backbalance.h"
#include "capi/error_state.h"

namespace backbalance::capi {

// Records `status` as this thread's last error (nothing for OK) and returns its code.
bkb_status Report(const absl::Status& status) noexcept;

template <typename Body>
bkb_status Guarded(Body&& body) noexcept {
  LastError().Clear();
  try {
    return Report(body());
  } catch (const std::bad_alloc&) {
    return Report(absl::ResourceExhaustedError("out of memory"));
  } catch (...) {
    return Report(absl::InternalError("unexpected exception inside backbalance"));
  }
}

// kInvalidArgument "argument `<name>`: required: must not be NULL" unless `pointer` is set:
// the C caller's mistake, named by the parameter of the header.
absl::Status RequireArgument(const void* pointer, std::string_view name);

// A malloc'd copy of `text` for the caller to bkb_free; throws std::bad_alloc, which
// Guarded turns into BKB_RESOURCE_EXHAUSTED.
char* CopyForCaller(std::string_view text);

// Sets `*out` to NULL before the body runs, so that a failure never leaves a stale
// handle; kInvalidArgument when `out` itself is NULL.
template <typename T>
absl::Status ResetOut(T** out) {
  if (out == nullptr) return RequireArgument(out, "out");
  *out = nullptr;
  return absl::OkStatus();
}

}  // namespace backbalance::capi

#endif  // BACKBALANCE_CAPI_GUARDED_H_
