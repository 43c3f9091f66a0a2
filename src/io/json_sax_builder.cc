// The strict parse of the JSON layer (io/strict_json.h): nlohmann-json's SAX interface
// builds the document under the limits of backbalance/io/document.h, rejecting duplicate
// keys, and JsonReader::Parse turns its faults into `syntax`, `depth`, `too_large` problems.
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

}  // namespace

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

}  // namespace backbalance::internal
