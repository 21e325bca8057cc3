"""TIMEX3 value (+ mod) -> the real interval [begin, end) it covers and its granularity.

One function reads every value form the tagger writes, so the interval always agrees with the value.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..regex_cache import compile_cached
from .anchor import add_months

Interval = tuple[Optional[dt.datetime], Optional[dt.datetime], str]

#: Parts of the day: (start hour, length in hours). "night" runs into the next morning (DESIGN.md).
PART_OF_DAY_HOURS = {"MO": (6, 6), "AF": (12, 6), "EV": (18, 4), "NI": (18, 12), "DT": (6, 12)}
#: Seasons: (first month, relative year of the first month); three months each (northern hemisphere).
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_VALUE = compile_cached(
    r"(?P<y>\d{1,4})(?:-(?:"
    r"(?P<mo>\d{2})(?:-(?P<d>\d{2}))?"
    r"|W(?P<w>\d{1,2})(?:-(?P<wd>\d|WE))?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<season>SP|SU|FA|WI)"
    r"))?"
    r"(?:T(?:(?P<pod>MO|AF|EV|NI|DT)|(?P<hh>\d{2})(?::(?P<mm>\d{2})(?::(?P<ss>\d{2}))?)?))?$")


def _dt(d: dt.date, hour: int = 0) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day) + dt.timedelta(hours=hour)


def value_interval(value: str) -> Interval:
    """The interval of a TIMEX3 date/time value, or (None, None, "unknown") when it has no fixed place."""
    m = _VALUE.match(value or "")
    if not m:
        return None, None, "unknown"
    try:
        return _interval(m)
    except (ValueError, OverflowError):
        return None, None, "unknown"


def _interval(m: re.Match) -> Interval:
    y = m["y"]
    n = len(y)
    if n < 4 and not any(m[g] for g in ("mo", "w", "q", "h", "season")):
        span = 10 ** (4 - n)
        start = int(y) * span
        gran = {3: "decade", 2: "century", 1: "millennium"}[n]
        first = max(start, 1)
        last = min(start + span, 9999)
        return dt.datetime(first, 1, 1), dt.datetime(last, 1, 1), gran
    year = int(y)
    if m["season"]:
        first = dt.date(year, SEASON_MONTHS[m["season"]], 1)
        return _dt(first), _dt(add_months(first, 3)), "season"
    if m["q"]:
        first = dt.date(year, 3 * int(m["q"]) - 2, 1)
        return _dt(first), _dt(add_months(first, 3)), "quarter"
    if m["h"]:
        first = dt.date(year, 6 * int(m["h"]) - 5, 1)
        return _dt(first), _dt(add_months(first, 6)), "half-year"
    if m["w"]:
        monday = dt.date.fromisocalendar(year, int(m["w"]), 1)
        if m["wd"] == "WE":
            sat = monday + dt.timedelta(days=5)
            return _dt(sat), _dt(sat + dt.timedelta(days=2)), "day"
        if m["wd"]:
            day = monday + dt.timedelta(days=int(m["wd"]) - 1)
            return _dt(day), _dt(day + dt.timedelta(days=1)), "day"
        return _dt(monday), _dt(monday + dt.timedelta(days=7)), "week"
    if not m["mo"]:
        return dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1), "year"
    month = int(m["mo"])
    if not m["d"]:
        first = dt.date(year, month, 1)
        return _dt(first), _dt(add_months(first, 1)), "month"
    day = dt.date(year, month, int(m["d"]))
    if m["pod"]:
        hour, length = PART_OF_DAY_HOURS[m["pod"]]
        return _dt(day, hour), _dt(day, hour + length), "part-of-day"
    if m["hh"]:
        hh = int(m["hh"])
        begin = _dt(day, hh)
        if m["mm"] is None:
            return begin, begin + dt.timedelta(hours=1), "hour"
        begin += dt.timedelta(minutes=int(m["mm"]))
        if m["ss"] is None:
            return begin, begin + dt.timedelta(minutes=1), "minute"
        begin += dt.timedelta(seconds=int(m["ss"]))
        return begin, begin + dt.timedelta(seconds=1), "second"
    return _dt(day), _dt(day + dt.timedelta(days=1)), "day"


def narrow(begin: dt.datetime, end: dt.datetime, mod: Optional[str]) -> tuple[dt.datetime, dt.datetime]:
    """START/MID/END keep the first, middle or last third of the interval ("early 1990s", "mid-2021")."""
    if mod not in ("START", "MID", "END"):
        return begin, end
    third = (end - begin) / 3
    if mod == "START":
        return begin, begin + third
    if mod == "MID":
        return begin + third, end - third
    return end - third, end


def _round_to_day(x: dt.datetime) -> dt.datetime:
    return x.replace(hour=0, minute=0, second=0, microsecond=0)


def interval_for(value: str, mod: Optional[str] = None) -> Interval:
    begin, end, gran = value_interval(value)
    if begin is None or end is None:
        return begin, end, gran
    if mod in ("START", "MID", "END") and gran not in ("day", "hour", "minute", "second", "part-of-day"):
        begin, end = narrow(begin, end, mod)
        begin, end = _round_to_day(begin), _round_to_day(end)
    return begin, end, gran
