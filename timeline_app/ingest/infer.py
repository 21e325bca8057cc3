"""The publication day when the article states none, inferred from dated evidence in its text.

Each evidence source reads the text and returns :class:`Evidence` items: a day the publication cannot lie
before (news reports what already happened), with a weight and a note for ``reference_note``. The inferred
day is the latest dated day, when another dated day lies close to it or a weekday fixes it (a lone
background date only says the article is not older). A file date is kept when the evidence allows it: on
or shortly after that day, or, with weak evidence, any day not before it.

Sources plug in by being added to :data:`EVIDENCE_SOURCES`; the terms of office holders the article names
("Secretary of State X") belong there as one more source: one item per named holder, ``earliest`` = the
term's start, ``latest`` = its end (None while in office). Weak evidence (years, terms) bounds the day from
both sides; a file date inside the bounds stands, one outside them gives way to their middle.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from ..knowledge import lexicon, officeholders
from ..knowledge.letters import CAPITALS
from .dates import (_MONTHS, _TEXT_DATES, _date_from_match, _safe_date, lead_weekday, named_year_positions,
                    named_years, names_weekdays,
                    weekday_number, yearless_dates)

#: A file date this long after the latest dated evidence is still believed.
FILE_DATE_SLACK = dt.timedelta(days=30)
#: Dated days this close to the latest one support it.
CLUSTER_DAYS = 31
WEEKDAY_NOTE = "(weekday and date agree)"


@dataclass(frozen=True)
class Evidence:
    earliest: dt.date              # the publication lies on or after this day
    weight: float                  # how much it counts (a full date 1.0; a bare year less)
    note: str
    latest: Optional[dt.date] = None   # ... and not after this one, when the evidence says so


@dataclass(frozen=True)
class Inference:
    day: dt.date
    note: str
    confidence: str                # "high" | "medium" | "low"
    #: For a year inferred from office holders' terms: the first and last year the evidence allows.
    years: Optional[tuple[int, int]] = None


_WEEKDAY_DATE = re.compile(
    r"\b(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+(?P<rest>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+[0-3]?\d|[0-3]?\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b")


def dated_days(text: str) -> list[Evidence]:
    """Fully dated days the article mentions ("September 14, 2022", "2022-09-14")."""
    found = []
    for pattern in _TEXT_DATES:
        for m in pattern.finditer(text):
            day = _date_from_match(m)
            if day is not None:
                found.append(Evidence(day, 1.0, f"mentions {m.group(0).strip()}"))
    return found


def weekday_dates(text: str, years: list[int]) -> list[Evidence]:
    """"Sunday, Sept. 18" without a year: the year (of those the article names, or near them) where that day
    is that weekday."""
    if not years:
        return []
    found = []
    for m in _WEEKDAY_DATE.finditer(text):
        parts = m["rest"].replace(".", "").split()
        month_word, day_word = (parts[0], parts[1]) if parts[0][:1].isalpha() else (parts[1], parts[0])
        month = _MONTHS[month_word[:3].lower()]
        wd = weekday_number(m["wd"]) + 1
        for year in sorted(set(range(min(years), max(years) + 2)), reverse=True):
            try:
                day = dt.date(year, month, int(day_word))
            except ValueError:
                continue
            if day.isoweekday() == wd:
                found.append(Evidence(day, 1.0, f"{m.group(0).strip()} is {day.isoformat()} {WEEKDAY_NOTE}"))
                break
    return found


def told_years(text: str) -> list[int]:
    """The years the article tells of: named_years less those of plans and limits ("could begin pumping by
    2016", "not expected to be named until the end of 2012"), which lie after its time."""
    ahead = _ahead_before()
    return [year for year, start in named_year_positions(text) if not ahead.search(text, max(0, start - 80), start)]


def _year_evidence(text: str) -> list[Evidence]:
    years = told_years(text)
    if not years:
        return []
    latest = max(years)
    return [Evidence(dt.date(latest, 1, 1), 0.3, f"names {latest}")]


#: "last year's 2021 vote", "in 2021, last year": a named year beside "this/last/next year" fixes the year of
#: publication (both ways: the article is of that year, not older and not newer).
#: (Not two times set apart: "the worst since 2016", "broke out in 2016 and again earlier this year".)
_BETWEEN = r"(?:(?!\b(?:and|but|or|while|whereas|since|than|before|after|until)\b)[^.;\n]){0,30}?"
_YEAR_BESIDE = re.compile(
    rf"\b(?P<rel>this|last|next)\s+year(?:'s)?\b{_BETWEEN}(?<![\d$£€.,])(?P<y>(?:19|20)\d\d)\b"
    rf"|(?<![\d$£€.,])(?P<y2>(?:19|20)\d\d)\b{_BETWEEN}\b(?P<rel2>this|last|next)\s+year\b", re.I)
_YEAR_STEP = {"this": 0, "last": 1, "next": -1}


def _relative_year_evidence(text: str) -> list[Evidence]:
    found = []
    for m in _YEAR_BESIDE.finditer(text):
        named = int(m["y"] or m["y2"])
        year = named + _YEAR_STEP[(m["rel"] or m["rel2"]).lower()]
        found.append(Evidence(dt.date(year, 1, 1), 0.5, f"'{m.group(0)}' puts it in {year}",
                              latest=dt.date(year, 12, 31)))
    return found


def _weekday_evidence(text: str) -> list[Evidence]:
    return weekday_dates(text, named_years(text))


#: Every source of evidence, each a function of the text. Office holders' terms plug in here.
EVIDENCE_SOURCES: list[Callable[[str], list[Evidence]]] = [dated_days, _weekday_evidence, _year_evidence,
                                                           _relative_year_evidence]


def infer_publication(text: str, file_date: Optional[dt.date] = None) -> Optional[Inference]:
    """The publication day the evidence points at, or None when the file's date agrees with it (or when
    there is no evidence at all)."""
    items = [e for source in EVIDENCE_SOURCES for e in source(text)]
    if file_date is not None:
        items = [e for e in items if e.earliest <= file_date]      # a date ahead of the file is a plan
    if not items:
        return _year_in_office(text, file_date)
    days = sorted((e for e in items if e.weight >= 1.0), key=lambda e: e.earliest)
    if days and _corroborated(days):
        cluster = [e for e in days if (days[-1].earliest - e.earliest).days <= CLUSTER_DAYS]
        best, confidence = days[-1], "high" if len(cluster) >= 3 else "medium"
        if file_date is not None and best.earliest <= file_date <= best.earliest + FILE_DATE_SLACK:
            return None
        evidence = "; ".join(e.note for e in cluster[-3:])
        return Inference(best.earliest, f"inferred ({confidence} confidence) from the text: {evidence}; the "
                                        f"article states no date", confidence)
    return _within_bounds(text, items, file_date) or _year_in_office(text, file_date)


def _within_bounds(text: str, items: list[Evidence], file_date: Optional[dt.date]) -> Optional[Inference]:
    """Weak evidence: the article is not older than its latest 'earliest' day, and not newer than its first
    'latest' day (a term of office that ended). The file's date stands inside those bounds; outside them the
    day is the latest the text names without its year inside them, else the middle of what they allow."""
    lower = max(items, key=lambda e: e.earliest)
    bounded = [e for e in items if e.latest is not None]
    if not bounded:
        return None     # only "not older than": any later file date is allowed
    upper = min(bounded, key=lambda e: e.latest)
    if upper.latest < lower.earliest:
        return None     # the evidence contradicts itself: better the file's date than a guess
    if file_date is not None and lower.earliest <= file_date <= upper.latest:
        return None
    named = latest_day_named(text, lower.earliest, upper.latest)
    day, day_note = (_reported_after(text, named, upper.latest) if named
                     else (lower.earliest + (upper.latest - lower.earliest) / 2, ""))
    return Inference(day, f"inferred (low confidence) from the text: after {lower.note}, before {upper.note}"
                          f"{day_note}; the article states no date", "low")


#: AP Stylebook, "days of the week" and "dates": news names what happened within the seven days before it by
#: its weekday, and what lies further back by month and day.
WEEKDAY_REACH = dt.timedelta(days=7)


def _reported_after(text: str, named: tuple[dt.date, str], last: dt.date) -> tuple[dt.date, str]:
    """The publication day from the latest day the text names without its year, and its note: that day, when the
    article names no weekday; when it does (its recent days go by weekday), a week or more after it, on the
    weekday its lead reports; never after ``last``."""
    day, written = named
    if not names_weekdays(text):
        return day, f", on the latest day it names ({written})"
    day += WEEKDAY_REACH
    weekday = lead_weekday(text)
    if weekday is not None:
        day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    return min(day, last), (f", a week or more after the latest day it names ({written}; it names recent days by "
                            f"weekday)" + (f", on the {day.strftime('%A')} its lead reports" if weekday is not None
                                           else ""))


#: A capitalised run of words ("Secretary of State Mike Pompeo", "President Donald J. Trump") that does not run
#: over a sentence's end: only an initial keeps its period.
_NAME_WORD = rf"(?:[A-Z]\.|[{CAPITALS}][\w'’-]*)"
#: Lowercase particles inside a name ("Abdel Fattah el-Sisi", "Mohammed bin Salman", "Ursula von der Leyen").
_PARTICLES = (rf"(?:(?:{'|'.join(lexicon.entries('name_particles'))})(?:\s+|-)"
              rf"|(?:{'|'.join(lexicon.entries('name_articles'))})-)*")
#: The run keeps to one line (a heading, a timestamp or a title line above is not part of a title) and does not
#: start inside an abbreviation ("K." of "U.K.").
_CAPITALISED_RUN = re.compile(rf"(?<![.\w]){_NAME_WORD}(?:[^\S\n]+(?:of[^\S\n]+|the[^\S\n]+)?{_PARTICLES}{_NAME_WORD})+")
_POSSESSIVE = re.compile(r"['’]s?\Z")
_APPOSED_NAME = re.compile(rf",\s+({_NAME_WORD}(?:\s+{_PARTICLES}{_NAME_WORD})+),")
#: Words before a title that say nothing of when the article was written ("the then President X", "acting
#: Prime Minister Y"): the holder tells nothing.
_NOT_DATING = re.compile(r"\b(?:then|outgoing|incoming|future|acting)[\s-]*\Z", re.I)


@lru_cache(maxsize=1)
def _out_of_office() -> tuple[re.Pattern, re.Pattern]:
    """Before a title and after a name: the words of lexicon out_of_office_words (the holder had left)."""
    words = "|".join(re.escape(w) for w in lexicon.entries("out_of_office_words"))
    return (re.compile(rf"\b(?:{words})[\s-]*\Z", re.I),
            re.compile(rf"\s+(?:was|were|had\s+been|has\s+been)\s+(?:{words})\b", re.I))


@dataclass(frozen=True)
class TitledHolder:
    note: str                                                # "President Joe Biden"
    terms: tuple[tuple[dt.date, Optional[dt.date]], ...]     # the matching terms: first and last day (None: open)
    former: bool = False                                     # "former President X": the article is after a term

    def in_office_during(self, year: int) -> bool:
        return any(first.year <= year and (last is None or year <= last.year) for first, last in self.terms)

    def in_office_between(self, first_day: dt.date, last_day: dt.date) -> bool:
        return any(first <= last_day and (last is None or first_day <= last) for first, last in self.terms)

    def share_of(self, year: int) -> float:
        """How much of ``year`` the holder spent in office (0..1; an open term runs to today)."""
        first_day, last_day = dt.date(year, 1, 1), dt.date(year, 12, 31)
        days = max((min(last or dt.date.today(), last_day) - max(first, first_day)).days + 1
                   for first, last in self.terms)
        return max(days, 0) / ((last_day - first_day).days + 1)

    def agrees_with(self, year: int) -> bool:
        """A holder named in office was in office in ``year``; a former one had left an office by then and
        does not hold it for the whole of that year."""
        if not self.former:
            return self.in_office_during(year)
        return any(last is not None and last.year <= year for _, last in self.terms) and not any(
            first.year < year and (last is None or last.year > year) for first, last in self.terms)


@lru_cache(maxsize=1)
def _office_words() -> list[tuple[re.Pattern, str]]:
    """resources/lexicon/office_titles.txt: the other words titles use for an office, longest first, each a
    pattern on whole words and its replacement ("secretary of state" -> "foreign minister")."""
    pairs = [tuple(part.strip().lower() for part in entry.split("=", 1)) for entry in lexicon.entries("office_titles")]
    return [(re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])"), role)
            for phrase, role in sorted(pairs, key=lambda pair: -len(pair[0]))]


def _roles_named(title: str, head: str, leads: bool) -> Callable[[str], bool]:
    """Whether a role of the office-holder data is the office ``title`` (the whole capitalised run before the
    name, lowercased: "iranian interior minister") names: every word of the role is in the title, once the
    title's other words for offices are replaced ("us secretary of state" -> "us foreign minister"; not
    "defence minister" in "interior minister"), a leader's title names REIGN's effective leader, or a bare
    title ("Minister X") names any role with its head word but a deputy's ("President X" is no vice
    president: lexicon deputy_office_words)."""
    for phrase, replacement in _office_words():
        title = phrase.sub(replacement, title)
    words = set(title.split())
    bare_title = len(words) == 1
    deputies = set(lexicon.entries("deputy_office_words"))
    return lambda role: (set(role.lower().split()) <= words or (role == "leader" and leads)
                         or (bare_title and head in role.split() and not deputies.intersection(role.split())))


def titled_office_holders(text: str) -> list[TitledHolder]:
    """"Secretary of State Mike Pompeo", "President Joe Biden": people the article names by name after a title
    of office, with the terms (resources/officeholders/) of the office the title names (see _roles_named).
    The name is the last two or three words of the run that name somebody; a name of one word
    names nobody here (a surname is shared across centuries). "Former" holders are kept as such; "acting",
    "incoming" and the like say nothing of the time."""
    titles = {entry.lower() for entry in lexicon.entries("titles")}
    leader_titles = {entry.lower() for entry in lexicon.entries("leader_titles")}
    function_words = set(lexicon.entries("english_function_words"))
    found, seen = [], set()
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        heads = [i for i, word in enumerate(words) if word.lower().rstrip(".") in titles]
        if heads and heads[-1] == len(words) - 1:
            # "The Foreign Secretary, Margaret Beckett, said": the name set off after its title
            apposed = _APPOSED_NAME.match(text, m.end())
            words += apposed.group(1).split() if apposed else []
        words[-1] = _POSSESSIVE.sub("", words[-1])
        if not heads or heads[-1] + 3 > len(words):
            continue
        # What stands before the title: the words before the run, and the run's own words before it ("Former").
        befores = (text[max(0, m.start() - 20):m.start()].rstrip(), " ".join(words[:heads[0]]))
        if any(_NOT_DATING.search(before) for before in befores):
            continue
        left_before, left_after = _out_of_office()
        former = any(left_before.search(before) for before in befores) or bool(
            left_after.match(text, m.end(), m.end() + 40))
        # The office is read from the whole run before the name ("Interior" in "Iranian Interior Minister",
        # "Prime" in "Prime Minister"), less a sentence's opening word ("But President X").
        start = 1 if words[0].lower() in function_words else 0
        for size in (3, 2):
            if len(words) - size <= heads[-1]:
                continue
            name = " ".join(words[-size:])
            office = " ".join(words[start:-size])
            lowered = office.lower().replace(".", "")
            if (lowered, name) in seen:
                break
            leads = any(lowered == t or lowered.endswith(" " + t) for t in leader_titles)
            names_role = _roles_named(lowered, words[heads[-1]].lower().rstrip("."), leads)
            person = officeholders.holders().person_terms(name)
            terms = _led_in_the_office_named([t for t in person if names_role(t[0])],
                                             [t for t in person if not names_role(t[0])])
            if terms:
                seen.add((lowered, name))
                found.append(TitledHolder(f"{'former ' if former else ''}{office} {name}", terms, former))
                break
    return found


def _led_in_the_office_named(named: list[tuple], other: list[tuple]) -> tuple[tuple[dt.date, Optional[dt.date]], ...]:
    """The (first, last) days of the terms (role, side, first, last) a title named, less, for REIGN's effective
    leader, the time the person led from another leader's office the title does not name (lexicon
    leader_titles): "President Erdogan" leads from 2014, not from 2003 when he led as prime minister;
    "President Putin" not from 2008 to 2012. A minister's portfolio held beside the lead cuts nothing."""
    leading = set(lexicon.entries("leader_titles"))
    spans = []
    for role, side, first, last in named:
        pieces = [(first, last)]
        if role == "leader":
            for other_role, other_side, cut_first, cut_last in other:
                if other_side == side and other_role in leading:
                    pieces = [piece for span in pieces for piece in _less(span, cut_first, cut_last)]
        spans += pieces
    return tuple(spans)


def _less(span: tuple[dt.date, Optional[dt.date]], cut_first: dt.date, cut_last: Optional[dt.date]):
    """``span`` without the days from ``cut_first`` to ``cut_last`` (None: open-ended)."""
    first, last = span
    if (cut_last is not None and cut_last < first) or (last is not None and cut_first > last):
        return [span]
    kept = []
    if cut_first > first:
        kept.append((first, cut_first - dt.timedelta(days=1)))
    if cut_last is not None and (last is None or cut_last < last):
        kept.append((cut_last + dt.timedelta(days=1), last))
    return kept


def untitled_office_holders(text: str, titled: list[TitledHolder]) -> list[TitledHolder]:
    """"Benjamin Netanyahu", "Hassan Rouhani": office holders named by their full name without a title, with
    every term of that person (OfficeHolders.person_terms), whatever the office. The ones ``titled`` found
    already, those under a title (which names another office, or another person), and those the few words
    before call former ("former leader X", "the ousted X"), not yet in office ("Democratic nominee X") or say
    nothing of ("then X") are left out."""
    # Courtesy, legislative and military titles name no office of the data ("Sen. X", "Gen. X").
    no_office = {entry.lower() for entry in lexicon.entries("person_titles") + lexicon.entries("rank_abbreviations")}
    titles = {entry.lower().rstrip(".") for entry in lexicon.entries("titles")} | no_office
    not_now = {word.lower() for word in lexicon.entries("out_of_office_words")
               + lexicon.entries("not_yet_in_office_words")} | {"then", "late"}
    function_words = set(lexicon.entries("english_function_words"))
    leader_titles = {entry.lower() for entry in lexicon.entries("leader_titles")}
    seen = {" ".join(h.note.split()[-2:]) for h in titled}
    found = []
    for m in _CAPITALISED_RUN.finditer(text):
        words = [_POSSESSIVE.sub("", word) for word in m.group(0).split()]
        before = text[max(0, m.start() - 30):m.start()].lower().replace("-", " ").split()[-3:]
        before += m.group(0).lower().replace("-", " ").split()[:-2]      # ("President-elect X Y")
        if not_now.intersection(before) or any(word.lower().rstrip(".") in titles for word in words):
            continue
        word_before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if word_before and word_before.group(1).lower().rstrip(".") in no_office:
            continue     # "Sen. Marco Rubio", "Army chief Gen. X": named under a title of no office of theirs
        apposed = _TITLE_APPOSED.search(text, max(0, m.start() - 80), m.start())
        office = apposed.group(1).lower() if apposed and apposed.group(2).lower() in titles else None
        for size in (3, 2):
            name_words = words[-size:]
            if len(words) < size or not _reads_as_person_name(name_words, function_words):
                continue
            name = " ".join(name_words)
            if name in seen or " ".join(name_words[-2:]) in seen:
                break
            person = officeholders.holders().person_terms(name)
            if office is not None:
                # "Russia's president, X," names X's office; "The UN special co-ordinator for Lebanon, X," names
                # one the data does not hold for X, whatever else X held
                head = office.split()[-1]
                names_role = _roles_named(office, head, any(office == t or office.endswith(" " + t)
                                                            for t in leader_titles))
                person = [t for t in person if names_role(t[0])]
            terms = tuple((first, last) for _, _, first, last in person)
            if terms:
                seen.add(name)
                found.append(TitledHolder(name, terms))
                break
    return found


#: A title set off before a name: "The UN special co-ordinator for Lebanon, " (its head word, then a few words).
_TITLE_APPOSED = re.compile(r"((?:[\w'’\-]+\s+){0,4}?([\w\-]+))(?:\s+(?:of|for|to|in|at)(?:\s+the)?"
                            r"(?:\s+[A-Z][\w\-]*){1,3})?,\s+\Z")
#: The word right before a name on its line.
_WORD_BEFORE = re.compile(r"(\S+)[^\S\n]+\Z")
#: "Iran-backed", "US-led" are no words of a name; "Abdul-Malik", "al-Houthi" and "Kim Jong-un" are.
_COMPOUND_ADJECTIVE = re.compile(r"\w-[a-z]+ed\Z")


def _reads_as_person_name(words: list[str], function_words: set[str]) -> bool:
    """Whether capitalised words can be a person's name: none is an English function word ("A Houthi", "Treaty
    of Paris", "A Houthi") or a compound adjective ("Iran-backed Houthi")."""
    return not any(len(word) == 1 or word.lower() in function_words or _COMPOUND_ADJECTIVE.search(word)
                   for word in words)


def _agreeing_years(text: str, file_date: Optional[dt.date]):
    """(holders, the years the article names, the first year considered, the years that agree with the most
    office holders the article names, with a title or without) -- in office then, or out of an office for a
    "former" one -- not before the latest year the article names (news tells of its own year and the ones
    before); None without holders."""
    titled = titled_office_holders(text)
    holders = titled + untitled_office_holders(text, titled)
    if not holders:
        return None
    limit = file_date.year if file_date is not None else dt.date.today().year
    years = [y for y in told_years(text) if y <= limit]
    first = max(years) if years else min(start.year for h in holders for start, _ in h.terms)
    scores = {y: sum(h.agrees_with(y) for h in holders) for y in range(first, limit + 1)}
    best = max(scores.values(), default=0)
    if best == 0 or (best == 1 and len(holders) > 2):
        return None     # (three or more named, no two ever in office together: the evidence contradicts itself)
    # (A year written with a month, "In November 2011", may be the year of publication: BBC and Daily Mail copy
    # write it for their own year's background as often as AP leaves it out. Read as "the years after it", it
    # took the right year from 3 of 24 blind articles and gave it to 1.)
    return holders, years, first, [y for y, score in scores.items() if score == best]


def office_years(text: str, file_date: Optional[dt.date] = None) -> Optional[tuple[int, int]]:
    """The first and last year the titled office holders an article names agree with (see _agreeing_years), or
    None: what a yearless dateline's year may be."""
    agreeing = _agreeing_years(text, file_date)
    return None if agreeing is None else (agreeing[3][0], agreeing[3][-1])


def _year_in_office(text: str, file_date: Optional[dt.date]) -> Optional[Inference]:
    """The year that agrees with the most titled office holders (see _agreeing_years). The file's year stands
    when it is one of those years; otherwise the one they spent most of in office together wins."""
    agreeing = _agreeing_years(text, file_date)
    if agreeing is None:
        return None
    holders, years, first, candidates = agreeing
    if file_date is not None and file_date.year in candidates:
        return None
    # Of those years, the one the holders in office spent most of together: a minister who took office in
    # November agrees with that year too, but little of it (the earliest wins a tie).
    # The latest day the text names without its year ("Sept. 19") is read in each of those years first: the year
    # in which the most holders were in office on that day or in the weeks after it (when it was reported) wins.
    # (a fully dated day of that year counts too: "16 December 2014: Taliban attack on school" in a timeline box)
    full_days = [(e.earliest, e.note.removeprefix("mentions ")) for e in dated_days(text)]
    named_in = {y: max(filter(None, [latest_day_named(text, dt.date(y, 1, 1), dt.date(y, 12, 31))]
                              + [d for d in full_days if d[0].year == y]), default=None) for y in candidates}
    year = max(candidates, key=lambda y: (
        sum(h.in_office_between(named_in[y][0], named_in[y][0] + FILE_DATE_SLACK) for h in holders
            if not h.former) if named_in[y] else 0,
        sum(h.share_of(y) for h in holders if h.agrees_with(y) and not h.former), -y))
    agreeing_holders = [h for h in holders if h.agrees_with(year)]
    notes = ", ".join(h.note for h in agreeing_holders[:3])
    span = f"{year}" if len(candidates) == 1 else f"{candidates[0]}-{candidates[-1]}"
    named = named_in[year]
    day, day_note = _reported_in_year(text, named, year) if named else (dt.date(year, 7, 1), "")
    return Inference(day,
                     f"inferred (low confidence{'' if named else ': the year only'}) from the office "
                     f"holders it names, who agree with {span} ({notes})" + (f", after the year {max(years)} it names"
                     if years else "") + day_note + "; the article states no date", "low",
                     (candidates[0], candidates[-1]))


def _reported_in_year(text: str, named: tuple[dt.date, str], year: int) -> tuple[dt.date, str]:
    """_reported_after for a publication in ``year``: a late-December day whose report would fall in the next
    January was named in the year before ("the attack on December 27th", reported on Friday, January 3)."""
    day, note = _reported_after(text, named, dt.date.max)
    earlier = _safe_date(year - 1, named[0].month, named[0].day)
    if day.year > year and earlier is not None:
        day_before, note_before = _reported_after(text, (earlier, named[1]), dt.date.max)
        if day_before.year == year:
            return day_before, note_before
    return min(day, dt.date(year, 12, 31)), note


@lru_cache(maxsize=1)
def _ahead_before() -> re.Pattern:
    """Before a date: lexicon future_markers anywhere in its clause ("talks due to resume on Sept. 20"), or
    limit_prepositions right before it ("until May 1")."""
    words = "|".join(re.escape(w) for w in lexicon.entries("future_markers"))
    limits = "|".join(re.escape(w) for w in lexicon.entries("limit_prepositions"))
    return re.compile(rf"(?:(?:^|\s)(?:{words})(?![\w'’])[^.;:\n]*|(?:^|\s)(?:{limits})\s+(?:the\s+)?)\Z", re.I)


_FOLLOWED_BY_YEAR = re.compile(r",?\s*(?:19|20)\d\d\b")


def latest_day_named(text: str, first: dt.date, last: dt.date) -> Optional[tuple[dt.date, str]]:
    """The latest day between ``first`` and ``last`` that the text names without its year ("Sept. 13", "13
    September"), and how it was written: news reports what just happened, so it is near the publication. A day
    in a clause about what lies ahead ("due on Sept. 20", "until May 1") is a plan and does not count."""
    best: Optional[tuple[dt.date, str]] = None
    ahead = _ahead_before()
    for m, month, day in yearless_dates(text):
        if _FOLLOWED_BY_YEAR.match(text, m.end()) or ahead.search(text, max(0, m.start() - 80), m.start()):
            continue
        for year in range(first.year, last.year + 1):
            named = _safe_date(year, month, day)
            if named is not None and first <= named <= last and (best is None or named > best[0]):
                best = (named, m.group(0).strip())
    return best


def _corroborated(days: list[Evidence]) -> bool:
    """News reports what just happened: the latest day it names is near its publication when another dated
    day lies close to it (or it is a weekday-date pair, which fixes its year). A lone background date is not."""
    latest = days[-1]
    return latest.note.endswith(WEEKDAY_NOTE) or sum(
        (latest.earliest - e.earliest).days <= CLUSTER_DAYS for e in days) >= 2
