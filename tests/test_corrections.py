"""Corrections: each one applies, undoes to the exact model, re-applies to a new extraction."""
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import SEED
from timeline_app import corrections as c
from timeline_app.cache import extract_cached
from timeline_app.ingest import load
from timeline_app.model import Article, Timeline
from timeline_app.user_time import picked_time, time_in


@pytest.fixture(scope="module")
def seed() -> Timeline:
    return extract_cached(load(SEED))


def dump(t: Timeline) -> dict:
    return t.model_dump(by_alias=True)


def statement_refs(t: Timeline):
    return ([("account", c.Ref.of_statement(t, s)) for s in t.accounts]
            + [("reaction", c.Ref.of_statement(t, s)) for s in t.reactions])


def random_correction(draw, t: Timeline):
    """One correction that makes sense on ``t`` now, drawn by hypothesis."""
    events = t.events
    kinds = ["title", "time", "lane", "add", "party", "order"]
    if events:
        kinds += ["delete", "merge", "split"]
    if t.accounts or t.reactions:
        kinds += ["move", "speaker", "link", "unstate"]
    if len(t.parties) > 1:
        kinds += ["merge-parties"]
    kind = draw(st.sampled_from(kinds))
    ev = lambda: c.Ref.of_event(t, draw(st.sampled_from(events)))  # noqa: E731
    lanes = [p.id for p in t.parties] + ["international", "other"]
    if kind == "title" and events:
        return c.RetitleEvent(event=ev(), title=draw(st.text(max_size=20)))
    if kind == "time" and events:
        day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
        gran = draw(st.sampled_from(["year", "month", "day", "minute"]))
        return c.RedateEvent(event=ev(), time=picked_time(gran, dt.datetime(day.year, day.month, day.day, 13, 5)))
    if kind == "lane" and events:
        return c.MoveEventToLane(event=ev(), lane=draw(st.sampled_from(lanes)))
    if kind == "delete":
        return c.DeleteEvent(event=ev())
    if kind == "merge" and len(events) > 1:
        a, b = draw(st.lists(st.sampled_from(events), min_size=2, max_size=2, unique_by=id))
        return c.MergeEvents(event=c.Ref.of_event(t, a), other=c.Ref.of_event(t, b))
    if kind == "split":
        e = draw(st.sampled_from(events))
        if e.span[1] - e.span[0] > 2:
            return c.SplitEvent(event=c.Ref.of_event(t, e), offset=draw(st.integers(1, e.span[1] - e.span[0] - 1)),
                                title="second half")
    if kind in ("move", "speaker", "link", "unstate"):
        source, ref = draw(st.sampled_from(statement_refs(t)))
        if kind == "move":
            target = draw(st.sampled_from(["account", "reaction", "other"]))
            to = draw(st.sampled_from([p.id for p in t.parties])) if target == "account" else "someone"
            return c.MoveStatement(source=source, statement=ref, target=target, to=to, to_name="Someone")
        if kind == "speaker":
            return c.EditStatement(source=source, statement=ref, speaker=draw(st.text(max_size=10)))
        if kind == "link":
            target = c.Ref.of_event(t, draw(st.sampled_from(events))) if events else None
            return c.EditStatement(source=source, statement=ref, set_event=True, event=target)
        return c.DeleteStatement(source=source, statement=ref)
    if kind == "party":
        pid = draw(st.sampled_from([p.id for p in t.parties]))
        return c.EditParty(party=pid, name=draw(st.text(min_size=1, max_size=10)), color="#123456")
    if kind == "order":
        return c.ReorderParties(order=draw(st.permutations([p.id for p in t.parties])))
    if kind == "merge-parties":
        a, b = draw(st.permutations([p.id for p in t.parties]))[:2]
        return c.MergeParties(party=a, other=b)
    a = draw(st.integers(0, len(t.article.text) - 20))
    return c.AddEvent(at=c.Ref(span=(a, a + 15), quote=t.article.text[a:a + 15]), title="added",
                      lane=draw(st.sampled_from(lanes)))


# derandomize: the same 40 sequences on every run (a commit passes or fails for good); no database
# folder in the working tree.
@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_undo_restores_the_exact_model_after_any_sequence_of_edits(seed, data):
    session = c.CorrectedTimeline.start(seed)
    before = dump(seed)
    states = [dump(session.timeline)]
    for _ in range(data.draw(st.integers(1, 12))):
        correction = random_correction(data.draw, session.timeline)
        session.apply(correction)
        states.append(dump(session.timeline))
    applied = list(session.applied)
    # Undo, one by one: each step gives back exactly the model before that edit.
    for k in range(len(applied), 0, -1):
        session.undo()
        assert dump(session.timeline) == states[k - 1]
    # Redo gives exactly the same models again.
    for k, correction in enumerate(applied, 1):
        session.apply(correction)
        assert dump(session.timeline) == states[k]
    assert dump(seed) == before   # the extraction itself is never touched
    # A fresh start from the same extraction with the saved corrections gives the same timeline.
    again = c.CorrectedTimeline.start(seed)
    records = c.corrections_adapter().validate_json(c.corrections_adapter().dump_json(applied))
    assert again.apply_all(records) == []
    assert dump(again.timeline) == states[-1]


def test_a_statement_moves_to_the_other_party(seed):
    account = seed.accounts[0]
    other = next(p.id for p in seed.parties if p.id != account.party)
    session = c.CorrectedTimeline.start(seed)
    session.apply(c.MoveStatement(source="account", statement=c.Ref.of_statement(seed, account),
                                  target="account", to=other))
    moved = [s for s in session.timeline.accounts if tuple(s.span) == tuple(account.span)]
    assert [s.party for s in moved if s.text == account.text].count(other) >= 1
    assert len(session.timeline.accounts) == len(seed.accounts)


def test_merge_moves_statements_to_the_kept_event(seed):
    linked = next(s for s in seed.accounts + seed.reactions if s.event)
    gone = seed.event(linked.event)
    keep = next(e for e in seed.events if e.id != gone.id)
    session = c.CorrectedTimeline.start(seed)
    session.apply(c.MergeEvents(event=c.Ref.of_event(seed, keep), other=c.Ref.of_event(seed, gone)))
    t = session.timeline
    assert t.event(gone.id) is None and len(t.events) == len(seed.events) - 1
    assert all(s.event != gone.id for s in t.accounts + t.reactions)
    assert any(s.event == keep.id and s.span == linked.span for s in t.accounts + t.reactions)


def test_corrections_follow_their_text_when_the_article_changes(seed):
    event = seed.events[3]
    corrections = [c.RetitleEvent(event=c.Ref.of_event(seed, event), title="Corrected title"),
                   c.RetitleEvent(event=c.Ref(span=(0, 5), quote="gone!"), title="never")]
    prefix = "An editor's note added at the top.\n\n"
    changed = Article(text=prefix + seed.article.text, title=seed.article.title)
    shifted = seed.model_copy(update={
        "article": changed,
        "events": [e.model_copy(update={"span": (e.span[0] + len(prefix), e.span[1] + len(prefix))})
                   for e in seed.events]})
    session = c.CorrectedTimeline.start(shifted)
    skipped = session.apply_all(corrections)
    assert [s.correction for s in skipped] == [corrections[1]]
    assert "no longer contains" in skipped[0].reason
    assert session.timeline.events[3].title == "Corrected title"


def test_a_correction_that_does_not_apply_leaves_the_timeline_as_it_was(seed):
    session = c.CorrectedTimeline.start(seed)
    before = dump(session.timeline)
    with pytest.raises(c.NotApplicable):
        session.apply(c.MoveStatement(source="account", statement=c.Ref.of_statement(seed, seed.accounts[0]),
                                      target="account", to="no-such-party"))
    assert dump(session.timeline) == before and session.applied == []


def test_split_party_gives_an_actor_its_own_lane(seed):
    party = seed.parties[0]
    event = next(e for e in seed.events if e.lane == party.id)
    base = seed.model_copy(update={"events": [e.model_copy(update={"actors": [*e.actors, "militia"]})
                                              if e.id == event.id else e for e in seed.events]})
    session = c.CorrectedTimeline.start(base)
    session.apply(c.SplitParty(party=party.id, actor="militia", name="Militia"))
    t = session.timeline
    assert [p.id for p in t.parties].index("militia") == 1
    assert t.event(event.id).lane == "militia"


def test_picked_time_keeps_granularity_and_fuzzy_stretches():
    night = picked_time("part-of-day", dt.datetime(2022, 9, 13), part="NI")
    assert night.value == "2022-09-13TNI" and night.granularity == "part-of-day"
    assert night.start == dt.datetime(2022, 9, 13, 18) and night.end == dt.datetime(2022, 9, 14, 6)
    month = picked_time("month", dt.datetime(2022, 9, 13))
    assert (month.value, month.start, month.end) == ("2022-09", dt.datetime(2022, 9, 1), dt.datetime(2022, 10, 1))
    days = picked_time("day", dt.datetime(2022, 9, 12), until=dt.datetime(2022, 9, 14))
    assert (days.start, days.end) == (dt.datetime(2022, 9, 12), dt.datetime(2022, 9, 15))
    with pytest.raises(ValueError):
        picked_time("day", dt.datetime(2022, 9, 14), until=dt.datetime(2022, 9, 12))


def test_a_selection_is_dated_by_its_own_time_expression():
    text = "Shelling resumed on Tuesday night near the border."
    time = time_in(text, (0, len(text)), dt.date(2022, 9, 14))
    assert time is not None and time.value == "2022-09-13TNI" and time.expression == "Tuesday night"
    assert time_in(text, (0, 15), dt.date(2022, 9, 14)) is None


def test_a_dragged_time_snaps_to_its_granularity():
    from timeline_app.user_time import shifted_time
    day = picked_time("day", dt.datetime(2022, 9, 13))
    assert shifted_time(day, dt.timedelta(days=2, hours=13)).value == "2022-09-16"
    assert shifted_time(day, dt.timedelta(hours=5)) is None
    month = picked_time("month", dt.datetime(2022, 9, 1))
    moved = shifted_time(month, dt.timedelta(days=-62))
    assert (moved.value, moved.end) == ("2022-07", dt.datetime(2022, 8, 1))
    night = picked_time("part-of-day", dt.datetime(2022, 9, 13), part="NI")
    assert shifted_time(night, dt.timedelta(days=1)).value == "2022-09-14TNI"
    stretch = picked_time("day", dt.datetime(2022, 9, 12), until=dt.datetime(2022, 9, 14))
    moved = shifted_time(stretch, dt.timedelta(days=10))
    assert (moved.start, moved.end) == (dt.datetime(2022, 9, 22), dt.datetime(2022, 9, 25))
    season = day.model_copy(update={"granularity": "season", "value": "2022-FA"})
    assert shifted_time(season, dt.timedelta(days=100)) is None
