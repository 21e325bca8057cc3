"""Finding text in a timeline: in the article (which holds every event's sentence and every
statement) and in the event titles. Qt-free.

A hit is a span of the article text, with the event it belongs to when there is one, in reading
order; stepping through the hits walks through the article.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from .model import Timeline


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    #: The event whose span holds the hit (or whose title matched), if any.
    event: Optional[str]
    #: "text" (the article), "statement" (inside an account or reaction) or "title" (an event title).
    kind: str


def find(timeline: Timeline, query: str) -> list[Hit]:
    """Every case-insensitive occurrence of ``query`` (whitespace-normalised), in text order."""
    needle = " ".join(query.split()).lower()
    if not needle:
        return []
    text = timeline.article.text
    # lower() keeps offsets for almost all text; where it does not (a few rare letters), match case.
    lowered = text.lower()
    haystack, needle_here = (lowered, needle) if len(lowered) == len(text) else (text, " ".join(query.split()))
    events = sorted((e.span[0], e.span[1], e.id) for e in timeline.events)
    starts = [a for a, _, _ in events]
    statements = sorted(tuple(s.span) for s in [*timeline.accounts, *timeline.reactions])
    hits: list[Hit] = []
    seen_events: set[str] = set()
    at = haystack.find(needle_here)
    while at >= 0:
        end = at + len(needle_here)
        event = _containing(events, starts, at)
        kind = "statement" if any(a <= at < b for a, b in statements) else "text"
        hits.append(Hit(at, end, event, kind))
        if event:
            seen_events.add(event)
        at = haystack.find(needle_here, end)
    for e in timeline.events:
        if e.id not in seen_events and needle in e.title.lower():
            hits.append(Hit(e.span[0], e.span[0], e.id, "title"))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def _containing(events: list[tuple[int, int, str]], starts: list[int], offset: int) -> Optional[str]:
    k = bisect.bisect_right(starts, offset)
    for a, b, event_id in reversed(events[max(0, k - 8):k]):   # spans may nest a little; look back a few
        if a <= offset < b:
            return event_id
    return None
