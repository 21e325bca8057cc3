"""Sentences + times + actors -> events.

Every sentence that names an actor or carries a time becomes at least one event; a sentence with
several time expressions in different clauses ("X happened on Wednesday, after Y on Sunday") is cut
into one event per clause. A sentence with no time expression takes the narrative's current time
(background narration continues the last date) or, when it reports the day's news (a reporting
verb, present or future tense), the reference date; a report of what happened ("20 were injured,
the mission said") keeps the narrative's date when that is a day or two before the reference.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..model import TimeValue
from .headline import headline, is_page_furniture
from .timex.anchor import bounds_a_stretch
from .timex.lexicon import MONTHS, WEEKDAYS
from ..knowledge import lexicon
from . import regex_cache as rc
from .regex_cache import compile_cached

Span = tuple[int, int]

_CLAUSE_BREAK = compile_cached(
    r",\s+(?=(?:which|who|whom|after|before|when|while|since|as|but|and|in\s+which|where|amid|"
    r"following|prompting|leaving|saying|although|though|[a-z]{2,}ing)\b)|;\s+|\s+—\s+|\s+--\s+|"
    r"\s+(?=in\s+(?:retaliation|response)\s+(?:for|to)\s)|"
    r"\s+(?=that[\s,])|"
    r"\s+(?=(?:after|before|since|when|while|amid|following|until)\s)")
_OPENER = compile_cached(
    r"^(?:(?:on|in|at|by|during|since|after|before|earlier|later|late|early|meanwhile|however|"
    r"but|and|also|separately|then|still|instead|moreover|last|this|overnight)\b[^,]{0,40},\s*)+",
    re.IGNORECASE)
#: A report of the day's news: a reporting verb, a diplomatic act, or the present and future tense.
_NEWS_DAY = compile_cached(
    rf"\b(?:{lexicon.alternation(lexicon.finite_forms('reporting_verbs') + lexicon.finite_forms('diplomatic_acts'))}|"
    r"say|will|is|are|has|have|now|today|tonight|currently)\b")
#: A byline or timestamp line: "By Jane Doe and John Roe", "Updated 3:21 PM GMT". "By Monday afternoon, ..."
#: is a sentence.
_BYLINE = compile_cached(r"^(?:\W*(?:published|updated|posted)\b|\W*by\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
                         r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
                         r"nov(?:ember)?|dec(?:ember)?)\.?\s+\d|the\b|then\b|now\b|late\b|early\b|"
                         r"mid|noon\b|midnight\b|nightfall\b|dawn\b|\d)|[\d:•\s|APMapm.-]+(?:updated)?[\d:\s]*$)",
                         re.IGNORECASE)
# "CITY —", "TOWN, Country (Wire) —", "CITY (Agency) -", "City (CNN)": a dateline, not part of the event.
_DATELINE = compile_cached(r"^(?:[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?\s*"
                           r"(?:\([^)]{1,60}\)\s*[—–-]{0,2}|[—–-]{1,2})"
                           r"|[A-Z][\w .'\-]{2,30},\s*[A-Z][\w .]{1,30}\s*\([^)]{1,40}\)\s*[—–-]{1,2}"
                           r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}\s\((?-i:[A-Z]{2,6})\))\s+")
_FUTURE_PHRASES = ("will", "shall", "is going to", "are going to", "plans to", "intends to")
_FUTURE = compile_cached(rf"\b(?:{'|'.join(_FUTURE_PHRASES)})\b")
_USABLE_TYPES = ("DATE", "TIME")


@dataclass
class SentenceInfo:
    span: Span
    actors: list[str] = field(default_factory=list)       # root entity ids, in order of mention
    attributed: Optional[str] = None                      # entity id of the speaker, if any
    has_attribution: bool = False
    reports: bool = False                                 # a reporting verb introduces a speaker


@dataclass
class EventDraft:
    span: Span
    sentence_span: Span
    time: Optional[TimeValue]
    actors: list[str]
    title: str


def time_value(timex, anchored: Optional[str] = None) -> TimeValue:
    begin, end = timex.begin, timex.end_time
    if begin is not None and end is not None and end < begin:
        begin, end = end, begin
    if not anchored:
        anchored = timex.anchored if timex.anchored in ("explicit", "reference", "narrative") else "explicit"
    return TimeValue.model_construct(value=timex.value, start=begin, end=end,
                                     granularity=_granularity(timex.granularity), expression=timex.text,
                                     expression_span=(timex.start, timex.end), anchored=anchored)


def reference_time(reference: dt.date) -> TimeValue:
    """The reference day as a time (a fresh copy: events must not share one mutable value)."""
    return _reference_time(reference).model_copy()


@lru_cache(maxsize=8)
def _reference_time(reference: dt.date) -> TimeValue:
    start = dt.datetime.combine(reference, dt.time())
    return TimeValue.model_construct(value=reference.isoformat(), start=start, end=start + dt.timedelta(days=1),
                                     granularity="day", expression="", expression_span=None, anchored="reference")


_GRANULARITIES = {"millennium", "century", "decade", "year", "half-year", "season", "quarter", "month",
                  "week", "day", "part-of-day", "hour", "minute", "second", "duration", "set", "unknown"}


def _granularity(value: str) -> str:
    return value if value in _GRANULARITIES else "unknown"


def usable(timex) -> bool:
    return timex.type in _USABLE_TYPES and timex.begin is not None and timex.end_time is not None


def before_the_axis(timex) -> bool:
    """A date of the years before Christ ("499 BC", value BC0499): it has a value but no datetime."""
    return timex.type in _USABLE_TYPES and timex.begin is None and timex.value.startswith("BC")


def _without_coarse_heads(times: list, text: str) -> list:
    """"one year ago on April 15, 2023", "last year in March": a coarse time right before a finer one inside
    it is the same time, told twice; the finer one dates the event."""
    out = []
    for i, t in enumerate(times):
        nxt = times[i + 1] if i + 1 < len(times) else None
        if nxt is not None and nxt.start - t.end <= 4 and rc.fullmatch(r"[\s,]*(?:on|in|at|of)?[\s,]*", text[t.end:nxt.start]) \
                and t.begin <= nxt.begin and nxt.end_time <= t.end_time \
                and (nxt.end_time - nxt.begin) < (t.end_time - t.begin):
            continue
        out.append(t)
    return out


def is_byline(text: str) -> bool:
    text = text.strip()
    if text[:3].lower() == "by " and len(text.split()) > 12:
        return False             # "By bombing the bridges, the army cut the city off": a sentence
    return bool(_BYLINE.match(text)) or not _two_words(text) or is_page_furniture(text)


_WORD = compile_cached(r"[A-Za-z]{3,}")


def _two_words(text: str) -> bool:
    """Whether ``text`` holds two words of three letters or more: the scan stops at the second (asked of every
    sentence)."""
    words = _WORD.finditer(text)
    return next(words, None) is not None and next(words, None) is not None


def build_events(text: str, infos: list[SentenceInfo], timexes: list, reference: Optional[dt.date],
                 skip: set[Span]) -> list[EventDraft]:
    drafts: list[EventDraft] = []
    current: Optional[TimeValue] = None
    usable_times = _without_coarse_heads([t for t in timexes if usable(t) and not _adjectival(t)], text)
    era_times = [t for t in timexes if before_the_axis(t)]
    ti = ei = 0
    for info in infos:
        sa, sb = info.span
        while ti < len(usable_times) and usable_times[ti].start < sa:
            ti += 1
        inside = []
        j = ti
        while j < len(usable_times) and usable_times[j].start < sb:
            inside.append(usable_times[j])
            j += 1
        while ei < len(era_times) and era_times[ei].start < sa:
            ei += 1
        era = era_times[ei] if ei < len(era_times) and era_times[ei].start < sb else None
        if info.span in skip:
            continue
        sentence = text[sa:sb]
        if not inside and era is not None:
            # "in 499 BC": the value is kept, and the sentences after it tell of that time too; the axis has
            # no place for it, so the event is listed without a place rather than put on the reference day.
            current = time_value(era, "explicit")
            drafts.append(EventDraft((sa, sb), (sa, sb), current, info.actors, make_title(text, sa, sb)))
            continue
        if not inside and not info.actors and not info.has_attribution:
            continue
        if not inside:
            time = _narrative_time(sentence, current, reference, info.reports)
            drafts.append(EventDraft((sa, sb), (sa, sb), time, info.actors, make_title(text, sa, sb)))
            continue
        relative = _relative_asides(text, sa, sb, inside)
        if relative:
            # "President X, who has pursued closer ties since taking office in 2022, convened his advisers on
            # Tuesday": the aside between commas is an event at its own date, the sentence at the others'.
            for (ra, rb), timex in relative:
                drafts.append(EventDraft((ra, rb), (sa, sb), time_value(timex, "explicit"), info.actors,
                                         make_title(text, ra, rb, sa)))
            inside = [t for t in inside if not any(ra <= t.start < rb for (ra, rb), _ in relative)]
            if not inside:
                # "Hamas, whose seizure of Gaza in 2007 led to the blockade, applauded the move": the main clause
                # has no date of its own: the narrative's
                drafts.append(EventDraft((sa, sb), (sa, sb), _narrative_time(sentence, current, reference,
                                                                              info.reports),
                                         info.actors, make_title(text, sa, sb)))
                continue
        statement = _reported_background(text, sa, sb, inside) if info.reports else _stretch_aside(text, sa, sb,
                                                                                                  inside)
        aside = _background_aside(text, sa, sb, inside) if statement is None else None
        if aside is not None or statement is not None:
            # "X launched strikes on Darna, a stronghold that was taken over by Y last year", "X said 35 were
            # killed, ... since clashes broke out on Wednesday", "the biggest rise since the 1991 war": the main
            # clause (a statement: the day's news) happens at the narrative's time, the clause with the
            # sentence's one date at that date.
            main, main_text = (_strip(text, sa, aside), text[sa:aside]) if aside is not None else (statement, sentence)
            drafts.append(EventDraft(main, (sa, sb), _narrative_time(main_text, current, reference, info.reports),
                                     info.actors, make_title(text, *main)))
            clause = _strip(text, main[1], sb)
            drafts.append(EventDraft(clause, (sa, sb), time_value(inside[0], "explicit"), info.actors,
                                     make_title(text, *clause, sa)))
        else:
            for (ga, gb), timex in _clause_groups(text, sa, sb, inside):
                tv = time_value(timex, "explicit")      # written in the sentence itself
                drafts.append(EventDraft((ga, gb), (sa, sb), tv, info.actors, make_title(text, ga, gb, sa)))
        settled = [t for t in inside if not t.value.endswith("_REF") and t.granularity != "unknown"
                   and not bounds_a_stretch(text, t.start) and aside is None]    # an aside's date is background
        if settled:
            current = time_value(settled[0])      # "earlier", "now" do not move the narrative
    return drafts


def _narrative_time(sentence: str, current: Optional[TimeValue], reference: Optional[dt.date],
                    reports: bool) -> Optional[TimeValue]:
    if reference is None:
        ref_tv = None
    else:
        ref_tv = _reference_time(reference)   # shared: only read here; what is returned is a fresh copy
    if current is None:
        return ref_tv and ref_tv.model_copy()
    if _AT_THAT_TIME.match(sentence):
        # "At the time, the military said its commandos fired only after being attacked": the time just told of
        return current.model_copy(update={"anchored": "narrative" if current.expression_span else "reference"})
    # (the pattern is searched only where one of its phrases stands: it is asked of every undated sentence)
    if ref_tv is not None and any(p in sentence for p in _FUTURE_PHRASES) and _FUTURE.search(sentence):
        return ref_tv.model_copy()            # an undated plan is the day's news
    if ref_tv is not None and reports and not _recent_past_report(sentence, current, ref_tv):
        return ref_tv.model_copy()            # an undated statement is the day's news
    if ref_tv is not None and current.end is not None:
        old = current.end < ref_tv.start - dt.timedelta(days=7)
        if old and _NEWS_DAY.search(sentence):
            return ref_tv.model_copy()
    return current.model_copy(update={"anchored": "narrative" if current.expression_span else "reference"})


#: A sentence that opens on the time the narrative has just told of.
_AT_THAT_TIME = compile_cached(r"\W*(?:at\s+(?:the|that)\s+time|back\s+then)\b", re.IGNORECASE)
_PAST_CONTENT = compile_cached(r"\b(?:was|were|had|\w{3,}ed|struck|shot|fell|fled|fought|broke|began|took|left|came|"
                               r"went|sent|led|met|won|lost|drove|flew|threw|blew|tore|sank|spread|overran|ran|"
                               r"hit\s+(?:a|an|the|two|three|several)\b)\b")
_PRESENT_CONTENT = compile_cached(r"\b(?:is|are|am|will|would|can|could|may|might|must|should|now|today|"
                                  r"remains?|continues?|says|say|"
                                  # "has" and "have" unless a perfect: "Bangkok has used air power" is past
                                  r"(?:has|have)(?!\s+(?:already\s+|also\s+|now\s+)?(?:\w{2,}ed|been|struck|shot|fled|"
                                  r"fought|broken|begun|taken|left|come|gone|sent|led|met|won|lost|hit|seen|made|done|"
                                  r"given|said|told)\b))\b")
#: An aside inside a sentence (", which says the mines were new,"): not the tense of its report.
_ASIDE = compile_cached(r",\s+(?:which|who)\s[^,]*,")
#: A report's own clause ("the mission said", "according to officials"; the lexicon's verbs of saying, not every
#: reporting verb: "struck" strikes a tone but also a gas station): taken out before the tense of what it
#: reports is read.
_REPORTING = compile_cached(rf"\b(?:{lexicon.alternation(sorted(lexicon.past_forms('quotative_verbs')))}|according\s+to)"
                            r"\b[^,.]*")


def _recent_past_report(sentence: str, current: TimeValue, ref_tv: TimeValue) -> bool:
    """"About 25 soldiers were injured, the mission said": a report of what happened at the narrative's
    time, a day or two before publication, dates to that time, not to the day it was said."""
    if current.start is None or ref_tv.start is None or not current.expression_span:
        return False
    if not ref_tv.start - dt.timedelta(days=3) <= current.start < ref_tv.start:
        return False
    content = _REPORTING.sub(" ", _ASIDE.sub(",", sentence))
    return bool(_PAST_CONTENT.search(content)) and not _PRESENT_CONTENT.search(content)


_SUBORDINATE_TIME = compile_cached(r"(?:,\s+|\s+)(?:since|after|following|before|until|when)\s")


def _reported_background(text: str, sa: int, sb: int, inside: list) -> Optional[Span]:
    """The statement part of a reported sentence whose only date sits in a later subordinate
    clause ("since/after ... on Wednesday"), or None."""
    if len(inside) != 1:
        return None
    cut = None
    for m in _SUBORDINATE_TIME.finditer(text, sa, inside[0].start):
        cut = m
    if cut is None or len(text[sa:cut.start()].split()) < 4:
        return None
    return sa, cut.start()


#: A relative clause between commas: ", who has ... since 2022,", ", which brokered the 2014 accord,".
_RELATIVE_ASIDE = compile_cached(r",\s+(?:who|whose|which)\s[^,;]*,")


def _relative_asides(text: str, sa: int, sb: int, inside: list) -> list[tuple[Span, object]]:
    """The relative clauses between commas that hold some of the sentence's dates, each with its first date; []
    when there are none. A date that names a thing ("which brokered the 2015 accord") dates no aside."""
    out = []
    for m in _RELATIVE_ASIDE.finditer(text, sa, sb):
        held = [t for t in inside if m.start() <= t.start < m.end() and not _attributive(text, t)]
        if held:
            out.append((_strip(text, m.start() + 1, m.end() - 1), held[0]))
    return out


#: Where an aside about a noun begins: "since the <event>", a relative clause in the past ("... that was taken
#: over last year", ", which had ...", "who was last seen").
_ASIDE_OPEN = compile_cached(r"\bsince\s+(?:the|a|an)\s|,\s*(?:which|who)\s|\b(?:that|which|who)\s+(?:\w+ly\s+)?"
                             r"(?:was|were|had)\s", re.IGNORECASE)


_GENITIVE_AFTER = compile_cached(r"['’]s?\s")
#: Prepositions that open a phrase about a cause or a topic ("over the raid", "after last week's attack").
_CAUSE_PREPOSITION = compile_cached(r"\b(?:over|for|about|after|following|against|amid)\s", re.IGNORECASE)


def _background_aside(text: str, sa: int, sb: int, inside: list) -> Optional[int]:
    """Where an aside starts that holds the sentence's one date, after a main clause of its own with none
    ("The oil price has seen the biggest rise since the 1991 Gulf War"), or None. (Sentences with more dates
    are cut into clauses by their dates: _clause_groups.)"""
    if len(inside) != 1:
        return None
    cut = None
    for m in _ASIDE_OPEN.finditer(text, sa, inside[0].start):
        cut = m
    if cut is None and _GENITIVE_AFTER.match(text, inside[0].end):
        # "Turkey has expelled Israel's ambassador over its refusal to apologise for last year's raid": a time in
        # the genitive dates its noun, and the phrase the preposition opens is about that noun
        for m in _CAUSE_PREPOSITION.finditer(text, sa, inside[0].start):
            cut = m
    if cut is None or len(text[sa:cut.start()].split()) < 5 or _in_quotes(text, sa, cut.start()):
        return None
    return cut.start()


def _in_quotes(text: str, sa: int, pos: int) -> bool:
    segment = text[sa:pos]
    return segment.count('"') % 2 == 1 or segment.count("“") > segment.count("”")


def _stretch_aside(text: str, sa: int, sb: int, inside: list) -> Optional[Span]:
    """The main part of a sentence whose only date bounds a stretch ("the biggest rise since the 1991 Gulf
    War", "must leave by November 15"), or None: that date is where the stretch starts or ends, not when
    the main clause happens."""
    if len(inside) != 1 or not bounds_a_stretch(text, inside[0].start):
        return None
    cut = _STRETCH_WORD.search(text, max(sa, inside[0].start - 12), inside[0].start)
    if cut is None or len(text[sa:cut.start()].split()) < 4:
        return None
    return _strip(text, sa, cut.start())


_STRETCH_WORD = compile_cached(r"\b(?:since|until|till|by)\b", re.IGNORECASE)


def _clause_groups(text: str, sa: int, sb: int, inside: list) -> list[tuple[Span, object]]:
    if len(inside) == 1:
        return [((sa, sb), inside[0])]
    cuts = [sa] + [sa + m.start() for m in _CLAUSE_BREAK.finditer(text[sa:sb])] + [sb]
    segments = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i + 1] > cuts[i]]
    groups: list[list] = []      # [start, end, timex]
    main = None                  # the time of the first clause that is not a "since ..." clause
    after_since = False
    previous_times: list = []    # the dates of the segment before, in text order
    for a, b in segments:
        # Deictic references ("now", "recently") yield to a real date in the same clause, and a date that only
        # describes a noun ("which brokered the 2015 accord") to the clause's own ("said late Tuesday").
        times = sorted((t for t in inside if a <= t.start < b),
                       key=lambda t: (t.value.endswith("_REF"), _attributive(text, t)))
        short = len(text[a:b].split()) < 5           # "after nightfall" stays with its clause
        if not times and previous_times and _WHEN_START.match(text, a, b) and not short:
            # "... held from 1991 until last November, when troops moved in": "when" takes the time just named
            groups.append([a, b, previous_times[-1]])
            previous_times = []
            continue
        previous_times = sorted((t for t in inside if a <= t.start < b), key=lambda t: t.start)
        if not times and after_since and main is not None and not short:
            # "..., the worst since fighting erupted a week ago, as the UN chief told the council ...": the
            # clause after a "since" aside happens at the main clause's time, not at the aside's
            groups.append([a, b, main])
            after_since = False
            continue
        since = bool(_SINCE_START.match(text, a, b))
        if times and not since and main is None:
            main = times[0]
        after_since = since or (after_since and not times)
        if groups and (not times or groups[-1][2] is None or short):
            groups[-1][1] = b
            if times and (groups[-1][2] is None or groups[-1][2].value.endswith("_REF")):
                groups[-1][2] = times[0]
            continue
        groups.append([a, b, times[0] if times else None])
    out = []
    for a, b, timex in groups:
        a2, b2 = _strip(text, a, b)
        if timex is not None and b2 > a2:
            out.append(((a2, b2), timex))
    return out or [((sa, sb), inside[0])]


_SINCE_START = compile_cached(r"[\s,;]*since\s", re.IGNORECASE)
_WHEN_START = compile_cached(r"[\s,;]*when\s", re.IGNORECASE)
_DETERMINER_BEFORE = compile_cached(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$", re.IGNORECASE)
_NOUN_AFTER = compile_cached(r"\s+(?!(?:and|or|to|in|on|at|of|by|for|with|when|after|before|until|since)\b)[a-z]")


def _adjectival(timex) -> bool:
    """"the 14th-century monastery", "a decades-old dispute": an age that describes a thing, never the time
    of an event."""
    return timex.text.lower().endswith(("-century", "-era", "-old"))


def _attributive(text: str, timex) -> bool:
    """A date used as a noun's modifier ("the 2015 accord", "the Feb. 14 attack"): it names a thing,
    not the time of the clause around it."""
    return bool(_DETERMINER_BEFORE.search(text, max(0, timex.start - 8), timex.start)
                and _NOUN_AFTER.match(text, timex.end))


def _strip(text: str, a: int, b: int) -> Span:
    while a < b and text[a] in " ,;—-":
        a += 1
    while b > a and text[b - 1] in " ,;—-":
        b -= 1
    return a, b


#: A clause cut out of its sentence that starts with a relative pronoun, or the "that" of "said that ...".
_RELATIVE_START = compile_cached(r"(?:who|whom|which|that)\s+", re.IGNORECASE)
#: After the pronoun, a subject of the clause's own ("which Turkey declared void", "that it seized"): the
#: antecedent is its object, so the clause reads without it; otherwise the antecedent is the subject.
_OWN_SUBJECT_NEXT = compile_cached(r"(?:the|a|an|his|her|its|their|our|this|these|those|it|he|she|they|we|I|you|"
                                   r"there)\b|(?-i:[A-Z])|\d")
#: After "that", a verb: "that" is a relative pronoun ("a group that was set up in 2012"); otherwise it opens
#: what was said ("said on Tuesday that five soldiers died").
_VERB_NEXT = compile_cached(r"(?:was|were|is|are|has|have|had|would|will|could|can|may|might|\w+ed)\b",
                            re.IGNORECASE)
#: The first word of a noun phrase that may stand as a subject.
_NOUN_PHRASE_START = compile_cached(r"(?:the|a|an|its|his|her|their|this|these|those|\d)|(?-i:[A-Z])", re.IGNORECASE)
_TIME_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
#: A subordinator of time before a clause of its own ("since clashes broke out"), not before a time ("since 1991",
#: "until the end of next year", "after 01:00").
#: (Its finite verbs: be and have, -ed, and the past of the lexicon's irregular verbs and acts of force.)
_PAST_OF_IRREGULARS = {line.split()[2] for line in lexicon.entries("irregular_verbs") if len(line.split()) > 2}
_SUBORDINATE_START = compile_cached(
    r"(?:since|after|before|when|while|once|until)\s+(?!\d|the\s+(?:end|beginning|start|middle)\b|"
    r"(?:late|early|mid|last|next|this|then|now)\b|"
    rf"(?:{'|'.join(re.escape(w.rstrip('.')) for w in sorted(_TIME_WORDS, key=len, reverse=True))})\b)"
    r"(?=(?:\S+\s+){1,8}?(?:was|were|is|are|has|have|had|\w+ed|"
    rf"{lexicon.alternation(_PAST_OF_IRREGULARS | lexicon.past_forms('actions'))})\b)", re.IGNORECASE)
#: "which officials said was targeted": the relative clause's own speaker, then what it said of the antecedent.
_RELATIVE_SPEECH = compile_cached(
    r"(?P<speaker>(?:the|a|an|his|her|its|their|[A-Z]|\w+s\b)[^,]{0,40}?)\s+"
    rf"(?P<verb>{lexicon.alternation(sorted(lexicon.finite_forms('reporting_verbs')))})\s+(?P<rest>.+)")
#: The noun phrase at the end of the words before a relative clause: a name ("... with Saudi Arabia"), else
#: from its last determiner ("the Maghreb-Europe gas pipeline").
_NAME_AT_END = compile_cached(r"(?:[A-Z][\w'’.-]*\s+(?:of\s+(?:the\s+)?)?)*[A-Z][\w'’.-]*$")
_DETERMINED_AT_END = compile_cached(r"\b(?:the|a|an|its|his|her|their|this|these|[\w-]+['’]s)\s+[^,]{1,40}$",
                                    re.IGNORECASE)


def _antecedent(text: str, sentence_start: int, a: int) -> str:
    """The noun phrase a relative clause at ``a`` is about, or "" when the words before it are no noun phrase."""
    before = text[sentence_start:a].rstrip(" ,")
    segment = before[before.rfind(",") + 1:].strip()
    if not segment or _RELATIVE_START.match(segment):
        return ""
    if len(segment.split()) <= 4 and _NOUN_PHRASE_START.match(segment):
        return segment
    for pattern in (_NAME_AT_END, _DETERMINED_AT_END):
        m = pattern.search(segment)
        if m is not None and len(m.group(0).split()) <= 6:
            # "a law passed last July, which": a time is no antecedent
            return "" if m.group(0).lower() in _TIME_WORDS else m.group(0)
    return ""


def _as_own_clause(s: str, text: str, sentence_start: int, a: int) -> str:
    """A clause cut out of its sentence at ``a`` (its text ``s``), made to read on its own."""
    relative = _RELATIVE_START.match(s)
    if relative is None:
        subordinate = _SUBORDINATE_START.match(s)
        return s[subordinate.end():] if subordinate else s
    rest = s[relative.end():]
    speech = _RELATIVE_SPEECH.fullmatch(rest)
    subject = _antecedent(text, sentence_start, a)
    if speech is not None and subject and len(speech["speaker"].split()) <= 4 and not speech["verb"].endswith("ing"):
        return f"{speech['speaker']} {speech['verb']} {subject} {speech['rest']}"
    complement = s[:4].lower() == "that" and not _VERB_NEXT.match(rest)
    if complement or _OWN_SUBJECT_NEXT.match(rest):
        return rest if len(rest.split()) >= 3 else s    # "that two soldiers died", "which X declared void"
    return f"{subject} {rest}" if subject else s


def make_title(text: str, a: int, b: int, sentence_start: Optional[int] = None) -> str:
    """The event's headline (extract/headline.py) from its clause, dateline and leading adverbials dropped. A
    clause cut out of its sentence (``sentence_start`` before ``a``) reads as a clause of its own: "who won
    the prize" -> "Abiy Ahmed won the prize", "which officials said was hit" -> "Officials: the depot was hit",
    "since clashes broke out on Wednesday" -> "Clashes broke out on Wednesday"."""
    s = " ".join(text[a:b].split())
    if sentence_start is not None and sentence_start < a:
        s = _as_own_clause(s, text, sentence_start, a)
    s = _DATELINE.sub("", s) or s
    s = _OPENER.sub("", s) or s
    return headline(s)
