// File: backbalance/model/evaluation.h
//
// The verdict on one week (schema backbalance.evaluation/1): every broken hard
// constraint, the score with each term and penalty, and the profile's exclusions.
#ifndef BACKBALANCE_MODEL_EVALUATION_H_
#define BACKBALANCE_MODEL_EVALUATION_H_

#include <optional>
#include <string>
#include <vector>

#include "backbalance/model/plan.h"

namespace backbalance {

// One offending instance of a hard constraint. `day` and `exercise` are absent where
// the rule is about the whole week (H3, H8) or a whole day (H2, H4's phase totals).
struct Violation {
  std::string rule;  // "H1".."H9"
  std::optional<int> day;
  std::optional<std::string> exercise;
  std::string detail;  // a sentence; may change between versions
  friend bool operator==(const Violation&, const Violation&) = default;
};

// Points subtracted from the weighted score (section 7), at the rates of PlannerOptions
// (the defaults in brackets).
struct Penalties {
  double caution = 0;  // caution_penalty (2.0) per use of a caution item not cleared
  double windows = 0;  // window_penalty (1.0) per cyclic 3-day window of hard days
  double minutes = 0;  // minute_penalty (0.01) per minute in the week
  friend bool operator==(const Penalties&, const Penalties&) = default;
};

struct Evaluation {
  bool valid = true;  // no violations
  std::vector<Violation> violations;
  double score = 0;
  ScoreTerms score_terms{};
  Penalties penalties;
  std::vector<Exclusion> excluded;
  friend bool operator==(const Evaluation&, const Evaluation&) = default;
};

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_EVALUATION_H_
