"""Planner: plans, options, evaluate, next week, plan_many, pickling, the GIL."""

import json
import pickle
import threading
import time

import pytest

import backbalance
from conftest import EXAMPLES, FEEDBACK


def test_plan_reads_as_mapping_and_typed(planner, desk_worker):
    plan = planner.plan(desk_worker)
    assert plan.status == "ok" and plan["status"] == "ok"
    assert plan.score == plan["score"] > 0
    assert set(plan) >= {"schema", "status", "score", "days"}
    days = plan.days
    assert len(days) == 7 and days[6].rest and days[6].name == "sunday"
    monday = days[0]
    assert monday.items[0].phase == "warmup" and monday.items[-1].phase == "cooldown"
    assert monday.minutes == sum(item.minutes for item in monday.items)
    assert json.loads(plan.to_json()) == dict(plan)
    assert plan.to_json().endswith("}\n")


def test_profile_forms_agree(planner, desk_worker):
    as_text = planner.plan(desk_worker)
    as_dict = planner.plan(json.loads(desk_worker))
    as_path = planner.plan(EXAMPLES / "profiles" / "desk_worker.json")
    as_bytes = planner.plan(desk_worker.encode())
    assert as_text == as_dict == as_path == as_bytes
    without_schema = {k: v for k, v in json.loads(desk_worker).items() if k != "schema"}
    assert planner.plan(without_schema) == as_text


def test_infeasible_and_refer_are_plans(planner):
    assert planner.plan(EXAMPLES / "profiles" / "too_little_time.json").status == "infeasible"
    refer = planner.plan(EXAMPLES / "profiles" / "red_flags.json")
    assert refer.status == "refer" and all(day.rest for day in refer.days)


def test_bad_profile_raises_with_problems(planner):
    with pytest.raises(backbalance.InvalidInput) as raised:
        planner.plan({"fitness": 9, "conditions": ["flat_feet"]})
    paths = [(p.path, p.rule) for p in raised.value.problems]
    assert ("fitness", "range") in paths
    assert raised.value.code == "INVALID_ARGUMENT"
    with pytest.raises(TypeError):
        planner.plan(42)


def test_options(planner):
    defaults = backbalance.default_options()
    assert defaults["band_b_min_pain"] == 4 and defaults["time_limit_seconds"] is None
    assert planner.options == defaults
    tuned = backbalance.Planner(backbalance.Catalog.builtin(), variety_weight=0.25,
                                bands=defaults["bands"])
    assert tuned.options["variety_weight"] == 0.25
    with pytest.raises(backbalance.InvalidInput) as raised:
        backbalance.Planner(backbalance.Catalog.builtin(), search_iteration=5, top_reps=0)
    assert [(p.path, p.rule) for p in raised.value.problems] == [
        ("options.search_iteration", "unknown_field")]
    with pytest.raises(backbalance.InvalidInput) as raised:
        backbalance.Planner(top_reps=0)
    assert [(p.path, p.rule) for p in raised.value.problems] == [("options.top_reps", "range")]


def test_options_change_the_plan(desk_worker):
    plain = backbalance.Planner().plan(desk_worker)
    heavy_variety = backbalance.Planner(variety_weight=5.0).plan(desk_worker)
    assert heavy_variety.score != plain.score


def test_gap_tolerance_bounds_the_loss_and_is_checked(desk_worker):
    assert backbalance.default_options()["gap_tolerance"] is None  # the level's own
    proven = backbalance.Planner(gap_tolerance=0.0).plan(desk_worker)
    loose = backbalance.Planner(gap_tolerance=0.5).plan(desk_worker)
    assert proven.status == loose.status == "ok"
    assert loose.score >= 0.5 * proven.score - 1e-9
    with pytest.raises(backbalance.InvalidInput) as raised:
        backbalance.Planner(gap_tolerance=0.9)
    assert [(p.path, p.rule) for p in raised.value.problems] == [
        ("options.gap_tolerance", "range")]


def test_planner_pickles_with_catalog_and_options(desk_worker):
    custom = backbalance.Catalog.from_json(backbalance.Catalog.builtin().to_json())
    planner = backbalance.Planner(custom, variety_weight=0.25)
    copy = pickle.loads(pickle.dumps(planner))
    assert copy.options == planner.options
    assert copy.catalog.sha256 == custom.sha256
    assert copy.plan(desk_worker) == planner.plan(desk_worker)


def test_evaluate(planner, desk_worker):
    plan = planner.plan(desk_worker)
    verdict = planner.evaluate(desk_worker, plan)
    assert verdict.valid and verdict.violations == []
    assert verdict.score == pytest.approx(plan.score)
    broken = json.loads(plan.to_json())
    broken["days"][0]["items"][1]["exercise"] = "moon_walking"
    verdict = planner.evaluate(desk_worker, json.dumps(broken))
    assert not verdict.valid
    assert any(v["rule"] == "H1" and v["exercise"] == "moon_walking" for v in verdict.violations)
    with pytest.raises(backbalance.InvalidInput) as raised:
        planner.evaluate(desk_worker, '{"schema": "backbalance.plan/1"}')
    assert raised.value.problems[0].rule == "required"


def test_plan_from_json_checks_form(desk_worker_week):
    week = backbalance.Plan.from_json(desk_worker_week)
    assert week.days[0].items[0].exercise == "cat_cow"
    assert week.score is None
    with pytest.raises(backbalance.InvalidInput):
        backbalance.Plan.from_json('{"schema": "backbalance.plan/1", "status": "fine"}')


def test_next_week(planner, desk_worker, desk_worker_week):
    nxt = planner.next_week(desk_worker, desk_worker_week, FEEDBACK)
    assert nxt["schema"] == "backbalance.next_week/1"
    assert nxt.profile["history"]["feedback"][0]["exercise"] == "glute_bridge"
    assert ("side_plank_knees", "worsened") in nxt.plan.excluded
    assert json.loads(nxt.plan.to_json()) == nxt["plan"]
    # Next week's profile carries the history on to the week after.
    assert planner.next_week(nxt.profile, nxt.plan, []).plan.status == "ok"
    with pytest.raises(backbalance.InvalidInput) as raised:
        planner.next_week(desk_worker, desk_worker_week,
                          [{"day": 0, "exercise": "glute_bridge", "rpe": 11}])
    assert raised.value.problems[0][:2] == ("feedback[0].rpe", "range")
    with pytest.raises(backbalance.InvalidInput) as raised:
        planner.next_week(desk_worker, desk_worker_week,
                          [{"day": 2, "exercise": "glute_bridge", "completed": True}])
    assert raised.value.problems[0].rule == "unknown_use"


def test_plan_many_matches_single_plans(planner):
    profiles = [EXAMPLES / "profiles" / f"{name}.json" for name in
                ["desk_worker", "fit_runner", "red_flags", "too_little_time", "pregnancy"]]
    batch = planner.plan_many(profiles, threads=2)
    assert batch == [planner.plan(p) for p in profiles]
    assert planner.plan_many([], threads=2) == []


def test_plan_many_errors(planner, desk_worker):
    profiles = [desk_worker, {"pain": 11}, desk_worker]
    results = planner.plan_many(profiles, errors="return")
    assert results[0] == results[2] == planner.plan(desk_worker)
    assert isinstance(results[1], backbalance.InvalidInput)
    assert results[1].index == 1 and results[1].problems[0].path == "pain"
    with pytest.raises(backbalance.InvalidInput) as raised:
        planner.plan_many(profiles)
    assert raised.value.index == 1
    with pytest.raises(backbalance.InvalidInput) as raised:
        planner.plan_many(profiles, threads=-1)
    assert raised.value.problems[0].path == "argument threads"
    with pytest.raises(ValueError):
        planner.plan_many(profiles, errors="ignore")


def test_plan_many_releases_the_gil(planner, desk_worker):
    """While one thread waits in the C batch, another keeps running Python code."""
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        started = time.perf_counter()
        planner.plan_many([desk_worker] * 8, threads=1)
        elapsed = time.perf_counter() - started
    finally:
        stop.set()
        counter.join()
    # With the GIL held for the whole batch the counter could not tick at all.
    assert ticks >= max(5, int(elapsed * 1000 * 0.2))


def test_library_found_by_documented_rule():
    assert backbalance.library_path.endswith("libbackbalance.so.0")
    assert backbalance.library_version() == backbalance.__version__
