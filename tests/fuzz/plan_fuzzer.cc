// Fuzz target `plan`: the planner on structured input. The bytes drive a generator of
// valid-looking small catalogs (1-14 exercises of every category, with equipment,
// contraindications and progression links) and profiles (every pain band, conditions,
// red flags, sparse and generous availability, preferences, sometimes a history).
// Properties: nothing crashes or throws; PlanWeek fails only with kInvalidArgument (the
// generator may write a record Catalog::Create rejects, never a profile it does) or
// kResourceExhausted (the feasibility budget); an `ok` plan always passes Evaluate with
// Evaluate's score, an `infeasible` one carries a diagnosis, `refer` follows red flags;
// NextWeek on an ok week plans again under the same properties.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "fuzz/fuzz_check.h"
#include "testing/catalog_builder.h"

namespace backbalance {
namespace {

const std::vector<std::string> kEquipment = {"mat", "chair", "pool", "dumbbells"};

template <typename Enum>
Enum PickEnum(FuzzedDataProvider& in) {
  return static_cast<Enum>(in.ConsumeIntegralInRange<int>(0, kEnumCount<Enum> - 1));
}

template <typename T>
const T& PickFrom(FuzzedDataProvider& in, const std::vector<T>& values) {
  return values[in.ConsumeIntegralInRange<std::size_t>(0, values.size() - 1)];
}

std::vector<Muscle> Muscles(FuzzedDataProvider& in, int max, std::vector<Muscle> taken = {}) {
  std::vector<Muscle> out;
  for (int n = in.ConsumeIntegralInRange(0, max); n > 0; --n) {
    const Muscle m = PickEnum<Muscle>(in);
    if (std::find(out.begin(), out.end(), m) == out.end() &&
        std::find(taken.begin(), taken.end(), m) == taken.end()) {
      out.push_back(m);
    }
  }
  return out;
}

// One record in the shape section 2 asks for, most of the time: the phases fit the
// impact and category, aerobic minutes are multiples of 5, the dose has its category's
// form. Links name other ids of the catalog and may loop (Create then rejects it).
Exercise MakeExercise(FuzzedDataProvider& in, int index, int count) {
  const Category category = PickEnum<Category>(in);
  testkit::ExerciseBuilder b(absl::StrCat("x", index), category);
  const Impact impact = in.ConsumeIntegralInRange(0, 3) == 0 ? PickEnum<Impact>(in) : Impact::kLow;
  b.ImpactLevel(impact);
  std::vector<Phase> phases = {Phase::kMain};
  if (impact == Impact::kLow && in.ConsumeBool()) phases.push_back(Phase::kWarmup);
  if ((category == Category::kFlexibility || category == Category::kRelaxation) &&
      in.ConsumeBool()) {
    phases.push_back(Phase::kCooldown);
  }
  if (in.ConsumeIntegralInRange(0, 3) == 0) std::swap(phases.front(), phases.back());
  b.Phases(phases);
  const std::vector<Muscle> primary = Muscles(in, 3);
  b.Primary(primary).Secondary(Muscles(in, 2, primary));
  if (category == Category::kAerobic) {
    const int low = 5 * in.ConsumeIntegralInRange(1, 6);
    b.AerobicRange(low, low + 5 * in.ConsumeIntegralInRange(0, 6));
  } else {
    b.Minutes(in.ConsumeIntegralInRange(1, 20));
    if (category == Category::kStrength && in.ConsumeBool()) {
      b.WithDose(
          Dose::HoldReps(in.ConsumeIntegralInRange(1, 60), in.ConsumeIntegralInRange(1, 10)));
    }
  }
  if (in.ConsumeBool()) b.RestHours(in.ConsumeIntegralInRange(0, 96));
  if (in.ConsumeBool()) b.MaxPerWeek(in.ConsumeIntegralInRange(1, 7));
  b.Difficulty(in.ConsumeIntegralInRange(1, 5));
  if (in.ConsumeIntegralInRange(0, 3) == 0) b.Equipment({PickFrom(in, kEquipment)});
  for (int n = in.ConsumeIntegralInRange(0, 2); n > 0; --n) {
    const std::string condition(kBuiltinConditions[in.ConsumeIntegralInRange<std::size_t>(
        0, kBuiltinConditions.size() - 1)]);
    if (in.ConsumeBool()) {
      b.Avoid(condition);
    } else {
      b.Caution(condition);
    }
  }
  const auto links = [&] {
    std::vector<std::string> ids;
    if (count > 1 && in.ConsumeIntegralInRange(0, 3) == 0) {
      const int other = in.ConsumeIntegralInRange(0, count - 1);
      if (other != index) ids.push_back(absl::StrCat("x", other));
    }
    return ids;
  };
  b.Progressions(links()).Regressions(links()).Substitutes(links());
  if (in.ConsumeIntegralInRange(0, 7) == 0) b.Unreviewed();
  return b.Build();
}

Profile MakeProfile(FuzzedDataProvider& in, const Catalog& catalog) {
  Profile p;
  p.pain = in.ConsumeIntegralInRange(0, 10);
  p.pain_duration = PickEnum<PainDuration>(in);
  p.pain_persisting_days = in.ConsumeIntegralInRange(0, 10);
  p.fitness = in.ConsumeIntegralInRange(1, 5);
  for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n) {
    const std::string c(kBuiltinConditions[in.ConsumeIntegralInRange<std::size_t>(
        1, kBuiltinConditions.size() - 1)]);
    if (std::find(p.conditions.begin(), p.conditions.end(), c) == p.conditions.end()) {
      p.conditions.push_back(c);
    }
  }
  if (in.ConsumeIntegralInRange(0, 15) == 0) p.red_flags.push_back(PickEnum<RedFlag>(in));
  for (int& minutes : p.availability) {
    minutes = in.ConsumeBool() ? 0 : 10 * in.ConsumeIntegralInRange(1, 12);
  }
  p.equipment.clear();
  for (const std::string& e : kEquipment) {
    if (in.ConsumeBool()) p.equipment.push_back(e);
  }
  p.goals = {in.ConsumeIntegralInRange(0, 3), in.ConsumeIntegralInRange(0, 3),
             in.ConsumeIntegralInRange(0, 3), in.ConsumeIntegralInRange(0, 3),
             in.ConsumeIntegralInRange(0, 3)};
  const auto& exercises = catalog.exercises();
  for (std::vector<std::string>* list : {&p.prefer, &p.exclude}) {
    for (int n = in.ConsumeIntegralInRange(0, 2); n > 0; --n) {
      const std::string& id = PickFrom(in, exercises).id;
      if (std::find(list->begin(), list->end(), id) == list->end()) list->push_back(id);
    }
  }
  p.seed = in.ConsumeIntegral<uint8_t>();
  return p;
}

std::vector<Feedback> MakeFeedback(FuzzedDataProvider& in, const Plan& plan) {
  std::vector<Feedback> feedback;
  for (const PlanDay& day : plan.days) {
    for (const PlanItem& item : day.items) {
      if (!in.ConsumeBool()) continue;
      Feedback f;
      f.day = day.day;
      f.exercise = item.exercise;
      f.completed = in.ConsumeBool();
      f.pain_after = PickEnum<PainAfter>(in);
      f.soreness_hours = in.ConsumeIntegralInRange(0, 3);
      if (in.ConsumeBool()) f.rpe = in.ConsumeIntegralInRange(1, 10);
      feedback.push_back(f);
    }
  }
  return feedback;
}

// The properties of one planned week for `profile` (see the file comment).
void CheckPlan(const Planner& planner, const Profile& profile, const absl::StatusOr<Plan>& plan) {
  if (!plan.ok()) {
    FUZZ_CHECK(plan.status().code() == absl::StatusCode::kResourceExhausted,
               plan.status().ToString());
    return;
  }
  FUZZ_CHECK((plan->status == PlanStatus::kRefer) == !profile.red_flags.empty(),
             "refer exactly for red flags");
  absl::StatusOr<Evaluation> verdict = planner.Evaluate(profile, *plan);
  FUZZ_CHECK(verdict.ok(), verdict.status().ToString());
  if (plan->status == PlanStatus::kOk) {
    FUZZ_CHECK(verdict->valid,
               absl::StrCat("an ok plan breaks ", verdict->violations[0].rule, ": ",
                            verdict->violations[0].detail, "\n", SavePlan(*plan).value()));
    FUZZ_CHECK(plan->score.has_value() && *plan->score == verdict->score,
               "the plan's score is not Evaluate's");
  } else {
    for (const PlanDay& day : plan->days) FUZZ_CHECK(day.items.empty(), "a rest week expected");
    if (plan->status == PlanStatus::kInfeasible) {
      FUZZ_CHECK(!plan->diagnosis.empty(), "infeasible without a diagnosis");
    }
  }
}

}  // namespace
}  // namespace backbalance

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace backbalance;
  FuzzedDataProvider in(data, size);
  const int count = in.ConsumeIntegralInRange(1, 14);
  std::vector<Exercise> exercises;
  for (int i = 0; i < count; ++i) exercises.push_back(MakeExercise(in, i, count));
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog = Catalog::Create(std::move(exercises));
  if (!catalog.ok()) {
    fuzz::CheckRejection(catalog.status());
    return 0;
  }
  PlannerOptions options;
  // A few rounds of local search keep a run under a millisecond or so; the properties
  // hold for any budget, and the feasibility search is complete either way.
  options.search_iterations = in.ConsumeIntegralInRange(0, 8);
  absl::StatusOr<Planner> planner = Planner::Create(*catalog, options);
  FUZZ_CHECK(planner.ok(), planner.status().ToString());

  const Profile profile = MakeProfile(in, **catalog);
  const absl::StatusOr<Plan> plan = planner->PlanWeek(profile);
  CheckPlan(*planner, profile, plan);

  if (plan.ok() && plan->status == PlanStatus::kOk && in.ConsumeBool()) {
    const std::vector<Feedback> feedback = MakeFeedback(in, *plan);
    absl::StatusOr<NextWeekPlan> next = planner->NextWeek(profile, *plan, feedback);
    if (!next.ok()) {
      FUZZ_CHECK(next.status().code() == absl::StatusCode::kResourceExhausted,
                 next.status().ToString());
      return 0;
    }
    CheckPlan(*planner, next->profile, next->plan);
  }
  return 0;
}
