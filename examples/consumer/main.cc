// Uses an installed backbalance: loads the built-in catalog, describes a person and
// evaluates a week of seven rest days against the plan model. Such a week is a
// valid input that breaks the training-days rule (H3), so it prints a score and at
// least one violation. Exits 0 when it got an Evaluation.
#include <cstdio>
#include <memory>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/evaluation.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"
#include "backbalance/solver/evaluate.h"

int main() {
  const std::shared_ptr<const backbalance::Catalog> catalog = backbalance::Catalog::Builtin();

  backbalance::Profile profile;
  profile.pain = 4;  // band B
  profile.fitness = 2;
  profile.conditions = {"sciatica"};
  profile.availability = {30, 0, 30, 0, 30, 45, 0};

  const backbalance::Plan rest_week;  // status ok, seven rest days

  const auto evaluation = backbalance::Evaluate(*catalog, profile, rest_week);
  if (!evaluation.ok()) {
    std::fprintf(stderr, "evaluate failed: %s\n", evaluation.status().ToString().c_str());
    return 1;
  }
  std::printf("catalog: %zu exercises\n", catalog->size());
  std::printf("valid: %s\n", evaluation->valid ? "true" : "false");
  std::printf("score: %.2f\n", evaluation->score);
  std::printf("violations: %zu\n", evaluation->violations.size());
  for (const backbalance::Violation& v : evaluation->violations) {
    std::printf("  %s: %s\n", v.rule.c_str(), v.detail.c_str());
  }
  return 0;
}
