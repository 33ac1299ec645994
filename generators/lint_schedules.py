"""Content rules for meeting schedules: each field fits the meeting's frequency, and a
time has a time zone (its own or the playbook's)."""

from __future__ import annotations

from typing import Any

from generators.report import Reporter

_WHEN = ("time", "time_zone")
_IN_MONTH = ("day", "week", "day_of_month")

#: The schedule fields each frequency uses; per-event and ongoing meetings have no slot.
FIELDS: dict[str, tuple[str, ...]] = {
    "daily": (*_WHEN, "starts"),
    "weekly": ("day", *_WHEN, "starts"),
    "biweekly": ("day", *_WHEN, "starts"),
    "monthly": (*_IN_MONTH, *_WHEN, "starts"),
    "quarterly": (*_IN_MONTH, "month", *_WHEN, "starts"),
    "yearly": (*_IN_MONTH, "month", *_WHEN, "starts"),
    "once": ("date", *_WHEN),
}

def run(report: Reporter) -> None:
    """Check the schedule of every cadence."""
    manifest = report.playbook.manifest
    default_zone = getattr(manifest, "time_zone", None)
    for _kind, cadence_id, cadence in report.entities("cadence"):
        if getattr(cadence, "schedule", None) is not None:
            _schedule(report, cadence_id, cadence, default_zone)


def _schedule(report: Reporter, cadence_id: str, cadence: Any, default_zone: str | None) -> None:
    schedule, frequency = cadence.schedule, cadence.frequency
    allowed = FIELDS.get(frequency)
    if allowed is None:
        report.error("cadence", cadence_id, ("schedule",),
                     f"{'an' if frequency[0] in 'aeiou' else 'a'} {frequency} cadence has "
                     "no regular slot",
                     "leave out schedule, and say when it happens in frequency_note")
        return
    written = [name for name in type(schedule).model_fields
               if getattr(schedule, name) is not None]
    for name in written:
        if name not in allowed:
            report.error("cadence", cadence_id, ("schedule", name),
                         f"{name} does not apply to a {frequency} meeting",
                         _hint(name, frequency))
    if "week" in allowed:
        _day_in_month(report, cadence_id, schedule)
    if schedule.time is not None and schedule.time_zone is None and default_zone is None:
        report.error("cadence", cadence_id, ("schedule", "time"),
                     f"time '{schedule.time}' has no time zone",
                     "add one here, e.g. 'time_zone: Europe/London', or 'time_zone:' in "
                     "playbook.yml for every meeting")


def _hint(name: str, frequency: str) -> str:
    if frequency == "once":
        return "a one-off takes date, time and time_zone"
    if name == "date":
        return "date is the day of a one-off ('once'); a recurring meeting takes starts"
    if frequency == "daily":
        return "a daily meeting is held on working days (Monday to Friday): leave it out"
    if name == "month":
        return "month places a quarterly or yearly meeting: leave it out"
    return f"a {frequency} meeting is placed by its day of the week alone: leave it out"


def _day_in_month(report: Reporter, cadence_id: str, schedule: Any) -> None:
    """A day in a month is either a day of the month, or a weekday in a given week."""
    if schedule.day_of_month is not None and (schedule.day or schedule.week):
        report.error("cadence", cadence_id, ("schedule", "day_of_month"),
                     "day_of_month and day/week both place the meeting in the month",
                     "keep one: 'day_of_month: 15', or 'day: tuesday' with 'week: first'")
    elif schedule.day is not None and schedule.week is None:
        report.error("cadence", cadence_id, ("schedule", "day"),
                     f"day '{schedule.day}' needs the week of the month",
                     "add week: first, second, third, fourth or last")
    elif schedule.week is not None and schedule.day is None:
        report.error("cadence", cadence_id, ("schedule", "week"),
                     f"week '{schedule.week}' needs the day of the week",
                     "add day, e.g. 'day: monday'")
