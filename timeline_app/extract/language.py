"""Is the article English? The extractor reads English only; on any other language it would invent
parties from look-alike words ("Un" in French, "Die" in German). Qt-free.

The test: the share of words that are common English function words (resources/lexicon/
english_function_words.txt). English news scores about 0.3-0.5; French, German, Spanish or
Russian text under 0.08.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..knowledge import lexicon

#: Below this share of English function words, the text is not English.
MIN_ENGLISH_SHARE = 0.12
#: Too few words to judge: say nothing.
MIN_WORDS = 40
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(entry.lower() for entry in lexicon.entries("english_function_words"))


def english_share(text: str, limit: int = 5000) -> tuple[float, int]:
    """(share of English function words, words counted) over the first ``limit`` words."""
    words = [m.group(0).lower() for _, m in zip(range(limit), _WORD.finditer(text))]
    if not words:
        return 0.0, 0
    common = _function_words()
    return sum(1 for w in words if w in common) / len(words), len(words)


def not_english_warning(text: str) -> Optional[str]:
    """A warning for the reader when ``text`` is not English, else None."""
    share, count = english_share(text)
    if count < MIN_WORDS or share >= MIN_ENGLISH_SHARE:
        return None
    return ("This article does not seem to be in English: timeline-app reads English only, so no parties "
            "or events were extracted from it.")
