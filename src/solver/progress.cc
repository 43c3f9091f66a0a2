// Planner::Progress: what a journal of weeks says (plan model section 13, 13.1).
#include <algorithm>
#include <new>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "backbalance/model/problem.h"
#include "backbalance/solver/planner.h"
#include "internal/format.h"
#include "internal/hash_containers.h"
#include "solver/week_context.h"

namespace backbalance {
namespace {

auto FeedbackKey(const Feedback& f) {
  return std::make_tuple(f.day, f.exercise, f.completed, static_cast<int>(f.pain_after),
                         f.soreness_hours, f.rpe.value_or(0), f.rpe.has_value());
}

std::vector<Feedback> Sorted(std::vector<Feedback> feedback) {
  std::sort(feedback.begin(), feedback.end(),
            [](const Feedback& a, const Feedback& b) { return FeedbackKey(a) < FeedbackKey(b); });
  return feedback;
}

}  // namespace

absl::Status CheckJournal(const Journal& journal) {
  ProblemList problems;
  if (journal.weeks.empty()) {
    problems.Add("weeks", "length", "must hold at least one week");
    return problems.ToStatus();
  }
  for (std::size_t w = 0; w < journal.weeks.size(); ++w) {
    const JournalWeek& week = journal.weeks[w];
    const std::string at = internal::Format("weeks[%d]", w);
    // A week's feedback names uses of its own plan, each once.
    internal::HashSet<std::pair<int, std::string>> uses, named;
    for (const PlanDay& day : week.plan.days) {
      for (const PlanItem& item : day.items) uses.insert({day.day, item.exercise});
    }
    for (std::size_t i = 0; i < week.feedback.size(); ++i) {
      const Feedback& f = week.feedback[i];
      const std::string path = internal::Format("%s.feedback[%d]", at, i);
      if (!uses.contains(std::make_pair(f.day, f.exercise))) {
        problems.Add(
            path, "unknown_use",
            internal::Format("the week's plan holds no \"%s\" on day %d", f.exercise, f.day));
      } else if (!named.insert({f.day, f.exercise}).second) {
        problems.Add(path, "duplicate",
                     internal::Format("\"%s\" on day %d already has feedback", f.exercise, f.day));
      }
    }
    if (w == 0) continue;
    const JournalWeek& before = journal.weeks[w - 1];
    if (!week.profile.history) {
      problems.Add(at + ".profile.history", "chain",
                   internal::Format("week %d has no history; it must hold week %d's plan and "
                                    "feedback",
                                    w + 1, w));
      continue;
    }
    if (week.profile.history->plan != before.plan) {
      problems.Add(at + ".profile.history.plan", "chain",
                   internal::Format("differs from the plan of week %d (weeks[%d].plan)", w, w - 1));
    }
    if (Sorted(week.profile.history->feedback) != Sorted(before.feedback)) {
      problems.Add(
          at + ".profile.history.feedback", "chain",
          internal::Format("differs from the feedback of week %d (weeks[%d].feedback)", w, w - 1));
    }
  }
  return problems.ToStatus();
}

absl::StatusOr<Progress> Planner::Progress(const Journal& journal) const try {
  if (absl::Status s = CheckJournal(journal); !s.ok()) return s;
  backbalance::Progress progress;
  const std::size_t n = journal.weeks.size();
  // The dose of each item per week (its first use), to find those used in more than one.
  std::map<std::string, std::vector<std::optional<Dose>>> doses;
  for (std::size_t w = 0; w < n; ++w) {
    const JournalWeek& week = journal.weeks[w];
    ProgressWeek entry;
    entry.week = static_cast<int>(w) + 1;
    entry.pain = week.profile.pain;
    entry.band = BandOf(week.profile.pain, options_);
    entry.status = week.plan.status;
    internal::HashMap<std::pair<int, std::string>, const Feedback*> feedback_of;
    for (const Feedback& f : week.feedback) feedback_of.try_emplace({f.day, f.exercise}, &f);
    for (const PlanDay& day : week.plan.days) {
      for (const PlanItem& item : day.items) {
        const std::optional<int> index = catalog_->IndexOf(item.exercise);
        const Exercise* exercise = index ? &catalog_->exercises()[*index] : nullptr;
        auto it = feedback_of.find(std::make_pair(day.day, item.exercise));
        const Feedback* f = it == feedback_of.end() ? nullptr : it->second;
        entry.planned.total += item.minutes;
        if (exercise) entry.planned.by_category[int(exercise->category)] += item.minutes;
        if (f != nullptr && f->completed) {
          entry.completed.total += item.minutes;
          if (exercise) entry.completed.by_category[int(exercise->category)] += item.minutes;
        }
        if (f != nullptr && f->pain_after == PainAfter::kWorse) ++entry.worse_uses;
        if (f != nullptr && f->soreness_hours > options_.soreness_limit_hours)
          ++entry.soreness_uses;
        auto& by_week = doses[item.exercise];
        if (by_week.empty()) by_week.resize(n);
        if (!by_week[w]) {
          if (exercise && exercise->IsAerobic()) {
            by_week[w] = Dose::Minutes(item.minutes);
          } else if (item.dose) {
            by_week[w] = *item.dose;
          }
        }
      }
    }
    if (entry.planned.total > 0) {
      entry.adherence = static_cast<double>(entry.completed.total) / entry.planned.total;
    }
    for (const Advisory& a : week.plan.advisories) entry.advisories.push_back(a.code);
    const BandTargets& band = options_.bands[static_cast<int>(entry.band)];
    const Goals& g = week.profile.goals;
    const int weight[kCategoryCount] = {g.endurance, g.strength, g.flexibility, g.balance,
                                        g.stress_relief};
    bool met = true;
    for (int c = 0; c < kCategoryCount; ++c) {
      if (band.minutes[c] <= 0 || weight[c] <= 0) continue;
      entry.targets[static_cast<Category>(c)] = band.minutes[c];
      met = met && entry.completed.by_category[c] >= band.minutes[c];
    }
    entry.targets_met = met && !entry.targets.empty();
    if (entry.targets_met) progress.weeks_meeting_targets.push_back(entry.week);
    progress.weeks.push_back(std::move(entry));
  }
  for (auto& [id, by_week] : doses) {
    const auto weeks_used = std::count_if(
        by_week.begin(), by_week.end(), [](const std::optional<Dose>& d) { return d.has_value(); });
    if (weeks_used < 2) continue;
    for (std::size_t w = 0; w < n; ++w) {
      if (by_week[w]) progress.weeks[w].doses[id] = *by_week[w];
    }
    progress.doses[id] = by_week;
  }
  progress.pain_trend.first = progress.weeks.front().pain;
  progress.pain_trend.last = progress.weeks.back().pain;
  if (n > 1) {
    double mean_x = 0, mean_y = 0;
    for (std::size_t w = 0; w < n; ++w) {
      mean_x += static_cast<double>(w + 1);
      mean_y += progress.weeks[w].pain;
    }
    mean_x /= static_cast<double>(n);
    mean_y /= static_cast<double>(n);
    double sxy = 0, sxx = 0;
    for (std::size_t w = 0; w < n; ++w) {
      const double dx = static_cast<double>(w + 1) - mean_x;
      sxy += dx * (progress.weeks[w].pain - mean_y);
      sxx += dx * dx;
    }
    progress.pain_trend.slope = sxy / sxx;
  }
  return progress;
} catch (const std::bad_alloc&) {
  return absl::ResourceExhaustedError("out of memory reading a journal");
}

}  // namespace backbalance
