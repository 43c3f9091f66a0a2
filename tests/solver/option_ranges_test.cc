// Every option value in its documented range plans (issue 20, findings 5 and 6): no
// INTERNAL and no exhausted search budget, and every ok week passes Evaluate. The
// reproducers are in tests/golden/reliability/.
#include <string>

#include "backbalance/io/catalog_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"

namespace backbalance {
namespace {

struct Reproducer {
  std::shared_ptr<const Catalog> catalog;
  Profile profile;
};

Reproducer Load(const std::string& name) {
  const std::string dir = std::string(BKB_SOURCE_DIR) + "/tests/golden/reliability/";
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
      LoadCatalogFile(dir + name + "_catalog.json");
  absl::StatusOr<Profile> profile = LoadProfileFile(dir + name + "_profile.json");
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_TRUE(profile.ok()) << profile.status();
  return {catalog.ok() ? *catalog : nullptr, profile.ok() ? *profile : Profile{}};
}

// Plans with `options`; an ok week must be valid by Evaluate, any other result a plan.
void ExpectPlans(const Reproducer& r, const PlannerOptions& options, const std::string& what) {
  absl::StatusOr<Planner> planner = Planner::Create(r.catalog, options);
  ASSERT_TRUE(planner.ok()) << what << ": " << planner.status();
  absl::StatusOr<Plan> plan = planner->PlanWeek(r.profile);
  ASSERT_TRUE(plan.ok()) << what << ": " << plan.status();
  if (plan->status == PlanStatus::kOk) {
    absl::StatusOr<Evaluation> ev = planner->Evaluate(r.profile, *plan);
    ASSERT_TRUE(ev.ok());
    EXPECT_TRUE(ev->valid) << what;
  } else {
    EXPECT_FALSE(plan->diagnosis.empty()) << what;
  }
}

TEST(OptionRangesTest, EveryAerobicStepPlans) {
  const Reproducer r = Load("internal");
  ASSERT_NE(r.catalog, nullptr);
  for (int step = 1; step <= 60; ++step) {
    PlannerOptions options;
    options.aerobic_minutes_step = step;
    options.search_iterations = 20;  // the validity of the week is what is checked
    ExpectPlans(r, options, "aerobic_minutes_step " + std::to_string(step));
  }
}

TEST(OptionRangesTest, LongCooldownsAreProvenInfeasibleOrPlanned) {
  const Reproducer r = Load("budget");
  ASSERT_NE(r.catalog, nullptr);
  for (int minutes : {0, 5, 10, 15, 20, 30, 60}) {
    PlannerOptions options;
    options.min_cooldown_minutes = minutes;
    options.search_iterations = 20;
    ExpectPlans(r, options, "min_cooldown_minutes " + std::to_string(minutes));
  }
}

}  // namespace
}  // namespace backbalance
