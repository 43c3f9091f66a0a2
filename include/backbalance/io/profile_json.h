// File: backbalance/io/profile_json.h
//
// Strict JSON for profiles (schema backbalance.profile/1, plan model sections 3, 8, 11).
// A profile alone knows only the built-in conditions; the ids it names (prefer,
// exclude, history feedback) and catalog-declared conditions are checked when it meets
// a catalog, by CheckProfileAgainstCatalog.
#ifndef BACKBALANCE_IO_PROFILE_JSON_H_
#define BACKBALANCE_IO_PROFILE_JSON_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/profile.h"

namespace backbalance {

// Parses a profile document; every field optional, defaults as section 3. Condition
// names are checked only for their form here (a catalog may declare more).
absl::StatusOr<Profile> LoadProfile(std::string_view json_text);
absl::StatusOr<Profile> LoadProfileFile(const std::string& path);

// The profile as JSON with every field spelled out (history included when present).
std::string SaveProfile(const Profile& profile);

// Checks what a profile names against a catalog: `conditions[i]` must be built-in or
// declared by the catalog, `prefer[i]`, `exclude[i]` and `history.feedback[i].exercise`
// and the keys of `doses` must be catalog ids, each `doses` entry of a form its item
// allows (DoseFormProblem; `doses.x: form: ...`). kInvalidArgument lists each problem
// (`prefer[1]: unknown_reference: unknown exercise "tai_chi_x"`).
absl::Status CheckProfileAgainstCatalog(const Profile& profile, const Catalog& catalog);

// Why `dose` is not a form section 2 allows for `exercise`'s category as a `doses` entry
// (plan model 12.1 "Dose forms"), or nullopt when it is: {sets, reps} or {hold_seconds,
// reps} for strength, balance and flexibility ({sets, reps} only for a flexibility or
// balance item that may warm up); {hold_seconds, reps} or {minutes} for relaxation;
// {minutes} for aerobic.
std::optional<std::string> DoseFormProblem(const Exercise& exercise, const Dose& dose);

// The same check against the built-in conditions only, for a profile with no catalog.
absl::Status CheckProfileConditions(const Profile& profile);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_PROFILE_JSON_H_
