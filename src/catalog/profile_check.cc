// The check of a profile against a catalog: domain rules (plan model sections 3 and 12),
// run once per call path by BuildWeekContext, so every planner call applies them.
#include "backbalance/catalog/profile_check.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/model/limits.h"
#include "backbalance/model/problem.h"
#include "internal/format.h"
#include "internal/hash_containers.h"
#include "internal/problem_paths.h"

namespace backbalance {

namespace {

void CheckConditions(const Profile& profile, const Catalog* catalog, ProblemList& problems) {
  for (std::size_t i = 0; i < profile.conditions.size(); ++i) {
    const std::string& name = profile.conditions[i];
    const bool known = catalog != nullptr
                           ? catalog->ConditionRank(name).has_value()
                           : std::find(kBuiltinConditions.begin(), kBuiltinConditions.end(),
                                       name) != kBuiltinConditions.end();
    if (!known) {
      problems.Add(
          internal::IndexPath("conditions", i), "unknown_name",
          absl::StrCat("unknown condition ", internal::Quote(name),
                       catalog != nullptr
                           ? "; the catalog knows the built-in conditions and those it "
                             "declares"
                           : "; without a catalog only the built-in conditions are known"));
    }
  }
}

}  // namespace

namespace {

// The ranges LoadProfile enforces, for a Profile built in code: a C++ caller gets the
// same `<path>: range: ...` problems a JSON document would, never a planner error.
void CheckProfileValues(const Profile& profile, ProblemList& problems) {
  const auto in_range = [&](const std::string& path, int64_t value, int64_t lo, int64_t hi) {
    if (value < lo || value > hi) {
      problems.Add(path, "range",
                   absl::StrCat("must be an integer in ", lo, "..", hi, ", got ", value));
    }
  };
  const auto known = [&](const std::string& path, auto value) {
    using Enum = decltype(value);
    if (static_cast<std::size_t>(value) >= AllValues<Enum>().size()) {
      problems.Add(path, "unknown_name",
                   absl::StrCat("not a value of its vocabulary: ", static_cast<int>(value)));
    }
  };
  in_range("pain", profile.pain, 0, 10);
  known("pain_duration", profile.pain_duration);
  in_range("pain_persisting_days", profile.pain_persisting_days, 0, kMaxPersistingDays);
  if (profile.pregnancy_week) {
    in_range("pregnancy_week", *profile.pregnancy_week, 0, kMaxPregnancyWeek);
    if (std::find(profile.conditions.begin(), profile.conditions.end(), kPregnancy) ==
        profile.conditions.end()) {
      problems.Add("pregnancy_week", "requires_condition",
                   "a pregnancy week needs the condition \"pregnancy\" in `conditions`");
    }
  }
  for (std::size_t i = 0; i < profile.red_flags.size(); ++i) {
    known(internal::IndexPath("red_flags", i), profile.red_flags[i]);
  }
  in_range("fitness", profile.fitness, 1, 5);
  for (std::size_t d = 0; d < profile.availability.size(); ++d) {
    in_range(internal::IndexPath("availability", d), profile.availability[d], 0,
             kMaxAvailabilityMinutes);
  }
  in_range("goals.strength", profile.goals.strength, 0, 3);
  in_range("goals.flexibility", profile.goals.flexibility, 0, 3);
  in_range("goals.endurance", profile.goals.endurance, 0, 3);
  in_range("goals.balance", profile.goals.balance, 0, 3);
  in_range("goals.stress_relief", profile.goals.stress_relief, 0, 3);
  for (const auto& [id, dose] : profile.doses) {
    const std::string at = internal::FieldPath("doses", id);
    if (!internal::IsIdentifier(id)) {
      problems.Add(
          at, "pattern",
          absl::StrCat("an exercise id must match ", internal::AsAbsl(internal::kIdentifierPattern),
                       ", got ", internal::Quote(id)));
    }
    switch (dose.form) {
      case DoseForm::kSetsReps:
        in_range(at + ".sets", dose.sets, 1, 10);
        in_range(at + ".reps", dose.reps, 1, 50);
        break;
      case DoseForm::kHoldReps:
        in_range(at + ".hold_seconds", dose.hold_seconds, 1, 300);
        in_range(at + ".reps", dose.reps, 1, 50);
        break;
      case DoseForm::kMinutes:
        in_range(at + ".minutes", dose.minutes, 1, 120);
        break;
      default:
        known(at, dose.form);
        break;
    }
  }
  for (std::size_t i = 0; i < profile.pins.size(); ++i) {
    const std::string at = internal::IndexPath("pins", i);
    in_range(at + ".day", profile.pins[i].day, 0, kDaysPerWeek - 1);
    if (profile.pins[i].phase) known(at + ".phase", *profile.pins[i].phase);
  }
  for (std::size_t i = 0; i < profile.train_days.size(); ++i) {
    const std::string at = internal::IndexPath("train_days", i);
    in_range(at, profile.train_days[i], 0, kDaysPerWeek - 1);
    const auto first =
        std::find(profile.train_days.begin(), profile.train_days.end(), profile.train_days[i]);
    if (first != profile.train_days.begin() + i) {
      problems.Add(
          at, "duplicate",
          absl::StrCat(profile.train_days[i], " is already listed at ",
                       internal::IndexPath("train_days", first - profile.train_days.begin())));
    }
  }
  if (!profile.history) return;
  const std::vector<Feedback>& feedback = profile.history->feedback;
  for (std::size_t i = 0; i < feedback.size(); ++i) {
    const std::string at = absl::StrCat("history.feedback[", i, "].");
    in_range(at + "day", feedback[i].day, 0, kDaysPerWeek - 1);
    known(at + "pain_after", feedback[i].pain_after);
    if (!(feedback[i].soreness_hours >= 0)) {  // NaN too
      problems.Add(at + "soreness_hours", "range",
                   absl::StrCat("must be a number >= 0, got ", feedback[i].soreness_hours));
    }
    if (feedback[i].rpe) in_range(at + "rpe", *feedback[i].rpe, 1, 10);
  }
}

}  // namespace

namespace {

// Pins against the catalog (plan model 12.1): known ids, one pin per (day, exercise),
// minutes only on aerobic items and then a multiple of 5 within the item's catalog range
// (up to the 120-minute top a person's maximum may grow to; the person's own maximum,
// which needs the history, is checked when the week is built).
void CheckPins(const Profile& profile, const Catalog& catalog, ProblemList& problems) {
  constexpr int kStep = 5;
  constexpr int kTopMinutes = 120;
  for (std::size_t i = 0; i < profile.pins.size(); ++i) {
    const Pin& pin = profile.pins[i];
    const std::string at = internal::IndexPath("pins", i);
    for (std::size_t j = 0; j < i; ++j) {
      if (profile.pins[j].day == pin.day && profile.pins[j].exercise == pin.exercise) {
        problems.Add(at, "duplicate",
                     absl::StrCat(internal::Quote(pin.exercise), " on day ", pin.day,
                                  " is already pinned at ", internal::IndexPath("pins", j)));
        break;
      }
    }
    const std::optional<int> index = catalog.IndexOf(pin.exercise);
    if (!index) {
      problems.Add(at + ".exercise", "unknown_exercise",
                   absl::StrCat(internal::Quote(pin.exercise), " is not in the catalog"));
      continue;
    }
    if (!pin.minutes) continue;
    const Exercise& x = catalog.exercises()[*index];
    if (!x.IsAerobic()) {
      problems.Add(
          at + ".minutes", "range",
          absl::StrCat(internal::Quote(pin.exercise), " is not an aerobic item: it takes its ",
                       x.minutes, " catalog minutes, so a pin gives it none, got ", *pin.minutes));
    } else if (*pin.minutes % kStep != 0 || *pin.minutes < x.min_minutes ||
               *pin.minutes > std::max(x.max_minutes, kTopMinutes)) {
      problems.Add(at + ".minutes", "range",
                   absl::StrCat("must be a multiple of ", kStep, " in ", x.min_minutes, "..",
                                "the person's maximum for ", internal::Quote(pin.exercise), " (",
                                x.max_minutes, " in the catalog), got ", *pin.minutes));
    }
  }
}

}  // namespace

std::optional<std::string> DoseFormProblem(const Exercise& exercise, const Dose& dose) {
  const std::string_view category = ToName(exercise.category);
  switch (exercise.category) {
    case Category::kAerobic:
      if (dose.form == DoseForm::kMinutes) return std::nullopt;
      return absl::StrCat("an aerobic item's dose is {minutes} (its planned minutes), got ",
                          internal::AsAbsl(internal::DoseFormText(dose.form)));
    case Category::kRelaxation:
      if (dose.form == DoseForm::kHoldReps || dose.form == DoseForm::kMinutes) {
        return std::nullopt;
      }
      return absl::StrCat("a relaxation item's dose is {hold_seconds, reps} or {minutes}, got ",
                          internal::AsAbsl(internal::DoseFormText(dose.form)));
    default:
      break;
  }
  if (dose.form == DoseForm::kMinutes) {
    return absl::StrCat("a ", internal::AsAbsl(category),
                        " item's dose is {sets, reps} or {hold_seconds, reps}, got {minutes}");
  }
  const bool may_warm_up =
      (exercise.category == Category::kFlexibility || exercise.category == Category::kBalance) &&
      std::find(exercise.phases.begin(), exercise.phases.end(), Phase::kWarmup) !=
          exercise.phases.end();
  if (may_warm_up && dose.form != DoseForm::kSetsReps) {
    return absl::StrCat(internal::Quote(exercise.id),
                        " may warm up, so its dose stays {sets, reps} (a ",
                        "static hold never warms up), got {hold_seconds, reps}");
  }
  return std::nullopt;
}

absl::Status CheckProfileAgainstCatalog(const Profile& profile, const Catalog& catalog) {
  ProblemList problems;
  CheckProfileValues(profile, problems);
  CheckConditions(profile, &catalog, problems);
  const auto check_ids = [&](std::string_view field, const std::vector<std::string>& ids) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (!catalog.IndexOf(ids[i])) {
        problems.Add(internal::IndexPath(field, i), "unknown_exercise",
                     absl::StrCat(internal::Quote(ids[i]), " is not in the catalog"));
      }
    }
  };
  check_ids("exclude", profile.exclude);
  check_ids("prefer", profile.prefer);
  check_ids("cleared", profile.cleared);
  for (const auto& [id, dose] : profile.doses) {
    const std::string at = internal::FieldPath("doses", id);
    const std::optional<int> index = catalog.IndexOf(id);
    if (!index) {
      problems.Add(at, "unknown_exercise",
                   absl::StrCat(internal::Quote(id), " is not in the catalog"));
      continue;
    }
    if (std::optional<std::string> why = DoseFormProblem(catalog.exercises()[*index], dose)) {
      problems.Add(at, "form", *why);
    }
  }
  CheckPins(profile, catalog, problems);
  if (profile.history) {
    const std::vector<Feedback>& feedback = profile.history->feedback;
    for (std::size_t i = 0; i < feedback.size(); ++i) {
      if (!catalog.IndexOf(feedback[i].exercise)) {
        problems.Add(absl::StrCat("history.feedback[", i, "].exercise"), "unknown_exercise",
                     absl::StrCat(internal::Quote(feedback[i].exercise), " is not in the catalog"));
      }
    }
  }
  return problems.ToStatus();
}

absl::Status CheckProfileConditions(const Profile& profile) {
  ProblemList problems;
  CheckProfileValues(profile, problems);
  CheckConditions(profile, nullptr, problems);
  return problems.ToStatus();
}

}  // namespace backbalance
