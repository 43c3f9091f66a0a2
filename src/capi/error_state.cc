#include "capi/error_state.h"

#include <new>

namespace backbalance::capi {
namespace {

// bkb_status values are absl::StatusCode values (style.md section 5): pinned here, so a
// change on either side fails the build instead of shifting the ABI.
#define BKB_PIN_STATUS(c_value, absl_code) \
  static_assert(static_cast<int>(c_value) == static_cast<int>(absl::StatusCode::absl_code))
BKB_PIN_STATUS(BKB_OK, kOk);
BKB_PIN_STATUS(BKB_CANCELLED, kCancelled);
BKB_PIN_STATUS(BKB_UNKNOWN, kUnknown);
BKB_PIN_STATUS(BKB_INVALID_ARGUMENT, kInvalidArgument);
BKB_PIN_STATUS(BKB_DEADLINE_EXCEEDED, kDeadlineExceeded);
BKB_PIN_STATUS(BKB_NOT_FOUND, kNotFound);
BKB_PIN_STATUS(BKB_ALREADY_EXISTS, kAlreadyExists);
BKB_PIN_STATUS(BKB_PERMISSION_DENIED, kPermissionDenied);
BKB_PIN_STATUS(BKB_RESOURCE_EXHAUSTED, kResourceExhausted);
BKB_PIN_STATUS(BKB_FAILED_PRECONDITION, kFailedPrecondition);
BKB_PIN_STATUS(BKB_ABORTED, kAborted);
BKB_PIN_STATUS(BKB_OUT_OF_RANGE, kOutOfRange);
BKB_PIN_STATUS(BKB_UNIMPLEMENTED, kUnimplemented);
BKB_PIN_STATUS(BKB_INTERNAL, kInternal);
BKB_PIN_STATUS(BKB_UNAVAILABLE, kUnavailable);
BKB_PIN_STATUS(BKB_DATA_LOSS, kDataLoss);
BKB_PIN_STATUS(BKB_UNAUTHENTICATED, kUnauthenticated);
#undef BKB_PIN_STATUS

}  // namespace

void ErrorRecord::Assign(const absl::Status& from) noexcept {
  Clear();
  status = ToCStatus(from.code());
  try {
    message = std::string(from.message());
    problems = ProblemsOf(from);
  } catch (...) {
    // Out of memory while copying the text: the status alone still tells what failed.
    message.clear();
    problems.clear();
  }
}

void ErrorRecord::Clear() noexcept {
  status = BKB_OK;
  message.clear();
  problems.clear();
}

ErrorRecord& LastError() noexcept {
  // Constructing an empty record allocates nothing, so this cannot throw.
  thread_local ErrorRecord record;
  return record;
}

bkb_status ToCStatus(absl::StatusCode code) noexcept {
  const int value = static_cast<int>(code);
  if (value < BKB_OK || value > BKB_UNAUTHENTICATED) return BKB_UNKNOWN;
  return static_cast<bkb_status>(value);
}

bkb_status ReadProblem(const std::vector<Problem>& problems, uint32_t index, const char** path,
                       const char** rule, const char** detail) noexcept {
  const bool found = index < problems.size();
  if (path != nullptr) *path = found ? problems[index].path.c_str() : nullptr;
  if (rule != nullptr) *rule = found ? problems[index].rule.c_str() : nullptr;
  if (detail != nullptr) *detail = found ? problems[index].detail.c_str() : nullptr;
  return found ? BKB_OK : BKB_OUT_OF_RANGE;
}

}  // namespace backbalance::capi
