// File: tests/testing/catalog_builder.h
//
// Small catalogs and weeks written in code, for tests whose every expected number is
// worked out by hand next to the test.
//
//   ExerciseBuilder("bridge", Category::kStrength)
//       .Primary({Muscle::kGlutes}).Secondary({Muscle::kHamstrings})
//       .Minutes(10).RestHours(72)
//
// Catalog::Create takes complete values, so Build() fills every field the spec
// (plan model section 2) makes optional with its documented default: `name` = id,
// `phases` = {main}, `rest_hours` 48 for strength and 0 otherwise, `max_per_week` by
// category (strength 3, aerobic 5, balance 5, flexibility 7, relaxation 7),
// `difficulty` 1, `reviewed` true, and a dose of the category's form ({sets, reps} for a
// flexibility or balance item that may warm up, as the warm-up rule asks).
//
// Weeks are built from items: MakePlan({{0, {Warmup("march", 5), Main("bird_dog", 10),
// Cooldown("cat_cow", 5)}}, {2, {...}}}) gives a plan with those days, the others rest.
#ifndef BACKBALANCE_TESTS_TESTING_CATALOG_BUILDER_H_
#define BACKBALANCE_TESTS_TESTING_CATALOG_BUILDER_H_

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/exercise.h"
#include "backbalance/model/options.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"
#include "backbalance/model/vocabulary.h"

namespace backbalance::testkit {

class ExerciseBuilder {
 public:
  ExerciseBuilder(std::string id, Category category) {
    exercise_.id = std::move(id);
    exercise_.category = category;
  }

  ExerciseBuilder& Name(std::string name) { return Set(exercise_.name, std::move(name)); }
  ExerciseBuilder& ImpactLevel(Impact impact) { return Set(exercise_.impact, impact); }
  ExerciseBuilder& Phases(std::vector<Phase> phases) {
    return Set(exercise_.phases, std::move(phases));
  }
  ExerciseBuilder& Primary(std::vector<Muscle> muscles) {
    return Set(exercise_.primary_muscles, std::move(muscles));
  }
  ExerciseBuilder& Secondary(std::vector<Muscle> muscles) {
    return Set(exercise_.secondary_muscles, std::move(muscles));
  }
  // Non-aerobic items: the time one use takes.
  ExerciseBuilder& Minutes(int minutes) { return Set(exercise_.minutes, minutes); }
  // Aerobic items: the range the planned minutes lie in.
  ExerciseBuilder& AerobicRange(int min_minutes, int max_minutes) {
    exercise_.min_minutes = min_minutes;
    exercise_.max_minutes = max_minutes;
    return *this;
  }
  ExerciseBuilder& WithDose(Dose dose) {
    dose_set_ = true;
    return Set(exercise_.dose, dose);
  }
  ExerciseBuilder& RestHours(int hours) {
    rest_set_ = true;
    return Set(exercise_.rest_hours, hours);
  }
  ExerciseBuilder& MaxPerWeek(int days) {
    max_per_week_set_ = true;
    return Set(exercise_.max_per_week, days);
  }
  ExerciseBuilder& Difficulty(int difficulty) { return Set(exercise_.difficulty, difficulty); }
  ExerciseBuilder& Equipment(std::vector<std::string> equipment) {
    return Set(exercise_.equipment, std::move(equipment));
  }
  ExerciseBuilder& Movements(std::vector<Movement> movements) {
    return Set(exercise_.movements, std::move(movements));
  }
  ExerciseBuilder& Avoid(const std::string& condition) {
    exercise_.contraindications[condition] = Contraindication::kAvoid;
    return *this;
  }
  ExerciseBuilder& Caution(const std::string& condition) {
    exercise_.contraindications[condition] = Contraindication::kCaution;
    return *this;
  }
  ExerciseBuilder& Progressions(std::vector<std::string> ids) {
    return Set(exercise_.progressions, std::move(ids));
  }
  ExerciseBuilder& Regressions(std::vector<std::string> ids) {
    return Set(exercise_.regressions, std::move(ids));
  }
  ExerciseBuilder& Substitutes(std::vector<std::string> ids) {
    return Set(exercise_.substitutes, std::move(ids));
  }
  ExerciseBuilder& Unreviewed() { return Set(exercise_.reviewed, false); }

  // The record with every default of section 2 filled in.
  Exercise Build() const {
    static const CatalogDefaults kDefaults = PlannerOptions{}.catalog_defaults;
    Exercise e = exercise_;
    if (e.name.empty()) e.name = e.id;
    if (e.phases.empty()) e.phases = {Phase::kMain};
    if (!rest_set_) {
      e.rest_hours = e.category == Category::kStrength ? kDefaults.strength_rest_hours
                                                       : kDefaults.other_rest_hours;
    }
    if (!max_per_week_set_) e.max_per_week = kDefaults.max_per_week[int(e.category)];
    if (e.IsAerobic()) {
      e.minutes = 0;
      if (!dose_set_) e.dose = Dose::Minutes(e.min_minutes);
    } else {
      if (e.minutes == 0) e.minutes = 5;
      if (!dose_set_) {
        switch (e.category) {
          case Category::kStrength:
            e.dose = Dose::SetsReps(2, 8);
            break;
          case Category::kRelaxation:
            e.dose = Dose::Minutes(e.minutes);
            break;
          default:  // flexibility, balance: a warm-up item is a dynamic drill (section 2)
            e.dose = e.AllowsPhase(Phase::kWarmup) ? Dose::SetsReps(2, 10) : Dose::HoldReps(30, 3);
            break;
        }
      }
    }
    return e;
  }

  operator Exercise() const { return Build(); }  // NOLINT: lets a list of builders be a catalog

 private:
  template <typename Field, typename Value>
  ExerciseBuilder& Set(Field& field, Value&& value) {
    field = std::forward<Value>(value);
    return *this;
  }

  Exercise exercise_;  // Exercise's own difficulty default is the spec's (1)
  bool dose_set_ = false;
  bool rest_set_ = false;
  bool max_per_week_set_ = false;
};

// Catalog::Create, for catalogs a test writes by hand: an invalid one is a bug in the
// test, so it stops the program with the problems listed.
inline std::shared_ptr<const Catalog> MakeCatalog(std::vector<Exercise> exercises,
                                                  std::vector<std::string> declared = {},
                                                  ConditionRules rules = {}) {
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
      Catalog::Create(std::move(exercises), std::move(declared), std::move(rules));
  if (!catalog.ok()) {
    std::fprintf(stderr, "test catalog is invalid:\n%s\n",
                 std::string(catalog.status().message()).c_str());
    std::abort();
  }
  return *std::move(catalog);
}

// --- Weeks ---

inline PlanItem Use(Phase phase, std::string exercise, int minutes,
                    std::optional<Dose> dose = std::nullopt) {
  PlanItem item;
  item.exercise = std::move(exercise);
  item.phase = phase;
  item.minutes = minutes;
  item.dose = dose;
  return item;
}
inline PlanItem Warmup(std::string exercise, int minutes) {
  return Use(Phase::kWarmup, std::move(exercise), minutes);
}
inline PlanItem Main(std::string exercise, int minutes) {
  return Use(Phase::kMain, std::move(exercise), minutes);
}
inline PlanItem Cooldown(std::string exercise, int minutes) {
  return Use(Phase::kCooldown, std::move(exercise), minutes);
}

// A plan holding `days` (day index -> items, in the order given); other days rest.
inline Plan MakePlan(const std::vector<std::pair<int, std::vector<PlanItem>>>& days) {
  Plan plan;
  for (const auto& [day, items] : days) {
    plan.days[day].items = items;
    int minutes = 0;
    for (const PlanItem& item : items) minutes += item.minutes;
    plan.days[day].minutes = minutes;
  }
  return plan;
}

// One feedback entry of a history.
inline Feedback Done(int day, std::string exercise, std::optional<int> rpe = std::nullopt,
                     PainAfter pain_after = PainAfter::kSame, double soreness_hours = 0) {
  Feedback f;
  f.day = day;
  f.exercise = std::move(exercise);
  f.completed = true;
  f.pain_after = pain_after;
  f.soreness_hours = soreness_hours;
  f.rpe = rpe;
  return f;
}

}  // namespace backbalance::testkit

#endif  // BACKBALANCE_TESTS_TESTING_CATALOG_BUILDER_H_
