#include "catalog/compiled_catalog.h"

namespace backbalance {
namespace {

std::size_t ListsBytes(const std::vector<std::vector<int>>& lists) {
  std::size_t bytes = lists.capacity() * sizeof(std::vector<int>);
  for (const auto& list : lists) bytes += list.capacity() * sizeof(int);
  return bytes;
}

}  // namespace

std::size_t CompiledCatalog::HeapBytes() const {
  std::size_t bytes = exercises.capacity() * sizeof(CompiledExercise);
  for (const auto& name : equipment_names) bytes += sizeof(name) + name.capacity();
  bytes += ListsBytes(progressions) + ListsBytes(regressions) + ListsBytes(substitutes);
  return bytes;
}

}  // namespace backbalance
