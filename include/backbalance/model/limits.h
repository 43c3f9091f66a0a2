// File: backbalance/model/limits.h
//
// Limits on what any input may hold (docs/errors.md). The value-level rules of the
// catalog check them on values built in C++ as the JSON readers check them on documents,
// so they belong to the model; backbalance/io/document.h re-exports them.
#ifndef BACKBALANCE_MODEL_LIMITS_H_
#define BACKBALANCE_MODEL_LIMITS_H_

#include <cstddef>

namespace backbalance {

inline constexpr std::size_t kMaxDocumentBytes = 64u << 20;  // 64 MiB
inline constexpr int kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxStringLength = 4096;
inline constexpr std::size_t kMaxExercises = 100000;
inline constexpr std::size_t kMaxListLength = 1000;  // ids in one list, conditions, ...

// Profile values (plan model section 3). Section 3 gives no upper bound on how long pain
// has persisted; a hundred years keeps the value a plausible count of days and far
// inside an int.
inline constexpr int kMaxPersistingDays = 36500;
inline constexpr int kMaxPregnancyWeek = 42;
inline constexpr int kMaxAvailabilityMinutes = 240;

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_LIMITS_H_
