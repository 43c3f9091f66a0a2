// Fuzz target `plan_json`: arbitrary bytes as a plan document, then `evaluate`.
// Properties: LoadPlan never crashes or throws; a rejection is a well-formed problem
// list; saving a loaded plan is a fixed point (save, load, save gives the same bytes);
// Evaluate judges any loaded plan against the built-in catalog without an error (a plan
// that breaks rules is an invalid Evaluation, never a failure) and with a finite score.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/solver/evaluate.h"
#include "fuzz/fuzz_check.h"

namespace {

// Profiles that reach different rules: band A with no conditions (high impact allowed),
// band B with sciatica, band C in an acute flare with history-free defaults.
backbalance::Profile ProfileFor(std::size_t choice) {
  backbalance::Profile profile;
  switch (choice % 3) {
    case 0:
      profile.pain = 1;
      profile.fitness = 5;
      break;
    case 1:
      profile.pain = 5;
      profile.conditions = {"sciatica"};
      break;
    default:
      profile.pain = 8;
      profile.conditions = {"osteoporosis", "pregnancy"};
      profile.prefer = {"walking"};
      break;
  }
  return profile;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace backbalance;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<Plan> plan = LoadPlan(text);
  if (!plan.ok()) {
    fuzz::CheckRejection(plan.status());
    return 0;
  }
  const std::string saved = SavePlan(*plan).value();
  absl::StatusOr<Plan> again = LoadPlan(saved);
  FUZZ_CHECK(again.ok(), again.status().ToString() + "\n" + saved);
  FUZZ_CHECK(SavePlan(*again).value() == saved, "SavePlan is not a fixed point:\n" + saved);

  static const std::shared_ptr<const Catalog> catalog = Catalog::Builtin();
  absl::StatusOr<Evaluation> verdict = Evaluate(*catalog, ProfileFor(size), *plan);
  FUZZ_CHECK(verdict.ok(), verdict.status().ToString());
  FUZZ_CHECK(std::isfinite(verdict->score), "score is not finite");
  FUZZ_CHECK(verdict->valid == verdict->violations.empty(), "valid disagrees with violations");
  (void)SaveEvaluation(*verdict).value();
  return 0;
}
