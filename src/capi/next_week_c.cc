// Next week: last week's plan and feedback in, next week's profile and plan out.
#include <memory>
#include <utility>
#include <vector>

#include "backbalance/backbalance.h"
#include "backbalance/io/feedback_json.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "capi/profile_input.h"
#include "internal/status_macros.h"

using backbalance::capi::GuardedOut;
using backbalance::capi::NextWeekHandle;
using backbalance::capi::RequireArgument;
using backbalance::capi::ToC;
using backbalance::capi::ToImpl;

extern "C" {

bkb_status bkb_planner_next_week(const bkb_planner* planner, const char* profile_json,
                                 const bkb_plan* last_week, const char* feedback_json,
                                 bkb_next_week** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<std::unique_ptr<NextWeekHandle>> {
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    BKB_RETURN_IF_ERROR(RequireArgument(last_week, "last_week"));
    BKB_RETURN_IF_ERROR(RequireArgument(feedback_json, "feedback_json"));
    BKB_ASSIGN_OR_RETURN(
        const backbalance::Profile profile,
        backbalance::capi::ReadProfile(ToImpl(planner)->planner.catalog(), profile_json));
    BKB_ASSIGN_OR_RETURN(const std::vector<backbalance::Feedback> feedback,
                         backbalance::LoadFeedback(feedback_json, ToImpl(last_week)->plan));
    absl::StatusOr<backbalance::NextWeekPlan> next =
        ToImpl(planner)->planner.NextWeek(profile, ToImpl(last_week)->plan, feedback);
    if (!next.ok()) return backbalance::WithFeedbackPaths(next.status());

    auto result = std::make_unique<NextWeekHandle>(next->plan);
    BKB_ASSIGN_OR_RETURN(result->json, backbalance::SaveNextWeek(next->profile, next->plan));
    result->profile_json = backbalance::SaveProfile(next->profile);
    return result;
  });
}

const char* bkb_next_week_json(const bkb_next_week* next_week) noexcept {
  return ToImpl(next_week)->json.c_str();
}

const char* bkb_next_week_profile_json(const bkb_next_week* next_week) noexcept {
  return ToImpl(next_week)->profile_json.c_str();
}

const bkb_plan* bkb_next_week_plan(const bkb_next_week* next_week) noexcept {
  return ToC<const bkb_plan>(&ToImpl(next_week)->plan);
}

void bkb_next_week_destroy(bkb_next_week** next_week) noexcept {
  backbalance::capi::DestroyHandle(next_week);
}

}  // extern "C"
