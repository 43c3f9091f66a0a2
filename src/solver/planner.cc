#include "backbalance/solver/planner.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>
#include <utility>

#include "backbalance/model/problem.h"
#include "backbalance/solver/evaluate.h"
#include "internal/format.h"
#include "internal/hash_containers.h"
#include "internal/status_macros.h"
#include "solver/cbc_exact_planner.h"
#include "solver/feasibility.h"
#include "solver/heuristic_search.h"
#include "solver/plan_builder.h"
#include "solver/quality.h"
#include "solver/search_week.h"
#include "solver/week_context.h"

namespace backbalance {

namespace {

// The exact backend's week: the MILP of the same model on CBC, warm-started from the
// feasibility week (AnalyseFeasibility stays the judge of infeasible, Evaluate the judge
// of valid). Under a time limit CBC may stop with a weak incumbent, so the heuristic
// searches first, within the same limit, and its week is kept when it scores higher:
// the exact backend never returns less than the heuristic would.
absl::StatusOr<Plan> PlanExactWeek(const Catalog& catalog, const WeekContext& ctx,
                                   const PlannerOptions& options, const internal::WeekRules& rules,
                                   const internal::SearchWeek& feasible, uint64_t seed,
                                   SolverInfo solver, std::mutex& cbc_mutex) {
  std::optional<internal::SearchResult> search;
  std::optional<double> cbc_seconds;
  if (options.time_limit_seconds) {
    const absl::Time start = absl::Now();
    const absl::Time deadline = start + absl::Seconds(*options.time_limit_seconds);
    search = internal::SearchBestWeek(rules, feasible, seed, options.search_iterations, deadline);
    // CBC gets what is left (a millisecond at least, to hand back its warm start).
    cbc_seconds = std::max(0.001, absl::ToDoubleSeconds(deadline - absl::Now()));
  }
  absl::StatusOr<internal::ExactResult> exact =
      internal::SolveExact(rules, cbc_seconds, &feasible, cbc_mutex);
  if (!exact.ok()) return exact.status();  // kUnimplemented in a build without CBC
  solver.cut_short = exact->time_limit_reached || (search && search->cut_short);

  const bool solved = exact->outcome == internal::ExactResult::Outcome::kOptimal ||
                      exact->outcome == internal::ExactResult::Outcome::kFeasible;
  const internal::SearchWeek* week = &feasible;
  solver.proven_optimal = false;
  if (solved) {
    week = &exact->week;
    solver.proven_optimal = exact->proven_optimal;
    solver.gap = exact->gap;
  }
  if (search && !(solved && exact->proven_optimal)) {
    const double searched = rules.Score(search->week);
    if (!solved || searched > exact->objective) {
      week = &search->week;
      if (solved) {  // the gap of the searched week to CBC's bound
        solver.gap =
            std::max(0.0, exact->best_bound - searched) / std::max(1.0, std::abs(searched));
      }
    }
  }
  // Evaluate is the judge: a week it finds invalid is never returned as ok.
  if (std::optional<Plan> plan = internal::BuildValidPlan(catalog, ctx, options, *week, solver)) {
    return *std::move(plan);
  }
  solver.proven_optimal = false;  // the feasibility week, with nothing proven
  solver.gap.reset();
  if (std::optional<Plan> plan =
          internal::BuildValidPlan(catalog, ctx, options, feasible, solver)) {
    return *std::move(plan);
  }
  return absl::InternalError("planner: internal: the exact week failed evaluation");
}

}  // namespace

absl::StatusOr<Planner> Planner::Create(std::shared_ptr<const Catalog> catalog,
                                        PlannerOptions options) {
  if (catalog == nullptr) return absl::InvalidArgumentError("catalog: required: is null");
  if (absl::Status s = ValidateOptions(options); !s.ok()) return s;
  return Planner(std::move(catalog), std::move(options), std::make_shared<std::mutex>());
}

// Out of memory is answered, never thrown (docs/errors.md): a function-try-block per entry.
absl::StatusOr<Plan> Planner::PlanWeek(const Profile& profile) const {
  return PlanWeekWith(profile, {});
}

absl::StatusOr<Plan> Planner::PlanWeekWith(const Profile& profile,
                                           const WeekOverrides& overrides) const try {
  BKB_ASSIGN_OR_RETURN(const WeekContext ctx,
                       BuildWeekContext(*catalog_, profile, options_, overrides));
  SolverInfo solver;
  solver.backend = options_.backend;
  solver.seed = profile.seed;
  if (ctx.refer) {
    return internal::BuildPlan(*catalog_, ctx, options_, PlanStatus::kRefer, {}, solver);
  }

  const internal::WeekRules rules(*catalog_, ctx, options_);
  internal::Feasibility feasibility = internal::AnalyseFeasibility(rules);
  if (auto early = internal::PlanUnlessFeasible(*catalog_, ctx, options_, solver, feasibility)) {
    return *std::move(early);
  }

  if (options_.backend == "exact") {
    return PlanExactWeek(*catalog_, ctx, options_, rules, feasibility.week, profile.seed, solver,
                         *cbc_mutex_);
  }

  std::optional<absl::Time> deadline;
  if (options_.time_limit_seconds) {
    deadline = absl::Now() + absl::Seconds(*options_.time_limit_seconds);
  }
  internal::SearchResult search = internal::SearchBestWeek(
      rules, feasibility.week, profile.seed, internal::SettingsFor(options_), deadline);
  solver.cut_short = search.cut_short;

  // Evaluate is the judge: a week it finds invalid is never returned as ok.
  for (const internal::SearchWeek* week : {&search.week, &feasibility.week}) {
    if (std::optional<Plan> plan =
            internal::BuildValidPlan(*catalog_, ctx, options_, *week, solver)) {
      return *std::move(plan);
    }
  }
  return absl::InternalError("planner: internal: the searched week failed evaluation");
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory planning a week");
}

absl::StatusOr<Evaluation> Planner::Evaluate(const Profile& profile, const Plan& plan) const {
  return backbalance::Evaluate(*catalog_, profile, plan, options_);
}

absl::StatusOr<NextWeekPlan> Planner::NextWeek(const Profile& profile, const Plan& plan,
                                               const std::vector<Feedback>& feedback) const try {
  ProblemList problems;
  internal::HashSet<std::pair<int, std::string>> uses, named;
  for (const PlanDay& day : plan.days) {
    for (const PlanItem& item : day.items) uses.insert({day.day, item.exercise});
  }
  for (std::size_t i = 0; i < feedback.size(); ++i) {
    const Feedback& f = feedback[i];
    const std::string path = internal::Format("history.feedback[%d]", i);
    if (!uses.contains(std::make_pair(f.day, f.exercise))) {
      problems.Add(path, "unknown_use",
                   internal::Format("the plan holds no \"%s\" on day %d", f.exercise, f.day));
    } else if (!named.insert({f.day, f.exercise}).second) {
      problems.Add(path, "duplicate",
                   internal::Format("\"%s\" on day %d already has feedback", f.exercise, f.day));
    }
  }
  if (!problems.empty()) return problems.ToStatus();
  NextWeekPlan next;
  next.profile = profile;
  next.profile.history = History{plan, feedback};
  BKB_ASSIGN_OR_RETURN(next.plan, PlanWeek(next.profile));
  return next;
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory planning next week");
}

std::vector<absl::StatusOr<Plan>> Planner::PlanBatch(const std::vector<Profile>& profiles,
                                                     int threads) const {
  std::vector<absl::StatusOr<Plan>> results(profiles.size());
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads =
      static_cast<int>(std::min<std::size_t>(threads, std::max<std::size_t>(1, profiles.size())));
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < profiles.size(); i = next++)
      results[i] = PlanWeek(profiles[i]);
  };
  if (threads == 1) {
    work();
    return results;
  }
  std::vector<std::thread> pool;
  pool.reserve(threads);
  // A thread the system refuses to start (std::system_error) is no failure of the batch:
  // the threads already running, and this one, share the work; the results are the same.
  try {
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::system_error&) {
  }
  work();
  for (std::thread& t : pool) t.join();
  return results;
}

}  // namespace backbalance
