// Planner::Progress and the journal (plan model section 13, 13.1): the chain between
// weeks, per-week figures, the pain trend, weeks meeting targets, doses; the journal
// document read strictly with path-named errors; the progress document.
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "backbalance/io/progress_json.h"
#include "backbalance/solver/planner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/status_matchers.h"

namespace backbalance {
namespace {

using ::backbalance::testing::HasProblem;
using ::backbalance::testing::HasProblems;
using ::backbalance::testing::IsOk;
using Json = nlohmann::ordered_json;
using Lines = std::vector<std::string>;

class ProgressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto planner = Planner::Create(Catalog::Builtin());
    ASSERT_TRUE(planner.ok()) << planner.status();
    planner_ = std::make_unique<Planner>(*std::move(planner));
  }

  // A journal of `weeks` weeks from a programme, the feedback of each week being
  // `feedback_of(week index, plan)`, each week's profile pain `pains[w]`.
  Journal MakeJournal(const std::vector<int>& pains,
                      const std::function<std::vector<Feedback>(int, const Plan&)>& feedback_of) {
    Journal journal;
    Profile profile;
    profile.pain = pains[0];
    profile.availability = {45, 45, 45, 45, 45, 45, 45};
    for (std::size_t w = 0; w < pains.size(); ++w) {
      profile.pain = pains[w];
      absl::StatusOr<Plan> plan = planner_->PlanWeek(profile);
      EXPECT_TRUE(plan.ok());
      JournalWeek week{profile, *plan, feedback_of(int(w), *plan)};
      journal.weeks.push_back(week);
      profile.history = History{week.plan, week.feedback};
    }
    return journal;
  }

  static std::vector<Feedback> AllDone(const Plan& plan, bool completed = true) {
    std::vector<Feedback> out;
    for (const PlanDay& day : plan.days) {
      std::set<std::string> seen;
      for (const PlanItem& item : day.items) {
        if (!seen.insert(item.exercise).second) continue;
        Feedback f;
        f.day = day.day;
        f.exercise = item.exercise;
        f.completed = completed;
        f.rpe = 5;
        out.push_back(f);
      }
    }
    return out;
  }

  std::unique_ptr<Planner> planner_;
};

TEST_F(ProgressTest, FiguresPerWeekAndOverTheJournal) {
  const Journal journal = MakeJournal({6, 5, 4, 4}, [](int w, const Plan& plan) {
    std::vector<Feedback> fb = AllDone(plan);
    if (w == 1 && !fb.empty()) {
      fb[0].completed = false;
      fb[0].pain_after = PainAfter::kWorse;
      fb.back().soreness_hours = 2;
    }
    return fb;
  });
  absl::StatusOr<Progress> progress = planner_->Progress(journal);
  ASSERT_THAT(progress, IsOk());
  ASSERT_EQ(progress->weeks.size(), 4u);
  EXPECT_EQ(progress->pain_trend.first, 6);
  EXPECT_EQ(progress->pain_trend.last, 4);
  // Least squares of 6, 5, 4, 4 over 1..4: -0.7.
  ASSERT_TRUE(progress->pain_trend.slope.has_value());
  EXPECT_NEAR(*progress->pain_trend.slope, -0.7, 1e-9);
  const ProgressWeek& w1 = progress->weeks[0];
  EXPECT_EQ(w1.week, 1);
  EXPECT_EQ(w1.band, PainBand::kB);
  EXPECT_EQ(w1.planned.total, w1.completed.total);
  EXPECT_DOUBLE_EQ(*w1.adherence, 1.0);
  int by_category = 0;
  for (int m : w1.planned.by_category) by_category += m;
  EXPECT_EQ(by_category, w1.planned.total);
  const ProgressWeek& w2 = progress->weeks[1];
  EXPECT_EQ(w2.worse_uses, 1);
  EXPECT_EQ(w2.soreness_uses, 1);
  EXPECT_LT(w2.completed.total, w2.planned.total);
  EXPECT_LT(*w2.adherence, 1.0);
  for (const ProgressWeek& w : progress->weeks) {
    ASSERT_FALSE(w.advisories.empty());
    EXPECT_EQ(w.advisories.front(), journal.weeks[w.week - 1].plan.advisories.front().code);
    EXPECT_EQ(w.targets.size(), 5u);  // every category weighs with default goals
    bool met = true;
    for (const auto& [c, minutes] : w.targets)
      met = met && w.completed.by_category[int(c)] >= minutes;
    EXPECT_EQ(w.targets_met, met);
  }
  // Doses: items used in more than one week, null in a week without them.
  EXPECT_FALSE(progress->doses.empty());
  for (const auto& [id, by_week] : progress->doses) {
    ASSERT_EQ(by_week.size(), 4u);
    int used = 0;
    for (std::size_t w = 0; w < 4; ++w) {
      used += by_week[w].has_value();
      EXPECT_EQ(progress->weeks[w].doses.contains(id), by_week[w].has_value()) << id;
    }
    EXPECT_GE(used, 2) << id;
  }
}

TEST_F(ProgressTest, OneWeekHasNoSlopeAndAnEmptyPlanNoAdherence) {
  Journal journal;
  Profile refer;
  refer.pain = 8;
  refer.red_flags = {RedFlag::kFeverOrInfection};
  journal.weeks.push_back({refer, *planner_->PlanWeek(refer), {}});
  absl::StatusOr<Progress> progress = planner_->Progress(journal);
  ASSERT_THAT(progress, IsOk());
  EXPECT_FALSE(progress->pain_trend.slope.has_value());
  EXPECT_EQ(progress->pain_trend.first, 8);
  EXPECT_FALSE(progress->weeks[0].adherence.has_value());
  EXPECT_EQ(progress->weeks[0].status, PlanStatus::kRefer);
  EXPECT_FALSE(progress->weeks[0].targets_met);
  EXPECT_TRUE(progress->weeks_meeting_targets.empty());
}

TEST_F(ProgressTest, ChainErrorsNameTheWeek) {
  Journal journal = MakeJournal({3, 3, 3, 3}, [](int, const Plan& plan) { return AllDone(plan); });
  Journal broken = journal;
  // The first training day's items go (which day trains is the search's choice).
  for (PlanDay& day : broken.weeks[3].profile.history->plan.days) {
    if (day.items.empty()) continue;
    day.items.clear();
    break;
  }
  EXPECT_THAT(planner_->Progress(broken),
              HasProblems(Lines{"weeks[3].profile.history.plan: chain"}));
  broken = journal;
  broken.weeks[2].profile.history->feedback.pop_back();
  EXPECT_THAT(planner_->Progress(broken),
              HasProblems(Lines{"weeks[2].profile.history.feedback: chain"}));
  broken = journal;
  broken.weeks[1].profile.history.reset();
  EXPECT_THAT(planner_->Progress(broken), HasProblems(Lines{"weeks[1].profile.history: chain"}));
  // The feedback as a multiset: another order is the same chain.
  Journal reordered = journal;
  std::reverse(reordered.weeks[1].profile.history->feedback.begin(),
               reordered.weeks[1].profile.history->feedback.end());
  EXPECT_THAT(planner_->Progress(reordered), IsOk());
  EXPECT_THAT(planner_->Progress(Journal{}), HasProblems(Lines{"weeks: length"}));
}

TEST_F(ProgressTest, FeedbackNamesUsesOfItsOwnPlan) {
  Journal journal = MakeJournal({3, 3, 3}, [](int, const Plan& plan) { return AllDone(plan); });
  Feedback ghost;
  ghost.day = 0;
  ghost.exercise = "not_in_the_plan";
  journal.weeks[2].feedback.insert(journal.weeks[2].feedback.begin(), ghost);
  EXPECT_THAT(planner_->Progress(journal), HasProblems(Lines{"weeks[2].feedback[0]: unknown_use"}));
}

// ---------------------------------------------------------------- documents

TEST_F(ProgressTest, JournalRoundTripsAndReadsStrictly) {
  const Journal journal =
      MakeJournal({5, 4, 4}, [](int, const Plan& plan) { return AllDone(plan); });
  const std::string text = SaveJournal(journal);
  absl::StatusOr<Journal> loaded = LoadJournal(text);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_EQ(SaveJournal(*loaded), text);
  EXPECT_EQ(*planner_->Progress(*loaded), *planner_->Progress(journal));

  Json doc = Json::parse(text);
  Json bad = doc;
  bad["weeks"][1]["profile"]["pain"] = 11;
  EXPECT_THAT(LoadJournal(bad.dump()), HasProblems(Lines{"weeks[1].profile.pain: range"}));
  bad = doc;
  bad["weeks"][2]["feedback"][0]["exercise"] = "not_in_the_plan";
  EXPECT_THAT(LoadJournal(bad.dump()), HasProblem("weeks[2].feedback[0]", "unknown_use"));
  bad = doc;
  // Another week than the one before (an item's minutes changed): a chain error.
  Json& days = bad["weeks"][2]["profile"]["history"]["plan"]["days"];
  for (Json& day : days) {
    if (day["items"].empty()) continue;
    day["items"][0]["minutes"] = day["items"][0]["minutes"].get<int>() + 5;
    day["minutes"] = day["minutes"].get<int>() + 5;
    break;
  }
  EXPECT_THAT(LoadJournal(bad.dump()), HasProblems(Lines{"weeks[2].profile.history.plan: chain"}));
  // Feedback of the history that the week before did not give: a chain error too.
  bad = doc;
  bad["weeks"][1]["profile"]["history"]["feedback"][0]["rpe"] = 9;
  EXPECT_THAT(LoadJournal(bad.dump()),
              HasProblems(Lines{"weeks[1].profile.history.feedback: chain"}));
  bad = doc;
  bad["weeks"][0]["extra"] = 1;
  EXPECT_THAT(LoadJournal(bad.dump()), HasProblems(Lines{"weeks[0].extra: unknown_field"}));
  bad = doc;
  bad["weeks"][0].erase("plan");
  EXPECT_THAT(LoadJournal(bad.dump()), HasProblem("weeks[0].plan", "required"));
  bad = doc;
  bad["weeks"][1]["plan"]["days"][0]["items"][0]["phase"] = "middle";
  EXPECT_THAT(LoadJournal(bad.dump()),
              HasProblem("weeks[1].plan.days[0].items[0].phase", "unknown_name"));
  bad = doc;
  bad["schema"] = "backbalance.plan/1";
  EXPECT_THAT(LoadJournal(bad.dump()), HasProblems(Lines{"schema: schema"}));
}

TEST_F(ProgressTest, ProgressDocument) {
  const Journal journal = MakeJournal({6, 4}, [](int, const Plan& plan) { return AllDone(plan); });
  const Json doc = Json::parse(SaveProgress(*planner_->Progress(journal)));
  EXPECT_EQ(doc["schema"], "backbalance.progress/1");
  ASSERT_EQ(doc["weeks"].size(), 2u);
  std::vector<std::string> keys;
  for (const auto& item : doc["weeks"][0].items()) keys.push_back(item.key());
  EXPECT_THAT(keys, ::testing::ElementsAre("week", "pain", "band", "status", "planned", "completed",
                                           "adherence", "worse_uses", "soreness_uses", "advisories",
                                           "targets", "targets_met", "doses"));
  EXPECT_EQ(doc["weeks"][0]["band"], "B");
  EXPECT_EQ(doc["pain_trend"]["first"], 6);
  EXPECT_EQ(doc["pain_trend"]["last"], 4);
  EXPECT_EQ(doc["pain_trend"]["slope"], -2.0);
  EXPECT_TRUE(doc["weeks_meeting_targets"].is_array());
  EXPECT_TRUE(doc["weeks"][0]["planned"]["by_category"].contains("aerobic"));
}

}  // namespace
}  // namespace backbalance
