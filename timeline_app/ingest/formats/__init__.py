"""One module per input format; each turns decoded text into plain text plus what the markup says."""
from __future__ import annotations

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


def first_line_title(text: str, limit: int = 200) -> str:
    """The first non-empty line, shortened at a word boundary when it is a whole paragraph."""
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            if len(line) <= limit:
                return line
            return line[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return ""
