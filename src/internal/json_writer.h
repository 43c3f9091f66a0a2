// File: src/internal/json_writer.h
//
// One description of a document, two outputs. A document's fields are written once, as a
// function template over the writer (`WritePlan<Out>` in io/plan_json.cc, `WriteDose`
// below), and instantiated for:
//   - JsonText: the bytes themselves, appended to a string, exactly as nlohmann-json
//     dumps the same document (DumpDocument's two-space indent, or dump()'s one line);
//   - JsonTree: the nlohmann value, for documents that embed another (a profile's
//     history holds a plan) and for the paths that search it (a number that is not
//     finite is named by its path).
// Why both: building the tree and dumping it cost as much as a `fast` plan's search in
// `plan-batch`; writing the text directly costs a tenth of that. Why one description:
// two hand-kept lists of the same fields drift apart.
#ifndef BACKBALANCE_SRC_INTERNAL_JSON_WRITER_H_
#define BACKBALANCE_SRC_INTERNAL_JSON_WRITER_H_

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "backbalance/model/exercise.h"
#include "internal/json_value.h"

namespace backbalance::internal {

// The text of a document, appended to `out`. Numbers: integers as their digits, doubles
// in nlohmann's shortest round-trip form (finite only: a caller checks first, as JSON has
// no spelling for the others). Strings: escaped as nlohmann's dump with ensure_ascii off
// does, invalid UTF-8 replaced by U+FFFD.
class JsonText {
 public:
  JsonText(std::string& out, bool indented) : out_(out), indented_(indented) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // A member of the open object; its value is the next thing written.
  void Key(std::string_view key);
  void Null();
  void Bool(bool value);
  template <std::integral Int>
  void Integer(Int value) {
    Separate();
    if constexpr (std::signed_integral<Int>) {
      AppendInteger(static_cast<int64_t>(value));
    } else {
      AppendUnsigned(static_cast<uint64_t>(value));
    }
  }
  void Number(double value);
  void String(std::string_view value);

 private:
  void Open(char bracket);
  void Close(char bracket);
  void Separate();
  void NewLine();
  void Quoted(std::string_view value);
  void AppendInteger(int64_t value);
  void AppendUnsigned(uint64_t value);

  std::string& out_;
  const bool indented_;
  int depth_ = 0;           // objects and arrays open
  bool first_ = true;       // no value yet in the innermost object or array
  bool after_key_ = false;  // a key was written; its value follows without a comma
};

// The nlohmann value of a document, built member by member (never from initializer
// lists, whose temporary arrays allocate when freed: see ReleaseWithoutAllocating).
class JsonTree {
 public:
  void BeginObject() { Push(Json::object()); }
  void EndObject() { stack_.pop_back(); }
  void BeginArray() { Push(Json::array()); }
  void EndArray() { stack_.pop_back(); }
  void Key(std::string_view key) { key_.assign(key.data(), key.size()); }
  void Null() { Put(nullptr); }
  void Bool(bool value) { Put(value); }
  template <std::integral Int>
  void Integer(Int value) {
    Put(value);
  }
  void Number(double value) { Put(value); }
  void String(std::string_view value) { Put(std::string(value)); }

  // The value written (a scalar, or the outermost object or array once it is closed).
  Json Take() { return std::move(root_); }

 private:
  // Places `value` in the open object (under the last key) or array, or as the root;
  // returns where it now lives. The open containers' addresses stay valid: a container
  // gains a member only while it is the innermost one open.
  Json* Put(Json value);
  void Push(Json value) { stack_.push_back(Put(std::move(value))); }

  Json root_;
  std::vector<Json*> stack_;
  std::string key_;
};

// A dose as catalog records and plan items write it: {sets, reps}, {hold_seconds, reps}
// or {minutes}.
template <typename Out>
void WriteDose(Out& out, const Dose& dose) {
  out.BeginObject();
  switch (dose.form) {
    case DoseForm::kSetsReps:
      out.Key("sets");
      out.Integer(dose.sets);
      out.Key("reps");
      out.Integer(dose.reps);
      break;
    case DoseForm::kHoldReps:
      out.Key("hold_seconds");
      out.Integer(dose.hold_seconds);
      out.Key("reps");
      out.Integer(dose.reps);
      break;
    case DoseForm::kMinutes:
      out.Key("minutes");
      out.Integer(dose.minutes);
      break;
  }
  out.EndObject();
}

// A document written by `write(JsonTree&)`, as its nlohmann value.
template <typename Write>
Json TreeOf(Write&& write) {
  JsonTree tree;
  write(tree);
  return tree.Take();
}

inline Json DoseToJson(const Dose& dose) {
  return TreeOf([&dose](JsonTree& out) { WriteDose(out, dose); });
}

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_INTERNAL_JSON_WRITER_H_
