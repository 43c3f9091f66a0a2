// TouchedVector copies and clears only the entries written since its last clear; these
// tests hold it to what a plain std::vector would hold after the same writes, copies and
// clears, over random sequences of them.
#include "solver/touched_vector.h"

#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace backbalance::internal {
namespace {

template <typename T>
std::vector<T> Values(const TouchedVector<T>& v) {
  std::vector<T> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[i];
  return out;
}

TEST(TouchedVectorTest, StartsAtZero) {
  const TouchedVector<int> v(50);
  EXPECT_EQ(Values(v), std::vector<int>(50, 0));
}

TEST(TouchedVectorTest, ActsAsAPlainVectorUnderRandomWritesCopiesAndClears) {
  constexpr std::size_t kSize = 300;  // below and above the list's reserved room
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    std::vector<TouchedVector<int>> touched(3, TouchedVector<int>(kSize));
    std::vector<std::vector<int>> plain(3, std::vector<int>(kSize, 0));
    for (int step = 0; step < 2000; ++step) {
      const std::size_t a = rng() % 3, b = rng() % 3;
      switch (rng() % 10) {
        case 0:  // copy, the way a search keeps its best week
          touched[a] = touched[b];
          plain[a] = plain[b];
          break;
        case 1:
          if (rng() % 20 == 0) {
            touched[a].Clear();
            std::fill(plain[a].begin(), plain[a].end(), 0);
          }
          break;
        default: {  // write, sometimes back to zero
          const std::size_t i = rng() % kSize;
          const int value = rng() % 3 == 0 ? 0 : static_cast<int>(rng() % 7);
          touched[a].Mutable(i) = value;
          plain[a][i] = value;
        }
      }
      ASSERT_EQ(Values(touched[a]), plain[a]) << "seed " << seed << ", step " << step;
    }
    for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(Values(touched[k]), plain[k]);
  }
}

TEST(TouchedVectorTest, CopyOfAnotherSizeIsAFullCopy) {
  TouchedVector<uint8_t> small(10), large(2000);
  large.Mutable(1500) = 1;
  small = large;
  ASSERT_EQ(small.size(), 2000u);
  EXPECT_EQ(small[1500], 1);
  small.Clear();
  EXPECT_EQ(Values(small), std::vector<uint8_t>(2000, 0));
  EXPECT_EQ(large[1500], 1);  // the source is untouched
}

TEST(TouchedVectorTest, CopyConstructionKeepsTheValues) {
  TouchedVector<int> v(100);
  v.Mutable(3) = 4;
  v.Mutable(99) = 2;
  TouchedVector<int> copy(v);
  EXPECT_EQ(Values(copy), Values(v));
  copy.Clear();  // clears what the copy holds, not the original
  EXPECT_EQ(Values(copy), std::vector<int>(100, 0));
  EXPECT_EQ(v[3], 4);
}

}  // namespace
}  // namespace backbalance::internal
