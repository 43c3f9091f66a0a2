// The FHIR R4 view of a plan (RenderPlanFhir): a Bundle of type collection that a health
// record can file. Codes follow the HL7 Physical Activity Implementation Guide (STU 1):
// its PhysicalActivity category, exercise therapy (SNOMED CT 229065009) for exercise
// prescriptions and LOINC 82290-8 for minutes a week of moderate to vigorous activity.
// docs/integration.md lists every code and its source.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/programme_json.h"
#include "backbalance/views/plan_views.h"
#include "backbalance/views/programme_views.h"
#include "internal/sha256.h"
#include "nlohmann/json.hpp"
#include "views/plan_facts.h"

namespace backbalance {
namespace {

using Json = nlohmann::ordered_json;
using internal::AsAbsl;
using internal::NameOf;

constexpr std::string_view kSnomed = "http://snomed.info/sct";
constexpr std::string_view kLoinc = "http://loinc.org";
constexpr std::string_view kUcum = "http://unitsofmeasure.org";
constexpr std::string_view kPaCodes =
    "http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes";
constexpr std::string_view kConditionClinical =
    "http://terminology.hl7.org/CodeSystem/condition-clinical";
constexpr std::string_view kConditionCategory =
    "http://terminology.hl7.org/CodeSystem/condition-category";
constexpr std::string_view kPertainsToGoal =
    "http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal";
// The library's own code systems: its exercise ids, condition names and advisory codes.
constexpr std::string_view kExerciseSystem = "urn:backbalance:exercise";
constexpr std::string_view kConditionSystem = "urn:backbalance:condition";

struct SnomedCode {
  std::string_view code;
  std::string_view display;
};

// SNOMED CT concepts of the built-in conditions (docs/integration.md cites the sources);
// a condition without one (acute_flare, late_pregnancy, post_surgery, catalog-declared
// ones) is sent as text with the library's own code.
const SnomedCode* ConditionCode(std::string_view condition) {
  static constexpr struct {
    std::string_view condition;
    SnomedCode code;
  } kCodes[] = {
      {"herniated_disc", {"73589001", "Herniation of intervertebral disc"}},
      {"sciatica", {"23056005", "Sciatica"}},
      {"spinal_stenosis", {"76107001", "Spinal stenosis"}},
      {"spondylolisthesis", {"274152003", "Spondylolisthesis"}},
      {"osteoporosis", {"64859006", "Osteoporosis"}},
      {"pregnancy", {"77386006", "Pregnant"}},
      {"knee_pain", {"30989003", "Knee pain"}},
      {"shoulder_pain", {"45326000", "Shoulder pain"}},
  };
  for (const auto& entry : kCodes) {
    if (entry.condition == condition) return &entry.code;
  }
  return nullptr;
}

SnomedCode BackPainCode(PainDuration duration) {
  switch (duration) {
    case PainDuration::kAcute:
      return {"278862001", "Acute low back pain"};
    case PainDuration::kSubacute:
      return {"279039007", "Low back pain"};
    case PainDuration::kChronic:
      break;
  }
  return {"278860009", "Chronic low back pain"};
}

std::string ConditionText(std::string_view condition) {
  std::string text(condition);
  std::replace(text.begin(), text.end(), '_', ' ');
  if (!text.empty()) text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

Json Coding(std::string_view system, std::string_view code, std::string_view display) {
  Json coding = Json::object();
  coding["system"] = system;
  coding["code"] = code;
  if (!display.empty()) coding["display"] = display;
  return coding;
}

Json PhysicalActivityCategory() {
  return {{"coding", Json::array({Coding(kPaCodes, "PhysicalActivity", "Physical Activity")})}};
}

Json Ref(const std::string& uuid, std::string_view display = {}) {
  Json ref = {{"reference", absl::StrCat("urn:uuid:", uuid)}};
  if (!display.empty()) ref["display"] = display;
  return ref;
}

// A name-based UUID (version 5 layout) from the plan's hash and a resource's key, so ids
// are the same for the same input and differ between resources.
std::string Uuid(std::string_view base, std::string_view key) {
  std::string hex = internal::Sha256Hex(absl::StrCat(AsAbsl(base), "/", AsAbsl(key)));
  hex[12] = '5';
  static constexpr char kVariant[] = "89ab";
  hex[16] = kVariant[(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0') & 3];
  return absl::StrCat(hex.substr(0, 8), "-", hex.substr(8, 4), "-", hex.substr(12, 4), "-",
                      hex.substr(16, 4), "-", hex.substr(20, 12));
}

constexpr std::string_view kDayCodes[kDaysPerWeek] = {"mon", "tue", "wed", "thu",
                                                      "fri", "sat", "sun"};

std::string PhaseText(Phase phase) {
  switch (phase) {
    case Phase::kWarmup:
      return "warm-up";
    case Phase::kCooldown:
      return "cool-down";
    case Phase::kMain:
      break;
  }
  return "main part";
}

// One exercise across the week: the days it is on, in day order.
struct Uses {
  std::string exercise;
  std::vector<const PlanItem*> items;
  std::vector<int> days;
};

std::vector<Uses> UsesOf(const Plan& plan) {
  std::vector<Uses> uses;
  for (const PlanDay& day : plan.days) {
    for (const PlanItem& item : day.items) {
      auto it = std::find_if(uses.begin(), uses.end(),
                             [&](const Uses& u) { return u.exercise == item.exercise; });
      if (it == uses.end()) {
        uses.push_back({item.exercise, {}, {}});
        it = uses.end() - 1;
      }
      it->items.push_back(&item);
      it->days.push_back(day.day);
    }
  }
  return uses;
}

// "2 x 10 reps. Monday 5 min (warm-up); Thursday 5 min (warm-up). caution: sciatica."
std::string Instruction(const Uses& uses) {
  std::vector<std::string> doses;
  std::vector<std::string> notes;
  for (const PlanItem* item : uses.items) {
    const std::string dose = internal::ItemDoseText(*item);
    if (item->dose && std::find(doses.begin(), doses.end(), dose) == doses.end()) {
      doses.push_back(dose);
    }
    notes.insert(notes.end(), item->notes.begin(), item->notes.end());
  }
  std::vector<std::string> when;
  for (std::size_t i = 0; i < uses.items.size(); ++i) {
    when.push_back(absl::StrCat(internal::DayTitle(uses.days[i]), " ", uses.items[i]->minutes,
                                " min (", PhaseText(uses.items[i]->phase), ")"));
  }
  std::string text;
  if (!doses.empty()) absl::StrAppend(&text, "Dose: ", absl::StrJoin(doses, " or "), ". ");
  absl::StrAppend(&text, absl::StrJoin(when, "; "), ".");
  const std::vector<std::string> note_texts = internal::NoteTexts(notes);
  if (!note_texts.empty()) absl::StrAppend(&text, " Notes: ", absl::StrJoin(note_texts, "; "), ".");
  return text;
}

Json Timing(const Uses& uses) {
  int shortest = uses.items.front()->minutes;
  int longest = shortest;
  for (const PlanItem* item : uses.items) {
    shortest = std::min(shortest, item->minutes);
    longest = std::max(longest, item->minutes);
  }
  Json days = Json::array();
  for (int d : uses.days) {
    if (std::find(days.begin(), days.end(), Json(kDayCodes[d])) == days.end()) {
      days.push_back(kDayCodes[d]);
    }
  }
  // Once a day on the listed days; the minutes a session of it lasts.
  Json repeat = {{"frequency", 1},
                 {"period", 1},
                 {"periodUnit", "d"},
                 {"dayOfWeek", days},
                 {"duration", shortest}};
  if (longest != shortest) repeat["durationMax"] = longest;
  repeat["durationUnit"] = "min";
  return {{"repeat", repeat}};
}

Json Subject(const FhirViewOptions& options) {
  if (options.subject.empty()) return {{"display", "The person this plan was made for"}};
  return {{"reference", options.subject}};
}

struct Entry {
  std::string uuid;
  Json resource;
};

// The Conditions: the back pain first, then each condition of `options`.
std::vector<Entry> ConditionEntries(std::string_view base, const FhirViewOptions& options,
                                    const Json& subject) {
  std::vector<Entry> conditions;
  {
    const SnomedCode pain = BackPainCode(options.pain_duration);
    Json code = {{"coding", Json::array({Coding(kSnomed, pain.code, pain.display)})},
                 {"text", pain.display}};
    conditions.push_back({Uuid(base, "Condition/back_pain"), code});
  }
  for (const std::string& condition : options.conditions) {
    Json coding = Json::array();
    if (const SnomedCode* snomed = ConditionCode(condition)) {
      coding.push_back(Coding(kSnomed, snomed->code, snomed->display));
    }
    coding.push_back(Coding(kConditionSystem, condition, ""));
    Json code = {{"coding", coding}, {"text", ConditionText(condition)}};
    conditions.push_back({Uuid(base, absl::StrCat("Condition/", condition)), code});
  }
  for (Entry& entry : conditions) {
    Json code = std::move(entry.resource);
    entry.resource = {
        {"resourceType", "Condition"},
        {"id", entry.uuid},
        {"clinicalStatus",
         {{"coding", Json::array({Coding(kConditionClinical, "active", "Active")})}}},
        {"category",
         Json::array({{{"coding", Json::array({Coding(kConditionCategory, "problem-list-item",
                                                      "Problem List Item")})}}})},
        {"code", std::move(code)},
        {"subject", subject}};
  }
  return conditions;
}

Json ReferencesTo(const std::vector<Entry>& conditions) {
  Json refs = Json::array();
  for (const Entry& entry : conditions) {
    refs.push_back(Ref(entry.uuid, entry.resource["code"]["text"].get<std::string>()));
  }
  return refs;
}

// What one week's resources share with the rest of the bundle.
struct WeekContext {
  std::string_view base;    // the bundle's hash: every id derives from it
  std::string_view prefix;  // before each resource's key: "" for a plan, "week3/" in a programme
  const Json& subject;
  const Json& condition_refs;
  Json identifier;                     // the week CarePlan's identifier
  std::string title;                   // its title; empty: the plan's own
  std::optional<std::string> part_of;  // the programme CarePlan's uuid
};

// The week's CarePlan, its Goal (none for refer) and its ServiceRequests, in bundle order.
std::vector<Entry> WeekEntries(const Plan& plan, const Catalog& catalog,
                               const WeekContext& context) {
  const auto key = [&](std::string_view name) {
    return absl::StrCat(AsAbsl(context.prefix), AsAbsl(name));
  };
  const Json& subject = context.subject;
  const Json& condition_refs = context.condition_refs;

  // The goal: the week's aerobic minutes (section 5's target for the pain band).
  std::vector<Entry> goals;
  if (plan.status != PlanStatus::kRefer && plan.targets) {
    const Targets& targets = *plan.targets;
    const int aerobic = targets.by_category[static_cast<int>(Category::kAerobic)];
    std::vector<std::string> others;
    for (Category category : AllValues<Category>()) {
      if (category == Category::kAerobic) continue;
      const int minutes = targets.by_category[static_cast<int>(category)];
      if (minutes > 0) others.push_back(absl::StrCat(NameOf(category), " ", minutes));
    }
    std::string description = absl::StrCat(
        "At least ", aerobic, " minutes a week of moderate aerobic activity (pain band ",
        NameOf(targets.band), ")");
    if (!others.empty()) {
      absl::StrAppend(&description, "; besides it, minutes a week of ",
                      absl::StrJoin(others, ", "));
    }
    absl::StrAppend(&description, ".");
    const std::string uuid = Uuid(context.base, key("Goal/aerobic"));
    Json target = {
        {"measure",
         {{"coding", Json::array({Coding(kLoinc, "82290-8",
                                         "Frequency of moderate to vigorous aerobic physical "
                                         "activity")})}}},
        {"detailQuantity",
         {{"value", aerobic}, {"unit", "min/wk"}, {"system", kUcum}, {"code", "min/wk"}}}};
    goals.push_back({uuid,
                     {{"resourceType", "Goal"},
                      {"id", uuid},
                      {"lifecycleStatus", "active"},
                      {"category", Json::array({PhysicalActivityCategory()})},
                      {"description", {{"text", description}}},
                      {"subject", subject},
                      {"target", Json::array({target})},
                      {"addresses", condition_refs}}});
  }

  // The requests: one per exercise of the week, or the referral.
  std::vector<Entry> requests;
  auto request = [&](const std::string& uuid, const Json& category, const Json& code) {
    Json r = {{"resourceType", "ServiceRequest"}, {"id", uuid}};
    if (!goals.empty()) {
      r["extension"] =
          Json::array({{{"url", kPertainsToGoal}, {"valueReference", Ref(goals.front().uuid)}}});
    }
    r["status"] = "active";
    r["intent"] = "plan";
    r["category"] = Json::array({PhysicalActivityCategory(), category});
    r["code"] = code;
    r["subject"] = subject;
    return r;
  };
  if (plan.status == PlanStatus::kRefer) {
    const std::string uuid = Uuid(context.base, key("ServiceRequest/referral"));
    std::vector<std::string> reasons;
    for (const Advisory& advisory : plan.advisories) reasons.push_back(advisory.text);
    for (const Diagnosis& diagnosis : plan.diagnosis) reasons.push_back(diagnosis.text);
    Json r = request(
        uuid, {{"coding", Json::array({Coding(kSnomed, "386053000", "Evaluation procedure")})}},
        {{"coding", Json::array({Coding(kSnomed, "3457005", "Patient referral")})},
         {"text", "Referral to a physician or physiotherapist before any exercise plan"}});
    r["priority"] = "urgent";
    // Who the referral is to: the IG's referrals name a performer; its one referral code
    // (390893007, to a physical activity programme) does not fit a red flag, which needs a
    // clinician (docs/integration.md).
    r["performerType"] = {{"text", "Physician or physiotherapist"}};
    r["reasonReference"] = condition_refs;
    r["patientInstruction"] =
        reasons.empty() ? std::string("A warning sign needs a clinician's assessment first.")
                        : absl::StrJoin(reasons, " ");
    requests.push_back({uuid, std::move(r)});
  } else {
    for (const Uses& uses : UsesOf(plan)) {
      const std::string uuid =
          Uuid(context.base, key(absl::StrCat("ServiceRequest/", uses.exercise)));
      const std::string name = internal::DisplayName(catalog, uses.exercise);
      Json r = request(
          uuid,
          {{"coding", Json::array({Coding(kSnomed, "91251008", "Physical therapy procedure")})}},
          {{"coding", Json::array({Coding(kSnomed, "229065009", "Exercise therapy"),
                                   Coding(kExerciseSystem, uses.exercise, name)})},
           {"text", name}});
      r["occurrenceTiming"] = Timing(uses);
      r["reasonReference"] = condition_refs;
      r["patientInstruction"] = Instruction(uses);
      requests.push_back({uuid, std::move(r)});
    }
  }

  // The care plan that ties them together.
  const std::string plan_uuid = Uuid(context.base, key("CarePlan"));
  std::string title = context.title;
  if (title.empty()) {
    title = plan.status == PlanStatus::kRefer ? "Referral before exercise for back pain"
                                              : "A week of exercise for back pain";
  }
  Json care_plan = {{"resourceType", "CarePlan"},
                    {"id", plan_uuid},
                    {"identifier", Json::array({context.identifier})}};
  if (context.part_of) care_plan["partOf"] = Json::array({Ref(*context.part_of)});
  care_plan["status"] = plan.status == PlanStatus::kInfeasible ? "draft" : "active";
  care_plan["intent"] = "plan";
  care_plan["category"] = Json::array({PhysicalActivityCategory()});
  care_plan["title"] = title;
  care_plan["description"] = std::string(internal::kAdviceNotice);
  care_plan["subject"] = subject;
  care_plan["addresses"] = condition_refs;
  if (!goals.empty()) care_plan["goal"] = Json::array({Ref(goals.front().uuid)});
  if (!requests.empty()) {
    Json activity = Json::array();
    for (const Entry& entry : requests) {
      activity.push_back(
          {{"reference", Ref(entry.uuid, entry.resource["code"]["text"].get<std::string>())}});
    }
    care_plan["activity"] = activity;
  }
  Json notes = Json::array();
  for (const Advisory& advisory : plan.advisories) {
    notes.push_back({{"text", absl::StrCat(advisory.text, " (", advisory.code, ")")}});
  }
  for (const Diagnosis& diagnosis : plan.diagnosis) {
    notes.push_back({{"text", absl::StrCat(diagnosis.text, " (", diagnosis.code, ")")}});
  }
  if (!notes.empty()) care_plan["note"] = notes;

  std::vector<Entry> entries;
  entries.push_back({plan_uuid, std::move(care_plan)});
  for (Entry& entry : goals) entries.push_back(std::move(entry));
  for (Entry& entry : requests) entries.push_back(std::move(entry));
  return entries;
}

Json Identifier(std::string_view system, std::string_view value) {
  return {{"system", system}, {"value", value}};
}

std::string BundleText(std::string_view base, const Json& identifier,
                       const std::vector<Entry>& resources) {
  Json entries = Json::array();
  for (const Entry& entry : resources) {
    entries.push_back(
        {{"fullUrl", absl::StrCat("urn:uuid:", entry.uuid)}, {"resource", entry.resource}});
  }
  const Json bundle = {{"resourceType", "Bundle"},
                       {"id", Uuid(base, "Bundle")},
                       {"identifier", identifier},
                       {"type", "collection"},
                       {"entry", entries}};
  return bundle.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// The SHA-256 of a document's bytes and the export's options: the base of every id.
std::string BaseOf(std::string_view document, const FhirViewOptions& options) {
  return internal::Sha256Hex(
      absl::StrCat(AsAbsl(document), "\n", static_cast<int>(options.pain_duration), "\n",
                   absl::StrJoin(options.conditions, ","), "\n", options.subject));
}

}  // namespace

FhirViewOptions FhirViewOptionsFor(const Profile& profile, const PlannerOptions& options) {
  FhirViewOptions view;
  view.pain_duration = profile.pain_duration;
  auto add = [&view](std::string_view condition) {
    if (std::find(view.conditions.begin(), view.conditions.end(), condition) ==
        view.conditions.end()) {
      view.conditions.emplace_back(condition);
    }
  };
  for (const std::string& condition : profile.conditions) add(condition);
  if (profile.pain >= options.acute_flare_min_pain) add(kAcuteFlare);
  if (profile.pregnancy_week && *profile.pregnancy_week >= options.late_pregnancy_week) {
    add(kLatePregnancy);
  }
  return view;
}

std::string RenderPlanFhir(const Plan& plan, const Catalog& catalog,
                           const FhirViewOptions& options) {
  // Everything the bundle says comes from these bytes: its ids derive from them.
  const std::string base = BaseOf(SavePlan(plan).value_or(std::string()), options);
  const Json subject = Subject(options);
  std::vector<Entry> conditions = ConditionEntries(base, options, subject);
  const Json condition_refs = ReferencesTo(conditions);
  const Json identifier = Identifier("urn:backbalance:plan", base);
  std::vector<Entry> entries =
      WeekEntries(plan, catalog, {base, "", subject, condition_refs, identifier, "", {}});
  for (Entry& entry : conditions) entries.push_back(std::move(entry));
  return BundleText(base, identifier, entries);
}

std::string RenderProgrammeFhir(const ProgrammePlan& programme, const Catalog& catalog,
                                const FhirViewOptions& options) {
  const std::string base = BaseOf(SaveProgramme(programme), options);
  const Json subject = Subject(options);
  std::vector<Entry> conditions = ConditionEntries(base, options, subject);
  const Json condition_refs = ReferencesTo(conditions);
  const Json identifier = Identifier("urn:backbalance:programme", base);
  const int count = static_cast<int>(programme.weeks.size());

  // The programme's own CarePlan: each week's CarePlan is partOf it.
  const std::string programme_uuid = Uuid(base, "CarePlan");
  const bool any_ok =
      std::any_of(programme.weeks.begin(), programme.weeks.end(),
                  [](const ProgrammeWeek& w) { return w.plan.status == PlanStatus::kOk; });
  Json notes = Json::array();
  for (const ProgrammeWeek& week : programme.weeks) {
    if (week.deload) {
      notes.push_back(
          {{"text", absl::StrCat("Week ", week.week, " is a deload week: its volume is capped at ",
                                 kDeloadCapNumerator * 100 / kDeloadCapDenominator,
                                 " % of the usual, so that the body recovers.")}});
    }
  }
  if (count > 0 && programme.weeks.back().plan.status != PlanStatus::kOk) {
    notes.push_back(
        {{"text", absl::StrCat("The programme ends at week ", programme.weeks.back().week,
                               ": that week is ", NameOf(programme.weeks.back().plan.status),
                               ", so no week can follow it.")}});
  }
  Json care_plan = {
      {"resourceType", "CarePlan"},
      {"id", programme_uuid},
      {"identifier", Json::array({identifier})},
      {"status", any_ok ? "active" : "draft"},
      {"intent", "plan"},
      {"category", Json::array({PhysicalActivityCategory()})},
      {"title", absl::StrCat("A programme of ", count, count == 1 ? " week" : " weeks",
                             " of exercise for back pain")},
      {"description", std::string(internal::kAdviceNotice)},
      {"subject", subject},
      {"addresses", condition_refs}};
  if (!notes.empty()) care_plan["note"] = notes;

  std::vector<Entry> entries;
  entries.push_back({programme_uuid, std::move(care_plan)});
  for (const ProgrammeWeek& week : programme.weeks) {
    const std::string prefix = absl::StrCat("week", week.week, "/");
    std::string title = absl::StrCat("Week ", week.week, " of ", count, ": ",
                                     week.plan.status == PlanStatus::kRefer
                                         ? "referral before exercise for back pain"
                                         : "a week of exercise for back pain");
    if (week.deload) absl::StrAppend(&title, " (deload week)");
    const Json week_identifier =
        Identifier("urn:backbalance:programme", absl::StrCat(base, "#week", week.week));
    for (Entry& entry : WeekEntries(
             week.plan, catalog,
             {base, prefix, subject, condition_refs, week_identifier, title, programme_uuid})) {
      entries.push_back(std::move(entry));
    }
  }
  for (Entry& entry : conditions) entries.push_back(std::move(entry));
  return BundleText(base, identifier, entries);
}

}  // namespace backbalance
