// Clinician control (plan model 12, 12.1): repair of an edited week, replanning a week
// under way, alternatives for one use. Pins and train days themselves (H10) live with
// the other rules: model_rules.h, evaluate.cc, the searches and the MILP.
#include <algorithm>
#include <cmath>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "backbalance/model/problem.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "internal/format.h"
#include "solver/cbc_exact_planner.h"
#include "solver/feasibility.h"
#include "solver/heuristic_search.h"
#include "solver/model_rules.h"
#include "solver/plan_builder.h"
#include "solver/search_week.h"

namespace backbalance {
namespace {

absl::Status InvalidArgument(std::string path, std::string rule, std::string detail) {
  ProblemList problems;
  problems.Add(std::move(path), std::move(rule), std::move(detail));
  return problems.ToStatus();
}

// Repair's `changes` (12.1): per (day, exercise), the uses that match exactly (same phase,
// same minutes) pair off; of the rest, one of each side pairs as `changed`, the others
// are `removed` or `added`. In day, then exercise order.
std::vector<PlanChange> ChangesBetween(const Plan& before, const Plan& after) {
  std::vector<PlanChange> changes;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    std::vector<std::string> ids;
    for (const Plan* plan : {&before, &after}) {
      for (const PlanItem& item : plan->days[d].items) ids.push_back(item.exercise);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (const std::string& id : ids) {
      std::vector<const PlanItem*> old_uses, new_uses;
      for (const PlanItem& item : before.days[d].items) {
        if (item.exercise == id) old_uses.push_back(&item);
      }
      for (const PlanItem& item : after.days[d].items) {
        if (item.exercise == id) new_uses.push_back(&item);
      }
      // Exact matches first (a use matches at most one on the other side).
      for (auto it = new_uses.begin(); it != new_uses.end();) {
        auto match = std::find_if(old_uses.begin(), old_uses.end(), [&](const PlanItem* o) {
          return o->phase == (*it)->phase && o->minutes == (*it)->minutes;
        });
        if (match != old_uses.end()) {
          old_uses.erase(match);
          it = new_uses.erase(it);
        } else {
          ++it;
        }
      }
      const std::size_t changed = std::min(old_uses.size(), new_uses.size());
      for (std::size_t i = 0; i < changed; ++i) changes.push_back({d, id, ChangeKind::kChanged});
      for (std::size_t i = changed; i < old_uses.size(); ++i) {
        changes.push_back({d, id, ChangeKind::kRemoved});
      }
      for (std::size_t i = changed; i < new_uses.size(); ++i) {
        changes.push_back({d, id, ChangeKind::kAdded});
      }
    }
  }
  return changes;
}

// The week a repair stays close to: the plan's uses of catalog items by (day, exercise).
// Uses of ids the catalog lacks belong to no group: every valid week removes them.
internal::DistanceTarget TargetOf(const Catalog& catalog, const Plan& plan) {
  internal::DistanceTarget target;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    for (const PlanItem& item : plan.days[d].items) {
      const std::optional<int> e = catalog.IndexOf(item.exercise);
      if (!e) continue;
      auto group = std::find_if(target.groups.begin(), target.groups.end(),
                                [&](const auto& g) { return g.day == d && g.exercise == *e; });
      if (group == target.groups.end()) {
        group = target.groups.insert(target.groups.end(), {d, *e, 0, {}});
      }
      ++group->count;
      group->uses.emplace_back(item.phase, item.minutes);
    }
  }
  return target;
}

// The minutes an aerobic replacement takes (12.1): the replaced minutes when its range
// for this person holds them, else the nearest multiple of the step in the range (the
// shorter of two equally near). 0 when the range is empty.
int ReplacementMinutes(const internal::DurationRange& range, int minutes) {
  if (range.Empty()) return 0;
  if (range.Holds(minutes)) return minutes;
  if (minutes <= range.least) return range.least;
  if (minutes >= range.most) return range.most;
  const int below = minutes / range.step * range.step;
  const int above = below + range.step;
  return minutes - below <= above - minutes ? below : above;
}

// Scores are ordered in millionths of a point: the order of alternatives never hangs on
// the last bits of a floating-point sum.
long long ScoreRank(double score) { return std::llround(score * 1e6); }

}  // namespace

absl::StatusOr<Plan> Planner::Repair(const Profile& profile, const Plan& plan) const try {
  absl::StatusOr<WeekContext> context = BuildWeekContext(*catalog_, profile, options_);
  if (!context.ok()) return context.status();
  const WeekContext& ctx = *context;
  const Evaluation given = EvaluateInContext(*catalog_, ctx, plan, options_);
  if (given.valid) {
    // Already valid (H1-H10): the week comes back as given, with no changes.
    Plan same = plan;
    same.changes.emplace();
    return same;
  }
  SolverInfo solver;
  solver.backend = "exact";  // the least distance is a proof of the MILP
  solver.seed = profile.seed;
  if (ctx.refer) {
    // The only valid week of a red-flag profile has no items: every use is removed.
    Plan refer = internal::BuildPlan(*catalog_, ctx, options_, PlanStatus::kRefer, {}, solver);
    refer.changes = ChangesBetween(plan, refer);
    return refer;
  }
  const internal::WeekRules rules(*catalog_, ctx, options_);
  internal::Feasibility feasibility = internal::AnalyseFeasibility(rules);
  if (auto early = internal::PlanUnlessFeasible(*catalog_, ctx, options_, solver, feasibility)) {
    return *std::move(early);
  }
  const internal::DistanceTarget target = TargetOf(*catalog_, plan);
  // No warm start: with the feasibility week as its start CBC 2.10 was seen to stop at that
  // week and call it optimal under the distance objective (a repair 17 uses away where 1
  // sufficed); from scratch the same model is solved right, and quickly.
  absl::StatusOr<internal::ExactResult> exact = internal::SolveExact(
      rules, options_.time_limit_seconds, /*warm_start=*/nullptr, *cbc_mutex_, &target);
  if (!exact.ok()) {
    if (absl::IsUnimplemented(exact.status())) {
      return absl::UnimplementedError(
          "repair: unimplemented: the least distance is proven by the exact solver (CBC), "
          "which this build lacks");
    }
    return exact.status();
  }
  const bool solved = exact->outcome == internal::ExactResult::Outcome::kOptimal ||
                      exact->outcome == internal::ExactResult::Outcome::kFeasible;
  // Without a week from CBC (a time limit struck first) the feasibility week stands in,
  // with nothing proven.
  const internal::SearchWeek& week = solved ? exact->week : feasibility.week;
  solver.proven_optimal = solved && exact->proven_optimal;
  if (solved) solver.gap = exact->gap;
  solver.cut_short = exact->time_limit_reached;
  Plan repaired = internal::BuildPlan(*catalog_, ctx, options_, PlanStatus::kOk, week, solver);
  if (!EvaluateInContext(*catalog_, ctx, repaired, options_).valid) {
    return absl::InternalError("repair: internal: the repaired week failed evaluation");
  }
  repaired.changes = ChangesBetween(plan, repaired);
  return repaired;
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory repairing a week");
}

absl::StatusOr<AlternativesResult> Planner::Alternatives(const Profile& profile, const Plan& plan,
                                                         int day, std::string_view exercise) const
    try {
  if (day < 0 || day >= kDaysPerWeek) {
    return InvalidArgument("day", "range", absl::StrCat("must be an integer in 0..6, got ", day));
  }
  absl::StatusOr<WeekContext> context = BuildWeekContext(*catalog_, profile, options_);
  if (!context.ok()) return context.status();
  const WeekContext& ctx = *context;
  AlternativesResult result;
  result.day = day;
  result.exercise = std::string(exercise);
  if (ctx.refer) {
    result.status = PlanStatus::kRefer;
    return result;
  }
  const Evaluation given = EvaluateInContext(*catalog_, ctx, plan, options_);
  if (!given.valid) {
    const Violation& v = given.violations.front();
    return InvalidArgument(
        "plan", "invalid",
        absl::StrCat("the week breaks ", v.rule, " (", v.detail, ")",
                     given.violations.size() > 1
                         ? absl::StrCat(" and ", given.violations.size() - 1, " more rule(s)")
                         : std::string(),
                     "; repair it first"));
  }
  const std::vector<PlanItem>& items = plan.days[day].items;
  const auto at = std::find_if(items.begin(), items.end(),
                               [&](const PlanItem& item) { return item.exercise == exercise; });
  if (at == items.end()) {
    return InvalidArgument("exercise", "unknown_use",
                           absl::StrCat("day ", day, " (", std::string(kDayNames[day]),
                                        ") of the plan holds no \"", std::string(exercise), "\""));
  }
  const std::size_t index = static_cast<std::size_t>(at - items.begin());
  result.phase = at->phase;
  result.minutes = at->minutes;
  result.score = given.score;
  const int replaced = *catalog_->IndexOf(at->exercise);  // a valid week knows its items
  const std::vector<int>& substitutes = catalog_->compiled().substitutes[replaced];

  Plan trial = plan;
  for (int e = 0; e < static_cast<int>(catalog_->size()); ++e) {
    const Exercise& x = catalog_->exercises()[e];
    if (e == replaced || !ctx.eligible[e]) continue;
    if (std::find(x.phases.begin(), x.phases.end(), result.phase) == x.phases.end()) continue;
    if (std::any_of(items.begin(), items.end(),
                    [&](const PlanItem& item) { return item.exercise == x.id; })) {
      continue;
    }
    const int minutes = ReplacementMinutes(
        internal::DurationsOf(catalog_->compiled().exercises[e], ctx.max_minutes[e], options_),
        result.minutes);
    if (minutes == 0) continue;
    PlanItem& slot = trial.days[day].items[index];
    slot.exercise = x.id;
    slot.minutes = minutes;
    const Evaluation evaluation = EvaluateInContext(*catalog_, ctx, trial, options_);
    if (!evaluation.valid) continue;
    Alternative alternative;
    alternative.exercise = x.id;
    alternative.phase = result.phase;
    alternative.minutes = minutes;
    alternative.score = evaluation.score;
    alternative.score_change = evaluation.score - given.score;
    alternative.substitute =
        std::find(substitutes.begin(), substitutes.end(), e) != substitutes.end();
    result.alternatives.push_back(std::move(alternative));
  }
  // Substitutes first, then the best score, then the id.
  std::sort(result.alternatives.begin(), result.alternatives.end(),
            [](const Alternative& a, const Alternative& b) {
              if (a.substitute != b.substitute) return a.substitute;
              if (ScoreRank(a.score) != ScoreRank(b.score)) {
                return ScoreRank(a.score) > ScoreRank(b.score);
              }
              return a.exercise < b.exercise;
            });
  return result;
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory listing alternatives");
}

absl::StatusOr<Plan> Planner::Replan(const Profile& profile, const Plan& plan, int from_day,
                                     const std::optional<std::vector<Feedback>>& feedback) const
    try {
  if (from_day < 0 || from_day > kDaysPerWeek) {
    return InvalidArgument("from_day", "range",
                           absl::StrCat("must be an integer in 0..7, got ", from_day));
  }
  // Feedback (12.1 "Replan: input"): a day not yet happened first, then a use the plan
  // does not hold, then a second entry for one use.
  ProblemList problems;
  if (feedback) {
    std::vector<std::pair<int, std::string>> named;
    for (std::size_t i = 0; i < feedback->size(); ++i) {
      const Feedback& f = (*feedback)[i];
      const std::string at = absl::StrCat("feedback[", i, "]");
      if (f.day >= from_day || f.day < 0) {
        problems.Add(at + ".day", "not_happened",
                     absl::StrCat("day ", f.day, " is not before from_day ", from_day,
                                  ": only days that happened have feedback"));
        continue;
      }
      const auto& items = plan.days[f.day].items;
      if (std::none_of(items.begin(), items.end(),
                       [&](const PlanItem& item) { return item.exercise == f.exercise; })) {
        problems.Add(at, "unknown_use",
                     absl::StrCat("day ", f.day, " (", std::string(kDayNames[f.day]),
                                  ") of the plan holds no \"", f.exercise, "\""));
        continue;
      }
      if (std::find(named.begin(), named.end(), std::pair{f.day, f.exercise}) != named.end()) {
        problems.Add(at, "duplicate",
                     absl::StrCat("\"", f.exercise, "\" on day ", f.day, " already has feedback"));
        continue;
      }
      named.emplace_back(f.day, f.exercise);
    }
  }
  // What happened must name catalog items: it is scored and counted.
  for (int d = 0; d < from_day; ++d) {
    for (std::size_t i = 0; i < plan.days[d].items.size(); ++i) {
      if (!catalog_->IndexOf(plan.days[d].items[i].exercise)) {
        problems.Add(absl::StrCat("plan.days[", d, "].items[", i, "].exercise"), "unknown_exercise",
                     absl::StrCat("\"", plan.days[d].items[i].exercise,
                                  "\" is not in the catalog; a day that happened is counted "
                                  "and scored"));
      }
    }
  }
  if (!problems.empty()) return problems.ToStatus();
  if (from_day == 0) return PlanWeek(profile);  // nothing happened: a fresh plan

  absl::StatusOr<WeekContext> context = BuildWeekContext(*catalog_, profile, options_);
  if (!context.ok()) return context.status();
  WeekContext& ctx = *context;
  SolverInfo solver;
  solver.backend = "heuristic";  // the remaining days are searched (docs/plan-model.md)
  solver.seed = profile.seed;
  if (ctx.refer) {
    return internal::BuildPlan(*catalog_, ctx, options_, PlanStatus::kRefer, {}, solver);
  }

  // The days that happened: without feedback, as planned; with it, the completed uses.
  const auto completed = [&](int d, const std::string& id) {
    if (!feedback) return true;
    return std::any_of(feedback->begin(), feedback->end(), [&](const Feedback& f) {
      return f.day == d && f.exercise == id && f.completed;
    });
  };
  Plan happened_plan;
  internal::SearchWeek happened;
  ctx.happened_days_of.assign(catalog_->size(), 0);
  for (int d = 0; d < from_day; ++d) {
    for (const PlanItem& item : plan.days[d].items) {
      if (!completed(d, item.exercise)) continue;
      happened_plan.days[d].items.push_back(item);  // keeps its dose and notes
      const int e = *catalog_->IndexOf(item.exercise);
      const bool first_today =
          std::none_of(happened.days[d].begin(), happened.days[d].end(),
                       [e](const internal::Use& u) { return u.exercise == e; });
      happened.days[d].push_back({e, item.phase, item.minutes});
      ctx.happened_minutes += item.minutes;
      ctx.happened_days_of[e] += first_today;
    }
    ctx.happened_training_days += !happened.days[d].empty();
    const auto& day = happened.days[d];
    ctx.happened_high_days += std::any_of(day.begin(), day.end(), [&](const internal::Use& u) {
      return catalog_->compiled().exercises[u.exercise].impact == Impact::kHigh;
    });
  }
  ctx.from_day = from_day;
  // Pain mid-week: an item reported worse, or sore over the limit, on a day that happened
  // is not planned again this week; soreness raises see_professional (section 8).
  if (feedback) {
    for (const Feedback& f : *feedback) {
      const bool sore = f.soreness_hours > options_.soreness_limit_hours;
      if (sore) ctx.see_professional = true;
      if (f.pain_after != PainAfter::kWorse && !sore) continue;
      const int e = *catalog_->IndexOf(f.exercise);
      if (ctx.eligible[e]) {
        ctx.eligible[e] = 0;
        ctx.exclusion[e] = "worsened";
      }
    }
  }

  const internal::WeekRules rules(*catalog_, ctx, options_);
  internal::SearchWeek week = happened;
  if (from_day < kDaysPerWeek) {
    internal::Feasibility feasibility =
        internal::AnalyseFeasibility(rules, /*node_budget=*/5'000'000, &happened);
    if (auto early = internal::PlanUnlessFeasible(*catalog_, ctx, options_, solver, feasibility)) {
      return *std::move(early);
    }
    std::optional<absl::Time> deadline;
    if (options_.time_limit_seconds) {
      deadline = absl::Now() + absl::Seconds(*options_.time_limit_seconds);
    }
    // The week as planned, when it keeps every rule with what happened, is where the
    // search starts: the climb only improves, so a replan is never worse than going on.
    internal::SearchWeek planned = happened;
    bool known = true;
    for (int d = from_day; d < kDaysPerWeek; ++d) {
      for (const PlanItem& item : plan.days[d].items) {
        const std::optional<int> e = catalog_->IndexOf(item.exercise);
        if (!e) known = false;
        if (e) planned.days[d].push_back({*e, item.phase, item.minutes});
      }
    }
    const internal::SearchWeek& start = known && rules.Valid(planned) ? planned : feasibility.week;
    internal::SearchResult search =
        internal::SearchBestWeek(rules, start, profile.seed, options_.search_iterations, deadline);
    solver.cut_short = search.cut_short;
    week = rules.Valid(search.week) ? search.week : feasibility.week;
    if (!rules.Valid(week)) {
      return absl::InternalError("replan: internal: the replanned week breaks a rule");
    }
  }
  Plan result = internal::BuildPlan(*catalog_, ctx, options_, PlanStatus::kOk, week, solver);
  // The days that happened read as they were given (their doses, notes and order).
  for (int d = 0; d < from_day; ++d) {
    result.days[d].items = happened_plan.days[d].items;
    int minutes = 0;
    for (const PlanItem& item : result.days[d].items) minutes += item.minutes;
    result.days[d].minutes = minutes;
  }
  return result;
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory replanning a week");
}

}  // namespace backbalance
