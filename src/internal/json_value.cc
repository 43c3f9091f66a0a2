#include "internal/json_value.h"

namespace backbalance::internal {

void ReleaseWithoutAllocating(Json& value) noexcept {
  if (value.is_array()) {
    Json::array_t& items = *value.get_ptr<Json::array_t*>();
    for (Json& item : items) ReleaseWithoutAllocating(item);
    items.clear();
  } else if (value.is_object()) {
    Json::object_t::Container& items = *value.get_ptr<Json::object_t*>();
    for (auto& item : items) ReleaseWithoutAllocating(item.second);
    items.clear();
  }
}

// Built member by member into a reserved object, not from an initializer list: the
// list's [key, value] pairs are arrays that are freed afterwards, which allocates
// (ReleaseWithoutAllocating says why), and Catalog::Create must survive running out of
// memory here.
Json DoseToJson(const Dose& dose) {
  Json out = Json::object();
  out.get_ptr<Json::object_t*>()->reserve(2);
  switch (dose.form) {
    case DoseForm::kSetsReps:
      out["sets"] = dose.sets;
      out["reps"] = dose.reps;
      break;
    case DoseForm::kHoldReps:
      out["hold_seconds"] = dose.hold_seconds;
      out["reps"] = dose.reps;
      break;
    case DoseForm::kMinutes:
      out["minutes"] = dose.minutes;
      break;
  }
  return out;
}

std::string DumpDocument(const Json& value) {
  return value.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace) + "\n";
}

}  // namespace backbalance::internal
