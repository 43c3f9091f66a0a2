// File: tests/views/view_plans.h
//
// Real plans for the view tests: the built-in catalog's week for each example profile
// (examples/profiles/*.json), planned once per test program.
#ifndef BACKBALANCE_TESTS_VIEWS_VIEW_PLANS_H_
#define BACKBALANCE_TESTS_VIEWS_VIEW_PLANS_H_

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/plan.h"
#include "backbalance/solver/planner.h"

namespace backbalance::testkit {

struct ViewPlan {
  std::string name;  // the profile file's stem, e.g. "desk_worker"
  Plan plan;
  std::shared_ptr<const Catalog> catalog;
};

inline const std::vector<ViewPlan>& ExamplePlans() {
  static const std::vector<ViewPlan>* const plans = [] {
    auto* out = new std::vector<ViewPlan>;
    const Planner planner = *Planner::Create(Catalog::Builtin());
    for (const char* name :
         {"desk_worker", "acute_flare", "fit_runner", "herniated_disc_sciatica", "osteoporosis",
          "pregnancy", "red_flags", "spinal_stenosis_older", "too_little_time"}) {
      absl::StatusOr<Profile> profile =
          LoadProfileFile(std::string(BKB_SOURCE_DIR) + "/examples/profiles/" + name + ".json");
      absl::StatusOr<Plan> plan =
          profile.ok() ? planner.PlanWeek(*profile) : absl::StatusOr<Plan>(profile.status());
      if (!plan.ok()) {
        std::fprintf(stderr, "%s: %s\n", name, std::string(plan.status().message()).c_str());
        std::abort();
      }
      out->push_back({name, *std::move(plan), Catalog::Builtin()});
    }
    return out;
  }();
  return *plans;
}

}  // namespace backbalance::testkit

#endif  // BACKBALANCE_TESTS_VIEWS_VIEW_PLANS_H_
