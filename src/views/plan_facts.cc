#include "views/plan_facts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "backbalance/io/plan_views.h"

namespace backbalance {

std::string DoseText(const Dose& dose) {
  switch (dose.form) {
    case DoseForm::kSetsReps:
      return absl::StrCat(dose.sets, " x ", dose.reps, " reps");
    case DoseForm::kHoldReps:
      return absl::StrCat(dose.reps, " x ", dose.hold_seconds, " s hold");
    case DoseForm::kMinutes:
      return absl::StrCat(dose.minutes, " min");
    default:
      return "-";
  }
}

namespace internal {

std::string DayTitle(int day) {
  std::string name(kDayNames[static_cast<std::size_t>(day) % kDayNames.size()]);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

int DayMinutes(const PlanDay& day) {
  int minutes = 0;
  for (const PlanItem& item : day.items) minutes += item.minutes;
  return minutes;
}

int TrainingDays(const Plan& plan) {
  return static_cast<int>(std::count_if(plan.days.begin(), plan.days.end(),
                                        [](const PlanDay& d) { return !d.rest(); }));
}

Totals TotalsOf(const Plan& plan, const Catalog& catalog) {
  if (plan.totals) return *plan.totals;
  Totals totals;
  for (const PlanDay& day : plan.days) {
    for (const PlanItem& item : day.items) {
      totals.minutes += item.minutes;
      if (auto exercise = catalog.Find(item.exercise)) {
        totals.by_category[static_cast<int>(exercise->category)] += item.minutes;
      }
    }
  }
  return totals;
}

namespace {

// The rank of a reason code in the order of plan model section 4.
int ReasonRank(absl::string_view reason) {
  static constexpr std::array<absl::string_view, 9> kOrder = {
      "refer",  "excluded",   "equipment", "contraindicated", "unreviewed",
      "impact", "difficulty", "caution",   "worsened"};
  const absl::string_view head = reason.substr(0, reason.find(':'));
  const auto it = std::find(kOrder.begin(), kOrder.end(), head);
  return static_cast<int>(std::distance(kOrder.begin(), it));
}

}  // namespace

std::vector<ExclusionGroup> GroupExclusions(const std::vector<Exclusion>& excluded) {
  std::vector<ExclusionGroup> groups;
  for (const Exclusion& e : excluded) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const ExclusionGroup& g) { return g.reason == e.reason; });
    if (it == groups.end()) {
      groups.push_back({e.reason, {}});
      it = std::prev(groups.end());
    }
    it->exercises.push_back(e.exercise);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return ReasonRank(a.reason) < ReasonRank(b.reason);
  });
  return groups;
}

std::string DisplayName(const Catalog& catalog, std::string_view id) {
  if (auto exercise = catalog.Find(id); exercise && !exercise->name.empty()) {
    return exercise->name;
  }
  return std::string(id);
}

std::string ItemDoseText(const PlanItem& item) { return item.dose ? DoseText(*item.dose) : "-"; }

std::vector<std::string> PlanFacts(const Plan& plan) {
  std::vector<std::string> facts;
  if (plan.targets) facts.push_back(absl::StrCat("pain band ", NameOf(plan.targets->band)));
  if (plan.solver) {
    std::string solver =
        absl::StrCat("backend ", plan.solver->backend, ", seed ", plan.solver->seed);
    if (plan.solver->proven_optimal.has_value()) {
      absl::StrAppend(&solver,
                      *plan.solver->proven_optimal ? ", proven optimal" : ", not proven optimal");
    }
    if (plan.solver->gap.has_value()) {
      absl::StrAppend(&solver, absl::StrFormat(", gap %g", *plan.solver->gap));
    }
    if (plan.solver->cut_short) absl::StrAppend(&solver, ", cut short by the time limit");
    facts.push_back(std::move(solver));
  }
  return facts;
}

}  // namespace internal
}  // namespace backbalance
