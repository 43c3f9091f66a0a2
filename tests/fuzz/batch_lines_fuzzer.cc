// Fuzz target `batch_lines`: arbitrary bytes as the input of `backbalance plan-batch`, a
// JSON Lines file of profiles, split into lines as the command splits them (at '\n', a
// trailing '\r' dropped, blank lines skipped), each line read as the command reads it
// (LoadProfile, then CheckProfileAgainstCatalog on the built-in catalog).
// Properties (reliability round 2, findings 1 and 2): a line holding a NUL byte is
// always rejected with one `syntax` problem that names the NUL's byte (a NUL never ends a
// document silently); a rejection is a well-formed problem list; an accepted line saves to
// a profile that loads back equal; DetectDocumentKind agrees with LoadProfile about
// syntax. The seeds include NUL bytes and a line longer than libFuzzer's default
// -max_len, so huge lines are reached with -max_len set higher.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "backbalance/catalog/catalog.h"
#include "backbalance/io/document.h"
#include "backbalance/io/profile_json.h"
#include "fuzz/fuzz_check.h"

namespace {

void CheckLine(std::string_view line) {
  using namespace backbalance;
  static const std::shared_ptr<const Catalog> catalog = Catalog::Builtin();
  absl::StatusOr<Profile> profile = LoadProfile(line);
  const std::size_t nul = line.find('\0');
  if (nul != std::string_view::npos) {
    FUZZ_CHECK(!profile.ok(), "a line with a NUL byte loaded");
    const std::vector<Problem> problems = ProblemsOf(profile.status());
    FUZZ_CHECK(problems.size() == 1 && problems[0].rule == "syntax", profile.status().ToString());
    FUZZ_CHECK(problems[0].detail.find(absl::StrCat("at byte ", nul, " ")) != std::string::npos,
               profile.status().ToString());
  }
  absl::StatusOr<DocumentKind> kind = DetectDocumentKind(line);
  if (!profile.ok()) {
    fuzz::CheckRejection(profile.status());
    if (!kind.ok()) fuzz::CheckRejection(kind.status());
    return;
  }
  FUZZ_CHECK(kind.ok() && *kind == DocumentKind::kProfile, "a profile of another kind");
  const std::string saved = SaveProfile(*profile);
  absl::StatusOr<Profile> again = LoadProfile(saved);
  FUZZ_CHECK(again.ok() && *again == *profile, "profile changes on a round trip:\n" + saved);
  const absl::Status known = CheckProfileAgainstCatalog(*profile, *catalog);
  if (!known.ok()) fuzz::CheckRejection(known);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(absl::string_view(line.data(), line.size())).empty()) continue;
    CheckLine(line);
  }
  return 0;
}
