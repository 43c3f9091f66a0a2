// File: backbalance/model/plan.h
//
// A week of exercise (plan model section 10, schema backbalance.plan/1). The same
// value carries a plan the solver made and a plan a clinician edited; `Evaluate`
// reads only the status, the days and their items, and ignores the output-only
// fields (day minutes, totals, score, targets, ...).
#ifndef BACKBALANCE_MODEL_PLAN_H_
#define BACKBALANCE_MODEL_PLAN_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backbalance/model/exercise.h"
#include "backbalance/model/vocabulary.h"

namespace backbalance {

struct PlanItem {
  std::string exercise;  // an id; need not exist in the catalog (that breaks H1)
  Phase phase = Phase::kMain;
  int minutes = 0;  // the item's time; Evaluate uses it for H2, H8, H9 and the score
  std::optional<Dose> dose;
  std::vector<std::string> notes;    // e.g. "caution:pregnancy"
  std::vector<std::string> reasons;  // the score terms it serves, e.g. "strength: glutes"

  friend bool operator==(const PlanItem&, const PlanItem&) = default;
};

struct PlanDay {
  int day = 0;                  // 0..6 = monday..sunday
  int minutes = 0;              // output only: sum of the items' minutes
  std::vector<PlanItem> items;  // empty on a rest day, in phase order otherwise

  bool rest() const { return items.empty(); }
  friend bool operator==(const PlanDay&, const PlanDay&) = default;
};

// A stable code and a short text that may change (section 9).
struct Advisory {
  std::string code;
  std::string text;
  friend bool operator==(const Advisory&, const Advisory&) = default;
};

// Why no week exists, as a stable code and a sentence a person can act on (section 6).
struct Diagnosis {
  std::string code;
  std::string text;
  friend bool operator==(const Diagnosis&, const Diagnosis&) = default;
};

// An item the profile cannot use, with the reason code of the first failing rule of
// section 4 ("impact", "contraindicated:herniated_disc", ...).
struct Exclusion {
  std::string exercise;
  std::string reason;
  // For reason `contraindicated:<condition>`: the rule entry that matched
  // (`spinal_flexion+external_load`), or "marked" for the item's own entry (section 4a).
  std::optional<std::string> because;
  friend bool operator==(const Exclusion&, const Exclusion&) = default;
};

// The score terms of section 7, in the order they are reported.
enum class ScoreTerm : uint8_t {
  kAerobic,
  kStrength,
  kFlexibility,
  kBalance,
  kRelaxation,
  kStrengthDays,
  kStrengthBalance,
  kStretchBalance,
  kVariety,
  kPreference,
  kMix,
};
template <>
struct EnumNames<ScoreTerm> {
  static constexpr auto kNames = std::to_array<std::string_view>(
      {"aerobic", "strength", "flexibility", "balance", "relaxation", "strength_days",
       "strength_balance", "stretch_balance", "variety", "preference", "mix"});
};
inline constexpr int kScoreTermCount = kEnumCount<ScoreTerm>;
using ScoreTerms = std::array<double, kScoreTermCount>;  // indexed by ScoreTerm

struct Totals {
  int minutes = 0;
  std::array<int, kCategoryCount> by_category{};  // indexed by Category
  friend bool operator==(const Totals&, const Totals&) = default;
};

struct Targets {
  PainBand band = PainBand::kA;
  std::array<int, kCategoryCount> by_category{};  // weekly minutes, indexed by Category
  int volume_cap = 0;
  int min_training_days = 0;
  int max_training_days = 0;
  friend bool operator==(const Targets&, const Targets&) = default;
};

struct SolverInfo {
  std::string backend = "heuristic";  // "heuristic" or "exact"
  uint64_t seed = 0;
  std::optional<bool> proven_optimal;  // exact backend only
  std::optional<double> gap;           // exact backend only: relative gap to the bound
  bool cut_short = false;              // a time limit stopped the search before its budget ran out
  friend bool operator==(const SolverInfo&, const SolverInfo&) = default;
};

struct Provenance {
  std::string library;         // "backbalance 0.2.0"
  int model = 2;               // the plan model version the plan follows
  std::string catalog_sha256;  // of the catalog's canonical JSON
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

// How a repaired week differs from the week it repaired (plan model 12, 12.1 "Repair"):
// one entry per unmatched use, `changed` for a use whose phase or minutes differ.
enum class ChangeKind : uint8_t { kRemoved, kAdded, kChanged };
template <>
struct EnumNames<ChangeKind> {
  static constexpr auto kNames = std::to_array<std::string_view>({"removed", "added", "changed"});
};

struct PlanChange {
  int day = 0;
  std::string exercise;
  ChangeKind kind = ChangeKind::kChanged;
  friend bool operator==(const PlanChange&, const PlanChange&) = default;
};

struct Plan {
  PlanStatus status = PlanStatus::kOk;
  std::array<PlanDay, kDaysPerWeek> days = EmptyWeek();
  // Output-only fields: absent in a plan loaded without them.
  std::optional<double> score;
  std::optional<ScoreTerms> score_terms;  // absent for infeasible and refer plans
  std::optional<Totals> totals;
  std::vector<Exclusion> excluded;
  std::vector<Advisory> advisories;
  std::vector<Diagnosis> diagnosis;
  std::optional<Targets> targets;
  std::optional<SolverInfo> solver;
  std::optional<Provenance> provenance;
  // Set by Planner::Repair only (in day, then exercise order; empty for a week that was
  // already valid); absent otherwise, so plans without it keep their bytes.
  std::optional<std::vector<PlanChange>> changes;

  static std::array<PlanDay, kDaysPerWeek> EmptyWeek() {
    std::array<PlanDay, kDaysPerWeek> week;
    for (int d = 0; d < kDaysPerWeek; ++d) week[d].day = d;
    return week;
  }
  friend bool operator==(const Plan&, const Plan&) = default;
};

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_PLAN_H_
