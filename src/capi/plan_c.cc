// Plan handles: planning one profile, reading a plan, its JSON and typed accessors.
#include <cmath>
#include <mutex>
#include <utility>

#include "backbalance/backbalance.h"
#include "backbalance/io/plan_json.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "capi/profile_input.h"
#include "internal/status_macros.h"

using backbalance::capi::GuardedOut;
using backbalance::capi::PlanHandle;
using backbalance::capi::RequireArgument;
using backbalance::capi::ToImpl;

namespace {

// The item at (day, index), or nullptr when either is out of range.
const backbalance::PlanItem* ItemAt(const bkb_plan* plan, uint32_t day, uint32_t index) {
  const backbalance::Plan& week = ToImpl(plan)->plan;
  if (day >= week.days.size()) return nullptr;
  const auto& items = week.days[day].items;
  return index < items.size() ? &items[index] : nullptr;
}

}  // namespace

extern "C" {

bkb_status bkb_planner_plan(const bkb_planner* planner, const char* profile_json,
                            bkb_plan** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<backbalance::Plan> {
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         backbalance::capi::ReadProfileForPlanner(profile_json));
    return ToImpl(planner)->planner.PlanWeek(profile);
  });
}

bkb_status bkb_plan_from_json(const char* json, bkb_plan** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<backbalance::Plan> {
    BKB_RETURN_IF_ERROR(RequireArgument(json, "json"));
    return backbalance::LoadPlan(json);
  });
}

const char* bkb_plan_json(const bkb_plan* plan) noexcept {
  auto* shared = const_cast<PlanHandle*>(ToImpl(plan));  // the lazily made text is a cache
  try {
    std::call_once(shared->json_once, [&] {
      absl::StatusOr<std::string> text = backbalance::SavePlan(shared->plan);
      if (text.ok()) shared->json = *std::move(text);
    });
  } catch (...) {
    return nullptr;  // out of memory; call_once lets a later call try again
  }
  // Empty: a number that is not finite, which no plan the library makes or reads holds.
  return shared->json.empty() ? nullptr : shared->json.c_str();
}

bkb_plan_status bkb_plan_get_status(const bkb_plan* plan) noexcept {
  switch (ToImpl(plan)->plan.status) {
    case backbalance::PlanStatus::kInfeasible:
      return BKB_PLAN_INFEASIBLE;
    case backbalance::PlanStatus::kRefer:
      return BKB_PLAN_REFER;
    case backbalance::PlanStatus::kOk:
    default:
      return BKB_PLAN_OK;
  }
}

double bkb_plan_score(const bkb_plan* plan) noexcept {
  return ToImpl(plan)->plan.score.value_or(NAN);
}

uint32_t bkb_plan_day_count(const bkb_plan* plan) noexcept {
  return static_cast<uint32_t>(ToImpl(plan)->plan.days.size());
}

int32_t bkb_plan_day_minutes(const bkb_plan* plan, uint32_t day) noexcept {
  const backbalance::Plan& week = ToImpl(plan)->plan;
  return day < week.days.size() ? week.days[day].minutes : -1;
}

uint32_t bkb_plan_item_count(const bkb_plan* plan, uint32_t day) noexcept {
  const backbalance::Plan& week = ToImpl(plan)->plan;
  return day < week.days.size() ? static_cast<uint32_t>(week.days[day].items.size()) : 0;
}

const char* bkb_plan_item_exercise(const bkb_plan* plan, uint32_t day, uint32_t index) noexcept {
  const backbalance::PlanItem* item = ItemAt(plan, day, index);
  return item != nullptr ? item->exercise.c_str() : nullptr;
}

bkb_phase bkb_plan_item_phase(const bkb_plan* plan, uint32_t day, uint32_t index) noexcept {
  const backbalance::PlanItem* item = ItemAt(plan, day, index);
  if (item == nullptr) return BKB_PHASE_NONE;
  switch (item->phase) {
    case backbalance::Phase::kWarmup:
      return BKB_PHASE_WARMUP;
    case backbalance::Phase::kCooldown:
      return BKB_PHASE_COOLDOWN;
    case backbalance::Phase::kMain:
    default:
      return BKB_PHASE_MAIN;
  }
}

int32_t bkb_plan_item_minutes(const bkb_plan* plan, uint32_t day, uint32_t index) noexcept {
  const backbalance::PlanItem* item = ItemAt(plan, day, index);
  return item != nullptr ? item->minutes : -1;
}

void bkb_plan_destroy(bkb_plan** plan) noexcept { backbalance::capi::DestroyHandle(plan); }

}  // extern "C"
