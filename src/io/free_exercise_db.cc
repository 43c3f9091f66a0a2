// Import of free-exercise-db records (backbalance/io/free_exercise_db.h). The mapping
// tables below are the ones docs/import.md shows; a test keeps the two in step.
#include "backbalance/io/free_exercise_db.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/io/document.h"
#include "backbalance/model/problem.h"
#include "internal/hash_containers.h"
#include "internal/status_macros.h"
#include "io/strict_json.h"

namespace backbalance {
namespace {

using internal::AsAbsl;
using internal::Json;
using internal::JsonReader;
using internal::ObjectReader;

struct MuscleMapping {
  std::string_view name;
  std::optional<Muscle> group;  // nullopt: outside the twelve groups
};
// The source's seventeen muscles. Lats, middle back and traps all act on the upper back
// (plan model section 1 has one group for them); the others have no group.
constexpr std::array<MuscleMapping, 17> kMuscles = {{
    {"abdominals", Muscle::kCore},
    {"abductors", Muscle::kHipAbductors},
    {"adductors", std::nullopt},
    {"biceps", std::nullopt},
    {"calves", Muscle::kCalves},
    {"chest", Muscle::kChest},
    {"forearms", std::nullopt},
    {"glutes", Muscle::kGlutes},
    {"hamstrings", Muscle::kHamstrings},
    {"lats", Muscle::kUpperBack},
    {"lower back", Muscle::kLowerBack},
    {"middle back", Muscle::kUpperBack},
    {"neck", std::nullopt},
    {"quadriceps", Muscle::kQuadriceps},
    {"shoulders", Muscle::kShoulders},
    {"traps", Muscle::kUpperBack},
    {"triceps", std::nullopt},
}};

// How each source category becomes a record of section 2. Heavy or explosive lifting
// loads the spine more than ordinary strength work, so it gets a higher impact and more
// rest; aerobic impact depends on the activity (CardioImpact).
struct CategoryMapping {
  std::string_view name;
  Category category;
  Impact impact;
  Dose dose;
  int minutes;  // non-aerobic items
  int rest_hours;
};
const std::array<CategoryMapping, 7>& Categories() {
  static const std::array<CategoryMapping, 7> kCategories = {{
      {"strength", Category::kStrength, Impact::kLow, Dose::SetsReps(2, 10), 6, 48},
      {"powerlifting", Category::kStrength, Impact::kModerate, Dose::SetsReps(3, 5), 8, 72},
      {"olympic weightlifting", Category::kStrength, Impact::kHigh, Dose::SetsReps(3, 3), 8, 72},
      {"strongman", Category::kStrength, Impact::kHigh, Dose::SetsReps(3, 5), 8, 72},
      {"plyometrics", Category::kStrength, Impact::kHigh, Dose::SetsReps(2, 8), 5, 48},
      {"stretching", Category::kFlexibility, Impact::kLow, Dose::HoldReps(30, 3), 5, 0},
      {"cardio", Category::kAerobic, Impact::kLow, Dose::Minutes(20), 0, 0},
  }};
  return kCategories;
}
constexpr int kAerobicMinMinutes = 10;
constexpr int kAerobicMaxMinutes = 30;

struct LevelMapping {
  std::string_view name;
  int difficulty;
};
// Spread over 1..5 so that eligibility rule 6 (difficulty > fitness + 1) keeps "expert"
// records for people of fitness 4 and more.
constexpr std::array<LevelMapping, 3> kLevels = {{
    {"beginner", 2},
    {"intermediate", 3},
    {"expert", 5},
}};

struct EquipmentMapping {
  std::string_view name;
  std::string_view equipment;  // "" needs nothing
};
// The built-in catalog's names where it has one (dumbbells, resistance_band,
// stability_ball); `other` names nothing a profile could own, so it stays unavailable.
constexpr std::array<EquipmentMapping, 12> kEquipment = {{
    {"body only", ""},
    {"dumbbell", "dumbbells"},
    {"bands", "resistance_band"},
    {"exercise ball", "stability_ball"},
    {"kettlebells", "kettlebell"},
    {"medicine ball", "medicine_ball"},
    {"foam roll", "foam_roller"},
    {"cable", "cable_machine"},
    {"machine", "gym_machine"},
    {"barbell", "barbell"},
    {"e-z curl bar", "ez_curl_bar"},
    {"other", "unspecified_equipment"},
}};

// Cardio machines the built-in catalog names on its own: a profile that owns a stationary
// bike says `stationary_bike`, not `gym_machine`.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kCardioMachines = {{
    {"stationary", "stationary_bike"},
    {"recumbent", "stationary_bike"},
    {"elliptical", "elliptical"},
}};

// Aerobic impact from the activity's name: running, sprints and jumping land hard;
// jogging, skating and stepping moderately; cycling, rowing, walking and the elliptical
// not at all. The first keyword found wins, high before moderate.
Impact CardioImpact(std::string_view normalized_id) {
  for (std::string_view word : {"run", "sprint", "jump", "rope"}) {
    if (absl::StrContains(AsAbsl(normalized_id), AsAbsl(word))) return Impact::kHigh;
  }
  for (std::string_view word : {"jog", "skat", "stair", "step"}) {
    if (absl::StrContains(AsAbsl(normalized_id), AsAbsl(word))) return Impact::kModerate;
  }
  return Impact::kLow;
}

template <typename Table>
auto FindByName(const Table& table, std::string_view name) -> decltype(&table[0]) {
  for (const auto& entry : table) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

template <typename Table>
std::string NameList(const Table& table) {
  std::vector<std::string> names;
  for (const auto& entry : table) names.push_back(absl::StrCat("\"", AsAbsl(entry.name), "\""));
  return absl::StrJoin(names, ", ");
}

constexpr std::size_t kMaxNotes = 1000;

// `text` with every control character (U+0000..U+001F, U+007F) turned into a space: the
// source's texts may hold tabs or newlines, which no backbalance document may
// (`control_character`), and a name or note prints on one line.
std::string WithoutControlCharacters(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

// The record's instructions, cut at a space to at most kMaxNotes bytes, after a line
// that says where the record came from.
std::string Notes(std::string_view source_id, const std::vector<std::string>& instructions) {
  std::string text = absl::StrCat("Imported from free-exercise-db (", AsAbsl(source_id),
                                  "); not reviewed for back pain.");
  for (const std::string& step : instructions) {
    if (text.size() + 1 + step.size() > kMaxNotes) {
      std::size_t room = kMaxNotes - 4 - text.size();
      const std::size_t cut = step.rfind(' ', room);
      if (cut != std::string::npos && cut > 0) absl::StrAppend(&text, " ", step.substr(0, cut));
      text += " ...";
      break;
    }
    absl::StrAppend(&text, " ", step);
  }
  return text;
}

// The raw fields of one record, checked for type and vocabulary.
struct SourceRecord {
  std::string id;
  std::string name;
  const CategoryMapping* category = nullptr;
  int difficulty = 1;
  std::string equipment;  // mapped; "" for none
  std::vector<std::string> primary;
  std::vector<std::string> secondary;
  std::vector<std::string> instructions;
};

// Muscle names, each one of the seventeen (`unknown_name` otherwise).
void CheckMuscles(JsonReader& reader, const std::vector<std::string>& names,
                  const std::string& path) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    bool known = false;
    FreeExerciseDbMuscle(names[i], &known);
    if (!known) {
      reader.Report(
          internal::IndexPath(path, i), "unknown_name",
          absl::StrCat("must be one of ", NameList(kMuscles), "; got ", internal::Quote(names[i])));
    }
  }
}

std::optional<SourceRecord> ReadRecord(JsonReader& reader, const Json& value,
                                       const std::string& path) {
  const std::size_t problems_before = reader.problem_count();
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  SourceRecord record;
  if (const Json* v = object.Required("id")) {
    if (auto id = reader.String(*v, object.PathOf("id"))) {
      if (NormalizeExerciseId(*id).empty()) {
        reader.Report(object.PathOf("id"), "pattern",
                      absl::StrCat("must hold a letter or digit, got ", internal::Quote(*id)));
      }
      record.id = *id;
    }
  }
  if (const Json* v = object.Required("name")) {
    if (auto name = reader.String(*v, object.PathOf("name"))) {
      const std::string clean = WithoutControlCharacters(*name);
      if (absl::StripAsciiWhitespace(clean).empty()) {
        reader.Report(object.PathOf("name"), "empty", "must name the exercise");
      }
      record.name = std::string(absl::StripAsciiWhitespace(clean));
    }
  }
  if (const Json* v = object.Required("category")) {
    if (auto name = reader.String(*v, object.PathOf("category"))) {
      record.category = FindByName(Categories(), *name);
      if (record.category == nullptr) {
        reader.Report(object.PathOf("category"), "unknown_name",
                      absl::StrCat("must be one of ", NameList(Categories()), "; got ",
                                   internal::Quote(*name)));
      }
    }
  }
  if (const Json* v = object.Required("level")) {
    if (auto name = reader.String(*v, object.PathOf("level"))) {
      if (const LevelMapping* level = FindByName(kLevels, *name)) {
        record.difficulty = level->difficulty;
      } else {
        reader.Report(
            object.PathOf("level"), "unknown_name",
            absl::StrCat("must be one of ", NameList(kLevels), "; got ", internal::Quote(*name)));
      }
    }
  }
  // The source writes null for "nothing named"; its records with null are body-weight
  // stretches and drills.
  if (const Json* v = object.Required("equipment"); v != nullptr && !v->is_null()) {
    if (auto name = reader.String(*v, object.PathOf("equipment"))) {
      if (const EquipmentMapping* equipment = FindByName(kEquipment, *name)) {
        record.equipment = std::string(equipment->equipment);
      } else {
        reader.Report(object.PathOf("equipment"), "unknown_name",
                      absl::StrCat("must be null or one of ", NameList(kEquipment), "; got ",
                                   internal::Quote(*name)));
      }
    }
  }
  if (const Json* v = object.Required("primaryMuscles")) {
    const std::string at = object.PathOf("primaryMuscles");
    if (auto names = internal::ReadStringList(reader, *v, at)) {
      if (names->empty() && !reader.IsReported(at)) {
        reader.Report(at, "empty", "must name at least one muscle");
      }
      CheckMuscles(reader, *names, at);
      record.primary = *std::move(names);
    }
  }
  if (const Json* v = object.Optional("secondaryMuscles")) {
    const std::string at = object.PathOf("secondaryMuscles");
    if (auto names = internal::ReadStringList(reader, *v, at)) {
      CheckMuscles(reader, *names, at);
      record.secondary = *std::move(names);
    }
  }
  if (const Json* v = object.Optional("instructions")) {
    if (auto steps = internal::ReadStringList(reader, *v, object.PathOf("instructions"))) {
      record.instructions = *std::move(steps);
    }
  }
  if (reader.problem_count() != problems_before) return std::nullopt;
  return record;
}

std::vector<Muscle> Groups(const std::vector<std::string>& names,
                           std::vector<std::string>* outside) {
  std::vector<Muscle> groups;
  for (const std::string& name : names) {
    if (std::optional<Muscle> group = FreeExerciseDbMuscle(name)) {
      if (std::find(groups.begin(), groups.end(), *group) == groups.end()) groups.push_back(*group);
    } else if (outside != nullptr) {
      outside->push_back(name);
    }
  }
  return groups;
}

Exercise ToExercise(const SourceRecord& record, std::string id, std::vector<Muscle> primary,
                    FreeExerciseDbReport& report) {
  const CategoryMapping& mapping = *record.category;
  Exercise e;
  e.id = std::move(id);
  e.name = record.name;
  e.category = mapping.category;
  e.impact = mapping.category == Category::kAerobic ? CardioImpact(NormalizeExerciseId(record.id))
                                                    : mapping.impact;
  switch (e.category) {
    case Category::kFlexibility:  // a held stretch never warms up (section 2, model v2)
      e.phases = {Phase::kMain, Phase::kCooldown};
      break;
    case Category::kAerobic:  // a warm-up item must be low impact (section 2)
      e.phases = e.impact == Impact::kLow ? std::vector<Phase>{Phase::kWarmup, Phase::kMain}
                                          : std::vector<Phase>{Phase::kMain};
      break;
    default:
      e.phases = {Phase::kMain};
  }
  e.primary_muscles = std::move(primary);
  std::vector<std::string> dropped;
  for (Muscle m : Groups(record.secondary, &dropped)) {
    // Lats primary and middle back secondary are one group: primary wins (disjoint sets).
    if (std::find(e.primary_muscles.begin(), e.primary_muscles.end(), m) ==
        e.primary_muscles.end()) {
      e.secondary_muscles.push_back(m);
    }
  }
  report.dropped_secondary_muscles += static_cast<int>(dropped.size());
  if (e.IsAerobic()) {
    e.min_minutes = kAerobicMinMinutes;
    e.max_minutes = kAerobicMaxMinutes;
  } else {
    e.minutes = mapping.minutes;
  }
  e.dose = mapping.dose;
  e.rest_hours = mapping.rest_hours;
  static constexpr std::array<int, kCategoryCount> kMaxPerWeek = {5, 3, 7, 5, 7};
  e.max_per_week = kMaxPerWeek[static_cast<int>(e.category)];
  e.difficulty = record.difficulty;
  std::string equipment = record.equipment;
  if (e.IsAerobic() && equipment == "gym_machine") {
    const std::string id = NormalizeExerciseId(record.id);
    for (const auto& [word, machine] : kCardioMachines) {
      if (absl::StrContains(id, AsAbsl(word))) {
        equipment = std::string(machine);
        break;
      }
    }
  }
  if (!equipment.empty()) e.equipment = {equipment};
  e.notes = WithoutControlCharacters(Notes(record.id, record.instructions));
  e.reviewed = false;
  return e;
}

}  // namespace

std::optional<Muscle> FreeExerciseDbMuscle(std::string_view name, bool* known) {
  for (const MuscleMapping& m : kMuscles) {
    if (m.name == name) {
      if (known != nullptr) *known = true;
      return m.group;
    }
  }
  if (known != nullptr) *known = false;
  return std::nullopt;
}

std::string NormalizeExerciseId(std::string_view text, std::size_t max_length) {
  std::string out;
  for (char c : text) {
    const char lower = absl::ascii_tolower(static_cast<unsigned char>(c));
    if (absl::ascii_isalnum(static_cast<unsigned char>(lower))) {
      out += lower;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  if (out.size() > max_length) out.resize(max_length);
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

absl::StatusOr<FreeExerciseDbImport> ImportFreeExerciseDb(std::string_view json_text,
                                                          const FreeExerciseDbOptions& options) {
  if (options.id_prefix.size() > 32 ||
      (!options.id_prefix.empty() && !internal::IsIdentifier(options.id_prefix))) {
    return ProblemsStatus(
        absl::StatusCode::kInvalidArgument,
        {{"options.id_prefix", "pattern",
          absl::StrCat("must match [a-z0-9_]{0,32}, got ", internal::Quote(options.id_prefix))}});
  }
  JsonReader reader;
  reader.AllowControlCharacters();  // the texts kept are cleaned of them (above)
  std::optional<internal::ParsedJson> document = reader.Parse(json_text);
  if (document && !reader.Expect(**document, "", Json::value_t::array)) document.reset();
  if (document && (*document)->size() > kMaxExercises) {
    reader.Report(
        "", "length",
        absl::StrCat("must hold at most ", kMaxExercises, " records, got ", (*document)->size()));
    document.reset();
  }
  std::vector<std::optional<SourceRecord>> records;
  if (document) {
    for (std::size_t i = 0; i < (*document)->size(); ++i) {
      records.push_back(ReadRecord(reader, (**document)[i], internal::IndexPath("", i)));
    }
  }
  if (reader.problem_count() > 0) {
    std::vector<Problem> problems = reader.problems();
    internal::FinishProblems(problems, internal::FieldOrder{}, reader.dropped());
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, problems);
  }

  FreeExerciseDbImport out;
  FreeExerciseDbReport& report = out.report;
  report.records = static_cast<int>(records.size());
  internal::StringSet taken;
  for (const std::optional<SourceRecord>& record : records) {
    std::vector<std::string> outside;
    std::vector<Muscle> primary = Groups(record->primary, &outside);
    if (primary.empty()) {
      std::sort(outside.begin(), outside.end());
      outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
      ++report.skipped_by_reason[absl::StrCat("primary_muscles_outside_groups:",
                                              absl::StrJoin(outside, "+"))];
      ++report.skipped;
      continue;
    }
    const std::size_t room = 64 - options.id_prefix.size();
    std::string id = options.id_prefix + NormalizeExerciseId(record->id, room);
    if (taken.contains(id)) {
      // Another record normalised to this id: number the later ones, within 64 bytes.
      for (int n = 2;; ++n) {
        const std::string suffix = absl::StrCat("_", n);
        std::string candidate =
            options.id_prefix + NormalizeExerciseId(record->id, room - suffix.size()) + suffix;
        if (!taken.contains(candidate)) {
          id = std::move(candidate);
          break;
        }
      }
      ++report.renamed_ids;
    }
    taken.insert(id);
    Exercise exercise = ToExercise(*record, std::move(id), std::move(primary), report);
    ++report.imported_by_category[std::string(ToName(exercise.category))];
    ++report.imported_by_impact[std::string(ToName(exercise.impact))];
    out.exercises.push_back(std::move(exercise));
    ++report.imported;
  }
  return out;
}

absl::StatusOr<FreeExerciseDbImport> ImportFreeExerciseDbFile(
    const std::string& path, const FreeExerciseDbOptions& options) {
  BKB_ASSIGN_OR_RETURN(const std::string text, ReadDocumentFile(path));
  return ImportFreeExerciseDb(text, options);
}

}  // namespace backbalance
