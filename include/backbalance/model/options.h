// File: backbalance/model/options.h
//
// PlannerOptions: every number of plan model v2 in one value, each default in place
// and its range in a comment. The defaults are the spec's; tests and benchmarks use
// them. `ValidateOptions` checks a value before a Planner or Evaluate uses it.
#ifndef BACKBALANCE_MODEL_OPTIONS_H_
#define BACKBALANCE_MODEL_OPTIONS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "backbalance/model/vocabulary.h"

namespace backbalance {

// Defaults a catalog record takes for the fields it leaves out (section 2).
struct CatalogDefaults {
  // Indexed by Category; each 1..7.
  std::array<int, kCategoryCount> max_per_week = {5, 3, 7, 5, 7};
  int strength_rest_hours = 48;  // 0..96
  int other_rest_hours = 0;      // 0..96
  int difficulty = 1;            // 1..5
};

// The targets of one pain band (section 5).
struct BandTargets {
  std::array<int, kCategoryCount> minutes{};  // weekly minutes by Category, each 0..10080
  int volume_cap = 0;                         // weekly minutes, 0..10080
  int min_training_days = 0;                  // 0..7
  int max_training_days = 0;                  // min_training_days..7
};

// Bounds of the solver fields (ValidateOptions).
inline constexpr int64_t kMaxSearchIterations = 1000000;
inline constexpr double kMinTimeLimitSeconds = 0.001;
inline constexpr double kMaxTimeLimitSeconds = 86400;  // a day
inline constexpr double kMaxGapTolerance = 0.5;        // half the optimum

// Every field has a closed range, given beside it and enforced by ValidateOptions with
// one message form (`options.<field>: range: must be an integer in MIN..MAX, got X`, or
// `a number in`): ranges a person would choose, so that no value makes a plan take hours,
// gigabytes or an infinite score. Minutes within a day are 0..240, minutes of a week
// 0..10080, weights and penalties 0..1000.
struct PlannerOptions {
  // --- Pain bands and eligibility (sections 3, 4) ---
  int band_b_min_pain = 4;          // pain >= this is band B (1..10)
  int band_c_min_pain = 7;          // pain >= this is band C (band_b_min_pain..10)
  int acute_flare_min_pain = 7;     // pain >= this adds acute_flare (0..11; 11 never)
  int high_impact_min_fitness = 3;  // band A, no conditions and fitness >= this (1..6)
  int difficulty_margin = 1;        // difficulty > fitness + this is excluded (0..4)

  // --- Targets by band, indexed by PainBand (section 5) ---
  std::array<BandTargets, 3> bands = {{
      {{150, 60, 60, 20, 30}, 360, 3, 6},
      {{90, 40, 70, 20, 40}, 270, 3, 6},
      {{40, 15, 60, 10, 50}, 180, 3, 5},
  }};
  // With history: cap = min(band cap, max(floor, floor(growth_num x completed / growth_den))).
  int history_cap_floor = 60;       // 0..10080
  int history_cap_growth_num = 11;  // 1..100
  int history_cap_growth_den = 10;  // 1..100
  // Without history: cap = min(band cap, first-week cap by fitness 1..5), each 0..1680.
  std::array<int, 5> first_week_cap_by_fitness = {120, 180, 240, 300, 360};
  // A pregnancy week at or above this adds `late_pregnancy` (0..43; 43: never).
  int late_pregnancy_week = 20;

  // --- Time (H2) ---
  // A session lasts at most min(availability, session cap by fitness 1..5), each 5..240.
  std::array<int, 5> session_cap_by_fitness = {45, 60, 75, 90, 120};

  // --- Structure (H4) ---
  int min_warmup_minutes = 5;    // 0..240
  int max_warmup_minutes = 15;   // min_warmup_minutes..240
  int min_cooldown_minutes = 5;  // 0..240
  int aerobic_minutes_step = 5;  // aerobic minutes are multiples of this (1..60)

  // --- Score (section 7) ---
  int strength_days_saturation = 2;      // 1..7
  double strength_use_saturation = 2;    // u_m saturates here (0.1..100)
  double stretch_use_saturation = 3;     // f_m saturates here (0.1..100)
  double secondary_muscle_credit = 0.5;  // a secondary muscle's share of a use (0..1)
  int variety_saturation = 12;           // 1..1000
  double variety_weight = 0.5;           // 0..1000
  double preference_weight = 0.5;        // 0..1000 (used when the preferred set is non-empty)
  double mix_weight = 2;                 // weight of `mix`, the least category term, 0..1000
  double caution_penalty = 2;            // points per use of a caution item, 0..1000
  double window_penalty = 1.0;           // points per cyclic 3-day window of hard days, 0..1000
  double minute_penalty = 0.01;          // points per minute, 0..1000

  // --- Feedback (section 8) ---
  double soreness_limit_hours = 1;  // soreness above this: see_professional (0..168)
  int progression_max_rpe = 6;      // every use at or below this rpe progresses (1..10)
  int reps_step = 1;                // {sets, reps}: reps + step up to top_reps (0..50)
  int top_reps = 10;                // 1..50
  int top_sets = 3;                 // then sets + 1 up to top_sets (1..10)
  int hold_step_seconds = 5;        // {hold_seconds, reps}: hold + step up to top_hold (0..300)
  int top_hold_seconds = 60;        // 1..300
  int aerobic_growth_percent = 10;  // max_minutes + this %, rounded up to the step (0..100)
  int aerobic_top_minutes = 120;    // 5..120
  int see_doctor_after_days = 3;    // pain_persisting_days above this: see_doctor (0..365)

  // --- Catalog defaults (section 2), applied when a catalog is loaded ---
  CatalogDefaults catalog_defaults;

  // --- Solver (not part of the model: how hard to search) ---
  std::string backend = "heuristic";  // "heuristic" or "exact"
  // How hard the heuristic backend searches (docs/performance.md has the time/gap curve):
  // "fast" (one climb from a week of short items, then the hand-over of covers and the
  // covers chosen again by value), "default" (the same start, 90 rounds of
  // large-neighbourhood search, then those passes; then 30 rounds from a greedy start and
  // 30 rounds climbed additions first, the best week kept) or "thorough" (two full
  // searches, from a greedy start and from the short items, each of `search_iterations`
  // rounds, then a quarter of that climbed additions first; the best week wins). The
  // search ends early once its week reaches an upper bound of the score (that week is the
  // optimum) or, at "default", comes within 0.5 % of it (that week is within 0.5 % of the
  // optimum; `gap_tolerance` below). Profiles with clinician pins get the same. The exact backend
  // ignores it.
  std::string quality = "default";
  // Large-neighbourhood rounds of each `thorough` search, of a replan's search and of the
  // heuristic pass before a time-limited exact solve: the deterministic work budget,
  // 0..1000000.
  int64_t search_iterations = 120;
  // Caps the search (0.001..86400 s); may cut it short.
  std::optional<double> time_limit_seconds;
  // The heuristic's search ends once its week is proven within this fraction of the
  // optimum, 0..0.5: its score within the fraction of an upper bound that no valid week
  // exceeds (as a MIP solver's relative gap). Unset: the level's own, 0.005 at "default"
  // and 0 at "thorough" (it stops only at a proven optimum). A larger tolerance plans
  // faster and may return a lower week, never more than the fraction below the optimum;
  // "fast" runs no rounds to stop, and the exact backend ignores it. Deterministic like
  // the rest: the same input gives the same bytes.
  std::optional<double> gap_tolerance;
};

// kInvalidArgument naming each out-of-range field as `options.<field>: range: ...`.
absl::Status ValidateOptions(const PlannerOptions& options);

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_OPTIONS_H_
