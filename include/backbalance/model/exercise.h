// File: backbalance/model/exercise.h
//
// One exercise record of a catalog (plan model section 2), as a plain value with
// every default already applied.
#ifndef BACKBALANCE_MODEL_EXERCISE_H_
#define BACKBALANCE_MODEL_EXERCISE_H_

#include <map>
#include <string>
#include <vector>

#include "backbalance/model/vocabulary.h"

namespace backbalance {

// What a person does in one use of an item. Only the fields of `form` are meaningful:
// kSetsReps uses sets and reps, kHoldReps hold_seconds and reps, kMinutes minutes.
struct Dose {
  DoseForm form = DoseForm::kSetsReps;
  int sets = 0;          // 1..10
  int reps = 0;          // 1..50
  int hold_seconds = 0;  // 1..300
  int minutes = 0;       // 1..120

  static Dose SetsReps(int sets, int reps) { return {DoseForm::kSetsReps, sets, reps, 0, 0}; }
  static Dose HoldReps(int hold_seconds, int reps) {
    return {DoseForm::kHoldReps, 0, reps, hold_seconds, 0};
  }
  static Dose Minutes(int minutes) { return {DoseForm::kMinutes, 0, 0, 0, minutes}; }

  friend bool operator==(const Dose&, const Dose&) = default;
};

struct Exercise {
  std::string id;  // [a-z0-9_]{1,64}, unique in its catalog
  std::string name;
  Category category = Category::kStrength;
  Impact impact = Impact::kLow;
  std::vector<Phase> phases;  // non-empty, no repeats
  std::vector<Muscle> primary_muscles;
  std::vector<Muscle> secondary_muscles;  // disjoint from primary_muscles
  int minutes = 0;                        // non-aerobic items: 1..120; 0 for aerobic items
  int min_minutes = 0;                    // aerobic items: multiple of 5 in 5..120; 0 otherwise
  int max_minutes = 0;  // aerobic items: multiple of 5 in min_minutes..120; 0 otherwise
  Dose dose;
  int rest_hours = 0;    // 0..96
  int max_per_week = 1;  // 1..7
  int difficulty = 1;    // 1..5
  std::vector<std::string> equipment;
  // What the exercise does to the spine and joints (section 1); the condition rules
  // (section 4a) read it. No repeats.
  std::vector<Movement> movements;
  // The item's own marking; the effective marking is the stronger of this and what
  // the catalog's condition rules derive from `movements`.
  // Condition name -> avoid or caution. Ordered by name so equal records compare equal.
  std::map<std::string, Contraindication> contraindications;
  std::vector<std::string> progressions;  // harder variants (ids)
  std::vector<std::string> regressions;   // easier variants (ids)
  std::vector<std::string> substitutes;   // equivalent variants (ids)
  std::string notes;
  bool reviewed = true;  // false: no safety review (eligibility rule 4)

  bool IsAerobic() const { return category == Category::kAerobic; }
  bool AllowsPhase(Phase phase) const {
    for (Phase p : phases) {
      if (p == phase) return true;
    }
    return false;
  }

  friend bool operator==(const Exercise&, const Exercise&) = default;
};

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_EXERCISE_H_
