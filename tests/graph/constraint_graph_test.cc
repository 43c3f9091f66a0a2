// The constraint graph: typed edges, neighbours, recovery conflicts derived through the
// muscle vertices, and the progression-cycle check that Catalog::Create relies on.
#include "backbalance/graph/constraint_graph.h"

#include <string>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/problem.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace backbalance {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Exercise Strength(std::string id, std::vector<Muscle> primary, int rest_hours = 48) {
  Exercise e;
  e.id = id;
  e.name = id;
  e.category = Category::kStrength;
  e.phases = {Phase::kMain};
  e.primary_muscles = std::move(primary);
  e.minutes = 5;
  e.dose = Dose::SetsReps(2, 10);
  e.rest_hours = rest_hours;
  e.max_per_week = 3;
  return e;
}

Exercise Stretch(std::string id, std::vector<Muscle> primary) {
  Exercise e = Strength(id, std::move(primary), 0);
  e.category = Category::kFlexibility;
  e.dose = Dose::HoldReps(30, 3);
  e.max_per_week = 7;
  return e;
}

TEST(ConstraintGraphTest, RecoveryConflictsGoThroughSharedPrimaryMuscles) {
  std::vector<Exercise> items = {
      Strength("bridge", {Muscle::kGlutes}, 48),
      Strength("squat", {Muscle::kQuadriceps, Muscle::kGlutes}, 72),
      Strength("plank", {Muscle::kCore}, 48),
      Stretch("figure_four", {Muscle::kGlutes}),
      Strength("pelvic_tilt", {Muscle::kCore}, 24),
  };
  const ConstraintGraph graph(items);
  // bridge rests 48 h: one day; it blocks the strength items on glutes (itself included).
  EXPECT_THAT(graph.RecoveryConflicts(0, 1), ElementsAre(0, 1));
  EXPECT_THAT(graph.RecoveryConflicts(0, 2), IsEmpty());
  // squat rests 72 h: two days, over both its muscles.
  EXPECT_THAT(graph.RecoveryConflicts(1, 2), ElementsAre(0, 1));
  // A stretch has no recovery, and 24 h blocks nothing.
  EXPECT_THAT(graph.RecoveryConflicts(3, 1), IsEmpty());
  EXPECT_THAT(graph.RecoveryConflicts(4, 1), IsEmpty());
  EXPECT_THAT(graph.RecoveryConflicts(2, 1), ElementsAre(2, 4));
}

TEST(ConstraintGraphTest, NeighboursByEdgeKind) {
  std::vector<Exercise> items = {Strength("a", {Muscle::kCore}), Strength("b", {Muscle::kCore}),
                                 Strength("c", {Muscle::kCore})};
  items[0].progressions = {"b"};
  items[1].regressions = {"a"};
  items[1].progressions = {"c"};
  items[2].regressions = {"b"};
  items[0].substitutes = {"c"};
  const ConstraintGraph graph(items);
  EXPECT_THAT(graph.Neighbours(0, EdgeKind::kProgression), ElementsAre(1));
  EXPECT_THAT(graph.Neighbours(1, EdgeKind::kRegression), ElementsAre(0));
  EXPECT_THAT(graph.Neighbours(0, EdgeKind::kSubstitute), ElementsAre(2));
  EXPECT_THAT(graph.Neighbours(2, EdgeKind::kProgression), IsEmpty());
  EXPECT_EQ(graph.FindProgressionCycle(), std::nullopt);
  const std::string dot = graph.ToDot(items);
  EXPECT_EQ(dot.rfind("digraph", 0), 0u);
  EXPECT_NE(dot.find("\"a\" -> \"b\" [label=\"progression\""), std::string::npos);
  EXPECT_NE(dot.find("\"a\" -> \"muscle:core\" [label=\"targets_primary (1 d)\""),
            std::string::npos);
}

TEST(ConstraintGraphTest, CycleThroughProgressionAndRegressionIsFound) {
  std::vector<Exercise> items = {Strength("a", {Muscle::kCore}), Strength("b", {Muscle::kCore}),
                                 Strength("c", {Muscle::kCore})};
  items[0].progressions = {"b"};
  items[1].progressions = {"c"};
  items[0].regressions = {"c"};  // c easier than a, yet harder than b: a loop
  const ConstraintGraph graph(items);
  const auto cycle = graph.FindProgressionCycle();
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(cycle->size(), 3u);

  absl::StatusOr<std::shared_ptr<const Catalog>> catalog = Catalog::Create(items);
  ASSERT_FALSE(catalog.ok());
  const std::vector<Problem> problems = ProblemsOf(catalog.status());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rule, "cycle");
  EXPECT_THAT(problems[0].path, ::testing::StartsWith("exercises["));
  EXPECT_THAT(problems[0].detail, ::testing::HasSubstr(" -> "));
}

TEST(ConstraintGraphTest, BuiltinCatalogChainsAreAcyclicAndCompiledFromTheGraph) {
  const auto catalog = Catalog::Builtin();
  EXPECT_EQ(catalog->graph().FindProgressionCycle(), std::nullopt);
  EXPECT_EQ(boost::num_vertices(catalog->graph().graph()), catalog->size() + kMuscleCount);
  for (std::size_t i = 0; i < catalog->size(); ++i) {
    const Exercise& e = catalog->exercises()[i];
    ASSERT_EQ(catalog->compiled().regressions[i].size(), e.regressions.size()) << e.id;
    for (std::size_t k = 0; k < e.regressions.size(); ++k) {
      EXPECT_EQ(catalog->exercises()[catalog->compiled().regressions[i][k]].id,
                e.regressions[k]);
    }
  }
}

}  // namespace
}  // namespace backbalance
