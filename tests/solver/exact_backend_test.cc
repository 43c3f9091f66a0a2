// Tests of the exact backend (options.backend = "exact": the plan model as a MILP solved
// by CBC) on the built-in catalog. The profiles are small (little time on few days), so
// that CBC proves optimality in a second or so. The tests that assert a proof give CBC no
// time limit (a proof then holds whatever the machine's speed; only the run time
// depends on it); every test stays well under 20 s on an idle machine.
//
// In a build without CBC only the last test runs: it checks that the exact backend
// reports kUnimplemented.
#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "catalog/compiled_catalog.h"
#include "gtest/gtest.h"
#include "testing/session_order.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::StatusIs;

struct NamedProfile {
  std::string name;
  Profile profile;
};

// Small profiles, each with an ok week that CBC proves optimal quickly.
std::vector<NamedProfile> SmallProfiles() {
  std::vector<NamedProfile> profiles;
  const auto add = [&](std::string name, auto edit) {
    Profile p;
    edit(p);
    profiles.push_back({std::move(name), std::move(p)});
  };
  add("band_c_pain_8_three_days_of_20", [](Profile& p) {
    p.pain = 8;
    p.availability = {20, 0, 20, 0, 20, 0, 0};
  });
  add("band_b_pain_5_three_days_of_30", [](Profile& p) {
    p.pain = 5;
    p.availability = {30, 0, 30, 0, 30, 0, 0};
  });
  add("sciatica_pain_3_four_days_of_30", [](Profile& p) {
    p.conditions = {"sciatica"};
    p.availability = {30, 0, 30, 0, 30, 0, 30};
  });
  add("band_b_knee_pain_four_days_of_20", [](Profile& p) {
    p.pain = 5;
    p.conditions = {"knee_pain"};
    p.availability = {20, 0, 20, 0, 20, 0, 20};
  });
  add("fit_pain_1_equipment_three_days_of_45", [](Profile& p) {
    p.pain = 1;
    p.fitness = 4;
    p.availability = {45, 0, 45, 0, 45, 0, 0};
    p.equipment = {"mat", "dumbbells", "stationary_bike"};
  });
  add("prefers_walking_three_days_of_25", [](Profile& p) {
    p.pain = 4;
    p.availability = {25, 0, 25, 0, 0, 25, 0};
    p.prefer = {"walking", "cat_cow", "running"};  // running is ineligible: still counted
  });
  // Plan model v2: late pregnancy (supine and prone items avoided from week 20).
  add("late_pregnancy_week_24_three_days_of_30", [](Profile& p) {
    p.conditions = {"pregnancy"};
    p.pregnancy_week = 24;
    p.availability = {30, 0, 30, 0, 30, 0, 0};
  });
  return profiles;
}

// No time limit: CBC runs to its proof.
PlannerOptions ExactOptions(std::optional<double> time_limit_seconds = std::nullopt) {
  PlannerOptions options;
  options.backend = "exact";
  options.time_limit_seconds = time_limit_seconds;
  return options;
}

#ifdef BACKBALANCE_WITH_CBC

class ExactBackendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Planner> exact = Planner::Create(Catalog::Builtin(), ExactOptions());
    ASSERT_TRUE(exact.ok()) << exact.status();
    exact_.emplace(*std::move(exact));
    absl::StatusOr<Planner> heuristic = Planner::Create(Catalog::Builtin());
    ASSERT_TRUE(heuristic.ok()) << heuristic.status();
    heuristic_.emplace(*std::move(heuristic));
  }
  std::optional<Planner> exact_;
  std::optional<Planner> heuristic_;
};

// What holds of an exact plan whatever the clock: CBC's wall-clock limit may strike
// first on a loaded machine (this test once failed so under ASan), so the proof itself is
// not asserted, only its consistency with `cut_short` and `gap`.
void ExpectClockIndependentFacts(const Planner& exact, const Profile& profile, const Plan& plan) {
  ASSERT_EQ(plan.status, PlanStatus::kOk);
  absl::StatusOr<Evaluation> evaluation = exact.Evaluate(profile, plan);
  ASSERT_TRUE(evaluation.ok()) << evaluation.status();
  EXPECT_TRUE(evaluation->valid) << evaluation->violations.size() << " violations, first: "
                                 << (evaluation->violations.empty()
                                         ? ""
                                         : evaluation->violations[0].detail);
  ASSERT_TRUE(plan.score.has_value());
  EXPECT_EQ(*plan.score, evaluation->score);
  EXPECT_EQ(*plan.score_terms, evaluation->score_terms);
  ASSERT_TRUE(plan.solver.has_value());
  EXPECT_EQ(plan.solver->backend, "exact");
  ASSERT_TRUE(plan.solver->proven_optimal.has_value());
  if (*plan.solver->proven_optimal) {
    // A proof means CBC's objective equals the score of the week returned (to 1e-6), so
    // this also checks that the MILP's objective is the section 7 score.
    EXPECT_EQ(plan.solver->gap, std::optional<double>(0.0));
    EXPECT_FALSE(plan.solver->cut_short);
  } else {
    // No proof: only the clock stops CBC on these small profiles.
    EXPECT_TRUE(plan.solver->cut_short);
  }
}

TEST_F(ExactBackendTest, OkPlansAreValidScoredByEvaluateAndProvenOptimal) {
  int proven = 0;
  for (const auto& [name, profile] : SmallProfiles()) {
    SCOPED_TRACE(name);
    absl::StatusOr<Plan> plan = exact_->PlanWeek(profile);
    ASSERT_TRUE(plan.ok()) << plan.status();
    ExpectClockIndependentFacts(*exact_, profile, *plan);
    if (plan->solver && plan->solver->proven_optimal == std::optional<bool>(true)) ++proven;
  }
  // Reported, not asserted: on an idle machine every one is proven.
  std::cout << proven << " of " << SmallProfiles().size() << " proven optimal\n";
}

// The same facts when the clock strikes almost at once, as it does on a machine many
// times slower: the test holds on any machine (reliability round 2, finding 13).
TEST(ExactBackendClockTest, FactsHoldWhenTheTimeLimitStrikesFirst) {
  absl::StatusOr<Planner> exact = Planner::Create(Catalog::Builtin(), ExactOptions(0.001));
  ASSERT_TRUE(exact.ok()) << exact.status();
  for (const auto& [name, profile] : SmallProfiles()) {
    SCOPED_TRACE(name);
    absl::StatusOr<Plan> plan = exact->PlanWeek(profile);
    ASSERT_TRUE(plan.ok()) << plan.status();
    ExpectClockIndependentFacts(*exact, profile, *plan);
  }
}

TEST_F(ExactBackendTest, ProvenOptimumScoresAtLeastTheHeuristic) {
  for (const auto& [name, profile] : SmallProfiles()) {
    SCOPED_TRACE(name);
    absl::StatusOr<Plan> exact = exact_->PlanWeek(profile);
    absl::StatusOr<Plan> heuristic = heuristic_->PlanWeek(profile);
    ASSERT_TRUE(exact.ok() && heuristic.ok());
    ASSERT_EQ(exact->status, PlanStatus::kOk);
    ASSERT_EQ(heuristic->status, PlanStatus::kOk);
    if (exact->solver->proven_optimal != std::optional<bool>(true)) continue;
    EXPECT_GE(*exact->score, *heuristic->score - 1e-6);
  }
}

// Section 10: items by phase; main items in session order (aerobic, strength, balance,
// flexibility, relaxation); CBC's week lists equals in catalog order.
TEST_F(ExactBackendTest, DaysListItemsByPhaseSessionOrderThenCatalogOrder) {
  const Catalog& catalog = exact_->catalog();
  for (const auto& [name, profile] : SmallProfiles()) {
    SCOPED_TRACE(name);
    absl::StatusOr<Plan> plan = exact_->PlanWeek(profile);
    ASSERT_TRUE(plan.ok());
    for (const PlanDay& day : plan->days) {
      for (std::size_t i = 1; i < day.items.size(); ++i) {
        const PlanItem& a = day.items[i - 1];
        const PlanItem& b = day.items[i];
        const auto key = [&](const PlanItem& item) {
          const int index = *catalog.IndexOf(item.exercise);
          const int rank = item.phase == Phase::kMain
                               ? testkit::SessionRank(catalog.compiled().exercises[index].category)
                               : 0;
          return std::make_tuple(static_cast<int>(item.phase), rank, index);
        };
        EXPECT_LT(key(a), key(b)) << "day " << day.day << ": " << a.exercise << ", " << b.exercise;
      }
    }
  }
}

TEST_F(ExactBackendTest, InfeasibleProfileIsJudgedBeforeCbc) {
  Profile profile;
  profile.availability = {30, 30, 0, 0, 0, 0, 0};  // two days; band A needs three
  absl::StatusOr<Plan> plan = exact_->PlanWeek(profile);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->status, PlanStatus::kInfeasible);
  EXPECT_FALSE(plan->diagnosis.empty());
  for (const PlanDay& day : plan->days) EXPECT_TRUE(day.items.empty());
  ASSERT_TRUE(plan->solver.has_value());
  EXPECT_EQ(plan->solver->backend, "exact");
  EXPECT_FALSE(plan->solver->proven_optimal.has_value());  // CBC never ran
}

TEST_F(ExactBackendTest, RedFlagsReferWithoutSolving) {
  Profile profile;
  profile.red_flags = {RedFlag::kCaudaEquinaSigns};
  absl::StatusOr<Plan> plan = exact_->PlanWeek(profile);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->status, PlanStatus::kRefer);
  for (const PlanDay& day : plan->days) EXPECT_TRUE(day.items.empty());
}

TEST_F(ExactBackendTest, SameInputSameBytes) {
  const std::vector<NamedProfile> profiles = SmallProfiles();
  for (std::size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(profiles[i].name);
    absl::StatusOr<Plan> first = exact_->PlanWeek(profiles[i].profile);
    absl::StatusOr<Plan> second = exact_->PlanWeek(profiles[i].profile);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(SavePlan(*first).value(), SavePlan(*second).value());
  }
}

// Copies of a planner share its CBC mutex, so solves on several threads take turns
// (CBC is not thread-safe) and give the plans one thread gives.
TEST_F(ExactBackendTest, BatchOnTwoThreadsMatchesOneThread) {
  std::vector<Profile> profiles;
  for (const NamedProfile& p : SmallProfiles()) profiles.push_back(p.profile);
  profiles.resize(4);
  const Planner copy = *exact_;
  const std::vector<absl::StatusOr<Plan>> one = exact_->PlanBatch(profiles, 1);
  const std::vector<absl::StatusOr<Plan>> two = copy.PlanBatch(profiles, 2);
  ASSERT_EQ(one.size(), profiles.size());
  ASSERT_EQ(two.size(), profiles.size());
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    ASSERT_TRUE(one[i].ok() && two[i].ok());
    EXPECT_EQ(SavePlan(*one[i]).value(), SavePlan(*two[i]).value()) << "profile " << i;
  }
}

// A time limit far too short for a proof still gives a valid ok week (CBC's incumbent
// or, failing that, the feasibility week), with what is known about the gap.
TEST_F(ExactBackendTest, TinyTimeLimitStillGivesAValidWeek) {
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), ExactOptions(0.01));
  ASSERT_TRUE(planner.ok()) << planner.status();
  Profile profile;
  profile.pain = 7;
  profile.availability = {45, 45, 45, 45, 45, 45, 45};
  absl::StatusOr<Plan> plan = planner->PlanWeek(profile);
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->status, PlanStatus::kOk);
  absl::StatusOr<Evaluation> evaluation = planner->Evaluate(profile, *plan);
  ASSERT_TRUE(evaluation.ok());
  EXPECT_TRUE(evaluation->valid);
  EXPECT_EQ(*plan->score, evaluation->score);
  ASSERT_TRUE(plan->solver.has_value());
  if (plan->solver->proven_optimal == std::optional<bool>(false)) {
    EXPECT_TRUE(!plan->solver->gap.has_value() || *plan->solver->gap >= 0);
  }
}

// Under a time limit too short for CBC's proof, the heuristic's week (searched first,
// within the same limit) is kept when it scores higher: the exact backend never does
// worse than the heuristic with the same options. (The heuristic needs well under 0.1 s
// here; CBC needs minutes to prove this week.)
TEST_F(ExactBackendTest, UnderATimeLimitNeverScoresBelowTheHeuristic) {
  Profile profile;
  profile.pain = 3;
  profile.prefer = {"walking", "bird_dog", "cat_cow"};
  profile.goals.strength = 2;
  absl::StatusOr<Planner> exact = Planner::Create(Catalog::Builtin(), ExactOptions(2));
  PlannerOptions options;
  options.time_limit_seconds = 2;
  absl::StatusOr<Planner> heuristic = Planner::Create(Catalog::Builtin(), options);
  ASSERT_TRUE(exact.ok() && heuristic.ok());
  absl::StatusOr<Plan> exact_plan = exact->PlanWeek(profile);
  absl::StatusOr<Plan> heuristic_plan = heuristic->PlanWeek(profile);
  ASSERT_TRUE(exact_plan.ok() && heuristic_plan.ok());
  ASSERT_EQ(exact_plan->status, PlanStatus::kOk);
  absl::StatusOr<Evaluation> evaluation = exact->Evaluate(profile, *exact_plan);
  ASSERT_TRUE(evaluation.ok());
  EXPECT_TRUE(evaluation->valid);
  // Both searches stop at the clock, so the comparison holds only when neither was cut
  // short by it (the heuristic's own search inside the exact backend stops there too).
  if (!heuristic_plan->solver->cut_short) {
    if (exact_plan->solver->proven_optimal == std::optional<bool>(true) ||
        !exact_plan->solver->cut_short) {
      EXPECT_GE(*exact_plan->score, *heuristic_plan->score - 1e-6);
    }
  }
  if (exact_plan->solver->proven_optimal == std::optional<bool>(false)) {
    EXPECT_TRUE(exact_plan->solver->cut_short);
    ASSERT_TRUE(exact_plan->solver->gap.has_value());
    EXPECT_GT(*exact_plan->solver->gap, 0);
  }
}

// Regression: CBC 2.10 crashed in CglPreProcess::postProcess when a time limit struck
// during its preprocessing (these gap profiles at 0.2 s and 0.5 s). A time-limited
// solve now runs without it; every week returned is valid.
TEST_F(ExactBackendTest, ShortTimeLimitsNeverCrashCbc) {
  for (const char* name : {"07_pain8_osteoporosis_pregnancy", "09_pain2_none", "10_pain3_none",
                           "13_pain6_shoulder_pain", "27_pain4_knee_pain_post_surgery"}) {
    absl::StatusOr<Profile> profile = LoadProfileFile(
        std::string(BKB_SOURCE_DIR) + "/tests/golden/gap/profiles/" + name + ".json");
    ASSERT_TRUE(profile.ok()) << profile.status();
    for (double seconds : {0.2, 0.5}) {
      absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), ExactOptions(seconds));
      ASSERT_TRUE(planner.ok()) << planner.status();
      absl::StatusOr<Plan> plan = planner->PlanWeek(*profile);
      ASSERT_TRUE(plan.ok()) << name << ": " << plan.status();
      ASSERT_EQ(plan->status, PlanStatus::kOk) << name;
      absl::StatusOr<Evaluation> evaluation = planner->Evaluate(*profile, *plan);
      ASSERT_TRUE(evaluation.ok()) << evaluation.status();
      EXPECT_TRUE(evaluation->valid) << name << " at " << seconds << " s";
    }
  }
}

#endif  // BACKBALANCE_WITH_CBC

TEST(ExactBackendUnavailableTest, UnimplementedWithoutCbc) {
#ifdef BACKBALANCE_WITH_CBC
  GTEST_SKIP() << "this build has CBC";
#else
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), ExactOptions(10));
  ASSERT_TRUE(planner.ok()) << planner.status();
  const absl::StatusOr<Plan> plan = planner->PlanWeek(SmallProfiles()[1].profile);
  EXPECT_THAT(plan, StatusIs(absl::StatusCode::kUnimplemented));
  EXPECT_NE(plan.status().message().find("options.backend"), std::string::npos);
#endif
}

}  // namespace
}  // namespace backbalance
