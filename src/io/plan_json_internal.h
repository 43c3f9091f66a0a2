// File: io/plan_json_internal.h (internal)
//
// The pieces of the JSON documents that more than one of them holds: a dose (catalog
// records and plan items), a plan (plan documents and a profile's history), a profile
// (profile documents and next-week documents). Readers report into a JsonReader with
// paths below the prefix they are given, so a history's plan reports `history.plan.days`.
#ifndef BACKBALANCE_IO_PLAN_JSON_INTERNAL_H_
#define BACKBALANCE_IO_PLAN_JSON_INTERNAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/catalog/canonical_form.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"
#include "io/strict_json.h"

namespace backbalance::internal {

inline constexpr std::string_view kCatalogSchema = kCatalogSchemaName;
inline constexpr std::string_view kProfileSchema = "backbalance.profile/1";
inline constexpr std::string_view kPlanSchema = "backbalance.plan/1";
inline constexpr std::string_view kEvaluationSchema = "backbalance.evaluation/1";
inline constexpr std::string_view kAlternativesSchema = "backbalance.alternatives/1";
inline constexpr std::string_view kNextWeekSchema = "backbalance.next_week/1";
inline constexpr std::string_view kProgrammeSchema = "backbalance.programme/1";
inline constexpr std::string_view kJournalSchema = "backbalance.journal/1";
inline constexpr std::string_view kProgressSchema = "backbalance.progress/1";

// Reads the required `schema` field of `object`. False when it is present but names
// another schema: the reader then stops, as every other field would be misread.
bool ReadSchema(ObjectReader& object, std::string_view expected);

// A dose object: exactly {sets, reps}, {hold_seconds, reps} or {minutes}; any other set
// of keys is one `dose_form` problem at `path`. Numbers: sets 1..10, reps 1..50,
// hold_seconds 1..300, minutes 1..120.
std::optional<Dose> ReadDose(JsonReader& reader, const Json& value, const std::string& path);

// A plan document (section 10) at `path` ("" for a whole document). Checks form only.
// The result means something only when the reader gained no problems meanwhile;
// nullopt when the value is not an object or names another schema. Each day's
// `minutes` is taken as the sum of its items' minutes: the document's value is an
// output-only field, type-checked and otherwise ignored, so load -> save -> load is
// the identity.
std::optional<Plan> ReadPlan(JsonReader& reader, const Json& value, const std::string& path);
Json PlanToJson(const Plan& plan);
// The field order of a plan at `context` ("" or "history.plan"), for SortProblems.
void AddPlanFieldOrder(FieldOrder& order, const std::string& context);

// The lists a plan and an evaluation both write.
Json ExcludedToJson(const std::vector<Exclusion>& excluded);
Json ScoreTermsToJson(const ScoreTerms& terms);

// The document's text, or kInternal naming the first number that is not finite (`kind`
// names the document in the detail): a writer never puts a non-number where a number
// belongs. `one_line`: without indentation or the final newline (JSON Lines).
absl::StatusOr<std::string> DumpFinite(const Json& value, std::string_view kind,
                                       bool one_line = false);

// A profile as SaveProfile writes it (defined in profile_json.cc; next-week documents
// embed one).
Json ProfileToJson(const Profile& profile);

}  // namespace backbalance::internal

#endif  // BACKBALANCE_IO_PLAN_JSON_INTERNAL_H_
