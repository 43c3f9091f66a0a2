// Experimental (BKB_EXPERIMENTAL): a plan in one of its views, chosen by name, as the
// command line's --format gives it (backbalance/views/plan_views.h).
#define BKB_EXPERIMENTAL 1

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/backbalance.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/model/problem.h"
#include "backbalance/views/plan_views.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "capi/profile_input.h"
#include "internal/status_macros.h"
#include "nlohmann/json.hpp"

using backbalance::Problem;
using backbalance::ProblemList;
using backbalance::capi::GuardedOut;
using backbalance::capi::RequireArgument;
using backbalance::capi::ToImpl;

namespace {

// Each format and the options it takes, in the order the header lists them. One list for
// the check and for the messages, so they cannot disagree.
struct Format {
  absl::string_view name;  // Debian 12's Abseil has its own string_view, for StrJoin
  std::vector<absl::string_view> options;
};
const std::vector<Format>& Formats() {
  static const std::vector<Format> kFormats = {
      {"json", {}},        {"text", {"title", "color"}},         {"markdown", {"title"}},
      {"html", {"title"}}, {"ics", {"start", "weeks", "title"}}, {"fhir", {"subject"}},
  };
  return kFormats;
}

absl::StatusOr<const Format*> FindFormat(const char* name) {
  BKB_RETURN_IF_ERROR(RequireArgument(name, "format"));
  for (const Format& format : Formats()) {
    if (format.name == name) return &format;
  }
  std::vector<absl::string_view> names;
  for (const Format& format : Formats()) names.push_back(format.name);
  return backbalance::ProblemsStatus(
      absl::StatusCode::kInvalidArgument,
      {Problem{
          "argument format", "unknown_name",
          absl::StrCat("must be one of ", absl::StrJoin(names, ", "), "; got \"", name, "\"")}});
}

struct RenderOptions {
  std::optional<std::string> title;
  bool color = false;
  std::optional<backbalance::CalendarStart> start;
  int weeks = 1;
  std::string subject;
};

// A string option: text people read in a terminal, page or calendar, so no control
// characters (the rule every document string follows, docs/errors.md).
void ReadText(const nlohmann::json& value, const std::string& path, ProblemList& problems,
              std::string& target) {
  if (!value.is_string()) {
    problems.Add(path, "type", "must be a string");
    return;
  }
  const std::string text = value.get<std::string>();
  const auto bad = std::find_if(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (bad != text.end()) {
    problems.Add(path, "control_character",
                 absl::StrCat("must not hold control characters (U+0000..U+001F, U+007F); got "
                              "one at byte ",
                              bad - text.begin()));
    return;
  }
  target = text;
}

// `json` (NULL: every default) against what `format` takes; every problem at once, each
// at options.<key>.
absl::StatusOr<RenderOptions> ReadRenderOptions(const Format& format, const char* json) {
  RenderOptions options;
  ProblemList problems;
  if (json != nullptr) {
    const nlohmann::json value = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
      problems.Add("options", "syntax", "must be a JSON object; this is not JSON");
    } else if (!value.is_object()) {
      problems.Add("options", "type", "must be a JSON object");
    } else {
      for (const auto& [key, field] : value.items()) {
        const std::string path = absl::StrCat("options.", key);
        if (std::find(format.options.begin(), format.options.end(), key) == format.options.end()) {
          problems.Add(
              path, "unknown_field",
              format.options.empty()
                  ? absl::StrCat("format ", format.name, " takes no options")
                  : absl::StrCat("not an option of format ", format.name, "; its options are ",
                                 absl::StrJoin(format.options, ", ")));
        } else if (key == "title") {
          ReadText(field, path, problems, options.title.emplace());
        } else if (key == "subject") {
          ReadText(field, path, problems, options.subject);
        } else if (key == "color") {
          if (field.is_boolean()) {
            options.color = field.get<bool>();
          } else {
            problems.Add(path, "type", "must be true or false");
          }
        } else if (key == "weeks") {
          if (!field.is_number_integer()) {
            problems.Add(path, "type", "must be an integer");
          } else if (const long long weeks = field.get<long long>();
                     weeks < 1 || weeks > backbalance::kMaxCalendarWeeks) {
            problems.Add(path, "range",
                         absl::StrCat("must be an integer in 1..", backbalance::kMaxCalendarWeeks,
                                      ", got ", weeks));
          } else {
            options.weeks = static_cast<int>(weeks);
          }
        } else if (key == "start") {
          if (!field.is_string()) {
            problems.Add(path, "type", "must be a string \"YYYY-MM-DDTHH:MM\"");
          } else if (auto start = backbalance::ParseCalendarStart(field.get<std::string>());
                     start.ok()) {
            options.start = *start;
          } else {
            for (const Problem& problem : backbalance::ProblemsOf(start.status())) {
              problems.Add(path, problem.rule, problem.detail);
            }
          }
        }
      }
    }
  }
  if (format.name == "ics" && !options.start && problems.empty()) {
    problems.Add("options.start", "required",
                 "format ics needs the first day and time of the sessions, "
                 "\"YYYY-MM-DDTHH:MM\" (e.g. \"2026-12-07T07:00\")");
  }
  if (!problems.empty()) return problems.ToStatus();
  return options;
}

absl::StatusOr<std::string> Render(const backbalance::Plan& plan,
                                   const backbalance::Planner& planner,
                                   const std::optional<backbalance::Profile>& profile,
                                   const Format& format, RenderOptions options) {
  const backbalance::Catalog& catalog = planner.catalog();
  if (format.name == "json") return backbalance::SavePlan(plan);
  if (format.name == "text") {
    backbalance::TextViewOptions view;
    if (options.title) view.title = *options.title;
    view.color = options.color;
    return backbalance::RenderPlanText(plan, catalog, view);
  }
  if (format.name == "markdown") {
    backbalance::MarkdownViewOptions view;
    if (options.title) view.title = *options.title;
    return backbalance::RenderPlanMarkdown(plan, catalog, view);
  }
  if (format.name == "html") {
    backbalance::HtmlViewOptions view;
    if (options.title) view.title = *options.title;
    return backbalance::RenderPlanHtml(plan, catalog, view);
  }
  if (format.name == "ics") {
    backbalance::CalendarViewOptions view;
    view.start = *options.start;
    view.weeks = options.weeks;
    if (options.title) view.title = *options.title;
    absl::StatusOr<std::string> calendar = backbalance::RenderPlanCalendar(plan, catalog, view);
    if (calendar.ok()) return calendar;
    // A start whose calendar runs past year 9999 is the option's fault: name it so.
    std::vector<Problem> problems = backbalance::ProblemsOf(calendar.status());
    for (Problem& problem : problems) {
      if (problem.path == "start" || problem.path == "weeks") {
        problem.path = absl::StrCat("options.", problem.path);
      }
    }
    return backbalance::ProblemsStatus(calendar.status().code(), problems);
  }
  // fhir: the conditions are the profile's, as the command line takes them.
  backbalance::FhirViewOptions view = backbalance::FhirViewOptionsFor(*profile, planner.options());
  view.subject = std::move(options.subject);
  return backbalance::RenderPlanFhir(plan, catalog, view);
}

}  // namespace

extern "C" {

bkb_status bkb_plan_render(const bkb_plan* plan, const char* format, const bkb_planner* planner,
                           const char* profile_json, const char* options_json,
                           char** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<std::string> {
    BKB_RETURN_IF_ERROR(RequireArgument(plan, "plan"));
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    BKB_ASSIGN_OR_RETURN(const Format* chosen, FindFormat(format));
    BKB_ASSIGN_OR_RETURN(RenderOptions options, ReadRenderOptions(*chosen, options_json));
    const backbalance::Planner& planning = ToImpl(planner)->planner;
    std::optional<backbalance::Profile> profile;
    if (profile_json != nullptr) {
      BKB_ASSIGN_OR_RETURN(profile,
                           backbalance::capi::ReadProfile(planning.catalog(), profile_json));
    } else if (chosen->name == "fhir") {
      return backbalance::ProblemsStatus(
          absl::StatusCode::kInvalidArgument,
          {Problem{"argument profile_json", "required",
                   "format fhir needs the profile the plan was made for: its conditions "
                   "become the bundle's Conditions"}});
    }
    return Render(ToImpl(plan)->plan, planning, profile, *chosen, std::move(options));
  });
}

}  // extern "C"
