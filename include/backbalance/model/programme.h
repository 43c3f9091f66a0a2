// File: backbalance/model/programme.h
//
// A programme: the weeks ahead of a profile (plan model section 13, 13.1), as
// Planner::Programme makes them and SaveProgramme (backbalance/io/programme_json.h)
// writes them.
#ifndef BACKBALANCE_MODEL_PROGRAMME_H_
#define BACKBALANCE_MODEL_PROGRAMME_H_

#include <optional>
#include <vector>

#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"

namespace backbalance {

inline constexpr int kMaxProgrammeWeeks = 26;
// The rpe of the assumed feedback of the week before a deload: above the progression
// limit (section 8), so that nothing progresses into the deload week.
inline constexpr int kDeloadEveRpe = 7;
// A deload week's volume cap: floor(7 x cap / 10) of the cap section 5 gives it.
inline constexpr int kDeloadCapNumerator = 7;
inline constexpr int kDeloadCapDenominator = 10;

struct ProgrammeOptions {
  int weeks = 4;         // 1..26
  int deload_every = 0;  // 0: never; else >= 2: week i is a deload when i mod deload_every == 0
  int assumed_rpe = 5;   // 1..10: the rpe of the assumed feedback (7 before a deload week)

  bool IsDeload(int week) const;
};

struct ProgrammeWeek {
  int week = 1;  // 1..N
  bool deload = false;
  // The week after a deload: the completed minutes of the week before the deload, from
  // which this week's volume cap grows instead of last week's (section 13). Not part of
  // the document: the programme knows it, a lone profile does not.
  std::optional<int> cap_from_minutes;
  Profile profile;  // the input profile with the assumed history and the carried doses
  Plan plan;
  friend bool operator==(const ProgrammeWeek&, const ProgrammeWeek&) = default;
};

struct ProgrammePlan {
  // Weeks 1..N; fewer when a week is infeasible or refer (that week is the last).
  std::vector<ProgrammeWeek> weeks;
  friend bool operator==(const ProgrammePlan&, const ProgrammePlan&) = default;
};

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_PROGRAMME_H_
