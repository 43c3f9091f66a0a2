// File: backbalance/model/condition_rules.h
//
// Condition rules (plan model section 4a): which movements a condition makes `avoid`
// or `caution`. A catalog author tags what an exercise does (`movements`); the rules
// turn those facts into markings, so that every item that bends the spine under load
// is marked alike for a herniated disc. An item's effective marking for a condition is
// the stronger of what the rules derive and its own `contraindications` entry.
#ifndef BACKBALANCE_MODEL_CONDITION_RULES_H_
#define BACKBALANCE_MODEL_CONDITION_RULES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backbalance/model/vocabulary.h"

namespace backbalance {

using MovementMask = uint16_t;  // bit k: Movement k

constexpr MovementMask MovementBit(Movement m) {
  return static_cast<MovementMask>(1u << static_cast<int>(m));
}

// One rule entry: the movements an item must all do for the entry to match, in the
// order written (`spinal_flexion+external_load`). No movement twice.
struct RuleEntry {
  std::vector<Movement> movements;

  MovementMask Mask() const {
    MovementMask mask = 0;
    for (Movement m : movements) mask |= MovementBit(m);
    return mask;
  }
  // True when an item doing `item_movements` does every movement of this entry.
  bool Matches(MovementMask item_movements) const {
    return !movements.empty() && (item_movements & Mask()) == Mask();
  }
  friend bool operator==(const RuleEntry&, const RuleEntry&) = default;
};

// The rules of one condition. An entry may repeat, or stand in both lists: avoid wins.
struct ConditionRule {
  std::vector<RuleEntry> avoid;
  std::vector<RuleEntry> caution;
  friend bool operator==(const ConditionRule&, const ConditionRule&) = default;
};

// Rules by condition name.
using ConditionRules = std::map<std::string, ConditionRule, std::less<>>;

// The built-in rules of section 4a (one entry per built-in condition; immutable).
const ConditionRules& BuiltinConditionRules();

// The rules a catalog works with: the built-in ones, each condition named in
// `catalog_rules` replaced as a whole by the catalog's.
ConditionRules EffectiveConditionRules(const ConditionRules& catalog_rules);

// `spinal_flexion+external_load`: an entry as written in JSON.
std::string RuleEntryText(const RuleEntry& entry);
// The entry `text` names, or nullopt when a part is not a movement (duplicates are
// kept, for the validation to report).
std::optional<RuleEntry> ParseRuleEntry(std::string_view text);

// What the rules derive for an item: kAvoid when an avoid entry matches, else kCaution
// when a caution entry matches, else none. `because` receives the first matching avoid
// entry as written.
std::optional<Contraindication> DerivedMarking(const ConditionRule& rule,
                                               MovementMask item_movements,
                                               std::string* because = nullptr);

// The stronger of two markings (avoid > caution > none).
std::optional<Contraindication> Stronger(std::optional<Contraindication> a,
                                         std::optional<Contraindication> b);

}  // namespace backbalance

#endif  // BACKBALANCE_MODEL_CONDITION_RULES_H_
