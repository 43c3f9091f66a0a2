// The HTML view of a plan (RenderPlanHtml): one self-contained page. Everything it needs
// is inline (CSS, an SVG chart) so that it can be mailed, archived or opened offline, and
// it uses no scripts: hover (title attributes) and <details> give the detail on demand.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "backbalance/views/plan_views.h"
#include "views/html_escape.h"
#include "views/plan_facts.h"

namespace backbalance {
namespace {

using internal::AsAbsl;
using internal::NameOf;

std::string Escape(absl::string_view text) { return internal::HtmlEscape(text); }

// Category colours, chosen to stay apart for common colour-vision deficiencies and to
// keep white text readable (contrast >= 4.5:1); indexed by Category.
constexpr absl::string_view kCategoryColours[] = {"#b3470f", "#1f5fa8", "#2b7a3d", "#6b3fa0",
                                                  "#0b6e7a"};

constexpr absl::string_view kStyle = R"css(
:root { --ink: #1d232b; --muted: #56606c; --line: #d4d9df; --paper: #ffffff; --wash: #f3f5f7;
  --aerobic: #b3470f; --strength: #1f5fa8; --flexibility: #2b7a3d; --balance: #6b3fa0;
  --relaxation: #0b6e7a; --unknown: #56606c; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; font: 15px/1.45 "DejaVu Sans", system-ui, sans-serif;
  color: var(--ink); background: var(--paper); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .6rem; border-bottom: 1px solid var(--line);
  padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 0; }
.summary { margin: 0; color: var(--muted); }
.status { display: inline-block; padding: 0 .5em; border-radius: 1em; color: #fff;
  font-weight: bold; }
.status-ok { background: #2b7a3d; } .status-infeasible { background: #8a5a00; }
.status-refer { background: #b02a2a; }
.alert { border-left: 6px solid #b02a2a; background: #fbeaea; padding: .75rem 1rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: 0 0 .75rem; padding: 0;
  list-style: none; font-size: .85rem; color: var(--muted); }
.legend .swatch { display: inline-block; width: .9em; height: .9em; border-radius: .2em;
  vertical-align: -.1em; margin-right: .3em; }
.week { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: .5rem; }
.day { border: 1px solid var(--line); border-radius: .5rem; background: var(--wash);
  padding: .5rem; min-height: 8rem; }
.day h3 { display: flex; justify-content: space-between; align-items: baseline; gap: .3rem; }
.day-minutes { font-weight: normal; font-size: .8rem; color: var(--muted); }
.rest-label { color: var(--muted); font-style: italic; margin: .75rem 0 0; }
.items { list-style: none; margin: .5rem 0 0; padding: 0; display: grid; gap: .35rem; }
.item { background: var(--paper); border: 1px solid var(--line);
  border-left: 5px solid var(--cat); border-radius: .35rem; padding: .3rem .4rem;
  font-size: .82rem; }
.item summary { cursor: pointer; list-style: none; }
.item summary::-webkit-details-marker { display: none; }
.item summary:focus-visible { outline: 2px solid var(--cat); outline-offset: 2px; }
.item .phase { display: block; font-size: .7rem; text-transform: uppercase;
  letter-spacing: .04em; color: var(--cat); font-weight: bold; }
.item .name { display: block; font-weight: bold; }
.item .dose { display: block; color: var(--muted); }
.impact { display: inline-block; margin-top: .15rem; padding: 0 .4em; border-radius: .3em;
  font-size: .7rem; border: 1px solid currentColor; }
.impact-low { color: #2b7a3d; } .impact-moderate { color: #8a5a00; }
.impact-high { color: #b02a2a; font-weight: bold; }
.flag { display: inline-block; margin: .15rem 0 0 .2rem; padding: 0 .4em; border-radius: .3em;
  font-size: .7rem; }
.flag-caution { background: #fff3cd; color: #6b4a00; border: 1px solid #c99a00; }
.flag-cleared { background: #e3f1e6; color: #1f5c2e; border: 1px solid #2b7a3d; }
.flag-pinned { background: #e6eefa; color: #163f73; border: 1px solid #1f5fa8; }
.flag-change { background: #f4e9fb; color: #4d2a75; border: 1px solid #6b3fa0; }
.changes li { margin: .2rem 0; }
.item dl { margin: .35rem 0 0; display: grid; grid-template-columns: auto 1fr;
  gap: .1rem .4rem; font-size: .75rem; }
.item dt { color: var(--muted); } .item dd { margin: 0; }
.cat-aerobic { --cat: var(--aerobic); } .cat-strength { --cat: var(--strength); }
.cat-flexibility { --cat: var(--flexibility); } .cat-balance { --cat: var(--balance); }
.cat-relaxation { --cat: var(--relaxation); } .cat-unknown { --cat: var(--unknown); }
.panels { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0 2rem; }
figure { margin: 0; } figcaption { font-size: .85rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .2rem .4rem; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.meter { display: block; height: .7rem; background: var(--wash); border: 1px solid var(--line);
  border-radius: .35rem; overflow: hidden; min-width: 6rem; }
.meter span { display: block; height: 100%; background: #1f5fa8; }
.excluded details { margin: .3rem 0; }
.excluded summary { cursor: pointer; }
.excluded ul { columns: 3 14rem; margin: .3rem 0 .6rem; font-size: .85rem; }
.advisories li, .diagnosis li { margin: .25rem 0; }
code { font-size: .85em; }
.notice { margin-top: 2rem; border: 1px solid var(--line); border-left: 6px solid #8a5a00;
  background: #fff8e6; padding: .75rem 1rem; }
.provenance { color: var(--muted); font-size: .75rem; }
svg text { font: 12px "DejaVu Sans", system-ui, sans-serif; fill: var(--ink); }
@media (max-width: 900px) { .week, .panels { grid-template-columns: 1fr; } }
@media print {
  @page { size: landscape; margin: 1cm; }
  body { padding: 0; font-size: 10px; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .week { grid-template-columns: repeat(7, minmax(0, 1fr)); gap: .25rem; }
  .day { break-inside: avoid; min-height: 0; }
  details::details-content { content-visibility: visible; display: block; }
  .item summary, .excluded summary { cursor: auto; }
  section { break-inside: avoid-page; }
}
)css";

std::string CategoryClass(const Catalog& catalog, std::string_view id) {
  if (auto exercise = catalog.Find(id)) return absl::StrCat("cat-", NameOf(exercise->category));
  return "cat-unknown";
}

std::string Legend() {
  std::string out = R"(<ul class="legend" aria-label="Legend">)";
  for (Category c : AllValues<Category>()) {
    absl::StrAppend(&out, "<li><span class=\"swatch\" style=\"background:var(--", NameOf(c),
                    ")\" aria-hidden=\"true\"></span>", NameOf(c), "</li>");
  }
  out += R"(<li>impact: <span class="impact impact-low">low</span> )"
         R"(<span class="impact impact-moderate">moderate</span> )"
         R"(<span class="impact impact-high">high</span></li></ul>)";
  out += "\n";
  return out;
}

std::string Item(const PlanItem& item, const internal::ItemMarks& marks, const Catalog& catalog) {
  const auto exercise = catalog.Find(item.exercise);
  const std::string name = internal::DisplayName(catalog, item.exercise);
  const std::string dose = internal::ItemDoseText(item);
  const std::string minutes = absl::StrCat(item.minutes, " min");
  // An aerobic item's dose is its minutes: say it once.
  const std::string in_view = dose == minutes ? minutes : absl::StrCat(dose, " · ", minutes);
  const absl::string_view impact = exercise ? NameOf(exercise->impact) : "unknown";
  const std::string category = exercise ? std::string(NameOf(exercise->category)) : "unknown";
  std::string hover = absl::StrCat(name, ": ", internal::PhaseLabel(item.phase), ", ", dose, ", ",
                                   item.minutes, " min, ", category, ", ", impact, " impact");
  if (!item.reasons.empty()) absl::StrAppend(&hover, ". Why: ", absl::StrJoin(item.reasons, "; "));
  const std::vector<std::string> notes = internal::NoteTexts(item.notes);
  if (!notes.empty()) absl::StrAppend(&hover, ". Notes: ", absl::StrJoin(notes, "; "));
  // A badge in view for what a clinician should see at a glance: a caution item (all its
  // conditions in one badge) or an item a clinician cleared.
  std::string flags;
  if (marks.pinned) {
    flags += R"( <span class="flag flag-pinned" title="pinned by a clinician">pinned</span>)";
  }
  if (marks.change) {
    absl::StrAppend(&flags, R"( <span class="flag flag-change" title=")", NameOf(*marks.change),
                    R"( by the repair">)", NameOf(*marks.change), "</span>");
  }
  for (const std::string& note : notes) {
    if (note.rfind("caution: ", 0) == 0) {
      absl::StrAppend(&flags, R"( <span class="flag flag-caution" title=")", Escape(note), R"(">)",
                      Escape(note), "</span>");
    } else if (note.rfind("cleared", 0) == 0) {
      absl::StrAppend(&flags, R"( <span class="flag flag-cleared" title=")", Escape(note),
                      R"(">cleared</span>)");
    }
  }

  std::string out = absl::StrCat(
      R"(<li class="item )", CategoryClass(catalog, item.exercise), R"(" data-exercise=")",
      Escape(item.exercise), R"(" data-category=")", category, R"(" data-impact=")", impact,
      R"(" data-phase=")", NameOf(item.phase), R"(" data-minutes=")", item.minutes, R"(")",
      marks.pinned ? R"( data-pinned="true")" : "",
      marks.change ? absl::StrCat(R"( data-change=")", NameOf(*marks.change), R"(")") : "", ">",
      R"(<details><summary title=")", Escape(hover), R"(">)", R"(<span class="phase">)",
      internal::PhaseLabel(item.phase), "</span>", R"(<span class="name">)", Escape(name),
      "</span>", R"(<span class="dose">)", Escape(in_view), "</span>",
      R"(<span class="impact impact-)", impact, R"(" title=")", impact, R"( impact">)", impact,
      "</span>", flags, "</summary><dl>", "<dt>Dose</dt><dd>", Escape(dose), "</dd>",
      "<dt>Category</dt><dd>", category, "</dd>");
  if (!item.reasons.empty()) {
    absl::StrAppend(&out, "<dt>Why</dt><dd>", Escape(absl::StrJoin(item.reasons, "; ")), "</dd>");
  }
  if (!notes.empty()) {
    absl::StrAppend(&out, "<dt>Notes</dt><dd>", Escape(absl::StrJoin(notes, "; ")), "</dd>");
  }
  if (exercise && !exercise->equipment.empty()) {
    absl::StrAppend(&out, "<dt>Needs</dt><dd>", Escape(absl::StrJoin(exercise->equipment, ", ")),
                    "</dd>");
  }
  absl::StrAppend(&out, "<dt>Id</dt><dd><code>", Escape(item.exercise),
                  "</code></dd></dl></details></li>\n");
  return out;
}

std::string Week(const Plan& plan, const std::vector<Pin>& pins, const Catalog& catalog) {
  std::string out = R"(<section class="week-section" aria-labelledby="week-heading">)"
                    "\n<h2 id=\"week-heading\">Week</h2>\n";
  out += Legend();
  out += "<div class=\"week\">\n";
  for (const PlanDay& day : plan.days) {
    const std::string title = internal::DayTitle(day.day);
    absl::StrAppend(&out, R"(<section class="day)", day.rest() ? " rest" : "", R"(" data-day=")",
                    day.day, R"(" aria-labelledby="day-)", day.day, R"("><h3 id="day-)", day.day,
                    R"(">)", title);
    if (day.rest()) {
      out += "</h3><p class=\"rest-label\">Rest day</p></section>\n";
      continue;
    }
    absl::StrAppend(&out, R"( <span class="day-minutes">)", internal::DayMinutes(day),
                    " min</span></h3>\n<ol class=\"items\">\n");
    for (const PlanItem& item : day.items) {
      out += Item(item, internal::MarksOf(plan, day.day, item, pins), catalog);
    }
    out += "</ol></section>\n";
  }
  out += "</div>\n</section>\n";
  return out;
}

// What a repair changed, removed uses included (they are not in the calendar above).
std::string Changes(const Plan& plan) {
  std::string out =
      R"(<section class="changes" aria-labelledby="changes-heading"><h2 id="changes-heading">)"
      "Changes by the repair</h2>\n";
  if (!plan.changes || plan.changes->empty()) {
    return out + "<p>None: the week was valid.</p></section>\n";
  }
  out += "<ul>\n";
  for (const PlanChange& change : *plan.changes) {
    absl::StrAppend(&out, R"(<li data-day=")", change.day, R"(" data-exercise=")",
                    Escape(change.exercise), R"(" data-change=")", NameOf(change.kind),
                    R"("><strong>)", NameOf(change.kind), "</strong> ",
                    internal::DayTitle(change.day), ": <code>", Escape(change.exercise),
                    "</code></li>\n");
  }
  out += "</ul></section>\n";
  return out;
}

// Minutes by category against the targets as horizontal bars: an outline for the target,
// a filled bar for the plan, both on one scale.
std::string TotalsChart(const Plan& plan, const Catalog& catalog) {
  const Totals totals = internal::TotalsOf(plan, catalog);
  const bool has_targets = plan.targets.has_value();
  int scale = 1;
  for (int i = 0; i < kCategoryCount; ++i) {
    scale =
        std::max({scale, totals.by_category[i], has_targets ? plan.targets->by_category[i] : 0});
  }
  constexpr int kLabelWidth = 100, kBarArea = 330, kRow = 30, kTextWidth = 110;
  const int height = kRow * kCategoryCount + 10;
  std::vector<std::string> spoken;
  std::string bars;
  for (Category c : AllValues<Category>()) {
    const int i = static_cast<int>(c);
    const int y = 5 + i * kRow;
    const int planned = totals.by_category[i];
    const int target = has_targets ? plan.targets->by_category[i] : 0;
    absl::StrAppend(&bars, R"(<text x="0" y=")", y + 18, R"(">)", NameOf(c), "</text>");
    if (has_targets) {
      absl::StrAppend(&bars, R"(<rect x=")", kLabelWidth, R"(" y=")", y + 4, R"(" width=")",
                      std::max(1, target * kBarArea / scale),
                      R"(" height="18" fill="none" stroke="#8a939d" stroke-dasharray="4 2"/>)");
    }
    absl::StrAppend(&bars, R"(<rect x=")", kLabelWidth, R"(" y=")", y + 7, R"(" width=")",
                    planned * kBarArea / scale, R"(" height="12" rx="2" fill=")",
                    kCategoryColours[i], R"("/>)");
    const std::string label =
        has_targets ? absl::StrCat(planned, " / ", target, " min") : absl::StrCat(planned, " min");
    absl::StrAppend(&bars, R"(<text x=")", kLabelWidth + kBarArea + 8, R"(" y=")", y + 18, R"(">)",
                    label, "</text>\n");
    spoken.push_back(absl::StrCat(NameOf(c), " ", label));
  }
  std::string out = absl::StrCat(
      R"(<figure><svg role="img" aria-labelledby="totals-title totals-desc" width="100%" )",
      R"(style="max-width:)", (kLabelWidth + kBarArea + kTextWidth) * 3 / 2, R"(px" viewBox="0 0 )",
      kLabelWidth + kBarArea + kTextWidth, " ", height, R"(">)",
      R"(<title id="totals-title">Minutes by category)", has_targets ? " against the targets" : "",
      "</title>", R"(<desc id="totals-desc">)", absl::StrJoin(spoken, "; "), "</desc>\n", bars,
      "</svg>\n<figcaption>");
  absl::StrAppend(&out, "Filled bar: planned minutes",
                  has_targets ? "; dashed outline: the band's weekly target" : "", ". Total ",
                  totals.minutes, " min");
  if (has_targets) {
    absl::StrAppend(&out, " (weekly cap ", plan.targets->volume_cap, "); training days ",
                    internal::TrainingDays(plan), " (", plan.targets->min_training_days, "..",
                    plan.targets->max_training_days, ")");
  }
  out += ".</figcaption></figure>\n";
  return out;
}

std::string ScoreTable(const Plan& plan) {
  std::string out = absl::StrFormat(
      "<table class=\"score\"><caption class=\"summary\">Score %.2f of 100: each term runs "
      "from 0 to 1</caption>\n<thead><tr><th scope=\"col\">Term</th><th scope=\"col\" "
      "class=\"num\">Value</th><th scope=\"col\"><span class=\"summary\">0 to 1</span></th>"
      "</tr></thead>\n<tbody>\n",
      plan.score.value_or(0.0));
  for (ScoreTerm term : AllValues<ScoreTerm>()) {
    const double value = (*plan.score_terms)[static_cast<std::size_t>(term)];
    const double percent = std::clamp(value, 0.0, 1.0) * 100;
    absl::StrAppend(&out, R"(<tr data-term=")", NameOf(term), R"("><th scope="row">)", NameOf(term),
                    R"(</th><td class="num">)", absl::StrFormat("%.3f", value),
                    R"(</td><td><span class="meter" aria-hidden="true"><span style="width:)",
                    absl::StrFormat("%.1f", percent), R"(%"></span></span></td></tr>)", "\n");
  }
  out += "</tbody></table>\n";
  return out;
}

std::string Excluded(const Plan& plan, const Catalog& catalog) {
  std::string out = absl::StrCat(
      R"(<section class="excluded" aria-labelledby="excluded-heading"><h2 id="excluded-heading">)",
      "Excluded (", plan.excluded.size(), " exercises)</h2>\n");
  if (plan.excluded.empty()) return out + "<p>None.</p></section>\n";
  for (const internal::ExclusionGroup& group : internal::GroupExclusions(plan.excluded)) {
    absl::StrAppend(&out, R"(<details data-reason=")", Escape(group.reason), R"(")");
    if (group.because) absl::StrAppend(&out, R"( data-because=")", Escape(*group.because), R"(")");
    absl::StrAppend(&out, "><summary><code>", Escape(group.why()), "</code> (",
                    group.exercises.size(), ")</summary><ul>");
    for (const std::string& id : group.exercises) {
      absl::StrAppend(&out, R"(<li title=")", Escape(id), R"(">)",
                      Escape(internal::DisplayName(catalog, id)), "</li>");
    }
    out += "</ul></details>\n";
  }
  out += "</section>\n";
  return out;
}

template <typename Entry>
std::string CodedList(absl::string_view id, absl::string_view title,
                      const std::vector<Entry>& entries) {
  std::string out =
      absl::StrCat(R"(<section class=")", id, R"(" aria-labelledby=")", id, R"(-heading"><h2 id=")",
                   id, R"(-heading">)", title, "</h2>\n<ul>\n");
  for (const Entry& entry : entries) {
    absl::StrAppend(&out, R"(<li data-code=")", Escape(entry.code), R"("><strong>)",
                    Escape(entry.code), "</strong>: ", Escape(entry.text), "</li>\n");
  }
  out += "</ul></section>\n";
  return out;
}

}  // namespace

std::string RenderPlanHtml(const Plan& plan, const Catalog& catalog,
                           const HtmlViewOptions& options) {
  const std::string title = Escape(options.title);
  std::string out =
      absl::StrCat("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
                   "<meta name=\"generator\" content=\"backbalance\">\n<title>", title,
                   "</title>\n<style>", kStyle, "</style>\n</head>\n<body>\n<header>\n<h1>", title,
                   "</h1>\n", R"(<p class="summary"><span class="status status-)",
                   NameOf(plan.status), R"(">)", NameOf(plan.status), "</span>");
  if (plan.status == PlanStatus::kOk && plan.score) {
    absl::StrAppend(&out, absl::StrFormat(" score <strong>%.2f</strong>", *plan.score));
  }
  for (const std::string& fact : internal::PlanFacts(plan)) {
    absl::StrAppend(&out, " · ", Escape(fact));
  }
  out += "</p>\n</header>\n<main>\n";
  if (plan.status == PlanStatus::kRefer) {
    out += R"(<p class="alert" role="alert"><strong>No exercise plan:</strong> the profile )"
           "reports a red flag. See a clinician first.</p>\n";
  } else if (plan.status == PlanStatus::kInfeasible) {
    out += R"(<p class="alert" role="alert"><strong>No week satisfies every hard rule.</strong> )"
           "The diagnosis below says what to change.</p>\n";
  }
  if (!plan.diagnosis.empty()) out += CodedList("diagnosis", "Diagnosis", plan.diagnosis);
  out += Week(plan, options.pins, catalog);
  if (plan.changes) out += Changes(plan);
  if (plan.status == PlanStatus::kOk) {
    out += "<div class=\"panels\">\n";
    out += R"(<section class="totals" aria-labelledby="totals-heading">)"
           "<h2 id=\"totals-heading\">Minutes against targets</h2>\n";
    out += TotalsChart(plan, catalog) + "</section>\n";
    if (plan.score_terms) {
      out += R"(<section class="score-section" aria-labelledby="score-heading">)"
             "<h2 id=\"score-heading\">Score breakdown</h2>\n";
      out += ScoreTable(plan) + "</section>\n";
    }
    out += "</div>\n";
  }
  out += Excluded(plan, catalog);
  if (!plan.advisories.empty()) out += CodedList("advisories", "Advisories", plan.advisories);
  absl::StrAppend(&out, "</main>\n<footer>\n",
                  R"(<aside class="notice" role="note"><strong>Advice, not diagnosis.</strong> )",
                  Escape(internal::kAdviceNotice), "</aside>\n");
  if (plan.provenance) {
    absl::StrAppend(&out, R"(<p class="provenance" data-model=")", plan.provenance->model, R"(">)",
                    Escape(plan.provenance->library), " · plan model ", plan.provenance->model,
                    " · catalog sha256 <code>", Escape(plan.provenance->catalog_sha256),
                    "</code></p>\n");
  }
  out += "</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace backbalance
