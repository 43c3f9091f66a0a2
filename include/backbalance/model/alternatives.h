// File: backbalance/model/alternatives.h
//
// The replacements for one use of a valid week (plan model 12, 12.1 "Alternatives",
// schema backbalance.alternatives/1).
#ifndef BACKBALANCE_MODEL_ALTERNATIVES_H_
#define BACKBALANCE_MODEL_ALTERNATIVES_H_

#include <string>
#include <vector>

#include "backbalance/model/vocabulary.h"

namespace backbalance {

// One item that could take the use's place, the week staying valid (H1-H10).
struct Alternative {
  std::string exercise;
  Phase phase = Phase::kMain;  // the replaced use's phase
  int minutes = 0;             // its own minutes, or the aerobic minutes it would get
  double score = 0;            // the new week's score (section 7)
  double score_change = 0;     // score - the week's score
  bool substitute = false;     // the replaced exercise lists it among its substitutes
  friend bool operator==(const Alternative&, const Alternative&) = default;
};

struct AlternativesResult {
  // kOk, or kRefer for a red-flag profile (then phase, minutes and score are 0 and
  // `alternatives` is empty, and the document omits them).
  PlanStatus status = PlanStatus::kOk;
  int day = 0;
  std::string exercise;
  Phase phase = Phase::kMain;
  int minutes = 0;
  double score = 0;  // the given week's score
  // Substitutes first, then by score (best first), then by id.
  std::vector<Alternative> alternatives;
  friend bool operator==(const AlternativesResult&, const AlternativesResult&) = default;
};

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_ALTERNATIVES_H_
