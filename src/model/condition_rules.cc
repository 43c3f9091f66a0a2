#include "backbalance/model/condition_rules.h"

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace backbalance {
namespace {

RuleEntry Entry(std::initializer_list<Movement> movements) { return RuleEntry{movements}; }

ConditionRules MakeBuiltinRules() {
  using M = Movement;
  ConditionRules rules;
  rules["acute_flare"] = {{Entry({M::kExternalLoad})}, {}};
  const ConditionRule disc = {{Entry({M::kSpinalFlexion, M::kExternalLoad})},
                              {Entry({M::kSpinalFlexion}), Entry({M::kSpinalRotation})}};
  rules["herniated_disc"] = disc;
  rules["sciatica"] = disc;
  const ConditionRule extension = {
      {Entry({M::kSpinalExtension, M::kProne}), Entry({M::kSpinalExtension, M::kExternalLoad})},
      {Entry({M::kSpinalExtension})}};
  rules["spinal_stenosis"] = extension;
  rules["spondylolisthesis"] = extension;
  rules["osteoporosis"] = {
      {Entry({M::kSpinalFlexion}), Entry({M::kSpinalRotation, M::kExternalLoad})},
      {Entry({M::kSpinalRotation})}};
  rules["pregnancy"] = {{}, {Entry({M::kSupine}), Entry({M::kProne})}};
  rules["late_pregnancy"] = {{Entry({M::kSupine}), Entry({M::kProne})}, {}};
  rules["post_surgery"] = {
      {Entry({M::kExternalLoad}), Entry({M::kSpinalFlexion}), Entry({M::kSpinalRotation})},
      {Entry({M::kSpinalExtension}), Entry({M::kSideBending})}};
  rules["knee_pain"] = {{Entry({M::kKneeLoading, M::kExternalLoad})},
                        {Entry({M::kKneeLoading}), Entry({M::kKneeling})}};
  rules["shoulder_pain"] = {{Entry({M::kArmLoading, M::kExternalLoad})}, {Entry({M::kArmLoading})}};
  return rules;
}

const RuleEntry* FirstMatch(const std::vector<RuleEntry>& entries, MovementMask movements) {
  for (const RuleEntry& entry : entries) {
    if (entry.Matches(movements)) return &entry;
  }
  return nullptr;
}

}  // namespace

const ConditionRules& BuiltinConditionRules() {
  // Built once, thread-safely, and never changed: constant data, not mutable state.
  static const ConditionRules* const rules = new ConditionRules(MakeBuiltinRules());
  return *rules;
}

ConditionRules EffectiveConditionRules(const ConditionRules& catalog_rules) {
  ConditionRules rules = BuiltinConditionRules();
  for (const auto& [condition, rule] : catalog_rules) rules[condition] = rule;
  return rules;
}

std::string RuleEntryText(const RuleEntry& entry) {
  return absl::StrJoin(entry.movements, "+",
                       [](std::string* out, Movement m) { out->append(ToName(m)); });
}

std::optional<RuleEntry> ParseRuleEntry(std::string_view text) {
  RuleEntry entry;
  for (absl::string_view part : absl::StrSplit(absl::string_view(text.data(), text.size()), '+')) {
    const std::optional<Movement> movement =
        FromName<Movement>(std::string_view(part.data(), part.size()));
    if (!movement) return std::nullopt;
    entry.movements.push_back(*movement);
  }
  return entry;
}

std::optional<Contraindication> DerivedMarking(const ConditionRule& rule,
                                               MovementMask item_movements, std::string* because) {
  if (const RuleEntry* avoid = FirstMatch(rule.avoid, item_movements)) {
    if (because != nullptr) *because = RuleEntryText(*avoid);
    return Contraindication::kAvoid;
  }
  if (FirstMatch(rule.caution, item_movements) != nullptr) return Contraindication::kCaution;
  return std::nullopt;
}

std::optional<Contraindication> Stronger(std::optional<Contraindication> a,
                                         std::optional<Contraindication> b) {
  if (a == Contraindication::kAvoid || b == Contraindication::kAvoid) {
    return Contraindication::kAvoid;
  }
  if (a == Contraindication::kCaution || b == Contraindication::kCaution) {
    return Contraindication::kCaution;
  }
  return std::nullopt;
}

}  // namespace backbalance
