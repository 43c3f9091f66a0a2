#include "backbalance/io/catalog_json.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "backbalance/catalog/canonical_form.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/problem.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblem;
using ::backbalance::testing::HasProblems;
using ::backbalance::testing::IsOk;
using ::backbalance::testing::PathRules;
using ::backbalance::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using Json = nlohmann::ordered_json;
using Lines = std::vector<std::string>;

// Five records, one per category; index: 0 plank, 1 side_plank, 2 walking,
// 3 childs_pose, 4 breathing. Child's pose is a static hold, so it cools down only (a
// warm-up is dynamic, section 2).
Json ValidCatalog() {
  return Json::parse(R"({
    "schema": "backbalance.catalog/1",
    "exercises": [
      {"id": "plank", "name": "Plank", "category": "strength", "impact": "low",
       "phases": ["main"], "primary_muscles": ["core"], "secondary_muscles": ["shoulders"],
       "minutes": 5, "dose": {"hold_seconds": 20, "reps": 3}, "progressions": ["side_plank"]},
      {"id": "side_plank", "name": "Side plank", "category": "strength", "impact": "low",
       "phases": ["main"], "primary_muscles": ["obliques"], "secondary_muscles": ["core"],
       "minutes": 6, "dose": {"hold_seconds": 15, "reps": 3}, "regressions": ["plank"],
       "contraindications": {"shoulder_pain": "caution"}, "equipment": ["mat"]},
      {"id": "walking", "name": "Walking", "category": "aerobic", "impact": "low",
       "phases": ["warmup", "main"], "primary_muscles": ["quadriceps", "calves"],
       "min_minutes": 10, "max_minutes": 60, "dose": {"minutes": 30}},
      {"id": "childs_pose", "name": "Child's pose", "category": "flexibility", "impact": "low",
       "phases": ["cooldown"], "primary_muscles": ["lower_back"], "minutes": 5,
       "dose": {"hold_seconds": 30, "reps": 2}, "notes": "Breathe slowly."},
      {"id": "breathing", "name": "Diaphragmatic breathing", "category": "relaxation",
       "impact": "low", "phases": ["cooldown"], "primary_muscles": [], "minutes": 5,
       "dose": {"minutes": 5}, "reviewed": false}
    ]
  })");
}

absl::StatusOr<std::shared_ptr<const Catalog>> Load(const Json& document) {
  return LoadCatalog(document.dump());
}

TEST(LoadCatalogTest, LoadsRecordsWithDefaults) {
  ASSERT_OK_AND_ASSIGN(auto catalog, Load(ValidCatalog()));
  ASSERT_EQ(catalog->size(), 5u);
  const Exercise& plank = catalog->exercises()[0];
  EXPECT_EQ(plank.id, "plank");
  EXPECT_EQ(plank.category, Category::kStrength);
  EXPECT_EQ(plank.dose, Dose::HoldReps(20, 3));
  EXPECT_EQ(plank.rest_hours, 48);  // strength default
  EXPECT_EQ(plank.max_per_week, 3);
  EXPECT_EQ(plank.difficulty, 1);
  EXPECT_TRUE(plank.reviewed);
  EXPECT_EQ(plank.progressions, Lines{"side_plank"});
  const Exercise& walking = catalog->exercises()[2];
  EXPECT_EQ(walking.minutes, 0);
  EXPECT_EQ(walking.min_minutes, 10);
  EXPECT_EQ(walking.max_minutes, 60);
  EXPECT_EQ(walking.rest_hours, 0);
  EXPECT_EQ(walking.max_per_week, 5);
  EXPECT_EQ(catalog->exercises()[1].contraindications.at("shoulder_pain"),
            Contraindication::kCaution);
  EXPECT_FALSE(catalog->exercises()[4].reviewed);
  EXPECT_EQ(catalog->exercises()[4].max_per_week, 7);
  EXPECT_EQ(catalog->exercises()[3].notes, "Breathe slowly.");
}

TEST(LoadCatalogTest, AppliesGivenDefaults) {
  CatalogDefaults defaults;
  defaults.strength_rest_hours = 72;
  defaults.difficulty = 2;
  defaults.max_per_week[static_cast<int>(Category::kStrength)] = 2;
  ASSERT_OK_AND_ASSIGN(auto catalog, LoadCatalog(ValidCatalog().dump(), defaults));
  EXPECT_EQ(catalog->exercises()[0].rest_hours, 72);
  EXPECT_EQ(catalog->exercises()[0].difficulty, 2);
  EXPECT_EQ(catalog->exercises()[0].max_per_week, 2);
}

TEST(LoadCatalogTest, BuiltinCatalogFileLoads) {
  const std::string path = std::string(BKB_SOURCE_DIR) + "/data/catalog/builtin.json";
  ASSERT_OK_AND_ASSIGN(auto catalog, LoadCatalogFile(path));
  EXPECT_GT(catalog->size(), 50u);
}

TEST(LoadCatalogTest, MissingFileIsNotFound) {
  EXPECT_THAT(LoadCatalogFile("/nonexistent/catalog.json"), StatusIs(absl::StatusCode::kNotFound));
}

TEST(LoadCatalogTest, UnknownFieldInRecord) {
  Json doc = ValidCatalog();
  doc["exercises"][1]["colour"] = "red";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[1].colour: unknown_field"}));
}

TEST(LoadCatalogTest, UnknownTopLevelField) {
  Json doc = ValidCatalog();
  doc["version"] = 2;
  EXPECT_THAT(Load(doc), HasProblems(Lines{"version: unknown_field"}));
}

TEST(LoadCatalogTest, WrongTypes) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["minutes"] = "5";
  doc["exercises"][0]["name"] = 3;
  doc["exercises"][0]["reviewed"] = "yes";
  doc["exercises"][0]["phases"] = "main";
  auto loaded = Load(doc);
  EXPECT_THAT(loaded,
              HasProblems(Lines{"exercises[0].name: type", "exercises[0].phases: type",
                                "exercises[0].minutes: type", "exercises[0].reviewed: type"}));
  EXPECT_THAT(loaded.status().message(),
              HasSubstr("exercises[0].minutes: type: must be an integer, got string"));
}

TEST(LoadCatalogTest, IntegerFieldsTakeOnlyIntegerLiterals) {
  for (const char* number : {"3.5", "3.0", "3e0"}) {
    std::string text = ValidCatalog().dump();
    const std::string from = "\"minutes\":5";
    text.replace(text.find(from), from.size(), std::string("\"minutes\":") + number);
    EXPECT_THAT(LoadCatalog(text), HasProblems(Lines{"exercises[0].minutes: type"})) << number;
  }
}

TEST(LoadCatalogTest, OutOfRangeNamesPathRuleAndValue) {
  Json doc = ValidCatalog();
  doc["exercises"][1]["rest_hours"] = 120;
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"exercises[1].rest_hours: range"}));
  EXPECT_EQ(loaded.status().message(),
            "exercises[1].rest_hours: range: must be an integer in 0..96, got 120");
}

TEST(LoadCatalogTest, OutOfRangeEveryNumber) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["minutes"] = 0;
  doc["exercises"][0]["max_per_week"] = 8;
  doc["exercises"][0]["difficulty"] = 6;
  doc["exercises"][0]["dose"] = Json{{"hold_seconds", 301}, {"reps", 0}};
  doc["exercises"][2]["max_minutes"] = 125;
  doc["exercises"][4]["dose"]["minutes"] = 121;
  EXPECT_THAT(Load(doc), HasProblems(Lines{
                             "exercises[0].minutes: range",
                             "exercises[0].dose.reps: range",
                             "exercises[0].dose.hold_seconds: range",
                             "exercises[0].max_per_week: range",
                             "exercises[0].difficulty: range",
                             "exercises[2].max_minutes: range",
                             "exercises[4].dose.minutes: range",
                         }));
}

TEST(LoadCatalogTest, HugeIntegerIsOutOfRange) {
  std::string text = ValidCatalog().dump();
  const std::string from = "\"minutes\":5";
  text.replace(text.find(from), from.size(), "\"minutes\":123456789012345678901234567890");
  EXPECT_THAT(LoadCatalog(text), HasProblems(Lines{"exercises[0].minutes: range"}));
}

TEST(LoadCatalogTest, UnknownEnumNames) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["category"] = "cardio";
  doc["exercises"][1]["impact"] = "extreme";
  doc["exercises"][2]["phases"][1] = "stretch";
  doc["exercises"][3]["primary_muscles"][0] = "abs";
  doc["exercises"][1]["contraindications"]["shoulder_pain"] = "never";
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{
                          "exercises[0].category: unknown_name",
                          "exercises[1].impact: unknown_name",
                          "exercises[1].contraindications.shoulder_pain: unknown_name",
                          "exercises[2].phases[1]: unknown_name",
                          "exercises[3].primary_muscles[0]: unknown_name",
                      }));
  EXPECT_THAT(loaded.status().message(),
              HasSubstr("exercises[2].phases[1]: unknown_name: must be one of warmup, main, "
                        "cooldown; got \"stretch\""));
}

TEST(LoadCatalogTest, MissingRequiredFields) {
  for (const char* field :
       {"id", "name", "category", "impact", "phases", "primary_muscles", "minutes", "dose"}) {
    Json doc = ValidCatalog();
    doc["exercises"][0].erase(field);
    EXPECT_THAT(Load(doc), HasProblem(std::string("exercises[0].") + field, "required")) << field;
  }
  Json doc = ValidCatalog();
  doc["exercises"][2].erase("max_minutes");
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[2].max_minutes: required"}));
  doc = ValidCatalog();
  doc.erase("exercises");
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises: required"}));
}

TEST(LoadCatalogTest, MissingCategoryDoesNotGuessMinutesRules) {
  Json doc = ValidCatalog();
  doc["exercises"][2].erase("category");
  // Without a category, min/max minutes are neither required nor forbidden.
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[2].category: required"}));
}

TEST(LoadCatalogTest, DuplicateId) {
  Json doc = ValidCatalog();
  doc["exercises"][3]["id"] = "plank";
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"exercises[3].id: duplicate_id"}));
  EXPECT_THAT(loaded.status().message(), HasSubstr("exercises[0]"));
}

TEST(LoadCatalogTest, IdPattern) {
  Json doc = ValidCatalog();
  doc["exercises"][4]["id"] = "Deep Breathing";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[4].id: pattern"}));
  doc["exercises"][4]["id"] = std::string(65, 'a');
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[4].id: pattern"}));
}

TEST(LoadCatalogTest, UnknownReference) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["progressions"].push_back("tai_chi_x");
  doc["exercises"][2]["substitutes"] = Json::array({"swimming"});
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"exercises[0].progressions[1]: unknown_reference",
                                        "exercises[2].substitutes[0]: unknown_reference"}));
  EXPECT_THAT(loaded.status().message(),
              HasSubstr("exercises[0].progressions[1]: unknown_reference: unknown exercise "
                        "\"tai_chi_x\""));
}

TEST(LoadCatalogTest, RepeatedAndSelfReferences) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["progressions"].push_back("side_plank");
  doc["exercises"][0]["substitutes"] = Json::array({"plank"});
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[0].progressions[1]: duplicate",
                                           "exercises[0].substitutes[0]: self_reference"}));
}

TEST(LoadCatalogTest, WarmupRequiresLowImpact) {
  Json doc = ValidCatalog();
  doc["exercises"][2]["impact"] = "moderate";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[2].phases: warmup_impact"}));
}

TEST(LoadCatalogTest, CooldownRequiresFlexibilityOrRelaxation) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["phases"] = Json::array({"main", "cooldown"});
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[0].phases: cooldown_category"}));
}

TEST(LoadCatalogTest, PhasesNonEmptyAndUnique) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["phases"] = Json::array();
  doc["exercises"][3]["phases"] = Json::array({"cooldown", "cooldown"});
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[0].phases: empty",
                                           "exercises[3].phases[1]: duplicate"}));
}

TEST(LoadCatalogTest, MuscleRules) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["secondary_muscles"] = Json::array({"shoulders", "core"});
  doc["exercises"][1]["primary_muscles"] = Json::array({"obliques", "obliques"});
  doc["exercises"][3]["primary_muscles"] = Json::array();
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[0].secondary_muscles[1]: muscle_overlap",
                                           "exercises[1].primary_muscles[1]: duplicate",
                                           "exercises[3].primary_muscles: empty"}));
}

TEST(LoadCatalogTest, AerobicMinutesRules) {
  Json doc = ValidCatalog();
  doc["exercises"][2]["min_minutes"] = 12;
  doc["exercises"][2]["max_minutes"] = 33;
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[2].min_minutes: multiple_of_5",
                                           "exercises[2].max_minutes: multiple_of_5"}));
  doc["exercises"][2]["min_minutes"] = 30;
  doc["exercises"][2]["max_minutes"] = 20;
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[2].max_minutes: min_max"}));
}

TEST(LoadCatalogTest, MinutesForbiddenByCategory) {
  Json doc = ValidCatalog();
  doc["exercises"][2]["minutes"] = 30;
  doc["exercises"][0]["min_minutes"] = 5;
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[0].min_minutes: forbidden",
                                           "exercises[2].minutes: forbidden"}));
}

TEST(LoadCatalogTest, DoseForms) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["dose"] = Json{{"sets", 3}, {"hold_seconds", 10}};     // no such form
  doc["exercises"][1]["dose"] = Json{{"minutes", 5}};                        // not for strength
  doc["exercises"][2]["dose"] = Json{{"sets", 3}, {"reps", 10}};             // not for aerobic
  doc["exercises"][3]["dose"] = Json{{"sets", 3}, {"reps", 10}, {"kg", 5}};  // extra key
  doc["exercises"][4]["dose"] = Json::array({5});
  EXPECT_THAT(Load(doc),
              HasProblems(Lines{"exercises[0].dose: dose_form", "exercises[1].dose: dose_form",
                                "exercises[2].dose: dose_form", "exercises[3].dose: dose_form",
                                "exercises[4].dose: type"}));
}

TEST(LoadCatalogTest, ConditionsBuiltInOrDeclared) {
  Json doc = ValidCatalog();
  doc["exercises"][1]["contraindications"]["bad_knees"] = "avoid";
  EXPECT_THAT(Load(doc),
              HasProblems(Lines{"exercises[1].contraindications.bad_knees: unknown_name"}));
  doc["conditions"] = Json::array({"bad_knees"});
  ASSERT_OK_AND_ASSIGN(auto catalog, Load(doc));
  EXPECT_EQ(catalog->declared_conditions(), Lines{"bad_knees"});
}

TEST(LoadCatalogTest, DeclaredConditionRules) {
  Json doc = ValidCatalog();
  doc["conditions"] = Json::array({"Bad Name", "sciatica", "wrist", "wrist", 7});
  EXPECT_THAT(Load(doc), HasProblems(Lines{"conditions[4]: type"}));
  doc["conditions"] = Json::array({"Bad Name", "sciatica", "wrist", "wrist"});
  EXPECT_THAT(Load(doc), HasProblems(Lines{"conditions[0]: pattern", "conditions[1]: duplicate",
                                           "conditions[3]: duplicate"}));
}

TEST(LoadCatalogTest, EquipmentRules) {
  Json doc = ValidCatalog();
  doc["exercises"][1]["equipment"] = Json::array({"mat", "", "mat"});
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[1].equipment[1]: empty",
                                           "exercises[1].equipment[2]: duplicate"}));
}

TEST(LoadCatalogTest, NameMustNotBeEmpty) {
  Json doc = ValidCatalog();
  doc["exercises"][3]["name"] = "";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[3].name: empty"}));
}

TEST(LoadCatalogTest, DuplicateKey) {
  const std::string text = R"({"schema": "backbalance.catalog/1", "exercises": [
    {"id": "plank", "name": "Plank", "name": "Plank again", "category": "strength",
     "impact": "low", "phases": ["main"], "primary_muscles": ["core"], "minutes": 5,
     "dose": {"sets": 1, "reps": 5}}]})";
  auto loaded = LoadCatalog(text);
  EXPECT_THAT(loaded, HasProblems(Lines{"exercises[0].name: duplicate_key"}));
}

TEST(LoadCatalogTest, SyntaxErrorNamesByteOffset) {
  auto loaded = LoadCatalog(R"({"schema": "backbalance.catalog/1", "exercises": [}])");
  EXPECT_THAT(loaded, HasProblems(Lines{": syntax"}));
  const std::vector<Problem> problems = ProblemsOf(loaded.status());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "");
  EXPECT_THAT(problems[0].detail, HasSubstr("at byte 50 (line 1, column 51)"));
  EXPECT_THAT(std::string(loaded.status().message()), StartsWith("(document): syntax: "));
}

TEST(LoadCatalogTest, DepthLimit) {
  Json doc = ValidCatalog();
  std::string text = doc.dump();
  // Nest arrays far deeper than kMaxJsonDepth under one record's notes.
  const std::string from = "\"notes\":\"Breathe slowly.\"";
  text.replace(text.find(from), from.size(),
               "\"notes\":" + std::string(100, '[') + std::string(100, ']'));
  const std::vector<Problem> problems = ProblemsOf(LoadCatalog(text).status());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rule, "depth");
  EXPECT_THAT(problems[0].path, StartsWith("exercises[3].notes[0][0]"));
}

TEST(LoadCatalogTest, WrongSchemaStopsEarly) {
  Json doc = ValidCatalog();
  doc["schema"] = "backbalance.plan/1";
  doc["exercises"][0]["colour"] = "red";  // not reported: the document is another kind
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"schema: schema"}));
  EXPECT_EQ(loaded.status().message(),
            "schema: schema: must be \"backbalance.catalog/1\", got \"backbalance.plan/1\"");
  doc.erase("schema");
  EXPECT_THAT(Load(doc),
              HasProblems(Lines{"schema: required", "exercises[0].colour: unknown_field"}));
}

TEST(LoadCatalogTest, NotAnObject) {
  EXPECT_THAT(LoadCatalog("[1, 2]"), HasProblems(Lines{": type"}));
  EXPECT_THAT(LoadCatalog(R"({"schema": "backbalance.catalog/1", "exercises": {}})"),
              HasProblems(Lines{"exercises: type"}));
  EXPECT_THAT(LoadCatalog(R"({"schema": "backbalance.catalog/1", "exercises": [3]})"),
              HasProblems(Lines{"exercises[0]: type"}));
}

TEST(LoadCatalogTest, ReportsEveryProblemInDocumentOrder) {
  Json doc = ValidCatalog();
  // Set in scrambled order; reported by record, then by the field order of section 2.
  doc["exercises"][4]["zzz"] = 1;
  doc["exercises"][2]["min_minutes"] = 7;
  doc["exercises"][0]["difficulty"] = 9;
  doc["exercises"][0]["id"] = "Plank";
  doc["exercises"][0]["extra"] = true;
  doc["exercises"][3]["phases"] = Json::array({"cooldown", "sideways"});
  doc["exercises"][1]["regressions"] = Json::array({"nothing"});
  doc["conditions"] = Json::array({"sciatica"});
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{
                          "conditions[0]: duplicate",
                          "exercises[0].id: pattern",
                          "exercises[0].difficulty: range",
                          "exercises[0].extra: unknown_field",
                          "exercises[1].regressions[0]: unknown_reference",
                          "exercises[2].min_minutes: multiple_of_5",
                          "exercises[3].phases[1]: unknown_name",
                          "exercises[4].zzz: unknown_field",
                      }));
  // The message holds the same lines, in the same order.
  const std::vector<std::string> lines = absl::StrSplit(loaded.status().message(), '\n');
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_THAT(lines[1], StartsWith("exercises[0].id: pattern: "));
}

TEST(LoadCatalogTest, CapsTheMessageButKeepsEveryProblem) {
  Json doc = ValidCatalog();
  Json records = Json::array();
  for (int i = 0; i < 150; ++i) {
    Json record = doc["exercises"][4];
    record["id"] = "breathing_" + std::to_string(i);
    record["rest_hours"] = 100;
    records.push_back(record);
  }
  doc["exercises"] = records;
  auto loaded = Load(doc);
  EXPECT_EQ(ProblemsOf(loaded.status()).size(), 150u);
  const std::vector<std::string> lines = absl::StrSplit(loaded.status().message(), '\n');
  ASSERT_EQ(lines.size(), kMaxReportedProblems + 1);
  EXPECT_EQ(lines[0], "exercises[0].rest_hours: range: must be an integer in 0..96, got 100");
  EXPECT_EQ(lines.back(), "and 50 more");
}

TEST(LoadCatalogTest, ProgressionCycleIsReportedByCreate) {
  Json doc = ValidCatalog();
  doc["exercises"][1]["progressions"] = Json::array({"plank"});
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, StatusIs(absl::StatusCode::kInvalidArgument));
  ASSERT_EQ(ProblemsOf(loaded.status()).size(), 1u);
  EXPECT_EQ(ProblemsOf(loaded.status())[0].rule, "cycle");
}

TEST(SaveCatalogTest, RoundTrip) {
  Json doc = ValidCatalog();
  doc["conditions"] = Json::array({"bad_knees", "wrist"});
  doc["exercises"][1]["contraindications"]["bad_knees"] = "avoid";
  doc["exercises"][0]["movements"] = Json::array({"prone", "arm_loading"});
  doc["condition_rules"] = Json::parse(
      R"({"wrist": {"avoid": ["arm_loading+prone"]}, "sciatica": {"caution": ["prone"]}})");
  ASSERT_OK_AND_ASSIGN(auto first, Load(doc));
  const std::string saved = SaveCatalog(*first);
  ASSERT_OK_AND_ASSIGN(auto second, LoadCatalog(saved));
  EXPECT_EQ(first->exercises(), second->exercises());
  EXPECT_EQ(first->declared_conditions(), second->declared_conditions());
  EXPECT_EQ(first->condition_rules(), second->condition_rules());
  EXPECT_EQ(SaveCatalog(*second), saved);
  EXPECT_EQ(first->sha256(), second->sha256());
}

TEST(SaveCatalogTest, BuiltinRoundTrip) {
  auto builtin = Catalog::Builtin();
  const std::string saved = SaveCatalog(*builtin);
  ASSERT_OK_AND_ASSIGN(auto reloaded, LoadCatalog(saved));
  EXPECT_EQ(builtin->exercises(), reloaded->exercises());
  EXPECT_EQ(SaveCatalog(*reloaded), saved);
}

TEST(SaveCatalogTest, CanonicalForm) {
  ASSERT_OK_AND_ASSIGN(auto catalog, Load(ValidCatalog()));
  const std::string saved = SaveCatalog(*catalog);
  // The effective rules of every condition come before the records (section 11).
  EXPECT_THAT(saved, StartsWith("{\n  \"schema\": \"backbalance.catalog/1\",\n  "
                                "\"condition_rules\": {\n"));
  EXPECT_EQ(saved.back(), '\n');
  EXPECT_EQ(saved.find("\"conditions\""), std::string::npos);  // none declared
  const Json parsed = Json::parse(saved);
  std::vector<std::string> keys;
  for (const auto& item : parsed.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (Lines{"schema", "condition_rules", "exercises"}));
  keys.clear();
  for (const auto& item : parsed["exercises"][0].items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (Lines{"id",
                         "name",
                         "category",
                         "impact",
                         "phases",
                         "primary_muscles",
                         "secondary_muscles",
                         "minutes",
                         "dose",
                         "rest_hours",
                         "max_per_week",
                         "difficulty",
                         "equipment",
                         "movements",
                         "contraindications",
                         "progressions",
                         "regressions",
                         "substitutes",
                         "notes",
                         "reviewed"}));
  EXPECT_EQ(parsed["exercises"][0]["movements"], Json::array());
  keys.clear();
  for (const auto& item : parsed["exercises"][2].items()) keys.push_back(item.key());
  EXPECT_EQ(keys[7], "min_minutes");
  EXPECT_EQ(keys[8], "max_minutes");
  EXPECT_EQ(parsed["exercises"][0]["dose"].dump(), R"({"hold_seconds":20,"reps":3})");
  EXPECT_EQ(CanonicalCatalogJson(catalog->exercises(), {"wrist"})
                .find("\"conditions\": [\n    \"wrist\""),
            std::string("{\n  \"schema\": \"backbalance.catalog/1\",\n  ").size());
}

// The canonical form is written straight into a string; its bytes must stay those of
// nlohmann-json's two-space dump of the same document (every catalog's SHA-256 hangs on
// them), awkward strings and records Create would reject included.
TEST(SaveCatalogTest, CanonicalFormIsTheDumpOfItsOwnDocument) {
  const auto dumped = [](const std::string& text) {
    return Json::parse(text).dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace) +
           "\n";
  };
  const auto builtin = Catalog::Builtin();
  const std::string saved = SaveCatalog(*builtin);
  EXPECT_EQ(saved, dumped(saved));

  std::vector<Exercise> records(builtin->exercises().begin(), builtin->exercises().begin() + 3);
  records[0].name = "quote \" backslash \\ newline \n tab \t bell \x07 del \x7f";
  records[0].notes = "caf\xc3\xa9 \xf0\x9f\x98\x80 / slash";
  records[1].name = "invalid UTF-8: \xff \xe2\x82 end";  // replaced by U+FFFD
  records[1].equipment = {};
  records[1].contraindications = {{"wrist", Contraindication::kCaution},
                                  {"odd \"key\"", Contraindication::kAvoid}};
  records[2].dose.form = static_cast<DoseForm>(7);  // written as {}
  records[2].minutes = -5;
  const std::string odd = CanonicalCatalogJson(records, {"wrist", "wrist", "new\ncondition"});
  EXPECT_EQ(odd, dumped(odd));
  EXPECT_THAT(odd, HasSubstr("\"name\": \"invalid UTF-8: \xef\xbf\xbd \xef\xbf\xbd end\""));
  EXPECT_THAT(odd, HasSubstr("\"dose\": {},"));
  EXPECT_EQ(CanonicalCatalogJson({}, {}), dumped(CanonicalCatalogJson({}, {})));
}

// --- Plan model v2: movements, condition rules, the dynamic warm-up (sections 2, 4a, 11) ---

TEST(LoadCatalogTest, ReadsMovements) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["movements"] = Json::array({"prone", "arm_loading", "external_load"});
  ASSERT_OK_AND_ASSIGN(auto catalog, Load(doc));
  EXPECT_EQ(
      catalog->exercises()[0].movements,
      (std::vector<Movement>{Movement::kProne, Movement::kArmLoading, Movement::kExternalLoad}));
  EXPECT_TRUE(catalog->exercises()[1].movements.empty());  // default: none
  // The saved form keeps the order written.
  const Json saved = Json::parse(SaveCatalog(*catalog));
  EXPECT_EQ(saved["exercises"][0]["movements"],
            Json::array({"prone", "arm_loading", "external_load"}));
}

TEST(LoadCatalogTest, EveryMovementOfTheVocabularyIsAccepted) {
  Json doc = ValidCatalog();
  doc["exercises"][0]["movements"] = Json::array(
      {"spinal_flexion", "spinal_extension", "spinal_rotation", "side_bending", "external_load",
       "supine", "prone", "quadruped", "kneeling", "single_leg", "knee_loading", "arm_loading"});
  ASSERT_OK_AND_ASSIGN(auto catalog, Load(doc));
  EXPECT_EQ(catalog->exercises()[0].movements.size(), 12u);
}

TEST(LoadCatalogTest, UnknownMovement) {
  Json doc = ValidCatalog();
  doc["exercises"][1]["movements"] = Json::array({"prone", "twisting"});
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"exercises[1].movements[1]: unknown_name"}));
  EXPECT_THAT(loaded.status().message(), HasSubstr("\"twisting\""));
}

TEST(LoadCatalogTest, RepeatedMovement) {
  Json doc = ValidCatalog();
  doc["exercises"][1]["movements"] = Json::array({"prone", "arm_loading", "prone"});
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[1].movements[2]: duplicate"}));
}

TEST(LoadCatalogTest, MovementsMustBeAListOfStrings) {
  Json doc = ValidCatalog();
  doc["exercises"][1]["movements"] = "prone";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[1].movements: type"}));
  doc["exercises"][1]["movements"] = Json::array({"prone", 3});
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[1].movements[1]: type"}));
}

TEST(LoadCatalogTest, ConditionRulesReplaceTheBuiltInRulesOfTheConditionsTheyName) {
  Json doc = ValidCatalog();
  doc["conditions"] = Json::array({"wrist"});
  doc["condition_rules"] = Json::parse(R"({
    "sciatica": {"avoid": ["prone"]},
    "wrist": {"avoid": ["arm_loading+external_load"], "caution": ["arm_loading"]}})");
  ASSERT_OK_AND_ASSIGN(auto catalog, Load(doc));
  const ConditionRules& rules = catalog->condition_rules();
  // Replaced as a whole: the missing caution list is empty.
  EXPECT_EQ(rules.at("sciatica"), (ConditionRule{{RuleEntry{{Movement::kProne}}}, {}}));
  EXPECT_EQ(rules.at("wrist"),
            (ConditionRule{{RuleEntry{{Movement::kArmLoading, Movement::kExternalLoad}}},
                           {RuleEntry{{Movement::kArmLoading}}}}));
  // Conditions the catalog does not name keep the built-in rules.
  EXPECT_EQ(rules.at("herniated_disc"), BuiltinConditionRules().at("herniated_disc"));
}

TEST(LoadCatalogTest, ConditionRulesNameOnlyKnownConditions) {
  Json doc = ValidCatalog();
  doc["condition_rules"] = Json::parse(R"({"bad_knees": {"avoid": ["knee_loading"]}})");
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"condition_rules.bad_knees: unknown_name"}));
  EXPECT_THAT(loaded.status().message(), HasSubstr("\"bad_knees\""));
  // Declared, the same rules load.
  doc["conditions"] = Json::array({"bad_knees"});
  EXPECT_THAT(Load(doc), IsOk());
}

TEST(LoadCatalogTest, ConditionRuleEntryNamesKnownMovements) {
  Json doc = ValidCatalog();
  doc["condition_rules"] =
      Json::parse(R"({"sciatica": {"avoid": ["spinal_flexion+lifting"], "caution": [""]}})");
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"condition_rules.sciatica.avoid[0]: unknown_name",
                                        "condition_rules.sciatica.caution[0]: unknown_name"}));
  EXPECT_THAT(loaded.status().message(), HasSubstr("\"spinal_flexion+lifting\""));
}

TEST(LoadCatalogTest, ConditionRuleEntryNamesAMovementOnce) {
  Json doc = ValidCatalog();
  doc["condition_rules"] = Json::parse(
      R"({"knee_pain": {"avoid": ["knee_loading", "knee_loading+external_load+knee_loading"]}})");
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"condition_rules.knee_pain.avoid[1]: duplicate"}));
  EXPECT_THAT(loaded.status().message(), HasSubstr("knee_loading"));
  // A repeated entry, or one in both lists, is allowed: avoid wins (section 4a).
  doc["condition_rules"] =
      Json::parse(R"({"knee_pain": {"avoid": ["kneeling", "kneeling"], "caution": ["kneeling"]}})");
  EXPECT_THAT(Load(doc), IsOk());
}

TEST(LoadCatalogTest, ConditionRulesTypes) {
  Json doc = ValidCatalog();
  doc["condition_rules"] = Json::array({"sciatica"});
  EXPECT_THAT(Load(doc), HasProblems(Lines{"condition_rules: type"}));
  doc["condition_rules"] = Json::parse(R"({"sciatica": ["prone"]})");
  EXPECT_THAT(Load(doc), HasProblems(Lines{"condition_rules.sciatica: type"}));
  doc["condition_rules"] = Json::parse(R"({"sciatica": {"avoid": "prone"}})");
  EXPECT_THAT(Load(doc), HasProblems(Lines{"condition_rules.sciatica.avoid: type"}));
  doc["condition_rules"] = Json::parse(R"({"sciatica": {"caution": ["prone", 7]}})");
  EXPECT_THAT(Load(doc), HasProblems(Lines{"condition_rules.sciatica.caution[1]: type"}));
  doc["condition_rules"] = Json::parse(R"({"sciatica": {"never": ["prone"]}})");
  EXPECT_THAT(Load(doc), HasProblems(Lines{"condition_rules.sciatica.never: unknown_field"}));
}

TEST(LoadCatalogTest, WarmupIsDynamic) {
  // A warm-up item is aerobic, or a flexibility or balance item done as {sets, reps}
  // (section 2); anything else is reported at the record's `phases`.
  Json doc = ValidCatalog();
  doc["exercises"][0]["phases"] = Json::array({"warmup", "main"});      // strength
  doc["exercises"][3]["phases"] = Json::array({"warmup", "cooldown"});  // static stretch
  doc["exercises"][4]["phases"] = Json::array({"warmup", "cooldown"});  // relaxation
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"exercises[0].phases: warmup_not_dynamic",
                                        "exercises[3].phases: warmup_not_dynamic",
                                        "exercises[4].phases: warmup_not_dynamic"}));
  EXPECT_THAT(loaded.status().message(), HasSubstr("exercises[3].phases: warmup_not_dynamic: "));
  // A stretch done as repetitions warms up; so does a balance drill.
  doc = ValidCatalog();
  doc["exercises"][3]["phases"] = Json::array({"warmup", "cooldown"});
  doc["exercises"][3]["dose"] = Json{{"sets", 1}, {"reps", 10}};
  doc["exercises"].push_back(Json::parse(R"(
      {"id": "leg_swing", "name": "Leg swing", "category": "balance", "impact": "low",
       "phases": ["warmup", "main"], "primary_muscles": ["hip_flexors"], "minutes": 5,
       "dose": {"sets": 2, "reps": 10}})"));
  EXPECT_THAT(Load(doc), IsOk());
  // A balance hold does not.
  doc["exercises"][5]["dose"] = Json{{"hold_seconds", 30}, {"reps", 2}};
  EXPECT_THAT(Load(doc), HasProblems(Lines{"exercises[5].phases: warmup_not_dynamic"}));
}

TEST(LoadCatalogTest, ReportsEveryV2ProblemOfADocumentTogether) {
  Json doc = ValidCatalog();
  doc["condition_rules"] = Json::parse(R"({
    "bad_knees": {"avoid": ["knee_loading"]},
    "sciatica": {"avoid": ["prone+prone"], "caution": ["leaning"]}})");
  doc["exercises"][0]["movements"] = Json::array({"prone", "prone"});
  doc["exercises"][1]["movements"] = Json::array({"crawling"});
  doc["exercises"][3]["phases"] = Json::array({"warmup", "cooldown"});
  doc["exercises"][4]["rest_hours"] = 100;
  // The loader ranks no field below a condition, so the problems about rule entries keep
  // the order they were found in: unknown movements (read) before repeats (validated).
  EXPECT_THAT(Load(doc), HasProblems(Lines{
                             "condition_rules.bad_knees: unknown_name",
                             "condition_rules.sciatica.caution[0]: unknown_name",
                             "condition_rules.sciatica.avoid[0]: duplicate",
                             "exercises[0].movements[1]: duplicate",
                             "exercises[1].movements[0]: unknown_name",
                             "exercises[3].phases: warmup_not_dynamic",
                             "exercises[4].rest_hours: range",
                         }));
}

TEST(SaveCatalogTest, WritesTheEffectiveRulesOfEveryCondition) {
  Json doc = ValidCatalog();
  doc["conditions"] = Json::array({"wrist", "elbow"});
  doc["condition_rules"] = Json::parse(
      R"({"wrist": {"caution": ["arm_loading"]}, "knee_pain": {"avoid": ["kneeling"]}})");
  ASSERT_OK_AND_ASSIGN(auto catalog, Load(doc));
  const Json saved = Json::parse(SaveCatalog(*catalog));
  std::vector<std::string> conditions;
  for (const auto& item : saved["condition_rules"].items()) conditions.push_back(item.key());
  // Built-in conditions in section 1's order, then the declared ones in declared order.
  EXPECT_EQ(conditions, (Lines{"acute_flare", "herniated_disc", "sciatica", "spinal_stenosis",
                               "spondylolisthesis", "osteoporosis", "pregnancy", "late_pregnancy",
                               "post_surgery", "knee_pain", "shoulder_pain", "wrist", "elbow"}));
  EXPECT_EQ(saved["condition_rules"]["herniated_disc"],
            Json::parse(R"({"avoid": ["spinal_flexion+external_load"],
                            "caution": ["spinal_flexion", "spinal_rotation"]})"));
  EXPECT_EQ(saved["condition_rules"]["late_pregnancy"],
            Json::parse(R"({"avoid": ["supine", "prone"], "caution": []})"));
  EXPECT_EQ(saved["condition_rules"]["knee_pain"],
            Json::parse(R"({"avoid": ["kneeling"], "caution": []})"));
  EXPECT_EQ(saved["condition_rules"]["wrist"],
            Json::parse(R"({"avoid": [], "caution": ["arm_loading"]})"));
  EXPECT_EQ(saved["condition_rules"]["elbow"], Json::parse(R"({"avoid": [], "caution": []})"));
  // The written rules are the effective ones: loading them gives the same catalog bytes.
  ASSERT_OK_AND_ASSIGN(auto reloaded, LoadCatalog(saved.dump()));
  EXPECT_EQ(SaveCatalog(*reloaded), SaveCatalog(*catalog));
  EXPECT_EQ(reloaded->sha256(), catalog->sha256());
}

}  // namespace
}  // namespace backbalance
