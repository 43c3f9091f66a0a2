// `backbalance catalog --catalog FILE|builtin [--format table|json | --markings]`: shows a
// catalog. `table` is a fixed-width table, one row per exercise in catalog order, and a
// summary; `json` is the canonical document (SaveCatalog: every default spelled out), whose
// SHA-256 is the catalog_sha256 of every plan made from it. `--markings` writes the
// effective marking of every item for every condition (plan model section 4a) as JSON,
// schema `backbalance.markings/1`, from the library's own Catalog::MarkingOf and the
// constraint graph's rule entries: what scripts/catalog_doc.py renders into docs/catalog.md.
#include <algorithm>
#include <array>
#include <cstddef>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "backbalance/graph/constraint_graph.h"
#include "backbalance/io/catalog_json.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/problem_report.h"
#include "nlohmann/json.hpp"

namespace backbalance::cli {
namespace {

struct CatalogOptions {
  std::string catalog;
  std::string format = "table";
  bool markings = false;
};

using Json = nlohmann::ordered_json;

Json MarkingName(std::optional<Contraindication> marking) {
  if (!marking) return nullptr;
  return std::string(ToName(*marking));
}

// {"schema": "backbalance.markings/1", "catalog_sha256", "conditions": [...rank order],
//  "rules": {condition: {"avoid": [...], "caution": [...]}},
//  "exercises": [{"id", "category", "movements": [...], "markings": {condition:
//    {"effective", "own", "derived": "avoid"|"caution"|null, "because": text|null,
//     "rule": the first matching entry of the derived marking's list, as written, or null}}}]}
std::string MarkingsJson(const Catalog& catalog) {
  // The catalog's graph carries the condition vertices when the catalog builds them;
  // otherwise one is built here from the catalog's conditions and rules.
  std::optional<ConstraintGraph> local;
  const ConstraintGraph* graph = &catalog.graph();
  if (graph->condition_count() != static_cast<int>(catalog.condition_count())) {
    local.emplace(catalog.exercises(), catalog.conditions(), catalog.condition_rules());
    graph = &*local;
  }
  Json doc = Json::object();
  doc["schema"] = "backbalance.markings/1";
  doc["catalog_sha256"] = catalog.sha256();
  doc["conditions"] = catalog.conditions();
  Json rules = Json::object();
  for (const std::string& condition : catalog.conditions()) {
    const ConditionRule& rule = catalog.condition_rules().at(condition);
    Json lists = Json::object();
    for (const auto& [name, entries] :
         {std::pair{"avoid", &rule.avoid}, std::pair{"caution", &rule.caution}}) {
      Json list = Json::array();
      for (const RuleEntry& entry : *entries) list.push_back(RuleEntryText(entry));
      lists[name] = std::move(list);
    }
    rules[condition] = std::move(lists);
  }
  doc["rules"] = std::move(rules);
  Json exercises = Json::array();
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    const Exercise& e = catalog.exercises()[i];
    Json item = Json::object();
    item["id"] = e.id;
    item["category"] = std::string(ToName(e.category));
    Json movements = Json::array();
    for (Movement m : e.movements) movements.push_back(std::string(ToName(m)));
    item["movements"] = std::move(movements);
    Json markings = Json::object();
    for (std::size_t r = 0; r < catalog.condition_count(); ++r) {
      const ConditionMarking marking = catalog.MarkingOf(static_cast<int>(i), static_cast<int>(r));
      const GraphMarking path = graph->MarkingOf(static_cast<int>(i), static_cast<int>(r));
      Json m = Json::object();
      m["effective"] = MarkingName(marking.effective);
      m["own"] = MarkingName(marking.own);
      m["derived"] = MarkingName(marking.derived);
      m["because"] = marking.because.empty() ? Json(nullptr) : Json(marking.because);
      m["rule"] = path.entry_movements.empty()
                      ? Json(nullptr)
                      : Json(RuleEntryText(RuleEntry{path.entry_movements}));
      markings[catalog.conditions()[r]] = std::move(m);
    }
    item["markings"] = std::move(markings);
    exercises.push_back(std::move(item));
  }
  doc["exercises"] = std::move(exercises);
  return doc.dump(1) + "\n";
}

// "wmc" with '-' for a phase the item does not allow.
std::string PhaseLetters(const Exercise& e) {
  std::string letters = "---";
  if (e.AllowsPhase(Phase::kWarmup)) letters[0] = 'w';
  if (e.AllowsPhase(Phase::kMain)) letters[1] = 'm';
  if (e.AllowsPhase(Phase::kCooldown)) letters[2] = 'c';
  return letters;
}

std::string MinutesText(const Exercise& e) {
  if (e.IsAerobic()) return absl::StrCat(e.min_minutes, "-", e.max_minutes);
  return absl::StrCat(e.minutes);
}

std::string CompactDoseText(const Dose& dose) {
  switch (dose.form) {
    case DoseForm::kSetsReps:
      return absl::StrCat(dose.sets, "x", dose.reps);
    case DoseForm::kHoldReps:
      return absl::StrCat(dose.reps, "x", dose.hold_seconds, "s");
    case DoseForm::kMinutes:
      return absl::StrCat(dose.minutes, "min");
    default:
      return "?";
  }
}

std::string FormatTable(const Catalog& catalog) {
  const std::vector<std::string> headers = {"id",   "category", "impact",   "phases",
                                            "min",  "dose",     "rest_h",   "max/wk",
                                            "diff", "reviewed", "equipment"};
  // Columns right-aligned (numbers) or left-aligned (text).
  const std::vector<bool> right = {false, false, false, false, true, true,
                                   true,  true,  true,  false, false};
  std::vector<std::vector<std::string>> rows;
  rows.reserve(catalog.size());
  for (const Exercise& e : catalog.exercises()) {
    rows.push_back({e.id, std::string(ToName(e.category)), std::string(ToName(e.impact)),
                    PhaseLetters(e), MinutesText(e), CompactDoseText(e.dose),
                    absl::StrCat(e.rest_hours), absl::StrCat(e.max_per_week),
                    absl::StrCat(e.difficulty), e.reviewed ? "yes" : "NO",
                    e.equipment.empty() ? "-" : absl::StrJoin(e.equipment, ",")});
  }
  std::vector<std::size_t> width(headers.size());
  for (std::size_t c = 0; c < headers.size(); ++c) width[c] = headers[c].size();
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  const auto format_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - row[c].size(), ' ');
      const bool last = c + 1 == row.size();
      if (c > 0) line += "  ";
      if (right[c]) {
        absl::StrAppend(&line, pad, row[c]);
      } else {
        absl::StrAppend(&line, row[c], last ? "" : pad);
      }
    }
    return absl::StrCat(line, "\n");
  };
  std::string out = format_row(headers);
  std::vector<std::string> rule;
  for (std::size_t c = 0; c < headers.size(); ++c) rule.push_back(std::string(width[c], '-'));
  out += format_row(rule);
  for (const auto& row : rows) out += format_row(row);

  std::array<int, kCategoryCount> by_category{};
  std::array<int, kEnumCount<Impact>> by_impact{};
  int unreviewed = 0;
  for (const Exercise& e : catalog.exercises()) {
    ++by_category[static_cast<int>(e.category)];
    ++by_impact[static_cast<int>(e.impact)];
    if (!e.reviewed) ++unreviewed;
  }
  std::vector<std::string> parts;
  for (Category c : AllValues<Category>()) {
    parts.push_back(absl::StrCat(by_category[static_cast<int>(c)], " ", std::string(ToName(c))));
  }
  std::vector<std::string> impacts;
  for (Impact i : AllValues<Impact>()) {
    impacts.push_back(absl::StrCat(by_impact[static_cast<int>(i)], " ", std::string(ToName(i))));
  }
  absl::StrAppend(&out, "\n", catalog.size(), " exercises: ", absl::StrJoin(parts, ", "),
                  "; impact: ", absl::StrJoin(impacts, ", "), "; ", unreviewed, " unreviewed\n");
  if (!catalog.declared_conditions().empty()) {
    absl::StrAppend(
        &out, "declared conditions: ", absl::StrJoin(catalog.declared_conditions(), ", "), "\n");
  }
  absl::StrAppend(&out,
                  "phases: w warmup, m main, c cooldown; min: minutes per use (aerobic: the "
                  "range); dose: sets x reps, reps x hold, or minutes\n");
  return out;
}

int RunCatalog(const CatalogOptions& options) {
  std::shared_ptr<const Catalog> catalog = LoadCatalogSource(options.catalog);
  if (catalog == nullptr) return kExitInvalid;
  if (options.markings) {
    WriteDocument(MarkingsJson(*catalog));
  } else if (options.format == "json") {
    WriteDocument(SaveCatalog(*catalog));
  } else {
    std::cout << FormatTable(*catalog);
    FlushStdout();
  }
  return kExitOk;
}

}  // namespace

Command AddCatalogCommand(CLI::App& app) {
  auto options = std::make_shared<CatalogOptions>();
  CLI::App* sub =
      app.add_subcommand("catalog", "Show a catalog as a table or as its canonical JSON");
  AddCatalogOption(*sub, options->catalog, /*required=*/true);
  CLI::Option* format =
      sub->add_option("--format", options->format, "Output format (default: table)")
          ->check(CLI::IsMember({"table", "json"}))
          ->type_name("FORMAT");
  sub->add_flag("--markings", options->markings,
                "Write every item's effective marking per condition (own, derived, because, "
                "rule) as JSON")
      ->excludes(format);
  return {sub, [options] { return RunCatalog(*options); }};
}

}  // namespace backbalance::cli
