// File: cli/documents.h
//
// Reading the documents a subcommand names (profiles, plans, feedback files). Each
// function reports every problem to stderr, prefixed with the file name, and returns
// nullopt when the document cannot be used.
#ifndef BACKBALANCE_CLI_DOCUMENTS_H_
#define BACKBALANCE_CLI_DOCUMENTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"

namespace backbalance::cli {

// The bytes of a file (ReadDocumentFile: size limit, `read` problem when unreadable).
std::optional<std::string> ReadInput(const std::string& path);

// A backbalance.profile/1 document, loaded strictly. With a catalog, also checked against
// it (CheckProfileAgainstCatalog); without, against the built-in conditions only.
std::optional<Profile> LoadProfileInput(const std::string& path, const Catalog* catalog);

// A backbalance.profile/1 document, loaded strictly, for a command that hands it to the
// planner at once: Planner::PlanWeek and Programme check it against their catalog
// themselves (BuildWeekContext), with the same problems, so checking here too would run
// the domain's check twice.
std::optional<Profile> LoadProfileForPlanner(const std::string& path);

// A backbalance.plan/1 document, checked for form (LoadPlan), with its text.
struct PlanInput {
  Plan plan;
  std::string text;
};
std::optional<PlanInput> LoadPlanInput(const std::string& path);

// A feedback file for `next-week`: either a JSON array of feedback entries or an object
// {"feedback": [...]}, each entry as in a profile's history.feedback (plan model section
// 11). The entries are read by the profile loader itself, as the history of a profile
// whose plan is `plan_text`, so they obey exactly the same rules; problems name paths in
// the feedback file (`[2].rpe` for an array, `feedback[2].rpe` for an object).
struct FeedbackInput {
  std::vector<Feedback> entries;
  bool object_form = false;  // the file is {"feedback": [...]}
};
// Without `plan_text` (replan), the entries are checked for their form alone: the planner
// matches them to the week itself (`not_happened` before `unknown_use`).
std::optional<FeedbackInput> LoadFeedbackInput(const std::string& path,
                                               std::optional<std::string_view> plan_text);

// Rewrites a path of the wrapped profile document (`history.feedback[2].rpe`) to the
// feedback file's own syntax; `object_form` for {"feedback": [...]} files.
std::string FeedbackPath(const std::string& path, bool object_form);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_DOCUMENTS_H_
