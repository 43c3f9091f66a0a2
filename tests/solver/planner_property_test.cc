// Property tests of the planner on the built-in catalog: every ok plan passes
// Evaluate with no violation and carries Evaluate's score; results are deterministic
// and identical across thread counts; statuses match the profile (refer for red flags).
#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "testing/profile_generator.h"

namespace backbalance {
namespace {

// 1000 profiles by default; BACKBALANCE_PROPERTY_PROFILES scales every test here down
// (the sanitizer builds set 100: unoptimised and instrumented, 1000 take minutes).
int ProfileCount() {
  const char* text = std::getenv("BACKBALANCE_PROPERTY_PROFILES");
  if (text == nullptr) return 1000;
  const int count = std::atoi(text);
  return count >= 20 ? count : 20;
}
const int kProfiles = ProfileCount();

class PlannerPropertyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto planner = Planner::Create(Catalog::Builtin());
    ASSERT_TRUE(planner.ok()) << planner.status();
    planner_ = std::make_unique<Planner>(*std::move(planner));
    testing::ProfileGenerator generator(planner_->catalog(), /*seed=*/23);
    for (int i = 0; i < kProfiles; ++i) profiles_.push_back(generator.Next());
  }
  std::unique_ptr<Planner> planner_;
  std::vector<Profile> profiles_;
};

TEST_F(PlannerPropertyTest, EveryOkPlanIsValidAndScoredByEvaluate) {
  std::map<PlanStatus, int> statuses;
  for (std::size_t i = 0; i < profiles_.size(); ++i) {
    absl::StatusOr<Plan> plan = planner_->PlanWeek(profiles_[i]);
    ASSERT_TRUE(plan.ok()) << "profile " << i << ": " << plan.status();
    ++statuses[plan->status];
    absl::StatusOr<Evaluation> evaluation = planner_->Evaluate(profiles_[i], *plan);
    ASSERT_TRUE(evaluation.ok()) << evaluation.status();
    if (plan->status == PlanStatus::kOk) {
      EXPECT_TRUE(evaluation->valid)
          << "profile " << i << ": " << evaluation->violations.size() << " violations, first: "
          << (evaluation->violations.empty() ? "" : evaluation->violations[0].detail);
      ASSERT_TRUE(plan->score.has_value());
      EXPECT_EQ(*plan->score, evaluation->score) << "profile " << i;
      EXPECT_EQ(*plan->score_terms, evaluation->score_terms) << "profile " << i;
    } else {
      EXPECT_EQ(plan->status == PlanStatus::kRefer, !profiles_[i].red_flags.empty());
      for (const PlanDay& day : plan->days) {
        EXPECT_TRUE(day.items.empty());
      }
      EXPECT_EQ(plan->score, 0.0);
      if (plan->status == PlanStatus::kInfeasible) {
        EXPECT_FALSE(plan->diagnosis.empty());
      }
    }
  }
  // The generator must reach every status, or the property says little.
  EXPECT_GT(statuses[PlanStatus::kOk], kProfiles / 2);
  EXPECT_GT(statuses[PlanStatus::kInfeasible], 0);
  EXPECT_GT(statuses[PlanStatus::kRefer], 0);
}

// What a physiotherapist checks of each session of an ok week (plan model 2, H4 and the
// warm-up rule of section 2): a warm-up of 5-15 minutes of dynamic items, a cool-down
// that holds a stretch; and of the week: a category that weighs is not left at 0
// minutes while adding one of its eligible items to a training day would keep the week
// valid and raise the score (the `mix` term makes such a week a poor one).
TEST_F(PlannerPropertyTest, EveryOkWeekHasRealWarmupsStretchesAndNoNeedlessEmptyCategory) {
  const Catalog& catalog = planner_->catalog();
  int ok = 0;
  int floors_checked = 0;
  for (std::size_t i = 0; i < profiles_.size(); ++i) {
    absl::StatusOr<Plan> plan = planner_->PlanWeek(profiles_[i]);
    ASSERT_TRUE(plan.ok()) << plan.status();
    if (plan->status != PlanStatus::kOk) continue;
    ++ok;
    std::array<int, kCategoryCount> minutes{};
    for (const PlanDay& day : plan->days) {
      if (day.items.empty()) continue;
      int warmup = 0;
      bool stretch = false;
      for (const PlanItem& item : day.items) {
        const Exercise& e = *catalog.Find(item.exercise);
        minutes[int(e.category)] += item.minutes;
        if (item.phase == Phase::kWarmup) {
          warmup += item.minutes;
          EXPECT_TRUE(e.category == Category::kAerobic ||
                      ((e.category == Category::kFlexibility || e.category == Category::kBalance) &&
                       e.dose.form == DoseForm::kSetsReps))
              << "profile " << i << ": " << e.id << " warms up";
        }
        stretch =
            stretch || (item.phase == Phase::kCooldown && e.category == Category::kFlexibility);
      }
      EXPECT_GE(warmup, 5) << "profile " << i << " day " << day.day;
      EXPECT_LE(warmup, 15) << "profile " << i << " day " << day.day;
      EXPECT_TRUE(stretch) << "profile " << i << " day " << day.day;
    }
    absl::StatusOr<Evaluation> base = planner_->Evaluate(profiles_[i], *plan);
    ASSERT_TRUE(base.ok());
    for (Category c : AllValues<Category>()) {
      const int goal = c == Category::kAerobic       ? profiles_[i].goals.endurance
                       : c == Category::kStrength    ? profiles_[i].goals.strength
                       : c == Category::kFlexibility ? profiles_[i].goals.flexibility
                       : c == Category::kBalance     ? profiles_[i].goals.balance
                                                     : profiles_[i].goals.stress_relief;
      if (goal == 0 || plan->targets->by_category[int(c)] == 0 || minutes[int(c)] > 0) continue;
      ++floors_checked;
      for (const Exercise& e : catalog.exercises()) {
        if (e.category != c) continue;
        for (const PlanDay& day : plan->days) {
          if (day.items.empty()) continue;
          Plan more = *plan;
          PlanItem item;
          item.exercise = e.id;
          item.phase = Phase::kMain;
          item.minutes = e.IsAerobic() ? e.min_minutes : e.minutes;
          auto& items = more.days[day.day].items;
          auto at = std::find_if(items.begin(), items.end(),
                                 [](const PlanItem& x) { return x.phase == Phase::kCooldown; });
          items.insert(at, item);
          absl::StatusOr<Evaluation> added = planner_->Evaluate(profiles_[i], more);
          ASSERT_TRUE(added.ok());
          EXPECT_FALSE(added->valid && added->score > base->score + 1e-9)
              << "profile " << i << ": " << ToName(c) << " is at 0 minutes, but " << e.id
              << " fits on day " << day.day << " and raises the score from " << base->score
              << " to " << added->score;
        }
      }
    }
  }
  EXPECT_GT(ok, kProfiles / 2);
  RecordProperty("category_floors_checked", floors_checked);
}

TEST_F(PlannerPropertyTest, SameInputSameBytesAcrossRunsAndThreads) {
  const std::vector<Profile> some(profiles_.begin(), profiles_.begin() + kProfiles / 5);
  const auto one = planner_->PlanBatch(some, 1);
  const auto two = planner_->PlanBatch(some, 2);
  ASSERT_EQ(one.size(), some.size());
  ASSERT_EQ(two.size(), some.size());
  for (std::size_t i = 0; i < some.size(); ++i) {
    ASSERT_TRUE(one[i].ok() && two[i].ok());
    const absl::StatusOr<Plan> again = planner_->PlanWeek(some[i]);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(SavePlan(*one[i]).value(), SavePlan(*two[i]).value()) << "profile " << i;
    EXPECT_EQ(SavePlan(*one[i]).value(), SavePlan(*again).value()) << "profile " << i;
  }
}

TEST_F(PlannerPropertyTest, NextWeekPlansStayValid) {
  testing::ProfileGenerator feedback_generator(planner_->catalog(), /*seed=*/7);
  int checked = 0;
  for (int i = 0; i < kProfiles * 3 / 10; ++i) {
    absl::StatusOr<Plan> plan = planner_->PlanWeek(profiles_[i]);
    ASSERT_TRUE(plan.ok());
    if (plan->status != PlanStatus::kOk) continue;
    const std::vector<Feedback> feedback = feedback_generator.FeedbackFor(*plan);
    absl::StatusOr<NextWeekPlan> next = planner_->NextWeek(profiles_[i], *plan, feedback);
    ASSERT_TRUE(next.ok()) << next.status();
    ASSERT_TRUE(next->profile.history.has_value());
    if (next->plan.status != PlanStatus::kOk) continue;
    absl::StatusOr<Evaluation> evaluation = planner_->Evaluate(next->profile, next->plan);
    ASSERT_TRUE(evaluation.ok());
    EXPECT_TRUE(evaluation->valid) << "profile " << i;
    ++checked;
  }
  EXPECT_GT(checked, kProfiles / 10);
}

}  // namespace
}  // namespace backbalance
