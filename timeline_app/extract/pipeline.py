"""extract(article) -> Timeline: the one entry point of the extraction core."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..model import Article, Event, TimeValue, Timeline
from . import timex
from .sentences import sentence_spans


def extract(article: Article, reference_date: Optional[dt.date] = None) -> Timeline:
    if reference_date is not None:
        article = article.model_copy(update={"reference_date": reference_date,
                                             "reference_source": "user"})
    text = article.text
    times = timex.tag(text, article.reference_date)
    events: list[Event] = []
    for a, b in sentence_spans(text):
        inside = [t for t in times if a <= t.start and t.end <= b and t.type in ("DATE", "TIME")]
        if not inside:
            continue
        t = inside[0]
        events.append(Event(
            id=f"e{len(events) + 1}", title=text[a:b][:80], sentence=text[a:b], span=(a, b),
            time=TimeValue(value=t.value, start=t.begin, end=t.end_time, granularity=t.granularity,
                           expression=t.text, expression_span=(t.start, t.end), anchored=t.anchored),
            lane="other"))
    return Timeline(article=article, events=events)
