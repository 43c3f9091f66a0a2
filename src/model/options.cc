#include "backbalance/model/options.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "backbalance/model/problem.h"

namespace backbalance {
namespace {

constexpr int kNoMax = std::numeric_limits<int>::max();

// Collects `options.<field>: range: ...` problems, one per field out of range.
class OptionsChecker {
 public:
  // True when in range.
  bool Int(std::string_view field, int64_t value, int64_t min, int64_t max = kNoMax) {
    if (value >= min && value <= max) return true;
    const std::string range =
        max >= kNoMax ? absl::StrCat(">= ", min) : absl::StrCat("in ", min, "..", max);
    problems_.Add(Path(field), "range",
                  absl::StrCat("must be an integer ", range, ", got ", value));
    return false;
  }

  // [min, max]; with `exclusive_min`, (min, max]. NaN is never in range.
  void Number(std::string_view field, double value, double min,
              double max = std::numeric_limits<double>::infinity(), bool exclusive_min = false) {
    const bool above_min = exclusive_min ? value > min : value >= min;
    if (above_min && value <= max && std::isfinite(value)) return;
    std::string range;
    if (std::isinf(max)) {
      range = absl::StrCat(exclusive_min ? "> " : ">= ", min);
    } else {
      range = absl::StrCat("in ", min, "..", max);
    }
    problems_.Add(Path(field), "range",
                  absl::StrCat("must be a finite number ", range, ", got ", value));
  }

  void Add(std::string_view field, std::string_view rule, std::string detail) {
    problems_.Add(Path(field), std::string(rule), std::move(detail));
  }

  absl::Status ToStatus() const { return problems_.ToStatus(); }

 private:
  static std::string Path(std::string_view field) {
    return absl::StrCat("options.", absl::string_view(field.data(), field.size()));
  }
  ProblemList problems_;
};

}  // namespace

absl::Status ValidateOptions(const PlannerOptions& o) {
  OptionsChecker check;

  // Pain bands and eligibility.
  // A bound that depends on another field is checked only once that field is valid, so
  // that one mistake gives one problem (not "in 11..10").
  if (check.Int("band_b_min_pain", o.band_b_min_pain, 1, 10)) {
    check.Int("band_c_min_pain", o.band_c_min_pain, o.band_b_min_pain, 10);
  }
  check.Int("acute_flare_min_pain", o.acute_flare_min_pain, 0, 11);
  check.Int("high_impact_min_fitness", o.high_impact_min_fitness, 1, 6);
  check.Int("difficulty_margin", o.difficulty_margin, 0, 4);

  // Targets by band.
  for (std::size_t b = 0; b < o.bands.size(); ++b) {
    const BandTargets& band = o.bands[b];
    const std::string prefix = absl::StrCat("bands[", b, "].");
    for (int c = 0; c < kCategoryCount; ++c) {
      check.Int(absl::StrCat(prefix, "minutes[", c, "]"), band.minutes[c], 0);
    }
    check.Int(prefix + "volume_cap", band.volume_cap, 0);
    if (check.Int(prefix + "min_training_days", band.min_training_days, 0, kDaysPerWeek)) {
      check.Int(prefix + "max_training_days", band.max_training_days, band.min_training_days,
                kDaysPerWeek);
    }
  }
  check.Int("history_cap_floor", o.history_cap_floor, 0);
  check.Int("history_cap_growth_num", o.history_cap_growth_num, 1);
  check.Int("history_cap_growth_den", o.history_cap_growth_den, 1);
  for (std::size_t f = 0; f < o.first_week_cap_by_fitness.size(); ++f) {
    check.Int(absl::StrCat("first_week_cap_by_fitness[", f, "]"), o.first_week_cap_by_fitness[f],
              0, 7 * 240);
  }
  check.Int("late_pregnancy_week", o.late_pregnancy_week, 0, 43);
  for (std::size_t f = 0; f < o.session_cap_by_fitness.size(); ++f) {
    check.Int(absl::StrCat("session_cap_by_fitness[", f, "]"), o.session_cap_by_fitness[f], 5,
              240);
  }

  // Structure.
  if (check.Int("min_warmup_minutes", o.min_warmup_minutes, 0)) {
    check.Int("max_warmup_minutes", o.max_warmup_minutes, o.min_warmup_minutes, 240);
  }
  check.Int("min_cooldown_minutes", o.min_cooldown_minutes, 0);
  check.Int("aerobic_minutes_step", o.aerobic_minutes_step, 1, 60);

  // Score.
  check.Int("strength_days_saturation", o.strength_days_saturation, 1);
  check.Number("strength_use_saturation", o.strength_use_saturation, 0,
               std::numeric_limits<double>::infinity(), /*exclusive_min=*/true);
  check.Number("stretch_use_saturation", o.stretch_use_saturation, 0,
               std::numeric_limits<double>::infinity(), /*exclusive_min=*/true);
  check.Number("secondary_muscle_credit", o.secondary_muscle_credit, 0, 1);
  check.Int("variety_saturation", o.variety_saturation, 1);
  check.Number("variety_weight", o.variety_weight, 0);
  check.Number("preference_weight", o.preference_weight, 0);
  check.Number("mix_weight", o.mix_weight, 0);
  check.Number("caution_penalty", o.caution_penalty, 0);
  check.Number("window_penalty", o.window_penalty, 0);
  check.Number("minute_penalty", o.minute_penalty, 0);

  // Feedback. The header gives no range for most of these; the bounds below keep each
  // within the record ranges of plan model section 2 (reps 1..50, hold 1..300 s,
  // minutes up to 120), so a progressed dose is always a valid dose.
  check.Number("soreness_limit_hours", o.soreness_limit_hours, 0);
  check.Int("progression_max_rpe", o.progression_max_rpe, 1, 10);
  check.Int("reps_step", o.reps_step, 0, 50);
  check.Int("top_reps", o.top_reps, 1, 50);
  check.Int("top_sets", o.top_sets, 1, 10);
  check.Int("hold_step_seconds", o.hold_step_seconds, 0, 300);
  check.Int("top_hold_seconds", o.top_hold_seconds, 1, 300);
  check.Int("aerobic_growth_percent", o.aerobic_growth_percent, 0, 100);
  check.Int("aerobic_top_minutes", o.aerobic_top_minutes, 5, 120);
  check.Int("see_doctor_after_days", o.see_doctor_after_days, 0);

  // Catalog defaults.
  for (int c = 0; c < kCategoryCount; ++c) {
    check.Int(absl::StrCat("catalog_defaults.max_per_week[", c, "]"),
              o.catalog_defaults.max_per_week[c], 1, 7);
  }
  check.Int("catalog_defaults.strength_rest_hours", o.catalog_defaults.strength_rest_hours, 0, 96);
  check.Int("catalog_defaults.other_rest_hours", o.catalog_defaults.other_rest_hours, 0, 96);
  check.Int("catalog_defaults.difficulty", o.catalog_defaults.difficulty, 1, 5);

  // Solver.
  if (o.backend != "heuristic" && o.backend != "exact") {
    check.Add("backend", "unknown_name",
              absl::StrCat("must be heuristic or exact, got \"", o.backend, "\""));
  }
  check.Int("search_iterations", o.search_iterations, 0, std::numeric_limits<int64_t>::max());
  if (o.time_limit_seconds) {
    check.Number("time_limit_seconds", *o.time_limit_seconds, 0,
                 std::numeric_limits<double>::infinity(), /*exclusive_min=*/true);
  }
  return check.ToStatus();
}

}  // namespace backbalance
