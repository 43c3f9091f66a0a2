// File: views/plan_facts.h (internal)
//
// What every view of a plan derives the same way, so that the text, Markdown, HTML and
// calendar views never disagree: day titles, minutes per day and per category (from the
// plan's totals or, for a plan loaded without them, from the catalog), the exclusions
// grouped by reason in the order of the eligibility rules, and how an item is named.
#ifndef BACKBALANCE_SRC_VIEWS_PLAN_FACTS_H_
#define BACKBALANCE_SRC_VIEWS_PLAN_FACTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"

namespace backbalance::internal {

// Debian 12's Abseil has its own string_view: std::string_view needs this to enter
// StrCat and StrJoin.
inline absl::string_view AsAbsl(std::string_view text) { return {text.data(), text.size()}; }

// The JSON name of a vocabulary value (ToName), for StrCat.
template <typename Enum>
absl::string_view NameOf(Enum value) {
  return AsAbsl(ToName(value));
}

// "Monday".."Sunday".
std::string DayTitle(int day);

// The sum of a day's item minutes (a loaded plan's `minutes` field is output only).
int DayMinutes(const PlanDay& day);

int TrainingDays(const Plan& plan);

// The plan's totals, or computed from its items and the catalog's categories.
Totals TotalsOf(const Plan& plan, const Catalog& catalog);

// Why an item is out, as every view shows it: the reason code with a space after its
// colon, then the `because` in parentheses when there is one:
// "contraindicated: osteoporosis (spinal_flexion)", "contraindicated: knee_pain (marked)",
// "caution: acute_flare", "impact".
std::string WhyText(std::string_view reason, const std::optional<std::string>& because);
inline std::string WhyText(const Exclusion& e) { return WhyText(e.reason, e.because); }

// One reason (and because) and the exercises excluded for it, in plan order.
struct ExclusionGroup {
  std::string reason;
  std::optional<std::string> because;
  std::vector<std::string> exercises;

  std::string why() const { return WhyText(reason, because); }
};

// Groups in the order of plan model section 4 (refer, excluded, equipment, ...); reasons
// of one rule (contraindicated:a, contraindicated:b), and the becauses of one reason, in
// order of first appearance.
std::vector<ExclusionGroup> GroupExclusions(const std::vector<Exclusion>& excluded);

// An item's notes as people read them: every `caution:<condition>` note joined into one
// "caution: herniated_disc, sciatica" (in the plan's order), "cleared" as "cleared by a
// clinician", any other note as it is; order of first appearance.
std::vector<std::string> NoteTexts(const std::vector<std::string>& notes);

// The clinician's marks of an item on `day` (TextViewOptions): "pinned" when it holds one
// of `pins`; "added" or "changed" when the plan's `changes` name its use so.
struct ItemMarks {
  bool pinned = false;
  std::optional<ChangeKind> change;
};
ItemMarks MarksOf(const Plan& plan, int day, const PlanItem& item, const std::vector<Pin>& pins);

// "Tuesday: superman removed", one per entry of the plan's `changes`, in its order.
std::vector<std::string> ChangeTexts(const Plan& plan);

// The catalog's display name of an exercise, or its id when the catalog lacks it.
std::string DisplayName(const Catalog& catalog, std::string_view id);

// The dose an item shows: its own, else "-".
std::string ItemDoseText(const PlanItem& item);

// The status line's facts: "pain band A", "backend heuristic, seed 1", ...
std::vector<std::string> PlanFacts(const Plan& plan);

// Where the plan comes from: "backbalance 0.2.0, plan model 2, catalog sha256 <hex>";
// "" for a plan without provenance. `sha_chars` shortens the hash (0: all of it).
std::string ProvenanceText(const Plan& plan, std::size_t sha_chars = 0);

// The sentence every view ends with: advice, not diagnosis.
inline constexpr absl::string_view kAdviceNotice =
    "backbalance gives general exercise advice for back pain that has been assessed; it "
    "does not diagnose and does not replace a physiotherapist or physician. Stop any "
    "exercise that makes pain worse.";

// A phase as the calendar and HTML views label an item: "warm-up", "main", "cool-down".
absl::string_view PhaseLabel(Phase phase);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_VIEWS_PLAN_FACTS_H_
