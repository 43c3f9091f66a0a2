// Golden tests for the named example profiles (examples/profiles/): the properties that
// matter to a physiotherapist, not whole-JSON snapshots. No `avoid` item for the
// person's conditions, recovery and impact spacing kept (Evaluate finds no violation),
// training days within the band's range, every category the person has time for
// present, the advisories that apply, and the statuses refer and infeasible where due.
#include <string>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/solver/evaluate.h"
#include "backbalance/solver/planner.h"
#include "gtest/gtest.h"

namespace backbalance {
namespace {

struct Archetype {
  std::string file;
  PlanStatus status;
};

class ArchetypeTest : public ::testing::TestWithParam<Archetype> {
 protected:
  static Profile Load(const std::string& file) {
    absl::StatusOr<Profile> profile =
        LoadProfileFile(std::string(BKB_SOURCE_DIR) + "/examples/profiles/" + file);
    EXPECT_TRUE(profile.ok()) << profile.status();
    return profile.ok() ? *profile : Profile{};
  }
};

bool HasAdvisory(const Plan& plan, const std::string& code) {
  for (const Advisory& a : plan.advisories) {
    if (a.code == code) return true;
  }
  return false;
}

TEST_P(ArchetypeTest, PlansTheWeekAPhysiotherapistWouldAccept) {
  const Profile profile = Load(GetParam().file);
  const auto catalog = Catalog::Builtin();
  const Planner planner = *Planner::Create(catalog);
  absl::StatusOr<Plan> plan = planner.PlanWeek(profile);
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->status, GetParam().status) << GetParam().file;
  for (const char* code : {"hydrate", "stop_if_pain", "warm_up_and_cool_down"}) {
    EXPECT_TRUE(HasAdvisory(*plan, code)) << code;
  }
  EXPECT_EQ(HasAdvisory(*plan, "refer_red_flags"), !profile.red_flags.empty());
  EXPECT_EQ(HasAdvisory(*plan, "acute_flare_gentle"),
            profile.pain >= 7 && profile.red_flags.empty());
  EXPECT_EQ(HasAdvisory(*plan, "see_doctor"), profile.pain_persisting_days > 3);

  if (plan->status == PlanStatus::kRefer) {
    for (const PlanDay& day : plan->days) {
      EXPECT_TRUE(day.items.empty());
    }
    EXPECT_EQ(plan->excluded.size(), catalog->size());
    return;
  }
  if (plan->status == PlanStatus::kInfeasible) {
    ASSERT_FALSE(plan->diagnosis.empty());
    for (const Diagnosis& d : plan->diagnosis) {
      EXPECT_FALSE(d.code.empty());
      EXPECT_GT(d.text.size(), 20u) << "a sentence a person can act on";
    }
    return;
  }

  absl::StatusOr<Evaluation> evaluation = planner.Evaluate(profile, *plan);
  ASSERT_TRUE(evaluation.ok());
  EXPECT_TRUE(evaluation->valid);
  EXPECT_EQ(*plan->score, evaluation->score);

  std::vector<std::string> conditions = profile.conditions;
  if (profile.pain >= 7) conditions.push_back("acute_flare");
  int training_days = 0;
  std::array<int, kCategoryCount> minutes{};
  for (const PlanDay& day : plan->days) {
    training_days += !day.items.empty();
    for (const PlanItem& item : day.items) {
      const Exercise& e = *catalog->Find(item.exercise);
      minutes[int(e.category)] += item.minutes;
      for (const std::string& c : conditions) {
        auto it = e.contraindications.find(c);
        EXPECT_FALSE(it != e.contraindications.end() && it->second == Contraindication::kAvoid)
            << item.exercise << " is to be avoided with " << c;
        if (it != e.contraindications.end()) {
          EXPECT_FALSE(item.notes.empty()) << item.exercise << " needs its caution note";
        }
      }
      if (profile.pain >= 7) {
        EXPECT_EQ(e.impact, Impact::kLow) << item.exercise;
      }
      EXPECT_FALSE(item.reasons.empty());
    }
  }
  EXPECT_GE(training_days, plan->targets->min_training_days);
  EXPECT_LE(training_days, plan->targets->max_training_days);
  // With at least an hour on four days, every category the goals weigh is present.
  int roomy_days = 0;
  for (int minutes_free : profile.availability) roomy_days += minutes_free >= 60;
  if (roomy_days >= 4) {
    for (Category c : AllValues<Category>()) {
      EXPECT_GT(minutes[int(c)], 0) << ToName(c) << " missing for " << GetParam().file;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Examples, ArchetypeTest,
    ::testing::Values(Archetype{"desk_worker.json", PlanStatus::kOk},
                      Archetype{"herniated_disc_sciatica.json", PlanStatus::kOk},
                      Archetype{"spinal_stenosis_older.json", PlanStatus::kOk},
                      Archetype{"acute_flare.json", PlanStatus::kOk},
                      Archetype{"pregnancy.json", PlanStatus::kOk},
                      Archetype{"fit_runner.json", PlanStatus::kOk},
                      Archetype{"osteoporosis.json", PlanStatus::kOk},
                      Archetype{"red_flags.json", PlanStatus::kRefer},
                      Archetype{"too_little_time.json", PlanStatus::kInfeasible}),
    [](const ::testing::TestParamInfo<Archetype>& info) {
      std::string name = info.param.file.substr(0, info.param.file.find('.'));
      return name;
    });

}  // namespace
}  // namespace backbalance
