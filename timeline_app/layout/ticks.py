"""Adaptive calendar ticks, from centuries down to minutes, chosen from measured label widths.

Qt-free: the caller passes ``measure(text) -> width in px`` (the renderer passes QFontMetrics).
Each step has a minor label ("13", "Sep", "06:00") and, where the minor label alone loses
context, a major level above it ("September 2022", "2022", "Tue 13 Sep 2022").
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from .scale import DAY, HOUR, MIN_T, MINUTE, YEAR, bc_label, bc_year, bc_year_start, from_seconds, to_seconds

Measure = Callable[[str], float]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTHS_SHORT = [m[:3] for m in MONTHS]
WEEKDAYS_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

#: Space kept free between two neighbouring tick labels, px.
LABEL_GAP = 14.0


@dataclass(frozen=True)
class Step:
    name: str
    seconds: float          # nominal length, to estimate pixels per step
    major: Optional[str]    # name of the context level drawn above ("day", "month", "year") or None


STEPS: tuple[Step, ...] = (
    Step("minute", MINUTE, "day"),
    Step("5 min", 5 * MINUTE, "day"),
    Step("15 min", 15 * MINUTE, "day"),
    Step("hour", HOUR, "day"),
    Step("3 h", 3 * HOUR, "day"),
    Step("6 h", 6 * HOUR, "day"),
    Step("day", DAY, "month"),
    Step("week", 7 * DAY, "month"),
    Step("month", YEAR / 12, "year"),
    Step("quarter", YEAR / 4, "year"),
    Step("year", YEAR, None),
    Step("5 years", 5 * YEAR, None),
    Step("decade", 10 * YEAR, None),
    Step("50 years", 50 * YEAR, None),
    Step("century", 100 * YEAR, None),
)
STEP_BY_NAME = {s.name: s for s in STEPS}


@dataclass(frozen=True)
class Tick:
    t: float
    label: str


# -- calendar arithmetic -------------------------------------------------------------------------
def _floor(d: dt.datetime, step: str) -> dt.datetime:
    if step == "minute":
        return d.replace(second=0, microsecond=0)
    if step in ("5 min", "15 min"):
        m = 5 if step == "5 min" else 15
        return d.replace(minute=d.minute - d.minute % m, second=0, microsecond=0)
    if step in ("hour", "3 h", "6 h"):
        h = {"hour": 1, "3 h": 3, "6 h": 6}[step]
        return d.replace(hour=d.hour - d.hour % h, minute=0, second=0, microsecond=0)
    day = d.replace(hour=0, minute=0, second=0, microsecond=0)
    if step == "day":
        return day
    if step == "week":
        return day - dt.timedelta(days=day.weekday()) if day.toordinal() > 7 else day
    if step == "month":
        return day.replace(day=1)
    if step == "quarter":
        return day.replace(month=d.month - (d.month - 1) % 3, day=1)
    years = _YEARS_PER_STEP[step]
    return day.replace(year=max(1, d.year - d.year % years), month=1, day=1)


def _next(d: dt.datetime, step: str) -> dt.datetime:
    seconds = {"minute": MINUTE, "5 min": 300, "15 min": 900, "hour": HOUR, "3 h": 3 * HOUR,
               "6 h": 6 * HOUR, "day": DAY, "week": 7 * DAY}.get(step)
    if seconds is not None:
        return d + dt.timedelta(seconds=seconds)
    months = {"month": 1, "quarter": 3}.get(step)
    if months is not None:
        m = d.month - 1 + months
        return d.replace(year=d.year + m // 12, month=m % 12 + 1, day=1)
    return d.replace(year=d.year + _YEARS_PER_STEP[step])


def iter_boundaries(t0: float, t1: float, step: str, limit: int = 2000) -> Iterator[float]:
    """Calendar boundaries of ``step`` inside ``[t0, t1]`` (at most ``limit``)."""
    for t, _ in _iter_calendar(t0, t1, step, limit):
        yield t


_YEARS_PER_STEP = {"year": 1, "5 years": 5, "decade": 10, "50 years": 50, "century": 100}


def _iter_before_christ(t0: float, t1: float, step: str, limit: int) -> Iterator[tuple[float, None]]:
    """Boundaries before the year 1: the starts of the years BC that are multiples of a step of years
    ("500 BC", "490 BC"); a finer step has none there (its events are dated to the year at best)."""
    years = _YEARS_PER_STEP.get(step)
    first, last = bc_year(t0), bc_year(min(t1, MIN_T - 1.0))
    if years is None or first is None or last is None:
        return
    count = 0
    for year in range(first - first % years, last - 1, -years):
        t = bc_year_start(year)
        if year > 0 and t0 <= t <= t1:
            if count == limit:
                return
            yield t, None
            count += 1


def _iter_calendar(t0: float, t1: float, step: str, limit: int) -> Iterator[tuple[float, Optional[dt.datetime]]]:
    """Boundaries of ``step`` in [t0, t1] with their datetimes (None before the year 1)."""
    if t0 < MIN_T:
        yield from _iter_before_christ(t0, t1, step, limit)
        if t1 < MIN_T:
            return
        t0 = MIN_T
    d = _floor(from_seconds(t0), step)
    end = from_seconds(t1)
    count = 0
    while d <= end and count < limit:
        t = to_seconds(d)
        if t >= t0:
            yield t, d
            count += 1
        try:
            d = _next(d, step)
        except (OverflowError, ValueError):
            return


# -- labels --------------------------------------------------------------------------------------
def minor_label(t: float, step: str) -> str:
    if (era := bc_label(t)) is not None:
        return era
    d = from_seconds(t)
    if step in ("minute", "5 min", "15 min", "hour", "3 h", "6 h"):
        return f"{d.hour:02d}:{d.minute:02d}"
    if step in ("day", "week"):
        return str(d.day)
    if step in ("month", "quarter"):
        return MONTHS_SHORT[d.month - 1]
    if step == "decade":
        return f"{year_text(d.year)}s"
    return year_text(d.year)


def major_label(t: float, level: str) -> str:
    if (era := bc_label(t)) is not None:
        return era
    d = from_seconds(t)
    if level == "day":
        return f"{WEEKDAYS_SHORT[d.weekday()]} {d.day} {MONTHS_SHORT[d.month - 1]} {year_text(d.year)}"
    if level == "month":
        return f"{MONTHS[d.month - 1]} {year_text(d.year)}"
    return year_text(d.year)


def year_text(year: int) -> str:
    """"2022", but "AD 29": a year of fewer than four digits says its era (beside "146 BC" it would read as
    a count)."""
    return str(year) if year >= 1000 else f"AD {year}"


_SAMPLES = {
    "minute": ["23:59", "00:00", "18:45"], "day": ["28", "30", "31"], "week": ["28", "30"],
    "month": MONTHS_SHORT, "year": ["2000", "1888"], "decade": ["1990s", "2000s"],
}


def _sample_labels(step: str) -> list[str]:
    if step in ("5 min", "15 min", "hour", "3 h", "6 h"):
        return _SAMPLES["minute"]
    if step == "quarter":
        return _SAMPLES["month"]
    if step in ("5 years", "50 years", "century"):
        return _SAMPLES["year"]
    return _SAMPLES[step]


class TickChooser:
    """Chooses the finest step whose labels fit, caching the measured label widths."""

    def __init__(self, measure: Measure):
        self._measure = measure
        self._width: dict[str, float] = {}
        #: (kind, step) -> (from t, to datetime, boundary times, their datetimes, ticks): the
        #: labelled boundaries of a range three views wide, so panning and zooming in reuse them.
        self._ranges: dict[tuple[str, str], tuple[float, dt.datetime, list[float],
                                                   list[dt.datetime], list[Tick]]] = {}

    def label_width(self, step: str) -> float:
        w = self._width.get(step)
        if w is None:
            w = max(self._measure(s) for s in _sample_labels(step))
            self._width[step] = w
        return w

    def choose(self, seconds_per_px: float) -> Step:
        """The finest step whose ticks lie at least one label width (plus a gap) apart."""
        if not (seconds_per_px > 0 and math.isfinite(seconds_per_px)):
            return STEPS[-1]
        for step in STEPS:
            if step.seconds / seconds_per_px >= self.label_width(step.name) + LABEL_GAP:
                return step
        return STEPS[-1]

    def ticks(self, t0: float, t1: float, seconds_per_px: float) -> tuple[Step, list[Tick], list[Tick]]:
        """The chosen step, its minor ticks and its major (context) ticks inside ``[t0, t1]``."""
        step = self.choose(seconds_per_px)
        minor = self._boundaries(t0, t1, "minor", step.name)
        major: list[Tick] = []
        if step.major:
            major = self._boundaries(t0, t1, "major", step.major)
        return step, minor, major

    def _boundaries(self, t0: float, t1: float, kind: str, step: str) -> list[Tick]:
        """The labelled boundaries of ``step`` in ``[t0, t1]``: exactly what iterating them gives,
        cut from a cached wider range when that range holds this one."""
        label = minor_label if kind == "minor" else major_label
        key = (kind, step)
        end = from_seconds(t1)
        cached = self._ranges.get(key)
        if cached is None or not (cached[0] <= t0 and end <= cached[1]):
            cached = self._fill_range(t0, t1, kind, step)
            if cached is None:
                return [Tick(t, label(t, step)) for t in iter_boundaries(t0, t1, step)]
        _, _, times, dates, ticks = cached
        return ticks[bisect.bisect_left(times, t0):bisect.bisect_right(dates, end)]

    def _fill_range(self, t0: float, t1: float, kind: str, step: str):
        span = t1 - t0
        lo, hi = t0 - span, t1 + span
        if not (math.isfinite(lo) and math.isfinite(hi) and span >= 0):
            return None
        lo_d, hi_d = from_seconds(lo), from_seconds(hi)
        # Boundaries are one fixed calendar sequence only away from year 1 (flooring clamps
        # there) and from the clamped ends of the time scale: elsewhere iterate directly.
        if lo_d.year < 400 or hi_d.year > 9000:
            return None
        limit = 2000
        found = list(_iter_calendar(lo, hi, step, limit))
        if len(found) >= limit:
            return None
        label = minor_label if kind == "minor" else major_label
        cached = (lo, hi_d, [t for t, _ in found], [d for _, d in found],
                  [Tick(t, label(t, step)) for t, _ in found])
        self._ranges[(kind, step)] = cached
        return cached
