"""Story time: whether a text is a history narrative told on its own clock (WikiWars-like: "In June" is June
of the year the story is in), decided from evidence in the text, and which expressions move the story's
time. Normalisers ask :class:`anchor.Context` for the story's time; this module decides the mode and guards
the story against asides and flashbacks.
"""
from __future__ import annotations

import datetime as dt
import re

from ..regex_cache import compile_cached
from .anchor import Context, looks_back

#: A history narrative names at least this many years lying this far before its reference date ...
STORY_MIN_YEARS = 4
STORY_MIN_DISTANCE = 2
#: ... they make up at least this share of all the years it names (news looks back now and then, but most
#: of the years it names are the reference year or the one before) ...
STORY_MIN_SHARE = 0.6
#: ... and they outnumber its expressions that count from now ("Tuesday", "yesterday", "last week", "two
#: years ago") by this factor. Measured: WikiWars histories >= 13 (most have none), TBAQ news background
#: pieces naming 4-12 past years <= 4.
STORY_YEARS_PER_NOW = 5


def is_story(explicit_years: list[int], counted_from_now: int, ref: dt.date) -> bool:
    """Whether a text is a history narrative, from the years it writes out and how often it speaks of the
    present: bare months, days and seasons then take their year from the story (the last time it
    established), not from the reference date and tense."""
    past = sum(ref.year - y >= STORY_MIN_DISTANCE for y in explicit_years)
    return (past >= STORY_MIN_YEARS and past >= STORY_MIN_SHARE * len(explicit_years)
            and past > STORY_YEARS_PER_NOW * counted_from_now)


def reads_as_story(chosen, ref: dt.date) -> bool:
    """The mode of a text, from the expressions chosen in it."""
    return is_story(written_years(chosen), sum(map(counts_from_now, chosen)), ref)


#: The second side of a range ("1956–[1960]"): the story is at the range's start ("In May" after the heading
#: "Insurgency, 1956–1960" is May 1956).
_RANGE_ENDS = frozenset({"year_range", "month_range", "day_range", "month_day_range"})


def is_aside(text: str, start: int, end: int, rule: str, granularity: str, ctx: Context) -> bool:
    """In a history, an expression the story does not move to: a flashback, a year named in passing, the end
    of a range."""
    return rule in _RANGE_ENDS or _flashback(text, start, end, rule) or _aside_year(text, start, granularity, ctx)


_YEAR_GROUPS = ("y", "y1", "y2")


def written_years(chosen) -> list[int]:
    """The years the text writes out in full, in the expressions chosen: the evidence for its mode."""
    years = []
    for c in chosen:
        groups = c.match.groupdict()
        if groups.get("era"):       # "480 BC": a year before the common era, far from any reference date
            number = groups.get("y") or groups.get("ey")
            if number:
                years.append(-int(number) if groups["era"][:1] in "Bb" else int(number))
            continue
        years.extend(int(groups[g]) for g in _YEAR_GROUPS if len(groups.get(g) or "") == 4)
    return years


#: A clause opening: the start of a line or sentence, then at most a preposition and a modifier.
_OPENS_CLAUSE = compile_cached(r"(?:^|\n|[.!?:;]\s|\()\s*(?:\w+\s+){0,2}\Z")


def _aside_year(text: str, start: int, granularity: str, ctx: Context) -> bool:
    """A bare year inside a sentence about a day of the story ("... exposed for a planned campaign in 1976."):
    an aside, not a move of the story. A year that opens a sentence ("In 1976, ...") or stands in a heading
    moves it."""
    story = ctx.story_time
    return (granularity == "year" and story is not None and story.unit in ("day", "month")
            and _OPENS_CLAUSE.search(text, max(0, start - 24), start) is None and not _on_heading(text, start))


#: A heading: a short line that does not end a sentence ("Insurgency in the South, 1956–1960").
HEADING_MAX_CHARS = 80


def _on_heading(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    return len(line) <= HEADING_MAX_CHARS and not line.endswith((".", "!", "?", '"', "”"))


def _flashback(text: str, start: int, end: int, rule: str) -> bool:
    """A history's look back ("had fallen in March", "a year earlier"): the story does not move there."""
    return looks_back(text, start) or (rule == "ago" and _BACKWARDS.search(text, start, end) is not None)


_BACKWARDS = compile_cached(r"\b(?:earlier|before|prior|ago)\b", re.I)
_FROM_NOW = {"this", "last", "next", "coming", "current", "past"}


def counts_from_now(c) -> bool:
    """"Tuesday", "yesterday", "last week", "two years ago": an expression that counts from the present."""
    if c.rule in ("weekday", "relative_day"):
        return True
    if c.rule == "relative_unit":     # (news says "today", not "this day": that one is the story's)
        return (c.match["rel"] or "").lower() in _FROM_NOW and (c.match["unit"] or "").lower() != "day"
    return c.rule == "ago" and (c.match["dir"] or "").lower() == "ago"
