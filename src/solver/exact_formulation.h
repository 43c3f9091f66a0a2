// File: solver/exact_formulation.h (internal)
//
// The exact backend's formulation: the week of plan model v2, sections 6-7, as a mixed
// integer linear program (solver/milp_builder.h) whose objective is the section 7 score
// itself (balance terms, mix, caution, window and minute penalties). The CBC driver
// (solver/cbc_exact_planner.cc) solves it; docs/solver.md describes it for people.
//
// Columns, by day d, eligible exercise e and allowed phase p:
//   x[d][e][p] binary          e is used on d in phase p (at most one phase a day)
//   k[d][e][p] integer         aerobic items: minutes / aerobic_minutes_step within
//                              DurationsOf (H9; an item with an empty range has no x),
//                              0 unless x
//   t[d] binary                d is a training day (x <= t, t <= sum x)
//   s[d][m], j[d], h[d]        a strength item with primary m on d; a moderate/high item
//                              on d; a high-impact item on d (H5, H6)
//   hd[d] binary               d is hard: a strength or moderate/high-impact use on d
//   a_c, sd[d], v_m, f_m,      the score's saturated terms, each bounded by its cap and
//   used[e], V, mix, w[d]      by what the week provides; mix <= a_c / T_c for every
//                              category term that weighs; w[d] >= hd[d]+hd[d+1]+hd[d+2]-2
//                              counts the all-hard window d, d+1, d+2
// H1-H9 are linear in these: H2 reads ctx.availability (the session cap included), H4
// bounds each training day's warm-up minutes to [min_warmup, max_warmup] and asks for a
// flexibility x in its cool-down phase. Every saturation min(value, cap) of the score,
// and the minimum that `mix` is, is a column bounded by each of its arguments, which
// the maximisation pushes to the smallest, so the objective equals WeekRules::Score of
// the week the x and k columns describe. The score columns are integer where every week
// makes them integral (all but the muscle-balance v and f and mix). With a Repair
// target, the objective adds DistanceWeight() per use that matches the target and
// subtracts it per use outside it (AddDistance).
#ifndef BACKBALANCE_SRC_SOLVER_EXACT_FORMULATION_H_
#define BACKBALANCE_SRC_SOLVER_EXACT_FORMULATION_H_

#include <array>
#include <cstddef>
#include <vector>

#include "catalog/compiled_catalog.h"
#include "solver/cbc_exact_planner.h"
#include "solver/milp_builder.h"
#include "solver/model_rules.h"
#include "solver/search_week.h"
#include "solver/week_context.h"

namespace backbalance::internal {

class ExactFormulation {
  // The columns of one use of exercise e on day d in phase p.
  struct UseColumns {
    int x = -1;       // binary: used
    int k = -1;       // aerobic: minutes / step (integer), else -1
    int minutes = 0;  // non-aerobic: the catalog minutes
  };

 public:
  ExactFormulation(const WeekRules& rules, const DistanceTarget* target)
      : target_(target),
        c_(rules.compiled()),
        ctx_(rules.context()),
        o_(rules.options()),
        n_(static_cast<int>(rules.compiled().exercises.size())),
        uses_(static_cast<std::size_t>(kDaysPerWeek) * n_ * kPhases) {}

  // Writes the columns and rows: the uses (H1, H2, H4, H9), the hard constraints (H2-H8),
  // the pins (H10), the score and, for Repair, the distance.
  void Build();
  MilpBuilder& milp() { return milp_; }

  // A MIP start for `week`: the values of every integer column except the score
  // columns (CBC completes those), zeros included. False when the week uses something
  // the model has no column for.
  bool StartValues(const SearchWeek& week, std::vector<int>* columns,
                   std::vector<double>* values) const;
  // The week a solution's column values describe.
  SearchWeek Decode(const double* solution) const;

  // Each unit of distance weighs more than any two valid weeks' scores differ by.
  double DistanceWeight() const;
  // The objective the model gives `week` beside its score: the distance part.
  double DistanceObjective(const SearchWeek& week) const;

 private:
  UseColumns& At(int d, int e, int p) { return uses_[(d * n_ + e) * kPhases + p]; }
  const UseColumns& At(int d, int e, int p) const { return uses_[(d * n_ + e) * kPhases + p]; }
  // sum_p x[d][e][p]: e is used on d.
  Linear Used(int d, int e) const {
    Linear y;
    for (int p = 0; p < kPhases; ++p) y.Add(At(d, e, p).x, 1);
    return y;
  }
  // The minutes of the use (d, e, p) as an expression.
  Linear Minutes(int d, int e, int p) const {
    Linear m;
    const UseColumns& u = At(d, e, p);
    if (u.k >= 0) {
      m.Add(u.k, o_.aerobic_minutes_step);
    } else {
      m.Add(u.x, u.minutes);
    }
    return m;
  }
  bool Has(int d, int e) const {
    for (int p = 0; p < kPhases; ++p) {
      if (At(d, e, p).x >= 0) return true;
    }
    return false;
  }

  void AddUseColumns();
  void AddHardConstraints();
  void AddPins();
  void AddScore();
  void AddDistance();

  static constexpr int kPhases = 3;

  const DistanceTarget* target_;  // Repair's week, or null
  const CompiledCatalog& c_;
  const WeekContext& ctx_;
  const PlannerOptions& o_;
  const int n_;
  std::vector<UseColumns> uses_;
  std::array<int, kDaysPerWeek> t_{};  // training day
  // Derived binaries, -1 where absent: a strength item with primary m on d (H5); a
  // moderate or high item on d, a high item on d (H6).
  std::array<std::array<int, kMuscleCount>, kDaysPerWeek> trained_{};
  std::array<int, kDaysPerWeek> jarring_{}, high_{};
  // A hard day (a strength or moderate/high-impact use, section 7), -1 where no such
  // use is possible; the category minutes column a_c, -1 where absent.
  std::array<int, kDaysPerWeek> hard_{};
  std::array<int, kCategoryCount> category_{};
  MilpBuilder milp_;
};

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_SOLVER_EXACT_FORMULATION_H_
