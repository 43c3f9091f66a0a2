// File: backbalance/model/profile.h
//
// A person's profile (plan model section 3) with last week's plan and feedback
// (section 8). Every field holds its documented default until set.
#ifndef BACKBALANCE_MODEL_PROFILE_H_
#define BACKBALANCE_MODEL_PROFILE_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backbalance/model/exercise.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/vocabulary.h"

namespace backbalance {

// Integer weights 0..3 of the score terms (section 7).
struct Goals {
  int strength = 1;
  int flexibility = 1;
  int endurance = 1;
  int balance = 1;
  int stress_relief = 1;
  friend bool operator==(const Goals&, const Goals&) = default;
};

// How one use, a (day, exercise) of last week's plan, went.
struct Feedback {
  int day = 0;
  std::string exercise;
  bool completed = false;
  PainAfter pain_after = PainAfter::kSame;
  double soreness_hours = 0;  // >= 0
  std::optional<int> rpe;     // 1..10
  friend bool operator==(const Feedback&, const Feedback&) = default;
};

struct History {
  Plan plan;
  std::vector<Feedback> feedback;
  friend bool operator==(const History&, const History&) = default;
};

// A clinician's pin (plan model 12, 12.1): the plan holds `exercise` on `day`, in
// `phase` when given (any phase otherwise) and for `minutes` when given (aerobic items
// only, a multiple of 5 in the item's range for this person). A pinned day is a training
// day. Checked against a catalog by CheckProfileAgainstCatalog; held or not is rule H10.
struct Pin {
  int day = 0;  // 0..6
  std::string exercise;
  std::optional<Phase> phase;
  std::optional<int> minutes;
  friend bool operator==(const Pin&, const Pin&) = default;
};

struct Profile {
  int pain = 3;  // 0..10
  PainDuration pain_duration = PainDuration::kChronic;
  int pain_persisting_days = 0;         // >= 0
  std::vector<std::string> conditions;  // as given; acute_flare and late_pregnancy are derived
  std::vector<RedFlag> red_flags;
  int fitness = 2;                                                            // 1..5
  std::array<int, kDaysPerWeek> availability = {30, 30, 30, 30, 30, 30, 30};  // 0..240
  std::vector<std::string> equipment = {"mat"};
  Goals goals;
  std::vector<std::string> exclude;
  std::vector<std::string> prefer;
  uint64_t seed = 0;
  std::optional<History> history;
  // Week of pregnancy, 0..42; only with the condition `pregnancy`. From week 20 on the
  // condition `late_pregnancy` is derived (section 3).
  std::optional<int> pregnancy_week;
  // Ids a clinician has cleared for this person: eligibility rules 3, 4 and 7 do not
  // exclude them, and they carry the note `cleared` instead of caution notes (section 4).
  std::vector<std::string> cleared;
  // A clinician's dose per exercise id (section 12, 12.1 "Dose forms"): the dose a plan
  // gives the item and the base of its progression (section 8), in a form section 2
  // allows for the item's category and within section 2's ranges. An aerobic item's
  // `{minutes}` entry is accepted and changes nothing. Ids are checked against a catalog
  // by CheckProfileAgainstCatalog (`doses.x: unknown_exercise`, `doses.x: form`).
  std::map<std::string, Dose> doses;
  // A clinician's fixed uses (section 12): each must be held by the plan (rule H10).
  std::vector<Pin> pins;
  // Days that must be training days (section 12), distinct, 0..6, in the order given.
  std::vector<int> train_days;
  friend bool operator==(const Profile&, const Profile&) = default;
};

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_PROFILE_H_
