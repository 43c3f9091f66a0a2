// The iCalendar view of a plan (RenderPlanCalendar, RFC 5545). Times are "floating"
// (no time zone): a session set for 07:00 happens at 07:00 wherever the person is,
// which is what a routine means, and needs no VTIMEZONE block.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/model/problem.h"
#include "backbalance/views/plan_views.h"
#include "internal/sha256.h"
#include "internal/status_macros.h"
#include "views/plan_facts.h"

#ifndef BKB_VERSION_STRING
#define BKB_VERSION_STRING "0.0.0"
#endif

namespace backbalance {
namespace {

using internal::AsAbsl;
using internal::NameOf;

namespace chrono = std::chrono;
using Minutes = chrono::sys_time<chrono::minutes>;

constexpr std::size_t kMaxLineOctets = 75;  // RFC 5545 section 3.1, CRLF excluded

absl::Status StartProblem(std::string rule, std::string detail) {
  return ProblemsStatus(absl::StatusCode::kInvalidArgument,
                        {{"start", std::move(rule), std::move(detail)}});
}

absl::Status CheckStart(const CalendarStart& start) {
  const chrono::year_month_day date{chrono::year{start.year},
                                    chrono::month{static_cast<unsigned>(start.month)},
                                    chrono::day{static_cast<unsigned>(start.day)}};
  if (start.year < 1900 || start.year > 9999 || !date.ok()) {
    return StartProblem("range", absl::StrFormat("%04d-%02d-%02d is not a date in 1900..9999",
                                                 start.year, start.month, start.day));
  }
  if (start.hour < 0 || start.hour > 23 || start.minute < 0 || start.minute > 59) {
    return StartProblem("range", absl::StrFormat("%02d:%02d is not a time of day (00:00..23:59)",
                                                 start.hour, start.minute));
  }
  return absl::OkStatus();
}

Minutes ToTimePoint(const CalendarStart& start) {
  const chrono::sys_days date{chrono::year{start.year} /
                              chrono::month{static_cast<unsigned>(start.month)} /
                              chrono::day{static_cast<unsigned>(start.day)}};
  return Minutes{date} + chrono::hours{start.hour} + chrono::minutes{start.minute};
}

// "20261207T070000"
std::string FormatLocal(Minutes time) {
  const auto date = chrono::floor<chrono::days>(time);
  const chrono::year_month_day ymd{date};
  const chrono::hh_mm_ss clock{time - date};
  return absl::StrFormat("%04d%02u%02uT%02d%02d00", static_cast<int>(ymd.year()),
                         static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                         static_cast<int>(clock.hours().count()),
                         static_cast<int>(clock.minutes().count()));
}

// TEXT value escaping (RFC 5545 section 3.3.11).
std::string EscapeText(absl::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

// One content line, folded at 75 octets without splitting a UTF-8 sequence; CRLF ends
// every physical line.
std::string ContentLine(absl::string_view name, absl::string_view value) {
  const std::string line = absl::StrCat(name, ":", value);
  std::string out;
  std::size_t start = 0;
  std::size_t limit = kMaxLineOctets;
  while (line.size() - start > limit) {
    std::size_t end = start + limit;
    while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
    absl::StrAppend(&out, absl::string_view(line).substr(start, end - start), "\r\n ");
    start = end;
    limit = kMaxLineOctets - 1;  // the leading space of a continuation counts
  }
  absl::StrAppend(&out, absl::string_view(line).substr(start), "\r\n");
  return out;
}

std::string Summary(const PlanDay& day, const Catalog& catalog, absl::string_view title) {
  std::vector<bool> present(kCategoryCount, false);
  for (const PlanItem& item : day.items) {
    if (auto exercise = catalog.Find(item.exercise)) {
      present[static_cast<int>(exercise->category)] = true;
    }
  }
  std::vector<absl::string_view> categories;
  for (Category c : AllValues<Category>()) {
    if (present[static_cast<int>(c)]) categories.push_back(NameOf(c));
  }
  return absl::StrCat(
      title, ": ", internal::DayMinutes(day), " min session",
      categories.empty() ? "" : absl::StrCat(" (", absl::StrJoin(categories, ", "), ")"));
}

std::string Description(const Plan& plan, const PlanDay& day, const Catalog& catalog, int week,
                        int weeks) {
  std::string out = absl::StrCat(internal::DayTitle(day.day), ", week ", week + 1, " of ", weeks,
                                 ": ", internal::DayMinutes(day), " min\n");
  for (const PlanItem& item : day.items) {
    absl::StrAppend(&out, internal::PhaseLabel(item.phase), ": ",
                    internal::DisplayName(catalog, item.exercise), " (", item.exercise, "), ",
                    internal::ItemDoseText(item), ", ", item.minutes, " min");
    for (const std::string& note : internal::NoteTexts(item.notes)) {
      absl::StrAppend(&out, " [", note, "]");
    }
    out += "\n";
  }
  if (!plan.advisories.empty()) {
    out += "\nAdvisories:\n";
    for (const Advisory& a : plan.advisories) absl::StrAppend(&out, "- ", a.text, "\n");
  }
  absl::StrAppend(&out, "\n", internal::kAdviceNotice);
  return out;
}

}  // namespace

absl::StatusOr<CalendarStart> ParseCalendarStart(std::string_view std_text) {
  const absl::string_view text = AsAbsl(std_text);
  const auto digits = [&](std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
  };
  const bool shaped = text.size() == 16 && digits(0, 4) && text[4] == '-' && digits(5, 2) &&
                      text[7] == '-' && digits(8, 2) && text[10] == 'T' && digits(11, 2) &&
                      text[13] == ':' && digits(14, 2);
  if (!shaped) {
    return StartProblem("format", absl::StrCat("must be a local date and time YYYY-MM-DDTHH:MM "
                                               "(e.g. 2026-12-07T07:00), got \"",
                                               text, "\""));
  }
  const auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  CalendarStart start{number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2)};
  if (absl::Status status = CheckStart(start); !status.ok()) return status;
  return start;
}

absl::StatusOr<std::string> RenderPlanCalendar(const Plan& plan, const Catalog& catalog,
                                               const CalendarViewOptions& options) {
  if (options.weeks < 1 || options.weeks > kMaxCalendarWeeks) {
    return ProblemsStatus(
        absl::StatusCode::kInvalidArgument,
        {{"weeks", "range",
          absl::StrCat("must be an integer in 1..", kMaxCalendarWeeks, ", got ", options.weeks)}});
  }
  if (absl::Status status = CheckStart(options.start); !status.ok()) return status;
  {
    // iCalendar dates have four-digit years: an event past 9999-12-31 would be written
    // with a five-digit year that no reader takes. The day after the calendar's last day
    // bounds every event's end (a session ends on the day it starts, or just after).
    const chrono::sys_days first{chrono::year{options.start.year} /
                                 chrono::month{static_cast<unsigned>(options.start.month)} /
                                 chrono::day{static_cast<unsigned>(options.start.day)}};
    const chrono::year_month_day after{first + chrono::days{kDaysPerWeek * options.weeks}};
    if (static_cast<int>(after.year()) > 9999) {
      const chrono::year_month_day latest{chrono::sys_days{chrono::year{9999} / 12 / 31} -
                                          chrono::days{kDaysPerWeek * options.weeks}};
      return StartProblem(
          "range", absl::StrFormat(
                       "the calendar of %d week%s from %04d-%02d-%02d would pass "
                       "9999-12-31; start on %04d-%02u-%02u or earlier",
                       options.weeks, options.weeks == 1 ? "" : "s", options.start.year,
                       options.start.month, options.start.day, static_cast<int>(latest.year()),
                       static_cast<unsigned>(latest.month()), static_cast<unsigned>(latest.day())));
    }
  }
  if (plan.status != PlanStatus::kOk) {
    return ProblemsStatus(absl::StatusCode::kFailedPrecondition,
                          {{"status", "no_sessions",
                            absl::StrCat("a plan with status ", NameOf(plan.status),
                                         " has no sessions to put in a calendar")}});
  }

  const Minutes start = ToTimePoint(options.start);
  const chrono::sys_days start_date = chrono::floor<chrono::days>(start);
  const unsigned start_weekday = chrono::weekday{start_date}.iso_encoding() - 1;  // 0 = monday
  // The plan's bytes name its events: another plan from the same start gets other UIDs.
  BKB_ASSIGN_OR_RETURN(const std::string plan_text, SavePlan(plan));
  const std::string plan_id = internal::Sha256Hex(plan_text).substr(0, 16);
  const std::string stamp = FormatLocal(start) + "Z";

  std::string out;
  out += ContentLine("BEGIN", "VCALENDAR");
  out += ContentLine("VERSION", "2.0");
  out += ContentLine("PRODID", "-//backbalance//backbalance " BKB_VERSION_STRING "//EN");
  out += ContentLine("CALSCALE", "GREGORIAN");
  out += ContentLine("METHOD", "PUBLISH");
  out += ContentLine("X-WR-CALNAME", EscapeText(options.title));
  // Day by day from the start, so that the events come in date order.
  for (int k = 0; k < kDaysPerWeek * options.weeks; ++k) {
    const PlanDay& day = plan.days[(start_weekday + static_cast<unsigned>(k)) % kDaysPerWeek];
    if (day.rest()) continue;
    const Minutes begin = start + chrono::days{k};
    const Minutes end = begin + chrono::minutes{internal::DayMinutes(day)};
    out += ContentLine("BEGIN", "VEVENT");
    out += ContentLine("UID", absl::StrCat(plan_id, "-", FormatLocal(begin), "@backbalance"));
    out += ContentLine("DTSTAMP", stamp);
    out += ContentLine("DTSTART", FormatLocal(begin));
    out += ContentLine("DTEND", FormatLocal(end));
    out += ContentLine("SUMMARY", EscapeText(Summary(day, catalog, options.title)));
    out +=
        ContentLine("DESCRIPTION",
                    EscapeText(Description(plan, day, catalog, k / kDaysPerWeek, options.weeks)));
    out += ContentLine("CATEGORIES", "EXERCISE");
    out += ContentLine("TRANSP", "OPAQUE");
    out += ContentLine("END", "VEVENT");
  }
  out += ContentLine("END", "VCALENDAR");
  return out;
}

}  // namespace backbalance
