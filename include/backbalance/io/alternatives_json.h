// File: backbalance/io/alternatives_json.h
//
// JSON for the replacements of one use (schema backbalance.alternatives/1, plan model
// 12.1 "Alternatives"):
//   {"schema": "backbalance.alternatives/1", "status": "ok", "day": 2,
//    "exercise": "jogging", "phase": "main", "minutes": 30, "score": 81.2,
//    "alternatives": [{"exercise": "brisk_walk", "phase": "main", "minutes": 30,
//                      "score": 80.9, "score_change": -0.3, "substitute": true}]}
// A refer result holds only schema, status, day, exercise and an empty `alternatives`.
// Numbers are written in shortest round-trip form, two-space indented.
#ifndef BACKBALANCE_IO_ALTERNATIVES_JSON_H_
#define BACKBALANCE_IO_ALTERNATIVES_JSON_H_

#include <string>

#include "absl/status/statusor.h"
#include "backbalance/model/alternatives.h"

namespace backbalance {

// kInternal (`<path>: internal: ...`) when a number is not finite, as SavePlan.
absl::StatusOr<std::string> SaveAlternatives(const AlternativesResult& result);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_ALTERNATIVES_JSON_H_
