"""The annotated document: the article's text read once into layers that every later step reads.

Layers are spans (start, end) into the one text, in order: paragraphs, sentences, the headline and
the lead, quotations (a quotation may run over several sentences; one left open at a paragraph's end
runs to it), clauses (a sentence cut at its clause breaks), mentions (places, states, organisations:
the gazetteer's and the bodies the article defines), people with their titles and sides and their
mentions, the evidence for each party, and time expressions. ``read`` builds them; later steps
(parties, attribution, events) add their own layers to the same object (``parties``) instead of
re-scanning the text with a word list of their own.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Optional

from ..knowledge import lexicon
from . import gazetteer as gazetteer_module
from .actors import (Person, SortedSpans, find_people, generic_group_mentions, in_range,
                     person_entity_mentions, state_force_mentions)
from .discover import discover
from .gazetteer import Gazetteer, Mention
from .regex_cache import compile_cached
from .sentences import paragraph_spans, sentence_spans

Span = tuple[int, int]

#: Headlines are short; a first line longer than this that ends a sentence is the story's lead.
_HEADLINE_MAX_WORDS = 22
#: A time stamp that opens a live-blog entry, then a colon or a dash.
_TIMESTAMP = compile_cached(r"(?:(?:update|updated|breaking)\b[,:]?\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?"
                            r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|[A-Z]{2,4}\s+time|local\s+time)?\s*[:\-–—]\s",
                            re.IGNORECASE)
#: A straight mark after a sentence's punctuation and before a lower-case word closes a quotation
#: ('... this," he added').
_CLOSES_A_QUOTE = compile_cached(r"(?<=[,.!?])\"(?=\s+[a-z])")
_QUOTE_MARKS = compile_cached(r"[“”\"]")
#: Where a clause ends inside a sentence: a coordinating conjunction after a comma, a dash before a new noun
#: phrase, ", which <Subject>" (a new speaker; ", which holds ..., has warned" is an aside), a semicolon,
#: "but", a colon. (Each branch is picked by the character it opens with, matched first: a pattern that opens with
#: a character class lets the engine skip at C speed to those characters.)
_CLAUSE_CUT = compile_cached(r"[,\s;:b](?:(?<=,)\s+(?:but|and|while|as|although|though|whereas)|(?<=\s)[-–—]\s+(?:a|an|the)\s+\w+|"
                             r"(?<=,)\s+which(?=\s+(?:[A-Z]|the\s|a\s|an\s|its\s|his\s|her\s|their\s))|(?<=;)|"
                             r"(?<=b)(?<![\w][\s\S])ut|(?<=:))\s+")


@dataclass
class Document:
    text: str
    gaz: Gazetteer                                  # the gazetteer with the bodies this article defines
    reference: Optional[dt.date]
    paragraphs: list[Span]
    sentences: list[Span]
    title_span: Optional[Span]
    lead_end: int
    quotations: list[Span]
    entries: list[Span]                             # timestamped entries of a live blog ("14:05 GMT: ..."), each a unit
    clause_cuts: list[int]                          # where each clause after a sentence's first one starts
    mentions: SortedSpans                           # gazetteer mentions
    #: Transcript speaker labels ("BLAIR (recorded): ..."): (the paragraph, the label's name), by paragraph start.
    labels: list[tuple[Span, Span]] = field(default_factory=list)
    # Layers read from the ones above, added by ``read`` in this order:
    people: dict[str, Person] = field(default_factory=dict)
    person_mentions: SortedSpans = field(default_factory=SortedSpans)
    party_evidence: SortedSpans = field(default_factory=SortedSpans)   # mentions that may stand for a side
                                                    # (groups' generic nouns, "the junta", people with a side)
    times: list = field(default_factory=list)       # timex.Timex, in text order
    #: The sides, once chosen (parties.py's layer).
    parties: list[str] = field(default_factory=list)
    #: Each sentence's reporting verbs with their subjects, by sentence span (attribution's layer, filled as read).
    speech_verbs: dict = field(default_factory=dict)

    # -- layer queries -----------------------------------------------------------------------------

    @property
    def state_parties(self) -> list[str]:
        return self._parties_of_kind("state")

    @property
    def group_parties(self) -> list[str]:
        return self._parties_of_kind("group")

    def _parties_of_kind(self, kind: str) -> list[str]:
        return [p for p in self.parties if self.gaz.entity(p) and self.gaz.entity(p).kind == kind]

    def quotes_in(self, start: int, end: int) -> list[Span]:
        """The quotations overlapping text[start:end], cut to it."""
        quotations = self.quotations
        i = max(bisect.bisect_right(quotations, (start, len(self.text) + 1)) - 1, 0)
        out = []
        while i < len(quotations):      # (no slice: a copy of the rest of the list per sentence is quadratic)
            a, b = quotations[i]
            if a >= end:
                break
            if b > start:
                out.append((max(a, start), min(b, end)))
            i += 1
        return out

    def quotation_at(self, pos: int) -> Optional[Span]:
        """The quotation that ``pos`` lies in (its opening mark included), or None."""
        i = bisect.bisect_right(self.quotations, (pos, len(self.text) + 1)) - 1
        return self.quotations[i] if i >= 0 and self.quotations[i][0] <= pos < self.quotations[i][1] else None

    def in_quotation(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation (past its opening mark)."""
        i = bisect.bisect_right(self.quotations, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.quotations[i][0] < pos < self.quotations[i][1]

    def clause_start(self, lo: int, pos: int) -> int:
        """Where the clause holding ``pos`` starts, not before ``lo``."""
        i = bisect.bisect_right(self.clause_cuts, pos) - 1
        return max(lo, self.clause_cuts[i]) if i >= 0 else lo

    def label_at(self, pos: int) -> Optional[Span]:
        """The transcript speaker label of the paragraph holding ``pos`` ("HOSSEINI" in "HOSSEINI (recorded):
        ..."), or None."""
        i = bisect.bisect_right(self.labels, ((pos, len(self.text) + 1),)) - 1
        return self.labels[i][1] if i >= 0 and self.labels[i][0][0] <= pos < self.labels[i][0][1] else None

    def opens_entry(self, pos: int) -> bool:
        """Whether a live-blog entry starts at ``pos``."""
        i = bisect.bisect_left(self.entries, (pos, -1))
        return i < len(self.entries) and self.entries[i][0] == pos

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return in_range(self.mentions, start, end)


#: "ethnic Albanian guerrillas", "Ethnic Russians make up": a people, not the state of that name.
_ETHNIC_BEFORE = compile_cached(r"\bethnic[\s-]+\Z", re.IGNORECASE)
#: "Palestinian militants", "Syrian rebels" (lexicon rebel_nouns): that country's rebels, not its state.
_REBELS_AFTER = compile_cached(rf"\s+(?:{lexicon.alternation(lexicon.entries('rebel_nouns'))})\b")


def _not_peoples(text: str, mentions: list) -> list:
    """Without the demonyms that name a people by its ethnicity ("ethnic Albanian rebels" in Macedonia are not
    Albania's) or a country's rebels ("Palestinian militants" are no state's forces): such a mention is no side
    acting and no speaker's label."""
    return [m for m in mentions
            if m.form != "demonym" or not (_ETHNIC_BEFORE.search(text, max(0, m.start - 10), m.start)
                                           or _REBELS_AFTER.match(text, m.end))]


#: Words that speak of a state as of the past: "the former Yugoslav republic", "ex-Yugoslav", "Yugoslav-era".
_AS_OF_THE_PAST_BEFORE = compile_cached(r"(?:\bformer|\bex-?)\s*\Z", re.IGNORECASE)
_AS_OF_THE_PAST_AFTER = compile_cached(r"-(?:era|made|built|designed|style|vintage)\b")


def _of_their_time(gaz: Gazetteer, text: str, mentions: list, reference: Optional[dt.date]) -> list:
    """Without the mentions of a state that had ceased to exist by the reference date (gazetteer ``until``)
    where the text speaks of it as of the past: "the former Yugoslav republic", "Yugoslav-era arms" in an
    article of 2022 name no one who acts. (A history written today names the state as it was.)"""
    day = reference.isoformat() if reference is not None else ""
    ended = {eid for eid, ent in gaz.entities.items() if ent.until and ent.until < day}
    if not ended:
        return mentions
    # (A breakaway government that ended left a region of the state it broke from: its name is a place then.)
    gone = {eid for eid in ended if gaz.entity(eid).kind != "state"}
    return [m for m in mentions
            if m.entity not in ended
            or (m.entity not in gone and not (_AS_OF_THE_PAST_BEFORE.search(text, max(0, m.start - 12), m.start)
                                              or _AS_OF_THE_PAST_AFTER.match(text, m.end)))]


#: "the North", "the South's" standing alone (not "the North Atlantic", "the South China Sea", "the north of").
_THE_HALF = compile_cached(r"\b[Tt]he\s+(North|South)\b(?![\w-]|\s+[A-Z]|\s+of\b)")


def _with_the_halves_named(gaz: Gazetteer, text: str, mentions: list) -> list:
    """With "the North" and "the South" as mentions of the two states of a divided nation the article names
    both of ("North Korea" and "South Korea": "Seoul said the North fired ..."), as their capitals are."""
    named = {gaz.root(m.entity) for m in mentions}
    halves = {}
    for eid in named:
        entity = gaz.entity(eid)
        first, _, rest = entity.name.partition(" ") if entity and entity.kind == "state" else ("", "", "")
        if first in ("North", "South") and rest:
            halves.setdefault(rest, {})[first] = eid
    pairs = {side: eid for sides in halves.values() if len(sides) == 2 for side, eid in sides.items()}
    if len(pairs) != 2:
        return mentions
    extra = [Mention(m.start(1), m.end(1), pairs[m.group(1)], "metonym") for m in _THE_HALF.finditer(text)]
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


def _in_the_state_of_then(gaz: Gazetteer, mentions: list, reference: Optional[dt.date]) -> list:
    """The mentions of an entity of today whose names stood for a former one (gazetteer ``stood_for_by``) as
    mentions of that one, in an article written while it lasted: "Belgrade", "Serbian forces" in 1999 are
    Yugoslavia; "Chechen fighters" in 1995 are Chechnya's (Ichkeria's)."""
    if reference is None:
        return mentions
    day = reference.isoformat()
    then = {ent.stood_for_by: eid for eid, ent in gaz.entities.items() if ent.stood_for_by and day <= ent.until}
    if not then:
        return mentions
    return [replace(m, entity=then[m.entity]) if m.entity in then else m for m in mentions]


def read(text: str, reference: Optional[dt.date] = None, title: str = "",
         gaz: Optional[Gazetteer] = None, published: Optional[dt.datetime] = None) -> Document:
    """Every layer of an article's text. ``published``: the moment of publication, when the article states one."""
    gaz = discover(gaz or gazetteer_module.get(), text)
    sentences = sentence_spans(text)
    paragraphs = paragraph_spans(text)
    title_span = _title_span(text, title, sentences)
    mentions = SortedSpans(_with_the_halves_named(gaz, text, _in_the_state_of_then(
        gaz, _of_their_time(gaz, text, _not_peoples(text, gaz.mentions(text)), reference), reference)))
    doc = Document(text=text, gaz=gaz, reference=reference, paragraphs=paragraphs, sentences=sentences,
                   title_span=title_span, lead_end=_lead_end(sentences, title_span),
                   quotations=quotation_spans(text, paragraphs), entries=entry_spans(text, paragraphs),
                   clause_cuts=_clause_cuts(text, sentences), mentions=mentions,
                   labels=speaker_labels(text, paragraphs))
    doc.people, doc.person_mentions = find_people(doc)
    doc.party_evidence = SortedSpans(list(mentions) + generic_group_mentions(gaz, text, mentions)
                                     + state_force_mentions(gaz, text, mentions)
                                     + person_entity_mentions(doc.people, doc.person_mentions))
    # Times are anchored to the moment of publication when the article states one on its reference day:
    # nothing reported in the past lies after it ("Tuesday night" in an article published Tuesday 15:05).
    from . import timex
    on_the_day = published is not None and reference is not None and published.date() == reference
    doc.times = list(timex.tag(text, published if on_the_day else reference))
    if reference is not None and doc.entries:
        doc.times = _entry_stamps_on(reference, doc.times, doc.entries)
    return doc


def _entry_stamps_on(day: dt.date, times: list, entries: list[Span]) -> list:
    """A live blog's entry stamps ("14:05 GMT:") are times of its own day, not of the day the story before
    them told of: the stamp at an entry's start moves to ``day``."""
    starts = {a for a, _ in entries}
    out = []
    for t in times:
        if t.start in starts and t.type == "TIME" and t.begin is not None and t.begin.date() != day:
            begin = dt.datetime.combine(day, t.begin.time())
            end_time = begin + (t.end_time - t.begin) if t.end_time is not None else None
            t = replace(t, value=day.isoformat() + t.value[10:], begin=begin, end_time=end_time,
                        anchored="reference")
        out.append(t)
    return out


def quotation_spans(text: str, paragraphs: list[Span]) -> list[Span]:
    """Spans of quoted words, marks included. A quotation may run over sentences; it opens with “ or a
    straight mark and closes with ” or a straight mark (scraped text mixes them); one still open at a
    paragraph's end runs to it (news style reopens a quote that goes on in the next paragraph)."""
    spans = []
    for pa, pb in paragraphs:
        opened = -1
        for m in _QUOTE_MARKS.finditer(text, pa, pb):
            mark = m.group()
            if opened < 0:
                if _CLOSES_A_QUOTE.match(text, m.start()) and m.start() > pa:
                    # 'There is no war more just," he added.': the opening mark was lost; the quote
                    # ran from the paragraph's start
                    spans.append((pa, m.end()))
                elif mark != "”":            # a stray closing mark opens nothing
                    opened = m.start()
            elif mark != "“":               # ” or a straight mark closes ("...” after a straight opening too)
                spans.append((opened, m.end()))
                opened = -1
        if opened >= 0:
            spans.append((opened, pb))
    return sorted(spans + _single_quoted(text, paragraphs, spans))


#: British style quotes with single marks: one opens before a capital or a digit, not inside a word ("don't")...
_SINGLE_OPEN = compile_cached(r"(?<![\w’'‘])[‘'](?=[A-Z0-9])")
#: ... and closes after punctuation, or after a word's last letter but a plural's "s" (the "Houthis' slogan"),
#: before a space, punctuation or the end.
_SINGLE_CLOSE = compile_cached(r"(?:(?<=[.,!?])|(?<=[\w][^\Ws]))[’'](?![\w])")


def _single_quoted(text: str, paragraphs: list[Span], double: list[Span]) -> list[Span]:
    """Quotations in single marks ('We will never negotiate,' he said), none inside a double-marked one; like
    those, one still open at its paragraph's end runs to it."""
    spans = []
    for pa, pb in paragraphs:
        pos = pa
        while True:
            opening = _SINGLE_OPEN.search(text, pos, pb)
            if opening is None:
                break
            if any(a <= opening.start() < b for a, b in double):
                pos = opening.end()
                continue
            closing = _SINGLE_CLOSE.search(text, opening.end(), pb)
            end = closing.end() if closing else pb
            spans.append((opening.start(), end))
            pos = end
    return spans


#: A transcript's speaker label opening a paragraph: a name in capitals, perhaps a note in brackets, a colon
#: ("BLAIR (recorded):", "JANE DOE:"). Labels of roles ("PRESENTER") name no one the article knows.
_SPEAKER_LABEL = compile_cached(r"[ \t]*(?P<name>[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+){0,3})[ \t]*(?:\([^()\n]{0,80}\))?:\s")


def speaker_labels(text: str, paragraphs: list[Span]) -> list[tuple[Span, Span]]:
    """The paragraphs a transcript's speaker label opens, with the label's name."""
    out = []
    for pa, pb in paragraphs:
        m = _SPEAKER_LABEL.match(text, pa, pb)
        if m:
            out.append(((pa, pb), m.span("name")))
    return out


def entry_spans(text: str, paragraphs: list[Span]) -> list[Span]:
    """Live-blog entries: from a paragraph that opens with a time stamp ("14:05 GMT:", "2.30pm -",
    "Update, 09:10:") to the next one (or the end of the text)."""
    starts = [pa for pa, pb in paragraphs if _TIMESTAMP.match(text, pa, pb)]
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(text)])]


def _clause_cuts(text: str, sentences: list[Span]) -> list[int]:
    return [m.end() for sa, sb in sentences for m in _CLAUSE_CUT.finditer(text, sa, sb)]


def _title_span(text: str, title: str, sentences: list[Span]) -> Optional[Span]:
    """The headline: the first line when more lines follow and it is the article's title or has
    no final period."""
    if not sentences:
        return None
    first_line_end = text.find("\n")
    if first_line_end < 0 or not text[first_line_end:].strip():
        return None
    a, b = sentences[0]
    if b > first_line_end:
        return None
    line = text[a:first_line_end].strip()
    if len(line.split()) > _HEADLINE_MAX_WORDS and line.endswith((".", "!", "?")):
        return None          # a whole lead paragraph ("(Wire) -- ... , officials said."), no headline
    if (title and line == title.strip()) or not line.endswith((".", "!", "?")) or b < first_line_end:
        return a, b
    return None


def _lead_end(sentences: list[Span], title_span: Optional[Span]) -> int:
    """End of the lead: the first two sentences after the title."""
    body = [s for s in sentences if not title_span or s[0] >= title_span[1]]
    body = [s for s in body if s[1] - s[0] > 60]    # skip bylines and datelines
    return body[min(1, len(body) - 1)][1] if body else 0
