"""The package installs by itself: `pip install --no-index --no-build-isolation
./bindings/python` into a fresh venv, with no environment variable set, builds
libbackbalance.so.0 with CMake from this source tree, bundles it, and plans the same bytes
as the command line. BACKBALANCE_LIBRARY still overrides; the wheel is platform-tagged."""

from __future__ import annotations

import os
import re
import subprocess
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import BINDINGS, CLI, EXAMPLES, LIBRARY, REPO

try:
    import ensurepip  # noqa: F401  (python3-venv provides it on Debian)
    HAVE_VENV = True
except ImportError:
    HAVE_VENV = False

PROJECT_VERSION = re.search(r"project\(\s*backbalance\s+VERSION\s+([0-9.]+)",
                            (REPO / "CMakeLists.txt").read_text()).group(1)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment with no backbalance variable (and no pip index), plus `extra`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("BACKBALANCE_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", **extra)
    return env


def make_venv(root: Path, **extra: str) -> Path:
    if not HAVE_VENV:
        pytest.skip("python3-venv is not installed (scripts/bootstrap installs it): "
                    "cannot test pip install into a venv")
    environment = root / "env"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(environment)
    python = environment / "bin" / "python"
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-index", "--no-build-isolation", "--quiet",
         "./bindings/python"],
        capture_output=True, text=True, env=clean_env(**extra), cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    return python


@pytest.fixture(scope="module")
def built_from_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv whose package built its own library (no BACKBALANCE_* variable at all)."""
    return make_venv(tmp_path_factory.mktemp("venv-source"))


@pytest.fixture(scope="module")
def built_with_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv whose package bundles the library BACKBALANCE_LIBRARY names."""
    return make_venv(tmp_path_factory.mktemp("venv-library"), BACKBALANCE_LIBRARY=str(LIBRARY))


def run_outside(python: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """Runs the venv's python away from the repository, with no hint where the library
    is (unless `extra` gives one): only the bundled copy can be found."""
    return subprocess.run([str(python), *args], capture_output=True, text=True,
                          env=clean_env(**extra), cwd=python.parent)


def test_source_build_bundles_its_library(built_from_source):
    result = run_outside(built_from_source, "-c",
                         "import backbalance; print(backbalance.__file__); "
                         "print(backbalance.library_path)")
    assert result.returncode == 0, result.stderr
    module, library = result.stdout.split()
    venv_root = str(built_from_source.parent.parent)
    assert module.startswith(venv_root) and "site-packages" in module
    assert library.startswith(venv_root) and library.endswith("_lib/libbackbalance.so.0")


def test_one_version_everywhere(built_from_source):
    """CMake's project(VERSION) is the package's, the wheel's and the library's."""
    result = run_outside(built_from_source, "-c",
                         "import importlib.metadata, backbalance; "
                         "print(backbalance.__version__, backbalance.library_version(), "
                         "importlib.metadata.version('backbalance'))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [PROJECT_VERSION] * 3


def test_source_build_plans_the_clis_bytes(built_from_source):
    if not CLI.exists():
        pytest.skip(f"the command line {CLI} was not built")
    for profile in ("desk_worker.json", "pregnancy.json", "red_flags.json"):
        path = EXAMPLES / "profiles" / profile
        python = run_outside(built_from_source, "-m", "backbalance", "plan", str(path))
        cli = subprocess.run([str(CLI), "plan", "--catalog", "builtin", "--profile", str(path)],
                             capture_output=True, text=True)
        assert python.returncode == cli.returncode, python.stderr
        assert python.stdout == cli.stdout and python.stdout.startswith("{")


def test_backbalance_library_overrides_at_build_time(built_with_library):
    result = run_outside(built_with_library, "-c",
                         "import backbalance; print(backbalance.library_path)")
    assert result.returncode == 0, result.stderr
    bundled = Path(result.stdout.strip())
    assert bundled.read_bytes() == LIBRARY.resolve().read_bytes()


def test_backbalance_library_overrides_at_run_time(built_from_source):
    result = run_outside(built_from_source, "-c",
                         "import backbalance; print(backbalance.library_path)",
                         BACKBALANCE_LIBRARY=str(LIBRARY))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(LIBRARY)


def test_installed_package_sees_system_dask(built_with_library):
    """--system-site-packages: Debian's dask and pandas serve the cohort module."""
    result = run_outside(built_with_library, "-c", "import backbalance.cohort, dask, pandas")
    assert result.returncode == 0, result.stderr


def test_wheel_is_platform_tagged(tmp_path):
    if not HAVE_VENV:
        pytest.skip("python3-venv is not installed")
    result = subprocess.run(
        ["/usr/bin/python3", "-m", "pip", "wheel", "--no-index", "--no-build-isolation",
         "--no-deps", "--quiet", "-w", str(tmp_path), "./bindings/python"],
        capture_output=True, text=True, env=clean_env(BACKBALANCE_LIBRARY=str(LIBRARY)),
        cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    wheel, = tmp_path.glob("*.whl")
    assert re.fullmatch(rf"backbalance-{re.escape(PROJECT_VERSION)}-py3-none-linux_\w+\.whl",
                        wheel.name), wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    assert "backbalance/_lib/libbackbalance.so.0" in names
    assert "backbalance/_version.py" in names and "backbalance/py.typed" in names
    metadata = zipfile.ZipFile(wheel).read(
        f"backbalance-{PROJECT_VERSION}.dist-info/WHEEL").decode()
    assert "Root-Is-Purelib: false" in metadata


def test_build_outputs_are_ignored_by_git():
    """What an in-tree pip build leaves behind is not a change to commit."""
    for path in ("bindings/python/build/lib/x", "bindings/python/backbalance.egg-info/x",
                 "bindings/python/backbalance/_version.py",
                 "bindings/python/backbalance/_lib/libbackbalance.so.0", "build/python/x"):
        result = subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO)
        assert result.returncode == 0, f"{path} is not ignored by git"


def test_bindings_directory_is_the_package_source():
    assert (BINDINGS / "setup.py").exists() and (BINDINGS / "pyproject.toml").exists()
