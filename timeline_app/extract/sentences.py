"""Sentence and paragraph spans over the article text."""
from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[^\n.!?]+(?:[.!?]+[\"”’')\]]*|\n|$)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, never empty."""
    spans = []
    for m in _BOUNDARY.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans
