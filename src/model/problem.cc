#include "backbalance/model/problem.h"

#include <algorithm>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace backbalance {
namespace {

// The payload carrying the problems as data. The URL follows Abseil's convention for
// payload types; the value is a JSON array of {"path", "rule", "detail"} objects.
constexpr std::string_view kProblemsTypeUrl = "type.googleapis.com/backbalance.Problems";

// How a problem about the whole document names its place (see Problem in problem.h).
constexpr std::string_view kDocumentPath = "(document)";

}  // namespace

std::string Problem::ToString() const {
  const std::string_view place = path.empty() ? kDocumentPath : std::string_view(path);
  return absl::StrCat(absl::string_view(place.data(), place.size()), ": ", rule, ": ", detail);
}

absl::Status ProblemsStatus(absl::StatusCode code, const std::vector<Problem>& problems) {
  if (problems.empty() || code == absl::StatusCode::kOk) return absl::OkStatus();
  std::string message;
  // A list cut at kMaxCollectedProblems ends with a `too_many_problems` line counting
  // what was dropped: it is always shown, after the count of the kept ones left out, so
  // that a huge document reads "and 9900 more" and then "at least 490000 more were found"
  // instead of only "and 9901 more".
  const bool cut = problems.back().rule == "too_many_problems";
  const std::size_t listed = problems.size() - (cut ? 1 : 0);
  const std::size_t shown = std::min(listed, kMaxReportedProblems);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) message += '\n';
    message += problems[i].ToString();
  }
  if (listed > shown) absl::StrAppend(&message, "\nand ", listed - shown, " more");
  if (cut) absl::StrAppend(&message, message.empty() ? "" : "\n", problems.back().ToString());
  absl::Status status(code, message);

  try {
    nlohmann::json list = nlohmann::json::array();
    for (const Problem& p : problems) {
      list.push_back({{"path", p.path}, {"rule", p.rule}, {"detail", p.detail}});
    }
    // `replace` keeps dump() from throwing on invalid UTF-8 in a detail; the loaders
    // already escape such bytes, but values built in code are not checked.
    status.SetPayload(
        absl::string_view(kProblemsTypeUrl.data(), kProblemsTypeUrl.size()),
        absl::Cord(list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  } catch (const std::exception&) {
    // Out of memory while building the payload: the message still lists the problems.
  }
  return status;
}

std::vector<Problem> ProblemsOf(const absl::Status& status) {
  std::vector<Problem> problems;
  const auto payload =
      status.GetPayload(absl::string_view(kProblemsTypeUrl.data(), kProblemsTypeUrl.size()));
  if (!payload) return problems;
  const nlohmann::json list =
      nlohmann::json::parse(std::string(*payload), /*cb=*/nullptr, /*allow_exceptions=*/false);
  if (!list.is_array()) return problems;
  try {
    for (const nlohmann::json& entry : list) {
      if (!entry.is_object()) continue;
      problems.push_back({entry.value("path", std::string()), entry.value("rule", std::string()),
                          entry.value("detail", std::string())});
    }
  } catch (const std::exception&) {
    // A payload someone else attached under our URL, of the wrong shape: ignore the rest.
  }
  return problems;
}

}  // namespace backbalance
