#include "io/feedback_entries.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "backbalance/model/limits.h"
#include "internal/hash_containers.h"

namespace backbalance::internal {
namespace {

// One feedback entry. `rpe` may be absent or null, both meaning "not given" (section 8
// makes it optional; SaveProfile writes null so that every field is spelled out).
std::optional<Feedback> ReadFeedbackEntry(JsonReader& reader, const Json& value,
                                          const std::string& path) {
  ObjectReader object(reader, value, path);
  if (!object.ok()) return std::nullopt;
  const std::size_t before = reader.problem_count();
  // A value already reported while parsing (a control character, a repeated key) reads
  // as nothing without a new problem: the entry is left out all the same, rather than
  // matched to the week with a blank field.
  bool read_all = true;
  const auto got = [&read_all](auto value) {
    read_all = read_all && value.has_value();
    return value;
  };
  Feedback feedback;
  if (const Json* v = object.Required("day")) {
    if (auto d = got(reader.Int(*v, object.PathOf("day"), 0, kDaysPerWeek - 1))) feedback.day = *d;
  }
  if (const Json* v = object.Required("exercise")) {
    if (auto s = got(reader.String(*v, object.PathOf("exercise")))) {
      feedback.exercise = *std::move(s);
    }
  }
  if (const Json* v = object.Optional("completed")) {
    if (auto b = got(reader.Bool(*v, object.PathOf("completed")))) feedback.completed = *b;
  }
  if (const Json* v = object.Optional("pain_after")) {
    if (auto p = got(reader.EnumValue<PainAfter>(*v, object.PathOf("pain_after")))) {
      feedback.pain_after = *p;
    }
  }
  if (const Json* v = object.Optional("soreness_hours")) {
    if (auto h = got(reader.Number(*v, object.PathOf("soreness_hours"), 0))) {
      feedback.soreness_hours = *h;
    }
  }
  if (const Json* v = object.Optional("rpe"); v && !v->is_null()) {
    feedback.rpe = got(reader.Int(*v, object.PathOf("rpe"), 1, 10));
  }
  object.ReportUnknownFields();
  if (!read_all || reader.problem_count() != before) return std::nullopt;
  return feedback;
}

}  // namespace

std::vector<Feedback> ReadFeedbackList(JsonReader& reader, const Json& value,
                                       const std::string& list_path, const FeedbackChecks& checks) {
  std::vector<Feedback> entries;
  if (reader.IsReported(list_path) || !reader.Expect(value, list_path, Json::value_t::array)) {
    return entries;
  }
  if (value.size() > kMaxListLength) {
    reader.Report(
        list_path, "length",
        absl::StrCat("must hold at most ", kMaxListLength, " entries, got ", value.size()));
    return entries;
  }
  // Each use, a (day, exercise) of the week, takes at most one entry.
  HashMap<std::pair<int, std::string>, std::size_t> first_entry;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string entry_path = IndexPath(list_path, i);
    std::optional<Feedback> feedback = ReadFeedbackEntry(reader, value[i], entry_path);
    if (!feedback) continue;
    if (checks.uses != nullptr) {
      const auto& items = checks.uses->days[feedback->day].items;
      if (std::none_of(items.begin(), items.end(),
                       [&](const PlanItem& item) { return item.exercise == feedback->exercise; })) {
        reader.Report(entry_path, "unknown_use",
                      absl::StrCat("day ", feedback->day, " (", AsAbsl(kDayNames[feedback->day]),
                                   ") of the history's plan holds no ", Quote(feedback->exercise)));
        entries.push_back(*std::move(feedback));
        continue;
      }
    }
    if (checks.repeats) {
      if (auto [it, inserted] =
              first_entry.emplace(std::pair{feedback->day, feedback->exercise}, i);
          !inserted) {
        reader.Report(entry_path, "duplicate",
                      absl::StrCat("day ", feedback->day, " and ", Quote(feedback->exercise),
                                   " already have feedback at ", IndexPath(list_path, it->second)));
      }
    }
    entries.push_back(*std::move(feedback));
  }
  return entries;
}

void AddFeedbackFieldOrder(FieldOrder& order, std::string entry_context) {
  order.Add(std::move(entry_context),
            {"day", "exercise", "completed", "pain_after", "soreness_hours", "rpe"});
}

}  // namespace backbalance::internal
