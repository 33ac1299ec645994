"""Calendar files: a meeting with a known slot repeats at its local time in its time zone,
as often as it is held; an unknown slot is an all-day placeholder that says so; what is
not a meeting stays out; each role gets a file with its own meetings."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from generators.compiler import Compiler, compile_site
from generators.model.cadence import Cadence
from generators.pipeline import Options
from generators.render import calendar, schedule
from tests.conftest import edit, rendered

RELEASED = dt.date(2026, 10, 1)  # a Thursday
LONDON = "Europe/London"


def _cadence(**fields: Any) -> Cadence:
    return Cadence.model_validate({"id": "sync", "name": "Sync", "frequency": "weekly",
                                   "purpose": "Line up.", "attendees": ["sdr", "specialist"],
                                   **fields})


def _events(cadences: list[Cadence], zone: str | None = LONDON,
            url_of: dict[str, str] | None = None) -> list[Any]:
    meetings = [(c, schedule.slot(c, RELEASED, zone)) for c in cadences]
    data = calendar.meeting_calendar(meetings, name="Team", organisation="Test Co",
                                     released=RELEASED, url_of=url_of or {})
    return list(Calendar.from_ical(data).walk("VEVENT"))


def _rule(event: Any) -> str:
    return event["rrule"].to_ical().decode()


@pytest.mark.parametrize(("frequency", "when", "rule", "first"), [
    ("daily", {}, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", dt.date(2026, 10, 1)),
    ("weekly", {"day": "tuesday"}, "FREQ=WEEKLY;BYDAY=TU", dt.date(2026, 10, 6)),
    ("biweekly", {"day": "friday"}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", dt.date(2026, 10, 2)),
    ("monthly", {"day": "monday", "week": "first"}, "FREQ=MONTHLY;BYDAY=1MO",
     dt.date(2026, 10, 5)),
    ("monthly", {"day": "friday", "week": "last"}, "FREQ=MONTHLY;BYDAY=-1FR",
     dt.date(2026, 10, 30)),
    ("monthly", {"day_of_month": 15}, "FREQ=MONTHLY;BYMONTHDAY=15", dt.date(2026, 10, 15)),
    ("quarterly", {"day": "monday", "week": "second"}, "FREQ=MONTHLY;INTERVAL=3;BYDAY=2MO",
     dt.date(2026, 10, 12)),
    ("quarterly", {"day_of_month": 3, "month": "february"},
     "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=3", dt.date(2026, 11, 3)),
    ("yearly", {"day": "wednesday", "week": "third", "month": "march"},
     "FREQ=YEARLY;BYDAY=3WE;BYMONTH=3", dt.date(2027, 3, 17)),
])
def test_each_frequency_repeats_at_its_slot(frequency: str, when: dict[str, Any], rule: str,
                                            first: dt.date) -> None:
    [event] = _events([_cadence(frequency=frequency, minutes=45,
                                schedule={**when, "time": "10:00"})])
    assert _rule(event) == rule
    start = event["dtstart"].dt
    assert start == dt.datetime.combine(first, dt.time(10, 0), zoneinfo.ZoneInfo(LONDON))
    assert event["dtstart"].params["TZID"] == LONDON
    assert event["duration"].dt == dt.timedelta(minutes=45)
    assert str(event["summary"]) == "Sync"
    assert "TRANSP" not in event


def test_a_daily_meeting_is_held_on_working_days_from_the_first_one() -> None:
    saturday = dt.date(2026, 10, 3)
    cadence = _cadence(frequency="daily", schedule={"time": "09:15", "starts": saturday})
    slot = schedule.slot(cadence, RELEASED, LONDON)
    assert slot.first_day == dt.date(2026, 10, 5)  # the Monday after
    assert slot.rule == {"FREQ": "WEEKLY", "BYDAY": ["MO", "TU", "WE", "TH", "FR"]}
    assert slot.words == "Every working day at 09:15 (Europe/London)"


def test_the_time_zone_comes_from_the_schedule_or_the_playbook() -> None:
    own = _cadence(schedule={"day": "tuesday", "time": "10:00",
                             "time_zone": "America/New_York"})
    shared = _cadence(id="other", schedule={"day": "tuesday", "time": "10:00"})
    data = calendar.meeting_calendar(
        [(c, schedule.slot(c, RELEASED, LONDON)) for c in (own, shared)], name="Team",
        organisation="Test Co", released=RELEASED, url_of={})
    parsed = Calendar.from_ical(data)
    assert sorted(str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")) == [
        "America/New_York", LONDON]
    first, second = parsed.walk("VEVENT")
    assert first["dtstart"].params["TZID"] == "America/New_York"
    assert first["dtstart"].dt.astimezone(dt.UTC).hour == 14  # 10:00 EDT
    assert second["dtstart"].dt.astimezone(dt.UTC).hour == 9  # 10:00 BST
    assert parsed.get_missing_tzids() == set()


def test_a_one_off_with_a_date_is_one_event() -> None:
    [event] = _events([_cadence(frequency="once", minutes=180,
                                schedule={"date": "2026-12-03", "time": "13:00"})])
    assert "RRULE" not in event
    assert event["dtstart"].dt == dt.datetime(2026, 12, 3, 13, 0,
                                              tzinfo=zoneinfo.ZoneInfo(LONDON))


@pytest.mark.parametrize(("fields", "summary", "day"), [
    ({}, "Sync (day and time to be agreed)", RELEASED),
    ({"schedule": {"day": "tuesday"}}, "Sync (time to be agreed)", dt.date(2026, 10, 6)),
    ({"schedule": {"time": "10:00"}}, "Sync (day to be agreed)", RELEASED),
    ({"frequency": "daily", "minutes": 15}, "Sync (time to be agreed)", RELEASED),
    ({"frequency": "yearly", "schedule": {"day_of_month": 2, "time": "10:00"}},
     "Sync (day to be agreed)", RELEASED),  # no month
])
def test_an_unknown_slot_is_an_all_day_placeholder_that_says_so(
        fields: dict[str, Any], summary: str, day: dt.date) -> None:
    [event] = _events([_cadence(**fields)])
    assert str(event["summary"]) == summary
    assert event["dtstart"].dt == day and not isinstance(event["dtstart"].dt, dt.datetime)
    for invented in ("RRULE", "DURATION", "DTEND"):
        assert invented not in event
    assert str(event["transp"]) == "TRANSPARENT"
    assert "for this meeting yet: agree it" in str(event["description"])


def test_a_time_without_any_time_zone_is_not_placed() -> None:
    slot = schedule.slot(_cadence(schedule={"day": "tuesday", "time": "10:00"}), RELEASED, None)
    assert not slot.timed and slot.to_agree == "time"


@pytest.mark.parametrize(("fields", "reason"), [
    ({"kind": "communication"}, "a communication (such as a newsletter) is not a meeting."),
    ({"kind": "review", "owner": "sdr", "attendees": ["sdr"]},
     "only its owner takes part, so it is work done alone, not a meeting."),
    ({"frequency": "per-event"}, "it has no regular slot."),
    ({"frequency": "ongoing"}, "it has no regular slot."),
    ({"frequency": "once"}, "it is held once, and no date is set."),
])
def test_what_is_not_a_meeting_stays_out_and_says_why(fields: dict[str, Any],
                                                      reason: str) -> None:
    slot = schedule.slot(_cadence(**fields), RELEASED, LONDON)
    assert not slot.in_calendar
    assert slot.why_not == "It is not in the calendar files: " + reason


@pytest.mark.parametrize(("address", "linked"), [
    (None, False), ("", False), ("https://example.com/", False),
    ("https://playbook.example.com/", False), ("http://localhost:8000/", False),
    ("http://127.0.0.1:8000/", False), ("not an address", False),
    ("https://playbook.acme.io/team/", True),
])
def test_events_link_to_pages_only_on_a_real_site(address: str | None, linked: bool) -> None:
    base = calendar.site_address(address)
    assert bool(base) is linked
    url = {"sync": f"{base}/meetings/sync/"} if base else {}
    [event] = _events([_cadence(schedule={"day": "tuesday", "time": "10:00"})], url_of=url)
    assert ("URL" in event) is linked
    assert ("More: " in str(event["description"])) is linked


# A small playbook, built whole: which files there are, and what each role's holds.

_MEETINGS = {
    "weekly-sync": "frequency: weekly\nminutes: 30\nschedule: {day: tuesday, time: \"10:00\"}\n"
                   "attendees: [sdr, specialist]\n",
    "daily-stand-up": "frequency: daily\nminutes: 15\nattendees: [specialist]\n",
    "newsletter": "kind: communication\nfrequency: weekly\nattendees: [sdr, specialist]\n",
    "pipeline-review": "frequency: monthly\nschedule: {day: monday, week: first, time: "
                       "\"09:00\"}\nowner: sdr\nattendees: [specialist]\n",
    "kick-off": "frequency: once\nattendees: [sdr]\n",
}


def _add_meetings(playbook: Path) -> None:
    (playbook / "cadences").mkdir()
    for cadence_id, body in _MEETINGS.items():
        name = cadence_id.replace("-", " ").title()
        (playbook / "cadences" / f"{cadence_id}.yml").write_text(
            f"id: {cadence_id}\nname: {name}\npurpose: Why we meet.\n{body}", encoding="utf-8")
    edit(playbook / "playbook.yml", "released: 2026-07-01",
         "released: 2026-07-01\ntime_zone: Europe/Paris")


def _files(playbook: Path, site_url: str | None = None) -> dict[str, bytes]:
    site = compile_site(Options(playbook, site_url=site_url))
    return {f.uri: f.data() for f in site.files}


def _summaries(data: bytes) -> list[str]:
    return [str(e["summary"]) for e in Calendar.from_ical(data).walk("VEVENT")]


def test_each_role_gets_its_own_meetings(playbook: Path) -> None:
    _add_meetings(playbook)
    files = _files(playbook)
    assert _summaries(files["roles/sdr-meetings.ics"]) == [
        "Pipeline Review", "Weekly Sync"]  # it runs one; the newsletter and kick-off stay out
    assert _summaries(files["roles/specialist-meetings.ics"]) == [
        "Daily Stand Up (time to be agreed)", "Pipeline Review", "Weekly Sync"]
    assert sorted(uri for uri in files if uri.startswith("meetings/") and uri.endswith(".ics")) \
        == ["meetings/all-meetings.ics", "meetings/daily-stand-up.ics",
            "meetings/pipeline-review.ics", "meetings/weekly-sync.ics"]
    [event] = Calendar.from_ical(files["meetings/weekly-sync.ics"]).walk("VEVENT")
    assert event["dtstart"].params["TZID"] == "Europe/Paris"  # the playbook's time zone
    role = files["roles/sdr.md"].decode()
    assert "[Add my meetings to my calendar](sdr-meetings.ics)" in role
    assert role.index("### Weekly") < role.index("### Monthly") < role.index("### One-off")
    assert "| [Newsletter](../meetings/newsletter.md) | Not a meeting |" in role
    assert "| [Kick Off](../meetings/kick-off.md) | No date set |" in role
    newsletter = files["meetings/newsletter.md"].decode()
    assert "It is not in the calendar files: a communication" in newsletter
    assert ".ics" not in newsletter


def test_a_role_without_meetings_in_calendars_gets_no_file(playbook: Path) -> None:
    _add_meetings(playbook)
    for cadence_id in ("weekly-sync", "pipeline-review"):
        (playbook / f"cadences/{cadence_id}.yml").unlink()
    files = _files(playbook)
    assert "roles/sdr-meetings.ics" not in files
    assert "Add my meetings" not in files["roles/sdr.md"].decode()


def test_links_in_events_need_a_real_site_address(playbook: Path) -> None:
    _add_meetings(playbook)
    for placeholder in (None, "https://example.com/"):
        assert b"URL" not in _files(playbook, placeholder)["roles/sdr-meetings.ics"]
    real = _files(playbook, "https://playbook.acme.io/")["roles/sdr-meetings.ics"]
    [event, _other] = Calendar.from_ical(real).walk("VEVENT")
    assert str(event["url"]) == "https://playbook.acme.io/meetings/pipeline-review/"


def test_calendar_files_are_the_same_bytes_on_every_build(playbook: Path) -> None:
    _add_meetings(playbook)
    first = _files(playbook)
    assert {uri: data for uri, data in _files(playbook).items() if uri.endswith(".ics")} == {
        uri: data for uri, data in first.items() if uri.endswith(".ics")}


def test_a_kept_compiler_renders_again_only_the_calendars_that_changed(
        playbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _add_meetings(playbook)
    compiler = Compiler(Options(playbook, serving=True))
    compiler.compile()
    made: list[str] = []
    build = calendar.meeting_calendar

    def counted(meetings: list[Any], **kwargs: Any) -> bytes:
        made.append(kwargs["name"] if len(meetings) > 1 else meetings[0][0].id)
        return build(meetings, **kwargs)

    monkeypatch.setattr(calendar, "meeting_calendar", counted)
    edit(playbook / "cadences/daily-stand-up.yml", "frequency: daily",
         "frequency: daily\nschedule: {time: \"08:45\"}")
    kept = {f.uri: f.data() for f in compiler.compile().files}
    assert sorted(made) == ["Social Selling Specialist: meetings", "Test Co team meetings",
                            "daily-stand-up"]
    fresh = _files(playbook)
    assert {uri: kept[uri] for uri in kept if uri.endswith(".ics")} == {
        uri: fresh[uri] for uri in fresh if uri.endswith(".ics")}
    [event] = Calendar.from_ical(kept["meetings/daily-stand-up.ics"]).walk("VEVENT")
    assert _rule(event) == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


@pytest.mark.parametrize(("schedule_text", "problem"), [
    ('{day: tuesday, time: 10:00}', "schedule.time: expected a time such as '10:00', got the "
     "number 600 (an unquoted 10:00 is read as a number: put the time in quotes)"),
    ('{day: tuesday, time: "25:00"}', "schedule.time: '25:00' is not a time of day (write "
     "it as 24-hour 'HH:MM', e.g. '09:30' or '14:00')"),
    ('{day: tuesday, time_zone: Europe/Londn}', "schedule.time_zone: 'Europe/Londn' is not a "
     "time zone (did you mean 'Europe/London'?)"),
    ('{day: tuesday, week: first}', "schedule.week: week does not apply to a weekly meeting "
     "(a weekly meeting is placed by its day of the week alone: leave it out)"),
    ('{day: tuesday, time: "10:00"}', "schedule.time: time '10:00' has no time zone (add one "
     "here, e.g. 'time_zone: Europe/London', or 'time_zone:' in playbook.yml for every "
     "meeting)"),
])
def test_a_bad_schedule_is_one_clear_line(playbook: Path, schedule_text: str,
                                          problem: str) -> None:
    (playbook / "cadences").mkdir()
    (playbook / "cadences/sync.yml").write_text(
        "id: sync\nname: Sync\nfrequency: weekly\npurpose: Why.\n"
        f"schedule: {schedule_text}\n", encoding="utf-8")
    [line] = rendered(playbook)
    assert line.startswith("playbook/cadences/sync.yml:5:")
    assert line.split(": ", 1)[1] == problem


@pytest.mark.parametrize(("frequency", "schedule_text", "problem"), [
    ("monthly", "{day: monday}", "schedule.day: day 'monday' needs the week of the month "
     "(add week: first, second, third, fourth or last)"),
    ("ongoing", "{day: monday}", "schedule: an ongoing cadence has no regular slot (leave out "
     "schedule, and say when it happens in frequency_note)"),
    ("daily", "{day: monday}", "schedule.day: day does not apply to a daily meeting (a daily "
     "meeting is held on working days (Monday to Friday): leave it out)"),
])
def test_a_schedule_fits_its_frequency(playbook: Path, frequency: str, schedule_text: str,
                                       problem: str) -> None:
    (playbook / "cadences").mkdir()
    (playbook / "cadences/sync.yml").write_text(
        f"id: sync\nname: Sync\nfrequency: {frequency}\npurpose: Why.\n"
        f"schedule: {schedule_text}\n", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in rendered(playbook)] == [problem]
