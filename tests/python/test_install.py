"""An offline pip install into a --system-site-packages venv finds its library."""

import os
import shutil
import subprocess
import sys
import venv

import pytest

from conftest import BINDINGS, EXAMPLES, LIBRARY, REPO

try:
    import ensurepip  # noqa: F401  (python3-venv provides it on Debian)
    HAVE_VENV = True
except ImportError:
    HAVE_VENV = False


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    if not HAVE_VENV:
        pytest.skip("python3-venv is not installed (scripts/bootstrap installs it): "
                    "cannot test pip install into a venv")
    root = tmp_path_factory.mktemp("venv")
    source = root / "source"  # a copy: building must not write into the repository
    shutil.copytree(BINDINGS, source, ignore=shutil.ignore_patterns("build", "*.egg-info",
                                                                    "__pycache__"))
    environment = root / "env"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(environment)
    python = environment / "bin" / "python"
    env = dict(os.environ, BACKBALANCE_LIBRARY=str(LIBRARY), PIP_NO_INDEX="1",
               PIP_DISABLE_PIP_VERSION_CHECK="1")
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-index", "--no-build-isolation", "--quiet",
         str(source)],
        capture_output=True, text=True, env=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return python


def run_outside(python, *args):
    """Runs the venv's python away from the repository, with no hint where the library
    is: only the bundled copy can be found."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("BACKBALANCE_LIBRARY", "BACKBALANCE_BUILD_DIR", "PYTHONPATH")}
    return subprocess.run([str(python), *args], capture_output=True, text=True, env=env,
                          cwd=python.parent)


def test_installed_package_uses_bundled_library(installed):
    result = run_outside(installed, "-c",
                         "import backbalance; print(backbalance.__file__); "
                         "print(backbalance.library_path)")
    assert result.returncode == 0, result.stderr
    module, library = result.stdout.split()
    venv_root = str(installed.parent.parent)
    assert module.startswith(venv_root) and "site-packages" in module
    assert library.startswith(venv_root) and library.endswith("_lib/libbackbalance.so.0")


def test_installed_module_plans(installed):
    profile = EXAMPLES / "profiles" / "desk_worker.json"
    result = run_outside(installed, "-m", "backbalance", "plan", str(profile))
    assert result.returncode == 0, result.stderr
    import backbalance
    assert result.stdout == backbalance.Planner().plan(profile).to_json()


def test_installed_package_sees_system_dask(installed):
    """--system-site-packages: Debian's dask and pandas serve the cohort module."""
    result = run_outside(installed, "-c", "import backbalance.cohort, dask, pandas")
    assert result.returncode == 0, result.stderr
