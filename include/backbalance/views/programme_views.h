// File: backbalance/views/programme_views.h
//
// Views of a programme (plan model section 13), beside its JSON form (programme_json.h):
//
//   RenderProgrammeText      the weeks as an 80-column table (status, volume cap, minutes
//                            by category, deload marks), then the doses of the main items
//                            week by week
//   RenderProgrammeHtml      one self-contained page: the weeks side by side, an inline-SVG
//                            chart of minutes by category per week and a dose line per
//                            strength item; no script, nothing fetched
//   RenderProgrammeCalendar  iCalendar: each week's own sessions, week w's days following
//                            week w-1's from the start (RenderPlanCalendar per week)
//   RenderProgrammeFhir      a FHIR R4 Bundle: the programme's CarePlan, each week's
//                            CarePlan (partOf it), Goal and ServiceRequests, the Conditions
//
// Thread-safety: pure functions of their arguments.
#ifndef BACKBALANCE_VIEWS_PROGRAMME_VIEWS_H_
#define BACKBALANCE_VIEWS_PROGRAMME_VIEWS_H_

#include <string>

#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/programme.h"
#include "backbalance/views/plan_views.h"

namespace backbalance {

std::string RenderProgrammeText(const ProgrammePlan& programme, const Catalog& catalog);

std::string RenderProgrammeHtml(const ProgrammePlan& programme, const Catalog& catalog,
                                const std::string& title = "Programme");

// One VCALENDAR holding the events of every week with status ok; week w (1-based) starts
// 7 x (w - 1) days after `start`. `options.weeks` is ignored (each week is its own).
// kFailedPrecondition (`status: no_sessions`) when no week has a session.
absl::StatusOr<std::string> RenderProgrammeCalendar(const ProgrammePlan& programme,
                                                    const Catalog& catalog,
                                                    const CalendarViewOptions& options);

// A FHIR R4 Bundle of type `collection` (docs/integration.md): first a CarePlan for the
// whole programme (its title says how many weeks; its notes name the deload weeks and,
// when the last week is infeasible or refer, why the programme ends there), then for each
// week what RenderPlanFhir gives for that week's plan (CarePlan with `partOf` the
// programme's, Goal, ServiceRequests), then the Conditions once. Take the options from the
// first week's profile (FhirViewOptionsFor). Ids derive from the programme's JSON bytes and
// the options: the same input gives the same bytes.
std::string RenderProgrammeFhir(const ProgrammePlan& programme, const Catalog& catalog,
                                const FhirViewOptions& options = {});

}  // namespace backbalance

#endif  // BACKBALANCE_VIEWS_PROGRAMME_VIEWS_H_
