// File: capi/handles.h (internal)
//
// What the opaque C handles hold. The C types (bkb_plan, ...) are never defined, not even
// here: each handle is a pointer to one of the classes below, converted by ToImpl and
// ToC. So the library's debug information shows callers exactly what the header does,
// incomplete structs, and the ABI check (abi/) sees the C interface, not the C++ inside.
//
// Each handle is immutable once made; JSON text that only some callers read is made on
// first use under std::call_once, so const accessors stay thread-safe.
#ifndef BACKBALANCE_CAPI_HANDLES_H_
#define BACKBALANCE_CAPI_HANDLES_H_

#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "backbalance/backbalance.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/evaluation.h"
#include "backbalance/model/plan.h"
#include "backbalance/solver/planner.h"
#include "capi/error_state.h"

namespace backbalance::capi {

struct CatalogHandle {
  explicit CatalogHandle(std::shared_ptr<const Catalog> shared) : catalog(std::move(shared)) {}

  std::shared_ptr<const Catalog> catalog;
  std::once_flag json_once;
  std::string json;  // SaveCatalog, made on first bkb_catalog_json
};

struct PlannerHandle {
  PlannerHandle(Planner made, std::string options)
      : planner(std::move(made)), options_json(std::move(options)) {}

  Planner planner;           // shares the catalog
  std::string options_json;  // every option spelled out
};

struct PlanHandle {
  explicit PlanHandle(Plan value) : plan(std::move(value)) {}

  Plan plan;
  std::once_flag json_once;
  std::string json;  // SavePlan, made on first bkb_plan_json
};

struct EvaluationHandle {
  Evaluation evaluation;
  std::string json;  // SaveEvaluation
};

struct NextWeekHandle {
  explicit NextWeekHandle(Plan next) : plan(std::move(next)) {}

  PlanHandle plan;
  std::string json;          // SaveNextWeek
  std::string profile_json;  // SaveProfile of next week's profile
};

struct BatchHandle {
  struct Entry {
    std::unique_ptr<PlanHandle> plan;  // set when the entry succeeded
    ErrorRecord error;                 // set when it failed
  };
  std::vector<Entry> entries;
};

// The class behind each C handle type.
template <typename CType>
struct HandleTraits;
template <>
struct HandleTraits<bkb_catalog> {
  using Impl = CatalogHandle;
};
template <>
struct HandleTraits<bkb_planner> {
  using Impl = PlannerHandle;
};
template <>
struct HandleTraits<bkb_plan> {
  using Impl = PlanHandle;
};
template <>
struct HandleTraits<bkb_evaluation> {
  using Impl = EvaluationHandle;
};
template <>
struct HandleTraits<bkb_next_week> {
  using Impl = NextWeekHandle;
};
template <>
struct HandleTraits<bkb_batch> {
  using Impl = BatchHandle;
};

// bkb_plan* -> PlanHandle*, keeping const.
template <typename CType>
auto* ToImpl(CType* handle) {
  using Impl = typename HandleTraits<std::remove_const_t<CType>>::Impl;
  using Target = std::conditional_t<std::is_const_v<CType>, const Impl, Impl>;
  return reinterpret_cast<Target*>(handle);
}

// PlanHandle* -> bkb_plan*, keeping const.
template <typename CType, typename Impl>
CType* ToC(Impl* impl) {
  static_assert(std::is_same_v<typename HandleTraits<std::remove_const_t<CType>>::Impl,
                               std::remove_const_t<Impl>>);
  return reinterpret_cast<CType*>(impl);
}

// The destroy of every handle type: frees, then clears the caller's pointer.
template <typename CType>
void DestroyHandle(CType** handle) noexcept {
  if (handle == nullptr) return;
  delete ToImpl(*handle);
  *handle = nullptr;
}

}  // namespace backbalance::capi

#endif  // BACKBALANCE_CAPI_HANDLES_H_
