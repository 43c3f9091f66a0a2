// Catalog load and compile from JSON text: parse, validate every record, build the
// constraint graph and the compiled form. `compiled_bytes` is the compiled catalog's
// footprint (its heap bytes plus the struct).
#include <cstdlib>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/catalog_json.h"
#include "bench_inputs.h"
#include "benchmark/benchmark.h"
#include "catalog/compiled_catalog.h"
#include "testing/synthetic_catalog.h"

namespace backbalance::bench {
namespace {

void LoadAndCompile(benchmark::State& state, const std::string& json) {
  std::size_t exercises = 0;
  std::size_t compiled_bytes = 0;
  for (auto _ : state) {
    absl::StatusOr<std::shared_ptr<const Catalog>> catalog = LoadCatalog(json);
    if (!catalog.ok()) {
      state.SkipWithError(std::string(catalog.status().message()).c_str());
      return;
    }
    exercises = (*catalog)->size();
    compiled_bytes = (*catalog)->compiled().HeapBytes() + sizeof(CompiledCatalog);
  }
  state.counters["exercises"] = static_cast<double>(exercises);
  state.counters["compiled_bytes"] = static_cast<double>(compiled_bytes);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(json.size()));
}

void BM_LoadCatalog_Builtin(benchmark::State& state) {
  static const std::string json = SaveCatalog(*Catalog::Builtin());
  LoadAndCompile(state, json);
}
BENCHMARK(BM_LoadCatalog_Builtin)->Unit(benchmark::kMillisecond);

void BM_LoadCatalog_Synthetic(benchmark::State& state) {
  const std::string json =
      CanonicalCatalogJson(testing::SyntheticExercises(static_cast<int>(state.range(0))), {});
  LoadAndCompile(state, json);
}
BENCHMARK(BM_LoadCatalog_Synthetic)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// A catalog file named by $BACKBALANCE_BENCH_EXTRA_CATALOG (scripts/bench passes the
// free-exercise-db import there).
const bool extra_registered = [] {
  const char* path = std::getenv("BACKBALANCE_BENCH_EXTRA_CATALOG");
  if (path == nullptr) return false;
  benchmark::RegisterBenchmark("BM_LoadCatalog_File", [path](benchmark::State& state) {
    static const std::string json = ReadSourceFile(path);
    LoadAndCompile(state, json);
  })->Unit(benchmark::kMillisecond);
  return true;
}();

}  // namespace
}  // namespace backbalance::bench
