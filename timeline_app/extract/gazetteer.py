"""Countries, demonyms, capitals, organisations, armed groups, titles and bodies.

The data lives in ``resources/gazetteer/gazetteer.json`` (built by ``tools/build_gazetteer.py``).
It is loaded once, lazily, and compiled into one alternation regex, longest surface form first,
so a whole article is scanned in a single pass.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..resources import ResourceError, read_resource_text, resource_path
from ..knowledge import officeholders
from .regex_cache import compile_cached

GAZETTEER_FILE = ("gazetteer", "gazetteer.json")


#: Kinds that can be a side in a conflict.
BELLIGERENT_KINDS = ("state", "group")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str                      # state | organisation | group | body | media | monitor
    parent: Optional[str] = None
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    until: Optional[str] = None    # a state (or breakaway government) that no longer exists: its last day (ISO)
    stood_for_by: Optional[str] = None  # ... and the entity of today whose names stood for it while it lasted


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: str                    # entity id
    form: str                      # name | demonym | metonym
    backed: bool = False           # "X-backed", "X-led": supports, is not, the head


_WORD = compile_cached(r"\w+")
#: Above this many characters a scan compiles the one big regex instead of looking words up.
_LARGE_TEXT = 100_000



def _glued_sentence_start(text: str, a: int) -> bool:
    """"... its arsenal.U.S. officials said": a sentence pasted without its space."""
    return a >= 4 and text[a - 1] in ".!?" and text[a - 4:a - 1].isalpha() and text[a - 4:a - 1].islower()


def _ex_prefixed(text: str, a: int) -> bool:
    """"ex-<GROUP> rebels": a former member is still named by the name after the hyphen."""
    return a >= 3 and text[a - 3:a] in ("ex-", "Ex-") and (a == 3 or not text[a - 4].isalnum())


_BACKED = compile_cached(r"-(?:backed|led|allied|aligned|sponsored|supported|funded|based)\b")

@dataclass
class Gazetteer:
    entities: dict[str, Entity]
    surface: dict[str, tuple[str, str]]          # surface form -> (entity id, form)
    titles: tuple[str, ...]
    bodies: tuple[str, ...]
    generic_group_nouns: tuple[str, ...]
    #: ISO 3166-1 alpha-2 code -> state entity id ("US" -> united-states): how office holders name their side.
    state_codes: dict = field(default_factory=dict)
    _buckets: dict = field(repr=False, default=None)
    _pattern: Optional[re.Pattern] = field(repr=False, default=None)
    _title_pattern: Optional[re.Pattern] = field(repr=False, default=None)
    _body_pattern: Optional[re.Pattern] = field(repr=False, default=None)

    def __post_init__(self) -> None:
        # Surface forms bucketed by their first word, longest first: a scan looks up each word of
        # the text in one dict, which is far cheaper to build than a regex of a thousand names.
        buckets: dict[str, list[str]] = {}
        for form in self.surface:
            if form.startswith(("the ", "The ")):
                continue         # "the alliance", "The Gambia": the article is no part of the name
            first = _WORD.match(form)
            if first is None or first.start() != 0:
                continue
            buckets.setdefault(first.group(), []).append(form)
        self._buckets = {w: sorted(forms, key=len, reverse=True) for w, forms in buckets.items()}

    def _title_regex(self) -> re.Pattern:
        if self._title_pattern is None:
            self._title_pattern = _word_alternation(self.titles)
        return self._title_pattern

    def _body_regex(self) -> re.Pattern:
        if self._body_pattern is None:
            self._body_pattern = _word_alternation(self.bodies, ignore_case=True)
        return self._body_pattern

    # -- lookups -------------------------------------------------------------------------------
    def person_side(self, name: str, on: Optional[dt.date]) -> Optional[str]:
        """The side an office holder speaks for on the day ``on`` (resources/officeholders/), by full name or by
        an unambiguous surname; None outside their terms or without a date."""
        side = officeholders.holders().side(name, on)
        return self._side_entity(side)

    def government_side(self, name: str) -> Optional[str]:
        """The side of the government named after a person ("the Obama administration"), at any date."""
        return self._side_entity(officeholders.holders().side_ever(name))

    def _side_entity(self, side: Optional[str]) -> Optional[str]:
        if side is None:
            return None
        return side if side in self.entities else self.state_codes.get(side)

    def entity(self, entity_id: Optional[str]) -> Optional[Entity]:
        return self.entities.get(entity_id) if entity_id else None

    def lookup(self, surface: str) -> Optional[Entity]:
        """The entity a surface form names exactly (a seat of government -> its state), or None."""
        hit = self.surface.get(surface.strip())
        return self.entities[hit[0]] if hit else None

    def root(self, entity_id: str) -> str:
        """The entity a body ultimately belongs to (a council -> its organisation)."""
        seen = set()
        while entity_id not in seen:
            seen.add(entity_id)
            ent = self.entities.get(entity_id)
            if ent is None or not ent.parent or ent.parent not in self.entities:
                return entity_id
            entity_id = ent.parent
        return entity_id

    def mentions(self, text: str, start: int = 0, end: Optional[int] = None) -> list[Mention]:
        end = len(text) if end is None else end
        if end - start > _LARGE_TEXT:
            return self._mentions_by_regex(text, start, end)
        found = []
        buckets = self._buckets
        resume = start
        for word in _WORD.finditer(text, start, end):
            a = word.start()
            if a < resume:
                continue
            forms = buckets.get(word.group())
            if forms is None or (a > 0 and (text[a - 1].isalnum() or text[a - 1] in "_.-")
                                 and not _ex_prefixed(text, a) and not _glued_sentence_start(text, a)):
                continue
            surface = None
            for f in forms:
                b = a + len(f)
                if b <= end and text.startswith(f, a) and not (b < len(text) and (text[b].isalnum() or text[b] == "_")):
                    surface = f
                    break
            if surface is None:
                continue
            b = resume = a + len(surface)
            entity_id, form = self.surface[surface]
            backed = text.startswith("-", b) and bool(_BACKED.match(text, b))
            found.append(Mention(a, b, entity_id, form, backed))
        return found

    def _mentions_by_regex(self, text: str, start: int, end: int) -> list[Mention]:
        """The same scan for long texts: one trie-shaped regex, costly to compile (~60 ms, once)
        but several times faster per character than the word-by-word lookup."""
        if self._pattern is None:
            forms = [f for f in self.surface if f and not f.startswith(("the ", "The "))]
            # What may stand before a name (nothing of a word, "ex-", a sentence glued on) is checked right
            # after its first character (so "(?<![\w.\-][\s\S])" there is "(?<![\w.\-])" before it): a pattern whose
            # every branch opens with a character lets the engine skip the text to those characters, where
            # one that opens with a lookbehind is tried at every position.
            # Not kept on disk: an article that defines its own groups extends the gazetteer, and so the pattern.
            self._pattern = re.compile(rf"(?:{trie_regex(forms, after_first=_BEFORE_A_NAME)})(?![\w])")
        found = []
        for m in self._pattern.finditer(text, start, end):
            a, b = m.span()
            entity_id, form = self.surface[m.group()]
            backed = text.startswith("-", b) and bool(_BACKED.match(text, b))
            found.append(Mention(a, b, entity_id, form, backed))
        return found

    def titles_in(self, text: str, start: int = 0, end: Optional[int] = None) -> list[re.Match]:
        end = len(text) if end is None else end
        return list(self._title_regex().finditer(text, start, end))

    def bodies_in(self, text: str, start: int = 0, end: Optional[int] = None) -> list[re.Match]:
        end = len(text) if end is None else end
        return list(self._body_regex().finditer(text, start, end))


#: Checked after a name's first character: before it stands no word character, period or hyphen, or "ex-"
#: ("ex-<GROUP> rebels"), or a sentence pasted without its space ("... its arsenal.U.S. officials").
_BEFORE_A_NAME = r"(?:(?<![\w.\-][\s\S])|(?<=\b[Ee]x-[\s\S])|(?<=[a-z]{3}[.!?][\s\S]))"


def trie_regex(words, after_first: str = "") -> str:
    """One regex matching any of ``words`` (none empty), longest first at each branch, nested by prefix;
    ``after_first`` (a pattern that consumes nothing) is put after each word's first character."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict, after: str = "") -> str:
        branches = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            branches.append(re.escape(ch) + after + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"       # greedy: the longer name wins, else stop here
        return body

    return emit(trie, after_first)


def _word_alternation(words, ignore_case: bool = False) -> re.Pattern:
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return compile_cached(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE if ignore_case else 0)


def _build(data: dict) -> Gazetteer:
    entities: dict[str, Entity] = {}
    surface: dict[str, tuple[str, str]] = {}
    for raw in data["entities"]:
        ent = Entity(raw["id"], raw["name"], raw["kind"], raw.get("parent"),
                     tuple(raw.get("names", ())), tuple(raw.get("demonyms", ())),
                     tuple(raw.get("metonyms", ())), raw.get("until"), raw.get("stood_for_by"))
        if ent.id in entities:          # first definition wins (states before organisations)
            continue
        entities[ent.id] = ent
        for form, names in (("name", ent.names), ("demonym", ent.demonyms), ("metonym", ent.metonyms)):
            for name in names:
                # A form already claimed by an earlier entity keeps its owner (a state before a group).
                surface.setdefault(name, (ent.id, form))
    state_codes = {raw["code"]: raw["id"] for raw in data["entities"]
                   if raw.get("code") and entities.get(raw["id"]) is not None and entities[raw["id"]].kind == "state"}
    return Gazetteer(entities, surface, tuple(data.get("titles", ())), tuple(data.get("bodies", ())),
                     tuple(data.get("generic_group_nouns", ())), state_codes)


@lru_cache(maxsize=1)
def get() -> Gazetteer:
    """The gazetteer, loaded and compiled once per process."""
    try:
        data = json.loads(read_resource_text(*GAZETTEER_FILE))
    except ValueError as exc:
        raise ResourceError(f"unreadable resource {resource_path(*GAZETTEER_FILE)} ({exc})") from None
    return _build(data)
