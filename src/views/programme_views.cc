#include "backbalance/views/programme_views.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "backbalance/model/problem.h"
#include "internal/status_macros.h"
#include "views/html_escape.h"
#include "views/plan_facts.h"

namespace backbalance {
namespace {

namespace chrono = std::chrono;
using internal::NameOf;

constexpr absl::string_view kCategoryColours[] = {"#b3470f", "#1f5fa8", "#2b7a3d", "#6b3fa0",
                                                  "#0b6e7a"};
constexpr absl::string_view kLineColours[] = {"#1f5fa8", "#b3470f", "#2b7a3d", "#6b3fa0",
                                              "#0b6e7a", "#8a5a00", "#b02a2a", "#56606c"};

std::string Escape(absl::string_view text) { return internal::HtmlEscape(text); }

// "2x10", "30s x3", "5 min".
std::string CompactDose(const Dose& dose) {
  switch (dose.form) {
    case DoseForm::kSetsReps:
      return absl::StrCat(dose.sets, "x", dose.reps);
    case DoseForm::kHoldReps:
      return absl::StrCat(dose.hold_seconds, "sx", dose.reps);
    case DoseForm::kMinutes:
      return absl::StrCat(dose.minutes, "m");
  }
  return "?";
}

// A dose as one number for a chart: sets x reps, or hold seconds x reps, or minutes.
int DoseVolume(const Dose& dose) {
  switch (dose.form) {
    case DoseForm::kSetsReps:
      return dose.sets * dose.reps;
    case DoseForm::kHoldReps:
      return dose.hold_seconds * dose.reps;
    case DoseForm::kMinutes:
      return dose.minutes;
  }
  return 0;
}

// The main items of a programme (non-aerobic items used in the main phase of some week),
// in order of first appearance, with each week's dose (the first use's) or nothing.
struct DoseRow {
  std::string id;
  Category category = Category::kStrength;
  std::vector<std::optional<Dose>> by_week;
};

std::vector<DoseRow> MainDoses(const ProgrammePlan& programme, const Catalog& catalog) {
  std::vector<DoseRow> rows;
  std::map<std::string, std::size_t> index;
  const std::size_t n = programme.weeks.size();
  for (std::size_t w = 0; w < n; ++w) {
    for (const PlanDay& day : programme.weeks[w].plan.days) {
      for (const PlanItem& item : day.items) {
        const auto exercise = catalog.Find(item.exercise);
        if (!exercise || exercise->IsAerobic() || item.phase != Phase::kMain || !item.dose) {
          continue;
        }
        auto [it, inserted] = index.try_emplace(item.exercise, rows.size());
        if (inserted)
          rows.push_back({item.exercise, exercise->category, std::vector<std::optional<Dose>>(n)});
        DoseRow& row = rows[it->second];
        if (!row.by_week[w]) row.by_week[w] = *item.dose;
      }
    }
  }
  return rows;
}

std::string WeekLabel(const ProgrammeWeek& week) {
  return absl::StrCat(week.week, week.deload ? "D" : "");
}

}  // namespace

std::string RenderProgrammeText(const ProgrammePlan& programme, const Catalog& catalog) {
  std::string out = absl::StrCat("Programme: ", programme.weeks.size(), " week",
                                 programme.weeks.size() == 1 ? "" : "s", "\n\n");
  absl::StrAppend(
      &out, absl::StrFormat("%-5s %-10s %4s %5s %5s %5s %5s %5s %5s %4s\n", "week", "status", "cap",
                            "total", "aero", "stren", "flex", "bal", "relax", "days"));
  for (const ProgrammeWeek& week : programme.weeks) {
    const Totals totals = internal::TotalsOf(week.plan, catalog);
    const std::string cap = week.plan.targets ? absl::StrCat(week.plan.targets->volume_cap) : "-";
    absl::StrAppend(
        &out, absl::StrFormat("%-5s %-10s %4s %5d %5d %5d %5d %5d %5d %4d\n", WeekLabel(week),
                              std::string(ToName(week.plan.status)), cap, totals.minutes,
                              totals.by_category[0], totals.by_category[1], totals.by_category[2],
                              totals.by_category[3], totals.by_category[4],
                              internal::TrainingDays(week.plan)));
  }
  if (std::any_of(programme.weeks.begin(), programme.weeks.end(),
                  [](const ProgrammeWeek& w) { return w.deload; })) {
    out += "\nD: a deload week (volume cap at 70 %; nothing progresses into it).\n";
  }
  const std::vector<DoseRow> rows = MainDoses(programme, catalog);
  if (!rows.empty()) {
    out += "\nDoses of the main items, week by week (-: not in the main phase that week):\n";
    for (const DoseRow& row : rows) {
      // An id of up to 24 characters, then 7-column cells: 8 weeks a line.
      std::string line = absl::StrFormat("  %-24s", row.id);
      const auto flush = [&] {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
      };
      for (std::size_t w = 0; w < row.by_week.size(); ++w) {
        const std::string cell = row.by_week[w] ? CompactDose(*row.by_week[w]) : "-";
        const std::string piece = absl::StrFormat(" %-6s", cell);
        if (line.size() + piece.size() > 80) {
          flush();
          line = std::string(26, ' ');
        }
        line += piece;
      }
      flush();
    }
  }
  for (const ProgrammeWeek& week : programme.weeks) {
    if (week.plan.status == PlanStatus::kOk) continue;
    absl::StrAppend(&out, "\nThe programme ends at week ", week.week, ": status ",
                    NameOf(week.plan.status), ".\n");
    for (const Diagnosis& d : week.plan.diagnosis) absl::StrAppend(&out, "  ", d.text, "\n");
  }
  return out;
}

std::string RenderProgrammeHtml(const ProgrammePlan& programme, const Catalog& catalog,
                                const std::string& title) {
  const std::size_t n = programme.weeks.size();
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      Escape(title), "</title>\n<style>\n",
      "body{font-family:system-ui,sans-serif;color:#1d232b;margin:1.5rem;}\n"
      ".weeks{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem;}\n"
      ".week{border:1px solid #d4d9df;border-radius:.4rem;padding:.4rem;}\n"
      ".week h3{margin:0 0 .3rem;font-size:1rem;}\n"
      ".deload{background:#f3f5f7;}\n.badge{font-size:.75rem;border-radius:1em;padding:0 .4em;"
      "background:#56606c;color:#fff;}\n"
      ".week ul{margin:0;padding-left:1rem;font-size:.8rem;}\n"
      ".muted{color:#56606c;font-size:.85rem;}\nfigure{margin:1rem 0;}\n"
      "</style>\n</head>\n<body>\n<h1>",
      Escape(title), "</h1>\n<p class=\"muted\">", n, " week", n == 1 ? "" : "s",
      ". This is advice, not a diagnosis: stop and seek care if pain gets worse.</p>\n");

  // Minutes by category per week: stacked bars, the volume cap as a tick.
  int scale = 60;
  for (const ProgrammeWeek& week : programme.weeks) {
    scale = std::max(scale, internal::TotalsOf(week.plan, catalog).minutes);
    if (week.plan.targets) scale = std::max(scale, week.plan.targets->volume_cap);
  }
  constexpr int kBar = 28, kGap = 12, kHeight = 200, kLeft = 40, kBottom = 30;
  const int width = kLeft + static_cast<int>(n) * (kBar + kGap) + 10;
  std::string bars;
  std::vector<std::string> spoken;
  for (std::size_t w = 0; w < n; ++w) {
    const ProgrammeWeek& week = programme.weeks[w];
    const Totals totals = internal::TotalsOf(week.plan, catalog);
    const int x = kLeft + static_cast<int>(w) * (kBar + kGap);
    int y = kHeight;
    for (Category c : AllValues<Category>()) {
      const int minutes = totals.by_category[int(c)];
      const int h = minutes * (kHeight - 10) / scale;
      y -= h;
      if (h > 0) {
        absl::StrAppend(&bars, "<rect x=\"", x, "\" y=\"", y, "\" width=\"", kBar, "\" height=\"",
                        h, "\" fill=\"", kCategoryColours[int(c)], "\"><title>week ", week.week,
                        ": ", NameOf(c), " ", minutes, " min</title></rect>");
      }
    }
    if (week.plan.targets) {
      const int cy = kHeight - week.plan.targets->volume_cap * (kHeight - 10) / scale;
      absl::StrAppend(&bars, "<line x1=\"", x - 3, "\" x2=\"", x + kBar + 3, "\" y1=\"", cy,
                      "\" y2=\"", cy, "\" stroke=\"#1d232b\" stroke-dasharray=\"3 2\"/>");
    }
    absl::StrAppend(&bars, "<text x=\"", x + kBar / 2, "\" y=\"", kHeight + 16,
                    "\" text-anchor=\"middle\" font-size=\"11\">", WeekLabel(week), "</text>\n");
    spoken.push_back(absl::StrCat("week ", WeekLabel(week), " ", totals.minutes, " min"));
  }
  absl::StrAppend(
      &out, "<section><h2>Minutes by category</h2><figure><svg role=\"img\" ",
      "aria-labelledby=\"minutes-title\" data-chart=\"minutes\" width=\"", width, "\" height=\"",
      kHeight + kBottom, "\" viewBox=\"0 0 ", width, " ", kHeight + kBottom,
      "\"><title id=\"minutes-title\">Minutes by category per week: ",
      Escape(absl::StrJoin(spoken, "; ")), "</title>", "<text x=\"0\" y=\"12\" font-size=\"10\">",
      scale, "</text><text x=\"0\" y=\"", kHeight, "\" font-size=\"10\">0</text>\n", bars,
      "</svg><figcaption class=\"muted\">");
  for (Category c : AllValues<Category>()) {
    absl::StrAppend(&out, "<span style=\"color:", kCategoryColours[int(c)], "\">&#9632;</span> ",
                    NameOf(c), " ");
  }
  out +=
      "; dashed line: the week's volume cap; D: a deload week.</figcaption></figure></section>\n";

  // One dose line per strength item.
  std::vector<DoseRow> rows = MainDoses(programme, catalog);
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const DoseRow& r) { return r.category != Category::kStrength; }),
             rows.end());
  if (!rows.empty() && n > 0) {
    int top = 1;
    for (const DoseRow& row : rows) {
      for (const auto& d : row.by_week) {
        if (d) top = std::max(top, DoseVolume(*d));
      }
    }
    constexpr int kStep = 40, kChart = 160;
    const int cw = kLeft + static_cast<int>(n) * kStep + 10;
    std::string lines;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string points;
      const absl::string_view colour = kLineColours[r % 8];
      for (std::size_t w = 0; w < n; ++w) {
        if (!rows[r].by_week[w]) continue;
        const int x = kLeft + static_cast<int>(w) * kStep + kStep / 2;
        const int y = kChart - DoseVolume(*rows[r].by_week[w]) * (kChart - 10) / top;
        absl::StrAppend(&points, points.empty() ? "" : " ", x, ",", y);
        absl::StrAppend(&lines, "<circle cx=\"", x, "\" cy=\"", y, "\" r=\"3\" fill=\"", colour,
                        "\"><title>", Escape(rows[r].id), " week ", w + 1, ": ",
                        CompactDose(*rows[r].by_week[w]), "</title></circle>");
      }
      absl::StrAppend(&lines, "<polyline data-exercise=\"", Escape(rows[r].id),
                      "\" fill=\"none\" stroke=\"", colour, "\" stroke-width=\"2\" points=\"",
                      points, "\"/>\n");
    }
    for (std::size_t w = 0; w < n; ++w) {
      absl::StrAppend(&lines, "<text x=\"", kLeft + static_cast<int>(w) * kStep + kStep / 2,
                      "\" y=\"", kChart + 16, "\" text-anchor=\"middle\" font-size=\"11\">",
                      WeekLabel(programme.weeks[w]), "</text>");
    }
    absl::StrAppend(&out,
                    "<section><h2>Doses of the strength items</h2><figure><svg role=\"img\" "
                    "aria-label=\"Dose per strength item per week (sets x reps, or hold "
                    "seconds x reps)\" data-chart=\"doses\" width=\"",
                    cw, "\" height=\"", kChart + 24, "\" viewBox=\"0 0 ", cw, " ", kChart + 24,
                    "\">", lines, "</svg><figcaption class=\"muted\">");
    for (std::size_t r = 0; r < rows.size(); ++r) {
      absl::StrAppend(&out, "<span style=\"color:", kLineColours[r % 8], "\">&#9473;</span> ",
                      Escape(internal::DisplayName(catalog, rows[r].id)), " ");
    }
    out += "(sets x reps, or hold seconds x reps).</figcaption></figure></section>\n";
  }

  // The weeks side by side.
  out += "<section><h2>The weeks</h2><div class=\"weeks\">\n";
  for (const ProgrammeWeek& week : programme.weeks) {
    const Totals totals = internal::TotalsOf(week.plan, catalog);
    absl::StrAppend(&out, "<article class=\"week", week.deload ? " deload" : "", "\" data-week=\"",
                    week.week, "\"><h3>Week ", week.week,
                    week.deload ? " <span class=\"badge\">deload</span>" : "", "</h3>");
    absl::StrAppend(&out, "<p class=\"muted\">", NameOf(week.plan.status), ", ", totals.minutes,
                    " min");
    if (week.plan.targets) absl::StrAppend(&out, " of ", week.plan.targets->volume_cap);
    absl::StrAppend(&out, ", ", internal::TrainingDays(week.plan), " days</p><ul>");
    std::map<std::string, bool> shown;
    for (const PlanDay& day : week.plan.days) {
      for (const PlanItem& item : day.items) {
        if (item.phase != Phase::kMain || shown[item.exercise]) continue;
        shown[item.exercise] = true;
        absl::StrAppend(&out, "<li data-exercise=\"", Escape(item.exercise), "\">",
                        Escape(internal::DisplayName(catalog, item.exercise)),
                        " <span class=\"muted\">", item.dose ? Escape(CompactDose(*item.dose)) : "",
                        "</span></li>");
      }
    }
    out += "</ul>";
    for (const Diagnosis& d : week.plan.diagnosis) {
      absl::StrAppend(&out, "<p class=\"muted\">", Escape(d.text), "</p>");
    }
    out += "</article>\n";
  }
  out += "</div></section>\n</body>\n</html>\n";
  return out;
}

absl::StatusOr<std::string> RenderProgrammeCalendar(const ProgrammePlan& programme,
                                                    const Catalog& catalog,
                                                    const CalendarViewOptions& options) {
  std::string header, events;
  for (const ProgrammeWeek& week : programme.weeks) {
    if (week.plan.status != PlanStatus::kOk) continue;
    CalendarViewOptions one = options;
    one.weeks = 1;
    const chrono::sys_days date = chrono::sys_days{chrono::year{options.start.year} /
                                                   options.start.month / options.start.day} +
                                  chrono::days{7 * (week.week - 1)};
    const chrono::year_month_day ymd{date};
    one.start.year = int(ymd.year());
    one.start.month = int(unsigned(ymd.month()));
    one.start.day = int(unsigned(ymd.day()));
    one.title =
        absl::StrCat(options.title, " (week ", week.week, week.deload ? ", deload" : "", ")");
    BKB_ASSIGN_OR_RETURN(const std::string calendar, RenderPlanCalendar(week.plan, catalog, one));
    const std::size_t first = calendar.find("BEGIN:VEVENT");
    const std::size_t end = calendar.rfind("END:VCALENDAR");
    if (header.empty()) {
      header = calendar.substr(0, first == std::string::npos ? end : first);
    }
    if (first != std::string::npos) events += calendar.substr(first, end - first);
  }
  if (header.empty()) {
    return ProblemsStatus(absl::StatusCode::kFailedPrecondition,
                          {{"status", "no_sessions", "no week of the programme has a session"}});
  }
  // The calendar's name is the programme's, not its first week's.
  const std::string first_name = absl::StrCat("X-WR-CALNAME:", options.title, " (week ");
  if (std::size_t at = header.find(first_name); at != std::string::npos) {
    const std::size_t line_end = header.find("\r\n", at);
    header.replace(at, line_end - at, absl::StrCat("X-WR-CALNAME:", options.title));
  }
  return header + events + "END:VCALENDAR\r\n";
}

}  // namespace backbalance
