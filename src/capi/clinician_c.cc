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

using backbalance::capi::CopyForCaller;
using backbalance::capi::Guarded;
using backbalance::capi::RequireArgument;
using backbalance::capi::ResetOut;
using backbalance::capi::ToC;
using backbalance::capi::ToImpl;

namespace {

// A plan made by the planner as a new caller-owned handle.
absl::Status HandOut(absl::StatusOr<backbalance::Plan> plan, bkb_plan** out) {
  if (!plan.ok()) return plan.status();
  auto handle = std::make_unique<backbalance::capi::PlanHandle>(*std::move(plan));
  *out = ToC<bkb_plan>(handle.release());
  return absl::OkStatus();
}

}  // namespace

extern "C" {

bkb_status bkb_planner_repair(const bkb_planner* planner, const char* profile_json,
                              const bkb_plan* plan, bkb_plan** out) noexcept {
  return Guarded([&]() -> absl::Status {
    BKB_RETURN_IF_ERROR(ResetOut(out));
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    BKB_RETURN_IF_ERROR(RequireArgument(plan, "plan"));
    const backbalance::Planner& core = ToImpl(planner)->planner;
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         backbalance::capi::ReadProfile(core.catalog(), profile_json));
    return HandOut(core.Repair(profile, ToImpl(plan)->plan), out);
  });
}

bkb_status bkb_planner_replan(const bkb_planner* planner, const char* profile_json,
                              const bkb_plan* plan, int32_t from_day, const char* feedback_json,
                              bkb_plan** out) noexcept {
  return Guarded([&]() -> absl::Status {
    BKB_RETURN_IF_ERROR(ResetOut(out));
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    BKB_RETURN_IF_ERROR(RequireArgument(plan, "plan"));
    const backbalance::Planner& core = ToImpl(planner)->planner;
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         backbalance::capi::ReadProfile(core.catalog(), profile_json));
    // Read for form only: the planner matches the entries to the week, `not_happened`
    // before `unknown_use` (12.1 "Replan: input").
    std::optional<std::vector<backbalance::Feedback>> feedback;
    if (feedback_json != nullptr) {
      BKB_ASSIGN_OR_RETURN(feedback, backbalance::LoadFeedbackForm(feedback_json));
    }
    return HandOut(core.Replan(profile, ToImpl(plan)->plan, from_day, feedback), out);
  });
}

bkb_status bkb_planner_alternatives(const bkb_planner* planner, const char* profile_json,
                                    const bkb_plan* plan, int32_t day, const char* exercise,
                                    char** out) noexcept {
  return Guarded([&]() -> absl::Status {
    BKB_RETURN_IF_ERROR(ResetOut(out));
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    BKB_RETURN_IF_ERROR(RequireArgument(plan, "plan"));
    BKB_RETURN_IF_ERROR(RequireArgument(exercise, "exercise"));
    const backbalance::Planner& core = ToImpl(planner)->planner;
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         backbalance::capi::ReadProfile(core.catalog(), profile_json));
    BKB_ASSIGN_OR_RETURN(const backbalance::AlternativesResult result,
                         core.Alternatives(profile, ToImpl(plan)->plan, day, exercise));
    BKB_ASSIGN_OR_RETURN(const std::string text, backbalance::SaveAlternatives(result));
    *out = CopyForCaller(text);
    return absl::OkStatus();
  });
}

}  // extern "C"
