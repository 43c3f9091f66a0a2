#include "backbalance/solver/evaluate.h"

#include <algorithm>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "internal/format.h"
#include "internal/status_macros.h"
#include "solver/search_week.h"

namespace backbalance {
namespace {

std::string DayName(int day) { return std::string(kDayNames[day]); }

// A plan item resolved against the catalog: -1 when its id is unknown.
struct ResolvedItem {
  const PlanItem* item;
  int exercise;
};

class Judge {
 public:
  Judge(const Catalog& catalog, const WeekContext& ctx, const Plan& plan,
        const PlannerOptions& options)
      : catalog_(catalog), ctx_(ctx), options_(options) {
    for (int d = 0; d < kDaysPerWeek; ++d) {
      week_[d].reserve(plan.days[d].items.size());
      for (const PlanItem& item : plan.days[d].items) {
        const std::optional<int> index = catalog.IndexOf(item.exercise);
        week_[d].push_back({&item, index ? *index : -1});
      }
    }
  }

  Evaluation Run(EvaluationDetail detail) {
    Evaluation ev;
    if (detail == EvaluationDetail::kFull) ev.excluded = ctx_.Exclusions(catalog_);
    CheckEligibility();
    CheckTime();
    CheckFrequency();
    CheckStructure();
    CheckRecovery();
    CheckImpact();
    CheckRepetition();
    CheckVolume();
    CheckDuration();
    CheckPins();
    ev.violations = std::move(violations_);
    ev.valid = ev.violations.empty();
    Score(ev);
    return ev;
  }

 private:
  const CompiledExercise& Compiled(int e) const { return catalog_.compiled().exercises[e]; }
  const std::string& Id(int e) const { return catalog_.exercises()[e].id; }
  bool Training(int d) const { return !week_[d].empty(); }

  // One entry per offending instance (rule, day, exercise), section 10: a second problem
  // of the same instance (a cool-down both too short and without a stretch) joins the
  // first entry's detail.
  void Violate(const char* rule, std::optional<int> day, std::optional<std::string> exercise,
               std::string detail) {
    for (Violation& v : violations_) {
      if (v.rule == rule && v.day == day && v.exercise == exercise) {
        absl::StrAppend(&v.detail, "; ", detail);
        return;
      }
    }
    violations_.push_back({rule, day, std::move(exercise), std::move(detail)});
  }

  // H1: only eligible items.
  void CheckEligibility() {
    for (int d = 0; d < kDaysPerWeek; ++d) {
      for (const ResolvedItem& r : week_[d]) {
        if (r.exercise < 0) {
          Violate("H1", d, r.item->exercise,
                  internal::Format("\"%s\" is not in the catalog", r.item->exercise));
        } else if (!ctx_.eligible[r.exercise]) {
          Violate("H1", d, r.item->exercise,
                  internal::Format("\"%s\" is not eligible for this profile (%s)", r.item->exercise,
                                   ctx_.exclusion[r.exercise]));
        }
      }
    }
  }

  // H2: a day's session fits the time available that day.
  void CheckTime() {
    for (int d = 0; d < kDaysPerWeek; ++d) {
      int minutes = 0;
      for (const ResolvedItem& r : week_[d]) minutes += r.item->minutes;
      if (minutes > ctx_.availability[d]) {
        Violate("H2", d, std::nullopt,
                ctx_.availability[d] < ctx_.profile_availability[d]
                    ? internal::Format("%s holds %d minutes; a session for fitness %d lasts at "
                                       "most %d minutes",
                                       DayName(d), minutes, ctx_.fitness, ctx_.session_cap)
                    : internal::Format("%s holds %d minutes, %d are available", DayName(d), minutes,
                                       ctx_.availability[d]));
      }
    }
  }

  // H3: training days within the band's range; a referral needs no minimum.
  void CheckFrequency() {
    int days = 0;
    for (int d = 0; d < kDaysPerWeek; ++d) days += Training(d);
    const int min_days = ctx_.refer ? 0 : ctx_.targets.min_training_days;
    const int max_days = ctx_.targets.max_training_days;
    if (days < min_days || days > max_days) {
      Violate("H3", std::nullopt, std::nullopt,
              internal::Format("%d training days; band %s needs %d to %d", days, ToName(ctx_.band),
                               min_days, max_days));
    }
  }

  // H4: one session a training day: warmup, main, cooldown in order, warmup and
  // cooldown long enough, a main item, each exercise once, in a phase it allows.
  void CheckStructure() {
    std::vector<int> seen;  // a day holds a handful of items: a scan beats hashing
    std::size_t most = 0;
    for (const auto& day : week_) most = std::max(most, day.size());
    seen.reserve(most);
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (!Training(d)) continue;
      int phase_minutes[3] = {0, 0, 0};
      int main_items = 0;
      int stretches = 0;
      int latest_phase = 0;
      seen.clear();  // one buffer for every day
      for (const ResolvedItem& r : week_[d]) {
        if (r.exercise < 0) continue;  // an unknown item only breaks H1
        const Phase phase = r.item->phase;
        const int p = static_cast<int>(phase);
        if (!(Compiled(r.exercise).phases & PhaseBit(phase))) {
          Violate("H4", d, r.item->exercise,
                  internal::Format("\"%s\" may not be placed in the %s phase", r.item->exercise,
                                   ToName(phase)));
        }
        if (p < latest_phase) {
          Violate("H4", d, r.item->exercise,
                  internal::Format("\"%s\" (%s) comes after a %s item", r.item->exercise,
                                   ToName(phase), ToName(static_cast<Phase>(latest_phase))));
        }
        latest_phase = std::max(latest_phase, p);
        if (std::find(seen.begin(), seen.end(), r.exercise) != seen.end()) {
          Violate("H4", d, r.item->exercise,
                  internal::Format("\"%s\" appears more than once on %s", r.item->exercise,
                                   DayName(d)));
        }
        seen.push_back(r.exercise);
        phase_minutes[p] += r.item->minutes;
        if (phase == Phase::kMain) ++main_items;
        stretches += internal::IsCooldownStretch(Compiled(r.exercise), phase);
      }
      const int warmup = phase_minutes[int(Phase::kWarmup)];
      if (warmup < options_.min_warmup_minutes || warmup > options_.max_warmup_minutes) {
        Violate("H4", d, std::nullopt,
                internal::Format("%s: warm-up totals %d minutes; it needs %d to %d", DayName(d),
                                 warmup, options_.min_warmup_minutes, options_.max_warmup_minutes));
      }
      if (main_items == 0) {
        Violate("H4", d, std::nullopt, internal::Format("%s has no main item", DayName(d)));
      }
      if (phase_minutes[int(Phase::kCooldown)] < options_.min_cooldown_minutes) {
        Violate(
            "H4", d, std::nullopt,
            internal::Format("%s: cool-down totals %d minutes, at least %d needed", DayName(d),
                             phase_minutes[int(Phase::kCooldown)], options_.min_cooldown_minutes));
      }
      if (stretches == 0) {
        Violate("H4", d, std::nullopt,
                internal::Format("%s: the cool-down holds no stretch (a flexibility item)",
                                 DayName(d)));
      }
    }
  }

  // H5: a strength item's primary muscles rest ceil(rest_hours/24)-1 days after it.
  void CheckRecovery() {
    std::vector<std::pair<int, int>> reported;  // (day, exercise)
    for (int later = 0; later < kDaysPerWeek; ++later) {
      for (const ResolvedItem& r : week_[later]) {
        if (r.exercise < 0 || Compiled(r.exercise).category != Category::kStrength) continue;
        std::optional<std::string> cause;
        for (int k = 1; k < kDaysPerWeek && !cause; ++k) {
          const int earlier = (later - k + kDaysPerWeek) % kDaysPerWeek;
          for (const ResolvedItem& before : week_[earlier]) {
            if (before.exercise < 0) continue;
            if (internal::RecoveryClash(Compiled(before.exercise), k, Compiled(r.exercise))) {
              cause = internal::Format(
                  "\"%s\" on %s trains muscles that \"%s\" on %s left %d h to recover",
                  r.item->exercise, DayName(later), Id(before.exercise), DayName(earlier),
                  catalog_.exercises()[before.exercise].rest_hours);
              break;
            }
          }
        }
        if (cause && std::find(reported.begin(), reported.end(),
                               std::make_pair(later, r.exercise)) == reported.end()) {
          reported.emplace_back(later, r.exercise);
          Violate("H5", later, r.item->exercise, *cause);
        }
      }
    }
  }

  // H6: no two consecutive days (cyclically) with moderate or high impact; high impact
  // on at most two days.
  void CheckImpact() {
    std::array<std::optional<int>, kDaysPerWeek> jarring;  // first moderate/high item
    std::array<std::optional<int>, kDaysPerWeek> high;     // first high item
    for (int d = 0; d < kDaysPerWeek; ++d) {
      for (const ResolvedItem& r : week_[d]) {
        if (r.exercise < 0) continue;
        const Impact impact = Compiled(r.exercise).impact;
        if (internal::Jarring(impact) && !jarring[d]) jarring[d] = r.exercise;
        if (impact == Impact::kHigh && !high[d]) high[d] = r.exercise;
      }
    }
    for (int d = 0; d < kDaysPerWeek; ++d) {
      const int next = (d + 1) % kDaysPerWeek;
      if (jarring[d] && jarring[next]) {
        Violate("H6", next, Id(*jarring[next]),
                internal::Format("moderate or high impact on consecutive days %s and %s",
                                 DayName(d), DayName(next)));
      }
    }
    int high_days = 0;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (!high[d]) continue;
      if (++high_days > internal::kMaxHighImpactDays) {
        Violate("H6", d, Id(*high[d]),
                internal::Format("high impact on %s is the %d%s high-impact day; at most %d",
                                 DayName(d), high_days, high_days == 3 ? "rd" : "th",
                                 internal::kMaxHighImpactDays));
      }
    }
  }

  // H7: each item on at most max_per_week distinct days.
  void CheckRepetition() {
    // Each exercise with the days it is used on (bit d), in order of first use; a week
    // holds a few dozen uses, so a scan beats hashing, and one buffer holds them all.
    std::vector<std::pair<int, unsigned>> days_of;
    days_of.reserve(TotalUses());
    for (int d = 0; d < kDaysPerWeek; ++d) {
      for (const ResolvedItem& r : week_[d]) {
        if (r.exercise < 0) continue;
        auto it = std::find_if(days_of.begin(), days_of.end(),
                               [&r](const auto& entry) { return entry.first == r.exercise; });
        if (it == days_of.end()) it = days_of.insert(days_of.end(), {r.exercise, 0u});
        it->second |= 1u << d;
      }
    }
    for (const auto& [e, days] : days_of) {
      const int limit = Compiled(e).max_per_week;
      // One entry per offending (day, exercise): every day beyond the limit, as H6 does
      // for high-impact days beyond the second.
      std::size_t i = 0;  // the days of use so far
      for (int d = 0; d < kDaysPerWeek; ++d) {
        if (!((days >> d) & 1u) || i++ < static_cast<std::size_t>(limit)) continue;
        Violate("H7", d, Id(e),
                internal::Format("\"%s\" on %s is its day %d of use; at most %d", Id(e), DayName(d),
                                 i, limit));
      }
    }
  }

  // H8: the week's minutes within the volume cap.
  void CheckVolume() {
    const int total = TotalMinutes();
    if (total > ctx_.targets.volume_cap) {
      Violate("H8", std::nullopt, std::nullopt,
              internal::Format("the week holds %d minutes, the cap is %d", total,
                               ctx_.targets.volume_cap));
    }
  }

  // H9: aerobic minutes in [min, max] in steps; other items take their catalog minutes.
  void CheckDuration() {
    for (int d = 0; d < kDaysPerWeek; ++d) {
      for (const ResolvedItem& r : week_[d]) {
        if (r.exercise < 0) continue;
        const CompiledExercise& e = Compiled(r.exercise);
        const int minutes = r.item->minutes;
        if (e.category == Category::kAerobic) {
          const int max = ctx_.max_minutes[r.exercise];
          if (!internal::DurationsOf(e, max, options_).Holds(minutes)) {
            Violate("H9", d, r.item->exercise,
                    internal::Format("\"%s\" takes %d minutes; it needs a multiple of %d in %d..%d",
                                     r.item->exercise, minutes, options_.aerobic_minutes_step,
                                     e.min_minutes, max));
          }
        } else if (minutes != e.minutes) {
          Violate("H9", d, r.item->exercise,
                  internal::Format("\"%s\" takes %d minutes; the catalog says %d", r.item->exercise,
                                   minutes, e.minutes));
        }
      }
    }
  }

  // H10: each pin held (its day holds the exercise, in its phase and minutes where
  // given), each train day trained. A red-flag profile has no plan: H10 does not apply.
  void CheckPins() {
    if (ctx_.refer) return;
    for (const PinnedUse& pin : ctx_.pins) {
      const bool held =
          std::any_of(week_[pin.day].begin(), week_[pin.day].end(), [&pin](const ResolvedItem& r) {
            return internal::PinHeldBy(pin, r.exercise, r.item->phase, r.item->minutes);
          });
      if (held) continue;
      std::string what =
          internal::Format("\"%s\" is pinned on %s", Id(pin.exercise), DayName(pin.day));
      if (pin.phase) absl::StrAppend(&what, " in the ", std::string(ToName(*pin.phase)), " phase");
      if (pin.minutes) absl::StrAppend(&what, " for ", *pin.minutes, " minutes");
      Violate("H10", pin.day, Id(pin.exercise), what + "; the plan does not hold it so");
    }
    for (int d = 0; d < kDaysPerWeek; ++d) {
      if (internal::IsTrainDay(ctx_, d) && !Training(d)) {
        Violate("H10", d, std::nullopt,
                internal::Format("%s is a training day (train_days); the plan rests", DayName(d)));
      }
    }
  }

  std::size_t TotalUses() const {
    std::size_t uses = 0;
    for (const auto& day : week_) uses += day.size();
    return uses;
  }

  int TotalMinutes() const {
    int total = 0;
    for (const auto& day : week_) {
      for (const ResolvedItem& r : day) total += r.item->minutes;
    }
    return total;
  }

  // The score uses the model's formula, fed with the catalog items only; unknown items
  // count for the minute penalty alone (section 10).
  void Score(Evaluation& ev) const {
    internal::SearchWeek known;
    for (int d = 0; d < kDaysPerWeek; ++d) {
      known.days[d].reserve(week_[d].size());
      for (const ResolvedItem& r : week_[d]) {
        if (r.exercise >= 0) known.days[d].push_back({r.exercise, r.item->phase, r.item->minutes});
      }
    }
    const internal::ScoreBreakdown breakdown =
        internal::WeekRules(catalog_, ctx_, options_).Breakdown(known, TotalMinutes());
    ev.score_terms = breakdown.terms;
    ev.penalties = breakdown.penalties;
    ev.score = breakdown.score;
  }

  const Catalog& catalog_;
  const WeekContext& ctx_;
  const PlannerOptions& options_;
  std::array<std::vector<ResolvedItem>, kDaysPerWeek> week_;
  std::vector<Violation> violations_;
};

}  // namespace

Evaluation EvaluateInContext(const Catalog& catalog, const WeekContext& context, const Plan& plan,
                             const PlannerOptions& options, EvaluationDetail detail) {
  return Judge(catalog, context, plan, options).Run(detail);
}

absl::StatusOr<Evaluation> Evaluate(const Catalog& catalog, const Profile& profile,
                                    const Plan& plan, const PlannerOptions& options) try {
  BKB_ASSIGN_OR_RETURN(const WeekContext context, BuildWeekContext(catalog, profile, options));
  return EvaluateInContext(catalog, context, plan, options);
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory evaluating a week");
}

absl::StatusOr<std::vector<Exclusion>> ExcludedExercises(const Catalog& catalog,
                                                         const Profile& profile,
                                                         const PlannerOptions& options) try {
  BKB_ASSIGN_OR_RETURN(const WeekContext context, BuildWeekContext(catalog, profile, options));
  return context.Exclusions(catalog);
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory judging eligibility");
}

}  // namespace backbalance
