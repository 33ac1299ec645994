"""Calendar files for meetings, made with the `icalendar` library.

A meeting whose day and time the playbook states becomes a recurring event at that local
time, in its time zone (the file carries the zone's VTIMEZONE), repeating as often as the
meeting is held: on working days, weekly, every two weeks, monthly, quarterly or yearly.
A meeting whose day or time is not stated becomes a single all-day placeholder on the
first day it could be held (free, not busy) that says what is still to be agreed: no
slot and no length is invented. Cadences that are not meetings, or have no regular slot,
are left out; their pages say why (see `schedule.py`).

Everything comes from the playbook, so a file is the same bytes on every build.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vRecur

from generators.render.page import FREQUENCY_TITLES
from generators.render.schedule import Slot

#: Host names kept for examples and tests (RFC 2606, RFC 6761): not a real site.
_PLACEHOLDER_HOST = re.compile(
    r"(^|\.)(example\.(com|net|org)|example|test|invalid|localhost|local)$")
_LOCAL_ADDRESSES = ("127.0.0.1", "0.0.0.0", "::1")  # noqa: S104 - compared, never bound


def site_address(site_url: str | None) -> str:
    """The site's address for links in calendar events, without its last '/'; "" when
    there is no real one: none, or a placeholder such as 'https://example.com/'."""
    text = (site_url or "").strip()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not host or host in _LOCAL_ADDRESSES \
            or _PLACEHOLDER_HOST.search(host):
        return ""
    return text.rstrip("/")


def meeting_calendar(meetings: list[tuple[Any, Slot]], *, name: str, organisation: str,
                     released: dt.date, url_of: dict[str, str]) -> bytes:
    """An iCalendar file named `name` with one event per meeting in `meetings` (each
    with its slot), linking to the page in `url_of`, when there is one."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{organisation}//Team playbook//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    domain = re.sub(r"[^a-z0-9]+", "-", organisation.lower()).strip("-") or "playbook"
    for cadence, slot in meetings:
        calendar.add_component(_event(cadence, slot, released, domain, url_of.get(cadence.id)))
    timed = [slot.first_day for _cadence, slot in meetings if slot.timed and slot.first_day]
    if timed:
        # The zones' rules from the first meeting on, for apps that do not know them.
        first = dt.date(min(timed).year, 1, 1)
        calendar.add_missing_timezones(first_date=first,
                                       last_date=first.replace(year=first.year + 10))
    return bytes(calendar.to_ical())


def _event(cadence: Any, slot: Slot, released: dt.date, domain: str,
           url: str | None) -> Event:
    event = Event()
    event.add("uid", f"{cadence.id}@{domain}.playbook")
    event.add("dtstamp", dt.datetime.combine(released, dt.time(0, 0), tzinfo=dt.UTC))
    if slot.timed and slot.first_day and slot.time and slot.zone:
        start = dt.datetime.combine(slot.first_day, slot.time,
                                    tzinfo=zoneinfo.ZoneInfo(slot.zone))
        event.add("dtstart", start)
        if cadence.minutes:
            event.add("duration", dt.timedelta(minutes=cadence.minutes))
        event.add("summary", cadence.name)
        if slot.rule:
            event.add("rrule", vRecur(slot.rule))
    else:
        # A reminder to agree the slot: all day, free, once, and saying so.
        event.add("dtstart", slot.first_day or released)
        event.add("summary", f"{cadence.name} ({slot.to_agree} to be agreed)")
        event.add("transp", "TRANSPARENT")
    event.add("description", _description(cadence, slot, url))
    if url:
        event.add("url", url)
    return event


def _description(cadence: Any, slot: Slot, url: str | None) -> str:
    often = FREQUENCY_TITLES[cadence.frequency]
    if cadence.frequency_note:
        often += f" ({cadence.frequency_note})"
    lines = [cadence.purpose.strip(), "", f"How often: {often}", f"When: {slot.words}."]
    if slot.to_agree:
        lines.append(f"The playbook sets no {slot.to_agree.replace(' and ', ' or ')} for "
                     "this meeting yet: agree it with the people who attend, then put the "
                     "meeting in its real slot.")
    if cadence.minutes:
        lines.append(f"Length: {cadence.minutes} minutes.")
    else:
        lines.append("Length: not set in the playbook.")
    if cadence.agenda:
        lines += ["", "Agenda:"] + [f"{i}. {item}" for i, item in enumerate(cadence.agenda, 1)]
    if url:
        lines += ["", f"More: {url}"]
    return "\n".join(lines)
