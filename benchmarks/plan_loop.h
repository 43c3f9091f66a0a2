// File: benchmarks/plan_loop.h
//
// The timed loop every planning benchmark shares: PlanWeek once per iteration; an error
// stops the benchmark with its message; items_per_second is plans per second and
// `allocs/plan` the heap allocations per plan.
#ifndef BACKBALANCE_BENCHMARKS_PLAN_LOOP_H_
#define BACKBALANCE_BENCHMARKS_PLAN_LOOP_H_

#include "backbalance/model/profile.h"
#include "backbalance/solver/planner.h"
#include "benchmark/benchmark.h"

namespace backbalance::bench {

void PlanRepeatedly(benchmark::State& state, const Planner& planner, const Profile& profile);

}  // namespace backbalance::bench

#endif  // BACKBALANCE_BENCHMARKS_PLAN_LOOP_H_
