#include "backbalance/catalog/compiled_catalog.h"

namespace backbalance {
namespace {

std::size_t BitsetBytes(const boost::dynamic_bitset<>& bits) {
  return bits.num_blocks() * sizeof(boost::dynamic_bitset<>::block_type);
}

template <typename Container>
std::size_t BitsetsBytes(const Container& sets) {
  std::size_t bytes = 0;
  for (const auto& bits : sets) bytes += BitsetBytes(bits);
  return bytes;
}

std::size_t ListsBytes(const std::vector<std::vector<int>>& lists) {
  std::size_t bytes = lists.capacity() * sizeof(std::vector<int>);
  for (const auto& list : lists) bytes += list.capacity() * sizeof(int);
  return bytes;
}

}  // namespace

std::size_t CompiledCatalog::HeapBytes() const {
  std::size_t bytes = exercises.capacity() * sizeof(CompiledExercise);
  for (const auto& name : equipment_names) bytes += sizeof(name) + name.capacity();
  bytes += BitsetsBytes(strength_by_primary) + BitsetsBytes(flexibility_by_primary) +
           BitsetsBytes(by_category) + BitsetsBytes(by_impact) + BitsetsBytes(by_phase) +
           BitsetsBytes(avoid_by_condition) + BitsetsBytes(caution_by_condition) +
           BitsetsBytes(by_equipment);
  bytes += ListsBytes(progressions) + ListsBytes(regressions) + ListsBytes(substitutes);
  return bytes;
}

}  // namespace backbalance
