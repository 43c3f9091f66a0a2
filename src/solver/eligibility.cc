// Eligibility (plan model section 4): for each exercise the first failing rule of 0-8,
// in order, is its reason; a cleared item skips rules 3, 4 and 7 (a clinician's decision
// for this person). The stage between the profile's facts (band, conditions, feedback)
// and the week's search.
#include "solver/eligibility.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "catalog/compiled_catalog.h"

namespace backbalance {
namespace {

bool HasAllEquipment(const Exercise& exercise, const std::vector<std::string>& available) {
  for (const std::string& need : exercise.equipment) {
    if (std::find(available.begin(), available.end(), need) == available.end()) return false;
  }
  return true;
}

// The lowest condition rank set in `marked` (a mask of CompiledExercise::avoid or
// ::caution, section 4a, already restricted to the profile's conditions): the first of
// the profile's conditions in rank order. A mask, not a list of ranks, since this runs
// for every exercise of every plan.
int FirstRank(uint64_t marked) { return std::countr_zero(marked); }

}  // namespace

void ApplyEligibility(const Catalog& catalog, const Profile& profile, const PlannerOptions& options,
                      bool has_conditions, WeekContext& ctx) {
  const std::size_t n = catalog.size();
  ctx.exclusion.assign(n, "");
  ctx.eligible.assign(n, 0);
  ctx.caution.assign(n, 0);
  ctx.caution_conditions.assign(n, {});
  ctx.cleared.assign(n, 0);
  ctx.because.assign(n, "");
  for (const std::string& id : profile.cleared) {
    if (auto index = catalog.IndexOf(id)) ctx.cleared[*index] = 1;
  }
  for (std::size_t e = 0; e < n; ++e) {
    const Exercise& exercise = catalog.exercises()[e];
    const CompiledExercise& compiled = catalog.compiled().exercises[e];
    const bool cleared = ctx.cleared[e];
    const uint64_t avoid = compiled.avoid & ctx.condition_mask;
    const uint64_t caution = compiled.caution & ctx.condition_mask;
    if (caution != 0 && !cleared) {
      ctx.caution[e] = 1;
      std::vector<std::string>& names = ctx.caution_conditions[e];
      names.reserve(std::popcount(caution));
      for (uint64_t rest = caution; rest != 0; rest &= rest - 1) {
        names.push_back(catalog.conditions()[FirstRank(rest)]);
      }
    }
    std::string& reason = ctx.exclusion[e];
    if (ctx.refer) {
      reason = "refer";
    } else if (std::find(profile.exclude.begin(), profile.exclude.end(), exercise.id) !=
               profile.exclude.end()) {
      reason = "excluded";
    } else if (!HasAllEquipment(exercise, profile.equipment)) {
      reason = "equipment";
    } else if (avoid != 0 && !cleared) {
      reason = absl::StrCat("contraindicated:", catalog.conditions()[FirstRank(avoid)]);
      ctx.because[e] = catalog.MarkingOf(static_cast<int>(e), FirstRank(avoid)).because;
    } else if (!exercise.reviewed && !cleared && (has_conditions || ctx.band == PainBand::kC)) {
      reason = "unreviewed";
    } else if ((exercise.impact == Impact::kHigh &&
                !(ctx.band == PainBand::kA && !has_conditions &&
                  profile.fitness >= options.high_impact_min_fitness)) ||
               (exercise.impact == Impact::kModerate && ctx.band == PainBand::kC)) {
      reason = "impact";
    } else if (exercise.difficulty > profile.fitness + options.difficulty_margin) {
      reason = "difficulty";
    } else if (caution != 0 && !cleared && ctx.band == PainBand::kC) {
      reason = absl::StrCat("caution:", catalog.conditions()[FirstRank(caution)]);
    } else if (ctx.worsened[e]) {
      reason = "worsened";
    }
    ctx.eligible[e] = reason.empty();
  }
}

}  // namespace backbalance
