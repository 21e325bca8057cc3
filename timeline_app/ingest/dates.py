"""Dates an article states about itself: datelines, publication lines, bylines, metadata strings.

Only the top of the text is searched: a date in the body is about the story, not the article.
Everything here is language-neutral pattern work on English news conventions; nothing is about a
particular outlet or story.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator, Optional

from ..knowledge import lexicon

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday)?\.?,?\s+)?"

#: Written-out dates, with or without the year, most specific first.
_TEXT_DATES = [
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}\b", re.I),      # April 18, 2023
    re.compile(rf"\b{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I),   # 18th April, 2023
    re.compile(rf"\b{_YEAR}(?P<sep>[-/.])(?P<nmonth>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)\b"),  # 2022-09-13
    re.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<nmonth>[01]?\d)\.{_YEAR}\b"),            # 13.9.2022
    re.compile(rf"\b(?P<day>[0-3]?\d)-(?P<nmonth>[01]?\d)-{_YEAR}\b"),              # 13-09-2022 15:05:00
    re.compile(rf"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR}\b"),                    # 9/13/2022
]
_YEARLESS_DATES = [
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b(?![:.]\d)", re.I),                # Sept 13
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+{_MONTH}(?!\w)", re.I),                      # 13 September
]
_TIME = re.compile(
    r"(?<![\d.:/])(?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?(?![\d.:/])",
    re.I,
)
_PUBLISHED = re.compile(
    r"\b(?P<word>first published|published|posted|last updated|updated|last modified|modified)\b",
    re.I,
)
#: Where a dateline ends: "(Reuters) -", " — ", or a state agency's slashes ("MOSCOW, October 3. /ITAR-TASS/.").
_DATELINE_END = re.compile(r"\)\s*(?:-{1,2}|—|–|:)?\s|\s(?:-{1,2}|—|–)\s|\s?—\s?|\s/[A-Z][\w\-]*/\.?\s")

#: How far down the text a dateline, byline or publication line may be.
HEADER_LINES = 12
HEADER_CHARS = 2000
DATELINE_LINES = 6


@dataclass(frozen=True)
class StatedDate:
    """A date the article states about itself."""

    value: dt.datetime
    #: The time of day was stated too (else ``value`` is midnight).
    has_time: bool
    #: Short human-readable origin, e.g. "dateline 'MOSCOW, Sept 13'".
    note: str
    #: The year was not written and was assumed.
    year_assumed: bool = False


#: The years an article's office holders allow (ingest.infer.office_years), asked for only when needed.
OfficeYears = Callable[[], Optional[tuple[int, int]]]


def find_stated_date(text: str, year_hint: Optional[dt.date] = None,
                     office_years: Optional[OfficeYears] = None) -> Optional[StatedDate]:
    """The article's own date from the top of its text, or None.

    Tried in order: a "Published ..." line (before "Updated ..."), a dateline opening a paragraph
    ("MOSCOW, Sept 13 (Reuters) -"), a short byline or date line ("Nov 15, 2012"). ``year_hint``
    (e.g. the file's date) supplies the year for a dateline that omits it; ``office_years`` the years the
    office holders it names allow, where its lead's weekday picks one.
    """
    lines = _header_lines(text)
    return (
        _from_publication_lines(lines)
        or _from_datelines(lines, year_hint, text, office_years)
        or _from_short_lines(lines)
    )


def parse_date_string(value: str) -> Optional[tuple[dt.datetime, bool]]:
    """A machine- or human-written date (ISO 8601, RFC 2822, "April 18, 2023") -> (naive, has_time).

    Times keep the wall-clock time written (the offset is dropped): the local day is the one that
    relative expressions in the article refer to.
    """
    value = value.strip()
    if not value:
        return None
    iso = value.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", value) else value
    try:
        parsed = dt.datetime.fromisoformat(iso)
        return _plausible(parsed.replace(tzinfo=None), "T" in iso)
    except ValueError:
        pass
    compact = re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)", value)
    if compact:
        return _plausible(_safe_datetime(*map(int, compact.groups())), False)
    for found in _dates_in(value):
        day, _ = found
        time = _time_near(value)
        return _plausible(_combine(day, time), time is not None)
    import email.utils  # here, not at the top: it costs the window's start-up ~8 ms and is rarely needed

    try:  # RFC 2822 forms the patterns above missed
        parsed = email.utils.parsedate_to_datetime(value)
        if parsed is not None:
            return _plausible(parsed.replace(tzinfo=None), True)
    except (TypeError, ValueError, IndexError):
        pass
    return None


# ---- the header of the text -------------------------------------------------------------------

def _header_lines(text: str) -> list[str]:
    head = text[:HEADER_CHARS]
    lines = [line.strip() for line in head.split("\n")]
    return [line for line in lines if line][:HEADER_LINES]


def _from_publication_lines(lines: list[str]) -> Optional[StatedDate]:
    best: Optional[StatedDate] = None
    for line in lines:
        if len(line) > 160:
            continue  # a paragraph, not a publication line
        for match in _PUBLISHED.finditer(line):
            if match.start() > 0 and not match.group(0)[0].isupper():
                continue  # "the report, published on ..." inside a sentence
            rest = line[match.end():]
            found = next(_dates_in(rest), None)
            if found is None:
                continue
            day, date_text = found
            time = _time_near(rest)
            word = match.group("word").lower()
            stated = StatedDate(
                _combine(day, time), time is not None,
                f"'{_clip(line[match.start():])}'",
            )
            if "updated" not in word and "modified" not in word:
                return stated  # a publication line beats an update line
            best = best or stated
    return best


def _from_datelines(lines: list[str], year_hint: Optional[dt.date], text: str = "",
                    office_years: Optional[OfficeYears] = None) -> Optional[StatedDate]:
    for line in lines[:DATELINE_LINES]:
        prefix = _dateline_prefix(line)
        if prefix is None:
            continue
        found = next(_dates_in(prefix), None)
        year_assumed = False
        if found is None:
            yearless = next(_yearless_in(prefix), None)
            if yearless is None:
                continue
            found = _with_year(yearless, lines, _year_hint_from_text(text, year_hint))
            year_assumed = found is None or found[1]
            by_weekday = _year_by_weekday(yearless, line[len(prefix):], text, year_hint,
                                          office_years) if year_assumed else None
            if by_weekday is not None:
                day, weekday, among = by_weekday
                note = (f"dateline '{_clip(prefix.rstrip(' -—–:'))}' (year {day.year}: the first {among} on which "
                        f"that day is the {weekday} its lead names)")
                return StatedDate(_combine(day, None), False, note, True)
            if found is None:
                continue
            found = (found[0], "")
        day, _ = found
        note = f"dateline '{_clip(prefix.rstrip(' -—–:'))}'"
        if year_assumed:
            from_file = year_hint is not None and day.year in (year_hint.year, year_hint.year - 1)
            note += " (year assumed from the file date)" if from_file else f" (year assumed: {day.year}, the latest the article names)"
        return StatedDate(_combine(day, None), False, note, year_assumed)
    return None


def _dateline_prefix(line: str) -> Optional[str]:
    """The "PLACE, DATE (AGENCY) -" opening of a paragraph, if the line starts with one."""
    if not line[:1].isupper():
        return None
    for end in _DATELINE_END.finditer(line[:160]):
        prefix = line[: end.end()]
        if _has_date(prefix):
            words = re.findall(r"[^\W\d_]+", prefix)
            lowercase = [w for w in words if w.islower() and w.lower() not in _MONTH_WORDS_LOWER]
            # A dateline is names, a date and an agency: almost no ordinary lowercase words.
            return prefix if len(lowercase) <= 1 else None
    return None


def _from_short_lines(lines: list[str]) -> Optional[StatedDate]:
    """A line near the top that is only a date, or a byline with a date ("By Jane Doe, Nov 15, 2012")."""
    for index, line in enumerate(lines[:DATELINE_LINES + 2]):
        if len(line) > 100:
            continue
        found = next(_dates_in(line), None)
        if found is None:
            continue
        day, date_text = found
        if index == 0 and len(lines) > 1 and not line.lower().startswith("by ") and not _masthead(line, day):
            continue  # the first line is the title; a date there is the story's subject
        rest = line.replace(date_text, " ", 1)
        ordinary = [w for w in re.findall(r"[^\W\d_]+", rest) if w.islower() and w not in _BYLINE_WORDS]
        if len(ordinary) > 2:
            continue  # a sentence or a subheading that mentions a date, not a date line
        time = _time_near(line)
        return StatedDate(_combine(day, time), time is not None, f"date line '{_clip(line)}'")
    return None


_MASTHEAD = re.compile(r"(?:^|[-|·•—–]\s*)(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s", re.I)


def _masthead(line: str, day: dt.date) -> bool:
    """"- The Daily Example - Monday, March 3, 2014": a paper's name and the day, its weekday agreeing with
    the date (a title names no weekday that happens to agree with a full date beside it)."""
    m = _MASTHEAD.search(line)
    return bool(m) and day.isoweekday() == ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(
        m["wd"][:3].lower()) + 1


# ---- low-level matching -----------------------------------------------------------------------

#: Lowercase words a byline or date line may hold besides names and the date.
_BYLINE_WORDS = {"by", "and", "at", "on", "am", "pm", "a", "p", "m", "updated", "published", "posted", "last", "of"}

_MONTH_WORDS_LOWER = {
    "of", "st", "nd", "rd", "th", "jan", "january", "feb", "february", "mar", "march", "apr", "april",
    "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct",
    "october", "nov", "november", "dec", "december",
}


def _has_date(text: str) -> bool:
    """Any date, with or without its year."""
    return next(_dates_in(text), None) is not None or next(_yearless_in(text), None) is not None


def _dates_in(text: str) -> Iterator[tuple[dt.date, str]]:
    """Full dates (day, month, year) in ``text`` as (date, matched text), earliest first."""
    found: list[tuple[int, dt.date, str]] = []
    for pattern in _TEXT_DATES:
        for match in pattern.finditer(text):
            day = _date_from_match(match)
            if day is not None:
                found.append((match.start(), day, match.group(0)))
    for _, day, date_text in sorted(found, key=lambda item: item[0]):
        yield day, date_text


def yearless_dates(text: str) -> list[tuple[re.Match, int, int]]:
    """(match, month, day) for every date written without a year ("Sept 13", "13 September"), in text order."""
    hits = []
    for pattern in _YEARLESS_DATES:
        for match in pattern.finditer(text):
            day = int(match.group("day"))
            if 1 <= day <= 31:
                hits.append((match, _MONTHS[match.group("month")[:3].lower()], day))
    hits.sort(key=lambda hit: hit[0].start())
    return hits


def _yearless_in(text: str) -> Iterator[tuple[int, int, str]]:
    """(month, day, text) for dates written without a year."""
    for match, month, day in yearless_dates(text):
        yield month, day, match.group(0)


def _with_year(
    yearless: tuple[int, int, str], lines: list[str], year_hint: Optional[dt.date]
) -> Optional[tuple[dt.date, bool]]:
    """Give a year-less dateline date its year: from a full date near it, else the file's date."""
    month, day, _ = yearless
    for line in lines:
        for full, _ in _dates_in(line):
            if (full.month, full.day) == (month, day):
                return full, False
    if year_hint is None:
        return None
    for year in (year_hint.year, year_hint.year - 1):
        candidate = _safe_date(year, month, day)
        # The latest such day not after the file was written (a day of slack for time zones).
        if candidate is not None and candidate <= year_hint + dt.timedelta(days=1):
            return candidate, True
    return None


_NAMED_YEAR = re.compile(r"(?<![\d$£€.,])(?:19|20)\d\d(?![\d%]|,\d|\.\d)")
_WEEKDAY_NAME = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
def weekday_number(name: str) -> int:
    """Monday = 0 ... Sunday = 6, from a weekday's name or its first three letters ("Thu.")."""
    return [n[:3].lower() for n in _WEEKDAY_NAMES].index(name[:3].lower())


def named_years(text: str) -> list[int]:
    """Every year the text names ("in 2014", "2008's"), in order, not amounts or decimals ("$2000", "2,014"),
    nor a number that names a thing after a capitalised word ("a Mirage 2000", "Resolution 2098"; a month, a
    season or a function word may stand before a year: "May 2014", "In 2014")."""
    return [year for year, _ in named_year_positions(text)]


def named_year_positions(text: str) -> list[tuple[int, int]]:
    """named_years, each with where it stands in the text."""
    years = []
    for m in _NAMED_YEAR.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if before is not None and before.group(1)[:1].isupper() and not _year_may_follow(before.group(1)):
            continue
        years.append((int(m.group(0)), m.start()))
    return years


_WORD_BEFORE = re.compile(r"(\w+)\.?\s+\Z")


_SEASONS = frozenset(("spring", "summer", "autumn", "fall", "winter"))
_MONTH_WORD = re.compile(_MONTH.replace(r")\.?", ")"), re.IGNORECASE)


def _year_may_follow(word: str) -> bool:
    lowered = word.lower()
    return (len(word) == 1 or bool(_MONTH_WORD.fullmatch(word)) or lowered in _SEASONS   # ("A 2040 plan")
            or lowered in _function_words())


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(lexicon.entries("english_function_words"))


def _named_years(text: str, upper: Optional[int]) -> set[int]:
    """The years the text names, those after ``upper`` (the file's year: a plan) left out."""
    named = set(named_years(text))
    return named if upper is None else {y for y in named if y <= upper}


#: How many years a weekday may be looked for past the latest year the article names.
_WEEKDAY_SEARCH_YEARS = 12


def _year_by_weekday(yearless: tuple[int, int, str], lead: str, text: str, year_hint: Optional[dt.date],
                     office_years: Optional[OfficeYears] = None) -> Optional[tuple[dt.date, str, str]]:
    """"KHARTOUM, April 20 (wire) - Sudan said on Friday ...": wire copy names the dateline's own day in its
    lead, so the day falls on the weekday the lead's verb of saying carries, else the one it names last. The year
    is the first in which it does: among
    the years the office holders the article names allow (from the latest year it names), else from the latest
    year it names. (day, weekday, which years) or None when the lead names no weekday, or the article neither
    office holders nor a year."""
    names = _WEEKDAY_NAME.findall(lead)
    if not names:
        return None
    upper = year_hint.year if year_hint is not None else dt.date.today().year
    named_years = _named_years(text, upper)
    allowed = office_years() if office_years is not None else None
    searches = []
    if allowed:
        searches.append((range(max(max(named_years, default=allowed[0]), allowed[0]), min(upper, allowed[1]) + 1),
                         "year the office holders it names allow"))
    if named_years:
        searches.append((range(max(named_years), min(upper, max(named_years) + _WEEKDAY_SEARCH_YEARS) + 1),
                         "from the latest year the article names"))
    month, day, _ = yearless
    name = _reported_weekday(lead) or names[-1]
    weekday = weekday_number(name)
    for years, among in searches:
        for year in years:
            candidate = _safe_date(year, month, day)
            if candidate is not None and candidate.weekday() == weekday:
                return candidate, name, among
    return None


@lru_cache(maxsize=1)
def _weekday_by_report() -> re.Pattern:
    """A weekday right before or after a finite verb of saying (lexicon reporting_verbs): "X on Thursday
    accused", "Y said on Tuesday", "Z said Tuesday"."""
    verbs = lexicon.alternation(lexicon.finite_forms("reporting_verbs"))
    weekday = rf"({'|'.join(_WEEKDAY_NAMES)})"
    return re.compile(rf"\b{weekday}\s+(?:[a-z]+ly\s+)?(?:{verbs})\b|\b(?:{verbs})\s+(?:\w+\s+){{0,2}}?(?:on\s+)?"
                      rf"{weekday}\b")


def lead_weekday(text: str) -> Optional[int]:
    """The weekday (Monday = 0) of a story's own news, from its opening: the weekday a verb of saying
    carries there, else the last one it names; None when it names none."""
    lead = text[:_LEAD_CHARS]
    name = _reported_weekday(lead) or next(reversed(_WEEKDAY_NAME.findall(lead)), None)
    return None if name is None else weekday_number(name)


def names_weekdays(text: str) -> bool:
    return _WEEKDAY_NAME.search(text) is not None


#: How much of a story's opening tells its own day ("... said on Tuesday" in its first paragraph or two).
_LEAD_CHARS = 800


def _reported_weekday(lead: str) -> Optional[str]:
    """The weekday of the lead's report -- the dateline's day -- when a verb of saying carries one: "Djibouti on
    Thursday accused Eritrea of an attack that broke out on Tuesday" is Thursday's news."""
    m = _weekday_by_report().search(lead)
    return (m.group(1) or m.group(2)) if m else None


def _year_hint_from_text(text: str, year_hint: Optional[dt.date]) -> Optional[dt.date]:
    """The day a year-less dateline's year is taken from: the file's date, unless the article names years
    and not the file's: then the end of the latest year it names (never the file's year when the text names
    another)."""
    named = _named_years(text, year_hint.year if year_hint is not None else None)
    if not named or (year_hint is not None and year_hint.year in named):
        return year_hint
    return dt.date(max(named), 12, 31)


def _date_from_match(match: re.Match) -> Optional[dt.date]:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        month = _MONTHS[groups["month"][:3].lower()]
        return _safe_date(year, month, int(groups["day"]))
    if groups.get("nmonth"):
        return _safe_date(year, int(groups["nmonth"]), int(groups["day"]))
    first, second = int(groups["a"]), int(groups["b"])
    # Slashes: US month/day unless the first number cannot be a month.
    if first > 12:
        return _safe_date(year, second, first)
    return _safe_date(year, first, second)


def _time_near(text: str) -> Optional[dt.time]:
    for match in _TIME.finditer(text[:80]):
        hour, minute = int(match.group("hour")), int(match.group("minute"))
        ampm = (match.group("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24:
            return dt.time(hour, minute)
    return None


def _combine(day: dt.date, time: Optional[dt.time]) -> dt.datetime:
    return dt.datetime.combine(day, time or dt.time(0, 0))


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _safe_datetime(year: int, month: int, day: int) -> Optional[dt.datetime]:
    day_value = _safe_date(year, month, day)
    return dt.datetime.combine(day_value, dt.time()) if day_value else None


def _plausible(value: Optional[dt.datetime], has_time: bool) -> Optional[tuple[dt.datetime, bool]]:
    """Reject placeholder and far-future dates (0001-01-01, 2099 ...) that some pages carry."""
    if value is None:
        return None
    if not 1900 <= value.year <= dt.date.today().year + 1:
        return None
    return value, has_time


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
