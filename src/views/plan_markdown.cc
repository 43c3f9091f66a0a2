// The Markdown view of a plan (RenderPlanMarkdown): GitHub-flavoured tables that a
// report or an issue tracker renders as they are.
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "backbalance/views/plan_views.h"
#include "views/plan_facts.h"

namespace backbalance {
namespace {

using internal::AsAbsl;
using internal::NameOf;

// Text safe in a table cell: `|` would end the cell and a newline the row; `\`, `*`,
// `_`, backticks, `[`, `]`, `!`, `~` and `#` would start formatting or a link; `<`, `>`
// and `&` would start raw HTML or an entity, which a renderer passes through (a name
// `<script>...` ran in the reader's page), so they become entities.
std::string Cell(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"\\", "\\\\"},
                                    {"|", "\\|"},
                                    {"*", "\\*"},
                                    {"_", "\\_"},
                                    {"`", "\\`"},
                                    {"[", "\\["},
                                    {"]", "\\]"},
                                    {"!", "\\!"},
                                    {"~", "\\~"},
                                    {"#", "\\#"},
                                    {"<", "&lt;"},
                                    {">", "&gt;"},
                                    {"&", "&amp;"},
                                    {"\r", " "},
                                    {"\n", " "}});
}

// An id in code spans, where `_` needs no escape; a backtick inside cannot occur in ids.
std::string Code(absl::string_view id) { return absl::StrCat("`", id, "`"); }

std::string FormatWeek(const Plan& plan, const Catalog& catalog) {
  std::string out = "## Week\n\n| Day | Phase | Exercise | Dose | Min |\n|---|---|---|---|---:|\n";
  for (const PlanDay& day : plan.days) {
    const std::string title = internal::DayTitle(day.day);
    if (day.rest()) {
      absl::StrAppend(&out, "| **", title, "** | rest | | | |\n");
      continue;
    }
    bool first = true;
    for (const PlanItem& item : day.items) {
      std::string exercise = absl::StrCat(Cell(internal::DisplayName(catalog, item.exercise)), " (",
                                          Code(item.exercise), ")");
      for (const std::string& note : internal::NoteTexts(item.notes)) {
        absl::StrAppend(&exercise, " *", Cell(note), "*");
      }
      absl::StrAppend(&out, "| ", first ? absl::StrCat("**", title, "**") : "", " | ",
                      NameOf(item.phase), " | ", exercise, " | ",
                      Cell(internal::ItemDoseText(item)), " | ", item.minutes, " |\n");
      first = false;
    }
    absl::StrAppend(&out, "| | | | day total | **", internal::DayMinutes(day), "** |\n");
  }
  return out;
}

std::string FormatTotals(const Plan& plan, const Catalog& catalog) {
  const Totals totals = internal::TotalsOf(plan, catalog);
  const bool has_targets = plan.targets.has_value();
  std::string out = has_targets ? "## Minutes against targets\n\n| Category | Planned | Target |\n"
                                  "|---|---:|---:|\n"
                                : "## Minutes\n\n| Category | Planned |\n|---|---:|\n";
  for (Category c : AllValues<Category>()) {
    const int i = static_cast<int>(c);
    absl::StrAppend(&out, "| ", NameOf(c), " | ", totals.by_category[i], " |",
                    has_targets ? absl::StrCat(" ", plan.targets->by_category[i], " |") : "", "\n");
  }
  absl::StrAppend(&out, "| **total** | **", totals.minutes, "** |",
                  has_targets ? absl::StrCat(" ", plan.targets->volume_cap, " (weekly cap) |") : "",
                  "\n");
  absl::StrAppend(&out, "| training days | ", internal::TrainingDays(plan), " |",
                  has_targets ? absl::StrCat(" ", plan.targets->min_training_days, "..",
                                             plan.targets->max_training_days, " |")
                              : "",
                  "\n");
  return out;
}

std::string FormatScore(const Plan& plan) {
  std::string out = absl::StrFormat("## Score %.2f\n\n", plan.score.value_or(0.0));
  if (!plan.score_terms) return out;
  out += "| Term | Value |\n|---|---:|\n";
  for (ScoreTerm term : AllValues<ScoreTerm>()) {
    absl::StrAppend(&out, "| ", Cell(NameOf(term)), " | ",
                    absl::StrFormat("%.3f", (*plan.score_terms)[static_cast<std::size_t>(term)]),
                    " |\n");
  }
  return out;
}

std::string FormatExcluded(const Plan& plan) {
  if (plan.excluded.empty()) return "## Excluded\n\nNone.\n";
  std::string out = absl::StrCat("## Excluded (", plan.excluded.size(), " exercises)\n\n");
  for (const internal::ExclusionGroup& group : internal::GroupExclusions(plan.excluded)) {
    absl::StrAppend(
        &out, "- ", Code(group.why()), " (", group.exercises.size(), "): ",
        absl::StrJoin(group.exercises, ", ",
                      [](std::string* s, const std::string& id) { absl::StrAppend(s, Code(id)); }),
        "\n");
  }
  return out;
}

template <typename Entry>
std::string FormatCoded(absl::string_view title, const std::vector<Entry>& entries) {
  std::string out = absl::StrCat("## ", title, "\n\n");
  for (const Entry& entry : entries) {
    absl::StrAppend(&out, "- ", Code(entry.code), ": ", Cell(entry.text), "\n");
  }
  return out;
}

}  // namespace

std::string RenderPlanMarkdown(const Plan& plan, const Catalog& catalog,
                               const MarkdownViewOptions& options) {
  std::string out =
      absl::StrCat("# ", Cell(options.title), "\n\n**Status:** ", NameOf(plan.status));
  if (plan.status == PlanStatus::kOk && plan.score) {
    absl::StrAppend(&out, absl::StrFormat(" · **Score:** %.2f", *plan.score));
  }
  for (const std::string& fact : internal::PlanFacts(plan)) absl::StrAppend(&out, " · ", fact);
  out += "\n\n";
  if (plan.status == PlanStatus::kRefer) {
    out += "**No exercise plan: the profile reports a red flag. See a clinician first.**\n\n";
  } else if (plan.status == PlanStatus::kInfeasible) {
    out += "**No week satisfies every hard rule.**\n\n";
  }
  if (!plan.diagnosis.empty()) out += FormatCoded("Diagnosis", plan.diagnosis) + "\n";
  if (plan.status == PlanStatus::kOk) {
    out += FormatWeek(plan, catalog) + "\n";
    out += FormatTotals(plan, catalog) + "\n";
    out += FormatScore(plan) + "\n";
  }
  out += FormatExcluded(plan) + "\n";
  if (!plan.advisories.empty()) out += FormatCoded("Advisories", plan.advisories) + "\n";
  absl::StrAppend(&out, "> ", internal::kAdviceNotice, "\n");
  if (const std::string provenance = internal::ProvenanceText(plan); !provenance.empty()) {
    absl::StrAppend(&out, "\n", Cell(provenance), "\n");
  }
  return out;
}

}  // namespace backbalance
