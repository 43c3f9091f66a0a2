// File: backbalance/model/vocabulary.h
//
// The closed vocabularies of plan model v2 (section 1): categories, impact levels,
// session phases, muscle groups, movements, red flags and the built-in conditions, with their
// stable JSON names. Conditions stay strings because a catalog may declare more.
#ifndef BACKBALANCE_MODEL_VOCABULARY_H_
#define BACKBALANCE_MODEL_VOCABULARY_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace backbalance {

inline constexpr int kDaysPerWeek = 7;

enum class Category : uint8_t { kAerobic, kStrength, kFlexibility, kBalance, kRelaxation };
enum class Impact : uint8_t { kLow, kModerate, kHigh };
enum class Phase : uint8_t { kWarmup, kMain, kCooldown };
enum class Muscle : uint8_t {
  kCore,
  kObliques,
  kLowerBack,
  kUpperBack,
  kGlutes,
  kHipFlexors,
  kHipAbductors,
  kHamstrings,
  kQuadriceps,
  kCalves,
  kChest,
  kShoulders,
};
enum class RedFlag : uint8_t {
  kCaudaEquinaSigns,
  kProgressiveWeakness,
  kFeverOrInfection,
  kUnexplainedWeightLoss,
  kMajorTrauma,
  kConstantNightPain,
  kSuspectedFracture,
  kHistoryOfCancer,
  kPregnancyWarningSigns,
};
// What an exercise does to the spine and joints: the vocabulary of the condition rules
// (section 4a), so that a catalog author tags facts and the rules derive the markings.
enum class Movement : uint8_t {
  kSpinalFlexion,
  kSpinalExtension,
  kSpinalRotation,
  kSideBending,
  kExternalLoad,
  kSupine,
  kProne,
  kQuadruped,
  kKneeling,
  kSingleLeg,
  kKneeLoading,
  kArmLoading,
};
enum class PainDuration : uint8_t { kAcute, kSubacute, kChronic };
enum class PainAfter : uint8_t { kBetter, kSame, kWorse };
enum class Contraindication : uint8_t { kAvoid, kCaution };
enum class PainBand : uint8_t { kA, kB, kC };
enum class PlanStatus : uint8_t { kOk, kInfeasible, kRefer };
enum class DoseForm : uint8_t { kSetsReps, kHoldReps, kMinutes };

// Names in the order of the enumerators; the JSON spelling of each value.
template <typename Enum>
struct EnumNames;

#define BKB_ENUM_NAMES(Enum, ...)                                                  \
  template <>                                                                      \
  struct EnumNames<Enum> {                                                         \
    static constexpr auto kNames = std::to_array<std::string_view>({__VA_ARGS__}); \
  }

BKB_ENUM_NAMES(Category, "aerobic", "strength", "flexibility", "balance", "relaxation");
BKB_ENUM_NAMES(Impact, "low", "moderate", "high");
BKB_ENUM_NAMES(Phase, "warmup", "main", "cooldown");
BKB_ENUM_NAMES(Muscle, "core", "obliques", "lower_back", "upper_back", "glutes", "hip_flexors",
               "hip_abductors", "hamstrings", "quadriceps", "calves", "chest", "shoulders");
BKB_ENUM_NAMES(RedFlag, "cauda_equina_signs", "progressive_weakness", "fever_or_infection",
               "unexplained_weight_loss", "major_trauma", "constant_night_pain",
               "suspected_fracture", "history_of_cancer", "pregnancy_warning_signs");
BKB_ENUM_NAMES(Movement, "spinal_flexion", "spinal_extension", "spinal_rotation", "side_bending",
               "external_load", "supine", "prone", "quadruped", "kneeling", "single_leg",
               "knee_loading", "arm_loading");
BKB_ENUM_NAMES(PainDuration, "acute", "subacute", "chronic");
BKB_ENUM_NAMES(PainAfter, "better", "same", "worse");
BKB_ENUM_NAMES(Contraindication, "avoid", "caution");
BKB_ENUM_NAMES(PainBand, "A", "B", "C");
BKB_ENUM_NAMES(PlanStatus, "ok", "infeasible", "refer");
BKB_ENUM_NAMES(DoseForm, "sets_reps", "hold_reps", "minutes");

#undef BKB_ENUM_NAMES

template <typename Enum>
inline constexpr int kEnumCount = static_cast<int>(EnumNames<Enum>::kNames.size());

inline constexpr int kCategoryCount = kEnumCount<Category>;
inline constexpr int kMuscleCount = kEnumCount<Muscle>;
inline constexpr int kMovementCount = kEnumCount<Movement>;

// The JSON name of a value, e.g. ToName(Muscle::kLowerBack) == "lower_back".
template <typename Enum>
constexpr std::string_view ToName(Enum value) {
  return EnumNames<Enum>::kNames[static_cast<std::size_t>(value)];
}

// The value named `name`, or nullopt for a name outside the vocabulary.
template <typename Enum>
constexpr std::optional<Enum> FromName(std::string_view name) {
  const auto& names = EnumNames<Enum>::kNames;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

// Every value of an enumeration, in declaration order.
template <typename Enum>
constexpr std::array<Enum, kEnumCount<Enum>> AllValues() {
  std::array<Enum, kEnumCount<Enum>> values{};
  for (int i = 0; i < kEnumCount<Enum>; ++i) values[i] = static_cast<Enum>(i);
  return values;
}

// The conditions every catalog knows, in the order that breaks ties when a
// reason names one condition among several (plan model section 4, rule 3).
inline constexpr std::array<std::string_view, 11> kBuiltinConditions = {
    "acute_flare",       "herniated_disc", "sciatica",     "spinal_stenosis",
    "spondylolisthesis", "osteoporosis",   "pregnancy",    "late_pregnancy",
    "post_surgery",      "knee_pain",      "shoulder_pain"};

// The condition a pain score of 7 or more adds to a profile.
inline constexpr std::string_view kAcuteFlare = "acute_flare";
// The condition a pregnancy week of 20 or more adds (section 3); `pregnancy_week` needs
// kPregnancy among the profile's conditions.
inline constexpr std::string_view kPregnancy = "pregnancy";
inline constexpr std::string_view kLatePregnancy = "late_pregnancy";
inline constexpr std::string_view kPostSurgery = "post_surgery";

inline constexpr std::array<std::string_view, kDaysPerWeek> kDayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_VOCABULARY_H_
