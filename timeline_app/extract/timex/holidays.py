"""Named days: Christmas, Easter, Thanksgiving ... resolved to the occurrence the clause's tense points at."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from .anchor import Context, add_months, fmt_day, fmt_week
from .lexicon import PARTS_OF_DAY
from .normalise import Resolved, plain


def _easter(year_: int) -> dt.date:
    a, b, c = year_ % 19, year_ // 100, year_ % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m_ = (a + 11 * h + 22 * l_) // 451
    month_ = (h + l_ - 7 * m_ + 114) // 31
    day = (h + l_ - 7 * m_ + 114) % 31 + 1
    return dt.date(year_, month_, day)


def _nth_weekday(year_: int, month_: int, iso_wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year_, month_, 1)
        return first + dt.timedelta(days=(iso_wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = add_months(dt.date(year_, month_, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - iso_wd) % 7)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's": lambda y: dt.date(y, 1, 1), "new year's eve": lambda y: dt.date(y, 12, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "easter": _easter, "easter sunday": _easter, "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "halloween": lambda y: dt.date(y, 10, 31), "valentine's day": lambda y: dt.date(y, 2, 14),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1), "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "independence day": lambda y: dt.date(y, 7, 4), "boxing day": lambda y: dt.date(y, 12, 26),
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
}


def holiday(m: re.Match, ctx: Context) -> Optional[Resolved]:
    name = plain(m["h"])
    if name == "easter week":
        return Resolved("DATE", fmt_week(_easter(int(m["y"]) if m["y"] else ctx.ref.year)))
    if not m["h"][:1].isupper():
        return None
    rule = _HOLIDAYS.get(name)
    if rule is None:
        return None
    rel = plain(m["rel"])
    pod = plain(m["pod"]) or None
    if m["y"]:
        return _on_day(rule(int(m["y"])), pod, "explicit")
    story = ctx.story_year(m.start(), m.end())
    if story is not None and rel not in ("last", "next"):
        return _on_day(rule(story), pod, "narrative")
    y = ctx.ref.year
    d = rule(y)
    tense = ctx.tense(m.start(), m.end())
    if rel == "last" or (not rel and tense < 0):
        if d >= ctx.ref and (rel == "last" or d > ctx.ref):
            d = rule(y - 1)
    elif rel == "next" or (not rel and tense > 0):
        if d <= ctx.ref and (rel == "next" or d < ctx.ref):
            d = rule(y + 1)
    return _on_day(d, pod, "reference")


def _on_day(day: dt.date, pod: Optional[str], anchored: str) -> Resolved:
    """The holiday's day, or a part of it ("Christmas night": 12-25TNI)."""
    if pod:
        return Resolved("TIME", fmt_day(day) + PARTS_OF_DAY.get(pod, ""), anchored=anchored)
    return Resolved("DATE", fmt_day(day), anchored=anchored)
