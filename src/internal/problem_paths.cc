#include "internal/problem_paths.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "internal/format.h"

namespace backbalance::internal {
namespace {

// Details quote at most this many bytes of a value the document holds.
constexpr std::size_t kQuoteLimit = 80;

// The length of the well-formed UTF-8 sequence that starts text[i], or 0 when the bytes
// there are not one (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;  // the valid range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;
    if (b0 == 0xED) high = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

bool IsPlainKey(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Path parsing for SortProblems: a path is names (`a.b`, `a["odd key"]`) and indices.
struct PathToken {
  bool is_index = false;
  std::size_t index = 0;
  std::string name;
};

std::vector<PathToken> TokenizePath(std::string_view path) {
  std::vector<PathToken> tokens;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
    } else if (path[i] == '[' && i + 1 < path.size() && path[i + 1] == '"') {
      // A quoted key: up to the closing quote, skipping escaped characters.
      std::size_t k = i + 2;
      while (k < path.size() && path[k] != '"') k += path[k] == '\\' ? 2 : 1;
      tokens.push_back(
          {false, 0,
           std::string(path.substr(i + 2, std::min(k, path.size()) - std::min(i + 2, k)))});
      i = std::min(path.size(), k + 2);  // past `"]`
    } else if (path[i] == '[') {
      std::size_t k = i + 1;
      std::size_t index = 0;
      while (k < path.size() && path[k] >= '0' && path[k] <= '9') {
        index = index * 10 + static_cast<std::size_t>(path[k] - '0');
        ++k;
      }
      tokens.push_back({true, index, {}});
      i = k < path.size() ? k + 1 : k;  // past `]`
    } else {
      std::size_t k = i;
      while (k < path.size() && path[k] != '.' && path[k] != '[') ++k;
      tokens.push_back({false, 0, std::string(path.substr(i, k - i))});
      i = k;
    }
  }
  return tokens;
}

}  // namespace

// ---- Paths and details ---------------------------------------------------------------

std::string FieldPath(std::string_view base, std::string_view name) {
  // A long key is quoted too, because Quote shortens it: a path names a place, and a
  // 4 KiB key would make every line about it 4 KiB long.
  if (IsPlainKey(name) && name.size() <= kQuoteLimit) {
    return base.empty() ? std::string(name) : absl::StrCat(AsAbsl(base), ".", AsAbsl(name));
  }
  return absl::StrCat(AsAbsl(base), "[", Quote(name), "]");
}

std::string IndexPath(std::string_view base, std::size_t index) {
  return absl::StrCat(AsAbsl(base), "[", index, "]");
}

std::string Quote(std::string_view text) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < text.size()) {
    if (i >= kQuoteLimit) {
      out += "\"...";
      return out;
    }
    const auto u = static_cast<unsigned char>(text[i]);
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      out += Format("\\x%02X", u);
      ++i;
    } else if (length > 1) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      switch (text[i]) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          if (u < 0x20 || u == 0x7F) {
            out += Format("\\u%04X", u);
          } else {
            out.push_back(text[i]);
          }
      }
      ++i;
    }
  }
  out += "\"";
  return out;
}

bool IsIdentifier(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// ---- Document order ------------------------------------------------------------------

void FieldOrder::Add(std::string context, std::vector<std::string_view> fields) {
  auto& ranks = ranks_[std::move(context)];
  for (std::size_t i = 0; i < fields.size(); ++i) {
    ranks.emplace(std::string(fields[i]), static_cast<int>(i));
  }
}

int FieldOrder::Rank(std::string_view context, std::string_view field, int fallback) const {
  auto context_it = ranks_.find(AsAbsl(context));
  if (context_it == ranks_.end()) return fallback;
  auto it = context_it->second.find(AsAbsl(field));
  return it == context_it->second.end() ? fallback : it->second;
}

void SortProblems(std::vector<Problem>& problems, const FieldOrder& order) {
  // Unlisted fields (unknown ones) sort after every listed field of their object.
  constexpr int kUnlisted = 1 << 20;
  std::vector<std::pair<std::vector<std::size_t>, std::size_t>> keys;
  keys.reserve(problems.size());
  for (std::size_t p = 0; p < problems.size(); ++p) {
    std::vector<std::size_t> key;
    std::string context;
    for (const PathToken& token : TokenizePath(problems[p].path)) {
      if (token.is_index) {
        key.push_back(token.index);
        context += "[]";
      } else {
        key.push_back(static_cast<std::size_t>(order.Rank(context, token.name, kUnlisted)));
        context = context.empty() ? token.name : absl::StrCat(context, ".", token.name);
      }
    }
    keys.emplace_back(std::move(key), p);
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Problem> sorted;
  sorted.reserve(problems.size());
  for (const auto& [key, p] : keys) sorted.push_back(std::move(problems[p]));
  problems = std::move(sorted);
}

void FinishProblems(std::vector<Problem>& problems, const FieldOrder& order, std::size_t dropped) {
  SortProblems(problems, order);
  if (problems.size() > kMaxCollectedProblems) {
    dropped += problems.size() - kMaxCollectedProblems;
    problems.resize(kMaxCollectedProblems);
  }
  if (dropped > 0) {
    problems.push_back(
        {"", "too_many_problems",
         absl::StrCat("only the first ", kMaxCollectedProblems, " problems are kept; at least ",
                      dropped, " more were found")});
  }
}

}  // namespace backbalance::internal
