"""Token classes of the time grammar: month and weekday names, number words, ordinals, units, parts of the
day, seasons and modifiers. Each class is a dict (word -> meaning) plus a regex alternation built from it, so
the grammar in :mod:`recognise` reads as a sequence of classes.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import regex_cache as rc


def alternation(words) -> str:
    """A non-capturing regex alternation of ``words`` as a prefix tree ("jan(?:uary|\\.)?"): the same language
    as the plain list, a third of its length (regex compile time, paid at start-up, grows with the length),
    and at every branch the longer continuation is tried first, so the regex prefers whole words."""
    root: dict = {}
    for w in sorted(words):        # sorted: the same pattern text in every run (sets iterate in hash order)
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}           # end of a word
    body, _ = _emit(root)
    return body if len(root) > 1 else "(?:" + body + ")"     # several roots come wrapped already


def _emit(node: dict) -> tuple[str, int]:
    """The regex of a prefix-tree node and the length of its longest word."""
    branches = []
    for ch, child in node.items():
        if ch:
            sub, depth = _emit(child)
            branches.append((-depth, (r"\s{1,3}" if ch == " " else re.escape(ch)) + sub))
    if not branches:
        return "", 0
    branches.sort(key=lambda b: b[0])
    body = "|".join(part for _, part in branches)
    depth = 1 - branches[0][0]
    if "" in node:
        return "(?:" + body + ")?", depth
    return (body if len(branches) == 1 else "(?:" + body + ")"), depth


MONTHS: dict[str, int] = {}
for _i, _names in enumerate([
        ("january", "jan", "jan."), ("february", "feb", "feb."), ("march", "mar."), ("april", "apr."),
        ("may",), ("june", "jun."), ("july", "jul."), ("august", "aug", "aug."),
        ("september", "sept", "sept.", "sep."), ("october", "oct", "oct."), ("november", "nov", "nov."),
        ("december", "dec", "dec.")], start=1):
    for _n in _names:
        MONTHS[_n] = _i
#: Month words that are also ordinary English words: they count as months only in a date-like context.
AMBIGUOUS_MONTHS = {"may", "march", "jan", "dec", "aug"}

WEEKDAYS: dict[str, int] = {}   # ISO: Monday = 1
for _i, _names in enumerate([
        ("monday", "mon."), ("tuesday", "tues.", "tue."), ("wednesday", "wed."), ("thursday", "thurs.", "thu."),
        ("friday", "fri."), ("saturday", "sat."), ("sunday",)], start=1):
    for _n in _names:
        WEEKDAYS[_n] = _i

UNITS_0_19 = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(UNITS_0_19)}
NUMBER_WORDS.update(TENS)
NUMBER_WORDS.update({"a": 1, "an": 1, "a single": 1, "a couple of": 2, "a couple": 2, "couple of": 2,
                     "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5, "one and a half": 1.5})
SCALE_WORDS = {"hundred": 100, "thousand": 1000}
#: Quantities with no number: TIMEX3 writes them as X (P<X>D ...).
VAGUE_QUANTITIES = {"a few", "few", "several", "some", "many", "a number of", "numerous",
                    "recent", "the past few", "the last few", "a matter of", "countless", "the coming",
                    "the next few"}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31, "last": -1, "final": -1,
}

#: Calendar units: word -> (TIMEX3 duration letter, is a time unit (PT...)), plus how many of the letter.
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "sec": ("S", True, 1), "minute": ("M", True, 1), "min": ("M", True, 1),
    "hour": ("H", True, 1), "hr": ("H", True, 1), "day": ("D", False, 1), "night": ("D", False, 1),
    "week": ("W", False, 1), "fortnight": ("W", False, 2), "weekend": ("WE", False, 1),
    "month": ("M", False, 1), "quarter": ("Q", False, 1), "year": ("Y", False, 1), "decade": ("DE", False, 1),
    "century": ("CE", False, 1), "millennium": ("ML", False, 1),
}
UNIT_PLURALS = {"centuries": "century", "millennia": "millennium", "secs": "sec", "mins": "min", "hrs": "hr"}
for _u in list(UNITS):
    UNIT_PLURALS.setdefault(_u + "s", _u)


def unit_of(word: str) -> Optional[str]:
    w = word.lower().rstrip(".")
    w = rc.sub(r"[\s-]+long$|-old$", "", w)
    if w in UNITS:
        return w
    return UNIT_PLURALS.get(w)


#: Parts of the day: word -> TIMEX3 suffix (TMO ...) or a clock time (T12:00).
PARTS_OF_DAY = {
    "morning": "TMO", "mornings": "TMO", "afternoon": "TAF", "afternoons": "TAF", "evening": "TEV",
    "evenings": "TEV", "night": "TNI", "nights": "TNI", "overnight": "TNI", "nighttime": "TNI",
    "daytime": "TDT", "noon": "T12:00", "midday": "T12:00", "mid-day": "T12:00", "midnight": "T24:00",
    "dawn": "TMO", "daybreak": "TMO", "sunrise": "TMO", "dusk": "TEV", "sunset": "TEV", "nightfall": "TNI",
    "mid-afternoon": "TAF", "mid afternoon": "TAF", "mid-morning": "TMO", "late night": "TNI",
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
           "springtime": "SP", "summertime": "SU", "wintertime": "WI"}

#: Words in front of a date that narrow it: TIMEX3 ``mod``.
POSITION_MODS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "beginning of": "START", "start of": "START", "the early part of": "START", "the dawn of": "START",
    "mid": "MID", "the middle of": "MID", "middle of": "MID", "the mid": "MID", "mid-": "MID",
    "late": "END", "later": "END", "the end of": "END", "end of": "END", "the close of": "END",
    "the latter part of": "END", "the tail end of": "END",
    "the first half of": "START", "the second half of": "END", "the last half of": "END", "the latter half of": "END",
}
#: Words in front of a quantity: TIMEX3 ``mod``.
QUANTITY_MODS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "well over": "MORE_THAN", "just under": "LESS_THAN", "nearly a": "LESS_THAN",
}

TIMEZONES = ["gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet",
             "eest", "msk", "ist", "jst", "local time", "local", "et", "pt", "ct"]


def number_value(text: str) -> Optional[float]:
    """'48' -> 48, 'twenty-four' -> 24, 'a' -> 1, '5 1/2' -> 5.5, 'two hundred' -> 200; vague words -> None."""
    t = rc.sub(r"\s+", " ", text.strip().lower().replace(",", ""))
    if not t:
        return None
    m = rc.fullmatch(r"(\d+(?:\.\d+)?)(?:[ -](\d)/(\d))?", t)
    if m:
        v = float(m[1])
        if m[2]:
            v += int(m[2]) / int(m[3])
        return v
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    t = rc.sub(r"\band a half$", "+0.5", t)
    total = 0.0
    current = 0.0
    extra = 0.0
    if t.endswith("+0.5"):
        extra = 0.5
        t = t[:-4].strip()
    for word in rc.split(r"[ -]+", t):
        if word in ("and", "a", "an") and (current or total):
            continue
        if word in ("a", "an"):
            current += 1
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in SCALE_WORDS:
            current = max(current, 1) * SCALE_WORDS[word]
            if SCALE_WORDS[word] >= 1000:
                total += current
                current = 0
        elif word.isdigit():
            current += int(word)
        else:
            return None
    return total + current + extra


def ordinal_value(text: str) -> Optional[int]:
    t = text.lower().strip()
    m = rc.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return int(m[1])
    return ORDINALS.get(t.replace(" ", "-"))


# ---- regex fragments -------------------------------------------------------------------------------------
SP = r"\s{1,3}"                         # bounded: no pathological backtracking on long runs of spaces
HY = r"(?:\s{0,2}-\s{0,2}|\s{1,3})"        # "two-year" / "two year"
MONTH_RE = alternation(MONTHS)
WEEKDAY_RE = alternation(WEEKDAYS)
_DIGIT_WORDS = UNITS_0_19[1:] + list(TENS)
NUMWORD_RE = (r"(?:(?:" + alternation(TENS) + r"(?:[\s-]" + alternation(UNITS_0_19[1:10]) + r")?|"
              + alternation(UNITS_0_19) + r")(?:\s(?:hundred|thousand))?(?:\sand\sa\shalf)?)")
NUMBER_RE = (r"(?:\d{1,4}(?:,\d{3})?(?:\.\d+)?(?:\s\d/\d)?|" + NUMWORD_RE + r"|(?:a\s)?couple\sof|a\sdozen|a\ssingle"
             r"|(?:a|an|one)(?:\sand\sa\shalf)?|half\sa|a\shalf|hundreds\sof|thousands\sof)")
VAGUE_RE = alternation(VAGUE_QUANTITIES - {"recent", "the coming", "the past few", "the last few", "the next few"})
ORDINAL_RE = r"(?:" + alternation(k for k in ORDINALS if k not in ("last", "final")) + r"|\d{1,2}(?:st|nd|rd|th))"
UNIT_WORDS = sorted(set(UNITS) | set(UNIT_PLURALS), key=len, reverse=True)
UNIT_RE = alternation(UNIT_WORDS)
SEASON_RE = alternation(SEASONS)
POD_RE = alternation(k for k in PARTS_OF_DAY if k not in ("noon", "midday", "mid-day", "midnight"))
CLOCKWORD_RE = r"(?:noon|midday|mid-day|midnight)"
TZ_RE = r"(?:" + "|".join(TIMEZONES[:-3]) + r"|et|pt|ct)\b"
AMPM_RE = r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b|a\.m|p\.m)"

#: Eras after a year: "480 BC", "43 AD" (BCE/CE: the same eras, named without religion).
#: Upper case only, whatever the rule's flags: "ad" and "ce" are English words and letters ("cease-fire").
ERA_RE = r"(?-i:BCE|BC|B\.C\.(?:E\.)?|AD|A\.D\.|CE|C\.E\.)(?!\w)"
