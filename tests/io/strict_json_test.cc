// The strict JSON layer under every loader (src/io/strict_json.h, internal).
#include "../../src/io/strict_json.h"

#include <string>
#include <vector>

#include "backbalance/io/document.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace backbalance::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Lines = std::vector<std::string>;

Lines PathRules(const JsonReader& reader) {
  Lines out;
  for (const Problem& p : reader.problems()) out.push_back(p.path + ": " + p.rule);
  return out;
}

TEST(ParseTest, KeepsKeyOrder) {
  JsonReader reader;
  auto value = reader.Parse(R"({"z": 1, "a": [true, null, "s", -2, 18446744073709551615, 1.5]})");
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ((*value)->dump(), R"({"z":1,"a":[true,null,"s",-2,18446744073709551615,1.5]})");
  EXPECT_EQ(reader.problem_count(), 0u);
}

TEST(ParseTest, DuplicateKeysAreReportedAndTheFirstValueKept) {
  JsonReader reader;
  auto value = reader.Parse(
      R"({"a": {"b": 1, "b": {"c": [1, {"deep": 2}]}}, "d": [{"x": 1, "x": 2}], "a": 3})");
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(PathRules(reader),
            (Lines{"a.b: duplicate_key", "d[0].x: duplicate_key", "a: duplicate_key"}));
  EXPECT_EQ((*value)->dump(), R"({"a":{"b":1},"d":[{"x":1}]})");
  EXPECT_TRUE(reader.IsReported("a.b"));
}

TEST(ParseTest, DepthLimit) {
  {
    JsonReader reader;
    const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
    EXPECT_TRUE(reader.Parse(ok).has_value());
  }
  JsonReader reader;
  const std::string deep =
      std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_FALSE(reader.Parse(deep).has_value());
  ASSERT_EQ(reader.problem_count(), 1u);
  EXPECT_EQ(reader.problems()[0].rule, "depth");
  // A very deep document stops early rather than recursing.
  JsonReader deeper;
  EXPECT_FALSE(deeper.Parse(std::string(1000000, '[')).has_value());
  EXPECT_EQ(deeper.problems()[0].rule, "depth");
}

TEST(ParseTest, StringLengthLimit) {
  JsonReader reader;
  const std::string fits(kMaxStringLength, 'x');
  const std::string long_one(kMaxStringLength + 1, 'x');
  auto value = reader.Parse("{\"a\": \"" + fits + "\", \"b\": [\"" + long_one + "\"], \"" +
                            long_one + "\": 1}");
  ASSERT_TRUE(value.has_value());
  ASSERT_EQ(reader.problem_count(), 2u);
  EXPECT_EQ(reader.problems()[0].path, "b[0]");
  EXPECT_EQ(reader.problems()[0].rule, "length");
  EXPECT_EQ(reader.problems()[1].rule, "length");  // the long key
  EXPECT_EQ((*value)->size(), 2u);                 // its value is dropped
}

TEST(ParseTest, TooLarge) {
  JsonReader reader;
  std::string big(kMaxDocumentBytes + 1, ' ');
  big[0] = '1';
  EXPECT_FALSE(reader.Parse(big).has_value());
  EXPECT_EQ(PathRules(reader), Lines{": too_large"});
}

TEST(ParseTest, SyntaxErrors) {
  for (const std::string& text :
       {std::string(""), std::string("{"), std::string("{\"a\": 1,}"), std::string("{} {}"),
        std::string("[1, 2"), std::string("{\"a\" 1}"), std::string("nul"), std::string("01"),
        std::string("\"\\ud800\""), std::string("\"\xc3\x28\""), std::string("\"\xc0\xaf\""),
        std::string("\"\xed\xa0\x80\""), std::string("\"tab\there\""), std::string("1e400"),
        std::string("[1, 2]\xff"), std::string("{\"a\": 1} // comment")}) {
    JsonReader reader;
    EXPECT_FALSE(reader.Parse(text).has_value()) << text;
    ASSERT_EQ(reader.problem_count(), 1u) << text;
    EXPECT_EQ(reader.problems()[0].path, "") << text;
    EXPECT_EQ(reader.problems()[0].rule, "syntax") << text;
    EXPECT_THAT(reader.problems()[0].detail, HasSubstr("at byte ")) << text;
    // Details stay printable: no raw control or non-ASCII bytes from the input.
    for (char c : reader.problems()[0].detail) {
      EXPECT_TRUE(c >= 0x20 && c < 0x7f) << text;
    }
  }
}

TEST(ParseTest, ValidUtf8AndByteOrderMark) {
  JsonReader reader;
  auto value = reader.Parse("\xEF\xBB\xBF{\"name\": \"Pos\xC3\xA9 \xF0\x9F\x98\x80\"}");
  ASSERT_TRUE(value.has_value()) << PathRules(reader)[0];
  EXPECT_EQ((**value)["name"], "Pos\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(ReaderTest, Integers) {
  JsonReader reader;
  auto value = reader.Parse(
      R"({"a": 5, "b": 5.0, "c": 99, "d": -1, "e": 1e30, "f": "5", "g": 18446744073709551615})");
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(reader.Int((**value)["a"], "a", 0, 10), 5);
  EXPECT_EQ(reader.Int((**value)["b"], "b", 0, 10), std::nullopt);
  EXPECT_EQ(reader.Int((**value)["c"], "c", 0, 10), std::nullopt);
  EXPECT_EQ(reader.Int((**value)["d"], "d", 0, 10), std::nullopt);
  EXPECT_EQ(reader.Int((**value)["e"], "e", 0, 10), std::nullopt);
  EXPECT_EQ(reader.Int((**value)["f"], "f", 0, 10), std::nullopt);
  EXPECT_EQ(reader.Int((**value)["g"], "g", 0, 10), std::nullopt);
  EXPECT_EQ(reader.Uint64((**value)["g"], "g2"), 18446744073709551615ull);
  EXPECT_EQ(PathRules(reader),
            (Lines{"b: type", "c: range", "d: range", "e: range", "f: type", "g: range"}));
  EXPECT_EQ(reader.problems()[0].detail, "must be an integer, got number");
  EXPECT_EQ(reader.problems()[1].detail, "must be an integer in 0..10, got 99");
  // A path reported once is not reported again.
  EXPECT_EQ(reader.Int((**value)["c"], "c", 0, 10), std::nullopt);
  EXPECT_EQ(reader.problem_count(), 6u);
}

TEST(ReaderTest, ObjectFieldsAndUnknownFields) {
  JsonReader reader;
  auto value = reader.Parse(R"({"known": 1, "typo": 2, "odd key": 3})");
  ASSERT_TRUE(value.has_value());
  ObjectReader object(reader, **value, "root");
  EXPECT_NE(object.Optional("known"), nullptr);
  EXPECT_EQ(object.Required("needed"), nullptr);
  object.ReportUnknownFields();
  EXPECT_EQ(PathRules(reader), (Lines{"root.needed: required", "root.typo: unknown_field",
                                      "root[\"odd key\"]: unknown_field"}));
  EXPECT_THAT(reader.problems()[1].detail, HasSubstr("known, needed"));
}

TEST(ReaderTest, ListsMarkTheirPathWhenAnElementFails) {
  JsonReader reader;
  auto value = reader.Parse(R"(["main", "bogus", "main", 3])");
  ASSERT_TRUE(value.has_value());
  auto phases = reader.List<Phase>(
      **value, "phases", /*unique=*/true,
      [&reader](const Json& v, const std::string& p) { return reader.EnumValue<Phase>(v, p); });
  ASSERT_TRUE(phases.has_value());
  EXPECT_EQ(*phases, std::vector<Phase>{Phase::kMain});
  EXPECT_EQ(PathRules(reader),
            (Lines{"phases[1]: unknown_name", "phases[2]: duplicate", "phases[3]: type"}));
  EXPECT_TRUE(reader.skip_paths().contains("phases"));
  EXPECT_THAT(reader.problems()[1].detail, HasSubstr("phases[0]"));
}

TEST(PathTest, FieldAndIndexPaths) {
  EXPECT_EQ(FieldPath("", "pain"), "pain");
  EXPECT_EQ(FieldPath("history.plan", "days"), "history.plan.days");
  EXPECT_EQ(IndexPath("days", 3), "days[3]");
  EXPECT_EQ(FieldPath("goals", "a b"), "goals[\"a b\"]");
  EXPECT_EQ(FieldPath("", ""), "[\"\"]");
  EXPECT_EQ(FieldPath("x", "say \"hi\""), "x[\"say \\\"hi\\\"\"]");
}

TEST(QuoteTest, EscapesAndShortens) {
  EXPECT_EQ(Quote("plain"), "\"plain\"");
  EXPECT_EQ(Quote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  EXPECT_EQ(Quote("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
  EXPECT_EQ(Quote("bad\xFF"), "\"bad\\xFF\"");
  EXPECT_EQ(Quote(std::string(200, 'x')), "\"" + std::string(80, 'x') + "\"...");
}

TEST(SortProblemsTest, OrdersByIndexThenFieldOrder) {
  FieldOrder order;
  order.Add("", {"schema", "items"});
  order.Add("items[]", {"id", "name", "dose"});
  order.Add("items[].dose", {"sets", "reps"});
  std::vector<Problem> problems = {
      {"zzz", "unknown_field", ""},
      {"items[10].id", "r", ""},
      {"items[2].name", "r", ""},
      {"items[2].dose.reps", "r", ""},
      {"items[2].dose.sets", "r", ""},
      {"items[2].other", "unknown_field", ""},
      {"items[2].id", "first", ""},
      {"items[2].id", "second", ""},
      {"", "type", ""},
      {"items[2]", "type", ""},
      {"schema", "schema", ""},
  };
  SortProblems(problems, order);
  Lines sorted;
  for (const Problem& p : problems) sorted.push_back(p.path + ": " + p.rule);
  EXPECT_THAT(sorted,
              ElementsAre(": type", "schema: schema", "items[2]: type", "items[2].id: first",
                          "items[2].id: second", "items[2].name: r", "items[2].dose.sets: r",
                          "items[2].dose.reps: r", "items[2].other: unknown_field",
                          "items[10].id: r", "zzz: unknown_field"));
}

}  // namespace
}  // namespace backbalance::internal
