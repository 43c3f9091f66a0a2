// File: solver/milp_builder.h (internal)
//
// A mixed integer linear program in plain arrays: columns with bounds, an objective and
// integrality; rows `lower <= sum coefficient x column <= upper`. It knows nothing of
// the week: the exact backend's formulation (solver/exact_formulation.h) writes the plan
// model into one, and the CBC driver (solver/cbc_exact_planner.cc) loads it into CBC.
// A thin layer over CBC's model-building C interface: rows are kept as (column, row,
// coefficient) entries and handed to CBC column-major in one Cbc_loadProblem call.
#ifndef BACKBALANCE_SRC_SOLVER_MILP_BUILDER_H_
#define BACKBALANCE_SRC_SOLVER_MILP_BUILDER_H_

#include <coin/Cbc_C_Interface.h>

#include <limits>
#include <utility>
#include <vector>

namespace backbalance::internal {

// A linear expression: (column, coefficient) terms.
struct Linear {
  std::vector<std::pair<int, double>> terms;
  void Add(int column, double coefficient) {
    if (column >= 0 && coefficient != 0) terms.emplace_back(column, coefficient);
  }
  void Add(const Linear& other, double factor = 1) {
    for (const auto& [c, v] : other.terms) Add(c, v * factor);
  }
  bool empty() const { return terms.empty(); }
};

// The model in plain arrays, loaded into CBC in one call (column-major).
class MilpBuilder {
 public:
  static constexpr double kInfinity = std::numeric_limits<double>::max();

  int AddColumn(double lower, double upper, double objective, bool integer, bool score = false) {
    lower_.push_back(lower);
    upper_.push_back(upper);
    objective_.push_back(objective);
    integer_.push_back(integer);
    score_.push_back(score);
    return static_cast<int>(lower_.size()) - 1;
  }
  int AddBinary(double objective = 0) { return AddColumn(0, 1, objective, true); }
  // A score column: a saturated term that the maximisation pushes to its bound.
  // Integer wherever every week gives it an integral value (minutes, days, counts):
  // that spares CBC a search through fractional near-ties (measured on a three-day
  // band C week: 2218 nodes and 9 s as continuous columns, 6 nodes and 1 s as integers).
  int AddScoreColumn(double upper, double objective, bool integer) {
    return AddColumn(0, upper, objective, integer, /*score=*/true);
  }
  void AddObjective(int column, double value) { objective_[column] += value; }
  // lower <= expression <= upper.
  void AddRow(const Linear& expression, double lower, double upper) {
    const int row = static_cast<int>(row_lower_.size());
    row_lower_.push_back(lower);
    row_upper_.push_back(upper);
    for (const auto& [c, v] : expression.terms) entries_.push_back({c, row, v});
  }
  void AddLessEqual(const Linear& expression, double upper) {
    AddRow(expression, -kInfinity, upper);
  }
  void AddGreaterEqual(const Linear& expression, double lower) {
    AddRow(expression, lower, kInfinity);
  }

  int columns() const { return static_cast<int>(lower_.size()); }
  int rows() const { return static_cast<int>(row_lower_.size()); }
  bool integer(int column) const { return integer_[column]; }
  bool score(int column) const { return score_[column]; }

  // Hands the model to CBC in one call (Cbc_loadProblem, column-major) and marks the
  // integer columns. The objective sense is the caller's.
  void LoadInto(Cbc_Model* model);

 private:
  struct Entry {
    int column;
    int row;
    double value;
  };
  std::vector<double> lower_, upper_, objective_;
  std::vector<bool> integer_;
  std::vector<bool> score_;
  std::vector<double> row_lower_, row_upper_;
  std::vector<Entry> entries_;
};

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_MILP_BUILDER_H_
