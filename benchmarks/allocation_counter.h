// File: benchmarks/allocation_counter.h
//
// Counts heap allocations made through global operator new in the benchmark program
// (allocation_counter.cc replaces it), so that benchmarks can report allocations per
// plan. The count is process-wide and relaxed: read it around single-threaded work.
#ifndef BACKBALANCE_BENCHMARKS_ALLOCATION_COUNTER_H_
#define BACKBALANCE_BENCHMARKS_ALLOCATION_COUNTER_H_

#include <cstdint>

namespace backbalance::bench {

uint64_t AllocationCount();

}  // namespace backbalance::bench

#endif  // BACKBALANCE_BENCHMARKS_ALLOCATION_COUNTER_H_
