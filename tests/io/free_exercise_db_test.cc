#include "backbalance/io/free_exercise_db.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/catalog/catalog_merge.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblem;
using ::backbalance::testing::HasProblems;
using ::backbalance::testing::PathRules;
using ::backbalance::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

const std::string kSourcePath =
    std::string(BKB_SHARED_DIR) + "/data/free-exercise-db/exercises.json";

// The full free-exercise-db file from the shared data folder (never copied into the repo).
#define REQUIRE_SOURCE_FILE()                                                             \
  if (!std::filesystem::exists(kSourcePath)) {                                            \
    GTEST_SKIP() << "free-exercise-db is not at " << kSourcePath                          \
                 << " (the shared data folder beside the repository); nothing to import"; \
  }

const Exercise& ById(const std::vector<Exercise>& exercises, const std::string& id) {
  for (const Exercise& e : exercises) {
    if (e.id == id) return e;
  }
  static const Exercise kMissing;
  ADD_FAILURE() << "no exercise " << id;
  return kMissing;
}

// One record in the source's shape, with fields overridable as raw JSON.
std::string Record(std::map<std::string, std::string> overrides = {}) {
  std::map<std::string, std::string> fields = {
      {"id", R"("Glute_Kickback")"},
      {"name", R"("Glute Kickback")"},
      {"force", R"("push")"},
      {"level", R"("beginner")"},
      {"mechanic", R"("isolation")"},
      {"equipment", R"("body only")"},
      {"primaryMuscles", R"(["glutes"])"},
      {"secondaryMuscles", R"(["hamstrings"])"},
      {"instructions", R"(["Kneel on the floor.", "Lift one leg."])"},
      {"category", R"("strength")"},
      {"images", R"(["Glute_Kickback/0.jpg"])"},
  };
  for (auto& [key, value] : overrides) {
    if (value.empty()) {
      fields.erase(key);
    } else {
      fields[key] = value;
    }
  }
  std::string out = "{";
  for (const auto& [key, value] : fields) {
    if (out.size() > 1) out += ", ";
    out += "\"" + key + "\": " + value;
  }
  return out + "}";
}

TEST(FreeExerciseDbTest, FullFileImportsAndSkipsEveryRecordOnce) {
  REQUIRE_SOURCE_FILE();
  ASSERT_OK_AND_ASSIGN(FreeExerciseDbImport imported, ImportFreeExerciseDbFile(kSourcePath));
  const FreeExerciseDbReport& report = imported.report;
  EXPECT_EQ(report.records, 873);
  EXPECT_EQ(report.imported, 703);
  EXPECT_EQ(report.skipped, 170);
  EXPECT_EQ(report.imported + report.skipped, report.records);
  EXPECT_EQ(imported.exercises.size(), 703u);
  EXPECT_THAT(report.skipped_by_reason,
              UnorderedElementsAre(Pair("primary_muscles_outside_groups:triceps", 71),
                                   Pair("primary_muscles_outside_groups:biceps", 53),
                                   Pair("primary_muscles_outside_groups:forearms", 25),
                                   Pair("primary_muscles_outside_groups:adductors", 13),
                                   Pair("primary_muscles_outside_groups:neck", 8)));
  EXPECT_THAT(
      report.imported_by_category,
      UnorderedElementsAre(Pair("strength", 584), Pair("flexibility", 105), Pair("aerobic", 14)));
  EXPECT_EQ(report.renamed_ids, 0);

  for (const Exercise& e : imported.exercises) {
    EXPECT_FALSE(e.reviewed) << e.id;
    EXPECT_THAT(e.id, ::testing::MatchesRegex("fedb_[a-z0-9_]+")) << e.id;
    EXPECT_LE(e.id.size(), 64u);
    EXPECT_FALSE(e.primary_muscles.empty()) << e.id;
  }
  ASSERT_OK_AND_ASSIGN(std::shared_ptr<const Catalog> catalog, Catalog::Create(imported.exercises));
  EXPECT_EQ(catalog->size(), 703u);
}

TEST(FreeExerciseDbTest, SpotChecksOfTheMapping) {
  REQUIRE_SOURCE_FILE();
  ASSERT_OK_AND_ASSIGN(FreeExerciseDbImport imported, ImportFreeExerciseDbFile(kSourcePath));
  const std::vector<Exercise>& all = imported.exercises;

  // strength, abdominals -> core; beginner -> 2; body only -> nothing.
  const Exercise& sit_up = ById(all, "fedb_3_4_sit_up");
  EXPECT_EQ(sit_up.name, "3/4 Sit-Up");
  EXPECT_EQ(sit_up.category, Category::kStrength);
  EXPECT_EQ(sit_up.impact, Impact::kLow);
  EXPECT_THAT(sit_up.primary_muscles, ElementsAre(Muscle::kCore));
  EXPECT_EQ(sit_up.difficulty, 2);
  EXPECT_TRUE(sit_up.equipment.empty());
  EXPECT_EQ(sit_up.dose, Dose::SetsReps(2, 10));
  EXPECT_EQ(sit_up.rest_hours, 48);
  EXPECT_THAT(sit_up.notes, HasSubstr("Imported from free-exercise-db (3_4_Sit-Up)"));

  // stretching -> flexibility in the main phase and the cool-down (a held stretch never
  // warms up), held; secondary calves kept.
  const Exercise& hamstring = ById(all, "fedb_90_90_hamstring");
  EXPECT_EQ(hamstring.category, Category::kFlexibility);
  EXPECT_THAT(hamstring.phases, ElementsAre(Phase::kMain, Phase::kCooldown));
  EXPECT_THAT(hamstring.primary_muscles, ElementsAre(Muscle::kHamstrings));
  EXPECT_THAT(hamstring.secondary_muscles, ElementsAre(Muscle::kCalves));
  EXPECT_EQ(hamstring.dose, Dose::HoldReps(30, 3));
  EXPECT_EQ(hamstring.rest_hours, 0);

  // cardio -> aerobic; impact by activity; machines the built-in catalog names.
  const Exercise& bike = ById(all, "fedb_bicycling_stationary");
  EXPECT_EQ(bike.category, Category::kAerobic);
  EXPECT_EQ(bike.impact, Impact::kLow);
  EXPECT_THAT(bike.phases, ElementsAre(Phase::kWarmup, Phase::kMain));
  EXPECT_THAT(bike.equipment, ElementsAre("stationary_bike"));
  EXPECT_EQ(bike.min_minutes, 10);
  EXPECT_EQ(bike.max_minutes, 30);
  EXPECT_EQ(ById(all, "fedb_running_treadmill").impact, Impact::kHigh);
  EXPECT_THAT(ById(all, "fedb_running_treadmill").phases, ElementsAre(Phase::kMain));
  EXPECT_EQ(ById(all, "fedb_jogging_treadmill").impact, Impact::kModerate);
  EXPECT_THAT(ById(all, "fedb_rope_jumping").equipment, ElementsAre("unspecified_equipment"));
  EXPECT_THAT(ById(all, "fedb_elliptical_trainer").equipment, ElementsAre("elliptical"));

  // lats -> upper_back; plyometrics -> high impact; dumbbell -> dumbbells.
  EXPECT_THAT(ById(all, "fedb_wide_grip_lat_pulldown").primary_muscles,
              ElementsAre(Muscle::kUpperBack));
  EXPECT_EQ(ById(all, "fedb_box_jump_multiple_response").impact, Impact::kHigh);
  EXPECT_THAT(ById(all, "fedb_dumbbell_bench_press").equipment, ElementsAre("dumbbells"));
}

TEST(FreeExerciseDbTest, MergedWithTheBuiltinCatalogPlansAValidWeek) {
  REQUIRE_SOURCE_FILE();
  ASSERT_OK_AND_ASSIGN(FreeExerciseDbImport imported, ImportFreeExerciseDbFile(kSourcePath));
  ASSERT_OK_AND_ASSIGN(std::shared_ptr<const Catalog> fedb, Catalog::Create(imported.exercises));
  ASSERT_OK_AND_ASSIGN(std::shared_ptr<const Catalog> merged,
                       MergeCatalogs(*Catalog::Builtin(), "builtin", *fedb, "free-exercise-db"));
  EXPECT_EQ(merged->size(), Catalog::Builtin()->size() + 703u);
  ASSERT_OK_AND_ASSIGN(Planner planner, Planner::Create(merged));

  // Pain band A, no conditions: unreviewed items are eligible, and the week is valid.
  ASSERT_OK_AND_ASSIGN(Profile desk, LoadProfileFile(std::string(BKB_SOURCE_DIR) +
                                                     "/examples/profiles/desk_worker.json"));
  ASSERT_OK_AND_ASSIGN(Plan week, planner.PlanWeek(desk));
  EXPECT_EQ(week.status, PlanStatus::kOk);
  ASSERT_OK_AND_ASSIGN(Evaluation verdict, planner.Evaluate(desk, week));
  EXPECT_TRUE(verdict.valid);

  // With a condition, rule 4 keeps every imported item out.
  ASSERT_OK_AND_ASSIGN(Profile sciatica,
                       LoadProfileFile(std::string(BKB_SOURCE_DIR) +
                                       "/examples/profiles/herniated_disc_sciatica.json"));
  ASSERT_OK_AND_ASSIGN(Plan careful, planner.PlanWeek(sciatica));
  for (const PlanDay& day : careful.days) {
    for (const PlanItem& item : day.items) {
      EXPECT_FALSE(item.exercise.starts_with("fedb_")) << item.exercise;
    }
  }
  int unreviewed = 0;
  for (const Exclusion& e : careful.excluded) unreviewed += e.reason == "unreviewed" ? 1 : 0;
  EXPECT_GT(unreviewed, 100);
}

TEST(FreeExerciseDbTest, IdClashesOnMergeNameBothItems) {
  REQUIRE_SOURCE_FILE();
  FreeExerciseDbOptions options;
  options.id_prefix = "";
  ASSERT_OK_AND_ASSIGN(FreeExerciseDbImport imported,
                       ImportFreeExerciseDbFile(kSourcePath, options));
  ASSERT_OK_AND_ASSIGN(std::shared_ptr<const Catalog> fedb, Catalog::Create(imported.exercises));
  const auto merged = MergeCatalogs(*Catalog::Builtin(), "builtin", *fedb, "free-exercise-db");
  const std::vector<Problem> problems = ProblemsOf(merged.status());
  ASSERT_EQ(problems.size(), 11u);
  for (const Problem& p : problems) EXPECT_EQ(p.rule, "duplicate_id");
  EXPECT_THAT(problems, ::testing::Contains(::testing::Field(
                            &Problem::detail,
                            HasSubstr("\"childs_pose\" of free-exercise-db (\"Child's Pose\""))));
  EXPECT_THAT(problems.front().detail, HasSubstr("of builtin (\""));
}

TEST(FreeExerciseDbTest, RecordOutsideTheGroupsIsSkippedNotMisMapped) {
  const std::string text =
      "[" + Record({{"primaryMuscles", R"(["biceps"])"}}) + ", " +
      Record({{"id", R"("Neck_Roll")"}, {"primaryMuscles", R"(["neck", "forearms"])"}}) + ", " +
      Record({{"id", R"("Mixed")"},
              {"primaryMuscles", R"(["biceps", "lats"])"},
              {"secondaryMuscles", R"(["middle back", "triceps"])"}}) +
      "]";
  ASSERT_OK_AND_ASSIGN(FreeExerciseDbImport imported, ImportFreeExerciseDb(text));
  EXPECT_EQ(imported.report.skipped, 2);
  EXPECT_THAT(imported.report.skipped_by_reason,
              UnorderedElementsAre(Pair("primary_muscles_outside_groups:biceps", 1),
                                   Pair("primary_muscles_outside_groups:forearms+neck", 1)));
  ASSERT_EQ(imported.exercises.size(), 1u);
  // Biceps is left off the primaries; middle back is the primary's group, triceps none.
  EXPECT_THAT(imported.exercises[0].primary_muscles, ElementsAre(Muscle::kUpperBack));
  EXPECT_TRUE(imported.exercises[0].secondary_muscles.empty());
  EXPECT_EQ(imported.report.dropped_secondary_muscles, 1);
}

TEST(FreeExerciseDbTest, CategoriesLevelsAndEquipment) {
  const std::string text =
      "[" +
      Record({{"id", R"("a")"},
              {"category", R"("powerlifting")"},
              {"level", R"("expert")"},
              {"equipment", R"("barbell")"}}) +
      ", " +
      Record(
          {{"id", R"("b")"}, {"category", R"("olympic weightlifting")"}, {"equipment", "null"}}) +
      ", " +
      Record({{"id", R"("c")"}, {"category", R"("strongman")"}, {"equipment", R"("other")"}}) +
      ", " +
      Record({{"id", R"("d")"}, {"category", R"("plyometrics")"}, {"level", R"("intermediate")"}}) +
      "]";
  ASSERT_OK_AND_ASSIGN(FreeExerciseDbImport imported, ImportFreeExerciseDb(text));
  ASSERT_EQ(imported.exercises.size(), 4u);
  const Exercise& a = imported.exercises[0];
  EXPECT_EQ(a.impact, Impact::kModerate);
  EXPECT_EQ(a.rest_hours, 72);
  EXPECT_EQ(a.difficulty, 5);
  EXPECT_THAT(a.equipment, ElementsAre("barbell"));
  EXPECT_EQ(imported.exercises[1].impact, Impact::kHigh);
  EXPECT_TRUE(imported.exercises[1].equipment.empty());
  EXPECT_THAT(imported.exercises[2].equipment, ElementsAre("unspecified_equipment"));
  EXPECT_EQ(imported.exercises[3].impact, Impact::kHigh);
  EXPECT_EQ(imported.exercises[3].difficulty, 3);
  EXPECT_EQ(imported.exercises[3].max_per_week, 3);
}

TEST(FreeExerciseDbTest, IdsAreNormalisedPrefixedAndKeptUnique) {
  const std::string text = "[" + Record({{"id", R"("Glute-Kickback")"}}) + ", " +
                           Record({{"id", R"("glute_kickback")"}}) + ", " +
                           Record({{"id", R"("GLUTE kickback")"}}) + "]";
  ASSERT_OK_AND_ASSIGN(FreeExerciseDbImport imported, ImportFreeExerciseDb(text));
  ASSERT_EQ(imported.exercises.size(), 3u);
  EXPECT_EQ(imported.exercises[0].id, "fedb_glute_kickback");
  EXPECT_EQ(imported.exercises[1].id, "fedb_glute_kickback_2");
  EXPECT_EQ(imported.exercises[2].id, "fedb_glute_kickback_3");
  EXPECT_EQ(imported.report.renamed_ids, 2);

  EXPECT_EQ(NormalizeExerciseId("3/4 Sit-Up"), "3_4_sit_up");
  EXPECT_EQ(NormalizeExerciseId("__Dumbbell  Row!__"), "dumbbell_row");
  EXPECT_EQ(NormalizeExerciseId("Caf\xC3\xA9 Squat"), "caf_squat");
  EXPECT_EQ(NormalizeExerciseId(std::string(100, 'a')).size(), 64u);
  EXPECT_EQ(NormalizeExerciseId("abc_def", 4), "abc");
  EXPECT_EQ(NormalizeExerciseId("--"), "");
}

TEST(FreeExerciseDbTest, MuscleTableMapsSeventeenNamesOntoTwelveGroupsOrNone) {
  bool known = false;
  EXPECT_EQ(FreeExerciseDbMuscle("lower back", &known), Muscle::kLowerBack);
  EXPECT_TRUE(known);
  EXPECT_EQ(FreeExerciseDbMuscle("traps"), Muscle::kUpperBack);
  EXPECT_EQ(FreeExerciseDbMuscle("abductors"), Muscle::kHipAbductors);
  for (const char* outside : {"biceps", "triceps", "forearms", "neck", "adductors"}) {
    EXPECT_EQ(FreeExerciseDbMuscle(outside, &known), std::nullopt) << outside;
    EXPECT_TRUE(known) << outside;
  }
  EXPECT_EQ(FreeExerciseDbMuscle("lower_back", &known), std::nullopt);
  EXPECT_FALSE(known);
}

// docs/import.md shows the muscle table; it must say what the code does.
TEST(FreeExerciseDbTest, DocumentedMuscleTableMatchesTheCode) {
  std::ifstream doc(std::string(BKB_SOURCE_DIR) + "/docs/import.md");
  ASSERT_TRUE(doc.is_open());
  std::stringstream text;
  text << doc.rdbuf();
  for (const char* name : {"abdominals", "abductors", "adductors", "biceps", "calves", "chest",
                           "forearms", "glutes", "hamstrings", "lats", "lower back", "middle back",
                           "neck", "quadriceps", "shoulders", "traps", "triceps"}) {
    const std::optional<Muscle> group = FreeExerciseDbMuscle(name);
    const std::string row = std::string("| `") + name + "` | " +
                            (group ? "`" + std::string(ToName(*group)) + "`" : "none: skipped") +
                            " |";
    EXPECT_THAT(text.str(), HasSubstr(row));
  }
}

TEST(FreeExerciseDbErrorsTest, NotJsonOrNotAnArray) {
  EXPECT_THAT(ImportFreeExerciseDb("[{"), HasProblem("", "syntax"));
  EXPECT_THAT(ImportFreeExerciseDb(R"({"exercises": []})"),
              HasProblems(std::vector<std::string>{": type"}));
  ASSERT_OK_AND_ASSIGN(FreeExerciseDbImport empty, ImportFreeExerciseDb("[]"));
  EXPECT_EQ(empty.report.records, 0);
}

TEST(FreeExerciseDbErrorsTest, EachBadFieldNamesItsPathAndRule) {
  const std::string text =
      "[" + Record() + ", 42, " + Record({{"id", ""}, {"category", R"("yoga")"}}) + ", " +
      Record({{"primaryMuscles", R"(["glutes", "lower_back"])"}, {"level", R"("novice")"}}) + ", " +
      Record({{"primaryMuscles", "[]"}, {"equipment", R"("treadmill")"}}) + ", " +
      Record({{"id", R"("--")"}, {"name", R"("  ")"}, {"secondaryMuscles", R"(["wings"])"}}) +
      ", " + Record({{"instructions", R"("one step")"}, {"name", "7"}}) + "]";
  EXPECT_THAT(
      ImportFreeExerciseDb(text),
      HasProblems(std::vector<std::string>{
          "[1]: type", "[2].id: required", "[2].category: unknown_name", "[3].level: unknown_name",
          "[3].primaryMuscles[1]: unknown_name", "[4].equipment: unknown_name",
          "[4].primaryMuscles: empty", "[5].id: pattern", "[5].name: empty",
          "[5].secondaryMuscles[0]: unknown_name", "[6].name: type", "[6].instructions: type"}));
}

TEST(FreeExerciseDbErrorsTest, ProblemDetailsListTheAllowedNames) {
  const auto result = ImportFreeExerciseDb("[" + Record({{"category", R"("yoga")"}}) + "]");
  const std::vector<Problem> problems = ProblemsOf(result.status());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0].detail, HasSubstr("\"plyometrics\""));
  EXPECT_THAT(problems[0].detail, HasSubstr("got \"yoga\""));
}

TEST(FreeExerciseDbErrorsTest, BadIdPrefix) {
  FreeExerciseDbOptions options;
  options.id_prefix = "Bad-Prefix";
  EXPECT_THAT(ImportFreeExerciseDb("[]", options),
              HasProblems(std::vector<std::string>{"options.id_prefix: pattern"}));
  options.id_prefix = std::string(33, 'a');
  EXPECT_THAT(ImportFreeExerciseDb("[]", options),
              HasProblems(std::vector<std::string>{"options.id_prefix: pattern"}));
}

TEST(FreeExerciseDbErrorsTest, MissingFile) {
  EXPECT_THAT(ImportFreeExerciseDbFile("/nonexistent/exercises.json"),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace backbalance
