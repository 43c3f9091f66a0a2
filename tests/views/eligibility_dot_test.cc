#include <string>
#include <vector>

#include "backbalance/views/graph_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/catalog_builder.h"

namespace backbalance {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::shared_ptr<const Catalog> ChainCatalog() {
  using testkit::ExerciseBuilder;
  return testkit::MakeCatalog({
      ExerciseBuilder("bridge", Category::kStrength)
          .Primary({Muscle::kGlutes})
          .Secondary({Muscle::kHamstrings})
          .Progressions({"single_leg_bridge"}),
      ExerciseBuilder("single_leg_bridge", Category::kStrength)
          .Primary({Muscle::kGlutes})
          .Regressions({"bridge"})
          .Difficulty(4),
      ExerciseBuilder("swim", Category::kAerobic).AerobicRange(10, 30).Equipment({"pool"}),
  });
}

TEST(EligibilityDotTest, ExcludedExercisesAreGreyedWithTheirReason) {
  const std::string dot = RenderEligibilityDot(
      *ChainCatalog(),
      {{"single_leg_bridge", "difficulty", std::nullopt}, {"swim", "equipment", std::nullopt}});
  EXPECT_THAT(dot, ::testing::StartsWith("digraph backbalance_eligibility {\n"));
  EXPECT_THAT(dot, HasSubstr("\"bridge\" [shape=box, style=filled, fillcolor=\"#c9dcf2\", "
                             "label=\"bridge\\nstrength, low\"];"));
  EXPECT_THAT(dot, HasSubstr("\"single_leg_bridge\" [shape=box, style=\"filled,dashed\", "
                             "fillcolor=\"#f2f2f2\", color=\"#9aa1a9\", fontcolor=\"#9aa1a9\", "
                             "label=\"single_leg_bridge\\nstrength, low\\nexcluded: "
                             "difficulty\"];"));
  EXPECT_THAT(dot, HasSubstr("label=\"swim\\naerobic, low\\nexcluded: equipment\""));
  // An edge into or out of an excluded exercise is grey; one between eligible ones is not.
  EXPECT_THAT(dot, HasSubstr("\"bridge\" -> \"single_leg_bridge\" [label=\"progression\", "
                             "color=\"#9aa1a9\", fontcolor=\"#9aa1a9\"];"));
  EXPECT_THAT(dot, HasSubstr("\"bridge\" -> \"muscle:hamstrings\" [label=\"targets_secondary\", "
                             "style=dashed];"));
  EXPECT_THAT(dot, HasSubstr("\"muscle:glutes\" [shape=ellipse"));
  EXPECT_THAT(dot, ::testing::EndsWith("}\n"));
}

TEST(EligibilityDotTest, EligibleOnlyLeavesExcludedExercisesAndTheirEdgesOut) {
  EligibilityDotOptions options;
  options.eligible_only = true;
  const std::string dot = RenderEligibilityDot(
      *ChainCatalog(), {{"single_leg_bridge", "difficulty", std::nullopt}}, options);
  EXPECT_THAT(dot, Not(HasSubstr("single_leg_bridge")));
  EXPECT_THAT(dot, Not(HasSubstr("excluded")));
  EXPECT_THAT(dot, HasSubstr("\"bridge\" -> \"muscle:glutes\""));
  EXPECT_THAT(dot, HasSubstr("\"swim\" [shape=box"));
}

TEST(EligibilityDotTest, ContraindicationsNameTheirBecauseWithEdgesToTheMovements) {
  const std::string dot = RenderEligibilityDot(
      *ChainCatalog(),
      {{"single_leg_bridge", "contraindicated:osteoporosis", "spinal_flexion+external_load"},
       {"bridge", "contraindicated:knee_pain", "marked"},
       {"swim", "equipment", std::nullopt}});
  EXPECT_THAT(dot, HasSubstr("label=\"single_leg_bridge\\nstrength, low\\nexcluded: "
                             "contraindicated: osteoporosis (spinal_flexion+external_load)\""));
  EXPECT_THAT(dot, HasSubstr("label=\"bridge\\nstrength, low\\nexcluded: contraindicated: "
                             "knee_pain (marked)\""));
  // The movements behind a rule entry, each with an edge from the item.
  EXPECT_THAT(dot, HasSubstr("\"movement:spinal_flexion\" [shape=diamond"));
  EXPECT_THAT(dot, HasSubstr("\"single_leg_bridge\" -> \"movement:spinal_flexion\" [label=\"avoid: "
                             "osteoporosis (spinal_flexion+external_load)\", color=\"#a4262c\""));
  EXPECT_THAT(dot, HasSubstr("\"single_leg_bridge\" -> \"movement:external_load\" [label="));
  // The item's own marking: an edge to the condition.
  EXPECT_THAT(dot, HasSubstr("\"condition:knee_pain\" [shape=octagon"));
  EXPECT_THAT(dot, HasSubstr("\"bridge\" -> \"condition:knee_pain\" [label=\"avoid: knee_pain "
                             "(marked)\""));
  // Only the movements that explain something are drawn.
  EXPECT_THAT(dot, Not(HasSubstr("movement:prone")));
  EXPECT_THAT(dot, HasSubstr("excluded: equipment\""));

  EligibilityDotOptions options;
  options.eligible_only = true;
  const std::string eligible = RenderEligibilityDot(
      *ChainCatalog(), {{"single_leg_bridge", "contraindicated:osteoporosis", "spinal_flexion"}},
      options);
  EXPECT_THAT(eligible, Not(HasSubstr("movement:")));
}

TEST(EligibilityDotTest, BuiltinOsteoporosisProfileDrawsItsCauses) {
  const auto catalog = Catalog::Builtin();
  std::vector<Exclusion> excluded;
  for (std::size_t i = 0; i < catalog->size(); ++i) {
    const ConditionMarking m =
        catalog->MarkingOf(static_cast<int>(i), *catalog->ConditionRank("osteoporosis"));
    if (m.effective == Contraindication::kAvoid) {
      excluded.push_back({catalog->exercises()[i].id, "contraindicated:osteoporosis", m.because});
    }
  }
  ASSERT_FALSE(excluded.empty());
  const std::string dot = RenderEligibilityDot(*catalog, excluded);
  EXPECT_THAT(dot, HasSubstr("excluded: contraindicated: osteoporosis (spinal_flexion)\""));
  EXPECT_THAT(dot, HasSubstr("-> \"movement:spinal_flexion\" [label=\"avoid: osteoporosis "
                             "(spinal_flexion)\""));
}

TEST(EligibilityDotTest, NoExclusionsAndUnknownIds) {
  const std::string all = RenderEligibilityDot(*ChainCatalog(), {});
  EXPECT_THAT(all, Not(HasSubstr("excluded")));
  EXPECT_EQ(RenderEligibilityDot(*ChainCatalog(), {{"not_in_catalog", "impact", std::nullopt}}),
            all);
}

}  // namespace
}  // namespace backbalance
