// File: capi/error_state.h (internal)
//
// The error a C caller reads after a failed call: this thread's last status as a message
// and as problems (path, rule, detail). One per thread, so that threads sharing a
// planner never see each other's errors; cleared on entry to every fallible export.
#ifndef BACKBALANCE_CAPI_ERROR_STATE_H_
#define BACKBALANCE_CAPI_ERROR_STATE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "backbalance/backbalance.h"
#include "backbalance/model/problem.h"

namespace backbalance::capi {

// An error as C reads it: the message and the problems, as owned strings.
struct ErrorRecord {
  bkb_status status = BKB_OK;
  std::string message;
  std::vector<Problem> problems;

  // Fills the record from `status` (empty for OK). Never throws: on lack of memory the
  // message and problems stay empty and the status is kept.
  void Assign(const absl::Status& status) noexcept;
  void Clear() noexcept;
};

// This thread's last error.
ErrorRecord& LastError() noexcept;

// The bkb_status of an absl code; the values are equal by construction (static_asserts
// in error_state.cc), anything unknown maps to BKB_UNKNOWN.
bkb_status ToCStatus(absl::StatusCode code) noexcept;

// Writes problem `index` of `problems` to the non-NULL out pointers; BKB_OUT_OF_RANGE
// (out pointers set to NULL) past the end.
bkb_status ReadProblem(const std::vector<Problem>& problems, uint32_t index, const char** path,
                       const char** rule, const char** detail) noexcept;

}  // namespace backbalance::capi

#endif  // BACKBALANCE_CAPI_ERROR_STATE_H_
