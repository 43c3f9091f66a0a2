#include <string>
#include <vector>

#include "backbalance/io/graph_view.h"
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
      *ChainCatalog(), {{"single_leg_bridge", "difficulty"}, {"swim", "equipment"}});
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
  const std::string dot =
      RenderEligibilityDot(*ChainCatalog(), {{"single_leg_bridge", "difficulty"}}, options);
  EXPECT_THAT(dot, Not(HasSubstr("single_leg_bridge")));
  EXPECT_THAT(dot, Not(HasSubstr("excluded")));
  EXPECT_THAT(dot, HasSubstr("\"bridge\" -> \"muscle:glutes\""));
  EXPECT_THAT(dot, HasSubstr("\"swim\" [shape=box"));
}

TEST(EligibilityDotTest, NoExclusionsAndUnknownIds) {
  const std::string all = RenderEligibilityDot(*ChainCatalog(), {});
  EXPECT_THAT(all, Not(HasSubstr("excluded")));
  EXPECT_EQ(RenderEligibilityDot(*ChainCatalog(), {{"not_in_catalog", "impact"}}), all);
}

}  // namespace
}  // namespace backbalance
