#include "solver/feasibility.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/model/hash_containers.h"
#include "internal/format.h"

namespace backbalance::internal {
namespace {

constexpr int kInfinity = std::numeric_limits<int>::max() / 4;

// Which rules the search enforces; relaxing one at a time tells which ones conflict.
struct Enforced {
  bool time = true;        // H2
  bool recovery = true;    // H5
  bool impact = true;      // H6
  bool repetition = true;  // H7
  bool volume = true;      // H8
};

// The least total of a set of distinct items reaching `need` minutes (0/1 knapsack
// cover), or kInfinity. `skip` leaves one item out.
int LeastCover(const std::vector<int>& minutes, int need, int skip = -1) {
  if (need <= 0) return 0;
  std::vector<int> best(need + 1, kInfinity);  // best[x]: least total reaching >= x
  best[0] = 0;
  for (int i = 0; i < static_cast<int>(minutes.size()); ++i) {
    if (i == skip) continue;
    const int m = minutes[i];
    for (int x = need; x >= 1; --x) {
      const int from = std::max(0, x - m);
      if (best[from] != kInfinity) best[x] = std::min(best[x], best[from] + m);
    }
  }
  return best[need];
}

// The least minutes of a cool-down (H4): at least `need` minutes holding a stretch.
// `minutes` are the eligible cool-down items', `stretch` marks the flexibility ones.
int LeastCooldown(const std::vector<int>& minutes, const std::vector<bool>& stretch, int need) {
  int best = kInfinity;
  for (int i = 0; i < static_cast<int>(minutes.size()); ++i) {
    if (!stretch[i]) continue;
    const int rest = LeastCover(minutes, need - minutes[i], i);
    if (rest < kInfinity) best = std::min(best, minutes[i] + rest);
  }
  return best;
}

class WeekSearch {
 public:
  WeekSearch(const WeekRules& rules, Enforced enforced, int64_t budget)
      : rules_(rules),
        c_(rules.compiled()),
        ctx_(rules.context()),
        enforced_(enforced),
        budget_(budget) {
    const int n = static_cast<int>(c_.exercises.size());
    uses_.assign(n, 0);
    // Constraint signatures: items alike in everything the rules read.
    StringMap<int> classes;
    klass_.assign(n, -1);
    least_.assign(n, 0);
    for (int e = 0; e < n; ++e) {
      least_[e] = rules.Durations(e).least;
      if (!ctx_.eligible[e] || least_[e] == 0) continue;
      const CompiledExercise& x = c_.exercises[e];
      const bool strength = x.category == Category::kStrength;
      const std::string key =
          absl::StrCat(least_[e], ",", x.phases, ",", x.category == Category::kFlexibility, ",",
                       int(x.impact), ",", strength ? x.primary : 0, ",",
                       strength ? x.recovery_days : 0, ",", strength, ",", x.max_per_week);
      klass_[e] = classes.try_emplace(key, static_cast<int>(classes.size())).first->second;
      for (Phase p : AllValues<Phase>()) {
        if (x.phases & PhaseBit(p)) candidates_[int(p)].push_back(e);
      }
    }
    // A lower bound on any session's minutes: days with less time cannot train, and
    // the days still to place need at least this much of the volume cap.
    std::array<std::vector<int>, 3> minutes;
    std::vector<bool> stretch;
    for (Phase p : AllValues<Phase>()) {
      for (int e : candidates_[int(p)]) minutes[int(p)].push_back(least_[e]);
    }
    for (int e : candidates_[int(Phase::kCooldown)]) {
      stretch.push_back(IsCooldownStretch(c_.exercises[e], Phase::kCooldown));
    }
    const PlannerOptions& o = rules.options();
    least_session_ = kInfinity;
    if (!minutes[int(Phase::kMain)].empty()) {
      least_session_ = std::min<int64_t>(
          kInfinity, int64_t{LeastCover(minutes[0], o.min_warmup_minutes)} +
                         *std::min_element(minutes[1].begin(), minutes[1].end()) +
                         LeastCooldown(minutes[2], stretch, o.min_cooldown_minutes));
    }
    for (int d = kDaysPerWeek - 1; d >= 0; --d) {
      const bool hostable = !enforced_.time || ctx_.availability[d] >= least_session_;
      hostable_from_[d] = hostable_from_[d + 1] + hostable;
    }
    // Least constraining first: low impact, no recovery, short, often repeatable.
    for (auto& list : candidates_) {
      std::stable_sort(list.begin(), list.end(), [&](int a, int b) { return Rank(a) < Rank(b); });
    }
  }

  // True when a week was found (in week()); false when the space is exhausted.
  // exhausted_budget() tells whether the search stopped early instead.
  bool Run() {
    const int min_days = ctx_.refer ? 0 : ctx_.targets.min_training_days;
    if (min_days > ctx_.targets.max_training_days) return false;
    return PlaceDay(0, min_days);
  }
  const SearchWeek& week() const { return week_; }
  bool exhausted_budget() const { return nodes_ > budget_; }
  int64_t nodes() const { return nodes_; }

 private:
  std::tuple<int, int, int, int> Rank(int e) const {
    const CompiledExercise& x = c_.exercises[e];
    return {int(x.impact), RecoveryApplies(x), least_[e], -x.max_per_week};
  }

  bool PlaceDay(int d, int remaining) {
    if (++nodes_ > budget_) return false;
    if (remaining == 0) return WeekHolds();
    if (hostable_from_[d] < remaining) return false;
    if (enforced_.volume &&
        total_ + static_cast<int64_t>(remaining) * least_session_ > ctx_.targets.volume_cap) {
      return false;
    }
    if (PlaceDay(d + 1, remaining)) return true;  // rest on day d
    if (exhausted_budget()) return false;
    if (hostable_from_[d] == hostable_from_[d + 1]) return false;  // no time on day d
    return PickMain(d, remaining);
  }

  bool PickMain(int d, int remaining) {
    std::vector<std::pair<int, int>> tried;
    for (int e : candidates_[int(Phase::kMain)]) {
      if (!Usable(e) || Seen(tried, e)) continue;
      if (!Add(d, e, Phase::kMain)) continue;
      if (PickCover(d, remaining, Phase::kWarmup, 0, 0)) return true;  // keep the week
      Remove(d, e);
      if (exhausted_budget()) return false;
    }
    return false;
  }

  // Adds items of `phase` (from candidate position `from`) until they total the
  // phase's minimum; then moves on to the cooldown, then to the next day.
  bool PickCover(int d, int remaining, Phase phase, std::size_t from, int have) {
    if (++nodes_ > budget_) return false;
    const int need = phase == Phase::kWarmup ? rules_.options().min_warmup_minutes
                                             : rules_.options().min_cooldown_minutes;
    // A cool-down is complete with its minutes and a stretch (H4).
    if (have >= need && (phase == Phase::kWarmup || HasStretch(d))) {
      if (phase == Phase::kWarmup) return PickCover(d, remaining, Phase::kCooldown, 0, 0);
      return DayHolds(d) && PlaceDay(d + 1, remaining - 1);
    }
    const auto& list = candidates_[int(phase)];
    std::vector<std::pair<int, int>> tried;
    for (std::size_t i = from; i < list.size(); ++i) {
      const int e = list[i];
      if (!Usable(e) || InDay(d, e) || Seen(tried, e)) continue;
      if (!Add(d, e, phase)) continue;
      if (PickCover(d, remaining, phase, i + 1, have + least_[e])) {
        return true;  // keep the week
      }
      Remove(d, e);
      if (exhausted_budget()) return false;
    }
    return false;
  }

  // Interchangeable with an item already tried at this choice?
  bool Seen(std::vector<std::pair<int, int>>& tried, int e) const {
    const std::pair<int, int> key = {klass_[e], uses_[e]};
    if (std::find(tried.begin(), tried.end(), key) != tried.end()) return true;
    tried.push_back(key);
    return false;
  }

  bool HasStretch(int d) const {
    for (const Use& u : week_.days[d]) {
      if (IsCooldownStretch(c_.exercises[u.exercise], u.phase)) return true;
    }
    return false;
  }

  bool Usable(int e) const {
    return !enforced_.repetition || uses_[e] < c_.exercises[e].max_per_week;
  }
  bool InDay(int d, int e) const {
    for (const Use& u : week_.days[d]) {
      if (u.exercise == e) return true;
    }
    return false;
  }

  // Adds a use and checks what it can break at once: time, volume, recovery, impact.
  bool Add(int d, int e, Phase phase) {
    week_.Insert(d, {e, phase, least_[e]});
    ++uses_[e];
    total_ += least_[e];
    if (PartialHolds(d)) return true;
    Remove(d, e);
    return false;
  }
  void Remove(int d, int e) {
    auto& day = week_.days[d];
    auto it = std::find_if(day.begin(), day.end(), [e](const Use& u) { return u.exercise == e; });
    total_ -= it->minutes;
    day.erase(it);
    --uses_[e];
  }

  bool PartialHolds(int d) const {
    if (enforced_.time && week_.DayMinutes(d) > ctx_.availability[d]) return false;
    if (enforced_.volume && total_ > ctx_.targets.volume_cap) return false;
    if (WarmupMinutes(d) > rules_.options().max_warmup_minutes) return false;  // H4
    if (enforced_.impact || enforced_.recovery) return WeekHolds();
    return true;
  }
  int WarmupMinutes(int d) const {
    int minutes = 0;
    for (const Use& u : week_.days[d]) minutes += u.phase == Phase::kWarmup ? u.minutes : 0;
    return minutes;
  }
  bool DayHolds(int /*d*/) const { return true; }  // structure holds by construction
  // H5 and H6 over the days placed so far (cyclic).
  bool WeekHolds() const {
    return CrossDayRulesHold(week_, c_, enforced_.recovery, enforced_.impact);
  }

  const WeekRules& rules_;
  const CompiledCatalog& c_;
  const WeekContext& ctx_;
  Enforced enforced_;
  int64_t budget_;
  int64_t nodes_ = 0;
  SearchWeek week_;
  std::vector<int> uses_;
  int total_ = 0;
  std::vector<int> klass_;
  std::vector<int> least_;  // the least minutes of a use (H9); 0: the item cannot be used
  std::array<std::vector<int>, 3> candidates_;
  int least_session_ = 0;
  std::array<int, kDaysPerWeek + 1> hostable_from_{};  // days d.. with time for a session
};

std::string DayCount(int n) { return absl::StrCat(n, n == 1 ? " day" : " days"); }

// Necessary conditions, each a proof of infeasibility on its own.
std::vector<Diagnosis> NecessaryConditions(const WeekRules& rules) {
  const CompiledCatalog& c = rules.compiled();
  const WeekContext& ctx = rules.context();
  const PlannerOptions& options = rules.options();
  const int min_days = ctx.targets.min_training_days;
  std::vector<Diagnosis> found;
  if (min_days > ctx.targets.max_training_days) {
    found.push_back({"training_days_range",
                     internal::Format("the options ask for at least %d and at most %d training "
                                      "days; raise the maximum or lower the minimum",
                                      min_days, ctx.targets.max_training_days)});
    return found;
  }
  if (min_days == 0) return found;

  std::array<std::vector<int>, 3> minutes;  // least minutes of eligible items per phase
  std::array<int, 3> capacity{};            // uses per week available per phase
  std::vector<bool> stretch;                // by cool-down item: a flexibility item
  int stretch_capacity = 0;
  for (std::size_t e = 0; e < c.exercises.size(); ++e) {
    const int least = rules.Durations(static_cast<int>(e)).least;
    if (!ctx.eligible[e] || least == 0) continue;
    for (Phase p : AllValues<Phase>()) {
      if (c.exercises[e].phases & PhaseBit(p)) {
        minutes[int(p)].push_back(least);
        capacity[int(p)] += c.exercises[e].max_per_week;
      }
    }
    if (c.exercises[e].phases & PhaseBit(Phase::kCooldown)) {
      const bool is_stretch = IsCooldownStretch(c.exercises[e], Phase::kCooldown);
      stretch.push_back(is_stretch);
      stretch_capacity += is_stretch ? c.exercises[e].max_per_week : 0;
    }
  }
  const int eligible_count =
      static_cast<int>(std::count(ctx.eligible.begin(), ctx.eligible.end(), uint8_t{1}));
  const char* phase_words[3] = {"warm-up", "main", "cool-down"};
  if (minutes[int(Phase::kWarmup)].empty()) {
    found.push_back(
        {"no_dynamic_warmup",
         internal::Format("no dynamic warm-up exercise (aerobic work, or a mobility drill done "
                          "as repetitions) is eligible for this profile (%d of %d catalog "
                          "exercises are eligible); add equipment such as a mat, remove "
                          "exclusions, or use a catalog with gentle warm-up exercises",
                          eligible_count, c.exercises.size())});
  }
  if (minutes[int(Phase::kMain)].empty()) {
    found.push_back(
        {"no_main_item",
         internal::Format("no main exercise is eligible for this profile (%d of %d catalog "
                          "exercises are eligible); add equipment such as a mat, remove "
                          "exclusions, or use a catalog with gentler exercises",
                          eligible_count, c.exercises.size())});
  }
  if (std::find(stretch.begin(), stretch.end(), true) == stretch.end()) {
    found.push_back(
        {"no_cooldown_stretch",
         internal::Format("no stretch (a flexibility exercise for the cool-down) is eligible "
                          "for this profile, and every session ends with one (%d of %d "
                          "catalog exercises are eligible); add equipment such as a mat, "
                          "remove exclusions, clear a stretch, or use a catalog with gentle "
                          "standing or seated stretches",
                          eligible_count, c.exercises.size())});
  }
  if (!found.empty()) return found;

  const int warmup = LeastCover(minutes[int(Phase::kWarmup)], options.min_warmup_minutes);
  const int cooldown =
      LeastCooldown(minutes[int(Phase::kCooldown)], stretch, options.min_cooldown_minutes);
  if (warmup >= kInfinity) {
    found.push_back({"warmup_too_short",
                     internal::Format("the eligible warm-up exercises cannot fill the %d minutes "
                                      "a warm-up needs",
                                      options.min_warmup_minutes)});
  } else if (warmup > options.max_warmup_minutes) {
    found.push_back({"warmup_too_long",
                     internal::Format("the shortest warm-up the eligible exercises make lasts "
                                      "%d minutes, over the %d-minute limit of a warm-up",
                                      warmup, options.max_warmup_minutes)});
  }
  if (cooldown >= kInfinity) {
    found.push_back({"cooldown_too_short",
                     internal::Format("the eligible cool-down exercises cannot fill the %d "
                                      "minutes a cool-down needs with a stretch among them",
                                      options.min_cooldown_minutes)});
  }
  if (!found.empty()) return found;

  const int least_main =
      *std::min_element(minutes[int(Phase::kMain)].begin(), minutes[int(Phase::kMain)].end());
  const int session = warmup + least_main + cooldown;  // a lower bound on any session
  if (session > ctx.session_cap) {
    found.push_back(
        {"session_cap",
         internal::Format("the shortest session the eligible exercises make (warm-up, one "
                          "exercise, cool-down) lasts %d minutes, over the %d-minute session "
                          "cap for fitness %d; shorter exercises, or the option "
                          "session_cap_by_fitness, would allow a plan",
                          session, ctx.session_cap, ctx.fitness)});
    return found;
  }
  int days_with_time = 0;
  for (int minutes_free : ctx.availability) days_with_time += minutes_free >= session;
  if (days_with_time < min_days) {
    found.push_back(
        {"too_few_days",
         internal::Format("only %s %s %d or more minutes available; a plan needs at least %d "
                          "training days of at least %d minutes (warm-up, one exercise, "
                          "cool-down); free more time on %s",
                          DayCount(days_with_time), days_with_time == 1 ? "has" : "have", session,
                          min_days, session, DayCount(min_days - days_with_time))});
  }
  if (min_days * session > ctx.targets.volume_cap) {
    if (ctx.has_history) {
      found.push_back(
          {"volume_cap",
           internal::Format("this week's volume cap is %d minutes (10%% more than the %d "
                            "minutes completed last week, at least %d); %d sessions need "
                            "at least %d minutes; complete more of the plan first",
                            ctx.targets.volume_cap, ctx.completed_minutes,
                            options.history_cap_floor, min_days, min_days * session)});
    } else if (ctx.first_week_cap) {
      found.push_back(
          {"first_week_cap",
           internal::Format("a first week for fitness %d holds at most %d minutes, below the "
                            "%d minutes that %d minimal sessions need; shorter exercises, or "
                            "the option first_week_cap_by_fitness, would allow a plan",
                            ctx.fitness, ctx.targets.volume_cap, min_days * session, min_days)});
    } else {
      found.push_back(
          {"volume_cap",
           internal::Format("the volume cap of %d minutes is below the %d minutes that %d "
                            "minimal sessions need",
                            ctx.targets.volume_cap, min_days * session, min_days)});
    }
  }
  if (stretch_capacity < min_days) {
    found.push_back(
        {"cooldown_stretch_repetition",
         internal::Format("the eligible stretches may be used on %d days of the week in all, "
                          "fewer than the %d training days a plan needs (each cool-down holds "
                          "a stretch)",
                          stretch_capacity, min_days)});
  }
  for (Phase p : AllValues<Phase>()) {
    if (capacity[int(p)] < min_days) {
      found.push_back(
          {std::string(ToName(p)) + "_repetition",
           internal::Format("the eligible %s exercises may be used on %d days of the week in "
                            "all, fewer than the %d training days a plan needs",
                            phase_words[int(p)], capacity[int(p)], min_days)});
    }
  }
  return found;
}

}  // namespace

Feasibility AnalyseFeasibility(const WeekRules& rules, int64_t node_budget) {
  Feasibility result;
  result.diagnosis = NecessaryConditions(rules);
  if (!result.diagnosis.empty()) {
    result.verdict = Feasibility::Verdict::kInfeasible;
    return result;
  }
  WeekSearch search(rules, Enforced{}, node_budget);
  const bool found = search.Run();
  result.nodes = search.nodes();
  if (found) {
    result.verdict = Feasibility::Verdict::kFeasible;
    result.week = search.week();
    return result;
  }
  if (search.exhausted_budget()) return result;  // kUndetermined

  // Proven infeasible. Name the rules whose relaxation alone would admit a week.
  result.verdict = Feasibility::Verdict::kInfeasible;
  struct Relaxation {
    bool Enforced::*rule;
    const char* code;
    const char* text;
  };
  const Relaxation relaxations[] = {
      {&Enforced::time, "daily_time",
       "the minutes available on the days left after spacing sessions are too few"},
      {&Enforced::recovery, "recovery",
       "the eligible strength exercises need rest days for the same muscles that the "
       "week cannot give"},
      {&Enforced::impact, "impact_spacing",
       "the eligible exercises are moderate or high impact and may not be on "
       "consecutive days"},
      {&Enforced::repetition, "repetition",
       "the eligible exercises may not be repeated on enough days of the week"},
      {&Enforced::volume, "volume_cap", "the weekly volume cap is too low for the sessions"},
  };
  const int min_days = rules.context().targets.min_training_days;
  for (const Relaxation& r : relaxations) {
    Enforced enforced;
    enforced.*(r.rule) = false;
    WeekSearch relaxed(rules, enforced, node_budget);
    if (relaxed.Run()) {
      result.diagnosis.push_back(
          {r.code,
           internal::Format("%s; a plan needs at least %d training days", r.text, min_days)});
    }
  }
  if (result.diagnosis.empty()) {
    result.diagnosis.push_back(
        {"rules_conflict",
         internal::Format("no week of %d training days meets the time per day, recovery, "
                          "impact spacing, repetition and volume rules together with the "
                          "eligible exercises; more time, equipment or fewer exclusions help",
                          min_days)});
  }
  return result;
}

}  // namespace backbalance::internal
