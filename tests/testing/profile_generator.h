// A seeded generator of valid profiles for property tests and benchmarks: every pain
// band, every built-in condition, sparse and generous availability, equipment subsets,
// goal weights, prefer/exclude lists, pregnancy weeks, clinicians' clearances, fitness 1-5
// with a lot of free time, and now and then a history with feedback.
#ifndef BACKBALANCE_TESTS_TESTING_PROFILE_GENERATOR_H_
#define BACKBALANCE_TESTS_TESTING_PROFILE_GENERATOR_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/profile.h"

namespace backbalance::testing {

class ProfileGenerator {
 public:
  ProfileGenerator(const Catalog& catalog, uint64_t seed) : catalog_(catalog), rng_(seed) {}

  Profile Next() {
    Profile p;
    p.pain = Uniform(0, 10);
    p.pain_duration = static_cast<PainDuration>(Uniform(0, 2));
    p.pain_persisting_days = Uniform(0, 3) == 0 ? Uniform(0, 10) : 0;
    p.fitness = Uniform(1, 5);
    const int conditions = Pick({0, 0, 0, 1, 1, 2, 3});
    for (int i = 0; i < conditions; ++i) {
      std::string c(kBuiltinConditions[Uniform(1, kBuiltinConditions.size() - 1)]);
      if (std::find(p.conditions.begin(), p.conditions.end(), c) == p.conditions.end()) {
        p.conditions.push_back(c);
      }
    }
    if (std::find(p.conditions.begin(), p.conditions.end(), "pregnancy") != p.conditions.end() &&
        Uniform(0, 2) > 0) {
      p.pregnancy_week = Uniform(0, 42);
    }
    if (Uniform(0, 40) == 0) {
      p.red_flags.push_back(static_cast<RedFlag>(Uniform(0, kEnumCount<RedFlag> - 1)));
    }
    const int style = Uniform(0, 5);
    for (int& minutes : p.availability) {
      switch (style) {
        case 0:
          minutes = Pick({0, 0, 10, 15, 20});
          break;  // sparse
        case 1:
          minutes = Pick({0, 20, 30, 45});
          break;
        case 2:
          minutes = Pick({30, 45, 60, 90});
          break;  // generous
        case 3:
          minutes = Uniform(0, 240);
          break;
        case 4:
          minutes = Pick({120, 180, 240});
          break;  // a lot of free time
        default:
          minutes = 30;
          break;
      }
    }
    static const std::vector<std::string> kEquipment = {"mat",
                                                        "pool",
                                                        "stationary_bike",
                                                        "elliptical",
                                                        "resistance_band",
                                                        "dumbbells",
                                                        "stability_ball",
                                                        "chair"};
    p.equipment.clear();
    for (const std::string& e : kEquipment) {
      if (Uniform(0, e == "mat" ? 5 : 2) > 0 && (e == "mat" || Uniform(0, 1))) {
        p.equipment.push_back(e);
      }
    }
    p.goals = {Uniform(0, 3), Uniform(0, 3), Uniform(0, 3), Uniform(0, 3), Uniform(0, 3)};
    const auto& exercises = catalog_.exercises();
    for (int i = Pick({0, 0, 1, 3}); i > 0; --i) {
      const std::string& id = exercises[Uniform(0, exercises.size() - 1)].id;
      if (std::find(p.prefer.begin(), p.prefer.end(), id) == p.prefer.end()) p.prefer.push_back(id);
    }
    for (int i = Pick({0, 0, 0, 2}); i > 0; --i) {
      const std::string& id = exercises[Uniform(0, exercises.size() - 1)].id;
      if (std::find(p.exclude.begin(), p.exclude.end(), id) == p.exclude.end()) {
        p.exclude.push_back(id);
      }
    }
    // A clinician's clearances: now and then a few items, often contraindicated ones.
    for (int i = Pick({0, 0, 0, 1, 3}); i > 0; --i) {
      const std::string& id = exercises[Uniform(0, exercises.size() - 1)].id;
      if (std::find(p.cleared.begin(), p.cleared.end(), id) == p.cleared.end()) {
        p.cleared.push_back(id);
      }
    }
    p.seed = rng_() % 1000;
    return p;
  }

  // Feedback on every use of `plan`, drawn at random.
  std::vector<Feedback> FeedbackFor(const Plan& plan) {
    std::vector<Feedback> feedback;
    for (const PlanDay& day : plan.days) {
      for (const PlanItem& item : day.items) {
        if (Uniform(0, 4) == 0) continue;  // no entry: not completed
        Feedback f;
        f.day = day.day;
        f.exercise = item.exercise;
        f.completed = Uniform(0, 4) > 0;
        f.pain_after = static_cast<PainAfter>(Pick({0, 1, 1, 1, 2}));
        f.soreness_hours = Pick({0, 0, 0, 1, 2});
        if (Uniform(0, 3) > 0) f.rpe = Uniform(3, 9);
        feedback.push_back(f);
      }
    }
    return feedback;
  }

  int Uniform(int lo, int hi) { return lo + static_cast<int>(rng_() % uint64_t(hi - lo + 1)); }
  int Uniform(int lo, std::size_t hi) { return Uniform(lo, static_cast<int>(hi)); }
  int Pick(std::initializer_list<int> values) {
    return *(values.begin() + Uniform(0, static_cast<int>(values.size()) - 1));
  }

 private:
  const Catalog& catalog_;
  std::mt19937_64 rng_;
};

}  // namespace backbalance::testing

#endif  // BACKBALANCE_TESTS_TESTING_PROFILE_GENERATOR_H_
