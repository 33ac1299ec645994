"""The default site's calendar files, after a real `mkdocs build`: one per role, linked
from its page, with the role's meetings; no slot the playbook does not state."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from icalendar import Calendar

from tests.conftest import DEFAULT_PLAYBOOK


def _events(path: Path) -> list[Any]:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def _cadences() -> dict[str, dict[str, Any]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((DEFAULT_PLAYBOOK / "cadences").glob("*.yml"))}


def test_each_role_page_links_a_calendar_of_its_own_meetings(built_site: Path) -> None:
    in_calendars = {str(e["uid"]).split("@")[0]
                    for e in _events(built_site / "meetings/all-meetings.ics")}
    cadences = _cadences()
    roles = sorted(path.stem for path in (DEFAULT_PLAYBOOK / "roles").glob("*.yml"))
    for role in roles:
        page = (built_site / f"roles/{role}/index.html").read_text(encoding="utf-8")
        link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Add my meetings to my calendar</a>',
                         page)
        assert link is not None, role
        assert link.group(1) == f"../{role}-meetings.ics"
        mine = {str(e["uid"]).split("@")[0]
                for e in _events(built_site / f"roles/{role}-meetings.ics")}
        expected = {cid for cid, c in cadences.items() if cid in in_calendars
                    and (role in c.get("attendees", []) or c.get("owner") == role)}
        assert mine == expected, role


def test_no_meeting_is_put_at_an_invented_slot(built_site: Path) -> None:
    cadences = _cadences()
    stated = {cid for cid, c in cadences.items() if (c.get("schedule") or {}).get("time")}
    slots: dict[tuple[Any, str], str] = {}
    for event in _events(built_site / "meetings/all-meetings.ics"):
        cid = str(event["uid"]).split("@")[0]
        start = event["dtstart"].dt
        if isinstance(start, dt.datetime):  # a real slot: stated in the playbook, and its own
            assert cid in stated
            rule = event["rrule"].to_ical().decode() if "RRULE" in event else ""
            assert (start, rule) not in slots, f"{cid} and {slots[(start, rule)]}"
            slots[(start, rule)] = cid
        else:  # a placeholder: all day, free, and saying what is to be agreed
            assert str(event["summary"]).endswith("to be agreed)")
            assert str(event["transp"]) == "TRANSPARENT"
            assert "DURATION" not in event and "RRULE" not in event
        # mkdocs.yml's site_url is a placeholder: no links to pages that are not there.
        assert "URL" not in event


def test_what_is_not_a_meeting_has_no_calendar_file(built_site: Path) -> None:
    cadences = _cadences()
    for cid in ("weekly-newsletter", "hiring-calibration-meeting", "retrospective",
                "three-amigos-alignment"):
        assert cid in cadences
        assert not (built_site / f"meetings/{cid}.ics").exists()
        page = (built_site / f"meetings/{cid}/index.html").read_text(encoding="utf-8")
        assert "It is not in the calendar files: " in page
        assert ".ics" not in page
