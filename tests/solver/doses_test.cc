// The profile's `doses` as the solver reads them (plan model sections 8 and 12): the base
// dose is the `doses` entry, else the catalog's; a plan item carries it; progression
// starts from it; an aerobic entry changes nothing.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backbalance/solver/planner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "solver/week_context.h"
#include "testing/catalog_builder.h"
#include "testing/status_matchers.h"
#include "testing/week_context_fixture.h"

namespace backbalance {
namespace {

using ::backbalance::testing::IsOk;
using testkit::Cooldown;
using testkit::Done;
using testkit::ExerciseBuilder;
using testkit::Main;
using testkit::MakeCatalog;
using testkit::MakePlan;
using testkit::Use;
using testkit::Warmup;

using C = Category;
using M = Muscle;
using P = Phase;

std::shared_ptr<const Catalog> DoseCatalog() {
  return MakeCatalog({
      ExerciseBuilder("walk", C::kAerobic).Phases({P::kWarmup, P::kMain}).AerobicRange(10, 30),
      ExerciseBuilder("squat", C::kStrength)
          .Primary({M::kQuadriceps})
          .Minutes(10)
          .WithDose(Dose::SetsReps(2, 8)),
      ExerciseBuilder("plank", C::kStrength).Primary({M::kCore}).WithDose(Dose::HoldReps(20, 3)),
      ExerciseBuilder("hamstring_stretch", C::kFlexibility)
          .Phases({P::kMain, P::kCooldown})
          .Primary({M::kHamstrings})
          .WithDose(Dose::HoldReps(30, 3)),
      ExerciseBuilder("breathing", C::kRelaxation)
          .Phases({P::kMain, P::kCooldown})
          .WithDose(Dose::Minutes(5)),
  });
}

class DosesTest : public testkit::WeekContextTest {
 protected:
  DosesTest() : WeekContextTest(DoseCatalog()) {}
};

TEST_F(DosesTest, TheEntryIsTheBaseDose) {
  profile_.doses["squat"] = Dose::SetsReps(1, 5);
  profile_.doses["plank"] = Dose::SetsReps(2, 6);  // another form its category allows
  profile_.doses["breathing"] = Dose::HoldReps(60, 4);
  const WeekContext ctx = Context();
  EXPECT_EQ(ctx.dose[Index("squat")], Dose::SetsReps(1, 5));
  EXPECT_EQ(ctx.dose[Index("plank")], Dose::SetsReps(2, 6));
  EXPECT_EQ(ctx.dose[Index("breathing")], Dose::HoldReps(60, 4));
  // Without an entry, the catalog's.
  EXPECT_EQ(ctx.dose[Index("hamstring_stretch")], Dose::HoldReps(30, 3));
}

TEST_F(DosesTest, AnAerobicEntryChangesNothing) {
  profile_.doses["walk"] = Dose::Minutes(120);
  const WeekContext ctx = Context();
  EXPECT_EQ(ctx.dose[Index("walk")], catalog_->exercises()[Index("walk")].dose);
  EXPECT_EQ(ctx.max_minutes[Index("walk")], 30);
}

TEST_F(DosesTest, ProgressionStartsFromTheEntry) {
  profile_.doses["squat"] = Dose::SetsReps(1, 5);
  // Last week's plan carried the catalog's form for plank, but the entry's form is
  // {sets, reps}: the base dose (the entry) is what progresses.
  profile_.doses["plank"] = Dose::SetsReps(2, 10);
  profile_.history = History{MakePlan({{0,
                                        {Warmup("walk", 10), Main("squat", 10),
                                         Use(P::kMain, "plank", 5, Dose::HoldReps(20, 3)),
                                         Cooldown("hamstring_stretch", 5)}}}),
                             {Done(0, "walk", 5), Done(0, "squat", 5), Done(0, "plank", 5),
                              Done(0, "hamstring_stretch", 5)}};
  const WeekContext ctx = Context();
  // The history plan's squat carries no dose: the base (1x5) progresses to 1x6.
  EXPECT_EQ(ctx.dose[Index("squat")], Dose::SetsReps(1, 6));
  // At reps 10, sets step: 2x10 -> 3x10.
  EXPECT_EQ(ctx.dose[Index("plank")], Dose::SetsReps(3, 10));
  EXPECT_TRUE(ctx.progressed[Index("plank")]);
}

TEST_F(DosesTest, AHistoryDoseOfTheEntrysFormIsCarried) {
  profile_.doses["plank"] = Dose::SetsReps(1, 5);
  profile_.history = History{MakePlan({{0, {Use(P::kMain, "plank", 5, Dose::SetsReps(2, 7))}}}),
                             {Done(0, "plank", 8)}};  // rpe 8: held, not progressed
  EXPECT_EQ(Context().dose[Index("plank")], Dose::SetsReps(2, 7));
  // Out of section 2's ranges: the base dose instead.
  profile_.history->plan.days[0].items[0].dose = Dose::SetsReps(2, 70);
  EXPECT_EQ(Context().dose[Index("plank")], Dose::SetsReps(1, 5));
}

TEST_F(DosesTest, APlanItemCarriesTheEntry) {
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin());
  ASSERT_THAT(planner, IsOk());
  Profile profile;
  absl::StatusOr<Plan> before = planner->PlanWeek(profile);
  ASSERT_THAT(before, IsOk());
  ASSERT_EQ(before->status, PlanStatus::kOk);
  // Every non-aerobic item of the week gets an entry of its own form, one rep more
  // (or 5 s longer): the week is the same, each item carrying its entry.
  std::map<std::string, Dose> entries;
  for (const PlanDay& day : before->days) {
    for (const PlanItem& item : day.items) {
      const Exercise& e =
          planner->catalog().exercises()[*planner->catalog().IndexOf(item.exercise)];
      if (e.IsAerobic() || !item.dose) continue;
      Dose d = *item.dose;
      if (d.form == DoseForm::kMinutes) continue;
      if (d.form == DoseForm::kSetsReps) d.reps = std::min(50, d.reps + 1);
      if (d.form == DoseForm::kHoldReps) d.hold_seconds = std::min(300, d.hold_seconds + 5);
      entries[item.exercise] = d;
    }
  }
  ASSERT_FALSE(entries.empty());
  profile.doses = entries;
  absl::StatusOr<Plan> after = planner->PlanWeek(profile);
  ASSERT_THAT(after, IsOk());
  ASSERT_EQ(after->status, PlanStatus::kOk);
  int checked = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    ASSERT_EQ(after->days[d].items.size(), before->days[d].items.size()) << d;
    for (const PlanItem& item : after->days[d].items) {
      auto it = entries.find(item.exercise);
      if (it == entries.end()) continue;
      ASSERT_TRUE(item.dose.has_value());
      EXPECT_EQ(*item.dose, it->second) << item.exercise;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace backbalance
