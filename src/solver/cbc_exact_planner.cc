// The exact backend's CBC driver: builds the formulation (solver/exact_formulation.h),
// hands it to CBC with the time limit and a warm start, and turns CBC's answer into an
// ExactResult: the decoded week, checked against the rules, and whether CBC's proof is
// a proof about the score. Built only when BACKBALANCE_WITH_CBC is on.
#include "solver/cbc_exact_planner.h"

#include <coin/Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "solver/exact_formulation.h"

namespace backbalance::internal {
namespace {

struct CbcModelDeleter {
  void operator()(Cbc_Model* model) const { Cbc_deleteModel(model); }
};

}  // namespace

absl::StatusOr<ExactResult> SolveExact(const WeekRules& rules,
                                       std::optional<double> time_limit_seconds,
                                       const SearchWeek* warm_start, std::mutex& cbc_mutex,
                                       const DistanceTarget* target) {
  ExactFormulation model(rules, target);
  model.Build();
  std::vector<int> start_columns;
  std::vector<double> start_values;
  if (warm_start != nullptr && rules.Valid(*warm_start) &&
      !model.StartValues(*warm_start, &start_columns, &start_values)) {
    start_columns.clear();  // a week the model cannot express: no warm start
    start_values.clear();
  }

  ExactResult result;
  std::vector<double> solution;
  bool has_solution = false;
  double cbc_objective = 0, cbc_bound = 0;
  {
    std::lock_guard<std::mutex> lock(cbc_mutex);  // CbcMain1 is not thread-safe
    std::unique_ptr<Cbc_Model, CbcModelDeleter> cbc(Cbc_newModel());
    if (cbc == nullptr) return absl::ResourceExhaustedError("exact: cbc: cannot create a model");
    // Silent; single-threaded (CBC's default) and so deterministic unless the time
    // limit stops it. Parameters go through CbcMain1's command line, which Cbc_solve
    // runs; the setters below only reach the CbcModel that CbcMain1 copies.
    Cbc_setParameter(cbc.get(), "log", "0");
    Cbc_setParameter(cbc.get(), "slog", "0");
    Cbc_setLogLevel(cbc.get(), 0);
    // A proof means optimal to 1e-7 points, whatever CBC's default gaps are.
    Cbc_setParameter(cbc.get(), "ratioGap", "0");
    Cbc_setParameter(cbc.get(), "allowableGap", "1e-7");
    // Up to 100 rounds of cuts at the root even when each improves little: on this
    // model the bound after the default rounds stays far above the optimum (measured:
    // a 30-minutes-a-day band C week proved in ~2 s instead of not within 120 s).
    Cbc_setParameter(cbc.get(), "passCuts", "-100");
    if (time_limit_seconds) {
      // Wall-clock seconds, as the option means (CBC counts CPU time by default).
      Cbc_setParameter(cbc.get(), "timeMode", "elapsed");
      Cbc_setParameter(cbc.get(), "seconds", absl::StrFormat("%.6f", *time_limit_seconds).c_str());
      Cbc_setMaximumSeconds(cbc.get(), *time_limit_seconds);
      // CBC 2.10 can crash in CglPreProcess::postProcess when the limit strikes while
      // it maps a solution back through its preprocessing (seen: segfaults at 0.2 s and
      // 0.5 s limits on several of tests/golden/gap). A time-limited solve goes without
      // that preprocessing; presolve stays on.
      Cbc_setParameter(cbc.get(), "preprocess", "off");
    }
    model.milp().LoadInto(cbc.get());
    Cbc_setObjSense(cbc.get(), -1);  // maximise
    if (!start_columns.empty()) {
      Cbc_setMIPStartI(cbc.get(), static_cast<int>(start_columns.size()), start_columns.data(),
                       start_values.data());
    }
    Cbc_solve(cbc.get());
    result.time_limit_reached = Cbc_isSecondsLimitReached(cbc.get()) != 0;
    const double* best = Cbc_bestSolution(cbc.get());
    if (best != nullptr) {
      has_solution = true;
      const double* columns = Cbc_getColSolution(cbc.get());
      if (columns == nullptr) columns = best;
      solution.assign(columns, columns + model.milp().columns());
      cbc_objective = Cbc_getObjValue(cbc.get());
      cbc_bound = Cbc_getBestPossibleObjValue(cbc.get());
      result.proven_optimal = Cbc_isProvenOptimal(cbc.get()) != 0;
    } else if (Cbc_isProvenInfeasible(cbc.get())) {
      result.outcome = ExactResult::Outcome::kInfeasible;
      return result;
    }
  }
  if (!has_solution) {
    result.outcome = ExactResult::Outcome::kNoSolution;
    return result;
  }

  result.week = model.Decode(solution.data());
  if (!rules.Valid(result.week)) {
    return absl::InternalError(
        "exact: internal: CBC returned a week that breaks the hard constraints");
  }
  result.objective = rules.Score(result.week);
  const double scale = std::max(1.0, std::abs(result.objective));
  // The model's objective is the score; a disagreement means it is not, and then CBC's
  // proof is not a proof about the score.
  // With a repair target the model's objective adds the distance part.
  const double distance_part = model.DistanceObjective(result.week);
  cbc_objective -= distance_part;
  cbc_bound -= distance_part;
  if (std::abs(cbc_objective - result.objective) >
      1e-6 * std::max(scale, std::abs(distance_part))) {
    result.proven_optimal = false;
  }
  result.outcome =
      result.proven_optimal ? ExactResult::Outcome::kOptimal : ExactResult::Outcome::kFeasible;
  result.best_bound = result.proven_optimal ? result.objective : cbc_bound;
  result.gap = result.proven_optimal ? 0.0 : std::max(0.0, cbc_bound - result.objective) / scale;
  return result;
}

}  // namespace backbalance::internal
