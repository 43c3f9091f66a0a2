// Planner::Programme (plan model section 13, 13.1): options, the assumed feedback, the
// deload weeks, the carried doses, the end at an infeasible or refer week; and a property
// test over generated profiles: every week valid, volume caps that grow at most 10 % a
// week (or to 60), deload weeks at 70 %, doses that never regress and never pass their top.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/programme_json.h"
#include "backbalance/solver/planner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/profile_generator.h"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblems;
using ::backbalance::testing::IsOk;
using Lines = std::vector<std::string>;

// 300 profiles by default; BACKBALANCE_PROPERTY_PROFILES scales the property down (as in
// planner_property_test.cc; the sanitizer builds set 100).
int ProfileCount() {
  const char* text = std::getenv("BACKBALANCE_PROPERTY_PROFILES");
  if (text == nullptr) return 300;
  const int count = std::atoi(text);
  return std::clamp(count, 20, 300);
}

class ProgrammeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto planner = Planner::Create(Catalog::Builtin());
    ASSERT_TRUE(planner.ok()) << planner.status();
    planner_ = std::make_unique<Planner>(*std::move(planner));
  }
  const Catalog& catalog() const { return planner_->catalog(); }
  const Exercise& ExerciseOf(const std::string& id) const {
    return catalog().exercises()[*catalog().IndexOf(id)];
  }
  std::unique_ptr<Planner> planner_;
};

int Total(const Plan& plan) {
  int total = 0;
  for (const PlanDay& day : plan.days) {
    for (const PlanItem& item : day.items) total += item.minutes;
  }
  return total;
}

// min(band cap, max(60, floor(11 x minutes / 10))): section 5 from a week's minutes.
int GrownCap(int band_cap, int minutes) {
  return std::min(band_cap, std::max(60, 11 * minutes / 10));
}

int BandCap(PainBand band) { return PlannerOptions{}.bands[int(band)].volume_cap; }

// ---------------------------------------------------------------- options

TEST_F(ProgrammeTest, OptionsOutOfRangeNameTheOption) {
  Profile profile;
  ProgrammeOptions options;
  for (int weeks : {0, 27, -1}) {
    options = {};
    options.weeks = weeks;
    EXPECT_THAT(planner_->Programme(profile, options), HasProblems(Lines{"weeks: range"}));
  }
  for (int every : {1, -1}) {
    options = {};
    options.deload_every = every;
    EXPECT_THAT(planner_->Programme(profile, options), HasProblems(Lines{"deload_every: range"}));
  }
  for (int rpe : {0, 11}) {
    options = {};
    options.assumed_rpe = rpe;
    EXPECT_THAT(planner_->Programme(profile, options), HasProblems(Lines{"assumed_rpe: range"}));
  }
  options = {0, 1, 0};
  EXPECT_THAT(planner_->Programme(profile, options),
              HasProblems(Lines{"weeks: range", "deload_every: range", "assumed_rpe: range"}));
  for (ProgrammeOptions ok : {ProgrammeOptions{1, 0, 1}, ProgrammeOptions{2, 2, 10}}) {
    EXPECT_THAT(planner_->Programme(profile, ok), IsOk());
  }
}

TEST_F(ProgrammeTest, ABadProfileIsAnError) {
  Profile profile;
  profile.prefer = {"tai_chi_x"};
  EXPECT_THAT(planner_->Programme(profile, {}), HasProblems(Lines{"prefer[0]: unknown_exercise"}));
}

// ---------------------------------------------------------------- the weeks

TEST_F(ProgrammeTest, WeekOneIsThePlanAndEachNextWeekFollowsTheAssumedFeedback) {
  Profile profile;
  profile.pain = 2;
  profile.fitness = 3;
  profile.availability = {60, 60, 60, 60, 60, 60, 60};
  ProgrammeOptions options;
  options.weeks = 4;
  absl::StatusOr<ProgrammePlan> programme = planner_->Programme(profile, options);
  ASSERT_THAT(programme, IsOk());
  ASSERT_EQ(programme->weeks.size(), 4u);
  EXPECT_EQ(programme->weeks[0].profile, profile);
  EXPECT_EQ(programme->weeks[0].plan, *planner_->PlanWeek(profile));
  for (int i = 1; i < 4; ++i) {
    const ProgrammeWeek& before = programme->weeks[i - 1];
    const ProgrammeWeek& week = programme->weeks[i];
    EXPECT_EQ(week.week, i + 1);
    EXPECT_FALSE(week.deload);
    ASSERT_TRUE(week.profile.history.has_value());
    EXPECT_EQ(week.profile.history->plan, before.plan);
    for (const Feedback& f : week.profile.history->feedback) {
      EXPECT_TRUE(f.completed);
      EXPECT_EQ(f.pain_after, PainAfter::kSame);
      EXPECT_EQ(f.soreness_hours, 0);
      EXPECT_EQ(f.rpe, 5);
    }
    // Everything else is the input profile's (doses aside).
    Profile stripped = week.profile;
    stripped.history.reset();
    stripped.doses.clear();
    EXPECT_EQ(stripped, profile);
    // Next week of the week before, with that feedback, gives this week (no deloads).
    absl::StatusOr<NextWeekPlan> next =
        planner_->NextWeek(before.profile, before.plan, week.profile.history->feedback);
    ASSERT_THAT(next, IsOk());
    EXPECT_EQ(next->plan.days, week.plan.days);
    EXPECT_EQ(week.plan.targets->volume_cap, GrownCap(BandCap(PainBand::kA), Total(before.plan)));
  }
}

TEST_F(ProgrammeTest, DeloadWeeks) {
  Profile profile;
  profile.pain = 2;
  profile.fitness = 4;
  profile.availability = {90, 90, 90, 90, 90, 90, 90};
  ProgrammeOptions options;
  options.weeks = 9;
  options.deload_every = 4;
  absl::StatusOr<ProgrammePlan> programme = planner_->Programme(profile, options);
  ASSERT_THAT(programme, IsOk());
  ASSERT_EQ(programme->weeks.size(), 9u);
  for (const ProgrammeWeek& week : programme->weeks) {
    EXPECT_EQ(week.deload, week.week == 4 || week.week == 8) << week.week;
  }
  const auto cap = [&](int w) { return programme->weeks[w - 1].plan.targets->volume_cap; };
  const auto total = [&](int w) { return Total(programme->weeks[w - 1].plan); };
  const int band = BandCap(PainBand::kA);
  EXPECT_EQ(cap(4), 7 * GrownCap(band, total(3)) / 10);
  EXPECT_LE(total(4), cap(4));
  EXPECT_EQ(cap(5), GrownCap(band, total(3)));  // from the week before the deload
  EXPECT_EQ(programme->weeks[4].cap_from_minutes, total(3));
  EXPECT_EQ(cap(8), 7 * GrownCap(band, total(7)) / 10);
  EXPECT_EQ(cap(9), GrownCap(band, total(7)));
  // The week before a deload reports rpe 7: nothing progresses into the deload.
  for (const Feedback& f : programme->weeks[3].profile.history->feedback) EXPECT_EQ(f.rpe, 7);
  for (const Feedback& f : programme->weeks[4].profile.history->feedback) EXPECT_EQ(f.rpe, 5);
  for (const PlanDay& day : programme->weeks[3].plan.days) {
    for (const PlanItem& item : day.items) {
      const Exercise& e = ExerciseOf(item.exercise);
      if (e.IsAerobic()) continue;
      const auto& doses = programme->weeks[3].profile.doses;
      auto it = doses.find(item.exercise);
      EXPECT_EQ(*item.dose, it == doses.end() ? e.dose : it->second) << item.exercise;
    }
  }
  // Every week is valid with the programme's caps.
  for (const ProgrammeWeek& week : programme->weeks) {
    absl::StatusOr<Evaluation> evaluation = planner_->Evaluate(week);
    ASSERT_THAT(evaluation, IsOk());
    EXPECT_TRUE(evaluation->valid) << "week " << week.week;
  }
}

TEST_F(ProgrammeTest, DosesCarryForward) {
  Profile profile;
  profile.pain = 2;
  profile.fitness = 3;
  profile.availability = {60, 60, 60, 60, 60, 60, 60};
  ProgrammeOptions options;
  options.weeks = 3;
  absl::StatusOr<ProgrammePlan> programme = planner_->Programme(profile, options);
  ASSERT_THAT(programme, IsOk());
  ASSERT_EQ(programme->weeks.size(), 3u);
  EXPECT_TRUE(programme->weeks[0].profile.doses.empty());
  for (int i = 1; i < 3; ++i) {
    const auto& doses = programme->weeks[i].profile.doses;
    // Every non-aerobic item of the week before is written in, with its dose there.
    for (const PlanDay& day : programme->weeks[i - 1].plan.days) {
      for (const PlanItem& item : day.items) {
        if (ExerciseOf(item.exercise).IsAerobic()) {
          EXPECT_FALSE(doses.contains(item.exercise));
          continue;
        }
        ASSERT_TRUE(doses.contains(item.exercise)) << item.exercise;
        EXPECT_EQ(doses.at(item.exercise), *item.dose);
      }
    }
    // Earlier entries stay.
    for (const auto& [id, dose] : programme->weeks[i - 1].profile.doses) {
      EXPECT_TRUE(doses.contains(id)) << id;
    }
  }
}

TEST_F(ProgrammeTest, AnInfeasibleOrReferWeekEndsTheProgramme) {
  Profile refer;
  refer.red_flags = {RedFlag::kFeverOrInfection};
  ProgrammeOptions options;
  options.weeks = 6;
  absl::StatusOr<ProgrammePlan> programme = planner_->Programme(refer, options);
  ASSERT_THAT(programme, IsOk());
  ASSERT_EQ(programme->weeks.size(), 1u);
  EXPECT_EQ(programme->weeks[0].plan.status, PlanStatus::kRefer);

  Profile busy;
  busy.availability = {10, 0, 0, 0, 0, 0, 10};
  programme = planner_->Programme(busy, options);
  ASSERT_THAT(programme, IsOk());
  ASSERT_EQ(programme->weeks.size(), 1u);
  EXPECT_EQ(programme->weeks[0].plan.status, PlanStatus::kInfeasible);
}

TEST_F(ProgrammeTest, Document) {
  Profile profile;
  ProgrammeOptions options;
  options.weeks = 2;
  options.deload_every = 2;
  absl::StatusOr<ProgrammePlan> programme = planner_->Programme(profile, options);
  ASSERT_THAT(programme, IsOk());
  const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(SaveProgramme(*programme));
  EXPECT_EQ(doc["schema"], "backbalance.programme/1");
  ASSERT_EQ(doc["weeks"].size(), programme->weeks.size());
  EXPECT_EQ(doc["weeks"][0]["week"], 1);
  EXPECT_EQ(doc["weeks"][0]["deload"], false);
  EXPECT_EQ(doc["weeks"][0]["profile"]["schema"], "backbalance.profile/1");
  EXPECT_EQ(doc["weeks"][0]["plan"]["schema"], "backbalance.plan/1");
  if (programme->weeks.size() == 2) EXPECT_EQ(doc["weeks"][1]["deload"], true);
  std::vector<std::string> keys;
  for (const auto& item : doc["weeks"][0].items()) keys.push_back(item.key());
  EXPECT_THAT(keys, ::testing::ElementsAre("week", "deload", "profile", "plan"));
}

TEST_F(ProgrammeTest, Deterministic) {
  Profile profile;
  profile.seed = 7;
  ProgrammeOptions options;
  options.weeks = 3;
  options.deload_every = 3;
  EXPECT_EQ(*planner_->Programme(profile, options), *planner_->Programme(profile, options));
}

// ---------------------------------------------------------------- property

// A dose's numbers may not pass the top of section 8 or, where it starts above the top,
// the base dose.
void ExpectWithinTop(const Dose& dose, const Dose& base, const std::string& where) {
  const PlannerOptions o;
  switch (dose.form) {
    case DoseForm::kSetsReps:
      EXPECT_LE(dose.sets, std::max(o.top_sets, base.form == dose.form ? base.sets : 0)) << where;
      EXPECT_LE(dose.reps, std::max(o.top_reps, base.form == dose.form ? base.reps : 0)) << where;
      break;
    case DoseForm::kHoldReps:
      EXPECT_LE(dose.hold_seconds,
                std::max(o.top_hold_seconds, base.form == dose.form ? base.hold_seconds : 0))
          << where;
      break;
    case DoseForm::kMinutes:
      break;
  }
}

void ExpectNoRegression(const Dose& before, const Dose& after, const std::string& where) {
  ASSERT_EQ(before.form, after.form) << where;
  EXPECT_GE(after.sets, before.sets) << where;
  EXPECT_GE(after.reps, before.reps) << where;
  EXPECT_GE(after.hold_seconds, before.hold_seconds) << where;
  EXPECT_GE(after.minutes, before.minutes) << where;
}

TEST_F(ProgrammeTest, PropertyTwelveWeeksOfGeneratedProfiles) {
  const int count = ProfileCount();
  // A smaller search budget keeps 3600 weeks within a minute: what is checked here (valid
  // weeks, caps, doses) does not depend on how hard the search tries.
  PlannerOptions fast;
  fast.search_iterations = 20;
  absl::StatusOr<Planner> fast_planner = Planner::Create(planner_->shared_catalog(), fast);
  ASSERT_THAT(fast_planner, IsOk());
  planner_ = std::make_unique<Planner>(*std::move(fast_planner));
  testing::ProfileGenerator generator(catalog(), /*seed=*/18);
  std::vector<Profile> profiles;
  for (int i = 0; i < count; ++i) {
    Profile p = generator.Next();
    // Now and then a clinician's doses, some above the top, in each item's own form.
    if (i % 4 == 1) {
      for (std::size_t e = i % 7; e < catalog().size(); e += 9) {
        const Exercise& ex = catalog().exercises()[e];
        if (ex.IsAerobic() || ex.dose.form == DoseForm::kMinutes) continue;
        Dose d = ex.dose;
        if (d.form == DoseForm::kSetsReps) {
          d.sets = 1 + (i + int(e)) % 4;
          d.reps = 5 + (i * 3 + int(e)) % 10;
        } else {
          d.hold_seconds = 15 + 5 * ((i + int(e)) % 12);
        }
        p.doses[ex.id] = d;
      }
    }
    profiles.push_back(std::move(p));
  }
  std::vector<absl::StatusOr<ProgrammePlan>> results(count, absl::UnknownError("not run"));
  std::vector<ProgrammeOptions> options(count);
  for (int i = 0; i < count; ++i) {
    options[i].weeks = 12;
    options[i].deload_every = std::vector<int>{0, 4, 3, 2, 4}[i % 5];
    options[i].assumed_rpe = i % 6 == 5 ? 7 : 5;
  }
  std::atomic<int> next{0};
  const auto work = [&] {
    for (int i = next++; i < count; i = next++)
      results[i] = planner_->Programme(profiles[i], options[i]);
  };
  std::thread helper(work);
  work();
  helper.join();

  int weeks_seen = 0, deloads_seen = 0, progressed_seen = 0, full_length = 0;
  for (int i = 0; i < count; ++i) {
    const std::string who = "profile " + std::to_string(i);
    ASSERT_THAT(results[i], IsOk()) << who;
    const std::vector<ProgrammeWeek>& weeks = results[i]->weeks;
    ASSERT_FALSE(weeks.empty()) << who;
    if (weeks.size() == 12) ++full_length;
    const int band_cap =
        BandCap(weeks[0].plan.targets ? weeks[0].plan.targets->band : PainBand::kA);
    std::map<std::string, Dose> last;  // each item's last dose in a plan
    for (std::size_t w = 0; w < weeks.size(); ++w) {
      const ProgrammeWeek& week = weeks[w];
      const std::string at = who + " week " + std::to_string(week.week);
      ++weeks_seen;
      EXPECT_EQ(week.week, int(w) + 1) << at;
      EXPECT_EQ(week.deload, options[i].IsDeload(week.week)) << at;
      if (week.plan.status != PlanStatus::kOk) {
        EXPECT_EQ(w + 1, weeks.size()) << at << ": a week that is not ok ends the programme";
        continue;
      }
      absl::StatusOr<Evaluation> evaluation = planner_->Evaluate(week);
      ASSERT_THAT(evaluation, IsOk()) << at;
      EXPECT_TRUE(evaluation->valid)
          << at << ": " << evaluation->violations.size() << " violations, first: "
          << (evaluation->violations.empty() ? "" : evaluation->violations[0].detail);
      const int cap = week.plan.targets->volume_cap;
      EXPECT_LE(Total(week.plan), cap) << at;
      if (w > 0) {
        // The normal cap: section 5 from the week before, or, after a deload, from the
        // week before the deload.
        const bool after_deload = weeks[w - 1].deload;
        const ProgrammeWeek& from = after_deload ? weeks[w - 2] : weeks[w - 1];
        const int normal = GrownCap(band_cap, Total(from.plan));
        // Never more than 10 % above the cap it grows from (or 60).
        EXPECT_LE(normal, std::max(60, 11 * from.plan.targets->volume_cap / 10)) << at;
        if (week.deload) {
          ++deloads_seen;
          EXPECT_EQ(cap, 7 * normal / 10) << at;
        } else {
          EXPECT_EQ(cap, normal) << at;
        }
      }
      for (const PlanDay& day : week.plan.days) {
        for (const PlanItem& item : day.items) {
          const Exercise& e = ExerciseOf(item.exercise);
          if (e.IsAerobic()) continue;
          ASSERT_TRUE(item.dose.has_value()) << at;
          const std::string where = at + " " + item.exercise;
          auto input = profiles[i].doses.find(item.exercise);
          const Dose base = input == profiles[i].doses.end() ? e.dose : input->second;
          ExpectWithinTop(*item.dose, base, where);
          auto it = last.find(item.exercise);
          if (it != last.end()) {
            ExpectNoRegression(it->second, *item.dose, where);
            if (*item.dose != it->second) {
              ++progressed_seen;
              EXPECT_FALSE(week.deload) << where << ": nothing progresses into a deload";
            }
          }
        }
      }
      for (const PlanDay& day : week.plan.days) {
        for (const PlanItem& item : day.items) {
          if (!ExerciseOf(item.exercise).IsAerobic()) last[item.exercise] = *item.dose;
        }
      }
    }
  }
  // The property says little unless programmes run long, deload and progress.
  EXPECT_GT(full_length, count / 2);
  EXPECT_GT(deloads_seen, count / 2);
  EXPECT_GT(progressed_seen, count);
  std::printf("programme property: %d profiles, %d weeks, %d full length, %d deloads, %d steps\n",
              count, weeks_seen, full_length, deloads_seen, progressed_seen);
}

}  // namespace
}  // namespace backbalance
