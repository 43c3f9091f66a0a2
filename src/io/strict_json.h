// File: io/strict_json.h (internal)
//
// Strict JSON reading for every backbalance document. ParseStrictJson never throws and
// never crashes, whatever the bytes: it enforces the limits of backbalance/io/document.h
// (size, depth, string length), rejects duplicate keys (nlohmann-json would silently keep
// the last one) and reports syntax errors, invalid UTF-8 included, with a byte offset.
//
// JsonReader then walks the parsed value field by field, collecting one Problem per
// fault (`<path>: <rule>: <detail>`, plan model section 11) instead of stopping at the
// first. It remembers every path it reported, so that the value-level validators that
// run afterwards (ValidateCatalogRecords) can skip what the JSON level already said.
//
// Number policy: an integer field takes only a JSON integer literal. A number written
// with a fraction or exponent (3.5, 3.0, 3e0) is a `type` problem; an integer literal
// too large for 64 bits (nlohmann reads it as a double) is a `range` problem.
#ifndef BACKBALANCE_IO_STRICT_JSON_H_
#define BACKBALANCE_IO_STRICT_JSON_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/io/document.h"
#include "backbalance/model/problem.h"
#include "backbalance/model/vocabulary.h"
#include "internal/hash_containers.h"
#include "internal/json_value.h"
#include "internal/problem_paths.h"
#include "nlohmann/json.hpp"

namespace backbalance::internal {

// ---- Values in problem details ---------------------------------------------------

// The `syntax` detail of a NUL byte at `offset` of `text`: "invalid JSON at byte N (line
// L, column C): a NUL byte; ...". The Python binding words its own check the same way.
std::string NulByteDetail(std::string_view text, std::size_t offset);

// "null", "boolean", "integer", "number", "string", "array" or "object".
std::string_view JsonTypeName(const Json& value);

// How a value reads after "got" in a detail: a scalar as written (strings quoted), a
// container by its type name.
std::string DescribeValue(const Json& value);

// ---- Reading -------------------------------------------------------------------------

// A parsed document that frees itself with ReleaseWithoutAllocating, so that running out
// of memory while loading unwinds to kResourceExhausted instead of ending the process.
class ParsedJson {
 public:
  explicit ParsedJson(Json value) noexcept : value_(std::move(value)) {}
  ParsedJson(ParsedJson&& other) noexcept : value_(std::move(other.value_)) {}
  ParsedJson(const ParsedJson&) = delete;
  ParsedJson& operator=(const ParsedJson&) = delete;
  ParsedJson& operator=(ParsedJson&&) = delete;
  ~ParsedJson() { ReleaseWithoutAllocating(value_); }

  const Json& operator*() const { return value_; }
  const Json* operator->() const { return &value_; }

 private:
  Json value_;
};

// The problems of one document and the paths they cover.
class JsonReader {
 public:
  JsonReader() = default;
  JsonReader(const JsonReader&) = delete;
  JsonReader& operator=(const JsonReader&) = delete;

  // Parses `text` under the limits of document.h. nullopt when no value could be built
  // (syntax, depth, too_large); a value otherwise, even if non-fatal problems (duplicate
  // keys, over-long strings) were reported: their paths are skipped by later reads.
  // A NUL byte anywhere is a `syntax` problem; so is a control character (U+0000..U+001F,
  // U+007F, escaped or not) in any string value (`control_character`), unless
  // AllowControlCharacters() was called (the free-exercise-db import, whose texts are
  // cleaned after reading).
  std::optional<ParsedJson> Parse(std::string_view text);
  void AllowControlCharacters() { allow_control_characters_ = true; }
  bool allows_control_characters() const { return allow_control_characters_; }

  // Records a problem; its path is then skipped by every later read and validator.
  // Past kMaxCollectedProblems the problem is only counted (see dropped()).
  void Report(std::string path, std::string_view rule, std::string detail);
  // Marks a path as covered without a problem line of its own, e.g. a list one of whose
  // elements was reported, so that value-level rules on the list do not misfire.
  void Skip(std::string path) { skip_paths_.insert(std::move(path)); }
  bool IsReported(const std::string& path) const { return skip_paths_.contains(path); }

  // Problems found so far, stored or dropped: callers compare counts to learn whether
  // reading a part of the document found anything.
  std::size_t problem_count() const { return problems_.size() + dropped_; }
  std::size_t dropped() const { return dropped_; }
  const std::vector<Problem>& problems() const { return problems_; }
  std::vector<Problem>& mutable_problems() { return problems_; }
  const StringSet& skip_paths() const { return skip_paths_; }

  // Typed reads of one value at `path`. Each reports `type` or `range` and returns
  // nullopt on failure, and returns nullopt silently when `path` was already reported
  // (a duplicate key or an over-long string found while parsing).
  std::optional<int> Int(const Json& value, const std::string& path, int min, int max);
  std::optional<uint64_t> Uint64(const Json& value, const std::string& path);
  // A finite number (integer or not) in [min, max].
  std::optional<double> Number(const Json& value, const std::string& path, double min,
                               double max = std::numeric_limits<double>::infinity());
  std::optional<bool> Bool(const Json& value, const std::string& path);
  std::optional<std::string> String(const Json& value, const std::string& path);
  // A string matching [a-z0-9_]{1,64}; `pattern` problem otherwise.
  std::optional<std::string> Identifier(const Json& value, const std::string& path);
  // A string naming a value of Enum; `unknown_name` listing the names otherwise.
  template <typename Enum>
  std::optional<Enum> EnumValue(const Json& value, const std::string& path);
  // Reports `type` unless `value` is of `type` (array or object); true when it is.
  bool Expect(const Json& value, const std::string& path, Json::value_t type);

  // An array of at most kMaxListLength elements, each read by
  // `read(element, element_path) -> std::optional<T>`. Elements that fail are left out
  // and the list's path is marked skipped. With `unique`, a repeated element is a
  // `duplicate` problem naming its first position (and is left out). nullopt when the
  // value is not an array or is too long.
  template <typename T, typename ReadElement>
  std::optional<std::vector<T>> List(const Json& value, const std::string& path, bool unique,
                                     ReadElement read);

 private:
  std::vector<Problem> problems_;
  StringSet skip_paths_;
  std::size_t dropped_ = 0;
  bool allow_control_characters_ = false;
};

// Walks the fields of one object. Lookups mark fields as known; ReportUnknownFields then
// names every other field of the object.
class ObjectReader {
 public:
  // Reports `type` at `path` unless `value` is an object; every lookup then finds nothing
  // and reports nothing.
  ObjectReader(JsonReader& reader, const Json& value, std::string path);
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  bool ok() const { return object_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string PathOf(std::string_view field) const { return FieldPath(path_, field); }
  JsonReader& reader() { return reader_; }

  // The field's value, or nullptr when absent. Required also reports `required`.
  const Json* Optional(std::string_view field);
  const Json* Required(std::string_view field);
  // True when the object holds the field (marking it known).
  bool Has(std::string_view field) { return Optional(field) != nullptr; }

  // `unknown_field` for each field no lookup named, in document order.
  void ReportUnknownFields();

 private:
  JsonReader& reader_;
  const Json* object_ = nullptr;
  std::string path_;
  StringSet known_;
  std::vector<std::string> known_order_;  // the fields looked up, in lookup order
};

// A list of strings, repeats and blanks allowed (the value-level rules judge those).
inline std::optional<std::vector<std::string>> ReadStringList(JsonReader& reader, const Json& value,
                                                              const std::string& path) {
  return reader.List<std::string>(
      value, path, /*unique=*/false,
      [&reader](const Json& v, const std::string& p) { return reader.String(v, p); });
}

// What a loader (LoadProfile, LoadPlan, ...) returns for an exception out of its reading
// of `document` ("a profile"): kResourceExhausted "out of memory reading a profile" for
// std::bad_alloc, else kInternal "unexpected error reading a profile: <what()>".
absl::Status LoadExceptionStatus(std::string_view document, const std::exception& error);

// ---- Template definitions ------------------------------------------------------------

template <typename Enum>
std::optional<Enum> JsonReader::EnumValue(const Json& value, const std::string& path) {
  std::optional<std::string> name = String(value, path);
  if (!name) return std::nullopt;
  if (std::optional<Enum> parsed = FromName<Enum>(*name)) return parsed;
  Report(path, "unknown_name",
         absl::StrCat("must be one of ", EnumNameList<Enum>(), "; got ", Quote(*name)));
  return std::nullopt;
}

template <typename T, typename ReadElement>
std::optional<std::vector<T>> JsonReader::List(const Json& value, const std::string& path,
                                               bool unique, ReadElement read) {
  if (IsReported(path) || !Expect(value, path, Json::value_t::array)) return std::nullopt;
  if (value.size() > kMaxListLength) {
    Report(path, "length",
           absl::StrCat("must hold at most ", kMaxListLength, " entries, got ", value.size()));
    return std::nullopt;
  }
  std::vector<T> out;
  std::vector<std::size_t> positions;  // document index of each kept element
  out.reserve(value.size());
  bool all_read = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string element_path = IndexPath(path, i);
    std::optional<T> element = read(value[i], element_path);
    if (!element) {
      all_read = false;
      continue;
    }
    if (unique) {
      // Lists are short (kMaxListLength), so a linear search keeps T free of hashing.
      bool repeated = false;
      for (std::size_t k = 0; k < out.size(); ++k) {
        if (out[k] == *element) {
          Report(element_path, "duplicate",
                 absl::StrCat(DescribeValue(value[i]), " is already listed at ",
                              IndexPath(path, positions[k])));
          repeated = true;
          break;
        }
      }
      if (repeated) {
        all_read = false;
        continue;
      }
    }
    out.push_back(*std::move(element));
    positions.push_back(i);
  }
  if (!all_read) Skip(path);
  return out;
}

}  // namespace backbalance::internal

#endif  // BACKBALANCE_IO_STRICT_JSON_H_
