#include "io/strict_json.h"

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

namespace backbalance::internal {
namespace {


// nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1,
// column 5: ..."; the bracketed id means nothing to a person, and the token it quotes
// may hold any bytes, so keep the rest in printable ASCII.
std::string CleanParserMessage(std::string_view what) {
  if (!what.empty() && what.front() == '[') {
    const std::size_t end = what.find("] ");
    if (end != std::string_view::npos) what.remove_prefix(end + 2);
  }
  constexpr std::string_view kPrefix = "parse error at ";
  if (what.substr(0, kPrefix.size()) == kPrefix) what.remove_prefix(kPrefix.size());
  std::string out;
  out.reserve(std::min<std::size_t>(what.size(), 400));
  for (char c : what) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F) {
      out += Format("\\x%02X", u);
    } else {
      out.push_back(c);
    }
    if (out.size() >= 400) {
      out += "...";
      break;
    }
  }
  return out;
}

}  // namespace

std::string NulByteDetail(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const std::size_t line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column =
      line_start == std::string_view::npos ? offset + 1 : offset - line_start;
  return absl::StrCat("invalid JSON at byte ", offset, " (line ", line, ", column ", column,
                      "): a NUL byte; JSON text holds none, and nothing may follow a document");
}

namespace {

// Builds the DOM from nlohmann's SAX events, adding what its own DOM parser lacks:
// duplicate keys, a depth limit that stops the parse early, and a string length limit.
// A value under a duplicate or over-long key is discarded (the first one is kept).
class StrictDomBuilder {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  explicit StrictDomBuilder(JsonReader& reader) : reader_(reader) {}
  StrictDomBuilder(const StrictDomBuilder&) = delete;
  StrictDomBuilder& operator=(const StrictDomBuilder&) = delete;
  // A document left half built (a syntax error, or memory ran out) is freed leaf first.
  ~StrictDomBuilder() { ReleaseWithoutAllocating(root_); }

  bool null() { return AddValue(Json(nullptr)); }
  bool boolean(bool value) { return AddValue(Json(value)); }
  bool number_integer(number_integer_t value) { return AddValue(Json(value)); }
  bool number_unsigned(number_unsigned_t value) { return AddValue(Json(value)); }
  bool number_float(number_float_t value, const string_t& /*lexeme*/) {
    return AddValue(Json(value));
  }
  bool string(string_t& value) {
    if (discard_depth_ == 0 && !DiscardingNextValue()) {
      if (value.size() > kMaxStringLength) {
        reader_.Report(CurrentPath(), "length",
                       absl::StrCat("a string may hold at most ", kMaxStringLength, " bytes, got ",
                                    value.size()));
        value.clear();  // reported, so never read; no need to keep the bytes
      } else if (!reader_.allows_control_characters()) {
        // Every text of a document ends up in a terminal, a Markdown or HTML page or a
        // calendar: an escape sequence (ESC, BEL) or a newline in a name would act there
        // instead of being shown, so no document string may hold one (JSON lets them in
        // escaped as \u001b, \n, ...).
        const auto control = std::find_if(value.begin(), value.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
        });
        if (control != value.end()) {
          reader_.Report(CurrentPath(), "control_character",
                         Format("must not hold control characters (U+0000..U+001F, U+007F); "
                                "got U+%04X at byte %d of the text",
                                static_cast<unsigned char>(*control),
                                static_cast<int>(control - value.begin())));
          value.clear();
        }
      }
    }
    return AddValue(Json(std::move(value)));
  }
  bool binary(binary_t& /*value*/) { return AddValue(Json(nullptr)); }  // not in JSON text

  bool start_object(std::size_t /*elements*/) { return Open(Json::value_t::object); }
  bool start_array(std::size_t /*elements*/) { return Open(Json::value_t::array); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }

  bool key(string_t& key) {
    if (discard_depth_ > 0) return true;
    Frame& frame = frames_.back();
    frame.key = std::move(key);
    frame.discard_value = false;
    if (frame.key.size() > kMaxStringLength) {
      reader_.Report(CurrentPath(), "length",
                     absl::StrCat("a key may hold at most ", kMaxStringLength, " bytes, got ",
                                  frame.key.size()));
      frame.discard_value = true;
    } else if (SeenBefore(frame)) {
      reader_.Report(
          CurrentPath(), "duplicate_key",
          absl::StrCat("key ", Quote(frame.key), " appears more than once in this object"));
      frame.discard_value = true;
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const Json::exception& error) {
    // nlohmann counts bytes read, so the offending byte is the last one counted; a
    // zero-based offset is what `dd skip=` and editors' "go to byte" take.
    const std::size_t offset = position > 0 ? position - 1 : 0;
    std::string message = CleanParserMessage(error.what());
    std::string detail = absl::StrCat("invalid JSON at byte ", offset);
    if (message.rfind("line ", 0) == 0) {
      // "line 1, column 5: <what>" -> " (line 1, column 5): <what>"
      const std::size_t colon = message.find(": ");
      if (colon != std::string::npos) {
        absl::StrAppend(&detail, " (", message.substr(0, colon), ")");
        message.erase(0, colon + 2);
      }
    }
    absl::StrAppend(&detail, ": ", message);
    if (!frames_.empty()) {
      const std::string near = CurrentPath();
      if (!near.empty()) absl::StrAppend(&detail, " (near ", near, ")");
    }
    reader_.Report("", "syntax", std::move(detail));
    failed_ = true;
    return false;
  }

  // Whether a complete value was built without a fatal problem.
  bool complete() const { return has_root_ && !failed_ && frames_.empty(); }
  bool failed() const { return failed_; }
  Json TakeRoot() { return std::move(root_); }

 private:
  struct Frame {
    Json* container = nullptr;
    std::string key;             // objects: the key of the value being read
    std::size_t next_index = 0;  // arrays: the index of the value being read
    StringSet keys;              // objects past kScanLimit members: their keys
    bool discard_value = false;  // objects: the value under `key` is dropped
  };

  // Whether the object already holds `frame.key`. Records have a dozen fields, so a scan
  // of the members placed so far is cheaper than a hash set of their keys (a node per
  // key); an object that grows past kScanLimit members switches to the set, so that a
  // huge object is not checked in quadratic time.
  static constexpr std::size_t kScanLimit = 16;
  static bool SeenBefore(Frame& frame) {
    const Json::object_t::Container& members = *frame.container->get_ptr<Json::object_t*>();
    if (frame.keys.empty() && members.size() < kScanLimit) {
      return std::any_of(members.begin(), members.end(),
                         [&frame](const auto& member) { return member.first == frame.key; });
    }
    if (frame.keys.empty()) {
      for (const auto& member : members) frame.keys.insert(member.first);
    }
    return !frame.keys.insert(frame.key).second;
  }

  bool DiscardingNextValue() const {
    return !frames_.empty() && frames_.back().container->is_object() &&
           frames_.back().discard_value;
  }

  // The path of the value being read now.
  std::string CurrentPath() const {
    std::string path;
    for (const Frame& frame : frames_) {
      path = frame.container->is_object() ? FieldPath(path, frame.key)
                                          : IndexPath(path, frame.next_index);
    }
    return path;
  }

  // Adds a complete value to the open container (or makes it the root) and returns a
  // pointer to it where it now lives.
  Json* Place(Json&& value) {
    if (frames_.empty()) {
      root_ = std::move(value);
      has_root_ = true;
      return &root_;
    }
    Frame& frame = frames_.back();
    if (frame.container->is_object()) {
      // Append directly: the key is known to be new, and ordered_map's own insert
      // searches linearly, which a huge object would turn quadratic.
      return AppendToObject(*frame.container->get_ptr<Json::object_t*>(), frame.key,
                            std::move(value));
    }
    auto* array = frame.container->get_ptr<Json::array_t*>();
    array->push_back(std::move(value));
    return &array->back();
  }

  // Appends without letting std::vector copy the object's members: a pair with a const
  // key cannot be moved, so the vector's own growth copies every value and destroys the
  // originals, which allocates (see ReleaseWithoutAllocating). Grown by hand, the values
  // are moved (noexcept) once every allocation has succeeded. `value` is a scalar or an
  // empty container (Open fills containers in place), so dropping it never allocates.
  static Json* AppendToObject(Json::object_t& object, const std::string& key, Json&& value) {
    Json::object_t::Container& items = object;
    if (items.size() < items.capacity()) {
      items.emplace_back(key, std::move(value));
      return &items.back().second;
    }
    std::vector<std::string> keys;
    keys.reserve(items.size() + 1);
    for (const auto& item : items) keys.push_back(item.first);
    keys.push_back(key);
    Json::object_t::Container grown;
    grown.reserve(std::max<std::size_t>(4, 2 * items.size()));
    for (std::size_t i = 0; i < items.size(); ++i) {
      grown.emplace_back(std::move(keys[i]), std::move(items[i].second));
    }
    grown.emplace_back(std::move(keys.back()), std::move(value));
    items.swap(grown);  // `grown` keeps the old keys and moved-from (null) values
    return &items.back().second;
  }

  bool AddValue(Json&& value) {
    if (discard_depth_ > 0) return true;
    if (DiscardingNextValue()) {
      frames_.back().discard_value = false;
      return true;
    }
    const bool in_array = !frames_.empty() && frames_.back().container->is_array();
    Place(std::move(value));
    if (in_array) ++frames_.back().next_index;
    return true;
  }

  bool Open(Json::value_t type) {
    if (depth_ >= kMaxJsonDepth) {
      std::string path = discard_depth_ > 0 ? std::string() : CurrentPath();
      reader_.Report(
          std::move(path), "depth",
          absl::StrCat("JSON may nest at most ", kMaxJsonDepth, " arrays and objects deep"));
      failed_ = true;
      return false;
    }
    ++depth_;
    if (discard_depth_ > 0) {
      ++discard_depth_;
      return true;
    }
    if (DiscardingNextValue()) {
      frames_.back().discard_value = false;
      discard_depth_ = 1;
      return true;
    }
    Json* container = Place(Json(type));
    frames_.push_back(Frame{container, {}, 0, {}, false});
    return true;
  }

  bool Close() {
    --depth_;
    if (discard_depth_ > 0) {
      --discard_depth_;
      return true;
    }
    frames_.pop_back();
    if (!frames_.empty() && frames_.back().container->is_array()) ++frames_.back().next_index;
    return true;
  }

  JsonReader& reader_;
  Json root_;
  bool has_root_ = false;
  bool failed_ = false;
  int depth_ = 0;
  int discard_depth_ = 0;  // > 0 inside a discarded container
  std::vector<Frame> frames_;
};


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

std::optional<ParsedJson> JsonReader::Parse(std::string_view text) {
  if (text.size() > kMaxDocumentBytes) {
    Report("", "too_large",
           absl::StrCat("a document may hold at most ", kMaxDocumentBytes, " bytes, got ",
                        text.size()));
    return std::nullopt;
  }
  // nlohmann's lexer takes a NUL byte between tokens for the end of the input (so that
  // C strings parse), which would end a document silently at the first NUL and ignore
  // whatever follows it. A NUL is never part of JSON text (inside a string it is written
  // \u0000), so the first one is a syntax error wherever it stands.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    Report("", "syntax", NulByteDetail(text, nul));
    return std::nullopt;
  }
  StrictDomBuilder builder(*this);
  try {
    Json::sax_parse(text.data(), text.data() + text.size(), &builder,
                    nlohmann::detail::input_format_t::json, /*strict=*/true,
                    /*ignore_comments=*/false);
  } catch (const std::bad_alloc&) {
    // Running out of memory says nothing about the document: every loader turns this
    // into kResourceExhausted rather than a problem of the input.
    throw;
  } catch (const std::exception& e) {
    // nlohmann reports syntax errors through the SAX interface; anything thrown is
    // unexpected, but must still not escape.
    Report("", "syntax", absl::StrCat("invalid JSON: ", CleanParserMessage(e.what())));
    return std::nullopt;
  }
  if (!builder.complete()) {
    if (!builder.failed()) Report("", "syntax", "invalid JSON: the document ended early");
    return std::nullopt;
  }
  return ParsedJson(builder.TakeRoot());
}

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
