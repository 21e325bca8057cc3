"""Who is speaking in each sentence: reporting verbs, "according to", quotes, pronoun chains, and the
acts of third parties.

``attribute(doc)`` reads the annotated document (sentences, quotations, clauses, mentions, people,
live-blog entries, the parties) and returns one :class:`Attribution` per sentence, naming the
speaker's surface text and the entity (state, organisation, group) the speaker belongs to. Its words
(reporting verbs in all forms, nouns of statement, titles, acts) come from ``resources/lexicon``
through :mod:`.lexicon`. Whether an attribution makes an Account (a party speaks) or a Reaction (a
third party speaks or acts) is decided by the pipeline.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from .events import _DATELINE, _RELATIVE_ASIDE
from .actors import _LOCATIVE, _TITLE_GAP, _dateline_state, head_entity, here_state, in_range, named_antecedent
from .document import Document
from .actors import _CONFLICT_WORDS, _POSSESSIVE_AFTER
from ..knowledge import lexicon
from . import regex_cache as rc
from .regex_cache import compile_cached

Span = tuple[int, int]

_REPORTING_FORMS = lexicon.verb_forms("reporting_verbs") + lexicon.verb_forms("belief_verbs")


def _acts(*names: str) -> str:
    """A third party's act: an inflected form, or the bare verb after a modal or "to" ("will send", "agreed to
    mediate"); a bare "support" or "move" is as often a noun."""
    bare = set().union(*(lexicon.bare_forms(n) for n in names))
    inflected = set().union(*(lexicon.verb_forms(n) for n in names)) - bare
    return rf"(?:(?:will|would|to)\s+(?:{lexicon.alternation(bare)})|{lexicon.alternation(inflected)})"


_ACTS = _acts("third_party_acts", "diplomatic_acts")
_DIPLOMATIC_ACTS = _acts("diplomatic_acts")
#: Verbs of saying that invert after what they report ('"...," said the minister').
_QUOTATIVE = rf"(?<![\w-])(?:{lexicon.alternation(lexicon.verb_forms('quotative_verbs'))})(?![\w-])"
#: Every form of a reporting verb ("so-called" is no call).
_VERBS = rf"(?<![\w-])(?:{lexicon.alternation(_REPORTING_FORMS)})(?![\w-])"
#: A stance in the place of a reporting verb: "X was deeply dismayed", "X is “seriously concerned”".
_STANCE = (r"(?<![\w-])(?:is|was|are|were|has\s+been|have\s+been)\s+[“\"]?(?:\w+ly\s+)?"
           rf"(?:{lexicon.alternation(lexicon.entries('stance_adjectives'))})(?![\w-])")
#: A verb of saying right before a colon and an opening quotation mark ("He continued: 'We want ...'").
_QUOTATIVE_COLON = rf"{_QUOTATIVE}(?=:\s*[\"“‘'])"
_REPORT = compile_cached(rf"{_VERBS}\b|{_STANCE}|{_QUOTATIVE_COLON}")
#: Forms of a reporting verb spelled like a noun of statement ("claims", "reports", "calls").
_NOUN_FORMS = frozenset(_REPORTING_FORMS) & lexicon.nouns_with_plurals("statement_nouns")
_PAST_FORMS = (lexicon.past_forms("reporting_verbs") | lexicon.past_forms("belief_verbs")
               | lexicon.past_forms("third_party_acts") | lexicon.past_forms("diplomatic_acts"))
#: What makes the next "claims", "reports", "demands" a noun: a determiner or possessive ("its claims", "no
#: claims"), an adjective (by its suffix: "territorial claims", "conflicting reports") or a noun of the news
#: ("media reports").
_MODIFIERS = lexicon.alternation(lexicon.entries("statement_modifiers"))
_NOUN_READING = compile_cached(
    rf"(?:\b(?:no|its|their|his|her|our|these|those|such|any|{_MODIFIERS})"
    rf"|\b\w+(?:al|ic|ing|ive|ous|ful|ary|ty|ime))\s+(?:\w+(?:al|ic|ing|ive|ous|ful|ary|ty|ime)\s+|(?:{_MODIFIERS})\s+)?$",
    re.IGNORECASE)


#: A possessor right before a word: a name's "'s" or a possessive determiner ("Burundi's fears", "their fears").
_POSSESSOR_BEFORE = compile_cached(r"(?:\b[A-Z][\w\-]*['’]s|\b(?:its|their|his|her|our|your))\s+$")


_TO_BE_AFTER = compile_cached(r"\s+to\s+be\s+(?:a|an|the)\b")


def _is_past(form: str) -> bool:
    """"accused", "issued a statement", "written": a past form or participle (which a passive may carry)."""
    return form.split()[0] in _PAST_FORMS


_BARE_FORMS = lexicon.bare_forms("reporting_verbs") | lexicon.bare_forms("belief_verbs")
#: What makes a bare form ("claim", "estimate", "express") a finite verb with its subject before it: a modal or
#: an auxiliary, a personal pronoun, a plural noun, perhaps placed ("they claim", "will demand", "did not
#: comment", "officials say", "officials in Madrid say"), or "to" after a verb of intent that keeps the subject
#: ("is expected to say"). Otherwise it
#: is a noun ("the Syrian claim", "a conservative estimate") or an infinitive whose subject is elsewhere
#: ("telephoned X to express", "Russia being to blame").
_BARE_VERB_CONTEXT = compile_cached(r"(?:\b(?:will|would|did|do|does|not|must|should|may|might|can|could|cannot|"
                                    r"they|we|I|you)|n't|\b(?!this\b|thus\b)[A-Za-z]\w+[^s'’]s(?:\s+here)?|"
                                    # "officials in Madrid say", "diplomats at the UN say" ("officials here say" above)
                                    r"\b[A-Za-z]\w+[^s'’]s\s+(?:in|from|at)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?|"
                                    r"\b(?:ready|willing|prepared|expected|going|set|able|unable|likely|(?:go|goes|going|went)\s+on)\s+to)"
                                    r"\s+(?:\w+ly\s+)?$")


def _has_speech_verb(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a reporting verb (not a noun spelled like one: "state television")."""
    return next(_speech_verbs(text, start, end, ()), None) is not None


def _speech_verbs(text: str, sa: int, sb: int, quotes: list[Span], group_ends: frozenset = frozenset()):
    """The reporting verbs of text[sa:sb] outside quotations that a speaker is the subject of: not a noun
    ("its claims", "the Syrian claim"), not a passive ("X has been accused"). ``group_ends``: where the names of
    armed groups end, whose bare form agrees in the plural ("The Taliban condemn")."""
    for m in _REPORT.finditer(text, sa, sb):
        form = m.group()
        if _inside(m.start(), quotes):
            continue
        if form in _NOUN_FORMS and _NOUN_READING.search(text, max(sa, m.start() - 40), m.start()):
            continue                 # "China's sweeping territorial claims": a noun, not a speaker's verb
        if _POSSESSOR_BEFORE.search(text, max(sa, m.start() - 40), m.start()):
            continue                 # "to placate Burundi's fears", "their warnings": a noun a possessor owns
        if _TO_BE_AFTER.match(text, m.end(), sb):
            continue                 # "a man claiming to be a spokesman for X": what he is, not what he says
        if form in _BARE_FORMS and not _BARE_VERB_CONTEXT.search(text, max(sa, m.start() - 30), m.start()) \
                and (m.start() - 1) not in group_ends:
            continue                 # "the Syrian claim that ...": a noun
        if _is_past(form) and (_PASSIVE_BEFORE.search(text, max(sa, m.start() - 30), m.start())
                               or _AGENT_AFTER.match(text, m.end(), sb)):
            continue                 # "X has been accused", "a statement read out by Y": X is no speaker
        yield m


def _verbs_and_subjects(doc: Document, sa: int, sb: int, quotes: list[Span]) -> list:
    """The reporting verbs of the sentence text[sa:sb] (``_speech_verbs``; ``quotes``: its quotations), each with
    the subject before it: read once per sentence, for its main speaker and again for its other speakers."""
    found = doc.speech_verbs.get((sa, sb))
    if found is None:
        group_ends = frozenset(m.end for m in in_range(doc.mentions, sa, sb)
                               if m.form == "name" and doc.gaz.entity(doc.gaz.root(m.entity)).kind == "group")
        found = doc.speech_verbs[(sa, sb)] = [(m, _subject_before(doc, sa, m.start(), quotes))
                                              for m in _speech_verbs(doc.text, sa, sb, quotes, group_ends)]
    return found


_ACCORDING = compile_cached(r"\b[Aa]ccording to\s+(?:the\s+)?([^,.;“\"]{2,80}?)(?=[,.;]|\s+(?:at|on|in)\s+least|$)")
_PASSIVE_BY = compile_cached(
    r"\b(?:was|were|has been|have been|had been|is|are)\s+(?:also\s+)?(?:\w+ly\s+)?"
    rf"({lexicon.alternation(_PAST_FORMS)})\s+(?:[\w,]+\s+){{0,4}}?by\s+"
    r"((?:the\s+)?[^,.;]{2,80})")
_CLAIM_NOUN = compile_cached(r"(?:[’']s|\b(its|their|his|her))\s+(?:\w+\s+)?"
                             rf"(?:(?:{lexicon.alternation(lexicon.nouns_with_plurals('statement_nouns'))})\s+that\b|"
                             # "X's position is simple: ...", "its view remains that ..."
                             rf"(?:{lexicon.alternation(lexicon.entries('stance_nouns'))})\s+(?:is|was|remains|"
                             r"remained)\s+(?:\w+\s*)?(?:that\b|:))")
_AGENT_OF_ACT = compile_cached(
    rf"\b(?:{lexicon.alternation(lexicon.past_forms('third_party_acts') | lexicon.past_forms('diplomatic_acts'))})"
    r"\s+by\s+((?:the\s+)?[A-Z][^,;“\"]{1,60}?)(?=[,;“\"]|\.?$)", re.IGNORECASE)
#: A finite third party's act with its auxiliary ("have held", "has sent"): a main clause's verb.
_MAIN_ACT_BEFORE = compile_cached(rf"\b(?:has|have|had)\s+(?:\w+ly\s+)?"
                                  rf"(?:{lexicon.alternation(lexicon.past_forms('third_party_acts'))})\b")
_AS_SAYING = compile_cached(rf"{_VERBS}\s+((?:the\s+|a\s+|an\s+)?[A-Za-z][^“\";]{{1,90}}?),?\s+as\s+(?:saying|telling)\b")
#: "a plea for calm from the Secretary-General", "more condemnation of North Korea from Russia, the EU and the UK":
#: the one (or the list of those) it comes from.
_STATEMENT_FROM = compile_cached(rf"\b(?:{lexicon.alternation(lexicon.nouns_with_plurals('statement_nouns'))})"
                                 r"(?:\s+(?:for|of)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"
                                 r"(?:\s+from|(?:\s+(?:\w+ed|read(?:\s+out)?|put\s+out))?\s+by)"
                                 r"\s+((?:the\s+)?[A-Z][^,;“\"]{1,60}?"
                                 r"(?:(?:,\s+(?:the\s+)?[A-Z][^,;“\"]{0,30}?)*,?\s+and\s+(?:the\s+)?[A-Z][^,;“\"]{0,30}?)?)"
                                 r"(?=[,;“\"]|\.?$)")
_INVERTED = compile_cached(rf"(?:[,?!]?[\"”’]|[,?!.]')\s+({_QUOTATIVE})\s+((?:the\s+|a\s+|an\s+)?[A-Za-z]"
                           r"(?:[^,.;“\"]|\.(?=\s+[A-Z])){1,70})")      # ("said Lt. Col. X": a rank's full stop)
#: "..., adding that X ...": what follows the verb is its clause, not an inverted speaker.
_COMPLEMENTIZER = compile_cached(r"(?:that|whether|if|how|why)\b", re.IGNORECASE)
#: The closing quotation marks ``_INVERTED`` needs.
_INVERTED_MARKS = frozenset("\"”’'")
_SUBORDINATE = compile_cached(r"^\W*(?:after|before|when|while|as|since|although|though|if|because|once|until|"
                              r"despite|whereas|unless)\b", re.IGNORECASE)
#: What may stand between a subject and its verb ("X has also said", "X on Tuesday said", "X, in turn, said"), each a
#: pattern; _AUX is a run of them that ends the subject's phrase.
_AUX_WORDS = ("has", "have", "had", "also", "later", "then", "earlier", "again", "reportedly", "repeatedly",
              "previously", "first", r"on\s+\w+", r"in\s+turn", r"last\s+\w+", r"this\s+\w+", r"\w+day", "will", "would",
              "did", "does", "not", "n't", "didn't", "doesn't", "is", "was", "were", "are", "had", "been", "further",
              "directly", "publicly", "quickly", "immediately", "also", "long", "who", "which", r"in\s+a\s+statement",
              r"ready\s+to", r"willing\s+to",
              # an adverb made from an adjective ("subsequently", "angrily" is not: nouns like "assembly" end so too)
              r"(?-i:[a-z]{3,}(?:ent|ant|ed|ous|ive|ful|ic|ate|ual|al|ing|ible|able)ly)",
              r"prepared\s+to", r"expected\s+to", r"going\s+to", r"set\s+to", r"able\s+to", r"unable\s+to", r"likely\s+to",
              r"(?:go|goes|went)\s+on\s+to")
_AUX = compile_cached(r"(?:\s+(?:" + "|".join(_AUX_WORDS) + r"),?)+\s*$", re.IGNORECASE)
#: The plain words the alternatives of _AUX end with (the others end with any word after "on", "last" or "this",
#: a word in -day or an adverb in -ly: see _may_end_in_aux).
_AUX_LAST_WORDS = frozenset(w.split(r"\s+")[-1] for w in _AUX_WORDS if w.split(r"\s+")[-1].replace("'", "").isalpha())


def _may_end_in_aux(phrase: str) -> bool:
    """False only where _AUX cannot match ``phrase``: its last alternative ends the phrase (but for a comma and
    spaces), so the phrase's last word is one an alternative ends with. _AUX is tried on every subject, and most
    end on a noun ("the ministry"): this check costs a fraction of the search."""
    words = phrase.rstrip().rstrip(",").rsplit(None, 2)
    if not words:
        return False
    last, before = words[-1], (words[-2] if len(words) > 1 else "")
    if not (last.isascii() and before.isascii()):
        return True              # case folding beyond ASCII: the pattern decides
    last, before = last.lower(), before.lower()
    return last in _AUX_LAST_WORDS or last.endswith(("day", "ly")) or before in ("on", "last", "this")


def _aux_tail(phrase: str) -> Optional[re.Match]:
    """The run of auxiliaries and adverbs that ends ``phrase`` ("X has also", "Y is"), or None."""
    return _AUX.search(phrase) if _may_end_in_aux(phrase) else None


_PRONOUN = compile_cached(r"^\W*(?:but\s+|and\s+|however,?\s+)?(he|she|it|they|we|i)\W*$", re.IGNORECASE)
#: "the ministry", "this official", "the group": a definite noun of office (lexicon titles), of a body (lexicon
#: body_nouns) or of the few other kinds of speaker a text refers back to.
_DEFINITE_BACKREF = compile_cached(
    r"^\W*(?:but\s+|and\s+)?(?:the|this|that)\s+((?:\w+\s+){0,3}(?:"
    + lexicon.alternation([*lexicon.entries("titles"), *lexicon.entries("body_nouns"), "officials", "country", "group",
                           "statement", "cleric", "diplomat", "negotiator", "lawmaker"])
    + r"))\W*$", re.IGNORECASE)
_OFFICIALDOM = compile_cached(r"^\W*(?:the\s+)?(?:official\s+(?:figures|data|statistics|estimates|sources)|"
                              r"government\s+(?:figures|data|officials|sources)|authorities)\b", re.IGNORECASE)
#: Officials with no owner named: in a wire story, the dateline country's.
_BARE_OFFICIALS = compile_cached(r"\W*(?:(?:senior|government|military|security|local)\s+)?(?:officials|authorities)"
                                 r"(?:\s+here)?\W*", re.IGNORECASE)
_HERE_AFTER = compile_cached(r"\bhere\W*$", re.IGNORECASE)
_ARMY_AFTER = compile_cached(r"\s+(?:army|military|armed\s+forces|forces|troops|soldiers)\b", re.IGNORECASE)
#: How far back (characters) "the army" may look for the state it belongs to.
_ARMY_LOOKBACK = 600
#: "the National Security Council" names a body of its own; only "the council" points back.
_NAMED_BODY = compile_cached(r"^\W*(?:but\s+|and\s+)?(?:the|this|that)\s+(?:[A-Z]\w*\s+)+[A-Z]\w*\W*$")
_STATEMENT = compile_cached(r"\bstatement\b", re.IGNORECASE)
_STATEMENT_BACKREF = compile_cached(r"^\W*(?:but\s+|and\s+)?(?:the|that|this)\s+(?:\w+\s+){0,2}statement\W*$",
                                    re.IGNORECASE)
_ARMY_GENERIC = compile_cached(r"\b(?:government|national|state|regular)?\s*(?:forces|army|military|troops|"
                               r"armed forces|soldiers|government|air force|navy|coast guard|security forces)\b",
                               re.IGNORECASE)
_ARMED_BODY = compile_cached(r"^\W*(?:the\s+|an?\s+)?(?:government|national|regular|state)?\s*(?:forces|army|military|troops|"
                             r"armed forces|soldiers|air force|navy|coast guard|security forces|police)\b", re.IGNORECASE)
_RELAY = compile_cached(r"\b(?:news\s+agency|agency|report|reports|(?i:media)|television|TV|newspaper|"
                        r"broadcaster|outlet|website|web\s+site|news\s+site)\b")
_FINITE_AUX = compile_cached(r"\b(?:will|would|shall|should|can|could|may|might|must|is|are|was|were|has|have|had|"
                              r"did|does|do)\b")
_TEMPORAL_CLAUSE = compile_cached(r"\b(?:after|before|since|until|when|once)\b", re.IGNORECASE)
_TEMPORAL_BEFORE = compile_cached(r"\b(?:after|before|since|until|when|once)\s+(?:the\s+)?$", re.IGNORECASE)
#: A relative clause open up to this point ("..., which supports Assad and "): its passive's agent is no speaker.
#: A phrase before a verb that is itself a verb phrase ("has compared X to Y and", "closed its embassy and").
_VERB_PHRASE_START = compile_cached(r"\s*(?:has|have|had|was|were|is|are|will|would|(?-i:[a-z]+ed)|"
                                    rf"{lexicon.alternation(lexicon.past_forms('irregular_verbs'))})\s+(?!by\b)\S")
#: A pronoun right before the verb after other words: "an operation it calls", "the deal they describe as".
#: ("... condemned what it described as": the pronoun is the main clause's subject, which speaks already.)
#: (This pattern and the next few, tried on every subject, open with a character and check what stands before it
#: after it: a pattern that opens with a lookbehind or \b is tried at every position, one that opens with a
#: character lets the engine skip at C speed to where it stands.)
_PRONOUN_SUBJECT_TAIL = compile_cached(r"\s(?<=[a-z,]\s)(?<!\bwhat\s)\s*(it|they|he|she|we)\s*$")
#: A speaker phrase's article: "a Health Ministry source" introduces whom "the Health Ministry source" names.
_INDEFINITE = compile_cached(r"(?:a|an)\s+", re.IGNORECASE)
_DEFINITE = compile_cached(r"\W*the\s+", re.IGNORECASE)
#: People who speak for themselves, where they are ("Residents of X", "witnesses in X", "three villagers"; lexicon
#: people_nouns), not for a state.
_PEOPLE_SPEAKER = compile_cached(
    rf"\W*(?:(?:the|a|an|some|many|several|other|\d+|two|three|four|five)\s+)?(?:[a-z]+\s+)?"
    rf"(?:{lexicon.alternation(lexicon.nouns_with_plurals('people_nouns'))})(?:\s+(?:of|in|from|at|near)\b|\W*$)",
    re.IGNORECASE)
#: The sides of the conflict named together as one speaker.
_BOTH_SIDES = compile_cached(r"\W*(?:the\s+two|both)\s+(?:sides|countries|governments|leaders|neighbou?rs|nations|men|women|"
                             r"parties|capitals)\b", re.IGNORECASE)
_WHAT_BEFORE = compile_cached(r"\bwhat\s+(?:the\s+)?$")
_WHAT_TAIL = compile_cached(r"\bwhat\s+(?:[\w’'.\-]+\s+){1,3}$")
_WHAT_PRONOUN_TAIL = compile_cached(r"w(?<![\w][\s\S])hat\s+(?:it|they|he|she|we)\s*$")
#: A noun phrase after the last comma, right before the verb: "..., a Turkish diplomatic source (told)".
_TRAILING_SPEAKER = compile_cached(r",\s+((?:a|an|the)\s+[^,;“”\"]{2,60}?)\s*$")
#: A finite verb: what makes the words before a comma a clause of their own.
#: A main clause that places itself in time by another ("The move comes after", "It came days after", "The strike
#: followed hours after"), and the subject of the clause it is placed by.
_CAME_AFTER = compile_cached(r"\b(?:comes?|came|follows|followed)\s+(?:(?:just|only|shortly|(?:a|one|two|three|"
                             r"several|\w+)\s+(?:day|days|hours?|weeks?|months?))\s+)?(?:after|as|when)\s+"
                             r"((?:the\s+)?[^,;]{2,60})$")
_FINITE_CLAUSE = compile_cached(r"\b(?:had|has|have|was|were|is|are|will|would|(?-i:[a-z]{3,}ed))\b")
#: A title that may stand between a word and the person's name it governs.
_TITLE_BEFORE_NAME = r"(?:(?:Mr|Mrs|Ms|Dr|President|Prime\s+Minister|King|Queen|Emir|Sheikh|Chancellor)\.?\s+)?$"
#: A preposition (and a title) right before a person's name: the person is an object, not a speaker.
#: (Not the one a spokesman speaks for or an aide serves: "a spokesman for Prime Minister X's office said".)
_GOVERNED_PERSON = compile_cached(r"\b(?:(?<!aide\s)(?<!adviser\s)(?<!advisor\s)to|with|from|against|by|"
                                  r"(?<!spokesman\s)(?<!spokeswoman\s)(?<!spokesperson\s)for|about|than|between|"
                                  r"toward|towards)\s+" + _TITLE_BEFORE_NAME)
_RELATIVE_PRONOUN = compile_cached(r"\s*(?:which|who)\b")
_INFINITIVE = compile_cached(r"\bto\s+[a-z]+")
#: A verb right before a person's name (and title): the person is its object ("X telephoned Mr Y, urged him").
_VERB_BEFORE_PERSON = compile_cached(r"\b(?:[a-z]{3,}ed|met|told|rang|phoned|called|urged|asked)\s+"
                                     + _TITLE_BEFORE_NAME)
#: "and" right before a verb: a second verb of the same subject ("X said ... and warned Y").
_AND_VERB_BEFORE = compile_cached(r"\band\s+(?:\w+ly\s+)?\Z")
#: A speaker labelled as one of the rebels (lexicon rebel_nouns) or as the group's: "Separatist spokesman X", "a
#: rebel commander", "a spokesman for the group".
_REBEL_LABEL = compile_cached(rf"\b(?:{lexicon.alternation(lexicon.entries('rebel_nouns'))})\b|\bfor\s+the\s+group\b",
                              re.IGNORECASE)
#: ", who <clause without a comma, semicolon or quotation mark>" up to where the text is looked at.
_RELATIVE_AFTER_NAME = compile_cached(r",\s+(?:who|which|whose)\b[^,;“”\"]*\Z")
#: A relative clause after a name, and "but" or "and" before a second verb of it: "X, which has ... but".
_COORDINATED_IN_RELATIVE = compile_cached(r",\s+(?:who|which)\b[^,;“”\"]*\b(?:but|and)\s+\Z")
_RELATIVE_OPEN = compile_cached(r"\b(?:which|that|who|whose|whom)\b[^,;“\"]*$")
_AGENT_AFTER = compile_cached(r"\s+by\b")
#: A sentence that opens a quotation: with a double mark, or British style with a single one before a capital
#: ("'No democracy could ever do otherwise.'", a quote that goes on in a new paragraph).
_QUOTE_OPEN = compile_cached(r"^\s*(?:[\"“‘]|'(?=[A-Z]))")
_BODY_WORDS = compile_cached(r"\b(?:ministry|office|spokesman|spokeswoman|spokesperson|statement|official|"
                             r"officials|government|embassy|presidency|cabinet|agency|department|media|television|TV)\b",
                             re.IGNORECASE)
_DATELINE_AT = compile_cached(_DATELINE.pattern.lstrip("^"))   # matched at a position, not a string start
_TITLE_WORDS = compile_cached(rf"\b(?:{lexicon.alternation(lexicon.entries('titles'))})\b", re.IGNORECASE)
_TRAILING = compile_cached(r",\s+((?:the|a|an)\s+[^,“\"]{2,50}?|[A-Z][^,“\"]{1,50}?)\s+"
                           rf"(?:{_QUOTATIVE})(?:\s+\w+)?\.?$")
#: "..., said air force spokesman, <Name>." / "..., said <Name>.": the speaker after the verb (not after "told":
#: "..., X told a meeting of the council" names who listened).
_SAID_TRAILING = compile_cached(rf",\s+(?!tells?\b|told\b|telling\b)(?:{_QUOTATIVE})\s+((?:the\s+|a\s+|an\s+)?[A-Za-z][^,“\"]{{1,60}}?"
                                # "..., said X, Germany's chancellor", "..., said X, the head of the Y monitor"
                                r"(?:,\s+(?:[A-Z][^,“\"]{1,40}?|(?:the|a|an)\s[^,“\"]{1,80}?))?)\.?[\"”’']?$")
#: The last comma segment of a subject is a bare plural ("..., diplomats", "..., officials familiar with it").
_BARE_PLURAL_TAIL = compile_cached(r",\s+((?:[a-z][a-z\-]*\s+){0,2}[a-z][a-z\-]*s(?:\s+(?:familiar\s+with|close\s+to)"
                                   r"(?:\s+[a-z]+){1,3})?)\s*$")
_PRONOUN_TAIL = compile_cached(r",\s+(he|she|they|it|we)\s*$")
_POSSESSIVE_AIDE = compile_cached(r"(?:^|,\s*)(?:his|her|its|their)\s+(?:[\w\-]+\s+){0,2}(?:spokes(?:man|woman|person)|"
                                  r"office|ministry|aides?|advis[eo]rs?|deputy|envoy|representative|"
                                  r"press\s+secretary)\s*$", re.IGNORECASE)
_DIPLOMATIC_ACT = compile_cached(rf"(?:will\s+)?{_DIPLOMATIC_ACTS}")
_ACTION_VERBS = compile_cached(rf"\b{_ACTS}\b")
_PASSIVE_BEFORE = compile_cached(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\Z")


@dataclass
class Attribution:
    span: Span                    # the sentence
    speaker: str                  # the speaker's surface text ("X’s Defense Ministry")
    speaker_span: Optional[Span]
    entity: Optional[str]         # root entity id, or None when the speaker belongs to no known body
    person: Optional[str] = None  # Person.id when the speaker is a person
    kind: str = "report"          # report | action | chain
    also: tuple = ()              # other entities speaking or acting in the same sentence


@dataclass
class _Memory:
    last: Optional[Attribution] = None
    last_statement: Optional[Attribution] = None    # the last speaker who issued a written statement
    last_statement_index: int = -10
    last_person: Optional[Attribution] = None
    last_person_index: int = -10
    last_sentence_index: int = -10
    #: Speakers introduced with an indefinite article ("a Health Ministry source"), by their words after it:
    #: "the Health Ministry source" later is the same one.
    introduced: dict = field(default_factory=dict)


def attribute(doc: Document) -> list[Optional[Attribution]]:
    """One entry per sentence of the document: its Attribution, or None for plain narration."""
    text, gaz, mentions = doc.text, doc.gaz, doc.mentions
    out: list[Optional[Attribution]] = []
    memory = _Memory()
    for index, (sa, sb) in enumerate(doc.sentences):
        if doc.opens_entry(sa):
            memory = _Memory()       # a live-blog entry is a unit: no pronoun reaches into the one before
        quotation = doc.quotation_at(sa)
        starts_in_quote = quotation is not None and quotation[0] < sa
        found = None
        question = text[sb - 1] == "?" and not doc.quotes_in(sa, sb)
        if question:
            pass                     # "What did the minister say?" is a cross-head, not a claim
        elif not starts_in_quote:
            found = _attribute_sentence(doc, index, memory)
        elif quotation[1] < sb:
            # The quotation closes in this sentence: a speaker named after it ('... serious," the envoy
            # told the council') speaks all of it, the sentences it began in included.
            found = _attribute_sentence(doc, index, memory)
            if found is not None and (found.speaker_span is None or found.speaker_span[0] < quotation[1]):
                found = None
            if found is not None:
                _give_quotation(doc, out, index, quotation, found)
        if found is None and not question and _QUOTE_OPEN.match(text[sa:sb]) \
                and text[max(0, sa - 200):sa].rstrip().endswith(":"):
            found = _introduced_by_colon(doc, index)    # "His words are worth quoting in full:" + the quotation
        if found is None and not question and (starts_in_quote or _QUOTE_OPEN.match(text[sa:sb])) \
                and memory.last is not None \
                and index - memory.last_sentence_index <= 2:
            prev = memory.last
            found = Attribution((sa, sb), prev.speaker, prev.speaker_span, prev.entity, prev.person, "chain")
        if found is None and not question and doc.label_at(sa) is not None:
            found = _labelled(doc, sa, sb)       # "BLAIR (recorded): We are trying ...": the label speaks
        if not question and (found is None or (found.entity is None and found.person is None
                                                  and found.kind == "report")):
            # No speaker, or only unnamed ones ("..., diplomats said"): a third party's act it reports
            found = _action(doc, sa, sb) or found
        if found is not None:
            co_speakers = _co_speakers(doc, sa, sb, found)
            held = _presidency_held(doc, sa, sb, found)
            found.also = tuple(dict.fromkeys([e for e, _ in co_speakers]
                                             + list(_co_actors(doc, sa, sb, found)) + held))
            for earlier in range(index - 1, -1, -1) if held else ():
                # the earlier sentences of a quotation this speaker closes speak with the same hats
                previous = out[earlier]
                if previous is None or previous.kind != "chain" or previous.speaker_span != found.speaker_span:
                    break
                previous.also = tuple(dict.fromkeys((*previous.also, *held)))
            both = bool(found.speaker_span) and bool(
                _BOTH_SIDES.match(_SPEAKER_OPENER.sub("", text[slice(*found.speaker_span)])))
            if both:
                # "the two sides said", "both governments agreed": every side speaks; or the two the sentence
                # named before ("Xi of China was meeting Putin, the two governments issued ...")
                named = _two_others_named(doc, sa, found.speaker_span[0])
                # ("both sides" of a war with a backer are the two that fight: the first two parties)
                pair = named if named else (doc.parties[:2] if found.entity == doc.parties[0] else [])
                found.also = tuple(dict.fromkeys((*found.also, *(p for p in pair if p != found.entity))))
            last = max(co_speakers, key=lambda c: c[1].speaker_span[0], default=None)
            if last is not None and found.speaker_span and last[1].speaker_span[0] > found.speaker_span[0] \
                    and not both:
                # "..., a charge Y denies. It says ...": the pronoun goes to the last speaker (not after "the two
                # governments said ..., a plan Y rejects. They also ...": they are the two)
                memory.last = last[1]
                memory.last_sentence_index = index
                out.append(found)
                continue
        else:
            co = _co_actors(doc, sa, sb, None)
            if co:
                m = next(m for m in in_range(mentions, sa, sb) if gaz.root(m.entity) == co[0])
                found = Attribution((sa, sb), text[m.start:m.end], (m.start, m.end), co[0], None, "action",
                                    tuple(co[1:]))
        if found is not None:
            memory.last = found
            memory.last_sentence_index = index
            indefinite = _INDEFINITE.match(found.speaker)
            if indefinite and (found.entity or found.person):
                memory.introduced[found.speaker[indefinite.end():].lower()] = found
            if found.person:
                memory.last_person = found
                memory.last_person_index = index
            # ("tatement": what a case-blind "statement" holds in any case; a cheap test before the search)
            if found.entity and "tatement" in text[sa:sb].lower() and _STATEMENT.search(text, sa, sb) \
                    and not _STATEMENT_BACKREF.match(found.speaker):
                memory.last_statement = found
                memory.last_statement_index = index
        out.append(found)
    return out


def _introduced_by_colon(doc: Document, index: int) -> Optional[Attribution]:
    """A quotation after a sentence that ends with a colon ("Prime Minister X set out his case. His words
    were: ..."): the person that sentence, or the one before it, names last speaks it; or a leader that
    sentence opens with by title alone ("The Prime Minister began with regret:"), whose holder the text named."""
    for before in (index - 1, index - 2):
        if before < 0:
            return None
        named = in_range(doc.person_mentions, *doc.sentences[before])
        if named:
            mention = named[-1]
            person = doc.people[mention.person]
            return Attribution(doc.sentences[index], doc.text[mention.start:mention.end], (mention.start, mention.end),
                               person.affiliation, person.id, "chain")
        title = _DEFINITE_LEADER.match(doc.text, doc.sentences[before][0])
        side = _title_holder_side(doc, title.group(1), title.start()) if title is not None else None
        if side is not None:
            return Attribution(doc.sentences[index], title.group(0), title.span(), side, None, "chain")
    return None


def _labelled(doc: Document, sa: int, sb: int) -> Optional[Attribution]:
    """The speaker a transcript's label names for the sentences of its paragraph: a person the article has
    named ("HOSSEINI" is Mohammad Ali Hosseini), or a body ("IRAN"); None for a role ("PRESENTER")."""
    label = doc.label_at(sa)
    words = doc.text[label[0]:label[1]].split()
    for pid, person in doc.people.items():
        if person.surname.upper() == words[-1] or person.name.upper() == " ".join(words):
            return Attribution((sa, sb), doc.text[label[0]:label[1]], label, person.affiliation, pid)
    entity = doc.gaz.lookup(" ".join(word.capitalize() for word in words))
    if entity is None:
        return None
    return Attribution((sa, sb), doc.text[label[0]:label[1]], label, doc.gaz.root(entity.id))


def _give_quotation(doc: Document, out: list, index: int, quotation: Span, found: Attribution) -> None:
    """The earlier sentences of a quotation whose speaker is named at its end are that speaker's, unless
    they name a speaker of their own."""
    for earlier in range(index - 1, -1, -1):
        ea, eb = doc.sentences[earlier]
        if eb <= quotation[0]:
            break
        if ea >= quotation[0] and (out[earlier] is None or out[earlier].kind == "chain"):
            out[earlier] = Attribution((ea, eb), found.speaker, found.speaker_span, found.entity, found.person,
                                       "chain")


#: "whose country holds the EU presidency", "while Germany holds the rotating presidency of the European Union",
#: "the current chairman of ECOWAS".
_HOLDS_PRESIDENCY = compile_cached(r"\bhold(?:s|ing)?\s+the\s+[^,;.“\"]{0,60}?\bpresidency\b"
                                   r"(?:\s+of\s+(?:the\s+)?[^,;.“\"]{1,80})?|"
                                   # "X, the current chairman of ECOWAS, told the session"
                                   r"\b(?:current|rotating)\s+chair(?:man|woman|person)?\s+of\s+(?:the\s+)?[^,;.“\"]{1,80}")


def _presidency_held(doc: Document, sa: int, sb: int, found: Attribution) -> list[str]:
    """The organisation whose rotating presidency the speaker's state holds, named in the sentence: the speaker
    speaks for it too ("X, whose country holds the EU presidency, said")."""
    if found.speaker_span is None or found.entity is None or not (
            "presidency" in doc.text[sa:sb] or "chair" in doc.text[sa:sb]):
        return []
    out = []
    for m in _HOLDS_PRESIDENCY.finditer(doc.text, sa, sb):
        for mention in in_range(doc.mentions, m.start(), m.end()):
            root = doc.gaz.root(mention.entity)
            ent = doc.gaz.entity(root)
            if ent is not None and ent.kind == "organisation" and root != found.entity:
                out.append(root)
    return out


def _acts_before(doc: Document, sa: int, pos: int) -> bool:
    """Whether the sentence from ``sa`` has, before ``pos``, a finite third party's act ("have held") whose subject
    names a state or a body: then a "by"-agent after it qualifies the act's object, not the sentence's actor."""
    act = _MAIN_ACT_BEFORE.search(doc.text, sa, pos)
    return act is not None and head_entity(doc.gaz, doc.text, doc.mentions, sa, act.start()) is not None


def _has_a_side(doc: Document, found: Optional[Attribution]) -> bool:
    """Whether a speaker belongs to a state, an organisation or an armed group (not a newspaper, not nobody)."""
    ent = doc.gaz.entity(found.entity) if found is not None else None
    return ent is not None and ent.kind not in ("media", "monitor")


def _only_person_of_silent_previous_sentence(doc: Document, index: int, memory) -> Optional[str]:
    """"Only weeks ago King X offered an olive branch. In a speech, he said: ...": when the sentence before
    quotes nobody and names exactly one person (with a known side), "he"/"she" is that person, not the
    last speaker of some sentences earlier."""
    quotation = doc.quotation_at(doc.sentences[index][0])
    if quotation is not None and quotation[0] < doc.sentences[index][0]:
        # '"The enemy ... war. Pakistan has every right ...," he says': the sentence before the quotation
        index = bisect.bisect_right(doc.sentences, (quotation[0], len(doc.text) + 1)) - 1
    nobody = memory.last is not None and memory.last.entity is None and memory.last.person is None
    if index <= 0 or (memory.last_sentence_index == index - 1 and not nobody):
        return None          # (a sentence before whose speaker is no one known, "The decision, read out by X, was
                             # blunt", is as silent)
    sa, sb = doc.sentences[index - 1]
    named = {m.person for m in in_range(doc.person_mentions, sa, sb)}
    if len(named) != 1:
        return None
    person = named.pop()
    return person if doc.people[person].affiliation is not None else None


def _reported_by_a_trailing_speaker(text: str, sa: int, sb: int, found: Optional[Attribution]) -> int:
    """Where what a speaker set after the sentence reports ends, with the verb that reports it ("X informed the
    fighters ..., said Y, the head of Z": Y reports all of it, X does not speak), or ``sa`` when the speaker is
    not set after it."""
    if found is None or not found.speaker_span:
        return sa
    sentence = text[sa:sb]
    outer = next((m for m in (_SAID_TRAILING.search(sentence), _TRAILING.search(sentence))
                  if m and found.speaker_span == (sa + m.start(1), sa + m.end(1))), None)
    return sa + outer.start(1) if outer is not None else sa     # (its own verb included)


def _co_speakers(doc: Document, sa: int, sb: int, found: Attribution) -> list[tuple[str, Attribution]]:
    """Other named speakers of the same sentence, each the subject of a reporting verb of its own
    clause: "X called for restraint, while Y said ...", "While X accused ..., a Y spokesman denied"."""
    text, gaz, mentions, people, person_mentions = doc.text, doc.gaz, doc.mentions, doc.people, doc.person_mentions
    quotes = doc.quotes_in(sa, sb)
    out: list[tuple[str, Attribution]] = []
    seen = {found.entity}
    reported_end = _reported_by_a_trailing_speaker(text, sa, sb, found)
    for m, subject in _verbs_and_subjects(doc, sa, sb, quotes):
        if found.speaker_span and found.speaker_span[0] <= m.start() <= found.speaker_span[1] + 40:
            continue                 # the main speaker's own verb
        if m.start() < reported_end:
            continue                 # a verb of what the trailing speaker reports
        if _AND_VERB_BEFORE.search(text, max(sa, m.start() - 20), m.start()):
            continue                 # "X said the attack was revenge ... by Kenya and warned Nairobi": X's second verb
        if _WHAT_TAIL.search(text, max(sa, m.start() - 40), m.start()):
            continue                 # "... must correct what he called ...", "an attack on what Tehran described as
                                     # bases": a label quoted from someone, not a second voice of the sentence
        if subject is None or (found.speaker_span and subject[0] < found.speaker_span[1] and subject[1] > found.speaker_span[0]):
            continue
        start, end = subject
        phrase = _SPEAKER_OPENER.sub("", text[start:end].strip(" ,")) or text[start:end]
        if _PRONOUN.match(phrase) or len(phrase.split()) > 10:
            continue                 # only a named speaker starts a voice of its own here
        if _TEMPORAL_CLAUSE.search(phrase):
            continue                 # "..., just hours after Pyongyang announced ...": background, not a voice
        persons = [pm for pm in in_range(person_mentions, start, end)
                   if not _GOVERNED_PERSON.search(text, max(start, pm.start - 60), pm.start)][-1:]
        entity = people[persons[0].person].affiliation if persons else None
        person = persons[0].person if persons else None
        if entity is None:
            head = head_entity(gaz, text, mentions, start, end)
            if head is not None:
                entity = gaz.root(head.entity)
            elif _ARMED_BODY.match(_STATEMENT_LEAD.sub("", phrase)) and len(doc.state_parties) == 1:
                entity = doc.state_parties[0]        # "..., a claim the army rejected"
            else:
                continue
            if gaz.entity(entity).kind in ("media", "monitor"):
                continue
        if entity in seen:
            continue
        seen.add(entity)
        out.append((entity, Attribution((sa, sb), speaker_text(doc, (start, end)), (start, end), entity, person,
                                        "report")))
    return out


def _inside(pos: int, regions: list[Span]) -> bool:
    return any(a <= pos < b for a, b in regions)


def _attribute_sentence(doc: Document, index: int, memory: _Memory) -> Optional[Attribution]:
    """The speaker of the document's sentence ``index``, from its reporting verbs, "according to", a passive's
    agent, an inverted or trailing "said X", or "X's claim that"; None when it reports no one."""
    text, gaz, mentions, people = doc.text, doc.gaz, doc.mentions, doc.people
    sa, sb = doc.sentences[index]
    sentence = text[sa:sb]
    if not _REPORT.search(sentence) and "ccording to" not in sentence and " by " not in sentence \
            and not (("that" in sentence or ":" in sentence) and _CLAIM_NOUN.search(sentence)) \
            and not (" from " in sentence and _STATEMENT_FROM.search(sentence)):
        return None                  # no reporting verb, no "according to", no passive agent, no "X's claim that",
                                     # no "a statement from X"
    quotes = doc.quotes_in(sa, sb)
    candidates: list[tuple[int, int]] = []       # (start, end) of speaker phrases, in priority order
    acts: set[tuple[int, int]] = set()           # those that do rather than say
    # (Each pattern below runs only where the words or marks it needs occur: it is tried on every sentence.)
    m = _ACCORDING.search(sentence) if "ccording to" in sentence else None
    if m and _inside(sa + m.start(), quotes):
        m = None
    if m:
        if rc.match(r"(?:this|that|him|her|them|it|which)\b", m.group(1)):
            # "X according to this is not the final figure": the speaker is the subject before it.
            candidates.append((sa, sa + m.start()))
        else:
            candidates.append((sa + m.start(1), sa + m.end(1)))
    # "X told the council, according to the Y news agency": the outlet only relays X.
    relayed = []
    if candidates and (_RELAY.search(text[candidates[0][0]:candidates[0][1]]) or any(
            gaz.entity(x.entity).kind == "media" for x in in_range(mentions, *candidates[0]))):
        relayed = [candidates.pop(0)]
    for m in (_AS_SAYING.finditer(sentence) if " as saying" in sentence or " as telling" in sentence else ()):
        # "FARS reported a spokesperson for X, Y, as saying": the one quoted speaks, not the outlet
        if not _inside(sa + m.start(1), quotes):
            candidates.insert(0, (sa + m.start(1), sa + m.end(1)))
    for m in (_INVERTED.finditer(sentence) if not _INVERTED_MARKS.isdisjoint(sentence) else ()):
        if not _inside(sa + m.start(1), quotes) and not _COMPLEMENTIZER.match(m.group(2)):
            candidates.append((sa + m.start(2), sa + m.end(2)))
    trailing = _TRAILING.search(sentence)
    if trailing and not _inside(sa + trailing.start(1), quotes):
        candidates.append((sa + trailing.start(1), sa + trailing.end(1)))
    inverted = _SAID_TRAILING.search(sentence)
    if inverted and not _inside(sa + inverted.start(1), quotes) and not _FINITE_AUX.search(inverted.group(1)) \
            and not _INFINITIVE.search(inverted.group(1)) and not _COMPLEMENTIZER.match(inverted.group(1)):
        # "..., said the minister" (not "..., said the army would respond" or "..., noting that it breached":
        # a clause, not a speaker; not "X, Germany's chancellor, asked Mr Y in a call to reduce ...": Y is asked)
        candidates.append((sa + inverted.start(1), sa + inverted.end(1)))
    for m in (_PASSIVE_BY.finditer(sentence) if "by" in sentence else ()):
        if _RELATIVE_OPEN.search(sentence, 0, m.start()) and (
                not _REPORT.match(m.group(1)) or _has_speech_verb(text, sa + m.end(), sb)):
            # "a city that was taken over by X" (an act), "Iran, which has been criticized by Y, condemned"
            # (an aside before the main verb); not "attacks, which were claimed by X" (X's claim)
            continue
        if not _inside(sa + m.start(), quotes):
            candidates.append((sa + m.start(2), sa + m.end(2)))   # the agent
    verbs = _verbs_and_subjects(doc, sa, sb, quotes)
    for m in (_CLAIM_NOUN.finditer(sentence) if "that" in sentence or ":" in sentence else ()):
        # "X's accusation that ...", "X failed to get across its argument that ...": X claims; but not where a
        # reporting verb with a subject governs it ("Y rejected X's allegation that ...": Y speaks).
        if not _inside(sa + m.start(), quotes) and not any(
                subject is not None and v.end() <= sa + m.start() for v, subject in verbs):
            owner_end = sa + m.start()
            candidates.append((max(sa, owner_end - 60), owner_end) if m.group(1) is None
                              else _subject_before(doc, sa, owner_end, quotes) or (sa, owner_end))
    for m, subject in verbs:
        if subject is not None and _POSSESSIVE_AIDE.search(text, *subject):
            # "X “condemns” the attacks, his spokesperson said": X speaks through the aide.
            opening = min([a for a, _ in quotes if a > sa] + [subject[0]])
            if text[sa:opening].strip():
                subject = (sa, opening)
        if subject is not None:
            candidates.append(subject)
    for m in (_STATEMENT_FROM.finditer(sentence) if " from " in sentence or " by " in sentence else ()):
        # "a plea for calm from the Secretary-General", "a joint statement read out by X": the one it comes
        # from speaks (after any subject of a reporting verb: "he said in a statement from <place>")
        if _acts_before(doc, sa, sa + m.start()):
            continue                 # "X have held a video call chaired by Y": X acts; the call is no statement
        if not _inside(sa + m.start(), quotes):
            candidates.append((sa + m.start(1), sa + m.end(1)))
    for m in (_AGENT_OF_ACT.finditer(sentence) if " by " in sentence else ()):
        # "Drafted by Jordan, the statement ...", "sanctions imposed by the EU": the agent of a third party's
        # act, after every other candidate ("Backed by X, the rebels said" is the rebels')
        if _RELATIVE_OPEN.search(sentence, 0, m.start()) and _has_speech_verb(text, sa + m.end(), sb):
            continue                 # "France, whose citizen is held by X, expressed dismay": an aside
        if _acts_before(doc, sa, sa + m.start()):
            continue                 # "Leaders of the G7 have held talks chaired by X": the main clause's subject acts
        if not _inside(sa + m.start(), quotes):
            candidates.append((sa + m.start(1), sa + m.end(1)))
            acts.add(candidates[-1])
    candidates += relayed
    # The sentence-initial noun phrase, for subjects separated from their verb by an aside
    # ("<Org> Secretary-General X, while noting that ..., said").
    opening = rc.match(r"[^,;“\"]{3,80}?(?=,)", sentence)
    if opening and len(opening.group().split()) <= 8 and not _SUBORDINATE.match(opening.group()) \
            and (candidates or _INVERTED.search(sentence)):
        fallback = [(sa, sa + opening.end())]
    else:
        fallback = []
    unknown = None
    for start, end in candidates + fallback:
        resolved = _resolve(doc, start, end, memory, index)
        if resolved is None:
            continue
        entity, person, speaker_span = resolved
        if person is not None and len(doc.parties) == 2 and (entity is None or people[person].guessed):
            # what the speaker says outweighs a side only guessed from the sentences around their name
            entity = _accuser_side(doc, sa, sb, speaker_span) or entity
        attribution = Attribution((sa, sb), speaker_text(doc, speaker_span), speaker_span, entity,
                                  person, "action" if (start, end) in acts else "report")
        if entity is not None or person is not None:
            return attribution
        if unknown is None and (start, end) not in fallback and not _FINITE_AUX.search(text, start, end):
            unknown = attribution    # (not "that the seizure of the ship was a": a clause is no speaker)
    # A speaker outside any known body ("the resident said") still holds the floor, so a later
    # "he said" does not jump back to an earlier official.
    return unknown


_SPEAKER_OPENER = compile_cached(
    r"^(?:(?:on|in|at|by|to|during|after|before|earlier|later|meanwhile|however|but|and|also|separately|"
    r"then|still|instead|moreover|last|this|overnight|in\s+a\s+statement|in\s+response)\b(?:[^,]{0,90}?,\s*|"
    r"[^,]{0,40}?\s+(?=the\b))"
    r"|(?:but|and|however|meanwhile|so)\s+)+", re.IGNORECASE)


_SPEAKER_ASIDE = compile_cached(r",\s*(?:on the other hand|however|in turn|meanwhile|for (?:its|his|her|their) part|"
                                r"too|also|though|in a statement|in response)\s*,?\s*$", re.IGNORECASE)


def _without_openers(doc: Document, start: int, end: int) -> str:
    """A speaker phrase without its leading adverbials: "Later Wednesday, he" -> "he", "But last Thursday its
    foreign ministry" -> "its foreign ministry" (a time expression of the document's times layer); the phrase
    itself when nothing else is left."""
    text = doc.text
    phrase = text[start:end].strip(" ,")
    cleaned = _SPEAKER_OPENER.sub("", phrase).strip(" ,")
    head = text.find(cleaned, start, end) if cleaned else -1
    for time in in_range(doc.times, head, head + 1) if head >= 0 else ():
        cleaned = text[time.end:end].strip(" ,")
    return cleaned or phrase


#: An adverb between the speaker and the verb: "President X strongly condemned".
_TRAILING_ADVERB = compile_cached(r"\s+(?:also|later|again|then|[a-z]{4,}ly)$")


def speaker_text(doc: Document, span: Span) -> str:
    """The speaker's words without leading adverbials, a trailing aside or adverb: "On Wednesday, Mr Doe" ->
    "Mr Doe", "President X strongly" -> "President X"."""
    cleaned = _without_openers(doc, *span)
    return _TRAILING_ADVERB.sub("", _SPEAKER_ASIDE.sub("", cleaned).strip(" ,")) or cleaned


#: A relative clause opened by a preposition ("under which", "in whose name", "by whom") up to the verb: what
#: follows the pronoun is the clause's own subject.
_PREPOSITION_RELATIVE_TAIL = compile_cached(
    r",\s*(?:[a-z]+\s+){1,2}(?:which|whom|whose\s+\w+)\s+((?:the|both|all|each|its|their|his|her|[A-Z])[^,]{0,60}?)\s*$")


_APPOSITIVE_OPEN = compile_cached(r",\s+(?:a|an|the)\s")
#: "With <subject> <participle>": an absolute phrase opening the sentence.
_WITH_ABSOLUTE = compile_cached(r"\W*[Ww]ith\s+")
#: The last "and" of a phrase, with no comma after it, before words (a subject of its own; not "and said").
_LAST_AND = compile_cached(r"\sand\s+(?=\w[^,;]*\Z)(?![^,;]*\sand\s)")
#: A reporting verb's participle ("saying", "adding"), and a main clause's first finite verb or auxiliary.
_PARTICIPLE = compile_cached(r"\w+ing\b")
_MAIN_VERB = compile_cached(r"\s(?:has|have|had|is|are|was|were|will|would|did|\w+ed)\s")


#: A quotation that opens with a lowercase word: part of the sentence's own verb phrase ('"condemned in the
#: strongest terms"').
_QUOTED_VERB_PHRASE = compile_cached(r"[\"“]\s*[a-z]")
#: A preposition closing a phrase: what follows is its object.
_PREPOSITION_END = compile_cached(r"\b(?:of|to|for|as|by|with|from|about|over|on|in|at|into|against)\s*$", re.IGNORECASE)
#: Between such a quotation and a later verb: its object and "and" ("the attack and said").
_AND_BEFORE_VERB = compile_cached(r"[^,;.“\"]*\band\s+")


def _subject_before(doc: Document, sa: int, verb: int, quotes: list[Span] = (), depth: int = 0) -> Optional[Span]:
    """The noun phrase before a reporting verb: back to the sentence start, a closing quote, a
    semicolon or a coordinating clause break; when that is long, only the last comma segment."""
    text = doc.text
    if depth == 0 and _PARTICIPLE.match(text, verb) and text[sa:verb].rstrip().endswith(",") \
            and not _inside(verb, quotes):
        # "X has broadcast new pictures ..., saying he admits": the participle's subject is the main clause's
        main = _MAIN_VERB.search(text, sa, verb)
        if main is not None and 0 < len(text[sa:main.start()].split()) <= 8 \
                and not any(a < main.start() for a, _ in quotes if a >= sa):
            return sa, main.start()
    start = sa
    last_quote = None
    for a, b in quotes:
        if b <= verb:
            start = max(start, b)
            last_quote = (a, b)
    if last_quote is not None and last_quote[0] > sa:
        opened = _RELATIVE_AFTER_NAME.search(text, max(sa, last_quote[0] - 200), last_quote[0])
        if opened is not None and text[last_quote[1]:verb].rstrip().endswith(","):
            # 'X, who signed a decree authorizing "all means" to disarm Y, said': the quotation lies in a relative
            # clause; its head, not what follows the quotation, speaks
            head_start = doc.clause_start(sa, opened.start())
            if text[head_start:opened.start()].strip():
                return head_start, opened.start()
    if last_quote is not None and _QUOTED_VERB_PHRASE.match(text, last_quote[0]) \
            and _AND_BEFORE_VERB.fullmatch(text, last_quote[1], verb):
        # 'The Foreign Office "condemned in the strongest terms" the attack and said ...': a quoted verb phrase
        # and a second verb share the subject before the quotation
        subject_start = doc.clause_start(sa, last_quote[0])
        subject = text[subject_start:last_quote[0]]
        if subject.strip() and not subject.rstrip().endswith((",", ":")) and not _REPORT.search(subject) \
                and not _PREPOSITION_END.search(subject):
            # (not 'X says Beijing "regrets" ...', whose verb is outside the quotation, nor 'He accuses Georgia of
            # "barbaric" shelling', a quoted word of the object)
            aux = _aux_tail(subject)     # ('X is "very concerned"')
            return subject_start, subject_start + (aux.start() if aux else len(subject))
    start = doc.clause_start(start, verb)
    absolute = _WITH_ABSOLUTE.match(text, start, verb) if _PARTICIPLE.match(text, verb) else None
    if absolute is not None:
        start = absolute.end()       # "With the Indian Home Ministry talking about ...": the participle's subject
    dateline = _DATELINE_AT.match(text, start, verb)
    if dateline:
        start = dateline.end()
    phrase = text[start:verb]
    if _COORDINATED_IN_RELATIVE.search(text, sa, start) and _AUX.fullmatch(" " + phrase):
        # "Russia, which has a base in X but has called for ...": a verb coordinated in a relative clause is
        # the relative's name's
        opened = _RELATIVE_AFTER_NAME.search(text, sa, start)
        named = [m for m in in_range(doc.mentions, sa, opened.start()) if m.end == opened.start()] + \
                [m for m in in_range(doc.person_mentions, sa, opened.start()) if m.end == opened.start()]
        if named:
            return named[0].start, named[0].end
    joined = _LAST_AND.search(phrase)
    if joined is not None and _FINITE_CLAUSE.search(phrase, 0, joined.start()) \
            and len(phrase[joined.end():].split()) <= 8:
        # "Fighting erupted in X on Sunday and forces loyal to Y said": a second clause with a subject of its own
        start += joined.end()
        phrase = text[start:verb]
    aux = _aux_tail(phrase)
    end = start + aux.start() if aux else verb
    phrase = text[start:end]
    if not phrase.strip(" ,"):
        return None
    what = _WHAT_PRONOUN_TAIL.search(phrase)
    if what is not None:
        # "X ordered diplomats out over what it called ...": the pronoun is the main clause's subject
        end = start + what.start()
        phrase = text[start:end]
    relative = _PREPOSITION_RELATIVE_TAIL.search(phrase)
    if relative is not None:
        # "... an accord with X, under which both sides pledged": the relative clause has a subject of its own
        return start + relative.start(1), start + relative.end(1)
    tail = _PRONOUN_SUBJECT_TAIL.search(phrase)
    if tail is not None and tail.start(1) > 0:
        # "in an operation it calls ...": a relative clause without "that" speaks through its pronoun
        return start + tail.start(1), start + tail.end(1)
    if aux and phrase.endswith(",") and _RELATIVE_PRONOUN.match(text, end):
        # "... friction between X and Y, which has accused Z": the relative clause's subject is the name before it
        named = [m for m in in_range(doc.mentions, start, end) if m.end == end - 1] + \
                [m for m in in_range(doc.person_mentions, start, end) if m.end == end - 1]
        if named:
            return named[0].start, named[0].end
    bare_plural = _BARE_PLURAL_TAIL.search(phrase) or _PRONOUN_TAIL.search(phrase) or _PERSONAL_BODY_TAIL.search(phrase)
    if bare_plural:
        # "... but again failed to agree on a statement, diplomats said", "... his counterparts, she said":
        # the last comma segment speaks
        return start + bare_plural.start(1), end
    body = phrase.rstrip(" ,")
    last = body.rfind(",")
    # (an aside set off by commas may end in a time the auxiliaries pattern cut off: "X, in an interview with
    # state television on Sunday, said")
    aside_closed = phrase.rstrip().endswith(",") or text[start:verb].rstrip().endswith(",")
    if last > 0 and (rc.match(r"\s*(?:which|who|whose|whom)\b", body[last + 1:])
                     or (aside_closed and rc.match(r"\s*(?:in|at|on|with|from|during|speaking)\s", body[last + 1:]))):
        # "the Chinese Foreign Ministry, whose briefings are suspended, said", "X, in Florida with Y, said": the
        # noun before the aside
        before = body.rfind(",", 0, last)
        return start + before + 1, start + last
    if _SUBORDINATE.match(phrase) or _REPORT.search(text, start, end):
        # "After X announced the offensive, Y called ...", "In its call for ..., X asked": the main
        # clause's subject.
        comma = phrase.rfind(",")
        commas = [i for i, ch in enumerate(phrase) if ch == ","]
        if len(commas) >= 2 and not phrase[comma + 1:].strip():
            # A name set off by commas ends the phrase: "In Washington, the state department spokesman, Sean
            # McCormack, urged" (the subject starts after the comma that closes the opening clause), "The state
            # department spokesman, Sean McCormack, urged" (the name)
            comma = commas[-3] if len(commas) >= 3 else commas[-2]
        if comma >= 0:
            start = start + comma + 1
            phrase = text[start:end]
        elif _SUBORDINATE.match(phrase) or _has_speech_verb(text, start, end):
            return None              # (a noun spelled like a verb, "Russian state television", is a subject)
    came = _CAME_AFTER.search(phrase)
    if came is not None:
        # "The report of X's intervention comes after the EU warned": the clause after "after" has the verb
        return start + came.start(1), end
    trailing = _TRAILING_SPEAKER.search(phrase)
    if trailing is not None and _FINITE_CLAUSE.search(phrase, 0, trailing.start()):
        # "Saudi officials had granted permission for a search, a Turkish diplomatic source told CNN": the
        # speaker after a whole clause is the one who tells it
        return start + trailing.start(1), end
    if len(phrase.split()) > 18:
        comma = phrase.rfind(",")
        body = phrase.rstrip(" ,")
        last = body.rfind(",")
        if last >= 0 and body.rfind(",", 0, last) >= 0 and rc.match(r"\s*(?:the|a|an)\s", body[last + 1:]):
            comma = body.rfind(",", 0, last)      # "..., Dorothy Shea, the acting US ambassador to the UN,"
        if comma < 0:
            return None
        start = start + comma + 1
        if len(text[start:end].split()) > 12:
            # "..., Yi Xianliang, a senior official of the foreign ministry's department of ..., says": a named
            # person and a long appositive title
            named = [pm for pm in in_range(doc.person_mentions, start, end) if not text[start:pm.start].strip()]
            if named and _APPOSITIVE_OPEN.match(text, named[0].end, end):
                return named[0].start, end
            return None
    if _VERB_PHRASE_START.match(text, start, end):
        # "X, who ..., has compared Y to Z and said": a coordinated verb phrase; its subject is before it
        verb_phrase = start + len(text[start:end]) - len(text[start:end].lstrip())
        return _subject_before(doc, sa, verb_phrase, quotes, depth + 1) if verb_phrase > sa and depth < 2 else None
    if _has_speech_verb(text, start, end):
        return None
    return start, end


def _resolve(doc: Document, start: int, end: int, memory: _Memory, index: int):
    """(entity, person, speaker_span) for a speaker phrase; None when the phrase is no speaker."""
    text, gaz, mentions, people, person_mentions = doc.text, doc.gaz, doc.mentions, doc.people, doc.person_mentions
    state_parties = doc.state_parties
    phrase = text[start:end]
    if not rc.search(r"[A-Za-z]", phrase):
        return None
    bare = _without_openers(doc, start, end)                          # "Later Wednesday, he" -> "he"
    head = text.find(bare, start, end)
    if head > start and "," in text[start:head] and (in_range(mentions, head, end)
                                                     or in_range(doc.person_mentions, head, end)):
        # "In an apparent attempt to placate X's fears, the M23 said": a subject that names its speaker leaves
        # the fronted adverbial out (where it names none, the adverbial's place may: "In Beijing, the government")
        start = head
    bare = _STATEMENT_LEAD.sub("", bare) or bare                      # "a claim the army" -> "the army"
    pron = _PRONOUN.match(bare)
    recent = memory.last is not None and index - memory.last_sentence_index <= 3
    if pron:
        opener = _subject_before_quotation(doc, start)
        if opener is not None:
            return opener, None, (start, end)        # 'The council "condemned ...," it said'
        word = pron.group(1).lower()
        if word in ("he", "she"):
            sentence_start = doc.sentences[index][0]
            earlier = {pm.person for pm in in_range(person_mentions, sentence_start, start)
                       if not _GOVERNED_PERSON.search(text, max(sentence_start, pm.start - 60), pm.start)
                       and not doc.in_quotation(pm.start)}
            if len(earlier) == 1 and not doc.in_quotation(start):
                # "When Israel's foreign minister, X, visited Morocco ..., he said": the one person named before
                (only,) = earlier
                return people[only].affiliation, only, (start, end)
            named = _only_person_of_silent_previous_sentence(doc, index, memory)
            if named is not None:
                return people[named].affiliation, named, (start, end)
            if memory.last is not None and index - memory.last_sentence_index <= 2 and (
                    memory.last.person is not None or not _has_a_side(doc, memory.last_person)
                    # ("a man claiming to be a spokesman for X told ... He claimed": the one who spoke last)
                    or (index - memory.last_sentence_index == 1 and memory.last.entity is not None
                        and _TITLE_WORDS.search(memory.last.speaker))
                    or index - memory.last_person_index > 4
                    or in_range(doc.person_mentions, doc.sentences[memory.last_person_index][1], start)):
                prev = memory.last
                return prev.entity, prev.person, prev.speaker_span
            if memory.last_person is not None and index - memory.last_sentence_index <= 4:
                # "X says ... India has not commented. He says ...": "he" is the person who spoke last, when no
                # other person is named since, not the state that spoke last
                prev = memory.last_person
                return prev.entity, prev.person, prev.speaker_span
            # "This morning the president is addressing a rally ... He tells the crowd": the title's holder.
            titles = [t for t in _DEFINITE_LEADER.finditer(text, doc.sentences[max(0, index - 2)][0], start)
                      if not doc.in_quotation(t.start())]
            side = _title_holder_side(doc, titles[-1].group(1), titles[-1].start()) if titles else None
            return (side, None, (start, end)) if side is not None else None
        if word in ("it", "they", "we") and recent:
            return memory.last.entity, memory.last.person, memory.last.speaker_span
        return None
    definite = _DEFINITE.match(bare)
    introduced = memory.introduced.get(bare[definite.end():].lower()) if definite else None
    if introduced is not None:
        return introduced.entity, introduced.person, (start, end)   # "a Health Ministry source ... the ... source"
    if _PEOPLE_SPEAKER.match(bare) and not _BOTH_SIDES.match(bare):
        return None, None, (start, end)      # "Residents of Juba's Gudele district reported": people, not a state
    if _BOTH_SIDES.match(bare):
        named = _two_others_named(doc, doc.sentences[index][0], start)
        if named:
            # "In Moscow, where Xi of China met Putin, the two governments said": the two it named (attribute
            # adds the second)
            return named[0], None, (start, end)
        if len(doc.parties) >= 2 and not any(
                gaz.root(m.entity) not in doc.parties and gaz.entity(gaz.root(m.entity)).kind in ("state", "organisation")
                for m in in_range(mentions, doc.sentences[index][0], end)):
            # "the two sides said": each side (attribute adds the rest); not when the sentence names others
            # ("read out by the X and Y foreign ministers, the two sides said")
            return doc.parties[0], None, (start, end)
    group_parties = doc.group_parties
    rebel_label = _REBEL_LABEL.search(phrase) if len(group_parties) == 1 else None
    # The person nearest the verb heads the subject: "X and Secretary Y said", "X's adviser Y said"; not one a
    # preposition governs ("X had spoken to Mr Y by phone, urging him").
    persons = [pm for pm in in_range(person_mentions, start, end)
               if not _GOVERNED_PERSON.search(text, max(start, pm.start - 60), pm.start)
               and not _VERB_BEFORE_PERSON.search(text, max(start, pm.start - 40), pm.start)][-1:]
    entity_mention = head_entity(gaz, text, mentions, start, end)
    if persons and entity_mention is not None and entity_mention.end <= persons[0].start \
            and not _TITLE_GAP.fullmatch(text[entity_mention.end:persons[0].start]):
        persons = []         # "The ministry defended the targeting of Doe": the body speaks
    if persons:
        person = people[persons[0].person]
        if person.affiliation is None and recent and memory.last.entity and memory.last.person is None \
                and _BODY_WORDS.search(memory.last.speaker) is None and _TITLE_WORDS.search(memory.last.speaker):
            # "The presidency's communications director urged ... X said": the official just named.
            person.affiliation = memory.last.entity
        entity = person.affiliation
        if rebel_label is not None and (entity is None or person.guessed) and entity_mention is None:
            entity = group_parties[0]      # "Separatist spokesman X", "a spokesman for the group, X": the one group side
        elif (entity is None or person.guessed) and entity_mention is not None:
            # for this sentence only; what the speaker phrase says ("X, the head of the Y monitor") outweighs a
            # side guessed from the sentences around the name
            entity = gaz.root(entity_mention.entity)
        elif entity is None and _ARMY_GENERIC.search(phrase) and len(state_parties) == 1:
            entity = state_parties[0]                    # "Army spokesman X" in a war of one state
        return entity, person.id, (start, end)
    if rebel_label is not None and entity_mention is None:
        return group_parties[0], None, (start, end)      # "a rebel spokesman said": the one group side
    if entity_mention is not None:
        root = gaz.root(entity_mention.entity)
        if gaz.entity(root).kind in ("media", "monitor"):
            return None, None, (start, end)     # "according to a <wire> report": no side speaks
        return root, None, (start, end)
    place = (_IN_PLACE_OPENING.match(phrase) if _BODY_WORDS.search(bare) else None) or _OFFICIALS_IN.search(phrase)
    if place:
        # "In London, a foreign office spokesperson said", "officials in Khartoum said": an unowned body or
        # officials of the state whose capital it names
        for m in in_range(mentions, start + place.start(1), start + place.end(1)):
            root = gaz.root(m.entity)
            if gaz.entity(root).kind == "state" and m.form in ("name", "metonym"):
                return root, None, (start, end)
    if _PERSONAL_BODY.match(bare):
        # "Prime Minister X cut short a visit and returned home, his office said": the office of the person named
        # before it in the sentence
        sentence_start = doc.sentences[index][0]
        named = [pm for pm in in_range(person_mentions, sentence_start, start)
                 if not _GOVERNED_PERSON.search(text, max(sentence_start, pm.start - 60), pm.start)]
        if named:
            person = people[named[0].person]
            return person.affiliation, person.id, (start, end)
    if _POSSESSIVE_BODY.match(bare):
        owner = _previous_subject(doc, start)
        if owner is not None:
            return owner, None, (start, end)      # "China, for its part, was unmoved. Its foreign ministry said"
    if _STATEMENT_BACKREF.match(bare) and memory.last_statement is not None \
            and index - memory.last_statement_index <= 6:
        # "The new statement said": whoever issued the statement, not the last speaker.
        prev = memory.last_statement
        return prev.entity, prev.person, (start, end)
    if _DEFINITE_BACKREF.match(bare) and not _NAMED_BODY.search(bare):
        named = named_antecedent(doc, bare, start)
        if named is not None:
            return named, None, (start, end)       # "The UN Security Council ... , the council said"
        owner = _unowned_body_side(doc, bare, phrase, start)
        if owner is not None:
            return owner, None, (start, end)       # what the text is about beats who spoke last
        if recent:
            return memory.last.entity, memory.last.person, (start, end)
    if _ARMED_BODY.search(bare) and len(state_parties) == 1 and len(phrase.split()) <= 6:
        return state_parties[0], None, (start, end)     # "Government forces", "the national army"
    if _ARMED_BODY.search(bare) and len(phrase.split()) <= 4:
        owner = named_antecedent(doc, bare, start) or _last_army_owner(doc, start)
        if owner is not None:
            return owner, None, (start, end)            # "the <demonym> military ... The army said"
    if _OFFICIALDOM.match(bare) and len(state_parties) == 1:
        return state_parties[0], None, (start, end)     # "Official figures say" in a state-against-group war
    if _BARE_OFFICIALS.fullmatch(bare):
        home = here_state(doc, start) if _HERE_AFTER.search(bare) else _dateline_state(gaz, text)
        if home is not None and home in doc.parties:
            return home, None, (start, end)             # "ISLAMABAD (AP) — ..., officials said": the dateline's;
                                                        # "Officials here say": where the correspondent is
    leader_body = _UNOWNED_STATE_BODY.match(bare)
    if leader_body is not None and leader_body.group("title") and len(phrase.split()) <= 6:
        # "The Prime Minister's spokesman": the holder's side, or the text's, never the last speaker's by default
        return _unowned_body_side(doc, bare, phrase, start), None, (start, end)
    if recent and memory.last.entity and len(phrase.split()) <= 8 and _BODY_WORDS.search(phrase) \
            and not _PROPER_BODY.search(phrase) and not _AT_A_PLACE.search(phrase):
        # "A foreign ministry statement said ..." right after that country spoke (not "officials at Dodan
        # Barracks", who are where the text puts them, not the last speaker's)
        return memory.last.entity, None, (start, end)
    owner = _unowned_body_side(doc, bare, phrase, start)
    if owner is not None:
        return owner, None, (start, end)        # "the government said", "the president's office says"
    generic = next((n for n in gaz.generic_group_nouns if re.search(rf"\b{n}\b", phrase, re.IGNORECASE)), None)
    if generic:
        group = _last_group_before(doc, start)
        if group:
            return group, None, (start, end)
    if _ARMY_GENERIC.search(phrase) and len(state_parties) == 1:
        return state_parties[0], None, (start, end)
    if len(phrase.split()) <= 8 and (rc.search(r"\b[a-z]+", phrase) or rc.fullmatch(r"\s*[A-Z][\w’'\-]+\s*", bare)):
        return None, None, (start, end)        # a speaker outside any known body ("the resident", "Doe")
    return None


#: A state's body named with no state: "the government", "the Ministry of Defence", "the president's office",
#: "the Prime Minister's spokesman" (not an embassy, which stands in another state).
_UNOWNED_STATE_BODY = compile_cached(
    rf"^\W*the\s+(?:(?P<title>{lexicon.alternation(lexicon.entries('leader_titles'))})['’]s\s+"
    r"(?:office|spokes(?:man|woman|person)|aides?|press\s+secretary)|(?:[a-z]+\s+)?(?:government|cabinet|presidency)|"
    r"(?:[a-z]+\s+)?ministry|Ministry\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\W*$", re.IGNORECASE)
#: A leader named by title alone: "the president", "the prime minister".
_DEFINITE_LEADER = compile_cached(rf"\b[Tt]he\s+({lexicon.alternation(lexicon.entries('leader_titles'))})\b(?![’'\-])",
                                  re.IGNORECASE)
#: How far back (characters) a title looks for its holder ("the president's office" -> "President X" before).
_TITLE_LOOKBACK = 3000


def _two_others_named(doc: Document, sa: int, pos: int) -> list[str]:
    """The two states, neither a side, that a sentence names before ``pos`` (by name or through their leaders
    the office-holder data knows), when it names exactly two and no side; else []."""
    gaz, people = doc.gaz, doc.people
    found = [gaz.root(m.entity) for m in in_range(doc.mentions, sa, pos)]
    found += [people[pm.person].affiliation for pm in in_range(doc.person_mentions, sa, pos)]
    states = list(dict.fromkeys(e for e in found if e is not None and gaz.entity(e) is not None
                                and gaz.entity(e).kind == "state"))
    return states if len(states) == 2 and not set(states) & set(doc.parties) else []


def _unowned_body_side(doc: Document, bare: str, phrase: str, pos: int) -> Optional[str]:
    """The state party an unowned body of a state belongs to ("the government", "the president's office"):
    the holder's of the title it is named after, else the one the text around it is about."""
    if not (_UNOWNED_STATE_BODY.match(bare) and len(phrase.split()) <= 6 and doc.state_parties):
        return None
    title = _UNOWNED_STATE_BODY.match(bare).group("title")
    return (title and _title_holder_side(doc, title, pos)) or _side_the_text_is_about(doc, pos)


def _title_holder_side(doc: Document, title: str, pos: int) -> Optional[str]:
    """The side of the holder of ``title`` (a body named after it: "the president's office"; "the president",
    then "he"): the last person the text gave that title before ``pos`` ("President X", "<State>'s president, X")."""
    text, people = doc.text, doc.people
    word = re.compile(rf"\b{re.escape(title)}\b", re.IGNORECASE)
    hits = list(word.finditer(text, max(0, pos - _TITLE_LOOKBACK), pos))
    for hit in reversed(hits):
        for pm in in_range(doc.person_mentions, hit.end(), hit.end() + 40):
            if rc.fullmatch(r"[\s,]*(?:[A-Z][\w.\-]*\s+){0,2}", text[hit.end():pm.start]):
                side = people[pm.person].affiliation
                if side in doc.parties:
                    return side
        owner = head_entity(doc.gaz, text, doc.mentions, max(0, hit.start() - 30), hit.start())
        if owner is not None and doc.gaz.root(owner.entity) in doc.parties \
                and rc.fullmatch(r"(?:[’']s)?\s*", text[owner.end:hit.start()]):
            return doc.gaz.root(owner.entity)
    return None


def _side_the_text_is_about(doc: Document, pos: int) -> Optional[str]:
    """The state party this paragraph up to ``pos`` names most often as an actor (not a place, not inside a
    quotation), or where it names none, the paragraph before; only when one is named more than any other: whose
    unowned government body speaks."""
    paragraph = bisect.bisect_right(doc.paragraphs, (pos, len(doc.text) + 1)) - 1
    if paragraph < 0:
        return None
    counts = _state_party_counts(doc, doc.paragraphs[paragraph][0], pos)
    if not counts and paragraph > 0:
        counts = _state_party_counts(doc, doc.paragraphs[paragraph - 1][0], doc.paragraphs[paragraph][0])
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _state_party_counts(doc: Document, start: int, end: int) -> dict[str, int]:
    """How often text[start:end] names each state party as an actor (persons included; places and quotations not)."""
    gaz, text = doc.gaz, doc.text
    counts: dict[str, int] = {}
    for m in in_range(doc.mentions, start, end):
        root = gaz.root(m.entity)
        if root in doc.state_parties and not m.backed and not doc.in_quotation(m.start) \
                and not _LOCATIVE.search(text, max(0, m.start - 30), m.start):
            counts[root] = counts.get(root, 0) + 1
    for pm in in_range(doc.person_mentions, start, end):
        side = doc.people[pm.person].affiliation
        if side in doc.state_parties and not doc.in_quotation(pm.start):
            counts[side] = counts.get(side, 0) + 1
    return counts




def _subject_before_quotation(doc: Document, pos: int) -> Optional[str]:
    """The body or state that opens a sentence before a quotation, when a pronoun after the quotation
    speaks: 'The U.N. Security Council meanwhile “strongly condemned ...,” it said'."""
    index = bisect.bisect_right(doc.sentences, (pos, len(doc.text) + 1)) - 1
    if index < 0:
        return None
    sa = doc.sentences[index][0]
    quotes = [q for q in doc.quotes_in(sa, pos) if q[1] <= pos]
    if not quotes or quotes[0][0] <= sa:
        return None
    m = head_entity(doc.gaz, doc.text, doc.mentions, sa, quotes[0][0])
    if m is None or m.start - sa > 40:
        return None
    ent = doc.gaz.entity(doc.gaz.root(m.entity))
    return ent.id if ent is not None and ent.kind not in ("media", "monitor") else None


#: "..., a claim the army rejected": the noun of statement before the one who answers it.
_STATEMENT_LEAD = compile_cached(rf"^(?:a|an|the)\s+(?:{lexicon.alternation(lexicon.nouns_with_plurals('statement_nouns'))}|"
                                 r"charges?)\s+(?=(?:the|a|an|[A-Z])\b)")
#: A body named in full ("the Department of Defense"): not the last speaker's body by default.
#: "officials in Khartoum", "the Foreign Ministry in Berlin", "a spokesman in Rome": people or a ministry of the state whose capital is
#: named (not an embassy: "the embassy in Manila" is another state's).
#: A body placed by a name: "officials at Dodan Barracks", "sources in Lagos".
_AT_A_PLACE = compile_cached(r"\b(?:at|in|from)\s+(?:the\s+)?[A-Z]")
_OFFICIALS_IN = compile_cached(r"\b(?i:officials|authorities|diplomats|sources|ministry|government|presidency|"
                               r"spokes(?:man|woman|person))\s+in\s+"
                               r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s*$")
_IN_PLACE_OPENING = compile_cached(r"\s*In\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?),")
_PERSONAL_BODY = compile_cached(r"^\W*(?:his|her)\s+(?:[\w\-]+\s+){0,2}(?:office|spokes(?:man|woman|person)|aides?|"
                                r"ministry|press\s+secretary|chief\s+of\s+staff)\W*$", re.IGNORECASE)
#: "..., his office said": the last comma segment speaks (for the person named before it).
_PERSONAL_BODY_TAIL = compile_cached(r",\s+((?:his|her)\s+(?:[\w\-]+\s+){0,2}(?:office|spokes(?:man|woman|person)|aides?|"
                                     r"ministry|press\s+secretary|chief\s+of\s+staff))\s*$", re.IGNORECASE)
_PROPER_BODY = compile_cached(r"\b[A-Z][a-z]+\s+of\s+(?:the\s+)?[A-Z][a-z]+")
_POSSESSIVE_BODY = compile_cached(r"^\W*(?:its|their)\s+(?:[\w\-]+\s+){0,3}(?:ministry|department|office|government|"
                                  r"spokes(?:man|woman|person)|military|army|forces|embassy|mission|president|"
                                  r"leader|chief)\b", re.IGNORECASE)


def _previous_subject(doc: Document, pos: int) -> Optional[str]:
    """The state or body the sentence before ``pos`` is about: its first named actor that is not a place."""
    text, gaz, mentions = doc.text, doc.gaz, doc.mentions
    index = bisect.bisect_right(doc.sentences, (pos, len(text) + 1)) - 1
    if index < 1:
        return None
    for m in in_range(mentions, doc.sentences[index - 1][0], doc.sentences[index][0]):
        ent = gaz.entity(gaz.root(m.entity))
        if ent is None or ent.kind in ("media", "monitor") or m.backed:
            continue
        if _LOCATIVE.search(text, max(0, m.start - 30), m.start):
            continue
        return ent.id
    return None


#: A side named as the doer of an act of war ("Russia struck", "X's forces have shelled").
_HOSTILE_AFTER = compile_cached(r"[’']?s?\s+(?:(?:forces|troops|army|military|jets|drones|missiles)\s+)?(?:has\s+|have\s+|had\s+)?"
                                rf"(?:{lexicon.alternation(lexicon.finite_forms('actions'))}|violated)\b", re.IGNORECASE)


#: Where a reported clause opens: right after a verb of saying or "that".
_REPORTED_CLAUSE_OPENS = compile_cached(rf"(?:{_VERBS}|\bthat)\s+\Z")
#: A side's own intention: "Turkey would review", "Spain will not accept", "Kenya is ready to".
_INTENT_AFTER = compile_cached(r"\s+(?:would|will|won['’]t|intends|plans|is\s+ready|was\s+ready|is\s+prepared|"
                               r"was\s+prepared|has\s+decided|had\s+decided)\b")


def _accuser_side(doc: Document, sa: int, sb: int, speaker: Span) -> Optional[str]:
    """A speaker of no known side who says one side attacked ("“Today, Russia struck ...,” President X
    wrote") speaks for the other side; one who says what a side will do ("X said Turkey would review its
    ties") speaks for that side."""
    text, gaz, mentions = doc.text, doc.gaz, doc.mentions
    parties = doc.parties
    accused = set()
    for m in in_range(mentions, sa, sb):
        if speaker[0] <= m.start < speaker[1]:
            continue
        root = gaz.root(m.entity)
        if root in parties and _HOSTILE_AFTER.match(text, m.end):
            accused.add(root)
    if len(accused) == 1:
        (side,) = accused
        return next(p for p in parties if p != side)
    if accused:
        return None
    # "Deputy Prime Minister X said Turkey would review its ties": a side that opens the reported clause with
    # what it will do is the speaker's own (a government announces its own steps, not its enemy's)
    announced = {gaz.root(m.entity) for m in in_range(mentions, speaker[1], sb)
                 if gaz.root(m.entity) in parties and _REPORTED_CLAUSE_OPENS.search(text, max(sa, m.start - 12), m.start)
                 and _INTENT_AFTER.match(text, m.end)}
    return next(iter(announced)) if len(announced) == 1 else None


def _last_army_owner(doc: Document, pos: int) -> Optional[str]:
    """The state whose army, military or forces the text named last, shortly before ``pos``."""
    text, gaz, mentions = doc.text, doc.gaz, doc.mentions
    for m in reversed(in_range(mentions, max(0, pos - _ARMY_LOOKBACK), pos)):
        root = gaz.root(m.entity)
        ent = gaz.entity(root)
        if ent is not None and ent.kind == "state" and _ARMY_AFTER.match(text, m.end):
            return root
    return None


def _last_group_before(doc: Document, pos: int) -> Optional[str]:
    """The armed group named last before ``pos``, else the first group among the parties."""
    gaz, mentions = doc.gaz, doc.mentions
    # back from ``pos``, not through every mention from the text's start (once per such speaker: a long
    # article would pay for its length squared)
    for i in range(bisect.bisect_left(mentions.starts, pos) - 1, -1, -1):
        if gaz.entity(mentions[i].entity).kind == "group":
            return gaz.root(mentions[i].entity)
    groups = doc.group_parties
    return groups[0] if groups else None


#: An aside between dashes or brackets: "the four guarantors - A, B, C and D - have met".
_ASIDE = compile_cached(r"\s[-–—]\s[^-–—.;]{1,160}?\s[-–—](?=\s)|\s\([^()]{1,160}\)")


#: A reporting verb's "that", opening the clause it reports ("told the agency that").
_THAT_CLAUSE = compile_cached(rf"{_VERBS}[^,;.“\"]{{0,60}}?\bthat\s+(?![^,;]*\bthat\s)")


def _action(doc: Document, sa: int, sb: int) -> Optional[Attribution]:
    """A third party doing something about the conflict with no reporting verb: "X will take
    the clashes to the Security Council", "the alliance released images"."""
    text, gaz, mentions, people, person_mentions = doc.text, doc.gaz, doc.mentions, doc.people, doc.person_mentions
    parties = doc.parties
    sentence = text[sa:sb]
    # the first act the sentence's subject does: not a compound adjective ("Iran's U.S.-sanctioned Quds Force",
    # "Iran-backed groups": background) nor a passive ("the ambassador was summoned")
    verb = next((v for v in _ACTION_VERBS.finditer(sentence)
                 if not sentence[:v.start()].endswith("-") and not (
                     _PASSIVE_BEFORE.search(sentence, max(0, v.start() - 30), v.start())
                     and not v.group().split()[0].endswith("ing"))),
                None)
    if verb is None:
        return None
    names_a_side = any(gaz.root(m.entity) in parties for m in in_range(mentions, sa + verb.end(), sb))
    if not (names_a_side or _CONFLICT_WORDS.search(sentence) or _paragraph_about_the_conflict(doc, sa, sb)):
        return None
    subject_end = sa + verb.start()
    dateline = _DATELINE_AT.match(text, sa, subject_end)
    # "CITY, Country (Wire) — X blocked ...": the dateline's place does not act.
    subject_start = dateline.end() if dateline else sa
    reported = _THAT_CLAUSE.search(text, subject_start, subject_end)
    if reported is not None:
        subject_start = reported.end()   # "X told Mauritania's news agency that it had taken": the clause's own subject
    aside = _ASIDE.search(text, subject_start, subject_end)
    if len(text[subject_start:subject_end].split()) - (len(aside.group().split()) if aside else 0) > 14:
        return None                  # (an aside between dashes or brackets is no length of the subject's own)
    persons = in_range(person_mentions, subject_start, subject_end)
    if persons:
        person = people[persons[0].person]
        if person.affiliation and (person.affiliation not in parties or _DIPLOMATIC_ACT.fullmatch(verb.group())):
            # a third party's act; a side's diplomatic act ("Foreign Minister X summoned the ambassador") is its
            # account, as when the side itself is the subject
            return Attribution((sa, sb), text[subject_start:subject_end].strip(" ,"), (subject_start, subject_end),
                               person.affiliation, person.id, "action")
        return None
    # "Envoys of the guarantors of the X accord - A, B and C - met": the aside names who acts.
    m = (aside and head_entity(gaz, text, mentions, aside.start(), aside.end())) \
        or head_entity(gaz, text, mentions, subject_start, subject_end)
    if m is None:
        return None
    root = gaz.root(m.entity)
    if gaz.entity(root).kind not in ("state", "organisation"):
        return None
    if root in parties and not _DIPLOMATIC_ACT.fullmatch(verb.group()):
        return None                  # a side's deeds are events; its diplomatic acts ("summoned the envoy") its account
    # The whole subject is the speaker's span: "X and Y brokered a truce" acts together (co-actors).
    return Attribution((sa, sb), text[m.start:m.end], (m.start, subject_end), root, None, "action")


def _paragraph_about_the_conflict(doc: Document, sa: int, sb: int) -> bool:
    """The sentence's paragraph names a side or the conflict's vocabulary: a third party's act there ("Iran
    blamed the US for the crisis. ... Iranian officials also offered to supply food") is about the conflict."""
    index = bisect.bisect_right(doc.paragraphs, (sa, len(doc.text) + 1)) - 1
    pa, pb = doc.paragraphs[index] if index >= 0 else (sa, sb)
    if index > 0 and pa >= sa and pb <= sb + 1:
        pa = doc.paragraphs[index - 1][0]      # a paragraph of one sentence (news style) continues the one before
    pa, pb = min(pa, sa), max(pb, sb)
    return bool(_CONFLICT_WORDS.search(doc.text, pa, pb)) or any(
        doc.gaz.root(m.entity) in doc.parties for m in in_range(doc.mentions, pa, pb))


#: The reporting verbs right after a name that are never a noun there ("Russia claims" is, "the Syrian claim" is not).
_FINITE_VERBS = rf"(?<![\w-])(?:{lexicon.alternation(set(_REPORTING_FORMS) - _BARE_FORMS)})(?![\w-])"
_CLAUSE_ACTOR = compile_cached(
    rf"(?:[’']s\s+(?:foreign\s+|defense\s+|defence\s+)?(?:ministry|government|office|embassy))?"
    rf"(?:\s+nations|\s+officials|\s+governments?)?(?:\s+(?:on|last|this)\s+\w+|\s+also|\s+has|\s+have|"
    rf"\s+later|\s+\w+ly|\s+had|\s+will|\s+would)*\s+(?:{_FINITE_VERBS}|{_DIPLOMATIC_ACTS})\b")
#: A person's own act right after their name: "Y offered", "Y has also called for".
_PERSON_ACTS = compile_cached(rf"(?:\s+(?:has|have|had|also|\w+ly))*\s+(?:{_FINITE_VERBS}|{_ACTS})\b")
#: "..., while <title> Y": a clause of its own opens before the name.
_WHILE_BEFORE = compile_cached(r"(?:,\s*|\b)(?:while|whereas)\s+(?:[A-Z][\w.\-]*\s+){0,4}$")
_MEDIATION_AFTER = compile_cached(rf"(?:['’]s)?\s+(?:{lexicon.alternation(lexicon.entries('mediation_nouns'))})\b")
_COUNTERPART_AFTER = compile_cached(r"(?:['’]s)?\s+(?:[a-z]+\s+)?counterparts?\b")
_MEDIATION_NOUN = compile_cached(rf"\b(?:{lexicon.alternation(lexicon.entries('mediation_nouns'))})\b")
_STATE_PEOPLE_AFTER = compile_cached(r"\s+(?:nations|officials|governments?|leaders|authorities|diplomats)\b")
_CO_CUE = compile_cached(rf"\b(?:{_VERBS}|{_ACTS}|from)\b")
_LIST_GAP = compile_cached(r",\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
_ROUTE_BEFORE = compile_cached(r"\b(?:flew|flown|fly|flies|flying|travel+ed|travel+ing|travels?|drove|driven|sailed|went|"
                               r"came|returned|headed|moved|shuttled|journeyed)\s+$")
#: Capitalised names, perhaps joined by "and", "of", "the" ("the United States and the European Union").
_NAMES = r"(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+(?:and|of|the|[A-Z][\w'’.\-]*)){0,8}?"
#: ("from" at a word start, checked after its "f", as _PRONOUN_SUBJECT_TAIL.)
_LIST_FROM_TO = compile_cached(r"f(?<![\w][\s\S])rom\s+(" + _NAMES + r")\s+to\s+(" + _NAMES + r")"
                               r"(?=\s+(?:\w+\s+){0,2}?(?:criticized|criticised|condemned|said|have|has|"
                               r"expelled|called|urged|followed|joined|announced)|[,.;]|$)")


#: "in" or "at" right before a place name: where something is.
_IN_PLACE_BEFORE = compile_cached(r"\b(?:in|at)\s+(?:the\s+)?\Z")


def _co_actors(doc: Document, sa: int, sb: int, found: Optional[Attribution]) -> tuple:
    """Other states/organisations acting in the same sentence: "X ordered 13 diplomats to leave
    and Y expelled seven", "officials from X to Y criticized", "from W and X to Y and Z"."""
    text, gaz, mentions = doc.text, doc.gaz, doc.mentions
    if not _CO_CUE.search(text, sa, sb) and not _MEDIATION_NOUN.search(text, sa, sb) \
            and "counterpart" not in text[sa:sb]:
        return ()
    out = []
    own = found.entity if found is not None else None
    speaker_span = found.speaker_span if found is not None and found.speaker_span else None
    in_sentence = in_range(mentions, sa, sb)
    reported_end = _reported_by_a_trailing_speaker(text, sa, sb, found)
    asides = [m.span() for m in _RELATIVE_ASIDE.finditer(text, sa, sb)]
    for m in in_sentence:
        if m.start < reported_end and gaz.root(m.entity) in doc.parties:
            continue                 # a side acting in what another reports is no voice of its own
        if any(a < m.start < b for a, b in asides):
            continue                 # "Hamas, whose seizure of Gaza led to Israel imposing a blockade, applauded"
        if speaker_span and speaker_span[0] <= m.start < speaker_span[1] \
                and _IN_PLACE_BEFORE.search(text, max(0, m.start - 12), m.start):
            continue                 # where the speaker sits, not who acts: "X's embassy in <capital> said"
        root = gaz.root(m.entity)
        ent = gaz.entity(root)
        if ent is None or ent.kind not in ("state", "organisation") or m.backed or root == own:
            continue
        if root not in doc.parties and (_MEDIATION_AFTER.match(text, m.end, sb)
                                        or _COUNTERPART_AFTER.match(text, m.end, sb)):
            # "Egyptian efforts to end the flare-up", "spoke by phone with his Chinese counterpart": a third
            # party's act
            out.append(root)
            continue
        if m.form == "demonym" and not _STATE_PEOPLE_AFTER.match(text, m.end, sb):
            continue                 # "Russians had joined": people, not their state
        acting = _CLAUSE_ACTOR.match(text, m.end, sb)
        if acting and not _TEMPORAL_BEFORE.search(text, max(sa, m.start - 20), m.start) \
                and not _WHAT_BEFORE.search(text, max(sa, m.start - 8), m.start) \
                and not acting.group().split()[0] == "to":
            # (not "hours after Pyongyang announced ...": background to the main clause; not "urging X to
            # suspend": X is the object)
            out.append(root)
    for pm in in_range(doc.person_mentions, sa, sb):
        # "X appealed for calm, while Gambian President Y offered his good offices": a person acting in a
        # clause of their own
        if speaker_span and speaker_span[0] <= pm.start < speaker_span[1]:
            continue
        side = doc.people[pm.person].affiliation
        ent = gaz.entity(side) if side else None
        if ent is not None and ent.kind in ("state", "organisation") and side != own \
                and _PERSON_ACTS.match(text, pm.end, sb) \
                and _WHILE_BEFORE.search(text, max(sa, pm.start - 60), pm.start):
            out.append(side)
    if found is not None and found.speaker_span and found.entity:
        # "Foreign ministers in X and Y also condemned": coordinated names speak together.
        inside = in_range(mentions, found.speaker_span[0], found.speaker_span[1])
        for m1, m2 in zip(inside, inside[1:]):
            if rc.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", text[m1.end:m2.start]) \
                    and not _POSSESSIVE_AFTER.match(text, m2.end):
                for m in (m1, m2):
                    root = gaz.root(m.entity)
                    ent = gaz.entity(root)
                    if ent is not None and ent.kind in ("state", "organisation") and root != own:
                        out.append(root)
    if found is not None and found.speaker_span:
        # "French President X and German Chancellor Y held talks": coordinated people act together.
        persons = in_range(doc.person_mentions, found.speaker_span[0], found.speaker_span[1])
        for p1, p2 in zip(persons, persons[1:]):
            if rc.search(r"\band\b", text[p1.end:p2.start]) and not rc.search(r"[,;]", text[p1.end:p2.start]):
                for pm in (p1, p2):
                    side = doc.people[pm.person].affiliation
                    ent = gaz.entity(side) if side else None
                    if ent is not None and ent.kind in ("state", "organisation") and side != own:
                        out.append(side)
    for lst in _LIST_FROM_TO.finditer(text, sa, sb):
        if _ROUTE_BEFORE.search(text, max(sa, lst.start() - 20), lst.start()):
            continue                 # "flew from X to Y": a journey, not a list of states
        for m in in_range(mentions, lst.start(), lst.end()):
            root = gaz.root(m.entity)
            ent = gaz.entity(root)
            if ent is not None and ent.kind in ("state", "organisation") and root != own:
                out.append(root)
    if out or own:
        # "including Oman, Bahrain, Jordan, the United Arab Emirates and Egypt, which all put out statements":
        # the names of one list act together.
        acting = set(out) | {own}
        links = [(gaz.root(m1.entity), gaz.root(m2.entity)) for m1, m2 in zip(in_sentence, in_sentence[1:])
                 if _LIST_GAP.fullmatch(text, m1.end, m2.start) and not _POSSESSIVE_AFTER.match(text, m2.end)]
        grown = True
        while grown:
            grown = False
            for r1, r2 in links:
                if (r1 in acting) == (r2 in acting):
                    continue
                other = r2 if r1 in acting else r1
                ent = gaz.entity(other)
                if ent is not None and ent.kind in ("state", "organisation") and other != own \
                        and other not in doc.parties:
                    out.append(other)
                    acting.add(other)
                    grown = True
    return tuple(dict.fromkeys(out))
