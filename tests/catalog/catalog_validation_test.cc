#include "backbalance/catalog/catalog_validation.h"

#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/hash_containers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
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
                                  const StringSet* skip = nullptr) {
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
  const std::vector<Problem> problems = ValidateCatalogRecords({a, b, c}, {});
  EXPECT_EQ(PathRules(problems), (Lines{"exercises[0].phases[0]: warmup_impact",
                                        "exercises[1].phases[1]: cooldown_category",
                                        "exercises[2].phases[0]: warmup_impact"}));
  EXPECT_EQ(problems[0].ToString(),
            "exercises[0].phases[0]: warmup_impact: a warmup item must be low impact, this one is "
            "moderate");
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
  const StringSet skip = {"exercises[0].dose", "exercises[0].phases", "exercises[1].id"};
  EXPECT_EQ(Validate({a, b}, {}, &skip),
            (Lines{"exercises[0].rest_hours: range", "exercises[1].difficulty: range"}));
  const StringSet whole_record = {"exercises[0]"};
  EXPECT_EQ(Validate({a, b}, {}, &whole_record), (Lines{"exercises[1].difficulty: range"}));
}

TEST(ValidateCatalogRecordsTest, SkippedCategoryDisablesCategoryRules) {
  Exercise a = Strength("a");
  a.phases = {Phase::kCooldown};
  a.minutes = 0;
  a.dose = Dose::Minutes(5);
  const StringSet skip = {"exercises[0].category"};
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
