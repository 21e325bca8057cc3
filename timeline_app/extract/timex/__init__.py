"""Time expressions: recognise -> normalise (TIMEX3 value) -> anchor -> interval. Qt-free.

The one entry point is :func:`tag`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True, slots=True)
class Timex:
    start: int                 # character offsets into the text given to tag()
    end: int
    text: str
    type: str                  # DATE | TIME | DURATION | SET
    value: str                 # TIMEX3 value: 2022-09-13, 2022-09-13TNI, 2020-FA, 199, P3D, PAST_REF ...
    begin: Optional[dt.datetime] = None   # the real interval [begin, end_time) the expression covers
    end_time: Optional[dt.datetime] = None
    granularity: str = "unknown"          # see model.Granularity
    anchored: str = "explicit"            # explicit | reference | narrative
    mod: Optional[str] = None             # TIMEX3 mod: BEFORE, AFTER, START, MID, END, APPROX ...

    def as_contract(self) -> dict:
        """The dict printed by ``timeline-app timexes`` (CONTRACT.md)."""
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value}


def tag(text: str, reference: Optional[dt.date] = None) -> list[Timex]:
    """Every time expression in ``text``, in order, resolved against ``reference`` (a date or datetime)."""
    from .tagger import tag as _tag
    return _tag(text, reference)
