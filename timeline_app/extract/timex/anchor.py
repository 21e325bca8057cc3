"""What relative expressions are resolved against: the reference date, the tense of the clause, and the
narrative's last resolved time. Plus the calendar arithmetic they need.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from .. import regex_cache as rc
from ..regex_cache import compile_cached


# ---- calendar arithmetic ---------------------------------------------------------------------------------
def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    if not 1 <= year <= 9999:
        return d
    month = m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: dt.date, years: int) -> dt.date:
    return add_months(d, 12 * years)


def shift(d: dt.date, n: int, unit: str) -> dt.date:
    """``d`` moved by ``n`` calendar ``unit``s (day week weekend month quarter year decade century)."""
    try:
        if unit in ("day", "night"):
            return d + dt.timedelta(days=n)
        if unit in ("week", "weekend", "fortnight"):
            return d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
        if unit == "month":
            return add_months(d, n)
        if unit == "quarter":
            return add_months(d, 3 * n)
        if unit == "year":
            return add_years(d, n)
        if unit == "decade":
            return add_years(d, 10 * n)
        if unit == "century":
            return add_years(d, 100 * n)
        if unit == "millennium":
            return add_years(d, 1000 * n)
    except (OverflowError, ValueError):
        return d
    return d


# ---- years before the common era ---------------------------------------------------------------------------
#: Python's dates start at 1 AD. A year BC is carried through the calendar arithmetic as a stand-in year
#: BC_BASE - n, so that "the following year" after 480 BC (4520) is 4521, i.e. 479 BC; values are written back
#: in TIMEX3's form (BC0479) by :func:`era_value`. No text names an AD year at or after BC_FLOOR.
BC_BASE = 5000
BC_FLOOR = 3000


def bc_stand_in(years_bc: int) -> int:
    return BC_BASE - years_bc


def era_value(value: str) -> Optional[str]:
    """"4521-06" -> "BC0479-06": the TIMEX3 value of a stand-in BC year; None for any other value."""
    if len(value) >= 4 and value[:4].isdigit() and int(value[:4]) >= BC_FLOOR:
        return f"BC{BC_BASE - int(value[:4]):04d}{value[4:]}"
    return None


def fmt_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def fmt_quarter(d: dt.date) -> str:
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def fmt_unit(d: dt.date, unit: str) -> str:
    """The TIMEX3 value naming the ``unit`` that contains ``d`` (2022-09-13 week -> 2022-W37)."""
    if unit in ("day", "night"):
        return fmt_day(d)
    if unit in ("week", "fortnight"):
        return fmt_week(d)
    if unit == "weekend":
        return fmt_week(d) + "-WE"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return fmt_quarter(d)
    if unit in ("year",):
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    if unit == "millennium":
        return f"{d.year // 1000}"
    return fmt_day(d)


def weekday_from(ref: dt.date, iso_weekday: int, direction: int) -> dt.date:
    """The ``iso_weekday`` nearest ``ref`` looking back (-1) or forward (+1); the same day counts as itself."""
    delta = iso_weekday - ref.isoweekday()
    if delta == 0:
        return ref
    if direction < 0:
        return ref + dt.timedelta(days=delta if delta < 0 else delta - 7)
    return ref + dt.timedelta(days=delta if delta > 0 else delta + 7)


def weekday_in_week(any_day: dt.date, iso_weekday: int) -> dt.date:
    return any_day + dt.timedelta(days=iso_weekday - any_day.isoweekday())


# ---- tense ----------------------------------------------------------------------------------------------
_FUTURE = compile_cached(
    r"\b(?:will|won't|shall|'ll|going\sto|is\sto|are\sto|plans?\sto|intends?\sto|scheduled|"
    r"expected\sto|expects?\sto|due\sto|to\sbe\sheld|set\sto|aims?\sto|upcoming|would\sbe\sheld|planning\sto|"
    r"is\sdue|are\sdue|is\sexpected|are\sexpected|to\sbegin|to\sstart|to\smeet|to\svisit|to\stravel|to\sreturn|"
    r"to\svote|to\shold|tomorrow|would|as\ssoon\sas)\b", re.I)
_PAST = compile_cached(
    r"\b(?:was|were|had|did|said|told|came|went|met|began|broke|fought|took|gave|made|held|left|fled|"
    r"saw|got|won|lost|shot|hit|struck|ran|sent|led|spoke|wrote|rose|fell|became|began|brought|bought|"
    r"sold|paid|put|set\soff|stood|thought|felt|knew|found|kept|heard|began|sought|caught|flew|drove|"
    r"ago|last|earlier|previously|yesterday|\w{3,}ed)\b", re.I)
_NOT_PAST_ED = {"need", "speed", "feed", "seed", "bleed", "breed", "proceed", "exceed", "succeed", "indeed",
                "embed", "united", "red", "bed", "shed", "hundred", "limited", "based", "related", "expected",
                "scheduled", "planned", "proposed", "supposed", "planned", "armed", "alleged", "disputed",
                "detailed", "advanced", "concerned", "interested", "dedicated"}
_PASSIVE_BEFORE = compile_cached(r"\b(?:be|been|being|is|are|am|to|will\sbe|would\sbe|'s|the|a|an|its|their|his|"
                             r"her|our|newly|recently)\s+(?:(?:\w+ly|still|yet|as\s+yet|so|very|not)\s+)?\Z", re.I)
_AGENT_AFTER = compile_cached(r"\s+by\s+(?:the|a|an|its|their|his|her)\b", re.I)
_VERB_RIGHT_BEFORE = compile_cached(r"\b(?P<w>\w+)\s+(?:(?:on|in|at|during|late|early|by)\s+)?\Z")
_DEADLINE_BEFORE = compile_cached(r"\b(?:postpon|extend|delay|defer|adjourn|push|put\s+off|has|have|given|gave)\w*\b[^.;]{0,40}"
                              r"\b(?:until|till)\s+(?:[\w.:]+\s+){0,3}\Z", re.I)
_COORDINATED_DAY = compile_cached(r"\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+(?:or|and)\s+\Z")
_MODAL_PASSIVE_BEFORE = compile_cached(r"\b(?:could|might|may|should|must)\s+be\s+\Z", re.I)
_NEGATION = compile_cached(r"\b(?:not|never|neither|nor|no)\b|n't\b", re.I)
_PLUPERFECT_PLAN = compile_cached(r"\bhad\s+been\s+\Z", re.I)     # "had been scheduled to expire Friday"
#: A plan, deal or decision followed by the infinitive the time expression belongs to ("agreed to acquire the
#: bank in January", "planned to leave on Thursday"): the time lies after the (past) decision.
_INFINITIVE_PLAN = compile_cached(
    r"\b(?:agreed|agreement|agrees|planned|plans?|decided|decides|voted|votes|promised|promises|pledged|vowed|"
    r"threatened|threatens|offered|offers?|hoped|hopes?|intended|wants?|wanted|deal|bid|proposal|prepared|ready|"
    r"poised|sought|seeks?|aims?|aimed|expected|expects?|scheduled|due|set|likely|decision|move|plan)\s+to\s+"
    r"(?!be\s+\w+ed\b|the\b|an?\b|his\b|her\b|its\b|their\b|this\b|that\b|these\b|those\b|\d|"
    r"(?:at|in|on|by|with|for|from|of|into|onto|upon|under|over|during)\b)[a-z]+\b"
    r"(?:(?!\b(?:which|who|when|after|before|since|said|says|but|and\s+(?:was|were|had))\b)[^.;:]){0,100}"
    r"\b(?:in|on|by|through|until|till|before|during)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?\Z", re.I)
#: Tense markers that are finite whatever stands before them (not participles).
_FINITE_PAST = {"was", "were", "had", "did", "ago", "last", "earlier", "previously", "yesterday"}
#: Where a clause ends: a full stop after a lower-case word or number (not "vs." as in "Roe vs. Wade"),
#: "!", "?", ";", a line break or a quotation mark.
#: (Each branch is picked by the mark it opens with, matched first, and checks what stands before the mark after
#: it: a pattern that opens with a character class lets the engine skip at C speed to those marks.)
_CLAUSE_BOUNDARY = compile_cached(r"[.!?;\n\"“”'`](?:(?<=[a-z0-9)\]][a-z0-9)\]]\.)(?<!\bvs\.)\s+(?=[A-Z\"“‘'(])"
                                  r"|(?<=[!?;])\s+(?=[A-Z\"“‘'(])|(?<=[\n\"“”])|(?<=')'|(?<=`)`)")


#: The clause of what was said, right after the time of saying it ("said on Thursday that ..."): its tense is its
#: own.
_REPORTED_AFTER = compile_cached(r",?\s+that\s", re.I)
#: ", Hamas said", ", the ministry told reporters": the clause's speaker after it.
_TRAILING_ATTRIBUTION = compile_cached(r",\s+(?:the\s+|a\s+)?(?:[\w'’\-]+\s+){0,4}?(?:said|says|told|added|reported|"
                                       r"announced|stated)\b")


def tense_near(text: str, start: int, end: int) -> int:
    """-1 when the clause around text[start:end] speaks of the past, +1 of the future, 0 when it can't tell;
    ±2 when the verb right before the expression says so ("erupted in", "said on").

    The nearest tense marker in the sentence wins; news defaults to the past when there is none.
    """
    left_limit = max(0, start - 160)
    left = text[left_limit:start]
    cut = None
    for m in _CLAUSE_BOUNDARY.finditer(left):
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    right = text[end:end + 160]
    m = _CLAUSE_BOUNDARY.search(right)
    if m:
        right = right[:m.start()]
    if _REPORTED_AFTER.match(right) or _TRAILING_ATTRIBUTION.match(right):
        right = ""                      # "told Congress on Thursday that Peru would accept": what was said; "will
                                        # be buried on Friday, Hamas said": who said it, not when it happens
    # A deadline pushed to a day ("postponed until Tuesday", "has until Friday") lies ahead.
    if _DEADLINE_BEFORE.search(left):
        return 2
    # "on Tuesday or Wednesday": the second of two coordinated days has the first one's tense
    pair = _COORDINATED_DAY.search(left)
    if pair is not None:
        first = start - len(left) + pair.start(1)
        return tense_near(text, first, first + len(pair.group(1)))
    # The verb right before the expression ("said Tuesday", "announced on Monday") decides at once.
    if rc.search(r"\bsince\s+(?:early\s+|late\s+|mid-?)?\Z", left, re.I):
        return -2       # "since March": a time already past
    plan = _INFINITIVE_PLAN.search(left)
    if plan and not _PLUPERFECT_PLAN.search(left[:plan.start()]):
        return 1
    vb = _VERB_RIGHT_BEFORE.search(left)
    if vb:
        word = vb["w"].lower()
        if word in ("will", "shall"):
            return 2
        if _PAST.fullmatch(word) and word not in _NOT_PAST_ED and word not in ("last", "earlier") \
                and not _PASSIVE_BEFORE.search(left[:vb.start("w")]):
            return -2
        if _MODAL_PASSIVE_BEFORE.search(left[:vb.start("w")]) and not _NEGATION.search(left):
            return 2        # "a session could be held on Wednesday": a possibility ahead
    best: Optional[tuple[int, int]] = None      # (distance, direction)
    for segment, offset_from_timex in ((left, lambda mm: len(left) - mm.end()), (right, lambda mm: mm.start())):
        for pattern, direction in ((_FUTURE, 1), (_PAST, -1)):
            for mm in pattern.finditer(segment):
                word = mm.group(0).lower()
                if direction < 0 and word not in _FINITE_PAST and (
                        word in _NOT_PAST_ED or _PASSIVE_BEFORE.search(segment[:mm.start()])):
                    continue        # a participle after "be", "the", "to": not the clause's tense
                if direction < 0 and word.endswith("ed") and word not in _FINITE_PAST \
                        and _AGENT_AFTER.match(segment, mm.end()):
                    continue        # "markets untouched by the crisis": a participle with its agent
                dist = offset_from_timex(mm)
                says = direction
                if says > 0 and _PLUPERFECT_PLAN.search(segment[:mm.start()]):
                    says = -1       # "had been scheduled to expire Friday": a plan already past
                if says > 0 and not word.startswith("to "):
                    dist -= 10      # an explicit future marker outweighs a slightly nearer participle
                if best is None or dist < best[0]:
                    best = (dist, says)
    return best[1] if best else 0


_LOOKING_BACK = compile_cached(r"\b(?:had|since|earlier|before|previous|prior|already)\b[^.;]{0,60}\Z", re.I)


def looks_back(text: str, start: int) -> bool:
    """"had ... in March", "since March": the clause looks back from the story's time (a flashback: the
    story does not move there)."""
    return _LOOKING_BACK.search(text, max(0, start - 80), start) is not None


#: The grammar of a present-day future ("will", "is expected to"): a history's plans in the past ("planned to
#: attack in March") are the story's, these are the writer's.
_FUTURE_FROM_NOW = compile_cached(r"\b(?:will|shall|won't|is|are|am)\b|'ll\b", re.I)


def speaks_of_the_future(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] speaks of the future from the writer's present."""
    cut = None
    for m in _CLAUSE_BOUNDARY.finditer(text, max(0, start - 160), start):
        cut = m.end()
    left_from = cut if cut is not None else max(0, start - 160)
    m = _CLAUSE_BOUNDARY.search(text, end, end + 160)
    right_to = m.start() if m else min(len(text), end + 160)
    return bool(_FUTURE_FROM_NOW.search(text, left_from, start) or _FUTURE_FROM_NOW.search(text, end, right_to)) \
        and tense_near(text, start, end) > 0


_BOUNDARY_BEFORE = compile_cached(r"\b(?:since|until|till|by)\s+(?:the\s+)?\Z", re.IGNORECASE)


def bounds_a_stretch(text: str, start: int) -> bool:
    """"since the 1990s", "by November 15", "since the 1991 Gulf War": the time at ``start`` bounds a stretch
    of time; a narrative does not move to it."""
    return bool(_BOUNDARY_BEFORE.search(text, max(0, start - 12), start))


# ---- context --------------------------------------------------------------------------------------------
class NarrativeTime:
    """The last resolved time: what "the following day", "two years later" and a bare weekday count from.
    (Plain classes here, not dataclasses: dataclass creation costs start-up time.)"""
    __slots__ = ("begin", "unit", "value", "position", "rule")

    def __init__(self, begin: dt.date, unit: str, value: str, position: int, rule: str = "") -> None:
        self.begin = begin          # first day of the last resolved time
        self.unit = unit            # its granularity as a calendar unit (day week month quarter year ...)
        self.value = value
        self.position = position    # where it ended in the text
        self.rule = rule            # the grammar rule that named it ("relative_unit" for "last week")


class Context:
    """Everything a normaliser resolves against: the text, the reference date and the narrative so far."""
    __slots__ = ("text", "ref", "ref_time", "has_ref", "last", "last_day", "main_quarter", "report_quarter",
                 "story", "story_time")

    def __init__(self, text: str, ref: dt.date, ref_time: Optional[dt.time] = None, has_ref: bool = True,
                 story: bool = False) -> None:
        self.text = text
        #: A history narrative (story.is_story): the story's time, not the reference date, dates bare months.
        self.story = story
        #: The last time the story established with a year (not a decade or century): what "June" is dated by.
        self.story_time: Optional[NarrativeTime] = None
        self.ref = ref
        self.ref_time = ref_time
        self.has_ref = has_ref
        self.last: Optional[NarrativeTime] = None
        #: The last resolved time that names a day (or a part of one): what "the night before" counts from
        #: when the narrative has since mentioned only a background month or year.
        self.last_day: Optional[NarrativeTime] = None
        #: The last quarter named outright ("the third quarter"): what "the quarter", "a year ago" refer to.
        self.main_quarter: Optional[NarrativeTime] = None
        #: The first quarter named outright: the one a quarterly report is about ("the latest quarter").
        self.report_quarter: Optional[NarrativeTime] = None

    def tense(self, start: int, end: int) -> int:
        return tense_near(self.text, start, end)

    def anchor(self, position: int, unit: str = "") -> tuple[dt.date, str, str]:
        """The date narrative-relative expressions count from, its unit, and how it was anchored.

        A count in days ("the night before", "the following day") skips a background month or year named
        since the last day ("... since the invasion in February 2022. ... late the night before"): news
        returns to its own days after such an aside."""
        # a history counts from its story's time, not from an aside or flashback named since
        last = self.story_time if self.story and self.story_time is not None else self.last
        if unit in ("day", "hour", "minute") and last is not None and last.unit != "day" \
                and self.last_day is not None and last.begin < self.last_day.begin:
            last = self.last_day
        if last is not None:
            return last.begin, last.unit, "narrative"
        return self.ref, "day", "reference"

    def remember(self, begin: dt.date, unit: str, value: str, position: int, rule: str = "",
                 story: bool = True) -> None:
        """Moves the narrative to a resolved time; ``story``: the text itself placed it (not the reference date)."""
        self.last = NarrativeTime(begin, unit, value, position, rule)
        if unit == "day":
            self.last_day = self.last
        if story and unit not in ("decade", "century"):
            self.story_time = self.last

    def story_time_at(self, start: int, end: int) -> Optional[NarrativeTime]:
        """The time a history narrative is at for text[start:end] (None in news, before the story names a
        year, and in a clause about the future: that looks ahead from the reference date, not the story)."""
        if not self.story or self.story_time is None or speaks_of_the_future(self.text, start, end):
            return None
        return self.story_time

    def story_year(self, start: int, end: int) -> Optional[int]:
        story = self.story_time_at(start, end)
        return story.begin.year if story is not None else None
