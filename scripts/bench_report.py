#!/usr/bin/python3
"""Writes the measured section of docs/performance.md from Google Benchmark JSON.

scripts/bench runs the benchmarks and then this script; the section between the markers
`<!-- bench:begin -->` and `<!-- bench:end -->` is replaced, the rest of the document
(profiling notes, before/after figures) is left as written.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
from datetime import datetime, timezone

BEGIN = "<!-- bench:begin -->"
END = "<!-- bench:end -->"


def load(path):
    with open(path) as f:
        return json.load(f)


def medians(doc):
    """name -> the median aggregate row (or the single row when not repeated). Names drop
    Google Benchmark's `/iterations:N` suffix so both backends' rows pair up."""
    rows = {}
    for b in doc["benchmarks"]:
        name = re.sub(r"/iterations:\d+", "", b.get("run_name", b["name"]))
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                rows[name] = b
        else:
            rows.setdefault(name, b)
    return rows


def ms(row, key="cpu_time"):
    unit = row.get("time_unit", "ns")
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[unit]
    return row[key] * scale


def verdict(ok):
    return "met" if ok else "**not met**"


def machine(doc):
    ctx = doc["context"]
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            cpu = m.group(1) if m else cpu
    except OSError:
        pass
    return (f"{cpu}, {ctx.get('num_cpus')} cores at {ctx.get('mhz_per_cpu')} MHz, "
            f"{platform.system()} {platform.release()}, load average at start "
            f"{', '.join(f'{x:.2f}' for x in ctx.get('load_avg', []))}")


def python_share(path):
    """The share of the C batch's throughput that Python plan_many reached, or None."""
    if not path or not os.path.exists(path):
        return None
    m = re.search(r"plan_many reaches ([0-9.]+)%", open(path).read())
    return float(m.group(1)) if m else None


def report(speed, gap, command, python=None):
    s = medians(speed)
    g = medians(gap)
    lines = []
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    reps = speed["benchmarks"][0].get("repetitions", 1) if speed["benchmarks"] else 1
    lines += [f"Measured {date} with `{command}` (release build, medians of {reps} "
              f"repetition(s); CPU time unless marked wall-clock).", "",
              f"Machine: {machine(speed)}.", ""]

    generated = s.get("BM_PlanGeneratedProfiles")
    examples = {k.split("/", 1)[1]: v for k, v in s.items() if k.startswith("BM_PlanExampleProfile/")}
    batch1 = s.get("BM_PlanBatch/default/1/process_time/real_time")
    batch2 = s.get("BM_PlanBatch/default/2/process_time/real_time")
    load_builtin = s.get("BM_LoadCatalog_Builtin")
    load_10k = s.get("BM_LoadCatalog_Synthetic/10000")
    load_file = s.get("BM_LoadCatalog_File")
    large = {k.split("/", 1)[1]: v for k, v in s.items() if k.startswith("BM_PlanLargeCatalog/")}
    evaluate = [v for k, v in s.items() if k.startswith("BM_Evaluate")]

    heur = {k.split("/", 2)[2]: v for k, v in g.items() if k.startswith("BM_GapProfile/heuristic/")}
    exact = {k.split("/", 2)[2]: v for k, v in g.items() if k.startswith("BM_GapProfile/exact/")}
    common = sorted(set(heur) & set(exact))

    lines += ["## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    if generated:
        pps = generated["items_per_second"]
        lines.append(f"| >= 10,000 plans/s single-threaded, built-in catalog, default quality "
                     f"(aim 50,000) | {pps:,.0f} plans/s (generated cohort of 200) | {verdict(pps >= 10000)} |")
    if heur:
        gaps = [heur[k]["gap_percent"] for k in heur]
        lines.append(f"| mean gap to the exact optimum <= 1 % ({len(gaps)} profiles) | "
                     f"{statistics.mean(gaps):.2f} % (worst {max(gaps):.2f} %) | "
                     f"{verdict(statistics.mean(gaps) <= 1.0)} |")
    if common:
        th = sum(ms(heur[k], "real_time") for k in common)
        te = sum(ms(exact[k], "real_time") for k in common)
        ratios = [ms(exact[k], "real_time") / ms(heur[k], "real_time") for k in common]
        lines.append(f"| heuristic >= 1000x faster than exact (wall-clock, same {len(common)} profiles) | "
                     f"{te / th:,.1f}x in total (per profile: median {statistics.median(ratios):,.1f}x, "
                     f"min {min(ratios):,.1f}x, max {max(ratios):,.1f}x) | {verdict(te / th >= 1000)} |")
    if batch1 and batch2:
        ratio = ms(batch1, "real_time") / ms(batch2, "real_time")
        lines.append(f"| 2-thread batch >= 1.8x the 1-thread batch (wall-clock, 1000 profiles) | "
                     f"{ratio:.2f}x ({ms(batch1, 'real_time'):,.0f} ms vs {ms(batch2, 'real_time'):,.0f} ms) | "
                     f"{verdict(ratio >= 1.8)} |")
    if load_10k:
        t = ms(load_10k, "real_time")
        lines.append(f"| 10,000-exercise catalog: load and compile <= 500 ms | {t:,.0f} ms | {verdict(t <= 500)} |")
    if large:
        planned = {k: v for k, v in large.items() if "error_occurred" not in v}
        med = statistics.median(ms(v) for v in planned.values())
        lines.append(f"| 10,000-exercise catalog: plan <= 20 ms median | {med:,.1f} ms "
                     f"(median over {len(planned)} example profiles) | {verdict(med <= 20)} |")
    if load_builtin:
        kib = load_builtin["compiled_bytes"] / 1024
        lines.append(f"| compiled built-in catalog <= 1 MiB | {kib:,.1f} KiB | {verdict(kib <= 1024)} |")
    r0, r120 = s.get("BM_PlanSearchRounds/0"), s.get("BM_PlanSearchRounds/120")
    if examples and r0 and r120:
        allocs = statistics.median(v["allocs/plan"] for v in examples.values())
        per_round = (r120["allocs/plan"] - r0["allocs/plan"]) / 120
        lines.append(f"| heap allocations per plan counted (goal: none in the search loop) | "
                     f"median {allocs:,.0f} per plan over the example profiles (context, "
                     f"feasibility, plan and evaluation); {per_round:.2f} per search round "
                     f"(desk worker, 0 vs 120 rounds) | {verdict(per_round < 1)} (below one per round) |")
    share = python_share(python)
    if share is None:
        lines.append("| Python `plan_many` >= 50 % of the C++ batch | not measured in this run "
                     "(see `docs/python.md`) | - |")
    else:
        lines.append(f"| Python `plan_many` >= 50 % of the C++ batch (200 profiles, 2 threads, "
                     f"through the C ABI) | {share:.1f} % | {verdict(share >= 50)} |")

    lines += ["", "## Plans on the built-in catalog", "", "| profile | time per plan | plans/s | allocations per plan |",
              "|---|---|---|---|"]
    for name, v in sorted(examples.items()):
        lines.append(f"| {name} | {ms(v):.3f} ms | {v['items_per_second']:,.0f} | {v['allocs/plan']:,.0f} |")
    if evaluate:
        lines += ["", "`Evaluate` alone (hard rules and every score term of one week, from scratch): "
                  + ", ".join(f"{v.get('label', '')} {ms(v) * 1000:.1f} us" for v in evaluate) + "."]

    lines += ["", "## Catalogs", "", "| catalog | exercises | load and compile | compiled size |", "|---|---|---|---|"]
    for name, v in [("built-in", load_builtin), ("synthetic 1,000", s.get("BM_LoadCatalog_Synthetic/1000")),
                    ("synthetic 10,000", load_10k), ("free-exercise-db import", load_file)]:
        if v:
            lines.append(f"| {name} | {v['exercises']:,.0f} | {ms(v, 'real_time'):,.1f} ms | "
                         f"{v['compiled_bytes'] / 1024:,.1f} KiB |")
    if large:
        lines += ["", "Plans on the synthetic 10,000-exercise catalog: " + ", ".join(
            f"{k} {ms(v):,.1f} ms" for k, v in sorted(large.items())) + "."]

    if common:
        lines += ["", "## Heuristic and exact side by side (gap profiles)", "",
                  "| profile | heuristic | exact (CBC) | speed ratio | heuristic gap |", "|---|---|---|---|---|"]
        for k in common:
            h, e = heur[k], exact[k]
            lines.append(f"| {k} | {ms(h, 'real_time'):,.1f} ms | {ms(e, 'real_time'):,.0f} ms | "
                         f"{ms(e, 'real_time') / ms(h, 'real_time'):,.1f}x | {h['gap_percent']:.2f} % |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--speed", required=True)
    ap.add_argument("--gap", required=True)
    ap.add_argument("--python", help="output of plan_many_throughput.py")
    ap.add_argument("--command", default="scripts/bench")
    ap.add_argument("--doc", required=True)
    args = ap.parse_args()
    section = report(load(args.speed), load(args.gap), args.command, args.python)
    text = open(args.doc).read() if os.path.exists(args.doc) else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        sys.exit(f"{args.doc}: the markers {BEGIN} and {END} are missing")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(args.doc, "w") as f:
        f.write(head + BEGIN + "\n" + section + END + tail)


if __name__ == "__main__":
    main()
