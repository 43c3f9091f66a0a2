"""Programmes and progress from Python (plan model section 13): planner.programme,
planner.progress and Journal over the experimental C functions, compared with the command
line; and the programme and progress HTML pages rendered by headless Chromium (no script,
nothing fetched, the charts and weeks in the DOM). Chromium tests skip, saying why, only
where Chromium is absent or cannot start."""
import json
import os
import subprocess

import pytest

import backbalance

try:  # tests/python as a package or as a plain folder
    from .conftest import CLI, EXAMPLES
except ImportError:
    from conftest import CLI, EXAMPLES

DESK = EXAMPLES / "profiles" / "desk_worker.json"
CHROMIUM = "/usr/bin/chromium"


def all_done(plan, rpe=5):
    seen, out = set(), []
    for day in plan["days"]:
        for item in day["items"]:
            if (day["day"], item["exercise"]) not in seen:
                seen.add((day["day"], item["exercise"]))
                out.append({"day": day["day"], "exercise": item["exercise"],
                            "completed": True, "rpe": rpe})
    return out


def test_programme_matches_the_command_line(planner):
    doc = planner.programme(DESK.read_text(), weeks=5, deload_every=4)
    assert doc["schema"] == "backbalance.programme/1"
    assert [w["week"] for w in doc["weeks"]] == [1, 2, 3, 4, 5]
    assert [w["deload"] for w in doc["weeks"]] == [False, False, False, True, False]
    printed = subprocess.run([str(CLI), "programme", "--profile", str(DESK), "--weeks", "5",
                              "--deload-every", "4"], capture_output=True, check=True)
    assert json.loads(printed.stdout) == doc
    caps = [w["plan"]["targets"]["volume_cap"] for w in doc["weeks"]]
    assert caps[3] < caps[2]  # the deload week


def test_programme_options_are_checked(planner):
    with pytest.raises(backbalance.InvalidInput) as error:
        planner.programme({}, weeks=27, deload_every=1, assumed_rpe=0)
    assert [(p.path, p.rule) for p in error.value.problems] == [
        ("weeks", "range"), ("deload_every", "range"), ("assumed_rpe", "range")]


def test_journal_and_progress(planner):
    profile = json.loads(DESK.read_text())
    plan = planner.plan(profile)
    journal = backbalance.Journal()
    feedback = all_done(json.loads(plan.to_json()))
    journal.add(profile, plan, feedback)
    nxt = planner.next_week(profile, plan, feedback)
    journal.add(nxt.profile, nxt.plan, all_done(json.loads(nxt.plan.to_json())))
    progress = planner.progress(journal)
    assert progress["schema"] == "backbalance.progress/1"
    assert [w["week"] for w in progress["weeks"]] == [1, 2]
    assert progress["weeks"][0]["adherence"] == 1.0
    assert progress["pain_trend"] == {"first": 3, "last": 3, "slope": 0.0}
    # The same journal from its JSON text, and from the command line.
    assert planner.progress(journal.to_json()) == progress
    assert len(backbalance.Journal.from_json(journal.to_json())) == 2


def test_progress_names_a_broken_chain(planner):
    profile = json.loads(DESK.read_text())
    plan = planner.plan(profile)
    journal = backbalance.Journal()
    journal.add(profile, plan, [])
    journal.add(profile, plan, [])  # no history: does not chain
    with pytest.raises(backbalance.InvalidInput) as error:
        planner.progress(journal)
    assert [(p.path, p.rule) for p in error.value.problems] == [
        ("weeks[1].profile.history", "chain")]


# ------------------------------------------------------------------ rendered by Chromium

def chromium(tmp_path, *args):
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1200,1600", *args],
        capture_output=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is not installed (scripts/bootstrap installs chromium)")
    tmp = tmp_path_factory.mktemp("chromium")
    probe = tmp / "probe.html"
    probe.write_text("<!DOCTYPE html><p id=probe>ok</p>")
    try:
        result = chromium(tmp, "--dump-dom", probe.as_uri())
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"Chromium cannot start here: {error}")
    if result.returncode != 0 or b'id="probe"' not in result.stdout:
        pytest.skip("Chromium cannot start here (exit %d)" % result.returncode)
    return tmp


def render(browser, page_text, name):
    page = browser / f"{name}.html"
    page.write_text(page_text)
    assert "<script" not in page_text
    assert "http://" not in page_text and "https://" not in page_text
    dom = chromium(browser, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-500:]
    shot = browser / f"{name}.png"
    chromium(browser, f"--screenshot={shot}", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000  # not a blank page
    return dom.stdout.decode()


def test_programme_page_renders(browser):
    page = subprocess.run([str(CLI), "programme", "--profile", str(DESK), "--weeks", "6",
                           "--deload-every", "3", "--format", "html"],
                          capture_output=True, check=True).stdout.decode()
    dom = render(browser, page, "programme")
    assert dom.count('data-week="') == 6
    assert 'data-chart="minutes"' in dom and 'data-chart="doses"' in dom
    assert dom.count("<polyline") >= 1
    assert "deload" in dom


def test_progress_page_renders(browser, tmp_path):
    profile = json.loads(DESK.read_text())
    planner = backbalance.Planner()
    plan = planner.plan(profile)
    journal = backbalance.Journal()
    journal.add(profile, plan, all_done(json.loads(plan.to_json())))
    path = tmp_path / "journal.json"
    path.write_text(journal.to_json())
    page = subprocess.run([str(CLI), "progress", str(path), "--format", "html"],
                          capture_output=True, check=True).stdout.decode()
    dom = render(browser, page, "progress")
    for chart in ("pain", "minutes", "adherence"):
        assert f'data-chart="{chart}"' in dom
    assert dom.count('<tr data-week="') == 1
