// The evaluation document (backbalance.evaluation/1): what Evaluate judged, as JSON.
#include <string>
#include <utility>

#include "backbalance/io/plan_json.h"
#include "io/plan_json_internal.h"
#include "io/strict_json.h"

namespace backbalance {

absl::StatusOr<std::string> SaveEvaluation(const Evaluation& evaluation) {
  using internal::Json;
  Json out = Json::object();
  out["schema"] = std::string(internal::kEvaluationSchema);
  out["valid"] = evaluation.valid;
  Json violations = Json::array();
  for (const Violation& v : evaluation.violations) {
    Json entry = Json::object();
    entry["rule"] = v.rule;
    entry["day"] = v.day ? Json(*v.day) : Json(nullptr);
    entry["exercise"] = v.exercise ? Json(*v.exercise) : Json(nullptr);
    entry["detail"] = v.detail;
    violations.push_back(std::move(entry));
  }
  out["violations"] = std::move(violations);
  out["score"] = evaluation.score;
  out["score_terms"] = internal::ScoreTermsToJson(evaluation.score_terms);
  out["penalties"] = Json{{"caution", evaluation.penalties.caution},
                          {"windows", evaluation.penalties.windows},
                          {"minutes", evaluation.penalties.minutes}};
  out["excluded"] = internal::ExcludedToJson(evaluation.excluded);
  return internal::DumpFinite(out, "evaluation");
}

}  // namespace backbalance
