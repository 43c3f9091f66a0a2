// Fuzz target `profile_json`: arbitrary bytes as a profile document.
// Properties: LoadProfile never crashes or throws; a rejection is a well-formed problem
// list; an accepted profile saves to JSON that loads back equal; checking it against the
// built-in catalog either passes or lists problems; a profile that passes can be judged
// (Evaluate of a rest week never fails on it).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "backbalance/catalog/catalog.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/plan.h"
#include "backbalance/solver/evaluate.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace backbalance;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<Profile> profile = LoadProfile(text);
  if (!profile.ok()) {
    fuzz::CheckRejection(profile.status());
    return 0;
  }
  const std::string saved = SaveProfile(*profile);
  absl::StatusOr<Profile> again = LoadProfile(saved);
  FUZZ_CHECK(again.ok(), again.status().ToString() + "\n" + saved);
  FUZZ_CHECK(*again == *profile, "profile changes on a round trip:\n" + saved);

  const absl::Status conditions = CheckProfileConditions(*profile);
  if (!conditions.ok()) fuzz::CheckRejection(conditions);
  static const std::shared_ptr<const Catalog> catalog = Catalog::Builtin();
  const absl::Status known = CheckProfileAgainstCatalog(*profile, *catalog);
  if (!known.ok()) {
    fuzz::CheckRejection(known);
    return 0;
  }
  absl::StatusOr<Evaluation> verdict = Evaluate(*catalog, *profile, Plan{});
  FUZZ_CHECK(verdict.ok(), verdict.status().ToString());
  return 0;
}
