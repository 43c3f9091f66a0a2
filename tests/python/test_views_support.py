"""Finding and running the backbalance command line for the view tests (test_views_*.py).
No tests here; the name keeps it among the files of the views.

The binary is $BACKBALANCE_CLI (scripts/test sets it to the release build); without it,
the first of the usual build folders that holds one. No binary at all is a test error,
not a skip: the views cannot be tested without it.
"""
import os
import pathlib
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "profiles"


def cli_path():
    explicit = os.environ.get("BACKBALANCE_CLI")
    if explicit:
        return pathlib.Path(explicit)
    for preset in ("release", "dev", "views"):
        candidate = REPO / "build" / preset / "src" / "cli" / "backbalance"
        if candidate.exists():
            return candidate
    raise FileNotFoundError("no backbalance binary: set BACKBALANCE_CLI or build the release preset")


def run_plan(profile, *args, check_codes=(0,)):
    """Runs `backbalance plan` for examples/profiles/<profile>.json; returns stdout bytes."""
    result = subprocess.run(
        [str(cli_path()), "plan", "--catalog", "builtin", "--profile",
         str(EXAMPLES / f"{profile}.json"), *args],
        capture_output=True, check=False, timeout=600)
    assert result.returncode in check_codes, result.stderr.decode()
    return result.stdout
