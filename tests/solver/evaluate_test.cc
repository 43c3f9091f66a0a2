// Tests of Evaluate (plan model sections 6, 7 and 10) on a small catalog written here,
// so that every expected number is worked out by hand in a comment beside it.
//
// Each hard-constraint test starts from a valid week and breaks exactly one rule, then
// checks that the set of broken rules is that rule alone and names the offending
// (day, exercise). The score tests work out every term, weight and penalty.
#include "backbalance/solver/evaluate.h"

#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "solver/week_context.h"
#include "testing/catalog_builder.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::Eq;
using ::testing::Field;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using testkit::Cooldown;
using testkit::Done;
using testkit::ExerciseBuilder;
using testkit::Main;
using testkit::MakeCatalog;
using testkit::MakePlan;
using testkit::Warmup;

constexpr double kEps = 1e-9;

using C = Category;
using M = Muscle;
using P = Phase;

// The catalog of these tests. Unless noted: low impact, phases {main}, difficulty 1,
// max_per_week by category (strength 3, aerobic 5, balance 5, flexibility 7,
// relaxation 7), rest_hours 48 for strength items.
std::shared_ptr<const Catalog> BackCatalog() {
  return MakeCatalog({
      // Aerobic.
      ExerciseBuilder("march", C::kAerobic)
          .Phases({P::kWarmup, P::kMain})
          .Primary({M::kQuadriceps})
          .Secondary({M::kCalves})
          .AerobicRange(5, 30),
      ExerciseBuilder("long_walk", C::kAerobic).Primary({M::kQuadriceps}).AerobicRange(30, 120),
      ExerciseBuilder("brisk_walk", C::kAerobic)
          .ImpactLevel(Impact::kModerate)
          .Primary({M::kQuadriceps})
          .AerobicRange(10, 40),
      ExerciseBuilder("jog", C::kAerobic)
          .ImpactLevel(Impact::kHigh)
          .Primary({M::kQuadriceps, M::kCalves})
          .AerobicRange(10, 30)
          .Difficulty(3),
      // Strength.
      ExerciseBuilder("bird_dog", C::kStrength)
          .Primary({M::kCore, M::kLowerBack})
          .Secondary({M::kGlutes})
          .Minutes(10),  // rest 48 h: blocks the next day
      ExerciseBuilder("dead_bug", C::kStrength).Primary({M::kCore}).Minutes(5),
      ExerciseBuilder("bridge", C::kStrength)
          .Primary({M::kGlutes})
          .Secondary({M::kHamstrings})
          .Minutes(10)
          .RestHours(72),  // blocks the next two days
      ExerciseBuilder("side_plank", C::kStrength)
          .Primary({M::kObliques})
          .Secondary({M::kCore})
          .Minutes(5)
          .RestHours(24),  // blocks nothing
      ExerciseBuilder("squat", C::kStrength)
          .Primary({M::kQuadriceps, M::kGlutes})
          .Secondary({M::kCore})
          .Minutes(10)
          .Caution("knee_pain"),
      ExerciseBuilder("row_band", C::kStrength)
          .Primary({M::kUpperBack})
          .Secondary({M::kShoulders})
          .Minutes(10)
          .Equipment({"resistance_band"}),
      // Flexibility.
      ExerciseBuilder("cat_cow", C::kFlexibility)
          .Phases({P::kWarmup, P::kCooldown})
          .Primary({M::kLowerBack})
          .Secondary({M::kCore})
          .Minutes(5),
      ExerciseBuilder("hamstring_stretch", C::kFlexibility)
          .Phases({P::kMain, P::kCooldown})
          .Primary({M::kHamstrings})
          .Secondary({M::kCalves})
          .Minutes(5),
      ExerciseBuilder("hip_flexor_stretch", C::kFlexibility)
          .Phases({P::kMain, P::kCooldown})
          .Primary({M::kHipFlexors})
          .Secondary({M::kQuadriceps})
          .Minutes(5),
      ExerciseBuilder("yoga_flow", C::kFlexibility)
          .Phases({P::kMain, P::kCooldown})
          .Primary({M::kHamstrings, M::kGlutes})
          .Secondary({M::kLowerBack})
          .Minutes(10)
          .Unreviewed(),
      // Balance and relaxation.
      ExerciseBuilder("single_leg_stand", C::kBalance).Primary({M::kHipAbductors}).Minutes(5),
      ExerciseBuilder("breathing", C::kRelaxation).Phases({P::kMain, P::kCooldown}).Minutes(5),
      ExerciseBuilder("child_pose", C::kRelaxation)
          .Phases({P::kCooldown})
          .Minutes(5)
          .WithDose(Dose::HoldReps(30, 3)),
  });
}

// A valid week for the default profile (band A, fitness 2, 30 minutes a day, a mat):
// three training days (0, 2, 4: no 3-day window), 60 minutes.
//   day 0: march 5 | bird_dog 10 (core, lower_back; 48 h -> day 1) | cat_cow 5
//   day 2: cat_cow 5 | bridge 10 (glutes; 72 h -> days 3, 4) | hamstring_stretch 5
//   day 4: march 5 | side_plank 5 (obliques), single_leg_stand 5 | hip_flexor_stretch 5
// Every cool-down holds a stretch (H4 of model 2).
Plan BaseWeek() {
  return MakePlan({
      {0, {Warmup("march", 5), Main("bird_dog", 10), Cooldown("cat_cow", 5)}},
      {2, {Warmup("cat_cow", 5), Main("bridge", 10), Cooldown("hamstring_stretch", 5)}},
      {4,
       {Warmup("march", 5), Main("side_plank", 5), Main("single_leg_stand", 5),
        Cooldown("hip_flexor_stretch", 5)}},
  });
}

std::set<std::string> RulesOf(const Evaluation& ev) {
  std::set<std::string> rules;
  for (const Violation& v : ev.violations) rules.insert(v.rule);
  return rules;
}

// A violation of `rule` at (day, exercise); nullopt for "null" in the JSON.
::testing::Matcher<const Violation&> IsViolation(const std::string& rule, std::optional<int> day,
                                                 std::optional<std::string> exercise) {
  return AllOf(Field("rule", &Violation::rule, Eq(rule)), Field("day", &Violation::day, Eq(day)),
               Field("exercise", &Violation::exercise, Eq(exercise)));
}

std::string Describe(const Evaluation& ev) {
  std::string text;
  for (const Violation& v : ev.violations) {
    text += v.rule + " day=" + (v.day ? std::to_string(*v.day) : "null") +
            " exercise=" + v.exercise.value_or("null") + ": " + v.detail + "\n";
  }
  return text;
}

class EvaluateTest : public ::testing::Test {
 protected:
  Evaluation Eval(const Plan& plan, const PlannerOptions& options = {}) const {
    absl::StatusOr<Evaluation> ev = Evaluate(*catalog_, profile_, plan, options);
    EXPECT_TRUE(ev.ok()) << ev.status();
    if (ev.ok()) return *std::move(ev);
    Evaluation failed;
    failed.valid = false;
    return failed;
  }

  // Exactly one rule is broken, with exactly one entry at (day, exercise).
  void ExpectOnly(const Evaluation& ev, const std::string& rule, std::optional<int> day,
                  std::optional<std::string> exercise) const {
    EXPECT_FALSE(ev.valid);
    EXPECT_THAT(RulesOf(ev), ElementsAre(rule)) << Describe(ev);
    EXPECT_THAT(ev.violations, ElementsAre(IsViolation(rule, day, exercise))) << Describe(ev);
  }

  std::shared_ptr<const Catalog> catalog_ = BackCatalog();
  Profile profile_;  // defaults: pain 3 (band A), fitness 2, 30 min a day, {"mat"}
};

TEST_F(EvaluateTest, BaseWeekIsValid) {
  const Evaluation ev = Eval(BaseWeek());
  EXPECT_TRUE(ev.valid) << Describe(ev);
  EXPECT_THAT(ev.violations, IsEmpty());
  // Catalog order: jog is high impact and fitness 2 < 3; row_band needs a band. yoga_flow
  // is unreviewed, which only matters with a condition or in band C.
  EXPECT_THAT(ev.excluded, ElementsAre(Exclusion{"jog", "impact", std::nullopt},
                                       Exclusion{"row_band", "equipment", std::nullopt}));
}

// ---------------------------------------------------------------- H1 eligibility

TEST_F(EvaluateTest, H1UnknownIdBreaksOnlyH1) {
  Plan plan = BaseWeek();
  // Day 0 becomes 25 minutes (<= 30). An unknown id has no phase rules, category, etc.
  plan.days[0].items.insert(plan.days[0].items.begin() + 2, Main("mystery", 5));
  ExpectOnly(Eval(plan), "H1", 0, "mystery");
}

TEST_F(EvaluateTest, H1UnknownIdMinutesCountOnlyForTimeVolumeAndPenalty) {
  Plan plan = BaseWeek();
  plan.days[0].items.insert(plan.days[0].items.begin() + 2, Main("mystery", 5));
  const Evaluation base = Eval(BaseWeek());
  const Evaluation ev = Eval(plan);
  // 65 minutes in the week: 0.65 points; no term moves (variety stays 8 / 12).
  EXPECT_NEAR(ev.penalties.minutes, 0.65, kEps);
  EXPECT_EQ(ev.score_terms, base.score_terms);
  EXPECT_NEAR(ev.score, base.score - 0.05, kEps);

  // Its minutes count for H2: 25 + 10 = 35 > 30 on day 0.
  plan.days[0].items.insert(plan.days[0].items.begin() + 2, Main("mystery_two", 10));
  const Evaluation over = Eval(plan);
  EXPECT_THAT(RulesOf(over), ElementsAre("H1", "H2")) << Describe(over);
  EXPECT_THAT(over.violations, Contains(IsViolation("H2", 0, std::nullopt)));
}

TEST_F(EvaluateTest, H1UnknownWarmupItemDoesNotCountTowardTheWarmup) {
  // "its minutes count for H2, H8 and the minutes penalty, and nothing else".
  Plan plan = BaseWeek();
  plan.days[0].items[0] = Warmup("mystery", 5);
  const Evaluation ev = Eval(plan);
  EXPECT_THAT(RulesOf(ev), ElementsAre("H1", "H4")) << Describe(ev);
  EXPECT_THAT(ev.violations,
              ElementsAre(IsViolation("H1", 0, "mystery"), IsViolation("H4", 0, std::nullopt)));
}

TEST_F(EvaluateTest, H1ExcludedItem) {
  profile_.exclude = {"bird_dog"};
  ExpectOnly(Eval(BaseWeek()), "H1", 0, "bird_dog");
}

TEST_F(EvaluateTest, H1ImpactIneligibleItem) {
  // jog: high impact, fitness 2 < 3 -> `impact`. Day 2 becomes 30 minutes; no neighbour
  // day holds impact, one high day only, 10 in 10..30.
  Plan plan = BaseWeek();
  plan.days[2].items.insert(plan.days[2].items.begin() + 2, Main("jog", 10));
  ExpectOnly(Eval(plan), "H1", 2, "jog");
}

// ---------------------------------------------------------------- H2 time

TEST_F(EvaluateTest, H2DayOverAvailability) {
  profile_.availability[0] = 19;  // day 0 holds 20
  ExpectOnly(Eval(BaseWeek()), "H2", 0, std::nullopt);
}

TEST_F(EvaluateTest, H2DayExactlyAtAvailabilityIsValid) {
  profile_.availability[0] = 20;
  EXPECT_TRUE(Eval(BaseWeek()).valid);
}

// ---------------------------------------------------------------- H3 frequency

TEST_F(EvaluateTest, H3TooFewDays) {
  Plan plan = BaseWeek();
  plan.days[4].items.clear();  // 2 training days, band A needs 3..6
  ExpectOnly(Eval(plan), "H3", std::nullopt, std::nullopt);
}

// cat_cow | hamstring_stretch | breathing on each of `days` (15 minutes a day); all three
// allow up to 7 days a week and carry no impact or recovery.
Plan EasyDays(const std::vector<int>& days) {
  std::vector<std::pair<int, std::vector<PlanItem>>> week;
  for (int d : days) {
    week.push_back(
        {d,
         {Warmup("cat_cow", 5), Main("hamstring_stretch", 5), Cooldown("hip_flexor_stretch", 5)}});
  }
  return MakePlan(week);
}

TEST_F(EvaluateTest, H3TooManyDaysBandA) {
  EXPECT_TRUE(Eval(EasyDays({0, 1, 2, 3, 4, 5})).valid);  // 6 = band A's max
  ExpectOnly(Eval(EasyDays({0, 1, 2, 3, 4, 5, 6})), "H3", std::nullopt, std::nullopt);
}

TEST_F(EvaluateTest, H3TooManyDaysBandC) {
  profile_.pain = 7;  // band C: 3..5 days, cap 180
  EXPECT_TRUE(Eval(EasyDays({0, 1, 2, 3, 4})).valid);
  ExpectOnly(Eval(EasyDays({0, 1, 2, 3, 4, 5})), "H3", std::nullopt, std::nullopt);
}

TEST_F(EvaluateTest, RedFlagRestWeekIsValidWithScoreZero) {
  profile_.red_flags = {RedFlag::kMajorTrauma};
  const Evaluation ev = Eval(Plan{});  // 7 rest days: H3's minimum does not apply
  EXPECT_TRUE(ev.valid) << Describe(ev);
  EXPECT_THAT(ev.violations, IsEmpty());
  EXPECT_EQ(ev.score, 0.0);
  EXPECT_THAT(ev.excluded, SizeIs(catalog_->size()));
  EXPECT_THAT(ev.excluded, Each(Field(&Exclusion::reason, "refer")));
}

TEST_F(EvaluateTest, RedFlagAnyItemBreaksH1) {
  profile_.red_flags = {RedFlag::kConstantNightPain};
  const Evaluation ev = Eval(BaseWeek());
  EXPECT_FALSE(ev.valid);
  EXPECT_THAT(RulesOf(ev), ElementsAre("H1")) << Describe(ev);
  EXPECT_THAT(ev.violations, SizeIs(10));  // one per item of the week
  EXPECT_THAT(ev.violations, Contains(IsViolation("H1", 4, "hip_flexor_stretch")));

  // One training day is fine for H3 too: only H1.
  const Plan one_day =
      MakePlan({{3, {Warmup("march", 5), Main("dead_bug", 5), Cooldown("cat_cow", 5)}}});
  const Evaluation single = Eval(one_day);
  EXPECT_THAT(RulesOf(single), ElementsAre("H1")) << Describe(single);
  EXPECT_THAT(single.violations, SizeIs(3));
}

// ---------------------------------------------------------------- H4 structure

TEST_F(EvaluateTest, H4PhaseNotAllowed) {
  Plan plan = BaseWeek();
  // hamstring_stretch allows main and cooldown only; 5 warm-up minutes remain.
  plan.days[0].items[0] = Warmup("hamstring_stretch", 5);
  ExpectOnly(Eval(plan), "H4", 0, "hamstring_stretch");
}

TEST_F(EvaluateTest, H4OutOfOrder) {
  Plan plan = BaseWeek();
  // main, warmup, cooldown: march (warmup) follows a main item.
  std::swap(plan.days[0].items[0], plan.days[0].items[1]);
  ExpectOnly(Eval(plan), "H4", 0, "march");
}

TEST_F(EvaluateTest, H4OutOfOrderCooldownBeforeMain) {
  Plan plan = BaseWeek();
  // day 4: march | side_plank | breathing (cooldown) | single_leg_stand (main after cooldown)
  std::swap(plan.days[4].items[2], plan.days[4].items[3]);
  ExpectOnly(Eval(plan), "H4", 4, "single_leg_stand");
}

TEST_F(EvaluateTest, H4WarmupTooShort) {
  Plan plan = BaseWeek();
  plan.days[0].items.erase(plan.days[0].items.begin());  // no warm-up: 0 < 5
  ExpectOnly(Eval(plan), "H4", 0, std::nullopt);
}

TEST_F(EvaluateTest, H4CooldownTooShort) {
  Plan plan = BaseWeek();
  plan.days[2].items.pop_back();  // no cool-down: 0 < 5
  ExpectOnly(Eval(plan), "H4", 2, std::nullopt);
}

TEST_F(EvaluateTest, H4NoMainItem) {
  Plan plan = BaseWeek();
  plan.days[4].items = {Warmup("march", 5), Cooldown("hip_flexor_stretch", 5)};
  ExpectOnly(Eval(plan), "H4", 4, std::nullopt);
}

TEST_F(EvaluateTest, H4SameExerciseTwiceInADay) {
  Plan plan = BaseWeek();
  // Day 4 becomes 25 minutes; H7 counts days, so single_leg_stand is on 1 day.
  plan.days[4].items.insert(plan.days[4].items.begin() + 3, Main("single_leg_stand", 5));
  ExpectOnly(Eval(plan), "H4", 4, "single_leg_stand");
}

TEST_F(EvaluateTest, H4RepeatCountsAsTwoUsesForTheScore) {
  Plan plan = BaseWeek();
  plan.days[4].items.insert(plan.days[4].items.begin() + 3, Main("single_leg_stand", 5));
  // Balance minutes 10 of 20: term 0.5 (the base week has 5 -> 0.25).
  EXPECT_NEAR(Eval(plan).score_terms[int(ScoreTerm::kBalance)], 0.5, kEps);
}

// ---------------------------------------------------------------- H5 recovery

TEST_F(EvaluateTest, H5Rest48BlocksTheNextDay) {
  Plan plan = BaseWeek();
  // bird_dog (core, 48 h) on day 0 blocks core on day 1: dead_bug (core) there.
  plan.days[1].items = {Warmup("cat_cow", 5), Main("dead_bug", 5),
                        Cooldown("hip_flexor_stretch", 5)};
  ExpectOnly(Eval(plan), "H5", 1, "dead_bug");
}

TEST_F(EvaluateTest, H5Rest48AllowsTheDayAfterNext) {
  Plan plan = BaseWeek();
  // bird_dog on day 0 and dead_bug (core) on day 2: k = 2 > 48/24 - 1 = 1.
  plan.days[2].items.insert(plan.days[2].items.begin() + 2, Main("dead_bug", 5));
  EXPECT_TRUE(Eval(plan).valid) << Describe(Eval(plan));
}

TEST_F(EvaluateTest, H5Rest72BlocksTwoDays) {
  Plan plan = BaseWeek();
  // bridge (glutes, 72 h) on day 2 blocks glutes on days 3 and 4; bridge again on day 4.
  plan.days[4].items.insert(plan.days[4].items.begin() + 3, Main("bridge", 10));
  ExpectOnly(Eval(plan), "H5", 4, "bridge");
}

TEST_F(EvaluateTest, H5Rest72AllowsTheThirdDay) {
  Plan plan = BaseWeek();
  // Day 5 is the third day after day 2's bridge; bridge on day 5 blocks days 6 and 0,
  // where nothing has glutes as a primary muscle.
  plan.days[5].items = {Warmup("cat_cow", 5), Main("bridge", 10),
                        Cooldown("hip_flexor_stretch", 5)};
  EXPECT_TRUE(Eval(plan).valid) << Describe(Eval(plan));
}

TEST_F(EvaluateTest, H5IsCyclicSundayToMonday) {
  Plan plan = BaseWeek();
  // dead_bug (core, 48 h) on Sunday blocks core on Monday, where bird_dog is.
  plan.days[6].items = {Warmup("cat_cow", 5), Main("dead_bug", 5),
                        Cooldown("hip_flexor_stretch", 5)};
  ExpectOnly(Eval(plan), "H5", 0, "bird_dog");
}

TEST_F(EvaluateTest, H5Rest24BlocksNothing) {
  Plan plan = BaseWeek();
  // side_plank (obliques, 24 h: ceil(24/24) - 1 = 0 days) on days 4 and 5.
  plan.days[5].items = {Warmup("cat_cow", 5), Main("side_plank", 5),
                        Cooldown("hip_flexor_stretch", 5)};
  EXPECT_TRUE(Eval(plan).valid) << Describe(Eval(plan));
}

TEST_F(EvaluateTest, H5OnlyStrengthItemsCount) {
  Plan plan = BaseWeek();
  // cat_cow (flexibility, lower_back) the day after bird_dog (lower_back): not H5.
  plan.days[1].items = {Warmup("cat_cow", 5), Main("hamstring_stretch", 5),
                        Cooldown("hip_flexor_stretch", 5)};
  EXPECT_TRUE(Eval(plan).valid) << Describe(Eval(plan));
}

// The days blocked after a strength item: ceil(rest_hours / 24) - 1.
struct RestCase {
  int rest_hours;
  int blocked_days;
};
void PrintTo(const RestCase& c, std::ostream* os) {
  *os << "rest_hours " << c.rest_hours << " blocks " << c.blocked_days << " days";
}

class RecoveryWindowTest : public ::testing::TestWithParam<RestCase> {};

TEST_P(RecoveryWindowTest, BlocksCeilRestOver24MinusOneDays) {
  const RestCase c = GetParam();
  const std::shared_ptr<const Catalog> catalog = MakeCatalog({
      ExerciseBuilder("lift", C::kStrength)
          .Primary({M::kGlutes})
          .Minutes(5)
          .RestHours(c.rest_hours),
      ExerciseBuilder("curl", C::kStrength).Primary({M::kGlutes}).Minutes(5).RestHours(0),
      ExerciseBuilder("warm", C::kFlexibility)
          .Phases({P::kWarmup, P::kCooldown})
          .Primary({M::kHamstrings})
          .Minutes(5),
  });
  Profile profile;
  profile.availability.fill(60);
  for (int k = 1; k <= 4; ++k) {
    // lift on day 0, curl (glutes, no rest of its own) on day k and on day 5, which
    // no rest_hours of 0..96 reaches from day 0.
    const int third = 5;
    const Plan plan = MakePlan({
        {0, {Warmup("warm", 5), Main("lift", 5), Cooldown("warm", 5)}},
        {k, {Warmup("warm", 5), Main("curl", 5), Cooldown("warm", 5)}},
        {third, {Warmup("warm", 5), Main("curl", 5), Cooldown("warm", 5)}},
    });
    // The warm item twice a day breaks H4 on every day; only H5 is looked at here.
    absl::StatusOr<Evaluation> ev = Evaluate(*catalog, profile, plan);
    ASSERT_TRUE(ev.ok()) << ev.status();
    const bool blocked = k <= c.blocked_days;
    EXPECT_EQ(RulesOf(*ev).count("H5"), blocked ? 1u : 0u)
        << "rest_hours " << c.rest_hours << ", day " << k << "\n"
        << Describe(*ev);
    if (blocked) {
      EXPECT_THAT(ev->violations, Contains(IsViolation("H5", k, "curl")));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(RestHours, RecoveryWindowTest,
                         ::testing::Values(RestCase{0, 0}, RestCase{24, 0}, RestCase{25, 1},
                                           RestCase{48, 1}, RestCase{49, 2}, RestCase{72, 2},
                                           RestCase{73, 3}, RestCase{96, 3}));

TEST(RecoveryWindowCyclicTest, NinetySixHoursReachFromFridayToMonday) {
  // lift (glutes, 96 h) blocks the 3 days after it: from Friday (4) that is 5, 6 and 0.
  const std::shared_ptr<const Catalog> catalog = MakeCatalog({
      ExerciseBuilder("lift", C::kStrength).Primary({M::kGlutes}).Minutes(5).RestHours(96),
      ExerciseBuilder("curl", C::kStrength).Primary({M::kGlutes, M::kCore}).Minutes(5).RestHours(0),
      ExerciseBuilder("warm", C::kFlexibility).Phases({P::kWarmup}).Primary({M::kCalves}),
      ExerciseBuilder("cool", C::kFlexibility).Phases({P::kCooldown}).Primary({M::kHamstrings}),
  });
  const auto day = [](const char* main) {
    return std::vector<PlanItem>{Warmup("warm", 5), Main(main, 5), Cooldown("cool", 5)};
  };
  const Profile profile;
  absl::StatusOr<Evaluation> ev =
      Evaluate(*catalog, profile, MakePlan({{0, day("curl")}, {2, day("curl")}, {4, day("lift")}}));
  ASSERT_TRUE(ev.ok()) << ev.status();
  EXPECT_THAT(RulesOf(*ev), ElementsAre("H5")) << Describe(*ev);
  EXPECT_THAT(ev->violations, ElementsAre(IsViolation("H5", 0, "curl")));
  // Day 1 is the fourth day after Friday: free.
  ev =
      Evaluate(*catalog, profile, MakePlan({{1, day("curl")}, {2, day("curl")}, {4, day("lift")}}));
  ASSERT_TRUE(ev.ok()) << ev.status();
  EXPECT_TRUE(ev->valid) << Describe(*ev);
}

// ---------------------------------------------------------------- H6 impact spacing

TEST_F(EvaluateTest, H6ModerateOnConsecutiveDays) {
  const Plan plan = MakePlan({
      {0, {Warmup("march", 5), Main("brisk_walk", 10), Cooldown("cat_cow", 5)}},
      {1, {Warmup("march", 5), Main("brisk_walk", 10), Cooldown("cat_cow", 5)}},
      {3, {Warmup("cat_cow", 5), Main("hamstring_stretch", 5), Cooldown("hip_flexor_stretch", 5)}},
  });
  ExpectOnly(Eval(plan), "H6", 1, "brisk_walk");
}

TEST_F(EvaluateTest, H6ModerateOnSundayAndMonday) {
  const Plan plan = MakePlan({
      {0, {Warmup("march", 5), Main("brisk_walk", 10), Cooldown("cat_cow", 5)}},
      {3, {Warmup("cat_cow", 5), Main("hamstring_stretch", 5), Cooldown("hip_flexor_stretch", 5)}},
      {6, {Warmup("march", 5), Main("brisk_walk", 10), Cooldown("cat_cow", 5)}},
  });
  ExpectOnly(Eval(plan), "H6", 0, "brisk_walk");
}

TEST_F(EvaluateTest, H6ModerateEveryOtherDayIsValid) {
  const Plan plan = MakePlan({
      {0, {Warmup("march", 5), Main("brisk_walk", 10), Cooldown("cat_cow", 5)}},
      {2, {Warmup("march", 5), Main("brisk_walk", 10), Cooldown("cat_cow", 5)}},
      {4, {Warmup("march", 5), Main("brisk_walk", 10), Cooldown("cat_cow", 5)}},
  });
  EXPECT_TRUE(Eval(plan).valid) << Describe(Eval(plan));
}

TEST_F(EvaluateTest, H6HighNextToModerate) {
  profile_.fitness = 3;
  const Plan plan = MakePlan({
      {0, {Warmup("march", 5), Main("jog", 10), Cooldown("cat_cow", 5)}},
      {1, {Warmup("march", 5), Main("brisk_walk", 10), Cooldown("cat_cow", 5)}},
      {3, {Warmup("cat_cow", 5), Main("hamstring_stretch", 5), Cooldown("hip_flexor_stretch", 5)}},
  });
  ExpectOnly(Eval(plan), "H6", 1, "brisk_walk");
}

TEST_F(EvaluateTest, H6MoreThanTwoHighImpactDays) {
  profile_.fitness = 3;  // jog (high, difficulty 3) is eligible in band A at fitness 3
  const auto jog_day = [] {
    return std::vector<PlanItem>{Warmup("march", 5), Main("jog", 10), Cooldown("cat_cow", 5)};
  };
  EXPECT_TRUE(
      Eval(MakePlan({{0, jog_day()}, {2, jog_day()}, {4, EasyDays({4}).days[4].items}})).valid);
  ExpectOnly(Eval(MakePlan({{0, jog_day()}, {2, jog_day()}, {4, jog_day()}})), "H6", 4, "jog");
}

// ---------------------------------------------------------------- H7 repetition

TEST_F(EvaluateTest, H7MoreDaysThanMaxPerWeek) {
  // side_plank: strength, 3 days at most; 24 h rest, so four days break nothing else.
  const auto day = [] {
    return std::vector<PlanItem>{Warmup("cat_cow", 5), Main("side_plank", 5),
                                 Cooldown("hip_flexor_stretch", 5)};
  };
  EXPECT_TRUE(Eval(MakePlan({{0, day()}, {2, day()}, {4, day()}})).valid);
  // Days 0, 2, 4, 6: no 3-day window; the fourth day (6) is the one too many.
  ExpectOnly(Eval(MakePlan({{0, day()}, {2, day()}, {4, day()}, {6, day()}})), "H7", 6,
             "side_plank");
}

TEST_F(EvaluateTest, H7OneEntryPerDayBeyondTheLimit) {
  // stretch (max_per_week 2) on days 0, 2, 4 and 6: days 4 and 6 are each a day too many.
  const std::shared_ptr<const Catalog> catalog = MakeCatalog({
      ExerciseBuilder("warm", C::kFlexibility).Phases({P::kWarmup}).Primary({M::kCalves}),
      ExerciseBuilder("stretch", C::kFlexibility).Primary({M::kHamstrings}).MaxPerWeek(2),
      ExerciseBuilder("cool", C::kFlexibility).Phases({P::kCooldown}).Primary({M::kGlutes}),
  });
  const std::vector<PlanItem> day = {Warmup("warm", 5), Main("stretch", 5), Cooldown("cool", 5)};
  absl::StatusOr<Evaluation> ev =
      Evaluate(*catalog, profile_, MakePlan({{0, day}, {2, day}, {4, day}, {6, day}}));
  ASSERT_TRUE(ev.ok()) << ev.status();
  EXPECT_THAT(ev->violations,
              ElementsAre(IsViolation("H7", 4, "stretch"), IsViolation("H7", 6, "stretch")))
      << Describe(*ev);
}

// ---------------------------------------------------------------- H8 volume

// Three days of march 5 | long_walk `walk` | cat_cow 5.
Plan LongWalks(int walk) {
  const std::vector<PlanItem> day = {Warmup("march", 5), Main("long_walk", walk),
                                     Cooldown("cat_cow", 5)};
  return MakePlan({{0, day}, {2, day}, {4, day}, {6, day}});
}

TEST_F(EvaluateTest, H8BandCap) {
  profile_.availability.fill(240);
  profile_.fitness = 5;  // sessions up to 120 minutes; first-week cap 360 = band A's
  EXPECT_TRUE(Eval(LongWalks(80)).valid);                             // 4 x 90 = 360 = band A cap
  ExpectOnly(Eval(LongWalks(85)), "H8", std::nullopt, std::nullopt);  // 380 > 360
}

TEST_F(EvaluateTest, H8HistoryCap) {
  // Last week: 30 + 70 = 100 completed minutes (rpe absent: nothing progresses), 10 not.
  // cap = min(360, max(60, floor(11 x 100 / 10))) = 110.
  History history;
  history.plan = MakePlan(
      {{0, {Main("march", 30)}}, {1, {Main("long_walk", 70)}}, {3, {Main("bird_dog", 10)}}});
  history.feedback = {Done(0, "march"), Done(1, "long_walk")};
  profile_.history = history;
  profile_.availability.fill(240);
  profile_.fitness = 3;  // sessions up to 75 minutes

  Plan plan = BaseWeek();  // 60 minutes
  plan.days[2].items.insert(plan.days[2].items.begin() + 2, Main("long_walk", 50));
  EXPECT_TRUE(Eval(plan).valid) << Describe(Eval(plan));  // 110
  plan.days[2].items[2].minutes = 55;                     // 115 > 110
  ExpectOnly(Eval(plan), "H8", std::nullopt, std::nullopt);
}

TEST_F(EvaluateTest, H8HistoryFloorOf60) {
  // 40 completed minutes: max(60, floor(440 / 10) = 44) = 60.
  History history;
  history.plan = MakePlan({{0, {Main("long_walk", 40)}}});
  history.feedback = {Done(0, "long_walk")};
  profile_.history = history;
  EXPECT_TRUE(Eval(BaseWeek()).valid);  // 60
  Plan plan = BaseWeek();
  plan.days[4].items[0].minutes = 10;  // march 10: 65 > 60
  ExpectOnly(Eval(plan), "H8", std::nullopt, std::nullopt);
}

TEST_F(EvaluateTest, H8HistoryWithEmptyFeedback) {
  // No feedback: nothing completed, cap min(360, 60) = 60.
  History history;
  history.plan = BaseWeek();
  profile_.history = history;
  EXPECT_TRUE(Eval(BaseWeek()).valid);
  Plan plan = BaseWeek();
  plan.days[4].items[0].minutes = 10;  // 65 > 60
  ExpectOnly(Eval(plan), "H8", std::nullopt, std::nullopt);
}

// ---------------------------------------------------------------- H9 duration

TEST_F(EvaluateTest, H9AerobicNotAMultipleOfFive) {
  Plan plan = BaseWeek();
  plan.days[0].items[0].minutes = 7;  // march 7: in 5..30 but not a multiple of 5
  ExpectOnly(Eval(plan), "H9", 0, "march");
}

TEST_F(EvaluateTest, H9AerobicBelowMin) {
  Plan plan = BaseWeek();
  // brisk_walk 5 < 10 on day 2 (25 minutes; moderate impact on one day only).
  plan.days[2].items.insert(plan.days[2].items.begin() + 2, Main("brisk_walk", 5));
  ExpectOnly(Eval(plan), "H9", 2, "brisk_walk");
}

TEST_F(EvaluateTest, H9AerobicAboveMax) {
  profile_.availability.fill(60);
  Plan plan = BaseWeek();
  // A main march on day 2 (a warm-up of 30 minutes would break H4's 15-minute limit).
  plan.days[2].items.insert(plan.days[2].items.begin() + 1, Main("march", 30));  // max: fine
  EXPECT_TRUE(Eval(plan).valid) << Describe(Eval(plan));
  plan.days[2].items[1].minutes = 35;  // > 30
  ExpectOnly(Eval(plan), "H9", 2, "march");
}

TEST_F(EvaluateTest, H9ProgressedMaxFromHistory) {
  // Last week march (30 min) was completed at rpe 5: its max becomes
  // min(120, 5 x ceil(11 x 30 / 50)) = 5 x ceil(6.6) = 35 for this person.
  // Completed minutes 30 + 70 = 100 -> cap 110.
  History history;
  history.plan = MakePlan({{0, {Warmup("march", 30)}}, {1, {Main("long_walk", 70)}}});
  history.feedback = {Done(0, "march", /*rpe=*/5), Done(1, "long_walk")};
  profile_.availability.fill(60);

  Plan plan = BaseWeek();
  plan.days[2].items.insert(plan.days[2].items.begin() + 1, Main("march", 35));  // 95 minutes
  ExpectOnly(Eval(plan), "H9", 2, "march");  // without history: 35 > 30

  profile_.history = history;
  EXPECT_TRUE(Eval(plan).valid) << Describe(Eval(plan));
  plan.days[2].items[1].minutes = 40;  // > 35
  ExpectOnly(Eval(plan), "H9", 2, "march");
}

TEST_F(EvaluateTest, H9NonAerobicMinutesDiffer) {
  Plan plan = BaseWeek();
  plan.days[0].items[1].minutes = 12;  // bird_dog takes 10
  ExpectOnly(Eval(plan), "H9", 0, "bird_dog");
  plan.days[0].items[1].minutes = 5;
  ExpectOnly(Eval(plan), "H9", 0, "bird_dog");
}

// ---------------------------------------------------------------- Score

TEST_F(EvaluateTest, ScoreOfTheBaseWeek) {
  // Default goals (all 1), band A targets 150/60/60/20/30, preferred set empty.
  //   M: aerobic 5+5 = 10, strength 10+10+5 = 25, flexibility 5+5+5+5 = 20, balance 5,
  //      relaxation 0.
  //   mix: the least category term = relaxation's 0.
  //   strength_days: days 0, 2, 4 -> min(3, 2) / 2 = 1.
  //   u (strength): bird_dog core 1, lower_back 1, glutes .5; bridge glutes 1
  //      (hamstrings .5 not in Ks); side_plank obliques 1, core .5.
  //      core 1.5, obliques 1, lower_back 1, upper_back 0, glutes 1.5, hip_abductors 0
  //      (single_leg_stand is balance), quadriceps 0 (march is aerobic)
  //      -> (.75 + .5 + .5 + 0 + .75 + 0 + 0) / 7 = 2.5 / 7 = 5/14.
  //   f (flexibility): cat_cow x2 lower_back 2; hamstring_stretch hamstrings 1, calves .5;
  //      hip_flexor_stretch hip_flexors 1 -> (1/3 + 1/3 + 2/3 + 0 + 1/6) / 5 = 3/10.
  //   variety: 8 distinct -> 8/12.
  // weights 1 x 8 + 0.5 (variety) + 2 (mix) = 10.5; weighted sum = 1284/420.
  // penalties: caution 0, windows 0 (hard days 0, 2, 4), minutes 60 x 0.01 = 0.6.
  const Evaluation ev = Eval(BaseWeek());
  const ScoreTerms& t = ev.score_terms;
  EXPECT_NEAR(t[int(ScoreTerm::kAerobic)], 10.0 / 150, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStrength)], 25.0 / 60, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kFlexibility)], 20.0 / 60, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kBalance)], 5.0 / 20, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kRelaxation)], 0.0, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStrengthDays)], 1.0, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStrengthBalance)], 5.0 / 14, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStretchBalance)], 3.0 / 10, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kVariety)], 8.0 / 12, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kPreference)], 0.0, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kMix)], 0.0, kEps);
  EXPECT_NEAR(ev.penalties.caution, 0.0, kEps);
  EXPECT_NEAR(ev.penalties.windows, 0.0, kEps);
  EXPECT_NEAR(ev.penalties.minutes, 0.6, kEps);
  // 100 x (1284/420) / 10.5 = 128400/4410 = 29.1156462585...; minus 0.6.
  EXPECT_NEAR(ev.score, 128400.0 / 4410 - 0.6, kEps);
  EXPECT_NEAR(ev.score, 28.515646258503403, 1e-9);
}

TEST_F(EvaluateTest, ScoreWithGoalWeightsZeroTargetCautionWindowsAndPreference) {
  profile_.conditions = {"knee_pain"};  // squat: caution (eligible in band A)
  profile_.goals = {
      .strength = 3, .flexibility = 2, .endurance = 0, .balance = 1, .stress_relief = 3};
  // jog (impact: a condition) and row_band (equipment) are ineligible but stay in the
  // preferred set's denominator: 3.
  profile_.prefer = {"squat", "jog", "row_band"};
  PlannerOptions options;
  options.bands[int(PainBand::kA)].minutes[int(Category::kBalance)] = 0;  // weight 0, value 0

  // Days 5, 6, 0, 1, 3 train; the hard days (a strength item) are 5, 6, 0, 1: cyclic
  // windows (5,6,0) and (6,0,1) -> 2. Day 3 holds no strength or impact: not hard.
  const Plan plan = MakePlan({
      {5,
       {Warmup("cat_cow", 5), Main("squat", 10), Cooldown("hip_flexor_stretch", 5),
        Cooldown("breathing", 5)}},
      {6, {Warmup("march", 5), Main("bird_dog", 10), Cooldown("hamstring_stretch", 5)}},
      {0,
       {Warmup("cat_cow", 5), Main("side_plank", 5), Main("single_leg_stand", 5),
        Cooldown("hamstring_stretch", 5), Cooldown("breathing", 5)}},
      {1, {Warmup("march", 5), Main("squat", 10), Cooldown("cat_cow", 5)}},
      {3,
       {Warmup("cat_cow", 5), Main("hip_flexor_stretch", 5), Cooldown("hamstring_stretch", 5),
        Cooldown("breathing", 5)}},
  });
  const Evaluation ev = Eval(plan, options);
  EXPECT_TRUE(ev.valid) << Describe(ev);
  EXPECT_THAT(ev.excluded, ElementsAre(Exclusion{"jog", "impact", std::nullopt},
                                       Exclusion{"row_band", "equipment", std::nullopt},
                                       Exclusion{"yoga_flow", "unreviewed", std::nullopt}));

  // M: aerobic 10 (march x2), strength 10+10+10+5 = 35, flexibility cat_cow x4 = 20
  //    + hip_flexor x2 = 10 + hamstring x3 = 15 -> 45, balance 5 (target 0),
  //    relaxation 15.
  // mix: least of the weighing category terms (strength 7/12, flexibility 3/4,
  //    relaxation 1/2; aerobic and balance weigh 0) -> 1/2.
  // u: squat x2 quads 2, glutes 2, core .5+.5; bird_dog core 1, lower_back 1, glutes .5;
  //    side_plank obliques 1, core .5 -> core 2.5, obliques 1, lower_back 1, upper_back 0,
  //    glutes 2.5, hip_abductors 0, quads 2 -> (1 + .5 + .5 + 0 + 1 + 0 + 1) / 7 = 4/7.
  // f: cat_cow x4 lower_back 4 (capped at 3); hamstring_stretch x3 hamstrings 3,
  //    calves 1.5; hip_flexor_stretch x2 hip_flexors 2 (quads not in Kf)
  //    -> (1 + 2/3 + 1 + 0 + 1/2) / 5 = 19/30.
  // variety 9/12; preference: squat of {squat, jog, row_band} -> 1/3.
  const ScoreTerms& t = ev.score_terms;
  EXPECT_NEAR(t[int(ScoreTerm::kAerobic)], 10.0 / 150, kEps);  // value kept, weight 0
  EXPECT_NEAR(t[int(ScoreTerm::kStrength)], 35.0 / 60, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kFlexibility)], 45.0 / 60, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kBalance)], 0.0, kEps);  // target 0: value 0
  EXPECT_NEAR(t[int(ScoreTerm::kRelaxation)], 15.0 / 30, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStrengthDays)], 1.0, kEps);  // 4 strength days
  EXPECT_NEAR(t[int(ScoreTerm::kStrengthBalance)], 4.0 / 7, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStretchBalance)], 19.0 / 30, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kVariety)], 9.0 / 12, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kPreference)], 1.0 / 3, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kMix)], 0.5, kEps);

  // weights: aerobic 0 (endurance 0), strength 3, flexibility 2, balance 0 (target 0),
  // relaxation 3, strength_days 3, strength_balance 3, stretch_balance 2, variety .5,
  // preference .5, mix 2 -> 19. weighted: 3(7/12) + 2(3/4) + 3(1/2) + 3(1) + 3(4/7)
  // + 2(19/30) + .5(3/4) + .5(1/3) + 2(1/2) = 10309/840.
  // penalties: caution 2 squat uses x 2 = 4; windows 2 x 1 = 2; minutes 110 x 0.01.
  EXPECT_NEAR(ev.penalties.caution, 4.0, kEps);
  EXPECT_NEAR(ev.penalties.windows, 2.0, kEps);
  EXPECT_NEAR(ev.penalties.minutes, 1.1, kEps);
  // 100 x 10309 / (840 x 19) = 1030900/15960 = 64.5927318296...; minus 7.1.
  EXPECT_NEAR(ev.score, 1030900.0 / 15960 - 4.0 - 2.0 - 1.1, kEps);
  EXPECT_NEAR(ev.score, 57.49273182957394, 1e-9);
}

TEST_F(EvaluateTest, ScoreWithVarietyCapAndPreferredIneligibleIds) {
  profile_.pain = 5;  // band B: targets 90/40/70/20/40, 3..6 days, cap 270
  profile_.equipment = {"mat", "resistance_band"};
  profile_.availability.fill(60);
  // jog is ineligible (high impact outside band A); long_walk is not used.
  profile_.prefer = {"dead_bug", "bridge", "jog", "long_walk"};
  const Plan plan = MakePlan({
      {0,
       {Warmup("march", 10), Main("bird_dog", 10), Main("squat", 10), Main("single_leg_stand", 5),
        Cooldown("cat_cow", 5), Cooldown("breathing", 5)}},
      {2,
       {Warmup("cat_cow", 5), Main("bridge", 10), Main("brisk_walk", 20),
        Main("hamstring_stretch", 5), Cooldown("hip_flexor_stretch", 5)}},
      {4,
       {Warmup("march", 5), Main("row_band", 10), Main("side_plank", 5), Main("dead_bug", 5),
        Cooldown("child_pose", 5), Cooldown("yoga_flow", 10)}},
  });
  const Evaluation ev = Eval(plan);
  EXPECT_TRUE(ev.valid) << Describe(ev);
  EXPECT_THAT(ev.excluded, ElementsAre(Exclusion{"jog", "impact", std::nullopt}));

  // M: aerobic 10+5+20 = 35, strength 10+10+10+10+5+5 = 50 (capped at 40),
  //    flexibility 5+5+5+5+10 = 30, balance 5, relaxation 10.
  // u: bird_dog core 1, lower_back 1, glutes .5; squat quads 1, glutes 1, core .5;
  //    bridge glutes 1; row_band upper_back 1; side_plank obliques 1, core .5;
  //    dead_bug core 1 -> core 3 (2), obliques 1, lower_back 1, upper_back 1,
  //    glutes 2.5 (2), hip_abductors 0, quads 1 -> (1 + .5 + .5 + .5 + 1 + 0 + .5) / 7 = 4/7.
  // f: cat_cow x2 lower_back 2; hamstring_stretch hamstrings 1, calves .5;
  //    hip_flexor_stretch hip_flexors 1; yoga_flow hamstrings 1, glutes 1, lower_back .5
  //    -> (2/3 + 1/3 + 5/6 + 1/3 + 1/6) / 5 = 7/15.
  // variety: 15 distinct, capped at 12 -> 1. preference: dead_bug, bridge of 4 -> 1/2.
  // mix: the least category term, balance's and relaxation's 1/4.
  const ScoreTerms& t = ev.score_terms;
  EXPECT_NEAR(t[int(ScoreTerm::kAerobic)], 35.0 / 90, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStrength)], 1.0, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kFlexibility)], 30.0 / 70, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kBalance)], 5.0 / 20, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kRelaxation)], 10.0 / 40, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStrengthDays)], 1.0, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStrengthBalance)], 4.0 / 7, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kStretchBalance)], 7.0 / 15, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kVariety)], 1.0, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kPreference)], 0.5, kEps);
  EXPECT_NEAR(t[int(ScoreTerm::kMix)], 0.25, kEps);

  // weights 8 x 1 + .5 + .5 + 2 = 11; weighted = 7/18 + 1 + 3/7 + 1/4 + 1/4 + 1 + 4/7
  // + 7/15 + 1/2 + 1/4 + 2(1/4) = 1009/180. penalties: no condition, no window (hard days
  // 0, 2, 4), 130 minutes -> 1.3.
  EXPECT_NEAR(ev.penalties.caution, 0.0, kEps);
  EXPECT_NEAR(ev.penalties.windows, 0.0, kEps);
  EXPECT_NEAR(ev.penalties.minutes, 1.3, kEps);
  // 100 x 1009 / (180 x 11) = 100900/1980 = 50.9595959596...; minus 1.3.
  EXPECT_NEAR(ev.score, 100900.0 / 1980 - 1.3, kEps);
  EXPECT_NEAR(ev.score, 49.65959595959596, 1e-9);
}

TEST_F(EvaluateTest, CautionPenaltyCountsEveryUseEvenWhenIneligible) {
  // Band C (pain 7): squat's caution makes it ineligible, and still costs 2 per use.
  profile_.pain = 7;
  profile_.conditions = {"knee_pain"};
  Plan plan = BaseWeek();
  plan.days[4].items.insert(plan.days[4].items.begin() + 3, Main("squat", 10));
  const Evaluation ev = Eval(plan);
  EXPECT_THAT(ev.violations, Contains(IsViolation("H1", 4, "squat")));
  EXPECT_NEAR(ev.penalties.caution, 2.0, kEps);
}

TEST_F(EvaluateTest, WindowsCountHardDaysOnly) {
  // Seven easy days (stretches only: no strength, no impact) are no hard days: no window.
  const Evaluation ev = Eval(EasyDays({0, 1, 2, 3, 4, 5, 6}));
  EXPECT_NEAR(ev.penalties.windows, 0.0, kEps);
  EXPECT_NEAR(ev.penalties.minutes, 7 * 15 * 0.01, kEps);
  // Make some days hard with side_plank (strength, no recovery days): days 0, 1, 2, 3,
  // 5, 6 -> windows starting 0, 1, 5 and 6 (cyclic) -> 4.
  Plan plan = EasyDays({0, 1, 2, 3, 4, 5, 6});
  for (int d : {0, 1, 2, 3, 5, 6}) plan.days[d].items[1] = Main("side_plank", 5);
  EXPECT_NEAR(Eval(plan).penalties.windows, 4.0, kEps);
  // A moderate-impact item makes a day hard too: day 4 joins -> all 7 windows.
  plan.days[4].items[1] = Main("brisk_walk", 10);
  EXPECT_NEAR(Eval(plan).penalties.windows, 7.0, kEps);
}

TEST_F(EvaluateTest, InvalidPlanIsStillScored) {
  Plan plan = BaseWeek();
  plan.days[4].items.clear();  // H3: two days
  const Evaluation ev = Eval(plan);
  EXPECT_FALSE(ev.valid);
  // Days 0, 2: aerobic 5, strength 20, flexibility 15, balance 0, relaxation 0 (mix 0);
  // strength_days 1; u: core 1, lower_back 1, glutes 1.5 -> (.5 + 0 + .5 + 0 + .75) / 7
  // = 1.75/7 = 1/4; f: lower_back 2, hamstrings 1, calves .5 -> (1/3 + 2/3 + 1/6) / 5
  // = 7/30; variety 5/12 (march, bird_dog, cat_cow, bridge, hamstring_stretch).
  // weighted = 5/150 + 20/60 + 15/60 + 0 + 0 + 1 + 1/4 + 7/30 + .5 x 5/12 + 2 x 0
  // = 277/120; weights 10.5; minutes 40 -> 0.4.
  EXPECT_NEAR(ev.score, 100.0 * (277.0 / 120) / 10.5 - 0.4, kEps);
  EXPECT_NEAR(ev.score, 21.584126984126985, 1e-9);
}

TEST_F(EvaluateTest, AllGoalsZeroLeavesVarietyAlone) {
  profile_.goals = {
      .strength = 0, .flexibility = 0, .endurance = 0, .balance = 0, .stress_relief = 0};
  // Only variety weighs (0.5): 100 x (8/12) = 66.66...; minus 0.6.
  EXPECT_NEAR(Eval(BaseWeek()).score, 100.0 * 8 / 12 - 0.6, kEps);
}

TEST_F(EvaluateTest, ScoreIsAPureFunction) {
  const Evaluation a = Eval(BaseWeek());
  const Evaluation b = Eval(BaseWeek());
  EXPECT_EQ(a, b);
  absl::StatusOr<WeekContext> ctx = BuildWeekContext(*catalog_, profile_);
  ASSERT_TRUE(ctx.ok()) << ctx.status();
  EXPECT_EQ(EvaluateInContext(*catalog_, *ctx, BaseWeek(), PlannerOptions{}), a);
}

TEST_F(EvaluateTest, OutputOnlyFieldsAreIgnored) {
  Plan plan = BaseWeek();
  const Evaluation base = Eval(plan);
  plan.days[0].minutes = 999;
  plan.score = 12.5;
  plan.score_terms = ScoreTerms{};
  plan.totals = Totals{.minutes = 1, .by_category = {}};
  plan.excluded = {Exclusion{"march", "impact", std::nullopt}};
  EXPECT_EQ(Eval(plan), base);
}

TEST_F(EvaluateTest, ProfileNamingUnknownIdsIsAnError) {
  profile_.prefer = {"tai_chi_x"};
  EXPECT_THAT(Evaluate(*catalog_, profile_, BaseWeek()),
              testing::StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace backbalance
