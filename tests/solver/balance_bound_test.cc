// BalanceCreditParts (src/solver/balance_bound.h): what a balance term can earn from a
// week's minutes of its category. Checked against weeks' uses drawn at random (no draw may
// earn more credit than the curve allows at its minutes) under the default score and the
// other score options (saturations below one use, a secondary muscle in full), and against
// a knapsack of every credit written here (the bound before the weightings): the curve
// lies below it, where two items train one muscle. (It may lie above it a little: past its
// best uses the curve counts the rest at their best rate, and fewer parts lie higher.)
#include "solver/balance_bound.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <random>
#include <span>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "gtest/gtest.h"
#include "solver/model_rules.h"
#include "solver/week_context.h"
#include "testing/profile_generator.h"
#include "testing/score_options.h"

namespace backbalance {
namespace {

constexpr double kRounding = 1e-9;

double CurveAt(std::span<const internal::CurvePart> parts, double minutes) {
  double value = 0;
  for (const internal::CurvePart& part : parts) value += part.worth * std::min(minutes, part.knee);
  return value;
}

struct Term {
  Category category;
  std::span<const Muscle> muscles;
  double saturation;
};

std::vector<Term> TermsOf(const PlannerOptions& options) {
  return {
      {Category::kStrength, internal::kStrengthBalanceMuscles, options.strength_use_saturation},
      {Category::kFlexibility, internal::kStretchBalanceMuscles, options.stretch_use_saturation}};
}

// The eligible items of `category` that a week can use.
std::vector<int> UsableItems(const internal::WeekRules& rules, Category category) {
  std::vector<int> items;
  const auto& exercises = rules.compiled().exercises;
  for (std::size_t e = 0; e < exercises.size(); ++e) {
    if (rules.context().eligible[e] && exercises[e].category == category &&
        !rules.Durations(static_cast<int>(e)).Empty()) {
      items.push_back(static_cast<int>(e));
    }
  }
  return items;
}

// Calls `visit(rules, term, parts)` for both balance terms of 30 generated profiles
// (generator seed `seed`) under `options`, `parts` the curve BalanceCreditParts writes.
template <typename Visit>
void ForEachCurve(const PlannerOptions& options, uint64_t seed, Visit visit) {
  testing::ProfileGenerator generator(*Catalog::Builtin(), seed);
  for (int p = 0; p < 30; ++p) {
    const Profile profile = generator.Next();
    const auto ctx = BuildWeekContext(*Catalog::Builtin(), profile, options);
    ASSERT_TRUE(ctx.ok()) << ctx.status();
    const internal::WeekRules rules(*Catalog::Builtin(), *ctx, options);
    for (const Term& term : TermsOf(options)) {
      std::array<internal::CurvePart, 16> out{};
      const int count =
          internal::BalanceCreditParts(rules, term.category, term.muscles, term.saturation, out);
      visit(rules, term, std::span<const internal::CurvePart>(out.data(), count));
    }
  }
}

// A week's uses of `items` drawn at random (up to 16 draws, each item at most its
// max_per_week times): the credits they earn, as the score tallies them, and their minutes.
struct Drawn {
  double credits = 0;
  double minutes = 0;
};
Drawn DrawUses(const internal::WeekRules& rules, const Term& term, const std::vector<int>& items,
               std::mt19937_64& rng) {
  std::vector<int> uses(rules.compiled().exercises.size(), 0);
  std::vector<double> tally(term.muscles.size(), 0);
  Drawn drawn;
  const int picks = 1 + static_cast<int>(rng() % 16);
  for (int k = 0; k < picks; ++k) {
    const int e = items[rng() % items.size()];
    const CompiledExercise& x = rules.compiled().exercises[e];
    if (uses[e] >= x.max_per_week) continue;
    ++uses[e];
    drawn.minutes += rules.Durations(e).least;
    for (std::size_t m = 0; m < term.muscles.size(); ++m) {
      tally[m] +=
          internal::MuscleCredit(x, int(term.muscles[m]), rules.options().secondary_muscle_credit);
    }
  }
  for (double u : tally) drawn.credits += std::min(u, term.saturation);
  return drawn;
}

TEST(BalanceBoundTest, NoDrawnWeekEarnsMoreThanTheCurve) {
  std::vector<PlannerOptions> options_list = testing::OtherScoreOptions();
  options_list.insert(options_list.begin(), PlannerOptions{});
  std::mt19937_64 rng(4711);
  int draws = 0;
  for (const PlannerOptions& options : options_list) {
    ForEachCurve(options, 91,
                 [&](const internal::WeekRules& rules, const Term& term,
                     std::span<const internal::CurvePart> parts) {
                   const std::vector<int> items = UsableItems(rules, term.category);
                   for (int week = 0; week < 40 && !items.empty(); ++week, ++draws) {
                     const Drawn drawn = DrawUses(rules, term, items, rng);
                     EXPECT_LE(drawn.credits, CurveAt(parts, drawn.minutes) + kRounding)
                         << "category " << int(term.category) << ", " << drawn.minutes
                         << " minutes";
                   }
                 });
  }
  EXPECT_GT(draws, 5000);
}

// The knapsack of every credit (each use's credits summed over the muscles, the best per
// minute first, fractionally, up to every muscle's reach): the bound before the weightings.
double EveryCreditKnapsack(const internal::WeekRules& rules, const Term& term, double minutes) {
  struct Use {
    double credit;
    double minutes;
  };
  std::vector<Use> all;
  std::vector<double> reach(term.muscles.size(), 0);
  const double secondary = rules.options().secondary_muscle_credit;
  for (int e : UsableItems(rules, term.category)) {
    const CompiledExercise& x = rules.compiled().exercises[e];
    for (int use = 0; use < x.max_per_week; ++use) {
      double credit = 0;
      for (std::size_t m = 0; m < term.muscles.size(); ++m) {
        const double c = internal::MuscleCredit(x, int(term.muscles[m]), secondary);
        const double saturating = std::clamp(term.saturation - use * c, 0.0, c);
        credit += saturating;
        reach[m] += saturating;
      }
      if (credit > 0) all.push_back({credit, static_cast<double>(rules.Durations(e).least)});
    }
  }
  double cap = 0;
  for (double r : reach) cap += std::min(r, term.saturation);
  std::sort(all.begin(), all.end(),
            [](const Use& a, const Use& b) { return a.credit / a.minutes > b.credit / b.minutes; });
  double value = 0;
  for (const Use& use : all) {
    const double take = std::min(1.0, minutes / use.minutes);
    value += take * use.credit;
    minutes -= take * use.minutes;
    if (minutes <= 0) break;
  }
  return std::min(value, cap);
}

TEST(BalanceBoundTest, BelowAKnapsackOfEveryCreditWhereItemsShareMuscles) {
  const PlannerOptions options;
  int below = 0, above = 0, points = 0;
  ForEachCurve(options, 92,
               [&](const internal::WeekRules& rules, const Term& term,
                   std::span<const internal::CurvePart> parts) {
                 EXPECT_EQ(CurveAt(parts, 0), 0);
                 for (double minutes = 0; minutes <= 120; minutes += 2.5) {
                   const double knapsack = EveryCreditKnapsack(rules, term, minutes);
                   below += CurveAt(parts, minutes) < knapsack - 1e-6;
                   above += CurveAt(parts, minutes) > knapsack + 1e-6;
                   ++points;
                 }
               });
  // The weightings matter: items that share a muscle are not counted twice.
  EXPECT_GT(below, 0);
  EXPECT_LT(above, below);
  std::printf("  the curve below the knapsack of every credit at %d of %d points, above at %d\n",
              below, points, above);
}

}  // namespace
}  // namespace backbalance
