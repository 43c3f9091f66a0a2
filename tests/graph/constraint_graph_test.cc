// The constraint graph: typed edges, neighbours, recovery conflicts derived through the
// muscle vertices, and the progression-cycle check that Catalog::Create relies on.
#include "backbalance/graph/constraint_graph.h"

#include <string>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/condition_rules.h"
#include "backbalance/model/problem.h"
#include "catalog/compiled_catalog.h"
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
  // Exercises, muscles, movements; condition vertices when the catalog builds them.
  EXPECT_GE(boost::num_vertices(catalog->graph().graph()),
            catalog->size() + kMuscleCount + kMovementCount);
  for (std::size_t i = 0; i < catalog->size(); ++i) {
    const Exercise& e = catalog->exercises()[i];
    ASSERT_EQ(catalog->compiled().regressions[i].size(), e.regressions.size()) << e.id;
    for (std::size_t k = 0; k < e.regressions.size(); ++k) {
      EXPECT_EQ(catalog->exercises()[catalog->compiled().regressions[i][k]].id, e.regressions[k]);
    }
  }
}

// The graph of a catalog with its condition vertices (Catalog::graph() when the catalog
// builds them, else one built from the catalog's conditions and rules).
ConstraintGraph ConditionGraph(const Catalog& catalog) {
  return ConstraintGraph(catalog.exercises(), catalog.conditions(), catalog.condition_rules());
}

TEST(ConstraintGraphTest, MovementAndConditionVerticesCarryTheRules) {
  std::vector<Exercise> items = {Strength("row", {Muscle::kUpperBack}),
                                 Strength("plank", {Muscle::kCore})};
  items[0].movements = {Movement::kArmLoading, Movement::kExternalLoad};
  items[1].movements = {Movement::kArmLoading, Movement::kProne};
  items[1].contraindications["knee_pain"] = Contraindication::kCaution;
  ConditionRules rules = BuiltinConditionRules();
  rules["shoulder_pain"] = {
      {*ParseRuleEntry("arm_loading+prone"), *ParseRuleEntry("arm_loading+external_load")},
      {*ParseRuleEntry("arm_loading")}};
  const std::vector<std::string> conditions(kBuiltinConditions.begin(), kBuiltinConditions.end());
  const ConstraintGraph graph(items, conditions, rules);
  EXPECT_EQ(graph.condition_count(), 11);
  EXPECT_THAT(graph.MovementsOf(0), ElementsAre(Movement::kArmLoading, Movement::kExternalLoad));
  const int shoulder = *graph.ConditionRank("shoulder_pain");
  EXPECT_EQ(graph.graph()[graph.ConditionVertex(shoulder)].name, "shoulder_pain");

  // The combination as written: arm_loading+prone stays so.
  const GraphMarking plank = graph.MarkingOf(1, shoulder);
  EXPECT_EQ(plank.effective, Contraindication::kAvoid);
  EXPECT_EQ(plank.derived, Contraindication::kAvoid);
  EXPECT_EQ(plank.own, std::nullopt);
  EXPECT_EQ(plank.because, "arm_loading+prone");
  EXPECT_THAT(plank.entry_movements, ElementsAre(Movement::kArmLoading, Movement::kProne));
  EXPECT_EQ(graph.NodeId(plank.entry_vertex, items), "rule:arm_loading+prone");
  const GraphMarking row = graph.MarkingOf(0, shoulder);
  EXPECT_EQ(row.because, "arm_loading+external_load");

  // An own entry alone: caution, no rule entry.
  const GraphMarking knee = graph.MarkingOf(1, *graph.ConditionRank("knee_pain"));
  EXPECT_EQ(knee.effective, Contraindication::kCaution);
  EXPECT_EQ(knee.own, Contraindication::kCaution);
  EXPECT_EQ(knee.derived, std::nullopt);
  EXPECT_EQ(knee.entry_vertex, -1);
  EXPECT_EQ(knee.because, "");

  // A derived caution: pregnancy cautions prone.
  const GraphMarking pregnancy = graph.MarkingOf(1, *graph.ConditionRank("pregnancy"));
  EXPECT_EQ(pregnancy.effective, Contraindication::kCaution);
  EXPECT_EQ(graph.NodeId(pregnancy.entry_vertex, items), "movement:prone");
  // Late pregnancy avoids prone by rule; acute_flare avoids external_load.
  EXPECT_EQ(graph.MarkingOf(1, *graph.ConditionRank("late_pregnancy")).because, "prone");
  EXPECT_EQ(graph.MarkingOf(0, *graph.ConditionRank("acute_flare")).because, "external_load");

  const std::string dot = graph.ToDot(items);
  EXPECT_NE(dot.find("\"row\" -> \"movement:arm_loading\" [label=\"moves\"]"), std::string::npos);
  EXPECT_NE(dot.find("\"condition:shoulder_pain\" -> \"rule:arm_loading+prone\" "
                     "[label=\"avoids\"]"),
            std::string::npos);
  EXPECT_NE(dot.find("\"rule:arm_loading+prone\" -> \"movement:prone\" [label=\"combines\"]"),
            std::string::npos);
  EXPECT_NE(dot.find("\"plank\" -> \"condition:knee_pain\" [label=\"marked_caution\", "
                     "style=dashed]"),
            std::string::npos);
}

TEST(ConstraintGraphTest, OwnAvoidAloneIsMarkedAndADeclaredConditionWithoutRulesDerivesNothing) {
  std::vector<Exercise> items = {Strength("lift", {Muscle::kLowerBack})};
  items[0].movements = {Movement::kSpinalFlexion};
  items[0].contraindications["knee_pain"] = Contraindication::kAvoid;
  items[0].contraindications["vertigo"] = Contraindication::kCaution;
  std::vector<std::string> conditions(kBuiltinConditions.begin(), kBuiltinConditions.end());
  conditions.push_back("vertigo");
  const ConstraintGraph graph(items, conditions, EffectiveConditionRules({}));
  const GraphMarking knee = graph.MarkingOf(0, *graph.ConditionRank("knee_pain"));
  EXPECT_EQ(knee.effective, Contraindication::kAvoid);
  EXPECT_EQ(knee.because, "marked");
  const GraphMarking vertigo = graph.MarkingOf(0, *graph.ConditionRank("vertigo"));
  EXPECT_EQ(vertigo.effective, Contraindication::kCaution);
  EXPECT_EQ(vertigo.derived, std::nullopt);
  // Osteoporosis avoids spinal flexion: the rule, not the own entry, is the because.
  const GraphMarking bones = graph.MarkingOf(0, *graph.ConditionRank("osteoporosis"));
  EXPECT_EQ(bones.because, "spinal_flexion");
  EXPECT_EQ(bones.own, std::nullopt);
  // Without conditions the graph still has the movement vertices, and no marking.
  const ConstraintGraph bare(items);
  EXPECT_EQ(bare.condition_count(), 0);
  EXPECT_THAT(bare.MovementsOf(0), ElementsAre(Movement::kSpinalFlexion));
}

TEST(ConstraintGraphTest, MarkingsAgreeWithTheCatalogForEveryBuiltinItemAndCondition) {
  const auto catalog = Catalog::Builtin();
  const ConstraintGraph graph = ConditionGraph(*catalog);
  ASSERT_EQ(graph.condition_count(), static_cast<int>(catalog->condition_count()));
  ASSERT_EQ(catalog->condition_count(), 11u);
  int avoid = 0, caution = 0, derived = 0;
  for (int i = 0; i < static_cast<int>(catalog->size()); ++i) {
    const Exercise& e = catalog->exercises()[static_cast<std::size_t>(i)];
    EXPECT_EQ(graph.MovementsOf(i), e.movements) << e.id;
    for (int r = 0; r < static_cast<int>(catalog->condition_count()); ++r) {
      const ConditionMarking expected = catalog->MarkingOf(i, r);
      const GraphMarking actual = graph.MarkingOf(i, r);
      const std::string where = e.id + " / " + catalog->conditions()[static_cast<std::size_t>(r)];
      EXPECT_EQ(actual.effective, expected.effective) << where;
      EXPECT_EQ(actual.own, expected.own) << where;
      EXPECT_EQ(actual.derived, expected.derived) << where;
      EXPECT_EQ(actual.because, expected.because) << where;
      EXPECT_EQ(actual.entry_vertex >= 0, expected.derived.has_value()) << where;
      avoid += actual.effective == Contraindication::kAvoid;
      caution += actual.effective == Contraindication::kCaution;
      derived += actual.derived.has_value();
    }
  }
  // The grid is not trivially empty.
  EXPECT_GT(avoid, 100);
  EXPECT_GT(caution, 100);
  EXPECT_GT(derived, 100);
  // When the catalog's own graph carries the conditions, it is the same graph.
  if (catalog->graph().condition_count() > 0) {
    EXPECT_EQ(catalog->graph().ToDot(catalog->exercises()), graph.ToDot(catalog->exercises()));
  }
}

}  // namespace
}  // namespace backbalance
