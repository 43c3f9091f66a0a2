#include "solver/score_bound.h"

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <numeric>

#include "solver/balance_bound.h"
#include "solver/model_rules.h"

namespace backbalance::internal {
namespace {

// At most this many parts describe what a balance term earns (balance_bound.h).
constexpr std::size_t kBalanceParts = 16;

// What a week's minutes y of one category can earn, at most: a sum of parts
// `worth x min(y, knee)` (a category term up to its target, a balance term up to its
// saturation, strength days), less the minute penalty. Concave and piecewise linear.
struct Stream {
  // A category term, strength days and a balance term's parts (kBalanceParts).
  static constexpr int kMaxParts = 20;
  struct Part {
    double worth = 0;  // points per minute below the knee
    double knee = 0;
  };
  std::array<Part, kMaxParts> parts{};  // by knee, ascending, once Finish ran
  int part_count = 0;
  double least = 0;   // minutes every valid week holds
  double most = 0;    // minutes no valid week exceeds
  double target = 0;  // the category's target; > 0 when it counts in `mix`
  double penalty = 0;
  // After Finish: the slope after each knee (slope[0]: before the first) and the value at it.
  std::array<double, kMaxParts + 1> slope{};
  std::array<double, kMaxParts> value_at{};

  void Add(double worth, double knee) {
    if (worth > 0 && knee > 0 && part_count < kMaxParts) parts[part_count++] = {worth, knee};
  }
  void Finish() {
    std::sort(parts.begin(), parts.begin() + part_count,
              [](const Part& a, const Part& b) { return a.knee < b.knee; });
    for (int i = 0; i < part_count; ++i) slope[0] += parts[i].worth;
    double y = 0, v = 0;
    for (int i = 0; i < part_count; ++i) {
      v += slope[i] * (parts[i].knee - y);
      y = parts[i].knee;
      value_at[i] = v;
      slope[i + 1] = slope[i] - parts[i].worth;
    }
  }
  // The parts' sum at y (Finish has run).
  double Earned(double y) const {
    int i = 0;
    while (i < part_count && parts[i].knee <= y) ++i;
    const double from = i > 0 ? parts[i - 1].knee : 0.0;
    return (i > 0 ? value_at[i - 1] : 0.0) + slope[i] * (y - from);
  }
  // The most of Earned(y) - (penalty + price) y over [from, most]: concave, so at the
  // knee where the slope falls to the price, brought into the interval.
  double Best(double from, double price) const {
    const double cost = penalty + price;
    double y = 0;
    for (int i = 0; i < part_count && slope[i] > cost; ++i) y = parts[i].knee;
    from = std::min(from, most);
    y = std::clamp(y, from, most);
    return Earned(y) - cost * y;
  }
};
// Add drops a part beyond kMaxParts, which would lower the bound below a valid week: the
// strength stream holds its term, strength days and the balance parts.
static_assert(kBalanceParts + 2 <= Stream::kMaxParts);

// `mix` is the least weighing category term: t <= y_c / T_c for each. For a price per
// minute `price` >= 0 on the budget, weak duality gives a bound for every week:
//   price x budget + max over t and y of (w_mix t + sum_c Value_c(y_c) - price y_c),
// the categories apart once t is fixed. Each term is concave and piecewise linear in t,
// with kinks where t T_c meets a knee or a least; the bound is the least over prices.
double DualBound(const std::array<Stream, kCategoryCount>& streams, double budget, double mix) {
  // The price search's steps: each keeps 0.618 of the prices, so that 90 leave 1e-19 of
  // them, below rounding. Any price gives a bound; a search cut short gives a looser one,
  // which a week reaching the optimum no longer meets (the search then runs its rounds: a
  // ternary search of 60 steps stopped 10 of 72 generated searches where 100 stop 16).
  constexpr int kPriceSteps = 90;
  double t_most = 1;
  // At most 0, t_most, and a least and the knees of each category.
  std::array<double, 2 + kCategoryCount*(1 + Stream::kMaxParts)> kinks{};
  std::size_t kink_count = 1;
  for (const Stream& s : streams) {
    if (s.target <= 0) continue;
    t_most = std::min(t_most, s.most / s.target);
    kinks[kink_count++] = s.least / s.target;
    for (int i = 0; i < s.part_count; ++i) kinks[kink_count++] = s.parts[i].knee / s.target;
  }
  t_most = std::max(t_most, 0.0);
  kinks[kink_count++] = t_most;
  // The kinks within [0, t_most], ascending, each once. Two kinks closer than kSameKink
  // are one point apart by rounding (a knee of one stream at another's: 10 / 15 and 20 / 30):
  // kept both, their equal values would stop the binary search below on a rise. Dropping
  // the second moves the most by at most kSameKink times the slope in t (a few hundred
  // points), far below the stop's margin (kBoundReached in heuristic_search.cc).
  constexpr double kSameKink = 1e-13;
  std::sort(kinks.begin(), kinks.begin() + kink_count);
  const auto last = std::unique(kinks.begin(), kinks.begin() + kink_count,
                                [](double kept, double next) { return next - kept < kSameKink; });
  const auto first = std::lower_bound(kinks.begin(), last, 0.0);
  const auto end = std::upper_bound(first, last, t_most);
  const auto value_at = [&](double t, double price) {
    double value = mix * t;
    for (const Stream& s : streams) value += s.Best(std::max(s.least, t * s.target), price);
    return value;
  };
  // The most over t: concave in t, so a binary search over the kinks finds it.
  const auto bound_at = [&](double price) {
    auto low = first, high = end - 1;
    while (low < high) {
      const auto mid = low + (high - low) / 2;
      if (value_at(*mid, price) < value_at(*(mid + 1), price)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return price * budget + value_at(*low, price);
  };
  // The prices where the best minutes of a category change: the slopes of its pieces.
  double bound = bound_at(0);
  for (const Stream& s : streams) {
    for (int i = 0; i < s.part_count; ++i) {
      const double price = s.slope[i] - s.penalty;
      if (price > 0) bound = std::min(bound, bound_at(price));
    }
  }
  // The bound is convex in the price: a golden-section search between 0 and a price at
  // which every category stays at its least finds the least of it (any price gives a
  // bound), one new price a step.
  double low = 0, high = mix;
  for (const Stream& s : streams) {
    high = std::max(high, s.slope[0]);
    if (s.target > 0) high = std::max(high, mix / s.target);
  }
  constexpr double kGolden = 0.6180339887498949;  // (sqrt(5) - 1) / 2
  double a = high - kGolden * (high - low), b = low + kGolden * (high - low);
  double at_a = bound_at(a), at_b = bound_at(b);
  for (int step = 0; step < kPriceSteps; ++step) {
    bound = std::min({bound, at_a, at_b});
    if (at_a <= at_b) {
      high = b;
      b = a;
      at_b = at_a;
      a = high - kGolden * (high - low);
      at_a = bound_at(a);
    } else {
      low = a;
      a = b;
      at_a = at_b;
      b = low + kGolden * (high - low);
      at_b = bound_at(b);
    }
  }
  return std::min({bound, at_a, at_b});
}

}  // namespace

double ScoreUpperBound(const WeekRules& rules) {
  const WeekContext& ctx = rules.context();
  const PlannerOptions& o = rules.options();
  constexpr double kNoBound = std::numeric_limits<double>::infinity();
  if (ctx.from_day > 0) return kNoBound;
  const ScoreTerms& w = ctx.weights;
  const double weights = std::accumulate(w.begin(), w.end(), 0.0);
  if (weights <= 0) return 0;
  const double scale = 100.0 / weights;
  const auto& exercises = rules.compiled().exercises;
  const auto weight = [&](ScoreTerm term) { return scale * w[int(term)]; };

  // Each category: its most minutes (each eligible item on max_per_week days at its
  // longest), its least use, and the least minutes of one use.
  std::array<Stream, kCategoryCount> streams{};
  std::array<double, kCategoryCount> least_use{};
  least_use.fill(kNoBound);
  int eligible = 0, preferred = 0;
  double least_stretch = kNoBound;  // the cool-down's stretch, on each training day
  for (std::size_t e = 0; e < exercises.size(); ++e) {
    const DurationRange range = rules.Durations(static_cast<int>(e));
    if (!ctx.eligible[e] || range.Empty()) continue;
    const CompiledExercise& x = exercises[e];
    const int c = int(x.category);
    ++eligible;
    preferred += ctx.preferred[e];
    streams[c].most += static_cast<double>(x.max_per_week) * std::max(range.least, range.most);
    least_use[c] = std::min<double>(least_use[c], range.least);
    if (x.category == Category::kFlexibility && (x.phases & (1u << int(Phase::kCooldown)))) {
      least_stretch = std::min<double>(least_stretch, range.least);
    }
  }
  for (int c = 0; c < kCategoryCount; ++c) {
    Stream& s = streams[c];
    s.penalty = o.minute_penalty;
    const double target = ctx.targets.by_category[c];
    if (w[c] > 0 && target > 0) {
      s.target = target;
      s.Add(scale * w[c] / target, target);
    }
  }
  Stream& flexibility = streams[int(Category::kFlexibility)];

  // The balance terms and strength days grow with their category's minutes (the uses'
  // credits, balance_bound.h), and every strength day holds a strength use.
  Stream& strength = streams[int(Category::kStrength)];
  const auto add_balance = [&](Category category, const auto& muscles, double saturation,
                               ScoreTerm term, Stream& stream) {
    const double points = weight(term) / (static_cast<double>(muscles.size()) * saturation);
    if (points <= 0) return;
    std::array<CurvePart, kBalanceParts> parts{};
    const int count = BalanceCreditParts(rules, category, muscles, saturation, parts);
    for (int i = 0; i < count; ++i) stream.Add(points * parts[i].worth, parts[i].knee);
  };
  add_balance(Category::kStrength, kStrengthBalanceMuscles, o.strength_use_saturation,
              ScoreTerm::kStrengthBalance, strength);
  add_balance(Category::kFlexibility, kStretchBalanceMuscles, o.stretch_use_saturation,
              ScoreTerm::kStretchBalance, flexibility);
  if (least_use[int(Category::kStrength)] < kNoBound) {
    const double full = o.strength_days_saturation * least_use[int(Category::kStrength)];
    strength.Add(weight(ScoreTerm::kStrengthDays) / full, full);
  }
  for (Stream& s : streams) s.Finish();
  // Variety and preference at their most.
  const double fixed =
      weight(ScoreTerm::kVariety) *
          (static_cast<double>(std::min(eligible, o.variety_saturation)) / o.variety_saturation) +
      (ctx.preferred_count > 0
           ? weight(ScoreTerm::kPreference) * static_cast<double>(preferred) / ctx.preferred_count
           : 0.0);

  // For k training days: the week's minutes are at most the volume cap and the k
  // longest days, and each day's cool-down holds a stretch (H4). More days give more time
  // and force more stretch minutes; the bound is the most over the k the band allows.
  std::array<int, kDaysPerWeek> days = ctx.availability;
  std::sort(days.begin(), days.end(), std::greater<>());
  const int fewest = ctx.refer ? 0 : std::clamp(ctx.targets.min_training_days, 0, kDaysPerWeek);
  const int most_days = std::clamp(MaxTrainingDays(ctx), fewest, kDaysPerWeek);
  double bound = -kNoBound;
  for (int k = std::max(fewest, 1); k <= most_days; ++k) {
    const double budget =
        std::min(VolumeLimit(ctx), std::accumulate(days.begin(), days.begin() + k, 0));
    std::array<Stream, kCategoryCount> week = streams;
    for (Stream& s : week) s.most = std::min(s.most, budget);
    Stream& stretches = week[int(Category::kFlexibility)];
    if (least_stretch < kNoBound) stretches.least = std::min(stretches.most, k * least_stretch);
    bound = std::max(bound, DualBound(week, budget, weight(ScoreTerm::kMix)) + fixed);
  }
  return bound;
}

}  // namespace backbalance::internal
