// File: benchmarks/bench_inputs.h
//
// The inputs every benchmark shares: the example profiles (examples/profiles), a
// seeded cohort of generated profiles, the gap profiles with their committed optima
// (tests/golden/gap), and catalog documents as JSON text. Loaded once per process;
// a missing input aborts with a message, since a benchmark without it measures nothing.
#ifndef BACKBALANCE_BENCHMARKS_BENCH_INPUTS_H_
#define BACKBALANCE_BENCHMARKS_BENCH_INPUTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "backbalance/model/profile.h"

namespace backbalance::bench {

struct NamedProfile {
  std::string name;  // file name without .json
  Profile profile;
};

struct GapProfile {
  std::string name;
  Profile profile;
  double optimum = 0;
  bool proven_optimal = false;
};

const std::vector<NamedProfile>& ExampleProfiles();
// `count` profiles from tests/testing/profile_generator.h, seed 2026, on the built-in catalog.
std::vector<Profile> GeneratedProfiles(int count, uint64_t seed = 2026);
// The gap profiles whose optimum is proven.
const std::vector<GapProfile>& GapProfiles();

// The text of a file below the source tree (or an absolute path); aborts if unreadable.
std::string ReadSourceFile(const std::string& path);

}  // namespace backbalance::bench

#endif  // BACKBALANCE_BENCHMARKS_BENCH_INPUTS_H_
