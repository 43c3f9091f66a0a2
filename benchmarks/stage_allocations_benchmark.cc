// Heap allocations per plan by stage: the stages of Planner::PlanWeekWith run one by
// one (context, rules and feasibility, search, plan building with the Evaluate that
// judges and scores the week), with the allocation counter read around each. Counters are
// allocations per plan; `planweek` is Planner::PlanWeek's own count on the same profiles, so that
// the stages can be checked to add up to it. The time is that of the whole loop (a plan's stages
// and one PlanWeek), so read only the counters.
//
// The stages repeat planner.cc's heuristic path; a profile whose week is infeasible or
// referred counts its context (and feasibility) only, as PlanWeek does.
#include <string>
#include <vector>

#include "allocation_counter.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/planner.h"
#include "bench_inputs.h"
#include "benchmark/benchmark.h"
#include "solver/feasibility.h"
#include "solver/heuristic_search.h"
#include "solver/plan_builder.h"
#include "solver/quality.h"
#include "solver/week_context.h"

namespace backbalance::bench {
namespace {

enum Stage { kContext, kFeasibility, kSearch, kBuildPlan, kPlanWeek, kStages };
constexpr const char* kStageNames[kStages] = {"context", "feasibility", "search", "buildplan",
                                              "planweek"};

// One profile's stages; adds each stage's allocations to `counts`.
void CountStages(const Catalog& catalog, const Planner& planner, const PlannerOptions& options,
                 const Profile& profile, uint64_t (&counts)[kStages]) {
  uint64_t mark = AllocationCount();
  const auto lap = [&](Stage stage) {
    const uint64_t now = AllocationCount();
    counts[stage] += now - mark;
    mark = now;
  };
  absl::StatusOr<WeekContext> ctx = BuildWeekContext(catalog, profile, options);
  lap(kContext);
  if (ctx.ok() && !ctx->refer) {
    const internal::WeekRules rules(catalog, *ctx, options);
    internal::Feasibility feasibility = internal::AnalyseFeasibility(rules);
    lap(kFeasibility);
    if (feasibility.verdict == internal::Feasibility::Verdict::kFeasible) {
      internal::SearchResult search = internal::SearchBestWeek(
          rules, feasibility.week, profile.seed, internal::SettingsFor(options), std::nullopt);
      lap(kSearch);
      benchmark::DoNotOptimize(
          internal::BuildValidPlan(catalog, *ctx, options, search.week, SolverInfo{}));
      lap(kBuildPlan);
    }
  }
  mark = AllocationCount();
  benchmark::DoNotOptimize(planner.PlanWeek(profile));
  lap(kPlanWeek);
}

void RunStages(benchmark::State& state, const char* quality, const std::vector<Profile>& profiles) {
  PlannerOptions options;
  options.quality = quality;
  const std::shared_ptr<const Catalog> catalog = Catalog::Builtin();
  const Planner planner = *Planner::Create(catalog, options);
  uint64_t counts[kStages] = {};
  std::size_t next = 0;
  for (auto _ : state) {
    CountStages(*catalog, planner, options, profiles[next], counts);
    next = (next + 1) % profiles.size();
  }
  for (int s = 0; s < kStages; ++s) {
    state.counters[kStageNames[s]] = benchmark::Counter(static_cast<double>(counts[s]) /
                                                        static_cast<double>(state.iterations()));
  }
}

const Profile& DeskWorker() {
  static const Profile profile = [] {
    for (const NamedProfile& p : ExampleProfiles()) {
      if (p.name == "desk_worker") return p.profile;
    }
    return ExampleProfiles().front().profile;
  }();
  return profile;
}

// BM_PlanStageAllocations/{desk_worker,generated}/{fast,default,thorough}; the
// generated cohort (200 profiles, one per iteration) gives the mean over profiles.
const bool registered = [] {
  for (const bool cohort : {false, true}) {
    for (const char* quality : {"fast", "default", "thorough"}) {
      const std::string name = std::string("BM_PlanStageAllocations/") +
                               (cohort ? "generated/" : "desk_worker/") + quality;
      benchmark::RegisterBenchmark(name.c_str(), [cohort, quality](benchmark::State& state) {
        static const std::vector<Profile> generated = GeneratedProfiles(200);
        static const std::vector<Profile> desk_worker = {DeskWorker()};
        RunStages(state, quality, cohort ? generated : desk_worker);
      })->Unit(benchmark::kMillisecond);
    }
  }
  return true;
}();

}  // namespace
}  // namespace backbalance::bench
