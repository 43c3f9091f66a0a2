// File: backbalance/io/options_json.h
//
// PlannerOptions as JSON: the one reader and writer of options, for the C ABI
// (bkb_planner_create, bkb_options_default_json) and the command line (`--options FILE`). The
// object mirrors the struct field by field (backbalance/model/options.h), so the paths
// ValidateOptions reports (`options.bands[1].minutes[0]`) are paths into this JSON:
//
//   {"band_b_min_pain": 4, ..., "bands": [{"minutes": [150, 60, 60, 20, 30],
//    "volume_cap": 360, "min_training_days": 3, "max_training_days": 6}, ...],
//    ..., "first_week_cap_by_fitness": [120, 180, 240, 300, 360], "late_pregnancy_week": 20,
//    "session_cap_by_fitness": [45, 60, 75, 90, 120], ..., "catalog_defaults": {"max_per_week": [5,
//    3, 7, 5, 7], ...}, "backend": "heuristic", "search_iterations": 120, "time_limit_seconds":
//    null}
//
// Reading starts from the defaults and replaces the fields the text holds; every field
// is optional, an array (`bands`, `max_per_week`, the caps by fitness 1..5) must hold all
// its entries.
#ifndef BACKBALANCE_IO_OPTIONS_JSON_H_
#define BACKBALANCE_IO_OPTIONS_JSON_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "backbalance/model/options.h"

namespace backbalance {

// kInvalidArgument listing every problem of the text as `options.<field>: <rule>: ...`
// (syntax, type, unknown_field, length); ranges are left to ValidateOptions
// (Planner::Create), which reports them with the same paths.
absl::StatusOr<PlannerOptions> LoadOptions(std::string_view json_text);

// LoadOptions on a file's bytes; kNotFound when it cannot be read.
absl::StatusOr<PlannerOptions> LoadOptionsFile(const std::string& path);

// Every field, in struct order, two-space indented, ending in a newline.
std::string SaveOptions(const PlannerOptions& options);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_OPTIONS_JSON_H_
