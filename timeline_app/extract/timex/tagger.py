"""tag(text, reference): recognise -> filter -> select spans -> normalise in reading order -> interval.

The modules, each with one job:

- lexicon.py    token classes (months, weekdays, number words, ordinals, units, parts of day, seasons, modifiers)
                and the regex fragments built from them;
- recognise.py  the grammar: ~35 rules, each compiled on first use and run only in the windows around its
                own trigger words; span selection (longest, then priority) and TimeML extents (no leading
                "about", "in", possessive "'s");
- ../regex_cache.py compiled regexes kept on disk between runs (like .pyc files), so start-up skips compiling;
- filters.py    rejects look-alikes before selection ("may", "2000 people", "Operation Desert Spring");
- normalise.py  one function per rule: TIMEX3 type/value/mod, resolved against the reference date, the
                clause's tense or the narrative (holidays.py: named days);
- anchor.py     calendar arithmetic, tense of the clause, the narrative's last resolved time;
- story.py      whether a text is a history told on its own clock, and what moves that story's time;
- interval.py   TIMEX3 value + mod -> [begin, end) and granularity (one reader for every value form);
- evaluate.py   TempEval-3 scoring on TimeML files (benchmarks/tempeval.py and the tests share it).

Normalisation happens in reading order so that "the following day", "two years later", "since then" and a bare
weekday after "last week" can use the last resolved time (anchored="narrative").
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from . import Timex
from .. import regex_cache as rc
from .anchor import Context, bounds_a_stretch, era_value
from .interval import interval_for
from .filters import accept
from .holidays import holiday
from .normalise import NORMALISERS, Resolved
from .recognise import candidates, select, story_candidates
from .story import is_aside, reads_as_story

#: Granularity of the last resolved time -> the calendar unit narrative expressions count in.
_NARRATIVE_UNIT = {"day": "day", "part-of-day": "day", "hour": "day", "minute": "day", "second": "day",
                   "week": "week", "month": "month", "quarter": "quarter", "half-year": "year", "season": "year",
                   "year": "year", "decade": "decade", "century": "century", "millennium": "century"}
#: Placeholder reference when none is given: relative values are then masked with X (XXXX-XX-XX).
_NO_REFERENCE = dt.date(2000, 1, 1)
_NORMALISERS = {**NORMALISERS, "holiday": holiday}


def _reference(reference) -> tuple[dt.date, Optional[dt.time], bool]:
    if isinstance(reference, dt.datetime):
        t = reference.time()
        return reference.date(), (t if t != dt.time() else None), True
    if isinstance(reference, dt.date):
        return reference, None, True
    if isinstance(reference, str):
        try:
            return dt.date.fromisoformat(reference[:10]), None, True
        except ValueError:
            pass
    return _NO_REFERENCE, None, False


def _mask(value: str) -> str:
    """A relative value without a reference date: its digits are unknown (2000-01-03TNI -> XXXX-XX-XXTNI)."""
    date_part, sep, time_part = value.partition("T")
    if not date_part[:1].isdigit():
        return value
    return rc.sub(r"\d", "X", date_part) + sep + time_part


def tag(text: str, reference=None) -> list[Timex]:
    if not text:
        return []
    ref, ref_time, has_ref = _reference(reference)
    found = [c for c in candidates(text) if accept(c.rule, c.match, text)]
    chosen = select(found)
    story = reads_as_story(chosen, ref)
    if story:
        chosen = select(found + story_candidates(text))
    ctx = Context(text=text, ref=ref, ref_time=ref_time, has_ref=has_ref, story=story)
    result: list[Timex] = []
    for c in chosen:
        try:
            r: Optional[Resolved] = _NORMALISERS[c.rule](c.match, ctx)
        except (ValueError, KeyError, OverflowError, TypeError):
            r = None       # a malformed date in the text is not worth a crash
        if r is None:
            continue
        result.append(_timex(c.start, c.end, text, r, ctx, c.rule))
    return result


#: Parts of the day that, reported in the past before they could have begun, mean the night just gone.
_NIGHT_PARTS = ("TNI", "TEV")
_SMALL_HOURS = dt.timedelta(hours=6)


def _before_publication(begin: dt.datetime, end: dt.datetime, value: str, ctx: Context, start: int,
                        stop: int) -> tuple[dt.datetime, dt.datetime]:
    """Nothing reported in the past lies after the moment of publication: "Tuesday night" in an article
    published Tuesday 15:05 is the small hours of that Tuesday; a part of the day still running is cut there."""
    published = dt.datetime.combine(ctx.ref, ctx.ref_time)
    if end <= published or ctx.tense(start, stop) >= 0:
        return begin, end
    if begin >= published:
        if value.endswith(_NIGHT_PARTS):
            day = dt.datetime.combine(begin.date(), dt.time())
            return day, min(day + _SMALL_HOURS, published)
        return begin, end       # a clock time or part of the day ahead: the tense may be wrong, not the time
    return begin, published


def _timex(start: int, end: int, text: str, r: Resolved, ctx: Context, rule: str = "") -> Timex:
    if r.type in ("DATE", "TIME"):
        begin, end_time, gran = interval_for(r.value, r.mod)
    elif r.type == "SET":
        begin, end_time, gran = None, None, "set"
    else:
        begin, end_time, gran = None, None, "duration"
    if r.begin is not None:
        begin, end_time = r.begin, r.end
        gran = r.granularity or gran
    elif r.granularity and r.type in ("DURATION", "SET"):
        gran = r.granularity
    if r.type in ("DATE", "TIME") and begin is not None and r.value[:1].isdigit() \
            and not bounds_a_stretch(text, start) and not (ctx.story and r.anchored == "reference"):
        # (a history narrative's "today" or "next year" speaks of the writer's time: the story stays where it is)
        # "since the 1990s", "by November 15" bound a stretch of time; the narrative does not move there
        ctx.remember(begin.date(), _NARRATIVE_UNIT.get(gran, "day"), r.value, end, rule,
                     story=r.anchored != "reference" and not (ctx.story and is_aside(text, start, end, rule, gran, ctx)))
        if gran == "quarter" and r.anchored != "narrative":
            ctx.main_quarter = ctx.last
            if ctx.report_quarter is None:
                ctx.report_quarter = ctx.last
    if ctx.ref_time is not None and begin is not None and end_time is not None and r.type == "TIME":
        begin, end_time = _before_publication(begin, end_time, r.value, ctx, start, end)
    value, anchored = r.value, r.anchored
    bc = era_value(value) if r.type in ("DATE", "TIME") else None
    if bc is not None:
        # a year BC: the model's datetimes can't hold it, so it has a value only (the layout places it)
        value, begin, end_time = bc, None, None
    # without a reference date, what counts from it is unknown; a history's story time is the text's own
    if not ctx.has_ref and anchored != "explicit" and not (ctx.story and anchored == "narrative"):
        value, begin, end_time = _mask(value), None, None
        if r.type in ("DATE", "TIME"):
            gran = "unknown" if not value[:1].isdigit() else gran
    return Timex(start=start, end=end, text=text[start:end], type=r.type, value=value, begin=begin,
                 end_time=end_time, granularity=gran, anchored=anchored, mod=r.mod)
