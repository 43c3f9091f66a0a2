"""scripts/redraw_catalog.py: the committed redrawn catalogues of the gap test
(tests/golden/gap/catalogs, whose optima scripts/compute_optima computed) come back byte
for byte from their style and seed, and every style's output passes `backbalance validate`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

SCRIPT = REPO / "scripts" / "redraw_catalog.py"
CATALOGS = REPO / "tests" / "golden" / "gap" / "catalogs"


def redraw(tmp_path, style: str, seed: int):
    out = tmp_path / f"{style}_{seed}.json"
    subprocess.run([sys.executable, str(SCRIPT), "--style", style, "--seed", str(seed),
                    "-o", str(out)], check=True)
    return out


@pytest.mark.parametrize("style,seed,name", [("short", 2, "short_items"),
                                             ("long", 3, "long_items"),
                                             ("mixed", 5, "mixed_lengths")])
def test_committed_catalogue_is_reproduced(tmp_path, style, seed, name):
    assert redraw(tmp_path, style, seed).read_bytes() == (CATALOGS / f"{name}.json").read_bytes()


@pytest.mark.parametrize("style", ["short", "long", "mixed"])
@pytest.mark.parametrize("seed", [0, 1, 7, 11])
def test_every_redraw_is_a_valid_catalogue(tmp_path, cli, style, seed):
    out = redraw(tmp_path, style, seed)
    result = subprocess.run([str(cli), "validate", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_unknown_style_is_refused(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--style", "tiny", "--seed", "1",
                             "-o", str(tmp_path / "x.json")], capture_output=True, text=True)
    assert result.returncode == 2
    assert "tiny" in result.stderr
    assert not (tmp_path / "x.json").exists()
