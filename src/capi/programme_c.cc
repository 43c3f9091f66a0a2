// Experimental (BKB_EXPERIMENTAL): programmes and progress (plan model section 13).
#define BKB_EXPERIMENTAL 1

#include <new>
#include <string>

#include "backbalance/backbalance.h"
#include "backbalance/io/programme_json.h"
#include "backbalance/io/progress_json.h"
#include "backbalance/model/problem.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "capi/profile_input.h"
#include "internal/status_macros.h"
#include "nlohmann/json.hpp"

using backbalance::capi::GuardedOut;
using backbalance::capi::RequireArgument;
using backbalance::capi::ToImpl;

namespace {

// {"weeks": N, "deload_every": K, "assumed_rpe": R}, every key optional; NULL: defaults.
absl::StatusOr<backbalance::ProgrammeOptions> ReadProgrammeOptions(const char* json) {
  backbalance::ProgrammeOptions options;
  if (json == nullptr) return options;
  const nlohmann::json value = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  backbalance::ProblemList problems;
  if (!value.is_object()) {
    problems.Add("options", "type",
                 "must be a JSON object {\"weeks\", \"deload_every\", \"assumed_rpe\"}");
    return problems.ToStatus();
  }
  for (const auto& [key, field] : value.items()) {
    int* target = key == "weeks"          ? &options.weeks
                  : key == "deload_every" ? &options.deload_every
                  : key == "assumed_rpe"  ? &options.assumed_rpe
                                          : nullptr;
    if (target == nullptr) {
      problems.Add(key, "unknown_field", "not an option of a programme");
    } else if (!field.is_number_integer() || field.get<long long>() < -1000000 ||
               field.get<long long>() > 1000000) {
      problems.Add(key, "type", "must be an integer");
    } else {
      *target = static_cast<int>(field.get<long long>());
    }
  }
  if (!problems.empty()) return problems.ToStatus();
  return options;
}

}  // namespace

extern "C" {

bkb_status bkb_planner_programme(const bkb_planner* planner, const char* profile_json,
                                 const char* options_json, char** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<std::string> {
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    BKB_ASSIGN_OR_RETURN(const backbalance::ProgrammeOptions options,
                         ReadProgrammeOptions(options_json));
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         backbalance::capi::ReadProfileForPlanner(profile_json));
    BKB_ASSIGN_OR_RETURN(const backbalance::ProgrammePlan programme,
                         ToImpl(planner)->planner.Programme(profile, options));
    return backbalance::SaveProgramme(programme);
  });
}

bkb_status bkb_planner_progress(const bkb_planner* planner, const char* journal_json,
                                char** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<std::string> {
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    BKB_RETURN_IF_ERROR(RequireArgument(journal_json, "journal_json"));
    BKB_ASSIGN_OR_RETURN(const backbalance::Journal journal,
                         backbalance::LoadJournal(journal_json));
    BKB_ASSIGN_OR_RETURN(const backbalance::Progress progress,
                         ToImpl(planner)->planner.Progress(journal));
    return backbalance::SaveProgress(progress);
  });
}

}  // extern "C"
