// File: backbalance/io/free_exercise_db.h
//
// Import of the public-domain free-exercise-db catalogue (github.com/yuhonas/
// free-exercise-db, `dist/exercises.json`: an array of records with `id`, `name`,
// `level`, `equipment`, `primaryMuscles`, `secondaryMuscles`, `category`, ...) into
// exercise records of plan model section 2. docs/import.md gives every mapping table.
//
// The source has no safety data (impact, rest, contraindications), so every imported
// record gets `reviewed: false`: eligibility rule 4 (`unreviewed`) then keeps it away from
// anyone with a condition or in pain band C. Muscles map onto the twelve groups; a record
// whose primary muscles all lie outside them (biceps, triceps, forearms, neck, adductors)
// is skipped and counted by reason, never mapped onto a wrong group.
//
//   absl::StatusOr<FreeExerciseDbImport> imported = ImportFreeExerciseDbFile(path);
//   absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
//       Catalog::Create(imported->exercises);
//
// Thread-safety: pure functions.
#ifndef BACKBALANCE_IO_FREE_EXERCISE_DB_H_
#define BACKBALANCE_IO_FREE_EXERCISE_DB_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/vocabulary.h"

namespace backbalance {

struct FreeExerciseDbOptions {
  // Put before every normalised id, so that imported ids say where they came from and do
  // not clash with the built-in catalog's. "" keeps the normalised ids alone. Must match
  // [a-z0-9_]{0,32}.
  std::string id_prefix = "fedb_";
};

// What an import did, for people and for tests.
struct FreeExerciseDbReport {
  int records = 0;   // records in the file
  int imported = 0;  // records that became exercises
  int skipped = 0;   // records left out; imported + skipped == records
  // Why records were left out: `primary_muscles_outside_groups:<name>[+<name>...]` (the
  // source's muscle names) -> count.
  std::map<std::string, int> skipped_by_reason;
  // Imported exercises by category and by impact name ("strength", "low", ...).
  std::map<std::string, int> imported_by_category;
  std::map<std::string, int> imported_by_impact;
  // Secondary muscles with no group (biceps, ...) left off imported records.
  int dropped_secondary_muscles = 0;
  // Ids that normalised to one already taken and got a `_2`, `_3`, ... suffix.
  int renamed_ids = 0;
};

struct FreeExerciseDbImport {
  std::vector<Exercise> exercises;  // in file order; every field set, reviewed false
  FreeExerciseDbReport report;
};

// Converts a free-exercise-db document. kInvalidArgument lists every problem of the
// document as `<path>: <rule>: <detail>` with paths in its own syntax (`[12].category:
// unknown_name: ...`, `[3]: type: ...`, `(document): type: must be an array ...`); fields
// the importer does not read (force, mechanic, images, ...) are ignored. `options`
// problems have the path `options.id_prefix`.
absl::StatusOr<FreeExerciseDbImport> ImportFreeExerciseDb(
    std::string_view json_text, const FreeExerciseDbOptions& options = {});

// ImportFreeExerciseDb on a file's bytes; kNotFound when it cannot be read.
absl::StatusOr<FreeExerciseDbImport> ImportFreeExerciseDbFile(
    const std::string& path, const FreeExerciseDbOptions& options = {});

// The group a free-exercise-db muscle name maps onto: nullopt for a known name outside the
// twelve groups (biceps, triceps, forearms, neck, adductors). `known` is set false for a
// name that is not one of the source's seventeen.
std::optional<Muscle> FreeExerciseDbMuscle(std::string_view name, bool* known = nullptr);

// "abdominals" -> "abdominals", "3/4 Sit-Up" -> "3_4_sit_up": lower case, every run of
// characters outside [a-z0-9] one `_`, no `_` at either end, at most `max_length` bytes.
std::string NormalizeExerciseId(std::string_view text, std::size_t max_length = 64);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_FREE_EXERCISE_DB_H_
