"""Filters run on every match before span selection: they reject what only looks like a time expression
("May" the verb, "2000 people", "Operation Desert Spring", "its earlier loss")."""
from __future__ import annotations

import re

from .. import regex_cache as rc
from ..regex_cache import compile_cached
from .lexicon import AMBIGUOUS_MONTHS, unit_of
from .normalise import plain

_PREP_BEFORE = compile_cached(r"(?:\b(?:in|since|of|by|until|till|from|before|after|during|to|through|throughout|"
                          r"between|and|or|the|early|late|mid|end|fiscal|year|summer|spring|autumn|winter|fall|as|"
                          r"last|next|this|for|on|at|around|circa|c\.|ca\.|from|in\searly|in\slate)\s+|[(\[,–—-]\s*|^)$",
                          re.I)
_QUANTITY_BEFORE = compile_cached(r"(?:\$|£|€|¥|#|\bno\.\s?|\b(?:about|some|than|nearly|over|almost|only|just|least|"
                              r"around|roughly|approximately|estimated|additional|another|extra|"
                              r"total|all|top)\s+)$", re.I)
#: A plural noun after a number makes it a count ("2000 people"); not words that only end in s ("is", "this",
#: "thus", "analysis", "census", "congress").
_PLURAL_AFTER = compile_cached(r"\s*[a-z]+(?<![siu])s\b(?<!\bwas)(?<!\bhas)")
_QUANTITY_AFTER = compile_cached(r"\s*(?:people|troops|soldiers|"
                             r"men|women|children|police|staff|personnel|km|kilometres|kilometers|miles|meters|"
                             r"metres|feet|tons|tonnes|barrels|votes|points|yards|acres|hectares|hours|minutes|"
                             r"dollars|euros|pounds|rubles|yuan|yen|m\b|kg|mm|cc|hp|mph|kph)", re.I)


def accept(rule: str, m: re.Match, text: str) -> bool:
    """Rejects matches that only look like time expressions ("May" the verb, "2000 people")."""
    g = m.groupdict()
    if "mon" in g and g["mon"]:
        word = plain(g["mon"]).rstrip(".")
        raw = g["mon"]
        if not raw[:1].isupper():
            return False
        if len(raw) == 3 and rule == "month" and rc.match(r"\s+[A-Z]", text[m.end():m.end() + 3]):
            return False      # "Jan" before a capitalised word: a first name
        if word in AMBIGUOUS_MONTHS and rule == "month" and not (g.get("y") or g.get("ey") or g.get("rel") or g.get("pmod")
                                                                  or g.get("relyear")):
            before = text[max(0, m.start() - 12):m.start()].lower()
            if not rc.search(r"\b(?:in|of|since|until|till|by|from|through|during|early|late|mid|before|after|"
                             r"last|next|this|between|and|the)\s+$", before):
                return False
            after = text[m.end():m.end() + 3]
            if word == "may" and rc.match(r"\s+[a-z]", after) and not rc.search(r"\b(?:in|since|until|of|early|late|mid)\s+$", before):
                return False
        if rule == "month" and g.get("rel") and not (g.get("y") or g.get("relyear")) \
                and rc.match(r"\s{0,3}\d{1,2}(?:st|nd|rd|th)?\b(?![:.,]?\d)", text[m.end():m.end() + 8]):
            return False      # "last Oct. 23": a day (month_day), not "last Oct."
    if rule == "year":
        if g.get("pmod") or g.get("fiscal") or rc.search(r"\bthe\s+\Z", text[max(0, m.start() - 5):m.start()], re.I):
            pass
        else:
            before = text[max(0, m.start() - 20):m.start()]
            after = text[m.end():m.end() + 20]
            y = int(g["y"])
            if _QUANTITY_BEFORE.search(before) and not rc.match(r"[,.;:)]|\s+(?:when|and|to|until|through)\b", after):
                return False
            if _QUANTITY_AFTER.match(after):
                return False
            if not _PREP_BEFORE.search(before) and (y < 1800 or y > 2100 or _PLURAL_AFTER.match(after)) \
                    and not rc.search(r"\ban?\s+\Z", before, re.I):
                return False     # ("a 2009 analysis": after "a" a number is no count of a plural noun)
            if rc.match(r"\s?(?:-|–|to)\s?\d{1,3}\b(?!\d)", after) and not rc.match(r"\s?(?:-|–)\s?\d\d\b", after):
                return False
            if rc.search(r"(?:\d\s*|[.,])\Z", before):
                return False     # "3.1987", "1,987": part of a number (a year after a full stop and a space is a year)
            if rc.search(r"[\d/][-–/]\Z", before):
                return False     # "555-1212", "12/1999": part of a longer number
            if rc.search(r"['’]s\s+\Z", before) and rc.match(r"\s+[A-Z]", after):
                return False     # "the owner's 1987 Chevrolet": a model year in a name
    if rule == "season":
        season = plain(g["season"])
        if g["season"][:1].isupper() and not (g.get("y") or g.get("y1")) and not rc.search(
                r"(?:^|[.!?\n]\s*|[\"“(]\s*)\Z", text[max(0, m.start("season") - 4):m.start("season")]):
            return False     # "Operation Desert Spring": a capitalised season inside a name
        if season == "fall" and not (g.get("y") or g.get("y1") or g.get("rel") or g.get("pmod")):
            before = text[max(0, m.start() - 14):m.start()].lower()
            after = text[m.end():m.end() + 12].lower()
            if not rc.search(r"\b(?:in|this|last|next|by|until|the)\s+$", before) and not g.get("the"):
                return False
            if rc.match(r"\s+of\b", after) or rc.match(r"\s+(?:in|of|from)\b", after):
                return False
            # the season, not a drop: "in the fall", and "throughout/during/over the fall"
            if not rc.search(r"\b(?:in|during|throughout|through|over)\s+(?:the\s+)?$",
                             before + ("the " if g.get("the") else "")):
                return False
    if rule in ("weekday", "month_day", "day_month", "clock") and g.get("wd"):
        if not g["wd"][:1].isupper():
            return False
    if rule == "clock" and g.get("word") and rc.search(r"\bhigh\s+\Z", text[max(0, m.start() - 6):m.start()], re.I):
        return False          # "high noon": a figure of speech
    if rule == "clock" and g.get("h24") is not None:
        before = text[max(0, m.start() - 2):m.start()]
        if rc.search(r"[\d:.,/$]\Z", before):
            return False
    if rule in ("duration", "ago") and rc.match(r"\s+(?:older|younger|senior|junior)\b", text[m.end():m.end() + 10]):
        return False           # "two years older": a comparison of ages, not a time
    if rule == "duration":
        num = plain(g["num"])
        unit = unit_of(g["unit"]) or ""
        if num in ("a", "an") and unit in ("second", "minute") and not g.get("qmod"):
            return False       # "a second term", "a minute's silence" are not durations
        if num in ("some", "many") and not (g["unit"].lower().endswith("s")):
            return False
    if rule == "vague":
        w = plain(g["w"])
        after = text[m.end():m.end() + 20]
        before = text[max(0, m.start() - 8):m.start()]
        if w == "earlier" and (rc.search(r"(?:-|['’]s\s+|\b(?:its|the|an|a|his|her|their|our|my|your|this|that|these|"
                                         r"those|for|of|with|from|all|some|many)\s+)\Z", before, re.I)
                               or after.startswith("-")):
            return False      # "its earlier loss", "Intel's earlier model", "for earlier generations", "year-earlier"
        if w in ("earlier", "later") and rc.match(
                r"\s*(?:than|(?:this|that)\s+(?:day|week|month|year|morning|afternoon|evening|night|weekend|"
                r"spring|summer|fall|autumn|winter|quarter|decade|century)|today|tonight|yesterday|"
                r"in\s+the\s+(?:day|week|month|year)|"
                r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", after, re.I):
            return False      # "earlier than", "Earlier Sunday", "earlier this year": not the bare adverb
        if w == "later" and rc.match(r"[\s-]*(?:stage|date|time)", after, re.I):
            return True
        if w == "current" and rc.match(r"\s*(?:account|accounts|affairs|events|situation|status|level|rules?|"
                                        r"price|rate|dollars|crisis)\b", after, re.I) is None:
            return True
        if w == "future" and rc.search(r"\b(?:a|an|its|their|his|her|our|my|your|the)\s+$", text[max(0, m.start() - 8):m.start()], re.I):
            return rc.match(r"\s*[.,;]", after) is not None
    if rule == "pod_bare":
        p = plain(g["pod"])
        if p not in ("overnight", "midnight") and not rc.search(
                r"\b(?:after|before|at|by|until|till|since|from|around|about|toward|towards)\s+(?:about\s+)?\Z",
                text[max(0, m.start() - 14):m.start()], re.I):
            return False
    if rule == "set" and rc.match(r"a\s", m.group(0), re.I):
        # "700 seats a week", "twice a day", "24 hours a day": a rate, not a stretch of time
        if not rc.search(r"(?:\d|\b(?:once|twice|times|hours|dollars|cents|percent|million|billion|thousand|"
                         r"hundred|dozens?|hundreds|thousands|interviews|flights|trips|visits|barrels|tons)|%)\s*\Z",
                         text[max(0, m.start() - 30):m.start()], re.I):
            return False
    if rule == "duration" and unit_of(g["unit"]) == "quarter" and rc.match(r"\s+of\b", text[m.end():m.end() + 4]):
        return False         # "three-quarters of its food"
    if rule == "pod":
        if plain(g.get("rel")) == "the" and plain(g["pod"]) not in ("morning", "afternoon", "evening", "night"):
            return False
    if rule == "relative_unit" and g["rel"][:1].isupper() and g["unit"][:1].isupper() \
            and not rc.search(r"(?:^|[.!?]\s+|\n\s*)\Z", text[max(0, m.start() - 3):m.start()]):
        return False          # a show called "This Week": a title
    if rule == "quarter_ref":
        if plain(m.group(0)).startswith("a ") and not g.get("adj"):
            return False
    return True


