#include "testing/synthetic_catalog.h"

#include <algorithm>
#include <random>
#include <string>

#include "backbalance/catalog/catalog.h"

namespace backbalance::testing {
namespace {

// Adds or removes one secondary muscle, keeping secondary disjoint from primary.
void VaryMuscles(Exercise& x, std::mt19937_64& rng) {
  const Muscle m = static_cast<Muscle>(rng() % AllValues<Muscle>().size());
  const auto in = [&](const std::vector<Muscle>& v) {
    return std::find(v.begin(), v.end(), m) != v.end();
  };
  if (in(x.primary_muscles)) return;
  if (in(x.secondary_muscles)) {
    x.secondary_muscles.erase(std::find(x.secondary_muscles.begin(), x.secondary_muscles.end(), m));
  } else {
    x.secondary_muscles.push_back(m);
  }
}

void VaryDose(Exercise& x, std::mt19937_64& rng) {
  if (x.IsAerobic()) {
    x.min_minutes = std::clamp(x.min_minutes + 5 * static_cast<int>(rng() % 3) - 5, 5, 60);
    x.max_minutes =
        std::clamp(x.max_minutes + 5 * static_cast<int>(rng() % 5) - 10, x.min_minutes, 120);
    x.dose = Dose::Minutes(x.min_minutes);
    return;
  }
  x.minutes = std::clamp(x.minutes + static_cast<int>(rng() % 5) - 2, 1, 120);
  if (x.dose.form == DoseForm::kMinutes) x.dose.minutes = x.minutes;
  x.difficulty = 1 + static_cast<int>(rng() % 5);
}

// Variant 0 keeps the template's id, so that profiles written for the built-in catalog
// (their prefer and exclude lists) stay valid on a synthetic one.
std::string VariantId(const std::string& id, int k) {
  return k == 0 ? id : id + "_v" + std::to_string(k);
}

}  // namespace

std::vector<Exercise> SyntheticExercises(int count, uint64_t seed) {
  const std::vector<Exercise>& templates = Catalog::Builtin()->exercises();
  std::mt19937_64 rng(seed);
  std::vector<Exercise> out;
  out.reserve(static_cast<std::size_t>(count));
  const int per_template =
      (count + static_cast<int>(templates.size()) - 1) / static_cast<int>(templates.size());
  for (int k = 0; k < per_template && static_cast<int>(out.size()) < count; ++k) {
    for (const Exercise& t : templates) {
      if (static_cast<int>(out.size()) >= count) break;
      Exercise x = t;
      x.id = VariantId(t.id, k);
      x.name = t.name + " (variant " + std::to_string(k) + ")";
      x.progressions.clear();
      x.regressions.clear();
      x.substitutes.clear();
      if (k > 0) x.regressions.push_back(VariantId(t.id, k - 1));
      if (k + 1 < per_template &&
          (k + 1) * static_cast<int>(templates.size()) + static_cast<int>(&t - templates.data()) <
              count) {
        x.progressions.push_back(VariantId(t.id, k + 1));
      }
      if (k > 0) {
        VaryMuscles(x, rng);
        VaryDose(x, rng);
      }
      out.push_back(std::move(x));
    }
  }
  return out;
}

}  // namespace backbalance::testing
