// Evaluations: the verdict on any week, as JSON and through typed accessors.
#include <memory>
#include <utility>

#include "backbalance/backbalance.h"
#include "backbalance/io/plan_json.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "capi/profile_input.h"
#include "internal/status_macros.h"

using backbalance::capi::EvaluationHandle;
using backbalance::capi::GuardedOut;
using backbalance::capi::ToImpl;

namespace {

const backbalance::Violation* ViolationAt(const bkb_evaluation* evaluation, uint32_t index) {
  const auto& violations = ToImpl(evaluation)->evaluation.violations;
  return index < violations.size() ? &violations[index] : nullptr;
}

}  // namespace

extern "C" {

bkb_status bkb_evaluate(const bkb_planner* planner, const char* profile_json, const bkb_plan* plan,
                        bkb_evaluation** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<std::unique_ptr<EvaluationHandle>> {
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         backbalance::capi::ReadProfileForPlan(planner, plan, profile_json));
    auto result = std::make_unique<EvaluationHandle>();
    BKB_ASSIGN_OR_RETURN(result->evaluation,
                         ToImpl(planner)->planner.Evaluate(profile, ToImpl(plan)->plan));
    BKB_ASSIGN_OR_RETURN(result->json, backbalance::SaveEvaluation(result->evaluation));
    return result;
  });
}

const char* bkb_evaluation_json(const bkb_evaluation* evaluation) noexcept {
  return ToImpl(evaluation)->json.c_str();
}

int32_t bkb_evaluation_is_valid(const bkb_evaluation* evaluation) noexcept {
  return ToImpl(evaluation)->evaluation.valid ? 1 : 0;
}

double bkb_evaluation_score(const bkb_evaluation* evaluation) noexcept {
  return ToImpl(evaluation)->evaluation.score;
}

uint32_t bkb_evaluation_violation_count(const bkb_evaluation* evaluation) noexcept {
  return static_cast<uint32_t>(ToImpl(evaluation)->evaluation.violations.size());
}

const char* bkb_evaluation_violation_rule(const bkb_evaluation* evaluation,
                                          uint32_t index) noexcept {
  const backbalance::Violation* violation = ViolationAt(evaluation, index);
  return violation != nullptr ? violation->rule.c_str() : nullptr;
}

const char* bkb_evaluation_violation_detail(const bkb_evaluation* evaluation,
                                            uint32_t index) noexcept {
  const backbalance::Violation* violation = ViolationAt(evaluation, index);
  return violation != nullptr ? violation->detail.c_str() : nullptr;
}

void bkb_evaluation_destroy(bkb_evaluation** evaluation) noexcept {
  backbalance::capi::DestroyHandle(evaluation);
}

}  // extern "C"
