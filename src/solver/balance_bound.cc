#include "solver/balance_bound.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>

#include "solver/model_rules.h"

namespace backbalance::internal {
namespace {

constexpr std::size_t kMaxMuscles = 8;
// The best uses of each weighting kept one by one; the rest are bounded by the best of
// them, at its rate (a use's credits per minute), up to what the weighted muscles can get.
constexpr std::size_t kKept = 12;
constexpr std::size_t kMaxWeightings = kMaxMuscles + 1;
// Each weighting gives a line per kept use, one for the rest and a flat one.
constexpr std::size_t kMaxLines = kMaxWeightings * (kKept + 3);

// A use of an item: its credit to each muscle (saturating over the item's uses, as the
// week's tally would) and its least minutes.
struct Unit {
  std::array<double, kMaxMuscles> credit{};
  double minutes = 0;
};

// Calls `visit(unit)` for each use of each eligible item of `category`, its first use
// first, until a use brings no credit.
template <typename Visit>
void ForEachUse(const WeekRules& rules, Category category, std::span<const Muscle> muscles,
                double saturation, Visit visit) {
  const WeekContext& ctx = rules.context();
  const auto& exercises = rules.compiled().exercises;
  const double secondary = rules.options().secondary_muscle_credit;
  for (std::size_t e = 0; e < exercises.size(); ++e) {
    const CompiledExercise& x = exercises[e];
    const DurationRange range = rules.Durations(static_cast<int>(e));
    if (!ctx.eligible[e] || x.category != category || range.Empty()) continue;
    for (int use = 0; use < x.max_per_week; ++use) {
      Unit unit;
      unit.minutes = static_cast<double>(range.least);
      double total = 0;
      for (std::size_t m = 0; m < muscles.size(); ++m) {
        const double credit = MuscleCredit(x, int(muscles[m]), secondary);
        unit.credit[m] = std::clamp(saturation - use * credit, 0.0, credit);
        total += unit.credit[m];
      }
      if (total <= 0) break;
      visit(unit);
    }
  }
}

// value = at_zero + slope x minutes.
struct Line {
  double slope = 0;
  double at_zero = 0;
  double At(double y) const { return at_zero + slope * y; }
};

// Where two lines of different slopes meet.
double Meet(const Line& a, const Line& b) { return (b.at_zero - a.at_zero) / (a.slope - b.slope); }

// A weighting's best uses by value per minute, best first: kKept + 1 of them.
struct BestUses {
  struct Entry {
    double value = 0;
    double minutes = 0;
    double Rate() const { return value / minutes; }
  };
  std::array<Entry, kKept + 1> entries{};
  std::size_t count = 0;

  void Offer(double value, double minutes) {
    if (value <= 0) return;
    const Entry entry{value, minutes};
    std::size_t at = count;
    while (at > 0 && entries[at - 1].Rate() < entry.Rate()) --at;
    if (at > kKept) return;
    for (std::size_t k = std::min(count, kKept); k > at; --k) entries[k] = entries[k - 1];
    entries[at] = entry;
    count = std::min(count + 1, kKept + 1);
  }
};

// The lines of one weighting's bound: from `freed` (the credit counted for free) along the
// kept uses, then the rest at the last kept rate, up to `freed + weighted`; then flat.
// Concave, so the bound is the least of its lines.
std::size_t AddLines(const BestUses& best, double freed, double weighted,
                     std::array<Line, kMaxLines>& lines, std::size_t count) {
  double y = 0, value = freed, gained = 0;
  for (std::size_t k = 0; k < best.count && gained < weighted; ++k) {
    const double rate = best.entries[k].Rate();
    const double take =
        k < kKept ? std::min(best.entries[k].value, weighted - gained) : weighted - gained;
    lines[count++] = Line{rate, value - rate * y};
    y += take / rate;
    value += take;
    gained += take;
  }
  lines[count++] = Line{0, value};
  return count;
}

// The least of `lines` over y >= 0, as the lines that make it, by falling slope.
std::size_t LowerEnvelope(std::array<Line, kMaxLines>& lines, std::size_t count) {
  std::sort(lines.begin(), lines.begin() + count, [](const Line& a, const Line& b) {
    return a.slope != b.slope ? a.slope > b.slope : a.at_zero < b.at_zero;
  });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Line line = lines[i];
    if (kept > 0 && lines[kept - 1].slope == line.slope) continue;  // a higher parallel line
    while (kept > 0) {
      const Line& top = lines[kept - 1];
      const double from = kept >= 2 ? std::max(0.0, Meet(lines[kept - 2], top)) : 0.0;
      // The flatter line is already as low where `top` starts to count: `top` never does.
      if (line.At(from) <= top.At(from)) {
        --kept;
      } else {
        break;
      }
    }
    lines[kept++] = line;
  }
  return kept;
}

// Drops lines of the envelope (never its first, through the value at 0, nor its last, the
// flat one) until at most `most` remain, each time the one whose dropping adds the least
// area: the least of fewer lines lies above the least of all, so it still bounds.
std::size_t Thin(std::array<Line, kMaxLines>& lines, std::size_t count, std::size_t most) {
  while (count > std::max<std::size_t>(most, 2)) {
    std::size_t drop = 1;
    double least_area = std::numeric_limits<double>::infinity();
    for (std::size_t j = 1; j + 1 < count; ++j) {
      const double a = Meet(lines[j - 1], lines[j]);
      const double b = Meet(lines[j], lines[j + 1]);
      const double apex = Meet(lines[j - 1], lines[j + 1]);
      // The triangle between the dropped segment and the two lines' meeting point.
      const double height = lines[j - 1].At(apex) - lines[j].At(apex);
      const double area = 0.5 * (b - a) * height;
      if (area < least_area) {
        least_area = area;
        drop = j;
      }
    }
    std::copy(lines.begin() + drop + 1, lines.begin() + count, lines.begin() + drop);
    --count;
  }
  return count;
}

}  // namespace

int BalanceCreditParts(const WeekRules& rules, Category category, std::span<const Muscle> muscles,
                       double saturation, std::span<CurvePart> out) {
  const std::size_t n = muscles.size();
  if (n == 0 || n > kMaxMuscles || out.size() < 2 || saturation <= 0) return 0;
  // Each muscle's reach (the most credit it can get, saturated) and ease (its best credit
  // per minute).
  std::array<double, kMaxMuscles> reach{}, ease{};
  ForEachUse(rules, category, muscles, saturation, [&](const Unit& unit) {
    for (std::size_t m = 0; m < n; ++m) {
      reach[m] += unit.credit[m];
      ease[m] = std::max(ease[m], unit.credit[m] / unit.minutes);
    }
  });
  for (std::size_t m = 0; m < n; ++m) reach[m] = std::min(reach[m], saturation);
  // Weighting k frees the k easiest muscles (weight 0) and weighs the others 1.
  std::array<std::size_t, kMaxMuscles> order{};
  for (std::size_t m = 0; m < n; ++m) order[m] = m;
  std::stable_sort(order.begin(), order.begin() + n,
                   [&](std::size_t a, std::size_t b) { return ease[a] > ease[b]; });
  std::array<std::array<double, kMaxMuscles>, kMaxWeightings> weights{};
  for (std::size_t k = 0; k <= n; ++k) {
    for (std::size_t i = 0; i < n; ++i) weights[k][order[i]] = i < k ? 0.0 : 1.0;
  }
  std::array<BestUses, kMaxWeightings> best{};
  ForEachUse(rules, category, muscles, saturation, [&](const Unit& unit) {
    for (std::size_t k = 0; k <= n; ++k) {
      double value = 0;
      for (std::size_t m = 0; m < n; ++m) value += weights[k][m] * unit.credit[m];
      best[k].Offer(value, unit.minutes);
    }
  });
  std::array<Line, kMaxLines> lines{};
  std::size_t count = 0;
  for (std::size_t k = 0; k <= n; ++k) {
    double freed = 0, weighted = 0;
    for (std::size_t m = 0; m < n; ++m) (weights[k][m] > 0 ? weighted : freed) += reach[m];
    count = AddLines(best[k], freed, weighted, lines, count);
  }
  count = LowerEnvelope(lines, count);
  count = Thin(lines, count, out.size() + 1);
  // The envelope's first line passes through (0, 0) (no weighting frees anything at 0
  // minutes but the one freeing nothing); each later line starts a part.
  int parts = 0;
  for (std::size_t j = 1; j < count; ++j) {
    const double knee = Meet(lines[j - 1], lines[j]);
    const double worth = lines[j - 1].slope - lines[j].slope;
    if (knee > 0 && worth > 0) out[parts++] = CurvePart{worth, knee};
  }
  return parts;
}

}  // namespace backbalance::internal
