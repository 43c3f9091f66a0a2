"""`python3 -m backbalance plan|cohort`: the command line over the Python package.

  python3 -m backbalance plan PROFILE.json [--catalog builtin|FILE] [--backend B]
                              [--seed N] [--time-limit S]
      Prints the plan JSON, byte for byte what `backbalance plan --format json` prints;
      exit 0 (ok), 3 (infeasible), 4 (refer), 1 (bad input: problems on stderr).

  python3 -m backbalance cohort PROFILES.jsonl OUTPUT.jsonl [--scheduler ADDRESS]
                                [--workers N] [--partition-size N] [--catalog ...]
      Plans a cohort on Dask with a progress display on stderr; prints the summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

from . import Catalog, Planner
from .errors import BackbalanceError

EXIT_OK, EXIT_INVALID, EXIT_INFEASIBLE, EXIT_REFER = 0, 1, 3, 4
_EXIT_BY_STATUS = {"ok": EXIT_OK, "infeasible": EXIT_INFEASIBLE, "refer": EXIT_REFER}


def _report(source: str, error: BackbalanceError) -> None:
    """`<file>: <path>: <rule>: <detail>` per problem, as the command line reports them."""
    lines = [str(p) for p in error.problems] or [error.message]
    for line in lines:
        print(f"{source}: {line}", file=sys.stderr)


def _catalog(source: str) -> Catalog:
    return Catalog.builtin() if source == "builtin" else Catalog.from_file(source)


def _planner(args: argparse.Namespace) -> Planner:
    options = {"backend": args.backend}
    if args.time_limit is not None:
        options["time_limit_seconds"] = args.time_limit
    return Planner(_catalog(args.catalog), **options)


def _run_plan(args: argparse.Namespace) -> int:
    try:
        planner = _planner(args)
    except BackbalanceError as error:
        _report(args.catalog, error)
        return EXIT_INVALID
    try:
        text = Path(args.profile).read_text(encoding="utf-8")
    except OSError as error:
        print(f"{args.profile}: {error.strerror}", file=sys.stderr)
        return EXIT_INVALID
    if args.seed is not None:
        try:
            document = json.loads(text)
        except ValueError:
            document = None
        if isinstance(document, dict):
            document["seed"] = args.seed
            text = json.dumps(document)
    try:
        plan = planner.plan(text)
    except BackbalanceError as error:
        _report(args.profile, error)
        return EXIT_INVALID
    sys.stdout.write(plan.to_json())
    return _EXIT_BY_STATUS.get(plan.status, EXIT_INVALID)


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    print(f"\rplanned {done}/{total} [{'#' * filled}{'.' * (width - filled)}]", end="",
          file=sys.stderr, flush=True)
    if done == total:
        print(file=sys.stderr)


def _run_cohort(args: argparse.Namespace) -> int:
    from .cohort import plan_cohort

    try:
        planner = _planner(args)
        summary = plan_cohort(args.profiles, args.output, client=args.scheduler,
                              partition_size=args.partition_size, planner=planner,
                              workers=args.workers, progress=_progress)
    except BackbalanceError as error:
        _report(args.catalog, error)
        return EXIT_INVALID
    except OSError as error:
        print(f"{error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_INVALID
    print(summary)
    return EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m backbalance",
                                     description="Balanced weeks of exercise for back pain.")
    commands = parser.add_subparsers(dest="command", required=True)

    def planner_flags(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--catalog", default="builtin", metavar="FILE|builtin",
                         help="exercise catalogue (default: the built-in one)")
        sub.add_argument("--backend", default="heuristic", choices=["heuristic", "exact"])
        sub.add_argument("--time-limit", type=float, metavar="S", help="stop after S seconds")

    plan = commands.add_parser("plan", help="plan a week for a profile (JSON on stdout)")
    plan.add_argument("profile", metavar="PROFILE.json")
    planner_flags(plan)
    plan.add_argument("--seed", type=int, metavar="N", help="overrides the profile's seed")
    plan.add_argument("--format", choices=["json"], default="json")
    plan.set_defaults(run=_run_plan)

    cohort = commands.add_parser("cohort", help="plan a JSON-lines cohort on Dask")
    cohort.add_argument("profiles", metavar="PROFILES.jsonl")
    cohort.add_argument("output", metavar="OUTPUT.jsonl")
    planner_flags(cohort)
    cohort.add_argument("--scheduler", metavar="ADDRESS",
                        help="a Dask scheduler (default: start a LocalCluster)")
    cohort.add_argument("--workers", type=int, help="LocalCluster worker processes")
    cohort.add_argument("--partition-size", type=int, default=250, metavar="N")
    cohort.set_defaults(run=_run_cohort)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
