"""Meeting cadences: who meets, how often, when, for how long, and to what end."""

from __future__ import annotations

import re
import zoneinfo
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from generators.errors import did_you_mean
from generators.model.common import Date, Entity, Label, RoleRef, Strict, TeamModelRef, Text

Frequency = Literal[
    "daily", "weekly", "biweekly", "monthly", "quarterly", "yearly",
    "per-event", "ongoing", "once",
]

#: Frequencies with a regular slot; the others (per-event, ongoing, once) have none.
REGULAR = ("daily", "weekly", "biweekly", "monthly", "quarterly", "yearly")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKS = ("first", "second", "third", "fourth", "last")

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
Month = Literal["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]
WeekOfMonth = Literal["first", "second", "third", "fourth", "last"]

@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _known_zone(name: str) -> str:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        by_case = {zone.lower(): zone for zone in _zones()}
        hint = (f"write it as '{by_case[name.lower()]}'" if name.lower() in by_case
                else did_you_mean(name, sorted(_zones())) or "use an IANA name such as "
                "'Europe/London' or 'America/New_York'")
        raise ValueError(f"'{name}' is not a time zone ({hint})") from None
    return name


TimeZone = Annotated[
    str, StringConstraints(min_length=1, max_length=100), AfterValidator(_known_zone),
    Field(description="An IANA time zone name, e.g. 'Europe/London' or 'America/New_York'."),
]


def _time_is_text(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        raise ValueError(f"expected a time such as '10:00', got the number {value} (an "
                         f"unquoted {value // 60}:{value % 60:02d} is read as a number: put "
                         "the time in quotes)")
    return value


def _clock(value: str) -> str:
    if not re.fullmatch(r"([01]?[0-9]|2[0-3]):[0-5][0-9]", value):
        raise ValueError(f"'{value}' is not a time of day (write it as 24-hour 'HH:MM', "
                         "e.g. '09:30' or '14:00')")
    return value.zfill(5)


ClockTime = Annotated[str, BeforeValidator(_time_is_text),
                      StringConstraints(min_length=1, max_length=20), AfterValidator(_clock),
                      Field(json_schema_extra={"pattern": r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"})]


class Schedule(Strict):
    """When a meeting is held, as far as the playbook knows it. What is left out is
    'to be agreed': calendars and pages say so instead of inventing a slot."""

    day: Weekday | None = Field(
        default=None,
        description="Day of the week: for weekly and biweekly meetings; with 'week', for "
                    "monthly, quarterly and yearly ones. A daily meeting is held on working "
                    "days (Monday to Friday) and takes no day.")
    week: WeekOfMonth | None = Field(
        default=None,
        description="Which week of the month, with 'day': first, second, third, fourth or "
                    "last (monthly, quarterly, yearly).")
    day_of_month: int | None = Field(
        default=None, ge=1, le=28,
        description="Day of the month, 1 to 28, instead of 'day' and 'week' (monthly, "
                    "quarterly, yearly).")
    month: Month | None = Field(
        default=None,
        description="The month of a yearly meeting; for a quarterly one, a month it is "
                    "held in (default: January, April, July and October).")
    date: Date | None = Field(
        default=None, description="The day a one-off ('once') is held (YYYY-MM-DD).")
    time: ClockTime | None = Field(
        default=None, description="Local start time, 24-hour 'HH:MM' in quotes, e.g. '10:00'.")
    time_zone: TimeZone | None = Field(
        default=None,
        description="IANA time zone of 'time', e.g. 'Europe/London'; default: the "
                    "time_zone of playbook.yml.")
    starts: Date | None = Field(
        default=None,
        description="First day it is held from (YYYY-MM-DD); default: the release date of "
                    "the playbook.")


class Cadence(Entity):
    """A recurring meeting or ritual of the team."""

    name: Label = Field(description="Name of the meeting.")
    kind: Literal["meeting", "ritual", "review", "training", "recognition", "communication"] = (
        Field(default="meeting",
              description="What sort of cadence it is. A 'communication' (a newsletter, say) "
                          "is not a meeting and stays out of calendar files."))
    frequency: Frequency = Field(description="How often it happens.")
    frequency_note: Label | None = Field(
        default=None, description="Detail on timing, e.g. 'monthly or quarterly'.")
    schedule: Schedule | None = Field(
        default=None,
        description="When it is held: day, time and time zone, e.g. '{day: tuesday, time: "
                    "\"10:00\", time_zone: Europe/London}'. Left out, the time is 'to be "
                    "agreed'.")
    minutes: int | None = Field(default=None, gt=0, le=1440,
                                description="Duration in minutes, where known.")
    purpose: Text = Field(description="Why the team holds it.")
    attendees: list[RoleRef] = Field(default_factory=list, description="Roles that attend.")
    other_attendees: list[Label] = Field(
        default_factory=list, description="Attendees that are not playbook roles.")
    owner: RoleRef | None = Field(default=None, description="Role that runs it.")
    agenda: list[Label] = Field(default_factory=list, description="Agenda items, in order.")
    format: Text | None = Field(default=None, description="How it is run.")
    outputs: list[Label] = Field(default_factory=list, description="What it produces.")
    team_models: list[TeamModelRef] = Field(
        default_factory=list, description="Team models it belongs to; empty means all.")
