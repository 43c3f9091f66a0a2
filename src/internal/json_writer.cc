#include "internal/json_writer.h"

#include <array>
#include <charconv>

namespace backbalance::internal {
namespace {

// The bytes Quoted does not copy as they are: control characters, `"`, `\`, and any
// byte of a multi-byte UTF-8 sequence.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> special{};
  for (int ch = 0; ch < 256; ++ch) special[ch] = ch < 0x20 || ch == '"' || ch == '\\' || ch >= 0x80;
  return special;
}();

}  // namespace

// Structure: a comma before every value but the first of its object or array; indented,
// each member on its own line (an empty object or array stays `{}`, `[]`).
void JsonText::Open(char bracket) {
  Separate();
  out_ += bracket;
  ++depth_;
  first_ = true;
}

void JsonText::Close(char bracket) {
  --depth_;
  if (indented_ && !first_) NewLine();
  out_ += bracket;
  first_ = false;
}

void JsonText::Key(std::string_view key) {
  Separate();
  Quoted(key);
  out_ += indented_ ? ": " : ":";
  after_key_ = true;
}

void JsonText::Separate() {
  if (after_key_) {
    after_key_ = false;
  } else {
    if (!first_) out_ += ',';
    if (indented_ && depth_ > 0) NewLine();
  }
  first_ = false;
}

void JsonText::NewLine() {
  out_ += '\n';
  out_.append(2 * static_cast<std::size_t>(depth_), ' ');
}

void JsonText::Null() {
  Separate();
  out_ += "null";
}

void JsonText::Bool(bool value) {
  Separate();
  out_ += value ? "true" : "false";
}

void JsonText::AppendInteger(int64_t value) {
  std::array<char, 24> buffer;
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out_.append(buffer.data(), result.ptr);
}

void JsonText::AppendUnsigned(uint64_t value) {
  std::array<char, 24> buffer;
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out_.append(buffer.data(), result.ptr);
}

// nlohmann's own conversion, so that the digits are those of its dump.
void JsonText::Number(double value) {
  Separate();
  std::array<char, 64> buffer;
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out_.append(buffer.data(), end);
}

void JsonText::String(std::string_view value) {
  Separate();
  Quoted(value);
}

// As nlohmann's dump_escaped with ensure_ascii off: `"` and `\` escaped, control
// characters as \b \t \n \f \r or \u00xx, the rest as is. A string holding any byte
// above 0x7f (UTF-8, valid or not) is left to nlohmann itself, which replaces invalid
// sequences; the library's own texts are ASCII, so that path is rare.
void JsonText::Quoted(std::string_view value) {
  const std::size_t start = out_.size();
  out_ += '"';
  std::size_t plain = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < value.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(value[i]);
    if (!kSpecial[ch]) continue;
    if (ch >= 0x80) {
      out_.resize(start);
      out_ += Json(std::string(value)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_.append(value.data() + plain, i - plain);
    plain = i + 1;
    switch (ch) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\r':
        out_ += "\\r";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[ch >> 4], kHex[ch & 0xf]};
        out_.append(escaped, sizeof escaped);
      }
    }
  }
  out_.append(value.data() + plain, value.size() - plain);
  out_ += '"';
}

Json* JsonTree::Put(Json value) {
  if (stack_.empty()) {
    root_ = std::move(value);
    return &root_;
  }
  Json& open = *stack_.back();
  if (open.is_object()) {
    Json& member = open[key_];
    member = std::move(value);
    return &member;
  }
  open.push_back(std::move(value));
  return &open.back();
}

}  // namespace backbalance::internal
