"""For the same input, the command line, the C ABI (through Python) and
`python3 -m backbalance` print byte-identical JSON (plan, evaluation, next week)."""

import json
import subprocess
import sys

import pytest

import backbalance
from conftest import BINDINGS, EXAMPLE_PROFILES, EXAMPLES, FEEDBACK


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


@pytest.mark.parametrize("profile", EXAMPLE_PROFILES, ids=lambda p: p.stem)
def test_plan_json_identical(planner, cli, profile):
    from_cli = run([str(cli), "plan", "--catalog", "builtin", "--profile", str(profile),
                    "--format", "json"])
    from_python = planner.plan(profile)
    from_module = run([sys.executable, "-m", "backbalance", "plan", str(profile)],
                      cwd=BINDINGS)
    assert from_python.to_json() == from_cli.stdout
    assert from_module.stdout == from_cli.stdout
    assert from_module.returncode == from_cli.returncode  # 0 ok, 3 infeasible, 4 refer
    assert planner.plan_many([profile])[0].to_json() == from_cli.stdout


def test_seed_flag_identical(cli):
    profile = EXAMPLES / "profiles" / "fit_runner.json"
    from_cli = run([str(cli), "plan", "--catalog", "builtin", "--profile", str(profile),
                    "--seed", "7"])
    from_module = run([sys.executable, "-m", "backbalance", "plan", str(profile), "--seed", "7"],
                      cwd=BINDINGS)
    assert from_module.stdout == from_cli.stdout


def test_evaluate_json_identical(planner, cli, desk_worker_week):
    profile = EXAMPLES / "profiles" / "desk_worker.json"
    plan = EXAMPLES / "plans" / "desk_worker_week.json"
    from_cli = run([str(cli), "evaluate", "--catalog", "builtin", "--profile", str(profile),
                    "--plan", str(plan)])
    assert planner.evaluate(profile, desk_worker_week).to_json() == from_cli.stdout


def test_next_week_json_identical(planner, cli, desk_worker_week, tmp_path):
    profile = EXAMPLES / "profiles" / "desk_worker.json"
    feedback = tmp_path / "feedback.json"
    feedback.write_text(json.dumps(FEEDBACK))
    from_cli = run([str(cli), "next-week", "--catalog", "builtin", "--profile", str(profile),
                    "--plan", str(EXAMPLES / "plans" / "desk_worker_week.json"),
                    "--feedback", str(feedback), "--format", "json"])
    assert from_cli.returncode == 0, from_cli.stderr
    assert planner.next_week(profile, desk_worker_week, FEEDBACK).to_json() == from_cli.stdout


def test_invalid_profile_reported_alike(cli, tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text('{"schema": "backbalance.profile/1", "fitness": 9}\n')
    from_cli = run([str(cli), "plan", "--catalog", "builtin", "--profile", str(profile)])
    from_module = run([sys.executable, "-m", "backbalance", "plan", str(profile)], cwd=BINDINGS)
    assert from_module.returncode == from_cli.returncode == 1
    assert from_module.stdout == from_cli.stdout == ""
    assert f"{profile}: fitness: range: " in from_module.stderr
    assert f"{profile}: fitness: range: " in from_cli.stderr


def test_custom_catalog_identical(cli, tmp_path):
    catalog = tmp_path / "catalog.json"
    catalog.write_text(backbalance.Catalog.builtin().to_json())
    profile = EXAMPLES / "profiles" / "osteoporosis.json"
    from_cli = run([str(cli), "plan", "--catalog", str(catalog), "--profile", str(profile)])
    from_module = run([sys.executable, "-m", "backbalance", "plan", str(profile), "--catalog",
                       str(catalog)], cwd=BINDINGS)
    assert from_module.stdout == from_cli.stdout
