// exact_reference: computes the reference data that tests compare the heuristic with,
// using the exact CBC backend, so that no test ever waits on a CBC proof.
//
//   exact_reference gap DIR SECONDS        optima of the profiles in DIR (JSON on stdout)
//   exact_reference infeasible N SECONDS   CBC's verdict on the first N generated profiles
//                                          that the feasibility analysis calls infeasible
//
// scripts/compute_optima runs both and writes tests/golden/gap/*.json.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
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

int Gap(const std::string& dir, double seconds) {
  const auto catalog = Catalog::Builtin();
  const PlannerOptions options;
  const Planner planner = *Planner::Create(catalog, options);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
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

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (argc == 4 && mode == "gap") return backbalance::Gap(argv[2], std::stod(argv[3]));
  if (argc == 4 && mode == "infeasible") {
    return backbalance::Infeasible(std::stoi(argv[2]), std::stod(argv[3]));
  }
  std::fprintf(stderr, "usage: exact_reference gap DIR SECONDS | infeasible N SECONDS\n");
  return 2;
}
