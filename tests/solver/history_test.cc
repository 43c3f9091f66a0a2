// Tests of what last week's plan and feedback change (plan model section 8) as
// BuildWeekContext reads them: completed minutes and the volume cap, dose and aerobic
// progressions, worsened items, the preferred set, and the advisories' flags.
#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "backbalance/solver/evaluate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "solver/week_context.h"
#include "testing/catalog_builder.h"
#include "testing/week_context_fixture.h"

namespace backbalance {
namespace {

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

std::shared_ptr<const Catalog> HistoryCatalog() {
  return MakeCatalog({
      ExerciseBuilder("walk", C::kAerobic).Phases({P::kWarmup, P::kMain}).AerobicRange(10, 30),
      ExerciseBuilder("long_walk", C::kAerobic).AerobicRange(30, 120).Progressions({"hike"}),
      ExerciseBuilder("hike", C::kAerobic).ImpactLevel(Impact::kModerate).AerobicRange(30, 120),
      ExerciseBuilder("wall_sit", C::kStrength)
          .Primary({M::kQuadriceps})
          .Minutes(10)
          .WithDose(Dose::SetsReps(2, 8))
          .Progressions({"squat"})
          .Regressions({"chair_sit"}),
      ExerciseBuilder("squat", C::kStrength)
          .Primary({M::kQuadriceps, M::kGlutes})
          .Minutes(10)
          .WithDose(Dose::SetsReps(3, 10))
          .Progressions({"split_squat"})
          .Regressions({"wall_sit"}),
      ExerciseBuilder("split_squat", C::kStrength)
          .Primary({M::kQuadriceps})
          .Minutes(10)
          .Difficulty(2),
      ExerciseBuilder("chair_sit", C::kStrength)
          .Primary({M::kQuadriceps})
          .WithDose(Dose::SetsReps(1, 5)),
      ExerciseBuilder("side_hold", C::kBalance)
          .Primary({M::kHipAbductors})
          .WithDose(Dose::HoldReps(30, 3)),
      ExerciseBuilder("long_hold", C::kFlexibility)
          .Phases({P::kMain, P::kCooldown})
          .Primary({M::kHamstrings})
          .WithDose(Dose::HoldReps(60, 2))
          .Progressions({"deep_hold"}),
      ExerciseBuilder("deep_hold", C::kFlexibility)
          .Phases({P::kMain, P::kCooldown})
          .Primary({M::kHamstrings})
          .WithDose(Dose::HoldReps(30, 2)),
      ExerciseBuilder("breathing", C::kRelaxation)
          .Phases({P::kMain, P::kCooldown})
          .WithDose(Dose::Minutes(5)),
  });
}

// profile_ starts as the default: band A, fitness 2.
class HistoryTest : public testkit::WeekContextTest {
 protected:
  HistoryTest() : WeekContextTest(HistoryCatalog()) {}
  void SetHistory(Plan plan, std::vector<Feedback> feedback) {
    profile_.history = History{std::move(plan), std::move(feedback)};
  }
  // The ids in the preferred set, in catalog order.
  std::vector<std::string> Preferred(const WeekContext& ctx) const {
    std::vector<std::string> ids;
    for (std::size_t e = 0; e < ctx.preferred.size(); ++e) {
      if (ctx.preferred[e]) ids.push_back(catalog_->exercises()[e].id);
    }
    return ids;
  }
};

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST_F(HistoryTest, NoHistory) {
  const WeekContext ctx = Context();
  EXPECT_FALSE(ctx.has_history);
  // A first week: min(band A's 360, the first-week cap of fitness 2: 180).
  EXPECT_EQ(ctx.targets.volume_cap, 180);
  EXPECT_TRUE(ctx.first_week_cap);
  for (int fitness = 1; fitness <= 5; ++fitness) {
    profile_.fitness = fitness;
    EXPECT_EQ(Context().targets.volume_cap, std::min(360, 60 + 60 * fitness)) << fitness;
  }
  profile_.fitness = 2;
  EXPECT_EQ(ctx.completed_minutes, 0);
  EXPECT_EQ(ctx.preferred_count, 0);
  EXPECT_FALSE(ctx.see_professional);
  EXPECT_FALSE(ctx.see_doctor);
  for (std::size_t e = 0; e < catalog_->size(); ++e) {
    EXPECT_EQ(ctx.dose[e], catalog_->exercises()[e].dose);
    EXPECT_EQ(ctx.max_minutes[e], catalog_->exercises()[e].max_minutes);
  }
}

// ---------------------------------------------------------------- completed minutes, cap

TEST_F(HistoryTest, EmptyFeedbackSetsTheCapToSixtyOrTheBandCap) {
  SetHistory(MakePlan({{0, {Main("walk", 30)}}, {2, {Main("wall_sit", 10)}}}), {});
  WeekContext ctx = Context();
  EXPECT_TRUE(ctx.has_history);
  EXPECT_EQ(ctx.completed_minutes, 0);
  EXPECT_EQ(ctx.targets.volume_cap, 60);          // min(360, max(60, 0))
  EXPECT_EQ(ctx.max_minutes[Index("walk")], 30);  // nothing progresses
  EXPECT_EQ(ctx.dose[Index("wall_sit")], Dose::SetsReps(2, 8));
  EXPECT_EQ(ctx.preferred_count, 0);

  profile_.pain = 8;  // band C: min(180, 60)
  EXPECT_EQ(Context().targets.volume_cap, 60);

  PlannerOptions options;
  options.bands[int(PainBand::kA)].volume_cap = 50;  // a band cap below 60 wins
  profile_.pain = 3;
  EXPECT_EQ(Context(options).targets.volume_cap, 50);
}

TEST_F(HistoryTest, CompletedMinutesArePlannedMinutesOfCompletedUses) {
  Feedback not_done;
  not_done.day = 0;
  not_done.exercise = "wall_sit";
  not_done.completed = false;
  SetHistory(MakePlan({
                 {0, {Warmup("walk", 20), Main("wall_sit", 10), Cooldown("breathing", 5)}},
                 // squat twice in a day: its one entry applies to both uses.
                 {2, {Warmup("walk", 25), Main("squat", 10), Main("squat", 10)}},
                 {4, {Main("side_hold", 5)}},
             }),
             {Done(0, "walk"), not_done, Done(2, "walk"), Done(2, "squat")});
  // walk 20 + walk 25 + squat 10 + squat 10 = 65; wall_sit (not completed), breathing
  // and side_hold (no entry) do not count. Cap: max(60, floor(11 x 65 / 10) = 71) = 71.
  const WeekContext ctx = Context();
  EXPECT_EQ(ctx.completed_minutes, 65);
  EXPECT_EQ(ctx.targets.volume_cap, 71);
}

struct CapCase {
  int pain;
  int completed;
  int cap;
};
void PrintTo(const CapCase& c, std::ostream* os) {
  *os << "pain " << c.pain << ", " << c.completed << " completed -> cap " << c.cap;
}

class VolumeCapTest : public HistoryTest, public ::testing::WithParamInterface<CapCase> {};

TEST_P(VolumeCapTest, TenPercentMoreThanLastWeekNeverBelowSixty) {
  const CapCase c = GetParam();
  profile_.pain = c.pain;
  // One completed use of `completed` minutes (a history plan is a record, not checked).
  SetHistory(MakePlan({{1, {Main("long_walk", c.completed)}}}), {Done(1, "long_walk")});
  const WeekContext ctx = Context();
  EXPECT_EQ(ctx.completed_minutes, c.completed);
  EXPECT_EQ(ctx.targets.volume_cap, c.cap);
}

INSTANTIATE_TEST_SUITE_P(Caps, VolumeCapTest,
                         ::testing::Values(CapCase{3, 30, 60},    // floor(33) -> 60
                                           CapCase{3, 54, 60},    // floor(59.4) = 59 -> 60
                                           CapCase{3, 55, 60},    // floor(60.5) = 60
                                           CapCase{3, 57, 62},    // floor(62.7) = 62
                                           CapCase{3, 59, 64},    // floor(64.9) = 64
                                           CapCase{3, 100, 110},  // 110
                                           CapCase{3, 300, 330},  // 330
                                           CapCase{3, 327, 359},  // floor(359.7) = 359
                                           CapCase{3, 328, 360},  // floor(360.8) = 360 = band A cap
                                           CapCase{3, 400, 360},  // 440 -> band A cap 360
                                           CapCase{5, 300, 270},  // band B cap
                                           CapCase{8, 100, 110},  // band C: min(180, 110)
                                           CapCase{8, 200, 180}));  // band C cap

// ---------------------------------------------------------------- dose progression

struct DoseCase {
  std::optional<Dose> last_week;  // the dose the history plan's item carried
  Dose next_week;
  bool at_top;
};
void PrintTo(const Dose& d, std::ostream* os) {
  switch (d.form) {
    case DoseForm::kSetsReps:
      *os << "{sets " << d.sets << ", reps " << d.reps << "}";
      break;
    case DoseForm::kHoldReps:
      *os << "{hold " << d.hold_seconds << " s, reps " << d.reps << "}";
      break;
    default:
      *os << "{minutes " << d.minutes << "}";
      break;
  }
}
void PrintTo(const DoseCase& c, std::ostream* os) {
  if (c.last_week) {
    PrintTo(*c.last_week, os);
  } else {
    *os << "no dose";
  }
  *os << " -> ";
  PrintTo(c.next_week, os);
  if (c.at_top) *os << " (at top)";
}

class SetsRepsProgressionTest : public HistoryTest,
                                public ::testing::WithParamInterface<DoseCase> {};

TEST_P(SetsRepsProgressionTest, RepsUpToTenThenSetsUpToThree) {
  const DoseCase c = GetParam();
  SetHistory(MakePlan({{0, {Use(P::kMain, "wall_sit", 10, c.last_week)}}}),
             {Done(0, "wall_sit", /*rpe=*/6)});
  const WeekContext ctx = Context();
  const int e = Index("wall_sit");
  EXPECT_EQ(ctx.dose[e], c.next_week);
  EXPECT_EQ(ctx.at_top_dose[e] != 0, c.at_top);
  EXPECT_EQ(ctx.progressed[e] != 0, !c.at_top);
  // At its top, wall_sit's progression (squat) joins the preferred set.
  EXPECT_EQ(ctx.preferred[Index("squat")] != 0, c.at_top);
  EXPECT_EQ(ctx.preferred_count, c.at_top ? 1 : 0);
}

INSTANTIATE_TEST_SUITE_P(
    Doses, SetsRepsProgressionTest,
    ::testing::Values(
        DoseCase{Dose::SetsReps(2, 8), Dose::SetsReps(2, 9), false},
        DoseCase{Dose::SetsReps(2, 9), Dose::SetsReps(2, 10), false},
        DoseCase{Dose::SetsReps(2, 10), Dose::SetsReps(3, 10), false},
        DoseCase{Dose::SetsReps(1, 12), Dose::SetsReps(2, 12), false},
        DoseCase{Dose::SetsReps(3, 9), Dose::SetsReps(3, 10), false},
        DoseCase{Dose::SetsReps(5, 8), Dose::SetsReps(5, 9), false},
        DoseCase{Dose::SetsReps(3, 10), Dose::SetsReps(3, 10), true},
        DoseCase{Dose::SetsReps(4, 12), Dose::SetsReps(4, 12), true},
        // No dose in the plan, or one of another form: the catalog's {2, 8} progresses.
        DoseCase{std::nullopt, Dose::SetsReps(2, 9), false},
        DoseCase{Dose::HoldReps(30, 3), Dose::SetsReps(2, 9), false}));

TEST_F(HistoryTest, HoldProgressionUpToSixtySeconds) {
  struct Case {
    Dose last_week;
    Dose next_week;
    bool at_top;
  };
  for (const Case& c : {Case{Dose::HoldReps(30, 3), Dose::HoldReps(35, 3), false},
                        Case{Dose::HoldReps(55, 3), Dose::HoldReps(60, 3), false},
                        Case{Dose::HoldReps(57, 3), Dose::HoldReps(60, 3), false},
                        Case{Dose::HoldReps(60, 3), Dose::HoldReps(60, 3), true},
                        Case{Dose::HoldReps(90, 2), Dose::HoldReps(90, 2), true}}) {
    SetHistory(MakePlan({{3, {Use(P::kMain, "side_hold", 5, c.last_week)}}}),
               {Done(3, "side_hold", /*rpe=*/4)});
    const WeekContext ctx = Context();
    const int e = Index("side_hold");
    EXPECT_EQ(ctx.dose[e], c.next_week) << c.last_week.hold_seconds;
    EXPECT_EQ(ctx.at_top_dose[e] != 0, c.at_top) << c.last_week.hold_seconds;
  }
}

TEST_F(HistoryTest, FlexibilityAtTopPrefersItsProgressions) {
  // long_hold's catalog dose is 60 s already: at its top, deep_hold joins the set.
  SetHistory(MakePlan({{3, {Cooldown("long_hold", 5)}}}), {Done(3, "long_hold", 3)});
  const WeekContext ctx = Context();
  EXPECT_EQ(ctx.dose[Index("long_hold")], Dose::HoldReps(60, 2));
  EXPECT_TRUE(ctx.at_top_dose[Index("long_hold")]);
  EXPECT_THAT(Preferred(ctx), ElementsAre("deep_hold"));
  EXPECT_EQ(ctx.preferred_count, 1);
}

TEST_F(HistoryTest, RelaxationMinutesDoseNeverChanges) {
  SetHistory(MakePlan({{3, {Cooldown("breathing", 5)}}}), {Done(3, "breathing", 2)});
  const WeekContext ctx = Context();
  EXPECT_EQ(ctx.dose[Index("breathing")], Dose::Minutes(5));
  EXPECT_FALSE(ctx.progressed[Index("breathing")]);
  EXPECT_FALSE(ctx.at_top_dose[Index("breathing")]);
}

// ---------------------------------------------------------------- aerobic progression

TEST_F(HistoryTest, ProgressedAerobicMaxIsTenPercentRoundedUpToFive) {
  // min(120, 5 x ceil(11 x max / 50)).
  EXPECT_EQ(ProgressedAerobicMax(5), 10);     // ceil(1.1) = 2
  EXPECT_EQ(ProgressedAerobicMax(10), 15);    // ceil(2.2) = 3
  EXPECT_EQ(ProgressedAerobicMax(30), 35);    // ceil(6.6) = 7
  EXPECT_EQ(ProgressedAerobicMax(40), 45);    // ceil(8.8) = 9
  EXPECT_EQ(ProgressedAerobicMax(50), 55);    // 11 exactly
  EXPECT_EQ(ProgressedAerobicMax(100), 110);  // 22 exactly
  EXPECT_EQ(ProgressedAerobicMax(105), 120);  // ceil(23.1) = 24 -> 120
  EXPECT_EQ(ProgressedAerobicMax(110), 120);  // ceil(24.2) = 25 -> 125 -> 120
  EXPECT_EQ(ProgressedAerobicMax(120), 120);
}

// Last week: walk on days 0 and 2, both completed at rpe 5 unless `day2` says otherwise.
Plan TwoWalks() { return MakePlan({{0, {Main("walk", 30)}}, {2, {Main("walk", 30)}}}); }

TEST_F(HistoryTest, AerobicMaxProgressesFromLastWeeksLongestUse) {
  SetHistory(TwoWalks(), {Done(0, "walk", 5), Done(2, "walk", 5)});
  EXPECT_EQ(Context().max_minutes[Index("walk")], 35);  // 5 x ceil(11 x 30 / 50)
  EXPECT_TRUE(Context().progressed[Index("walk")]);
  // Model 2: the person's maximum is the larger of the catalog's 30 and last week's
  // longest use, 35; that value progresses: 5 x ceil(11 x 35 / 50) = 40.
  SetHistory(MakePlan({{0, {Main("walk", 35)}}}), {Done(0, "walk", 5)});
  EXPECT_EQ(Context().max_minutes[Index("walk")], 40);
  // Not progressing (no rpe), the maximum is held at last week's 35, never taken back.
  SetHistory(MakePlan({{0, {Main("walk", 35)}}}), {Done(0, "walk")});
  EXPECT_EQ(Context().max_minutes[Index("walk")], 35);
  EXPECT_FALSE(Context().progressed[Index("walk")]);
  // A week without the item starts again from the catalog's.
  SetHistory(MakePlan({{0, {Main("wall_sit", 10)}}}), {Done(0, "wall_sit", 5)});
  EXPECT_EQ(Context().max_minutes[Index("walk")], 30);
}

TEST_F(HistoryTest, AerobicAtTopPrefersItsProgressions) {
  SetHistory(MakePlan({{1, {Main("long_walk", 60)}}}), {Done(1, "long_walk", 6)});
  const WeekContext ctx = Context();
  EXPECT_EQ(ctx.max_minutes[Index("long_walk")], 120);
  EXPECT_TRUE(ctx.at_top_dose[Index("long_walk")]);
  EXPECT_FALSE(ctx.progressed[Index("long_walk")]);
  EXPECT_THAT(Preferred(ctx), ElementsAre("hike"));
}

TEST_F(HistoryTest, ProgressionNeedsEveryUseCompletedNoneWorseAndRpeAtMostSix) {
  struct Case {
    const char* what;
    std::optional<Feedback> day2;  // none: no entry for day 2's use
    bool progresses;
  };
  Feedback not_completed = Done(2, "walk", 5);
  not_completed.completed = false;
  const std::vector<Case> cases = {
      {"rpe 6", Done(2, "walk", 6), true},
      {"rpe 7", Done(2, "walk", 7), false},
      {"no rpe", Done(2, "walk"), false},
      {"not completed", not_completed, false},
      {"no entry", std::nullopt, false},
      {"worse", Done(2, "walk", 5, PainAfter::kWorse), false},
      {"sore", Done(2, "walk", 5, PainAfter::kSame, 2.0), false},
      {"better", Done(2, "walk", 5, PainAfter::kBetter), true},
  };
  for (const Case& c : cases) {
    std::vector<Feedback> feedback = {Done(0, "walk", 5)};
    if (c.day2) feedback.push_back(*c.day2);
    SetHistory(TwoWalks(), feedback);
    const WeekContext ctx = Context();
    EXPECT_EQ(ctx.max_minutes[Index("walk")], c.progresses ? 35 : 30) << c.what;
  }
}

// ---------------------------------------------------------------- worsened items

TEST_F(HistoryTest, WorsenedItemPrefersItsRegressions) {
  // squat would be at its top ({3, 10}); made worse, it does not progress and its
  // regression wall_sit, not its progression split_squat, joins the preferred set.
  SetHistory(MakePlan({{2, {Main("squat", 10)}}}), {Done(2, "squat", 5, PainAfter::kWorse)});
  const WeekContext ctx = Context();
  const int e = Index("squat");
  EXPECT_TRUE(ctx.worsened[e]);
  EXPECT_EQ(ctx.exclusion[e], "worsened");
  EXPECT_FALSE(ctx.at_top_dose[e]);
  EXPECT_FALSE(ctx.progressed[e]);
  EXPECT_THAT(Preferred(ctx), ElementsAre("wall_sit"));
  EXPECT_EQ(ctx.preferred_count, 1);
  EXPECT_FALSE(ctx.see_professional);
}

TEST_F(HistoryTest, SorenessAboveOneHourAdvisesAProfessionalAndCountsAsWorse) {
  SetHistory(MakePlan({{0, {Main("wall_sit", 10)}}}),
             {Done(0, "wall_sit", 3, PainAfter::kBetter, /*soreness_hours=*/1.5)});
  WeekContext ctx = Context();
  EXPECT_TRUE(ctx.see_professional);
  EXPECT_TRUE(ctx.worsened[Index("wall_sit")]);
  EXPECT_EQ(ctx.exclusion[Index("wall_sit")], "worsened");
  EXPECT_THAT(Preferred(ctx), ElementsAre("chair_sit"));
  EXPECT_EQ(ctx.dose[Index("wall_sit")], Dose::SetsReps(2, 8));  // no progression

  SetHistory(MakePlan({{0, {Main("wall_sit", 10)}}}),
             {Done(0, "wall_sit", 3, PainAfter::kBetter, /*soreness_hours=*/1.0)});
  ctx = Context();
  EXPECT_FALSE(ctx.see_professional);
  EXPECT_FALSE(ctx.worsened[Index("wall_sit")]);
  EXPECT_EQ(ctx.dose[Index("wall_sit")], Dose::SetsReps(2, 9));
}

TEST_F(HistoryTest, RepeatInADayTakesTheOneEntryForBothUses) {
  SetHistory(MakePlan({{2, {Main("squat", 10), Main("squat", 10)}}}), {Done(2, "squat", 5)});
  WeekContext ctx = Context();
  EXPECT_EQ(ctx.completed_minutes, 20);
  EXPECT_TRUE(ctx.at_top_dose[Index("squat")]);  // both uses completed at rpe 5
  EXPECT_THAT(Preferred(ctx), ElementsAre("split_squat"));

  SetHistory(MakePlan({{2, {Main("squat", 10), Main("squat", 10)}}}),
             {Done(2, "squat", 5, PainAfter::kWorse)});
  ctx = Context();
  EXPECT_TRUE(ctx.worsened[Index("squat")]);
  EXPECT_THAT(Preferred(ctx), ElementsAre("wall_sit"));
}

// ---------------------------------------------------------------- the preferred set

TEST_F(HistoryTest, PreferredSetIsTheUnionAndKeepsIneligibleIds) {
  profile_.prefer = {"wall_sit", "hike"};
  profile_.exclude = {"hike"};  // ineligible, still in the set and its size
  // squat worse -> wall_sit (already preferred); long_walk at its top -> hike (already).
  SetHistory(MakePlan({{1, {Main("long_walk", 60)}}, {2, {Main("squat", 10)}}}),
             {Done(1, "long_walk", 5), Done(2, "squat", 5, PainAfter::kWorse)});
  const WeekContext ctx = Context();
  EXPECT_THAT(Preferred(ctx), ElementsAre("hike", "wall_sit"));
  EXPECT_EQ(ctx.preferred_count, 2);
  EXPECT_EQ(ctx.exclusion[Index("hike")], "excluded");
}

TEST_F(HistoryTest, PreferenceTermCountsIdsFeedbackAdded) {
  // squat made worse -> wall_sit preferred (1 of 1); long_walk's top -> hike (2 ids).
  SetHistory(MakePlan({{1, {Main("long_walk", 60)}}, {2, {Main("squat", 10)}}}),
             {Done(1, "long_walk", 5), Done(2, "squat", 5, PainAfter::kWorse)});
  const Plan plan =
      MakePlan({{0, {Warmup("walk", 10), Main("wall_sit", 10), Cooldown("breathing", 5)}}});
  absl::StatusOr<Evaluation> ev = Evaluate(*catalog_, profile_, plan);
  ASSERT_TRUE(ev.ok()) << ev.status();
  EXPECT_DOUBLE_EQ(ev->score_terms[int(ScoreTerm::kPreference)], 0.5);  // wall_sit of 2
}

// ---------------------------------------------------------------- see_doctor

TEST_F(HistoryTest, SeeDoctorWhenPainPersistsMoreThanThreeDays) {
  profile_.pain_persisting_days = 3;
  EXPECT_FALSE(Context().see_doctor);
  profile_.pain_persisting_days = 4;
  EXPECT_TRUE(Context().see_doctor);
  SetHistory(TwoWalks(), {});
  EXPECT_TRUE(Context().see_doctor);  // with or without history
}

}  // namespace
}  // namespace backbalance
