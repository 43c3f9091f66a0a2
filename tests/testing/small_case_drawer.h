// File: tests/testing/small_case_drawer.h
//
// Small catalogs, profiles and options drawn at random, for property tests that compare
// the planner with CBC (which proves such weeks in well under a second) and reach what
// the built-in catalog and the default options never do: warm-up and cool-down minimums
// above an item's least minutes, long recovery, high impact, few uses a week, short days,
// low volume caps.
#ifndef BACKBALANCE_TESTS_TESTING_SMALL_CASE_DRAWER_H_
#define BACKBALANCE_TESTS_TESTING_SMALL_CASE_DRAWER_H_

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <random>
#include <string>
#include <vector>

#include "backbalance/model/exercise.h"
#include "backbalance/model/options.h"
#include "backbalance/model/profile.h"
#include "testing/catalog_builder.h"

namespace backbalance::testing {

class SmallCaseDrawer {
 public:
  explicit SmallCaseDrawer(uint64_t seed) : rng_(seed) {}
  int Int(int lo, int hi) {
    return lo + static_cast<int>(rng_() % static_cast<uint64_t>(hi - lo + 1));
  }
  template <typename T>
  T Of(std::initializer_list<T> values) {
    return values.begin()[Int(0, static_cast<int>(values.size()) - 1)];
  }
  std::string AnyCondition() {
    return Of<const char*>({"herniated_disc", "spinal_stenosis", "osteoporosis", "knee_pain"});
  }
  Muscle AnyMuscle() {
    return Of({Muscle::kCore, Muscle::kGlutes, Muscle::kLowerBack, Muscle::kHamstrings,
               Muscle::kQuadriceps});
  }

  // 5-14 items: aerobic ranges and impacts, warm-up drills, strength with up to 96 hours
  // of rest, stretches, sometimes a relaxation item.
  std::vector<Exercise> Catalog() {
    std::vector<Exercise> items;
    int n = 0;
    const auto id = [&](const char* kind) { return std::string(kind) + std::to_string(n++); };
    for (int i = Int(1, 3); i > 0; --i) {
      // Aerobic ranges are multiples of 5 in 5..120 (section 2); a warm-up item is low impact.
      const int least = 5 * Int(1, 3);
      const Impact impact = Of({Impact::kLow, Impact::kLow, Impact::kModerate, Impact::kHigh});
      std::vector<Phase> phases = {Phase::kMain};
      if (impact == Impact::kLow && Int(0, 2) > 0) phases.push_back(Phase::kWarmup);
      items.push_back(testkit::ExerciseBuilder(id("aerobic"), Category::kAerobic)
                          .AerobicRange(least, 5 * Int(least / 5, 8))
                          .ImpactLevel(impact)
                          .Phases(phases)
                          .MaxPerWeek(Int(1, 7))
                          .Primary({AnyMuscle()}));
    }
    for (int i = Int(0, 3); i > 0; --i) {
      items.push_back(
          testkit::ExerciseBuilder(id("drill"), Of({Category::kFlexibility, Category::kBalance}))
              .Phases({Phase::kWarmup, Phase::kMain})
              .Minutes(Int(1, 8))
              .MaxPerWeek(Int(1, 7))
              .Primary({AnyMuscle()}));
    }
    for (int i = Int(1, 3); i > 0; --i) {
      items.push_back(testkit::ExerciseBuilder(id("lift"), Category::kStrength)
                          .Minutes(Int(2, 15))
                          .RestHours(Int(0, 96))
                          .MaxPerWeek(Int(1, 7))
                          .ImpactLevel(Of({Impact::kLow, Impact::kLow, Impact::kModerate}))
                          .Primary({AnyMuscle()}));
    }
    for (int i = Int(1, 3); i > 0; --i) {
      items.push_back(testkit::ExerciseBuilder(id("stretch"), Category::kFlexibility)
                          .Phases(Int(0, 1) ? std::vector<Phase>{Phase::kCooldown}
                                            : std::vector<Phase>{Phase::kMain, Phase::kCooldown})
                          .Minutes(Int(2, 10))
                          .MaxPerWeek(Int(1, 7))
                          .Primary({AnyMuscle()}));
    }
    if (Int(0, 1)) {
      items.push_back(testkit::ExerciseBuilder(id("relax"), Category::kRelaxation)
                          .Phases({Phase::kMain, Phase::kCooldown})
                          .Minutes(Int(2, 15))
                          .Primary({Muscle::kCore}));
    }
    return items;
  }

  // Cover minimums, the aerobic step, session caps and band targets drawn from their
  // ranges; BACKBALANCE_DEFAULT_OPTIONS=1 keeps every option at its default.
  PlannerOptions Options() {
    PlannerOptions o;
    // Mostly the default covers, so that the draws also reach the search's rules.
    o.min_warmup_minutes = Of({0, 5, 5, 5, 8, 10, 15, 20});
    o.max_warmup_minutes = o.min_warmup_minutes + Int(0, 15);
    o.min_cooldown_minutes = Of({0, 5, 5, 5, 10, 15});
    o.aerobic_minutes_step = Of({5, 5, 10, 1, 3});
    for (int& cap : o.session_cap_by_fitness) cap = Int(20, 90);
    for (BandTargets& band : o.bands) {
      band.min_training_days = Int(1, 4);
      band.max_training_days = Int(band.min_training_days, 7);
      band.volume_cap = Int(40, 400);
    }
    // BACKBALANCE_DEFAULT_OPTIONS=1: only the catalogs and profiles are drawn.
    if (std::getenv("BACKBALANCE_DEFAULT_OPTIONS") != nullptr) return PlannerOptions{};
    return o;
  }

  // A person with a clinician's train days and pins (plan model 12): up to two train
  // days, up to two pins of the catalog's items, each with or without a phase and (an
  // aerobic item's) minutes.
  Profile PinnedPerson(const std::vector<Exercise>& catalog) {
    Profile p = Person();
    for (int i = Int(0, 2); i > 0; --i) p.train_days.push_back(Int(0, 6));
    std::sort(p.train_days.begin(), p.train_days.end());
    p.train_days.erase(std::unique(p.train_days.begin(), p.train_days.end()), p.train_days.end());
    for (int i = Int(0, 2); i > 0; --i) {
      const Exercise& x = catalog[static_cast<std::size_t>(Int(0, int(catalog.size()) - 1))];
      Pin pin;
      pin.day = Int(0, 6);
      pin.exercise = x.id;
      if (Int(0, 1))
        pin.phase = x.phases[static_cast<std::size_t>(Int(0, int(x.phases.size()) - 1))];
      if (x.IsAerobic() && Int(0, 2) == 0) pin.minutes = x.min_minutes + 5 * Int(0, 2);
      p.pins.push_back(pin);
    }
    return p;
  }

  // What a catalog author adds and the condition rules read (plan model 4, 4a): an
  // item's movements, a secondary muscle, its difficulty, now and then its own caution or
  // avoid entry. For draws of people with conditions (ConditionsAndGoals).
  void Mark(std::vector<Exercise>& items) {
    for (Exercise& x : items) {
      x.movements.clear();
      for (Movement m :
           {Movement::kSpinalFlexion, Movement::kSpinalExtension, Movement::kSpinalRotation,
            Movement::kExternalLoad, Movement::kSupine, Movement::kProne, Movement::kKneeLoading}) {
        if (Int(0, 5) == 0) x.movements.push_back(m);
      }
      x.difficulty = Int(1, 3);
      const Muscle secondary = AnyMuscle();
      if (Int(0, 2) == 0 && std::find(x.primary_muscles.begin(), x.primary_muscles.end(),
                                      secondary) == x.primary_muscles.end()) {
        x.secondary_muscles = {secondary};
      }
      if (Int(0, 9) == 0) {
        x.contraindications[AnyCondition()] =
            Of({Contraindication::kAvoid, Contraindication::kCaution});
      }
    }
  }

  // Up to two conditions, goals drawn in 0..3 (all of them 0 now and then), up to three
  // preferred items, and now and then an item the person excludes or a clinician cleared.
  void ConditionsAndGoals(Profile& p, const std::vector<Exercise>& items) {
    const auto any_item = [&] {
      return items[static_cast<std::size_t>(Int(0, static_cast<int>(items.size()) - 1))].id;
    };
    const auto add_once = [](std::vector<std::string>& list, std::string value) {
      if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(std::move(value));
      }
    };
    for (int i = Int(0, 2); i > 0; --i) add_once(p.conditions, AnyCondition());
    for (int* goal : {&p.goals.strength, &p.goals.flexibility, &p.goals.endurance, &p.goals.balance,
                      &p.goals.stress_relief}) {
      *goal = Int(0, 3);
    }
    for (int i = Int(0, 3); i > 0; --i) add_once(p.prefer, any_item());
    if (Int(0, 3) == 0) add_once(p.cleared, any_item());
    if (Int(0, 4) == 0) add_once(p.exclude, any_item());
  }

  Profile Person() {
    Profile p;
    p.pain = Int(0, 9);
    p.fitness = Int(1, 5);
    for (int& minutes : p.availability) minutes = Of({0, 10, 15, 20, 30, 45, 60, 90});
    return p;
  }

 private:
  std::mt19937_64 rng_;
};

}  // namespace backbalance::testing

#endif  // BACKBALANCE_TESTS_TESTING_SMALL_CASE_DRAWER_H_
