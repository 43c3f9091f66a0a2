// Planner::PlanBatch of 1000 generated profiles on 1 and 2 threads (wall-clock time):
// the scaling ratio is the 1-thread time over the 2-thread time.
// $BACKBALANCE_BENCH_COHORT overrides the cohort size (the CI smoke run uses a small one).
#include <algorithm>
#include <cstdlib>

#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/planner.h"
#include "bench_inputs.h"
#include "benchmark/benchmark.h"

namespace backbalance::bench {
namespace {

void BM_PlanBatch(benchmark::State& state) {
  static const std::vector<Profile> cohort = [] {
    const char* size = std::getenv("BACKBALANCE_BENCH_COHORT");
    return GeneratedProfiles(size != nullptr ? std::max(1, std::atoi(size)) : 1000);
  }();
  static const Planner planner = *Planner::Create(Catalog::Builtin());
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    std::vector<absl::StatusOr<Plan>> plans = planner.PlanBatch(cohort, threads);
    benchmark::DoNotOptimize(plans);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(cohort.size()));
}
BENCHMARK(BM_PlanBatch)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace backbalance::bench
