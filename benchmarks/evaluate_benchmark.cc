// Evaluate alone on a planned week of each example profile: the cost floor of checking
// one week from scratch (hard rules and every score term). The search itself scores its
// moves incrementally (src/solver/week_state.h), far below this.
#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "bench_inputs.h"
#include "benchmark/benchmark.h"

namespace backbalance::bench {
namespace {

void BM_Evaluate(benchmark::State& state) {
  const std::shared_ptr<const Catalog> catalog = Catalog::Builtin();
  const Planner planner = *Planner::Create(catalog);
  const NamedProfile& input = ExampleProfiles()[static_cast<std::size_t>(state.range(0))];
  const Plan plan = *planner.PlanWeek(input.profile);
  state.SetLabel(input.name);
  for (auto _ : state) {
    absl::StatusOr<Evaluation> evaluation = Evaluate(*catalog, input.profile, plan);
    benchmark::DoNotOptimize(evaluation);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Evaluate)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace backbalance::bench
