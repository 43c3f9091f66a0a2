// File: capi/guarded.h (internal)
//
// Guarded: the frame of every fallible export. It clears this thread's last error, runs
// the body (which returns absl::Status), records a failure for bkb_last_error_message,
// and turns any C++ exception into a status, so none ever crosses the C boundary.
//
//   bkb_status bkb_batch_problem(const bkb_batch* batch, ...) noexcept {
//     return Guarded([&]() -> absl::Status { ... });
//   }
//
// GuardedOut: the same frame for an export that hands its result out through `out`; the
// body returns the result instead of writing it.
//
//   bkb_status bkb_plan_from_json(const char* json, bkb_plan** out) noexcept {
//     return GuardedOut(out, [&]() -> absl::StatusOr<Plan> { ... });
//   }
#ifndef BACKBALANCE_CAPI_GUARDED_H_
#define BACKBALANCE_CAPI_GUARDED_H_

#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "backbalance/backbalance.h"
#include "capi/error_state.h"
#include "capi/handles.h"
#include "internal/status_macros.h"

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

// `result` as what a `CType** out` hands the caller: text (CType char) as a copy for
// bkb_free; a handle as the class behind CType (handles.h), given whole as a
// std::unique_ptr or as the value that class is made from (a Plan for a PlanHandle).
template <typename CType, typename Result>
CType* HandOut(Result result) {
  if constexpr (std::is_same_v<CType, char>) {
    return CopyForCaller(result);
  } else {
    using Impl = typename HandleTraits<CType>::Impl;
    if constexpr (std::is_same_v<Result, std::unique_ptr<Impl>>) {
      return ToC<CType>(result.release());
    } else {
      return ToC<CType>(new Impl(std::move(result)));
    }
  }
}

// Guarded around ResetOut and HandOut: `body` returns absl::StatusOr of the result, which
// reaches `*out` only when the whole call succeeds.
template <typename CType, typename Body>
bkb_status GuardedOut(CType** out, Body&& body) noexcept {
  return Guarded([&]() -> absl::Status {
    BKB_RETURN_IF_ERROR(ResetOut(out));
    BKB_ASSIGN_OR_RETURN(auto result, body());
    *out = HandOut<CType>(std::move(result));
    return absl::OkStatus();
  });
}

}  // namespace backbalance::capi

#endif  // BACKBALANCE_CAPI_GUARDED_H_
