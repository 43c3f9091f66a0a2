#include "backbalance/views/progress_views.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "backbalance/views/plan_views.h"
#include "views/html_escape.h"
#include "views/plan_facts.h"

namespace backbalance {
namespace {

using internal::NameOf;

constexpr absl::string_view kCategoryColours[] = {"#b3470f", "#1f5fa8", "#2b7a3d", "#6b3fa0",
                                                  "#0b6e7a"};

std::string Escape(absl::string_view text) { return internal::HtmlEscape(text); }

std::string Percent(const std::optional<double>& value) {
  return value ? absl::StrFormat("%.0f%%", *value * 100) : "-";
}

std::string SlopeText(const PainTrend& trend) {
  return trend.slope ? absl::StrFormat("%+.2f a week", *trend.slope) : "- (one week)";
}

}  // namespace

std::string RenderProgressText(const Progress& progress) {
  std::string out = absl::StrCat("Progress: ", progress.weeks.size(), " week",
                                 progress.weeks.size() == 1 ? "" : "s", "\n\n");
  absl::StrAppend(&out, absl::StrFormat("%-4s %4s %4s %-10s %7s %9s %9s %5s %4s %7s\n", "week",
                                        "pain", "band", "status", "planned", "completed",
                                        "adherence", "worse", "sore", "targets"));
  for (const ProgressWeek& w : progress.weeks) {
    absl::StrAppend(&out,
                    absl::StrFormat("%-4d %4d %4s %-10s %7d %9d %9s %5d %4d %7s\n", w.week, w.pain,
                                    std::string(ToName(w.band)), std::string(ToName(w.status)),
                                    w.planned.total, w.completed.total, Percent(w.adherence),
                                    w.worse_uses, w.soreness_uses, w.targets_met ? "met" : "-"));
  }
  absl::StrAppend(&out, "\nPain: ", progress.pain_trend.first, " -> ", progress.pain_trend.last,
                  ", trend ", SlopeText(progress.pain_trend), "\n");
  std::vector<std::string> met;
  for (int w : progress.weeks_meeting_targets) met.push_back(absl::StrCat(w));
  absl::StrAppend(
      &out, "Weeks meeting every target: ", met.empty() ? "none" : absl::StrJoin(met, ", "), "\n");
  if (!progress.doses.empty()) {
    out += "\nDoses of the items used in more than one week:\n";
    for (const auto& [id, by_week] : progress.doses) {
      std::vector<std::string> cells;
      for (const auto& d : by_week) cells.push_back(d ? DoseText(*d) : "-");
      absl::StrAppend(&out, "  ", id, ": ", absl::StrJoin(cells, " | "), "\n");
    }
  }
  return out;
}

std::string RenderProgressHtml(const Progress& progress, const std::string& title) {
  const int n = static_cast<int>(progress.weeks.size());
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      Escape(title), "</title>\n<style>\n",
      "body{font-family:system-ui,sans-serif;color:#1d232b;margin:1.5rem;}\n"
      "table{border-collapse:collapse;}td,th{border-bottom:1px solid #d4d9df;padding:.2rem .5rem;"
      "text-align:right;}\n.muted{color:#56606c;font-size:.85rem;}\nfigure{margin:1rem 0;}\n"
      "</style>\n</head>\n<body>\n<h1>",
      Escape(title), "</h1>\n<p class=\"muted\">Pain ", progress.pain_trend.first, " &#8594; ",
      progress.pain_trend.last, ", trend ", Escape(SlopeText(progress.pain_trend)),
      ". This is advice, not a diagnosis.</p>\n");
  constexpr int kLeft = 40, kStep = 44, kHeight = 160;
  const int width = kLeft + std::max(1, n) * kStep + 10;
  const auto x_of = [&](int w) { return kLeft + w * kStep + kStep / 2; };
  const auto week_labels = [&](int y) {
    std::string labels;
    for (int w = 0; w < n; ++w) {
      absl::StrAppend(&labels, "<text x=\"", x_of(w), "\" y=\"", y,
                      "\" text-anchor=\"middle\" font-size=\"11\">", w + 1, "</text>");
    }
    return labels;
  };
  // Pain over the weeks, 0..10.
  {
    std::string points, dots;
    for (int w = 0; w < n; ++w) {
      const int y = kHeight - progress.weeks[w].pain * (kHeight - 10) / 10;
      absl::StrAppend(&points, w ? " " : "", x_of(w), ",", y);
      absl::StrAppend(&dots, "<circle cx=\"", x_of(w), "\" cy=\"", y,
                      "\" r=\"3\" fill=\"#b02a2a\"><title>week ", w + 1, ": pain ",
                      progress.weeks[w].pain, "</title></circle>");
    }
    absl::StrAppend(&out,
                    "<section><h2>Pain over the weeks</h2><figure><svg role=\"img\" "
                    "data-chart=\"pain\" aria-label=\"Pain (0 to 10) per week\" width=\"",
                    width, "\" height=\"", kHeight + 24, "\" viewBox=\"0 0 ", width, " ",
                    kHeight + 24, "\"><text x=\"0\" y=\"14\" font-size=\"10\">10</text>",
                    "<text x=\"0\" y=\"", kHeight, "\" font-size=\"10\">0</text>",
                    "<polyline fill=\"none\" stroke=\"#b02a2a\" stroke-width=\"2\" points=\"",
                    points, "\"/>", dots, week_labels(kHeight + 16), "</svg></figure></section>\n");
  }
  // Planned vs completed minutes by category: per week a pair of stacked bars.
  {
    int scale = 30;
    for (const ProgressWeek& w : progress.weeks) scale = std::max(scale, w.planned.total);
    std::string bars;
    for (int w = 0; w < n; ++w) {
      for (int which = 0; which < 2; ++which) {
        const CategoryMinutes& m =
            which == 0 ? progress.weeks[w].planned : progress.weeks[w].completed;
        const int x = kLeft + w * kStep + 4 + which * 18;
        int y = kHeight;
        for (int c = 0; c < kCategoryCount; ++c) {
          const int h = m.by_category[c] * (kHeight - 10) / scale;
          y -= h;
          if (h <= 0) continue;
          absl::StrAppend(&bars, "<rect x=\"", x, "\" y=\"", y, "\" width=\"16\" height=\"", h,
                          "\" fill=\"", kCategoryColours[c], "\"",
                          which ? " fill-opacity=\"0.55\"" : "", "><title>week ", w + 1,
                          which ? " completed " : " planned ", NameOf(static_cast<Category>(c)),
                          " ", m.by_category[c], " min</title></rect>");
        }
      }
    }
    absl::StrAppend(&out,
                    "<section><h2>Planned and completed minutes</h2><figure><svg role=\"img\" "
                    "data-chart=\"minutes\" aria-label=\"Planned (left) and completed (right) "
                    "minutes by category per week\" width=\"",
                    width, "\" height=\"", kHeight + 24, "\" viewBox=\"0 0 ", width, " ",
                    kHeight + 24, "\"><text x=\"0\" y=\"14\" font-size=\"10\">", scale, "</text>",
                    bars, week_labels(kHeight + 16),
                    "</svg><figcaption class=\"muted\">Left bar planned, right bar (paler) "
                    "completed. ");
    for (int c = 0; c < kCategoryCount; ++c) {
      absl::StrAppend(&out, "<span style=\"color:", kCategoryColours[c], "\">&#9632;</span> ",
                      NameOf(static_cast<Category>(c)), " ");
    }
    out += "</figcaption></figure></section>\n";
  }
  // Adherence, 0..100 %.
  {
    std::string bars;
    for (int w = 0; w < n; ++w) {
      const auto& a = progress.weeks[w].adherence;
      if (!a) continue;
      const int h = static_cast<int>(std::min(1.0, *a) * (kHeight - 10));
      absl::StrAppend(&bars, "<rect x=\"", kLeft + w * kStep + 8, "\" y=\"", kHeight - h,
                      "\" width=\"", kStep - 16, "\" height=\"", h,
                      "\" fill=\"#2b7a3d\"><title>week ", w + 1, ": ", Percent(a),
                      "</title></rect>");
    }
    absl::StrAppend(&out,
                    "<section><h2>Adherence</h2><figure><svg role=\"img\" "
                    "data-chart=\"adherence\" aria-label=\"Completed as a share of planned "
                    "minutes per week\" width=\"",
                    width, "\" height=\"", kHeight + 24, "\" viewBox=\"0 0 ", width, " ",
                    kHeight + 24, "\"><text x=\"0\" y=\"14\" font-size=\"10\">100%</text>", bars,
                    week_labels(kHeight + 16), "</svg></figure></section>\n");
  }
  out +=
      "<section><h2>The weeks</h2><table><thead><tr><th>Week</th><th>Pain</th><th>Band</th>"
      "<th>Status</th><th>Planned</th><th>Completed</th><th>Adherence</th><th>Worse</th>"
      "<th>Sore</th><th>Targets</th></tr></thead><tbody>\n";
  for (const ProgressWeek& w : progress.weeks) {
    absl::StrAppend(&out, "<tr data-week=\"", w.week, "\"><td>", w.week, "</td><td>", w.pain,
                    "</td><td>", NameOf(w.band), "</td><td>", NameOf(w.status), "</td><td>",
                    w.planned.total, "</td><td>", w.completed.total, "</td><td>",
                    Percent(w.adherence), "</td><td>", w.worse_uses, "</td><td>", w.soreness_uses,
                    "</td><td>", w.targets_met ? "met" : "-", "</td></tr>\n");
  }
  out += "</tbody></table></section>\n</body>\n</html>\n";
  return out;
}

}  // namespace backbalance
