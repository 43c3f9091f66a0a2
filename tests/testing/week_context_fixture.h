// File: tests/testing/week_context_fixture.h
//
// The fixture of tests that read what BuildWeekContext makes of a profile on a small
// catalog written in the test (catalog_builder.h): each test edits `profile_`, then reads
// Context() at the catalog positions Index() gives.
//
//   class DosesTest : public testkit::WeekContextTest {
//    protected:
//     DosesTest() : WeekContextTest(DoseCatalog()) {}
//   };
#ifndef BACKBALANCE_TESTS_TESTING_WEEK_CONTEXT_FIXTURE_H_
#define BACKBALANCE_TESTS_TESTING_WEEK_CONTEXT_FIXTURE_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/options.h"
#include "backbalance/model/profile.h"
#include "gtest/gtest.h"
#include "solver/week_context.h"

namespace backbalance::testkit {

class WeekContextTest : public ::testing::Test {
 protected:
  explicit WeekContextTest(std::shared_ptr<const Catalog> catalog) : catalog_(std::move(catalog)) {}

  // A refused profile fails the test; the empty context returned then lets the test's
  // own checks fail too instead of crashing.
  WeekContext Context(const PlannerOptions& options = {}) const {
    absl::StatusOr<WeekContext> ctx = BuildWeekContext(*catalog_, profile_, options);
    EXPECT_TRUE(ctx.ok()) << ctx.status();
    return ctx.ok() ? *std::move(ctx) : WeekContext{};
  }
  int Index(const std::string& id) const { return *catalog_->IndexOf(id); }

  std::shared_ptr<const Catalog> catalog_;
  Profile profile_;
};

}  // namespace backbalance::testkit

#endif  // BACKBALANCE_TESTS_TESTING_WEEK_CONTEXT_FIXTURE_H_
