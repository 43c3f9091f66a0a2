"""The HTML view (`plan --format html`) rendered by headless Chromium (Debian package
`chromium`): the DOM Chromium builds holds 7 days and the plan's items, and a screenshot
is not blank. Skips, saying why, only where Chromium is absent or cannot start.

To refresh the README's picture: BACKBALANCE_UPDATE_SCREENSHOT=1 /usr/bin/python3 -m pytest
tests/python/test_views_html.py (writes docs/images/desk_worker_week.png).
"""
import html.parser
import json
import os
import pathlib
import shutil
import struct
import subprocess
import zlib

import pytest

try:  # tests/python as a package or as a plain folder
    from .test_views_support import REPO, run_plan
except ImportError:
    from test_views_support import REPO, run_plan

CHROMIUM = "/usr/bin/chromium"
WINDOW = (1400, 1700)
PROFILES = ["desk_worker", "acute_flare", "fit_runner", "herniated_disc_sciatica",
            "osteoporosis", "pregnancy", "spinal_stenosis_older", "red_flags", "too_little_time"]


def chromium(tmp_path, *args):
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}",
         f"--window-size={WINDOW[0]},{WINDOW[1]}", *args],
        capture_output=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Chromium, after proving it can start and render a page; else a skip that says why."""
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
        pytest.skip("Chromium cannot start here (exit %d): %s" %
                    (result.returncode, result.stderr.decode(errors="replace")[-500:]))
    return tmp


class DomReader(html.parser.HTMLParser):
    """Collects the day sections and the items of each, from Chromium's serialised DOM."""

    def __init__(self):
        super().__init__()
        self.days = []        # data-day of each <section class="day ...">
        self.items = {}       # data-day -> [data-exercise, ...]
        self.current_day = None
        self.title = None
        self.in_title = False
        self.excluded = []    # [reason, because or None, summary text, [item titles]]
        self.in_excluded_code = False
        self.terms = []       # data-term of each score row
        self.model = None     # data-model of the provenance line
        self.flags = []       # (class, text) of each caution / cleared badge
        self.in_flag = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "section" and "day" in classes:
            self.current_day = int(attrs["data-day"])
            self.days.append(self.current_day)
            self.items[self.current_day] = []
        elif tag == "li" and "item" in classes:
            self.items[self.current_day].append(attrs["data-exercise"])
        elif tag == "title":
            self.in_title = True
        elif tag == "details" and "data-reason" in attrs:
            self.excluded.append([attrs["data-reason"], attrs.get("data-because"), "", []])
        elif tag == "code" and self.excluded and not self.excluded[-1][2]:
            self.in_excluded_code = True
        elif tag == "li" and self.excluded and "title" in attrs and "item" not in classes:
            self.excluded[-1][3].append(attrs["title"])
        elif tag == "tr" and "data-term" in attrs:
            self.terms.append(attrs["data-term"])
        elif tag == "p" and "provenance" in classes:
            self.model = attrs.get("data-model")
        elif tag == "span" and "flag" in classes:
            self.in_flag = [c for c in classes if c != "flag"][0]

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "code":
            self.in_excluded_code = False
        elif tag == "span":
            self.in_flag = None

    def handle_data(self, data):
        if self.in_title and self.title is None:  # the page's, not the chart's <title>
            self.title = data
        if self.in_excluded_code:
            self.excluded[-1][2] += data
        if self.in_flag:
            self.flags.append((self.in_flag, data))


def read_png(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG, stdlib only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                      else corner)) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


@pytest.mark.parametrize("profile", PROFILES)
def test_dom_holds_seven_days_and_the_plans_items(browser, tmp_path, profile):
    plan = json.loads(run_plan(profile, check_codes=(0, 3, 4)))
    page = tmp_path / f"{profile}.html"
    page.write_bytes(run_plan(profile, "--format", "html", check_codes=(0, 3, 4)))
    result = chromium(browser, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    dom = DomReader()
    dom.feed(result.stdout.decode())
    assert dom.title == "Week plan"
    assert dom.days == list(range(7))
    for day in plan["days"]:
        assert dom.items[day["day"]] == [item["exercise"] for item in day["items"]], day["name"]
    if plan["status"] != "ok":
        assert all(not items for items in dom.items.values())


def why(reason, because):
    """The form every view shows: "contraindicated: osteoporosis (spinal_flexion)"."""
    text = reason.replace(":", ": ", 1)
    return f"{text} ({because})" if because else text


@pytest.mark.parametrize("profile", ["osteoporosis", "herniated_disc_sciatica", "pregnancy",
                                     "red_flags"])
def test_dom_says_why_each_item_is_out(browser, tmp_path, profile):
    plan = json.loads(run_plan(profile, check_codes=(0, 3, 4)))
    page = tmp_path / f"{profile}.html"
    page.write_bytes(run_plan(profile, "--format", "html", check_codes=(0, 3, 4)))
    result = chromium(browser, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    dom = DomReader()
    dom.feed(result.stdout.decode())
    shown = {}
    for reason, because, summary, ids in dom.excluded:
        assert summary == why(reason, because), summary
        for exercise in ids:
            shown[exercise] = (reason, because)
    assert shown == {e["exercise"]: (e["reason"], e.get("because")) for e in plan["excluded"]}
    contraindicated = [e for e in plan["excluded"] if e["reason"].startswith("contraindicated:")]
    assert all(e.get("because") for e in contraindicated)
    if profile == "osteoporosis":
        assert ("contraindicated:osteoporosis", "spinal_flexion") in shown.values()
    assert dom.model == str(plan["provenance"]["model"]) == "2"
    if plan["status"] == "ok":
        assert dom.terms[-1] == "mix" and set(dom.terms) == set(plan["score_terms"])
        notes = [n for day in plan["days"] for item in day["items"] for n in item["notes"]]
        cautious_items = sum(any(n.startswith("caution:") for n in item["notes"])
                             for day in plan["days"] for item in day["items"])
        assert sum(kind == "flag-caution" for kind, _ in dom.flags) == cautious_items
        assert all(text.startswith("caution: ") for kind, text in dom.flags if kind == "flag-caution")
        assert sum(kind == "flag-cleared" for kind, _ in dom.flags) == notes.count("cleared")


def test_screenshot_of_the_desk_worker_week_is_not_blank(browser, tmp_path):
    page = tmp_path / "desk_worker.html"
    page.write_bytes(run_plan("desk_worker", "--format", "html"))
    shot = tmp_path / "desk_worker_week.png"
    result = chromium(browser, f"--screenshot={shot}", page.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr.decode(errors="replace")
    width, height, rows = read_png(shot)
    assert (width, height) == WINDOW
    background = rows[0][0]
    pixels = [p for row in rows[::4] for p in row[::4]]
    share_drawn = sum(p != background for p in pixels) / len(pixels)
    colours = set(pixels)
    # A blank or failed render is one colour; the week has text, five category colours,
    # badges and the chart.
    assert share_drawn > 0.05, share_drawn
    assert len(colours) > 50, len(colours)
    # The category colours of the calendar are on the page (strength blue, aerobic orange).
    assert any(abs(r - 0x1F) < 12 and abs(g - 0x5F) < 12 and abs(b - 0xA8) < 12
               for r, g, b in colours)
    if os.environ.get("BACKBALANCE_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, REPO / "docs" / "images" / "desk_worker_week.png")
