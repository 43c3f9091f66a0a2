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
#include "backbalance/catalog/profile_check.h"  // CheckProfileAgainstCatalog
#include "backbalance/model/profile.h"

namespace backbalance {

// Parses a profile document; every field optional, defaults as section 3. Condition
// names are checked only for their form here (a catalog may declare more).
absl::StatusOr<Profile> LoadProfile(std::string_view json_text);
absl::StatusOr<Profile> LoadProfileFile(const std::string& path);

// The profile as JSON with every field spelled out (history included when present).
std::string SaveProfile(const Profile& profile);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_PROFILE_JSON_H_
