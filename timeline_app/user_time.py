"""Times the user gives (the date picker, a selected time expression) as the model's TimeValue.

Qt-free. The TIMEX3 value is written first and its interval read back through the same function
the extractor uses, so a corrected date always agrees with how the timeline draws it.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from .model import Span, TimeValue

# The time grammar (extract.timex) is imported inside the functions that use it: the window imports this
# module at start-up, and the grammar (~30 ms) is needed only once the user edits a time.

#: What the picker offers, coarse to fine, with the model's granularity name.
PICKER_GRANULARITIES = ("year", "month", "day", "part-of-day", "minute")
#: Parts of the day by their TIMEX3 code (morning, afternoon, evening, night).
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def timex_value(granularity: str, when: dt.datetime, part: Optional[str] = None) -> str:
    """The TIMEX3 value of ``when`` known to ``granularity`` (``part``: a PARTS_OF_DAY code)."""
    from .extract.timex.interval import PART_OF_DAY_HOURS
    if granularity == "year":
        return f"{when.year:04d}"
    if granularity == "month":
        return f"{when.year:04d}-{when.month:02d}"
    day = f"{when.year:04d}-{when.month:02d}-{when.day:02d}"
    if granularity == "day":
        return day
    if granularity == "part-of-day":
        if part not in PART_OF_DAY_HOURS:
            raise ValueError(f"unknown part of the day {part!r}")
        return f"{day}T{part}"
    if granularity == "hour":
        return f"{day}T{when.hour:02d}"
    if granularity == "minute":
        return f"{day}T{when.hour:02d}:{when.minute:02d}"
    raise ValueError(f"the date picker has no granularity {granularity!r}")


def picked_time(granularity: str, when: dt.datetime, part: Optional[str] = None,
                until: Optional[dt.datetime] = None) -> TimeValue:
    """A user-set time. ``until`` makes it a fuzzy stretch: from ``when`` to the end of ``until``
    at the same granularity (e.g. "some day between 12 and 14 September")."""
    from .extract.timex.interval import value_interval
    value = timex_value(granularity, when, part)
    start, end, gran = value_interval(value)
    if until is not None:
        _, last_end, _ = value_interval(timex_value(granularity, until, part))
        if last_end is None or start is None or last_end <= start:
            raise ValueError("the end of a stretch must come after its start")
        end = last_end
    return TimeValue(value=value, start=start, end=end, granularity=gran, expression="", anchored="explicit")


#: Granularities an event can be dragged along the axis at, snapping to whole units of them.
SNAP_GRANULARITIES = ("year", "month", "day", "part-of-day", "hour", "minute")


def shifted_time(time: TimeValue, delta: dt.timedelta) -> Optional[TimeValue]:
    """``time`` moved by ``delta`` rounded to whole units of its granularity (a dragged event:
    a month-long event moves by months and stays a month); None when it does not move or its
    granularity has no natural step (a season, a decade, an undated event)."""
    from .extract.timex.anchor import add_months
    from .extract.timex.interval import PART_OF_DAY_HOURS, value_interval
    g = time.granularity
    if time.start is None or g not in SNAP_GRANULARITIES:
        return None
    start = time.start
    if g == "year":
        steps = round(delta.days / 365.2425)
        moved = start.replace(year=start.year + steps, month=1, day=1)
    elif g == "month":
        steps = round(delta.days / 30.436875)
        moved = dt.datetime.combine(add_months(start.date().replace(day=1), steps), dt.time())
    else:
        unit = {"day": dt.timedelta(days=1), "part-of-day": dt.timedelta(days=1), "hour": dt.timedelta(hours=1),
                "minute": dt.timedelta(minutes=1)}[g]
        steps = round(delta / unit)
        moved = start + steps * unit
    if steps == 0 or not 1 <= moved.year <= 9999:
        return None
    part = time.value[-2:] if g == "part-of-day" and time.value[-2:] in PART_OF_DAY_HOURS else None
    if g == "part-of-day" and part is None:
        return None
    shifted = picked_time(g, moved, part)
    own_start, own_end, _ = value_interval(time.value)
    if time.end is not None and (own_start, own_end) != (time.start, time.end):
        # A stretch the user or the extractor widened: it keeps its length.
        shifted = shifted.model_copy(update={"end": shifted.start + (time.end - time.start)})
    return shifted


def time_in(text: str, span: Span, reference: Optional[dt.date]) -> Optional[TimeValue]:
    """The first dated time expression inside ``text[span]``, resolved against ``reference``
    (for "Add event from selection"); None when the selection states no time."""
    from .extract.timex import tag
    a, b = span
    for timex in tag(text[a:b], reference):
        if timex.begin is not None and timex.end_time is not None:
            return TimeValue(value=timex.value, start=timex.begin, end=timex.end_time,
                             granularity=timex.granularity, expression=timex.text,
                             expression_span=(a + timex.start, a + timex.end), anchored=timex.anchored)
    return None
