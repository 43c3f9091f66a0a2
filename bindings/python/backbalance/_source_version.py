"""The version of a source checkout (bindings/python used in place, not installed).

An installed package has ``backbalance/_version.py``, written by setup.py; in a checkout
the version is read from ``project(backbalance VERSION x.y.z)`` in the top CMakeLists.txt,
the one place it is kept.
"""

from __future__ import annotations

import re
from pathlib import Path


def source_version() -> str:
    cmake_lists = Path(__file__).resolve().parents[3] / "CMakeLists.txt"
    try:
        text = cmake_lists.read_text()
    except OSError:
        return "0+unknown"
    match = re.search(r"project\(\s*backbalance\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+)", text)
    return match.group(1) if match else "0+unknown"
