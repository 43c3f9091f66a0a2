#include "backbalance/io/profile_json.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "backbalance/io/catalog_json.h"
#include "backbalance/model/problem.h"
#include "backbalance/solver/planner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblem;
using ::backbalance::testing::HasProblems;
using ::backbalance::testing::IsOk;
using ::backbalance::testing::StatusIs;
using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;
using Lines = std::vector<std::string>;

Json Minimal() { return Json{{"schema", "backbalance.profile/1"}}; }

// A week with cat_cow on Monday and Wednesday and a walk on Wednesday.
Json HistoryPlan() {
  Json days = Json::array();
  for (int d = 0; d < 7; ++d) days.push_back(Json{{"day", d}, {"items", Json::array()}});
  days[0]["items"].push_back(Json{{"exercise", "cat_cow"}, {"phase", "warmup"}, {"minutes", 5}});
  days[2]["items"].push_back(Json{{"exercise", "cat_cow"}, {"phase", "warmup"}, {"minutes", 5}});
  days[2]["items"].push_back(Json{{"exercise", "walking"}, {"phase", "main"}, {"minutes", 20}});
  return Json{{"schema", "backbalance.plan/1"}, {"status", "ok"}, {"days", days}};
}

Json Full() {
  Json doc = Json::parse(R"({
    "schema": "backbalance.profile/1",
    "pain": 5,
    "pain_duration": "subacute",
    "pain_persisting_days": 4,
    "conditions": ["sciatica", "pregnancy", "custom_condition"],
    "pregnancy_week": 24,
    "red_flags": ["fever_or_infection"],
    "fitness": 3,
    "availability": [30, 0, 45, 60, 0, 90, 240],
    "equipment": ["mat", "pool"],
    "goals": {"strength": 3, "stress_relief": 0},
    "exclude": ["running"],
    "prefer": ["walking", "cat_cow"],
    "cleared": ["cat_cow"],
    "seed": 18446744073709551615
  })");
  doc["history"] = Json{{"plan", HistoryPlan()}, {"feedback", Json::parse(R"([
        {"day": 0, "exercise": "cat_cow", "completed": true, "pain_after": "better",
         "soreness_hours": 0.5, "rpe": 4},
        {"day": 2, "exercise": "walking", "completed": false, "rpe": null},
        {"day": 2, "exercise": "cat_cow", "pain_after": "worse", "soreness_hours": 2}
      ])")}};
  return doc;
}

absl::StatusOr<Profile> Load(const Json& doc) { return LoadProfile(doc.dump()); }

TEST(LoadProfileTest, EveryFieldDefaults) {
  ASSERT_OK_AND_ASSIGN(Profile profile, Load(Minimal()));
  EXPECT_EQ(profile, Profile{});
  EXPECT_EQ(profile.pain, 3);
  EXPECT_EQ(profile.pain_duration, PainDuration::kChronic);
  EXPECT_EQ(profile.equipment, Lines{"mat"});
  EXPECT_EQ(profile.availability[6], 30);
  EXPECT_FALSE(profile.history.has_value());
  EXPECT_FALSE(profile.pregnancy_week.has_value());
  EXPECT_TRUE(profile.cleared.empty());
}

TEST(LoadProfileTest, ReadsEveryField) {
  ASSERT_OK_AND_ASSIGN(Profile profile, Load(Full()));
  EXPECT_EQ(profile.pain, 5);
  EXPECT_EQ(profile.pain_duration, PainDuration::kSubacute);
  EXPECT_EQ(profile.pain_persisting_days, 4);
  EXPECT_EQ(profile.conditions, (Lines{"sciatica", "pregnancy", "custom_condition"}));
  EXPECT_EQ(profile.pregnancy_week, 24);
  EXPECT_EQ(profile.red_flags, std::vector<RedFlag>{RedFlag::kFeverOrInfection});
  EXPECT_EQ(profile.fitness, 3);
  EXPECT_EQ(profile.availability, (std::array<int, 7>{30, 0, 45, 60, 0, 90, 240}));
  EXPECT_EQ(profile.equipment, (Lines{"mat", "pool"}));
  EXPECT_EQ(profile.goals.strength, 3);
  EXPECT_EQ(profile.goals.stress_relief, 0);
  EXPECT_EQ(profile.goals.flexibility, 1);  // a key left out is 1
  EXPECT_EQ(profile.exclude, Lines{"running"});
  EXPECT_EQ(profile.prefer, (Lines{"walking", "cat_cow"}));
  EXPECT_EQ(profile.cleared, Lines{"cat_cow"});
  EXPECT_EQ(profile.seed, std::numeric_limits<uint64_t>::max());
  ASSERT_TRUE(profile.history.has_value());
  EXPECT_EQ(profile.history->plan.days[2].items.size(), 2u);
  EXPECT_EQ(profile.history->plan.days[2].minutes, 25);
  ASSERT_EQ(profile.history->feedback.size(), 3u);
  const Feedback& first = profile.history->feedback[0];
  EXPECT_TRUE(first.completed);
  EXPECT_EQ(first.pain_after, PainAfter::kBetter);
  EXPECT_EQ(first.soreness_hours, 0.5);
  EXPECT_EQ(first.rpe, 4);
  const Feedback& second = profile.history->feedback[1];
  EXPECT_FALSE(second.completed);
  EXPECT_EQ(second.pain_after, PainAfter::kSame);  // default
  EXPECT_EQ(second.soreness_hours, 0);
  EXPECT_FALSE(second.rpe.has_value());  // null means not given
  EXPECT_EQ(profile.history->feedback[2].soreness_hours, 2.0);
}

TEST(LoadProfileTest, FieldRangesAndTypes) {
  struct Case {
    const char* field;
    Json value;
    const char* path_rule;
  };
  const std::vector<Case> cases = {
      {"pain", 11, "pain: range"},
      {"pain", -1, "pain: range"},
      {"pain", "3", "pain: type"},
      {"pain", 3.5, "pain: type"},
      {"pain_duration", "long", "pain_duration: unknown_name"},
      {"pain_duration", 2, "pain_duration: type"},
      {"pain_persisting_days", -1, "pain_persisting_days: range"},
      {"pain_persisting_days", 40000, "pain_persisting_days: range"},
      {"conditions", Json::array({"Bad Name"}), "conditions[0]: pattern"},
      {"conditions", Json::array({"sciatica", "sciatica"}), "conditions[1]: duplicate"},
      {"conditions", "sciatica", "conditions: type"},
      {"red_flags", Json::array({"fever"}), "red_flags[0]: unknown_name"},
      {"red_flags", Json::array({"major_trauma", "major_trauma"}), "red_flags[1]: duplicate"},
      {"fitness", 0, "fitness: range"},
      {"fitness", 6, "fitness: range"},
      {"fitness", true, "fitness: type"},
      {"availability", Json::array({30, 30, 30, 30, 30, 30}), "availability: length"},
      {"availability", Json::array({30, 30, 300, 30, 30, 30, 30}), "availability[2]: range"},
      {"availability", Json::array({30, 30, 30, 30, 30, 30, "30"}), "availability[6]: type"},
      {"availability", 30, "availability: type"},
      {"equipment", Json::array({""}), "equipment[0]: empty"},
      {"equipment", Json::array({"mat", "mat"}), "equipment[1]: duplicate"},
      {"equipment", Json::array({1}), "equipment[0]: type"},
      {"goals", Json{{"strength", 4}}, "goals.strength: range"},
      {"goals", Json{{"speed", 1}}, "goals.speed: unknown_field"},
      {"goals", Json::array(), "goals: type"},
      {"exclude", Json::array({"Running"}), "exclude[0]: pattern"},
      {"prefer", Json::array({"walking", "walking"}), "prefer[1]: duplicate"},
      {"cleared", Json::array({"walking", "walking"}), "cleared[1]: duplicate"},
      {"cleared", Json::array({"Walking"}), "cleared[0]: pattern"},
      {"cleared", Json::array({7}), "cleared[0]: type"},
      {"cleared", "walking", "cleared: type"},
      {"cleared", Json{{"walking", true}}, "cleared: type"},
      // Out of 0..42 is a range error (and only that: no week was read to need a condition).
      {"pregnancy_week", 43, "pregnancy_week: range"},
      {"pregnancy_week", -1, "pregnancy_week: range"},
      {"pregnancy_week", 20.5, "pregnancy_week: type"},
      {"pregnancy_week", "20", "pregnancy_week: type"},
      // In range, but without the condition `pregnancy` (section 3).
      {"pregnancy_week", 20, "pregnancy_week: requires_condition"},
      {"pregnancy_week", 0, "pregnancy_week: requires_condition"},
      {"seed", -1, "seed: range"},
      {"seed", 1.5, "seed: type"},
      {"seed", "7", "seed: type"},
      {"history", Json::object(), "history.plan: required"},
      {"history", 5, "history: type"},
      {"colour", "red", "colour: unknown_field"},
  };
  for (const Case& c : cases) {
    Json doc = Minimal();
    doc[c.field] = c.value;
    EXPECT_THAT(Load(doc), HasProblems(Lines{c.path_rule})) << c.field << " = " << c.value;
  }
}

TEST(LoadProfileTest, MessageLinesNameTheValue) {
  Json doc = Minimal();
  doc["pain"] = 12;
  doc["availability"] = Json::array({30, 30, 30});
  auto loaded = Load(doc);
  EXPECT_EQ(loaded.status().message(),
            "pain: range: must be an integer in 0..10, got 12\n"
            "availability: length: must hold 7 entries, monday to sunday; got 3");
}

TEST(LoadProfileTest, SchemaRequiredAndChecked) {
  EXPECT_THAT(LoadProfile("{}"), HasProblems(Lines{"schema: required"}));
  EXPECT_THAT(LoadProfile(R"({"schema": "backbalance.catalog/1", "pain": 99})"),
              HasProblems(Lines{"schema: schema"}));
}

TEST(LoadProfileTest, AllProblemsInFieldOrder) {
  Json doc = Minimal();
  doc["seed"] = -5;
  doc["zzz"] = 1;
  doc["pain"] = 20;
  doc["goals"] = Json{{"balance", 9}, {"strength", -1}};
  EXPECT_THAT(Load(doc),
              HasProblems(Lines{"pain: range", "goals.strength: range", "goals.balance: range",
                                "seed: range", "zzz: unknown_field"}));
}

TEST(LoadProfileTest, FeedbackFields) {
  struct Case {
    Json entry;
    const char* path_rule;
  };
  const std::vector<Case> cases = {
      {Json{{"day", 7}, {"exercise", "cat_cow"}}, "history.feedback[0].day: range"},
      {Json{{"exercise", "cat_cow"}}, "history.feedback[0].day: required"},
      {Json{{"day", 0}}, "history.feedback[0].exercise: required"},
      {Json{{"day", 0}, {"exercise", 5}}, "history.feedback[0].exercise: type"},
      {Json{{"day", 0}, {"exercise", "cat_cow"}, {"completed", "yes"}},
       "history.feedback[0].completed: type"},
      {Json{{"day", 0}, {"exercise", "cat_cow"}, {"pain_after", "awful"}},
       "history.feedback[0].pain_after: unknown_name"},
      {Json{{"day", 0}, {"exercise", "cat_cow"}, {"soreness_hours", -1}},
       "history.feedback[0].soreness_hours: range"},
      {Json{{"day", 0}, {"exercise", "cat_cow"}, {"soreness_hours", "1"}},
       "history.feedback[0].soreness_hours: type"},
      {Json{{"day", 0}, {"exercise", "cat_cow"}, {"rpe", 11}}, "history.feedback[0].rpe: range"},
      {Json{{"day", 0}, {"exercise", "cat_cow"}, {"rpe", 0}}, "history.feedback[0].rpe: range"},
      {Json{{"day", 0}, {"exercise", "cat_cow"}, {"rpe", 5.5}}, "history.feedback[0].rpe: type"},
      {Json{{"day", 0}, {"exercise", "cat_cow"}, {"mood", "ok"}},
       "history.feedback[0].mood: unknown_field"},
      {Json{{"day", 1}, {"exercise", "cat_cow"}}, "history.feedback[0]: unknown_use"},
      {Json{{"day", 0}, {"exercise", "walking"}}, "history.feedback[0]: unknown_use"},
  };
  for (const Case& c : cases) {
    Json doc = Minimal();
    doc["history"] = Json{{"plan", HistoryPlan()}, {"feedback", Json::array({c.entry})}};
    EXPECT_THAT(Load(doc), HasProblems(Lines{c.path_rule})) << c.entry;
  }
}

TEST(LoadProfileTest, UnknownAndDuplicateUses) {
  Json doc = Minimal();
  doc["history"] = Json{{"plan", HistoryPlan()}, {"feedback", Json::parse(R"([
                           {"day": 2, "exercise": "walking"},
                           {"day": 3, "exercise": "walking"},
                           {"day": 2, "exercise": "walking", "completed": true}
                         ])")}};
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"history.feedback[1]: unknown_use",
                                        "history.feedback[2]: duplicate"}));
  EXPECT_THAT(loaded.status().message(),
              HasSubstr("history.feedback[1]: unknown_use: day 3 (thursday) of the history's "
                        "plan holds no \"walking\""));
  EXPECT_THAT(loaded.status().message(), HasSubstr("history.feedback[0]"));
}

TEST(LoadProfileTest, HistoryPlanProblemsCarryTheirPrefix) {
  Json doc = Minimal();
  Json plan = HistoryPlan();
  plan["days"][2]["items"][1]["phase"] = "middle";
  plan["days"][4]["rest"] = false;
  plan["extra"] = 1;
  doc["history"] = Json{{"plan", plan}, {"feedback", Json::array()}};
  EXPECT_THAT(Load(doc), HasProblems(Lines{"history.plan.days[2].items[1].phase: unknown_name",
                                           "history.plan.days[4].rest: rest_mismatch",
                                           "history.plan.extra: unknown_field"}));
  plan = HistoryPlan();
  plan["days"].erase(6);
  doc["history"]["plan"] = plan;
  EXPECT_THAT(Load(doc), HasProblems(Lines{"history.plan.days: length"}));
  doc["history"]["plan"]["schema"] = "backbalance.profile/1";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"history.plan.schema: schema"}));
}

TEST(LoadProfileTest, FeedbackUsesAreNotCheckedAgainstABrokenPlan) {
  Json doc = Minimal();
  Json plan = HistoryPlan();
  plan["status"] = "fine";
  doc["history"] =
      Json{{"plan", plan}, {"feedback", Json::array({Json{{"day", 5}, {"exercise", "x"}}})}};
  EXPECT_THAT(Load(doc), HasProblems(Lines{"history.plan.status: unknown_name"}));
}

TEST(LoadProfileTest, MissingFileIsNotFound) {
  EXPECT_THAT(LoadProfileFile("/nonexistent/profile.json"), StatusIs(absl::StatusCode::kNotFound));
}

TEST(SaveProfileTest, RoundTripWithHistoryAndFeedback) {
  ASSERT_OK_AND_ASSIGN(Profile first, Load(Full()));
  const std::string saved = SaveProfile(first);
  ASSERT_OK_AND_ASSIGN(Profile second, LoadProfile(saved));
  EXPECT_EQ(first, second);
  EXPECT_EQ(SaveProfile(second), saved);
}

TEST(SaveProfileTest, DefaultProfileRoundTrips) {
  const std::string saved = SaveProfile(Profile{});
  ASSERT_OK_AND_ASSIGN(Profile loaded, LoadProfile(saved));
  EXPECT_EQ(loaded, Profile{});
  const Json parsed = Json::parse(saved);
  std::vector<std::string> keys;
  for (const auto& item : parsed.items()) keys.push_back(item.key());
  // `pregnancy_week` is written only when set; `cleared` and `doses` always.
  EXPECT_EQ(keys, (Lines{"schema", "pain", "pain_duration", "pain_persisting_days", "conditions",
                         "red_flags", "fitness", "availability", "equipment", "goals", "exclude",
                         "prefer", "cleared", "doses", "seed"}));
  EXPECT_EQ(parsed["cleared"], Json::array());
  EXPECT_EQ(saved.back(), '\n');
}

TEST(SaveProfileTest, WritesRpeNullWhenAbsent) {
  ASSERT_OK_AND_ASSIGN(Profile profile, Load(Full()));
  const Json parsed = Json::parse(SaveProfile(profile));
  EXPECT_TRUE(parsed["history"]["feedback"][1]["rpe"].is_null());
  EXPECT_EQ(parsed["history"]["feedback"][0]["rpe"], 4);
}

class CheckProfileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = LoadCatalog(R"({
      "schema": "backbalance.catalog/1",
      "conditions": ["custom_condition"],
      "exercises": [
        {"id": "walking", "name": "Walking", "category": "aerobic", "impact": "low",
         "phases": ["main"], "primary_muscles": [], "min_minutes": 10, "max_minutes": 30,
         "dose": {"minutes": 20}},
        {"id": "cat_cow", "name": "Cat-cow", "category": "flexibility", "impact": "low",
         "phases": ["warmup"], "primary_muscles": ["lower_back"], "minutes": 5,
         "dose": {"sets": 1, "reps": 10}}
      ]})");
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    catalog_ = *loaded;
  }
  std::shared_ptr<const Catalog> catalog_;
};

TEST_F(CheckProfileTest, AcceptsKnownNames) {
  Json doc = Full();
  doc["exclude"] = Json::array({"walking"});
  ASSERT_OK_AND_ASSIGN(Profile profile, Load(doc));
  EXPECT_THAT(CheckProfileAgainstCatalog(profile, *catalog_), IsOk());
}

TEST_F(CheckProfileTest, ReportsUnknownIdsAndConditions) {
  Json doc = Minimal();
  doc["conditions"] = Json::array({"sciatica", "made_up"});
  doc["exclude"] = Json::array({"jogging"});
  doc["prefer"] = Json::array({"walking", "tai_chi_x"});
  doc["cleared"] = Json::array({"crunch", "cat_cow"});
  doc["history"] = Json{{"plan", HistoryPlan()}};
  ASSERT_OK_AND_ASSIGN(Profile profile, Load(doc));
  profile.history->plan.days[1].items.push_back({"rowing", Phase::kMain, 20, {}, {}, {}});
  profile.history->feedback.push_back({1, "rowing", true, PainAfter::kSame, 0, {}});
  const absl::Status status = CheckProfileAgainstCatalog(profile, *catalog_);
  // Ids unknown to the catalog are `unknown_exercise` (section 11), cleared ones included.
  EXPECT_THAT(status,
              HasProblems(Lines{"conditions[1]: unknown_name", "exclude[0]: unknown_exercise",
                                "prefer[1]: unknown_exercise", "cleared[0]: unknown_exercise",
                                "history.feedback[0].exercise: unknown_exercise"}));
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("prefer[1]: unknown_exercise: \"tai_chi_x\" is not in the catalog"));
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("cleared[0]: unknown_exercise: \"crunch\" is not in the catalog"));
}

TEST_F(CheckProfileTest, ClearedIdsAreCheckedOnlyAgainstACatalog) {
  // A profile alone does not know the catalog: an unknown cleared id loads.
  Json doc = Minimal();
  doc["cleared"] = Json::array({"not_an_item"});
  ASSERT_OK_AND_ASSIGN(Profile profile, Load(doc));
  EXPECT_THAT(CheckProfileAgainstCatalog(profile, *catalog_),
              HasProblems(Lines{"cleared[0]: unknown_exercise"}));
  profile.cleared = {"cat_cow", "walking"};
  EXPECT_THAT(CheckProfileAgainstCatalog(profile, *catalog_), IsOk());
}

TEST(CheckProfileConditionsTest, KnowsOnlyBuiltInConditions) {
  Profile profile;
  profile.conditions = {"pregnancy", "custom_condition", "acute_flare"};
  EXPECT_THAT(CheckProfileConditions(profile), HasProblems(Lines{"conditions[1]: unknown_name"}));
  profile.conditions = {"pregnancy"};
  EXPECT_THAT(CheckProfileConditions(profile), IsOk());
  // `late_pregnancy` is derived, and a profile may list it (without `pregnancy`).
  profile.conditions = {"late_pregnancy"};
  EXPECT_THAT(CheckProfileConditions(profile), IsOk());
}

TEST(LoadProfileTest, PregnancyWeekWithTheCondition) {
  for (int week : {0, 19, 20, 42}) {
    Json doc = Minimal();
    doc["conditions"] = Json::array({"pregnancy"});
    doc["pregnancy_week"] = week;
    ASSERT_OK_AND_ASSIGN(Profile profile, Load(doc));
    EXPECT_EQ(profile.pregnancy_week, week);
    // Saved after the conditions, and read back the same.
    const std::string saved = SaveProfile(profile);
    EXPECT_THAT(saved, HasSubstr("\"conditions\": [\n    \"pregnancy\"\n  ],\n  "
                                 "\"pregnancy_week\": " +
                                 std::to_string(week)));
    ASSERT_OK_AND_ASSIGN(Profile reloaded, LoadProfile(saved));
    EXPECT_EQ(reloaded, profile);
  }
}

TEST(LoadProfileTest, PregnancyWeekRequiresTheCondition) {
  Json doc = Minimal();
  doc["conditions"] = Json::array({"sciatica", "late_pregnancy"});
  doc["pregnancy_week"] = 30;
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"pregnancy_week: requires_condition"}));
  EXPECT_THAT(std::string(loaded.status().message()),
              HasSubstr("pregnancy_week: requires_condition: "));
  EXPECT_THAT(std::string(loaded.status().message()), HasSubstr("\"pregnancy\""));
}

TEST(LoadProfileTest, RedFlagsOfModelTwo) {
  Json doc = Minimal();
  doc["red_flags"] = Json::array(
      {"suspected_fracture", "history_of_cancer", "pregnancy_warning_signs", "cauda_equina_signs"});
  ASSERT_OK_AND_ASSIGN(Profile profile, Load(doc));
  EXPECT_EQ(profile.red_flags,
            (std::vector<RedFlag>{RedFlag::kSuspectedFracture, RedFlag::kHistoryOfCancer,
                                  RedFlag::kPregnancyWarningSigns, RedFlag::kCaudaEquinaSigns}));
  // Still a closed vocabulary: an unknown flag is an error naming the list.
  doc["red_flags"] = Json::array({"suspected_fracture", "bleeding"});
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"red_flags[1]: unknown_name"}));
  EXPECT_THAT(std::string(loaded.status().message()), HasSubstr("pregnancy_warning_signs"));
}

TEST(LoadProfileTest, EveryModelTwoProblemTogether) {
  Json doc = Minimal();
  doc["pregnancy_week"] = 12;  // no pregnancy condition
  doc["red_flags"] = Json::array({"history_of_cancer", "sudden_pain"});
  doc["cleared"] = Json::array({"bird_dog", "bird_dog"});
  doc["pain"] = 11;
  EXPECT_THAT(Load(doc), HasProblems(Lines{"pain: range", "pregnancy_week: requires_condition",
                                           "red_flags[1]: unknown_name", "cleared[1]: duplicate"}));
  doc["pregnancy_week"] = 50;
  doc["cleared"] = "bird_dog";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"pain: range", "pregnancy_week: range",
                                           "red_flags[1]: unknown_name", "cleared: type"}));
}

}  // namespace
}  // namespace backbalance

namespace backbalance {
namespace {

// A Profile built in code meets the same ranges a document does: the planner reports
// them as problems with their paths, not as an internal error.
TEST(ProfileValuesTest, OutOfRangeValuesInCodeAreReportedWithTheirPaths) {
  Profile profile;
  profile.pain = 50;
  profile.fitness = 9;
  profile.availability[0] = -30;
  profile.goals.strength = -3;
  profile.pregnancy_week = 50;
  profile.history = History{};
  Feedback feedback;
  feedback.day = 7;
  feedback.rpe = 11;
  feedback.soreness_hours = -1;
  profile.history->feedback.push_back(feedback);
  const absl::Status status = CheckProfileAgainstCatalog(profile, *Catalog::Builtin());
  ASSERT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> lines;
  for (const Problem& p : ProblemsOf(status)) lines.push_back(p.ToString());
  EXPECT_THAT(lines, ::testing::IsSupersetOf({
                         "pain: range: must be an integer in 0..10, got 50",
                         "fitness: range: must be an integer in 1..5, got 9",
                         "availability[0]: range: must be an integer in 0..240, got -30",
                         "goals.strength: range: must be an integer in 0..3, got -3",
                         "pregnancy_week: range: must be an integer in 0..42, got 50",
                         "history.feedback[0].day: range: must be an integer in 0..6, got 7",
                         "history.feedback[0].rpe: range: must be an integer in 1..10, got 11",
                         "history.feedback[0].soreness_hours: range: must be a number >= 0, got -1",
                     }));
  absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin());
  ASSERT_TRUE(planner.ok());
  EXPECT_EQ(planner->PlanWeek(profile).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ProfileValuesTest, PregnancyWeekAndClearedInCode) {
  Profile profile;
  profile.pregnancy_week = 22;  // no `pregnancy` among the conditions
  profile.cleared = {"bird_dog_x"};
  const absl::Status status = CheckProfileAgainstCatalog(profile, *Catalog::Builtin());
  EXPECT_THAT(status, HasProblems(Lines{"pregnancy_week: requires_condition",
                                        "cleared[0]: unknown_exercise"}));
  profile.conditions = {"pregnancy"};
  profile.cleared.clear();
  EXPECT_THAT(CheckProfileAgainstCatalog(profile, *Catalog::Builtin()), IsOk());
}

}  // namespace
}  // namespace backbalance
