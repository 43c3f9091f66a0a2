// File: src/solver/week_context.h (library-internal, not installed)
//
// WeekContext: everything a profile implies on one catalog before any week is chosen:
// the pain band and conditions (acute_flare derived from pain), eligibility of every
// exercise with the reason code of the first failing rule (section 4), the band's
// targets and volume cap (section 5), and what last week's feedback changes
// (section 8): worsened items, progressed doses and aerobic maxima, the preferred set,
// and the advisories it triggers. Evaluate and the planners share it, so that both
// read the model the same way.
#ifndef BACKBALANCE_SRC_SOLVER_WEEK_CONTEXT_H_
#define BACKBALANCE_SRC_SOLVER_WEEK_CONTEXT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/evaluation.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/options.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"

namespace backbalance {

// A pin of the profile resolved against the catalog (plan model 12, 12.1).
struct PinnedUse {
  int day = 0;
  int exercise = 0;  // dense id
  std::optional<Phase> phase;
  std::optional<int> minutes;
  friend bool operator==(const PinnedUse&, const PinnedUse&) = default;
};

struct WeekContext {
  PainBand band = PainBand::kA;
  bool refer = false;  // a red flag: no plan, every item excluded with reason `refer`
  // Condition ranks of the profile (derived acute_flare included), ascending.
  std::vector<int> condition_ranks;
  uint64_t condition_mask = 0;  // bit r set for each rank above
  Targets targets;
  // H2's limit per day: min(the profile's availability, the session cap by fitness).
  std::array<int, kDaysPerWeek> availability{};
  std::array<int, kDaysPerWeek> profile_availability{};  // as the profile gives it
  int session_cap = 0;                                   // by fitness (section 6, H2)
  int fitness = 0;
  bool first_week_cap = false;  // no history, and the first-week cap set the volume cap
  bool pregnancy = false;       // the profile lists `pregnancy` (advisory)
  bool post_surgery = false;    // the profile has `post_surgery` (advisory)
  // Score weights by ScoreTerm (a term whose target is 0 has weight 0).
  ScoreTerms weights{};

  // By dense exercise id.
  std::vector<std::string> exclusion;  // "" when eligible, else the reason code
  std::vector<uint8_t> eligible;
  // Effective marking `caution` for one of the profile's conditions and not cleared: the
  // use costs the caution penalty and carries a note per such condition (section 4).
  std::vector<uint8_t> caution;
  std::vector<std::vector<std::string>> caution_conditions;  // in condition-rank order
  std::vector<uint8_t> cleared;                              // in the profile's `cleared` list
  std::vector<std::string> because;  // for a contraindicated exclusion (section 4a), else ""
  std::vector<int> max_minutes;      // aerobic max for this person (progressed)
  std::vector<Dose> dose;            // the dose to prescribe (progressed)
  std::vector<uint8_t> preferred;    // in the preferred set
  int preferred_count = 0;           // size of the preferred set (the denominator)

  // Section 8 facts.
  bool has_history = false;
  int completed_minutes = 0;  // last week's completed minutes
  bool see_professional = false;
  bool see_doctor = false;
  std::vector<uint8_t> worsened;     // by dense id
  std::vector<uint8_t> progressed;   // dose stepped up this week
  std::vector<uint8_t> at_top_dose;  // its progressions joined the preferred set

  // Clinician control (section 12): the profile's pins, in its order, and the days that
  // must be training days: bit d of `train_days` for the profile's `train_days`, of
  // `required_days` for those and every pinned day.
  std::vector<PinnedUse> pins;
  unsigned train_days = 0;
  unsigned required_days = 0;

  // Replan (section 12.1): days before `from_day` happened (0 for a week not under way).
  // What happened is not judged on its own; it counts toward H3, H6's high-impact days,
  // H7 and H8, whose limits become the larger of the rule's and what happened alone.
  int from_day = 0;
  int happened_training_days = 0;
  int happened_minutes = 0;
  int happened_high_days = 0;
  std::vector<int> happened_days_of;  // by dense id: days it was used on; empty: none

  // Exclusions in catalog order, as the plan and the evaluation list them.
  std::vector<Exclusion> Exclusions(const Catalog& catalog) const;
};

// How a programme week's volume cap departs from section 5 (section 13): a programme
// passes these; a lone profile has none.
struct WeekOverrides {
  // A deload week: floor(7 x cap / 10) of the cap section 5 (or cap_from_minutes) gives.
  bool deload = false;
  // The week after a deload: the cap grows from these completed minutes (those of the
  // week before the deload) instead of last week's: min(band cap, max(60, floor(11 x M / 10))).
  std::optional<int> cap_from_minutes;
};

// Builds the context. kInvalidArgument when the profile names what the catalog does not
// know (CheckProfileAgainstCatalog) or `options` are out of range.
absl::StatusOr<WeekContext> BuildWeekContext(const Catalog& catalog, const Profile& profile,
                                             const PlannerOptions& options = {},
                                             const WeekOverrides& overrides = {});

// The pain band of a pain score.
PainBand BandOf(int pain, const PlannerOptions& options = {});

// What an evaluation holds. A planner judging its own week reads only the verdict, the
// violations and the score: kJudgement leaves `excluded` empty, since listing the
// exclusions was a third of a plan's heap allocations (the plan lists them itself).
enum class EvaluationDetail { kFull, kJudgement };

// Evaluate with a context already built for this profile (the planners' path).
Evaluation EvaluateInContext(const Catalog& catalog, const WeekContext& context, const Plan& plan,
                             const PlannerOptions& options,
                             EvaluationDetail detail = EvaluationDetail::kFull);

// An aerobic max_minutes after one week's progression: +10 % rounded up to a multiple
// of 5, at most 120 (section 8), i.e. min(120, 5 x ceil(11 x max / 50)).
int ProgressedAerobicMax(int max_minutes, const PlannerOptions& options = {});

}  // namespace backbalance

#endif  // BACKBALANCE_SRC_SOLVER_WEEK_CONTEXT_H_
