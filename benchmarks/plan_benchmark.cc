// Planning speed on the built-in catalog at the default quality setting: one plan per
// iteration, single-threaded. items_per_second is plans per second; `allocs/plan`
// counts heap allocations per plan (goal: none inside the search loop).
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/planner.h"
#include "bench_inputs.h"
#include "benchmark/benchmark.h"
#include "plan_loop.h"

namespace backbalance::bench {
namespace {

const Planner& DefaultPlanner() {
  static const Planner planner = *Planner::Create(Catalog::Builtin());
  return planner;
}

void PlanOne(benchmark::State& state, const Profile& profile) {
  PlanRepeatedly(state, DefaultPlanner(), profile);
}

// Plans every profile of `cohort` once per iteration, so that each repetition measures the
// whole cohort: one plan an iteration covered only the first few dozen profiles in a
// repetition, and a search that stops at the score's bound makes their cost vary by 20x.
// The time column is per cohort; items_per_second is plans per second.
void PlanCohort(benchmark::State& state, const Planner& planner,
                const std::vector<Profile>& cohort) {
  for (auto _ : state) {
    for (const Profile& profile : cohort) {
      absl::StatusOr<Plan> plan = planner.PlanWeek(profile);
      benchmark::DoNotOptimize(plan);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(cohort.size()));
}

// A cohort of generated profiles: every band, condition and availability style.
void BM_PlanGeneratedProfiles(benchmark::State& state) {
  static const std::vector<Profile> cohort = GeneratedProfiles(200);
  PlanCohort(state, DefaultPlanner(), cohort);
}
BENCHMARK(BM_PlanGeneratedProfiles)->Unit(benchmark::kMillisecond);

// The same cohort at each quality level (the time side of the time/gap curve; the gap
// side is backbalance_quality_curve's).
void BM_PlanGeneratedProfilesAt(benchmark::State& state, const char* quality) {
  static const std::vector<Profile> cohort = GeneratedProfiles(200);
  PlannerOptions options;
  options.quality = quality;
  const Planner planner = *Planner::Create(Catalog::Builtin(), options);
  PlanCohort(state, planner, cohort);
}
BENCHMARK_CAPTURE(BM_PlanGeneratedProfilesAt, fast, "fast")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanGeneratedProfilesAt, default, "default")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanGeneratedProfilesAt, thorough, "thorough")->Unit(benchmark::kMillisecond);

// The thorough desk-worker plan at 0 and 120 search rounds: the difference in
// `allocs/plan` divided by 120 is what one round of the search loop allocates.
void BM_PlanSearchRounds(benchmark::State& state) {
  PlannerOptions options;
  options.quality = "thorough";
  options.search_iterations = state.range(0);
  static const Profile profile = [] {
    for (const NamedProfile& p : ExampleProfiles()) {
      if (p.name == "desk_worker") return p.profile;
    }
    return ExampleProfiles().front().profile;
  }();
  const Planner planner = *Planner::Create(Catalog::Builtin(), options);
  PlanRepeatedly(state, planner, profile);
}
BENCHMARK(BM_PlanSearchRounds)->Arg(0)->Arg(120)->Unit(benchmark::kMillisecond);

const bool registered = [] {
  for (const NamedProfile& p : ExampleProfiles()) {
    benchmark::RegisterBenchmark(("BM_PlanExampleProfile/" + p.name).c_str(),
                                 [&p](benchmark::State& state) { PlanOne(state, p.profile); })
        ->Unit(benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace
}  // namespace backbalance::bench
