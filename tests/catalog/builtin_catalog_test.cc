// The built-in catalogue against plan model v2 (sections 2, 4 and 4a) and the clinical
// review of 2026-12-04: every item's own marking holds at least what the condition rules
// derive from its movements (docs/catalog-review.md promises effective == own), every
// warm-up item is dynamic (the v2 warm-up rule), and for every built-in condition a person
// with only a mat still has dynamic warm-up items, a cool-down stretch and aerobic work.
#include <optional>
#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/profile.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "solver/week_context.h"

namespace backbalance {
namespace {

int Strength(std::optional<Contraindication> marking) {
  if (marking == Contraindication::kAvoid) return 2;
  if (marking == Contraindication::kCaution) return 1;
  return 0;
}

std::string Name(std::optional<Contraindication> marking) {
  return marking ? std::string(ToName(*marking)) : "none";
}

TEST(BuiltinCatalogTest, OwnMarkingIsNeverWeakerThanTheRulesDerive) {
  const auto catalog = Catalog::Builtin();
  ASSERT_EQ(catalog->condition_count(), kBuiltinConditions.size());
  int checked = 0;
  for (std::size_t i = 0; i < catalog->size(); ++i) {
    const Exercise& e = catalog->exercises()[i];
    for (std::size_t r = 0; r < catalog->condition_count(); ++r) {
      const ConditionMarking m = catalog->MarkingOf(static_cast<int>(i), static_cast<int>(r));
      EXPECT_GE(Strength(m.own), Strength(m.derived))
          << e.id << " / " << catalog->conditions()[r] << ": own " << Name(m.own)
          << ", the rules derive " << Name(m.derived);
      EXPECT_EQ(m.effective, m.own) << e.id << " / " << catalog->conditions()[r];
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(catalog->size() * kBuiltinConditions.size()));
}

// Section 2: a warmup item is low impact and either aerobic or a flexibility or balance
// item dosed {sets, reps} (a dynamic movement).
bool IsDynamicWarmup(const Exercise& e) {
  if (!e.AllowsPhase(Phase::kWarmup) || e.impact != Impact::kLow) return false;
  if (e.category == Category::kAerobic) return true;
  return (e.category == Category::kFlexibility || e.category == Category::kBalance) &&
         e.dose.form == DoseForm::kSetsReps;
}

TEST(BuiltinCatalogTest, EveryWarmupItemFollowsTheV2WarmupRule) {
  const auto catalog = Catalog::Builtin();
  int warmups = 0;
  for (const Exercise& e : catalog->exercises()) {
    if (!e.AllowsPhase(Phase::kWarmup)) continue;
    ++warmups;
    EXPECT_TRUE(IsDynamicWarmup(e))
        << e.id << ": " << ToName(e.category) << ", " << ToName(e.impact) << " impact, dose "
        << ToName(e.dose.form) << " may not warm up";
  }
  EXPECT_GE(warmups, 8);
}

// A person with one condition (late pregnancy through `pregnancy_week`), only a mat, and
// the given pain.
Profile PersonWith(const std::string& condition, int pain) {
  Profile p;
  p.pain = pain;
  p.equipment = {"mat"};
  if (condition == "late_pregnancy") {
    p.conditions = {"pregnancy"};
    p.pregnancy_week = 30;
  } else {
    p.conditions = {condition};
  }
  return p;
}

struct Options {
  std::vector<std::string> warmup;   // eligible dynamic warm-up items
  int warmup_minutes = 0;            // the most they can fill together
  std::vector<std::string> stretch;  // eligible cool-down flexibility items
  std::vector<std::string> aerobic;  // eligible aerobic items needing at most a mat
};

Options WhatRemains(const Catalog& catalog, const Profile& profile) {
  absl::StatusOr<WeekContext> context = BuildWeekContext(catalog, profile);
  EXPECT_TRUE(context.ok()) << context.status();
  Options out;
  if (!context.ok()) return out;
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    if (!context->eligible[i]) continue;
    const Exercise& e = catalog.exercises()[i];
    bool mat_only = true;
    for (const std::string& q : e.equipment) mat_only = mat_only && q == "mat";
    if (!mat_only) continue;
    if (IsDynamicWarmup(e)) {
      out.warmup.push_back(e.id);
      out.warmup_minutes += e.IsAerobic() ? e.max_minutes : e.minutes;
    }
    if (e.category == Category::kFlexibility && e.AllowsPhase(Phase::kCooldown)) {
      out.stretch.push_back(e.id);
    }
    if (e.IsAerobic()) out.aerobic.push_back(e.id);
  }
  return out;
}

class EveryConditionTest : public ::testing::TestWithParam<std::string_view> {};

TEST_P(EveryConditionTest, AMatStillGivesWarmupsACooldownStretchAndAerobicWork) {
  const auto catalog = Catalog::Builtin();
  const std::string condition(GetParam());
  // Pain 3 (band A) and pain 5 (band B): caution items stay eligible with a note.
  for (int pain : {3, 5}) {
    const Options left = WhatRemains(*catalog, PersonWith(condition, pain));
    const std::string where = condition + ", pain " + std::to_string(pain);
    EXPECT_GE(left.warmup.size(), 2u)
        << where << ": dynamic warm-up items " << ::testing::PrintToString(left.warmup);
    EXPECT_GE(left.warmup_minutes, 5) << where << ": H4 needs 5 warm-up minutes";
    EXPECT_FALSE(left.stretch.empty()) << where << ": no cool-down stretch";
    EXPECT_FALSE(left.aerobic.empty()) << where << ": no aerobic item with only a mat";
  }
}

INSTANTIATE_TEST_SUITE_P(BuiltinConditions, EveryConditionTest,
                         ::testing::ValuesIn(kBuiltinConditions),
                         [](const auto& info) { return std::string(info.param); });

TEST(BuiltinCatalogTest, LatePregnancyListedAloneLeavesTheSameOptions) {
  // A profile may list late_pregnancy without pregnancy (section 1).
  const auto catalog = Catalog::Builtin();
  Profile p;
  p.conditions = {"late_pregnancy"};
  const Options left = WhatRemains(*catalog, p);
  EXPECT_GE(left.warmup.size(), 2u);
  EXPECT_FALSE(left.stretch.empty());
  EXPECT_FALSE(left.aerobic.empty());
}

}  // namespace
}  // namespace backbalance
