"""One module per input format; each turns decoded text into plain text plus what the markup says."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..dates import StatedDate


@dataclass
class Extracted:
    #: The plain text every span will index into.
    text: str
    #: The title the document gives ("" if none; the loader then falls back to the first line).
    title: str = ""
    #: A date from the document's metadata (HTML meta, Markdown front matter), if any.
    meta_date: Optional[StatedDate] = None
    #: "html-meta" for HTML metadata, "text" for dates written in the document (front matter).
    meta_source: str = "html-meta"
    #: A weaker date (htmldate's guess from the page's visible text), used only when neither the
    #: metadata nor a dateline or publication line at the top of the text states one.
    guessed_date: Optional[StatedDate] = None
    warnings: list[str] = field(default_factory=list)


def _not_a_title(line: str) -> bool:
    """Page furniture above a headline: a bare dateline or agency line in capitals ("AGENCY, CITY",
    "BEIRUT (AP)"), or a byline with bars ("Jane Doe | Kyiv | 1 May 2011")."""
    letters = [c for c in line if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters) and len(line.split()) <= 6
    return (shouting and bool(re.search(r"[,(]|[—–-]\s*$", line))) or " | " in line


def first_line_title(text: str, limit: int = 200) -> str:
    """The first non-empty line that is not page furniture (else the first non-empty line),
    shortened at a word boundary when it is a whole paragraph."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    chosen = next((line for line in lines[:4] if not _not_a_title(line)), None)
    for line in ([chosen] if chosen else lines[:1]):
        if line:
            if len(line) <= limit:
                return line
            return line[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return ""
