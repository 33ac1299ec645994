"""Calendar files for meetings, made with the `icalendar` library.

Each meeting becomes a recurring event starting in the week after the playbook's
release date, at 09:00 floating local time, so a reader imports it and moves it
to the right slot. Everything is derived from the playbook, so the files are the
same on every build.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from icalendar import Calendar, Event, vRecur

_RULES: dict[str, dict[str, Any]] = {
    "daily": {"FREQ": "WEEKLY", "BYDAY": ["MO", "TU", "WE", "TH", "FR"]},
    "weekly": {"FREQ": "WEEKLY"},
    "biweekly": {"FREQ": "WEEKLY", "INTERVAL": 2},
    "monthly": {"FREQ": "MONTHLY"},
    "quarterly": {"FREQ": "MONTHLY", "INTERVAL": 3},
    "yearly": {"FREQ": "YEARLY"},
}
DEFAULT_MINUTES = 60


def meeting_calendar(cadences: list[Any], released: dt.date, organisation: str,
                     url_of: dict[str, str]) -> bytes:
    """An iCalendar file with one event per cadence."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{organisation}//Team playbook//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{organisation} team meetings")
    for cadence in cadences:
        calendar.add_component(_event(cadence, released, organisation, url_of.get(cadence.id)))
    return bytes(calendar.to_ical())


def _event(cadence: Any, released: dt.date, organisation: str, url: str | None) -> Event:
    event = Event()
    domain = re.sub(r"[^a-z0-9]+", "-", organisation.lower()).strip("-") or "playbook"
    event.add("uid", f"{cadence.id}@{domain}.playbook")
    start_day = released + dt.timedelta(days=7 - released.weekday())  # the next Monday
    start = dt.datetime.combine(start_day, dt.time(9, 0))
    event.add("dtstamp", dt.datetime.combine(released, dt.time(0, 0), tzinfo=dt.UTC))
    event.add("dtstart", start)
    event.add("duration", dt.timedelta(minutes=cadence.minutes or DEFAULT_MINUTES))
    event.add("summary", cadence.name)
    if cadence.frequency in _RULES:
        event.add("rrule", vRecur(_RULES[cadence.frequency]))
    event.add("description", _description(cadence, url))
    if url:
        event.add("url", url)
    return event


def _description(cadence: Any, url: str | None) -> str:
    lines = [cadence.purpose.strip()]
    if cadence.agenda:
        lines += ["", "Agenda:"] + [f"{i}. {item}" for i, item in enumerate(cadence.agenda, 1)]
    if not cadence.minutes:
        lines += ["", f"The playbook sets no length for this meeting; {DEFAULT_MINUTES} "
                      "minutes is a placeholder."]
    if cadence.frequency_note:
        lines += ["", f"How often: {cadence.frequency_note}"]
    if url:
        lines += ["", f"More: {url}"]
    return "\n".join(lines)
