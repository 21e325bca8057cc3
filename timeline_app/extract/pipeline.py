"""extract(article) -> Timeline: the one entry point of the extraction core (Qt-free).

document.read (the annotated document: paragraphs, sentences, quotations, clauses, mentions, people,
time expressions) -> parties -> attribution (who speaks in each sentence) -> events -> accounts (a party
speaks) and reactions (a third state or organisation speaks or acts).

The models are built with ``model_construct`` (not validated): every value is already of its field's type
(tests validate every timeline of the gold sets), and building pydantic's validators would cost each new
article ~50 ms.
"""
from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from typing import Optional

from ..model import Account, Actor, Article, Event, Party, Reaction, Timeline
from .actors import choose_parties
from .attribution import attribute
from .document import Document, read
from .events import SentenceInfo, build_events, is_byline
from .language import not_english_warning

_REACTING_KINDS = ("state", "organisation", "group")
#: Events that ended this long before the reference date are background history (lane "other").
BACKGROUND_AGE = dt.timedelta(days=180)


def extract(article: Article, reference_date: Optional[dt.date] = None) -> Timeline:
    with _cycle_collection_paused():
        return _extract(article, reference_date)


@contextmanager
def _cycle_collection_paused():
    """No cyclic garbage collection during an extraction: its hundreds of thousands of new objects (spans,
    mentions, matches, models) set the collector off again and again, and it walks the growing heap each time
    to find almost nothing (~8 % of a 1 MB article's time). The few cycles are collected once it is back on;
    a command runs without it anyway (cli.main), with the same peak memory. Whoever turned it off keeps it off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _extract(article: Article, reference_date: Optional[dt.date]) -> Timeline:
    if reference_date is not None:
        article = article.model_copy(update={"reference_date": reference_date, "reference_source": "user"})
    text = article.text
    foreign = not_english_warning(text)
    if foreign:   # no parties or events made up from look-alike words: say so instead
        return Timeline.model_construct(article=article.model_copy(update={"warnings": [*article.warnings, foreign]}),
                                        parties=[], actors=[], events=[], accounts=[], reactions=[])
    reference = article.reference_date or (article.published.date() if article.published else None)
    doc = read(text, reference, article.title, published=article.published)
    choice = choose_parties(doc)
    parties = doc.parties = choice.ids
    gaz, sentences, title_span, people = doc.gaz, doc.sentences, doc.title_span, doc.people
    attributions = attribute(doc)

    title_line_end = text.find("\n") if title_span else -1
    skip = {span for span in sentences
            if (title_span and span[1] <= max(title_span[1], title_line_end)) or is_byline(text[span[0]:span[1]])}
    infos = _sentence_infos(doc, attributions)
    times = doc.times
    drafts = build_events(text, infos, times, reference, skip)

    events: list[Event] = []
    event_by_sentence: dict[tuple[int, int], str] = {}
    #: Sentences with an event of the story's present (one may also hold a dated aside: "the 1942 treaty's ...").
    current_sentences: set[tuple[int, int]] = set()
    attribution_by_sentence = {a.span: a for a in attributions if a is not None}
    for draft in drafts:
        eid = f"e{len(events) + 1}"
        attribution = attribution_by_sentence.get(draft.sentence_span)
        lane = _lane(gaz, draft, attribution, parties, reference)
        events.append(Event.model_construct(id=eid, title=draft.title or text[draft.span[0]:draft.span[1]][:80],
                                            sentence=text[draft.sentence_span[0]:draft.sentence_span[1]],
                                            span=draft.span, time=draft.time, actors=draft.actors, lane=lane))
        event_by_sentence.setdefault(draft.sentence_span, eid)
        if lane != "other" and not _is_background(events[-1], reference):
            current_sentences.add(draft.sentence_span)

    accounts: list[Account] = []
    reactions: list[Reaction] = []
    reactors: dict[str, str] = {}
    for attribution in attributions:
        if attribution is None or attribution.span in skip:
            continue                 # the headline repeats what the body says
        entity = gaz.entity(attribution.entity)
        sa, sb = attribution.span
        event_id = event_by_sentence.get((sa, sb))
        if attribution.kind == "action" and event_id and (sa, sb) not in current_sentences:
            continue                 # a third state's deed in background history is no reaction
        if attribution.entity is None:
            pass
        elif attribution.entity in parties:
            accounts.append(Account.model_construct(party=attribution.entity, speaker=attribution.speaker,
                                                    text=text[sa:sb], span=(sa, sb), event=event_id))
        elif entity is not None and entity.kind in _REACTING_KINDS:
            reactions.append(Reaction.model_construct(actor=attribution.entity, speaker=attribution.speaker,
                                                      text=text[sa:sb], span=(sa, sb), event=event_id))
            reactors.setdefault(attribution.entity, entity.name)
        for other in attribution.also:
            other_entity = gaz.entity(other)
            if other in parties and other != attribution.entity:
                # A second side speaking in its own clause of the sentence.
                speaker = other_entity.name if other_entity else other
                accounts.append(Account.model_construct(party=other, speaker=speaker, text=text[sa:sb],
                                                        span=(sa, sb), event=event_id))
                continue
            if other in parties or other_entity is None or other_entity.kind not in _REACTING_KINDS:
                continue
            reactions.append(Reaction.model_construct(actor=other, speaker=other_entity.name, text=text[sa:sb],
                                                      span=(sa, sb), event=event_id))
            reactors.setdefault(other, other_entity.name)

    party_models = [Party.model_construct(id=pid, name=choice.names.get(pid, pid),
                                          aliases=choice.aliases.get(pid, []))
                    for pid in parties]
    actors = _actors(gaz, parties, choice, people, reactors)
    return Timeline.model_construct(article=article, parties=party_models, actors=actors, events=events,
                                    accounts=accounts, reactions=reactions)


def _sentence_infos(doc: Document, attributions) -> list[SentenceInfo]:
    gaz, mentions, people, person_mentions = doc.gaz, doc.mentions, doc.people, doc.person_mentions
    infos = []
    mi = pi = 0
    for (sa, sb), attribution in zip(doc.sentences, attributions):
        actors: list[str] = []
        while mi < len(mentions) and mentions[mi].start < sa:
            mi += 1
        j = mi
        while j < len(mentions) and mentions[j].start < sb:
            root = gaz.root(mentions[j].entity)
            ent = gaz.entity(root)
            if ent is not None and ent.kind in ("state", "organisation", "group") and root not in actors:
                actors.append(root)
            j += 1
        while pi < len(person_mentions) and person_mentions[pi].start < sa:
            pi += 1
        k = pi
        while k < len(person_mentions) and person_mentions[k].start < sb:
            aff = people[person_mentions[k].person].affiliation
            if aff and aff not in actors:
                actors.append(aff)
            k += 1
        if attribution is not None and attribution.entity and attribution.entity not in actors:
            actors.insert(0, attribution.entity)
        infos.append(SentenceInfo((sa, sb), actors, attribution.entity if attribution else None,
                                  attribution is not None,
                                  attribution is not None and attribution.kind in ("report", "chain")))
    return infos


def _is_background(event: Event, reference) -> bool:
    """An event that ended long before the reference date: history the article recalls."""
    return (reference is not None and event.time is not None and event.time.end is not None
            and event.time.end < dt.datetime.combine(reference, dt.time()) - BACKGROUND_AGE)


def _lane(gaz, draft, attribution, parties, reference) -> str:
    if attribution is not None and attribution.entity:
        if attribution.entity in parties:
            return attribution.entity
        ent = gaz.entity(attribution.entity)
        if ent is not None and ent.kind in _REACTING_KINDS:
            return "international"
    if reference is not None and draft.time is not None and draft.time.end is not None:
        if draft.time.end < dt.datetime.combine(reference, dt.time()) - BACKGROUND_AGE:
            return "other"
    for actor in draft.actors:
        if actor in parties:
            return actor
        ent = gaz.entity(actor)
        if ent is not None and ent.kind in _REACTING_KINDS:
            return "international"
    return "other"


def _actors(gaz, parties, choice, people, reactors) -> list[Actor]:
    out: list[Actor] = []
    for pid in parties:
        ent = gaz.entity(pid)
        out.append(Actor.model_construct(id=pid, name=choice.names.get(pid, pid),
                                         kind="state" if ent.kind == "state" else "group",
                                         affiliation=pid, role="party"))
    seen = set(parties)
    for rid, name in reactors.items():
        if rid in seen:
            continue
        seen.add(rid)
        ent = gaz.entity(rid)
        out.append(Actor.model_construct(id=rid, name=name, kind="state" if ent.kind == "state" else "organisation",
                                         affiliation=rid, role="international"))
    # Every state or body a person belongs to is an actor too, so each affiliation resolves.
    for person in people.values():
        aff = person.affiliation
        if aff and aff not in seen and gaz.entity(aff) is not None:
            seen.add(aff)
            ent = gaz.entity(aff)
            kind = {"state": "state", "group": "group", "media": "media"}.get(ent.kind, "organisation")
            out.append(Actor.model_construct(id=aff, name=ent.name, kind=kind, affiliation=aff, role="other"))
    for person in people.values():
        if person.id in seen:
            continue
        seen.add(person.id)
        role = "party" if person.affiliation in parties else (
            "international" if person.affiliation in reactors else "other")
        out.append(Actor.model_construct(id=person.id, name=person.name, kind="person", affiliation=person.affiliation,
                                         role=role))
    return out
