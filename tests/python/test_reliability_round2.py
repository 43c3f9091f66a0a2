"""Reliability, round 2 (issue 20; docs/reliability.md): regressions of the Python binding.

Each test failed before its fix (the finding's number is in its name's docstring).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import backbalance
from conftest import BINDINGS, EXAMPLES


def test_nul_byte_is_a_syntax_problem_not_the_end_of_the_document(planner, desk_worker):
    """Finding 1: text after a NUL byte was ignored (ctypes passes a C string)."""
    catalog_text = backbalance.Catalog.builtin().to_json()
    for call in (lambda: backbalance.Catalog.from_json(catalog_text + "\x00junk"),
                 lambda: backbalance.Catalog.from_json((catalog_text + "\x00junk").encode()),
                 lambda: planner.plan(desk_worker + "\x00GARBAGE {{{"),
                 lambda: backbalance.Plan.from_json(planner.plan(desk_worker).to_json() + "\0"),
                 lambda: planner.plan_many([desk_worker, desk_worker + "\0x"])):
        with pytest.raises(backbalance.InvalidInput) as raised:
            call()
        (problem,) = raised.value.problems
        assert problem.path == "" and problem.rule == "syntax"
        assert "a NUL byte" in problem.detail
    with pytest.raises(backbalance.InvalidInput) as raised:
        planner.plan('{"schema": "backbalance.profile/1",\n "pain": 2}\x00')
    assert raised.value.problems[0].detail.startswith(
        "invalid JSON at byte 47 (line 2, column 12): a NUL byte")


def test_nul_byte_reads_the_same_from_python_and_from_a_file(tmp_path):
    """Finding 1: the binding's own check words the problem as the library does."""
    text = backbalance.Catalog.builtin().to_json() + "\x00junk"
    (tmp_path / "catalog.json").write_text(text)
    with pytest.raises(backbalance.InvalidInput) as from_file:
        backbalance.Catalog.from_file(tmp_path / "catalog.json")
    with pytest.raises(backbalance.InvalidInput) as from_json:
        backbalance.Catalog.from_json(text)
    assert from_file.value.problems == from_json.value.problems
    assert from_file.value.message == from_json.value.message


def _bad_plan(profile):
    planner = backbalance.Planner()
    return planner.plan(profile)


def test_errors_round_trip_through_pickle_and_a_process_pool(planner):
    """Finding 9: a BackbalanceError did not unpickle, so a Pool whose worker raised hung."""
    with pytest.raises(backbalance.InvalidInput) as raised:
        planner.plan({"pain": 11})
    error = raised.value
    error.index = 7
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is backbalance.InvalidInput
    assert (copy.code, copy.status, copy.message, copy.problems, copy.index) == (
        error.code, error.status, error.message, error.problems, 7)
    assert str(copy) == str(error)
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        result = pool.map_async(_bad_plan, [{"pain": 11}])
        with pytest.raises(backbalance.InvalidInput) as raised:
            result.get(timeout=120)
    assert raised.value.problems == error.problems


_INTERRUPTED_BATCH = textwrap.dedent("""
    import signal, sys, time
    # As in a terminal: a child of a shell without job control (a background or nohup
    # job) starts with SIGINT ignored, and Python then leaves it ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.path.insert(0, sys.argv[1])
    import backbalance
    profile = open(sys.argv[2]).read()
    planner = backbalance.Planner()
    print("ready", flush=True)
    try:
        planner.plan_many([profile] * 3000, threads=2)
    except KeyboardInterrupt:
        print("interrupted", time.monotonic(), flush=True)
""")


def test_keyboard_interrupt_stops_plan_many_within_a_second():
    """Finding 10: SIGINT waited for the whole C batch (22.7 s for 300 profiles)."""
    child = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED_BATCH, str(BINDINGS),
         str(EXAMPLES / "profiles" / "desk_worker.json")],
        stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(1.5)  # well into the batch (3000 profiles take minutes)
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=60)
    finally:
        child.kill()
    word, when = out.split()
    assert word == "interrupted"
    assert float(when) - sent < 1.5


@pytest.mark.parametrize("threads, error", [
    (2**31, ValueError), (10**10, ValueError), (-1, ValueError), (257, ValueError),
    (1.5, TypeError), ("2", TypeError), (True, TypeError)])
def test_plan_many_checks_threads(planner, desk_worker, threads, error):
    """Finding 12: 2**31 was reported as -2147483648, 10**10 wrapped, 1.5 ArgumentError."""
    with pytest.raises(error, match="threads must be"):
        planner.plan_many([desk_worker], threads=threads)


def test_evaluate_and_next_week_take_mappings_or_say_what_they_want(planner, desk_worker):
    """Finding 12: evaluate(profile, dict) raised AttributeError; next_week iterated a dict's
    keys as feedback."""
    plan = planner.plan(desk_worker)
    by_text = planner.evaluate(desk_worker, plan.to_json())
    by_mapping = planner.evaluate(desk_worker, json.loads(plan.to_json()))
    assert by_mapping == by_text and by_mapping.valid
    with pytest.raises(TypeError, match="a plan is"):
        planner.evaluate(desk_worker, 42)
    with pytest.raises(TypeError, match="feedback is a list of entries"):
        planner.next_week(desk_worker, plan, {"feedback": []})
    with pytest.raises(TypeError, match="feedback is a list of entries"):
        planner.next_week(desk_worker, plan, 3)
    assert planner.next_week(desk_worker, plan, []).plan.status == "ok"


def test_plan_mapping_cannot_be_changed(planner, desk_worker):
    """Finding 12: ``p["days"].append(...)`` changed the read-only plan."""
    plan = planner.plan(desk_worker)
    before = plan.to_json()
    plan["days"].append({"day": 7})
    plan["days"][0]["items"].clear()
    plan["score_terms"]["variety"] = -1
    assert len(plan["days"]) == 7 and plan["days"][0]["items"]
    assert plan["score_terms"]["variety"] != -1
    assert dict(plan) == json.loads(before) and plan.to_json() == before
