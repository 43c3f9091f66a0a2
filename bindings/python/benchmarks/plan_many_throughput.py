"""Throughput of Python's plan_many against the C batch it wraps.

    BACKBALANCE_BUILD_DIR=build/release /usr/bin/python3 \
        bindings/python/benchmarks/plan_many_throughput.py [--count 400] [--threads 2] \
        [--quality fast|default|thorough]

Three ways to plan the same generated profiles (tests/python/cohort_profiles.py, seed 23):
  c_batch     bkb_planner_plan_batch called through ctypes with pre-encoded profiles,
              timing the C call alone (the C++ PlanBatch and nothing of Python);
  plan_many   Planner.plan_many: encoding, the batch, and a Plan per result;
  plan_loop   Planner.plan in a Python loop, one profile at a time (one thread).
Each is run --repeat times; the best wall-clock time counts, and the process CPU time
(every thread's) of that run is printed beside it: on a shared machine a 2-thread run
that did not get two cores shows as wall time near its CPU time. Prints plans per second
and plan_many's share of the C batch's throughput (wall-clock, and CPU time).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parents[3] / "tests" / "python"))

import backbalance  # noqa: E402
from backbalance import _native  # noqa: E402
from cohort_profiles import make_profiles  # noqa: E402


def best_of(repeat, run):
    """(wall, cpu) seconds of the run with the least wall-clock time."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        run()
        best = min(best, (time.perf_counter() - started, time.process_time() - cpu_started))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    # `fast` plans cheaply, so that what Python adds around the batch shows.
    parser.add_argument("--quality", default="default")
    args = parser.parse_args()

    planner = backbalance.Planner(quality=args.quality)
    profiles = [json.dumps(p) for p in make_profiles(args.count)]
    encoded = [p.encode() for p in profiles]
    array = (ctypes.c_char_p * len(encoded))(*encoded)
    lib = _native.lib

    def c_batch():
        batch = ctypes.c_void_p()
        assert lib.bkb_planner_plan_batch(planner._handle, array, len(encoded), args.threads,
                                          ctypes.byref(batch)) == 0
        lib.bkb_batch_destroy(ctypes.byref(batch))

    results = {
        "c_batch": best_of(args.repeat, c_batch),
        "plan_many": best_of(args.repeat, lambda: planner.plan_many(profiles,
                                                                      threads=args.threads)),
        "plan_loop": best_of(1, lambda: [planner.plan(p) for p in profiles]),
    }
    print(f"{args.count} profiles, threads={args.threads}, quality={args.quality}, "
          f"library {backbalance.library_version()}"
          f" ({backbalance.library_path})")
    for name, (seconds, cpu) in results.items():
        print(f"  {name:10s} {seconds:8.3f} s  {args.count / seconds:8.1f} plans/s"
              f"  (CPU {cpu:.3f} s)")
    share = results["c_batch"][0] / results["plan_many"][0]
    cpu_share = results["c_batch"][1] / results["plan_many"][1]
    print(f"plan_many reaches {share:.1%} of the C batch's throughput"
          f" ({cpu_share:.1%} in CPU time)")


if __name__ == "__main__":
    main()
