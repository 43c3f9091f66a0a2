"""Catalog: the built-in set, documents and files, their problems, pickling."""

import json
import pickle

import pytest

import backbalance
from conftest import REPO

BAD_CATALOG = json.dumps({"schema": "backbalance.catalog/1", "exercises": [{
    "id": "Bad Id", "name": "x", "category": "strength", "impact": "low", "phases": ["main"],
    "primary_muscles": ["glutes"], "minutes": 5, "rest_hours": 120,
    "dose": {"sets": 2, "reps": 10}}]})


def test_builtin_catalog():
    catalog = backbalance.Catalog.builtin()
    assert len(catalog) == len(json.loads((REPO / "data/catalog/builtin.json").read_text())[
        "exercises"])
    assert len(catalog.sha256) == 64
    assert catalog.is_builtin
    assert json.loads(catalog.to_json())["schema"] == "backbalance.catalog/1"


def test_from_json_round_trip():
    builtin = backbalance.Catalog.builtin()
    copy = backbalance.Catalog.from_json(builtin.to_json())
    assert copy.sha256 == builtin.sha256
    assert not copy.is_builtin


def test_invalid_catalog_lists_every_problem():
    with pytest.raises(backbalance.InvalidInput) as raised:
        backbalance.Catalog.from_json(BAD_CATALOG)
    error = raised.value
    assert error.code == "INVALID_ARGUMENT" and error.status == 3
    assert [(p.path, p.rule) for p in error.problems] == [
        ("exercises[0].id", "pattern"), ("exercises[0].rest_hours", "range")]
    assert str(error.problems[1]).startswith("exercises[0].rest_hours: range: ")
    assert isinstance(error, ValueError)


def test_not_json():
    with pytest.raises(backbalance.InvalidInput) as raised:
        backbalance.Catalog.from_json("{")
    assert raised.value.problems[0].path == ""
    assert raised.value.problems[0].rule == "syntax"
    assert str(raised.value.problems[0]).startswith("(document): syntax: ")


def test_from_file(tmp_path):
    catalog = backbalance.Catalog.from_file(REPO / "data/catalog/builtin.json")
    assert catalog.sha256 == backbalance.Catalog.builtin().sha256
    with pytest.raises(backbalance.NotFound) as raised:
        backbalance.Catalog.from_file(tmp_path / "missing.json")
    assert raised.value.code == "NOT_FOUND"
    assert "missing.json" in raised.value.message


def test_constructor_is_not_public():
    with pytest.raises(TypeError, match="Catalog.builtin"):
        backbalance.Catalog()


@pytest.mark.parametrize("make", [
    backbalance.Catalog.builtin,
    lambda: backbalance.Catalog.from_json(backbalance.Catalog.builtin().to_json()),
])
def test_pickles_by_source(make):
    catalog = make()
    copy = pickle.loads(pickle.dumps(catalog))
    assert copy.sha256 == catalog.sha256
    assert copy.is_builtin == catalog.is_builtin


def test_builtin_pickle_is_small():
    assert len(pickle.dumps(backbalance.Catalog.builtin())) < 200


def test_check_profile():
    catalog = backbalance.Catalog.builtin()
    profile = catalog.check_profile({"pain": 5})
    assert profile["pain"] == 5 and profile["fitness"] == 2  # defaults spelled out
    with pytest.raises(backbalance.InvalidInput) as raised:
        catalog.check_profile({"prefer": ["no_such_exercise"]})
    assert raised.value.problems[0][:2] == ("prefer[0]", "unknown_exercise")
