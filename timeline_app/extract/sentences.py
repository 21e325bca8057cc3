"""Sentence and paragraph spans over the article text.

A sentence ends at . ! ? (with any closing quotes/brackets) followed by space and a plausible
sentence start, or at a line break: titles, datelines and cross-heads sit on lines of their own and
never end with a period. Abbreviations ("U.K.", "Sept.", "Dr.", "Gen.") and initials do not end one.
"""
from __future__ import annotations

from . import regex_cache as rc
from .regex_cache import compile_cached

Span = tuple[int, int]

# Words after which a period is not a sentence end (lowercase, without the period).
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt brig rep sen gov pres st mt ft jr sr
rev hon amb gov supt insp vs etc inc ltd co corp dept est no nos vol fig approx
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

_SENTENCE_OPENERS = frozenset("""
The A An He She It They We I You In On At But And Or So This That These Those There Its His Her
Their Our After Before As When While Meanwhile However Officials Still Yet Now Then Some Many Most
Both Other Such No Not If Since Although Though Despite During For From With Without By Under
""".split())

#: A sentence's final marks. ("[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens with a character class lets
#: the engine skip at C speed to those characters, one that opens with a repeat is tried at every position.)
_END = compile_cached(r"[.!?…][.!?…]*[\"'”’)\]]*(?=\s)")
#: A sentence end glued to the next sentence: a plain lowercase word, a period, a capitalised word. (The word
#: before the mark is checked after it, "[.!?](?<=[a-z]{3}[.!?])": a pattern that opens with a character class
#: lets the engine skip to the marks, where one that opens with a lookbehind is tried at every position.)
_GLUED = compile_cached(r"[.!?](?<=[a-z]{3}[.!?])[\"'”’]?(?=[A-Z][a-z]|[A-Z]\.[A-Z]\.)")
_OPENER = compile_cached(r"\s+([\"'“‘(\[]*)(\S)")


def paragraph_spans(text: str) -> list[Span]:
    """Blocks separated by blank lines, trimmed."""
    spans = []
    # A line break that a blank line does not follow: the spaces after it ("[^\S\n]*", not "\s*") are looked at only
    # up to the next line break, or a run of blank lines would be scanned again from each of its breaks.
    for m in rc.finditer(r"(?:[^\n]+|\n(?![^\S\n]*\n))+", text):       # (a run at a time, not a character)
        a, b = _trim(text, m.start(), m.end())
        if b > a:
            spans.append((a, b))
    return spans


def sentence_spans(text: str) -> list[Span]:
    """(start, end) of each sentence, whitespace trimmed, never empty, in order."""
    spans: list[Span] = []
    for line in rc.finditer(r"[^\n]+", text):
        a = line.start()
        for cut in _cuts(text, line.start(), line.end()):
            s, e = _trim(text, a, cut)
            if e > s:
                spans.append((s, e))
            a = cut
        s, e = _trim(text, a, line.end())
        if e > s:
            spans.append((s, e))
    return spans


def _cuts(text: str, start: int, end: int):
    cuts = [m.end() for m in _END.finditer(text, start, end)
            if m.end() < end and _is_boundary(text, m.start(), m.end(), end)]
    # Copy pasted without the space: "... are uncommon.While the ..." ends a sentence too.
    cuts += [m.end() for m in _GLUED.finditer(text, start, end) if m.end() < end]
    yield from sorted(set(cuts))


def _is_boundary(text: str, dot: int, after: int, line_end: int) -> bool:
    nxt = _OPENER.match(text, after, line_end)
    if nxt is None:
        return False
    first = nxt.group(2)
    if text[dot] == ".":
        word = rc.search(r"([\w.]+)$", text[max(0, dot - 20):dot])
        token = word.group(1) if word else ""
        token = rc.sub(r"^.*[a-z]{3}[.!?]", "", token)     # "arsenal.U.S": the glued next sentence
        if token.lower().rstrip(".") in _ABBREVIATIONS and not text[after - 1] in "\"”’)":
            return False
        # Initials and dotted acronyms: "U.K.", "J. R.", "a.m." — a dotted acronym ends a sentence
        # only before a word that typically opens one ("U.K. Prime Minister Doe" goes on).
        if rc.fullmatch(r"(?:\w\.)*\w", token) and len(token.replace(".", "")) <= 3 and "." in token + ".":
            if len(token) == 1 and token.isupper():
                return False
            if "." in token:
                if not first.isupper():
                    return False
                following = rc.match(r"[\"'“‘(\[]*(\w+)", text[after:line_end].lstrip())
                if following and following.group(1) not in _SENTENCE_OPENERS:
                    return False
    if first.isupper() or first.isdigit() or first in "\"'“‘([":
        return True
    # A sentence whose writer forgot the capital: "... hostilities. responsible for ..." after a
    # plain word (not an abbreviation or initial).
    prev = rc.search(r"([A-Za-z]+)$", text[max(0, dot - 20):dot])
    return bool(prev and len(prev.group(1)) >= 4 and prev.group(1).islower()
                and prev.group(1) not in _ABBREVIATIONS and text[dot] == "."
                and text[after] == " " and text[after + 1:after + 2].islower())


def _trim(text: str, a: int, b: int) -> Span:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
