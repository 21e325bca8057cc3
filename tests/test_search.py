"""Ctrl+F finds text in events, statements and the article and steps through the hits."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from timeline_app.model import Timeline
from timeline_app.search import find

FIXTURE = Path(__file__).resolve().parent / "data" / "view" / "seed_timeline.json"


@pytest.fixture
def seed():
    return Timeline.from_json(FIXTURE.read_bytes())


def test_find_every_occurrence_in_text_order_with_its_event(seed):
    text = seed.article.text
    hits = find(seed, "azerbaijan")
    assert len([h for h in hits if h.kind != "title"]) == text.lower().count("azerbaijan")
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    for h in hits:
        if h.kind != "title":
            assert text[h.start:h.end].lower() == "azerbaijan"
        if h.event is not None:
            event = seed.event(h.event)
            assert event.span[0] <= h.start <= event.span[1]
    assert any(h.event for h in hits)
    assert find(seed, "   ") == [] and find(seed, "no such words anywhere") == []


def test_statement_hits_are_marked_as_such():
    from conftest import SEED
    from timeline_app.extract.pipeline import extract
    from timeline_app.ingest import load
    seed = extract(load(SEED))
    statement = (seed.accounts + seed.reactions)[0]
    word = max(statement.text.split(), key=len).strip(".,“”\"")
    assert any(h.kind == "statement" for h in find(seed, word))


def test_ctrl_f_steps_through_hits_selecting_events(qtbot, seed_window):
    win = seed_window
    win.find_action.trigger()
    bar = win.search_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "Armenia")
    assert bar.hits and bar.current == 0
    assert bar.count_label.text() == f"1 of {len(bar.hits)}"
    first = bar.hits[0]
    assert (first.start, first.end) in win.article_view.highlighted_spans()
    seen_events = set()
    for _ in range(len(bar.hits)):
        hit = bar.hits[bar.current]
        if hit.event is not None:
            assert win.document.selected == hit.event
            seen_events.add(hit.event)
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.current == 0 and len(seen_events) > 1     # wrapped around, through several events
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == len(bar.hits) - 1
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
