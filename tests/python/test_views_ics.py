"""The iCalendar view (`plan --format ics`), parsed by python3-icalendar (Debian package)."""
import datetime
import json

import pytest

try:  # tests/python as a package or as a plain folder
    from .test_views_support import run_plan
except ImportError:
    from test_views_support import run_plan

icalendar = pytest.importorskip(
    "icalendar", reason="python3-icalendar is not installed (scripts/bootstrap installs it)")


def events_of(ics_bytes):
    calendar = icalendar.Calendar.from_ical(ics_bytes)
    return calendar, [c for c in calendar.walk() if c.name == "VEVENT"]


def test_one_event_per_training_day_per_week_at_the_start_time():
    plan = json.loads(run_plan("desk_worker"))
    training = [d for d in plan["days"] if not d["rest"]]
    calendar, events = events_of(
        run_plan("desk_worker", "--format", "ics", "--start", "2026-12-07T07:00", "--weeks", "3"))
    assert str(calendar["VERSION"]) == "2.0"
    assert len(events) == 3 * len(training)
    monday = datetime.date(2026, 12, 7)
    expected = [monday + datetime.timedelta(days=7 * week + day["day"])
                for week in range(3) for day in training]
    starts = [e.decoded("DTSTART") for e in events]
    assert [s.date() for s in starts] == expected
    assert all(s.time() == datetime.time(7, 0) and s.tzinfo is None for s in starts)
    for event, day in zip(events, training * 3):
        duration = event.decoded("DTEND") - event.decoded("DTSTART")
        assert duration == datetime.timedelta(minutes=day["minutes"])
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_the_description_lists_items_and_doses():
    plan = json.loads(run_plan("desk_worker"))
    first_day = next(d for d in plan["days"] if not d["rest"])
    _, events = events_of(run_plan("desk_worker", "--format", "ics", "--start", "2026-12-07T18:30"))
    description = str(events[0]["DESCRIPTION"])
    assert description.startswith(f"Monday, week 1 of 1: {first_day['minutes']} min\n")
    for item in first_day["items"]:
        assert f"({item['exercise']})" in description
        assert f", {item['minutes']} min" in description
    assert "2 x 10 reps" in description or "s hold" in description
    assert "Advisories:" in description
    assert "does not diagnose" in description
    assert str(events[0]["SUMMARY"]).startswith(f"Back exercise: {first_day['minutes']} min session")


def test_a_start_midweek_begins_with_that_day():
    # 2026-12-10 is a Thursday: the calendar runs Thursday to Wednesday.
    plan = json.loads(run_plan("desk_worker"))
    _, events = events_of(run_plan("desk_worker", "--format", "ics", "--start", "2026-12-10T06:15"))
    dates = [e.decoded("DTSTART") for e in events]
    assert dates == sorted(dates)
    assert dates[0].date() >= datetime.date(2026, 12, 10)
    assert all(d.date() < datetime.date(2026, 12, 17) for d in dates)
    weekdays = sorted(d.weekday() for d in dates)
    assert weekdays == [d["day"] for d in plan["days"] if not d["rest"]]
