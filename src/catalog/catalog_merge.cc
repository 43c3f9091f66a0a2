#include "backbalance/catalog/catalog_merge.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/model/problem.h"

namespace backbalance {

absl::StatusOr<std::shared_ptr<const Catalog>> MergeCatalogs(const Catalog& first,
                                                             std::string_view first_label,
                                                             const Catalog& second,
                                                             std::string_view second_label) {
  const absl::string_view first_name(first_label.data(), first_label.size());
  const absl::string_view second_name(second_label.data(), second_label.size());
  std::vector<Problem> clashes;
  std::vector<Exercise> exercises = first.exercises();
  for (std::size_t j = 0; j < second.exercises().size(); ++j) {
    const Exercise& added = second.exercises()[j];
    if (std::optional<int> i = first.IndexOf(added.id)) {
      const Exercise& existing = first.exercises()[static_cast<std::size_t>(*i)];
      clashes.push_back(
          {absl::StrCat("exercises[", first.size() + j, "].id"), "duplicate_id",
           absl::StrCat("\"", added.id, "\" of ", second_name, " (\"", added.name, "\", exercises[",
                        j, "]) clashes with \"", existing.id, "\" of ", first_name, " (\"",
                        existing.name, "\", exercises[", *i, "])")});
    }
    exercises.push_back(added);
  }
  if (!clashes.empty()) return ProblemsStatus(absl::StatusCode::kInvalidArgument, clashes);

  std::vector<std::string> conditions = first.declared_conditions();
  for (const std::string& condition : second.declared_conditions()) {
    if (std::find(conditions.begin(), conditions.end(), condition) == conditions.end()) {
      conditions.push_back(condition);
    }
  }
  return Catalog::Create(std::move(exercises), std::move(conditions));
}

}  // namespace backbalance
