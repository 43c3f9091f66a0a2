"""Clinician control from Python (plan model sections 12, 12.1): planner.repair,
planner.replan and planner.alternatives over the experimental C functions, typed results,
byte for byte what the command line prints, and every bad input named by path and rule
with the caller's objects left as they were."""
import copy
import json
import subprocess

import pytest

import backbalance
from backbalance import InvalidInput

try:  # tests/python as a package or as a plain folder
    from .conftest import CLI, EXAMPLES
except ImportError:
    from conftest import CLI, EXAMPLES

DESK = EXAMPLES / "profiles" / "desk_worker.json"
CLINICIAN = EXAMPLES / "clinician"


@pytest.fixture(scope="module")
def week(planner):
    return planner.plan(DESK.read_text())


def first_main_use(plan):
    for day in plan.days:
        for item in day.items:
            if item.phase == "main":
                return day.day, item.exercise
    raise AssertionError("no main item")


def problems(error):
    return [(p.path, p.rule) for p in error.value.problems]


def test_repair_of_a_valid_week_changes_nothing(planner, week):
    repaired = planner.repair(DESK, week)
    assert repaired.status == "ok"
    assert repaired.changes == []
    assert repaired.score == week.score
    assert repaired.days == week.days


def test_repair_of_an_edited_week(planner):
    edited = json.loads((CLINICIAN / "edited_week.json").read_text())
    given = copy.deepcopy(edited)
    repaired = planner.repair(DESK, edited)
    assert edited == given  # nothing the caller passed is changed
    assert repaired.status == "ok"
    assert repaired.changes
    assert {c["change"] for c in repaired.changes} <= {"removed", "added", "changed"}
    assert repaired.changes == sorted(repaired.changes, key=lambda c: (c["day"], c["exercise"]))
    assert planner.evaluate(DESK, repaired).valid
    printed = subprocess.run([str(CLI), "repair", "--profile", str(DESK), "--plan",
                              str(CLINICIAN / "edited_week.json")], capture_output=True,
                             check=True, text=True)
    assert printed.stdout == repaired.to_json()


def test_plans_that_are_not_repairs_have_no_changes(week):
    assert week.changes is None


def test_replan_keeps_the_past(planner, week):
    replanned = planner.replan(DESK, week, 3)
    assert replanned.status == "ok"
    assert replanned.days[:3] == week.days[:3]
    assert planner.replan(DESK, week, 7).days == week.days
    nothing_done = planner.replan(DESK, week, 2, feedback=[])
    assert nothing_done.days[0].items == () and nothing_done.days[1].items == ()


def test_replan_with_feedback_matches_the_command_line(planner):
    plan = CLINICIAN / "week.json"
    feedback = CLINICIAN / "missed_wednesday.json"
    replanned = planner.replan(DESK, plan.read_text(), 3, feedback.read_text())
    printed = subprocess.run([str(CLI), "replan", "--profile", str(DESK), "--plan", str(plan),
                              "--from-day", "3", "--feedback", str(feedback)],
                             capture_output=True, check=True, text=True)
    assert printed.stdout == replanned.to_json()
    assert replanned.days[2].items == ()  # Wednesday did not happen


@pytest.mark.parametrize("from_day, feedback, expected", [
    (8, None, [("from_day", "range")]),
    (-1, None, [("from_day", "range")]),
    (2**40, None, [("from_day", "range")]),
    (1, [{"day": 4, "exercise": "not_in_the_week"}], [("feedback[0].day", "not_happened")]),
    (7, [{"day": 0, "exercise": "not_in_the_week"}], [("feedback[0]", "unknown_use")]),
    (7, [{"day": 0, "exercise": "x", "rpe": 11}], [("feedback[0].rpe", "range")]),
    (7, [{"day": 0, "exercise": "x", "mood": "ok"}], [("feedback[0].mood", "unknown_field")]),
    (7, "{}", [("feedback", "type")]),
])
def test_replan_bad_input(planner, week, from_day, feedback, expected):
    with pytest.raises(InvalidInput) as error:
        planner.replan(DESK, week, from_day, feedback)
    assert problems(error) == expected


def test_replan_duplicate_feedback(planner, week):
    day, exercise = first_main_use(week)
    entry = {"day": day, "exercise": exercise, "completed": True}
    with pytest.raises(InvalidInput) as error:
        planner.replan(DESK, week, 7, [entry, dict(entry)])
    assert problems(error) == [("feedback[1]", "duplicate")]


def test_replan_argument_types(planner, week):
    with pytest.raises(TypeError):
        planner.replan(DESK, week, 2.0)
    with pytest.raises(TypeError):
        planner.replan(DESK, week, True)


def test_alternatives_typed(planner, week, tmp_path):
    day, exercise = first_main_use(week)
    result = planner.alternatives(DESK, week, day, exercise)
    assert isinstance(result, backbalance.Alternatives)
    assert (result.status, result.day, result.exercise, result.phase) == ("ok", day, exercise,
                                                                          "main")
    assert result.score == pytest.approx(week.score)
    alternatives = result.alternatives
    assert all(isinstance(a, backbalance.Alternative) for a in alternatives)
    # Substitutes first, then by score (best first), then by id.
    keys = [(not a.substitute, -a.score, a.exercise) for a in alternatives]
    assert keys == sorted(keys)
    assert exercise not in [a.exercise for a in alternatives]
    for a in alternatives:
        assert a.score_change == pytest.approx(a.score - result.score)
    plan_file = tmp_path / "week.json"
    plan_file.write_text(week.to_json())
    printed = subprocess.run([str(CLI), "alternatives", "--profile", str(DESK), "--plan",
                              str(plan_file), "--day", str(day), "--exercise", exercise],
                             capture_output=True, check=True, text=True)
    assert printed.stdout == result.to_json()


def test_alternatives_keep_the_week_valid(planner, week):
    day, exercise = first_main_use(week)
    for alternative in planner.alternatives(DESK, week, day, exercise).alternatives[:5]:
        swapped = json.loads(week.to_json())
        for item in swapped["days"][day]["items"]:
            if item["exercise"] == exercise:
                item["exercise"] = alternative.exercise
                item["minutes"] = alternative.minutes
        evaluation = planner.evaluate(DESK, swapped)
        assert evaluation.valid, (alternative, evaluation.violations)
        assert evaluation.score == pytest.approx(alternative.score, abs=0.01)


def test_alternatives_bad_input(planner, week):
    day, exercise = first_main_use(week)
    with pytest.raises(InvalidInput) as error:
        planner.alternatives(DESK, week, day, "not_in_the_week")
    assert problems(error) == [("exercise", "unknown_use")]
    with pytest.raises(InvalidInput) as error:
        planner.alternatives(DESK, week, 9, exercise)
    assert problems(error) == [("day", "range")]
    with pytest.raises(InvalidInput) as error:
        planner.alternatives(DESK, (CLINICIAN / "edited_week.json").read_text(), 0, exercise)
    assert problems(error)[0] == ("plan", "invalid")
    with pytest.raises(TypeError):
        planner.alternatives(DESK, week, day, None)


def test_alternatives_for_a_red_flag(planner, week):
    day, exercise = first_main_use(week)
    result = planner.alternatives({"red_flags": ["major_trauma"]}, week, day, exercise)
    assert result.status == "refer" and result.alternatives == []
    assert result.phase is None and result.score is None


def test_pins_are_held(planner):
    plan = planner.plan(CLINICIAN / "pinned.json")
    assert plan.status == "ok"
    monday = [(i.exercise, i.phase, i.minutes) for i in plan.days[0].items]
    assert ("brisk_walking", "main", 20) in monday
    assert ("knee_to_chest", "cooldown") in [(i.exercise, i.phase) for i in plan.days[3].items]
    blocked = planner.plan(CLINICIAN / "pinned_not_cleared.json")
    assert blocked.status == "infeasible"
    assert "pinned_ineligible" in [d["code"] for d in blocked.diagnosis]


@pytest.mark.parametrize("pins, expected", [
    ([{"day": 0, "exercise": "glute_bridge", "minutes": 10}], ("pins[0].minutes", "range")),
    ([{"day": 0, "exercise": "brisk_walking", "minutes": 12}], ("pins[0].minutes", "range")),
    ([{"day": 7, "exercise": "glute_bridge"}], ("pins[0].day", "range")),
    ([{"day": 0, "exercise": "tai_chi_x"}], ("pins[0].exercise", "unknown_exercise")),
    ([{"day": 0, "exercise": "glute_bridge", "phase": "middle"}], ("pins[0].phase",
                                                                   "unknown_phase")),
])
def test_bad_pins(planner, week, pins, expected):
    profile = {"pins": pins}
    for call in (lambda: planner.plan(profile), lambda: planner.repair(profile, week),
                 lambda: planner.replan(profile, week, 3)):
        with pytest.raises(InvalidInput) as error:
            call()
        assert problems(error)[0] == expected
    assert profile == {"pins": pins}


def test_user_code_with_clinician_results_type_checks(tmp_path):
    """The results are typed: a caller's wrong use of one is a mypy --strict error."""
    import shutil

    try:
        from .test_typing import mypy
    except ImportError:
        from test_typing import mypy
    if shutil.which("mypy") is None:
        pytest.skip("mypy is not installed (scripts/bootstrap installs it)")
    good = tmp_path / "good.py"
    good.write_text(
        "import backbalance\n"
        "p = backbalance.Planner()\n"
        "week = p.plan({'pain': 3})\n"
        "repaired = p.repair({}, week)\n"
        "kinds: list[str] = [c['change'] for c in repaired.changes or []]\n"
        "rest: backbalance.Plan = p.replan({}, week, 3, feedback=[])\n"
        "swaps = p.alternatives({}, week, 0, 'walking')\n"
        "scores: list[float] = [a.score for a in swaps.alternatives]\n")
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import backbalance\n"
        "p = backbalance.Planner()\n"
        "week = p.plan({'pain': 3})\n"
        "day: str = p.alternatives({}, week, 0, 'walking').day\n"
        "names: list[int] = [a.exercise for a in p.alternatives({}, week, 0, 'x').alternatives]\n")
    assert mypy("--strict", "--python-executable=/usr/bin/python3", str(good)).returncode == 0
    result = mypy("--strict", "--python-executable=/usr/bin/python3", str(bad))
    assert result.returncode == 1
    assert "Incompatible types in assignment" in result.stdout
    assert "List comprehension has incompatible type" in result.stdout, result.stdout
