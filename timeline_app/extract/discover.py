"""Armed groups and bodies the gazetteer does not know, introduced by the article itself.

News writers spell out an unfamiliar group once with its acronym: "the Jama'at Nusrat Forces (JNF)".
Such a definition whose words name a fighting or political body becomes an entity for this article
only, with the acronym and the long form as its names.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from .actors import acts_after, slug, speaks_after
from .gazetteer import Entity, Gazetteer, get as base_gazetteer, trie_regex
from . import regex_cache as rc
from ..knowledge import lexicon
from .regex_cache import compile_cached
from .timex.lexicon import MONTHS, WEEKDAYS

# The patterns that scan the whole text check a word's start after its first character ("[A-Z](?<![\w][\s\S])" is
# "(?<![\w])[A-Z]"): a pattern that opens with a character (class) lets the engine skip at C speed to where such
# a character stands, one that opens with "\b" or a lookbehind is tried at every position (~3x slower on 1 MB).
#: "Long Form (ACR)": up to 8 capitalised words, perhaps after "the", then the acronym in brackets.
_DEFINITION = compile_cached(
    r"([tA-Z](?<![\w][\s\S])(?:(?<=t)he\s+[A-Z]|(?<=[A-Z]))[\w'’\-]*\s+(?:(?:of|for|and|the|al|el|wal)[\s\-]+)*"
    r"(?:[A-Z][\w'’\-]*\s+(?:(?:of|for|and|the|al|el|wal)[\s\-]+)*){0,7})\(([A-Z][A-Za-z0-9\-]{1,7})\)")
#: The wire-copy form of the same: "the Rapid Support Forces, or RSF,": found from its ", or ACRONYM" tail (a
#: cheap scan), then the name before it.
_OR_ACRONYM = compile_cached(r",\s+or\s+([A-Z][A-Z0-9\-]{1,7})(?![\w\-])")
_NAME_BEFORE = compile_cached(
    r"(?<![\w'’\-])((?:the\s+)?(?:[A-Z][\w'’\-]*\s+(?:(?:of|for|and|the|al|el|wal)[\s\-]+)*){0,7}[A-Z][\w'’\-]*)\Z")
#: What the text calls the body just before naming it ("The rebel coalition, known as ..."): a name without
#: a telling head word ("Permanent Strategic Framework") is still a group's.
_GROUP_CUE_BEFORE = compile_cached(
    r"\b(?:rebels?|separatists?|militants?|insurgents?|militias?|jihadists?|guerrillas?|armed|paramilitary|"
    r"coalition|alliance|group|movement|faction)\s*,?\s+(?:(?:known|referred\s+to)\s+as|called|named|dubbed)\s+$",
    re.IGNORECASE)
_ARMED_CUE = compile_cached(r"\b(?:rebel|separatist|militant|insurgent|militia|jihadist|guerrilla|armed|paramilitary)",
                            re.IGNORECASE)
#: Head words of an armed group's name, and of any organised body's (which includes the armed ones).
_ARMED_HEADS = (r"Forces|Force|Front|Army|Movement|Brigades?|Liberation|Militia|Revolutionary|Group|Jihad|"
                r"Resistance|Defen[cs]e|Units|Battalions?|Guards?|Mujahideen|Rebels|Rifles")
_ARMED_WORD = compile_cached(rf"\b(?:{_ARMED_HEADS})\b")
_BODY_WORD = compile_cached(rf"\b(?:{_ARMED_HEADS}|Party|Council|Alliance|Coalition|Organi[sz]ation|Committees?|Congress|"
                            r"Union|Authority)\b")


#: The word right before a name ("Indian" of "Indian Border Security Force"), possessive and all ("India's").
_WORD_BEFORE_NAME = compile_cached(r"([A-Z][\w\-]*?)(?:['’]s)?\s+\Z")
#: The rest of a name that opens with a state's: a state institution (forces, ministry, police, coast guard ...;
#: "Uganda People's Defence Force", "Japan Maritime Self-Defense Force"), not an armed group of that country
#: ("Sudan People's Liberation Army").
_STATE_BODY = compile_cached(r"^(?:(?:National|Armed|Defen[cs]e|Ground|Air|Naval|Border|Security|Police|Federal|Special|"
                             r"Military|Intelligence|Foreign|Interior|Presidential|Coast|Maritime|Self-Defen[cs]e|"
                             r"People['’]?s)\s+)+(?:Forces?|Ministry|Police|"
                             r"Service|Guards?|Army|Navy|Command|Council|Agency|Office|Corps|Rifles)$|"
                             r"^(?:Army|Navy|Air\s+Force|Rifles|"
                             r"Armed\s+Forces|Defen[cs]e\s+Forces?|Police)$")
#: "troops under rebel general <Name>": a force the article knows only by its leader's name.
_LED_BY = compile_cached(r"(?:r(?<![\w][\s\S])(?:ebel|enegade)|m(?<![\w][\s\S])ilitia|i(?<![\w][\s\S])nsurgent|"
                         r"w(?<![\w][\s\S])arlord|g(?<![\w][\s\S])uerrilla)\s+(?:leader|general|commander|chief|"
                         r"chieftain)\s+((?:[A-Z][\w'’\-]+\s+){0,2}[A-Z][\w'’\-]+)")
#: A word of 2 to 6 capitals.
_ACRONYM = compile_cached(r"[A-Z](?<![\w\-][\s\S])[A-Z]{1,5}(?![\w\-])")
_ACRONYM_FILLERS = r"(?:(?:of|for|and|the|al|el|wal)[\s\-]+)*"
#: At most this many unknown acronyms are matched against spelled-out names (each costs a scan).
_MAX_ACRONYMS = 12


def discover(gaz: Gazetteer, text: str) -> Gazetteer:
    """The gazetteer extended with the groups this text defines; the same object when none."""
    extra: dict[str, Entity] = {}
    extra_names: dict[str, str] = {}            # a new surface form -> the known entity it names
    _leader_forces(gaz, text, extra)
    _communities(gaz, text, extra)
    _bare_acronyms(gaz, text, extra, extra_names)
    _led_coalitions(gaz, text, extra_names)
    overrides = _branch_names(gaz, text)
    for start, long_form, acronym in _definitions(text):
        long_form = rc.sub(r"^[Tt]he\s+", "", long_form.strip())      # ("The X (XX)" opening a sentence)
        cue = _GROUP_CUE_BEFORE.search(text, max(0, start - 60), start)
        if gaz.lookup(acronym) or gaz.lookup(long_form) or not (_BODY_WORD.search(long_form) or cue):
            continue
        entity_id = slug(acronym)
        if entity_id in gaz.entities or entity_id in extra:
            continue
        owner = _owning_state(gaz, long_form) or (_state_of_the_sentence(gaz, text, start)
                                                   if _STATE_BODY.search(long_form) else None)
        if owner is not None:
            # "the Rwanda Defence Force (RDF)", "Sudanese Armed Forces (SAF)": a state's own body; "Seoul convened
            # the National Security Council (NSC)": the institution of the state its sentence names before it
            extra[entity_id] = Entity(entity_id, long_form, "body", owner, (acronym, long_form), (), ())
            continue
        armed = _ARMED_WORD.search(long_form) or (cue and _ARMED_CUE.search(text, max(0, cue.start() - 25), cue.end()))
        extra[entity_id] = Entity(entity_id, acronym, "group" if armed else "organisation", None,
                                  (acronym, long_form), (), ())
    _unnamed_group(gaz, text, extra)
    if not extra and not extra_names and not overrides:
        return gaz
    entities = dict(gaz.entities)
    entities.update(extra)
    surface = dict(gaz.surface)
    for ent in extra.values():
        for name in ent.names:
            surface.setdefault(name, (ent.id, "name"))
    for name, entity_id in extra_names.items():
        surface.setdefault(name, (entity_id, "name"))
    surface.update({name: (entity_id, "name") for name, entity_id in overrides.items()})
    return replace(gaz, entities=entities, surface=surface, _buckets=None, _pattern=None,
                   _title_pattern=None, _body_pattern=None)


def _definitions(text: str):
    """(start, long form, acronym) of each "Long Form (ACR)" and "Long Form, or ACR" in the text. British house
    style writes a spoken acronym in title case ("the Arakan Rohingya Salvation Army (Arsa)", "Farc"): such a
    one counts where it spells the long form's initials."""
    for m in _DEFINITION.finditer(text):
        acronym = m.group(2)
        if acronym.isupper() or _spells_initials(acronym, m.group(1)):
            yield m.start(), m.group(1), acronym
    for m in _OR_ACRONYM.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, m.start() - 160), m.start())
        if name is not None:
            yield name.start(), name.group(1), m.group(1)


def _spells_initials(acronym: str, long_form: str) -> bool:
    """Whether ``acronym`` is the initials of the long form's capitalised words ("Arsa": Arakan Rohingya
    Salvation Army)."""
    initials = "".join(word[0] for word in long_form.split() if word[:1].isupper())
    initials = initials[1:] if initials[:1] == "T" and long_form.startswith("The ") else initials
    return acronym.upper() == initials.upper()


def _owning_state(gaz: Gazetteer, long_form: str) -> Optional[str]:
    """The state a body's name opens with ("Rwanda Defence Force", "Ukrainian Ground Forces"), when the rest
    names a state institution (forces, ministry, police ...), not an armed group of that country."""
    words = long_form.split()
    for n in (2, 1):
        if len(words) <= n:
            continue
        ent = gaz.lookup(" ".join(words[:n]))
        if ent is not None and ent.kind == "state" and _STATE_BODY.search(" ".join(words[n:])):
            return ent.id
    return None


def _state_of_the_sentence(gaz: Gazetteer, text: str, start: int) -> Optional[str]:
    """The state named last before ``start`` in its sentence, or None."""
    opening = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    states = [m.entity for m in gaz.mentions(text[opening:start])
              if gaz.entity(gaz.root(m.entity)).kind == "state" and not m.backed]
    return gaz.root(states[-1]) if states else None


def _leader_forces(gaz: Gazetteer, text: str, extra: dict[str, Entity]) -> None:
    """"rebel general <Given> <Family>" with no group named: his force, named by him ("<Family>")."""
    for m in _LED_BY.finditer(text):
        full = m.group(1)
        family = full.split()[-1]
        if gaz.lookup(full) or gaz.lookup(family) or _BODY_WORD.search(full):
            continue
        if any(gaz.entity(x.entity) and gaz.entity(x.entity).kind == "group"
               for x in gaz.mentions(text, max(0, m.start() - 40), m.end())):
            continue                 # "<Group> rebel leader <Name>": the group is known
        entity_id = slug(family) + "-forces"
        if entity_id in gaz.entities or entity_id in extra:
            continue
        names = tuple(dict.fromkeys((full, family)))
        extra[entity_id] = Entity(entity_id, f"{family} forces", "group", None, names, (), ())


#: After a word's first character: no word character or hyphen stood before it.
_WORD_START = r"(?<![\w\-][\s\S])"


@lru_cache(maxsize=1)
def _demonym_pair() -> re.Pattern:
    """Two states' demonyms in a row ("Bosnian Serbs", "Turkish Cypriot", "Kosovo Albanians" -- a state's name
    may open it too): a community of the one people living in the other state, not either state."""
    gaz = base_gazetteer()
    words = {form for form, (eid, kind) in gaz.surface.items()
             if kind in ("demonym", "name") and gaz.entity(eid).kind == "state" and form[:1].isupper()
             and " " not in form}
    seconds = {form for form, (eid, kind) in gaz.surface.items()
               if kind == "demonym" and gaz.entity(eid).kind == "state" and form[:1].isupper() and " " not in form}
    first = trie_regex(words, after_first=_WORD_START)
    return compile_cached(rf"({first})\s+({trie_regex(seconds)})(?![\w\-])")


def _communities(gaz: Gazetteer, text: str, extra: dict[str, Entity]) -> None:
    """A people of one state living in another, named twice or more by two demonyms ("Bosnian Serb forces",
    "the Bosnian Serbs"): a side of its own in this article (an armed community in a civil war), whose
    names are the pairs as written; neither word alone then names it."""
    seen: dict[tuple[str, str], list[str]] = {}
    for m in _demonym_pair().finditer(text):
        first, second = gaz.surface[m.group(1)][0], gaz.surface[m.group(2)][0]
        if first != second:
            seen.setdefault((first, second), []).append(m.group(0))
    for (_, people), forms in seen.items():
        if len(forms) < 2:
            continue
        names = tuple(dict.fromkeys(" ".join(form.split()) for form in forms))
        plural = max(names, key=len)
        name = plural if plural.endswith("s") else plural + "s"
        if any(gaz.lookup(form) is not None for form in (name, *names)):
            continue                 # a community the gazetteer knows ("Bosnian Serbs")
        entity_id = slug(name)
        if entity_id not in gaz.entities and entity_id not in extra:
            extra[entity_id] = Entity(entity_id, name, "group", None, names, (), ())


_LED = compile_cached(r"-led\s+(?:military\s+|international\s+|Arab\s+)?(coalition|alliance|bloc)\b")
_LEADER_BEFORE = compile_cached(r"(?<![\w\-])([A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*)?)\Z")


def _led_coalitions(gaz: Gazetteer, text: str, extra_names: dict[str, str]) -> None:
    """"the Saudi-led coalition ... The coalition said": in this article the bare noun is the side of the
    state or group that leads it (when only one is said to lead one)."""
    leaders: dict[str, set] = {}
    for m in _LED.finditer(text):
        leader = _LEADER_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if leader is None:
            continue
        known = gaz.lookup(leader.group(1)) or gaz.lookup(leader.group(1).split()[-1])   # "The Saudi-led": "Saudi"
        if known is not None and known.kind in ("state", "group"):
            leaders.setdefault(m.group(1).lower(), set()).add(known.id)
    for noun, ids in leaders.items():
        if len(ids) == 1 and noun not in gaz.surface:
            extra_names.setdefault(noun, next(iter(ids)))


def _bare_acronyms(gaz: Gazetteer, text: str, extra: dict[str, Entity], extra_names: dict[str, str]) -> None:
    """An acronym used without a definition ("the AA attacked") whose letters spell a group or body
    the text names in full ("the Arakan Army"): the same group."""
    acronyms = []
    for m in _ACRONYM.finditer(text):
        a = m.group()
        if a not in acronyms and gaz.lookup(a) is None and a not in extra and len(set(a)) >= 1:
            acronyms.append(a)
            if len(acronyms) >= _MAX_ACRONYMS:
                break
    for acronym in acronyms:
        words = [rf"{letter}[\w'’\-]*" for letter in acronym]
        # The first letter opens the pattern, and the check that no word character or hyphen stands before it
        # follows it ("A(?<![\w-]A)" is "(?<![\w-])A"): a pattern that starts with a letter lets the engine
        # skip to that letter's occurrences, where one that starts with a lookbehind is tried at every
        # position of the text (once per acronym, most of them never spelled out).
        first = acronym[0]
        words[0] = rf"{first}(?<![\w\-]{first})[\w'’\-]*"
        spelled = rc.search((r"\s+" + _ACRONYM_FILLERS).join(words) + r"(?![\w\-])", text)
        if spelled is None:
            continue
        long_form = spelled.group()
        if any(w[:1].islower() for w in long_form.split() if not rc.fullmatch(r"of|for|and|the|al|el|wal", w)):
            continue
        known = gaz.lookup(long_form)
        if known is not None and known.kind in ("group", "organisation", "body"):
            extra_names.setdefault(acronym, known.id)
        elif known is None and _ARMED_WORD.search(long_form):
            entity_id = slug(acronym)
            if entity_id not in gaz.entities and entity_id not in extra:
                # (the state may stand right before the name: "Indian Border Security Force")
                state_before = _WORD_BEFORE_NAME.search(text, max(0, spelled.start() - 30), spelled.start())
                owner = _owning_state(gaz, long_form) or (
                    _owning_state(gaz, f"{state_before.group(1)} {long_form}") if state_before else None)
                extra[entity_id] = Entity(entity_id, long_form, "body" if owner else "group", owner,
                                          (acronym, long_form), (), ())


def _branch_names(gaz: Gazetteer, text: str) -> dict[str, str]:
    """A group named as a national branch of another ("<Demonym> <Group>") that the article names:
    there the bare "<Group>" means the branch too."""
    overrides: dict[str, str] = {}
    for ent in gaz.entities.values():
        if ent.kind != "group":
            continue
        for name in ent.names:
            words = name.split()
            if len(words) < 2:
                continue
            tail = " ".join(words[1:])
            other = gaz.lookup(tail)
            # (the text is searched last: a megabyte costs a quarter of a millisecond per name)
            if other is None or other.id == ent.id or other.kind != "group" or name not in text:
                continue
            for form in other.names:
                if form == tail or form.startswith(tail + " "):
                    overrides.setdefault(form, ent.id)
    return overrides


#: A plural noun for fighters outside a state's forces (lexicon rebel_nouns), any case of its first letter.
_REBELS = compile_cached(trie_regex({form for n in lexicon.entries("rebel_nouns") if n.endswith("s")
                                     for form in (n, n[:1].upper() + n[1:])}, after_first=_WORD_START) + r"(?![\w\-])")
#: The one capitalised word before such a noun that says which fighters ("Islamist militants", "Maoist rebels").
_QUALIFIER_BEFORE = compile_cached(r"(?<![\w\-])([A-Z][a-z]+)\s+\Z")
#: Capitalised words before the noun that are no part of the group's name: function words ("The", "Some"),
#: days and months ("On Tuesday militants ..."), and a few adjectives of any fighters.
_NOT_A_NAME = frozenset(lexicon.entries("english_function_words")) | frozenset(MONTHS) | frozenset(WEEKDAYS) \
    | {"armed", "suspected", "several", "many", "two", "three", "dozens", "hundreds"}
#: An unnamed group is one the text calls by its noun this many times or more.
_UNNAMED_GROUP_MENTIONS = 2
#: "a spokesman for the militants", "the rebels' spokesman".
_SPOKESMAN_FOR = compile_cached(r"spokes(?:man|woman|person)\s+for\s+(?:the\s+)?$", re.IGNORECASE)
_SPOKESMAN_OF = compile_cached(r"['’]\s+spokes(?:man|woman|person)\b")


@lru_cache(maxsize=1)
def _group_names() -> re.Pattern:
    """The names of the gazetteer's armed groups as one pattern (a scan of the text for them alone)."""
    gaz = base_gazetteer()
    names = {form for form, (eid, _) in gaz.surface.items() if gaz.entity(eid).kind == "group"}
    return compile_cached(rf"{trie_regex(names, after_first=_WORD_START)}(?![\w\-])")


def _unnamed_group(gaz: Gazetteer, text: str, extra: dict[str, Entity]) -> None:
    """"Islamist militants attacked ... the militants said": an armed group the article never names is still
    a side. When no group the text names acts or speaks itself (one may be named as an affiliation: "a former
    commander of X", "Islamists linked to X") and it calls fighters by one plural noun (lexicon rebel_nouns)
    twice or more and lets them speak ("the militants said", "a spokesman for the militants"), that noun is this
    article's name for one group, named as the text first words it. (Fighters who only attack, with no voice, are
    left to the sides the text names: "militants infiltrated from X" in an article about X and its neighbour.)"""
    found = list(_REBELS.finditer(text))
    if len(found) < _UNNAMED_GROUP_MENTIONS or any(e.kind == "group" for e in extra.values()):
        return
    noun = found[0].group().lower()
    same = [m for m in found if m.group().lower() == noun]
    if len(same) < _UNNAMED_GROUP_MENTIONS or not any(
            speaks_after(text, m.end()) or _SPOKESMAN_OF.match(text, m.end())
            or _SPOKESMAN_FOR.search(text, max(0, m.start() - 30), m.start()) for m in same):
        return
    if any(acts_after(text, m.end()) for m in _group_names().finditer(text)):
        return           # a group the text names acts itself: the nouns are its fighters

    words = [q.group(1) for q in (_QUALIFIER_BEFORE.search(text, max(0, m.start() - 30), m.start()) for m in same) if q]
    qualifiers = [w for w in words if w.lower() not in _NOT_A_NAME and gaz.lookup(w) is None]
    qualifier = qualifiers[0] if qualifiers else None
    name = f"{qualifier} {noun}" if qualifier else noun[:1].upper() + noun[1:]
    entity_id = slug(name)
    if entity_id in gaz.entities or entity_id in extra or noun in gaz.surface:
        return
    names = tuple(dict.fromkeys(n for n in (name, noun, noun[:1].upper() + noun[1:]) if n))
    extra[entity_id] = Entity(entity_id, name, "group", None, names, (), ())
