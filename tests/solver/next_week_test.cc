// Section 8 through Planner::NextWeek on the built-in catalog: one test per rule.
#include <algorithm>
#include <string>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/problem.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "solver/week_context.h"

namespace backbalance {
namespace {

class NextWeekTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Profile> loaded =
        LoadProfileFile(std::string(BKB_SOURCE_DIR) + "/examples/profiles/desk_worker.json");
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    profile_ = *loaded;
    absl::StatusOr<Plan> plan = planner_.PlanWeek(profile_);
    ASSERT_TRUE(plan.ok() && plan->status == PlanStatus::kOk);
    week_ = *plan;
  }

  // Feedback for every use: completed, `pain_after`, no soreness, rpe 5.
  std::vector<Feedback> AllWent(PainAfter pain_after = PainAfter::kSame) const {
    std::vector<Feedback> feedback;
    for (const PlanDay& day : week_.days) {
      for (const PlanItem& item : day.items) {
        feedback.push_back({day.day, item.exercise, true, pain_after, 0, 5});
      }
    }
    return feedback;
  }

  // The first planned strength item that has a regression in the catalog.
  std::string ItemWithRegression() const {
    for (const PlanDay& day : week_.days) {
      for (const PlanItem& item : day.items) {
        if (!catalog_->Find(item.exercise)->regressions.empty()) return item.exercise;
      }
    }
    return "";
  }

  bool Uses(const Plan& plan, const std::string& id) const {
    for (const PlanDay& day : plan.days) {
      for (const PlanItem& item : day.items) {
        if (item.exercise == id) return true;
      }
    }
    return false;
  }

  static bool HasAdvisory(const Plan& plan, const std::string& code) {
    return std::any_of(plan.advisories.begin(), plan.advisories.end(),
                       [&](const Advisory& a) { return a.code == code; });
  }

  std::shared_ptr<const Catalog> catalog_ = Catalog::Builtin();
  Planner planner_ = *Planner::Create(catalog_);
  Profile profile_;
  Plan week_;
};

TEST_F(NextWeekTest, NextProfileIsTheInputWithHistory) {
  absl::StatusOr<NextWeekPlan> next = planner_.NextWeek(profile_, week_, AllWent());
  ASSERT_TRUE(next.ok()) << next.status();
  Profile expected = profile_;
  expected.history = History{week_, AllWent()};
  EXPECT_EQ(next->profile, expected);
  EXPECT_EQ(next->plan.status, PlanStatus::kOk);
}

TEST_F(NextWeekTest, WorseItemIsExcludedAndItsRegressionsPreferred) {
  const std::string id = ItemWithRegression();
  ASSERT_FALSE(id.empty());
  std::vector<Feedback> feedback = AllWent();
  for (Feedback& f : feedback) {
    if (f.exercise == id) f.pain_after = PainAfter::kWorse;
  }
  absl::StatusOr<NextWeekPlan> next = planner_.NextWeek(profile_, week_, feedback);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_FALSE(Uses(next->plan, id));
  EXPECT_NE(
      std::find(next->plan.excluded.begin(), next->plan.excluded.end(), Exclusion{id, "worsened"}),
      next->plan.excluded.end());
  EXPECT_TRUE(std::find(next->profile.exclude.begin(), next->profile.exclude.end(), id) ==
              next->profile.exclude.end())
      << "worsened items are not moved into exclude";
  const WeekContext ctx = *BuildWeekContext(*catalog_, next->profile);
  for (const std::string& regression : catalog_->Find(id)->regressions) {
    EXPECT_TRUE(ctx.preferred[*catalog_->IndexOf(regression)]) << regression;
  }
}

TEST_F(NextWeekTest, SorenessOverAnHourAsksForAProfessionalAndCountsAsWorse) {
  std::vector<Feedback> feedback = AllWent(PainAfter::kBetter);
  const std::string id = feedback.front().exercise;
  feedback.front().soreness_hours = 1.5;
  absl::StatusOr<NextWeekPlan> next = planner_.NextWeek(profile_, week_, feedback);
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE(HasAdvisory(next->plan, "see_professional"));
  EXPECT_FALSE(Uses(next->plan, id));

  feedback.front().soreness_hours = 1.0;  // one hour is not more than one hour
  next = planner_.NextWeek(profile_, week_, feedback);
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(HasAdvisory(next->plan, "see_professional"));
}

TEST_F(NextWeekTest, WellToleratedDosesProgress) {
  absl::StatusOr<NextWeekPlan> next = planner_.NextWeek(profile_, week_, AllWent());
  ASSERT_TRUE(next.ok());
  const WeekContext ctx = *BuildWeekContext(*catalog_, next->profile);
  int checked = 0;
  for (const PlanDay& day : week_.days) {
    for (const PlanItem& item : day.items) {
      const Exercise& e = *catalog_->Find(item.exercise);
      const int index = *catalog_->IndexOf(item.exercise);
      if (e.category == Category::kRelaxation || e.IsAerobic() || !item.dose) continue;
      Dose expected = *item.dose;
      if (expected.form == DoseForm::kSetsReps) {
        if (expected.reps < 10) {
          ++expected.reps;
        } else if (expected.sets < 3) {
          ++expected.sets;
        }
      } else if (expected.form == DoseForm::kHoldReps) {
        expected.hold_seconds = std::min(expected.hold_seconds + 5, 60);
      }
      EXPECT_EQ(ctx.dose[index], expected) << item.exercise;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
  // And the next plan prescribes the progressed doses.
  for (const PlanDay& day : next->plan.days) {
    for (const PlanItem& item : day.items) {
      const int index = *catalog_->IndexOf(item.exercise);
      if (!catalog_->exercises()[index].IsAerobic()) {
        EXPECT_EQ(*item.dose, ctx.dose[index]);
      }
    }
  }
}

TEST_F(NextWeekTest, AnRpeAboveSixOrAMissingUseStopsProgression) {
  std::vector<Feedback> feedback = AllWent();
  const std::string id = feedback.front().exercise;
  feedback.front().rpe = 7;
  absl::StatusOr<NextWeekPlan> next = planner_.NextWeek(profile_, week_, feedback);
  ASSERT_TRUE(next.ok());
  const WeekContext ctx = *BuildWeekContext(*catalog_, next->profile);
  EXPECT_FALSE(ctx.progressed[*catalog_->IndexOf(id)]);
}

TEST_F(NextWeekTest, TopDosePutsProgressionsIntoThePreferredSet) {
  // A week whose strength items already sit at 3 x 10.
  Plan top = week_;
  std::string id;
  for (PlanDay& day : top.days) {
    for (PlanItem& item : day.items) {
      const Exercise& e = *catalog_->Find(item.exercise);
      if (e.dose.form == DoseForm::kSetsReps && !e.progressions.empty()) {
        item.dose = Dose::SetsReps(3, 10);
        if (id.empty()) id = item.exercise;
      }
    }
  }
  ASSERT_FALSE(id.empty());
  std::vector<Feedback> feedback;
  for (const PlanDay& day : top.days) {
    for (const PlanItem& item : day.items) {
      feedback.push_back({day.day, item.exercise, true, PainAfter::kSame, 0, 4});
    }
  }
  absl::StatusOr<NextWeekPlan> next = planner_.NextWeek(profile_, top, feedback);
  ASSERT_TRUE(next.ok()) << next.status();
  const WeekContext ctx = *BuildWeekContext(*catalog_, next->profile);
  EXPECT_TRUE(ctx.at_top_dose[*catalog_->IndexOf(id)]);
  for (const std::string& harder : catalog_->Find(id)->progressions) {
    EXPECT_TRUE(ctx.preferred[*catalog_->IndexOf(harder)]) << harder;
  }
}

TEST_F(NextWeekTest, VolumeCapFollowsCompletedMinutes) {
  std::vector<Feedback> feedback = AllWent();
  for (std::size_t i = 1; i < feedback.size(); ++i) feedback[i].completed = i % 2 == 0;
  int completed = 0;
  for (const Feedback& f : feedback) {
    if (!f.completed) continue;
    for (const PlanItem& item : week_.days[f.day].items) {
      if (item.exercise == f.exercise) completed += item.minutes;
    }
  }
  absl::StatusOr<NextWeekPlan> next = planner_.NextWeek(profile_, week_, feedback);
  ASSERT_TRUE(next.ok());
  const int cap = std::min(360, std::max(60, 11 * completed / 10));
  EXPECT_EQ(next->plan.targets->volume_cap, cap);
  if (next->plan.status == PlanStatus::kOk) {
    EXPECT_LE(next->plan.totals->minutes, cap);
  }

  next = planner_.NextWeek(profile_, week_, {});  // nothing reported: 60 minutes
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->plan.targets->volume_cap, 60);
}

TEST_F(NextWeekTest, PainPersistingOverThreeDaysAsksForADoctor) {
  profile_.pain_persisting_days = 4;
  absl::StatusOr<NextWeekPlan> next = planner_.NextWeek(profile_, week_, AllWent());
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE(HasAdvisory(next->plan, "see_doctor"));
  profile_.pain_persisting_days = 3;
  next = planner_.NextWeek(profile_, week_, AllWent());
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(HasAdvisory(next->plan, "see_doctor"));
}

TEST_F(NextWeekTest, FeedbackMustNameEachUseOnce) {
  std::vector<Feedback> feedback = AllWent();
  feedback.push_back(feedback.front());
  absl::StatusOr<NextWeekPlan> next = planner_.NextWeek(profile_, week_, feedback);
  ASSERT_FALSE(next.ok());
  const std::vector<Problem> problems = ProblemsOf(next.status());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "history.feedback[" + std::to_string(feedback.size() - 1) + "]");
  EXPECT_EQ(problems[0].rule, "duplicate");

  feedback.pop_back();
  feedback.push_back({6, "no_such_use", true, PainAfter::kSame, 0, 5});
  next = planner_.NextWeek(profile_, week_, feedback);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(ProblemsOf(next.status()).at(0).rule, "unknown_use");
}

}  // namespace
}  // namespace backbalance
