#include "views/plan_facts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "backbalance/views/plan_views.h"

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

std::string WhyText(std::string_view reason, const std::optional<std::string>& because) {
  std::string out(reason);
  if (const std::size_t colon = out.find(':'); colon != std::string::npos) {
    out.insert(colon + 1, " ");
  }
  if (because && !because->empty()) absl::StrAppend(&out, " (", AsAbsl(*because), ")");
  return out;
}

std::vector<std::string> NoteTexts(const std::vector<std::string>& notes) {
  constexpr std::string_view kCaution = "caution:";
  std::vector<std::string> out;
  std::size_t caution_at = std::string::npos;
  for (const std::string& note : notes) {
    if (note.rfind(kCaution, 0) == 0) {
      const std::string condition = note.substr(kCaution.size());
      if (caution_at == std::string::npos) {
        caution_at = out.size();
        out.push_back("caution: " + condition);
      } else {
        absl::StrAppend(&out[caution_at], ", ", condition);
      }
    } else if (note == "cleared") {
      out.push_back("cleared by a clinician");
    } else {
      out.push_back(note);
    }
  }
  return out;
}

ItemMarks MarksOf(const Plan& plan, int day, const PlanItem& item, const std::vector<Pin>& pins) {
  ItemMarks marks;
  marks.pinned = std::any_of(pins.begin(), pins.end(), [&](const Pin& pin) {
    return pin.day == day && pin.exercise == item.exercise &&
           (!pin.phase || *pin.phase == item.phase) &&
           (!pin.minutes || *pin.minutes == item.minutes);
  });
  if (plan.changes) {
    for (const PlanChange& change : *plan.changes) {
      // A removed use is not in this plan; an item of the plan is added or changed.
      if (change.day == day && change.exercise == item.exercise &&
          change.kind != ChangeKind::kRemoved) {
        marks.change = change.kind;
        break;
      }
    }
  }
  return marks;
}

std::vector<std::string> ChangeTexts(const Plan& plan) {
  std::vector<std::string> out;
  if (!plan.changes) return out;
  for (const PlanChange& change : *plan.changes) {
    out.push_back(absl::StrCat(DayTitle(change.day), ": ", AsAbsl(change.exercise), " ",
                               NameOf(change.kind)));
  }
  return out;
}

std::vector<ExclusionGroup> GroupExclusions(const std::vector<Exclusion>& excluded) {
  std::vector<ExclusionGroup> groups;
  for (const Exclusion& e : excluded) {
    auto it = std::find_if(groups.begin(), groups.end(), [&](const ExclusionGroup& g) {
      return g.reason == e.reason && g.because == e.because;
    });
    if (it == groups.end()) {
      groups.push_back({e.reason, e.because, {}});
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

std::string ProvenanceText(const Plan& plan, std::size_t sha_chars) {
  if (!plan.provenance) return "";
  const Provenance& p = *plan.provenance;
  std::vector<std::string> parts;
  if (!p.library.empty()) parts.push_back(p.library);
  parts.push_back(absl::StrCat("plan model ", p.model));
  if (!p.catalog_sha256.empty()) {
    std::string sha = p.catalog_sha256;
    if (sha_chars > 0 && sha.size() > sha_chars) sha = sha.substr(0, sha_chars);
    parts.push_back(absl::StrCat("catalog sha256 ", sha));
  }
  return absl::StrJoin(parts, ", ");
}

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

absl::string_view PhaseLabel(Phase phase) {
  switch (phase) {
    case Phase::kWarmup:
      return "warm-up";
    case Phase::kMain:
      return "main";
    case Phase::kCooldown:
      return "cool-down";
    default:
      return "";
  }
}

}  // namespace internal
}  // namespace backbalance
