"""When a meeting is held: its slot, worked out from its frequency and schedule, or what
is still to be agreed.

Nothing is invented. A day or time the playbook does not state stays unknown, and pages
and calendar files say it is to be agreed; a cadence that is not a meeting, or has no
regular slot, stays out of calendar files, and its page says why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generators.model.cadence import MONTHS, REGULAR, WEEKDAYS

#: Kinds of cadence nobody gathers for.
NOT_MEETINGS = ("communication",)

_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEK_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_QUARTER_MONTHS = (1, 4, 7, 10)
#: Far enough to reach any yearly slot from any start day.
_SEARCH_DAYS = 800


@dataclass(frozen=True)
class Slot:
    """Where a cadence sits in a calendar."""

    left_out: str
    """Why it stays out of calendar files, in a few words ("" when it is in them)."""
    kind: str
    first_day: dt.date | None
    """The day of its first event, or of its placeholder."""
    time: dt.time | None
    zone: str | None
    rule: dict[str, Any] | None
    """The RRULE parts of a recurring meeting whose day and time are known."""
    to_agree: str
    """What the playbook leaves open: 'time', 'day', 'day and time', or ''."""
    words: str
    """When it is held, in words: 'Tuesdays at 10:00 (Europe/London)'."""

    @property
    def in_calendar(self) -> bool:
        return not self.left_out

    @property
    def why_not(self) -> str:
        """Why it stays out of calendar files, as a sentence."""
        if not self.left_out:
            return ""
        return "It is not in the calendar files: " + _LEFT_OUT[self.left_out].format(
            kind=self.kind)

    @property
    def when(self) -> str:
        """When it is held, for a table: its slot, and why it is not in calendars."""
        if not self.left_out:
            return self.words
        if self.words and not self.to_agree:
            return f"{self.words}; {self.left_out}"
        return self.left_out[:1].upper() + self.left_out[1:]

    @property
    def placeholder_note(self) -> str:
        """What the calendar files hold instead of an event at an invented slot."""
        if not self.to_agree or not self.in_calendar or self.first_day is None:
            return ""
        missing = self.to_agree.replace(" and ", " or ")
        return (f"The playbook sets no {missing} for it yet, so its calendar file "
                f"holds an all-day placeholder on {_date(self.first_day)} that says so, "
                "not a meeting at an invented time.")

    @property
    def timed(self) -> bool:
        """Its day and time are known: a real event, not a placeholder."""
        return self.first_day is not None and self.time is not None and not self.to_agree


#: Why a cadence is left out of calendar files: in a few words, and as a sentence.
_LEFT_OUT = {
    "not a meeting": "a {kind} (such as a newsletter) is not a meeting.",
    "done alone": "only its owner takes part, so it is work done alone, not a meeting.",
    "no regular slot": "it has no regular slot.",
    "no date set": "it is held once, and no date is set.",
}


def left_out(cadence: Any) -> str:
    """Why a cadence is not in calendar files, in a few words; "" when it is."""
    if cadence.kind in NOT_MEETINGS:
        return "not a meeting"
    others = [role for role in cadence.attendees if role != cadence.owner]
    if cadence.owner and not others and not cadence.other_attendees:
        return "done alone"
    if cadence.frequency in ("per-event", "ongoing"):
        return "no regular slot"
    if cadence.frequency == "once" and (cadence.schedule is None or cadence.schedule.date is None):
        return "no date set"
    return ""


def slot(cadence: Any, released: dt.date | None, default_zone: str | None) -> Slot:
    """The slot of `cadence`; `released` (the playbook's release date) is the first day
    a meeting is held when its schedule names none."""
    schedule = cadence.schedule
    frequency = cadence.frequency
    zone = (schedule.time_zone if schedule else None) or default_zone
    time = (dt.time.fromisoformat(schedule.time) if schedule and schedule.time and zone
            else None)
    day_known = _day_known(frequency, schedule)
    to_agree = " and ".join(part for part, known in (("day", day_known), ("time", time))
                            if not known)
    start = (schedule.date if frequency == "once" and schedule else None) or (
        schedule.starts if schedule else None) or released
    first = _first_day(frequency, schedule, start) if day_known and start else start
    rule = (_rule(frequency, schedule) if day_known and time and frequency in REGULAR
            else None)
    return Slot(left_out(cadence), cadence.kind, first, time, zone if time else None, rule,
                to_agree, _words(frequency, schedule, day_known, time, zone, first))


def _day_known(frequency: str, schedule: Any) -> bool:
    if frequency == "daily":
        return True
    if schedule is None:
        return False
    if frequency == "once":
        return schedule.date is not None
    if frequency in ("weekly", "biweekly"):
        return schedule.day is not None
    in_month = schedule.day_of_month is not None or (schedule.day and schedule.week)
    if frequency == "yearly":
        return bool(in_month and schedule.month)
    return bool(in_month) and frequency in ("monthly", "quarterly")


def _months(frequency: str, schedule: Any) -> tuple[int, ...]:
    """The months a monthly, quarterly or yearly meeting is held in."""
    if frequency == "monthly":
        return tuple(range(1, 13))
    month = MONTHS.index(schedule.month) + 1 if schedule.month else 1
    if frequency == "yearly":
        return (month,)
    return tuple(sorted((month - 1 + 3 * i) % 12 + 1 for i in range(4)))


def _fits(frequency: str, schedule: Any, day: dt.date) -> bool:
    if frequency == "daily":
        return day.weekday() < 5
    if frequency == "once":
        return day == schedule.date
    if frequency in ("weekly", "biweekly"):
        return day.weekday() == WEEKDAYS.index(schedule.day)
    if day.month not in _months(frequency, schedule):
        return False
    if schedule.day_of_month is not None:
        return day.day == schedule.day_of_month
    if day.weekday() != WEEKDAYS.index(schedule.day):
        return False
    if schedule.week == "last":
        return (day + dt.timedelta(days=7)).month != day.month
    return (day.day - 1) // 7 + 1 == _WEEK_NUMBERS[schedule.week]


def _first_day(frequency: str, schedule: Any, start: dt.date) -> dt.date:
    """The first day on or after `start` that the meeting is held on."""
    for offset in range(_SEARCH_DAYS):
        day = start + dt.timedelta(days=offset)
        if _fits(frequency, schedule, day):
            return day
    return start  # pragma: no cover - every slot recurs within a year


def _rule(frequency: str, schedule: Any) -> dict[str, Any]:
    if frequency == "daily":
        return {"FREQ": "WEEKLY", "BYDAY": list(_CODES[:5])}
    if frequency in ("weekly", "biweekly"):
        rule: dict[str, Any] = {"FREQ": "WEEKLY"}
        if frequency == "biweekly":
            rule["INTERVAL"] = 2
        return {**rule, "BYDAY": [_CODES[WEEKDAYS.index(schedule.day)]]}
    rule = {"FREQ": "YEARLY" if frequency == "yearly" else "MONTHLY"}
    if frequency == "quarterly":
        rule["INTERVAL"] = 3
    if frequency == "yearly":
        rule["BYMONTH"] = [MONTHS.index(schedule.month) + 1]
    if schedule.day_of_month is not None:
        rule["BYMONTHDAY"] = [schedule.day_of_month]
    else:
        code = _CODES[WEEKDAYS.index(schedule.day)]
        rule["BYDAY"] = [f"{_WEEK_NUMBERS[schedule.week]}{code}"]
    return rule


def _words(frequency: str, schedule: Any, day_known: bool, time: dt.time | None,
           zone: str | None, first: dt.date | None) -> str:
    if frequency not in (*REGULAR, "once"):
        return ""  # no slot to agree
    if not day_known:
        day = "Day" if frequency != "once" else "Date"
        day += " and time to be agreed" if time is None else " to be agreed"
    else:
        day = _day_words(frequency, schedule, first)
    if time is None:
        return day if not day_known else f"{day}, time to be agreed"
    return f"{day}{', ' if not day_known else ' '}at {time:%H:%M} ({zone})"


def _day_words(frequency: str, schedule: Any, first: dt.date | None) -> str:
    if frequency == "daily":
        return "Every working day"
    if frequency == "once":
        return _date(schedule.date)
    if frequency in ("weekly", "biweekly"):
        name = schedule.day.title()
        if frequency == "weekly":
            return f"{name}s"
        return f"Every other {name}" + (f" from {_date(first)}" if first else "")
    if schedule.day_of_month is not None:
        in_month = f"The {_ordinal(schedule.day_of_month)}"
    else:
        in_month = f"{schedule.week.title()} {schedule.day.title()}"
    months = [MONTHS[m - 1].title() for m in _months(frequency, schedule)]
    if frequency == "monthly":
        return f"{in_month} of every month"
    return f"{in_month} of " + (months[0] if len(months) == 1
                                 else ", ".join(months[:-1]) + " and " + months[-1])


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


def _date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1].title()} {day.year}"



def slots(g: Any) -> dict[str, Slot]:
    """The slot of every cadence of the graph `g`, by id."""
    return slots_of(g, list(g.of("cadence").values()))


def slots_of(g: Any, cadences: list[Any]) -> dict[str, Slot]:
    """The slots of some cadences of the graph `g`, by id."""
    manifest = g.playbook.manifest
    released = manifest.released if manifest else None
    zone = manifest.time_zone if manifest else None
    return {cadence.id: slot(cadence, released, zone) for cadence in cadences}
