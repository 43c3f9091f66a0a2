// The text view of the alternatives for one use (RenderAlternativesText): fixed columns
// within 80 characters, as the plan's text view.
#include "backbalance/views/alternatives_views.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "views/plan_facts.h"

namespace backbalance {

std::string RenderAlternativesText(const AlternativesResult& result, const Catalog& catalog) {
  const std::string use = absl::StrCat(result.exercise, " on ", internal::DayTitle(result.day));
  if (result.status == PlanStatus::kRefer) {
    return absl::StrCat("Alternatives for ", use,
                        ": status refer\n\nNo exercise plan: the profile reports a red flag. "
                        "See a clinician first.\n");
  }
  std::string out = absl::StrFormat("Alternatives for %s (%s, %d min): week score %.2f\n", use,
                                    internal::NameOf(result.phase), result.minutes, result.score);
  const std::string name = internal::DisplayName(catalog, result.exercise);
  if (name != result.exercise) absl::StrAppend(&out, "  ", name, "\n");
  out += "\n";
  if (result.alternatives.empty()) {
    return out + "None: no other item keeps the week valid in this place.\n";
  }
  out += absl::StrFormat("%-32s  %4s  %7s  %7s\n", "Exercise", "Min", "Score", "Change");
  out +=
      absl::StrFormat("%-32s  %4s  %7s  %7s\n", std::string(32, '-'), "----", "-------", "-------");
  for (const Alternative& alternative : result.alternatives) {
    std::string row =
        absl::StrFormat("%-32s  %4d  %7.2f  %+7.2f", alternative.exercise, alternative.minutes,
                        alternative.score, alternative.score_change);
    if (alternative.substitute) row += "  substitute";
    out += row + "\n";
  }
  return out;
}

}  // namespace backbalance
