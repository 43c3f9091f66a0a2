// Thread safety as the headers promise it (planner.h, catalog.h): one Planner and one
// Catalog shared by many threads, every const entry point at once. These tests are what
// the TSan stage (scripts/ci/tsan) runs, next to the batch tests of tests/solver; under a
// plain build they check only that concurrent results equal sequential ones.
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "testing/profile_generator.h"

namespace backbalance {
namespace {

constexpr int kThreads = 8;

// Thread safety does not depend on how long the search runs; a short one keeps these
// tests quick under ThreadSanitizer (which slows the planner some 20 times).
PlannerOptions QuickOptions() {
  PlannerOptions options;
  options.search_iterations = 8;
  return options;
}

// Runs `body(thread_index)` on kThreads threads started together, so that their first
// calls overlap as much as the scheduler allows.
template <typename Body>
void RunTogether(Body body) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      body(t);
    });
  }
  for (std::thread& thread : threads) thread.join();
}

std::vector<Profile> SomeProfiles(const Catalog& catalog, int count) {
  testing::ProfileGenerator generator(catalog, /*seed=*/41);
  std::vector<Profile> profiles;
  for (int i = 0; i < count; ++i) profiles.push_back(generator.Next());
  return profiles;
}

TEST(ConcurrencyTest, BuiltinCatalogFirstUseFromManyThreads) {
  std::vector<const Catalog*> seen(kThreads, nullptr);
  RunTogether([&](int t) { seen[t] = Catalog::Builtin().get(); });
  for (const Catalog* catalog : seen) EXPECT_EQ(catalog, seen[0]);
}

TEST(ConcurrencyTest, OnePlannerPlansEvaluatesAndAdaptsOnManyThreads) {
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), QuickOptions());
  ASSERT_TRUE(planner.ok()) << planner.status();
  const std::vector<Profile> profiles = SomeProfiles(planner->catalog(), kThreads);
  // Sequential answers first; each thread then recomputes its share at the same time.
  std::vector<std::string> expected;
  for (const Profile& p : profiles) {
    absl::StatusOr<Plan> plan = planner->PlanWeek(p);
    ASSERT_TRUE(plan.ok()) << plan.status();
    expected.push_back(SavePlan(*plan).value());
  }
  std::vector<std::string> got(profiles.size());
  std::vector<int> invalid(kThreads, 0);
  RunTogether([&](int t) {
    for (std::size_t i = t; i < profiles.size(); i += kThreads) {
      absl::StatusOr<Plan> plan = planner->PlanWeek(profiles[i]);
      if (!plan.ok()) continue;
      got[i] = SavePlan(*plan).value();
      absl::StatusOr<Evaluation> verdict = planner->Evaluate(profiles[i], *plan);
      if (plan->status == PlanStatus::kOk && (!verdict.ok() || !verdict->valid)) ++invalid[t];
      if (plan->status == PlanStatus::kOk) {
        absl::StatusOr<NextWeekPlan> next = planner->NextWeek(profiles[i], *plan, {});
        if (!next.ok()) ++invalid[t];
      }
    }
  });
  for (std::size_t i = 0; i < profiles.size(); ++i) EXPECT_EQ(got[i], expected[i]) << i;
  for (int count : invalid) EXPECT_EQ(count, 0);
}

TEST(ConcurrencyTest, PlanBatchOnMoreThreadsThanProfilesAndOnTheHardwareCount) {
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), QuickOptions());
  ASSERT_TRUE(planner.ok());
  const std::vector<Profile> profiles = SomeProfiles(planner->catalog(), 6);
  const auto one = planner->PlanBatch(profiles, 1);
  for (int threads : {0, 3, 64}) {
    const auto many = planner->PlanBatch(profiles, threads);
    ASSERT_EQ(many.size(), profiles.size());
    for (std::size_t i = 0; i < profiles.size(); ++i) {
      ASSERT_TRUE(one[i].ok() && many[i].ok());
      EXPECT_EQ(SavePlan(*one[i]).value(), SavePlan(*many[i]).value())
          << threads << " threads, profile " << i;
    }
  }
  EXPECT_TRUE(planner->PlanBatch({}, 4).empty());
}

TEST(ConcurrencyTest, CopiesOfOnePlannerOnManyThreads) {
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), QuickOptions());
  ASSERT_TRUE(planner.ok());
  const std::vector<Profile> profiles = SomeProfiles(planner->catalog(), kThreads);
  std::vector<std::string> got(kThreads);
  RunTogether([&](int t) {
    const Planner copy = *planner;  // copies share the catalog and the CBC mutex
    absl::StatusOr<Plan> plan = copy.PlanWeek(profiles[t]);
    if (plan.ok()) got[t] = SavePlan(*plan).value();
  });
  for (int t = 0; t < kThreads; ++t) {
    absl::StatusOr<Plan> plan = planner->PlanWeek(profiles[t]);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(got[t], SavePlan(*plan).value()) << t;
  }
}

TEST(ConcurrencyTest, LoadersAndSaversOnManyThreads) {
  const std::string catalog_json = SaveCatalog(*Catalog::Builtin());
  const std::string profile_json = R"({"schema": "backbalance.profile/1", "pain": 5,
      "conditions": ["sciatica"], "availability": [30, 0, 30, 0, 30, 0, 0]})";
  std::vector<int> failures(kThreads, 0);
  RunTogether([&](int t) {
    absl::StatusOr<std::shared_ptr<const Catalog>> catalog = LoadCatalog(catalog_json);
    if (!catalog.ok() || (*catalog)->sha256() != Catalog::Builtin()->sha256()) ++failures[t];
    absl::StatusOr<Profile> profile = LoadProfile(profile_json);
    if (!profile.ok() || LoadProfile(SaveProfile(*profile)).value_or(Profile{}) != *profile) {
      ++failures[t];
    }
    // A bad document on some threads while others read good ones.
    if (LoadCatalog(t % 2 ? "{" : "[]").ok()) ++failures[t];
  });
  for (int count : failures) EXPECT_EQ(count, 0);
}

#ifdef BACKBALANCE_WITH_CBC
// CBC is not thread-safe; copies of one planner take turns on it (planner.h).
TEST(ConcurrencyTest, ExactBackendCopiesOnManyThreads) {
  PlannerOptions options = QuickOptions();
  options.backend = "exact";
  options.time_limit_seconds = 5;
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), options);
  ASSERT_TRUE(planner.ok());
  Profile profile;
  profile.pain = 8;  // band C, few candidates: CBC proves it fast
  profile.availability = {20, 0, 20, 0, 20, 0, 0};
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const Planner copy = *planner;
      absl::StatusOr<Plan> plan = copy.PlanWeek(profile);
      ok[t] = plan.ok() ? 1 : 0;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int value : ok) EXPECT_EQ(value, 1);
}
#endif  // BACKBALANCE_WITH_CBC

}  // namespace
}  // namespace backbalance
