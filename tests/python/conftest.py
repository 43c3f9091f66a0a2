"""Shared fixtures of the Python tests (run by scripts/test with /usr/bin/python3 -m pytest).

The package is imported from bindings/python; the library and the command line come from
the CMake build tree in BACKBALANCE_BUILD_DIR (scripts/test sets it to build/release),
falling back to build/release, so any build directory works.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BINDINGS = REPO / "bindings" / "python"
EXAMPLES = REPO / "examples"
BUILD_DIR = Path(os.environ.get("BACKBALANCE_BUILD_DIR", REPO / "build" / "release"))
os.environ.setdefault("BACKBALANCE_BUILD_DIR", str(BUILD_DIR))
LIBRARY = BUILD_DIR / "src" / "capi" / "libbackbalance.so.0"
CLI = Path(os.environ.get("BACKBALANCE_CLI", BUILD_DIR / "src" / "cli" / "backbalance"))

if not LIBRARY.exists():
    pytest.exit(f"tests/python: {LIBRARY} is missing; build the backbalance_c target of the "
                f"build tree in BACKBALANCE_BUILD_DIR ({BUILD_DIR}) first", returncode=2)
sys.path.insert(0, str(BINDINGS))

import backbalance  # noqa: E402  (after sys.path is set)

EXAMPLE_PROFILES = sorted((EXAMPLES / "profiles").glob("*.json"))


@pytest.fixture(scope="session")
def planner() -> backbalance.Planner:
    return backbalance.Planner(backbalance.Catalog.builtin())


@pytest.fixture(scope="session")
def cli() -> Path:
    if not CLI.exists():
        pytest.skip(f"the command line {CLI} was not built")
    return CLI


@pytest.fixture
def desk_worker() -> str:
    return (EXAMPLES / "profiles" / "desk_worker.json").read_text()


@pytest.fixture
def desk_worker_week() -> str:
    return (EXAMPLES / "plans" / "desk_worker_week.json").read_text()


#: Feedback on examples/plans/desk_worker_week.json (as tests/cli/cases/next_week.sh).
FEEDBACK = [
    {"day": 0, "exercise": "glute_bridge", "completed": True, "pain_after": "better",
     "soreness_hours": 0, "rpe": 4},
    {"day": 0, "exercise": "brisk_walking", "completed": True, "pain_after": "same", "rpe": 5},
    {"day": 1, "exercise": "side_plank_knees", "completed": True, "pain_after": "worse",
     "soreness_hours": 0.5, "rpe": 7},
    {"day": 3, "exercise": "dead_bug", "completed": False},
]
