// The week as the search sees it: dense exercise ids, phases and minutes per day, with
// a validity check of H1-H9 and the score of section 7 that need no strings. Evaluate
// (evaluate.cc) stays the judge: every week a planner returns is re-checked by it.
#ifndef BACKBALANCE_SRC_SOLVER_SEARCH_WEEK_H_
#define BACKBALANCE_SRC_SOLVER_SEARCH_WEEK_H_

#include <array>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/evaluation.h"
#include "backbalance/model/options.h"
#include "solver/model_rules.h"
#include "solver/week_context.h"

namespace backbalance::internal {

struct Use {
  int exercise = 0;
  Phase phase = Phase::kMain;
  int minutes = 0;
  friend bool operator==(const Use&, const Use&) = default;
};

// Uses per day, each day's uses in phase order.
struct SearchWeek {
  std::array<std::vector<Use>, kDaysPerWeek> days;

  bool Training(int d) const { return !days[d].empty(); }
  int TrainingDays() const;
  int DayMinutes(int d) const;
  int TotalMinutes() const;
  // Inserts `use` after the last use of its phase or an earlier one.
  void Insert(int d, const Use& use);
  friend bool operator==(const SearchWeek&, const SearchWeek&) = default;
};

// H5 and H6 across the days of `week` (cyclically): recovery of primary muscles, no
// two consecutive days with moderate or high impact, high impact on at most two days.
// The feasibility analysis relaxes one of the two to name a conflict.
// Replan: pairs of two days before `from_day` (both happened) are not judged, and high
// impact may be on `max_high_days` days.
bool CrossDayRulesHold(const SearchWeek& week, const CompiledCatalog& catalog,
                       bool check_recovery = true, bool check_impact = true, int from_day = 0,
                       int max_high_days = kMaxHighImpactDays);

// H10: every pin held and every train day trained (true for a red-flag profile).
bool PinsHold(const SearchWeek& week, const WeekContext& context);

// The read-only facts the checks need, gathered once per profile.
class WeekRules {
 public:
  WeekRules(const Catalog& catalog, const WeekContext& context, const PlannerOptions& options)
      : catalog_(catalog), compiled_(catalog.compiled()), ctx_(context), options_(options) {}

  // True when `week` breaks none of H1-H10.
  bool Valid(const SearchWeek& week) const;
  // Valid, checking only what a change confined to `day` can break on that day and
  // across the week (H1, H2 and H4 for `day`; H3, H5-H9 for the week).
  bool ValidAfterChangeOn(const SearchWeek& week, int day) const;
  // The score of section 7 with its terms and penalties. `week` holds the uses of
  // catalog items; `total_minutes` counts every item's minutes (Evaluate passes items
  // unknown to the catalog only through it, as section 10 asks).
  ScoreBreakdown Breakdown(const SearchWeek& week, int total_minutes) const;
  // The score of a week of catalog items.
  double Score(const SearchWeek& week) const;

  // Per-day structure (H4) and time (H2) of one day, and item eligibility (H1, H9).
  bool DayValid(const SearchWeek& week, int day) const;
  // Cross-day rules: H3, H5, H6, H7, H8, H10.
  bool WeekRulesHold(const SearchWeek& week) const;

  const CompiledCatalog& compiled() const { return compiled_; }
  const WeekContext& context() const { return ctx_; }
  const PlannerOptions& options() const { return options_; }
  const Catalog& catalog() const { return catalog_; }

  // The durations a use of `exercise` may take (H9): aerobic items any step in
  // [min, the person's max], others exactly their minutes.
  DurationRange Durations(int exercise) const {
    return DurationsOf(compiled_.exercises[exercise], ctx_.max_minutes[exercise], options_);
  }
  bool DurationValid(int exercise, int minutes) const { return Durations(exercise).Holds(minutes); }

 private:
  const Catalog& catalog_;
  const CompiledCatalog& compiled_;
  const WeekContext& ctx_;
  const PlannerOptions& options_;
};

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_SEARCH_WEEK_H_
