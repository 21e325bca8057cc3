"""Story time: a history narrative dates bare months, days, seasons and clock times by the year the story last
established; news keeps the reference date and tense. Invented names throughout."""
from __future__ import annotations

import datetime as dt

from timeline_app.extract.timex import tag

REF = dt.date(2009, 12, 19)

HISTORY = (
    "The Varn uprising (1815–1825)\n\n"
    "The Ossel League, whose founders were born in 1790, 1792 and 1795, was founded in 1816 and grew slowly in 1818 and 1819. "
    "In 1821 its militia crossed the Tarvel. "
    "On 3 March 1821 they took Brask. In June, the Varn council fled to Orrim. By the end of the month, the "
    "militia held the river. During the winter, both sides rested. The next spring, fighting resumed.\n\n"
    "In 1823 the League split. On 12 May, its leader Hennat resigned at 10:40, and on Sunday he left the "
    "city. Christmas was spent in exile. Talks will resume in June, the League's heirs say today."
)


def values(text: str, ref=REF) -> dict[str, str]:
    """Each expression's value, by its text (the first occurrence of a text)."""
    found: dict[str, str] = {}
    for t in tag(text, ref):
        found.setdefault(t.text, t.value)
    return found


def test_history_dates_bare_times_by_the_story():
    v = values(HISTORY)
    assert v["June"] == "1821-06"
    assert v["the end of the month"] == "1821-06"
    assert v["the winter"] == "1821-WI"
    assert v["The next spring"] == "1822-SP"
    assert v["12 May"] == "1823-05-12"
    assert v["10:40"] == "1823-05-12T10:40"
    assert v["Sunday"] == "1823-05-18"          # 12 May 1823 was a Monday: the first Sunday after it
    assert v["Christmas"] == "1823-12-25"


def test_history_keeps_the_present_for_what_lies_ahead():
    v = values(HISTORY)
    assert v["today"] == "2009-12-19"
    future = [t for t in tag(HISTORY, REF) if t.text == "June"][-1]
    assert future.value == "2010-06"


def test_news_with_background_years_keeps_the_reference():
    news = ("The Brask council met on Tuesday. Its founders had quarrelled in 1990, 1994, 1996 and 1999, "
            "officials said yesterday. In June the council split, and last week it voted again.")
    v = values(news, dt.date(2009, 12, 15))
    assert v["June"] == "2009-06"
