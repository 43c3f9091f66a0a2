"""Cohorts on Dask: a 2-worker LocalCluster gives exactly the in-process results."""

import json
import subprocess
import sys
import time

import pytest

pytest.importorskip("dask.distributed", reason="python3-distributed (scripts/bootstrap)")
pandas = pytest.importorskip("pandas", reason="python3-pandas (scripts/bootstrap)")

import backbalance  # noqa: E402
from backbalance import cohort  # noqa: E402
from cohort_profiles import make_profiles  # noqa: E402
from conftest import BINDINGS  # noqa: E402

COHORT_SIZE = 2000


@pytest.fixture(scope="module")
def cohort_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cohort") / "profiles.jsonl"
    with open(path, "w") as out:
        for profile in make_profiles(COHORT_SIZE):
            out.write(json.dumps(profile) + "\n")
    return path


@pytest.fixture(scope="module")
def in_process(cohort_file):
    """The reference: plan_many in this process, on both cores."""
    planner = backbalance.Planner()
    profiles = cohort_file.read_text().splitlines()
    return planner.plan_many(profiles, threads=2, errors="return")


@pytest.fixture(scope="module")
def local_cluster():
    from dask.distributed import LocalCluster

    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    yield cluster
    cluster.close()


def test_two_worker_cluster_matches_plan_many(cohort_file, in_process, tmp_path):
    output = tmp_path / "plans.jsonl"
    started = time.perf_counter()
    summary = cohort.plan_cohort(cohort_file, output, client=None, workers=2,
                                 partition_size=100)
    elapsed = time.perf_counter() - started
    lines = output.read_text().splitlines()
    assert len(lines) == COHORT_SIZE
    for person, (line, reference) in enumerate(zip(lines, in_process)):
        record = json.loads(line)
        assert record["person"] == person
        assert isinstance(reference, backbalance.Plan), reference
        # Exactly the same plan, down to the library's number text.
        assert line == f'{{"person": {person}, "plan": {reference.to_json_line()}}}'
        assert record["plan"] == dict(reference)
    statuses = {s: sum(1 for p in in_process if p.status == s) for s in ("ok", "infeasible",
                                                                          "refer")}
    assert summary.people == COHORT_SIZE
    assert summary.status_counts == {s: n for s, n in statuses.items() if n}
    assert statuses["ok"] > COHORT_SIZE // 2 and statuses["refer"] > 0
    print(f"\n{COHORT_SIZE} profiles on a 2-worker LocalCluster: {elapsed:.1f} s")


def test_summary(in_process):
    outcomes = [cohort._outcome(i, r) for i, r in enumerate(in_process)]
    builder = cohort._SummaryBuilder(top=5)
    for outcome in outcomes:
        builder.add(outcome)
    summary = builder.build()
    ok_scores = sorted(p.score for p in in_process if p.status == "ok")
    assert summary.score_quantiles[0.5] == pytest.approx(
        (ok_scores[(len(ok_scores) - 1) // 2] + ok_scores[len(ok_scores) // 2]) / 2)
    quantiles = list(summary.score_quantiles.values())
    assert quantiles == sorted(quantiles)
    top = summary.top_excluded
    assert len(top) == 5 and top[0].count >= top[-1].count
    assert top[0].count == sum(top[0].reasons.values())
    assert top[0].count == sum(1 for p in in_process if top[0].exercise in dict(p.excluded))
    text = str(summary)
    assert text.startswith(f"{len(in_process)} people: ")
    assert f"excluded {top[0].exercise}: {top[0].count} people (" in text


def test_scheduler_address_dataframe_and_custom_catalog(local_cluster, tmp_path):
    custom = backbalance.Catalog.from_json(backbalance.Catalog.builtin().to_json())
    planner = backbalance.Planner(custom, variety_weight=0.75)
    profiles = make_profiles(30, seed=5)
    frame = pandas.DataFrame(profiles)
    frame.loc[3, "fitness"] = None  # a missing value: the profile's default applies
    frame.loc[4, "pain"] = 42       # a bad profile: its line is an error
    output = tmp_path / "plans.jsonl"
    summary = cohort.plan_cohort(frame, output, client=local_cluster.scheduler_address,
                                 partition_size=7, planner=planner)
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert [r["person"] for r in records] == list(range(30))
    assert records[4]["error"]["code"] == "INVALID_ARGUMENT"
    assert records[4]["error"]["problems"][0]["path"] == "pain"
    assert summary.status_counts["error"] == 1
    # The custom catalogue and the options travelled to the worker.
    expected = planner.plan({k: v for k, v in profiles[0].items()})
    assert records[0]["plan"] == dict(expected)
    assert records[0]["plan"]["provenance"]["catalog_sha256"] == custom.sha256
    del profiles[3]["fitness"]
    assert records[3]["plan"] == dict(planner.plan(profiles[3]))


def test_long_table(local_cluster, tmp_path):
    from dask.distributed import Client

    profiles = make_profiles(12, seed=9)
    output = tmp_path / "plans.jsonl"
    with Client(local_cluster) as client:
        cohort.plan_cohort(iter(profiles), output, client=client, partition_size=5)
    table = cohort.plans_frame(output)
    assert list(table.columns) == ["person", "day", "phase", "exercise", "minutes"]
    planner = backbalance.Planner()
    plans = [planner.plan(p) for p in profiles]
    expected_rows = sum(len(day.items) for plan in plans for day in plan.days)
    assert len(table) == expected_rows
    first = plans[0].days
    monday = table[(table.person == 0) & (table.day == 0)]
    assert list(monday.exercise) == [item.exercise for item in first[0].items]
    assert cohort.plans_frame(plans).equals(table)


def test_bad_partition_size(tmp_path):
    with pytest.raises(ValueError, match="partition_size"):
        cohort.plan_cohort([], None, partition_size=0)


def test_command_line_progress(local_cluster, tmp_path):
    profiles = tmp_path / "profiles.jsonl"
    profiles.write_text("".join(json.dumps(p) + "\n" for p in make_profiles(10, seed=2)))
    output = tmp_path / "plans.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "backbalance", "cohort", str(profiles), str(output),
         "--scheduler", local_cluster.scheduler_address, "--partition-size", "4"],
        capture_output=True, text=True, cwd=BINDINGS)
    assert result.returncode == 0, result.stderr
    assert "planned 10/10" in result.stderr
    assert result.stdout.startswith("10 people: ")
    assert len(output.read_text().splitlines()) == 10
