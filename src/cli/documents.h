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
#include "backbalance/io/feedback_json.h"
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

// A feedback file for `next-week` and `replan` (LoadFeedbackDocument): a JSON array of
// entries or {"feedback": [...]}, each entry as in a profile's history.feedback (plan
// model section 8). With `last_week`, the entries must name its uses, once each; without
// (replan), they are checked for their form alone: the planner matches them to the week
// itself (`not_happened` before `unknown_use`). Problems name paths in the file's own
// syntax (`[2].rpe` for an array, `feedback[2].rpe` for an object).
std::optional<FeedbackDocument> LoadFeedbackInput(const std::string& path, const Plan* last_week);

// A path the planner gives about a feedback entry (`history.feedback[2].rpe` from
// NextWeek, `feedback[2].rpe` from Replan) in the syntax of a feedback file of `form`.
std::string FeedbackFilePath(const std::string& path, FeedbackForm form);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_DOCUMENTS_H_
