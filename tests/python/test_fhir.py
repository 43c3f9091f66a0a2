"""`backbalance plan --format fhir`: a FHIR R4 Bundle that HL7's own definitions accept, with
the codes of the HL7 Physical Activity IG, for every example profile.

The validator (fhir_validator.py) runs offline on the definitions scripts/fhir-definitions
installs (scripts/bootstrap runs it). Without them the tests skip, except under CI.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

import backbalance
import fhir_validator
from cohort_profiles import make_profiles
from conftest import EXAMPLE_PROFILES, EXAMPLES

if not fhir_validator.available():
    message = (f"the FHIR R4 definitions are not installed in {fhir_validator.definitions_dir()}"
               " (run scripts/fhir-definitions)")
    if os.environ.get("CI"):
        raise RuntimeError(message)
    pytest.skip(message, allow_module_level=True)

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
PA_CODES = "http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes"

# The HL7 Physical Activity IG (hl7.fhir.us.physical-activity 1.0.0, STU 1), as its source
# defines them (input/fsh/Planning.fsh and the value sets; docs/integration.md): the category
# every PA CarePlan, Goal and ServiceRequest carries (pa-temporary-codes#PhysicalActivity) and
# the value sets the profiles bind.
IG = {
    "category": {(PA_CODES, "PhysicalActivity")},
    # PAServiceRequest.code (extensible): the IG's intervention codes.
    "pa-servicerequest-code": {(SNOMED, c) for c in (
        "819961005", "398636004", "435551000124105", "390893007", "426866005", "229095001",
        "229065009")},
    # PAServiceRequest.category[USCore] (required): ValueSet pa-diagnosticreport-category,
    # "PA ServiceRequest Category - USCore".
    "pa-servicerequest-category": {(SNOMED, c) for c in (
        "409063005", "409073007", "386053000", "91251008")},
    # PAGoal.target.measure (extensible): ValueSet pa-goal-target-measure, the time measures
    # and the exercise vital sign codes.
    "pa-goal-target-measure": {(LOINC, c) for c in (
        "41950-7", "8873-2", "40443-4", "41979-6", "89555-7", "68516-4", "82290-8",
        "82291-6")},
    # The one referral concept of pa-servicerequest-code: "Referral to physical activity
    # program", the code of the IG's example "PA Referral" (ExampleServiceRequest).
    "referral-to-pa-program": (SNOMED, "390893007"),
    # PAServiceRequest.intent: pa-servicerequest-intent, for a clinician's orders. The library
    # proposes, it does not order: its requests say `plan` (docs/integration.md).
    "pa-servicerequest-intent": {"original-order", "order", "filler-order"},
}
# The codes the library promises for its built-in conditions (docs/integration.md).
CONDITION_CODES = {
    "herniated_disc": "73589001", "sciatica": "23056005", "spinal_stenosis": "76107001",
    "spondylolisthesis": "274152003", "osteoporosis": "64859006", "pregnancy": "77386006",
    "knee_pain": "30989003", "shoulder_pain": "45326000",
}
BACK_PAIN_CODES = {"acute": "278862001", "subacute": "279039007", "chronic": "278860009"}
DAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def run(cli: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(cli), *args], capture_output=True, text=True)


def export(cli: Path, profile: Path, *extra: str) -> tuple[dict[str, Any], str, dict[str, Any]]:
    """(bundle, its text, the plan JSON) for `profile`."""
    fhir = run(cli, "plan", "--catalog", "builtin", "--profile", str(profile), "--format",
               "fhir", *extra)
    plan = run(cli, "plan", "--catalog", "builtin", "--profile", str(profile))
    assert fhir.returncode == plan.returncode, fhir.stderr
    assert fhir.stderr == ""
    return json.loads(fhir.stdout), fhir.stdout, json.loads(plan.stdout)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def codings(concept: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c["system"], c["code"]) for c in concept.get("coding", [])}


@pytest.fixture(scope="module")
def validator() -> fhir_validator.Validator:
    return fhir_validator.validator()


@pytest.mark.parametrize("profile", EXAMPLE_PROFILES, ids=lambda p: p.stem)
def test_every_example_exports_a_valid_r4_bundle(cli, validator, profile):
    bundle, _, _ = export(cli, profile)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    problems = validator.errors(bundle)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("profile", EXAMPLE_PROFILES, ids=lambda p: p.stem)
def test_python_render_exports_the_same_valid_bundle(cli, planner, validator, profile):
    """Planner.render(plan, "fhir") (bkb_plan_render): the same bytes as the command line,
    so the same valid R4 Bundle, for every example profile, with and without a subject."""
    person = profile.read_text()
    plan = planner.plan(person)
    for extra, options in (((), {}), (("--subject", "Patient/123"), {"subject": "Patient/123"})):
        text = planner.render(plan, "fhir", profile=person, **options)
        _, expected, _ = export(cli, profile, *extra)
        assert text == expected
        problems = validator.errors(json.loads(text))
        assert problems == [], "\n".join(problems)


def test_generated_profiles_export_valid_bundles(planner, validator):
    """Beyond the examples: generated profiles of every pain band, condition mix and
    status (ok, infeasible, refer) give valid R4 Bundles through Planner.render."""
    statuses = set()
    for person in make_profiles(30, seed=6):  # a seed whose 30 hold all three statuses
        if "pregnancy" in person["conditions"]:
            person["pregnancy_week"] = 24
        plan = planner.plan(person)
        statuses.add(plan.status)
        bundle = json.loads(planner.render(plan, "fhir", profile=person, subject="Patient/1"))
        problems = validator.errors(bundle)
        assert problems == [], (person, problems)
    assert statuses == {"ok", "infeasible", "refer"}


def test_python_render_names_what_is_wrong(planner, desk_worker):
    plan = planner.plan(desk_worker)
    with pytest.raises(backbalance.InvalidInput) as caught:
        planner.render(plan, "pdf")  # type: ignore[arg-type]
    problem, = caught.value.problems
    assert (problem.path, problem.rule) == ("argument format", "unknown_name")
    assert problem.detail == ('must be one of json, text, markdown, html, ics, fhir; '
                              'got "pdf"')
    with pytest.raises(backbalance.InvalidInput) as caught:
        planner.render(plan, "fhir")
    assert [(p.path, p.rule) for p in caught.value.problems] == [
        ("argument profile_json", "required")]
    with pytest.raises(backbalance.InvalidInput) as caught:
        planner.render(plan, "json", subject="Patient/1")
    assert [(p.path, p.rule) for p in caught.value.problems] == [
        ("options.subject", "unknown_field")]
    with pytest.raises(backbalance.InvalidInput) as caught:
        planner.render(plan, "ics", start="2026-12-07T07:00", weeks=53)
    assert [(p.path, p.rule) for p in caught.value.problems] == [("options.weeks", "range")]
    with pytest.raises(TypeError):
        planner.render(plan, None)  # type: ignore[arg-type]


def test_programme_exports_fhir(cli, validator):
    """`programme --format fhir`: one CarePlan for the programme, each week's CarePlan part of
    it with its own Goal and requests, the Conditions once; a valid R4 Bundle."""
    profile = EXAMPLES / "profiles" / "herniated_disc_sciatica.json"
    args = ["programme", "--catalog", "builtin", "--profile", str(profile), "--weeks", "4",
            "--deload-every", "4"]
    result = run(cli, *args, "--format", "fhir", "--subject", "Patient/7")
    assert result.returncode == 0, result.stderr
    bundle = json.loads(result.stdout)
    assert validator.errors(bundle) == []
    programme = json.loads(run(cli, *args).stdout)
    care_plans = resources(bundle, "CarePlan")
    assert len(care_plans) == 1 + len(programme["weeks"])
    whole, weeks = care_plans[0], care_plans[1:]
    assert "partOf" not in whole and whole["title"].startswith("A programme of 4 weeks")
    assert [n["text"] for n in whole["note"]][0].startswith("Week 4 is a deload week")
    for week, care_plan in zip(programme["weeks"], weeks):
        assert care_plan["partOf"] == [{"reference": f"urn:uuid:{whole['id']}"}]
        assert care_plan["title"].startswith(f"Week {week['week']} of 4")
        uses = {i["exercise"] for d in week["plan"]["days"] for i in d["items"]}
        assert len(care_plan["activity"]) == len(uses)
    assert len(resources(bundle, "Goal")) == len(programme["weeks"])
    conditions = resources(bundle, "Condition")
    assert len(conditions) == 1 + len(json.loads(profile.read_text())["conditions"])
    for resource in (e["resource"] for e in bundle["entry"]):
        assert resource["subject"] == {"reference": "Patient/7"}
    assert run(cli, *args, "--format", "fhir", "--subject", "Patient/7").stdout == result.stdout
    wrong = run(cli, *args, "--subject", "Patient/7")
    assert wrong.returncode == 2
    assert "--subject applies only to --format fhir" in wrong.stderr


def test_the_validator_rejects_what_r4_forbids(cli, validator):
    """The validator is real: a wrong code, a missing element, an unknown element, a wrong
    type and a dangling reference are each reported."""
    bundle, _, _ = export(cli, EXAMPLES / "profiles" / "desk_worker.json")
    care_plan = resources(bundle, "CarePlan")[0]
    request = resources(bundle, "ServiceRequest")[0]
    goal = resources(bundle, "Goal")[0]
    care_plan["status"] = "ongoing"
    del request["intent"]
    request["occurrenceTiming"]["repeat"]["dayOfWeek"] = ["monday"]
    goal["colour"] = "blue"
    goal["target"][0]["detailQuantity"]["value"] = "150"
    care_plan["goal"] = [{"reference": "urn:uuid:00000000-0000-5000-8000-000000000000"}]
    problems = "\n".join(validator.errors(bundle))
    for expected in ("'ongoing' is not in the required value set",
                     "ServiceRequest.intent is required",
                     "'monday' is not in the required value set",
                     "'colour' was unexpected",
                     "'150' is not of type 'number'",
                     "resolves to no entry"):
        assert expected in problems, problems


@pytest.mark.parametrize("profile", EXAMPLE_PROFILES, ids=lambda p: p.stem)
def test_bundle_says_what_the_plan_says(cli, profile):
    bundle, _, plan = export(cli, profile)
    care_plan, = resources(bundle, "CarePlan")
    requests = resources(bundle, "ServiceRequest")
    assert care_plan["intent"] == "plan"
    assert care_plan["status"] == ("draft" if plan["status"] == "infeasible" else "active")
    # The advisories (and a diagnosis) are the care plan's notes, in order.
    expected_notes = [f"{a['text']} ({a['code']})" for a in plan["advisories"]]
    expected_notes += [f"{d['text']} ({d['code']})" for d in plan["diagnosis"]]
    assert [n["text"] for n in care_plan.get("note", [])] == expected_notes
    # Every request is an activity of the care plan.
    assert [a["reference"]["reference"] for a in care_plan.get("activity", [])] == \
        [f"urn:uuid:{r['id']}" for r in requests]

    if plan["status"] == "refer":
        referral, = requests
        assert codings(referral["code"]) == {(SNOMED, "3457005")}
        assert "occurrenceTiming" not in referral
        assert resources(bundle, "Goal") == []
        return

    # One request per exercise of the week, with its days and minutes.
    uses: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for day in plan["days"]:
        for item in day["items"]:
            uses.setdefault(item["exercise"], []).append((day["day"], item))
    assert len(requests) == len(uses)
    for request, (exercise, items) in zip(requests, uses.items()):
        assert request["intent"] == "plan" and request["status"] == "active"
        assert (SNOMED, "229065009") in codings(request["code"])
        assert ("urn:backbalance:exercise", exercise) in codings(request["code"])
        repeat = request["occurrenceTiming"]["repeat"]
        assert repeat["dayOfWeek"] == [DAY_CODES[d] for d, _ in items]
        minutes = [i["minutes"] for _, i in items]
        assert repeat["duration"] == min(minutes)
        assert repeat.get("durationMax", min(minutes)) == max(minutes)
        assert repeat["durationUnit"] == "min"
        for _, item in items:
            assert f"{item['minutes']} min" in request["patientInstruction"]
    if plan["status"] == "infeasible":
        assert requests == []

    goal, = resources(bundle, "Goal")
    target, = goal["target"]
    assert codings(target["measure"]) == {(LOINC, "82290-8")}
    assert target["detailQuantity"] == {"value": plan["targets"]["by_category"]["aerobic"],
                                        "unit": "min/wk", "system": "http://unitsofmeasure.org",
                                        "code": "min/wk"}
    assert care_plan["goal"] == [{"reference": f"urn:uuid:{goal['id']}"}]


@pytest.mark.parametrize("profile", EXAMPLE_PROFILES, ids=lambda p: p.stem)
def test_conditions_carry_snomed_codes(cli, profile):
    bundle, _, _ = export(cli, profile)
    person = json.loads(profile.read_text())
    conditions = resources(bundle, "Condition")
    back_pain = conditions[0]
    duration = person.get("pain_duration", "chronic")
    assert codings(back_pain["code"]) == {(SNOMED, BACK_PAIN_CODES[duration])}
    given = person.get("conditions", [])
    derived = ["acute_flare"] if person.get("pain", 3) >= 7 else []
    names = [next(c["code"] for c in r["code"]["coding"] if c["system"] ==
                  "urn:backbalance:condition") for r in conditions[1:]]
    assert names == given + [d for d in derived if d not in given]
    for name, resource in zip(names, conditions[1:]):
        snomed = {c for s, c in codings(resource["code"]) if s == SNOMED}
        assert snomed == ({CONDITION_CODES[name]} if name in CONDITION_CODES else set())


def test_codes_are_the_physical_activity_igs(cli):
    """Every category, intervention and goal measure code comes from the IG's code system
    and value sets; the referral's code is the one documented exception: PAServiceRequest
    binds `code` extensibly, and the value set's only referral concept (390893007) is a
    referral to a physical activity programme, which a red flag is not. The referral says
    who it is to (performerType) and why (reasonReference, the IG's pa-sr-1)."""
    for profile in EXAMPLE_PROFILES:
        bundle, _, _ = export(cli, profile)
        for resource in (e["resource"] for e in bundle["entry"]):
            if resource["resourceType"] in ("CarePlan", "Goal", "ServiceRequest"):
                pa = [c for c in resource["category"] if codings(c) == IG["category"]]
                assert len(pa) == 1, resource
            if resource["resourceType"] == "ServiceRequest":
                other, = [c for c in resource["category"] if c not in pa]
                assert codings(other) <= IG["pa-servicerequest-category"]
                assert resource["intent"] == "plan"
                assert resource["intent"] not in IG["pa-servicerequest-intent"]
                code = codings(resource["code"])
                if (SNOMED, "3457005") in code:
                    assert code.isdisjoint(IG["pa-servicerequest-code"])
                    assert IG["referral-to-pa-program"] in IG["pa-servicerequest-code"]
                    assert resource["priority"] == "urgent"
                    assert resource["performerType"] == {"text": "Physician or physiotherapist"}
                    assert resource["reasonReference"]
                else:
                    assert code & IG["pa-servicerequest-code"] == {(SNOMED, "229065009")}
            if resource["resourceType"] == "Goal":
                for target in resource["target"]:
                    assert codings(target["measure"]) <= IG["pa-goal-target-measure"]


def test_ids_derive_from_the_plan(cli, tmp_path):
    """The same input gives the same bytes; another plan, or another subject, other ids."""
    desk = EXAMPLES / "profiles" / "desk_worker.json"
    _, first, _ = export(cli, desk)
    _, again, _ = export(cli, desk)
    assert first == again
    other = json.loads(desk.read_text())
    other["seed"] = other.get("seed", 0) + 1
    other_file = tmp_path / "other.json"
    other_file.write_text(json.dumps(other))
    bundle, _, _ = export(cli, other_file)
    ids = {e["fullUrl"] for e in json.loads(first)["entry"]}
    assert ids.isdisjoint(e["fullUrl"] for e in bundle["entry"])
    patient, text, _ = export(cli, desk, "--subject", "Patient/123")
    assert text != first
    for resource in (e["resource"] for e in patient["entry"]):
        assert resource["subject"] == {"reference": "Patient/123"}
    for entry in json.loads(first)["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"


def test_subject_needs_fhir(cli):
    result = run(cli, "plan", "--catalog", "builtin", "--profile",
                 str(EXAMPLES / "profiles" / "desk_worker.json"), "--subject", "Patient/1")
    assert result.returncode == 2
    assert "--subject applies only to --format fhir" in result.stderr


def test_next_week_exports_fhir(cli, validator, tmp_path):
    feedback = tmp_path / "feedback.json"
    feedback.write_text("[]")
    result = run(cli, "next-week", "--catalog", "builtin", "--profile",
                 str(EXAMPLES / "profiles" / "desk_worker.json"), "--plan",
                 str(EXAMPLES / "plans" / "desk_worker_week.json"), "--feedback",
                 str(feedback), "--format", "fhir")
    assert result.returncode == 0, result.stderr
    problems = validator.errors(json.loads(result.stdout))
    assert problems == [], "\n".join(problems)
