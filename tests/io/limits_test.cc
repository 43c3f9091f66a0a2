// The documented limits (docs/errors.md, "Limits"; backbalance/io/document.h) through the
// public loaders: each holds exactly at its value and gives its rule code one past it,
// with a path that names the place. And the planner's time limit: a week cut short is
// still valid and says so.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/document.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/planner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::IsOk;
using ::backbalance::testing::PathRules;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string ProfileJson(const std::string& fields) {
  return absl::StrCat(R"({"schema": "backbalance.profile/1", )", fields, "}");
}

// `count` distinct identifiers, quoted and comma-separated.
std::string IdList(std::size_t count, const std::string& prefix = "id_") {
  std::string out;
  for (std::size_t i = 0; i < count; ++i)
    absl::StrAppend(&out, i ? "," : "", "\"", prefix, i, "\"");
  return out;
}

std::string Record(const std::string& id, const std::string& more = "") {
  return absl::StrCat(
      R"({"id": ")", id, R"(", "name": "N", "category": "flexibility", "impact": "low", )",
      R"("phases": ["main"], )", R"("primary_muscles": ["hamstrings"], "minutes": 5, )",
      R"("dose": {"hold_seconds": 30, "reps": 2})", more, "}");
}

std::string Catalog1(const std::string& records) {
  return absl::StrCat(R"({"schema": "backbalance.catalog/1", "exercises": [)", records, "]}");
}

TEST(LimitsTest, DocumentSizeIsCheckedBeforeParsing) {
  // Exactly the limit: a valid profile padded with spaces loads.
  std::string at_limit = ProfileJson(R"("pain": 2)");
  at_limit.resize(kMaxDocumentBytes, ' ');
  EXPECT_THAT(LoadProfile(at_limit), IsOk());
  at_limit.push_back(' ');
  const auto over = LoadProfile(at_limit);
  EXPECT_THAT(PathRules(over), ElementsAre(": too_large"));
  EXPECT_THAT(over.status().message(), HasSubstr("at most 67108864 bytes"));
}

TEST(LimitsTest, DocumentFilesOverTheLimitAreNotReadWhole) {
  const std::string path = ::testing::TempDir() + "/backbalance_limits_big.json";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string chunk(1 << 20, ' ');
    for (std::size_t written = 0; written <= kMaxDocumentBytes; written += chunk.size()) {
      out << chunk;
    }
  }
  EXPECT_THAT(PathRules(ReadDocumentFile(path)), ElementsAre(": too_large"));
  EXPECT_THAT(PathRules(LoadProfileFile(path)), ElementsAre(": too_large"));
  std::remove(path.c_str());
}

TEST(LimitsTest, NestingDepth) {
  // The top-level object is level 1, so an unknown field may hold 63 nested arrays.
  const auto nested = [](int arrays) {
    return ProfileJson(
        absl::StrCat(R"("x": )", std::string(arrays, '['), std::string(arrays, ']')));
  };
  EXPECT_THAT(PathRules(LoadProfile(nested(kMaxJsonDepth - 1))), ElementsAre("x: unknown_field"));
  const auto deep = LoadProfile(nested(kMaxJsonDepth));
  ASSERT_EQ(ProblemsOf(deep.status()).size(), 1u);
  EXPECT_EQ(ProblemsOf(deep.status())[0].rule, "depth");
  EXPECT_THAT(ProblemsOf(deep.status())[0].path, ::testing::StartsWith("x[0][0]"));
  // Far deeper input fails the same way, early, without recursion.
  const auto far = LoadPlan(std::string(1 << 20, '['));
  ASSERT_EQ(ProblemsOf(far.status()).size(), 1u);
  EXPECT_EQ(ProblemsOf(far.status())[0].rule, "depth");
}

TEST(LimitsTest, StringAndKeyLength) {
  const std::string at(kMaxStringLength, 'n');
  EXPECT_THAT(LoadCatalog(Catalog1(Record("a", R"(, "notes": ")" + at + "\""))), IsOk());
  EXPECT_THAT(PathRules(LoadCatalog(Catalog1(Record("a", R"(, "notes": ")" + at + "n\"")))),
              ElementsAre("exercises[0].notes: length"));
  const auto long_key = LoadProfile(ProfileJson("\"" + at + "k\": 1"));
  ASSERT_EQ(ProblemsOf(long_key.status()).size(), 1u);
  EXPECT_EQ(ProblemsOf(long_key.status())[0].rule, "length");
  // The path quotes a shortened key, never 4 KiB of it.
  EXPECT_LT(ProblemsOf(long_key.status())[0].path.size(), 100u);
}

TEST(LimitsTest, IdLength) {
  const std::string at(64, 'i');
  EXPECT_THAT(LoadCatalog(Catalog1(Record(at))), IsOk());
  EXPECT_THAT(PathRules(LoadCatalog(Catalog1(Record(at + "i")))),
              ElementsAre("exercises[0].id: pattern"));
  EXPECT_THAT(PathRules(LoadProfile(ProfileJson(R"("conditions": [")" + at + "c\"]"))),
              ElementsAre("conditions[0]: pattern"));
}

TEST(LimitsTest, EntriesOfAList) {
  EXPECT_THAT(LoadProfile(ProfileJson(absl::StrCat(R"("prefer": [)", IdList(kMaxListLength), "]"))),
              IsOk());
  EXPECT_THAT(PathRules(LoadProfile(
                  ProfileJson(absl::StrCat(R"("exclude": [)", IdList(kMaxListLength + 1), "]")))),
              ElementsAre("exclude: length"));
}

TEST(LimitsTest, ReferencesPerItem) {
  // One record naming every other of 1001 records as a substitute: 1000 references load.
  std::string records =
      Record("hub", absl::StrCat(R"(, "substitutes": [)", IdList(kMaxListLength), "]"));
  for (std::size_t i = 0; i < kMaxListLength; ++i)
    absl::StrAppend(&records, ",", Record(absl::StrCat("id_", i)));
  EXPECT_THAT(LoadCatalog(Catalog1(records)), IsOk());
  // 1001 references: `length` at the list, whatever they name.
  const std::string too_many =
      Record("hub", absl::StrCat(R"(, "progressions": [)", IdList(kMaxListLength + 1), "]"));
  EXPECT_THAT(PathRules(LoadCatalog(Catalog1(too_many))),
              ElementsAre("exercises[0].progressions: length"));
}

TEST(LimitsTest, ExercisesInACatalog) {
  // Counted before any record is read, so the records need not even be objects.
  std::string records;
  records.reserve(2 * (kMaxExercises + 1));
  for (std::size_t i = 0; i <= kMaxExercises; ++i) records += i ? ",0" : "0";
  const auto loaded = LoadCatalog(Catalog1(records));
  EXPECT_THAT(PathRules(loaded), ElementsAre("exercises: length"));
  EXPECT_THAT(loaded.status().message(), HasSubstr("at most 100000 exercises"));
}

TEST(LimitsTest, DaysAndItemsOfAPlan) {
  std::string items;
  for (std::size_t i = 0; i <= kMaxListLength; ++i) {
    absl::StrAppend(&items, i ? "," : "",
                    R"({"exercise": "walking", "phase": "main", "minutes": 5})");
  }
  std::string days = absl::StrCat(R"({"day": 0, "items": [)", items, "]}");
  for (int d = 1; d < 7; ++d) absl::StrAppend(&days, R"(, {"day": )", d, R"(, "items": []})");
  EXPECT_THAT(PathRules(LoadPlan(absl::StrCat(
                  R"({"schema": "backbalance.plan/1", "status": "ok", "days": [)", days, "]}"))),
              ElementsAre("days[0].items: length"));
}

// The time limit: a search stopped by it still returns a valid week, flagged cut_short.
TEST(LimitsTest, ATinyTimeLimitGivesAValidWeekCutShort) {
  PlannerOptions options;
  options.time_limit_seconds = 0.001;   // the least a caller may give
  options.search_iterations = 1000000;  // far more than a millisecond allows, on any machine
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), options);
  ASSERT_TRUE(planner.ok()) << planner.status();
  Profile profile;
  profile.pain = 3;
  absl::StatusOr<Plan> plan = planner->PlanWeek(profile);
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->status, PlanStatus::kOk);
  ASSERT_TRUE(plan->solver.has_value());
  EXPECT_TRUE(plan->solver->cut_short);
  absl::StatusOr<Evaluation> verdict = planner->Evaluate(profile, *plan);
  ASSERT_TRUE(verdict.ok());
  EXPECT_TRUE(verdict->valid);
  EXPECT_EQ(verdict->score, *plan->score);
}

TEST(LimitsTest, NoTimeLimitIsNeverCutShort) {
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin());
  ASSERT_TRUE(planner.ok());
  absl::StatusOr<Plan> plan = planner->PlanWeek(Profile{});
  ASSERT_TRUE(plan.ok() && plan->solver.has_value());
  EXPECT_FALSE(plan->solver->cut_short);
}

// Reliability round 2, finding 8: with every weight and penalty at the top of its range
// the score stays a finite number (1e308 weights once scored an ok plan `null`).
TEST(LimitsTest, LargestWeightsKeepTheScoreFinite) {
  PlannerOptions options;
  options.variety_weight = options.preference_weight = 1000;
  options.caution_penalty = options.window_penalty = options.minute_penalty = 1000;
  options.search_iterations = 8;
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), options);
  ASSERT_TRUE(planner.ok()) << planner.status();
  Profile profile;
  profile.pain = 3;
  profile.prefer = {"walking"};
  absl::StatusOr<Plan> plan = planner->PlanWeek(profile);
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->status, PlanStatus::kOk);
  ASSERT_TRUE(plan->score.has_value());
  EXPECT_TRUE(std::isfinite(*plan->score));
  EXPECT_TRUE(SavePlan(*plan).ok());
  options.variety_weight = 1e308;
  EXPECT_FALSE(Planner::Create(Catalog::Builtin(), options).ok());
}

}  // namespace
}  // namespace backbalance
