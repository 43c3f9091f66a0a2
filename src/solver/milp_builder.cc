#include "solver/milp_builder.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace backbalance::internal {

void MilpBuilder::LoadInto(Cbc_Model* model) {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.column < b.column; });
  std::vector<CoinBigIndex> start(lower_.size() + 1, 0);
  std::vector<int> index;
  std::vector<double> value;
  index.reserve(entries_.size());
  value.reserve(entries_.size());
  for (const Entry& e : entries_) {
    ++start[e.column + 1];
    index.push_back(e.row);
    value.push_back(e.value);
  }
  for (std::size_t c = 0; c < lower_.size(); ++c) start[c + 1] += start[c];
  Cbc_loadProblem(model, columns(), rows(), start.data(), index.data(), value.data(), lower_.data(),
                  upper_.data(), objective_.data(), row_lower_.data(), row_upper_.data());
  for (int c = 0; c < columns(); ++c) {
    if (integer_[c]) Cbc_setInteger(model, c);
  }
}

}  // namespace backbalance::internal
