// File: backbalance/model/progress.h
//
// A journal of weeks as they were planned and done, and the progress read from it (plan
// model section 13, 13.1): Planner::Progress makes a Progress from a Journal; LoadJournal
// and SaveProgress (backbalance/io/progress_json.h) read and write them.
#ifndef BACKBALANCE_MODEL_PROGRESS_H_
#define BACKBALANCE_MODEL_PROGRESS_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backbalance/model/exercise.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"

namespace backbalance {

// One week: what next_week produced (the profile and its plan) and how it went.
struct JournalWeek {
  Profile profile;
  Plan plan;
  std::vector<Feedback> feedback;
  friend bool operator==(const JournalWeek&, const JournalWeek&) = default;
};

// {"schema": "backbalance.journal/1", "weeks": [...]}: each week after the first has
// profile.history = {the previous week's plan, the previous week's feedback}.
struct Journal {
  std::vector<JournalWeek> weeks;
  friend bool operator==(const Journal&, const Journal&) = default;
};

struct CategoryMinutes {
  int total = 0;
  std::array<int, kCategoryCount> by_category{};  // indexed by Category
  friend bool operator==(const CategoryMinutes&, const CategoryMinutes&) = default;
};

struct ProgressWeek {
  int week = 1;
  int pain = 3;
  PainBand band = PainBand::kA;
  PlanStatus status = PlanStatus::kOk;
  CategoryMinutes planned;
  CategoryMinutes completed;
  std::optional<double> adherence;      // completed / planned minutes; none when nothing planned
  int worse_uses = 0;                   // uses with pain_after worse
  int soreness_uses = 0;                // uses with soreness_hours > 1
  std::vector<std::string> advisories;  // codes of the plan's advisories, in order
  // The target minutes of each weighing category (target > 0, goal weight > 0).
  std::map<Category, int> targets;
  bool targets_met = false;  // completed minutes reach every target above (none: false)
  // The dose of each item used in more than one week that this week holds (its first use).
  std::map<std::string, Dose> doses;
  friend bool operator==(const ProgressWeek&, const ProgressWeek&) = default;
};

struct PainTrend {
  int first = 3;
  int last = 3;
  std::optional<double> slope;  // least squares over week numbers 1, 2, ...; none for one week
  friend bool operator==(const PainTrend&, const PainTrend&) = default;
};

struct Progress {
  std::vector<ProgressWeek> weeks;
  PainTrend pain_trend;
  std::vector<int> weeks_meeting_targets;
  // Each item used in more than one week: its dose per week, none in a week without it.
  std::map<std::string, std::vector<std::optional<Dose>>> doses;
  friend bool operator==(const Progress&, const Progress&) = default;
};

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_PROGRESS_H_
