#include "bench_inputs.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/profile_json.h"
#include "nlohmann/json.hpp"
#include "testing/profile_generator.h"

namespace backbalance::bench {
namespace {

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "benchmark input: %s\n", what.c_str());
  std::abort();
}

std::string SourcePath(const std::string& path) {
  return path.starts_with("/") ? path : std::string(BKB_SOURCE_DIR) + "/" + path;
}

Profile LoadOrFail(const std::string& path) {
  absl::StatusOr<Profile> profile = LoadProfileFile(path);
  if (!profile.ok()) Fail(std::string(profile.status().message()));
  return *std::move(profile);
}

}  // namespace

std::string ReadSourceFile(const std::string& path) {
  std::ifstream in(SourcePath(path), std::ios::binary);
  if (!in) Fail("cannot read " + SourcePath(path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::vector<NamedProfile>& ExampleProfiles() {
  static const std::vector<NamedProfile> profiles = [] {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(SourcePath("examples/profiles"))) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<NamedProfile> out;
    for (const auto& file : files) out.push_back({file.stem().string(), LoadOrFail(file)});
    if (out.empty()) Fail("no profiles in examples/profiles");
    return out;
  }();
  return profiles;
}

std::vector<Profile> GeneratedProfiles(int count, uint64_t seed) {
  testing::ProfileGenerator generator(*Catalog::Builtin(), seed);
  std::vector<Profile> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) out.push_back(generator.Next());
  return out;
}

const std::vector<GapProfile>& GapProfiles() {
  static const std::vector<GapProfile> profiles = [] {
    const nlohmann::json optima =
        nlohmann::json::parse(ReadSourceFile("tests/golden/gap/optima.json"));
    std::vector<GapProfile> out;
    for (const auto& row : optima) {
      if (!row.value("proven_optimal", false) || !row.contains("optimum")) continue;
      const std::string file = row.at("profile").get<std::string>();
      out.push_back({file.substr(0, file.size() - 5),
                     LoadOrFail(SourcePath("tests/golden/gap/profiles/" + file)),
                     row.at("optimum").get<double>(), true});
    }
    if (out.empty()) Fail("no proven optima in tests/golden/gap/optima.json");
    return out;
  }();
  return profiles;
}

}  // namespace backbalance::bench
