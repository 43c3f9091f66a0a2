"""backbalance: balanced weeks of exercise for people with long-term back pain.

A Python package over the library's C ABI (libbackbalance.so, backbalance.h)::

    import backbalance
    planner = backbalance.Planner(backbalance.Catalog.builtin())
    plan = planner.plan({"pain": 3, "availability": [45, 30, 45, 30, 45, 45, 0]})
    print(plan.status, plan.score)
    print(plan.to_json())          # byte for byte what `backbalance plan` prints

Cohorts on Dask: :mod:`backbalance.cohort`. The shared library is found by the rule in
:mod:`backbalance._native` (BACKBALANCE_LIBRARY, bundled, BACKBALANCE_BUILD_DIR, system).
Not medical advice: a profile with a red flag gets a referral, never a plan.
"""

from ._native import LibraryNotFound, library_path, library_version
from .catalog import Catalog
from .errors import BackbalanceError, InvalidInput, NotFound, Problem
from .options import PlannerOptions
from .plan import (Alternative, Alternatives, Change, Day, Evaluation, Exclusion, Item, NextWeek,
                   Plan)
from .planner import Journal, Planner, ViewFormat, default_options

try:  # an installed package: setup.py wrote it from the top CMakeLists.txt
    from ._version import __version__  # type: ignore[import]
except ImportError:  # a source checkout: read project(VERSION) where setup.py does
    from ._source_version import source_version

    __version__ = source_version()

__all__ = [
    "Alternative",
    "Alternatives",
    "BackbalanceError",
    "Catalog",
    "Change",
    "Day",
    "Evaluation",
    "Exclusion",
    "InvalidInput",
    "Journal",
    "Item",
    "LibraryNotFound",
    "NextWeek",
    "NotFound",
    "Plan",
    "Planner",
    "PlannerOptions",
    "Problem",
    "ViewFormat",
    "default_options",
    "library_path",
    "library_version",
]
