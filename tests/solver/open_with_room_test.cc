// The end pass that opens a rest day the volume cap keeps closed
// (SearchSettings::open_with_room, which `default` and `thorough` run). Over small drawn
// catalogs under the default options, where a first week's volume cap binds, a search
// with it never ends below the same search without it, its weeks keep every hard rule,
// and it raises some weeks.
#include <cstdio>
#include <memory>
#include <optional>

#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"
#include "solver/feasibility.h"
#include "solver/heuristic_search.h"
#include "solver/quality.h"
#include "solver/search_week.h"
#include "solver/week_context.h"
#include "testing/catalog_builder.h"
#include "testing/small_case_drawer.h"

namespace backbalance {
namespace {

constexpr double kRounding = 1e-9;

TEST(OpenWithRoomTest, NeverLowersASearchsWeekAndRaisesSome) {
  testing::SmallCaseDrawer draw(/*seed=*/5);
  const PlannerOptions options;  // a first week: the volume cap by fitness binds
  int weeks = 0, raised = 0;
  for (int i = 0; i < 400; ++i) {
    const std::shared_ptr<const Catalog> catalog = testkit::MakeCatalog(draw.Catalog());
    const Profile person = draw.Person();
    absl::StatusOr<WeekContext> ctx = BuildWeekContext(*catalog, person, options);
    ASSERT_TRUE(ctx.ok()) << ctx.status();
    const internal::WeekRules rules(*catalog, *ctx, options);
    const internal::Feasibility feasibility = internal::AnalyseFeasibility(rules);
    if (feasibility.verdict != internal::Feasibility::Verdict::kFeasible) continue;
    // `default`'s first search alone, short, so that the pass runs last and has work.
    internal::SearchSettings with = internal::SettingsFor(options);
    with.rounds = 20;
    with.second_rounds = with.additions_first_rounds = 0;
    with.escalation_rounds = 0;
    with.stop_at_bound = false;
    ASSERT_TRUE(with.open_with_room);
    internal::SearchSettings without = with;
    without.open_with_room = false;
    const auto week = [&](const internal::SearchSettings& settings) {
      return internal::SearchBestWeek(rules, feasibility.week, 3, settings, std::nullopt).week;
    };
    const internal::SearchWeek opened = week(with);
    ASSERT_TRUE(rules.Valid(opened)) << "draw " << i;
    const double before = rules.Score(week(without)), after = rules.Score(opened);
    EXPECT_GE(after, before - kRounding) << "draw " << i;
    raised += after > before + kRounding;
    ++weeks;
  }
  EXPECT_GT(weeks, 100);
  EXPECT_GT(raised, 0);  // the setting is live
  std::printf("  %d weeks: opening days with room made raised %d\n", weeks, raised);
}

}  // namespace
}  // namespace backbalance
