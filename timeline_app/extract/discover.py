"""Armed groups and bodies the gazetteer does not know, introduced by the article itself.

News writers spell out an unfamiliar group once with its acronym: "the Jama'at Nusrat Forces (JNF)".
Such a definition whose words name a fighting or political body becomes an entity for this article
only, with the acronym and the long form as its names.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .actors import slug
from .gazetteer import Entity, Gazetteer

_DEFINITION = re.compile(
    r"\b((?:the\s+)?(?:[A-Z][\w'’\-]*\s+(?:(?:of|for|and|the|al|el|wal)[\s\-]+)*){1,8})\(([A-Z][A-Z0-9\-]{1,7})\)")
_BODY_WORD = re.compile(
    r"\b(?:Forces|Force|Front|Army|Movement|Brigades?|Party|Liberation|Group|Militia|Revolutionary|Jihad|"
    r"Resistance|Defen[cs]e|Units|Battalions?|Guards?|Mujahideen|Rebels|Council|Alliance|Coalition|"
    r"Organi[sz]ation|Committees?|Congress|Union|Authority)\b")
_ARMED_WORD = re.compile(r"\b(?:Forces|Force|Front|Army|Movement|Brigades?|Liberation|Militia|Revolutionary|Group|"
                         r"Jihad|Resistance|Defen[cs]e|Units|Battalions?|Guards?|Mujahideen|Rebels)\b")


def discover(gaz: Gazetteer, text: str) -> Gazetteer:
    """The gazetteer extended with the groups this text defines; the same object when none."""
    extra: dict[str, Entity] = {}
    for m in _DEFINITION.finditer(text):
        long_form = re.sub(r"^the\s+", "", m.group(1).strip())
        acronym = m.group(2)
        if gaz.lookup(acronym) or gaz.lookup(long_form) or not _BODY_WORD.search(long_form):
            continue
        entity_id = slug(acronym)
        if entity_id in gaz.entities or entity_id in extra:
            continue
        kind = "group" if _ARMED_WORD.search(long_form) else "organisation"
        extra[entity_id] = Entity(entity_id, acronym, kind, None, (acronym, long_form), (), ())
    if not extra:
        return gaz
    entities = dict(gaz.entities)
    entities.update(extra)
    surface = dict(gaz.surface)
    for ent in extra.values():
        for name in ent.names:
            surface.setdefault(name, (ent.id, "name"))
    return replace(gaz, entities=entities, surface=surface, _buckets=None, _pattern=None,
                   _title_pattern=None, _body_pattern=None)
