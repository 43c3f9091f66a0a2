// File: backbalance/views/plan_views.h
//
// Views of a week plan for people and their tools, beside the JSON reference form
// (plan_json.h):
//
//   RenderPlanText      a terminal report, at most 80 columns, optionally in colour
//   RenderPlanMarkdown  the same facts as Markdown tables, for reports
//   RenderPlanHtml      one self-contained page (inline CSS and SVG, no network assets)
//   RenderPlanCalendar  an RFC 5545 iCalendar file, one event per training-day session
//   RenderPlanFhir      a FHIR R4 Bundle (CarePlan, Goal, ServiceRequests, Conditions) for
//                       health records (docs/integration.md)
//
// Every view shows the plan's status, its days (rest days included), minutes against the
// targets, the score and its terms, the excluded exercises grouped by reason, the
// advisories and, for a week that could not be planned, the diagnosis. The views read
// only the plan and the catalog (for names, categories and impact): the same plan gives
// the same bytes. The JSON form is the reference; the layout of these views may change
// between versions.
//
//   absl::StatusOr<Plan> week = planner.PlanWeek(profile);
//   std::string page = RenderPlanHtml(*week, planner.catalog());
//
// Thread-safety: pure functions of their arguments.
#ifndef BACKBALANCE_VIEWS_PLAN_VIEWS_H_
#define BACKBALANCE_VIEWS_PLAN_VIEWS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/options.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"

namespace backbalance {

// A dose as people read it: "2 x 10 reps", "5 x 30 s hold", "20 min".
std::string DoseText(const Dose& dose);

// The clinician's marks (plan model section 12) every view shows: an item that holds one
// of `pins` (the profile's: its day and exercise, and the pin's phase and minutes where
// given) is marked pinned; a repaired plan (one that carries `changes`) marks each added
// or changed use and lists every change, removed uses included.
struct TextViewOptions {
  std::string title = "Week plan";  // the first word(s) of the first line
  bool color = false;               // ANSI colours (callers decide: a TTY, NO_COLOR, ...)
  std::vector<Pin> pins;            // the profile's pins, to mark
};

// The week as a table (day, phase, exercise id, dose, minutes; rest days named), then
// minutes by category against the targets with bars, the score terms as bars, the
// excluded exercises grouped by reason (in the order of the eligibility rules), the
// advisories and the diagnosis. No line is wider than 80 columns (colour codes aside).
std::string RenderPlanText(const Plan& plan, const Catalog& catalog,
                           const TextViewOptions& options = {});

struct MarkdownViewOptions {
  std::string title = "Week plan";  // the level-1 heading
};

// GitHub-flavoured Markdown: a heading, the week as a table, minutes against targets and
// the score terms as tables, exclusions and advisories as lists, and the notice that the
// plan is advice, not diagnosis. Table cells escape `|`.
std::string RenderPlanMarkdown(const Plan& plan, const Catalog& catalog,
                               const MarkdownViewOptions& options = {});

struct HtmlViewOptions {
  std::string title = "Week plan";  // <title> and the <h1>
  std::vector<Pin> pins;            // the profile's pins, to mark (TextViewOptions)
};

// A complete HTML5 document: a seven-column week calendar (one <section data-day="d"> per
// day, one <li data-exercise="id"> per item) with a colour per category and an impact
// badge per item, the dose in view and the reasons and notes on hover and expand; a chart
// of minutes against targets (inline SVG); the score breakdown; the exclusions by reason;
// the advisories; and the "advice, not diagnosis" notice. Print-friendly; no scripts and
// no external resources. Text from the plan and the catalog is escaped.
std::string RenderPlanHtml(const Plan& plan, const Catalog& catalog,
                           const HtmlViewOptions& options = {});

// A local date and time of day with no time zone ("floating" time in RFC 5545): the
// session starts at this clock time wherever the person is.
struct CalendarStart {
  int year = 2000;  // 1900..9999
  int month = 1;    // 1..12
  int day = 1;      // 1..31, a real date
  int hour = 0;     // 0..23
  int minute = 0;   // 0..59
  friend bool operator==(const CalendarStart&, const CalendarStart&) = default;
};

// Parses "YYYY-MM-DDTHH:MM", e.g. "2026-12-07T07:00". kInvalidArgument with the problem
// `start: format: ...` for another shape, `start: range: ...` for a date or time that
// does not exist (2026-02-30, 24:00).
absl::StatusOr<CalendarStart> ParseCalendarStart(std::string_view text);

inline constexpr int kMaxCalendarWeeks = 52;

struct CalendarViewOptions {
  CalendarStart start;  // the first day the calendar may hold a session, and its time
  int weeks = 1;        // 1..kMaxCalendarWeeks repeats of the week
  std::string title = "Back exercise";  // calendar name and event summary prefix
};

// An RFC 5545 VCALENDAR (CRLF lines folded at 75 octets) with one VEVENT per training
// day per week: day d of week w (0-based) is the first date on or after `start` that is
// weekday d, plus 7w days; it starts at start's time and lasts the day's minutes; its
// description lists the items with phase, dose and minutes, then the advisories. UIDs
// and DTSTAMP derive from the plan and the start (not from the clock), so the same input
// gives the same bytes. Errors (kInvalidArgument, problems as ParseCalendarStart):
// `weeks: range` outside 1..kMaxCalendarWeeks, `start: range` for an invalid start; and
// kFailedPrecondition (`status: no_sessions`) for a plan with status infeasible or refer,
// which has no session to put in a calendar.
absl::StatusOr<std::string> RenderPlanCalendar(const Plan& plan, const Catalog& catalog,
                                               const CalendarViewOptions& options);

// What a FHIR export knows beyond the plan: the plan JSON holds no conditions, and the
// person is the app's to name.
struct FhirViewOptions {
  // The conditions the week was planned for, derived ones included (FhirViewOptionsFor):
  // each becomes a Condition, with a SNOMED CT code where one is known.
  std::vector<std::string> conditions;
  // How long the back pain has lasted: the code of the back-pain Condition (acute low
  // back pain, low back pain, chronic low back pain).
  PainDuration pain_duration = PainDuration::kChronic;
  // A FHIR reference to the person, e.g. "Patient/123"; empty: a reference with only a
  // display text, for the app to replace. The library never holds who the person is.
  std::string subject;
};

// The options for `profile` planned with `options`: its conditions in the order given,
// then acute_flare and late_pregnancy where the planner derives them (section 3).
FhirViewOptions FhirViewOptionsFor(const Profile& profile, const PlannerOptions& options = {});

// A FHIR R4 Bundle of type `collection` (JSON, two-space indented, newline-terminated):
//   - a CarePlan (status active, intent plan, category PhysicalActivity of the HL7 Physical
//     Activity IG) that addresses the Conditions, points to the Goal and has one activity
//     per ServiceRequest; the advisories (and for an infeasible week the diagnosis, with
//     status draft) are its notes;
//   - a Goal with the week's aerobic target as minutes per week on LOINC 82290-8;
//   - one ServiceRequest per exercise of the week (intent plan, SNOMED CT 229065009
//     exercise therapy plus the exercise in the library's own code system), its days and
//     minutes as occurrenceTiming and its dose and notes as patientInstruction;
//   - one Condition for the back pain and one per condition of `options`.
// A `refer` plan has one referral ServiceRequest (SNOMED CT 3457005 patient referral, to a
// physician or physiotherapist as its performerType) and no exercises.
// Ids and fullUrls (urn:uuid) derive from the plan's bytes and the options, never from
// the clock: the same input gives the same bytes. Not a conformance claim to the IG's
// profiles: authoredOn, requester and the person are the app's to add.
std::string RenderPlanFhir(const Plan& plan, const Catalog& catalog,
                           const FhirViewOptions& options = {});

}  // namespace backbalance

#endif  // BACKBALANCE_VIEWS_PLAN_VIEWS_H_
