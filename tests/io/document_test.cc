#include "backbalance/io/document.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "backbalance/model/problem.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblems;
using ::backbalance::testing::StatusIs;
using ::testing::HasSubstr;
using Lines = std::vector<std::string>;

class ReadDocumentFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("bkb_document_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(ReadDocumentFileTest, ReadsBytesExactly) {
  const std::string bytes = std::string("{\"a\": 1}\n\0\xff", 11);
  ASSERT_OK_AND_ASSIGN(std::string read, ReadDocumentFile(Write("doc.json", bytes)));
  EXPECT_EQ(read, bytes);
  ASSERT_OK_AND_ASSIGN(std::string empty, ReadDocumentFile(Write("empty.json", "")));
  EXPECT_EQ(empty, "");
}

TEST_F(ReadDocumentFileTest, MissingFileIsNotFound) {
  const auto read = ReadDocumentFile((dir_ / "missing.json").string());
  EXPECT_THAT(read, StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(std::string(read.status().message()), HasSubstr("missing.json"));
  ASSERT_EQ(ProblemsOf(read.status()).size(), 1u);
  EXPECT_EQ(ProblemsOf(read.status())[0].rule, "unreadable");
}

TEST_F(ReadDocumentFileTest, DirectoryIsNotFound) {
  EXPECT_THAT(ReadDocumentFile(dir_.string()), StatusIs(absl::StatusCode::kNotFound));
}

TEST(DetectDocumentKindTest, EachKnownSchema) {
  EXPECT_EQ(*DetectDocumentKind(R"({"schema": "backbalance.catalog/1"})"), DocumentKind::kCatalog);
  EXPECT_EQ(*DetectDocumentKind(R"({"pain": 3, "schema": "backbalance.profile/1"})"),
            DocumentKind::kProfile);
  EXPECT_EQ(*DetectDocumentKind(R"({"schema": "backbalance.plan/1", "days": []})"),
            DocumentKind::kPlan);
}

TEST(DetectDocumentKindTest, LeavesNonFatalProblemsToTheLoader) {
  // A duplicate key elsewhere does not hide the kind; LoadPlan reports it.
  EXPECT_EQ(*DetectDocumentKind(R"({"schema": "backbalance.plan/1", "a": 1, "a": 2})"),
            DocumentKind::kPlan);
}

TEST(DetectDocumentKindTest, Problems) {
  EXPECT_THAT(DetectDocumentKind(R"({"schema": "backbalance.week/1"})"),
              HasProblems(Lines{"schema: unknown_name"}));
  EXPECT_THAT(DetectDocumentKind(R"({"schema": 1})"), HasProblems(Lines{"schema: type"}));
  EXPECT_THAT(DetectDocumentKind(R"({"pain": 1})"), HasProblems(Lines{"schema: required"}));
  EXPECT_THAT(DetectDocumentKind(R"(["schema"])"), HasProblems(Lines{": type"}));
  EXPECT_THAT(DetectDocumentKind("{\"schema\": "), HasProblems(Lines{": syntax"}));
  EXPECT_THAT(DetectDocumentKind(""), HasProblems(Lines{": syntax"}));
}

}  // namespace
}  // namespace backbalance
