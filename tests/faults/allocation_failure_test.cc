// The test-only seam for codes that only a fault can produce (docs/errors.md, `reached
// by: fault`): this test program replaces the global operator new with one that can be
// told to fail the Nth allocation on this thread. Each entry point is run once per
// allocation it makes (every one for the loaders; a sample spread over the whole call
// for the planner), failing that one allocation: it must never let the exception
// escape, never crash or leak (the asan stage runs this), and answer either as if
// nothing had happened (the failure was absorbed) or with kResourceExhausted: never
// blame the input (kInvalidArgument) for the machine.
#include <cstdlib>
#include <functional>
#include <new>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/document.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"

namespace {

// -1: never fail; n >= 0: the allocation after n more succeeds throws std::bad_alloc.
thread_local long allocations_until_failure = -1;
thread_local bool allocation_failed = false;

void* Allocate(std::size_t size) {
  if (allocations_until_failure >= 0 && allocations_until_failure-- == 0) {
    allocation_failed = true;
    throw std::bad_alloc();
  }
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

void* operator new(std::size_t size) { return Allocate(size); }
void* operator new[](std::size_t size) { return Allocate(size); }
// The nothrow forms too (std::stable_sort's temporary buffer uses them): under ASan, a
// block from the sanitizer's operator new must not reach this file's free.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return Allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace backbalance {
namespace {

struct Sweep {
  long allocations = 0;                // allocations one undisturbed call makes
  std::set<absl::StatusCode> answers;  // the codes seen with a failed allocation
};

// The failure points of a sweep: every allocation, or (sampled) every one of the first
// 64 and then one in each step 25% longer than the last, up to the end of the call.
enum class Points { kEvery, kSampled };

long NextPoint(long n, Points points) {
  return points == Points::kEvery || n < 64 ? n + 1 : n + n / 4;
}

// Runs `call` failing its allocation number 0, 1, 2, ... (see Points) until a run makes
// no more allocations than that; checks each answer (see the file comment).
Sweep SweepAllocationFailures(const std::string& name, const std::function<absl::Status()>& call,
                              Points points = Points::kEvery) {
  Sweep sweep;
  for (long n = 0;; n = NextPoint(n, points)) {
    allocation_failed = false;
    allocations_until_failure = n;
    absl::Status status;
    bool escaped = false;
    try {
      status = call();
    } catch (...) {
      escaped = true;
    }
    allocations_until_failure = -1;
    if (!allocation_failed) {
      EXPECT_TRUE(status.ok()) << name << ": " << status;
      sweep.allocations = n;
      return sweep;
    }
    EXPECT_FALSE(escaped) << name << ": failing allocation " << n << " escaped as an exception";
    if (escaped) continue;
    sweep.answers.insert(status.code());
    EXPECT_TRUE(status.ok() || status.code() == absl::StatusCode::kResourceExhausted)
        << name << ": failing allocation " << n << " gave " << status;
    if (status.code() == absl::StatusCode::kResourceExhausted) {
      // docs/errors.md: "out of memory reading a profile", "... planning a week", ...
      EXPECT_TRUE(absl::StartsWith(status.message(), "out of memory "))
          << name << ": failing allocation " << n << " gave " << status;
    }
  }
}

const char kCatalog[] = R"({"schema": "backbalance.catalog/1", "conditions": ["mine"],
  "exercises": [
    {"id": "walk", "name": "Walk", "category": "aerobic", "impact": "low",
     "phases": ["warmup", "main"],
     "primary_muscles": ["calves"], "min_minutes": 10, "max_minutes": 30,
     "dose": {"minutes": 10}, "substitutes": ["bridge"]},
    {"id": "bridge", "name": "Bridge", "category": "strength", "impact": "low",
     "phases": ["main"], "primary_muscles": ["glutes"],
     "minutes": 5, "dose": {"sets": 2, "reps": 8}, "contraindications": {"mine": "caution"}},
    {"id": "stretch", "name": "Stretch", "category": "flexibility", "impact": "low",
     "phases": ["cooldown"],
     "primary_muscles": ["hamstrings"], "minutes": 5, "dose": {"hold_seconds": 30, "reps": 2}}
  ]})";

const char kProfile[] = R"({"schema": "backbalance.profile/1", "pain": 5,
  "conditions": ["sciatica"], "availability": [30, 0, 30, 0, 30, 0, 0],
  "equipment": ["mat"], "prefer": ["walking"], "goals": {"strength": 2}})";

std::string PlanText() {
  std::string days;
  for (int d = 0; d < 7; ++d) {
    absl::StrAppend(&days, d ? "," : "", R"({"day": )", d,
                    d == 0
                        ? R"(, "items": [{"exercise": "walking", "phase": "main", "minutes": 20}]})"
                        : R"(, "items": []})");
  }
  return absl::StrCat(R"({"schema": "backbalance.plan/1", "status": "ok", "days": [)", days, "]}");
}

TEST(AllocationFailureTest, LoadCatalogNeverThrowsAndReportsResourceExhausted) {
  const Sweep sweep =
      SweepAllocationFailures("LoadCatalog", [] { return LoadCatalog(kCatalog).status(); });
  EXPECT_GT(sweep.allocations, 50);
  EXPECT_TRUE(sweep.answers.contains(absl::StatusCode::kResourceExhausted));
}

TEST(AllocationFailureTest, CatalogCreateNeverThrowsAndReportsResourceExhausted) {
  const std::vector<Exercise> exercises = (*LoadCatalog(kCatalog))->exercises();
  const Sweep sweep = SweepAllocationFailures("Catalog::Create", [&] {
    // The copies Create takes by value are the caller's allocations: made unfailing.
    const long saved = allocations_until_failure;
    allocations_until_failure = -1;
    std::vector<Exercise> copy = exercises;
    std::vector<std::string> declared = {"mine"};
    allocations_until_failure = saved;
    return Catalog::Create(std::move(copy), std::move(declared)).status();
  });
  EXPECT_TRUE(sweep.answers.contains(absl::StatusCode::kResourceExhausted));
}

TEST(AllocationFailureTest, LoadProfileNeverThrowsAndReportsResourceExhausted) {
  const Sweep sweep =
      SweepAllocationFailures("LoadProfile", [] { return LoadProfile(kProfile).status(); });
  EXPECT_TRUE(sweep.answers.contains(absl::StatusCode::kResourceExhausted));
}

TEST(AllocationFailureTest, LoadPlanNeverThrowsAndReportsResourceExhausted) {
  const std::string text = PlanText();
  const Sweep sweep = SweepAllocationFailures("LoadPlan", [&] { return LoadPlan(text).status(); });
  EXPECT_TRUE(sweep.answers.contains(absl::StatusCode::kResourceExhausted));
}

TEST(AllocationFailureTest, DetectDocumentKindNeverThrows) {
  const Sweep sweep = SweepAllocationFailures("DetectDocumentKind",
                                              [] { return DetectDocumentKind(kProfile).status(); });
  EXPECT_TRUE(sweep.answers.contains(absl::StatusCode::kResourceExhausted));
}

TEST(AllocationFailureTest, ReadDocumentFileNeverThrows) {
  const std::string path = std::string(BKB_SOURCE_DIR) + "/examples/profiles/desk_worker.json";
  SweepAllocationFailures("ReadDocumentFile", [&] { return ReadDocumentFile(path).status(); });
}

// ---- The planner: PlanWeek, Evaluate, NextWeek ----------------------------------------

const char kSmallProfile[] = R"({"schema": "backbalance.profile/1", "pain": 3,
  "conditions": ["mine"], "availability": [30, 0, 30, 0, 30, 0, 0], "equipment": ["mat"]})";

// A planner over kCatalog with a short search: the sweep plans a few hundred times.
Planner SmallPlanner() {
  PlannerOptions options;
  options.search_iterations = 4;
  return *Planner::Create(*LoadCatalog(kCatalog), options);
}

TEST(AllocationFailureTest, PlanWeekNeverThrowsAndReportsResourceExhausted) {
  const Planner planner = SmallPlanner();
  const Profile profile = *LoadProfile(kSmallProfile);
  ASSERT_EQ(planner.PlanWeek(profile)->status, PlanStatus::kOk);
  const Sweep sweep = SweepAllocationFailures(
      "PlanWeek", [&] { return planner.PlanWeek(profile).status(); }, Points::kSampled);
  EXPECT_GT(sweep.allocations, 100);
  EXPECT_TRUE(sweep.answers.contains(absl::StatusCode::kResourceExhausted));
}

TEST(AllocationFailureTest, EvaluateNeverThrowsAndReportsResourceExhausted) {
  const Planner planner = SmallPlanner();
  const Profile profile = *LoadProfile(kSmallProfile);
  const Plan plan = *planner.PlanWeek(profile);
  const Sweep sweep = SweepAllocationFailures(
      "Evaluate", [&] { return planner.Evaluate(profile, plan).status(); }, Points::kSampled);
  EXPECT_TRUE(sweep.answers.contains(absl::StatusCode::kResourceExhausted));
}

TEST(AllocationFailureTest, NextWeekNeverThrowsAndReportsResourceExhausted) {
  const Planner planner = SmallPlanner();
  const Profile profile = *LoadProfile(kSmallProfile);
  const Plan plan = *planner.PlanWeek(profile);
  ASSERT_FALSE(plan.days[0].items.empty());
  std::vector<Feedback> feedback(1);
  feedback[0].day = 0;
  feedback[0].exercise = plan.days[0].items[0].exercise;
  feedback[0].completed = true;
  const Sweep sweep = SweepAllocationFailures(
      "NextWeek", [&] { return planner.NextWeek(profile, plan, feedback).status(); },
      Points::kSampled);
  EXPECT_TRUE(sweep.answers.contains(absl::StatusCode::kResourceExhausted));
}

}  // namespace
}  // namespace backbalance
