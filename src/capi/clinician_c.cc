// Experimental (BKB_EXPERIMENTAL): clinician control (plan model sections 12, 12.1):
// repair an edited week, replan a week under way, the alternatives for one use.
#define BKB_EXPERIMENTAL 1

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backbalance/backbalance.h"
#include "backbalance/io/alternatives_json.h"
#include "backbalance/io/feedback_json.h"
#include "backbalance/solver/planner.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "capi/profile_input.h"
#include "internal/status_macros.h"

using backbalance::capi::GuardedOut;
using backbalance::capi::ReadProfileForPlan;
using backbalance::capi::RequireArgument;
using backbalance::capi::ToImpl;

extern "C" {

bkb_status bkb_planner_repair(const bkb_planner* planner, const char* profile_json,
                              const bkb_plan* plan, bkb_plan** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<backbalance::Plan> {
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         ReadProfileForPlan(planner, plan, profile_json));
    return ToImpl(planner)->planner.Repair(profile, ToImpl(plan)->plan);
  });
}

bkb_status bkb_planner_replan(const bkb_planner* planner, const char* profile_json,
                              const bkb_plan* plan, int32_t from_day, const char* feedback_json,
                              bkb_plan** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<backbalance::Plan> {
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         ReadProfileForPlan(planner, plan, profile_json));
    // Read for form only: the planner matches the entries to the week, `not_happened`
    // before `unknown_use` (12.1 "Replan: input").
    std::optional<std::vector<backbalance::Feedback>> feedback;
    if (feedback_json != nullptr) {
      BKB_ASSIGN_OR_RETURN(feedback, backbalance::LoadFeedbackForm(feedback_json));
    }
    return ToImpl(planner)->planner.Replan(profile, ToImpl(plan)->plan, from_day, feedback);
  });
}

bkb_status bkb_planner_alternatives(const bkb_planner* planner, const char* profile_json,
                                    const bkb_plan* plan, int32_t day, const char* exercise,
                                    char** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<std::string> {
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    BKB_RETURN_IF_ERROR(RequireArgument(plan, "plan"));
    BKB_RETURN_IF_ERROR(RequireArgument(exercise, "exercise"));
    const backbalance::Planner& core = ToImpl(planner)->planner;
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         backbalance::capi::ReadProfile(core.catalog(), profile_json));
    BKB_ASSIGN_OR_RETURN(const backbalance::AlternativesResult result,
                         core.Alternatives(profile, ToImpl(plan)->plan, day, exercise));
    return backbalance::SaveAlternatives(result);
  });
}

}  // extern "C"
