// Property tests of clinician control (plan model 12, 12.1) over generated profiles on
// the built-in catalog: a randomly edited week repaired is valid and no farther from the
// edit than the valid week it came from; a replan from any day with every use completed
// is no worse than the week as planned; pins taken from a week give back its score.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "testing/profile_generator.h"

namespace backbalance {
namespace {

// BACKBALANCE_PROPERTY_PROFILES scales the counts down in proportion to its default of
// 1000 (the sanitizer builds set 100: a tenth), never below 20.
int Scaled(int count) {
  const char* text = std::getenv("BACKBALANCE_PROPERTY_PROFILES");
  if (text == nullptr) return count;
  return std::clamp(count * std::atoi(text) / 1000, 20, count);
}

// Each repair is a CBC proof (about 0.1 s on the built-in catalog): the release run
// repairs 500 edited weeks (about 40 s of CPU), the sanitizer builds a tenth;
// BACKBALANCE_CLINICIAN_REPAIRS sets the count for a longer run.
int Repairs() {
  const char* text = std::getenv("BACKBALANCE_CLINICIAN_REPAIRS");
  return text == nullptr ? Scaled(500) : std::clamp(std::atoi(text), 20, 5000);
}

// Distance of 12.1 between two weeks: per (day, exercise), the larger count of uses in
// either week less the uses that match exactly (same phase and minutes). Written here
// from the text, independently of the library's.
int Distance(const Plan& a, const Plan& b) {
  int distance = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    std::map<std::string, std::pair<std::vector<const PlanItem*>, std::vector<const PlanItem*>>>
        by_id;
    for (const PlanItem& i : a.days[d].items) by_id[i.exercise].first.push_back(&i);
    for (const PlanItem& i : b.days[d].items) by_id[i.exercise].second.push_back(&i);
    for (auto& [id, uses] : by_id) {
      auto [left, right] = uses;
      const int larger = static_cast<int>(std::max(left.size(), right.size()));
      int matches = 0;
      for (const PlanItem* x : left) {
        auto it = std::find_if(right.begin(), right.end(), [x](const PlanItem* y) {
          return y->phase == x->phase && y->minutes == x->minutes;
        });
        if (it != right.end()) {
          right.erase(it);
          ++matches;
        }
      }
      distance += larger - matches;
    }
  }
  return distance;
}

class ClinicianPropertyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A shorter search keeps 500 profiles quick; every property holds for any search.
    PlannerOptions options;
    options.search_iterations = 40;
    absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), options);
    ASSERT_TRUE(planner.ok()) << planner.status();
    planner_ = std::make_unique<Planner>(*std::move(planner));
  }
  // Generated profiles with an ok week, `count` of them at most.
  std::vector<std::pair<Profile, Plan>> Weeks(int count, uint64_t seed) {
    std::vector<std::pair<Profile, Plan>> weeks;
    testing::ProfileGenerator generator(planner_->catalog(), seed);
    for (int i = 0; i < count; ++i) {
      Profile p = generator.Next();
      absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
      EXPECT_TRUE(plan.ok()) << plan.status();
      if (plan.ok() && plan->status == PlanStatus::kOk) weeks.emplace_back(p, *std::move(plan));
    }
    return weeks;
  }
  bool Valid(const Profile& p, const Plan& plan) const {
    absl::StatusOr<Evaluation> ev = planner_->Evaluate(p, plan);
    return ev.ok() && ev->valid;
  }
  std::unique_ptr<Planner> planner_;
};

#ifdef BACKBALANCE_WITH_CBC
TEST_F(ClinicianPropertyTest, ARandomEditRepairedIsValidAndNoFartherThanTheEdit) {
  std::mt19937_64 rng(29);
  const auto uniform = [&rng](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  const std::vector<Exercise>& items = planner_->catalog().exercises();
  int repaired_count = 0, edits_kept_valid = 0;
  for (auto& [profile, plan] : Weeks(Repairs(), 41)) {
    Plan edited = plan;
    std::vector<int> training;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (!plan.days[d].items.empty()) training.push_back(d);
    }
    const int d = training[uniform(0, static_cast<int>(training.size()) - 1)];
    auto& day = edited.days[d].items;
    const std::size_t i = uniform(0, static_cast<int>(day.size()) - 1);
    switch (uniform(0, 3)) {
      case 0:  // drop
        day.erase(day.begin() + i);
        break;
      case 1: {  // add any catalog item, in main, for its minutes
        const Exercise& x = items[uniform(0, static_cast<int>(items.size()) - 1)];
        day.insert(day.begin() + i,
                   PlanItem{x.id, Phase::kMain, x.IsAerobic() ? x.min_minutes : x.minutes});
        break;
      }
      case 2: {  // move to another day
        const PlanItem moved = day[i];
        day.erase(day.begin() + i);
        edited.days[(d + uniform(1, kDaysPerWeek - 1)) % kDaysPerWeek].items.push_back(moved);
        break;
      }
      default:  // change minutes
        day[i].minutes += uniform(0, 1) ? 5 : -5;
        break;
    }
    const int edit_distance = Distance(plan, edited);
    absl::StatusOr<Plan> repaired = planner_->Repair(profile, edited);
    ASSERT_TRUE(repaired.ok()) << repaired.status();
    ASSERT_EQ(repaired->status, PlanStatus::kOk);
    ASSERT_TRUE(repaired->changes.has_value());
    EXPECT_TRUE(Valid(profile, *repaired));
    const int distance = Distance(edited, *repaired);
    EXPECT_LE(distance, edit_distance)
        << SaveProfile(profile) << *SavePlan(edited) << *SavePlan(*repaired);
    // One change per unmatched use: the changes count the distance.
    EXPECT_EQ(static_cast<int>(repaired->changes->size()), distance);
    // A week already valid comes back as given (a week whose uses only need reordering
    // comes back reordered, with no changes).
    if (Valid(profile, edited)) {
      ++edits_kept_valid;
      EXPECT_EQ(repaired->days, edited.days);
    }
    ++repaired_count;
  }
  EXPECT_GT(repaired_count, Repairs() / 4);
  EXPECT_LT(edits_kept_valid, repaired_count);
}
#endif

TEST_F(ClinicianPropertyTest, ReplanWithEveryUseCompletedIsNoWorse) {
  for (auto& [profile, plan] : Weeks(Scaled(500), 43)) {
    for (int from_day = 1; from_day <= kDaysPerWeek; ++from_day) {
      std::vector<Feedback> feedback;
      for (int d = 0; d < from_day; ++d) {
        for (const PlanItem& item : plan.days[d].items) {
          Feedback f;
          f.day = d;
          f.exercise = item.exercise;
          f.completed = true;
          feedback.push_back(f);
        }
      }
      absl::StatusOr<Plan> replanned = planner_->Replan(profile, plan, from_day, feedback);
      ASSERT_TRUE(replanned.ok()) << replanned.status();
      ASSERT_EQ(replanned->status, PlanStatus::kOk);
      for (int d = 0; d < from_day; ++d) {
        EXPECT_EQ(replanned->days[d].items, plan.days[d].items);
      }
      EXPECT_GE(*replanned->score, *plan.score - 1e-9) << "from day " << from_day;
      EXPECT_TRUE(Valid(profile, *replanned)) << "from day " << from_day;
    }
  }
}

TEST_F(ClinicianPropertyTest, PinsTakenFromAWeekGiveBackItsScore) {
  for (auto& [profile, plan] : Weeks(Scaled(500), 47)) {
    Profile pinned = profile;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      for (const PlanItem& item : plan.days[d].items) {
        pinned.pins.push_back({d, item.exercise, item.phase,
                               planner_->catalog()
                                       .exercises()[*planner_->catalog().IndexOf(item.exercise)]
                                       .IsAerobic()
                                   ? std::optional<int>(item.minutes)
                                   : std::nullopt});
      }
    }
    absl::StatusOr<Plan> again = planner_->PlanWeek(pinned);
    ASSERT_TRUE(again.ok()) << again.status();
    ASSERT_EQ(again->status, PlanStatus::kOk);
    EXPECT_TRUE(Valid(pinned, *again));
    EXPECT_GE(*again->score, *plan.score - 1e-9);
  }
}

}  // namespace
}  // namespace backbalance
