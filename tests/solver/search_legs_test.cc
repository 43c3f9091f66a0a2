// The searches of one plan (heuristic_search.cc, BestOfLegs): a later search replaces the
// week only when it scores higher, so with the end passes after each search `default`'s
// greedy search and its search climbed additions first never lower the week of the first
// search alone; climbing additions first is a climb of its own, which ends in other weeks
// on some profiles; and `default`'s end passes run once, on the best week, which changes
// some weeks by little. Checked with the stop at the bound turned off, so that every
// search runs all its rounds, and without the fourth search.
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "backbalance/catalog/catalog.h"
#include "gtest/gtest.h"
#include "solver/feasibility.h"
#include "solver/heuristic_search.h"
#include "solver/quality.h"
#include "solver/search_week.h"
#include "solver/week_context.h"
#include "testing/profile_generator.h"

namespace backbalance {
namespace {

constexpr double kRounding = 1e-9;

// The scores of the week of each search setting, one generated profile.
struct Scores {
  double first = 0;      // the short-item search alone
  double two = 0;        // and the greedy one
  double all = 0;        // and the search climbed additions first (`default`)
  double additions = 0;  // the short-item search alone, climbed additions first
  double shipped = 0;    // all three, the end passes once on the best week (`default`)
};

std::optional<Scores> SearchScores(const Profile& profile) {
  PlannerOptions options;
  const absl::StatusOr<WeekContext> ctx = BuildWeekContext(*Catalog::Builtin(), profile, options);
  EXPECT_TRUE(ctx.ok()) << ctx.status();
  if (!ctx.ok() || ctx->refer) return std::nullopt;
  const internal::WeekRules rules(*Catalog::Builtin(), *ctx, options);
  const internal::Feasibility feasibility = internal::AnalyseFeasibility(rules);
  if (feasibility.verdict != internal::Feasibility::Verdict::kFeasible) return std::nullopt;
  internal::SearchSettings shipped = internal::SettingsFor(options);
  shipped.stop_at_bound = false;
  // Without the fourth search (escalate_below), which runs for the weeks still far below
  // their bound and since the twelfth pass of issue 16 lifts the three settings to the same
  // weeks on these profiles: the searches compared are each setting's own.
  shipped.escalation_rounds = 0;
  internal::SearchSettings all = shipped;
  all.end_passes_each_search = true;
  const auto score = [&](const internal::SearchSettings& settings) {
    return rules.Score(
        internal::SearchBestWeek(rules, feasibility.week, profile.seed, settings, std::nullopt)
            .week);
  };
  internal::SearchSettings two = all;
  two.additions_first_rounds = 0;
  internal::SearchSettings first = two;
  first.second_rounds = 0;
  internal::SearchSettings additions = first;
  additions.additions_first = true;
  return Scores{score(first), score(two), score(all), score(additions), score(shipped)};
}

TEST(SearchLegsTest, LaterSearchesNeverLowerTheWeekAndAdditionsFirstClimbsOtherwise) {
  testing::ProfileGenerator generator(*Catalog::Builtin(), 4242);
  int weeks = 0, raised_by_third = 0, other_weeks = 0;
  for (int i = 0; i < 40; ++i) {
    const std::optional<Scores> s = SearchScores(generator.Next());
    if (!s) continue;
    ++weeks;
    EXPECT_GE(s->two, s->first - kRounding) << "profile " << i;
    EXPECT_GE(s->all, s->two - kRounding) << "profile " << i;
    raised_by_third += s->all > s->two + kRounding;
    other_weeks += s->additions < s->first - kRounding || s->additions > s->first + kRounding;
  }
  EXPECT_GT(weeks, 25);
  // Climbing additions first reaches other weeks, and the third search keeps some.
  EXPECT_GT(other_weeks, 0);
  EXPECT_GT(raised_by_third, 0);
  std::printf("  %d weeks: the third search raised %d; additions first ended elsewhere on %d\n",
              weeks, raised_by_third, other_weeks);
}

// The end passes once, on the best of the three weeks, rather than after each search: a
// search whose week would overtake the best only by those passes is lost, so some weeks
// differ, by little (on 1,000 generated profiles at most 1.8 %); the 3 % bounds
// that loss here.
TEST(SearchLegsTest, EndPassesOnceOnTheBestWeekLoseLittle) {
  testing::ProfileGenerator generator(*Catalog::Builtin(), 4242);
  int weeks = 0, differ = 0;
  for (int i = 0; i < 40; ++i) {
    const std::optional<Scores> s = SearchScores(generator.Next());
    if (!s) continue;
    ++weeks;
    EXPECT_GE(s->shipped, 0.97 * s->all) << "profile " << i;
    differ += std::abs(s->shipped - s->all) > kRounding;
  }
  EXPECT_GT(weeks, 25);
  // The setting is live: with the end passes after each search no week would differ.
  EXPECT_GT(differ, 0);
  std::printf("  %d weeks: %d differ with the end passes once\n", weeks, differ);
}

}  // namespace
}  // namespace backbalance
