"""`python3 -m backbalance`: exit codes and messages."""

import subprocess
import sys

from conftest import BINDINGS, EXAMPLES


def run(*args):
    return subprocess.run([sys.executable, "-m", "backbalance", *args], capture_output=True,
                          text=True, cwd=BINDINGS)


def test_exit_codes():
    assert run("plan", str(EXAMPLES / "profiles" / "desk_worker.json")).returncode == 0
    assert run("plan", str(EXAMPLES / "profiles" / "too_little_time.json")).returncode == 3
    assert run("plan", str(EXAMPLES / "profiles" / "red_flags.json")).returncode == 4


def test_missing_profile(tmp_path):
    result = run("plan", str(tmp_path / "nope.json"))
    assert result.returncode == 1 and "nope.json" in result.stderr


def test_bad_catalog(tmp_path):
    catalog = tmp_path / "catalog.json"
    catalog.write_text("{}")
    result = run("plan", str(EXAMPLES / "profiles" / "desk_worker.json"), "--catalog",
                 str(catalog))
    assert result.returncode == 1
    assert f"{catalog}: schema: required: " in result.stderr


def test_usage_error():
    result = run("plan")
    assert result.returncode == 2 and "PROFILE.json" in result.stderr
