// File: tests/views/sample_week.h
//
// A small catalog and a week written by hand for the view tests: names with characters
// that each format must escape (`|`, `<`, `&`, `"`, `,`, `;`), every category, a
// high-impact item, notes, reasons, rest days, exclusions of several rules.
#ifndef BACKBALANCE_TESTS_VIEWS_SAMPLE_WEEK_H_
#define BACKBALANCE_TESTS_VIEWS_SAMPLE_WEEK_H_

#include <memory>
#include <string>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/plan.h"
#include "testing/catalog_builder.h"

namespace backbalance::testkit {

inline std::shared_ptr<const Catalog> SampleCatalog() {
  return MakeCatalog({
      ExerciseBuilder("march", Category::kAerobic)
          .Name("Marching in place")
          .Phases({Phase::kWarmup, Phase::kMain})
          .AerobicRange(5, 15),
      ExerciseBuilder("bridge", Category::kStrength)
          .Name("Bridge, glutes; slow")
          .Primary({Muscle::kGlutes})
          .Minutes(6),
      ExerciseBuilder("hop", Category::kStrength)
          .Name("Hop <fast> & \"light\"")
          .ImpactLevel(Impact::kHigh)
          .Primary({Muscle::kCalves})
          .Minutes(5),
      ExerciseBuilder("stand", Category::kBalance)
          .Name("Single-leg stand")
          .Primary({Muscle::kCalves})
          .Minutes(5),
      ExerciseBuilder("knee_chest", Category::kFlexibility)
          .Name("Knee | chest stretch")
          .Phases({Phase::kMain, Phase::kCooldown})
          .Primary({Muscle::kLowerBack})
          .Minutes(5),
      ExerciseBuilder("breathe", Category::kRelaxation)
          .Name("Breathing")
          .Phases({Phase::kMain, Phase::kCooldown})
          .Minutes(10),
      ExerciseBuilder("swim", Category::kAerobic)
          .Name("Swimming")
          .AerobicRange(10, 30)
          .Equipment({"pool"}),
      ExerciseBuilder("run", Category::kAerobic)
          .Name("Running")
          .AerobicRange(10, 30)
          .ImpactLevel(Impact::kHigh),
  });
}

// Monday, Wednesday and Friday sessions; Friday's bridge carries a caution note.
inline Plan SampleWeek() {
  PlanItem bridge = Main("bridge", 6);
  bridge.dose = Dose::SetsReps(2, 10);
  bridge.reasons = {"strength: glutes"};
  PlanItem cautious_bridge = bridge;
  cautious_bridge.notes = {"caution:pregnancy"};
  PlanItem march = Warmup("march", 5);
  march.dose = Dose::Minutes(5);
  PlanItem stretch = Cooldown("knee_chest", 5);
  stretch.dose = Dose::HoldReps(30, 3);
  PlanItem hop = Main("hop", 5);
  hop.dose = Dose::SetsReps(2, 8);
  PlanItem breathe = Main("breathe", 10);
  breathe.dose = Dose::Minutes(10);
  Plan plan = MakePlan({{0, {march, bridge, stretch}},
                        {2, {march, hop, breathe, stretch}},
                        {4, {march, cautious_bridge, stretch}}});
  plan.score = 61.25;
  ScoreTerms terms{};
  terms[static_cast<int>(ScoreTerm::kAerobic)] = 0.5;
  terms[static_cast<int>(ScoreTerm::kStrength)] = 1.0;
  plan.score_terms = terms;
  Targets targets;
  targets.band = PainBand::kB;
  targets.by_category = {90, 40, 70, 20, 40};
  targets.volume_cap = 270;
  targets.min_training_days = 3;
  targets.max_training_days = 6;
  plan.targets = targets;
  plan.excluded = {{"run", "impact", std::nullopt}, {"swim", "equipment", std::nullopt}};
  plan.advisories = {{"hydrate", "Drink water; even mild dehydration, they say, hurts."}};
  plan.solver = SolverInfo{};
  plan.solver->seed = 7;
  return plan;
}

// The week with the facts of plan model v2: a contraindication with a rule entry and one
// with the item's own marking (`because`), an item with two caution notes and one a
// clinician cleared, the `mix` term and provenance.
inline Plan SampleWeekV2() {
  Plan plan = SampleWeek();
  plan.days[0].items[1].notes = {"cleared"};
  plan.days[4].items[1].notes = {"caution:herniated_disc", "caution:sciatica"};
  (*plan.score_terms)[static_cast<int>(ScoreTerm::kMix)] = 0.25;
  plan.excluded = {{"run", "contraindicated:knee_pain", "marked"},
                   {"swim", "equipment", std::nullopt},
                   {"stand", "contraindicated:osteoporosis", "spinal_flexion+external_load"}};
  plan.provenance = Provenance{"backbalance 0.2.0", 2,
                               "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"};
  return plan;
}

// The same catalog's view of a week that could not be planned.
inline Plan SampleInfeasibleWeek() {
  Plan plan;
  plan.status = PlanStatus::kInfeasible;
  plan.score = 0;
  plan.diagnosis = {{"too_few_days", "only 2 days have 15 or more minutes available"}};
  plan.advisories = {{"hydrate", "Drink water."}};
  return plan;
}

}  // namespace backbalance::testkit

#endif  // BACKBALANCE_TESTS_VIEWS_SAMPLE_WEEK_H_
