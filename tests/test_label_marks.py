"""Labels never collide with marks: no bar's start or end line crosses label text, and no other
event's mark in the row lies under a label."""
from pathlib import Path

import pytest

from timeline_app import render
from timeline_app.layout.geometry import EventBox
from timeline_app.model import Timeline

FIXTURE = Path(__file__).resolve().parent / "data" / "view" / "seed_timeline.json"


def text_span(box: EventBox) -> tuple[float, float]:
    return box.label_x, box.label_x + min(box.text_w, box.label_w)


def drawn_lines(box: EventBox) -> list[float]:
    """x of the 3 px lines a bar draws (points draw none)."""
    if box.point:
        return []
    start, end = box.bar_edges()
    return ([box.x0 + 1.5] if start else []) + ([box.x1 - 1.5] if end else [])


def test_a_bar_line_never_crosses_its_own_label():
    inside = EventBox("e", 0, 100.0, 400.0, 0.0, 24.0, 106.0, 320.0, "A long label inside a long bar", False,
                      False, "#000000", text_w=310.0)
    start, end = inside.bar_edges()
    assert start and not end       # the end line at 397-400 would run through the text
    short = EventBox("e", 0, 100.0, 400.0, 0.0, 24.0, 106.0, 100.0, "Short", False, False, "#000000", text_w=40.0)
    assert short.bar_edges() == (True, True)


@pytest.mark.parametrize("width, zoom", [(1600, 1.0), (1400, 3.0), (1920, 12.0), (900, 40.0)])
def test_no_mark_under_any_label(qapp, width, zoom):
    seed = Timeline.from_json(FIXTURE.read_bytes())
    layout = render.make_layout(seed)
    viewport = layout.fit_viewport(width).zoomed(zoom, width / 2)
    rows = layout.plan_rows(viewport, 10)
    geo = layout.geometry(viewport, 900.0, rows)
    assert geo.events
    for box in geo.events:
        a, b = text_span(box)
        if box.label_w <= 8:
            continue
        for other in geo.events:
            if other.lane != box.lane or other.row != box.row:
                continue
            for x in drawn_lines(other):
                assert not (a < x < b), (box.id, other.id)
            if other.point and other is not box:
                assert not (a - 5 < other.x0 < b + 5), (box.id, other.id)
