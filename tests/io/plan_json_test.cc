#include "backbalance/io/plan_json.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "backbalance/io/profile_json.h"
#include "backbalance/model/evaluation.h"
#include "backbalance/model/problem.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/json_value.h"
#include "io/plan_json_internal.h"
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
using Json = nlohmann::ordered_json;
using Lines = std::vector<std::string>;

// Monday: warmup, main, cooldown; Thursday: one main item; every other day rests.
Json SimplePlan() {
  Json days = Json::array();
  for (int d = 0; d < 7; ++d) days.push_back(Json{{"day", d}, {"items", Json::array()}});
  days[0]["items"] = Json::parse(R"([
    {"exercise": "cat_cow", "phase": "warmup", "minutes": 5,
     "dose": {"sets": 1, "reps": 10}},
    {"exercise": "walking", "phase": "main", "minutes": 20, "dose": {"minutes": 20},
     "reasons": ["aerobic"]},
    {"exercise": "childs_pose", "phase": "cooldown", "minutes": 5, "notes": ["caution:pregnancy"]}
  ])");
  days[3]["items"] = Json::parse(R"([{"exercise": "not_in_any_catalog", "phase": "main",
                                       "minutes": 0}])");
  return Json{{"schema", "backbalance.plan/1"}, {"status", "ok"}, {"days", days}};
}

absl::StatusOr<Plan> Load(const Json& doc) { return LoadPlan(doc.dump()); }

Plan FullPlan() {
  Plan plan;
  plan.status = PlanStatus::kOk;
  plan.score = 87.3;
  ScoreTerms terms{};
  for (int t = 0; t < kScoreTermCount; ++t) terms[t] = 0.1 * t + 1.0 / 3.0;
  plan.score_terms = terms;
  plan.days[0].items = {
      {"cat_cow", Phase::kWarmup, 5, Dose::SetsReps(1, 10), {}, {"flexibility: lower_back"}},
      {"plank", Phase::kMain, 6, Dose::SetsReps(3, 10), {"caution:pregnancy"}, {}},
      {"walking", Phase::kMain, 25, Dose::Minutes(25), {}, {"aerobic"}},
      {"breathing", Phase::kCooldown, 5, std::nullopt, {}, {}}};
  plan.days[0].minutes = 41;
  plan.days[4].items = {{"walking", Phase::kMain, 30, std::nullopt, {}, {}}};
  plan.days[4].minutes = 30;
  plan.totals = Totals{71, {55, 6, 5, 0, 5}};
  plan.excluded = {{"running", "impact", std::nullopt},
                   {"sit_ups", "contraindicated:herniated_disc", "spinal_flexion+external_load"},
                   {"superman", "contraindicated:spinal_stenosis", "marked"}};
  plan.advisories = {{"hydrate", "Drink water before, during and after."}, {"see_doctor", "..."}};
  plan.diagnosis = {};
  plan.targets = Targets{PainBand::kB, {90, 40, 70, 20, 40}, 270, 3, 6};
  plan.solver = SolverInfo{"exact", 18446744073709551615ull, true, 0.015, false};
  plan.provenance = Provenance{"backbalance 0.2.0", 2, std::string(64, 'a')};
  return plan;
}

TEST(LoadPlanTest, ReadsDaysAndItems) {
  ASSERT_OK_AND_ASSIGN(Plan plan, Load(SimplePlan()));
  EXPECT_EQ(plan.status, PlanStatus::kOk);
  ASSERT_EQ(plan.days[0].items.size(), 3u);
  EXPECT_EQ(plan.days[0].items[0].dose, Dose::SetsReps(1, 10));
  EXPECT_EQ(plan.days[0].items[1].reasons, Lines{"aerobic"});
  EXPECT_EQ(plan.days[0].items[2].notes, Lines{"caution:pregnancy"});
  EXPECT_FALSE(plan.days[0].items[2].dose.has_value());
  EXPECT_EQ(plan.days[0].minutes, 30);  // the sum of its items
  EXPECT_TRUE(plan.days[1].rest());
  EXPECT_EQ(plan.days[3].items[0].exercise, "not_in_any_catalog");  // H1 is Evaluate's
  EXPECT_FALSE(plan.score.has_value());
  EXPECT_FALSE(plan.score_terms.has_value());
  EXPECT_FALSE(plan.totals.has_value());
}

TEST(LoadPlanTest, OptionalDayFieldsAreChecked) {
  Json doc = SimplePlan();
  doc["days"][0]["name"] = "monday";
  doc["days"][0]["rest"] = false;
  doc["days"][0]["minutes"] = 999;  // output only: the sum of the items is used
  doc["days"][1]["rest"] = true;
  ASSERT_OK_AND_ASSIGN(Plan plan, Load(doc));
  EXPECT_EQ(plan.days[0].minutes, 30);
}

TEST(LoadPlanTest, SixDays) {
  Json doc = SimplePlan();
  doc["days"].erase(6);
  auto loaded = Load(doc);
  EXPECT_THAT(loaded, HasProblems(Lines{"days: length"}));
  EXPECT_EQ(loaded.status().message(), "days: length: must hold 7 days, monday to sunday; got 6");
}

TEST(LoadPlanTest, WrongDayOrder) {
  Json doc = SimplePlan();
  std::swap(doc["days"][3], doc["days"][4]);
  EXPECT_THAT(Load(doc), HasProblems(Lines{"days[3].day: day_order", "days[4].day: day_order"}));
  doc = SimplePlan();
  doc["days"][2]["day"] = 9;
  EXPECT_THAT(Load(doc), HasProblems(Lines{"days[2].day: range"}));
  doc = SimplePlan();
  doc["days"][2]["name"] = "friday";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"days[2].name: day_name"}));
}

TEST(LoadPlanTest, RestMismatch) {
  Json doc = SimplePlan();
  doc["days"][0]["rest"] = true;
  doc["days"][1]["rest"] = false;
  auto loaded = Load(doc);
  EXPECT_THAT(loaded,
              HasProblems(Lines{"days[0].rest: rest_mismatch", "days[1].rest: rest_mismatch"}));
  EXPECT_THAT(loaded.status().message(),
              HasSubstr("days[0].rest: rest_mismatch: is true, but the day lists 3 items"));
}

TEST(LoadPlanTest, BadPhaseName) {
  Json doc = SimplePlan();
  doc["days"][0]["items"][1]["phase"] = "middle";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"days[0].items[1].phase: unknown_name"}));
}

TEST(LoadPlanTest, ItemMinutes) {
  Json doc = SimplePlan();
  doc["days"][0]["items"][1]["minutes"] = -5;
  doc["days"][0]["items"][2]["minutes"] = 1441;
  doc["days"][3]["items"][0]["minutes"] = 12.5;
  EXPECT_THAT(Load(doc), HasProblems(Lines{"days[0].items[1].minutes: range",
                                           "days[0].items[2].minutes: range",
                                           "days[3].items[0].minutes: type"}));
}

TEST(LoadPlanTest, RequiredFields) {
  for (const char* field : {"schema", "status", "days"}) {
    Json doc = SimplePlan();
    doc.erase(field);
    EXPECT_THAT(Load(doc), HasProblems(Lines{std::string(field) + ": required"}));
  }
  Json doc = SimplePlan();
  doc["days"][2].erase("items");
  doc["days"][5].erase("day");
  doc["days"][0]["items"][0].erase("exercise");
  doc["days"][0]["items"][1].erase("phase");
  doc["days"][0]["items"][2].erase("minutes");
  EXPECT_THAT(Load(doc), HasProblems(Lines{"days[0].items[0].exercise: required",
                                           "days[0].items[1].phase: required",
                                           "days[0].items[2].minutes: required",
                                           "days[2].items: required", "days[5].day: required"}));
}

TEST(LoadPlanTest, SchemaAndStatus) {
  Json doc = SimplePlan();
  doc["status"] = "done";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"status: unknown_name"}));
  doc["schema"] = "backbalance.plan/2";
  EXPECT_THAT(Load(doc), HasProblems(Lines{"schema: schema"}));
}

TEST(LoadPlanTest, UnknownFieldsAnywhere) {
  Json doc = SimplePlan();
  doc["colour"] = 1;
  doc["days"][1]["mood"] = "calm";
  doc["days"][0]["items"][0]["weight"] = 5;
  doc["score_terms"] = Json{{"aerobic", 1}, {"fun", 1}};
  EXPECT_THAT(Load(doc),
              HasProblems(Lines{
                  "score_terms.strength: required", "score_terms.flexibility: required",
                  "score_terms.balance: required", "score_terms.relaxation: required",
                  "score_terms.strength_days: required", "score_terms.strength_balance: required",
                  "score_terms.stretch_balance: required", "score_terms.variety: required",
                  "score_terms.preference: required", "score_terms.fun: unknown_field",
                  "days[0].items[0].weight: unknown_field", "days[1].mood: unknown_field",
                  "colour: unknown_field"}));
}

TEST(LoadPlanTest, ItemDose) {
  Json doc = SimplePlan();
  doc["days"][0]["items"][0]["dose"] = Json{{"reps", 10}};
  doc["days"][0]["items"][1]["dose"] = Json{{"minutes", 0}};
  EXPECT_THAT(Load(doc), HasProblems(Lines{"days[0].items[0].dose: dose_form",
                                           "days[0].items[1].dose.minutes: range"}));
}

TEST(LoadPlanTest, OutputFieldsAreTyped) {
  Json doc = SimplePlan();
  doc["score"] = "high";
  doc["totals"] = Json{{"minutes", 30}, {"by_category", Json{{"aerobic", 20}}}};
  doc["excluded"] = Json::array({Json{{"exercise", "running"}}});
  doc["advisories"] = Json::array({Json{{"code", "hydrate"}, {"text", 3}}});
  doc["targets"] = Json{{"band", "D"}};
  doc["solver"] = Json{{"backend", "magic"}, {"seed", 1}, {"cut_short", false}};
  doc["provenance"] = Json{{"library", "x"}, {"catalog_sha256", "y"}, {"when", "now"}};
  EXPECT_THAT(Load(doc), HasProblems(Lines{
                             "score: type",
                             "totals.by_category.strength: required",
                             "totals.by_category.flexibility: required",
                             "totals.by_category.balance: required",
                             "totals.by_category.relaxation: required",
                             "excluded[0].reason: required",
                             "advisories[0].text: type",
                             "targets.band: unknown_name",
                             "targets.by_category: required",
                             "targets.volume_cap: required",
                             "targets.training_days: required",
                             "solver.backend: unknown_name",
                             "provenance.when: unknown_field",
                         }));
}

TEST(LoadPlanTest, DuplicateKeyAndSyntax) {
  EXPECT_THAT(LoadPlan(R"({"schema": "backbalance.plan/1", "status": "ok", "status": "ok",
                           "days": []})"),
              HasProblems(Lines{"status: duplicate_key", "days: length"}));
  EXPECT_THAT(LoadPlan(R"({"schema": "backbalance.plan/1", "status": "ok", "days": [)"),
              HasProblems(Lines{": syntax"}));
}

TEST(LoadPlanTest, MissingFileIsNotFound) {
  EXPECT_THAT(LoadPlanFile("/nonexistent/plan.json"), StatusIs(absl::StatusCode::kNotFound));
}

TEST(SavePlanTest, RoundTripWithEveryField) {
  const Plan plan = FullPlan();
  const std::string saved = SavePlan(plan).value();
  ASSERT_OK_AND_ASSIGN(Plan loaded, LoadPlan(saved));
  EXPECT_EQ(loaded, plan);
  EXPECT_EQ(SavePlan(loaded).value(), saved);
}

TEST(SavePlanTest, LoadSaveLoadIsStable) {
  ASSERT_OK_AND_ASSIGN(Plan first, Load(SimplePlan()));
  ASSERT_OK_AND_ASSIGN(Plan second, LoadPlan(SavePlan(first).value()));
  EXPECT_EQ(first, second);
}

TEST(SavePlanTest, FieldOrderAndDayFields) {
  const Json saved = Json::parse(SavePlan(FullPlan()).value());
  std::vector<std::string> keys;
  for (const auto& item : saved.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (Lines{"schema", "status", "score", "score_terms", "days", "totals", "excluded",
                         "advisories", "diagnosis", "targets", "solver", "provenance"}));
  keys.clear();
  for (const auto& item : saved["days"][0].items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (Lines{"day", "name", "rest", "minutes", "items"}));
  keys.clear();
  for (const auto& item : saved["days"][0]["items"][0].items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (Lines{"exercise", "phase", "minutes", "dose", "notes", "reasons"}));
  EXPECT_EQ(saved["days"][0]["name"], "monday");
  EXPECT_EQ(saved["days"][0]["minutes"], 41);
  EXPECT_EQ(saved["days"][1]["rest"], true);
  EXPECT_EQ(saved["days"][6]["name"], "sunday");
  EXPECT_EQ(saved["score"].get<double>(), 87.3);
  EXPECT_EQ(saved["targets"]["training_days"].dump(), R"({"min":3,"max":6})");
  EXPECT_EQ(saved["solver"]["seed"].get<uint64_t>(), 18446744073709551615ull);
  EXPECT_EQ(saved["provenance"]["library"], "backbalance 0.2.0");
  // Model 2 (section 10): provenance names the model, `mix` closes the score terms and an
  // exclusion for a contraindication says which rule entry (or the item's own marking).
  keys.clear();
  for (const auto& item : saved["provenance"].items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (Lines{"library", "model", "catalog_sha256"}));
  EXPECT_EQ(saved["provenance"]["model"], 2);
  keys.clear();
  for (const auto& item : saved["score_terms"].items()) keys.push_back(item.key());
  EXPECT_EQ(keys,
            (Lines{"aerobic", "strength", "flexibility", "balance", "relaxation", "strength_days",
                   "strength_balance", "stretch_balance", "variety", "preference", "mix"}));
  EXPECT_EQ(saved["excluded"].dump(),
            R"([{"exercise":"running","reason":"impact"},)"
            R"({"exercise":"sit_ups","reason":"contraindicated:herniated_disc",)"
            R"("because":"spinal_flexion+external_load"},)"
            R"({"exercise":"superman","reason":"contraindicated:spinal_stenosis",)"
            R"("because":"marked"}])");
}

TEST(LoadPlanTest, ModelOnePlanLoads) {
  // A plan written under model 1 has no provenance.model and no `mix` term: it still loads
  // (schemas stay /1), as a model 1 plan.
  Json doc = SimplePlan();
  Json terms = Json::object();
  for (const char* term :
       {"aerobic", "strength", "flexibility", "balance", "relaxation", "strength_days",
        "strength_balance", "stretch_balance", "variety", "preference"}) {
    terms[term] = 0.5;
  }
  doc["score"] = 50;
  doc["score_terms"] = terms;
  doc["provenance"] = Json{{"library", "backbalance 0.1.0"}, {"catalog_sha256", "abc"}};
  ASSERT_OK_AND_ASSIGN(Plan plan, Load(doc));
  ASSERT_TRUE(plan.provenance.has_value());
  EXPECT_EQ(plan.provenance->model, 1);
  ASSERT_TRUE(plan.score_terms.has_value());
  EXPECT_EQ((*plan.score_terms)[static_cast<int>(ScoreTerm::kMix)], 0.0);
  // With the model-2 fields it reads them.
  doc["provenance"]["model"] = 2;
  doc["score_terms"]["mix"] = 0.25;
  ASSERT_OK_AND_ASSIGN(plan, Load(doc));
  EXPECT_EQ(plan.provenance->model, 2);
  EXPECT_EQ((*plan.score_terms)[static_cast<int>(ScoreTerm::kMix)], 0.25);
}

TEST(LoadPlanTest, ModelTwoFieldsAreTyped) {
  Json doc = SimplePlan();
  doc["provenance"] = Json{{"library", "x"}, {"model", 3}, {"catalog_sha256", "y"}};
  doc["excluded"] = Json::parse(R"([{"exercise": "crunch", "reason": "contraindicated:sciatica",
                                     "because": ["spinal_flexion"]}])");
  doc["score_terms"] =
      Json{{"aerobic", 1},    {"strength", 1},      {"flexibility", 1},      {"balance", 1},
           {"relaxation", 1}, {"strength_days", 1}, {"strength_balance", 1}, {"stretch_balance", 1},
           {"variety", 1},    {"preference", 1},    {"mix", "low"}};
  EXPECT_THAT(Load(doc), HasProblems(Lines{"score_terms.mix: type", "excluded[0].because: type",
                                           "provenance.model: range"}));
}

TEST(SavePlanTest, ShortestRoundTripNumbers) {
  Plan plan;
  plan.score = 0.1 + 0.2;
  const std::string saved = SavePlan(plan).value();
  EXPECT_THAT(saved, HasSubstr("\"score\": 0.30000000000000004"));
}

TEST(SavePlanTest, PlanWithoutOutputFields) {
  Plan plan;
  plan.status = PlanStatus::kInfeasible;
  plan.diagnosis = {{"too_few_days", "Only 2 days have 15 or more minutes available."}};
  const std::string saved = SavePlan(plan).value();
  const Json parsed = Json::parse(saved);
  EXPECT_EQ(parsed["score"].get<double>(), 0.0);
  EXPECT_EQ(parsed["score_terms"], Json::object());
  EXPECT_EQ(parsed["excluded"], Json::array());
  EXPECT_EQ(parsed["advisories"], Json::array());
  EXPECT_FALSE(parsed.contains("totals"));
  EXPECT_FALSE(parsed.contains("targets"));
  EXPECT_FALSE(parsed.contains("solver"));
  EXPECT_FALSE(parsed.contains("provenance"));
  ASSERT_OK_AND_ASSIGN(Plan loaded, LoadPlan(saved));
  EXPECT_EQ(loaded.score, 0.0);
  EXPECT_FALSE(loaded.score_terms.has_value());
  EXPECT_EQ(loaded.diagnosis, plan.diagnosis);
  // An ok plan without a score writes none.
  EXPECT_FALSE(Json::parse(SavePlan(Plan{}).value()).contains("score"));
}

TEST(SaveEvaluationTest, WritesEveryField) {
  Evaluation evaluation;
  evaluation.valid = false;
  evaluation.violations = {{"H3", std::nullopt, std::nullopt, "only 2 training days"},
                           {"H1", 2, "running", "not eligible: impact"}};
  evaluation.score = 12.5;
  evaluation.score_terms[static_cast<int>(ScoreTerm::kVariety)] = 0.25;
  evaluation.penalties = {0.5, 1.0, 0.7};
  evaluation.excluded = {{"running", "impact", std::nullopt}};
  const Json saved = Json::parse(SaveEvaluation(evaluation).value());
  std::vector<std::string> keys;
  for (const auto& item : saved.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (Lines{"schema", "valid", "violations", "score", "score_terms", "penalties",
                         "excluded"}));
  EXPECT_EQ(saved["schema"], "backbalance.evaluation/1");
  EXPECT_EQ(saved["valid"], false);
  EXPECT_EQ(saved["violations"][0].dump(),
            R"({"rule":"H3","day":null,"exercise":null,"detail":"only 2 training days"})");
  EXPECT_EQ(saved["violations"][1]["day"], 2);
  EXPECT_EQ(saved["violations"][1]["exercise"], "running");
  EXPECT_EQ(saved["score_terms"].size(), static_cast<std::size_t>(kScoreTermCount));
  EXPECT_EQ(saved["score_terms"]["variety"].get<double>(), 0.25);
  EXPECT_EQ(saved["penalties"].dump(), R"({"caution":0.5,"windows":1.0,"minutes":0.7})");
  EXPECT_EQ(saved["excluded"].dump(), R"([{"exercise":"running","reason":"impact"}])");
}

TEST(SaveNextWeekTest, EmbedsProfileAndPlan) {
  Profile profile;
  profile.pain = 6;
  profile.history = History{FullPlan(), {{0, "cat_cow", true, PainAfter::kSame, 0, 5}}};
  const Plan plan = FullPlan();
  const Json saved = Json::parse(SaveNextWeek(profile, plan).value());
  EXPECT_EQ(saved["schema"], "backbalance.next_week/1");
  ASSERT_OK_AND_ASSIGN(Profile loaded_profile, LoadProfile(saved["profile"].dump()));
  EXPECT_EQ(loaded_profile, profile);
  ASSERT_OK_AND_ASSIGN(Plan loaded_plan, LoadPlan(saved["plan"].dump()));
  EXPECT_EQ(loaded_plan, plan);
}

// Reliability round 2, finding 8: a number that is not finite is no JSON number. The
// writers return kInternal naming it instead of writing `null` where a number belongs
// (an ok plan once came out with `"score": null`).
TEST(SavePlanTest, NonFiniteNumbersAreAnErrorNotNull) {
  Plan plan = FullPlan();
  plan.score = std::numeric_limits<double>::infinity();
  EXPECT_THAT(SavePlan(plan), StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(PathRules(SavePlan(plan).status()),
              ::testing::ElementsAre(std::string("score") + ": internal"));
  plan = FullPlan();
  plan.score_terms->at(static_cast<int>(ScoreTerm::kVariety)) =
      std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(PathRules(SavePlan(plan).status()),
              ::testing::ElementsAre(std::string("score_terms.variety") + ": internal"));

  Evaluation evaluation;
  evaluation.score = -std::numeric_limits<double>::infinity();
  EXPECT_THAT(PathRules(SaveEvaluation(evaluation).status()),
              ::testing::ElementsAre(std::string("score") + ": internal"));
  evaluation.score = 1;
  evaluation.penalties.windows = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(PathRules(SaveEvaluation(evaluation).status()),
              ::testing::ElementsAre(std::string("penalties.windows") + ": internal"));

  Plan next = FullPlan();
  next.score = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(PathRules(SaveNextWeek(Profile{}, next).status()),
              ::testing::ElementsAre(std::string("plan.score") + ": internal"));
}

// SavePlan and SavePlanLine write directly, not through a JSON document: they must give
// the bytes of the plan's document (internal::PlanToJson) as nlohmann writes it,
// indented and on one line, for every field, string and number.
void ExpectDocumentBytes(const Plan& plan) {
  const internal::Json document = internal::PlanToJson(plan);
  EXPECT_EQ(SavePlan(plan).value(), internal::DumpDocument(document));
  EXPECT_EQ(SavePlanLine(plan).value(), document.dump(-1, ' ', /*ensure_ascii=*/false,
                                                      internal::Json::error_handler_t::replace));
}

TEST(SavePlanWriterTest, BytesOfTheDocumentOnOneLine) {
  std::vector<Plan> plans = {FullPlan(), Plan{}};
  Plan infeasible;
  infeasible.status = PlanStatus::kInfeasible;
  infeasible.diagnosis = {{"too_few_days", "Only 2 days have 15 or more minutes available."}};
  plans.push_back(infeasible);
  Plan refer = FullPlan();
  refer.status = PlanStatus::kRefer;
  refer.score.reset();
  refer.score_terms.reset();
  refer.solver->proven_optimal.reset();
  refer.solver->gap.reset();
  refer.solver->cut_short = true;
  plans.push_back(refer);
  Plan repaired = FullPlan();
  repaired.changes = std::vector<PlanChange>{{0, "plank", ChangeKind::kRemoved},
                                             {4, "walking", ChangeKind::kAdded}};
  repaired.days[2].day = -3;  // out of range: an empty name
  repaired.score = -1e-7;
  repaired.score_terms->fill(1e21);
  repaired.solver->gap = 5e-324;
  repaired.solver->seed = 0;
  plans.push_back(repaired);
  Plan text = FullPlan();  // escapes, control characters, UTF-8 valid and not
  text.days[0].items[0].notes = {"", "\"quoted\" \\ back/slash", "tab\tnew\nline\r\b\f",
                                 std::string("nul\0\x01\x1f\x7f", 8)};
  text.days[0].items[1].reasons = {"caf\xc3\xa9 \xe2\x80\x94 ok", "bad \xff\xfe byte",
                                   "cut \xe2\x80", "\xed\xa0\x80 surrogate"};
  text.excluded[0].because = "\xf0\x9f\x92\xaa\"";
  text.advisories[0].code = "\x1b[1m";
  text.provenance->library = "\xc3";
  plans.push_back(text);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    SCOPED_TRACE(i);
    ExpectDocumentBytes(plans[i]);
  }
}

// Generated strings of any bytes and doubles of any finite bit pattern (a fixed seed).
TEST(SavePlanWriterTest, GeneratedStringsAndNumbers) {
  std::mt19937_64 random(2026);
  const auto text = [&random] {
    std::string s(random() % 12, ' ');
    for (char& ch : s) {
      const uint64_t pick = random() % 4;
      // Mostly ASCII, some control characters and some high bytes.
      ch = static_cast<char>(pick == 0   ? random() % 0x20
                             : pick == 1 ? 0x80 + random() % 0x80
                                         : 0x20 + random() % 0x60);
    }
    return s;
  };
  const auto number = [&random] {
    double x;
    do {
      const uint64_t bits = random();
      std::memcpy(&x, &bits, sizeof x);
    } while (!std::isfinite(x));
    return x;
  };
  for (int round = 0; round < 300; ++round) {
    SCOPED_TRACE(round);
    Plan plan = FullPlan();
    plan.score = number();
    for (double& term : *plan.score_terms) term = random() % 2 ? number() : double(random() % 100);
    plan.solver->gap = number();
    plan.solver->seed = random();
    for (PlanItem& item : plan.days[0].items) {
      item.exercise = text();
      item.notes = {text(), text()};
      item.reasons = {text()};
    }
    for (Exclusion& e : plan.excluded) {
      e.reason = text();
      if (e.because) e.because = text();
    }
    plan.advisories[1].text = text();
    ExpectDocumentBytes(plan);
  }
}

TEST(SavePlanWriterTest, AppendsAndLeavesTheBufferAloneOnError) {
  std::string buffer = "before\n";
  ASSERT_THAT(AppendPlanLine(FullPlan(), buffer), IsOk());
  EXPECT_EQ(buffer, "before\n" + SavePlanLine(FullPlan()).value());
  const std::string kept = buffer;
  Plan plan = FullPlan();
  plan.solver->gap = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(PathRules(AppendPlanLine(plan, buffer)),
              ::testing::ElementsAre(std::string("solver.gap") + ": internal"));
  EXPECT_EQ(buffer, kept);
}

}  // namespace
}  // namespace backbalance
