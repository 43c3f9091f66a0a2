// exact_reference: computes the reference data that tests compare the heuristic with,
// using the exact CBC backend, so that no test ever waits on a CBC proof.
//
//   exact_reference gap DIR SECONDS [--catalog FILE] [--every N --offset K]
//       optima of the profiles in DIR (JSON on stdout), planned with the built-in catalog
//       or FILE's; with --every, only the K-th of every N profiles of DIR's sorted list
//       (K counted from 0), so that other catalogs cost a share of the profiles' CBC time
//   exact_reference infeasible N SECONDS
//       CBC's verdict on the first N generated profiles that the feasibility analysis
//       calls infeasible
//
// scripts/compute_optima runs both and writes tests/golden/gap/*.json and
// tests/golden/gap/catalogs/*.optima.json.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/planner.h"
#include "nlohmann/json.hpp"
#include "solver/cbc_exact_planner.h"
#include "solver/feasibility.h"
#include "solver/search_week.h"
#include "solver/week_context.h"
#include "testing/profile_generator.h"

namespace backbalance {
namespace {

using internal::ExactResult;

const char* OutcomeName(ExactResult::Outcome outcome) {
  switch (outcome) {
    case ExactResult::Outcome::kOptimal:
      return "optimal";
    case ExactResult::Outcome::kFeasible:
      return "feasible";
    case ExactResult::Outcome::kInfeasible:
      return "infeasible";
    default:
      return "no_solution";
  }
}

// Which catalog plans the profiles, and which of DIR's profiles (every `every`-th,
// from `offset`).
struct GapArgs {
  std::string catalog_file;  // empty: the built-in catalog
  int every = 1;
  int offset = 0;
};

int Gap(const std::string& dir, double seconds, const GapArgs& args) {
  std::shared_ptr<const Catalog> catalog = Catalog::Builtin();
  if (!args.catalog_file.empty()) {
    absl::StatusOr<std::shared_ptr<const Catalog>> loaded = LoadCatalogFile(args.catalog_file);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      return 1;
    }
    catalog = *loaded;
  }
  const PlannerOptions options;
  const Planner planner = *Planner::Create(catalog, options);
  std::vector<std::filesystem::path> all;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) all.push_back(entry.path());
  std::sort(all.begin(), all.end());
  std::vector<std::filesystem::path> files;
  for (size_t i = 0; i < all.size(); ++i) {
    if (static_cast<int>(i % args.every) == args.offset) files.push_back(all[i]);
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::mutex cbc_mutex;
  for (const auto& file : files) {
    const Profile profile = *LoadProfileFile(file.string());
    const Plan heuristic = *planner.PlanWeek(profile);
    nlohmann::ordered_json row;
    row["profile"] = file.filename().string();
    row["heuristic_status"] = std::string(ToName(heuristic.status));
    if (heuristic.status != PlanStatus::kOk) {
      out.push_back(row);
      continue;
    }
    const WeekContext ctx = *BuildWeekContext(*catalog, profile, options);
    const internal::WeekRules rules(*catalog, ctx, options);
    // The heuristic's own week as CBC's first incumbent.
    internal::SearchWeek start;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      for (const PlanItem& item : heuristic.days[d].items) {
        start.days[d].push_back({*catalog->IndexOf(item.exercise), item.phase, item.minutes});
      }
    }
    absl::StatusOr<ExactResult> exact = internal::SolveExact(rules, seconds, &start, cbc_mutex);
    if (!exact.ok()) {
      std::fprintf(stderr, "%s: %s\n", file.c_str(), exact.status().ToString().c_str());
      return 1;
    }
    row["optimum"] = std::max(exact->objective, *heuristic.score);
    row["proven_optimal"] = exact->proven_optimal;
    row["bound_gap"] = exact->gap;
    row["heuristic_score_when_computed"] = *heuristic.score;
    std::fprintf(stderr, "%s: heuristic %.4f exact %.4f (%s, gap %.4f)\n", file.filename().c_str(),
                 *heuristic.score, exact->objective, OutcomeName(exact->outcome), exact->gap);
    out.push_back(row);
  }
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}

int Infeasible(int count, double seconds) {
  const auto catalog = Catalog::Builtin();
  const PlannerOptions options;
  testing::ProfileGenerator generator(*catalog, /*seed=*/23);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::mutex cbc_mutex;
  int found = 0;
  for (int index = 0; found < count && index < 100000; ++index) {
    const Profile profile = generator.Next();
    if (!profile.red_flags.empty()) continue;
    const WeekContext ctx = *BuildWeekContext(*catalog, profile, options);
    const internal::WeekRules rules(*catalog, ctx, options);
    const internal::Feasibility verdict = internal::AnalyseFeasibility(rules);
    if (verdict.verdict != internal::Feasibility::Verdict::kInfeasible) continue;
    absl::StatusOr<ExactResult> exact = internal::SolveExact(rules, seconds, nullptr, cbc_mutex);
    if (!exact.ok()) {
      std::fprintf(stderr, "profile %d: %s\n", index, exact.status().ToString().c_str());
      return 1;
    }
    out.push_back({{"generator_index", index},
                   {"cbc", OutcomeName(exact->outcome)},
                   {"diagnosis", verdict.diagnosis.front().code}});
    ++found;
  }
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}

}  // namespace
}  // namespace backbalance

namespace {

// The options after `gap DIR SECONDS`; false on anything else.
bool ParseGapArgs(int argc, char** argv, backbalance::GapArgs& args) {
  for (int i = 4; i < argc; i += 2) {
    if (i + 1 >= argc) return false;
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--catalog") {
      args.catalog_file = value;
    } else if (flag == "--every") {
      if (!absl::SimpleAtoi(value, &args.every)) return false;
    } else if (flag == "--offset") {
      if (!absl::SimpleAtoi(value, &args.offset)) return false;
    } else {
      return false;
    }
  }
  return args.every >= 1 && args.offset >= 0 && args.offset < args.every;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  backbalance::GapArgs gap_args;
  if (argc >= 4 && mode == "gap" && ParseGapArgs(argc, argv, gap_args)) {
    return backbalance::Gap(argv[2], std::stod(argv[3]), gap_args);
  }
  if (argc == 4 && mode == "infeasible") {
    return backbalance::Infeasible(std::stoi(argv[2]), std::stod(argv[3]));
  }
  std::fprintf(stderr,
               "usage: exact_reference gap DIR SECONDS [--catalog FILE] [--every N --offset K]\n"
               "       exact_reference infeasible N SECONDS\n");
  return 2;
}
