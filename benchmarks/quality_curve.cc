// The time/gap curve of the heuristic's quality levels (docs/performance.md):
//
//   backbalance_quality_curve [--quality fast|default|thorough] [--rounds N] [--gap-tolerance F]
//                             [--cohort N] [--cohort-seed S] [--reference thorough|none]
//                             [--scores FILE] [--list]
//   backbalance_quality_curve --profile FILE [--quality ...] [--rounds N] [--gap-tolerance F]
//   backbalance_quality_curve --write-cohort FILE [--cohort N]
//
// For one quality level: the gap to the committed optima of every gap profile
// (tests/golden/gap/optima.json, proven or best known), and the CPU time per plan over
// the gap set and over a generated cohort (seed 2026, the benchmarks' cohort, unless
// --cohort-seed; a second seed checks that a setting was not fitted to one cohort). With
// --reference, the cohort is also planned at that level and each plan's score deficit
// to it is reported: a check of the level on profiles no optimum was computed for.
// Figures, not assertions: tests assert no timings. With --profile, one plan of that
// profile and nothing else: what callgrind measures in docs/performance.md. With
// --write-cohort, the cohort as JSON Lines (one profile document a line): the input of
// the plan-batch timing. With --scores, the cohort's scores, one a line (nan where not
// ok): several settings compared against one reference run without replanning it. The
// cohort line is followed by how its time spreads over the plans (median, 90th
// percentile, the share of the slowest tenth and quarter).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/planner.h"
#include "bench_inputs.h"
#include "nlohmann/json.hpp"

namespace backbalance::bench {
namespace {

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// How the cohort's time spreads over its plans: a mean far above the median means a few
// plans (searches that never come near their bound) hold most of it.
void PrintTimeSpread(std::vector<double> seconds) {
  if (seconds.empty()) return;
  std::sort(seconds.begin(), seconds.end());
  double total = 0;
  for (const double s : seconds) total += s;
  const auto at = [&](double q) {
    return seconds[std::min(seconds.size() - 1, static_cast<std::size_t>(q * seconds.size()))];
  };
  const auto share_of_slowest = [&](double fraction) {
    const auto first = seconds.size() - static_cast<std::size_t>(fraction * seconds.size());
    double part = 0;
    for (std::size_t i = first; i < seconds.size(); ++i) part += seconds[i];
    return 100 * part / std::max(total, 1e-12);
  };
  std::printf(
      "  per plan: median %.3f ms, 90th percentile %.3f ms, most %.3f ms; the slowest tenth "
      "of the plans takes %.0f %% of the time, the slowest quarter %.0f %%\n",
      1000 * at(0.5), 1000 * at(0.9), 1000 * seconds.back(), share_of_slowest(0.1),
      share_of_slowest(0.25));
}

struct Level {
  std::string quality = "default";
  long rounds = -1;                     // -1: the level's own
  std::optional<double> gap_tolerance;  // unset: the level's own
};

Planner MakePlanner(const Level& level) {
  PlannerOptions options;
  options.quality = level.quality;
  if (level.rounds >= 0) options.search_iterations = level.rounds;
  options.gap_tolerance = level.gap_tolerance;
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), options);
  if (!planner.ok()) {
    std::fprintf(stderr, "%s\n", std::string(planner.status().message()).c_str());
    std::exit(2);
  }
  return *std::move(planner);
}

int Main(int argc, char** argv) {
  Level level;
  Level reference{"thorough", -1, std::nullopt};
  bool use_reference = false, list = false;
  std::string single, write_cohort;
  int cohort_size = 1000;
  uint64_t cohort_seed = 2026;
  std::string scores_file;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s: needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--quality") {
      level.quality = value();
    } else if (arg == "--gap-tolerance") {
      level.gap_tolerance = std::stod(value());
    } else if (arg == "--rounds") {
      level.rounds = std::stol(value());
    } else if (arg == "--cohort") {
      cohort_size = std::stoi(value());
    } else if (arg == "--cohort-seed") {
      cohort_seed = std::stoull(value());
    } else if (arg == "--scores") {
      scores_file = value();
    } else if (arg == "--reference") {
      const std::string r = value();
      use_reference = r != "none";
      reference.quality = r;
    } else if (arg == "--write-cohort") {
      write_cohort = value();
    } else if (arg == "--profile") {
      single = value();
    } else if (arg == "--list") {
      list = true;
    } else {
      std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
      return 2;
    }
  }
  if (!write_cohort.empty()) {
    std::FILE* out = std::fopen(write_cohort.c_str(), "w");
    if (out == nullptr) return 1;
    for (const Profile& profile : GeneratedProfiles(cohort_size, cohort_seed)) {
      const std::string line = nlohmann::json::parse(SaveProfile(profile)).dump();
      std::fprintf(out, "%s\n", line.c_str());
    }
    return std::fclose(out) == 0 ? 0 : 1;
  }
  const Planner planner = MakePlanner(level);
  if (!single.empty()) {
    const absl::StatusOr<Profile> profile = LoadProfileFile(single);
    const absl::StatusOr<Plan> plan =
        profile.ok() ? planner.PlanWeek(*profile) : absl::StatusOr<Plan>(profile.status());
    if (!plan.ok()) return 1;
    std::printf("%s: status %d, score %.4f\n", single.c_str(), static_cast<int>(plan->status),
                plan->score.value_or(0));
    return 0;
  }

  // The gap set: every profile with a committed optimum.
  const nlohmann::json optima =
      nlohmann::json::parse(ReadSourceFile("tests/golden/gap/optima.json"));
  double sum = 0, worst = 0, seconds = 0;
  int count = 0, invalid = 0;
  std::string worst_name;
  for (const auto& row : optima) {
    if (!row.contains("optimum")) continue;
    const std::string file = row.at("profile").get<std::string>();
    const Profile profile =
        *LoadProfileFile(std::string(BKB_SOURCE_DIR) + "/tests/golden/gap/profiles/" + file);
    const double start = CpuSeconds();
    const absl::StatusOr<Plan> plan = planner.PlanWeek(profile);
    seconds += CpuSeconds() - start;
    if (!plan.ok() || !plan->score) {
      ++invalid;
      continue;
    }
    const double optimum = row.at("optimum").get<double>();
    const double gap = std::max(0.0, (optimum - *plan->score) / std::abs(optimum));
    if (list) std::printf("  %-48s %7.3f%%\n", file.c_str(), 100 * gap);
    sum += gap;
    if (gap > worst) worst_name = file;
    worst = std::max(worst, gap);
    ++count;
  }
  std::printf(
      "quality %s rounds %ld: gap set %d profiles: mean %.3f%%, worst %.3f%% (%s), "
      "%.3f ms/plan, %d not ok\n",
      level.quality.c_str(), level.rounds, count, 100 * sum / std::max(count, 1), 100 * worst,
      worst_name.c_str(), 1000 * seconds / std::max(count, 1), invalid);

  // The generated cohort.
  const std::vector<Profile> cohort = GeneratedProfiles(cohort_size, cohort_seed);
  std::vector<double> scores(cohort.size(), std::nan(""));
  std::vector<double> plan_seconds(cohort.size(), 0);
  double cohort_seconds = 0;
  for (std::size_t i = 0; i < cohort.size(); ++i) {
    const double start = CpuSeconds();
    const absl::StatusOr<Plan> plan = planner.PlanWeek(cohort[i]);
    plan_seconds[i] = CpuSeconds() - start;
    cohort_seconds += plan_seconds[i];
    if (plan.ok() && plan->score) scores[i] = *plan->score;
  }
  if (!scores_file.empty()) {
    std::FILE* out = std::fopen(scores_file.c_str(), "w");
    if (out == nullptr) return 1;
    for (const double score : scores) std::fprintf(out, "%.6f\n", score);
    if (std::fclose(out) != 0) return 1;
  }
  std::printf("cohort of %d (seed %llu): %.3f ms/plan, %.0f plans/s\n", cohort_size,
              static_cast<unsigned long long>(cohort_seed),
              1000 * cohort_seconds / std::max<std::size_t>(cohort.size(), 1),
              cohort.size() / std::max(cohort_seconds, 1e-9));
  PrintTimeSpread(plan_seconds);
  if (!use_reference) return 0;
  const Planner ref = MakePlanner(reference);
  double deficit_sum = 0, deficit_worst = 0;
  int compared = 0, better = 0, worse = 0;
  for (std::size_t i = 0; i < cohort.size(); ++i) {
    const absl::StatusOr<Plan> plan = ref.PlanWeek(cohort[i]);
    if (!plan.ok() || !plan->score || std::isnan(scores[i])) continue;
    const double deficit = (*plan->score - scores[i]) / std::max(1.0, std::abs(*plan->score));
    better += deficit < -1e-9;
    worse += deficit > 1e-9;
    deficit_sum += std::max(0.0, deficit);
    deficit_worst = std::max(deficit_worst, deficit);
    ++compared;
  }
  std::printf(
      "against %s on %d ok plans: mean deficit %.3f%%, worst %.3f%%, better on %d, "
      "worse on %d\n",
      reference.quality.c_str(), compared, 100 * deficit_sum / std::max(compared, 1),
      100 * deficit_worst, better, worse);
  return 0;
}

}  // namespace
}  // namespace backbalance::bench

int main(int argc, char** argv) { return backbalance::bench::Main(argc, argv); }
