// Fuzz target `options_json`: planner options as a C caller passes them
// (bkb_planner_create), with every field drawn from beyond its range. Each byte pair of
// the input picks a field of bkb_options_default_json() and a value for it from a table
// of values past every bound (-1, 0, 2^31, 2^63, 10^10, 1e308, -1e-300, a huge integer
// literal, strings, null, ...), so that every field meets values out of its range.
// Properties (reliability round 2, findings 7 and 8): nothing crashes, hangs or throws;
// a refusal is BKB_INVALID_ARGUMENT whose every problem has a path under `options` and a
// rule, and whose `range` problems all read `must be an integer in A..B, got X` or `must
// be a number in A..B, got X` (one form, whatever the value's size); accepted options
// read back (bkb_planner_options_json) to options that create an equal planner.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "backbalance/backbalance.h"
#include "fuzz/fuzz_check.h"
#include "nlohmann/json.hpp"

namespace {

using Json = nlohmann::ordered_json;

// Values beyond the range of every option (and a few inside), as JSON text.
constexpr const char* kValues[] = {
    "-1",
    "0",
    "1",
    "7",
    "241",
    "1000001",
    "2147483648",
    "-2147483649",
    "1e10",
    "10000000000",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "100000000000000000000000000",
    "1e308",
    "-1e308",
    "1e-300",
    "0.5",
    "1000.5",
    "86401",
    "0.0001",
    "\"x\"",
    "null",
    "true",
    "[]",
    "{}",
};
constexpr std::size_t kValueCount = sizeof kValues / sizeof kValues[0];

// The dotted paths of every scalar option: the fields of the defaults, bands[i].* and
// catalog_defaults.* included, array entries as `name[i]`.
void Collect(const Json& value, const std::string& path, std::vector<std::string>& out) {
  if (value.is_object()) {
    for (const auto& item : value.items()) {
      Collect(item.value(), path.empty() ? item.key() : path + "." + item.key(), out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      Collect(value[i], path + "[" + std::to_string(i) + "]", out);
    }
  } else {
    out.push_back(path);
  }
}

// Sets `path` of `document` to `value` (both as written by Collect).
void Set(Json& document, const std::string& path, const Json& value) {
  Json* at = &document;
  std::size_t begin = 0;
  while (begin < path.size()) {
    std::size_t end = path.find_first_of(".[", begin);
    if (end == std::string::npos) end = path.size();
    if (end > begin) at = &(*at)[path.substr(begin, end - begin)];
    if (end < path.size() && path[end] == '[') {
      const std::size_t close = path.find(']', end);
      at = &(*at)[std::stoul(path.substr(end + 1, close - end - 1))];
      end = close + 1;
    }
    begin = end < path.size() && path[end] == '.' ? end + 1 : end;
  }
  *at = value;
}

bool OneRangeForm(const std::string& detail) {
  for (const char* form : {"must be an integer in ", "must be a number in "}) {
    if (detail.rfind(form, 0) != 0) continue;
    const std::size_t dots = detail.find("..");
    const std::size_t got = detail.find(", got ");
    return dots != std::string::npos && got != std::string::npos && dots < got &&
           got + 6 < detail.size();
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static bkb_catalog* catalog = [] {
    bkb_catalog* c = nullptr;
    FUZZ_CHECK(bkb_catalog_builtin(&c) == BKB_OK, "no built-in catalog");
    return c;
  }();
  static const std::vector<std::string> fields = [] {
    std::vector<std::string> out;
    Collect(Json::parse(bkb_options_default_json()), "", out);
    return out;
  }();
  Json options = Json::object();
  for (std::size_t i = 0; i + 1 < size && i < 64; i += 2) {
    const std::string& field = fields[data[i] % fields.size()];
    if (field == "backend") continue;  // a name, not a number: the exact backend is slow
    Set(options, field, Json::parse(kValues[data[i + 1] % kValueCount]));
  }
  const std::string text = options.dump();
  bkb_planner* planner = nullptr;
  const bkb_status status = bkb_planner_create(catalog, text.c_str(), &planner);
  if (status != BKB_OK) {
    FUZZ_CHECK(status == BKB_INVALID_ARGUMENT, text + "\n" + bkb_last_error_message());
    FUZZ_CHECK(planner == nullptr, "a failed create left a planner");
    const uint32_t count = bkb_last_error_problem_count();
    FUZZ_CHECK(count > 0, text);
    for (uint32_t i = 0; i < count; ++i) {
      const char *path = nullptr, *rule = nullptr, *detail = nullptr;
      FUZZ_CHECK(bkb_last_error_problem(i, &path, &rule, &detail) == BKB_OK, text);
      FUZZ_CHECK(std::strncmp(path, "options", 7) == 0 && rule[0] != '\0', text);
      if (std::strcmp(rule, "range") == 0) {
        FUZZ_CHECK(OneRangeForm(detail), std::string(path) + ": " + detail);
      }
    }
    return 0;
  }
  const std::string written = bkb_planner_options_json(planner);
  bkb_planner* again = nullptr;
  FUZZ_CHECK(bkb_planner_create(catalog, written.c_str(), &again) == BKB_OK, written);
  FUZZ_CHECK(written == bkb_planner_options_json(again), written);
  bkb_planner_destroy(&again);
  bkb_planner_destroy(&planner);
  return 0;
}
