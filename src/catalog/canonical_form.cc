#include "backbalance/catalog/canonical_form.h"

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "internal/json_value.h"
#include "internal/json_writer.h"

namespace backbalance {
namespace {

// Writes the canonical form straight into a string, in the layout nlohmann-json's
// DumpDocument gives (two-space indent, `"key": value`, `{}` and `[]` when empty), so
// that SaveCatalog's bytes, and every catalog's SHA-256, are those of the document tree
// this replaced. Why not build that tree and dump it: for a 10,000-exercise catalog the
// tree, its dump and freeing it were a fifth of Catalog::Create's time. It also keeps
// the hash safe when memory runs out: a std::string that fails to grow throws
// std::bad_alloc and frees itself without allocating.
class CanonicalWriter {
 public:
  explicit CanonicalWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // Starts a member of the open object; its value follows.
  void Key(std::string_view key) {
    NextItem();
    String(key);
    out_ += ": ";
  }
  // Starts an element of the open array; its value follows.
  void Element() { NextItem(); }

  void String(std::string_view text) {
    if (IsPlain(text)) {
      out_ += '"';
      out_ += text;
      out_ += '"';
    } else {
      // Escapes, non-ASCII text and invalid UTF-8 (replaced by U+FFFD) exactly as
      // DumpDocument writes them: rare in a catalog, so nlohmann-json does it.
      out_ += internal::Json(std::string(text))
                  .dump(-1, ' ', /*ensure_ascii=*/false, internal::Json::error_handler_t::replace);
    }
  }
  void Int(int value) {
    char buffer[16];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, end);
  }
  void Bool(bool value) { out_ += value ? "true" : "false"; }

  // `"key": value`, a member of the open object.
  void Member(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  // Without this, a string literal would take the bool overload (a standard conversion).
  void Member(std::string_view key, const char* value) { Member(key, std::string_view(value)); }
  void Member(std::string_view key, int value) {
    Key(key);
    Int(value);
  }
  void Member(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  void Member(std::string_view key, const std::vector<std::string>& values) {
    Key(key);
    StringList(values);
  }
  template <typename Enum>
  void Member(std::string_view key, const std::vector<Enum>& values) {
    Key(key);
    EnumList(values);
  }

  void StringList(const std::vector<std::string>& values) {
    BeginArray();
    for (const std::string& value : values) {
      Element();
      String(value);
    }
    EndArray();
  }
  template <typename Enum>
  void EnumList(const std::vector<Enum>& values) {
    BeginArray();
    for (Enum value : values) {
      Element();
      String(ToName(value));
    }
    EndArray();
  }

 private:
  // Printable ASCII without a quote or a backslash: written as it is.
  static bool IsPlain(std::string_view text) {
    for (char c : text) {
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
    }
    return true;
  }

  void Open(char bracket) {
    out_ += bracket;
    empty_.push_back(true);
  }
  void Close(char bracket) {
    const bool empty = empty_.back();
    empty_.pop_back();
    if (!empty) {
      out_ += '\n';
      Indent();
    }
    out_ += bracket;
  }
  void NextItem() {
    out_ += empty_.back() ? "\n" : ",\n";
    empty_.back() = false;
    Indent();
  }
  void Indent() { out_.append(2 * empty_.size(), ' '); }

  std::string& out_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
};

void WriteRules(CanonicalWriter& w, const ConditionRules& rules,
                const std::vector<std::string>& conditions) {
  w.BeginObject();
  std::vector<std::string_view> written;  // a condition named twice is written once
  for (const std::string& condition : conditions) {
    bool repeated = false;
    for (std::string_view name : written) repeated = repeated || name == condition;
    if (repeated) continue;
    written.push_back(condition);
    auto it = rules.find(condition);
    w.Key(condition);
    w.BeginObject();
    for (auto [field, entries] :
         {std::pair{"avoid", it == rules.end() ? nullptr : &it->second.avoid},
          std::pair{"caution", it == rules.end() ? nullptr : &it->second.caution}}) {
      w.Key(field);
      w.BeginArray();
      if (entries != nullptr) {
        for (const RuleEntry& entry : *entries) {
          w.Element();
          w.String(RuleEntryText(entry));
        }
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndObject();
}

// {sets, reps}, {hold_seconds, reps} or {minutes}, as internal::DoseToJson.
void WriteDose(CanonicalWriter& w, const Dose& dose) {
  w.BeginObject();
  switch (dose.form) {
    case DoseForm::kSetsReps:
      w.Member("sets", dose.sets);
      w.Member("reps", dose.reps);
      break;
    case DoseForm::kHoldReps:
      w.Member("hold_seconds", dose.hold_seconds);
      w.Member("reps", dose.reps);
      break;
    case DoseForm::kMinutes:
      w.Member("minutes", dose.minutes);
      break;
  }
  w.EndObject();
}

void WriteExercise(CanonicalWriter& w, const Exercise& e) {
  w.BeginObject();
  w.Member("id", e.id);
  w.Member("name", e.name);
  w.Member("category", ToName(e.category));
  w.Member("impact", ToName(e.impact));
  w.Member("phases", e.phases);
  w.Member("primary_muscles", e.primary_muscles);
  w.Member("secondary_muscles", e.secondary_muscles);
  if (e.IsAerobic()) {
    w.Member("min_minutes", e.min_minutes);
    w.Member("max_minutes", e.max_minutes);
  } else {
    w.Member("minutes", e.minutes);
  }
  w.Key("dose");
  WriteDose(w, e.dose);
  w.Member("rest_hours", e.rest_hours);
  w.Member("max_per_week", e.max_per_week);
  w.Member("difficulty", e.difficulty);
  w.Member("equipment", e.equipment);
  w.Member("movements", e.movements);
  w.Key("contraindications");
  w.BeginObject();
  for (const auto& [condition, kind] : e.contraindications) w.Member(condition, ToName(kind));
  w.EndObject();
  w.Member("progressions", e.progressions);
  w.Member("regressions", e.regressions);
  w.Member("substitutes", e.substitutes);
  w.Member("notes", e.notes);
  w.Member("reviewed", e.reviewed);
  w.EndObject();
}

}  // namespace

std::string CanonicalCatalogJson(const std::vector<Exercise>& exercises,
                                 const std::vector<std::string>& declared_conditions,
                                 const ConditionRules& condition_rules) {
  std::string out;
  // About 1 KiB a record (the built-in and synthetic catalogs): one allocation instead
  // of a dozen doublings.
  out.reserve(8192 + 1100 * exercises.size());
  CanonicalWriter w(out);
  w.BeginObject();
  w.Member("schema", kCatalogSchemaName);
  if (!declared_conditions.empty()) w.Member("conditions", declared_conditions);
  // The effective rules of every condition, built-in ones first (section 11).
  std::vector<std::string> conditions(kBuiltinConditions.begin(), kBuiltinConditions.end());
  conditions.insert(conditions.end(), declared_conditions.begin(), declared_conditions.end());
  w.Key("condition_rules");
  WriteRules(w, condition_rules, conditions);
  w.Key("exercises");
  w.BeginArray();
  for (const Exercise& e : exercises) {
    w.Element();
    WriteExercise(w, e);
  }
  w.EndArray();
  w.EndObject();
  out += '\n';
  return out;
}

}  // namespace backbalance
