// Planning on a deterministic synthetic catalog of 10,000 exercises (synthetic_catalog.h):
// how the planner's cost grows with the catalog, for each example profile.
#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/planner.h"
#include "bench_inputs.h"
#include "benchmark/benchmark.h"
#include "plan_loop.h"
#include "testing/synthetic_catalog.h"

namespace backbalance::bench {
namespace {

const Planner& LargePlanner() {
  static const Planner planner =
      *Planner::Create(*Catalog::Create(testing::SyntheticExercises(10000)));
  return planner;
}

void PlanOnLargeCatalog(benchmark::State& state, const Profile& profile) {
  PlanRepeatedly(state, LargePlanner(), profile);
}

const bool registered = [] {
  for (const NamedProfile& p : ExampleProfiles()) {
    benchmark::RegisterBenchmark(
        ("BM_PlanLargeCatalog/" + p.name).c_str(),
        [&p](benchmark::State& state) { PlanOnLargeCatalog(state, p.profile); })
        ->Unit(benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace
}  // namespace backbalance::bench
