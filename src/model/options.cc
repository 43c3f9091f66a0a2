#include "backbalance/model/options.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "backbalance/model/problem.h"

namespace backbalance {
namespace {

std::string IntRangeDetail(int64_t min, int64_t max, std::string_view got) {
  return absl::StrCat("must be an integer in ", min, "..", max, ", got ",
                      absl::string_view(got.data(), got.size()));
}

// Every field has a range a person would choose, so that no value makes the planner run
// for hours, allocate gigabytes or score with infinities (docs/errors.md, "Options"):
constexpr int kDayMinutes = 240;     // minutes within one day's session
constexpr int kWeekMinutes = 10080;  // minutes in a week (7 x 1440)
constexpr double kMaxWeight = 1000;  // weights and penalties: points per unit
constexpr double kMaxSaturation = 100;

// Collects `options.<field>: range: ...` problems, one per field out of range, all of the
// one form `must be an integer in MIN..MAX, got X` or `must be a number in MIN..MAX, got
// X` (io/options_json.cc reports values too large for the field's type the same way).
class OptionsChecker {
 public:
  // True when in range. `field` is the field's name, or a callable that makes it: the
  // checks run for every plan (BuildWeekContext), so an indexed name such as
  // `bands[0].minutes[1]` is built only for a problem (36 strings a plan otherwise).
  template <typename Field>
  bool Int(const Field& field, int64_t value, int64_t min, int64_t max) {
    if (value >= min && value <= max) return true;
    problems_.Add(Path(NameOf(field)), "range", IntRangeDetail(min, max, absl::StrCat(value)));
    return false;
  }

  // [min, max]. NaN is never in range.
  void Number(std::string_view field, double value, double min, double max) {
    if (value >= min && value <= max) return;
    problems_.Add(Path(field), "range",
                  absl::StrCat("must be a number in ", min, "..", max, ", got ", value));
  }

  void Add(std::string_view field, std::string_view rule, std::string detail) {
    problems_.Add(Path(field), std::string(rule), std::move(detail));
  }

  absl::Status ToStatus() const { return problems_.ToStatus(); }

 private:
  static std::string_view NameOf(std::string_view field) { return field; }
  template <typename MakeName>
  requires std::is_invocable_r_v<std::string, MakeName>
  static std::string NameOf(const MakeName& make_name) { return make_name(); }
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
    const auto name = [b](const char* field) {
      return [b, field] { return absl::StrCat("bands[", b, "].", field); };
    };
    for (int c = 0; c < kCategoryCount; ++c) {
      check.Int([b, c] { return absl::StrCat("bands[", b, "].minutes[", c, "]"); }, band.minutes[c],
                0, kWeekMinutes);
    }
    check.Int(name("volume_cap"), band.volume_cap, 0, kWeekMinutes);
    if (check.Int(name("min_training_days"), band.min_training_days, 0, kDaysPerWeek)) {
      check.Int(name("max_training_days"), band.max_training_days, band.min_training_days,
                kDaysPerWeek);
    }
  }
  check.Int("history_cap_floor", o.history_cap_floor, 0, kWeekMinutes);
  check.Int("history_cap_growth_num", o.history_cap_growth_num, 1, 100);
  check.Int("history_cap_growth_den", o.history_cap_growth_den, 1, 100);
  for (std::size_t f = 0; f < o.first_week_cap_by_fitness.size(); ++f) {
    check.Int([f] { return absl::StrCat("first_week_cap_by_fitness[", f, "]"); },
              o.first_week_cap_by_fitness[f], 0, 7 * kDayMinutes);
  }
  check.Int("late_pregnancy_week", o.late_pregnancy_week, 0, 43);
  for (std::size_t f = 0; f < o.session_cap_by_fitness.size(); ++f) {
    check.Int([f] { return absl::StrCat("session_cap_by_fitness[", f, "]"); },
              o.session_cap_by_fitness[f], 5, kDayMinutes);
  }

  // Structure.
  if (check.Int("min_warmup_minutes", o.min_warmup_minutes, 0, kDayMinutes)) {
    check.Int("max_warmup_minutes", o.max_warmup_minutes, o.min_warmup_minutes, kDayMinutes);
  }
  check.Int("min_cooldown_minutes", o.min_cooldown_minutes, 0, kDayMinutes);
  check.Int("aerobic_minutes_step", o.aerobic_minutes_step, 1, 60);

  // Score.
  check.Int("strength_days_saturation", o.strength_days_saturation, 1, kDaysPerWeek);
  check.Number("strength_use_saturation", o.strength_use_saturation, 0.1, kMaxSaturation);
  check.Number("stretch_use_saturation", o.stretch_use_saturation, 0.1, kMaxSaturation);
  check.Number("secondary_muscle_credit", o.secondary_muscle_credit, 0, 1);
  check.Int("variety_saturation", o.variety_saturation, 1, 1000);
  check.Number("variety_weight", o.variety_weight, 0, kMaxWeight);
  check.Number("preference_weight", o.preference_weight, 0, kMaxWeight);
  check.Number("mix_weight", o.mix_weight, 0, kMaxWeight);
  check.Number("caution_penalty", o.caution_penalty, 0, kMaxWeight);
  check.Number("window_penalty", o.window_penalty, 0, kMaxWeight);
  check.Number("minute_penalty", o.minute_penalty, 0, kMaxWeight);

  // Feedback. The header gives no range for most of these; the bounds below keep each
  // within the record ranges of plan model section 2 (reps 1..50, hold 1..300 s,
  // minutes up to 120), so a progressed dose is always a valid dose.
  check.Number("soreness_limit_hours", o.soreness_limit_hours, 0, 168);
  check.Int("progression_max_rpe", o.progression_max_rpe, 1, 10);
  check.Int("reps_step", o.reps_step, 0, 50);
  check.Int("top_reps", o.top_reps, 1, 50);
  check.Int("top_sets", o.top_sets, 1, 10);
  check.Int("hold_step_seconds", o.hold_step_seconds, 0, 300);
  check.Int("top_hold_seconds", o.top_hold_seconds, 1, 300);
  check.Int("aerobic_growth_percent", o.aerobic_growth_percent, 0, 100);
  check.Int("aerobic_top_minutes", o.aerobic_top_minutes, 5, 120);
  check.Int("see_doctor_after_days", o.see_doctor_after_days, 0, 365);

  // Catalog defaults.
  for (int c = 0; c < kCategoryCount; ++c) {
    check.Int([c] { return absl::StrCat("catalog_defaults.max_per_week[", c, "]"); },
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
  if (o.quality != "fast" && o.quality != "default" && o.quality != "thorough") {
    check.Add("quality", "unknown_name",
              absl::StrCat("must be fast, default or thorough, got \"", o.quality, "\""));
  }
  check.Int("search_iterations", o.search_iterations, 0, kMaxSearchIterations);
  if (o.time_limit_seconds) {
    check.Number("time_limit_seconds", *o.time_limit_seconds, kMinTimeLimitSeconds,
                 kMaxTimeLimitSeconds);
  }
  if (o.gap_tolerance) check.Number("gap_tolerance", *o.gap_tolerance, 0, kMaxGapTolerance);
  return check.ToStatus();
}

}  // namespace backbalance
