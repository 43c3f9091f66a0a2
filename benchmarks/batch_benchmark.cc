// Planner::PlanBatch of 1000 generated profiles on 1 and 2 threads, at the default
// quality and at `fast` (where the planning is cheapest and sharing shows most): the
// scaling ratio is the 1-thread wall-clock time over the 2-thread one. The CPU column is
// the whole process's CPU time (both threads), so that on a shared machine a 2-thread
// run that got less than two cores shows as wall time well above CPU time / 2.
// $BACKBALANCE_BENCH_COHORT overrides the cohort size (the CI smoke run uses a small one).
#include <algorithm>
#include <cstdlib>

#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/planner.h"
#include "bench_inputs.h"
#include "benchmark/benchmark.h"

namespace backbalance::bench {
namespace {

void BM_PlanBatch(benchmark::State& state, const char* quality) {
  static const std::vector<Profile> cohort = [] {
    const char* size = std::getenv("BACKBALANCE_BENCH_COHORT");
    return GeneratedProfiles(size != nullptr ? std::max(1, std::atoi(size)) : 1000);
  }();
  PlannerOptions options;
  options.quality = quality;
  const Planner planner = *Planner::Create(Catalog::Builtin(), options);
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    std::vector<absl::StatusOr<Plan>> plans = planner.PlanBatch(cohort, threads);
    benchmark::DoNotOptimize(plans);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(cohort.size()));
}
BENCHMARK_CAPTURE(BM_PlanBatch, default, "default")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanBatch, fast, "fast")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace backbalance::bench
