"""Builds the backbalance wheel: the package plus libbackbalance.so.0 inside it.

Where the library comes from, first rule that applies:

1. ``BACKBALANCE_LIBRARY``: the path of a built libbackbalance.so.0;
2. ``BACKBALANCE_BUILD_DIR``: a CMake build tree (``<dir>/src/capi/libbackbalance.so.0``);
3. otherwise: CMake builds the ``backbalance_c`` target from the source tree this
   directory belongs to (``../..``), in ``build/python`` of that tree (kept for the next
   build; ccache shares objects with ``build/release``).

The version is the one of ``project(backbalance VERSION ...)`` in the top CMakeLists.txt:
the wheel, ``backbalance.__version__`` and the library (``bkb_version_string()``) agree.
The wheel carries a native library, so it is tagged for the platform
(``py3-none-linux_x86_64``), not ``py3-none-any``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

try:
    from wheel.bdist_wheel import bdist_wheel
except ImportError:  # building without the wheel package: no wheel tags to set
    bdist_wheel = None

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent  # the repository: CMakeLists.txt, src/, include/
SONAME = "libbackbalance.so.0"


def project_version() -> str:
    """VERSION of project(backbalance ...) in the top CMakeLists.txt."""
    cmake_lists = SOURCE / "CMakeLists.txt"
    if not cmake_lists.exists():
        raise SystemExit(f"backbalance: {cmake_lists} not found; build the package from the "
                         "backbalance source tree (bindings/python)")
    match = re.search(r"project\(\s*backbalance\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+)",
                      cmake_lists.read_text())
    if match is None:
        raise SystemExit(f"backbalance: no project(backbalance VERSION x.y.z) in {cmake_lists}")
    return match.group(1)


def given_library() -> "Path | None":
    if os.environ.get("BACKBALANCE_LIBRARY"):
        return Path(os.environ["BACKBALANCE_LIBRARY"])
    if os.environ.get("BACKBALANCE_BUILD_DIR"):
        return Path(os.environ["BACKBALANCE_BUILD_DIR"]) / "src" / "capi" / SONAME
    return None


def cmake_build() -> Path:
    """Configures and builds backbalance_c from SOURCE; returns the library's path."""
    cmake = shutil.which("cmake")
    if cmake is None:
        raise SystemExit("backbalance: cmake is needed to build libbackbalance.so.0 (or set "
                         "BACKBALANCE_LIBRARY to a built one)")
    # Beside build/release (the same depth), so that ccache serves objects compiled there.
    build_dir = SOURCE / "build" / "python"
    configure = [cmake, "-S", str(SOURCE), "-B", str(build_dir),
                 "-DCMAKE_BUILD_TYPE=Release",
                 "-DBACKBALANCE_BUILD_TESTS=OFF", "-DBACKBALANCE_BUILD_BENCHMARKS=OFF",
                 "-DBACKBALANCE_BUILD_CLI=OFF", "-DBACKBALANCE_INSTALL=OFF"]
    if shutil.which("ninja"):
        configure += ["-G", "Ninja"]
    if (build_dir / "CMakeCache.txt").exists():
        configure = [cmake, "-S", str(SOURCE), "-B", str(build_dir)]  # keep its generator
    env = dict(os.environ)
    env.setdefault("CCACHE_BASEDIR", str(SOURCE))  # cache hits across checkouts
    jobs = env.get("BACKBALANCE_JOBS", "2")
    print(f"backbalance: building {SONAME} with CMake in {build_dir}", file=sys.stderr)
    subprocess.run(configure, check=True, env=env)
    subprocess.run([cmake, "--build", str(build_dir), "--target", "backbalance_c",
                    "--parallel", jobs], check=True, env=env)
    return build_dir / "src" / "capi" / SONAME


class BuildWithLibrary(build_py):
    """build_py, plus the library under backbalance/_lib and backbalance/_version.py."""

    def run(self) -> None:
        super().run()
        package = Path(self.build_lib) / "backbalance"
        (package / "_version.py").write_text(
            f'"""Written by setup.py from CMakeLists.txt."""\n\n'
            f'__version__ = "{project_version()}"\n')
        library = given_library()
        if library is None:
            library = cmake_build()
        if not library.exists():
            raise SystemExit(f"backbalance: {library} does not exist (build backbalance_c first)")
        target = package / "_lib"
        target.mkdir(parents=True, exist_ok=True)
        # Resolve the symlink chain: the wheel carries the file under its soname.
        shutil.copyfile(library.resolve(), target / SONAME)


class NativeDistribution(Distribution):
    """Holds a native library: installed to platlib, a wheel for one platform."""

    def has_ext_modules(self) -> bool:
        return True


commands: dict[str, type] = {"build_py": BuildWithLibrary}

if bdist_wheel is not None:
    class PlatformWheel(bdist_wheel):
        """A wheel for this platform (it holds a native library) that any Python 3 can
        load: the library is called through ctypes, not the Python C API."""

        def get_tag(self) -> tuple[str, str, str]:
            _, _, platform = super().get_tag()
            return "py3", "none", platform

    commands["bdist_wheel"] = PlatformWheel

setup(version=project_version(), cmdclass=commands, distclass=NativeDistribution)
