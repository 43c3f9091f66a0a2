#include "backbalance/io/programme_json.h"

#include <string>
#include <utility>

#include "io/plan_json_internal.h"
#include "io/strict_json.h"

namespace backbalance {

std::string SaveProgramme(const ProgrammePlan& programme) {
  internal::Json out = internal::Json::object();
  out["schema"] = std::string(internal::kProgrammeSchema);
  internal::Json weeks = internal::Json::array();
  for (const ProgrammeWeek& week : programme.weeks) {
    internal::Json entry = internal::Json::object();
    entry["week"] = week.week;
    entry["deload"] = week.deload;
    entry["profile"] = internal::ProfileToJson(week.profile);
    entry["plan"] = internal::PlanToJson(week.plan);
    weeks.push_back(std::move(entry));
  }
  out["weeks"] = std::move(weeks);
  return internal::DumpDocument(out);
}

}  // namespace backbalance
