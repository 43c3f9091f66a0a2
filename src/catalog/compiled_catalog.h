// File: src/catalog/compiled_catalog.h (library-internal, not installed)
//
// CompiledCatalog: the catalog as the solver reads it. Dense ids (an exercise's
// position in the catalog) and small masks for muscles, phases, conditions and
// equipment. Built once by Catalog::Create and shared read-only across threads. The
// catalog module offers it to the solver (scripts/check_includes.py lists it as the one
// private header another module may include).
#ifndef BACKBALANCE_SRC_CATALOG_COMPILED_CATALOG_H_
#define BACKBALANCE_SRC_CATALOG_COMPILED_CATALOG_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "backbalance/model/condition_rules.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/vocabulary.h"

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

  // The dense ids of each exercise's progressions, regressions and substitutes.
  std::vector<std::vector<int>> progressions;
  std::vector<std::vector<int>> regressions;
  std::vector<std::vector<int>> substitutes;

  // Bytes this structure holds on the heap (reported by the benchmarks).
  std::size_t HeapBytes() const;
};

}  // namespace backbalance

#endif  // BACKBALANCE_SRC_CATALOG_COMPILED_CATALOG_H_
