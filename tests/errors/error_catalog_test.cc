// The error catalogue (docs/errors.md) is complete and every code in it is real.
//
// docs/errors.md lists each code in a table whose `reached by` column says how it can
// happen: `input` (some document, profile, plan or option produces it), `fault` (only a
// failure of the machine, such as running out of memory), `build` (only a build
// configuration) or `bug` (only a bug in backbalance; unreachable by design). This test
//   - produces every `input` status and document rule code from a real input (the cases
//     below) and checks that every rule code those inputs produce is documented;
//   - produces every `input` diagnosis code by planning a week for a crafted catalog and
//     profile, and checks that every diagnosis it sees is documented;
//   - finds every plan-level code (plan statuses, violation rules, exclusion reasons,
//     advisories) in the expectations of some other test (tests/**, goldens included);
//   - finds every `fault` status in the expectations of the allocation-failure test
//     (tests/faults), which reaches them by failing allocations on purpose.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/document.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/options.h"
#include "backbalance/model/problem.h"
#include "backbalance/solver/planner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/catalog_builder.h"

namespace backbalance {
namespace {

namespace fs = std::filesystem;
using testkit::ExerciseBuilder;

// ---- docs/errors.md ------------------------------------------------------------------

struct DocumentedCode {
  std::string table;  // the header of its table's first column: status, rule, ...
  std::string code;
  std::string reached_by;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every row of every table whose header has a `reached by` column, with the code taken
// from the first cell's backquotes (`range`; `kInvalidArgument`).
std::vector<DocumentedCode> DocumentedCodes() {
  std::vector<DocumentedCode> codes;
  std::vector<std::string> header;
  int reached_column = -1;
  for (absl::string_view line :
       absl::StrSplit(ReadFile(fs::path(BKB_SOURCE_DIR) / "docs/errors.md"), '\n')) {
    if (!absl::StartsWith(line, "|")) {
      header.clear();
      reached_column = -1;
      continue;
    }
    std::vector<std::string> cells;
    for (absl::string_view cell : absl::StrSplit(line.substr(1), '|')) {
      cells.emplace_back(absl::StripAsciiWhitespace(cell));
    }
    if (header.empty()) {
      header = cells;
      for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == "reached by") reached_column = static_cast<int>(i);
      }
      continue;
    }
    if (reached_column < 0 || absl::StartsWith(cells[0], "---")) continue;
    std::string code = cells[0];
    if (absl::StartsWith(code, "`")) code = code.substr(1, code.find('`', 1) - 1);
    codes.push_back({header[0], code, cells[reached_column]});
  }
  return codes;
}

std::set<std::string> Codes(const std::string& table, const std::string& reached_by = "") {
  std::set<std::string> out;
  for (const DocumentedCode& c : DocumentedCodes()) {
    if (c.table == table && (reached_by.empty() || c.reached_by == reached_by)) {
      out.insert(c.code);
    }
  }
  return out;
}

TEST(ErrorCatalogTest, DocumentParses) {
  const std::vector<DocumentedCode> codes = DocumentedCodes();
  ASSERT_GT(codes.size(), 50u);
  for (const DocumentedCode& c : codes) {
    EXPECT_THAT(c.reached_by, ::testing::AnyOf("input", "fault", "build", "bug"))
        << c.table << " " << c.code;
  }
  for (const char* table :
       {"status", "rule", "diagnosis", "violation", "exclusion", "advisory", "plan status"}) {
    EXPECT_FALSE(Codes(table).empty()) << "no table of " << table << " codes";
  }
}

// ---- Inputs that produce each status and rule code -----------------------------------

std::string Catalog1(const std::string& exercises, const std::string& extra = "") {
  return absl::StrCat(R"({"schema": "backbalance.catalog/1", )", extra, R"("exercises": [)",
                      exercises, "]}");
}
// A valid strength record with `more` fields spliced in; impact and phases are
// parameters because a key given twice is a problem of its own (duplicate_key).
std::string Strength(const std::string& id, const std::string& more = "",
                     const std::string& impact = "low", const std::string& phases = R"(["main"])") {
  return absl::StrCat(R"({"id": ")", id, R"(", "name": "N", "category": "strength", "impact": ")",
                      impact, R"(", "phases": )", phases,
                      R"(, "primary_muscles": ["glutes"], "minutes": 5, )",
                      R"("dose": {"sets": 2, "reps": 8})", more, "}");
}
std::string Profile1(const std::string& fields) {
  return absl::StrCat(R"({"schema": "backbalance.profile/1")", fields.empty() ? "" : ", ", fields,
                      "}");
}
std::string RestDay(int day) { return absl::StrCat(R"({"day": )", day, R"(, "items": []})"); }
std::string Plan1(const std::string& days_json) {
  return absl::StrCat(R"({"schema": "backbalance.plan/1", "status": "ok", "days": [)", days_json,
                      "]}");
}
std::string RestDays(int from, int to) {
  std::string out;
  for (int d = from; d <= to; ++d) absl::StrAppend(&out, d > from ? ", " : "", RestDay(d));
  return out;
}

struct Case {
  std::string name;
  std::function<absl::Status()> run;
};

template <typename T>
absl::Status StatusOf(const absl::StatusOr<T>& value) {
  return value.status();
}

std::vector<Case> Cases() {
  std::vector<Case> cases;
  const auto catalog = [&](std::string name, std::string text) {
    cases.push_back({std::move(name), [text] { return StatusOf(LoadCatalog(text)); }});
  };
  const auto profile = [&](std::string name, std::string text) {
    cases.push_back({std::move(name), [text] { return StatusOf(LoadProfile(text)); }});
  };
  const auto plan = [&](std::string name, std::string text) {
    cases.push_back({std::move(name), [text] { return StatusOf(LoadPlan(text)); }});
  };

  catalog("syntax", R"({"schema": )");
  catalog("syntax (a NUL byte)",
          std::string(R"({"schema": "backbalance.catalog/1"})") + std::string("\0 junk", 6));
  catalog("control_character", Catalog1(Strength("a", R"(, "notes": "ring\u0007")")));
  catalog("depth", std::string(100, '[') + std::string(100, ']'));
  cases.push_back(
      {"too_large", [] { return StatusOf(LoadCatalog(std::string(kMaxDocumentBytes + 1, ' '))); }});
  catalog(
      "length string",
      Catalog1(Strength("a", R"(, "notes": ")" + std::string(kMaxStringLength + 1, 'x') + "\"")));
  catalog("length list", Catalog1(Strength(
                             "a", R"(, "equipment": [)" + [] {
                               std::string list;
                               for (std::size_t i = 0; i <= kMaxListLength; ++i) {
                                 absl::StrAppend(&list, i ? "," : "", "\"e", i, "\"");
                               }
                               return list;
                             }() + "]")));
  catalog("duplicate_key",
          R"({"schema": "backbalance.catalog/1", "schema": "x", "exercises": []})");
  catalog("schema", R"({"schema": "backbalance.profile/1", "exercises": []})");
  catalog("required", R"({"schema": "backbalance.catalog/1"})");
  catalog("type", Catalog1(Strength("a", R"(, "difficulty": "hard")")));
  catalog("range", Catalog1(Strength("a", R"(, "rest_hours": 120)")));
  catalog("unknown_field", Catalog1(Strength("a", R"(, "colour": "red")")));
  catalog("unknown_name", Catalog1(Strength("a", "", "huge")));
  catalog("pattern", Catalog1(Strength("Bad Id")));
  catalog("empty", Catalog1(Strength("a", "", "low", "[]")));
  catalog("duplicate", Catalog1(Strength("a", R"(, "equipment": ["mat", "mat"])")));
  catalog("duplicate_id", Catalog1(Strength("a") + "," + Strength("a")));
  catalog("unknown_reference", Catalog1(Strength("a", R"(, "substitutes": ["nope"])")));
  catalog("self_reference", Catalog1(Strength("a", R"(, "substitutes": ["a"])")));
  catalog("cycle", Catalog1(Strength("a", R"(, "progressions": ["b"])") + "," +
                            Strength("b", R"(, "progressions": ["a"])")));
  catalog("warmup_impact", Catalog1(Strength("a", "", "high", R"(["warmup"])")));
  // A strength item never warms up (model 2: a warm-up is aerobic or a dynamic drill).
  catalog("warmup_not_dynamic", Catalog1(Strength("a", "", "low", R"(["warmup", "main"])")));
  catalog("cooldown_category", Catalog1(Strength("a", "", "low", R"(["cooldown"])")));
  catalog("muscle_overlap", Catalog1(Strength("a", R"(, "secondary_muscles": ["glutes"])")));
  catalog("multiple_of_5",
          Catalog1(R"({"id": "w", "name": "W", "category": "aerobic", "primary_muscles": [],
                      "min_minutes": 7, "max_minutes": 20, "dose": {"minutes": 10}})"));
  catalog("min_max",
          Catalog1(R"({"id": "w", "name": "W", "category": "aerobic", "primary_muscles": [],
                      "min_minutes": 30, "max_minutes": 20, "dose": {"minutes": 10}})"));
  catalog("forbidden",
          Catalog1(R"({"id": "w", "name": "W", "category": "aerobic", "primary_muscles": [],
                      "minutes": 5, "min_minutes": 10, "max_minutes": 20,
                      "dose": {"minutes": 10}})"));
  catalog("dose_form", Catalog1(R"({"id": "a", "name": "N", "category": "strength",
                                   "primary_muscles": ["glutes"], "minutes": 5,
                                   "dose": {"minutes": 5}})"));
  catalog("limit", Catalog1(
                       Strength("a"), R"("conditions": [)" + [] {
                         std::string list;
                         for (int i = 0; i < 64; ++i)
                           absl::StrAppend(&list, i ? "," : "", "\"c", i, "\"");
                         return list;
                       }() + "], "));
  plan("day_order", Plan1(RestDay(1) + "," + RestDay(0) + "," + RestDays(2, 6)));
  plan("day_name", Plan1(R"({"day": 0, "name": "sunday", "items": []},)" + RestDays(1, 6)));
  plan("rest_mismatch", Plan1(R"({"day": 0, "rest": false, "items": []},)" + RestDays(1, 6)));
  profile("profile range", Profile1(R"("pain": 11)"));
  profile("profile unknown_name", Profile1(R"("conditions": ["Sciatica!"])"));
  // Model 2 inputs: movements, condition rules, a pregnancy week, clinician clearances.
  catalog("movements unknown_name", Catalog1(Strength("a", R"(, "movements": ["twisting"])")));
  catalog("movements duplicate", Catalog1(Strength("a", R"(, "movements": ["prone", "prone"])")));
  catalog("condition_rules unknown_name",
          Catalog1(Strength("a"), R"("condition_rules": {"bad_knees": {"avoid": ["prone"]}}, )"));
  catalog(
      "condition_rules duplicate",
      Catalog1(Strength("a"), R"("condition_rules": {"sciatica": {"avoid": ["prone+prone"]}}, )"));
  profile("requires_condition", Profile1(R"("pregnancy_week": 24)"));
  cases.push_back({"unknown_exercise (profile meets catalog)", [] {
                     absl::StatusOr<Profile> p =
                         LoadProfile(Profile1(R"("prefer": ["tai_chi_x"], "cleared": ["y"])"));
                     if (!p.ok()) return p.status();
                     return CheckProfileAgainstCatalog(*p, *Catalog::Builtin());
                   }});
  cases.push_back({"unreadable", [] {
                     return StatusOf(ReadDocumentFile("/nonexistent/backbalance/file.json"));
                   }});
  cases.push_back({"too_many_problems", [] {
                     std::string records;
                     for (int i = 0; i < 3000; ++i) {
                       absl::StrAppend(
                           &records, i ? "," : "",
                           R"({"id": "X", "category": 1, "impact": 2, "a": 0, "b": 0})");
                     }
                     return StatusOf(LoadCatalog(Catalog1(records)));
                   }});
  cases.push_back({"unknown_use and duplicate", [] {
                     absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin());
                     Plan week = testkit::MakePlan({{0, {testkit::Main("glute_bridge", 5)}}});
                     std::vector<Feedback> feedback = {testkit::Done(0, "glute_bridge"),
                                                       testkit::Done(0, "glute_bridge"),
                                                       testkit::Done(3, "plank")};
                     return StatusOf(planner->NextWeek(Profile{}, week, feedback));
                   }});
  profile(
      "unknown_phase",
      R"({"schema": "backbalance.profile/1", "pins": [{"day": 0, "exercise": "walking", "phase": "middle"}]})");
  cases.push_back({"not_happened (replan)", [] {
                     absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin());
                     Plan week = testkit::MakePlan({{0, {testkit::Main("glute_bridge", 5)}}});
                     return StatusOf(planner->Replan(
                         Profile{}, week, 0, std::vector{testkit::Done(0, "glute_bridge")}));
                   }});
  cases.push_back({"invalid (alternatives)", [] {
                     absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin());
                     Plan week = testkit::MakePlan({{0, {testkit::Main("glute_bridge", 5)}}});
                     return StatusOf(planner->Alternatives(Profile{}, week, 0, "glute_bridge"));
                   }});
  cases.push_back({"options range", [] {
                     PlannerOptions options;
                     options.search_iterations = -1;
                     return StatusOf(Planner::Create(Catalog::Builtin(), options));
                   }});
  cases.push_back({"catalog required (null)", [] { return StatusOf(Planner::Create(nullptr)); }});
#ifndef BACKBALANCE_WITH_CBC
  cases.push_back({"exact backend without CBC", [] {
                     PlannerOptions options;
                     options.backend = "exact";
                     absl::StatusOr<Planner> planner = Planner::Create(Catalog::Builtin(), options);
                     return StatusOf(planner->PlanWeek(Profile{}));
                   }});
#endif
  return cases;
}

struct Produced {
  std::set<std::string> statuses;  // kInvalidArgument, ...
  std::set<std::string> rules;
  std::map<std::string, std::string> example;  // rule -> one problem line
};

std::string StatusName(absl::StatusCode code) {
  std::string name = absl::StatusCodeToString(code);  // "INVALID_ARGUMENT"
  std::string out = "k";
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
    } else {
      out += upper ? c : static_cast<char>(c - 'A' + 'a');
      upper = false;
    }
  }
  return out;
}

const Produced& ProducedByCases() {
  static const Produced* produced = [] {
    auto* p = new Produced;
    for (const Case& c : Cases()) {
      const absl::Status status = c.run();
      EXPECT_FALSE(status.ok()) << c.name;
      p->statuses.insert(StatusName(status.code()));
      for (const Problem& problem : ProblemsOf(status)) {
        p->rules.insert(problem.rule);
        p->example.emplace(problem.rule, problem.ToString().substr(0, 160));
      }
      // Errors built without a problem list still name a place and a rule in their text.
      if (ProblemsOf(status).empty()) {
        const std::vector<std::string> parts = absl::StrSplit(status.message(), ": ");
        if (parts.size() >= 3) p->rules.insert(parts[1]);
      }
    }
    return p;
  }();
  return *produced;
}

TEST(ErrorCatalogTest, EveryInputRuleCodeIsProducedByAnInput) {
  const Produced& produced = ProducedByCases();
  for (const std::string& rule : Codes("rule", "input")) {
    EXPECT_TRUE(produced.rules.contains(rule)) << "no case produces the rule " << rule;
  }
  // BACKBALANCE_PRINT_ERROR_EXAMPLES=1 prints one real line per rule (for docs/errors.md).
  if (std::getenv("BACKBALANCE_PRINT_ERROR_EXAMPLES") != nullptr) {
    for (const auto& [rule, line] : produced.example) std::printf("%s\n", line.c_str());
  }
}

TEST(ErrorCatalogTest, EveryProducedRuleCodeIsDocumented) {
  const std::set<std::string> documented = Codes("rule");
  for (const std::string& rule : ProducedByCases().rules) {
    EXPECT_TRUE(documented.contains(rule)) << "docs/errors.md lacks the rule " << rule;
  }
}

TEST(ErrorCatalogTest, EveryInputStatusCodeIsProducedByAnInput) {
  std::set<std::string> expected = Codes("status", "input");
#ifdef BACKBALANCE_WITH_CBC
  expected.erase("kUnimplemented");  // only without CBC (marked `build`)
#endif
  for (const std::string& code : expected) {
    EXPECT_TRUE(ProducedByCases().statuses.contains(code)) << "no case produces " << code;
  }
  for (const std::string& code : ProducedByCases().statuses) {
    EXPECT_TRUE(Codes("status").contains(code)) << "docs/errors.md lacks " << code;
  }
}

// ---- Plan-level codes ----------------------------------------------------------------

// Plans a week for a small catalog written here and returns its diagnosis codes.
std::set<std::string> DiagnosisOf(std::vector<Exercise> exercises, Profile profile,
                                  PlannerOptions options = {}) {
  absl::StatusOr<Planner> planner =
      Planner::Create(testkit::MakeCatalog(std::move(exercises)), options);
  EXPECT_TRUE(planner.ok()) << planner.status();
  if (!planner.ok()) return {};
  absl::StatusOr<Plan> plan = planner->PlanWeek(profile);
  EXPECT_TRUE(plan.ok()) << plan.status();
  std::set<std::string> codes;
  if (!plan.ok()) return codes;
  EXPECT_EQ(plan->status, PlanStatus::kInfeasible);
  for (const Diagnosis& d : plan->diagnosis) codes.insert(d.code);
  return codes;
}

ExerciseBuilder Warm(int minutes = 5) {
  return std::move(ExerciseBuilder("warm", Category::kFlexibility)
                       .Phases({Phase::kWarmup})
                       .Minutes(minutes)
                       .Primary({Muscle::kLowerBack}));
}
ExerciseBuilder Cool(int minutes = 5) {
  return std::move(ExerciseBuilder("cool", Category::kFlexibility)
                       .Phases({Phase::kCooldown})
                       .Minutes(minutes)
                       .Primary({Muscle::kHamstrings}));
}
ExerciseBuilder Lift() {
  return std::move(
      ExerciseBuilder("lift", Category::kStrength).Minutes(5).Primary({Muscle::kGlutes}));
}

TEST(ErrorCatalogTest, EveryInputDiagnosisCodeIsProducedByAPlan) {
  std::set<std::string> produced;
  const auto add = [&](const std::set<std::string>& codes) {
    produced.insert(codes.begin(), codes.end());
  };
  Profile anyone;
  add(DiagnosisOf({Lift(), Cool()}, anyone));            // no_dynamic_warmup
  add(DiagnosisOf({Warm(), Lift()}, anyone));            // no_cooldown_stretch
  add(DiagnosisOf({Warm(), Cool()}, anyone));            // no_main_item
  add(DiagnosisOf({Warm(3), Lift(), Cool()}, anyone));   // warmup_too_short
  add(DiagnosisOf({Warm(20), Lift(), Cool()}, anyone));  // warmup_too_long (15 at most)
  add(DiagnosisOf({Warm(), Lift(), Cool(3)}, anyone));   // cooldown_too_short
  // The shortest session (5 + 60 + 5 minutes) is over the 60-minute cap of fitness 2.
  Profile long_days;
  long_days.availability = {120, 120, 120, 120, 120, 120, 120};
  add(DiagnosisOf({Warm(), Lift().Minutes(60), Cool()}, long_days));  // session_cap
  // Fitness 1, no history: a first week holds 120 minutes, 3 sessions of 45 need 135.
  Profile beginner = long_days;
  beginner.fitness = 1;
  add(DiagnosisOf({Warm(), Lift().Minutes(35), Cool()}, beginner));  // first_week_cap
  Profile two_days;
  two_days.availability = {30, 0, 30, 0, 0, 0, 0};
  add(DiagnosisOf({Warm(), Lift(), Cool()}, two_days));  // too_few_days
  PlannerOptions small_cap;
  small_cap.bands[0].volume_cap = 20;
  add(DiagnosisOf({Warm(), Lift(), Cool()}, anyone, small_cap));  // volume_cap
  // Main items that may be used on 3 days in all, but not on the days there are.
  add(DiagnosisOf({Warm(), Lift().MaxPerWeek(2), Cool()}, anyone));  // main_repetition
  add(DiagnosisOf({Warm().MaxPerWeek(2), Lift(), Cool()}, anyone));  // warmup_repetition
  add(DiagnosisOf({Warm(), Lift(), Cool().MaxPerWeek(2)}, anyone));  // cooldown_repetition,
                                                                     // cooldown_stretch_repetition
  // One strength item needing 96 h of rest: at most one day in a cyclic week.
  add(DiagnosisOf({Warm(), Lift().RestHours(96), Cool()}, anyone));  // recovery
  // Two main items with 3 uses a week in all, but the long one fits no day's 20 minutes:
  // only using the short one a third time (or more time) would admit a week.
  Profile twenty;
  twenty.availability = {20, 20, 20, 20, 20, 20, 20};
  const ExerciseBuilder long_lift = std::move(ExerciseBuilder("long", Category::kStrength)
                                                  .Minutes(30)
                                                  .Primary({Muscle::kCore})
                                                  .MaxPerWeek(1));
  add(DiagnosisOf({Warm(), Lift().MaxPerWeek(2), long_lift, Cool()}, twenty));  // repetition
  // The same with the short item needing 96 h of rest: no one relaxation is enough.
  add(DiagnosisOf({Warm(), Lift().MaxPerWeek(2).RestHours(96), long_lift, Cool()},
                  twenty));  // rules_conflict
  // A moderate-impact main item on four consecutive days: at most two non-adjacent days.
  const ExerciseBuilder moderate_step = std::move(ExerciseBuilder("step", Category::kBalance)
                                                      .ImpactLevel(Impact::kModerate)
                                                      .Minutes(5)
                                                      .Primary({Muscle::kCalves}));
  Profile four_days;
  four_days.availability = {30, 30, 30, 30, 0, 0, 0};
  add(DiagnosisOf({Warm(), moderate_step, Cool()}, four_days));  // impact_spacing
  // Enough time only on Monday to Wednesday, and no two of them may both hold the
  // moderate item: time on other days (or relaxing the spacing) would admit a week.
  Profile short_days;
  short_days.availability = {30, 30, 30, 5, 5, 5, 5};
  add(DiagnosisOf({Warm(), moderate_step, Cool()}, short_days));  // daily_time
  // Clinician control: a pinned item the person excluded; two strength pins on
  // consecutive days (48 h of rest); a replan whose remaining days have no time.
  Profile pinned_excluded;
  pinned_excluded.exclude = {"lift"};
  pinned_excluded.pins = {{0, "lift", std::nullopt, std::nullopt}};
  add(DiagnosisOf({Warm(), Lift(), Cool()}, pinned_excluded));  // pinned_ineligible
  Profile pinned_twice;
  pinned_twice.pins = {{0, "lift", std::nullopt, std::nullopt},
                       {1, "lift", std::nullopt, std::nullopt}};
  add(DiagnosisOf({Warm(), Lift(), Cool()}, pinned_twice));  // pins_conflict
  {
    absl::StatusOr<Planner> planner =
        Planner::Create(testkit::MakeCatalog({Warm(), Lift(), Cool()}));
    Profile little_time;
    little_time.availability = {30, 30, 0, 0, 0, 0, 0};
    absl::StatusOr<Plan> plan = planner->Replan(little_time, Plan{}, 1, std::nullopt);
    EXPECT_TRUE(plan.ok()) << plan.status();
    if (plan.ok()) {
      for (const Diagnosis& d : plan->diagnosis) produced.insert(d.code);  // replan_conflict
    }
  }
  for (const std::string& code : Codes("diagnosis", "input")) {
    EXPECT_TRUE(produced.contains(code)) << "no plan here produces the diagnosis " << code;
  }
  for (const std::string& code : produced) {
    EXPECT_TRUE(Codes("diagnosis").contains(code)) << "docs/errors.md lacks diagnosis " << code;
  }
}

// The text of every test source and golden file except this test's own.
const std::string& TestTexts() {
  static const std::string* texts = [] {
    auto* all = new std::string;
    const fs::path root = fs::path(BKB_SOURCE_DIR) / "tests";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      const std::string path = entry.path().string();
      if (path.find("/tests/errors/") != std::string::npos) continue;
      if (path.find("/tests/fuzz/corpus/") != std::string::npos) continue;
      *all += ReadFile(entry.path());
      *all += '\n';
    }
    return all;
  }();
  return *texts;
}

// Codes another test checks: each must appear quoted ("H5", "impact") or as the
// prefix of a parameterised code ("contraindicated:sciatica") in some test's text.
TEST(ErrorCatalogTest, EveryPlanLevelCodeIsCheckedBySomeTest) {
  for (const char* table : {"violation", "exclusion", "advisory", "plan status"}) {
    for (const std::string& code : Codes(table, "input")) {
      const std::string bare = code.substr(0, code.find(':'));
      const bool found = TestTexts().find("\"" + code + "\"") != std::string::npos ||
                         TestTexts().find("\"" + bare + ":") != std::string::npos ||
                         TestTexts().find(": " + code + " ") != std::string::npos;
      EXPECT_TRUE(found) << "no test mentions the " << table << " code " << code;
    }
  }
}

// The `fault` statuses are reached through the test-only seam of tests/faults (a global
// operator new that fails on demand): each must be what that test expects.
TEST(ErrorCatalogTest, EveryFaultStatusIsReachedByTheAllocationFailureTest) {
  const std::string seam =
      ReadFile(fs::path(BKB_SOURCE_DIR) / "tests/faults/allocation_failure_test.cc");
  ASSERT_FALSE(seam.empty());
  const std::set<std::string> faults = Codes("status", "fault");
  EXPECT_FALSE(faults.empty());
  for (const std::string& code : faults) {
    EXPECT_NE(seam.find("absl::StatusCode::" + code), std::string::npos)
        << "tests/faults does not reach the fault status " << code;
  }
}

}  // namespace
}  // namespace backbalance
