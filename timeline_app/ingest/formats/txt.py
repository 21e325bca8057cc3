"""Plain text: the text is the file as decoded; the title is its first line."""
from __future__ import annotations

from . import Extracted, first_line_title


def parse_text(text: str) -> Extracted:
    return Extracted(text=text, title=first_line_title(text))
