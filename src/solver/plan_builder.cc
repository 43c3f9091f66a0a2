#include "solver/plan_builder.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "backbalance/solver/evaluate.h"
#include "internal/format.h"

namespace backbalance::internal {
namespace {

#ifndef BKB_VERSION_STRING
#define BKB_VERSION_STRING "0.0.0"
#endif

// Appends ", "-separated muscle names to `out`, straight into the one string (a plan
// writes one such list per strength and flexibility item).
void AppendMuscleList(MuscleMask mask, std::string& out) {
  bool first = true;
  for (Muscle m : AllValues<Muscle>()) {
    if (!(mask & MuscleBit(m))) continue;
    if (!first) out += ", ";
    out += ToName(m);
    first = false;
  }
}

// Which score terms a use serves, e.g. "strength: glutes, hip_abductors".
std::vector<std::string> ReasonsFor(const CompiledExercise& e, const WeekContext& ctx, int exercise,
                                    Phase phase) {
  std::vector<std::string> reasons;
  reasons.reserve(4);  // the category, a phase, preference, progressed: at most four
  std::string& category = reasons.emplace_back(ToName(e.category));
  if ((e.category == Category::kStrength || e.category == Category::kFlexibility) &&
      e.primary != 0) {
    category += ": ";
    AppendMuscleList(e.primary, category);
  }
  if (phase == Phase::kWarmup) reasons.emplace_back("warm-up");
  if (phase == Phase::kCooldown) reasons.emplace_back("cool-down");
  if (ctx.preferred[exercise]) reasons.emplace_back("preference");
  if (ctx.progressed[exercise]) reasons.emplace_back("progressed: last week went well");
  return reasons;
}

// Rank of a main item in the order a session is done in (section 10): aerobic,
// strength, balance, flexibility, relaxation.
int SessionRank(Category category) {
  switch (category) {
    case Category::kAerobic:
      return 0;
    case Category::kStrength:
      return 1;
    case Category::kBalance:
      return 2;
    case Category::kFlexibility:
      return 3;
    case Category::kRelaxation:
      return 4;
  }
  return 5;
}

}  // namespace

void SortInSessionOrder(const CompiledCatalog& c, std::vector<Use>& uses) {
  const auto before = [&c](const Use& a, const Use& b) {
    if (a.phase != b.phase) return static_cast<int>(a.phase) < static_cast<int>(b.phase);
    if (a.phase != Phase::kMain) return false;
    return SessionRank(c.exercises[a.exercise].category) <
           SessionRank(c.exercises[b.exercise].category);
  };
  // Insertion sort: stable, as std::stable_sort, without its temporary buffer (a day
  // holds a handful of uses, and this runs for every day of every plan).
  for (std::size_t i = 1; i < uses.size(); ++i) {
    const Use use = uses[i];
    std::size_t j = i;
    for (; j > 0 && before(use, uses[j - 1]); --j) uses[j] = uses[j - 1];
    uses[j] = use;
  }
}

std::vector<Use> InSessionOrder(const CompiledCatalog& c, const std::vector<Use>& day) {
  std::vector<Use> ordered = day;
  SortInSessionOrder(c, ordered);
  return ordered;
}

std::vector<Advisory> AdvisoriesFor(const WeekContext& ctx) {
  std::vector<Advisory> advisories;
  advisories.reserve(9);  // every advisory below at most once
  if (ctx.refer) {
    advisories.push_back(
        {"refer_red_flags",
         "One or more red flags were reported: see a doctor before starting any exercise "
         "programme. No plan was made."});
  }
  if (ctx.see_doctor) {
    advisories.push_back(
        {"see_doctor", "Your pain has lasted more than three days without change: see a doctor."});
  }
  if (ctx.see_professional) {
    advisories.push_back({"see_professional",
                          "Soreness lasted more than an hour after an exercise: have it looked "
                          "at by a doctor or physiotherapist."});
  }
  if (ctx.post_surgery) {
    advisories.push_back(
        {"clinician_clearance",
         "After spine surgery, do only what your surgeon or physiotherapist has cleared, and "
         "ask before adding anything new."});
  }
  if (ctx.pregnancy) {
    advisories.push_back(
        {"pregnancy_warning_signs",
         "Stop and seek care at once for bleeding, fluid leaking, regular painful "
         "contractions, dizziness or fainting, chest pain, or calf pain or swelling."});
  }
  if (ctx.band == PainBand::kC && !ctx.refer) {
    advisories.push_back({"acute_flare_gentle",
                          "Your pain is high: this week keeps to gentle, low-impact exercise. "
                          "Move within comfort and rest when you need to."});
  }
  advisories.push_back({"hydrate",
                        "Drink water before, during and after exercise; even mild dehydration can "
                        "increase pain."});
  advisories.push_back(
      {"stop_if_pain", "Stop any exercise that causes pain, and tell your clinician about it."});
  advisories.push_back(
      {"warm_up_and_cool_down", "Always warm up first and cool down with gentle stretching last."});
  return advisories;
}

namespace {

// BuildPlan; for a kOk week `valid`, when given, receives Evaluate's verdict on it.
Plan MakePlan(const Catalog& catalog, const WeekContext& ctx, const PlannerOptions& options,
              PlanStatus status, const SearchWeek& week, SolverInfo solver,
              std::vector<Diagnosis> diagnosis, bool* valid) {
  Plan plan;
  plan.status = status;
  const CompiledCatalog& c = catalog.compiled();
  Totals totals;
  if (status == PlanStatus::kOk) {
    std::vector<Use> ordered;  // one buffer for every day
    for (int d = 0; d < kDaysPerWeek; ++d) {
      PlanDay& day = plan.days[d];
      day.items.reserve(week.days[d].size());
      ordered.assign(week.days[d].begin(), week.days[d].end());
      SortInSessionOrder(c, ordered);
      for (const Use& u : ordered) {
        const CompiledExercise& e = c.exercises[u.exercise];
        PlanItem item;
        item.exercise = catalog.exercises()[u.exercise].id;
        item.phase = u.phase;
        item.minutes = u.minutes;
        item.dose =
            e.category == Category::kAerobic ? Dose::Minutes(u.minutes) : ctx.dose[u.exercise];
        if (ctx.cleared[u.exercise]) {
          item.notes.emplace_back("cleared");
        } else {
          item.notes.reserve(ctx.caution_conditions[u.exercise].size());
          for (const std::string& condition : ctx.caution_conditions[u.exercise]) {
            item.notes.push_back(absl::StrCat("caution:", condition));
          }
        }
        item.reasons = ReasonsFor(e, ctx, u.exercise, u.phase);
        day.minutes += u.minutes;
        totals.by_category[int(e.category)] += u.minutes;
        day.items.push_back(std::move(item));
      }
      totals.minutes += day.minutes;
    }
    const Evaluation evaluation =
        EvaluateInContext(catalog, ctx, plan, options, EvaluationDetail::kJudgement);
    if (valid != nullptr) *valid = evaluation.valid;
    plan.score = evaluation.score;
    plan.score_terms = evaluation.score_terms;
  } else {
    plan.score = 0;
  }
  plan.totals = totals;
  plan.excluded = ctx.Exclusions(catalog);
  plan.advisories = AdvisoriesFor(ctx);
  plan.diagnosis = std::move(diagnosis);
  plan.targets = ctx.targets;
  plan.solver = std::move(solver);
  plan.provenance =
      Provenance{absl::StrCat("backbalance ", BKB_VERSION_STRING), 2, catalog.sha256()};
  return plan;
}

}  // namespace

Plan BuildPlan(const Catalog& catalog, const WeekContext& ctx, const PlannerOptions& options,
               PlanStatus status, const SearchWeek& week, SolverInfo solver,
               std::vector<Diagnosis> diagnosis) {
  return MakePlan(catalog, ctx, options, status, week, std::move(solver), std::move(diagnosis),
                  nullptr);
}

std::optional<Plan> BuildValidPlan(const Catalog& catalog, const WeekContext& ctx,
                                   const PlannerOptions& options, const SearchWeek& week,
                                   SolverInfo solver) {
  bool valid = false;
  Plan plan = MakePlan(catalog, ctx, options, PlanStatus::kOk, week, std::move(solver), {}, &valid);
  if (!valid) return std::nullopt;
  return plan;
}

std::optional<absl::StatusOr<Plan>> PlanUnlessFeasible(const Catalog& catalog,
                                                       const WeekContext& context,
                                                       const PlannerOptions& options,
                                                       const SolverInfo& solver,
                                                       Feasibility& feasibility) {
  switch (feasibility.verdict) {
    case Feasibility::Verdict::kInfeasible:
      return BuildPlan(catalog, context, options, PlanStatus::kInfeasible, {}, solver,
                       std::move(feasibility.diagnosis));
    case Feasibility::Verdict::kUndetermined:
      return absl::ResourceExhaustedError(
          Format("feasibility: search_budget: no valid week found and none ruled out within %d "
                 "search nodes",
                 feasibility.nodes));
    case Feasibility::Verdict::kFeasible:
      break;
  }
  return std::nullopt;
}

}  // namespace backbalance::internal
