// The rebuild of one or two days by a beam search (solver/day_rebuild.h), on weeks the
// `fast` level plans for generated profiles, on the built-in catalog and the three
// redrawn ones of tests/golden/gap/catalogs: every rebuilt week keeps H1-H10; a rebuild
// that must not lower the week never does, and when it changes nothing the week is the
// very same; the days not rebuilt never change; a day with a pinned use or a day that
// happened is left alone; the same week gives the same result; and the rebuild raises
// a share of the `fast` weeks (a broken beam raises none).
#include "solver/day_rebuild.h"

#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/catalog_json.h"
#include "gtest/gtest.h"
#include "solver/candidates.h"
#include "solver/feasibility.h"
#include "solver/heuristic_search.h"
#include "solver/quality.h"
#include "solver/search_week.h"
#include "solver/week_context.h"
#include "solver/week_state.h"
#include "testing/profile_generator.h"

namespace backbalance {
namespace {

constexpr double kRounding = 1e-9;

std::vector<std::shared_ptr<const Catalog>> Catalogs() {
  std::vector<std::shared_ptr<const Catalog>> catalogs{Catalog::Builtin()};
  for (const char* name : {"short_items", "long_items", "mixed_lengths"}) {
    const absl::StatusOr<std::shared_ptr<const Catalog>> catalog = LoadCatalogFile(
        std::string(BKB_SOURCE_DIR) + "/tests/golden/gap/catalogs/" + name + ".json");
    EXPECT_TRUE(catalog.ok()) << catalog.status();
    if (catalog.ok()) catalogs.push_back(*catalog);
  }
  return catalogs;
}

// One generated profile's rules and the week `fast` plans for it, with what a rebuilder
// needs; nullopt when the profile has no week to plan.
struct Case {
  std::shared_ptr<const Catalog> catalog;
  PlannerOptions options;
  WeekContext context;
  std::unique_ptr<internal::WeekRules> rules;
  internal::SearchWeek start;  // the feasibility analysis' week, where searches begin
  internal::SearchWeek week;
  std::array<std::vector<int>, 3> candidates;
  std::vector<internal::DurationRange> ranges;
};

std::unique_ptr<Case> MakeCase(std::shared_ptr<const Catalog> catalog, const Profile& profile) {
  auto c = std::make_unique<Case>();
  c->catalog = std::move(catalog);
  c->options.quality = "fast";
  absl::StatusOr<WeekContext> ctx = BuildWeekContext(*c->catalog, profile, c->options);
  EXPECT_TRUE(ctx.ok()) << ctx.status();
  if (!ctx.ok() || ctx->refer) return nullptr;
  c->context = *std::move(ctx);
  c->rules = std::make_unique<internal::WeekRules>(*c->catalog, c->context, c->options);
  const internal::Feasibility feasibility = internal::AnalyseFeasibility(*c->rules);
  if (feasibility.verdict != internal::Feasibility::Verdict::kFeasible) return nullptr;
  c->start = feasibility.week;
  c->week = internal::SearchBestWeek(*c->rules, c->start, profile.seed,
                                     internal::SettingsFor(c->options), std::nullopt)
                .week;
  c->candidates = internal::CandidatesByPhase(*c->rules);
  for (std::size_t e = 0; e < c->catalog->compiled().exercises.size(); ++e) {
    c->ranges.push_back(c->rules->Durations(static_cast<int>(e)));
  }
  return c;
}

// Calls `check(case, i)` for each of the first `count` profiles (generator `seed`) of
// every catalog that has a week to plan; stops at the first fatal failure.
template <typename Check>
void ForEachCase(uint64_t seed, int count, Check check) {
  for (const auto& catalog : Catalogs()) {
    testing::ProfileGenerator generator(*catalog, seed);
    for (int i = 0; i < count; ++i) {
      const std::unique_ptr<Case> c = MakeCase(catalog, generator.Next());
      if (c == nullptr) continue;
      check(*c, i);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

std::vector<int> TrainingDays(const internal::SearchWeek& week) {
  std::vector<int> days;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (week.Training(d)) days.push_back(d);
  }
  return days;
}

// Every single day and every pair of training days of the `fast` week, rebuilt with and
// without `keep_lower`.
TEST(DayRebuildTest, RebuiltWeeksKeepEveryRuleAndOnlyTheirDaysChange) {
  int rebuilds = 0, raised = 0, kept_lower = 0, weeks = 0, weeks_raised = 0;
  ForEachCase(77, 25, [&](const Case& c, int i) {
    ASSERT_TRUE(c.rules->Valid(c.week));
    ++weeks;
    const double start = c.rules->Score(c.week);
    internal::DayRebuilder rebuilder(*c.rules, c.candidates, c.ranges);
    const std::vector<int> training = TrainingDays(c.week);
    std::vector<std::vector<int>> sets;
    for (std::size_t a = 0; a < training.size(); ++a) {
      sets.push_back({training[a]});
      for (std::size_t b = a + 1; b < training.size(); ++b) {
        sets.push_back({training[b], training[a]});
      }
    }
    bool week_raised = false;
    for (const std::vector<int>& days : sets) {
      for (const bool keep_lower : {false, true}) {
        const std::string where = "catalog " + c.catalog->sha256().substr(0, 8) + " profile " +
                                  std::to_string(i) + " days " + std::to_string(days[0]) +
                                  (days.size() > 1 ? "," + std::to_string(days[1]) : "") +
                                  (keep_lower ? " keep_lower" : "");
        internal::WeekState state(*c.rules);
        state.Load(c.week);
        const bool changed = rebuilder.Rebuild(state, days, keep_lower);
        ++rebuilds;
        const internal::SearchWeek& after = state.week();
        EXPECT_TRUE(c.rules->Valid(after)) << where;
        for (int d = 0; d < kDaysPerWeek; ++d) {
          if (std::find(days.begin(), days.end(), d) != days.end()) continue;
          EXPECT_EQ(after.days[d], c.week.days[d]) << where << " day " << d;
        }
        const double score = c.rules->Score(after);
        EXPECT_NEAR(state.Score(), score, 1e-9) << where;
        if (!changed) {
          EXPECT_EQ(after, c.week) << where;
          continue;
        }
        if (!keep_lower) {
          EXPECT_GT(score, start) << where;
          ++raised;
          week_raised = true;
        } else {
          kept_lower += score < start - kRounding;
        }
      }
    }
    weeks_raised += week_raised;
  });
  EXPECT_GT(weeks, 60);
  // The beam improves some `fast` weeks, and the tear-down keeps some lower ones.
  EXPECT_GT(weeks_raised, weeks / 10);
  EXPECT_GT(kept_lower, 0);
  std::printf("  %d rebuilds of %d weeks: %d raised a week (%d weeks raised), %d kept lower\n",
              rebuilds, weeks, raised, weeks_raised, kept_lower);
}

// A rebuild that requires a category gives the days a use of it whenever it changes the
// week, and the week keeps every rule; on weeks that lack a category it often can.
TEST(DayRebuildTest, ARequiredCategoryIsHeldByTheRebuiltDay) {
  int forced = 0, held = 0;
  ForEachCase(31, 15, [&](const Case& c, int i) {
    internal::DayRebuilder rebuilder(*c.rules, c.candidates, c.ranges);
    for (int d : TrainingDays(c.week)) {
      for (int k = 0; k < kCategoryCount; ++k) {
        const auto category = static_cast<Category>(k);
        internal::WeekState state(*c.rules);
        state.Load(c.week);
        const std::array<int, 1> day{d};
        ++forced;
        if (!rebuilder.Rebuild(state, day, /*keep_lower=*/true, category)) {
          EXPECT_EQ(state.week(), c.week) << "profile " << i << " day " << d;
          continue;
        }
        EXPECT_TRUE(c.rules->Valid(state.week())) << "profile " << i << " day " << d;
        bool holds = false;
        for (const internal::Use& u : state.week().days[d]) {
          holds = holds || c.catalog->compiled().exercises[u.exercise].category == category;
        }
        EXPECT_TRUE(holds) << "profile " << i << " day " << d << " category " << k;
        held += holds;
      }
    }
  });
  EXPECT_GT(held, forced / 4);
  std::printf("  %d rebuilds required a category; %d gave a day holding it\n", forced, held);
}

// A rebuild reads nothing but its inputs: two rebuilders of one week give the same week.
TEST(DayRebuildTest, TheSameWeekGivesTheSameRebuild) {
  const auto catalogs = Catalogs();
  ASSERT_FALSE(catalogs.empty());
  testing::ProfileGenerator generator(*catalogs.back(), 5);
  int compared = 0;
  for (int i = 0; i < 20; ++i) {
    const std::unique_ptr<Case> c = MakeCase(catalogs.back(), generator.Next());
    if (c == nullptr) continue;
    const std::vector<int> training = TrainingDays(c->week);
    if (training.size() < 2) continue;
    const std::array<int, 2> days{training[1], training[0]};
    internal::WeekState one(*c->rules), two(*c->rules);
    one.Load(c->week);
    two.Load(c->week);
    internal::DayRebuilder first(*c->rules, c->candidates, c->ranges);
    internal::DayRebuilder second(*c->rules, c->candidates, c->ranges);
    // The first rebuilder is used twice: its scratch carries nothing from one to the next.
    internal::WeekState warm(*c->rules);
    warm.Load(c->week);
    first.Rebuild(warm, std::span<const int>(days.data(), 1), true);
    EXPECT_EQ(first.Rebuild(one, days, true), second.Rebuild(two, days, true));
    EXPECT_EQ(one.week(), two.week()) << "profile " << i;
    ++compared;
  }
  EXPECT_GT(compared, 5);
}

// A day holding a pinned use, or a day that happened (a replan from a later day), is left
// as it is, alone or with another day.
TEST(DayRebuildTest, PinnedAndPastDaysAreLeftAlone) {
  testing::ProfileGenerator generator(*Catalog::Builtin(), 11);
  int checked = 0;
  for (int i = 0; i < 20 && checked < 8; ++i) {
    const std::unique_ptr<Case> c = MakeCase(Catalog::Builtin(), generator.Next());
    if (c == nullptr) continue;
    const std::vector<int> training = TrainingDays(c->week);
    if (training.size() < 2) continue;
    const int d = training.back();
    const internal::Use& use = c->week.days[d].front();
    c->context.pins.push_back({d, use.exercise, use.phase, std::nullopt});
    c->context.from_day = training.front() + 1;
    internal::DayRebuilder rebuilder(*c->rules, c->candidates, c->ranges);
    for (const std::vector<int>& days : {std::vector<int>{d}, std::vector<int>{training.front()},
                                         std::vector<int>{training.front(), d}}) {
      internal::WeekState state(*c->rules);
      state.Load(c->week);
      EXPECT_FALSE(rebuilder.Rebuild(state, days, /*keep_lower=*/true)) << "profile " << i;
      EXPECT_EQ(state.week(), c->week) << "profile " << i;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 8);
}

// The pair sweep of the end passes (SearchSettings::rebuild_pairs, which the fourth
// search of `default` runs): a `default` search with it never ends below the same search
// without it, its weeks keep every hard rule, and on catalogs of other item lengths it
// raises some weeks.
TEST(DayRebuildTest, PairSweepsNeverLowerASearchsWeek) {
  int weeks = 0, raised = 0;
  ForEachCase(2718, 12, [&](const Case& c, int i) {
    PlannerOptions options;
    internal::SearchSettings without = internal::SettingsFor(options);
    without.rounds = 20;  // a short search leaves the sweep something to find
    without.second_rounds = without.additions_first_rounds = 0;
    without.escalation_rounds = 0;
    without.stop_at_bound = false;
    internal::SearchSettings with = without;
    with.rebuild_pairs = true;
    const internal::Feasibility feasibility = internal::AnalyseFeasibility(*c.rules);
    const auto week = [&](const internal::SearchSettings& settings) {
      return internal::SearchBestWeek(*c.rules, c.start, 9, settings, std::nullopt).week;
    };
    const internal::SearchWeek plain = week(without);
    const internal::SearchWeek swept = week(with);
    ASSERT_TRUE(c.rules->Valid(swept)) << "profile " << i;
    const double before = c.rules->Score(plain), after = c.rules->Score(swept);
    EXPECT_GE(after, before - kRounding) << "profile " << i;
    raised += after > before + kRounding;
    ++weeks;
  });
  EXPECT_GT(weeks, 30);
  EXPECT_GT(raised, 0);  // the setting is live
  std::printf("  %d weeks: the pair sweep raised %d\n", weeks, raised);
}

}  // namespace
}  // namespace backbalance
