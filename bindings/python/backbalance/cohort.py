"""Cohorts on Dask: plan many profiles across workers, each partition with plan_many.

    from backbalance.cohort import plan_cohort
    summary = plan_cohort("cohort.jsonl", "plans.jsonl", partition_size=250)
    print(summary)

Profiles come from a JSON-lines file, any iterable of profiles, or a pandas DataFrame
(one row per person, one column per profile field). Each output line is
``{"person": i, "plan": {...}}`` (the library's plan, numbers exactly as it wrote them)
or ``{"person": i, "error": {"code", "message", "problems"}}``, in input order; ``person``
is the 0-based position of the profile. :func:`plans_frame` turns results into a long
table (person, day, phase, exercise, minutes).
"""

from __future__ import annotations

import importlib

import json
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from ._documents import ProfileLike, profile_text
from .catalog import Catalog
from .errors import BackbalanceError
from .plan import Plan
from .planner import Planner

ProfilesSource = Union[str, "os.PathLike[str]", Iterable[ProfileLike], Any]  # Any: DataFrame
#: The score quantiles a summary reports.
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


@dataclass(frozen=True)
class Outcome:
    """What one person's planning produced, as a worker sends it back."""

    person: int
    status: str  # "ok", "infeasible", "refer", or "error"
    score: Optional[float]
    excluded: tuple[tuple[str, str], ...]
    line: str  # the output JSON line, without its newline


@dataclass
class ExclusionCount:
    exercise: str
    count: int  # people for whom it was excluded
    reasons: dict[str, int]  # reason code -> people


@dataclass
class CohortSummary:
    """Status counts, score quantiles (over plans with status ok) and the exercises
    excluded most often, with why."""

    people: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    score_quantiles: dict[float, float] = field(default_factory=dict)
    top_excluded: list[ExclusionCount] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{self.people} people: " + ", ".join(
            f"{count} {status}" for status, count in sorted(self.status_counts.items()))]
        if self.score_quantiles:
            lines.append("score quantiles (ok plans): " + ", ".join(
                f"q{round(q * 100):02d} {value:.2f}" for q, value in self.score_quantiles.items()))
        for entry in self.top_excluded:
            reasons = ", ".join(f"{r} {n}" for r, n in
                                sorted(entry.reasons.items(), key=lambda kv: (-kv[1], kv[0])))
            lines.append(f"excluded {entry.exercise}: {entry.count} people ({reasons})")
        return "\n".join(lines)


class _SummaryBuilder:
    def __init__(self, top: int):
        self._top = top
        self._statuses: Counter[str] = Counter()
        self._scores: list[float] = []
        self._excluded: Counter[str] = Counter()
        self._reasons: dict[str, Counter[str]] = {}

    def add(self, outcome: Outcome) -> None:
        self._statuses[outcome.status] += 1
        if outcome.status == "ok" and outcome.score is not None:
            self._scores.append(outcome.score)
        for exercise, reason in outcome.excluded:
            self._excluded[exercise] += 1
            self._reasons.setdefault(exercise, Counter())[reason] += 1

    def build(self) -> CohortSummary:
        scores = sorted(self._scores)
        top = sorted(self._excluded.items(), key=lambda kv: (-kv[1], kv[0]))[: self._top]
        return CohortSummary(
            people=sum(self._statuses.values()),
            status_counts=dict(sorted(self._statuses.items())),
            score_quantiles={q: _quantile(scores, q) for q in QUANTILES} if scores else {},
            top_excluded=[ExclusionCount(e, n, dict(self._reasons[e])) for e, n in top],
        )


def _quantile(sorted_values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default method)."""
    position = (len(sorted_values) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


# ---- Inputs ----------------------------------------------------------------------------

def _frame_profiles(frame: Any) -> Iterator[dict[str, Any]]:
    """One profile per row: the row's fields, leaving out missing (NaN/None) values."""
    pandas: Any = importlib.import_module("pandas")  # untyped: used as Any

    for row in frame.to_dict(orient="records"):
        yield {k: _plain(v) for k, v in row.items()
               if not (pandas.api.types.is_scalar(v) and pandas.isna(v))}


def _plain(value: Any) -> Any:
    """numpy scalars and arrays as the Python values json accepts. A whole float becomes
    an int: pandas stores an integer column with a missing value as floats (3 -> 3.0),
    and the profile's integer fields take only integers."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_profiles(source: ProfilesSource) -> Iterator[str]:
    """The JSON text of each profile of ``source``: a JSON-lines file (blank lines
    skipped), a pandas DataFrame, or an iterable of profiles."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield line
        return
    if type(source).__name__ == "DataFrame" and hasattr(source, "to_dict"):
        source = _frame_profiles(source)
    for profile in source:
        yield profile_text(profile)


def _partitions(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    partition: list[str] = []
    for text in texts:
        partition.append(text)
        if len(partition) == size:
            yield partition
            partition = []
    if partition:
        yield partition


# ---- Planning one partition (runs on a worker) ------------------------------------------

def _outcome(person: int, result: Union[Plan, BackbalanceError]) -> Outcome:
    if isinstance(result, Plan):
        return Outcome(person, result.status, result.score, tuple(result.excluded),
                       f'{{"person": {person}, "plan": {result.to_json_line()}}}')
    error = {"code": result.code, "message": result.message,
             "problems": [p._asdict() for p in result.problems]}
    return Outcome(person, "error", None, (),
                   json.dumps({"person": person, "error": error}))


def plan_partition(planner: Planner, first_person: int, profiles: list[str],
                   threads: int = 1) -> list[Outcome]:
    """Plans one partition with plan_many (the task each Dask worker runs)."""
    results = planner.plan_many(profiles, threads=threads, errors="return")
    return [_outcome(first_person + i, r) for i, r in enumerate(results)]


# ---- Driving the cluster ----------------------------------------------------------------

class _ClusterSession:
    """The Dask client to use: the caller's, one for a scheduler address, or a
    LocalCluster started (and closed) here."""

    def __init__(self, client: Any, workers: Optional[int]) -> None:
        distributed: Any = importlib.import_module("dask.distributed")  # untyped: Any
        Client, LocalCluster = distributed.Client, distributed.LocalCluster

        self._owned: list[Any] = []
        if client is None:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            self._owned.append(cluster)
            client = Client(cluster)
            self._owned.insert(0, client)
        elif isinstance(client, str):
            client = Client(client)
            self._owned.append(client)
        self.client = client

    def close(self) -> None:
        for resource in self._owned:
            resource.close()


def iter_outcomes(profiles: ProfilesSource, client: Any = None, partition_size: int = 250,
                  planner: Optional[Planner] = None, workers: Optional[int] = None,
                  threads_per_task: int = 1,
                  progress: Optional[Callable[[int, int], None]] = None) -> Iterator[Outcome]:
    """Plans ``profiles`` on Dask and yields each person's Outcome in input order.

    ``client``: None (start a LocalCluster of ``workers`` processes), a scheduler address,
    or a ``dask.distributed.Client``. ``progress(done, total)`` is called as partitions
    finish (counts of people).
    """
    as_completed: Any = importlib.import_module("dask.distributed").as_completed

    if partition_size < 1:
        raise ValueError(f"partition_size must be >= 1, got {partition_size}")
    planner = planner if planner is not None else Planner(Catalog.builtin())
    session = _ClusterSession(client, workers)
    try:
        dask = session.client
        shared_planner = dask.scatter(planner, broadcast=True)
        futures = {}
        person = 0
        for index, partition in enumerate(_partitions(read_profiles(profiles), partition_size)):
            future = dask.submit(plan_partition, shared_planner, person, partition,
                                 threads_per_task, pure=False)
            futures[future] = (index, len(partition))
            person += len(partition)
        total, done = person, 0
        finished: dict[int, list[Outcome]] = {}
        next_index = 0
        for future in as_completed(futures):
            index, size = futures[future]
            finished[index] = future.result()
            future.release()
            done += size
            if progress is not None:
                progress(done, total)
            while next_index in finished:  # keep input order while streaming
                yield from finished.pop(next_index)
                next_index += 1
    finally:
        session.close()


def plan_cohort(profiles: ProfilesSource, output_jsonl: Optional[Union[str, "os.PathLike[str]"]],
                client: Any = None, partition_size: int = 250, *,
                planner: Optional[Planner] = None, workers: Optional[int] = None,
                threads_per_task: int = 1, top_excluded: int = 10,
                progress: Optional[Callable[[int, int], None]] = None) -> CohortSummary:
    """Plans a cohort across Dask workers and writes one JSON line per person to
    ``output_jsonl`` (None: write nothing, only summarise).

    ``profiles``: a JSON-lines file, an iterable of profiles (mappings or JSON text) or a
    pandas DataFrame. Each partition of ``partition_size`` profiles runs ``plan_many`` on
    one worker; a custom ``planner`` (catalogue and options) travels to the workers by
    pickle. Returns the status counts, score quantiles and most excluded exercises.
    """
    builder = _SummaryBuilder(top_excluded)
    output = open(output_jsonl, "w", encoding="utf-8") if output_jsonl is not None else None
    try:
        for outcome in iter_outcomes(profiles, client, partition_size, planner, workers,
                                     threads_per_task, progress):
            builder.add(outcome)
            if output is not None:
                output.write(outcome.line + "\n")
    finally:
        if output is not None:
            output.close()
    return builder.build()


def plans_frame(results: Union[str, "os.PathLike[str]", Iterable[Any]]) -> Any:
    """A long pandas DataFrame, one row per planned item: person, day, phase, exercise,
    minutes. ``results``: an output JSON-lines file of :func:`plan_cohort`, or an iterable
    of Plans (person = position) or of (person, Plan) pairs."""
    pandas: Any = importlib.import_module("pandas")  # untyped: used as Any

    def pairs() -> Iterator[tuple[int, Any]]:
        if isinstance(results, (str, os.PathLike)):
            with open(results, encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    if "plan" in record:
                        yield record["person"], record["plan"]
            return
        for position, entry in enumerate(results):
            person, plan = entry if isinstance(entry, tuple) else (position, entry)
            if isinstance(plan, Plan):
                yield person, plan
            elif not isinstance(plan, BaseException):
                yield person, plan

    rows = [(person, day["day"], item["phase"], item["exercise"], item["minutes"])
            for person, plan in pairs() for day in plan["days"] for item in day["items"]]
    return pandas.DataFrame(rows, columns=["person", "day", "phase", "exercise", "minutes"])
