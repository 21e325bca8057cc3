"""The user's corrections to an extracted timeline: records that apply to a Timeline, undo exactly,
and can be applied again to a later extraction of the same (or a slightly changed) article.

Qt-free. A correction never names an item by list position: events and statements are found by
their span in the article *and the text under it* (``Ref``), so a newer extractor that numbers its
events differently, or an article that gained a paragraph, still meets the same sentence. A
correction whose target is gone raises :class:`NotApplicable`; :func:`apply_all` reports those
instead of dropping them silently.

Applying goes through a :class:`Journal`: every change is a replace/insert/remove of one item of
one of the timeline's lists (items are pydantic models replaced by copies, never changed in
place), and the journal keeps the inverse of each, so undo restores the exact model whatever the
correction did, in time proportional to what it changed (not to the size of the timeline).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from .model import Account, Actor, Event, Party, Reaction, Span, TimeValue, Timeline

LISTS = ("parties", "actors", "events", "accounts", "reactions")
#: Where a statement can be put: a party's account, the reactions (with its actor), or neither.
StatementKind = Literal["account", "reaction", "other"]


class NotApplicable(Exception):
    """A correction's target is not in this timeline (one line for the user)."""


class Journal:
    """Changes to a timeline's lists, with their inverses, so that :meth:`revert` undoes them exactly."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self._inverse: list[tuple[str, str, int, object]] = []
        #: What changed, for views that update only that: the lists touched, and the ids of the
        #: events added, removed or replaced (before and after).
        self.lists: set[str] = set()
        self.event_ids: set[str] = set()

    def _touch(self, name: str, *items) -> None:
        self.lists.add(name)
        if name == "events":
            self.event_ids.update(item.id for item in items)

    def _list(self, name: str) -> list:
        return getattr(self.timeline, name)

    def replace(self, name: str, index: int, item) -> None:
        items = self._list(name)
        self._touch(name, items[index], item)
        self._inverse.append(("replace", name, index, items[index]))
        items[index] = item

    def insert(self, name: str, index: int, item) -> None:
        self._touch(name, item)
        self._list(name).insert(index, item)
        self._inverse.append(("remove", name, index, None))

    def remove(self, name: str, index: int) -> None:
        item = self._list(name).pop(index)
        self._touch(name, item)
        self._inverse.append(("insert", name, index, item))

    def revert(self) -> None:
        for op, name, index, item in reversed(self._inverse):
            items = self._list(name)
            if op == "replace":
                items[index] = item
            elif op == "remove":
                items.pop(index)
            else:
                items.insert(index, item)
        self._inverse.clear()

    def __len__(self) -> int:
        return len(self._inverse)


# -- finding things ------------------------------------------------------------------------------
class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)   # built on first use, not at start-up


class Ref(_Record):
    """An event or statement as the user saw it: its span, the text under it, and its id/owner."""
    span: Span
    quote: str
    #: The event id, or the statement's party/actor id (a tie-break when several items share a span).
    key: str = ""

    @classmethod
    def of_event(cls, timeline: Timeline, event: Event) -> "Ref":
        return cls(span=tuple(event.span), quote=_quote(timeline, event.span), key=event.id)

    @classmethod
    def of_statement(cls, timeline: Timeline, statement: Account | Reaction) -> "Ref":
        owner = statement.party if isinstance(statement, Account) else statement.actor
        return cls(span=tuple(statement.span), quote=_quote(timeline, statement.span), key=owner)

    def locate(self, timeline: Timeline) -> Span:
        """The span of the quoted text in this timeline's article: the same place, or where it moved."""
        text = timeline.article.text
        a, b = self.span
        if text[a:b] == self.quote:
            return (a, b)
        found = text.find(self.quote) if self.quote else -1
        if found < 0:
            raise NotApplicable(f"the article no longer contains “{_short(self.quote)}”")
        return (found, found + len(self.quote))


def _quote(timeline: Timeline, span: Span) -> str:
    return timeline.article.text[span[0]:span[1]]


def _short(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def find_event(timeline: Timeline, ref: Ref) -> int:
    span = ref.locate(timeline)
    if span == ref.span and ref.key:
        # Fast path (the window's own edits): the same id on the same text. One pass of string
        # comparisons, ~0.4 ms on 10,000 events.
        for i, e in enumerate(timeline.events):
            if e.id == ref.key:
                if tuple(e.span) == span:
                    return i
                break
    same_place = [i for i, e in enumerate(timeline.events) if tuple(e.span) == span]
    if not same_place:
        raise NotApplicable(f"no event on “{_short(ref.quote)}” any more")
    return next((i for i in same_place if timeline.events[i].id == ref.key), same_place[0])


def find_statement(timeline: Timeline, kind: StatementKind, ref: Ref) -> int:
    span = ref.locate(timeline)
    items = timeline.accounts if kind == "account" else timeline.reactions
    owner = (lambda s: s.party) if kind == "account" else (lambda s: s.actor)
    same_place = [i for i, s in enumerate(items) if tuple(s.span) == span]
    if not same_place:
        raise NotApplicable(f"no {kind} “{_short(ref.quote)}” any more")
    return next((i for i in same_place if owner(items[i]) == ref.key), same_place[0])


def _party_index(timeline: Timeline, party_id: str) -> int:
    for i, p in enumerate(timeline.parties):
        if p.id == party_id:
            return i
    raise NotApplicable(f"there is no party “{party_id}” any more")


def unused_id(taken: set[str], stem: str) -> str:
    """``stem`` + the first number not yet in ``taken`` (ids of things the user made)."""
    n = 1
    while f"{stem}{n}" in taken:
        n += 1
    return f"{stem}{n}"


def _relink(journal: Journal, timeline: Timeline, old: str, new: Optional[str]) -> None:
    """Statements about event ``old`` speak about ``new`` instead (None: about no event)."""
    for name in ("accounts", "reactions"):
        for i, s in enumerate(getattr(timeline, name)):
            if s.event == old:
                journal.replace(name, i, s.model_copy(update={"event": new}))


def _event_id_of(timeline: Timeline, ref: Optional[Ref]) -> Optional[str]:
    return None if ref is None else timeline.events[find_event(timeline, ref)].id


# -- events --------------------------------------------------------------------------------------
class RetitleEvent(_Record):
    kind: Literal["event-title"] = "event-title"
    event: Ref
    title: str

    def apply(self, t: Timeline, j: Journal) -> None:
        i = find_event(t, self.event)
        j.replace("events", i, t.events[i].model_copy(update={"title": self.title}))

    def describe(self) -> str:
        return f"Rename event to “{_short(self.title, 30)}”"


class RedateEvent(_Record):
    kind: Literal["event-time"] = "event-time"
    event: Ref
    time: Optional[TimeValue]

    def apply(self, t: Timeline, j: Journal) -> None:
        i = find_event(t, self.event)
        j.replace("events", i, t.events[i].model_copy(update={"time": self.time}))

    def describe(self) -> str:
        return f"Date event {self.time.value if self.time else '(undated)'}"


class MoveEventToLane(_Record):
    kind: Literal["event-lane"] = "event-lane"
    event: Ref
    lane: str

    def apply(self, t: Timeline, j: Journal) -> None:
        i = find_event(t, self.event)
        j.replace("events", i, t.events[i].model_copy(update={"lane": self.lane}))

    def describe(self) -> str:
        return f"Move event to lane {self.lane}"


class DeleteEvent(_Record):
    kind: Literal["event-delete"] = "event-delete"
    event: Ref

    def apply(self, t: Timeline, j: Journal) -> None:
        i = find_event(t, self.event)
        _relink(j, t, t.events[i].id, None)
        j.remove("events", i)

    def describe(self) -> str:
        return f"Delete event “{_short(self.event.quote, 30)}”"


class AddEvent(_Record):
    """A new event on a stretch of the article (the user's selection); its id is chosen on apply."""
    kind: Literal["event-add"] = "event-add"
    at: Ref
    title: str
    time: Optional[TimeValue] = None
    lane: str = "other"
    actors: list[str] = Field(default_factory=list)

    def apply(self, t: Timeline, j: Journal) -> None:
        span = self.at.locate(t)
        taken = {e.id for e in t.events}
        eid = self.at.key if self.at.key and self.at.key not in taken else unused_id(taken, "u")
        event = Event.model_construct(id=eid, title=self.title, sentence=t.article.text[span[0]:span[1]],
                                      span=span, time=self.time, actors=list(self.actors), lane=self.lane)
        # In text order, like the extractor's events.
        index = next((k for k, e in enumerate(t.events) if e.span[0] > span[0]), len(t.events))
        j.insert("events", index, event)

    def describe(self) -> str:
        return f"Add event “{_short(self.title, 30)}”"


class MergeEvents(_Record):
    """``other`` joins ``event``: its statements and actors move over, then it is gone."""
    kind: Literal["event-merge"] = "event-merge"
    event: Ref
    other: Ref

    def apply(self, t: Timeline, j: Journal) -> None:
        keep, gone = find_event(t, self.event), find_event(t, self.other)
        if keep == gone:
            raise NotApplicable("an event cannot be merged with itself")
        kept, absorbed = t.events[keep], t.events[gone]
        actors = kept.actors + [a for a in absorbed.actors if a not in kept.actors]
        j.replace("events", keep, kept.model_copy(update={
            "actors": actors, "time": kept.time if kept.time is not None else absorbed.time}))
        _relink(j, t, absorbed.id, kept.id)
        j.remove("events", gone)

    def describe(self) -> str:
        return "Merge two events"


class SplitEvent(_Record):
    """The event's text is cut at ``at`` (an offset inside its span): the part after it becomes a new
    event titled ``title``, with the same time and lane."""
    kind: Literal["event-split"] = "event-split"
    event: Ref
    offset: int = Field(description="characters from the start of the event's span")
    title: str

    def apply(self, t: Timeline, j: Journal) -> None:
        i = find_event(t, self.event)
        e = t.events[i]
        a, b = e.span
        cut = a + self.offset
        if not a < cut < b:
            raise NotApplicable("the split point is outside the event's text")
        text = t.article.text
        j.replace("events", i, e.model_copy(update={"span": (a, cut), "sentence": text[a:cut].strip()}))
        new_id = unused_id({x.id for x in t.events}, f"{e.id}.")
        j.insert("events", i + 1, e.model_copy(update={
            "id": new_id, "title": self.title, "span": (cut, b), "sentence": text[cut:b].strip()}))

    def describe(self) -> str:
        return "Split event"


# -- statements ----------------------------------------------------------------------------------
class MoveStatement(_Record):
    """A statement becomes ``to``'s account (a party), a reaction of ``to`` (an actor), or neither
    ("other": it stays in the article but is nobody's account or reaction)."""
    kind: Literal["statement-move"] = "statement-move"
    source: StatementKind
    statement: Ref
    target: StatementKind
    to: str = ""
    #: The actor's display name when ``to`` is an actor the timeline does not know yet.
    to_name: str = ""

    def apply(self, t: Timeline, j: Journal) -> None:
        if self.source == "other":
            raise NotApplicable("a statement in “other” is added, not moved")
        name = "accounts" if self.source == "account" else "reactions"
        i = find_statement(t, self.source, self.statement)
        s = getattr(t, name)[i]
        j.remove(name, i)
        fields = dict(speaker=s.speaker, text=s.text, span=s.span, event=s.event)
        if self.target == "account":
            _party_index(t, self.to)
            j.insert("accounts", _text_order(t.accounts, s.span), Account.model_construct(party=self.to, **fields))
        elif self.target == "reaction":
            _ensure_actor(t, j, self.to, self.to_name)
            j.insert("reactions", _text_order(t.reactions, s.span),
                     Reaction.model_construct(actor=self.to, **fields))

    def describe(self) -> str:
        where = {"account": f"{self.to}'s account", "reaction": f"reactions ({self.to})", "other": "other"}
        return f"Move statement to {where[self.target]}"


def _text_order(items: list, span: Span) -> int:
    return next((k for k, s in enumerate(items) if s.span[0] > span[0]), len(items))


def _ensure_actor(t: Timeline, j: Journal, actor_id: str, name: str) -> None:
    if not actor_id:
        raise NotApplicable("a reaction needs an actor")
    if not any(a.id == actor_id for a in t.actors):
        j.insert("actors", len(t.actors), Actor.model_construct(
            id=actor_id, name=name or actor_id, kind="other", affiliation=None, role="international"))


class EditStatement(_Record):
    """Change a statement's speaker and/or the event it speaks about."""
    kind: Literal["statement-edit"] = "statement-edit"
    source: Literal["account", "reaction"]
    statement: Ref
    speaker: Optional[str] = None
    set_event: bool = False
    event: Optional[Ref] = None

    def apply(self, t: Timeline, j: Journal) -> None:
        name = "accounts" if self.source == "account" else "reactions"
        i = find_statement(t, self.source, self.statement)
        update = {}
        if self.speaker is not None:
            update["speaker"] = self.speaker
        if self.set_event:
            update["event"] = _event_id_of(t, self.event)
        j.replace(name, i, getattr(t, name)[i].model_copy(update=update))

    def describe(self) -> str:
        return "Change speaker" if self.speaker is not None else "Link statement to an event"


class DeleteStatement(_Record):
    kind: Literal["statement-delete"] = "statement-delete"
    source: Literal["account", "reaction"]
    statement: Ref

    def apply(self, t: Timeline, j: Journal) -> None:
        j.remove("accounts" if self.source == "account" else "reactions",
                 find_statement(t, self.source, self.statement))

    def describe(self) -> str:
        return f"Delete statement “{_short(self.statement.quote, 30)}”"


class AddStatement(_Record):
    kind: Literal["statement-add"] = "statement-add"
    target: Literal["account", "reaction"]
    at: Ref
    to: str
    to_name: str = ""
    speaker: str = ""
    event: Optional[Ref] = None

    def apply(self, t: Timeline, j: Journal) -> None:
        span = self.at.locate(t)
        fields = dict(speaker=self.speaker, text=t.article.text[span[0]:span[1]], span=span,
                      event=_event_id_of(t, self.event))
        if self.target == "account":
            _party_index(t, self.to)
            j.insert("accounts", _text_order(t.accounts, span), Account.model_construct(party=self.to, **fields))
        else:
            _ensure_actor(t, j, self.to, self.to_name)
            j.insert("reactions", _text_order(t.reactions, span), Reaction.model_construct(actor=self.to, **fields))

    def describe(self) -> str:
        return f"Add statement “{_short(self.at.quote, 30)}”"


# -- parties -------------------------------------------------------------------------------------
class EditParty(_Record):
    """Rename a party and/or give it a colour ("#rrggbb")."""
    kind: Literal["party-edit"] = "party-edit"
    party: str
    name: Optional[str] = None
    color: Optional[str] = None

    def apply(self, t: Timeline, j: Journal) -> None:
        i = _party_index(t, self.party)
        update = {k: v for k, v in (("name", self.name), ("color", self.color)) if v is not None}
        j.replace("parties", i, t.parties[i].model_copy(update=update))

    def describe(self) -> str:
        return f"Rename party to {self.name}" if self.name is not None else "Change party colour"


class MergeParties(_Record):
    """``other`` becomes part of ``party``: its events, accounts and aliases move over."""
    kind: Literal["party-merge"] = "party-merge"
    party: str
    other: str

    def apply(self, t: Timeline, j: Journal) -> None:
        keep, gone = _party_index(t, self.party), _party_index(t, self.other)
        if keep == gone:
            raise NotApplicable("a party cannot be merged with itself")
        kept, absorbed = t.parties[keep], t.parties[gone]
        aliases = kept.aliases + [a for a in [absorbed.name, *absorbed.aliases] if a not in kept.aliases]
        j.replace("parties", keep, kept.model_copy(update={"aliases": aliases}))
        for i, e in enumerate(t.events):
            if e.lane == self.other:
                j.replace("events", i, e.model_copy(update={"lane": self.party}))
        for i, s in enumerate(t.accounts):
            if s.party == self.other:
                j.replace("accounts", i, s.model_copy(update={"party": self.party}))
        j.remove("parties", gone)

    def describe(self) -> str:
        return f"Merge party {self.other} into {self.party}"


class SplitParty(_Record):
    """An actor leaves ``party`` to become a party (a lane) of its own: the events it acts in on that
    lane and the party's accounts its name speaks go with it."""
    kind: Literal["party-split"] = "party-split"
    party: str
    actor: str
    name: str

    def apply(self, t: Timeline, j: Journal) -> None:
        i = _party_index(t, self.party)
        if any(p.id == self.actor for p in t.parties):
            raise NotApplicable(f"“{self.name}” is a party already")
        j.insert("parties", i + 1, Party.model_construct(id=self.actor, name=self.name, aliases=[], color=None))
        for k, a in enumerate(t.actors):
            if a.id == self.actor:
                j.replace("actors", k, a.model_copy(update={"role": "party", "affiliation": None}))
        for k, e in enumerate(t.events):
            if e.lane == self.party and self.actor in e.actors:
                j.replace("events", k, e.model_copy(update={"lane": self.actor}))
        needle = self.name.lower()
        for k, s in enumerate(t.accounts):
            if s.party == self.party and needle and needle in s.speaker.lower():
                j.replace("accounts", k, s.model_copy(update={"party": self.actor}))

    def describe(self) -> str:
        return f"Split {self.name} off {self.party}"


class ReorderParties(_Record):
    """The parties (lanes) in this order; parties not named keep their place after them."""
    kind: Literal["party-order"] = "party-order"
    order: list[str]

    def apply(self, t: Timeline, j: Journal) -> None:
        rank = {pid: k for k, pid in enumerate(self.order)}
        wanted = sorted(t.parties, key=lambda p: rank.get(p.id, len(rank)))
        for k, party in enumerate(wanted):
            if t.parties[k] is not party:
                j.replace("parties", k, party)

    def describe(self) -> str:
        return "Reorder lanes"


Correction = Annotated[Union[
    RetitleEvent, RedateEvent, MoveEventToLane, DeleteEvent, AddEvent, MergeEvents, SplitEvent,
    MoveStatement, EditStatement, DeleteStatement, AddStatement,
    EditParty, MergeParties, SplitParty, ReorderParties,
], Field(discriminator="kind")]



@lru_cache(maxsize=1)
def corrections_adapter() -> TypeAdapter:
    """Reads and writes a list of corrections; built on first use (~25 ms), not at the window's start-up."""
    return TypeAdapter(list[Correction])


# -- a timeline under correction -----------------------------------------------------------------
def working_copy(timeline: Timeline) -> Timeline:
    """A timeline whose lists can be changed without touching ``timeline`` (items are shared: they
    are never changed in place)."""
    return timeline.model_copy(update={name: list(getattr(timeline, name)) for name in LISTS})


@dataclass
class Skipped:
    correction: object
    reason: str


@dataclass
class CorrectedTimeline:
    """A timeline with the corrections applied to it so far, each undoable (last first)."""
    timeline: Timeline
    applied: list = field(default_factory=list)        # corrections, in order
    #: Corrections already contained in the timeline it started from (a saved document whose
    #: article is gone): kept so that saving again keeps them, but not undoable.
    carried: list = field(default_factory=list)
    _journals: list[Journal] = field(default_factory=list)

    @property
    def corrections(self) -> list:
        """Every correction this timeline holds, in order (what a project saves)."""
        return self.carried + self.applied

    def lane_order(self) -> Optional[list[str]]:
        """The party lanes in the order a correction put them (Parties > Lane up/down), else None (the
        view's own order: first appearance, or the lane names the user dragged)."""
        if any(isinstance(x, ReorderParties) for x in self.corrections):
            return [p.id for p in self.timeline.parties]
        return None

    @classmethod
    def start(cls, base: Timeline, carried: list = ()) -> "CorrectedTimeline":
        return cls(working_copy(base), carried=list(carried))

    def apply(self, correction) -> Journal:
        """Apply ``correction`` (returns what changed); on :class:`NotApplicable` the timeline is
        left as it was."""
        journal = Journal(self.timeline)
        try:
            correction.apply(self.timeline, journal)
        except NotApplicable:
            journal.revert()
            raise
        self.applied.append(correction)
        self._journals.append(journal)
        return journal

    def undo(self) -> tuple[object, Journal]:
        """Take back the last correction (returns it and what changed)."""
        journal = self._journals.pop()
        journal.revert()
        return self.applied.pop(), journal

    def apply_all(self, corrections) -> list[Skipped]:
        """Apply each in order; the ones whose target is gone are returned with the reason."""
        skipped = []
        for c in corrections:
            try:
                self.apply(c)
            except NotApplicable as exc:
                skipped.append(Skipped(c, str(exc)))
        return skipped
