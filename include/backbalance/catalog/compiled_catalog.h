// File: backbalance/catalog/compiled_catalog.h
//
// CompiledCatalog: the catalog as the solver reads it. Dense ids (an exercise's
// position in the catalog), small masks for muscles, phases, conditions and equipment,
// and bitsets over exercises per muscle, category, impact, condition and equipment.
// Built once by Catalog::Create and shared read-only across threads.
#ifndef BACKBALANCE_CATALOG_COMPILED_CATALOG_H_
#define BACKBALANCE_CATALOG_COMPILED_CATALOG_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "backbalance/model/condition_rules.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/vocabulary.h"
#include "boost/dynamic_bitset.hpp"

namespace backbalance {

// A catalog knows at most this many conditions (the ten built-in ones included) and
// this many distinct equipment names, so that each fits one 64-bit mask.
inline constexpr int kMaxConditions = 64;
inline constexpr int kMaxEquipmentNames = 64;

using MuscleMask = uint16_t;  // bit m: Muscle m
using PhaseMask = uint8_t;    // bit p: Phase p

constexpr MuscleMask MuscleBit(Muscle m) { return MuscleMask(1u << static_cast<int>(m)); }
constexpr PhaseMask PhaseBit(Phase p) { return PhaseMask(1u << static_cast<int>(p)); }

struct CompiledExercise {
  Category category = Category::kStrength;
  Impact impact = Impact::kLow;
  PhaseMask phases = 0;
  MuscleMask primary = 0;
  MuscleMask secondary = 0;
  int minutes = 0;      // non-aerobic items
  int min_minutes = 0;  // aerobic items
  int max_minutes = 0;  // aerobic items (catalog value, before any progression)
  // H5: days after a use on which a strength item sharing a primary muscle may not be
  // used: ceil(rest_hours / 24) - 1, at least 0.
  int recovery_days = 0;
  int max_per_week = 1;
  int difficulty = 1;
  uint64_t equipment = 0;  // bit i: equipment_names[i] needed
  MovementMask movements = 0;
  // Effective markings (section 4a: the stronger of the item's own and the rules').
  uint64_t avoid = 0;    // bit r: condition of rank r is `avoid`
  uint64_t caution = 0;  // bit r: condition of rank r is `caution`
  bool reviewed = true;
};

struct CompiledCatalog {
  std::vector<CompiledExercise> exercises;   // by dense id
  std::vector<std::string> equipment_names;  // first-seen order in the catalog

  // Bitsets over dense ids.
  std::array<boost::dynamic_bitset<>, kMuscleCount> strength_by_primary;
  std::array<boost::dynamic_bitset<>, kMuscleCount> flexibility_by_primary;
  std::array<boost::dynamic_bitset<>, kCategoryCount> by_category;
  std::array<boost::dynamic_bitset<>, kEnumCount<Impact>> by_impact;
  std::array<boost::dynamic_bitset<>, kEnumCount<Phase>> by_phase;
  std::vector<boost::dynamic_bitset<>> avoid_by_condition;    // by condition rank
  std::vector<boost::dynamic_bitset<>> caution_by_condition;  // by condition rank
  std::vector<boost::dynamic_bitset<>> by_equipment;          // by equipment index

  // The dense ids of each exercise's progressions, regressions and substitutes.
  std::vector<std::vector<int>> progressions;
  std::vector<std::vector<int>> regressions;
  std::vector<std::vector<int>> substitutes;

  // Bytes this structure holds on the heap (reported by the benchmarks).
  std::size_t HeapBytes() const;
};

}  // namespace backbalance

#endif  // BACKBALANCE_CATALOG_COMPILED_CATALOG_H_
