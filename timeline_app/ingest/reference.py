"""Choose the reference date, and the publication date, in the order CONTRACT.md promises.

1. the user's choice; 2. a date the article states (its sidecar, its HTML metadata, a dateline or
publication line in the text); 3. a day inferred from dated evidence in the text (infer.py), unless the
file's date agrees with that evidence; 4. the file's modification date, marked as an assumption.
A sidecar comes before HTML metadata because someone wrote it on purpose for this file.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import ReferenceSource
from .dates import StatedDate
from .infer import Inference


@dataclass(frozen=True)
class ReferenceChoice:
    reference_date: dt.date
    source: ReferenceSource
    note: str
    #: The publication datetime the article states (None if it states none).
    published: Optional[dt.datetime]


def choose_reference(
    user_date: Optional[dt.date],
    stated: Sequence[tuple[ReferenceSource, Optional[StatedDate]]],
    file_date: Optional[dt.date],
    inferred: Optional[Inference] = None,
) -> ReferenceChoice:
    """``stated`` lists (source, date) pairs best first; missing dates are None."""
    first = next(((source, date) for source, date in stated if date is not None), None)
    published = first[1].value if first else None
    if user_date is not None:
        if isinstance(user_date, dt.datetime):
            user_date = user_date.date()
        return ReferenceChoice(user_date, "user", "set by the user", published)
    if first is not None:
        source, date = first
        return ReferenceChoice(date.value.date(), source, date.note, published)
    if inferred is not None:
        return ReferenceChoice(inferred.day, "inferred", inferred.note, None)
    if file_date is not None:
        return ReferenceChoice(
            file_date, "file-mtime",
            f"assumed: file modified {file_date.isoformat()} (the article states no date)", None,
        )
    today = dt.date.today()
    return ReferenceChoice(
        today, "file-mtime", f"assumed: today, {today.isoformat()} (no date known)", None,
    )
