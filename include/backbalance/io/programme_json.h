// File: backbalance/io/programme_json.h
//
// JSON for programmes (schema backbalance.programme/1, plan model section 13):
//   {"schema": "backbalance.programme/1",
//    "weeks": [{"week": 1, "deload": false, "profile": {...}, "plan": {...}}]}
// Each profile as SaveProfile writes it, each plan as SavePlan does.
#ifndef BACKBALANCE_IO_PROGRAMME_JSON_H_
#define BACKBALANCE_IO_PROGRAMME_JSON_H_

#include <string>

#include "backbalance/model/programme.h"

namespace backbalance {

std::string SaveProgramme(const ProgrammePlan& programme);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_PROGRAMME_JSON_H_
