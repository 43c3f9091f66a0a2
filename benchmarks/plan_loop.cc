#include "plan_loop.h"

#include <string>

#include "allocation_counter.h"

namespace backbalance::bench {

void PlanRepeatedly(benchmark::State& state, const Planner& planner, const Profile& profile) {
  const uint64_t before = AllocationCount();
  for (auto _ : state) {
    absl::StatusOr<Plan> plan = planner.PlanWeek(profile);
    if (!plan.ok()) {
      state.SkipWithError(std::string(plan.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(plan->score);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["allocs/plan"] = benchmark::Counter(
      static_cast<double>(AllocationCount() - before) / static_cast<double>(state.iterations()));
}

}  // namespace backbalance::bench
