// Planner::Programme: the weeks ahead (plan model section 13, 13.1).
#include <map>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backbalance/catalog/profile_check.h"
#include "backbalance/model/problem.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "internal/format.h"
#include "internal/hash_containers.h"
#include "internal/status_macros.h"
#include "solver/week_context.h"

namespace backbalance {
namespace {

int PlannedMinutes(const Plan& plan) {
  int total = 0;
  for (const PlanDay& day : plan.days) {
    for (const PlanItem& item : day.items) total += item.minutes;
  }
  return total;
}

// The feedback of a person who does the week as given (13.1): one entry per use, a
// (day, exercise), in day order then item order.
std::vector<Feedback> AssumedFeedback(const Plan& plan, int rpe) {
  std::vector<Feedback> feedback;
  for (const PlanDay& day : plan.days) {
    internal::HashSet<std::string> named;
    for (const PlanItem& item : day.items) {
      if (!named.insert(item.exercise).second) continue;
      Feedback f;
      f.day = day.day;
      f.exercise = item.exercise;
      f.completed = true;
      f.pain_after = PainAfter::kSame;
      f.soreness_hours = 0;
      f.rpe = rpe;
      feedback.push_back(std::move(f));
    }
  }
  return feedback;
}

// `doses` with the dose of every non-aerobic item of `plan` written in (its first use,
// day order then item order), so that an item sitting out a week comes back where it
// left off (13.1). A dose its item does not allow as an entry is left out.
std::map<std::string, Dose> CarriedDoses(const Catalog& catalog, std::map<std::string, Dose> doses,
                                         const Plan& plan) {
  internal::HashSet<std::string> seen;
  for (const PlanDay& day : plan.days) {
    for (const PlanItem& item : day.items) {
      if (!item.dose || !seen.insert(item.exercise).second) continue;
      const std::optional<int> index = catalog.IndexOf(item.exercise);
      if (!index) continue;
      const Exercise& exercise = catalog.exercises()[*index];
      if (exercise.IsAerobic() || DoseFormProblem(exercise, *item.dose)) continue;
      doses[item.exercise] = *item.dose;
    }
  }
  return doses;
}

}  // namespace

absl::Status ValidateProgrammeOptions(const ProgrammeOptions& options) {
  ProblemList problems;
  if (options.weeks < 1 || options.weeks > kMaxProgrammeWeeks) {
    problems.Add(
        "weeks", "range",
        internal::Format("must be an integer in 1..%d, got %d", kMaxProgrammeWeeks, options.weeks));
  }
  if (options.deload_every < 0 || options.deload_every == 1) {
    problems.Add(
        "deload_every", "range",
        internal::Format("must be 0 (never) or an integer >= 2, got %d", options.deload_every));
  }
  if (options.assumed_rpe < 1 || options.assumed_rpe > 10) {
    problems.Add("assumed_rpe", "range",
                 internal::Format("must be an integer in 1..10, got %d", options.assumed_rpe));
  }
  return problems.ToStatus();
}

bool ProgrammeOptions::IsDeload(int week) const {
  return deload_every > 0 && week % deload_every == 0;
}

absl::StatusOr<ProgrammePlan> Planner::Programme(const Profile& profile,
                                                 const ProgrammeOptions& options) const try {
  if (absl::Status s = ValidateProgrammeOptions(options); !s.ok()) return s;
  ProgrammePlan programme;
  programme.weeks.reserve(options.weeks);
  Profile current = profile;
  for (int week = 1; week <= options.weeks; ++week) {
    ProgrammeWeek entry;
    entry.week = week;
    entry.deload = options.IsDeload(week);
    // The week after a deload takes its cap from the week before the deload (13).
    if (week > 2 && options.IsDeload(week - 1)) {
      entry.cap_from_minutes = PlannedMinutes(programme.weeks[week - 3].plan);
    }
    WeekOverrides overrides;
    overrides.deload = entry.deload;
    overrides.cap_from_minutes = entry.cap_from_minutes;
    BKB_ASSIGN_OR_RETURN(entry.plan, PlanWeekWith(current, overrides));
    entry.profile = current;
    programme.weeks.push_back(std::move(entry));
    const ProgrammeWeek& done = programme.weeks.back();
    // A week that is infeasible or refer is the programme's last (13.1).
    if (done.plan.status != PlanStatus::kOk || week == options.weeks) break;
    const int rpe = options.IsDeload(week + 1) ? kDeloadEveRpe : options.assumed_rpe;
    Profile next = profile;
    next.history = History{done.plan, AssumedFeedback(done.plan, rpe)};
    next.doses = CarriedDoses(*catalog_, done.profile.doses, done.plan);
    current = std::move(next);
  }
  return programme;
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory planning a programme");
}

absl::StatusOr<Evaluation> Planner::Evaluate(const ProgrammeWeek& week) const try {
  WeekOverrides overrides;
  overrides.deload = week.deload;
  overrides.cap_from_minutes = week.cap_from_minutes;
  BKB_ASSIGN_OR_RETURN(const WeekContext ctx,
                       BuildWeekContext(*catalog_, week.profile, options_, overrides));
  return EvaluateInContext(*catalog_, ctx, week.plan, options_);
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory evaluating a programme week");
}

}  // namespace backbalance
