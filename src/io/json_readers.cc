// The readers of the JSON layer (io/strict_json.h): typed values at a path, each fault a
// Problem; paths and document order are the kit's (internal/problem_paths.h).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/io/document.h"
#include "internal/format.h"
#include "io/strict_json.h"

namespace backbalance::internal {
namespace {

std::string RangeText(int min, int max) {
  if (max == std::numeric_limits<int>::max()) return absl::StrCat(">= ", min);
  return absl::StrCat("in ", min, "..", max);
}

std::string NumberRangeText(double min, double max) {
  if (std::isinf(max)) return absl::StrCat(">= ", Json(min).dump());
  return absl::StrCat("in ", Json(min).dump(), "..", Json(max).dump());
}

// An integer literal too large for 64 bits reaches us as a double with no fraction.
bool IsHugeInteger(const Json& value) {
  if (!value.is_number_float()) return false;
  const double d = value.get<double>();
  return std::isfinite(d) && d == std::floor(d) && std::fabs(d) >= 9.2233720368547758e18;
}

}  // namespace

std::string_view JsonTypeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "integer";
    case Json::value_t::number_float:
      return "number";
    case Json::value_t::string:
      return "string";
    case Json::value_t::array:
      return "array";
    case Json::value_t::object:
      return "object";
    default:
      return "binary";
  }
}

std::string DescribeValue(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string:
      return Quote(value.get_ref<const std::string&>());
    case Json::value_t::null:
    case Json::value_t::boolean:
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return value.dump();
    default:
      return std::string(JsonTypeName(value));
  }
}

// ---- JsonReader ----------------------------------------------------------------------

void JsonReader::Report(std::string path, std::string_view rule, std::string detail) {
  if (problems_.size() >= kMaxCollectedProblems) {
    ++dropped_;
    return;
  }
  skip_paths_.insert(path);
  problems_.push_back({std::move(path), std::string(rule), std::move(detail)});
}

bool JsonReader::Expect(const Json& value, const std::string& path, Json::value_t type) {
  if (value.type() == type) return true;
  const std::string_view wanted = type == Json::value_t::array ? "an array" : "an object";
  Report(path, "type",
         absl::StrCat("must be ", AsAbsl(wanted), ", got ", AsAbsl(JsonTypeName(value))));
  return false;
}

std::optional<int> JsonReader::Int(const Json& value, const std::string& path, int min, int max) {
  if (IsReported(path)) return std::nullopt;
  if (value.is_number_unsigned()) {
    const uint64_t v = value.get<uint64_t>();
    if (max >= 0 && v <= static_cast<uint64_t>(max) && static_cast<int64_t>(v) >= min) {
      return static_cast<int>(v);
    }
  } else if (value.is_number_integer()) {
    const int64_t v = value.get<int64_t>();
    if (v >= min && v <= max) return static_cast<int>(v);
  } else if (!IsHugeInteger(value)) {
    Report(path, "type", absl::StrCat("must be an integer, got ", AsAbsl(JsonTypeName(value))));
    return std::nullopt;
  }
  Report(path, "range",
         absl::StrCat("must be an integer ", RangeText(min, max), ", got ", value.dump()));
  return std::nullopt;
}

std::optional<uint64_t> JsonReader::Uint64(const Json& value, const std::string& path) {
  if (IsReported(path)) return std::nullopt;
  if (value.is_number_unsigned()) return value.get<uint64_t>();
  if (value.is_number_integer() || IsHugeInteger(value)) {
    Report(path, "range",
           absl::StrCat("must be an integer in 0..", std::numeric_limits<uint64_t>::max(), ", got ",
                        value.dump()));
  } else {
    Report(path, "type", absl::StrCat("must be an integer, got ", AsAbsl(JsonTypeName(value))));
  }
  return std::nullopt;
}

std::optional<double> JsonReader::Number(const Json& value, const std::string& path, double min,
                                         double max) {
  if (IsReported(path)) return std::nullopt;
  if (!value.is_number()) {
    Report(path, "type", absl::StrCat("must be a number, got ", AsAbsl(JsonTypeName(value))));
    return std::nullopt;
  }
  const double v = value.get<double>();
  if (!(v >= min && v <= max)) {
    Report(path, "range",
           absl::StrCat("must be a number ", NumberRangeText(min, max), ", got ", value.dump()));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> JsonReader::Bool(const Json& value, const std::string& path) {
  if (IsReported(path)) return std::nullopt;
  if (!value.is_boolean()) {
    Report(path, "type", absl::StrCat("must be a boolean, got ", AsAbsl(JsonTypeName(value))));
    return std::nullopt;
  }
  return value.get<bool>();
}

std::optional<std::string> JsonReader::String(const Json& value, const std::string& path) {
  if (IsReported(path)) return std::nullopt;
  if (!value.is_string()) {
    Report(path, "type", absl::StrCat("must be a string, got ", AsAbsl(JsonTypeName(value))));
    return std::nullopt;
  }
  return value.get<std::string>();
}

std::optional<std::string> JsonReader::Identifier(const Json& value, const std::string& path) {
  std::optional<std::string> text = String(value, path);
  if (!text) return std::nullopt;
  if (!IsIdentifier(*text)) {
    Report(path, "pattern",
           absl::StrCat("must match ", AsAbsl(kIdentifierPattern), ", got ", Quote(*text)));
    return std::nullopt;
  }
  return text;
}

// ---- ObjectReader --------------------------------------------------------------------

ObjectReader::ObjectReader(JsonReader& reader, const Json& value, std::string path)
    : reader_(reader), path_(std::move(path)) {
  if (reader_.IsReported(path_)) return;
  if (reader_.Expect(value, path_, Json::value_t::object)) object_ = &value;
}

const Json* ObjectReader::Optional(std::string_view field) {
  if (known_.insert(std::string(field)).second) known_order_.emplace_back(field);
  if (object_ == nullptr) return nullptr;
  auto it = object_->find(field);
  return it == object_->end() ? nullptr : &*it;
}

const Json* ObjectReader::Required(std::string_view field) {
  const Json* value = Optional(field);
  if (value == nullptr && object_ != nullptr && !reader_.IsReported(PathOf(field))) {
    reader_.Report(PathOf(field), "required", "is missing");
  }
  return value;
}

absl::Status LoadExceptionStatus(std::string_view document, const std::exception& error) {
  if (dynamic_cast<const std::bad_alloc*>(&error) != nullptr) {
    return absl::ResourceExhaustedError(absl::StrCat("out of memory reading ", AsAbsl(document)));
  }
  return absl::InternalError(
      absl::StrCat("unexpected error reading ", AsAbsl(document), ": ", error.what()));
}

void ObjectReader::ReportUnknownFields() {
  if (object_ == nullptr) return;
  for (const auto& item : object_->items()) {
    if (known_.contains(item.key())) continue;
    // Naming the fields that are allowed here turns most typos into an obvious fix.
    reader_.Report(
        FieldPath(path_, item.key()), "unknown_field",
        absl::StrCat("not a field here; the fields are ", absl::StrJoin(known_order_, ", ")));
  }
}

}  // namespace backbalance::internal
