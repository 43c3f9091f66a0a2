// Tests of eligibility (plan model section 4) through BuildWeekContext and Evaluate:
// every rule 0..8 with its reason code, the order of the rules (the first failing one
// is the reason), the derived acute_flare, and which condition a reason names.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backbalance/solver/evaluate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "solver/week_context.h"
#include "testing/catalog_builder.h"
#include "testing/status_matchers.h"
#include "testing/week_context_fixture.h"

namespace backbalance {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using testkit::Done;
using testkit::ExerciseBuilder;
using testkit::Main;
using testkit::MakeCatalog;
using testkit::MakePlan;

using C = Category;
using M = Muscle;

// Declared conditions, in an order that is not alphabetical: scoliosis ranks before
// hypermobility (ranks 10 and 11, after the ten built-in ones).
const std::vector<std::string> kDeclared = {"scoliosis", "hypermobility"};

std::shared_ptr<const Catalog> EligibilityCatalog() {
  return MakeCatalog(
      {
          ExerciseBuilder("walk", C::kAerobic).AerobicRange(10, 30),  // always fine
          ExerciseBuilder("pool_walk", C::kAerobic)
              .AerobicRange(10, 30)
              .Equipment({"pool"})
              .Avoid("herniated_disc"),
          ExerciseBuilder("run", C::kAerobic)
              .ImpactLevel(Impact::kHigh)
              .AerobicRange(10, 30)
              .Difficulty(3),
          ExerciseBuilder("step_up", C::kStrength)
              .ImpactLevel(Impact::kModerate)
              .Primary({M::kQuadriceps})
              .Minutes(10),
          ExerciseBuilder("plank", C::kStrength).Primary({M::kCore}).Difficulty(3),
          ExerciseBuilder("hard_plank", C::kStrength).Primary({M::kCore}).Difficulty(4),
          ExerciseBuilder("knee_squat", C::kStrength)
              .Primary({M::kQuadriceps, M::kGlutes})
              .Caution("knee_pain")
              .Caution("sciatica"),
          // Alphabetically pregnancy < spinal_stenosis; the built-in list has
          // spinal_stenosis (rank 3) before pregnancy (rank 6).
          ExerciseBuilder("twist", C::kFlexibility)
              .Primary({M::kObliques})
              .Avoid("pregnancy")
              .Avoid("spinal_stenosis"),
          // A caution ranked first and an avoid ranked later: the avoid decides.
          ExerciseBuilder("hinge", C::kStrength)
              .Primary({M::kGlutes})
              .Caution("herniated_disc")
              .Avoid("sciatica"),
          ExerciseBuilder("flare_stretch", C::kFlexibility)
              .Primary({M::kLowerBack})
              .Avoid("acute_flare"),
          ExerciseBuilder("flare_disc", C::kFlexibility)
              .Primary({M::kLowerBack})
              .Avoid("herniated_disc")
              .Avoid("acute_flare"),
          ExerciseBuilder("flare_caution", C::kFlexibility)
              .Primary({M::kHamstrings})
              .Caution("acute_flare"),
          // Alphabetically hypermobility < scoliosis < shoulder_pain.
          ExerciseBuilder("custom", C::kFlexibility)
              .Primary({M::kShoulders})
              .Avoid("hypermobility")
              .Avoid("scoliosis")
              .Avoid("shoulder_pain"),
          ExerciseBuilder("imported", C::kFlexibility).Primary({M::kHamstrings}).Unreviewed(),
          ExerciseBuilder("imported_high", C::kAerobic)
              .ImpactLevel(Impact::kHigh)
              .AerobicRange(10, 30)
              .Unreviewed(),
          ExerciseBuilder("imported_avoid", C::kFlexibility)
              .Primary({M::kHamstrings})
              .Avoid("sciatica")
              .Unreviewed(),
          ExerciseBuilder("hard_caution", C::kStrength)
              .Primary({M::kCore})
              .Difficulty(5)
              .Caution("acute_flare"),
      },
      kDeclared);
}

// profile_ starts as the default: pain 3 (band A), fitness 2, {"mat"}, no conditions.
class EligibilityTest : public testkit::WeekContextTest {
 protected:
  EligibilityTest() : WeekContextTest(EligibilityCatalog()) {}
  // The reason code of `id`: "" when eligible.
  std::string Reason(const std::string& id, const PlannerOptions& options = {}) const {
    const WeekContext ctx = Context(options);
    const int e = Index(id);
    EXPECT_EQ(ctx.eligible.at(e) != 0, ctx.exclusion.at(e).empty()) << id;
    return ctx.exclusion.at(e);
  }
};

TEST_F(EligibilityTest, DefaultProfile) {
  const WeekContext ctx = Context();
  EXPECT_EQ(ctx.band, PainBand::kA);
  EXPECT_THAT(ctx.condition_ranks, IsEmpty());
  // pool_walk: no pool. run: high impact at fitness 2. hard_plank: 4 > 2 + 1.
  // imported_high: high impact (unreviewed only matters with a condition or band C).
  // hard_caution: 5 > 3 (its caution names a condition the profile lacks).
  EXPECT_THAT(ctx.Exclusions(*catalog_),
              ElementsAre(Exclusion{"pool_walk", "equipment", std::nullopt},
                          Exclusion{"run", "impact", std::nullopt},
                          Exclusion{"hard_plank", "difficulty", std::nullopt},
                          Exclusion{"imported_high", "impact", std::nullopt},
                          Exclusion{"hard_caution", "difficulty", std::nullopt}));
  EXPECT_EQ(ctx.caution[Index("knee_squat")], 0);
}

TEST_F(EligibilityTest, EvaluateListsTheSameExclusions) {
  profile_.conditions = {"sciatica"};
  profile_.pain = 5;
  const WeekContext ctx = Context();
  absl::StatusOr<Evaluation> ev = Evaluate(*catalog_, profile_, Plan{});
  ASSERT_TRUE(ev.ok()) << ev.status();
  EXPECT_EQ(ev->excluded, ctx.Exclusions(*catalog_));
  // Catalog order, each with the first failing rule.
  EXPECT_THAT(ev->excluded,
              ElementsAre(Exclusion{"pool_walk", "equipment", std::nullopt},
                          Exclusion{"run", "impact", std::nullopt},
                          Exclusion{"hard_plank", "difficulty", std::nullopt},
                          // The items' own entries say avoid (no movements): because "marked".
                          Exclusion{"hinge", "contraindicated:sciatica", "marked"},
                          Exclusion{"imported", "unreviewed", std::nullopt},
                          Exclusion{"imported_high", "unreviewed", std::nullopt},
                          Exclusion{"imported_avoid", "contraindicated:sciatica", "marked"},
                          Exclusion{"hard_caution", "difficulty", std::nullopt}));
}

// Rule 0.
TEST_F(EligibilityTest, RedFlagExcludesEverythingWithRefer) {
  profile_.red_flags = {RedFlag::kCaudaEquinaSigns};
  profile_.exclude = {"walk"};  // rule 1 would say `excluded`; rule 0 comes first
  const WeekContext ctx = Context();
  EXPECT_TRUE(ctx.refer);
  const std::vector<Exclusion> excluded = ctx.Exclusions(*catalog_);
  EXPECT_THAT(excluded, SizeIs(catalog_->size()));
  EXPECT_THAT(excluded, Each(Field(&Exclusion::reason, "refer")));
  EXPECT_THAT(ctx.eligible, Each(0));
}

// Rule 1.
TEST_F(EligibilityTest, ExcludedBeforeEquipment) {
  profile_.exclude = {"pool_walk", "walk"};
  EXPECT_EQ(Reason("walk"), "excluded");
  EXPECT_EQ(Reason("pool_walk"), "excluded");
}

// Rule 2.
TEST_F(EligibilityTest, EquipmentBeforeContraindication) {
  profile_.conditions = {"herniated_disc"};
  EXPECT_EQ(Reason("pool_walk"), "equipment");
  profile_.equipment = {"mat", "pool"};
  EXPECT_EQ(Reason("pool_walk"), "contraindicated:herniated_disc");
}

TEST_F(EligibilityTest, NoEquipmentNeedsNothing) {
  profile_.equipment = {};
  EXPECT_EQ(Reason("walk"), "");
  EXPECT_EQ(Reason("pool_walk"), "equipment");
}

// Rule 3.
TEST_F(EligibilityTest, ContraindicationNamesTheFirstBuiltinCondition) {
  profile_.conditions = {"pregnancy", "spinal_stenosis"};
  EXPECT_EQ(Reason("twist"), "contraindicated:spinal_stenosis");
  profile_.conditions = {"pregnancy"};
  EXPECT_EQ(Reason("twist"), "contraindicated:pregnancy");
}

TEST_F(EligibilityTest, ContraindicationNamesDeclaredConditionsInDeclaredOrder) {
  profile_.conditions = {"hypermobility", "scoliosis"};
  EXPECT_EQ(Reason("custom"), "contraindicated:scoliosis");
  profile_.conditions = {"hypermobility"};
  EXPECT_EQ(Reason("custom"), "contraindicated:hypermobility");
  // Built-in conditions rank before declared ones.
  profile_.conditions = {"hypermobility", "scoliosis", "shoulder_pain"};
  EXPECT_EQ(Reason("custom"), "contraindicated:shoulder_pain");
}

TEST_F(EligibilityTest, ConditionRanksAreBuiltinThenDeclared) {
  profile_.conditions = {"hypermobility", "shoulder_pain", "scoliosis", "sciatica"};
  // sciatica 2, shoulder_pain 10 (after late_pregnancy), then the declared ones.
  EXPECT_THAT(Context().condition_ranks, ElementsAre(2, 10, 11, 12));
}

TEST_F(EligibilityTest, AvoidDecidesEvenWhenAnEarlierConditionIsOnlyCaution) {
  profile_.conditions = {"herniated_disc", "sciatica"};
  EXPECT_EQ(Reason("hinge"), "contraindicated:sciatica");
  // herniated_disc alone: a caution, eligible in band A with the note.
  profile_.conditions = {"herniated_disc"};
  const WeekContext ctx = Context();
  EXPECT_TRUE(ctx.eligible[Index("hinge")]);
  EXPECT_TRUE(ctx.caution[Index("hinge")]);
  EXPECT_EQ(ctx.caution_conditions[Index("hinge")].front(), "herniated_disc");
}

TEST_F(EligibilityTest, AcuteFlareIsDerivedAtPainSeven) {
  profile_.pain = 6;
  EXPECT_EQ(Reason("flare_stretch"), "");
  EXPECT_THAT(Context().condition_ranks, IsEmpty());
  profile_.pain = 7;
  EXPECT_EQ(Reason("flare_stretch"), "contraindicated:acute_flare");
  EXPECT_THAT(Context().condition_ranks, ElementsAre(0));
  // acute_flare is the first built-in condition.
  profile_.conditions = {"herniated_disc"};
  EXPECT_EQ(Reason("flare_disc"), "contraindicated:acute_flare");
  profile_.pain = 6;
  EXPECT_EQ(Reason("flare_disc"), "contraindicated:herniated_disc");
}

TEST_F(EligibilityTest, AcuteFlareGivenExplicitlyCountsOnce) {
  profile_.conditions = {"acute_flare"};
  profile_.pain = 8;
  EXPECT_THAT(Context().condition_ranks, ElementsAre(0));
  profile_.pain = 2;  // given by the person: a condition even at low pain
  EXPECT_EQ(Reason("flare_stretch"), "contraindicated:acute_flare");
}

TEST_F(EligibilityTest, ContraindicationBeforeUnreviewed) {
  profile_.conditions = {"sciatica"};
  EXPECT_EQ(Reason("imported_avoid"), "contraindicated:sciatica");
}

// Rule 4.
TEST_F(EligibilityTest, UnreviewedWithAnyConditionOrBandC) {
  EXPECT_EQ(Reason("imported"), "");  // band A, no condition
  profile_.pain = 6;
  EXPECT_EQ(Reason("imported"), "");  // band B, no condition
  profile_.conditions = {"knee_pain"};
  EXPECT_EQ(Reason("imported"), "unreviewed");
  profile_.conditions = {"hypermobility"};  // a declared condition counts too
  EXPECT_EQ(Reason("imported"), "unreviewed");
  profile_.conditions = {};
  profile_.pain = 7;  // band C (and acute_flare)
  EXPECT_EQ(Reason("imported"), "unreviewed");
}

TEST_F(EligibilityTest, UnreviewedInBandCWithoutAnyCondition) {
  PlannerOptions options;
  options.acute_flare_min_pain = 11;  // never derived: band C with no condition at all
  profile_.pain = 8;
  EXPECT_EQ(Reason("imported", options), "unreviewed");
}

TEST_F(EligibilityTest, UnreviewedBeforeImpact) {
  profile_.conditions = {"knee_pain"};
  profile_.fitness = 5;
  EXPECT_EQ(Reason("imported_high"), "unreviewed");
}

// Rule 5.
TEST_F(EligibilityTest, HighImpactNeedsBandANoConditionAndFitnessThree) {
  profile_.fitness = 3;
  EXPECT_EQ(Reason("run"), "");
  profile_.fitness = 2;
  EXPECT_EQ(Reason("run"), "impact");
  profile_.fitness = 5;
  profile_.conditions = {"knee_pain"};
  EXPECT_EQ(Reason("run"), "impact");
  profile_.conditions = {};
  profile_.pain = 4;  // band B
  EXPECT_EQ(Reason("run"), "impact");
  profile_.pain = 3;
  EXPECT_EQ(Reason("run"), "");
}

TEST_F(EligibilityTest, ModerateImpactOnlyExcludedInBandC) {
  profile_.conditions = {"knee_pain"};
  profile_.pain = 6;
  EXPECT_EQ(Reason("step_up"), "");
  profile_.pain = 7;
  EXPECT_EQ(Reason("step_up"), "impact");
  PlannerOptions options;
  options.acute_flare_min_pain = 11;
  profile_.conditions = {};
  EXPECT_EQ(Reason("step_up", options), "impact");  // band C alone decides
  EXPECT_EQ(Reason("walk"), "");                    // low impact is fine in band C
}

TEST_F(EligibilityTest, ImpactBeforeDifficulty) {
  profile_.fitness = 1;  // run: difficulty 3 > 2 as well
  EXPECT_EQ(Reason("run"), "impact");
}

// Rule 6.
TEST_F(EligibilityTest, DifficultyAboveFitnessPlusOne) {
  profile_.fitness = 2;
  EXPECT_EQ(Reason("plank"), "");  // 3 = 2 + 1
  EXPECT_EQ(Reason("hard_plank"), "difficulty");
  profile_.fitness = 3;
  EXPECT_EQ(Reason("hard_plank"), "");
  profile_.fitness = 1;
  EXPECT_EQ(Reason("plank"), "difficulty");
}

TEST_F(EligibilityTest, DifficultyBeforeCaution) {
  profile_.pain = 8;  // band C: hard_caution's acute_flare caution would exclude it
  profile_.fitness = 1;
  EXPECT_EQ(Reason("hard_caution"), "difficulty");
  profile_.fitness = 4;
  EXPECT_EQ(Reason("hard_caution"), "caution:acute_flare");
}

// Rule 7.
TEST_F(EligibilityTest, CautionOnlyExcludesInBandC) {
  profile_.conditions = {"knee_pain"};
  for (int pain : {0, 3, 4, 6}) {
    profile_.pain = pain;
    const WeekContext ctx = Context();
    const int e = Index("knee_squat");
    EXPECT_TRUE(ctx.eligible[e]) << "pain " << pain;
    EXPECT_TRUE(ctx.caution[e]) << "pain " << pain;
    EXPECT_EQ(ctx.caution_conditions[e].front(), "knee_pain");
  }
  profile_.pain = 7;
  EXPECT_EQ(Reason("knee_squat"), "caution:knee_pain");
  profile_.pain = 10;
  EXPECT_EQ(Reason("knee_squat"), "caution:knee_pain");
}

TEST_F(EligibilityTest, CautionNamesTheFirstCondition) {
  profile_.conditions = {"knee_pain", "sciatica"};  // sciatica ranks 2, knee_pain 8
  profile_.pain = 8;
  EXPECT_EQ(Reason("knee_squat"), "caution:sciatica");
  EXPECT_EQ(Context().caution_conditions[Index("knee_squat")].front(), "sciatica");
}

TEST_F(EligibilityTest, CautionFromDerivedAcuteFlare) {
  profile_.pain = 6;
  EXPECT_EQ(Reason("flare_caution"), "");
  EXPECT_FALSE(Context().caution[Index("flare_caution")]);
  profile_.pain = 7;
  EXPECT_EQ(Reason("flare_caution"), "caution:acute_flare");
}

// Rule 8.
class WorsenedTest : public EligibilityTest {
 protected:
  // Last week: walk on days 0 and 2, knee_squat on day 2.
  void SetFeedback(std::vector<Feedback> feedback) {
    History history;
    history.plan =
        MakePlan({{0, {Main("walk", 20)}}, {2, {Main("walk", 20), Main("knee_squat", 5)}}});
    history.feedback = std::move(feedback);
    profile_.history = history;
  }
};

TEST_F(WorsenedTest, WorsePainAfterExcludesNextWeek) {
  SetFeedback({Done(0, "walk", 5), Done(2, "walk", 5, PainAfter::kWorse)});
  EXPECT_EQ(Reason("walk"), "worsened");
  EXPECT_EQ(Reason("knee_squat"), "");
}

TEST_F(WorsenedTest, WorseCountsEvenWhenNotCompleted) {
  Feedback f;
  f.day = 0;
  f.exercise = "walk";
  f.completed = false;
  f.pain_after = PainAfter::kWorse;
  SetFeedback({f});
  EXPECT_EQ(Reason("walk"), "worsened");
}

TEST_F(WorsenedTest, SorenessAboveOneHourCountsAsWorse) {
  SetFeedback({Done(0, "walk", 5, PainAfter::kBetter, /*soreness_hours=*/1.5)});
  EXPECT_EQ(Reason("walk"), "worsened");
  SetFeedback({Done(0, "walk", 5, PainAfter::kBetter, /*soreness_hours=*/1.0)});
  EXPECT_EQ(Reason("walk"), "");
}

TEST_F(WorsenedTest, BetterAndSameDoNotExclude) {
  SetFeedback({Done(0, "walk", 5, PainAfter::kBetter), Done(2, "walk", 9, PainAfter::kSame)});
  EXPECT_EQ(Reason("walk"), "");
}

TEST_F(WorsenedTest, EarlierRulesWinOverWorsened) {
  SetFeedback({Done(2, "knee_squat", 5, PainAfter::kWorse), Done(0, "walk", 5, PainAfter::kWorse)});
  profile_.conditions = {"knee_pain"};
  profile_.pain = 7;  // band C: caution excludes first
  EXPECT_EQ(Reason("knee_squat"), "caution:knee_pain");
  profile_.exclude = {"walk"};
  EXPECT_EQ(Reason("walk"), "excluded");
  profile_.red_flags = {RedFlag::kFeverOrInfection};
  EXPECT_EQ(Reason("walk"), "refer");
}

TEST_F(EligibilityTest, BandBoundaries) {
  EXPECT_EQ(BandOf(0), PainBand::kA);
  EXPECT_EQ(BandOf(3), PainBand::kA);
  EXPECT_EQ(BandOf(4), PainBand::kB);
  EXPECT_EQ(BandOf(6), PainBand::kB);
  EXPECT_EQ(BandOf(7), PainBand::kC);
  EXPECT_EQ(BandOf(10), PainBand::kC);
}

TEST_F(EligibilityTest, TargetsFollowTheBand) {
  profile_.pain = 5;
  const WeekContext b = Context();
  EXPECT_EQ(b.targets.band, PainBand::kB);
  EXPECT_THAT(b.targets.by_category, ElementsAre(90, 40, 70, 20, 40));
  // A first week at fitness 2 holds at most 180 minutes (section 5); at fitness 4 (300)
  // the band's 270 is the lower cap.
  EXPECT_EQ(b.targets.volume_cap, 180);
  profile_.fitness = 4;
  EXPECT_EQ(Context().targets.volume_cap, 270);
  profile_.fitness = 2;
  EXPECT_EQ(b.targets.min_training_days, 3);
  EXPECT_EQ(b.targets.max_training_days, 6);
  profile_.pain = 9;
  const WeekContext c = Context();
  EXPECT_THAT(c.targets.by_category, ElementsAre(40, 15, 60, 10, 50));
  EXPECT_EQ(c.targets.volume_cap, 180);
  EXPECT_EQ(c.targets.max_training_days, 5);
}

TEST_F(EligibilityTest, UnknownConditionIsAnError) {
  profile_.conditions = {"not_a_condition"};
  EXPECT_THAT(BuildWeekContext(*catalog_, profile_),
              testing::StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Evaluate(*catalog_, profile_, Plan{}),
              testing::StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace backbalance
