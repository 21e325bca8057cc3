"""Mentions -> actors (people and bodies with their affiliation), and the choice of the parties.

A person is a run of capitalised words in a person context: after a title ("Foreign Minister
Jane Roe"), before an appositive title ("John Doe, a spokesman for ..."), or as the subject
of a reporting verb ("Fahrettin Altun said"). Their affiliation comes from the words around the
name (titles, demonyms, "of X", "X's"); only where those say nothing, from the office the person held
on the article's date (resources/officeholders/). Later surname mentions ("Roe") are the same actor.
"""
from __future__ import annotations

import bisect
import datetime as dt
import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .gazetteer import BELLIGERENT_KINDS, Entity, Gazetteer, Mention
from ..knowledge import lexicon, officeholders
from ..knowledge.letters import CAPITALS
from . import regex_cache as rc
from .regex_cache import compile_cached

if TYPE_CHECKING:                      # the document is built from this module's layers
    from .document import Document

Span = tuple[int, int]

#: The Arabic article before a family name, which writers keep or drop ("al-Assad", "Assad", "El-Sissi").
_ARTICLE_PREFIX = compile_cached(r"^(?:[Aa]l|[Ee]l)-(?=[A-Z])")
#: A run of capitalised words, perhaps after "al-" or "el-" at a word start ("al-Assad"). (The first character is
#: matched first and the rest checked after it: a pattern that opens with a character class lets the engine skip
#: at C speed to those characters, one that opens with an optional lookbehind is tried at every position.)
_CAP_RUN = compile_cached(
    rf"[ae{CAPITALS}](?:(?<=[ae])(?<![\w-][ae])l-[A-Z]|(?<=[{CAPITALS}]))[\w’'\-.]*"
    rf"(?:\s+(?:(?:{lexicon.alternation(lexicon.entries('name_particles'))})[\s\-]){{0,2}}[{CAPITALS}][\w’'\-.]*)*")
#: A finite reporting verb ("said", "accuses"; a bare "claim" may be a noun).
_SPEECH_VERB = rf"(?<![\w-])(?:{lexicon.alternation(lexicon.finite_forms('reporting_verbs'))})(?![\w-])"
_REPORTING_NEXT = compile_cached(
    r"(?:,\s*[^,.;“\"]{2,80},\s*|,?\s*)(?:has |had |have |also |later |then |on \w+ )?" + _SPEECH_VERB)
_STOP_TOKENS = frozenset("""
The A An In On At For From By With And But Or Of To As After Before Since During While When If
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June
July August September October November December Sept. Jan. Feb. Aug. Oct. Nov. Dec.
This That These Those It He She They We I His Her Their Our Its Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr
State Foreign Defense Defence Interior Security Council Ministry Minister President Prime Secretary
General Office News Post Operation Republic People Forces Army Party Human Rights Agency Times
Department House Street National Democratic Islamic Union Nations United Front Liberation Press
Justice Affairs Committee Commission Parliament Government Military Armed Air Navy Force Guard Guards
Special Representative Envoy Ambassador Commander Chief Deputy Vice High Supreme Leader Spokesman
Spokeswoman Spokesperson Gen. Col. Brig. Lt. Maj. Adm. Sen. Rep. Gov. Capt. Sgt. Undersecretary-General
Secretary-General Commander-in-Chief Political Policy Council's Observatory Coalition Alliance
Administration Authority Authorities Movement Brigades Corps Guard Intelligence Agency Service
Twitter Facebook Telegram Instagram Sunday's Monday's North South East West Northern Southern Eastern
Western Central Middle Gulf Sea Ocean River Region Province City Strip Bank Hills Heights Valley
Story Reporting Editing Updated Published Photo Video Image
Republican Republicans Democrat Democrats Democratic Labour Conservative Liberal Sen Rep
Sir Dame Lord Lady Baroness
Earlier Later Meanwhile Separately However Yesterday Today Tonight Also Then Still Instead Moreover Overnight
Elsewhere Last Next Now Even Only Both Many Some Most Such Other Another
""".split())
_PREPOSITIONS_NOT_AFFILIATION = compile_cached(
    r"(?:(?<!according )\bto|\bin|\bat|\binto|\bagainst|\bwith|\bfrom|\bover|\btoward|\btowards|\bon|\bacross|\bnear|"
    r"\bbetween|\bvisit(?:ed|ing)?|\bcalled|\bwarned|\burged)\s+(?:the\s+)?$", re.IGNORECASE)
# What may stand between a country and a person's name in one title phrase:
# "X's Supreme Leader", "X State Secretary", "responsible for X external relations".
_TITLE_GAP = compile_cached(r"(?:[’']s)?(?:\s+|,\s+|\s*-\s*|(?:of|for|the|and|de|el|al)\s|[A-Z][\w.\-]*|"
                            r"external|foreign|policy|affairs|relations|chief|minister|secretary|head|"
                            r"spokesman|spokeswoman|spokesperson|leader|envoy|ambassador|official|"
                            r"president|prime|deputy|senior|top|former|general|state|defense|defence|"
                            r"interior|military|army|security|national|special|representative|"
                            rf"{lexicon.alternation(lexicon.entries('titles'))})*")


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return rc.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


@dataclass
class Person:
    id: str
    name: str
    surname: str
    affiliation: Optional[str] = None
    title: str = ""
    spans: list[Span] = field(default_factory=list)
    #: The affiliation was only guessed from the sentences around the name, not read from a title.
    guessed: bool = False


@dataclass
class PersonMention:
    start: int
    end: int
    person: str   # Person.id


class SortedSpans(list):
    """A list of items sorted by ``.start`` that keeps their starts for fast range lookups."""

    def __init__(self, items=()):
        super().__init__(sorted(items, key=_start_of))
        self.starts = [item.start for item in self]


def in_range(items: list, start: int, end: int) -> list:
    """Items (sorted by .start) that start inside [start, end)."""
    starts = getattr(items, "starts", None)
    if starts is not None and len(starts) == len(items):
        lo = bisect.bisect_left(starts, start)
        return items[lo:bisect.bisect_left(starts, end, lo)]
    lo = bisect.bisect_left(items, start, key=_start_of)
    hi = bisect.bisect_left(items, end, lo, key=_start_of)
    return items[lo:hi]


def _start_of(item) -> int:
    return item.start


def head_entity(gaz: Gazetteer, text: str, mentions: list[Mention], start: int, end: int,
                closest: bool = False) -> Optional[Mention]:
    """The entity a noun phrase text[start:end] belongs to: "X's Defense Ministry" -> X,
    "a spokesman for the Y-backed X" -> X, "X's ambassador to Y" -> X."""
    candidates = []
    for m in in_range(mentions, start, end):
        if m.end > end or m.backed or gaz.entity(m.entity).kind == "region":
            continue             # "a <region>-an diplomat" belongs to no state
        before = text[max(start, m.start - 25):m.start]
        if gaz.entity(m.entity).kind == "media" and rc.search(r"\b(?:by|to|told)\s+(?:the\s+)?$", before):
            continue             # "quoted by <outlet>", "told <outlet>": the outlet is not the speaker
        if _PREPOSITIONS_NOT_AFFILIATION.search(before) and not (
                rc.match(r"[’']s\b", text[m.end:m.end + 3]) and rc.search(r"\bin\s+$", before)) \
                and not (rc.match(r"[’']s\b", text[m.end:m.end + 3]) and _AIDE_TO.search(before)):
            continue             # "ambassador to Y" is not of Y; "in X's parliament", "an adviser to X's leader" are of X
        candidates.append(m)
    if not candidates:
        return None
    # In a compound of adjacent names the last is the head: "<country> <demonym> party" is the demonym's party.
    while len(candidates) >= 2 and not text[candidates[0].end:candidates[1].start].strip():
        if gaz.entity(candidates[1].entity).kind == "state" and _POSTED_AFTER.match(text, candidates[1].end):
            candidates.pop(1)    # "UN Yemen envoy": the UN's envoy, posted to Yemen
            continue
        candidates.pop(0)
    if closest:            # a title phrase right before a name: the nearest name qualifies it
        return candidates[-1]
    # The more specific body (a council, a national army) beats a bare place name
    # only when it comes first; otherwise the first mention is the possessor ("X's ...").
    return candidates[0]


_AIDE_TO = compile_cached(r"\b(?:advis[eo]r|aide|assistant|deputy|counsellor|counselor)\s+to\s+(?:the\s+)?$",
                          re.IGNORECASE)
_TITLES = lexicon.alternation(lexicon.entries("titles"))
_RANKS = lexicon.alternation(lexicon.entries("rank_abbreviations"))
#: A rank before a name is no part of it, with its period or without ("Lt Gen X", "Col. Y").
_RANK_WORDS = frozenset(lexicon.entries("rank_abbreviations"))
#: A title, rank or courtesy title right before a name ("Foreign Minister", "Gen.", "Mr"), or a title with its
#: complement and a comma ("the ambassador to the UN, <Name>").
_TITLE_BEFORE = compile_cached(
    rf"(?:\b(?:{_TITLES})|\b(?:{_RANKS}|{lexicon.alternation(lexicon.entries('person_titles'))})\.?)\s*$|"
    rf"\b(?:{_TITLES})\b[^,.;]{{0,40}},\s*$", re.IGNORECASE)


# Titles of people who speak for a state or body (not "resident", "analyst", "Dr.").
_OFFICIAL = compile_cached(rf"\b(?:{_TITLES}|{_RANKS})\b", re.IGNORECASE)


#: A minister's title right before a name ("Foreign Minister", "the defence minister,"), not a prime minister's.
_MINISTER_BEFORE = compile_cached(r"(?<!prime )(?<!Prime )\bminister\s*,?\s*$", re.IGNORECASE)


def _held_a_ministry(name: str, on: Optional[dt.date]) -> bool:
    """Whether the office-holder list has ``name`` in a minister's office (not a prime minister's) on ``on``."""
    return on is not None and any("minister" in role and "prime" not in role and first <= on and (last is None or on <= last)
                                  for role, _, first, last in officeholders.terms_for(name))


#: A government named after its head: the head's side at any date.
_GOVERNMENT_AFTER = compile_cached(r"\s+(?:administration|government|cabinet)\b")


#: A word of a run of capitalised words.
_TOKEN = compile_cached(r"\S+")
_POSSESSIVE_END = compile_cached(r"[’'](?:s\b)?[,.;:]*$")

#: A regnal number of two letters or more (a single "I" or "V" is more often something else).
_REGNAL_NUMBER = compile_cached(r"(?=[IVX]{2,})X{0,2}(?:IX|IV|V?I{0,3})")


def find_people(doc: "Document") -> tuple[dict[str, Person], list[PersonMention]]:
    """The people of a document (its text, sentences and gazetteer mentions read): who they are, their
    side, and every mention of them (an office holder's side from the data only for the document's date,
    and never above what the text says)."""
    text, sentences, gaz, mentions, reference = doc.text, doc.sentences, doc.gaz, doc.mentions, doc.reference
    title_words = {w for t in gaz.titles for w in t.split()} | {w for b in gaz.bodies for w in b.split()}
    surface_words, alone = set(), set()
    for s in gaz.surface:
        words = s.split()
        surface_words.update(words)
        if len(words) == 1:
            alone.add(s)
    #: Words only ever inside a longer name of the gazetteer ("Jose" of "San Jose", "Salvador", "Martin"): before
    #: another word of a name they are a given name ("Jose Mujica"), not a place.
    name_parts = {w for w in surface_words - alone - title_words - _STOP_TOKENS if w.isalpha() and w[:1].isupper()}
    people: dict[str, Person] = {}
    #: The side the office-holder list gives a person on the article's date: used only where the text says none.
    office_sides: dict[str, str] = {}
    by_surname: dict[str, str] = {}
    by_given: dict[str, str] = {}
    person_mentions: list[PersonMention] = []
    mention_starts = mentions if isinstance(mentions, SortedSpans) else SortedSpans(mentions)

    appositive_title = compile_cached(r",\s+(?:a|an|the|who|his|her|its)\b[^,]{0,60}?\b(?:"
                                      + "|".join(re.escape(t) for t in gaz.titles if t.islower()) + r")\b")
    stop_cache: dict[str, bool] = {}

    def is_stop(tok: str) -> bool:
        hit = stop_cache.get(tok)
        if hit is None:
            hit = stop_cache[tok] = _is_stop(tok)
        return hit

    def _is_stop(tok: str) -> bool:
        tok = _ARTICLE_PREFIX.sub("", tok)
        # (the possessive off, not every final "s": "Santos" is no "Santo" of "Santo Domingo")
        bare = _POSSESSIVE_END.sub("", tok.rstrip(",.;:"))
        return (tok in _STOP_TOKENS or bare in _STOP_TOKENS or bare in _RANK_WORDS or tok in surface_words
                or bare in surface_words or tok in title_words or bare in title_words
                or not tok[:1].isupper() or tok.isupper() and len(tok) > 1)

    #: An office holder's side by the name's text (the article's date is one): looked up once per name.
    side_by_name: dict[str, Optional[str]] = {}

    for s_start, s_end in sentences:
        for run in _CAP_RUN.finditer(text, s_start, s_end):
            word = run.group()
            if is_stop(word) and not any(map(str.isspace, word)):
                continue         # one word, and no name ("The", "But", a place): most runs of a text
            tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, run.start(), run.end())]
            # Strip leading/trailing non-name tokens (titles, places, function words).
            lead = 0
            while lead < len(tokens) and is_stop(tokens[lead][2]) and not (
                    tokens[lead][2] in name_parts and lead + 1 < len(tokens) and not is_stop(tokens[lead + 1][2])):
                lead += 1
            tail = len(tokens)
            while tail > lead and is_stop(tokens[tail - 1][2]) \
                    and not (tail - 1 > lead and _REGNAL_NUMBER.fullmatch(tokens[tail - 1][2].rstrip(",.;:"))):
                tail -= 1       # (a regnal number ends a name: "King Mohammed VI", "Abdullah II")
            name_tokens = tokens[lead:tail]
            # A title word inside the run ("Information Minister Daud Aweys", "Police Commissioner Maj. Gen.
            # X"): the name starts after the last one.
            inner = [i for i, tok in enumerate(name_tokens[:-1]) if tok[2] in title_words]
            if inner:
                lead += inner[-1] + 1
                name_tokens = name_tokens[inner[-1] + 1:]
            if not name_tokens:
                continue
            # Possessive / punctuation at the end of the last token
            a = name_tokens[0][0]
            b = name_tokens[-1][1]
            while b > a and text[b - 1] in ",.;:":
                b -= 1
            raw = text[a:b]
            possessive = rc.search(r"(?:’s|'s|’|')$", raw)
            if possessive:
                b -= len(possessive.group())
                raw = text[a:b]
            if not raw or any(map(str.isdigit, raw)):
                continue
            words = raw.split()
            surname = words[-1]
            if surname in by_surname and len(words) <= 2 and (len(words) == 1 or surname in by_surname):
                pid = by_surname[surname]
                people[pid].spans.append((a, b))
                person_mentions.append(PersonMention(a, b, pid))
                continue
            if len(words) == 1 and surname in by_given:
                # "<Given> <Family> ... <Given> said": many naming traditions use the given name.
                pid = by_given[surname]
                people[pid].spans.append((a, b))
                person_mentions.append(PersonMention(a, b, pid))
                continue
            before = text[max(s_start, a - 60):a]
            titled = lead > 0 and any(tok[2] in title_words or tok[2].rstrip(".") + "." in title_words
                                      for tok in tokens[:lead])
            titled = titled or bool(_TITLE_BEFORE.search(before))
            appositive = bool(appositive_title.match(text, b, b + 90))
            reporting = bool(_REPORTING_NEXT.match(text, b))
            if raw not in side_by_name:     # an office holder in office then ("Biden said")
                side_by_name[raw] = gaz.person_side(raw, reference)
            known_side = side_by_name[raw]
            if known_side is not None and _MINISTER_BEFORE.search(before) \
                    and not _held_a_ministry(raw, reference):
                known_side = None        # "Foreign Minister X": a namesake of another state's leader, not them
            government = bool(_GOVERNMENT_AFTER.match(text, b))
            if known_side is None and government:
                known_side = gaz.government_side(raw)       # "the Obama administration", whenever it was
            if len(words) == 1 and not titled and not (known_side and (reporting or appositive or government)):
                # A lone word the office-holder list knows must still be used as a person's name ("May said",
                # "Power, the ambassador,", "the May government"): "In May", "Power was cut" are not people.
                continue
            if len(words) > 5:
                continue
            if not (titled or appositive or (reporting and len(words) >= 2) or known_side):
                continue
            if gaz.lookup(raw) is not None:
                continue
            pid = slug(raw)
            if pid in people:
                people[pid].spans.append((a, b))
            else:
                context = before + text[b:b + 90] if appositive or reporting else before
                official = bool(_OFFICIAL.search(context)) or (lead > 0 and any(
                    _OFFICIAL.search(tok[2]) for tok in tokens[:lead]))
                people[pid] = Person(pid, raw, surname, title="official" if official else "",
                                     spans=[(a, b)])
            by_surname.setdefault(surname, pid)
            family = _ARTICLE_PREFIX.sub("", surname)
            if family != surname:            # "al-Assad": also "Assad", "Al-Assad", "el-Assad", "El-Assad"
                for variant in (family, *(f"{article}-{family}" for article in ("al", "Al", "el", "El"))):
                    by_surname.setdefault(variant, pid)
            if len(words) >= 2 and words[0] not in title_words:
                by_given.setdefault(words[0], pid)
            if "-" in surname and surname.split("-")[1][:1].islower() and len(words) >= 2:
                by_surname.setdefault(words[0], pid)     # "Ban Ki-moon", "Kim Jong-un": family name first
            person_mentions.append(PersonMention(a, b, pid))
            if known_side:
                office_sides.setdefault(pid, known_side)
            if people[pid].affiliation is None:
                # The title phrase around the name: "<Demonym> Prime Minister X", "X's minister Y".
                people[pid].affiliation = _affiliation(doc, (s_start, s_end), (a, b))
    # A surname mentioned before its full form, or again later with no title: any capitalised
    # token equal to a known surname is that person.
    if by_surname:
        # (the lookahead of first letters lets the scan skip most of the text at C speed: ~4x faster on 1 MB)
        first_letters = "".join(sorted({re.escape(s[0]) for s in by_surname}))
        pattern = re.compile(rf"(?=[{first_letters}])(?<![\w\-])("
                             + "|".join(re.escape(s) for s in by_surname) + r")(?![\w\-])")
        covered = set()
        for pm in person_mentions:
            covered.update(range(pm.start, pm.end))
        for m in pattern.finditer(text):
            if m.start() in covered:
                continue
            pid = by_surname[m.group(1)]
            person_mentions.append(PersonMention(m.start(), m.end(), pid))
            people[pid].spans.append((m.start(), m.end()))
        person_mentions.sort(key=lambda pm: pm.start)
    person_mentions = SortedSpans(person_mentions)
    # A person whose first mention gave no affiliation may get one at a later mention, from a
    # title right before the name ("... the <demonym> Prime Minister X").
    for pm in person_mentions:
        person = people[pm.person]
        if person.affiliation is None:
            # (in the name's own sentence: "... of Shining Path leader X. In March, Y said" gives Y nothing)
            sentence_start = _sentence_of(sentences, pm.start)[0]
            near = [m for m in in_range(mention_starts, max(0, sentence_start, pm.start - 80), pm.start)
                    if not m.backed]
            if near and _TITLE_GAP.fullmatch(text[near[-1].end:pm.start]) \
                    and rc.search(r"[a-z]", text[near[-1].end:pm.start]) \
                    and not _place_ending_a_clause(text, near[-1], pm.start) \
                    and "\n" not in text[near[-1].end:pm.start]:     # a headline is another sentence
                person.affiliation = gaz.root(near[-1].entity)
    # A titled official the text never ties to a country ("Prime Minister X told reporters that
    # X ...") belongs to the state the sentence, or the one just before, is about.
    # What the text says came first; an office holder it labels nowhere speaks for their office's side.
    # (A full name the list knows only by its surname is that holder only where the article names the side:
    # "Premier Lien Chan" of Taiwan is not Papua New Guinea's "Chan".)
    named_sides = {gaz.root(m.entity) for m in mentions}
    holders = officeholders.holders()
    for pid, side in office_sides.items():
        person = people[pid]
        if person.affiliation is None and (gaz.root(side) in named_sides or len(person.name.split()) < 2
                                           or holders.knows_full_name(person.name)):
            person.affiliation = side
    # An aide named by whom they serve ("X, an aide to <Surname>", "the adviser to Prime Minister <Name>") speaks
    # for that person's side (after the office holders have theirs).
    for person in people.values():
        if person.affiliation is None and person.spans:
            aide = _AIDE_OF.match(text, person.spans[0][1])
            # ("<Surname>'s information minister, X": the one whose office X holds, in an appositive before the name)
            aide = aide or _OFFICIAL_OF.search(text, max(0, person.spans[0][0] - 80), person.spans[0][0])
            boss = by_surname.get(aide.group(1)) if aide else None
            if boss and boss != person.id and people[boss].affiliation:
                person.affiliation = people[boss].affiliation
    for person in people.values():
        if person.affiliation is not None or not person.spans:
            continue
        if person.title:
            first = person.spans[0][0]
            if _ORGANISATION_TITLE.search(text, max(0, first - 40), first):
                # "Secretary General Y": an organisation's officer, of the organisation last named
                person.affiliation = _last_organisation(doc, first)
                if person.affiliation is not None:
                    person.guessed = True
                    continue
            owner = _pronoun_owner(doc, first)
            if owner is not None:
                person.affiliation = owner       # what the text says, not a guess
                continue
            states_only = bool(_STATE_TITLE.search(text, max(0, first - 40), first))
            person.affiliation = _side_of_the_person_before(doc, people, person_mentions, first) \
                or _context_affiliation(doc, first, states_only)
            person.guessed = True
    return people, person_mentions


#: "<Surname>'s information minister, " right before a name: an official of that person's side.
_OFFICIAL_OF = compile_cached(r"\b([A-Z][\w\-]+)['’]s\s+(?:[a-z\-]+\s+){0,3}"
                              rf"(?:{lexicon.alternation(lexicon.entries('titles'))})\s*,\s*\Z")


#: Between two people of one sentence: words that set the second apart from the first's side (a meeting, a
#: counterpart, an accusation, a preposition, a list), or that say the second belongs to someone else (a
#: possessive pronoun: "... with X and Y, her spokesman Z said"; a clause break).
_APART = compile_cached(r"\b(?:with|to|against|between|from|and|or|counterpart|met|meets?|meeting|talks|told|tells?|"
                        r"urg\w*|call\w*|ask\w*|than|his|her|its|their|"
                        + lexicon.alternation(lexicon.verb_forms("accusation_verbs")) + r")\b|[,;:“”\"]",
                        re.IGNORECASE)


def _pronoun_owner(doc: "Document", pos: int) -> Optional[str]:
    """"Russia has requested a meeting, its deputy ambassador X said": the state or organisation the sentence
    opens with owns a title "its" or "their" gives right before a name."""
    sa = _sentence_of(doc.sentences, pos)[0]
    if not _ITS_TITLE.search(doc.text, max(sa, pos - 50), pos):
        return None
    subject = [m for m in in_range(doc.mentions, sa, pos) if not m.backed]
    if subject and doc.gaz.entity(doc.gaz.root(subject[0].entity)).kind in ("state", "organisation"):
        return doc.gaz.root(subject[0].entity)
    return None


def _side_of_the_person_before(doc: "Document", people: dict, person_mentions: list, pos: int) -> Optional[str]:
    """"Santos said he had instructed Foreign Minister X": an official the text ties to no state, named after a
    person of known side in the same sentence with nothing that sets them apart, is of that person's side."""
    sa = _sentence_of(doc.sentences, pos)[0]
    before = [pm for pm in in_range(person_mentions, sa, pos) if pm.end <= pos]
    if not before:
        return None
    last = before[-1]
    side = people[last.person].affiliation
    if side is None or _APART.search(doc.text, last.end, pos):
        return None
    return side


#: A title only an international organisation's officer holds, right before a name.
_ORGANISATION_TITLE = compile_cached(rf"\b(?:{lexicon.alternation(lexicon.entries('organisation_titles'))})"
                                     r"(?:\s+[A-Z][\w.'’\-]*){0,2}\s*,?\s*$", re.IGNORECASE)


def _last_organisation(doc: "Document", pos: int) -> Optional[str]:
    """The international organisation named last before ``pos`` in its sentence or the two before."""
    index = bisect.bisect_right(doc.sentences, pos, key=lambda s: s[0]) - 1
    if index < 0:
        return None
    start = doc.sentences[max(0, index - 2)][0]
    for m in reversed(in_range(doc.mentions, start, pos)):
        root = doc.gaz.root(m.entity)
        ent = doc.gaz.entity(root)
        if ent is not None and ent.kind == "organisation" and not m.backed:
            return root
    return None


_AIDE_OF = compile_cached(r",\s+(?:an?|the)\s+(?:senior\s+|top\s+|chief\s+|close\s+)?(?:aide|adviser|advisor|"
                          r"spokes(?:man|woman|person)|deputy|assistant)\s+(?:to|for|of)\s+(?:[A-Z][\w\-]*\s+){0,3}"
                          r"([A-Z][\w\-]+)\b(?!\s+[A-Z])")
_MEETS_BEFORE = compile_cached(r"\b(?:talks|meeting|met|meets|meet|visited|visiting|counterpart|hosted|received)"
                               r"(?:\s+with)?\s+(?:[^,.;]{0,60}?\band\s+)?(?:[A-Z][\w.\-]*\s+){0,4}$")
#: Titles only a state has: its government, its armed services.
_STATE_TITLE = compile_cached(r"\b(?:prime\s+minister|president|(?:foreign|defen[cs]e|interior)\s+(?:minister|secretary)|"
                              r"[a-z]+\s+minister|minister\s+of\s+[a-z]+|police\s+commissioner|"
                              r"secretary\s+of\s+state|ambassador|air\s+force|army|navy|military|police|ministry|"
                              r"government)\b[\w\s.,]{0,25}$", re.IGNORECASE)
#: A title of a state body's official with no owner named: "foreign ministry spokeswoman", "government official".
_UNOWNED_BODY_TITLE = compile_cached(r"(?<!['’]s )\b(?:[a-z]+\s+)?(?:ministry|government|presidency|cabinet)\s+"
                                     r"(?:[a-z]+\s+)?$")
#: A title owned by a pronoun right before a name: "its deputy ambassador X", "their spokesman X".
_ITS_TITLE = compile_cached(r"\b(?:its|their)\s+(?:[a-z][\w\-]*\s+){1,3}$")
_BETWEEN_AND = compile_cached(r"\bbetween\s+(?:the\s+)?[\w’'.\-]+(?:\s+[\w’'.\-]+)?\s+and\s+(?:the\s+)?$")


def _in_quote(text: str, start: int, pos: int) -> bool:
    segment = text[start:pos]
    return segment.count("\"") % 2 == 1 or segment.count("“") > segment.count("”")


#: A side that speaks in a sentence: "Ukrainian officials said", "Ukraine's air force reported".
#: Right before a mention: a verb of blame and up to three words ("accusing Moscow", "blamed the Russian"):
#: whom the speaker holds at fault is not the speaker's side.
_ACCUSED = compile_cached(r"\b(?:" + lexicon.alternation(lexicon.verb_forms("accusation_verbs"))
                          + r")\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_SPEAKS_AFTER = compile_cached(r"(?:['’]s)?\s+(?:[A-Za-z\-]+\s+){0,3}" + _SPEECH_VERB)
#: A demonym right before a word that may be a verb of saying is that noun's adjective ("the American claims",
#: "Russian reports"): a demonym speaks through a noun ("Iranian officials said").
_NOUN_AFTER_DEMONYM = compile_cached(r"\s+" + _SPEECH_VERB)
#: A wire dateline at the top ("MOSCOW, August 8. /TASS/.", "ISLAMABAD, Feb 27 (Reuters) -"): its city.
_DATELINE_CITY = compile_cached(r"(?m)^([A-Z][A-Z'\-]{2,}(?:\s[A-Z][A-Z'\-]{2,}){0,2})(?:,|\s*\(|\s+[—–-])")
_OPENS_IN_PLACE = compile_cached(r"\s*(?:In|(?:Speaking|Talking|Writing)\s+(?:in|from))\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?"
                                 r"(?:,|\s+(?:after|before|during|on|at|to)\b)")
#: Titles of a town's or a region's officials: the place named with them is their side.
_LOCAL_TITLE = compile_cached(r"\b(?:mayor|governor|regional\s+(?:governor|head|administration|chief)|"
                              r"police\s+chief|city\s+council)\s+(?:[A-Z][\w\-]*\s+)?$", re.IGNORECASE)


#: Where a speaker speaks, right after their name: "X told reporters in <capital>", "X said in <capital>".
_SPEAKS_IN = compile_cached(r"[\w\s.,'’\-]{0,40}?\b(?:told\s+(?:reporters|journalists|a\s+(?:news|press)\s+(?:conference|briefing))|"
                            r"said|says|spoke|speaking)\s+in\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)")


#: A reporting verb and its "that" clause: what follows is reported content.
_SAID_THAT = compile_cached(_SPEECH_VERB + r"(?:\s+[\w,]+){0,5}?\s+that\b")
_SPEAKS_HERE = compile_cached(r"[\w\s.,'’\-]{0,40}?\b(?:told\s+(?:reporters|journalists)|said|says|spoke|speaking)\s+here\b")


#: How far back (characters) "the council" looks for a body named with that noun.
ANTECEDENT_LOOKBACK = 600
def named_antecedent(doc: "Document", phrase: str, pos: int) -> Optional[str]:
    """The body a definite noun phrase ("the council", "the coast guard", "the ministry") refers back to: where
    its head noun last occurs shortly before ``pos``, the name it is part of ("the U.N. Security Council") or the
    name right before it in its noun phrase ("the China Coast Guard", "Global Affairs Canada, the foreign
    ministry in Ottawa")."""
    head = phrase.strip(" ,.").split()[-1].lower()
    text, gaz = doc.text, doc.gaz
    lo = max(0, pos - ANTECEDENT_LOOKBACK)
    for occurrence in reversed([m.start() for m in re.finditer(rf"\b{re.escape(head)}\b", text[lo:pos], re.IGNORECASE)]):
        at = lo + occurrence
        for m in reversed(in_range(doc.mentions, max(0, at - 60), at + 1)):
            if m.end < at and (rc.search(r"[.;:!?\n“”\"]", text[m.end:at]) or len(text[m.end:at].split()) > 4
                               or any(w in _GAP_FUNCTION_WORDS for w in text[m.end:at].lower().split())):
                continue             # "France of using the bloc": France is not in the bloc's noun phrase
            if _place_ending_a_clause(text, m, at):
                continue
            ent = gaz.entity(gaz.root(m.entity))
            if ent is not None and ent.kind not in ("media", "monitor"):
                return ent.id
    if head in _ORGANISATION_NOUNS:
        # "the bloc", "the alliance": the organisation last named
        for m in reversed(in_range(doc.mentions, max(0, pos - 3 * ANTECEDENT_LOOKBACK), pos)):
            root = gaz.root(m.entity)
            if gaz.entity(root) is not None and gaz.entity(root).kind == "organisation":
                return root
    return None


_ORGANISATION_NOUNS = frozenset(lexicon.entries("organisation_nouns"))
#: Words that cannot stand inside one noun phrase between a name and its noun (articles can).
_GAP_FUNCTION_WORDS = frozenset(lexicon.entries("english_function_words")) - {"the", "a", "an"}


#: A body's officer with no owner named: "coast guard spokesperson X", "army spokesman X".
_BODY_OFFICER = compile_cached(r"\b(guard|ministry|army|navy|force|police|military|forces|agency|council)\s+"
                               r"(?:spokes(?:man|woman|person)|official|chief|commander|head)\s*,?\s*$", re.IGNORECASE)


def _context_affiliation(doc: "Document", pos: int, states_only: bool = False) -> Optional[str]:
    """The state a titled person's context is about: their own noun phrase (in a state news agency's
    dispatch, else that agency's state), then the two sentences before (the side speaking there first:
    "... Ukrainian officials said"), then the country of the wire dateline, then the rest of their
    sentence (which is often what they said)."""
    gaz, text, mentions, sentences = doc.gaz, doc.text, doc.mentions, doc.sentences
    index = bisect.bisect_right(sentences, pos, key=lambda s: s[0]) - 1
    if index < 0:
        return None
    sa, sb = sentences[index]
    officer = _BODY_OFFICER.search(text, max(sa, pos - 40), pos)
    if officer is not None:
        named = named_antecedent(doc, officer.group(1), pos)   # "the China Coast Guard ... coast guard
        if named is not None:                                  # spokesperson X": the body named before
            return named
    if _UNOWNED_BODY_TITLE.search(text, max(sa, pos - 50), pos):
        # "China ... is concerned about the situation, foreign ministry spokeswoman X said": the ministry
        # of the state the sentence opens with.
        opening = [m for m in in_range(mentions, sa, sa + 3) if not m.backed]
        if opening and gaz.entity(gaz.root(opening[0].entity)).kind == "state":
            return gaz.root(opening[0].entity)
    if _SPEAKS_HERE.match(text, pos, sb):
        home = here_state(doc, pos)
        if home is not None:
            return home          # "X told reporters here": where the story is filed from
    where = _SPEAKS_IN.match(text, pos, sb)
    if where is not None:
        # "spokeswoman X told reporters in <capital>": an official the text ties to no state speaks at home
        for m in in_range(mentions, where.start(1), where.end(1)):
            root = gaz.root(m.entity)
            if gaz.entity(root).kind == "state" and m.form in ("name", "metonym") and not m.backed:
                return root
    windows = [(sa, pos)] + [sentences[i] for i in (index - 1, index - 2) if i >= 0] + [(pos, sb)]
    if _MEETS_BEFORE.search(text, max(sa, pos - 120), pos):
        windows = windows[1:]        # "X's general is in talks with Minister Y": Y is X's counterpart
    # A town's official, or any official in a sentence that opens in a capital ("In New Delhi, foreign
    # ministry spokesman X said"): the place named in their own sentence is their side.
    local = bool(_LOCAL_TITLE.search(text, max(0, pos - 40), pos)) or bool(_OPENS_IN_PLACE.match(text, sa, pos))
    # Before a trailing speaker ("Ukrainian units crossed the border ..., General X told ..."), the sentence
    # is what they said: their own noun phrase starts after the last comma or quote.
    cut = max(text.rfind(",", sa, pos), text.rfind("”", sa, pos), text.rfind('"', sa, pos))
    if cut > sa and not local and len(text[sa:cut].split()) > 6:
        windows[0] = (cut + 1, pos)
    for wa, wb in windows:
        found = []
        for m in in_range(mentions, wa, wb):
            ent = gaz.entity(gaz.root(m.entity))
            if ent is None or ent.kind not in BELLIGERENT_KINDS or m.backed or (states_only and ent.kind != "state"):
                continue             # a prime minister or an air force spokesman speaks for a state
            if _in_quote(text, wa, m.start):
                continue             # words the person is quoted saying are not their label
            if _BETWEEN_AND.search(text[max(wa, m.start - 60):m.start]):
                continue             # "between X and Y": neither is the person's side
            if local and (wa, wb) == (sa, pos) and m.form in ("name", "metonym"):
                return gaz.root(m.entity)    # "In Kyiv, ..., Mayor X said": the mayor's city
            if rc.search(r"\b(?:for|against|about|over|on|after)\s+(?:the\s+)?$", text[max(wa, m.start - 12):m.start]):
                continue             # "expels diplomats for X attack": X is what it is about
            if _PREPOSITIONS_NOT_AFFILIATION.search(text[max(wa, m.start - 25):m.start]):
                continue
            if _ACCUSED.search(text[max(wa, m.start - 50):m.start]):
                continue             # "Minister X, accusing Moscow of ...": not Moscow's minister
            found.append(m)
        if (wa, wb) != (sa, pos) and (wa, wb) != (pos, sb):
            speaking = [m for m in found if _SPEAKS_AFTER.match(text, m.end, wb)
                        and not (m.form == "demonym" and _NOUN_AFTER_DEMONYM.match(text, m.end, wb))]
            if speaking:
                return gaz.root(speaking[-1].entity)
        if (wa, wb) != (sa, pos) and (wa, wb) != (pos, sb):
            content = _SAID_THAT.search(text, wa, wb)
            if content is not None:
                # "X said in a statement that <Y's actions> ...": what a sentence before reports is no label
                found = [m for m in found if m.start < content.start()]
        names = [m for m in found if m.form in ("name", "metonym")]
        pick = names or found
        if pick:
            return gaz.root(pick[0].entity)
        if (wa, wb) == windows[0] and not rc.search(r"\b(?:its|his|her|their)\s+(?:[\w\-]+\s+){0,3}$", text[wa:wb]):
            home = _state_media_home(gaz, text, mentions)
            if home is not None:
                return home          # a state agency's dispatch ("MOSCOW, August 8. /TASS/."): its officials
        if (wa, wb) == windows[-2]:
            home = _dateline_state(gaz, text)
            if home is not None:
                return home          # a wire story's unlabelled officials are the dateline country's (before
                                     # what the rest of their sentence is about)
    return None


def _state_media_home(gaz: Gazetteer, text: str, mentions: list[Mention]) -> Optional[str]:
    """The state whose own news agency files the story, named in its dateline or byline."""
    for m in in_range(mentions, 0, min(len(text), 400)):
        ent = gaz.entity(m.entity)
        if ent is not None and ent.kind == "media" and ent.parent:
            parent = gaz.entity(ent.parent)
            return parent.id if parent is not None and parent.kind == "state" else None
    return None


#: Where a broadcast's correspondent is: "Our correspondent in Tehran reports", "Our correspondent is in Colombo".
_CORRESPONDENT_IN = compile_cached(r"\b[Cc]orrespondent\s+(?:is\s+|was\s+)?in\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
#: A place in a transcript's speaker label: in its brackets, "CORRESPONDENT (Addis Ababa):", or before a
#: reporter's role, "TEHRAN CORRESPONDENT:" (not any word of a label: "MICHAEL JORDAN:" is a person).
_LABEL_PLACE = compile_cached(r"\(([^()]{2,40})\)|\b([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)\s+"
                              r"(?:[A-Z]+\s+)?(?:CORRESPONDENT|REPORTER|EDITOR)\b")
#: How far back (characters) "here" looks for where the text put its correspondent.
_CORRESPONDENT_LOOKBACK = 20000


def here_state(doc: "Document", pos: int) -> Optional[str]:
    """The state "here" means at ``pos`` ("officials here", "told reporters here"): a place its transcript
    paragraph's speaker label names, else where the text last said its correspondent is, else the dateline's."""
    gaz, text = doc.gaz, doc.text
    label = doc.label_at(pos)
    if label is not None:
        colon = text.find(":", label[0])
        for place in _LABEL_PLACE.finditer(text, label[0], colon):
            name = place.group(1) or place.group(2)
            for form in (name, name.title()):
                ent = gaz.lookup(form)
                if ent is not None and ent.kind == "state":
                    return ent.id
    correspondent = None
    for correspondent in _CORRESPONDENT_IN.finditer(text, max(0, pos - _CORRESPONDENT_LOOKBACK), pos):
        pass
    if correspondent is not None:
        ent = gaz.lookup(correspondent.group(1))
        if ent is not None and ent.kind == "state":
            return ent.id
    return _dateline_state(gaz, text)


def _dateline_state(gaz: Gazetteer, text: str) -> Optional[str]:
    m = _DATELINE_CITY.search(text, 0, 600)
    if m is None:
        return None
    ent = gaz.lookup(m.group(1).title()) or gaz.lookup(m.group(1))
    return ent.id if ent is not None and ent.kind == "state" else None


def _affiliation(doc: "Document", sentence: Span, name: Span) -> Optional[str]:
    """The entity of the noun phrase around a name, never a newspaper or a monitor."""
    gaz = doc.gaz
    mentions = [m for m in in_range(doc.mentions, *sentence)
                if gaz.entity(gaz.root(m.entity)).kind not in ("media", "monitor")]
    return _affiliation_in(doc, mentions, sentence, name)


#: "of" right after a name, before the state whose title it is ("President X of Togo").
_OF_AFTER_NAME = compile_cached(r"\s+of\s+(?:the\s+)?")
#: Titles of someone posted to a place or a conflict.
_POSTED_TITLE = compile_cached(r"\b(?:envoy|ambassador|representative|co-?ordinator|mediator)\b", re.IGNORECASE)
_POSTED_AFTER = compile_cached(r"\s+(?:special\s+|peace\s+|deputy\s+)?(?:envoy|ambassador|representative|co-?ordinator|"
                               r"mediator)\b", re.IGNORECASE)
#: A posted title's posting right before a name: "envoy to", "co-ordinator for".
_POSTED_TO = compile_cached(r"\b(?:envoy|ambassador|representative|co-?ordinator|mediator)\s+(?:for|to|on)\s+"
                            r"(?:the\s+)?\Z", re.IGNORECASE)
_AFFILIATION_GAP = compile_cached(_TITLE_GAP.pattern.replace("(?:of|for|the|and|de|el|al)\\s",
                                                         "(?:of|for|the|and|de|el|al|to|in|at|on|from|a|an)\\s")
                              .replace("interior|", "interior|office|ministry|committee|council|"
                                                    "commission|parliament|upper|lower|house|affairs|"
                                                    "policy|chief|head|mission|agency|news|service|"))


#: A finite verb or a verb with its object: what makes the words after a name's comma a clause of their own.
_CLAUSE_VERB = compile_cached(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does)\b|"
                              r"\b[a-z]+ed\s+(?:a|an|the|its|their|his|her)\b")


def _place_ending_a_clause(text: str, mention: Mention, name_start: int) -> bool:
    """"strikes on the territory of X, Air Force Commander Y said": X, a place, ends the clause before the
    title and names none."""
    return "," in text[mention.end:name_start] and _is_place(text, mention.start)


def _affiliation_in(doc: "Document", mentions: list[Mention], sentence: Span, name: Span,
                    appositive: bool = True) -> Optional[str]:
    """The entity of the noun phrase around a name (``mentions``: the sentence's): the title phrase before it,
    then an appositive."""
    gaz, text = doc.gaz, doc.text
    (s_start, s_end), (a, b) = sentence, name
    # The title phrase before the name, back to a clause delimiter.
    left = text[s_start:a]
    cuts = [(left.rfind(d), len(d)) for d in (";", "—", " -- ", "(", ")", "“", "\"", ":", " and ")]
    cut, width = max(cuts)
    seg_start = s_start + cut + width if cut >= 0 else s_start
    comma = left.rfind(",")
    before_start = max(seg_start, s_start + comma + 1) if comma >= 0 else seg_start
    # A name qualifying the title right before the person: "with <demonym> President <Name>".
    near = [m for m in in_range(mentions, seg_start, a) if not m.backed]
    if near and _place_ending_a_clause(text, near[-1], a):
        near = []
    if near and _TITLE_GAP.fullmatch(text[near[-1].end:a]) and rc.search(r"[a-z]", text[near[-1].end:a]) \
            and "\n" not in text[near[-1].end:a]:
        if len(near) >= 2 and gaz.entity(gaz.root(near[-1].entity)).kind == "organisation" and (
                rc.fullmatch(r"['’]s\s+(?:[a-z]+\s+){0,2}", text[near[-2].end:near[-1].start])
                or (near[-2].form == "demonym" and not text[near[-2].end:near[-1].start].strip())):
            # "Rwanda's (deputy) UN ambassador X", "Palestinian U.N. Ambassador X": the state's envoy to the UN
            return gaz.root(near[-2].entity)
        if len(near) >= 2 and not text[near[-2].end:near[-1].start].strip() \
                and gaz.entity(gaz.root(near[-1].entity)).kind == "state" \
                and _POSTED_TITLE.search(text, near[-1].end, a):
            # "UN Yemen envoy X", "US Iran envoy X": the first sends the envoy, the second is the posting
            return gaz.root(near[-2].entity)
        return gaz.root(near[-1].entity)
    starts_clause = comma >= 0 and not text[before_start:a].strip()
    for lo in (before_start, seg_start):
        if lo == seg_start and starts_clause and appositive and rc.match(r",\s+(?:a|an|the)\s", text[b:b + 8]):
            break          # "At a meeting of the UN Security Council, X, the US ambassador, said": the appositive
        m = head_entity(gaz, text, mentions, lo, a, closest=True)
        if m is not None and _POSTED_TO.search(text, lo, m.start):
            # "The UN special co-ordinator for Lebanon, X": Lebanon is the posting, the UN the side
            m = head_entity(gaz, text, mentions, lo, m.start, closest=True)
        # Only a title phrase links a name to the person ("X's ambassador to Y, Name"); a name
        # in a clause of its own ("... and European resolve to punish President Name") does not.
        if m is not None and _AFFILIATION_GAP.fullmatch(text[m.end:a]) and not _place_ending_a_clause(text, m, a):
            return gaz.root(m.entity)
        if rc.fullmatch(r"[\s,]*", text[before_start:a]) is None and lo == before_start:
            # The phrase right before the name has words of its own; an earlier comma segment
            # ("According to the X Office, Name ...") may still name the body.
            continue
    # A title's state after the name: "President Gnassingbe Eyadema of Togo" (a title before the name, the
    # state's own name right after "of")
    of = _OF_AFTER_NAME.match(text, b)
    if of is not None and text[before_start:a].strip():
        after = [m for m in in_range(mentions, of.end(), of.end() + 1) if not m.backed]
        if after and after[0].form == "name" and gaz.entity(gaz.root(after[0].entity)).kind == "state":
            return gaz.root(after[0].entity)
    # An appositive after the name: ", a spokesman for the Y-backed X,"
    app = rc.match(r",\s+((?:a|an|the|who\s+(?:heads|leads|chairs|runs|commands|directs))\s[^,;]{0,90})",
                   text[b:min(s_end, b + 100)]) if appositive else None
    if app and _CLAUSE_VERB.search(app.group(1)):
        app = None         # "Putin, the two governments issued a statement urging X": a clause, not an appositive
    if app:
        # "the acting US ambassador to the UN": the post ("to the UN") is not the side
        posted = rc.search(r"\b(?:ambassador|envoy|representative|delegate)\s+to\b", app.group(1), re.IGNORECASE)
        app_end = b + app.start(1) + posted.start() + len(posted.group().split()[0]) if posted else b + app.end(1)
        m = head_entity(gaz, text, mentions, b + app.start(1), app_end)
        if m is not None:
            return gaz.root(m.entity)
    return None


# --------------------------------------------------------------------------------------------
# Parties

_ACTION_NOUNS = lexicon.nouns_with_plurals("action_nouns")
_DIPLOMATIC_ACTS = frozenset(lexicon.verb_forms("diplomatic_acts"))
#: Acts against a side that are words: accusing, blaming, rejecting its claims.
_WORDS_AGAINST = frozenset(lexicon.verb_forms("accusation_verbs")) | frozenset(lexicon.inflections("reject"))
#: An act of one side against another: a finite verb ("shelled", "strikes"), an infinitive ("sent troops to
#: repel X"), or a noun of an act with the preposition of its target ("offensive against", "strikes on").
_CONFLICT_VERBS = compile_cached(rf"\b(?:{lexicon.alternation(lexicon.finite_forms('actions'))}|"
                                 rf"(?:to|not)\s+(?:{lexicon.alternation(lexicon.bare_forms('actions'))})|"
                                 rf"(?:{lexicon.alternation(_ACTION_NOUNS)})\s+(?:against|on|of|into))\b", re.IGNORECASE)


@dataclass
class PartyChoice:
    ids: list[str]
    scores: dict[str, float]
    names: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)


_PLACE_PREPOSITIONS = ("in", "into", "across", "along", "under", "near", "to", "from", "inside", "throughout",
                       "within", "outside", "around", "toward", "towards", "over", "off")
_COMPASS = ("north", "south", "east", "west", "central")
_COMPASS_ENDINGS = ("ern", "east", "west", "eastern", "western")
#: The words before a name that make it a place ("in northern X", "parts of the X"), ending where the name starts.
_LOCATIVE = compile_cached(
    rf"(?:\b(?:{'|'.join(_PLACE_PREPOSITIONS)})\s+"
    r"|\b(?:areas?|parts?|regions?|coast|shores?|waters|north|south|east|west|territory|provinces?|"
    r"cities|towns?|villages?|outskirts|rest|much|most)\s+of\s+)"
    rf"(?:the\s+)?(?:(?:{'|'.join(_COMPASS)})(?:{'|'.join(_COMPASS_ENDINGS)})?\s+)?$",
    re.IGNORECASE)
#: Where an act of force comes close to a state without being in it: "off X('s coast)", "near X", "the waters east
#: of X"; with a word of armed conflict in the sentence, the state named is the one threatened, not a mere place.
_APPROACHED = compile_cached(r"\b(?:off|near|around|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+"
                             r"(?:the\s+)?$", re.IGNORECASE)
_CONFLICT_WORDS = compile_cached(rf"\b(?:{lexicon.alternation(lexicon.entries('conflict_words'))})", re.IGNORECASE)


def _sentence_of(sentences: list[Span], pos: int) -> Span:
    i = bisect.bisect_right(sentences, (pos, float("inf"))) - 1
    return sentences[i] if i >= 0 else (pos, pos)


_COMPASS_WORDS = frozenset(c + e for c in _COMPASS for e in ("", *_COMPASS_ENDINGS))


#: "<place> and (eastern) ": the name after it is coordinated with that place (below); not "<place>, the": "off X,
#: the Cypriot government said" ends a clause.
_AND_AFTER_NAME = compile_cached(rf"(?<=[\w.]),?\s+(?:and|or)\s+(?:the\s+)?"
                                 rf"(?:(?:{'|'.join(_COMPASS)})(?:{'|'.join(_COMPASS_ENDINGS)})?\s+)?\Z", re.IGNORECASE)
_NAME_BEFORE = compile_cached(r"(?-i:[A-Z][\w\-’'.]*)(?:\s+(?-i:[A-Z][\w\-’'.]*)){0,3}\Z")


def _is_place(text: str, start: int, coordinated: bool = True) -> bool:
    """Whether the words before text[start] make the name there a place (_LOCATIVE), or it is coordinated with
    a place ("in western Iraq and eastern Syria"). The pattern is searched only where the words it ends with
    stand there: it is asked for every mention of a text, and most follow a verb or a noun."""
    before = text[max(0, start - 30):start]
    if not before[-1:].isspace():
        return False             # (every match ends in spaces)
    if coordinated and ("and " in before or "or " in before):
        joint = _AND_AFTER_NAME.search(text, max(0, start - 30), start)
        name = joint and _NAME_BEFORE.search(text, max(0, joint.start() - 40), joint.start())
        if name and _is_place(text, name.start(), coordinated=False):
            return True
    words = before.rsplit(None, 2)
    last, previous = (words[-1], words[-2] if len(words) > 1 else "") if words else ("", "")
    if last.isascii() and previous.isascii():        # (case folding beyond ASCII: the pattern decides)
        last, previous = last.lower(), previous.lower()
        # The match's last word: a preposition (perhaps after a bracket: "\b"), "of", "the" or a compass word;
        # before "the" or a compass word, "of" or a preposition.
        if not (last.endswith(_PLACE_PREPOSITIONS) or last == "of"
                or ((last == "the" or last in _COMPASS_WORDS)
                    and (previous in ("of", "the") or previous.endswith(_PLACE_PREPOSITIONS)))):
            return False
    return bool(_LOCATIVE.search(before))
#: A number before a people noun ("42 Palestinians", "dozens of Ukrainians"): people counted, most often
#: casualties, not the state acting or acted against.
_COUNTED_BEFORE = compile_cached(
    r"(?:\b\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|dozens|hundreds|thousands|scores|millions|several|many|some)(?:\s+of)?)\s+"
    r"(?:(?:more|other|innocent|civilian|young|fellow)\s+)?$", re.IGNORECASE)
#: A demonym before a noun for people ("British nationals", "Japanese citizens"; lexicon people_nouns) ...
_PEOPLE_NOUN_AFTER = compile_cached(rf"\s+(?:{lexicon.alternation(lexicon.nouns_with_plurals('people_nouns'))})\b")
#: ... or one person, a demonym standing as a noun: "a Briton and an Algerian", "an Iranian who ...".
_ONE_PERSON_BEFORE = compile_cached(r"\b(?:a|an|one)\s+\Z", re.IGNORECASE)
_NO_NOUN_AFTER = compile_cached(r"\s*[,.;:)]|\s+(?:and|or|who|was|were|had|has|is|are|among|in|on|at|from|by)\b")
#: A demonym before one of these is the state's armed forces or their craft ("21 Syrian troops", "three Ukrainian
#: naval vessels"), not people counted.
_FORCE_NOUN_AFTER = compile_cached(r"\s+(?:(?:naval|navy|military|warships?|patrol)\s+)?(?:troops|soldiers|servicemen|"
                                   r"forces|army|military|police|officers|personnel|sailors|pilots|marines|guards|"
                                   r"border\s+guards|vessels|ships|warships|boats|gunboats|tugs?|aircraft|planes|jets|"
                                   r"fighters|helicopters|drones|tanks)\b")
#: What "between X and Y" must follow to oppose X and Y: a word of the conflict's vocabulary.
_CONFLICT_NOUN_BEFORE = compile_cached(rf"\b(?:{lexicon.alternation(lexicon.entries('conflict_words'))})\w*\s+"
                                       r"(?:\S+\s+){0,3}$", re.IGNORECASE)
#: A determiner before a form like "launches", "strikes", "threats": a noun whose possessor it stands for,
#: not a finite act of the sentence's subject.
_DETERMINER_BEFORE = compile_cached(r"\b(?:the|these|those|its|their|such|any|no|more|further)\s+$", re.IGNORECASE)
_IN_RESPONSE = compile_cached(r"\b(?:in response to|in retaliation for|in solidarity with|in support of)\b",
                              re.IGNORECASE)


#: A name in brackets, as a dateline credits its wire.
_CREDIT = compile_cached(r"\([^()]*\)")


def choose_parties(doc: "Document") -> PartyChoice:
    """The principal opposing sides, chosen from the whole article.

    Each belligerent (state or armed group) gets a prominence (mentions as an actor, weighted up in
    the title and lead, down where the name is only a place: "in northern X"); each pair gets an
    opposition weight from "between X and Y" and from sentences where X acts against Y with a
    conflict verb. The pair with the best prominence + opposition wins; a third side joins when it is
    strongly opposed to one of them and nearly as prominent."""
    gaz, text, sentences, mentions = doc.gaz, doc.text, doc.sentences, doc.party_evidence
    title_span, lead_end = doc.title_span, doc.lead_end
    prominence: Counter = Counter()
    by_sentence = defaultdict(list)
    sentence_index = 0
    #: Organisations, weighed like the belligerents: a bloc may itself be a side (below).
    organisations: Counter = Counter()
    for m in mentions:
        ent = gaz.entity(m.entity)
        if ent is not None and ent.kind == "media" and _CREDIT.fullmatch(text, max(0, m.start - 1), m.end + 1):
            continue                     # "SANAA, May 5 (Xinhua) --": the wire's credit, not its state acting
        if ent is not None and (ent.kind in ("body", "media") or (ent.kind == "state" and ent.parent)):
            ent = gaz.entity(gaz.root(m.entity))     # (a dependent territory is its state's side)
        if ent is not None and ent.kind == "organisation" and m.form == "name" and not m.backed:
            organisations[ent.id] += 4 if title_span and title_span[0] <= m.start < title_span[1] else (
                2.5 if m.start < lead_end else 1.0)
            continue
        if ent is None or ent.kind not in BELLIGERENT_KINDS or m.backed:
            continue
        weight = {"name": 1.0, "demonym": 0.6, "generic": 1.0, "person": 0.8}.get(m.form, 0.4)
        if m.form == "metonym" and rc.match(r"\s+(?:said|says|has|have|had|will|would|is|was|did|"
                                            r"accused|denied|warned|insists|insisted)\b", text[m.end:m.end + 12]):
            weight = 1.0                           # "<capital> said": the state speaking
        place = _is_place(text, m.start)
        if place and not (_APPROACHED.search(text, max(0, m.start - 30), m.start)
                          and _CONFLICT_WORDS.search(text, *_sentence_of(sentences, m.start))):
            weight *= 0.3                          # a place, not an actor (but "missiles splashed into the sea
                                                   # off X": X is threatened; still no subject or object of an act)
        elif m.form == "demonym" and ((_COUNTED_BEFORE.search(text[max(0, m.start - 30):m.start])
                                        and not _FORCE_NOUN_AFTER.match(text, m.end))
                                       or _PEOPLE_NOUN_AFTER.match(text, m.end)
                                       or (_ONE_PERSON_BEFORE.search(text, max(0, m.start - 8), m.start)
                                           and _NO_NOUN_AFTER.match(text, m.end))):
            place = True                           # people counted ("42 Palestinians killed", "British nationals",
                                                   # "a Briton and an Algerian"), not a side acting ("21 Syrian
                                                   # troops" are the state's forces, "an Israeli strike" its act)
        if title_span and title_span[0] <= m.start < title_span[1]:
            weight *= 4
        elif m.start < lead_end:
            weight *= 2.5
        prominence[ent.id] += weight
        if weight < 0.5 or place:
            continue                               # places are neither subjects nor objects
        while sentence_index < len(sentences) and sentences[sentence_index][1] <= m.start:
            sentence_index += 1
        if sentence_index < len(sentences) and sentences[sentence_index][0] <= m.start:
            by_sentence[sentences[sentence_index]].append((m, ent.id))
    opposition: Counter = Counter()
    #: The part of it that is words ("X accused Y", "X rejected Y's claim"), which a third party's reaction also has.
    said_against: Counter = Counter()
    responders: Counter = Counter()
    #: The sides that act against another or are acted against (not only by pressure).
    engaged: set[str] = set()
    for (sa, sb), items in by_sentence.items():
        distinct = list(dict.fromkeys(e for _, e in items))
        sentence = text[sa:sb]
        factor = 2.0 if (sa < lead_end or (title_span and sa < title_span[1])) else 1.0
        response = _IN_RESPONSE.search(sentence)
        if response:
            first = [e for mm, e in items if mm.start < sa + response.start()]
            if first:
                responders[first[0]] += factor
            # "X acts in response to Z's attack on (a target in) W": Z against W is the conflict
            # X answers, places included.
            answered = []
            for mm in in_range(mentions, sa + response.end(), sb):
                ent = gaz.entity(gaz.root(mm.entity))
                if ent is not None and ent.kind in BELLIGERENT_KINDS and not mm.backed \
                        and ent.id not in answered and ent.id not in first[:1]:
                    answered.append(ent.id)
            if len(answered) >= 2:
                opposition[frozenset(answered[:2])] += 3 * factor
                engaged.update(answered[:2])
        if len(distinct) < 2:
            continue
        for m in rc.finditer(r"between\s+(?:the\s+)?([^,.;]{2,60}?)\s+and\s+(?:the\s+)?([^,.;]{2,60})",
                             sentence):
            xa = [e for mm, e in items if sa + m.start(1) <= mm.start < sa + m.end(1)]
            xb = [e for mm, e in items if sa + m.start(2) <= mm.start < sa + m.end(2)]
            if xa and xb and xa[0] != xb[0] and _CONFLICT_NOUN_BEFORE.search(sentence, max(0, m.start() - 40), m.start()):
                # "fighting between X and Y", "talks between X and Y" (not "a rift between X and Y")
                opposition[frozenset((xa[0], xb[0]))] += 3 * factor
                engaged.update((xa[0], xb[0]))
        for pair in _reciprocal_pairs(text, items, sa, sb):
            opposition[frozenset(pair)] += 3 * factor
            engaged.update(pair)
        previous_end = -1
        for verb in _CONFLICT_VERBS.finditer(sentence):   # every act of the sentence: "X shelled Y, and Y struck Z"
            governed = verb.start() - previous_end <= 1 and verb.group().lower().startswith("to")
            previous_end = verb.end()
            if governed:
                continue                 # "threatened to retaliate": one act
            if verb.group().split()[0].lower() not in _ACTION_NOUNS \
                    and _DETERMINER_BEFORE.search(sentence, max(0, verb.start() - 12), verb.start()):
                continue                 # "said the launches were regrettable": a noun, and no side its doer
            if verb.group().split()[0].lower() in _ACTION_NOUNS:
                # A noun ("attack on X"): its doer is the name right before it ("X's attack
                # on", "the <demonym> offensive against"), not the sentence's subject.
                near = [(mm, e) for mm, e in items if sa + verb.start() - 30 <= mm.start < sa + verb.start()
                        and not rc.search(r"[,.;]", text[mm.end:sa + verb.start()])]
                before = _with_coordinated(text, items, near[-1]) if near else []
            else:
                before = _doer(text, [(mm, e) for mm, e in items if mm.start < sa + verb.start()], sa)
            after = [e for mm, e in items if mm.start >= sa + verb.end()]
            if before and after:
                # Expulsions and sanctions are what third states do in solidarity; weak evidence
                # that the doer is a side.
                weight = 0.4 if verb.group().split()[0].lower() in _DIPLOMATIC_ACTS else 1.5
                # (its objects lie in its own clause: not "..., as Egypt moved to mediate", nor a headline's
                # "..., Egypt steps in")
                cut = _next_clause_cut(doc, sa + verb.end(), sb)
                objects = [(mm, b) for mm, b in items if sa + verb.end() <= mm.start < cut and b not in before]
                if objects:
                    if _PRESSURE_AFTER.match(text, objects[0][0].end):
                        weight = 0.4     # "X threatened to retaliate if Y imposed sanctions": Y only pressures
                    for b in _coordinated(text, objects):   # "X struck A, B and C": each is its target
                        for doer in before:
                            if b == doer:
                                continue
                            opposition[frozenset((doer, b))] += weight * factor
                            if verb.group().split()[0].lower() in _WORDS_AGAINST:
                                said_against[frozenset((doer, b))] += weight * factor
                            if weight >= 1.0:
                                engaged.update((doer, b))
    for eid, n in responders.items():
        prominence[eid] *= 0.6 if n >= 2 else 0.8
    if engaged:
        # A state that only comments, meets, calls or pressures is a third party however often it speaks:
        # where the article shows sides acting against each other, its mentions count half.
        for eid in prominence:
            if eid not in engaged:
                prominence[eid] *= 0.5
    ranked = [e for e, _ in prominence.most_common(8)]
    if not ranked:
        return PartyChoice([], {})
    best, best_score = None, -1.0
    for i, a in enumerate(ranked):
        for b in ranked[i + 1:]:
            # Sides must be opposed: a prominent mediator with no opposition loses to the pair
            # that actually fights or disputes.
            against = opposition[frozenset((a, b))]
            score = (prominence[a] + prominence[b]) * (0.5 + (min(against, 6.0) if against >= 1.0 else 0.0) / 6.0)
            if score > best_score:
                best, best_score = [a, b], score
    if best is None:
        chosen = ranked[:1]
    else:
        chosen = sorted(best, key=lambda e: -prominence[e])
        weakest = prominence[chosen[1]]
        # A second side never opposed to the first and not a quarter as prominent is a bystander (a coup, a
        # party's crackdown: the foreign state that condemns it is no side). (0.15, 0.25, 0.35 tried on the dev
        # sets: 0.25 took out the bystanders and no side.)
        if weakest < 0.25 * prominence[chosen[0]] and not opposition[frozenset(chosen)]:
            chosen = chosen[:1]
        else:
            pair_opposition = opposition[frozenset(chosen)]
            for c in ranked:
                if c in chosen or gaz.entity(c).kind != "group":
                    continue
                against = max(opposition[frozenset((c, chosen[0]))], opposition[frozenset((c, chosen[1]))])
                # A third side also has a voice of its own in the article (it speaks, claims, denies), or
                # a voice and a hand (it says and it attacks, launches, seizes), not only a role in the
                # background.
                speech = _speech_count(text, mentions, c)
                if against >= max(1.0, 0.25 * pair_opposition) and prominence[c] >= 0.35 * weakest \
                        and (speech >= 2 or (speech and speech + _deed_count(text, mentions, c) >= 3)):
                    chosen.append(c)
                break
            # A state whose forces fight alongside a group side ("<demonym> troops had fought alongside the
            # rebels") and which is itself opposed to another side is a side too.
            for group in [c for c in chosen if gaz.entity(c).kind == "group"]:
                for ally in _fighting_alongside(text, mentions, gaz, group):
                    if ally not in chosen and prominence[ally] >= 0.35 * weakest \
                            and any(opposition[frozenset((ally, e))] >= 1.0 for e in chosen if e != group):
                        chosen.append(ally)
            # A proxy war: the state an armed group side is aligned with ("Iran-aligned Houthi rebels",
            # "pro-Russian separatists") is a side too when it is itself opposed to the group's enemy and
            # the article gives it a voice.
            for group in [c for c in chosen if gaz.entity(c).kind == "group"]:
                enemies = [c for c in chosen if c != group]
                # (Arming the group that fights them opposes a state to its enemies: no act of its own needed; and
                # a backer is named far less than the two sides: a tenth of the weaker one's weight is enough,
                # where a side of its own needs a third.)
                for backer in _backers(gaz, text, mentions, group):
                    if backer not in chosen and backer in prominence and prominence[backer] >= 0.1 * weakest \
                            and _speech_count(text, mentions, backer) >= 1:
                        chosen.append(backer)
            # A state backing a state side ("Azerbaijan, which has the backing of its ally Turkey") is a side too
            # when the other side is itself against it (accuses it, fights it) and it speaks for itself.
            if len(chosen) == 2 and all(gaz.entity(c).kind == "state" for c in chosen):
                for side, other in (chosen, chosen[::-1]):
                    for backer in _backers(gaz, text, mentions, side):
                        if backer not in chosen and prominence[backer] >= 0.1 * weakest \
                                and opposition[frozenset((backer, other))] >= 1.0 \
                                and _speech_count(text, mentions, backer) >= 1:
                            chosen.append(backer)
    if len(chosen) >= 2:
        # A coalition: states that act with one side against the other ("X will not retaliate against A, B, C and
        # D", "A, B and C struck X") as strongly as the pair do, and never against that side, are sides too; by
        # deeds, not words alone (a third state that accuses one side reacts).
        pair_opposition = opposition[frozenset(chosen[:2])]
        for c in ranked:
            if c in chosen or gaz.entity(c).kind != "state" or prominence[c] < 0.2 * prominence[chosen[1]]:
                continue
            for enemy, ally in ((chosen[0], chosen[1]), (chosen[1], chosen[0])):
                deeds = opposition[frozenset((c, enemy))] - said_against[frozenset((c, enemy))]
                if deeds >= max(3.0, 0.5 * pair_opposition) \
                        and not opposition[frozenset((c, ally))]:
                    chosen.append(c)
                    break
    if len(chosen) == 2:
        # A state that acts together with a side against the other ("France launched an operation in conjunction
        # with the Malian government to halt the Islamists") and speaks for itself is a side too.
        for ally in _acting_with(doc, chosen):
            if ally not in chosen and prominence[ally] >= 0.2 * prominence[chosen[1]] \
                    and _speech_count(text, mentions, ally) >= 1:
                chosen.append(ally)
    bloc = _bloc_against(doc, chosen, organisations, prominence)
    if bloc is not None:
        chosen = [chosen[0], bloc]
    names = {}
    aliases = {}
    # Names the text gives each side itself; not "the rebels" or its people (one pass for all the sides).
    forms: dict[str, list[str]] = {pid: [] for pid in chosen}
    spellings: dict[str, Counter] = {pid: Counter() for pid in chosen}
    for m in mentions:
        if m.form in ("name", "demonym", "metonym"):
            for pid in {gaz.root(m.entity), m.entity}.intersection(forms):
                forms[pid].append(text[m.start:m.end])
            if m.form == "name" and m.entity in spellings:
                spellings[m.entity][text[m.start:m.end]] += 1
    for pid in chosen:
        ent = gaz.entity(pid)
        names[pid] = _as_the_text_names(ent, spellings[pid])
        aliases[pid] = [f for f in dict.fromkeys(forms[pid] + [ent.name]) if f != names[pid]]
    _army_names(gaz, text, chosen, names, aliases, mentions)
    scores = {e: prominence[e] for e in ranked}
    return PartyChoice(chosen, scores, names, aliases)


def _as_the_text_names(ent: Entity, spellings: Counter) -> str:
    """A side's name as the article writes it most often, where that is another spelling of the gazetteer's
    name (a transliteration: "al-Shabaab" for "al-Shabab"), or, for a group the gazetteer calls by an acronym,
    another acronym of it ("YPG" where the gazetteer says "SDF"); never another name in words ("U.S." for
    "United States", "Russian separatist" for "Pro-Russian separatists"), a plural or a change of case."""
    if not spellings:
        return ent.name
    written, count = spellings.most_common(1)[0]
    a, b = written.lower(), ent.name.lower()
    if a == b or a.rstrip("s") == b.rstrip("s") or count <= spellings[ent.name]:
        return ent.name
    if ent.kind != "state" and _ACRONYM.fullmatch(written) and _ACRONYM.fullmatch(ent.name):
        return written
    if a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return ent.name
    return written if difflib.SequenceMatcher(None, a, b).ratio() >= 0.85 else ent.name


_ACRONYM = compile_cached(r"(?:[A-Z]\.?){2,6}")


#: Coercive measures one side takes against another (resources/lexicon/coercive_measures.txt), and acts of force
#: (actions.txt, any form, and action_nouns.txt: "air strikes", "missiles fired by X", "the attack by X").
_COERCION = compile_cached(rf"\b(?:{lexicon.alternation(lexicon.entries('coercive_measures'))})", re.IGNORECASE)
_FORCE = compile_cached(rf"\b(?:{lexicon.alternation(set(lexicon.verb_forms('actions')) | _ACTION_NOUNS)})\b",
                        re.IGNORECASE)


#: Acting together with someone: "in conjunction with", "together with", "jointly with", "alongside".
_TOGETHER_WITH = compile_cached(r"\b(?:in\s+conjunction\s+with|together\s+with|jointly\s+with|alongside|"
                                r"in\s+coordination\s+with)\s+(?:the\s+)?\Z", re.IGNORECASE)


def _acting_with(doc: "Document", chosen: list[str]) -> list[str]:
    """States named as acting together with one chosen side ("in conjunction with the Malian government") after
    that side and an act of force in the same sentence."""
    gaz, text = doc.gaz, doc.text
    out = []
    for m in doc.party_evidence:
        root = gaz.root(m.entity)
        ent = gaz.entity(root)
        if ent is None or ent.kind != "state" or root in chosen or m.backed \
                or not _TOGETHER_WITH.search(text, max(0, m.start - 30), m.start):
            continue
        sa, sb = _sentence_of(doc.sentences, m.start)
        before = [x for x in in_range(doc.party_evidence, sa, m.start) if gaz.root(x.entity) in chosen]
        if before and _CONFLICT_VERBS.search(text, before[-1].end, m.start):
            out.append(root)
    return list(dict.fromkeys(out))


def _bloc_against(doc: "Document", chosen: list[str], organisations: Counter, prominence: Counter) -> Optional[str]:
    """An organisation that is itself the other side: a regional bloc sanctioning a member state it is at odds
    with, an alliance whose aircraft struck the first side: it is named with the first side and a coercive
    measure (sanctions, suspension, closed borders, recalled ambassadors) or an act of force in three sentences
    or more (the title, which says what the story is, counts twice), and named half as much again as the second
    side chosen."""
    if not chosen or not organisations:
        return None
    bloc, weight = organisations.most_common(1)[0]
    second = chosen[1] if len(chosen) > 1 else None
    if second is not None and weight <= 1.5 * prominence[second]:
        return None
    gaz, text, sentences = doc.gaz, doc.text, doc.sentences
    together = set()
    for m in doc.mentions:           # (only the sentences that name the bloc)
        if gaz.root(m.entity) != bloc:
            continue
        sa, sb = _sentence_of(sentences, m.start)
        if (sa, sb) in together or not (_COERCION.search(text, sa, sb) or _FORCE.search(text, sa, sb)):
            continue
        named = {gaz.root(x.entity) for x in in_range(doc.mentions, sa, sb)}
        # (not where the second side is named too: "Greece recalls ambassador from Austria amid EU rifts" is the
        # measure between the two)
        if chosen[0] in named and second not in named:
            together.add((sa, sb))
    in_title = any(doc.title_span and doc.title_span[0] <= sa < doc.title_span[1] for sa, _ in together)
    return bloc if len(together) + in_title >= 3 else None


#: Two sides as one subject of an act they do to each other: "X and Y clashed", "X troops and Y rebels fought".
#: (After the second name, a head noun may come first: "M23 rebels", "Congolese troops".)
_RECIPROCAL = compile_cached(r"(?:\s+[a-z][\w\-]*){0,2}?\s+(?:(?:have|has|had|also|again|\w+ly)\s+)*"
                             rf"(?:{lexicon.alternation(lexicon.verb_forms('reciprocal_actions'))})\b")
#: What may stand between the two names of one coordinated subject ("X troops and the Y rebels").
_COORDINATED = compile_cached(r"(?:\s+[a-z][\w\-]*){0,2}(?:,)?\s+and\s+(?:the\s+)?")


def _reciprocal_pairs(text: str, items: list, sentence_start: int, sentence_end: int) -> list[tuple[str, str]]:
    """The pairs of sides the sentence says fought each other ("X and Y clashed")."""
    out = []
    for (m1, e1), (m2, e2) in zip(items, items[1:]):
        if e1 == e2 or m2.start - m1.end > 40:
            continue
        joined = _COORDINATED.fullmatch(text, m1.end, m2.start)
        if joined is None:
            continue
        if _RECIPROCAL.match(text, m2.end, sentence_end):
            out.append((e1, e2))
    return out


#: A side that imposes, sanctions, expels (diplomatic_acts.txt) right after its name: it pressures.
_PRESSURE_AFTER = compile_cached(rf"\s+(?:\w+\s+)?(?:{lexicon.alternation(lexicon.finite_forms('diplomatic_acts'))})\b")
#: What governs a name that is not a clause's subject: a preposition or "between", or "by" of a passive.
_GOVERNED = compile_cached(r"\b(?:by|of|between)\s+(?:the\s+)?$", re.IGNORECASE)
#: A relative clause after a name: the name is its subject ("... and Y, which has accused Z").
_RELATIVE_AFTER = compile_cached(r",\s+(?:which|who)\b")


#: What joins the names of one list: "A, B and C", "A, the B, and C".
_LIST_JOIN = compile_cached(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _coordinated(text: str, items: list) -> list[str]:
    """The entity of the first of ``items`` (mentions in text order, with their entities) and of those listed
    with it ("A, B and C"; not "A's B")."""
    out = [items[0][1]]
    for (m1, _), (m2, e2) in zip(items, items[1:]):
        if not _LIST_JOIN.fullmatch(text, m1.end, m2.start) or _POSSESSIVE_AFTER.match(text, m2.end):
            break
        out.append(e2)
    return list(dict.fromkeys(out))


#: A possessive right after a name: the name is no item of a list ("A's B"; "Italy, Turkey's close partner" opens an
#: appositive).
_POSSESSIVE_AFTER = compile_cached(r"['’]s\b")


def _next_clause_cut(doc: "Document", pos: int, sentence_end: int) -> int:
    """Where the clause holding ``pos`` ends: the next clause cut of the document, or in a headline the next
    comma (headlines join clauses with commas), else the sentence's end."""
    i = bisect.bisect_right(doc.clause_cuts, pos)
    cut = doc.clause_cuts[i] if i < len(doc.clause_cuts) and doc.clause_cuts[i] < sentence_end else sentence_end
    if doc.title_span and doc.title_span[0] <= pos < doc.title_span[1]:
        comma = doc.text.find(",", pos, cut)
        cut = comma if comma >= 0 else cut
    return cut


def _doer(text: str, before: list, sentence_start: int) -> list:
    """The sides doing a finite act, of ``before`` (the sentence's side mentions before the verb): the nearest
    one that is a subject, not a name a preposition governs ("friction between X and Y, which has accused Z": Y
    accused), with those coordinated with it ("X and Y struck Z"); the first of them when all are governed."""
    for i in range(len(before) - 1, -1, -1):
        mm, e = before[i]
        if _RELATIVE_AFTER.match(text, mm.end):
            return [e]
        ahead = text[max(sentence_start, mm.start - 25):mm.start]
        if not (_PREPOSITIONS_NOT_AFFILIATION.search(ahead) or _GOVERNED.search(ahead)):
            # "American and British forces have struck ...", "the US and the UK struck": every side of a
            # coordinated subject does the act
            return _with_coordinated(text, before, before[i])
    return [before[0][1]] if before else []


def _with_coordinated(text: str, items: list, last: tuple) -> list:
    """The entity of ``last`` (one of ``items``, mentions in text order with their entities) and of those listed
    right before it ("A, B and C" for C)."""
    i = items.index(last)
    out = [last[1]]
    while i > 0 and _LIST_JOIN.fullmatch(text, items[i - 1][0].end, items[i][0].start):
        i -= 1
        out.append(items[i][1])
    return list(dict.fromkeys(out))


def _army_names(gaz: Gazetteer, text: str, chosen: list[str], names: dict, aliases: dict,
                mentions: list[Mention]) -> None:
    """A state fighting a non-state force inside it is often only its army in the text
    ("the <demonym> army"); when the state's own name is only a place there, name the side so."""
    kinds = {pid: gaz.entity(pid).kind for pid in chosen}
    if sorted(kinds.values()) != ["group", "state"]:
        return
    state = next(pid for pid, k in kinds.items() if k == "state")
    ent = gaz.entity(state)
    as_actor = 0
    for m in mentions:
        if m.entity != state or m.form != "name":
            continue
        before = text[max(0, m.start - 15):m.start]
        if not rc.search(r"\b(?:in|of|to|into|across|near|from|at)\s+(?:the\s+)?$", before, re.IGNORECASE):
            as_actor += 1
    for demonym in ent.demonyms:
        army = (re.search(rf"\b{re.escape(demonym)} army\b", text, re.IGNORECASE)
                or re.search(rf"\b{re.escape(demonym)} (?:military|armed forces)\b", text, re.IGNORECASE))
        if army:
            form = army.group(0)
            form = form[0].upper() + form[1:]
            aliases[state].append(form)
            if as_actor == 0:
                aliases[state].append(names[state])
                names[state] = form
            return


_SPEECH_AFTER = compile_cached(r"[^.,;!?“\"]{0,30}?" + _SPEECH_VERB)


#: A side doing something to another: "<name> have repeatedly launched", "<name> seized".
_DEED_AFTER = compile_cached(r"(?:\s+(?:have|has|had|\w+ly))*\s+"
                             rf"(?:{lexicon.alternation(lexicon.finite_forms('actions'))})\b")


#: Alignment, not only support: a "<State>-backed", "-allied" or "-funded" group's backer is a third party
#: that reacts; an "<State>-aligned" group, or one named "pro-<State>", fights that state's war.
_BACKING = compile_cached(r"-aligned\s+(?:[\w-]+\s+){0,2}?$")
_PRO_STATE = compile_cached(r"(?i)\bpro-([a-z]+)")
#: A state keeping a group in the field (lexicon backing_verbs), between the state's name and the group's:
#: "accuse Iran of arming and financing the Houthis", "Tehran supplies the rebels with".
_BACKS = compile_cached(rf",?\s+(?:(?:is|was|were|are|has|have|had|been|of|also|openly|secretly|long|which|that|who|"
                        rf"\w+ly)\s+){{0,3}}['‘\"“]?"
                        rf"(?:{lexicon.alternation(lexicon.verb_forms('backing_verbs'))})"
                        rf"(?:\s+(?:and|or)\s+(?:{lexicon.alternation(lexicon.verb_forms('backing_verbs'))}))?"
                        r"\s+(?:the\s+)?\Z")
#: ... between the group's name and the state's: "rebels backed by Rwanda", "groups with the full backing of the
#: Syrian regime".
_BACKED_BY = compile_cached(rf"(?:\b(?:{lexicon.alternation(lexicon.past_forms('backing_verbs'))})\s+by"
                            r"|\b(?:backing|support|sponsorship)\s+of)\s+(?:the\s+)?"
                            # "... by its close ally", "the backing of their patron"
                            r"(?:(?:its|their|his|her)\s+(?:[a-z]+\s+){0,2}?(?:ally|patron|sponsor)\s+)?\Z")


#: A backer named by a noun: "<state>, <group>'s main backer", "<group> and its <demonym> backers".
_BACKER_NOUN = compile_cached(r"(?:['’]s|['’])?\s+(?:[a-z]+\s+){0,2}?(?:backers?|patrons?|sponsors?)\b")
_APPOSITIVE_GAP = compile_cached(r",\s+(?:the\s+)?")
_ITS_GAP = compile_cached(r"\s+(?:and\s+)?(?:its|their)\s+(?:[a-z]+\s+){0,2}?")


def _backers(gaz: Gazetteer, text: str, mentions: list[Mention], group: str) -> list[str]:
    """The states an armed group is aligned with: "<demonym>-aligned <group>", a group named for the state it is
    for ("pro-Russian separatists"), or one the text says a state arms, funds or shelters (lexicon
    backing_verbs: "accused Iran of arming the Houthis", "rebels backed by Rwanda")."""
    out = []
    pro = _PRO_STATE.search(gaz.entity(group).name)
    if pro:
        state = gaz.lookup(pro.group(1).capitalize())
        if state is not None and state.kind == "state":
            out.append(state.id)
    for m1, m2 in zip(mentions, mentions[1:]):
        first, second = gaz.root(m1.entity), gaz.root(m2.entity)
        if m2.start - m1.end < 40 and second == group and (
                (m1.backed and _BACKING.search(text, m1.end, m2.start)) or _BACKS.match(text, m1.end, m2.start)):
            out.append(first)
        elif m2.start - m1.end < 80 and first == group and "." not in text[m1.end:m2.start] \
                and _BACKED_BY.search(text, m1.end, m2.start):
            out.append(second)
        elif second == group and _APPOSITIVE_GAP.fullmatch(text, m1.end, m2.start) and _BACKER_NOUN.match(text, m2.end):
            out.append(first)            # "Iran, Hezbollah's main backer,"
        elif first == group and _ITS_GAP.fullmatch(text, m1.end, m2.start) and _BACKER_NOUN.match(text, m2.end):
            out.append(second)           # "Hezbollah and its Iranian backers"
    return [e for e in dict.fromkeys(out) if gaz.entity(e) is not None and gaz.entity(e).kind == "state"]


#: Fighting on the same side: "<X> troops had fought alongside the <Y>", "<X> fighters battling alongside <Y>".
_ALONGSIDE = compile_cached(r"(?:\s+[a-z][\w\-]*){0,2}?\s+(?:(?:have|has|had|been|were|are|is|was)\s+)*"
                            rf"(?:{lexicon.alternation(lexicon.verb_forms('reciprocal_actions'))})\s+alongside\s+"
                            r"(?:the\s+|his\s+|her\s+|its\s+|their\s+)?$")


def _fighting_alongside(text: str, mentions: list[Mention], gaz: Gazetteer, group: str) -> list[str]:
    """The states the text says fight alongside an armed group."""
    out = []
    for m1, m2 in zip(mentions, mentions[1:]):
        if gaz.root(m2.entity) != group or m2.start - m1.end > 60:
            continue
        ally = gaz.root(m1.entity)
        ent = gaz.entity(ally)
        if ent is not None and ent.kind == "state" and _ALONGSIDE.fullmatch(text, m1.end, m2.start):
            out.append(ally)
    return list(dict.fromkeys(out))


def _deed_count(text: str, mentions: list[Mention], entity_id: str) -> int:
    return sum(1 for m in mentions if m.entity == entity_id and _DEED_AFTER.match(text, m.end))


def _speech_count(text: str, mentions: list[Mention], entity_id: str) -> int:
    return sum(1 for m in mentions if m.entity == entity_id and speaks_after(text, m.end))


def speaks_after(text: str, end: int) -> bool:
    """Whether the words right after a name are it speaking ("<name> said", "<name> has denied")."""
    return _SPEECH_AFTER.match(text, end) is not None


def acts_after(text: str, end: int) -> bool:
    """Whether the words right after a name are it acting or speaking ("<name> seized", "<name> said")."""
    return _SPEECH_AFTER.match(text, end) is not None or _DEED_AFTER.match(text, end) is not None


def generic_group_mentions(gaz: Gazetteer, text: str, mentions: list[Mention]) -> list[Mention]:
    """"the rebels", "separatists": mentions of the armed group last named before them, or, in the lines
    before any is named, of the first one the article names ("Palestinian militants ... Islamic Jihad said")."""
    if not gaz.generic_group_nouns:
        return []
    pattern = compile_cached(r"\b(?:" + "|".join(re.escape(n) for n in gaz.generic_group_nouns) + r")\b")
    groups = [m for m in mentions if gaz.entity(m.entity) and gaz.entity(m.entity).kind == "group"]
    out = []
    gi = -1
    for m in pattern.finditer(text):
        while gi + 1 < len(groups) and groups[gi + 1].start < m.start():
            gi += 1
        if not groups or any(g.start <= m.start() < g.end for g in groups[max(0, gi - 1):gi + 2]):
            continue
        out.append(Mention(m.start(), m.end(), groups[max(gi, 0)].entity, "generic"))
    return out


#: What a state fighting an armed group inside it is often called ("the junta", "the military").
_STATE_FORCE_NOUN = compile_cached(r"\b(?:the\s+)(?:junta|regime|military\s+government|military|army|"
                                   r"government\s+(?:forces|troops))\b", re.IGNORECASE)
_FORCE_AFTER = compile_cached(r"(?:['’]s)?\s+(?:junta|military|army|regime|armed\s+forces)\b")


def state_force_mentions(gaz: Gazetteer, text: str, mentions: list[Mention]) -> list[Mention]:
    """"the junta", "the military": mentions of the state the text ties them to ("Myanmar's junta"), in an
    article about armed groups and only one such state (in a war between states they could be either's)."""
    if not any(gaz.entity(m.entity) and gaz.entity(m.entity).kind == "group" for m in mentions):
        return []
    owners = {gaz.root(m.entity) for m in mentions if m.form in ("name", "demonym")
              and gaz.entity(gaz.root(m.entity)) and gaz.entity(gaz.root(m.entity)).kind == "state"
              and _FORCE_AFTER.match(text, m.end)}
    if len(owners) != 1:
        return []
    (state,) = owners
    return [Mention(m.start(), m.end(), state, "generic") for m in _STATE_FORCE_NOUN.finditer(text)]


def person_entity_mentions(people: dict, person_mentions: list) -> list[Mention]:
    """People with a known affiliation count as mentions of their side."""
    return [Mention(pm.start, pm.end, people[pm.person].affiliation, "person")
            for pm in person_mentions if people[pm.person].affiliation]
