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

std::string DumpDocument(const Json& value) {
  return value.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace) + "\n";
}

}  // namespace backbalance::internal
