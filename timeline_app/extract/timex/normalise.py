"""Normalisation: a recognised match -> TIMEX3 type, value and mod, resolved against the reference date, the
clause's tense or the narrative (:mod:`anchor`). One function per rule of :mod:`recognise`, same name.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from .. import regex_cache as rc
from .anchor import (BC_BASE, BC_FLOOR, Context, add_months, bc_stand_in, fmt_day, fmt_unit, fmt_week, looks_back,
                     shift, weekday_from, weekday_in_week)
from .lexicon import (MONTHS, PARTS_OF_DAY, POSITION_MODS, QUANTITY_MODS, SEASONS, UNITS,
                      VAGUE_QUANTITIES, WEEKDAYS, number_value, ordinal_value, unit_of)


class Resolved:
    """What a normaliser found: TIMEX3 type, value and mod, how it was anchored, and an interval override for
    expressions whose extent is not the value's own (PAST_REF, "earlier this year").
    (A plain class, not a dataclass: dataclass creation costs start-up time.)"""
    __slots__ = ("type", "value", "mod", "anchored", "begin", "end", "granularity")

    def __init__(self, type: str, value: str, mod: Optional[str] = None, anchored: str = "explicit",   # noqa: A002
                 begin: Optional[dt.datetime] = None, end: Optional[dt.datetime] = None,
                 granularity: Optional[str] = None) -> None:
        self.type, self.value, self.mod, self.anchored = type, value, mod, anchored
        self.begin, self.end, self.granularity = begin, end, granularity

    def __repr__(self) -> str:
        return f"Resolved({self.type}, {self.value!r}, mod={self.mod}, anchored={self.anchored})"


def plain(s: Optional[str]) -> str:
    """Lower case, single spaces: the form the lexicon's tables are keyed by."""
    return rc.sub(r"\s+", " ", (s or "").strip().lower())


def _month(word: str) -> int:
    return MONTHS[plain(word).rstrip(".") if plain(word) not in MONTHS else plain(word)]


def _weekday(word: str) -> int:
    w = plain(word)
    w = w[:-2] if w.endswith("'s") else w
    return WEEKDAYS[w]


def _pos_mod(word: Optional[str]) -> Optional[str]:
    w = plain(word).replace("-", "")
    if not w:
        return None
    if w in POSITION_MODS:
        return POSITION_MODS[w]
    w = rc.sub(r"\s+the$", "", w)
    return POSITION_MODS.get(w) or POSITION_MODS.get("the " + w)


def _qmod(word: Optional[str]) -> Optional[str]:
    return QUANTITY_MODS.get(plain(word)) if word else None


def _year(text: str, ref: dt.date) -> int:
    t = text.strip()
    if t.startswith(("'", "’")):
        yy = int(t[1:])
        century = ref.year // 100 * 100
        y = century + yy
        return y - 100 if y > ref.year + 20 else y
    if len(t) == 2:
        y = 1900 + int(t)
        return y + 100 if y < ref.year - 80 else y
    return int(t)


def _rel_year(word: str, ref: dt.date) -> int:
    w = plain(word)
    return ref.year + (-1 if w.startswith("last") else 1 if w.startswith("next") else 0)



#: A bare month this many months before the story's month starts the story's next year.
STORY_TURN_MONTHS = 4
def _month_year_by_tense(month: int, ctx: Context, start: int, end: int) -> int:
    story = ctx.story_time_at(start, end)
    if story is not None:
        # a history narrative: "In June" is June of the year the story is in; a story told in order that
        # names a month well before the one it is in has moved on to the next year ("In December ... In January")
        if story.unit in ("day", "month") and month <= story.begin.month - STORY_TURN_MONTHS \
                and not looks_back(ctx.text, start):
            return story.begin.year + 1
        return story.begin.year
    ref = ctx.ref
    tense = ctx.tense(start, end)
    if abs(month - ref.month) < 3 and abs(tense) < 2:
        return ref.year       # a month close to the reference is in its year unless the verb says otherwise
    if tense == 0:
        # no tense to go by: the nearest such month, looking back a little further than ahead
        back = (ref.month - month) % 12
        return ref.year - (month > ref.month) if back <= 7 else ref.year + (month < ref.month)
    if tense < 0 and month > ref.month:
        return ref.year - 1
    if tense > 0 and month < ref.month:
        return ref.year + 1
    return ref.year


def _by_story_or_reference(ctx: Context, m: re.Match) -> str:
    return "narrative" if ctx.story_year(m.start(), m.end()) is not None else "reference"


def _with_pod(value: str, pod: Optional[str]) -> tuple[str, str]:
    """Adds a part of the day (TNI, T12:00) to a day value; TIME when one is added."""
    if not pod:
        return value, "DATE"
    suffix = PARTS_OF_DAY.get(plain(pod))
    if not suffix:
        return value, "DATE"
    return value + suffix, "TIME"


# ---- normalisers ------------------------------------------------------------------------------------------
def iso_date(m: re.Match, ctx: Context) -> Optional[Resolved]:
    try:
        d = dt.date(int(m["y"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return Resolved("TIME", f"{fmt_day(d)}T{m['hh']}:{m['mm']}")
    return Resolved("DATE", fmt_day(d))


def slash_date(m: re.Match, ctx: Context) -> Optional[Resolved]:
    y = _year(m["y"], ctx.ref)
    mo, d = int(m["mo"]), int(m["d"])
    if mo > 12 and d <= 12:
        mo, d = d, mo      # day/month order
    try:
        return Resolved("DATE", fmt_day(dt.date(y, mo, d)))
    except ValueError:
        return None


def _month_day(m: re.Match, ctx: Context) -> Optional[Resolved]:
    month = _month(m["mon"])
    day = int(m["day"])
    anchored = "explicit"
    g = m.groupdict()
    if m["y"]:
        year = _year(m["y"], ctx.ref)
    elif g.get("thatyear") and ctx.last is not None:
        # "July 25 of that year", "January 24 of the following year"
        step = plain(g["thatyear"])
        year = ctx.last.begin.year + (1 if step in ("the following", "the next") else -1 if step == "the previous" else 0)
        anchored = "narrative"
    elif g.get("wd"):
        # A weekday pins the year: the nearest year (to the reference) where the date falls on it.
        wd = _weekday(m["wd"])
        year = ctx.ref.year
        for cand in (ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1):
            try:
                if dt.date(cand, month, day).isoweekday() == wd:
                    year = cand
                    break
            except ValueError:
                continue
        anchored = "reference"
    else:
        rel = rc.search(r"\b(last|past|next|coming|this)\s+\Z", ctx.text[max(0, m.start() - 8):m.start()], re.I)
        rel = rel and rel[1].lower()
        ref = ctx.ref
        if rel in ("last", "past"):         # "last Oct. 23": the most recent one before the reference
            year = ref.year if (month, day) < (ref.month, ref.day) else ref.year - 1
        elif rel in ("next", "coming"):     # "next March 5": the first one after it
            year = ref.year if (month, day) > (ref.month, ref.day) else ref.year + 1
        elif rel == "this":
            year = ref.year
        else:
            year = _month_year_by_tense(month, ctx, m.start(), m.end())
        anchored = _by_story_or_reference(ctx, m)
    try:
        d = dt.date(year, month, day)
    except ValueError:
        if month == 2 and day == 29:
            return Resolved("DATE", f"{year:04d}-02-29", anchored=anchored)
        return None
    value, type_ = _with_pod(fmt_day(d), g.get("podof"))
    return Resolved(type_, value, mod=_pos_mod(g.get("pmod")), anchored=anchored)


month_day = _month_day
day_month = _month_day


def week_of(m: re.Match, ctx: Context) -> Optional[Resolved]:
    day = _month_day(m, ctx)
    try:
        d = dt.date(int(day.value[:4]), int(day.value[5:7]), int(day.value[8:10]))
    except (AttributeError, ValueError):
        return None         # no such day ("the week of Feb. 29" in a common year)
    return Resolved("DATE", fmt_week(d), anchored=day.anchored)


def month(m: re.Match, ctx: Context) -> Optional[Resolved]:
    mon = _month(m["mon"])
    rel = plain(m["rel"])
    mod = _pos_mod(m["pmod"])
    anchored = "reference"
    if m["y"]:
        year, anchored = int(m["y"]), "explicit"
    elif m["ey"]:
        year, anchored = _era_year(m["ey"], m["era"]), "explicit"     # "April 480 BC"
        if year is None or not m["era"][:1].isupper():
            return None
    elif m["relyear"]:
        year = _rel_year(m["relyear"], ctx.ref)
    elif m["thatyear"] and ctx.last is not None:
        # "August of that year", "March of the following year": the narrative's year, or the one after/before
        step = plain(m["thatyear"])
        year = ctx.last.begin.year + (1 if step in ("the following", "the next") else -1 if step == "the previous" else 0)
        anchored = "narrative"
    elif rel in ("last", "past"):
        year = ctx.ref.year if mon < ctx.ref.month else ctx.ref.year - 1
    elif rel in ("next", "coming"):
        year = ctx.ref.year if mon > ctx.ref.month else ctx.ref.year + 1
    elif rel == "that" and ctx.last is not None:
        year, anchored = ctx.last.begin.year, "narrative"
    elif rel == "this":
        year = ctx.ref.year
    else:
        year, anchored = _month_year_by_tense(mon, ctx, m.start(), m.end()), _by_story_or_reference(ctx, m)
    return Resolved("DATE", f"{year:04d}-{mon:02d}", mod=mod, anchored=anchored)


_IN_YEAR_MOD = {"early": "START", "earlier": "START", "late": "END", "later": "END"}


def year(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"2020", "mid-2021", "fiscal 1990", "early in 1914"."""
    mod = _pos_mod(m["pmod"]) or _IN_YEAR_MOD.get(plain(m["pin"]))
    return Resolved("DATE", f"{int(m['y']):04d}", mod=mod)


def year_range(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"1992–[1994]", "2021–[22]": the second year of a range, with the first's century when it is short."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 100:
        return None
    return Resolved("DATE", f"{y2:04d}")


def week_of_month(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"the last week of March 1918": a week of a month, counted from its first or last day."""
    mon = _month(m["mon"])
    if m["y"]:
        year_, anchored = int(m["y"]), "explicit"
    else:
        year_, anchored = _month_year_by_tense(mon, ctx, m.start(), m.end()), _by_story_or_reference(ctx, m)
    first = dt.date(year_, mon, 1)
    o = plain(m["ord"])
    # the calendar week holding the middle of that stretch of seven days
    if o in ("last", "final"):
        day = add_months(first, 1) - dt.timedelta(days=4)
    else:
        day = first + dt.timedelta(days=3 + 7 * ({"first": 1, "second": 2, "third": 3, "fourth": 4}[o] - 1))
    return Resolved("DATE", fmt_week(day), anchored=anchored)


def year_range_start(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"[1915]–17": the first year of a range."""
    return Resolved("DATE", f"{int(m['y1']):04d}")


def _era_year(number: str, era: str) -> Optional[int]:
    """The year (a stand-in for one BC, see anchor.BC_BASE) of "480" in "480 BC"; None for an impossible one."""
    n = int(number)
    if not 0 < n < BC_BASE - BC_FLOOR:
        return None
    return bc_stand_in(n) if era.upper().startswith("B") else n


def era_year(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"480 BC", "43 AD", and the second side of "499–493 BC"."""
    if not m["era"][:1].isupper():
        return None
    y = _era_year(m["y"], m["era"])
    return Resolved("DATE", f"{y:04d}", mod=_pos_mod(m["pmod"])) if y is not None else None


def era_before_year(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"AD 29": the year after its era."""
    return era_year(m, ctx)


def era_year_start(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"[499]–493 BC": the first side of a range shares its era."""
    if not m["era"][:1].isupper():
        return None
    y = _era_year(m["y1"], m["era"])
    return Resolved("DATE", f"{y:04d}") if y is not None else None


def _with_day(r: Optional[Resolved], day: str) -> Optional[Resolved]:
    """A day value with its day of the month replaced: "[6]–7 January 1918" is 1918-01-06."""
    if r is None or len(r.value) < 10:
        return None
    try:
        dt.date(int(r.value[:4]), int(r.value[5:7]), int(day))
    except ValueError:
        return None
    return Resolved(r.type, f"{r.value[:8]}{int(day):02d}{r.value[10:]}", anchored=r.anchored)


def day_range(m: re.Match, ctx: Context) -> Optional[Resolved]:
    return _month_day(m, ctx)


def day_range_start(m: re.Match, ctx: Context) -> Optional[Resolved]:
    return _with_day(_month_day(m, ctx), m["d1"])


month_day_range = day_range
month_day_range_start = day_range_start


def _month_in_range(mon: str, m: re.Match, ctx: Context) -> Resolved:
    month_ = _month(mon)
    if m["y"]:
        return Resolved("DATE", f"{int(m['y']):04d}-{month_:02d}")
    year_ = _month_year_by_tense(month_, ctx, m.start(), m.end())
    return Resolved("DATE", f"{year_:04d}-{month_:02d}", anchored=_by_story_or_reference(ctx, m))


def month_range(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"from May to [August 1917]"."""
    return _month_in_range(m["mon"], m, ctx)


def month_range_start(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"from [May] to August 1917": the year of the second side."""
    return _month_in_range(m["mon1"], m, ctx)


def decade(m: re.Match, ctx: Context) -> Optional[Resolved]:
    if m["dec"]:
        d = int(m["dec"]) // 10
    else:
        yy = int(m["dec2"])
        d = (ctx.ref.year // 100 * 100 + yy) // 10
        if d * 10 > ctx.ref.year:
            d -= 10
    return Resolved("DATE", f"{d:03d}", mod=_pos_mod(m["pmod"] or m["pmod2"]))


def century(m: re.Match, ctx: Context) -> Optional[Resolved]:
    mod = _pos_mod(m["pmod"])
    if m["era"] and m["era"][:1] in "Bb" and not m["rel"]:
        n = ordinal_value(m["ord"] or m["num"])      # "the 5th century BC": BC04 (TIMEX3 counts centuries from 0)
        return Resolved("DATE", f"BC{n - 1:02d}", mod=mod) if n and 1 <= n <= 40 else None
    if m["rel"]:
        rel = plain(m["rel"])
        c = ctx.ref.year // 100 + (-1 if rel in ("last", "the last", "the past", "the previous") else
                                   1 if rel == "next" else 0)
        if rel in ("the past", "the last"):
            return Resolved("DURATION", "P100Y", mod=mod)
        return Resolved("DATE", f"{c:02d}", mod=mod, anchored="reference")
    n = ordinal_value(m["ord"] or m["num"])
    if not n or n < 1 or n > 30:
        return None
    return Resolved("DATE", f"{n - 1:02d}", mod=mod)


def season(m: re.Match, ctx: Context) -> Optional[Resolved]:
    code = SEASONS[plain(m["season"])]
    rel = plain(m["rel"])
    mod = _pos_mod(m["pmod"])
    ref = ctx.ref
    current = {1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA",
               12: "WI"}[ref.month]
    order = ["SP", "SU", "FA", "WI"]
    season_year = ref.year - (1 if ref.month <= 2 else 0)     # WI of year Y runs Dec Y - Feb Y+1
    y = m["y"] or m["y1"]
    if y:
        return Resolved("DATE", f"{int(y):04d}-{code}", mod=mod)
    if m["ey"]:
        era_year_ = _era_year(m["ey"], m["era"])      # "the spring of 480 BC"
        return Resolved("DATE", f"{era_year_:04d}-{code}", mod=mod) if era_year_ and m["era"][:1].isupper() else None
    story = ctx.story_year(m.start(), m.end())
    if story is not None and rel not in ("last", "past", "this"):
        # a history narrative: the season of the story's year ("the next spring": the year after)
        return Resolved("DATE", f"{story + (rel in ('next', 'coming')):04d}-{code}", mod=mod, anchored="narrative")
    here = order.index(current)
    there = order.index(code)
    if rel in ("last", "past"):
        year_ = season_year if there < here else season_year - 1
    elif rel in ("next", "coming"):
        year_ = season_year if there > here else season_year + 1
    elif rel == "this" or there == here:
        year_ = season_year
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense < 0 and there > here:
            year_ = season_year - 1
        elif tense > 0 and there < here:
            year_ = season_year + 1
        else:
            year_ = season_year
    return Resolved("DATE", f"{year_:04d}-{code}", mod=mod, anchored="reference")


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter_year_by_tense(unit: str, o: str, ctx: Context, start: int, end: int) -> int:
    """The year of a quarter or half named without one ("the fourth quarter"): the reference's, unless a
    past-tense clause speaks of one that has not begun yet (a fourth quarter reported in January is last
    year's). Not the other way round: a future clause is often about a past quarter ("expects to report
    third-quarter results" in October)."""
    ref = ctx.ref
    if unit == "half":
        n = 2 if o in ("second", "2nd", "final", "last") else 1
        first = 6 * n - 5
    else:
        n = 4 if o in ("final", "last") else _ORD_Q.get(o, 0)
        if not n:
            return ref.year
        first = 3 * n - 2
    if first <= ref.month:
        return ref.year
    return ref.year - 1 if ctx.tense(start, end) < 0 else ref.year


def quarter(m: re.Match, ctx: Context) -> Optional[Resolved]:
    unit = plain(m["unit"])
    o = plain(m["ord"])
    anchored = "explicit"
    y = m["y"] or m["y1"]
    det = plain(m["det"])
    if y and y[:1].isdigit():
        year_ = int(y)
    elif y:
        year_, anchored = _rel_year(y, ctx.ref), "reference"
    elif det in ("last", "next"):
        year_, anchored = _rel_year(det, ctx.ref), "reference"
    else:
        year_, anchored = _quarter_year_by_tense(unit, o, ctx, m.start(), m.end()), "reference"
    if m["ago"] and "comparable" not in plain(m["ago"]):
        year_ -= 1
    if unit == "period":
        return None if o not in _ORD_Q else Resolved("DATE", f"{year_:04d}-Q{_ORD_Q[o]}", anchored=anchored)
    if unit == "half":
        n = 2 if o in ("second", "2nd", "final", "last") else 1 if o in ("first", "1st") else None
        return Resolved("DATE", f"{year_:04d}-H{n}", anchored=anchored) if n else None
    n = 4 if o in ("final", "last") else _ORD_Q.get(o)
    return Resolved("DATE", f"{year_:04d}-Q{n}", anchored=anchored) if n else None


def q_short(m: re.Match, ctx: Context) -> Optional[Resolved]:
    if not m["q"][:1].isupper():
        return None
    year_ = int(m["y"]) if m["y"] else ctx.ref.year
    return Resolved("DATE", f"{year_:04d}-{m['q'].upper()}", anchored="explicit" if m["y"] else "reference")


def _main_quarter(ctx: Context) -> dt.date:
    """The quarter a report is about: the last one named outright, else the last complete one."""
    if ctx.report_quarter is not None:
        return ctx.report_quarter.begin
    current = dt.date(ctx.ref.year, (ctx.ref.month - 1) // 3 * 3 + 1, 1)
    return add_months(current, -3)


def quarter_ref(m: re.Match, ctx: Context) -> Optional[Resolved]:
    words = plain(m.group(0))
    if plain(m["qunit"]) == "period" and not m["adj"] and not m["y1"]:
        return None
    ref = ctx.ref
    main = _main_quarter(ctx)
    if m["y1"] and plain(m["qunit"]) == "period" and ctx.report_quarter is None:
        return Resolved("DATE", f"{int(m['y1']):04d}")       # "the 1988 period" outside a quarterly report
    if m["y1"]:
        # "the 1988 quarter", "the 1989 period" in a quarterly report: the report's quarter, in that year
        return Resolved("DATE", f"{int(m['y1']):04d}-Q{(main.month - 1) // 3 + 1}", anchored="narrative")
    current = dt.date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
    ended = rc.match(r"\s+(?:that\s+)?ended\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+\d{1,2}\b", ctx.text[m.end():m.end() + 30])
    if ended and plain(ended["mon"]).rstrip(".") in MONTHS and not words.startswith(("last", "next")) \
            and "year" not in words:
        # "the quarter ended Sept. 30": the three months up to that date, in the year the tense points to
        month_ = _month(ended["mon"])
        year_ = _month_year_by_tense(month_, ctx, m.start(), m.end())
        end_month = dt.date(year_, month_, 1)
        return Resolved("DATE", fmt_unit(add_months(end_month, -2), "quarter"), anchored="reference")
    if "year-ago" in words or "year-earlier" in words or "year ago" in words:
        return Resolved("DATE", fmt_unit(add_months(main, -12), "quarter"), anchored="narrative")
    if "current" in words or words.startswith("this"):
        return Resolved("DATE", fmt_unit(current, "quarter"), anchored="reference")
    if "next" in words:
        return Resolved("DATE", fmt_unit(add_months(current, 3), "quarter"), anchored="reference")
    if "previous" in words or "prior" in words or words.startswith("last"):
        return Resolved("DATE", fmt_unit(add_months(main, -3), "quarter"), anchored="narrative")
    # "the quarter", "the latest quarter", "that quarter": the quarter the report is about
    return Resolved("DATE", fmt_unit(main, "quarter"), anchored="narrative" if ctx.main_quarter else "reference")


def _clock_day(m: re.Match, ctx: Context) -> tuple[dt.date, str]:
    g = m.groupdict()
    if g.get("wd"):
        direction = ctx.tense(m.start(), m.end()) or -1
        return weekday_from(ctx.ref, _weekday(m["wd"]), direction), "reference"
    if g.get("rd"):
        w = plain(m["rd"])
        return ctx.ref + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0)), "reference"
    if g.get("mon"):
        mon = _month(m["mon"])
        try:
            if g.get("y"):
                return dt.date(int(m["y"]), mon, int(m["day"])), "explicit"
            return dt.date(_month_year_by_tense(mon, ctx, m.start(), m.end()), mon, int(m["day"])), "reference"
        except ValueError:
            pass
    # "5:34 AM Baghdad time on March 20, 2003": the date named after a place's time (its own expression)
    placed = rc.match(r"\s+[A-Z][a-z]+\s+time,?\s+on\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<y>\d{4}))?\b",
                      ctx.text[m.end():m.end() + 50])
    if placed and plain(placed["mon"]) in MONTHS:
        mon = _month(placed["mon"])
        try:
            year_ = int(placed["y"]) if placed["y"] else _month_year_by_tense(mon, ctx, m.start(), m.end())
            return dt.date(year_, mon, int(placed["day"])), "explicit" if placed["y"] else "reference"
        except ValueError:
            pass
    # "10:35 a.m. (0735 GMT) Friday": the day named right after a parenthesis
    later = rc.match(r"\s*\([^()]{1,30}\)\s*,?\s*(?:on\s+)?(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
                     ctx.text[m.end():m.end() + 50], re.I)
    if later and later["wd"][:1].isupper():
        direction = ctx.tense(m.start(), m.end()) or -1
        return weekday_from(ctx.ref, _weekday(later["wd"]), direction), "reference"
    if ctx.last is not None and ctx.last.unit == "day" and m.start() - ctx.last.position < 200 \
            and not (ctx.last.begin > ctx.ref and ctx.tense(m.start(), m.end()) < 0):
        # (not a day ahead for a time in the past: "a session could be held on Wednesday. ... shells had started
        # falling at 1434 local time")
        return ctx.last.begin, "narrative"
    if ctx.story and ctx.last_day is not None:
        return ctx.last_day.begin, "narrative"       # a history narrative: a time on the story's last day
    return ctx.ref, "reference"


def _names_day(m: re.Match) -> bool:
    g = m.groupdict()
    return bool(g.get("wd") or g.get("rd") or g.get("mon"))


def _midnight(m: re.Match, ctx: Context, day: dt.date, anchored: str) -> Resolved:
    """Which midnight. Convention: "midnight Friday" (the expression names its day) and a midnight ahead ("will
    expire at midnight", "the curfew starts at midnight") are the END of that day (T24:00); a bare midnight in a
    past-tense clause about the reference day ("struck around midnight" in today's news) is the night just
    ended: the START of the reference day (T00:00). A bare midnight on an earlier narrative day stays its end."""
    if _names_day(m) or ctx.tense(m.start(), m.end()) >= 0 or day != ctx.ref:
        return Resolved("TIME", f"{fmt_day(day)}T24:00", anchored=anchored)
    mod = "APPROX" if m.groupdict().get("approx") or rc.search(
        r"\b(?:around|about|approximately)\s+\Z", ctx.text[max(0, m.start() - 16):m.start()], re.I) else None
    return Resolved("TIME", f"{fmt_day(day)}T00:00", mod=mod, anchored=anchored)


def clock(m: re.Match, ctx: Context) -> Optional[Resolved]:
    day, anchored = _clock_day(m, ctx)
    minute = 0
    if m["word"]:
        w = plain(m["word"])
        if w == "midnight":
            return _midnight(m, ctx, day, anchored)
        hour = 12
    elif m["h24"] is not None:
        hour, minute = int(m["h24"]), int(m["m24"])
        if m["s24"]:
            return Resolved("TIME", f"{fmt_day(day)}T{hour:02d}:{minute:02d}:{m['s24']}", anchored=anchored)
    elif m["hw"]:
        h = number_value(m["hw"])
        if h is None or not 1 <= h <= 12:
            return None
        hour = int(h) % 12 + (12 if plain(m["pod"]) in ("afternoon", "evening") else 0)
    else:
        hour = int(m["h"])
        minute = int(m["m"] or 0)
        pm = plain(m["ampm"]).startswith("p")
        if hour > 12 or hour == 0 and pm:
            return None
        hour = hour % 12 + (12 if pm else 0)
    if anchored == "narrative" and hour < 6 and ctx.last is not None and ctx.last.value.endswith("TNI"):
        day += dt.timedelta(days=1)      # "late the night before ... at around 4 a.m.": that night's small hours
    mod = "APPROX" if m["approx"] else None
    return Resolved("TIME", f"{fmt_day(day)}T{hour:02d}:{minute:02d}", mod=mod, anchored=anchored)


def military_clock(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"0735 GMT": a wire-copy clock time, on the narrative's day when one is near."""
    day, anchored = _clock_day(m, ctx)
    return Resolved("TIME", f"{fmt_day(day)}T{m['hh']}:{m['mm']}", anchored=anchored)


def weekday(m: re.Match, ctx: Context) -> Optional[Resolved]:
    wd = _weekday(m["wd"])
    rel = plain(m["rel"])
    pod = m["pod"]
    if m["plural"] or (pod and plain(pod).endswith("s") and plain(pod) not in ("overnight",)):
        value, _ = _with_pod(f"XXXX-WXX-{wd}", plain(pod).rstrip("s") if pod else None)
        return Resolved("SET", value)
    ref = ctx.ref
    anchored = "reference"
    small_hours = rel.startswith("the early hours")
    if m["podof"]:
        pod, rel = m["podof"], ""
    elif small_hours:
        pod, rel = "morning", ""
    mod = {"early": "START", "earlier": "START", "late": "END", "later": "END", "early on": "START",
           "late on": "END"}.get(rel)
    if rel == "last":
        # "last Tuesday" is the Tuesday of the week before the reference's (said on a Wednesday, not yesterday:
        # that is "on Tuesday"); TimeBank's "last Monday" on a Monday is a week before too
        d = weekday_in_week(ref - dt.timedelta(days=7), wd)
    elif rel in ("past", "previous"):
        d = weekday_from(ref - dt.timedelta(days=1), wd, -1)     # "this past Tuesday": the latest one
    elif rel in ("next", "coming"):
        d = weekday_from(ref + dt.timedelta(days=1), wd, 1)
    elif rel in ("the following", "the next", "following") and ctx.last is not None:
        d, anchored = weekday_from(ctx.last.begin + dt.timedelta(days=1), wd, 1), "narrative"
    elif rel in ("the previous", "that") and ctx.last is not None:
        d, anchored = weekday_from(ctx.last.begin - dt.timedelta(days=1), wd, -1), "narrative"
    elif (ctx.last is not None and ctx.last.unit == "week" and ctx.last.rule == "relative_unit"
          and m.start() - ctx.last.position < 300
          and ctx.text.count("\n", ctx.last.position, m.start()) == 0
          and not ctx.last.begin <= ref < ctx.last.begin + dt.timedelta(days=7) and wd != ref.isoweekday()):
        # "last week ... On Monday", in the same paragraph: only a week expression names the week ("two weeks
        # ago" is a point in time); a new paragraph is back in the reference week
        d, anchored = weekday_in_week(ctx.last.begin, wd), "narrative"
    elif ctx.story and ctx.last_day is not None and rel in ("", "early", "late", "early on", "late on") \
            and ctx.tense(m.start(), m.end()) <= 0:
        # a history narrative: the first such weekday from the story's last day on
        d, anchored = weekday_from(ctx.last_day.begin, wd, 1), "narrative"
    else:
        direction = ctx.tense(m.start(), m.end())
        if not rel and rc.match(r"['’]s\b", ctx.text[m.end():m.end() + 3]):
            direction = -1 if _possessive_past(m, ctx) else 1
        if rel == "this" and direction == 0:
            direction = 1
        d = weekday_from(ref, wd, direction or -1)
    value, type_ = _with_pod(fmt_day(d), pod)
    if small_hours:     # "the early hours of Tuesday": midnight to dawn
        start = dt.datetime.combine(d, dt.time())
        return Resolved(type_, value, mod="START", anchored=anchored, begin=start,
                        end=start + dt.timedelta(hours=6), granularity="part-of-day")
    return Resolved(type_, value, mod=mod, anchored=anchored)


def _possessive_past(m: re.Match, ctx: Context) -> bool:
    """"get around Wednesday's ruling": a weekday owning an event noun names an event already reported, even in
    a clause about what someone would do next, unless the clause looks ahead to it ("ahead of Sunday's vote")."""
    return not rc.search(r"\b(?:will|shall|'ll|upcoming|ahead\s+of|until|next|coming|await\w*|prepar\w*)"
                         r"\s+(?:\w+\s+){0,2}\Z", ctx.text[max(0, m.start() - 40):m.start()], re.I)


def relative_day(m: re.Match, ctx: Context) -> Optional[Resolved]:
    w = plain(m["w"])
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}[w]
    d = ctx.ref + dt.timedelta(days=offset)
    pod = m["pod"] or ("night" if w == "tonight" else None)
    value, type_ = _with_pod(fmt_day(d), pod)
    pmod = plain(m["pmod"])
    mod = {"early": "START", "late": "END"}.get(pmod)
    return Resolved(type_, value, mod=mod, anchored="reference")


def pod(m: re.Match, ctx: Context) -> Optional[Resolved]:
    rel = plain(m["rel"])
    p = plain(m["pod"])
    if rel == "last" and p in ("night", "evening"):
        d, anchored = ctx.ref - dt.timedelta(days=1), "reference"
    elif rel == "this":
        d, anchored = ctx.ref, "reference"
    elif rel in ("the next", "the following"):
        base, _, anchored = ctx.anchor(m.start(), "day")
        d = base + dt.timedelta(days=1)
    elif rel == "the previous":
        base, _, anchored = ctx.anchor(m.start(), "day")
        d = base - dt.timedelta(days=1)
    else:       # "that night", "the same morning", "the morning": the narrative's day
        d, _, anchored = ctx.anchor(m.start(), "day")
    value, type_ = _with_pod(fmt_day(d), p)
    return Resolved(type_, value, mod=_pos_mod(m["pmod"]), anchored=anchored)


def pod_bare(m: re.Match, ctx: Context) -> Optional[Resolved]:
    p = plain(m["pod"]).replace(" ", "-")
    if p in ("midafternoon", "midmorning"):
        p = "mid-" + p[3:]
    if m["wd"] or m["rd"]:
        d, anchored = _clock_day(m, ctx)
    elif ctx.last is not None and ctx.last.unit in ("day", "part-of-day") and m.start() - ctx.last.position < 600:
        d, anchored = ctx.last.begin, "narrative"
    else:
        d, anchored = ctx.ref, "reference"
    if p == "midnight":
        return _midnight(m, ctx, d, anchored)
    before = ctx.text[max(0, m.start() - 8):m.start()].lower()
    mod = "AFTER" if before.rstrip().endswith("after") else "BEFORE" if before.rstrip().endswith("before") else None
    value, type_ = _with_pod(fmt_day(d), p)
    return Resolved(type_, value, mod=mod, anchored=anchored)


_UNIT_OF = {"day": "day", "week": "week", "weekend": "weekend", "month": "month", "year": "year",
            "decade": "decade", "century": "century", "fortnight": "week"}


#: "over the next decade": a stretch of time counted from now, not the calendar decade.
_STRETCH_BEFORE = r"\b(?:over|during|throughout|for|within)\s+\Z"


def relative_unit(m: re.Match, ctx: Context) -> Optional[Resolved]:
    rel = plain(m["rel"]).replace("the ", "").replace("that same", "same").replace("this same", "same")
    if rel in ("next", "coming") and plain(m["rel"]).startswith("the ") and not m["pmod"] and not m["pmod2"] \
            and plain(m["unit"]) in ("decade", "century") \
            and rc.search(_STRETCH_BEFORE, ctx.text[max(0, m.start() - 12):m.start()], re.I):
        return Resolved("DURATION", {"decade": "P10Y", "century": "P100Y"}[plain(m["unit"])], granularity="duration")
    has_the = plain(m["rel"]).startswith("the ")
    unit = _UNIT_OF[plain(m["unit"])]
    pmod = plain(m["pmod"] or m["pmod2"])
    if m["inthe"]:
        if unit == "day":
            return None     # "later in the day": TimeML corpora disagree on it; left untagged as before
        # "earlier in the year": the year of the narrative when a date of that unit was just named outright
        # ("In 1975 ... Later in the year"), else the reference's, as "earlier this year"
        last = ctx.last
        named = last is not None and last.unit == unit and last.rule in ("year", "month", "month_day", "day_month",
                                                                           "iso_date", "slash_date", "weekday")
        rel = "that" if named and m.start() - last.position < 400 else "this"
    mod = {"early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
           "the end of": "END", "end of": "END", "the beginning of": "START", "the middle of": "MID"}.get(pmod)
    ref = ctx.ref
    anchored = "reference"
    if rel == "this" and unit == "day" and ctx.story and ctx.last_day is not None:
        # a history's "this day" is the story's day ("referred to this day as the Black Day")
        return Resolved("DATE", fmt_day(ctx.last_day.begin), anchored="narrative")
    if rel in ("this", "current", "present"):
        base = ref
    elif rel in ("last", "previous", "past", "prior", "preceding", "latest"):
        if has_the and rel in ("past", "last") and unit not in ("weekend",):
            # "the past year", "the last week": the stretch up to now
            n_value = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "decade": "P10Y",
                       "century": "P100Y"}[unit]
            begin = dt.datetime.combine(shift(ref, -1, unit), dt.time())
            end = dt.datetime.combine(ref + dt.timedelta(days=1), dt.time())
            if unit in ("year", "decade"):
                # TimeML names the stretch by the calendar unit it mostly falls in ("over the past year": 2021)
                return Resolved("DATE", fmt_unit(shift(ref, -1, unit), unit), anchored="reference", begin=begin,
                                end=end, granularity=unit)
            return Resolved("DURATION", n_value, anchored="reference", begin=begin, end=end, granularity="duration")
        if has_the or rel in ("previous", "prior", "preceding"):
            base, _, anchored = ctx.anchor(m.start(), unit)
            base = shift(base, -1, unit)
        else:
            base = shift(ref, -1, unit)
            if unit == "weekend" and ref.isoweekday() in (6, 7):
                base = ref - dt.timedelta(days=7)
    elif rel in ("next", "coming", "following"):
        if has_the and rel in ("next", "following") or rel == "following":
            base, _, anchored = ctx.anchor(m.start(), unit)
            if ctx.last is None and rel == "next" and has_the:
                anchored = "reference"
            base = shift(base, 1, unit)
        else:
            base = shift(ref, 1, unit)
    elif rel in ("that", "same"):
        base, _, anchored = ctx.anchor(m.start(), unit)
    else:
        return None
    if unit == "weekend" and rel in ("this",) and ref.isoweekday() == 7:
        base = ref - dt.timedelta(days=1)
    value = fmt_unit(base, unit)
    begin = end = None
    if pmod in ("earlier", "later") and rel in ("this", "current") and unit != "day":
        from .interval import value_interval
        ub, ue, _ = value_interval(value)
        r0 = dt.datetime.combine(ref, dt.time())
        if ub is not None and ue is not None:
            begin, end = (ub, r0 + dt.timedelta(days=1)) if pmod == "earlier" else (r0, ue)
            mod = None
    type_ = "DATE"
    if unit == "day" and pmod in ("earlier", "later"):
        mod = None
    return Resolved(type_, value, mod=mod, anchored=anchored, begin=begin, end=end,
                    granularity="unknown" if begin is not None else None)


def _duration_value(n: Optional[float], unit: str) -> str:
    letter, is_time, mult = UNITS[unit]
    if unit in ("decade", "century", "millennium"):
        if n is None:
            return f"PX{letter}"
        n, letter = n * {"decade": 10, "century": 100, "millennium": 1000}[unit], "Y"
    elif unit == "weekend":
        if n is None:
            return "PXWE"
        n, letter = n * 2, "D"
    elif n is not None:
        n *= mult
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if n == int(n):
        return f"{prefix}{int(n)}{letter}"
    # fractions in the next smaller unit: 5 1/2 hours -> PT5H30M
    whole = int(n)
    frac = n - whole
    smaller = {"Y": ("M", 12, False), "M": ("D", 30, False) if not is_time else ("S", 60, True),
               "W": ("D", 7, False), "D": ("H", 24, True), "H": ("M", 60, True), "S": ("S", 1, True),
               "Q": ("M", 3, False)}[letter]
    sub_letter, factor, sub_time = smaller
    sub = round(frac * factor)
    if whole == 0:
        return f"{'PT' if sub_time else 'P'}{sub}{sub_letter}"
    if sub_time and not is_time:
        return f"P{whole}{letter}T{sub}{sub_letter}"
    return f"{prefix}{whole}{letter}{sub}{sub_letter}"


def day_around(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"the day before", "the year after" with nothing after them: counted from the narrative's time;
    "the day after the attack on Oct. 7, 2023": counted from the date the event is given."""
    unit = plain(m["unit"])
    unit = "day" if unit == "night" else unit
    base, _, anchored = ctx.anchor(m.start(), unit)
    if m["event"]:
        mon = _month(m["mon"])
        year_ = int(m["y"]) if m["y"] else _month_year_by_tense(mon, ctx, m.start("mon"), m.end("day"))
        base, anchored = dt.date(year_, mon, int(m["day"])), "explicit" if m["y"] else "reference"
    sign = -1 if plain(m["dir"]) in ("before", "earlier") else 1
    value, type_ = _with_pod(fmt_unit(shift(base, sign, unit), unit), "night" if plain(m["unit"]) == "night" else None)
    return Resolved(type_, value, anchored=anchored)


def ordinal_day(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"on the 12th": that day of the reference month (or the month before, when the clause looks back); in a
    history, of the story's month."""
    day = int(m["day"])
    story = ctx.story_time_at(m.start(), m.end())
    if story is not None and story.unit in ("day", "month"):
        try:
            return Resolved("DATE", fmt_day(story.begin.replace(day=day)), anchored="narrative")
        except ValueError:
            return None
    ref = ctx.ref
    base = dt.date(ref.year, ref.month, 1)
    if day > ref.day and ctx.tense(m.start(), m.end()) < 0:
        base = add_months(base, -1)
    elif day < ref.day and ctx.tense(m.start(), m.end()) > 0:
        base = add_months(base, 1)
    try:
        return Resolved("DATE", fmt_day(base.replace(day=day)), anchored="reference")
    except ValueError:
        return None


def _count(num: str) -> Optional[float]:
    t = plain(num)
    if t in VAGUE_QUANTITIES or t.startswith(("hundreds", "thousands")):
        return None
    return number_value(t)


def _amount(m: re.Match) -> Optional[float]:
    """The number of units an expression counts ("three", "two and a half"), or None when vague."""
    n = _count(m["num"])
    if n is not None and m["half"]:
        n += 0.5
    return n


def ago(m: re.Match, ctx: Context) -> Optional[Resolved]:
    if m["bare"]:
        # "hours later", "days earlier": near the narrative's time, at the precision the unit allows
        unit = unit_of(m["bare"])
        base, _, anchored = ctx.anchor(m.start(), unit)
        sign = 1 if plain(m["bdir"]) == "later" else -1
        if unit in ("hour", "minute"):
            return Resolved("DATE", fmt_day(base), anchored=anchored)
        step = {"day": ("day", 3, "week"), "week": ("week", 3, "month"), "month": ("month", 3, "year")}[unit]
        return Resolved("DATE", fmt_unit(shift(base, sign * step[1], step[0]), step[2]), anchored=anchored)
    unit = unit_of(m["unit"])
    if unit is None:
        return None
    n = _amount(m)
    direction = plain(m["dir"])
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    narrative = direction in ("earlier", "later", "before", "after", "prior")
    if narrative and direction == "earlier" and rc.search(
            r"\b(?:compared\s+(?:with|to)|versus|than|(?:up|down|rose|fell|increased|decreased)\s+from|from)\b(?:[^.;]|\.\d){0,90}\Z",
            ctx.text[max(0, m.start() - 110):m.start()], re.I):
        # "up from $4 million a year earlier": a figure compared with the same time a year before now,
        # not a year before the last date named
        narrative = False
    day_anchor = False
    if narrative:
        base, base_unit, anchored = ctx.anchor(m.start(), unit)
        day_anchor = anchored == "narrative" and base_unit == "day"
    else:
        base, anchored = ctx.ref, "reference"
    mod = _qmod(m["qmod"])
    if n is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchored=anchored, mod=mod,
                        **_ref_interval("PAST_REF" if sign < 0 else "FUTURE_REF", ctx))
    if unit in ("hour", "minute", "second"):
        if n >= 24 and unit == "hour":
            d = base + dt.timedelta(days=sign * round(n / 24))
            return Resolved("DATE", fmt_day(d), mod=mod, anchored=anchored)
        return Resolved("DATE", fmt_day(base), mod=mod, anchored=anchored)
    whole = int(n) if n == int(n) else None
    if whole is None:
        # "a year and a half ago": count in months
        months = round(n * {"year": 12, "month": 1, "decade": 120}.get(unit, 0))
        if not months:
            d = base + dt.timedelta(days=sign * round(n * {"day": 1, "week": 7}.get(unit, 1)))
            return Resolved("DATE", fmt_day(d), mod=mod, anchored=anchored)
        return Resolved("DATE", fmt_unit(shift(base, sign * months, "month"), "month"), mod=mod, anchored=anchored)
    value_unit = {"decade": "year", "century": "year", "millennium": "year", "fortnight": "week",
                  "night": "day", "weekend": "weekend", "quarter": "quarter"}.get(unit, unit)
    if day_anchor and value_unit == "week":
        value_unit = "day"   # "On April 10 ... A week earlier": April 3, not the week around it
    last = ctx.last
    if (unit == "year" and whole == 1 and ctx.main_quarter is not None
            and m.start() - ctx.main_quarter.position < 500):
        # "a year ago" in a quarterly report: the same quarter a year before (TimeML)
        d = shift(ctx.main_quarter.begin, sign, "year")
        return Resolved("DATE", fmt_unit(d, "quarter"), mod=mod, anchored="narrative")
    if unit == "year" and last is not None and m.start() - last.position < 500:
        # "a year earlier/ago" after a quarter or a day: the same quarter or day, a year before (TimeML);
        # not after another "a year ago" (the same comparison again, not one a year further back)
        if last.unit == "quarter" and last.rule not in ("ago", "year_ago"):
            base, value_unit, anchored = last.begin, last.unit, "narrative"
    d = shift(base, sign * whole, unit)
    return Resolved("DATE", fmt_unit(d, value_unit), mod=mod, anchored=anchored)


def duration(m: re.Match, ctx: Context) -> Optional[Resolved]:
    unit = unit_of(m["unit"])
    if unit is None:
        return None
    n = _amount(m)
    value = _duration_value(n, unit)
    rel = plain(m["rel"])
    mod = _qmod(m["qmod"])
    begin = end = None
    if n is not None and rel in ("past", "last", "next", "coming") and unit not in ("hour", "minute", "second"):
        r0 = dt.datetime.combine(ctx.ref, dt.time())
        whole = int(n) if n == int(n) else None
        if whole:
            if rel in ("past", "last"):
                begin, end = dt.datetime.combine(shift(ctx.ref, -whole, unit), dt.time()), r0 + dt.timedelta(days=1)
            else:
                begin, end = r0, dt.datetime.combine(shift(ctx.ref, whole, unit), dt.time())
    return Resolved("DURATION", value, mod=mod, begin=begin, end=end, granularity="duration",
                    anchored="reference" if begin else "explicit")


def duration_range(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"between three and [six months]"."""
    unit = unit_of(m["unit"])
    n = _count(m["num"])
    return Resolved("DURATION", _duration_value(n, unit), granularity="duration") if unit and n else None


def duration_range_start(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"between [three] and six months": the first side counts in the second's unit."""
    unit = unit_of(m["unit"])
    n = _count(m["n1"])
    return Resolved("DURATION", _duration_value(n, unit), granularity="duration") if unit and n else None


def bare_units(m: re.Match, ctx: Context) -> Optional[Resolved]:
    unit = unit_of(m["unit"] or m["unit2"])
    return Resolved("DURATION", _duration_value(None, unit), granularity="duration") if unit else None


def set(m: re.Match, ctx: Context) -> Optional[Resolved]:       # noqa: A001 - the TIMEX3 type's name
    if m["adv"]:
        adv = plain(m["adv"])
        value = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
                 "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H", "quarterly": "P3M",
                 "biannually": "P6M", "semiannually": "P6M"}[adv]
        return Resolved("SET", value, granularity="set")
    if m["wd"]:
        return Resolved("SET", f"XXXX-WXX-{_weekday(m['wd'])}", granularity="set")
    if m["mon"]:
        return Resolved("SET", f"XXXX-{_month(m['mon']):02d}", granularity="set")
    if m["pod"]:
        return Resolved("SET", "XXXX-XX-XX" + PARTS_OF_DAY[plain(m["pod"])], granularity="set")
    unit = unit_of(m["unit"])
    if unit is None:
        return None
    if unit == "night" and not m["num"]:
        return Resolved("SET", "XXXX-XX-XXTNI", granularity="set")
    n = _count(m["num"]) if m["num"] else 1
    value = _duration_value(n or 1, unit)
    if "other" in plain(m.group(0)):
        value = _duration_value(2 * (n or 1), unit)
    return Resolved("SET", value, granularity="set")


_PRESENT = {"now", "right now", "currently", "current", "presently", "nowadays", "these days", "at present",
            "the present", "at the moment"}
_FUTURE_WORDS = {"soon", "shortly", "the future", "future", "later", "the near term", "the short term",
                 "the foreseeable future", "the near future", "the distant future"}



#: How far back or ahead, in days, "in recent years/months/weeks/days" and their like reach.
_UNIT_REACH = (("years", 3 * 365), ("months", 180), ("weeks", 42), ("days", 7))


def _vague_reach(word: str, by_word: dict) -> int:
    """Days a vague past or future expression reaches from the reference day."""
    for unit, days in _UNIT_REACH:
        if unit in word:
            return days
    return by_word.get(word, 365)


def _ref_interval(value: str, ctx: Context, word: str = "") -> dict:
    """A placeable interval for PAST_REF / PRESENT_REF / FUTURE_REF near the reference date."""
    r0 = dt.datetime.combine(ctx.ref, dt.time())
    day = dt.timedelta(days=1)
    if value == "PRESENT_REF":
        return {"begin": r0, "end": r0 + day, "granularity": "unknown"}
    if value == "PAST_REF":
        if word in ("earlier",):
            end = dt.datetime.combine(ctx.ref, ctx.ref_time) if ctx.ref_time else r0 + day
            return {"begin": r0, "end": end, "granularity": "unknown"}
        back = _vague_reach(word, {"recently": 21, "recent": 21, "lately": 21, "previously": 90})
        return {"begin": r0 - dt.timedelta(days=back), "end": r0 + day, "granularity": "unknown"}
    ahead = _vague_reach(word, {"soon": 30, "shortly": 7, "later": 1})
    return {"begin": r0 + day if word != "later" else r0, "end": r0 + dt.timedelta(days=ahead + 1), "granularity": "unknown"}


def vague(m: re.Match, ctx: Context) -> Optional[Resolved]:
    w = plain(m["w"])
    if w.endswith("then") or w in ("at that time", "at the time", "the time"):
        if ctx.last is None:
            return Resolved("DATE", "PAST_REF", anchored="reference", **_ref_interval("PAST_REF", ctx, w))
        mod = "AFTER" if w.startswith(("since", "from")) else "BEFORE" if w.startswith(("until", "till", "by")) else None
        if mod == "AFTER":
            # "since then": from the narrative's time up to the reference day
            begin = dt.datetime.combine(ctx.last.begin, dt.time())
            end = max(dt.datetime.combine(ctx.ref + dt.timedelta(days=1), dt.time()), begin)
            return Resolved("DATE", ctx.last.value, mod=mod, anchored="narrative", begin=begin, end=end,
                            granularity="unknown")
        return Resolved("DATE", ctx.last.value, mod=mod, anchored="narrative")
    if w in _PRESENT:
        value = "PRESENT_REF"
    elif w in _FUTURE_WORDS or "coming" in w or "next" in w:
        value = "FUTURE_REF"
    else:
        value = "PAST_REF"
    return Resolved("DATE", value, anchored="reference", **_ref_interval(value, ctx, w))


def spoken_year(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven", "the winter of nineteen
    ninety-four" (transcribed speech)."""
    if m["thousand"]:
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if not (plain(m.group(0)).startswith("the year") or rc.search(r"\b(?:in|by|since|until|of)\s+\Z", before)):
            return None
        rest = plain(m["thousand"])[len("two thousand"):].replace("and", "").strip()
        y = 2000 + int(number_value(rest) or 0) if rest else 2000
        return Resolved("DATE", f"{y:04d}")
    hi = {"eighteen": 18, "nineteen": 19, "twenty": 20}[plain(m["hi"])]
    lo_text = plain(m["lo"]).replace("-", " ")
    lo = 0 if lo_text == "hundred" else number_value(lo_text.replace("oh ", ""))
    if lo is None or not 0 <= lo <= 99:
        return None
    year = f"{hi * 100 + int(lo):04d}"
    if m["mon"]:
        return Resolved("DATE", f"{year}-{_month(m['mon']):02d}")
    if m["season"]:
        return Resolved("DATE", f"{year}-{SEASONS[plain(m['season'])]}")
    return Resolved("DATE", year)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def decade_word(m: re.Match, ctx: Context) -> Optional[Resolved]:
    d = ctx.ref.year // 100 * 10 + _DECADE_WORDS[plain(m["w"])]
    if d * 10 > ctx.ref.year:
        d -= 10
    return Resolved("DATE", f"{d:03d}", mod=_pos_mod(m["pmod"]), anchored="reference")


def weekend(m: re.Match, ctx: Context) -> Optional[Resolved]:
    ref = ctx.ref
    if ref.isoweekday() >= 6:
        sat = ref - dt.timedelta(days=ref.isoweekday() - 6)
    elif ctx.tense(m.start(), m.end()) > 0:
        sat = ref + dt.timedelta(days=6 - ref.isoweekday())
    else:
        sat = ref - dt.timedelta(days=ref.isoweekday() + 1)
    return Resolved("DATE", fmt_week(sat) + "-WE", anchored="reference")


def unit_edge(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"the end of the year", "year-end", "the beginning of next month": the unit, with START/MID/END."""
    which = plain(m["which"])
    unit = plain(m["unit"] or m["unit2"]) or "year"
    pos = plain(m["pos"]) or "end"
    mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID", "turn": "END"}[pos]
    if which == "that" and ctx.last is not None:
        return Resolved("DATE", fmt_unit(ctx.last.begin, unit), mod=mod, anchored="narrative")
    story = ctx.story_time_at(m.start(), m.end())
    if story is not None and which in ("", "the", "that"):
        return Resolved("DATE", fmt_unit(story.begin, unit), mod=mod, anchored="narrative")
    base = shift(ctx.ref, -1 if which == "last" else 1 if which == "next" else 0, unit)
    return Resolved("DATE", fmt_unit(base, unit), mod=mod, anchored="reference")


def the_unit(m: re.Match, ctx: Context) -> Optional[Resolved]:
    unit = plain(m["unit"])
    after = ctx.text[m.end():m.end() + 16].lower()
    if unit == "year" and rc.match(r"\s+(?:ended|ending|ends|that\s+ended|through|to\s+date)\b", after):
        return Resolved("DURATION", "P1Y", granularity="duration")
    if not m["adj"] and ctx.last is not None and ctx.last.unit == unit and m.start() - ctx.last.position < 400:
        return Resolved("DATE", ctx.last.value, anchored="narrative")
    story = ctx.story_time_at(m.start(), m.end())
    if story is not None and not m["adj"]:
        return Resolved("DATE", fmt_unit(story.begin, unit), anchored="narrative")
    return Resolved("DATE", fmt_unit(ctx.ref, unit), anchored="reference")


_WHOLE_YEAR_NEAR = r"\b(?:nine|six)[\s-]+months?\b|\b(?:full|fiscal|the)\s+year\b|\byear\s+(?:ended|earlier)|\b(?:19|20)\d\d\s+period"


def year_ago(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"year-earlier profit", "the year-ago results": a year before the time the report is about."""
    last = ctx.last
    if ctx.main_quarter is not None and m.start() - ctx.main_quarter.position < 800:
        if rc.search(_WHOLE_YEAR_NEAR, ctx.text[max(0, m.start() - 250):m.start()], re.I):
            # the sentences just before speak of nine months or a whole year: the year before
            return Resolved("DATE", f"{_main_quarter(ctx).year - 1:04d}", anchored="narrative")
        # in a quarterly report: the same quarter a year before
        return Resolved("DATE", fmt_unit(shift(_main_quarter(ctx), -1, "year"), "quarter"), anchored="narrative")
    if last is not None and last.unit in ("quarter", "month", "year") and m.start() - last.position < 600:
        return Resolved("DATE", fmt_unit(shift(last.begin, -1, "year"), last.unit), anchored="narrative")
    return Resolved("DATE", f"{ctx.ref.year - 1:04d}", anchored="reference")


def ahead_after(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"the following months": a vague stretch of time."""
    return ahead(m, ctx)


def ahead(m: re.Match, ctx: Context) -> Optional[Resolved]:
    unit = unit_of(m["unit"])
    return Resolved("DURATION", _duration_value(None, unit), granularity="duration") if unit else None


def story_anaphor(m: re.Match, ctx: Context) -> Optional[Resolved]:
    """"this period", "at the same time" in a history: the time the story is at (none before it names one)."""
    story = ctx.story_time_at(m.start("x"), m.end())
    return None if story is None else Resolved("DATE", story.value, anchored="narrative")


NORMALISERS: dict[str, Callable[[re.Match, Context], Optional[Resolved]]] = {
    name: fn for name, fn in dict(globals()).items()
    if callable(fn) and not name.startswith("_") and getattr(fn, "__module__", None) == __name__
    and name != "Resolved"
}
