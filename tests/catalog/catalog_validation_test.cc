#include "catalog/catalog_validation.h"

#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/exercise.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/hash_containers.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblems;
using ::backbalance::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Lines = std::vector<std::string>;

Exercise Strength(std::string id) {
  Exercise e;
  e.id = std::move(id);
  e.name = "Strength item";
  e.category = Category::kStrength;
  e.impact = Impact::kLow;
  e.phases = {Phase::kMain};
  e.primary_muscles = {Muscle::kCore};
  e.minutes = 5;
  e.dose = Dose::SetsReps(2, 10);
  e.rest_hours = 48;
  e.max_per_week = 3;
  return e;
}

Exercise Aerobic(std::string id) {
  Exercise e;
  e.id = std::move(id);
  e.name = "Aerobic item";
  e.category = Category::kAerobic;
  e.impact = Impact::kLow;
  e.phases = {Phase::kWarmup, Phase::kMain};
  e.min_minutes = 10;
  e.max_minutes = 30;
  e.dose = Dose::Minutes(20);
  e.max_per_week = 5;
  return e;
}

Exercise Stretch(std::string id) {
  Exercise e;
  e.id = std::move(id);
  e.name = "Stretch";
  e.category = Category::kFlexibility;
  e.phases = {Phase::kCooldown};
  e.primary_muscles = {Muscle::kHamstrings};
  e.minutes = 5;
  e.dose = Dose::HoldReps(30, 2);
  e.max_per_week = 7;
  return e;
}

std::vector<std::string> PathRules(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(p.path + ": " + p.rule);
  return out;
}

std::vector<std::string> Validate(const std::vector<Exercise>& exercises,
                                  const std::vector<std::string>& conditions = {},
                                  const internal::StringSet* skip = nullptr) {
  return PathRules(ValidateCatalogRecords(exercises, conditions, skip));
}

TEST(ValidateCatalogRecordsTest, ValidRecordsHaveNoProblems) {
  EXPECT_THAT(Validate({Strength("plank"), Aerobic("walking"), Stretch("hamstring_stretch")}),
              ElementsAre());
}

TEST(ValidateCatalogRecordsTest, IdPatternAndUniqueness) {
  std::vector<Exercise> records = {Strength("plank"), Strength("Plank"), Strength("plank"),
                                   Strength("")};
  EXPECT_EQ(Validate(records), (Lines{"exercises[1].id: pattern", "exercises[2].id: duplicate_id",
                                      "exercises[3].id: pattern"}));
  const std::vector<Problem> problems = ValidateCatalogRecords(records, {});
  EXPECT_EQ(problems[1].detail, "\"plank\" is also the id of exercises[0]");
}

TEST(ValidateCatalogRecordsTest, NameAndPhases) {
  Exercise a = Strength("a");
  a.name = "";
  a.phases = {};
  Exercise b = Strength("b");
  b.phases = {Phase::kMain, Phase::kMain};
  EXPECT_EQ(Validate({a, b}), (Lines{"exercises[0].name: empty", "exercises[0].phases: empty",
                                     "exercises[1].phases[1]: duplicate"}));
}

TEST(ValidateCatalogRecordsTest, WarmupAndCooldownRules) {
  Exercise a = Aerobic("jogging");
  a.impact = Impact::kModerate;
  Exercise b = Strength("plank");
  b.phases = {Phase::kMain, Phase::kCooldown};
  Exercise c = Stretch("stretch");
  c.impact = Impact::kHigh;
  c.phases = {Phase::kWarmup, Phase::kCooldown};
  c.dose = Dose::SetsReps(1, 10);  // dynamic: only the impact is wrong
  const std::vector<Problem> problems = ValidateCatalogRecords({a, b, c}, {});
  // Model 2 reports the phase rules at the record's `phases`, not at the element.
  EXPECT_EQ(PathRules(problems),
            (Lines{"exercises[0].phases: warmup_impact", "exercises[1].phases: cooldown_category",
                   "exercises[2].phases: warmup_impact"}));
  EXPECT_EQ(problems[0].ToString(),
            "exercises[0].phases: warmup_impact: a warmup item must be low impact, this one is "
            "moderate");
  EXPECT_EQ(problems[1].ToString(),
            "exercises[1].phases: cooldown_category: a cooldown item must be flexibility or "
            "relaxation, this one is strength");
}

TEST(ValidateCatalogRecordsTest, WarmupIsDynamic) {
  // Section 2: a warm-up item is aerobic, or a flexibility or balance item whose dose is
  // {sets, reps}. Static holds, strength and relaxation items never warm up.
  Exercise strength = Strength("squat");
  strength.phases = {Phase::kWarmup, Phase::kMain};
  Exercise relaxation = Strength("breathing");
  relaxation.category = Category::kRelaxation;
  relaxation.primary_muscles = {};
  relaxation.dose = Dose::Minutes(5);
  relaxation.phases = {Phase::kWarmup, Phase::kCooldown};
  Exercise held_stretch = Stretch("hamstring_stretch");
  held_stretch.phases = {Phase::kWarmup, Phase::kCooldown};
  Exercise held_balance = Stretch("single_leg_stand");
  held_balance.category = Category::kBalance;
  held_balance.phases = {Phase::kWarmup, Phase::kMain};
  const std::vector<Problem> problems =
      ValidateCatalogRecords({strength, relaxation, held_stretch, held_balance}, {});
  EXPECT_EQ(PathRules(problems), (Lines{"exercises[0].phases: warmup_not_dynamic",
                                        "exercises[1].phases: warmup_not_dynamic",
                                        "exercises[2].phases: warmup_not_dynamic",
                                        "exercises[3].phases: warmup_not_dynamic"}));
  EXPECT_THAT(problems[2].detail, HasSubstr("flexibility"));
  EXPECT_THAT(problems[2].detail, HasSubstr("hold_seconds"));

  // Dynamic ones warm up: aerobic work, a stretch or a balance drill done as repetitions.
  Exercise leg_swing = Stretch("leg_swing");
  leg_swing.phases = {Phase::kWarmup, Phase::kCooldown};
  leg_swing.dose = Dose::SetsReps(1, 10);
  Exercise weight_shift = leg_swing;
  weight_shift.id = "weight_shift";
  weight_shift.category = Category::kBalance;
  weight_shift.phases = {Phase::kWarmup, Phase::kMain};
  EXPECT_THAT(Validate({Aerobic("walking"), leg_swing, weight_shift}), ElementsAre());
}

TEST(ValidateCatalogRecordsTest, WarmupRulesTogether) {
  // A high-impact held stretch breaks both warm-up rules, both at `phases`.
  Exercise a = Stretch("a");
  a.impact = Impact::kHigh;
  a.phases = {Phase::kWarmup};
  EXPECT_EQ(Validate({a}), (Lines{"exercises[0].phases: warmup_impact",
                                  "exercises[0].phases: warmup_not_dynamic"}));
  // Without a readable dose, the dynamic rule is not guessed.
  const internal::StringSet skip = {"exercises[0].dose"};
  EXPECT_EQ(Validate({a}, {}, &skip), (Lines{"exercises[0].phases: warmup_impact"}));
}

TEST(ValidateCatalogRecordsTest, Movements) {
  Exercise a = Strength("a");
  a.movements = {Movement::kSpinalFlexion, Movement::kExternalLoad, Movement::kSpinalFlexion};
  Exercise b = Strength("b");
  b.movements = {Movement::kProne, static_cast<Movement>(30)};
  Exercise c = Strength("c");
  c.movements = {Movement::kKneeLoading, Movement::kArmLoading, Movement::kSingleLeg};
  EXPECT_EQ(Validate({a, b, c}), (Lines{"exercises[0].movements[2]: duplicate",
                                        "exercises[1].movements[1]: unknown_name"}));
}

std::vector<std::string> ValidateRules(const ConditionRules& rules,
                                       const std::vector<std::string>& conditions = {}) {
  return PathRules(ValidateCatalogRecords({Strength("a")}, conditions, nullptr, &rules));
}

RuleEntry Entry(std::vector<Movement> movements) { return RuleEntry{std::move(movements)}; }

TEST(ValidateCatalogRecordsTest, ConditionRules) {
  using M = Movement;
  ConditionRules rules;
  rules["sciatica"] = {{Entry({M::kSpinalFlexion, M::kExternalLoad})}, {Entry({M::kProne})}};
  rules["wrist"] = {{Entry({M::kArmLoading})}, {}};
  EXPECT_EQ(ValidateRules(rules), (Lines{"condition_rules.wrist: unknown_name"}));
  EXPECT_EQ(ValidateRules(rules, {"wrist"}), Lines{});

  // An entry names each movement once, at least one, each a movement.
  rules = {};
  rules["knee_pain"] = {
      {Entry({M::kKneeLoading}), Entry({M::kKneeLoading, M::kExternalLoad, M::kKneeLoading})},
      {Entry({}), Entry({static_cast<M>(20)})}};
  const std::vector<Problem> problems =
      ValidateCatalogRecords({Strength("a")}, {}, nullptr, &rules);
  EXPECT_EQ(PathRules(problems), (Lines{"condition_rules.knee_pain.avoid[1]: duplicate",
                                        "condition_rules.knee_pain.caution[0]: empty",
                                        "condition_rules.knee_pain.caution[1]: unknown_name"}));
  EXPECT_THAT(problems[0].detail, HasSubstr("knee_loading"));

  // The same entry twice, or in both lists, is allowed (avoid wins).
  rules = {};
  rules["pregnancy"] = {{Entry({M::kSupine}), Entry({M::kSupine})}, {Entry({M::kSupine})}};
  EXPECT_EQ(ValidateRules(rules), Lines{});
}

TEST(CatalogCreateTest, ReportsConditionRuleProblems) {
  ConditionRules rules;
  rules["bad_knees"] = {{RuleEntry{{Movement::kKneeLoading}}}, {}};
  EXPECT_THAT(Catalog::Create({Strength("a")}, {}, rules),
              HasProblems(Lines{"condition_rules.bad_knees: unknown_name"}));
  EXPECT_THAT(Catalog::Create({Strength("a")}, {"bad_knees"}, rules), IsOk());
}

TEST(ValidateCatalogRecordsTest, Muscles) {
  Exercise a = Strength("a");
  a.primary_muscles = {};
  Exercise b = Strength("b");
  b.primary_muscles = {Muscle::kCore, Muscle::kGlutes, Muscle::kCore};
  b.secondary_muscles = {Muscle::kGlutes, Muscle::kShoulders, Muscle::kShoulders};
  Exercise c = Aerobic("c");  // aerobic and relaxation items may name no muscle
  c.primary_muscles = {};
  EXPECT_EQ(Validate({a, b, c}), (Lines{"exercises[0].primary_muscles: empty",
                                        "exercises[1].primary_muscles[2]: duplicate",
                                        "exercises[1].secondary_muscles[0]: muscle_overlap",
                                        "exercises[1].secondary_muscles[2]: duplicate"}));
}

TEST(ValidateCatalogRecordsTest, MinutesByCategory) {
  Exercise a = Strength("a");
  a.minutes = 121;
  a.min_minutes = 10;
  Exercise b = Aerobic("b");
  b.minutes = 5;
  b.min_minutes = 3;
  b.max_minutes = 125;
  Exercise c = Aerobic("c");
  c.min_minutes = 22;
  Exercise d = Aerobic("d");
  d.min_minutes = 40;
  d.max_minutes = 20;
  EXPECT_EQ(Validate({a, b, c, d}),
            (Lines{"exercises[0].minutes: range", "exercises[0].min_minutes: forbidden",
                   "exercises[1].minutes: forbidden", "exercises[1].min_minutes: range",
                   "exercises[1].max_minutes: range", "exercises[2].min_minutes: multiple_of_5",
                   "exercises[3].max_minutes: min_max"}));
}

TEST(ValidateCatalogRecordsTest, DoseFormByCategoryAndNumbers) {
  Exercise a = Strength("a");
  a.dose = Dose::Minutes(10);
  Exercise b = Aerobic("b");
  b.dose = Dose::HoldReps(10, 2);
  Exercise c = Stretch("c");
  c.dose = Dose::HoldReps(0, 51);
  Exercise d = Strength("d");
  d.dose = Dose::SetsReps(11, 10);
  Exercise e = Strength("e");
  e.category = Category::kRelaxation;
  e.primary_muscles = {};
  e.dose = Dose::Minutes(121);
  EXPECT_EQ(Validate({a, b, c, d, e}),
            (Lines{"exercises[0].dose: dose_form", "exercises[1].dose: dose_form",
                   "exercises[2].dose.hold_seconds: range", "exercises[2].dose.reps: range",
                   "exercises[3].dose.sets: range", "exercises[4].dose.minutes: range"}));
}

TEST(ValidateCatalogRecordsTest, IntegerRanges) {
  Exercise a = Strength("a");
  a.rest_hours = 120;
  a.max_per_week = 0;
  a.difficulty = 6;
  const std::vector<Problem> problems = ValidateCatalogRecords({a}, {});
  EXPECT_EQ(PathRules(problems),
            (Lines{"exercises[0].rest_hours: range", "exercises[0].max_per_week: range",
                   "exercises[0].difficulty: range"}));
  EXPECT_EQ(problems[0].ToString(),
            "exercises[0].rest_hours: range: must be an integer in 0..96, got 120");
}

TEST(ValidateCatalogRecordsTest, Equipment) {
  Exercise a = Strength("a");
  a.equipment = {"mat", "", "mat"};
  EXPECT_EQ(Validate({a}),
            (Lines{"exercises[0].equipment[1]: empty", "exercises[0].equipment[2]: duplicate"}));
}

TEST(ValidateCatalogRecordsTest, EquipmentLimit) {
  std::vector<Exercise> records;
  for (int i = 0; i < 65; ++i) {
    Exercise e = Strength("item_" + std::to_string(i));
    e.equipment = {"tool_" + std::to_string(i)};
    records.push_back(e);
  }
  EXPECT_EQ(Validate(records), (Lines{"exercises[64].equipment: limit"}));
}

TEST(ValidateCatalogRecordsTest, Contraindications) {
  Exercise a = Strength("a");
  a.contraindications = {{"sciatica", Contraindication::kAvoid},
                         {"wrist", Contraindication::kCaution},
                         {"Odd Name", Contraindication::kAvoid}};
  EXPECT_EQ(Validate({a}), (Lines{"exercises[0].contraindications[\"Odd Name\"]: unknown_name",
                                  "exercises[0].contraindications.wrist: unknown_name"}));
  EXPECT_EQ(Validate({a}, {"wrist"}),
            (Lines{"exercises[0].contraindications[\"Odd Name\"]: unknown_name"}));
}

TEST(ValidateCatalogRecordsTest, DeclaredConditions) {
  EXPECT_EQ(Validate({}, {"wrist", "Wrist", "sciatica", "wrist", std::string(65, 'x')}),
            (Lines{"conditions[1]: pattern", "conditions[2]: duplicate", "conditions[3]: duplicate",
                   "conditions[4]: pattern"}));
  std::vector<std::string> many;
  for (int i = 0; i < 55; ++i) many.push_back("condition_" + std::to_string(i));
  EXPECT_EQ(Validate({}, many), (Lines{"conditions: limit"}));
}

TEST(ValidateCatalogRecordsTest, References) {
  Exercise a = Strength("a");
  a.progressions = {"b", "b", "missing"};
  a.regressions = {"a"};
  a.substitutes = {"c"};
  Exercise b = Strength("b");
  EXPECT_EQ(Validate({a, b}), (Lines{"exercises[0].progressions[1]: duplicate",
                                     "exercises[0].progressions[2]: unknown_reference",
                                     "exercises[0].regressions[0]: self_reference",
                                     "exercises[0].substitutes[0]: unknown_reference"}));
}

TEST(ValidateCatalogRecordsTest, InvalidEnumValuesFromCode) {
  Exercise a = Strength("a");
  a.category = static_cast<Category>(9);
  a.impact = static_cast<Impact>(7);
  a.primary_muscles = {static_cast<Muscle>(40)};
  EXPECT_EQ(Validate({a}),
            (Lines{"exercises[0].category: unknown_name", "exercises[0].impact: unknown_name",
                   "exercises[0].primary_muscles[0]: unknown_name"}));
}

TEST(ValidateCatalogRecordsTest, SkipPathsCoverWhatIsBelowThem) {
  Exercise a = Strength("a");
  a.dose = Dose::SetsReps(0, 0);
  a.rest_hours = 200;
  a.phases = {};
  Exercise b = Strength("a");  // its id was "reported": no duplicate_id either way
  b.difficulty = 9;
  const internal::StringSet skip = {"exercises[0].dose", "exercises[0].phases", "exercises[1].id"};
  EXPECT_EQ(Validate({a, b}, {}, &skip),
            (Lines{"exercises[0].rest_hours: range", "exercises[1].difficulty: range"}));
  const internal::StringSet whole_record = {"exercises[0]"};
  EXPECT_EQ(Validate({a, b}, {}, &whole_record), (Lines{"exercises[1].difficulty: range"}));
}

TEST(ValidateCatalogRecordsTest, SkippedCategoryDisablesCategoryRules) {
  Exercise a = Strength("a");
  a.phases = {Phase::kCooldown};
  a.minutes = 0;
  a.dose = Dose::Minutes(5);
  const internal::StringSet skip = {"exercises[0].category"};
  EXPECT_EQ(Validate({a}, {}, &skip), Lines{});
}

TEST(CatalogCreateTest, ReportsRecordProblemsAsStatus) {
  Exercise a = Strength("a");
  a.rest_hours = 100;
  auto created = Catalog::Create({a, Strength("a")});
  EXPECT_THAT(created, HasProblems(Lines{"exercises[0].rest_hours: range",
                                         "exercises[1].id: duplicate_id"}));
  EXPECT_THAT(Catalog::Create({Strength("a"), Aerobic("b"), Stretch("c")}), IsOk());
}

}  // namespace
}  // namespace backbalance
