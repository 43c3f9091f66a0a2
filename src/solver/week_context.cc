#include "solver/week_context.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "backbalance/catalog/profile_check.h"
#include "backbalance/model/problem.h"
#include "backbalance/model/programme.h"
#include "catalog/compiled_catalog.h"
#include "internal/hash_containers.h"
#include "internal/status_macros.h"
#include "solver/eligibility.h"
#include "solver/model_rules.h"

namespace backbalance {
namespace {

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A dose within section 2's ranges, in the base dose's form (the history plan's dose is
// the caller's text: only such a dose is carried over). The base dose is the profile's
// `doses` entry, else the catalog's (section 8).
bool DoseFitsItem(const Dose& dose, const Dose& base) {
  if (dose.form != base.form) return false;
  switch (dose.form) {
    case DoseForm::kSetsReps:
      return dose.sets >= 1 && dose.sets <= 10 && dose.reps >= 1 && dose.reps <= 50;
    case DoseForm::kHoldReps:
      return dose.hold_seconds >= 1 && dose.hold_seconds <= 300 && dose.reps >= 1 &&
             dose.reps <= 50;
    case DoseForm::kMinutes:
      return dose.minutes >= 1 && dose.minutes <= 120;
  }
  return false;
}

// The uses of last week's plan and what their feedback says (section 8).
struct HistoryFacts {
  int completed_minutes = 0;
  bool see_professional = false;
  std::vector<uint8_t> worsened;
  std::vector<uint8_t> progresses;  // every use completed, none worse, each rpe low enough
  std::vector<std::optional<Dose>> last_dose;  // the dose the history plan gave the item
  std::vector<int> most_minutes;               // the longest use in the history plan
};

HistoryFacts ReadHistory(const Catalog& catalog, const History& history,
                         const PlannerOptions& options) {
  const std::size_t n = catalog.size();
  HistoryFacts facts;
  facts.worsened.assign(n, 0);
  facts.progresses.assign(n, 0);
  facts.last_dose.assign(n, std::nullopt);
  facts.most_minutes.assign(n, 0);

  // Feedback by use; the loader rejects unknown and duplicate uses, so here the first
  // entry of a use wins and an entry naming no use is ignored.
  internal::HashMap<std::pair<int, std::string>, const Feedback*> feedback_of;
  for (const Feedback& f : history.feedback) feedback_of.try_emplace({f.day, f.exercise}, &f);

  std::vector<uint8_t> used(n, 0);
  std::vector<uint8_t> all_good(n, 1);
  for (const PlanDay& day : history.plan.days) {
    for (const PlanItem& item : day.items) {
      auto it = feedback_of.find(std::make_pair(day.day, item.exercise));
      const Feedback* f = it == feedback_of.end() ? nullptr : it->second;
      if (f != nullptr && f->completed) facts.completed_minutes += item.minutes;
      const bool sore = f != nullptr && f->soreness_hours > options.soreness_limit_hours;
      if (sore) facts.see_professional = true;
      const std::optional<int> index = catalog.IndexOf(item.exercise);
      if (!index) continue;
      const int e = *index;
      const bool worse = f != nullptr && (f->pain_after == PainAfter::kWorse || sore);
      if (worse) facts.worsened[e] = 1;
      const bool good = f != nullptr && f->completed && !worse && f->rpe.has_value() &&
                        *f->rpe <= options.progression_max_rpe;
      if (!good) all_good[e] = 0;
      if (!used[e] && item.dose) facts.last_dose[e] = item.dose;
      used[e] = 1;
      facts.most_minutes[e] = std::max(facts.most_minutes[e], item.minutes);
    }
  }
  for (std::size_t e = 0; e < n; ++e) facts.progresses[e] = used[e] && all_good[e];
  return facts;
}

bool ProgressesDose(Category category) {
  return category == Category::kStrength || category == Category::kBalance ||
         category == Category::kFlexibility;
}

// One week's step of a dose; `at_top` tells whether it was already at its top before.
Dose StepDose(Dose dose, const PlannerOptions& options, bool& at_top) {
  switch (dose.form) {
    case DoseForm::kSetsReps:
      at_top = dose.reps >= options.top_reps && dose.sets >= options.top_sets;
      if (dose.reps < options.top_reps) {
        dose.reps = std::min(dose.reps + options.reps_step, options.top_reps);
      } else if (dose.sets < options.top_sets) {
        dose.sets += 1;
      }
      break;
    case DoseForm::kHoldReps:
      at_top = dose.hold_seconds >= options.top_hold_seconds;
      if (!at_top) {
        dose.hold_seconds =
            std::min(dose.hold_seconds + options.hold_step_seconds, options.top_hold_seconds);
      }
      break;
    default:  // {minutes} doses of non-aerobic items never change.
      at_top = false;
      break;
  }
  return dose;
}

}  // namespace

PainBand BandOf(int pain, const PlannerOptions& options) {
  if (pain >= options.band_c_min_pain) return PainBand::kC;
  if (pain >= options.band_b_min_pain) return PainBand::kB;
  return PainBand::kA;
}

int ProgressedAerobicMax(int max_minutes, const PlannerOptions& options) {
  const int step = options.aerobic_minutes_step;
  const int grown = max_minutes * (100 + options.aerobic_growth_percent);
  const int rounded = step * ((grown + 100 * step - 1) / (100 * step));
  return std::min(options.aerobic_top_minutes, rounded);
}

std::vector<Exclusion> WeekContext::Exclusions(const Catalog& catalog) const {
  std::vector<Exclusion> result;
  result.reserve(exclusion.size() - static_cast<std::size_t>(
                                        std::count(eligible.begin(), eligible.end(), uint8_t{1})));
  for (std::size_t e = 0; e < exclusion.size(); ++e) {
    if (exclusion[e].empty()) continue;
    Exclusion entry{catalog.exercises()[e].id, exclusion[e], std::nullopt};
    if (!because[e].empty()) entry.because = because[e];
    result.push_back(std::move(entry));
  }
  return result;
}

absl::StatusOr<WeekContext> BuildWeekContext(const Catalog& catalog, const Profile& profile,
                                             const PlannerOptions& options,
                                             const WeekOverrides& overrides) {
  if (absl::Status s = ValidateOptions(options); !s.ok()) return s;
  BKB_RETURN_IF_ERROR(CheckProfileAgainstCatalog(profile, catalog));

  WeekContext ctx;
  const std::size_t n = catalog.size();
  ctx.band = BandOf(profile.pain, options);
  ctx.refer = !profile.red_flags.empty();
  ctx.fitness = profile.fitness;
  ctx.profile_availability = profile.availability;
  ctx.session_cap = options.session_cap_by_fitness[profile.fitness - 1];
  for (int d = 0; d < kDaysPerWeek; ++d) {
    ctx.availability[d] = std::min(profile.availability[d], ctx.session_cap);
  }

  for (const std::string& condition : profile.conditions) {
    if (auto rank = catalog.ConditionRank(condition)) ctx.condition_ranks.push_back(*rank);
  }
  // Derived conditions (section 3); listing late_pregnancy does not add pregnancy.
  if (profile.pain >= options.acute_flare_min_pain) {
    ctx.condition_ranks.push_back(*catalog.ConditionRank(kAcuteFlare));
  }
  if (profile.pregnancy_week && *profile.pregnancy_week >= options.late_pregnancy_week) {
    ctx.condition_ranks.push_back(*catalog.ConditionRank(kLatePregnancy));
  }
  ctx.pregnancy = Contains(profile.conditions, std::string(kPregnancy));
  std::sort(ctx.condition_ranks.begin(), ctx.condition_ranks.end());
  ctx.condition_ranks.erase(std::unique(ctx.condition_ranks.begin(), ctx.condition_ranks.end()),
                            ctx.condition_ranks.end());
  for (int rank : ctx.condition_ranks) ctx.condition_mask |= uint64_t{1} << rank;
  const bool has_conditions = !ctx.condition_ranks.empty();
  ctx.post_surgery = (ctx.condition_mask >> *catalog.ConditionRank(kPostSurgery)) & 1;

  // Targets (section 5).
  const BandTargets& band = options.bands[static_cast<int>(ctx.band)];
  ctx.targets.band = ctx.band;
  ctx.targets.by_category = band.minutes;
  // A first week starts within what the person can do: the first-week cap by fitness.
  const int first_week_cap = options.first_week_cap_by_fitness[profile.fitness - 1];
  ctx.targets.volume_cap = std::min(band.volume_cap, first_week_cap);
  ctx.first_week_cap = first_week_cap < band.volume_cap;
  ctx.targets.min_training_days = band.min_training_days;
  ctx.targets.max_training_days = band.max_training_days;

  // Feedback (section 8).
  ctx.worsened.assign(n, 0);
  ctx.progressed.assign(n, 0);
  ctx.at_top_dose.assign(n, 0);
  ctx.preferred.assign(n, 0);
  ctx.max_minutes.resize(n);
  ctx.dose.resize(n);
  for (std::size_t e = 0; e < n; ++e) {
    ctx.max_minutes[e] = catalog.exercises()[e].max_minutes;
    ctx.dose[e] = catalog.exercises()[e].dose;
  }
  // The base dose (section 8): the profile's `doses` entry, else the catalog's. An aerobic
  // item's entry changes nothing: its dose is its planned minutes.
  for (const auto& [id, dose] : profile.doses) {
    const std::optional<int> index = catalog.IndexOf(id);
    if (index && !catalog.exercises()[*index].IsAerobic()) ctx.dose[*index] = dose;
  }
  if (profile.history) {
    ctx.has_history = true;
    HistoryFacts facts = ReadHistory(catalog, *profile.history, options);
    ctx.completed_minutes = facts.completed_minutes;
    ctx.see_professional = facts.see_professional;
    ctx.worsened = facts.worsened;
    const int grown =
        options.history_cap_growth_num * facts.completed_minutes / options.history_cap_growth_den;
    ctx.targets.volume_cap = std::min(band.volume_cap, std::max(options.history_cap_floor, grown));
    ctx.first_week_cap = false;
    for (std::size_t e = 0; e < n; ++e) {
      const Exercise& exercise = catalog.exercises()[e];
      // The person's current dose: the one last week's plan carried, when it has the
      // base dose's form and section 2's ranges; a dose is held, never taken back.
      if (facts.last_dose[e] && DoseFitsItem(*facts.last_dose[e], ctx.dose[e])) {
        ctx.dose[e] = *facts.last_dose[e];
      }
      // A person's aerobic maximum: the catalog's, or last week's longest use when longer
      // (at most the top); that value is what progresses (section 8).
      if (exercise.IsAerobic()) {
        ctx.max_minutes[e] = std::min(options.aerobic_top_minutes,
                                      std::max(exercise.max_minutes, facts.most_minutes[e]));
        ctx.max_minutes[e] = std::max(ctx.max_minutes[e], exercise.max_minutes);
      }
      if (ctx.worsened[e]) {
        for (int r : catalog.compiled().regressions[e]) ctx.preferred[r] = 1;
        continue;
      }
      if (!facts.progresses[e]) continue;
      bool at_top = false;
      if (exercise.IsAerobic()) {
        at_top = ctx.max_minutes[e] >= options.aerobic_top_minutes;
        ctx.max_minutes[e] =
            std::max(ctx.max_minutes[e], ProgressedAerobicMax(ctx.max_minutes[e], options));
        ctx.progressed[e] = !at_top;
      } else if (ProgressesDose(exercise.category)) {
        const Dose stepped = StepDose(ctx.dose[e], options, at_top);
        ctx.progressed[e] = stepped != ctx.dose[e];
        ctx.dose[e] = stepped;
      }
      if (at_top) {
        ctx.at_top_dose[e] = 1;
        for (int p : catalog.compiled().progressions[e]) ctx.preferred[p] = 1;
      }
    }
  }
  // A programme's weeks (section 13): the week after a deload grows from the week before
  // the deload; a deload week sits at 70 % of its cap.
  if (overrides.cap_from_minutes) {
    const int grown = options.history_cap_growth_num * *overrides.cap_from_minutes /
                      options.history_cap_growth_den;
    ctx.targets.volume_cap = std::min(band.volume_cap, std::max(options.history_cap_floor, grown));
    ctx.first_week_cap = false;
  }
  if (overrides.deload) {
    ctx.targets.volume_cap = kDeloadCapNumerator * ctx.targets.volume_cap / kDeloadCapDenominator;
    ctx.first_week_cap = false;
  }
  ctx.see_doctor = profile.pain_persisting_days > options.see_doctor_after_days;
  for (const std::string& id : profile.prefer) {
    if (auto index = catalog.IndexOf(id)) ctx.preferred[*index] = 1;
  }
  ctx.preferred_count =
      static_cast<int>(std::count(ctx.preferred.begin(), ctx.preferred.end(), uint8_t{1}));

  // Eligibility (section 4): the named stage of the pipeline, in eligibility.cc.
  ApplyEligibility(catalog, profile, options, has_conditions, ctx);

  // Pins and train days (section 12). Their ids, days and forms are checked with the
  // profile; only a pin's minutes against this person's aerobic maximum (section 8)
  // needs the history read above.
  ProblemList pin_problems;
  for (std::size_t i = 0; i < profile.pins.size(); ++i) {
    const Pin& pin = profile.pins[i];
    const int e = *catalog.IndexOf(pin.exercise);
    if (pin.minutes &&
        !internal::DurationsOf(catalog.compiled().exercises[e], ctx.max_minutes[e], options)
             .Holds(*pin.minutes)) {
      pin_problems.Add(
          absl::StrCat("pins[", i, "].minutes"), "range",
          absl::StrCat("\"", pin.exercise, "\" takes a multiple of ", options.aerobic_minutes_step,
                       " in ", catalog.exercises()[e].min_minutes, "..", ctx.max_minutes[e],
                       " minutes for this person, got ", *pin.minutes));
    }
    ctx.pins.push_back({pin.day, e, pin.phase, pin.minutes});
    ctx.required_days |= 1u << pin.day;
  }
  if (!pin_problems.empty()) return pin_problems.ToStatus();
  for (int d : profile.train_days) ctx.train_days |= 1u << d;
  ctx.required_days |= ctx.train_days;

  // Weights (section 7); a category term whose target is 0 weighs nothing.
  const Goals& g = profile.goals;
  const auto target = [&](Category c) { return ctx.targets.by_category[int(c)]; };
  const auto weigh = [&](ScoreTerm term, double weight) { ctx.weights[int(term)] = weight; };
  weigh(ScoreTerm::kAerobic, target(Category::kAerobic) > 0 ? g.endurance : 0);
  weigh(ScoreTerm::kStrength, target(Category::kStrength) > 0 ? g.strength : 0);
  weigh(ScoreTerm::kFlexibility, target(Category::kFlexibility) > 0 ? g.flexibility : 0);
  weigh(ScoreTerm::kBalance, target(Category::kBalance) > 0 ? g.balance : 0);
  weigh(ScoreTerm::kRelaxation, target(Category::kRelaxation) > 0 ? g.stress_relief : 0);
  weigh(ScoreTerm::kStrengthDays, g.strength);
  weigh(ScoreTerm::kStrengthBalance, g.strength);
  weigh(ScoreTerm::kStretchBalance, g.flexibility);
  weigh(ScoreTerm::kVariety, options.variety_weight);
  weigh(ScoreTerm::kPreference, ctx.preferred_count > 0 ? options.preference_weight : 0);
  // `mix`, the least weighing category term: 0 when no category term weighs.
  bool any_category = false;
  for (int c = 0; c < kCategoryCount; ++c) any_category = any_category || ctx.weights[c] > 0;
  weigh(ScoreTerm::kMix, any_category ? options.mix_weight : 0);
  return ctx;
}

}  // namespace backbalance
