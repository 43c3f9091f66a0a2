#include "cli/text_format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace backbalance::cli {
namespace {

// Column widths of the week table; with two spaces between columns, 79 columns.
constexpr std::size_t kDayWidth = 9;
constexpr std::size_t kPhaseWidth = 8;
constexpr std::size_t kExerciseWidth = 32;
constexpr std::size_t kDoseWidth = 18;
constexpr std::size_t kMinutesWidth = 4;

absl::string_view AsAbsl(std::string_view text) { return {text.data(), text.size()}; }

std::string Pad(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::string PadLeft(std::string_view text, std::size_t width) {
  std::string out;
  if (text.size() < width) out.append(width - text.size(), ' ');
  out.append(text);
  return out;
}

std::string RightTrim(std::string line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

std::string DayTitle(int day) {
  std::string name(kDayNames[static_cast<std::size_t>(day) % kDayNames.size()]);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

// One table row; an exercise id longer than its column gets a line of its own.
std::string TableRow(std::string_view day, std::string_view phase, std::string_view exercise,
                     std::string_view dose, std::string_view minutes) {
  std::string out;
  std::string_view exercise_cell = exercise;
  if (exercise.size() > kExerciseWidth) {
    out += RightTrim(absl::StrCat(Pad(day, kDayWidth), "  ", Pad(phase, kPhaseWidth), "  ",
                                  AsAbsl(exercise))) +
           "\n";
    day = "";
    phase = "";
    exercise_cell = "";
  }
  out += RightTrim(absl::StrCat(Pad(day, kDayWidth), "  ", Pad(phase, kPhaseWidth), "  ",
                                Pad(exercise_cell, kExerciseWidth), "  ",
                                Pad(dose, kDoseWidth), "  ", PadLeft(minutes, kMinutesWidth))) +
         "\n";
  return out;
}

std::string FormatWeek(const Plan& plan) {
  std::string out = TableRow("Day", "Phase", "Exercise", "Dose", "Min");
  out += TableRow(std::string(kDayWidth, '-'), std::string(kPhaseWidth, '-'),
                  std::string(kExerciseWidth, '-'), std::string(kDoseWidth, '-'),
                  std::string(kMinutesWidth, '-'));
  const std::size_t notes_indent = kDayWidth + 2 + kPhaseWidth + 2;
  for (const PlanDay& day : plan.days) {
    if (day.rest()) {
      out += RightTrim(absl::StrCat(Pad(DayTitle(day.day), kDayWidth), "  rest")) + "\n";
      continue;
    }
    int minutes = 0;
    bool first = true;
    for (const PlanItem& item : day.items) {
      minutes += item.minutes;
      out += TableRow(first ? DayTitle(day.day) : "", ToName(item.phase), item.exercise,
                      item.dose ? DoseText(*item.dose) : "-", absl::StrCat(item.minutes));
      first = false;
      for (const std::string& note : item.notes) {
        out += Wrap(absl::StrCat("note: ", note), std::string(notes_indent + 2, ' '),
                    std::string(notes_indent + 8, ' '));
      }
    }
    out += TableRow("", "", "", "day total", absl::StrCat(minutes));
  }
  return out;
}

Totals ComputeTotals(const Plan& plan, const Catalog& catalog) {
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

std::string FormatTotals(const Plan& plan, const Catalog& catalog) {
  const Totals totals = plan.totals ? *plan.totals : ComputeTotals(plan, catalog);
  const bool has_targets = plan.targets.has_value();
  int training_days = 0;
  for (const PlanDay& day : plan.days) training_days += day.rest() ? 0 : 1;

  std::string out = absl::StrCat(Pad("Minutes", 16), PadLeft("planned", 9),
                                 has_targets ? PadLeft("target", 9) : "", "\n");
  for (Category c : AllValues<Category>()) {
    const int i = static_cast<int>(c);
    absl::StrAppend(&out, Pad(absl::StrCat("  ", AsAbsl(ToName(c))), 16),
                    PadLeft(absl::StrCat(totals.by_category[i]), 9),
                    has_targets ? PadLeft(absl::StrCat(plan.targets->by_category[i]), 9) : "",
                    "\n");
  }
  absl::StrAppend(&out, Pad("  total", 16), PadLeft(absl::StrCat(totals.minutes), 9),
                  has_targets ? absl::StrCat(PadLeft(absl::StrCat(plan.targets->volume_cap), 9),
                                             " (weekly cap)")
                              : "",
                  "\n");
  absl::StrAppend(&out, Pad("Training days", 16), PadLeft(absl::StrCat(training_days), 9),
                  has_targets ? PadLeft(absl::StrCat(plan.targets->min_training_days, "..",
                                                     plan.targets->max_training_days),
                                        9)
                              : "",
                  "\n");
  return out;
}

std::string FormatScore(const Plan& plan) {
  std::string out = absl::StrFormat("Score %.2f", plan.score.value_or(0.0));
  out += "\n";
  if (!plan.score_terms) return out;
  const ScoreTerms& terms = *plan.score_terms;
  const int half = (kScoreTermCount + 1) / 2;
  for (int row = 0; row < half; ++row) {
    std::string line = absl::StrFormat("  %-18s %6.3f", ToName(static_cast<ScoreTerm>(row)),
                                       terms[static_cast<std::size_t>(row)]);
    const int right = row + half;
    if (right < kScoreTermCount) {
      absl::StrAppend(&line, absl::StrFormat("     %-18s %6.3f",
                                             ToName(static_cast<ScoreTerm>(right)),
                                             terms[static_cast<std::size_t>(right)]));
    }
    out += line + "\n";
  }
  return out;
}

// The rank of a reason code in the order of plan model section 4.
int ReasonRank(std::string_view reason) {
  static constexpr std::array<std::string_view, 9> kOrder = {
      "refer",      "excluded",   "equipment", "contraindicated", "unreviewed",
      "impact",     "difficulty", "caution",   "worsened"};
  const std::string_view head = reason.substr(0, reason.find(':'));
  for (std::size_t i = 0; i < kOrder.size(); ++i) {
    if (kOrder[i] == head) return static_cast<int>(i);
  }
  return static_cast<int>(kOrder.size());
}

std::string FormatExcluded(const std::vector<Exclusion>& excluded) {
  if (excluded.empty()) return "Excluded: none\n";
  // Groups in the order of section 4, reasons of one rule in order of first appearance.
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const Exclusion& e : excluded) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return g.first == e.reason; });
    if (it == groups.end()) {
      groups.push_back({e.reason, {}});
      it = std::prev(groups.end());
    }
    it->second.push_back(e.exercise);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return ReasonRank(a.first) < ReasonRank(b.first);
  });
  std::string out = absl::StrCat("Excluded (", excluded.size(), " exercises)\n");
  for (const auto& [reason, ids] : groups) {
    const std::string head = absl::StrCat("  ", reason, " (", ids.size(), "): ");
    out += Wrap(absl::StrJoin(ids, ", "), head, "      ");
  }
  return out;
}

std::string FormatCoded(std::string_view title, const auto& entries) {
  std::string out = absl::StrCat(AsAbsl(title), "\n");
  for (const auto& entry : entries) {
    out += Wrap(entry.text, absl::StrCat("  ", entry.code, ": "), "      ");
  }
  return out;
}

}  // namespace

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

std::string Wrap(std::string_view text, std::string_view first_prefix,
                 std::string_view next_prefix, std::size_t width) {
  std::string out;
  std::string line(first_prefix);
  bool line_has_word = false;
  for (absl::string_view word : absl::StrSplit(AsAbsl(text), ' ', absl::SkipEmpty())) {
    if (line_has_word && line.size() + 1 + word.size() > width) {
      out += RightTrim(line) + "\n";
      line = std::string(next_prefix);
      line_has_word = false;
    }
    if (line_has_word) line += ' ';
    line.append(word.data(), word.size());
    line_has_word = true;
  }
  out += RightTrim(line) + "\n";
  return out;
}

std::string FormatPlanText(const Plan& plan, const Catalog& catalog, std::string_view title) {
  std::string out = absl::StrCat(AsAbsl(title), ": status ", AsAbsl(ToName(plan.status)));
  if (plan.status == PlanStatus::kOk && plan.score) {
    absl::StrAppend(&out, absl::StrFormat(", score %.2f", *plan.score));
  }
  out += "\n";
  std::vector<std::string> facts;
  if (plan.targets) facts.push_back(absl::StrCat("pain band ", AsAbsl(ToName(plan.targets->band))));
  if (plan.solver) {
    std::string solver = absl::StrCat("backend ", plan.solver->backend, ", seed ",
                                      plan.solver->seed);
    if (plan.solver->proven_optimal.has_value()) {
      absl::StrAppend(&solver, *plan.solver->proven_optimal ? ", proven optimal" : ", not proven optimal");
    }
    if (plan.solver->gap.has_value()) {
      absl::StrAppend(&solver, absl::StrFormat(", gap %g", *plan.solver->gap));
    }
    if (plan.solver->cut_short) absl::StrAppend(&solver, ", cut short by the time limit");
    facts.push_back(std::move(solver));
  }
  if (!facts.empty()) out += Wrap(absl::StrJoin(facts, "; "), "", "");
  out += "\n";

  if (plan.status == PlanStatus::kRefer) {
    out += "No exercise plan: the profile reports a red flag. See a clinician first.\n\n";
  } else if (plan.status == PlanStatus::kInfeasible) {
    out += "No week satisfies every hard rule.\n\n";
  }
  if (!plan.diagnosis.empty()) out += FormatCoded("Diagnosis", plan.diagnosis) + "\n";

  if (plan.status == PlanStatus::kOk) {
    out += FormatWeek(plan) + "\n";
    out += FormatTotals(plan, catalog) + "\n";
    out += FormatScore(plan) + "\n";
  }
  out += FormatExcluded(plan.excluded);
  if (!plan.advisories.empty()) out += "\n" + FormatCoded("Advisories", plan.advisories);
  return out;
}

}  // namespace backbalance::cli
