// The terminal view of a plan (RenderPlanText): fixed columns that fit 80 characters,
// ASCII bars so that widths stay byte counts, and ANSI colour only when asked for:
// colour codes are added after padding so they never shift a column.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "backbalance/views/plan_views.h"
#include "views/plan_facts.h"

namespace backbalance {
namespace {

using internal::AsAbsl;
using internal::NameOf;

using internal::DayTitle;

constexpr std::size_t kTextWidth = 80;
// Column widths of the week table; with two spaces between columns, 79 columns.
constexpr std::size_t kDayWidth = 9;
constexpr std::size_t kPhaseWidth = 8;
constexpr std::size_t kExerciseWidth = 32;
constexpr std::size_t kDoseWidth = 18;
constexpr std::size_t kMinutesWidth = 4;
constexpr std::size_t kBarWidth = 20;

// SGR codes.
constexpr absl::string_view kBold = "1";
constexpr absl::string_view kDim = "2";
constexpr absl::string_view kRed = "31";
constexpr absl::string_view kGreen = "32";
constexpr absl::string_view kYellow = "33";
constexpr absl::string_view kCyan = "36";

class Painter {
 public:
  explicit Painter(bool enabled) : enabled_(enabled) {}
  std::string operator()(absl::string_view text, absl::string_view code) const {
    if (!enabled_ || text.empty()) return std::string(text);
    return absl::StrCat("\x1b[", code, "m", text, "\x1b[0m");
  }

 private:
  bool enabled_;
};

std::string Pad(absl::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::string PadLeft(absl::string_view text, std::size_t width) {
  std::string out;
  if (text.size() < width) out.append(width - text.size(), ' ');
  out.append(text.data(), text.size());
  return out;
}

std::string RightTrim(std::string line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// `text` broken at spaces into lines of at most kTextWidth columns; the first line starts
// with `first_prefix`, the others with `next_prefix`. Each line ends in a newline.
std::string Wrap(absl::string_view text, absl::string_view first_prefix,
                 absl::string_view next_prefix) {
  std::string out;
  std::string line(first_prefix);
  bool line_has_word = false;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (line_has_word && line.size() + 1 + word.size() > kTextWidth) {
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

// "[#####...............]" for a fraction in [0, 1] (clamped), coloured by how full.
std::string Bar(double fraction, const Painter& paint) {
  if (!(fraction > 0)) fraction = 0;  // NaN too
  if (fraction > 1) fraction = 1;
  const auto filled = static_cast<std::size_t>(fraction * kBarWidth + 0.5);
  const absl::string_view colour = fraction >= 0.999 ? kGreen : fraction >= 0.5 ? kYellow : kRed;
  return absl::StrCat("[", paint(std::string(filled, '#'), colour),
                      std::string(kBarWidth - filled, '.'), "]");
}

// One table row; an exercise id longer than its column gets a line of its own.
std::string TableRow(absl::string_view day, absl::string_view phase, absl::string_view exercise,
                     absl::string_view dose, absl::string_view minutes) {
  std::string out;
  absl::string_view exercise_cell = exercise;
  if (exercise.size() > kExerciseWidth) {
    out += RightTrim(
               absl::StrCat(Pad(day, kDayWidth), "  ", Pad(phase, kPhaseWidth), "  ", exercise)) +
           "\n";
    day = "";
    phase = "";
    exercise_cell = "";
  }
  out += RightTrim(absl::StrCat(Pad(day, kDayWidth), "  ", Pad(phase, kPhaseWidth), "  ",
                                Pad(exercise_cell, kExerciseWidth), "  ", Pad(dose, kDoseWidth),
                                "  ", PadLeft(minutes, kMinutesWidth))) +
         "\n";
  return out;
}

std::string FormatWeek(const Plan& plan, const std::vector<Pin>& pins, const Painter& paint) {
  std::string header = TableRow("Day", "Phase", "Exercise", "Dose", "Min");
  header.pop_back();  // the newline goes outside the colour
  std::string out = paint(header, kBold) + "\n";
  out += TableRow(std::string(kDayWidth, '-'), std::string(kPhaseWidth, '-'),
                  std::string(kExerciseWidth, '-'), std::string(kDoseWidth, '-'),
                  std::string(kMinutesWidth, '-'));
  const std::size_t notes_indent = kDayWidth + 2 + kPhaseWidth + 2;
  for (const PlanDay& day : plan.days) {
    if (day.rest()) {
      out += absl::StrCat(paint(Pad(DayTitle(day.day), kDayWidth), kBold), "  ",
                          paint("rest", kDim), "\n");
      continue;
    }
    bool first = true;
    for (const PlanItem& item : day.items) {
      std::string row = TableRow(first ? DayTitle(day.day) : "", NameOf(item.phase), item.exercise,
                                 internal::ItemDoseText(item), absl::StrCat(item.minutes));
      if (first) row = paint(row.substr(0, kDayWidth), kBold) + row.substr(kDayWidth);
      out += row;
      first = false;
      // The clinician's marks first, in colour: what a clinician fixed, what a repair did.
      const internal::ItemMarks marks = internal::MarksOf(plan, day.day, item, pins);
      const std::string indent(notes_indent + 2, ' ');
      if (marks.pinned) out += indent + paint("pinned", kCyan) + "\n";
      if (marks.change) {
        out +=
            indent + paint(absl::StrCat(NameOf(*marks.change), " by the repair"), kYellow) + "\n";
      }
      for (const std::string& note : internal::NoteTexts(item.notes)) {
        out += Wrap(absl::StrCat("note: ", note), std::string(notes_indent + 2, ' '),
                    std::string(notes_indent + 8, ' '));
      }
    }
    out += TableRow("", "", "", "day total", absl::StrCat(internal::DayMinutes(day)));
  }
  return out;
}

// What a repair changed, removed uses included: "Changes (3)", then one line each.
std::string FormatChanges(const Plan& plan, const Painter& paint) {
  const std::vector<std::string> changes = internal::ChangeTexts(plan);
  if (changes.empty()) return paint("Changes: none (the week was valid)", kBold) + "\n";
  std::string out = paint(absl::StrCat("Changes (", changes.size(), ")"), kBold) + "\n";
  for (const std::string& change : changes) out += Wrap(change, "  ", "      ");
  return out;
}

std::string FormatTotals(const Plan& plan, const Catalog& catalog, const Painter& paint) {
  const Totals totals = internal::TotalsOf(plan, catalog);
  const bool has_targets = plan.targets.has_value();
  std::string out = paint(absl::StrCat(Pad("Minutes", 16), PadLeft("planned", 9),
                                       has_targets ? PadLeft("target", 9) : ""),
                          kBold);
  out += "\n";
  for (Category c : AllValues<Category>()) {
    const int i = static_cast<int>(c);
    absl::StrAppend(&out, Pad(absl::StrCat("  ", NameOf(c)), 16),
                    PadLeft(absl::StrCat(totals.by_category[i]), 9));
    if (has_targets) {
      const int target = plan.targets->by_category[i];
      absl::StrAppend(&out, PadLeft(absl::StrCat(target), 9));
      if (target > 0) {
        const double share = static_cast<double>(totals.by_category[i]) / target;
        absl::StrAppend(&out, "  ", Bar(share, paint),
                        PadLeft(absl::StrCat(static_cast<int>(share * 100 + 0.5), "%"), 6));
      }
    }
    out += "\n";
  }
  absl::StrAppend(&out, Pad("  total", 16), PadLeft(absl::StrCat(totals.minutes), 9),
                  has_targets ? absl::StrCat(PadLeft(absl::StrCat(plan.targets->volume_cap), 9),
                                             " (weekly cap)")
                              : "",
                  "\n");
  absl::StrAppend(&out, Pad("Training days", 16),
                  PadLeft(absl::StrCat(internal::TrainingDays(plan)), 9),
                  has_targets ? PadLeft(absl::StrCat(plan.targets->min_training_days, "..",
                                                     plan.targets->max_training_days),
                                        9)
                              : "",
                  "\n");
  return out;
}

std::string FormatScore(const Plan& plan, const Painter& paint) {
  std::string out = paint(absl::StrFormat("Score %.2f", plan.score.value_or(0.0)), kBold);
  out += "\n";
  if (!plan.score_terms) return out;
  for (ScoreTerm term : AllValues<ScoreTerm>()) {
    const double value = (*plan.score_terms)[static_cast<std::size_t>(term)];
    absl::StrAppend(&out, absl::StrFormat("  %-18s %6.3f  ", NameOf(term), value),
                    Bar(value, paint), "\n");
  }
  return out;
}

std::string FormatExcluded(const std::vector<Exclusion>& excluded, const Painter& paint) {
  if (excluded.empty()) return paint("Excluded: none", kBold) + "\n";
  std::string out = paint(absl::StrCat("Excluded (", excluded.size(), " exercises)"), kBold);
  out += "\n";
  for (const internal::ExclusionGroup& group : internal::GroupExclusions(excluded)) {
    // Wrap measures the plain head; the colour goes on afterwards.
    // "contraindicated: osteoporosis (spinal_flexion) (3): curl_up, childs_pose, ...".
    const std::string why = group.why();
    const std::string head = absl::StrCat("  ", why, " (", group.exercises.size(), "): ");
    const std::string ids = absl::StrJoin(group.exercises, ", ");
    // A long why leaves no room for the first id: the ids start on the next line.
    const std::size_t first_id = group.exercises.empty() ? 0 : group.exercises[0].size() + 1;
    std::string lines = head.size() + first_id > kTextWidth
                            ? RightTrim(head) + "\n" + Wrap(ids, "      ", "      ")
                            : Wrap(ids, head, "      ");
    out += absl::StrCat("  ", paint(why, kYellow), lines.substr(2 + why.size()));
  }
  return out;
}

template <typename Entry>
std::string FormatCoded(absl::string_view title, const std::vector<Entry>& entries,
                        const Painter& paint) {
  std::string out = paint(title, kBold) + "\n";
  for (const Entry& entry : entries) {
    std::string lines = Wrap(entry.text, absl::StrCat("  ", entry.code, ": "), "      ");
    out += absl::StrCat("  ", paint(entry.code, kCyan), lines.substr(2 + entry.code.size()));
  }
  return out;
}

absl::string_view StatusColour(PlanStatus status) {
  switch (status) {
    case PlanStatus::kOk:
      return kGreen;
    case PlanStatus::kInfeasible:
      return kYellow;
    default:
      return kRed;
  }
}

}  // namespace

std::string RenderPlanText(const Plan& plan, const Catalog& catalog,
                           const TextViewOptions& options) {
  const Painter paint(options.color);
  std::string out = absl::StrCat(paint(options.title, kBold), ": status ",
                                 paint(NameOf(plan.status), StatusColour(plan.status)));
  if (plan.status == PlanStatus::kOk && plan.score) {
    absl::StrAppend(&out, absl::StrFormat(", score %.2f", *plan.score));
  }
  out += "\n";
  const std::vector<std::string> facts = internal::PlanFacts(plan);
  if (!facts.empty()) out += Wrap(absl::StrJoin(facts, "; "), "", "");
  out += "\n";

  if (plan.status == PlanStatus::kRefer) {
    out += paint("No exercise plan: the profile reports a red flag. See a clinician first.", kRed) +
           "\n\n";
  } else if (plan.status == PlanStatus::kInfeasible) {
    out += "No week satisfies every hard rule.\n\n";
  }
  if (!plan.diagnosis.empty()) out += FormatCoded("Diagnosis", plan.diagnosis, paint) + "\n";

  if (plan.status == PlanStatus::kOk) {
    out += FormatWeek(plan, options.pins, paint) + "\n";
    if (plan.changes) out += FormatChanges(plan, paint) + "\n";
    out += FormatTotals(plan, catalog, paint) + "\n";
    out += FormatScore(plan, paint) + "\n";
  }
  out += FormatExcluded(plan.excluded, paint);
  if (!plan.advisories.empty()) out += "\n" + FormatCoded("Advisories", plan.advisories, paint);
  // The hash shortened to 12 hex digits keeps the line within 80 columns.
  if (const std::string provenance = internal::ProvenanceText(plan, 12); !provenance.empty()) {
    out += "\n" + Wrap(provenance, "", "  ");
  }
  return out;
}

}  // namespace backbalance
