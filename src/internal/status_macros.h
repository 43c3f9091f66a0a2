// File: src/internal/status_macros.h
//
// BKB_RETURN_IF_ERROR and BKB_ASSIGN_OR_RETURN, as absl/status/status_macros.h has them
// in newer Abseil releases than Debian 12's (style.md section 2), for the whole library.
#ifndef BACKBALANCE_SRC_INTERNAL_STATUS_MACROS_H_
#define BACKBALANCE_SRC_INTERNAL_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define BKB_RETURN_IF_ERROR(expr)                                 \
  do {                                                            \
    if (::absl::Status bkb_status_ = (expr); !bkb_status_.ok()) { \
      return bkb_status_;                                         \
    }                                                             \
  } while (false)

#define BKB_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define BKB_STATUS_MACROS_CONCAT_(a, b) BKB_STATUS_MACROS_CONCAT_INNER_(a, b)

// `BKB_ASSIGN_OR_RETURN(Profile profile, ReadProfile(...));` declares `profile` from the
// value, or returns the error.
#define BKB_ASSIGN_OR_RETURN(lhs, expr) \
  BKB_ASSIGN_OR_RETURN_IMPL_(BKB_STATUS_MACROS_CONCAT_(bkb_statusor_, __LINE__), lhs, expr)
#define BKB_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                               \
  if (!statusor.ok()) return statusor.status();         \
  lhs = *std::move(statusor)

#endif  // BACKBALANCE_SRC_INTERNAL_STATUS_MACROS_H_
