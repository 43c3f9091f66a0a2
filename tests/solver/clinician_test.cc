// Clinician control (plan model 12, 12.1) on the built-in catalog: pins and train days
// (H10, the diagnoses, both backends), the input errors one by one, Repair, Alternatives
// and Replan, in cases a physiotherapist can check by reading them.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/io/alternatives_json.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/planner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::testing::HasSubstr;

// A desk worker in band B with a mat and a band: the profile of the clinician workflows.
Profile DeskWorker() {
  Profile p;
  p.pain = 4;
  p.fitness = 3;
  p.availability = {45, 30, 45, 30, 45, 60, 0};
  p.equipment = {"mat", "resistance_band"};
  p.seed = 7;
  return p;
}

bool Holds(const Plan& plan, int day, const std::string& exercise,
           std::optional<Phase> phase = std::nullopt, std::optional<int> minutes = std::nullopt) {
  for (const PlanItem& item : plan.days[day].items) {
    if (item.exercise == exercise && (!phase || item.phase == *phase) &&
        (!minutes || item.minutes == *minutes)) {
      return true;
    }
  }
  return false;
}

std::string Message(const absl::Status& status) { return std::string(status.message()); }

// The backends this build has.
std::vector<std::string> Backends() {
#ifdef BACKBALANCE_WITH_CBC
  return {"heuristic", "exact"};
#else
  return {"heuristic"};
#endif
}

// Repair proves its least distance with CBC; a build without it says so.
#ifdef BACKBALANCE_WITH_CBC
#define REPAIR_TEST(name) TEST_F(ClinicianTest, name)
#else
#define REPAIR_TEST(name) TEST_F(ClinicianTest, DISABLED_##name)
#endif

class ClinicianTest : public ::testing::Test {
 protected:
  void SetUp() override { planner_ = MakePlanner("heuristic"); }
  static std::unique_ptr<Planner> MakePlanner(const std::string& backend) {
    PlannerOptions options;
    options.backend = backend;
    absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), options);
    EXPECT_TRUE(planner.ok()) << planner.status();
    return std::make_unique<Planner>(*std::move(planner));
  }
  Evaluation Evaluate(const Profile& profile, const Plan& plan) const {
    absl::StatusOr<Evaluation> ev = planner_->Evaluate(profile, plan);
    EXPECT_TRUE(ev.ok()) << ev.status();
    return ev.ok() ? *ev : Evaluation{};
  }
  std::unique_ptr<Planner> planner_;
};

// ---- Pins and train days -------------------------------------------------------------

TEST_F(ClinicianTest, PinsAndTrainDaysAreHeldByBothBackends) {
  // Three short days: small enough for CBC to prove its week without a time limit.
  Profile p = DeskWorker();
  p.availability = {30, 0, 30, 0, 30, 0, 0};
  p.pins = {{0, "glute_bridge", Phase::kMain, std::nullopt},
            {2, "walking", Phase::kMain, 10},
            {4, "cat_cow", Phase::kCooldown, std::nullopt}};
  p.train_days = {2};
  for (const std::string& backend : Backends()) {
    std::unique_ptr<Planner> planner = MakePlanner(backend);
    absl::StatusOr<Plan> plan = planner->PlanWeek(p);
    ASSERT_TRUE(plan.ok()) << plan.status();
    ASSERT_EQ(plan->status, PlanStatus::kOk) << backend;
    EXPECT_TRUE(Holds(*plan, 0, "glute_bridge", Phase::kMain)) << backend;
    EXPECT_TRUE(Holds(*plan, 2, "walking", Phase::kMain, 10)) << backend;
    EXPECT_TRUE(Holds(*plan, 4, "cat_cow", Phase::kCooldown)) << backend;
    EXPECT_TRUE(Evaluate(p, *plan).valid) << backend;
  }
}

TEST_F(ClinicianTest, PinsAndATrainDayOnAFullerWeek) {
  Profile p = DeskWorker();
  p.pins = {{0, "glute_bridge", Phase::kMain, std::nullopt},
            {3, "walking", Phase::kMain, 20},
            {5, "cat_cow", Phase::kCooldown, std::nullopt}};
  p.train_days = {1};
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->status, PlanStatus::kOk);
  EXPECT_TRUE(Holds(*plan, 0, "glute_bridge", Phase::kMain));
  EXPECT_TRUE(Holds(*plan, 3, "walking", Phase::kMain, 20));
  EXPECT_TRUE(Holds(*plan, 5, "cat_cow", Phase::kCooldown));
  EXPECT_FALSE(plan->days[1].items.empty());
  EXPECT_TRUE(Evaluate(p, *plan).valid);
}

TEST_F(ClinicianTest, WithoutPinsThePlanIsUnchanged) {
  // Pins that the unpinned optimum already holds change nothing, byte for byte.
  Profile p = DeskWorker();
  absl::StatusOr<Plan> free = planner_->PlanWeek(p);
  ASSERT_TRUE(free.ok());
  absl::StatusOr<std::string> free_json = SavePlan(*free);
  ASSERT_TRUE(free_json.ok());
  EXPECT_THAT(*free_json, ::testing::Not(HasSubstr("\"changes\"")));
  EXPECT_THAT(SaveProfile(p), ::testing::Not(HasSubstr("\"pins\"")));
}

TEST_F(ClinicianTest, EvaluateReportsH10ForAMissedPinAndTrainDay) {
  Profile p = DeskWorker();
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  int rest = 0;
  while (!plan->days[rest].items.empty()) ++rest;
  p.pins = {{rest, "glute_bridge", std::nullopt, std::nullopt}};
  p.train_days = {rest};
  const Evaluation ev = Evaluate(p, *plan);
  EXPECT_FALSE(ev.valid);
  std::vector<Violation> h10;
  for (const Violation& v : ev.violations) {
    if (v.rule == "H10") h10.push_back(v);
  }
  ASSERT_EQ(h10.size(), 2u);
  EXPECT_EQ(h10[0].day, rest);
  EXPECT_EQ(h10[0].exercise, "glute_bridge");
  EXPECT_EQ(h10[1].day, rest);
  EXPECT_EQ(h10[1].exercise, std::nullopt);
}

TEST_F(ClinicianTest, APinEligibilityExcludesIsPinnedIneligibleNamingCleared) {
  Profile p = DeskWorker();
  p.conditions = {"osteoporosis"};  // spinal flexion: avoid
  p.pins = {{2, "curl_up", std::nullopt, std::nullopt}};
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->status, PlanStatus::kInfeasible);
  ASSERT_FALSE(plan->diagnosis.empty());
  EXPECT_EQ(plan->diagnosis[0].code, "pinned_ineligible");
  EXPECT_THAT(plan->diagnosis[0].text, HasSubstr("curl_up"));
  EXPECT_THAT(plan->diagnosis[0].text, HasSubstr("contraindicated:osteoporosis"));
  EXPECT_THAT(plan->diagnosis[0].text, HasSubstr("cleared"));
  // The clinician clears it: now it is planned on Wednesday.
  p.cleared = {"curl_up"};
  plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->status, PlanStatus::kOk);
  EXPECT_TRUE(Holds(*plan, 2, "curl_up"));
}

TEST_F(ClinicianTest, StrengthPinsOnConsecutiveDaysConflictOnRecovery) {
  Profile p = DeskWorker();
  p.pins = {{0, "glute_bridge", std::nullopt, std::nullopt},
            {1, "bodyweight_hip_hinge", std::nullopt, std::nullopt}};
  for (const std::string& backend : Backends()) {
    absl::StatusOr<Plan> plan = MakePlanner(backend)->PlanWeek(p);
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->status, PlanStatus::kInfeasible);
    ASSERT_FALSE(plan->diagnosis.empty());
    EXPECT_EQ(plan->diagnosis[0].code, "pins_conflict");
    EXPECT_THAT(plan->diagnosis[0].text,
                HasSubstr("strength items for glutes pinned on monday (\"glute_bridge\") and "
                          "tuesday (\"bodyweight_hip_hinge\") break the 48-hour recovery"));
  }
}

TEST_F(ClinicianTest, APinInAPhaseItMayNotTakeIsAConflictNotAnInputError) {
  Profile p = DeskWorker();
  p.pins = {{0, "glute_bridge", Phase::kWarmup, std::nullopt}};
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->status, PlanStatus::kInfeasible);
  EXPECT_EQ(plan->diagnosis[0].code, "pins_conflict");
  EXPECT_THAT(plan->diagnosis[0].text, HasSubstr("H4"));
}

TEST_F(ClinicianTest, TooManyRequiredDaysConflictOnH3) {
  Profile p = DeskWorker();
  p.pain = 8;  // band C: at most 5 days
  p.availability = {45, 45, 45, 45, 45, 45, 45};
  p.train_days = {0, 1, 2, 3, 4, 5};
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->status, PlanStatus::kInfeasible);
  EXPECT_EQ(plan->diagnosis[0].code, "pins_conflict");
  EXPECT_THAT(plan->diagnosis[0].text, HasSubstr("H3"));
}

TEST_F(ClinicianTest, NextWeekCarriesPinsForward) {
  Profile p = DeskWorker();
  p.pins = {{4, "bird_dog", std::nullopt, std::nullopt}};
  p.train_days = {0};
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->status, PlanStatus::kOk);
  absl::StatusOr<NextWeekPlan> next = planner_->NextWeek(p, *plan, {});
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(next->profile.pins, p.pins);
  EXPECT_EQ(next->profile.train_days, p.train_days);
  ASSERT_EQ(next->plan.status, PlanStatus::kOk);
  EXPECT_TRUE(Holds(next->plan, 4, "bird_dog"));
  EXPECT_FALSE(next->plan.days[0].items.empty());
}

// ---- Input errors, one by one -------------------------------------------------------

struct BadInput {
  const char* json;
  const char* message;
};

class PinInputTest : public ClinicianTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(PinInputTest, NamesThePathAndTheRule) {
  const BadInput& bad = GetParam();
  absl::StatusOr<Profile> profile =
      LoadProfile(std::string("{\"schema\": \"backbalance.profile/1\", ") + bad.json + "}");
  absl::Status status = profile.status();
  if (profile.ok()) status = planner_->PlanWeek(*profile).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad.json;
  EXPECT_THAT(Message(status), HasSubstr(bad.message)) << bad.json;
}

INSTANTIATE_TEST_SUITE_P(
    Pins, PinInputTest,
    ::testing::Values(
        BadInput{R"("pins": [{"day": 7, "exercise": "walking"}])", "pins[0].day: range"},
        BadInput{R"("pins": [{"day": 1, "exercise": "tai_chi_x"}])",
                 "pins[0].exercise: unknown_exercise"},
        BadInput{R"("pins": [{"day": 1, "exercise": "walking", "phase": "middle"}])",
                 "pins[0].phase: unknown_phase"},
        BadInput{
            R"("pins": [{"day": 1, "exercise": "walking"}, {"day": 1, "exercise": "walking"}])",
            "pins[1]: duplicate"},
        BadInput{R"("pins": [{"day": 1, "exercise": "glute_bridge", "minutes": 5}])",
                 "pins[0].minutes: range"},
        BadInput{R"("pins": [{"day": 1, "exercise": "walking", "minutes": 7}])",
                 "pins[0].minutes: range"},
        BadInput{R"("pins": [{"day": 1, "exercise": "walking", "minutes": 65}])",
                 "pins[0].minutes: range"},
        BadInput{R"("pins": [{"day": 1, "exercise": "walking", "minutes": 5}])",
                 "pins[0].minutes: range"},
        BadInput{R"("pins": [{"day": 1}])", "pins[0].exercise: required"},
        BadInput{R"("pins": [{"day": 1, "exercise": "walking", "sets": 2}])", "pins[0].sets"},
        BadInput{R"("train_days": [1, 1])", "train_days[1]: duplicate"},
        BadInput{R"("train_days": [9])", "train_days[0]: range"},
        BadInput{R"("doses": {"glute_bridge": {"minutes": 5}})", "doses.glute_bridge: form"},
        BadInput{R"("doses": {"glute_bridge": {"sets": 2, "reps": 60}})",
                 "doses.glute_bridge.reps: range"},
        BadInput{R"("doses": {"no_such_item": {"sets": 2, "reps": 6}})",
                 "doses.no_such_item: unknown_exercise"}));

TEST_F(ClinicianTest, PinsRoundTripThroughJson) {
  Profile p = DeskWorker();
  p.pins = {{0, "glute_bridge", Phase::kMain, std::nullopt}, {3, "walking", std::nullopt, 20}};
  p.train_days = {5, 1};
  absl::StatusOr<Profile> back = LoadProfile(SaveProfile(p));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, p);
}

// ---- Repair --------------------------------------------------------------------------

TEST_F(ClinicianTest, AValidWeekComesBackUnchangedWithNoChanges) {
  Profile p = DeskWorker();
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  absl::StatusOr<Plan> repaired = planner_->Repair(p, *plan);
  ASSERT_TRUE(repaired.ok()) << repaired.status();
  Plan expected = *plan;
  expected.changes.emplace();
  EXPECT_EQ(*repaired, expected);
  absl::StatusOr<std::string> json = SavePlan(*repaired);
  ASSERT_TRUE(json.ok());
  EXPECT_THAT(*json, HasSubstr("\"changes\": []"));
}

REPAIR_TEST(RepairOfADroppedCooldownChangesLittle) {
  Profile p = DeskWorker();
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  int day = 0;
  while (plan->days[day].items.empty()) ++day;
  Plan edited = *plan;
  // The clinician deletes the day's cool-down: H4 breaks.
  auto& items = edited.days[day].items;
  items.erase(std::remove_if(items.begin(), items.end(),
                             [](const PlanItem& i) { return i.phase == Phase::kCooldown; }),
              items.end());
  ASSERT_FALSE(Evaluate(p, edited).valid);
  absl::StatusOr<Plan> repaired = planner_->Repair(p, edited);
  ASSERT_TRUE(repaired.ok()) << repaired.status();
  ASSERT_EQ(repaired->status, PlanStatus::kOk);
  EXPECT_TRUE(Evaluate(p, *repaired).valid);
  ASSERT_TRUE(repaired->changes.has_value());
  // Putting the cool-down back costs as many uses as were deleted, or fewer.
  EXPECT_LE(repaired->changes->size(), plan->days[day].items.size() - items.size());
  EXPECT_FALSE(repaired->changes->empty());
  EXPECT_TRUE(repaired->solver->proven_optimal.value_or(false));
}

REPAIR_TEST(AnUnknownExerciseIsRemoved) {
  Profile p = DeskWorker();
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  int day = 0;
  while (plan->days[day].items.empty()) ++day;
  Plan edited = *plan;
  edited.days[day].items.insert(edited.days[day].items.begin() + 1,
                                PlanItem{"moon_walk", Phase::kMain, 5, {}, {}, {}});
  absl::StatusOr<Plan> repaired = planner_->Repair(p, edited);
  ASSERT_TRUE(repaired.ok()) << repaired.status();
  ASSERT_EQ(repaired->status, PlanStatus::kOk);
  ASSERT_TRUE(repaired->changes.has_value());
  ASSERT_EQ(repaired->changes->size(), 1u);
  EXPECT_EQ(repaired->changes->at(0), (PlanChange{day, "moon_walk", ChangeKind::kRemoved}));
}

// ---- Alternatives --------------------------------------------------------------------

TEST_F(ClinicianTest, AlternativesKeepTheWeekValidInOrder) {
  Profile p = DeskWorker();
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  int day = 0;
  while (plan->days[day].items.empty()) ++day;
  const PlanItem& use = plan->days[day].items.front();
  absl::StatusOr<AlternativesResult> result = planner_->Alternatives(p, *plan, day, use.exercise);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->status, PlanStatus::kOk);
  EXPECT_EQ(result->phase, use.phase);
  EXPECT_EQ(result->score, *plan->score);
  ASSERT_FALSE(result->alternatives.empty());
  bool substitutes_done = false;
  for (std::size_t i = 0; i < result->alternatives.size(); ++i) {
    const Alternative& a = result->alternatives[i];
    if (!a.substitute) substitutes_done = true;
    EXPECT_FALSE(a.substitute && substitutes_done) << a.exercise;
    Plan swapped = *plan;
    for (PlanItem& item : swapped.days[day].items) {
      if (item.exercise == use.exercise) {
        item.exercise = a.exercise;
        item.minutes = a.minutes;
      }
    }
    const Evaluation ev = Evaluate(p, swapped);
    EXPECT_TRUE(ev.valid) << a.exercise;
    EXPECT_NEAR(ev.score, a.score, 1e-9);
    EXPECT_NEAR(a.score_change, a.score - result->score, 1e-9);
    if (i > 0 && result->alternatives[i - 1].substitute == a.substitute) {
      EXPECT_GE(result->alternatives[i - 1].score, a.score - 1e-6);
    }
  }
  absl::StatusOr<std::string> json = SaveAlternatives(*result);
  ASSERT_TRUE(json.ok());
  EXPECT_THAT(*json, HasSubstr("\"schema\": \"backbalance.alternatives/1\""));
}

TEST_F(ClinicianTest, AlternativesErrorsAndRefer) {
  Profile p = DeskWorker();
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  int rest = 0;
  while (!plan->days[rest].items.empty()) ++rest;
  EXPECT_THAT(Message(planner_->Alternatives(p, *plan, rest, "walking").status()),
              HasSubstr("exercise: unknown_use"));
  EXPECT_THAT(Message(planner_->Alternatives(p, *plan, 7, "walking").status()),
              HasSubstr("day: range"));
  Plan broken = *plan;
  broken.days[rest].items.push_back(PlanItem{"walking", Phase::kMain, 20, {}, {}, {}});
  EXPECT_THAT(Message(planner_->Alternatives(p, broken, rest, "walking").status()),
              HasSubstr("plan: invalid"));
  p.red_flags = {RedFlag::kFeverOrInfection};
  absl::StatusOr<AlternativesResult> refer = planner_->Alternatives(p, *plan, 2, "jogging");
  ASSERT_TRUE(refer.ok());
  absl::StatusOr<std::string> json = SaveAlternatives(*refer);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(*json,
            "{\n  \"schema\": \"backbalance.alternatives/1\",\n  \"status\": \"refer\",\n  "
            "\"day\": 2,\n  \"exercise\": \"jogging\",\n  \"alternatives\": []\n}\n");
}

TEST_F(ClinicianTest, APinnedUseHasNoAlternatives) {
  Profile p = DeskWorker();
  p.pins = {{0, "glute_bridge", std::nullopt, std::nullopt}};
  absl::StatusOr<Plan> plan = planner_->PlanWeek(p);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->status, PlanStatus::kOk);
  absl::StatusOr<AlternativesResult> result = planner_->Alternatives(p, *plan, 0, "glute_bridge");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->alternatives.empty());
}

}  // namespace
}  // namespace backbalance

namespace backbalance {
namespace {

// ---- Replan --------------------------------------------------------------------------

class ReplanTest : public ClinicianTest {
 protected:
  void SetUp() override {
    ClinicianTest::SetUp();
    profile_ = DeskWorker();
    absl::StatusOr<Plan> plan = planner_->PlanWeek(profile_);
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->status, PlanStatus::kOk);
    plan_ = *plan;
  }
  // Every use of the days before `from_day`, completed.
  std::vector<Feedback> AllDone(int from_day) const {
    std::vector<Feedback> feedback;
    for (int d = 0; d < from_day; ++d) {
      for (const PlanItem& item : plan_.days[d].items) {
        Feedback f;
        f.day = d;
        f.exercise = item.exercise;
        f.completed = true;
        feedback.push_back(f);
      }
    }
    return feedback;
  }
  Profile profile_;
  Plan plan_;
};

TEST_F(ReplanTest, DaysThatHappenedStayAndTheWeekIsNoWorse) {
  for (int from_day = 0; from_day <= kDaysPerWeek; ++from_day) {
    SCOPED_TRACE(from_day);
    const std::optional<std::vector<Feedback>> feedback =
        from_day == 0 ? std::nullopt : std::optional(AllDone(from_day));
    absl::StatusOr<Plan> replanned = planner_->Replan(profile_, plan_, from_day, feedback);
    ASSERT_TRUE(replanned.ok()) << replanned.status();
    ASSERT_EQ(replanned->status, PlanStatus::kOk);
    for (int d = 0; d < from_day; ++d) EXPECT_EQ(replanned->days[d].items, plan_.days[d].items);
    EXPECT_GE(*replanned->score, *plan_.score - 1e-9);
    // What happened was valid, so the whole week is.
    EXPECT_TRUE(Evaluate(profile_, *replanned).valid);
  }
}

TEST_F(ReplanTest, AMissedWednesdayIsMadeUpLater) {
  // Monday and Tuesday done; Wednesday's session skipped (no feedback: not done).
  const int wednesday = 2;
  std::vector<Feedback> feedback = AllDone(wednesday);
  absl::StatusOr<Plan> replanned = planner_->Replan(profile_, plan_, wednesday + 1, feedback);
  ASSERT_TRUE(replanned.ok()) << replanned.status();
  ASSERT_EQ(replanned->status, PlanStatus::kOk);
  EXPECT_TRUE(replanned->days[wednesday].items.empty());
  int training_days = 0;
  for (const PlanDay& day : replanned->days) training_days += !day.items.empty();
  EXPECT_GE(training_days, replanned->targets->min_training_days);
}

TEST_F(ReplanTest, AnItemThatHurtIsNotPlannedAgain) {
  int day = 0;
  while (plan_.days[day].items.empty()) ++day;
  std::vector<Feedback> feedback = AllDone(day + 1);
  const std::string hurt = plan_.days[day].items.front().exercise;
  for (Feedback& f : feedback) {
    if (f.day == day && f.exercise == hurt) f.pain_after = PainAfter::kWorse;
  }
  absl::StatusOr<Plan> replanned = planner_->Replan(profile_, plan_, day + 1, feedback);
  ASSERT_TRUE(replanned.ok()) << replanned.status();
  ASSERT_EQ(replanned->status, PlanStatus::kOk);
  for (int d = day + 1; d < kDaysPerWeek; ++d) EXPECT_FALSE(Holds(*replanned, d, hurt)) << d;
  EXPECT_TRUE(std::any_of(
      replanned->excluded.begin(), replanned->excluded.end(),
      [&](const Exclusion& x) { return x.exercise == hurt && x.reason == "worsened"; }));
}

TEST_F(ReplanTest, InputErrorsNameThePath) {
  EXPECT_THAT(Message(planner_->Replan(profile_, plan_, 8, std::nullopt).status()),
              HasSubstr("from_day: range"));
  EXPECT_THAT(Message(planner_->Replan(profile_, plan_, -1, std::nullopt).status()),
              HasSubstr("from_day: range"));
  std::vector<Feedback> late = AllDone(kDaysPerWeek);
  ASSERT_FALSE(late.empty());
  EXPECT_THAT(Message(planner_->Replan(profile_, plan_, 0, late).status()),
              HasSubstr("feedback[0].day: not_happened"));
  std::vector<Feedback> twice = AllDone(kDaysPerWeek);
  twice.push_back(twice.front());
  EXPECT_THAT(Message(planner_->Replan(profile_, plan_, 7, twice).status()),
              HasSubstr(absl::StrCat("feedback[", twice.size() - 1, "]: duplicate")));
  Feedback stranger;
  stranger.day = 0;
  stranger.exercise = "swimming";
  EXPECT_THAT(Message(planner_->Replan(profile_, plan_, 3, std::vector{stranger}).status()),
              HasSubstr("feedback[0]: unknown_use"));
}

}  // namespace
}  // namespace backbalance
