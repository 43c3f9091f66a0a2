// The heuristic and the exact CBC backend side by side on the gap profiles (those whose
// optimum tests/golden/gap/optima.json records as proven), in one run. Each reports its
// score and `gap_percent`, the distance to the committed optimum; scripts/bench divides
// the times into the speed ratio. CBC's time limit per solve is
// $BACKBALANCE_BENCH_EXACT_TIME_LIMIT seconds (default 120; the CI smoke run sets it low).
#include <cmath>
#include <cstdlib>
#include <string>

#include "backbalance/catalog/catalog.h"
#include "backbalance/solver/planner.h"
#include "bench_inputs.h"
#include "benchmark/benchmark.h"

namespace backbalance::bench {
namespace {

double ExactTimeLimit() {
  const char* text = std::getenv("BACKBALANCE_BENCH_EXACT_TIME_LIMIT");
  return text != nullptr ? std::atof(text) : 120.0;
}

void PlanGapProfile(benchmark::State& state, const GapProfile& input, const char* backend) {
  PlannerOptions options;
  options.backend = backend;
  if (options.backend == "exact") options.time_limit_seconds = ExactTimeLimit();
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), options);
  if (!planner.ok()) {
    state.SkipWithError(std::string(planner.status().message()).c_str());
    return;
  }
  double score = 0;
  for (auto _ : state) {
    absl::StatusOr<Plan> plan = planner->PlanWeek(input.profile);
    if (!plan.ok()) {
      state.SkipWithError(std::string(plan.status().message()).c_str());
      return;
    }
    score = plan->score.value_or(0);
  }
  state.counters["score"] = score;
  state.counters["gap_percent"] =
      100 * std::max(0.0, input.optimum - score) / std::max(1.0, std::abs(input.optimum));
}

const bool registered = [] {
  for (const GapProfile& p : GapProfiles()) {
    benchmark::RegisterBenchmark(
        ("BM_GapProfile/heuristic/" + p.name).c_str(),
        [&p](benchmark::State& state) { PlanGapProfile(state, p, "heuristic"); })
        ->Unit(benchmark::kMillisecond);
#ifdef BACKBALANCE_WITH_CBC
    // One solve each: CBC's proofs take seconds to minutes.
    benchmark::RegisterBenchmark(
        ("BM_GapProfile/exact/" + p.name).c_str(),
        [&p](benchmark::State& state) { PlanGapProfile(state, p, "exact"); })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1);
#endif
  }
  return true;
}();

}  // namespace
}  // namespace backbalance::bench
