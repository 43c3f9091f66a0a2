// Every loader takes any bytes without crashing, throwing or hanging, and turns what it
// cannot read into problems. Deterministic: the inputs come from a fixed-seed generator,
// so a failure reproduces (and becomes a named case).
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/document.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/problem.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::PathRules;

constexpr uint32_t kSeed = 23;

const char kCatalog[] = R"({"schema": "backbalance.catalog/1", "conditions": ["wrist"],
  "exercises": [
    {"id": "plank", "name": "Plank", "category": "strength", "impact": "low",
     "phases": ["main"], "primary_muscles": ["core"], "secondary_muscles": ["shoulders"],
     "minutes": 5, "dose": {"hold_seconds": 20, "reps": 3}, "rest_hours": 48,
     "contraindications": {"wrist": "caution"}, "progressions": ["side_plank"]},
    {"id": "side_plank", "name": "Side plank", "category": "strength", "impact": "low",
     "phases": ["main"], "primary_muscles": ["obliques"], "minutes": 6,
     "dose": {"sets": 2, "reps": 5}, "equipment": ["mat"], "notes": "Stack the hips."},
    {"id": "walking", "name": "Walking", "category": "aerobic", "impact": "low",
     "phases": ["warmup", "main"], "primary_muscles": [], "min_minutes": 10,
     "max_minutes": 60, "dose": {"minutes": 30}, "reviewed": false}
  ]})";

const char kPlan[] = R"({"schema": "backbalance.plan/1", "status": "ok", "score": 12.5,
  "days": [
    {"day": 0, "name": "monday", "rest": false, "minutes": 25, "items": [
      {"exercise": "walking", "phase": "warmup", "minutes": 5, "dose": {"minutes": 5},
       "notes": [], "reasons": ["aerobic"]},
      {"exercise": "plank", "phase": "main", "minutes": 20}]},
    {"day": 1, "items": []}, {"day": 2, "items": []}, {"day": 3, "items": []},
    {"day": 4, "items": []}, {"day": 5, "items": []}, {"day": 6, "items": []}],
  "excluded": [{"exercise": "running", "reason": "impact"}],
  "solver": {"backend": "heuristic", "seed": 7, "proven_optimal": null, "gap": null,
             "cut_short": false}})";

std::string Profile() {
  return std::string(R"({"schema": "backbalance.profile/1", "pain": 5, "conditions": ["sciatica"],
    "availability": [30, 30, 30, 30, 30, 30, 30], "goals": {"strength": 2}, "seed": 9,
    "history": {"plan": )") +
         kPlan + R"(, "feedback": [{"day": 0, "exercise": "plank", "completed": true,
    "rpe": 5}]}})";
}

// Runs every loader on `bytes`; returns how many accepted it. A failure must carry at
// least one problem (or be a plain resource error).
int LoadEverything(const std::string& bytes) {
  int accepted = 0;
  const auto check = [&](const absl::Status& status) {
    if (status.ok()) {
      ++accepted;
      return;
    }
    EXPECT_NE(status.code(), absl::StatusCode::kInternal) << status;
    EXPECT_FALSE(ProblemsOf(status).empty()) << status;
    EXPECT_FALSE(status.message().empty());
  };
  check(LoadCatalog(bytes).status());
  check(LoadProfile(bytes).status());
  check(LoadPlan(bytes).status());
  check(DetectDocumentKind(bytes).status());
  return accepted;
}

TEST(GarbageInputTest, ValidDocumentsLoad) {
  EXPECT_TRUE(LoadCatalog(kCatalog).ok()) << LoadCatalog(kCatalog).status();
  EXPECT_TRUE(LoadPlan(kPlan).ok()) << LoadPlan(kPlan).status();
  EXPECT_TRUE(LoadProfile(Profile()).ok()) << LoadProfile(Profile()).status();
}

TEST(GarbageInputTest, RandomBytes) {
  std::mt19937 random(kSeed);
  for (int i = 0; i < 400; ++i) {
    std::string bytes(random() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
    if (i % 4 == 0 && !bytes.empty()) bytes[0] = '{';  // get past the first byte sometimes
    EXPECT_EQ(LoadEverything(bytes), 0) << "case " << i;
  }
}

TEST(GarbageInputTest, RandomJsonTokens) {
  // Token soup that is often valid JSON, to reach the readers behind the parser.
  const std::vector<std::string> tokens = {"{",
                                           "}",
                                           "[",
                                           "]",
                                           ",",
                                           ":",
                                           "\"schema\"",
                                           "\"backbalance.catalog/1\"",
                                           "\"backbalance.plan/1\"",
                                           "\"backbalance.profile/1\"",
                                           "\"exercises\"",
                                           "\"days\"",
                                           "\"items\"",
                                           "\"id\"",
                                           "\"phase\"",
                                           "\"minutes\"",
                                           "\"dose\"",
                                           "\"history\"",
                                           "\"plan\"",
                                           "\"feedback\"",
                                           "\"day\"",
                                           "0",
                                           "-1",
                                           "7",
                                           "1e999",
                                           "3.5",
                                           "18446744073709551616",
                                           "true",
                                           "null",
                                           "\"\\u0000\"",
                                           "\"\\ud800\"",
                                           "\"\xff\"",
                                           " "};
  std::mt19937 random(kSeed + 1);
  for (int i = 0; i < 400; ++i) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 60);
    for (int k = 0; k < count; ++k) text += tokens[random() % tokens.size()];
    LoadEverything(text);  // any verdict, as long as nothing crashes and failures explain
  }
}

TEST(GarbageInputTest, TruncationsOfValidDocuments) {
  for (const std::string& document : {std::string(kCatalog), std::string(kPlan), Profile()}) {
    // Every third cut keeps the debug run short while still cutting inside every token.
    for (std::size_t length = 0; length < document.size(); length += 3) {
      const std::string prefix = document.substr(0, length);
      // Every proper prefix of these documents is cut inside the outer object.
      EXPECT_EQ(LoadEverything(prefix), 0) << "length " << length;
    }
  }
}

TEST(GarbageInputTest, MutationsOfValidDocuments) {
  std::mt19937 random(kSeed + 2);
  const std::vector<std::string> documents = {kCatalog, kPlan, Profile()};
  for (int i = 0; i < 600; ++i) {
    std::string text = documents[i % documents.size()];
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = random() % text.size();
      switch (random() % 3) {
        case 0:
          text[at] = static_cast<char>(random() & 0xFF);
          break;
        case 1:
          text.erase(at, 1 + random() % 8);
          break;
        default:
          text.insert(at, text.substr(random() % text.size(), 1 + random() % 16));
      }
      if (text.empty()) text = "{";
    }
    LoadEverything(text);
  }
}

TEST(GarbageInputTest, ProblemListsAreBounded) {
  // 50000 unknown fields: the first 10000 are listed, then one line says more were cut.
  std::string text = R"({"schema": "backbalance.plan/1")";
  for (int i = 0; i < 50000; ++i) text += ", \"f" + std::to_string(i) + "\": 0";
  text += "}";
  const absl::Status status = LoadPlan(text).status();
  const std::vector<Problem> problems = ProblemsOf(status);
  ASSERT_EQ(problems.size(), 10001u);
  EXPECT_EQ(problems.back().path, "");
  EXPECT_EQ(problems.back().rule, "too_many_problems");
  EXPECT_NE(problems.back().detail.find("at least"), std::string::npos);

  // The same through the value validator of a catalog: 3000 records, 4 faults each.
  std::string catalog = R"({"schema": "backbalance.catalog/1", "exercises": [)";
  for (int i = 0; i < 3000; ++i) {
    if (i > 0) catalog += ",";
    catalog += R"({"id": "Bad", "name": "", "category": "strength", "impact": "low",
      "phases": ["main"], "primary_muscles": ["core"], "minutes": 5,
      "dose": {"sets": 1, "reps": 5}, "rest_hours": 0, "max_per_week": 9,
      "progressions": ["nowhere"]})";
  }
  catalog += "]}";
  const std::vector<Problem> catalog_problems = ProblemsOf(LoadCatalog(catalog).status());
  ASSERT_EQ(catalog_problems.size(), 10001u);
  EXPECT_EQ(catalog_problems[0].path, "exercises[0].id");
  EXPECT_EQ(catalog_problems.back().rule, "too_many_problems");
}

// Reliability round 2, finding 1: a NUL byte ended a document silently (nlohmann's lexer
// reads it as the end of the input), so a valid document followed by "\0GARBAGE {{{"
// loaded. Every loader now reports it as a syntax problem at its byte.
TEST(GarbageInputTest, ANulByteIsASyntaxProblemWhereverItStands) {
  const std::string profile = Profile();
  for (const std::string& text :
       {std::string(kCatalog) + std::string("\0GARBAGE {{{", 12), profile + std::string("\0", 1),
        std::string(kPlan) + std::string("\0 junk", 6),
        std::string(R"({"schema": "backbalance.profile/1",)") + std::string("\0", 1) + "}"}) {
    SCOPED_TRACE(text.substr(0, 40));
    for (const absl::Status& status :
         {LoadCatalog(text).status(), LoadProfile(text).status(), LoadPlan(text).status(),
          DetectDocumentKind(text).status()}) {
      const std::vector<Problem> problems = ProblemsOf(status);
      ASSERT_EQ(problems.size(), 1u) << status;
      EXPECT_EQ(problems[0].path, "");
      EXPECT_EQ(problems[0].rule, "syntax");
      EXPECT_NE(problems[0].detail.find("a NUL byte"), std::string::npos);
    }
  }
  EXPECT_EQ(ProblemsOf(LoadProfile(std::string("{}\n\0", 4)).status())[0].detail,
            "invalid JSON at byte 3 (line 2, column 1): a NUL byte; JSON text holds none, and "
            "nothing may follow a document");
}

// Reliability round 2, finding 11: a control character (ESC, BEL, a newline, a tab, ...)
// in any text of a document would act in a terminal, a page or a calendar instead of
// being shown; every loader rejects it at its path.
TEST(GarbageInputTest, ControlCharactersInTextAreRejectedAtTheirPath) {
  std::string catalog = kCatalog;
  catalog.replace(catalog.find("\"Side plank\""), 12, R"("Side\u001b[2Jplank")");
  catalog.replace(catalog.find("Stack the hips."), 15, R"(Stack\u0007 the hips.)");
  EXPECT_EQ(ProblemsOf(LoadCatalog(catalog).status()),
            (std::vector<Problem>{
                {"exercises[1].name", "control_character",
                 "must not hold control characters (U+0000..U+001F, U+007F); got U+001B at "
                 "byte 4 of the text"},
                {"exercises[1].notes", "control_character",
                 "must not hold control characters (U+0000..U+001F, U+007F); got U+0007 at "
                 "byte 5 of the text"}}));
  for (const char* bad : {R"(\n)", R"(\t)", R"(\u0000)", R"(\u007f)", R"(\r)"}) {
    std::string plan = kPlan;
    plan.replace(plan.find("\"aerobic\""), 9, absl::StrCat("\"aer", bad, "obic\""));
    EXPECT_EQ(PathRules(LoadPlan(plan).status()),
              std::vector<std::string>{"days[0].items[0].reasons[0]: control_character"})
        << bad;
    std::string profile = Profile();
    profile.replace(profile.find("\"sciatica\""), 10, absl::StrCat("\"sci", bad, "atica\""));
    EXPECT_EQ(PathRules(LoadProfile(profile).status()),
              std::vector<std::string>{"conditions[0]: control_character"})
        << bad;
  }
}

}  // namespace
}  // namespace backbalance
