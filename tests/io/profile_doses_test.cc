// The profile field `doses` (plan model section 12, 12.1 "Dose forms"): read and written
// in profile JSON, every bad input named by its path and rule: the JSON shape and ranges
// when the profile is read, the ids and the form against the item's category when the
// profile meets a catalog.
#include <memory>
#include <string>
#include <vector>

#include "backbalance/io/profile_json.h"
#include "backbalance/solver/planner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/catalog_builder.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblem;
using ::backbalance::testing::HasProblems;
using ::backbalance::testing::IsOk;
using testkit::ExerciseBuilder;
using testkit::MakeCatalog;
using Json = nlohmann::ordered_json;
using Lines = std::vector<std::string>;

using C = Category;
using M = Muscle;
using P = Phase;

std::shared_ptr<const Catalog> DoseCatalog() {
  return MakeCatalog({
      ExerciseBuilder("walk", C::kAerobic).Phases({P::kWarmup, P::kMain}).AerobicRange(10, 30),
      ExerciseBuilder("squat", C::kStrength).Primary({M::kQuadriceps}).Minutes(10),
      ExerciseBuilder("plank", C::kStrength).Primary({M::kCore}).WithDose(Dose::HoldReps(20, 3)),
      // May warm up: a dynamic drill, {sets, reps} only.
      ExerciseBuilder("leg_swing", C::kFlexibility)
          .Phases({P::kWarmup, P::kMain})
          .Primary({M::kHamstrings}),
      ExerciseBuilder("hamstring_stretch", C::kFlexibility)
          .Phases({P::kMain, P::kCooldown})
          .Primary({M::kHamstrings}),
      ExerciseBuilder("heel_raise_balance", C::kBalance)
          .Phases({P::kWarmup, P::kMain})
          .Primary({M::kCalves}),
      ExerciseBuilder("single_leg_stand", C::kBalance).Primary({M::kCalves}),
      ExerciseBuilder("breathing", C::kRelaxation).Phases({P::kMain, P::kCooldown}),
  });
}

absl::StatusOr<Profile> Load(const Json& doses) {
  return LoadProfile(Json{{"schema", "backbalance.profile/1"}, {"doses", doses}}.dump());
}

absl::Status Check(const Json& doses) {
  absl::StatusOr<Profile> profile = Load(doses);
  if (!profile.ok()) return profile.status();
  return CheckProfileAgainstCatalog(*profile, *DoseCatalog());
}

// ---------------------------------------------------------------- reading and writing

TEST(ProfileDosesTest, AbsentMeansNone) {
  absl::StatusOr<Profile> profile = LoadProfile(R"({"schema": "backbalance.profile/1"})");
  ASSERT_THAT(profile, IsOk());
  EXPECT_TRUE(profile->doses.empty());
}

TEST(ProfileDosesTest, ReadsEveryForm) {
  absl::StatusOr<Profile> profile = Load(Json::parse(R"({
      "squat": {"sets": 3, "reps": 12},
      "plank": {"hold_seconds": 45, "reps": 2},
      "breathing": {"minutes": 8}})"));
  ASSERT_THAT(profile, IsOk());
  EXPECT_EQ(profile->doses.size(), 3u);
  EXPECT_EQ(profile->doses.at("squat"), Dose::SetsReps(3, 12));
  EXPECT_EQ(profile->doses.at("plank"), Dose::HoldReps(45, 2));
  EXPECT_EQ(profile->doses.at("breathing"), Dose::Minutes(8));
}

TEST(ProfileDosesTest, RoundTripsThroughSaveProfile) {
  Profile profile;
  profile.doses["squat"] = Dose::SetsReps(1, 50);
  profile.doses["plank"] = Dose::HoldReps(300, 1);
  profile.doses["walk"] = Dose::Minutes(120);
  const std::string saved = SaveProfile(profile);
  const Json json = Json::parse(saved);
  EXPECT_EQ(json["doses"]["squat"], Json::parse(R"({"sets": 1, "reps": 50})"));
  EXPECT_EQ(json["doses"]["plank"], Json::parse(R"({"hold_seconds": 300, "reps": 1})"));
  EXPECT_EQ(json["doses"]["walk"], Json::parse(R"({"minutes": 120})"));
  absl::StatusOr<Profile> back = LoadProfile(saved);
  ASSERT_THAT(back, IsOk());
  EXPECT_EQ(*back, profile);
}

TEST(ProfileDosesTest, SavedEmptyAsAnEmptyObject) {
  const Json json = Json::parse(SaveProfile(Profile{}));
  EXPECT_EQ(json["doses"], Json::object());
}

// ---------------------------------------------------------------- bad JSON

TEST(ProfileDosesTest, NotAnObject) {
  EXPECT_THAT(Load(Json::array()), HasProblems(Lines{"doses: type"}));
  EXPECT_THAT(Load(Json(3)), HasProblems(Lines{"doses: type"}));
}

TEST(ProfileDosesTest, KeyNotAnId) {
  EXPECT_THAT(Load(Json{{"Squat", {{"sets", 1}, {"reps", 5}}}}),
              HasProblems(Lines{"doses.Squat: pattern"}));
}

TEST(ProfileDosesTest, DoseNotAnObject) {
  EXPECT_THAT(Load(Json{{"squat", 12}}), HasProblems(Lines{"doses.squat: type"}));
}

TEST(ProfileDosesTest, NoForm) {
  EXPECT_THAT(Load(Json{{"squat", {{"sets", 1}}}}), HasProblems(Lines{"doses.squat: dose_form"}));
  EXPECT_THAT(Load(Json{{"squat", {{"sets", 1}, {"reps", 5}, {"minutes", 3}}}}),
              HasProblems(Lines{"doses.squat: dose_form"}));
  EXPECT_THAT(Load(Json{{"squat", Json::object()}}), HasProblems(Lines{"doses.squat: dose_form"}));
}

TEST(ProfileDosesTest, NumbersOutsideSectionTwosRanges) {
  EXPECT_THAT(Load(Json{{"squat", {{"sets", 11}, {"reps", 5}}}}),
              HasProblems(Lines{"doses.squat.sets: range"}));
  EXPECT_THAT(Load(Json{{"squat", {{"sets", 0}, {"reps", 51}}}}),
              HasProblems(Lines{"doses.squat.sets: range", "doses.squat.reps: range"}));
  EXPECT_THAT(Load(Json{{"plank", {{"hold_seconds", 301}, {"reps", 1}}}}),
              HasProblems(Lines{"doses.plank.hold_seconds: range"}));
  EXPECT_THAT(Load(Json{{"breathing", {{"minutes", 0}}}}),
              HasProblems(Lines{"doses.breathing.minutes: range"}));
  EXPECT_THAT(Load(Json{{"breathing", {{"minutes", 121}}}}),
              HasProblems(Lines{"doses.breathing.minutes: range"}));
  EXPECT_THAT(Load(Json{{"squat", {{"sets", 2.5}, {"reps", 5}}}}),
              HasProblem("doses.squat.sets", "type"));
}

// ---------------------------------------------------------------- against a catalog

TEST(ProfileDosesTest, UnknownExercise) {
  const absl::Status status = Check(Json{{"tai_chi_x", {{"sets", 1}, {"reps", 5}}}});
  EXPECT_THAT(status, HasProblems(Lines{"doses.tai_chi_x: unknown_exercise"}));
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("\"tai_chi_x\" is not in the catalog"));
}

TEST(ProfileDosesTest, FormsEachCategoryAllows) {
  EXPECT_THAT(Check(Json::parse(R"({
      "squat": {"hold_seconds": 30, "reps": 2},
      "plank": {"sets": 2, "reps": 10},
      "leg_swing": {"sets": 3, "reps": 12},
      "hamstring_stretch": {"hold_seconds": 45, "reps": 3},
      "heel_raise_balance": {"sets": 1, "reps": 10},
      "single_leg_stand": {"sets": 2, "reps": 5},
      "breathing": {"hold_seconds": 60, "reps": 4},
      "walk": {"minutes": 20}})")),
              IsOk());
  EXPECT_THAT(Check(Json{{"breathing", {{"minutes", 12}}}}), IsOk());
  EXPECT_THAT(Check(Json{{"single_leg_stand", {{"hold_seconds", 30}, {"reps", 3}}}}), IsOk());
}

TEST(ProfileDosesTest, FormsACategoryDoesNotAllow) {
  EXPECT_THAT(Check(Json{{"squat", {{"minutes", 10}}}}), HasProblems(Lines{"doses.squat: form"}));
  EXPECT_THAT(Check(Json{{"hamstring_stretch", {{"minutes", 10}}}}),
              HasProblems(Lines{"doses.hamstring_stretch: form"}));
  EXPECT_THAT(Check(Json{{"single_leg_stand", {{"minutes", 10}}}}),
              HasProblems(Lines{"doses.single_leg_stand: form"}));
  EXPECT_THAT(Check(Json{{"breathing", {{"sets", 2}, {"reps", 10}}}}),
              HasProblems(Lines{"doses.breathing: form"}));
  EXPECT_THAT(Check(Json{{"walk", {{"sets", 2}, {"reps", 10}}}}),
              HasProblems(Lines{"doses.walk: form"}));
  EXPECT_THAT(Check(Json{{"walk", {{"hold_seconds", 20}, {"reps", 10}}}}),
              HasProblems(Lines{"doses.walk: form"}));
}

TEST(ProfileDosesTest, AWarmUpItemKeepsSetsAndReps) {
  const absl::Status status = Check(Json{{"leg_swing", {{"hold_seconds", 30}, {"reps", 3}}}});
  EXPECT_THAT(status, HasProblems(Lines{"doses.leg_swing: form"}));
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("may warm up"));
  EXPECT_THAT(Check(Json{{"heel_raise_balance", {{"hold_seconds", 30}, {"reps", 3}}}}),
              HasProblems(Lines{"doses.heel_raise_balance: form"}));
}

TEST(ProfileDosesTest, EveryProblemListed) {
  EXPECT_THAT(Check(Json::parse(R"({
      "breathing": {"sets": 2, "reps": 10},
      "nope": {"sets": 2, "reps": 10},
      "squat": {"minutes": 5}})")),
              HasProblems(Lines{"doses.breathing: form", "doses.nope: unknown_exercise",
                                "doses.squat: form"}));
}

TEST(ProfileDosesTest, AProfileBuiltInCodeIsCheckedLikeJson) {
  Profile profile;
  profile.doses["squat"] = Dose::SetsReps(2, 60);
  profile.doses["plank"] = Dose::HoldReps(0, 2);
  profile.doses["Bad"] = Dose::SetsReps(1, 1);
  const absl::Status status = CheckProfileAgainstCatalog(profile, *DoseCatalog());
  EXPECT_THAT(status, HasProblem("doses.squat.reps", "range"));
  EXPECT_THAT(status, HasProblem("doses.plank.hold_seconds", "range"));
  EXPECT_THAT(status, HasProblem("doses.Bad", "pattern"));
  EXPECT_THAT(CheckProfileConditions(profile), HasProblem("doses.squat.reps", "range"));
}

TEST(ProfileDosesTest, ThePlannerRejectsABadDose) {
  absl::StatusOr<Planner> planner = Planner::Create(DoseCatalog());
  ASSERT_THAT(planner, IsOk());
  Profile profile;
  profile.doses["breathing"] = Dose::SetsReps(1, 5);
  EXPECT_THAT(planner->PlanWeek(profile), HasProblems(Lines{"doses.breathing: form"}));
  profile.doses = {{"ghost", Dose::SetsReps(1, 5)}};
  EXPECT_THAT(planner->PlanWeek(profile), HasProblems(Lines{"doses.ghost: unknown_exercise"}));
}

}  // namespace
}  // namespace backbalance
