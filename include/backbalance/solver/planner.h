// File: backbalance/solver/planner.h
//
// Planner: plans weeks from one compiled catalog (plan model sections 4-10).
//
//   std::shared_ptr<const Catalog> catalog = Catalog::Builtin();
//   absl::StatusOr<Planner> planner = Planner::Create(catalog);
//   absl::StatusOr<Plan> week = planner->PlanWeek(profile);
//   // week->status is ok, infeasible (with a diagnosis) or refer (red flags).
//
// Thread-safety: a Planner is immutable after Create(); its const methods may run on
// many threads at once. With backend "exact", the CBC solves of one planner (and of its
// copies) run one at a time, because CBC itself is not thread-safe: threads that plan
// with the exact backend should share one planner or copies of it. Memory model: it
// shares ownership of the catalog; a returned Plan owns all its data. Determinism: the same
// catalog, options and profile (seed included) give the same plan, byte for byte, unless a time
// limit cut the search short (the plan's solver.cut_short says so).
#ifndef BACKBALANCE_SOLVER_PLANNER_H_
#define BACKBALANCE_SOLVER_PLANNER_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/model/alternatives.h"
#include "backbalance/model/evaluation.h"
#include "backbalance/model/options.h"
#include "backbalance/model/plan.h"
#include "backbalance/model/profile.h"
#include "backbalance/model/programme.h"
#include "backbalance/model/progress.h"

namespace backbalance {

// A programme week's departures from section 5 (src/solver/week_context.h).
struct WeekOverrides;

// The profile for next week (the input with `history` set to last week's plan and its
// feedback, nothing else changed) and the plan made for it (section 8).
struct NextWeekPlan {
  Profile profile;
  Plan plan;
};

// kInvalidArgument naming each option out of range (`weeks: range: ...`).
absl::Status ValidateProgrammeOptions(const ProgrammeOptions& options);

// Checks that a journal's weeks chain (plan model 13.1): each week after the first has
// `profile.history` (`weeks[3].profile.history: chain`) whose plan equals the previous
// week's plan (`weeks[3].profile.history.plan: chain`) and whose feedback equals the
// previous week's feedback as a multiset (`weeks[3].profile.history.feedback: chain`);
// each week's feedback names uses of its own plan, once (`weeks[2].feedback[0]:
// unknown_use`, `duplicate_use`); at least one week (`weeks: length`).
absl::Status CheckJournal(const Journal& journal);

class Planner {
 public:
  // kInvalidArgument names each bad option (`options.<field>: range: ...`).
  static absl::StatusOr<Planner> Create(std::shared_ptr<const Catalog> catalog,
                                        PlannerOptions options = {});

  // The best week the model allows for `profile`, with status ok; or status infeasible
  // with a diagnosis when no week satisfies H1-H10; or status refer when the profile
  // has a red flag. An error (kInvalidArgument) means bad input: the profile names ids
  // or conditions the catalog does not know. kUnimplemented for the exact backend in a
  // build without CBC. kResourceExhausted when memory runs out (this, Evaluate and
  // NextWeek never throw std::bad_alloc).
  absl::StatusOr<Plan> PlanWeek(const Profile& profile) const;

  // Evaluate (backbalance/solver/evaluate.h) with this planner's catalog and options.
  absl::StatusOr<Evaluation> Evaluate(const Profile& profile, const Plan& plan) const;

  // Adapts to last week: `plan` is the week the person was given, `feedback` how its
  // uses went. kInvalidArgument when feedback names a use the plan does not hold
  // (`history.feedback[i]: unknown_use: ...`) or names one use twice.
  absl::StatusOr<NextWeekPlan> NextWeek(const Profile& profile, const Plan& plan,
                                        const std::vector<Feedback>& feedback) const;

  // Clinician control (plan model 12, 12.1). The profile's `pins` and `train_days` are
  // honoured by PlanWeek and NextWeek too (rule H10; a pin eligibility excludes, or pins
  // no valid week can hold, give status infeasible with `pinned_ineligible` or
  // `pins_conflict`).

  // The valid week (H1-H10) at the least distance from `plan` (12.1 "Repair"), the best
  // score among those, with `changes` set (day, then exercise order). A week that is
  // already valid comes back as given with `changes` empty. Status infeasible (with a
  // diagnosis, `changes` unset) when no valid week exists, refer for a red-flag profile.
  // kInvalidArgument for a bad profile, as PlanWeek.
  absl::StatusOr<Plan> Repair(const Profile& profile, const Plan& plan) const;

  // The week under way (12.1 "Replan"): days before `from_day` as they happened (with
  // `feedback`, only the uses whose entry says completed; without, as planned), days
  // from_day..6 planned afresh for the best score of the whole week, every rule kept
  // across the boundary. `from_day` 0 is PlanWeek; 7 gives the week as it happened.
  // kInvalidArgument: `from_day: range` outside 0..7, `feedback[i].day: not_happened`
  // (a day at or after from_day; checked first), `feedback[i]: unknown_use` (the plan
  // holds no such use), `feedback[i]: duplicate`.
  absl::StatusOr<Plan> Replan(const Profile& profile, const Plan& plan, int from_day,
                              const std::optional<std::vector<Feedback>>& feedback) const;

  // Every eligible item that could take the place of `exercise` on `day` in its phase,
  // the week staying valid (12.1 "Alternatives"), with the new week's score. Status
  // refer (empty) for a red-flag profile. kInvalidArgument: `plan: invalid: ...` when
  // the week breaks a rule, `exercise: unknown_use: ...` when it holds no such use,
  // `day: range` outside 0..6.
  absl::StatusOr<AlternativesResult> Alternatives(const Profile& profile, const Plan& plan, int day,
                                                  std::string_view exercise) const;

  // The weeks ahead (plan model section 13, 13.1): week 1 is PlanWeek(profile); week
  // i+1 plans for the input profile with `history` = week i's plan and the feedback of a
  // person who does it as given (every use completed, pain_after same, soreness 0, rpe
  // options.assumed_rpe, or 7 when week i+1 is a deload) and `doses` = week i's with the
  // dose of each non-aerobic item of week i's plan written in. A deload week's volume
  // cap is floor(7 x cap / 10) of its section-5 cap; the week after a deload grows its
  // cap from the week before the deload. A week that is infeasible or refer is the last.
  // kInvalidArgument names a bad option (`weeks: range: ...`, `deload_every`,
  // `assumed_rpe`) or a bad profile, as PlanWeek does.
  absl::StatusOr<ProgrammePlan> Programme(const Profile& profile,
                                          const ProgrammeOptions& options = {}) const;

  // Evaluate of a programme week with the volume cap the programme gave it (a deload
  // week's, or the week after a deload's), which its profile alone cannot say.
  absl::StatusOr<Evaluation> Evaluate(const ProgrammeWeek& week) const;

  // What a journal says (plan model 13, 13.1): per week the pain and band, planned and
  // completed minutes by category (an item this catalog lacks counts in the totals
  // only), adherence, uses reported worse or sore, advisories, targets and whether the
  // completed minutes met them, doses of the items used in more than one week; over the
  // journal the pain trend (least-squares slope) and the weeks meeting every target.
  // kInvalidArgument with CheckJournal's problems.
  absl::StatusOr<backbalance::Progress> Progress(const Journal& journal) const;

  // PlanWeek for each profile on up to `threads` threads (0: the hardware's count);
  // results in input order, identical to one-by-one calls. Out of memory in one plan is
  // that entry's kResourceExhausted; only the result vector itself can throw.
  std::vector<absl::StatusOr<Plan>> PlanBatch(const std::vector<Profile>& profiles,
                                              int threads = 1) const;

  const Catalog& catalog() const { return *catalog_; }
  const std::shared_ptr<const Catalog>& shared_catalog() const { return catalog_; }
  const PlannerOptions& options() const { return options_; }

 private:
  Planner(std::shared_ptr<const Catalog> catalog, PlannerOptions options,
          std::shared_ptr<std::mutex> cbc_mutex)
      : catalog_(std::move(catalog)),
        options_(std::move(options)),
        cbc_mutex_(std::move(cbc_mutex)) {}

  // PlanWeek with a programme's volume cap (section 13).
  absl::StatusOr<Plan> PlanWeekWith(const Profile& profile, const WeekOverrides& overrides) const;

  std::shared_ptr<const Catalog> catalog_;
  PlannerOptions options_;
  // Serialises the exact backend's CBC solves (CBC is not thread-safe); shared by copies.
  std::shared_ptr<std::mutex> cbc_mutex_;
};

}  // namespace backbalance

#endif  // BACKBALANCE_SOLVER_PLANNER_H_
