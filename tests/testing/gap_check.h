// File: tests/testing/gap_check.h
//
// The heuristic against reference optima (rows written by tests/tools/exact_reference,
// scripts/compute_optima): one loop for the built-in catalog's gap test and the
// redrawn catalogs' (tests/solver/gap_test.cc, gap_other_catalogs_test.cc), so that both
// judge a week the same way.
#ifndef BACKBALANCE_TESTS_TESTING_GAP_CHECK_H_
#define BACKBALANCE_TESTS_TESTING_GAP_CHECK_H_

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "absl/status/statusor.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/evaluation.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace backbalance::testing {

// A JSON file of the source tree (BKB_SOURCE_DIR), `relative` to its root.
inline nlohmann::json ReadSourceJson(const std::string& relative) {
  std::ifstream in(std::string(BKB_SOURCE_DIR) + "/" + relative);
  EXPECT_TRUE(in.good()) << relative;
  return nlohmann::json::parse(in);
}

struct GapSummary {
  int count = 0;  // rows with an optimum (the heuristic planned a week)
  double mean = 0;
  double worst = 0;
};

// Plans the profile of each row of `optima` (files in `profile_dir`, relative to the
// source tree) and expects: the row's status; a valid week (Evaluate finds no broken
// rule); a score no higher than a proven optimum. Prints every gap over 1 % and the
// summary, headed by `label`. A gap is relative to the optimum and never negative (an
// unproven optimum is only the best week known).
inline GapSummary CheckGaps(const Planner& planner, const nlohmann::json& optima,
                            const std::string& profile_dir, const std::string& label) {
  GapSummary summary;
  double sum = 0;
  for (const auto& row : optima) {
    const std::string file = row["profile"];
    const absl::StatusOr<Profile> profile =
        LoadProfileFile(std::string(BKB_SOURCE_DIR) + "/" + profile_dir + "/" + file);
    if (!profile.ok()) {
      ADD_FAILURE() << file << ": " << profile.status();
      continue;
    }
    const absl::StatusOr<Plan> plan = planner.PlanWeek(*profile);
    if (!plan.ok()) {
      ADD_FAILURE() << file << ": " << plan.status();
      continue;
    }
    EXPECT_EQ(std::string(ToName(plan->status)), row["heuristic_status"].get<std::string>())
        << file;
    if (!row.contains("optimum") || plan->status != PlanStatus::kOk) continue;
    const absl::StatusOr<Evaluation> judged = planner.Evaluate(*profile, *plan);
    if (!judged.ok()) {
      ADD_FAILURE() << file << ": " << judged.status();
    } else {
      EXPECT_TRUE(judged->valid) << file << ": " << judged->violations.size()
                                 << " broken rules, the first "
                                 << (judged->violations.empty() ? std::string()
                                                                : judged->violations[0].rule);
    }
    const double optimum = row["optimum"];
    // A proven optimum bounds every valid week.
    if (row["proven_optimal"].get<bool>()) {
      EXPECT_LE(*plan->score, optimum + 1e-6) << file;
    }
    const double gap = std::max(0.0, (optimum - *plan->score) / std::abs(optimum));
    if (gap > 0.01) {
      std::printf("  %s: %.3f%% (%.4f of %.4f)\n", file.c_str(), 100 * gap, *plan->score, optimum);
    }
    sum += gap;
    summary.worst = std::max(summary.worst, gap);
    ++summary.count;
  }
  summary.mean = summary.count > 0 ? sum / summary.count : 0;
  std::printf("%s: gap over %d profiles: mean %.3f%%, worst %.3f%%\n", label.c_str(), summary.count,
              100 * summary.mean, 100 * summary.worst);
  return summary;
}

}  // namespace backbalance::testing

#endif  // BACKBALANCE_TESTS_TESTING_GAP_CHECK_H_
