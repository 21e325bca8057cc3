"""Reading a date the user typed: "2015-11-24", "24 Nov 2015", "Nov 24, 2015", "Tue 24 Nov 2015".
Qt-free. A weekday, when given, must agree with the date; anything unreadable or incomplete is
refused with a hint saying why (never silently turned into another day).

Parsing is python-dateutil's (well kept, reads the many ways people write dates); this module adds
the checks a reference date needs: a full day, a plausible year, an agreeing weekday, and no
ambiguous all-number form like "03/04/2015".
"""
from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

from .layout.ticks import MONTHS_SHORT

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Weekday names as written: full or their usual abbreviations ("Tue", "Tues", "Thur").
_WEEKDAY = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\b\.?",
                      re.IGNORECASE)
_ALL_NUMBERS = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
MIN_YEAR, MAX_YEAR = 1000, 2999


class DateEntryError(ValueError):
    """The text is not a date we can use; ``str()`` is the hint to show."""


def parse_user_date(text: str) -> dt.date:
    text = " ".join(text.split())
    if not text:
        raise DateEntryError("Type a date, e.g. 2015-11-24 or 24 Nov 2015")
    iso = _ISO.match(text)
    if iso:
        try:
            return _checked(dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))))
        except ValueError:
            raise DateEntryError(f"“{text}” is not a day of the calendar") from None
    numbers = _ALL_NUMBERS.match(text)
    if numbers and int(numbers.group(1)) <= 12 and int(numbers.group(2)) <= 12 \
            and numbers.group(1) != numbers.group(2):
        raise DateEntryError(f"“{text}” could be day/month or month/day: write it as 2015-11-24 or 24 Nov 2015")
    weekday = _WEEKDAY.search(text)
    without_weekday = _WEEKDAY.sub(" ", text).strip(" ,")
    try:
        # Two different defaults: a part the text leaves out shows as a difference.
        a = date_parser.parse(without_weekday, default=dt.datetime(2000, 1, 1), dayfirst=True)
        b = date_parser.parse(without_weekday, default=dt.datetime(2001, 2, 2), dayfirst=True)
    except (ValueError, OverflowError, date_parser.ParserError):
        raise DateEntryError(f"Cannot read “{text}” as a date: try 2015-11-24 or 24 Nov 2015") from None
    if a.date() != b.date():
        missing = [name for name, x, y in (("year", a.year, b.year), ("month", a.month, b.month),
                                           ("day", a.day, b.day)) if x != y]
        raise DateEntryError(f"“{text}” has no {' or '.join(missing)}: give a full day, e.g. 24 Nov 2015")
    day = _checked(a.date())
    if weekday is not None:
        said = next(k for k, name in enumerate(WEEKDAYS) if name.startswith(weekday.group(1).lower()[:3]))
        if said != day.weekday():
            raise DateEntryError(f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year} is a {WEEKDAYS[day.weekday()].title()}, "
                                 f"not a {WEEKDAYS[said].title()}")
    return day


def _checked(day: dt.date) -> dt.date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise DateEntryError(f"The year {day.year} is out of range ({MIN_YEAR}–{MAX_YEAR})")
    return day


def format_day(day: dt.date) -> str:
    """How the field shows a date: "Tue 24 Nov 2015" (it reads back to the same day)."""
    return f"{WEEKDAYS[day.weekday()][:3].title()} {day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"
