#include "solver/candidates.h"

#include <algorithm>
#include <bit>
#include <tuple>

#include "internal/hash_containers.h"

namespace backbalance::internal {
namespace {

// What the hard rules and the coarse score terms read of an item.
using GroupKey = std::tuple<int, int, int, uint32_t, int>;

GroupKey KeyOf(const CompiledExercise& x) {
  return {static_cast<int>(x.category), static_cast<int>(x.phases), static_cast<int>(x.impact),
          static_cast<uint32_t>(x.primary), x.recovery_days};
}

}  // namespace

std::array<std::vector<int>, 3> CandidatesByPhase(const WeekRules& rules,
                                                  const CandidateOptions& options) {
  const CompiledCatalog& c = rules.compiled();
  const WeekContext& ctx = rules.context();
  const int n = static_cast<int>(c.exercises.size());
  std::vector<int> eligible;
  for (int e = 0; e < n; ++e) {
    if (ctx.eligible[e]) eligible.push_back(e);
  }

  std::vector<int> kept;
  if (static_cast<int>(eligible.size()) <= options.prune_above) {
    kept = std::move(eligible);
  } else {
    HashMap<GroupKey, std::vector<int>> groups;
    for (int e : eligible) groups[KeyOf(c.exercises[e])].push_back(e);
    const auto least_minutes = [&](int e) {
      const CompiledExercise& x = c.exercises[e];
      return x.category == Category::kAerobic ? x.min_minutes : x.minutes;
    };
    const auto rank = [&](int e) {
      return std::make_tuple(!ctx.preferred[e], ctx.caution[e], least_minutes(e),
                             -std::popcount(static_cast<unsigned>(c.exercises[e].secondary)), e);
    };
    for (auto& [key, members] : groups) {
      std::sort(members.begin(), members.end(), [&](int a, int b) { return rank(a) < rank(b); });
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (static_cast<int>(i) < options.per_group || ctx.preferred[members[i]]) {
          kept.push_back(members[i]);
        }
      }
    }
    std::sort(kept.begin(), kept.end());
  }

  std::array<std::vector<int>, 3> by_phase;
  for (int e : kept) {
    for (Phase p : AllValues<Phase>()) {
      if (c.exercises[e].phases & PhaseBit(p)) by_phase[static_cast<int>(p)].push_back(e);
    }
  }
  return by_phase;
}

}  // namespace backbalance::internal
