// TouchedVector: a vector of per-exercise tallies that are mostly zero, whose copy and
// clearing cost the entries written since the last clear instead of its size. A search
// copies its week many times (the best week kept, a week saved before a hand-over and put
// back); on a catalog of 10,000 exercises each such copy moved about 110 KB of zeros, 8 %
// of a plan's instructions (docs/performance-history.md, sixth pass).
#ifndef BACKBALANCE_SRC_SOLVER_TOUCHED_VECTOR_H_
#define BACKBALANCE_SRC_SOLVER_TOUCHED_VECTOR_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace backbalance::internal {

template <typename T>
class TouchedVector {
 public:
  TouchedVector() = default;
  explicit TouchedVector(std::size_t size) : values_(size, T{}), touched_(size, 0) {
    touched_list_.reserve(ListCapacity(size));
  }
  TouchedVector(const TouchedVector& other)
      : values_(other.values_), touched_(other.touched_), touched_list_() {
    touched_list_.reserve(ListCapacity(values_.size()));
    touched_list_ = other.touched_list_;
  }
  TouchedVector(TouchedVector&&) noexcept = default;
  TouchedVector& operator=(TouchedVector&&) noexcept = default;
  // Of the same size, only the entries either side touched are written: the values equal
  // `other`'s everywhere after it, as a plain copy would leave them.
  TouchedVector& operator=(const TouchedVector& other) {
    if (this == &other) return *this;
    if (values_.size() != other.values_.size()) {
      values_ = other.values_;
      touched_ = other.touched_;
      touched_list_ = other.touched_list_;
      return *this;
    }
    Clear();
    for (const std::uint32_t i : other.touched_list_) {
      values_[i] = other.values_[i];
      touched_[i] = 1;
    }
    touched_list_ = other.touched_list_;  // into kept capacity
    return *this;
  }

  std::size_t size() const { return values_.size(); }
  T operator[](std::size_t i) const { return values_[i]; }
  // The entry, to be written: it is copied and cleared from now on.
  T& Mutable(std::size_t i) {
    if (!touched_[i]) {
      touched_[i] = 1;
      touched_list_.push_back(static_cast<std::uint32_t>(i));
    }
    return values_[i];
  }
  // Every entry back to zero.
  void Clear() {
    for (const std::uint32_t i : touched_list_) {
      values_[i] = T{};
      touched_[i] = 0;
    }
    touched_list_.clear();
  }

 private:
  // Room for the entries a plan's search writes between two clears (the distinct items it
  // tries), so that neither writing nor copying allocates once set up.
  static std::size_t ListCapacity(std::size_t size) { return size < 1024 ? size : 1024; }

  std::vector<T> values_;
  std::vector<std::uint8_t> touched_;  // 1: the index is in touched_list_
  std::vector<std::uint32_t> touched_list_;
};

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_TOUCHED_VECTOR_H_
