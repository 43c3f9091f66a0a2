// The error side of the C ABI: status names, this thread's last error, bkb_free.
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "backbalance/backbalance.h"
#include "capi/error_state.h"

using backbalance::capi::LastError;

extern "C" {

const char* bkb_status_name(bkb_status status) noexcept {
  // A C caller may pass any integer here; loading one outside the enumerators' range as
  // the enum type is undefined in C++ (UBSan's -fsanitize=enum), so it is read as the
  // integer it is.
  std::underlying_type_t<bkb_status> value;
  std::memcpy(&value, &status, sizeof value);
  switch (value) {
    case BKB_OK:
      return "OK";
    case BKB_CANCELLED:
      return "CANCELLED";
    case BKB_UNKNOWN:
      return "UNKNOWN";
    case BKB_INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case BKB_DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case BKB_NOT_FOUND:
      return "NOT_FOUND";
    case BKB_ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case BKB_PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case BKB_RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case BKB_FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case BKB_ABORTED:
      return "ABORTED";
    case BKB_OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case BKB_UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case BKB_INTERNAL:
      return "INTERNAL";
    case BKB_UNAVAILABLE:
      return "UNAVAILABLE";
    case BKB_DATA_LOSS:
      return "DATA_LOSS";
    case BKB_UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "UNKNOWN_STATUS";
  }
}

const char* bkb_last_error_message(void) noexcept { return LastError().message.c_str(); }

uint32_t bkb_last_error_problem_count(void) noexcept {
  return static_cast<uint32_t>(LastError().problems.size());
}

bkb_status bkb_last_error_problem(uint32_t index, const char** path, const char** rule,
                                  const char** detail) noexcept {
  // Reads the last error without clearing it: it is the error being read.
  return backbalance::capi::ReadProblem(LastError().problems, index, path, rule, detail);
}

void bkb_free(void* memory) noexcept { std::free(memory); }

}  // extern "C"
