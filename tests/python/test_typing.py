"""`mypy --strict` finds nothing in the package (bindings/python/pyproject.toml's
[tool.mypy]), and the results are typed: users' code that reads a plan type-checks too."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BINDINGS

MYPY = shutil.which("mypy")
pytestmark = pytest.mark.skipif(MYPY is None and not os.environ.get("CI"),
                                reason="mypy is not installed (scripts/bootstrap installs it)")


def mypy(*args: str, cwd: Path = BINDINGS) -> subprocess.CompletedProcess[str]:
    assert MYPY is not None, "mypy is not installed (scripts/bootstrap installs it)"
    return subprocess.run([MYPY, "--no-incremental", "--cache-dir", os.devnull, *args],
                          capture_output=True, text=True, cwd=cwd)


def test_package_is_mypy_strict_clean():
    result = mypy("--strict", "backbalance")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")


def test_user_code_type_checks(tmp_path):
    """A typical caller: a wrong use of a result is a type error, a right one is not."""
    good = tmp_path / "good.py"
    good.write_text(
        "import backbalance\n"
        "with backbalance.Catalog.builtin() as catalog, backbalance.Planner(catalog) as p:\n"
        "    plan = p.plan({'pain': 3})\n"
        "    minutes: int = plan.days[0].minutes\n"
        "    codes: list[str] = [a['code'] for a in plan.advisories]\n"
        "    reps = [i.dose.get('reps') for d in plan.days for i in d.items if i.dose]\n"
        "    rules: list[str] = [v['rule'] for v in p.evaluate({}, plan).violations]\n"
        "    bundle: str = p.render(plan, 'fhir', profile={'pain': 3}, subject='Patient/1')\n")
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import backbalance\n"
        "plan = backbalance.Planner().plan({'pain': 3})\n"
        "name: int = plan.status\n"
        "code: int = plan.advisories[0]['code']\n"
        "page: bytes = backbalance.Planner().render(plan, 'html')\n")
    env_path = f"--python-executable=/usr/bin/python3"
    result = mypy("--strict", env_path, str(good), cwd=BINDINGS)
    assert result.returncode == 0, result.stdout
    result = mypy("--strict", env_path, str(bad), cwd=BINDINGS)
    assert result.returncode == 1
    assert result.stdout.count("Incompatible types in assignment") == 3, result.stdout
