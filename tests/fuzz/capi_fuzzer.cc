// Fuzz target `capi`: the C ABI entry points (include/backbalance/backbalance.h) on
// arbitrary bytes, as a C caller would pass them. The first byte picks the entry point;
// the rest is split at 0x1E (ASCII record separator) into up to three NUL-terminated
// strings (an embedded NUL ends a string early, as it does for any C caller).
// Properties, for every call: nothing crashes, leaks or throws; a failed call returns a
// named status, leaves its out handle NULL and a non-empty last-error message whose
// problems are all readable with a non-empty rule; the caller's bytes are unchanged; a
// successful call's documents read back to the same bytes (catalog, canonical profile,
// options, plan), and a planned `ok` week passes bkb_evaluate with the plan's score.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "backbalance/backbalance.h"
#include "fuzz/fuzz_check.h"

namespace {

enum class EntryPoint : uint8_t {
  kCatalogFromJson,
  kProfileCanonicalJson,
  kPlannerCreate,
  kPlanFromJsonAndEvaluate,
  kPlannerPlan,
  kPlannerNextWeek,
  kPlannerPlanBatch,
  kErrorAccessors,
  kCount,
};

// The strings of one input, each owned here and NUL-terminated.
struct Arguments {
  std::vector<std::string> strings;
  const char* operator[](std::size_t i) const {
    return i < strings.size() ? strings[i].c_str() : "";
  }
};

Arguments Split(std::string_view rest) {
  Arguments args;
  while (args.strings.size() < 2) {
    const std::size_t cut = rest.find('\x1e');
    if (cut == std::string_view::npos) break;
    args.strings.emplace_back(rest.substr(0, cut));
    rest.remove_prefix(cut + 1);
  }
  args.strings.emplace_back(rest);
  return args;
}

// The shared handles every input uses; made once (the library is stateless otherwise).
struct Fixtures {
  bkb_catalog* catalog = nullptr;
  bkb_planner* planner = nullptr;
  bkb_plan* week = nullptr;  // an `ok` week of the built-in catalog, for next week
  Fixtures() {
    FUZZ_CHECK(bkb_catalog_builtin(&catalog) == BKB_OK, bkb_last_error_message());
    FUZZ_CHECK(bkb_planner_create(catalog, nullptr, &planner) == BKB_OK, bkb_last_error_message());
    const char* profile = R"({"schema": "backbalance.profile/1", "pain": 3,
      "availability": [30, 0, 30, 0, 30, 0, 0], "equipment": ["mat"]})";
    FUZZ_CHECK(bkb_planner_plan(planner, profile, &week) == BKB_OK, bkb_last_error_message());
  }
};

const Fixtures& Shared() {
  static const Fixtures* const fixtures = new Fixtures();
  return *fixtures;
}

// What every failed call must leave behind (docs/c-api.md, "Errors").
void CheckFailure(bkb_status status, const void* out) {
  FUZZ_CHECK(status != BKB_OK, "not a failure");
  FUZZ_CHECK(std::strcmp(bkb_status_name(status), "UNKNOWN_STATUS") != 0,
             "unnamed status " + std::to_string(static_cast<int>(status)));
  FUZZ_CHECK(out == nullptr, "a failed call left its out handle set");
  const std::string message = bkb_last_error_message();
  FUZZ_CHECK(!message.empty(), "empty last-error message");
  const uint32_t count = bkb_last_error_problem_count();
  FUZZ_CHECK(status == BKB_INVALID_ARGUMENT || count == 0,
             "problems on a status that is not INVALID_ARGUMENT: " + message);
  for (uint32_t i = 0; i < count; ++i) {
    const char* path = nullptr;
    const char* rule = nullptr;
    const char* detail = nullptr;
    FUZZ_CHECK(bkb_last_error_problem(i, &path, &rule, &detail) == BKB_OK, message);
    FUZZ_CHECK(path != nullptr && rule != nullptr && detail != nullptr, message);
    FUZZ_CHECK(*rule != '\0', "a problem without a rule: " + message);
  }
  const char* path = "set";
  FUZZ_CHECK(bkb_last_error_problem(count, &path, nullptr, nullptr) == BKB_OUT_OF_RANGE,
             "problem index past the end");
  FUZZ_CHECK(path == nullptr, "out pointer not cleared past the end");
}

void CheckSuccess() {
  FUZZ_CHECK(*bkb_last_error_message() == '\0', "a successful call left an error message");
  FUZZ_CHECK(bkb_last_error_problem_count() == 0, "a successful call left problems");
}

void CheckPlanAccessors(const bkb_plan* plan) {
  FUZZ_CHECK(bkb_plan_day_count(plan) == 7, "a week has 7 days");
  for (uint32_t day = 0; day <= 7; ++day) {
    const uint32_t items = bkb_plan_item_count(plan, day);
    FUZZ_CHECK(day < 7 || (items == 0 && bkb_plan_day_minutes(plan, day) == -1), "day 7");
    for (uint32_t i = 0; i <= items; ++i) {
      const char* id = bkb_plan_item_exercise(plan, day, i);
      FUZZ_CHECK((id != nullptr) == (i < items), "item exercise out of range");
      FUZZ_CHECK((bkb_plan_item_phase(plan, day, i) == BKB_PHASE_NONE) == (i == items),
                 "item phase out of range");
      FUZZ_CHECK((bkb_plan_item_minutes(plan, day, i) < 0) == (i == items),
                 "item minutes out of range");
    }
  }
}

// A plan's JSON reads back (bkb_plan_from_json) to the same bytes.
void CheckPlanRoundTrip(const bkb_plan* plan) {
  const std::string text = bkb_plan_json(plan);
  bkb_plan* again = nullptr;
  FUZZ_CHECK(bkb_plan_from_json(text.c_str(), &again) == BKB_OK,
             std::string(bkb_last_error_message()) + "\n" + text);
  FUZZ_CHECK(text == bkb_plan_json(again), "plan JSON is not a fixed point:\n" + text);
  bkb_plan_destroy(&again);
  FUZZ_CHECK(again == nullptr, "destroy did not clear the handle");
}

// An `ok` week the planner made passes evaluate with the plan's own score.
void CheckPlannedWeek(const Fixtures& f, const char* profile, const bkb_plan* plan) {
  CheckPlanAccessors(plan);
  CheckPlanRoundTrip(plan);
  if (bkb_plan_get_status(plan) != BKB_PLAN_OK) return;
  bkb_evaluation* verdict = nullptr;
  FUZZ_CHECK(bkb_evaluate(f.planner, profile, plan, &verdict) == BKB_OK, bkb_last_error_message());
  FUZZ_CHECK(bkb_evaluation_is_valid(verdict) == 1,
             std::string("an ok plan breaks a rule: ") + bkb_evaluation_json(verdict));
  FUZZ_CHECK(bkb_evaluation_score(verdict) == bkb_plan_score(plan), "scores differ");
  bkb_evaluation_destroy(&verdict);
}

void CatalogFromJson(const Arguments& args) {
  bkb_catalog* catalog = nullptr;
  const bkb_status status = bkb_catalog_from_json(args[0], &catalog);
  if (status != BKB_OK) return CheckFailure(status, catalog);
  CheckSuccess();
  FUZZ_CHECK(bkb_catalog_size(catalog) > 0, "an empty catalog was accepted");
  const std::string sha = bkb_catalog_sha256(catalog);
  FUZZ_CHECK(sha.size() == 64, sha);
  bkb_catalog* again = nullptr;
  FUZZ_CHECK(bkb_catalog_from_json(bkb_catalog_json(catalog), &again) == BKB_OK,
             bkb_last_error_message());
  FUZZ_CHECK(sha == bkb_catalog_sha256(again), "canonical catalog JSON is not a fixed point");
  bkb_catalog_destroy(&again);
  bkb_catalog_destroy(&catalog);
}

void ProfileCanonicalJson(const Fixtures& f, const Arguments& args) {
  char* canonical = nullptr;
  const bkb_status status = bkb_profile_canonical_json(f.catalog, args[0], &canonical);
  if (status != BKB_OK) return CheckFailure(status, canonical);
  CheckSuccess();
  char* again = nullptr;
  FUZZ_CHECK(bkb_profile_canonical_json(f.catalog, canonical, &again) == BKB_OK,
             bkb_last_error_message());
  FUZZ_CHECK(std::strcmp(canonical, again) == 0, "canonical profile is not a fixed point");
  bkb_free(again);
  bkb_free(canonical);
}

void PlannerCreate(const Fixtures& f, const Arguments& args) {
  bkb_planner* planner = nullptr;
  const bkb_status status = bkb_planner_create(f.catalog, args[0], &planner);
  if (status != BKB_OK) return CheckFailure(status, planner);
  CheckSuccess();
  const std::string options = bkb_planner_options_json(planner);
  bkb_planner* again = nullptr;
  FUZZ_CHECK(bkb_planner_create(f.catalog, options.c_str(), &again) == BKB_OK,
             bkb_last_error_message());
  FUZZ_CHECK(options == bkb_planner_options_json(again), "options JSON is not a fixed point");
  bkb_planner_destroy(&again);
  bkb_planner_destroy(&planner);
}

void PlanFromJsonAndEvaluate(const Fixtures& f, const Arguments& args) {
  bkb_plan* plan = nullptr;
  bkb_status status = bkb_plan_from_json(args[0], &plan);
  if (status != BKB_OK) return CheckFailure(status, plan);
  CheckSuccess();
  CheckPlanAccessors(plan);
  CheckPlanRoundTrip(plan);
  bkb_evaluation* verdict = nullptr;
  status = bkb_evaluate(f.planner, args[1], plan, &verdict);
  if (status != BKB_OK) {
    CheckFailure(status, verdict);
  } else {
    CheckSuccess();
    const uint32_t violations = bkb_evaluation_violation_count(verdict);
    FUZZ_CHECK((bkb_evaluation_is_valid(verdict) == 1) == (violations == 0), "valid");
    FUZZ_CHECK(bkb_evaluation_violation_rule(verdict, violations) == nullptr, "past the end");
    for (uint32_t i = 0; i < violations; ++i) {
      FUZZ_CHECK(bkb_evaluation_violation_rule(verdict, i)[0] == 'H', "rule code");
      FUZZ_CHECK(bkb_evaluation_violation_detail(verdict, i) != nullptr, "detail");
    }
    FUZZ_CHECK(std::isfinite(bkb_evaluation_score(verdict)), "score is not finite");
    bkb_evaluation_destroy(&verdict);
  }
  bkb_plan_destroy(&plan);
}

void PlannerPlan(const Fixtures& f, const Arguments& args) {
  bkb_plan* plan = nullptr;
  const bkb_status status = bkb_planner_plan(f.planner, args[0], &plan);
  if (status != BKB_OK) return CheckFailure(status, plan);
  CheckSuccess();
  CheckPlannedWeek(f, args[0], plan);
  bkb_plan_destroy(&plan);
}

void PlannerNextWeek(const Fixtures& f, const Arguments& args) {
  // The last week: the fixture's, or one read from the second string when it is a plan.
  bkb_plan* read = nullptr;
  const bkb_plan* last_week = f.week;
  if (*args[1] != '\0' && bkb_plan_from_json(args[1], &read) == BKB_OK) last_week = read;
  bkb_next_week* next = nullptr;
  const bkb_status status = bkb_planner_next_week(f.planner, args[0], last_week, args[2], &next);
  if (status != BKB_OK) {
    CheckFailure(status, next);
  } else {
    CheckSuccess();
    const bkb_plan* plan = bkb_next_week_plan(next);
    FUZZ_CHECK(plan != nullptr, "next week without a plan");
    CheckPlannedWeek(f, bkb_next_week_profile_json(next), plan);
    FUZZ_CHECK(*bkb_next_week_json(next) == '{', "next week JSON");
    bkb_next_week_destroy(&next);
  }
  bkb_plan_destroy(&read);
}

void PlannerPlanBatch(const Fixtures& f, const Arguments& args) {
  std::vector<const char*> profiles;
  for (const std::string& s : args.strings) profiles.push_back(s.c_str());
  bkb_batch* batch = nullptr;
  const bkb_status status = bkb_planner_plan_batch(
      f.planner, profiles.data(), static_cast<uint32_t>(profiles.size()), 2, &batch);
  if (status != BKB_OK) return CheckFailure(status, batch);
  CheckSuccess();
  FUZZ_CHECK(bkb_batch_size(batch) == profiles.size(), "batch size");
  for (uint32_t i = 0; i < profiles.size(); ++i) {
    const bkb_plan* plan = bkb_batch_plan(batch, i);
    const bkb_status entry = bkb_batch_status(batch, i);
    FUZZ_CHECK((entry == BKB_OK) == (plan != nullptr), "batch entry status");
    FUZZ_CHECK((entry == BKB_OK) == (*bkb_batch_error_message(batch, i) == '\0'), "message");
    if (plan != nullptr) CheckPlannedWeek(f, profiles[i], plan);
    const uint32_t problems = bkb_batch_problem_count(batch, i);
    for (uint32_t p = 0; p < problems; ++p) {
      const char* rule = nullptr;
      FUZZ_CHECK(bkb_batch_problem(batch, i, p, nullptr, &rule, nullptr) == BKB_OK, "problem");
      FUZZ_CHECK(rule != nullptr && *rule != '\0', "a batch problem without a rule");
    }
  }
  FUZZ_CHECK(bkb_batch_status(batch, bkb_batch_size(batch)) == BKB_OUT_OF_RANGE, "past end");
  bkb_batch_destroy(&batch);
}

// The accessors that take caller integers: any value is answered, none crashes.
void ErrorAccessors(const Arguments& args) {
  uint32_t value = 0;
  std::memcpy(&value, args[0], std::min<std::size_t>(sizeof value, args.strings[0].size()));
  FUZZ_CHECK(bkb_status_name(static_cast<bkb_status>(value)) != nullptr, "status name");
  const char* rule = "set";
  const bkb_status status = bkb_last_error_problem(value, nullptr, &rule, nullptr);
  FUZZ_CHECK(status == BKB_OK || (status == BKB_OUT_OF_RANGE && rule == nullptr), "problem");
  bkb_free(nullptr);
  bkb_plan_destroy(nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Fixtures& fixtures = Shared();
  const auto entry = static_cast<EntryPoint>(data[0] % static_cast<uint8_t>(EntryPoint::kCount));
  const Arguments args = Split(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  const Arguments before = args;
  switch (entry) {
    case EntryPoint::kCatalogFromJson:
      CatalogFromJson(args);
      break;
    case EntryPoint::kProfileCanonicalJson:
      ProfileCanonicalJson(fixtures, args);
      break;
    case EntryPoint::kPlannerCreate:
      PlannerCreate(fixtures, args);
      break;
    case EntryPoint::kPlanFromJsonAndEvaluate:
      PlanFromJsonAndEvaluate(fixtures, args);
      break;
    case EntryPoint::kPlannerPlan:
      PlannerPlan(fixtures, args);
      break;
    case EntryPoint::kPlannerNextWeek:
      PlannerNextWeek(fixtures, args);
      break;
    case EntryPoint::kPlannerPlanBatch:
      PlannerPlanBatch(fixtures, args);
      break;
    case EntryPoint::kErrorAccessors:
    case EntryPoint::kCount:
      ErrorAccessors(args);
      break;
  }
  FUZZ_CHECK(args.strings == before.strings, "the library changed the caller's bytes");
  return 0;
}
