#include "backbalance/io/alternatives_json.h"

#include <string>
#include <utility>

#include "io/plan_json_internal.h"

namespace backbalance {

absl::StatusOr<std::string> SaveAlternatives(const AlternativesResult& result) {
  using internal::Json;
  Json out = Json::object();
  out["schema"] = std::string(internal::kAlternativesSchema);
  out["status"] = std::string(ToName(result.status));
  out["day"] = result.day;
  out["exercise"] = result.exercise;
  // A refer result names the use and nothing else (plan model 12.1).
  if (result.status == PlanStatus::kOk) {
    out["phase"] = std::string(ToName(result.phase));
    out["minutes"] = result.minutes;
    out["score"] = result.score;
  }
  Json alternatives = Json::array();
  for (const Alternative& a : result.alternatives) {
    Json entry = Json::object();
    entry["exercise"] = a.exercise;
    entry["phase"] = std::string(ToName(a.phase));
    entry["minutes"] = a.minutes;
    entry["score"] = a.score;
    entry["score_change"] = a.score_change;
    entry["substitute"] = a.substitute;
    alternatives.push_back(std::move(entry));
  }
  out["alternatives"] = std::move(alternatives);
  return internal::DumpFinite(out, "alternatives");
}

}  // namespace backbalance
