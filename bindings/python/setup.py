"""Bundles libbackbalance.so.0 into the package when building a wheel.

The library comes from BACKBALANCE_LIBRARY (its path) or BACKBALANCE_BUILD_DIR (a CMake
build tree: <dir>/src/capi/libbackbalance.so.0). With neither set, the package is built
without it and finds the library at run time (backbalance/_native.py).
"""

import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SONAME = "libbackbalance.so.0"


def _library() -> "Path | None":
    if os.environ.get("BACKBALANCE_LIBRARY"):
        return Path(os.environ["BACKBALANCE_LIBRARY"])
    if os.environ.get("BACKBALANCE_BUILD_DIR"):
        return Path(os.environ["BACKBALANCE_BUILD_DIR"]) / "src" / "capi" / SONAME
    return None


class BuildWithLibrary(build_py):
    def run(self):
        super().run()
        library = _library()
        if library is None:
            return
        if not library.exists():
            raise SystemExit(f"backbalance: {library} does not exist (build backbalance_c first)")
        target = Path(self.build_lib) / "backbalance" / "_lib"
        target.mkdir(parents=True, exist_ok=True)
        # Resolve the symlink chain: the wheel carries the file under its soname.
        shutil.copyfile(library.resolve(), target / SONAME)


setup(cmdclass={"build_py": BuildWithLibrary})
