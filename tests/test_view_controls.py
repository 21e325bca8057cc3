"""Standard controls: filters per article, stable party colours, plain +/- zoom, context menus,
re-fit after a date change, tooltips on every toolbar control, the window layout remembered."""
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolBar, QWidgetAction

from timeline_app.ingest import content_key
from timeline_app.layout.filters import ViewFilter, apply
from timeline_app.layout.lanes import PALETTE, build_lanes, party_color
from timeline_app.model import Article, Event, Party, TimeValue, Timeline
from timeline_app.settings import Settings
from timeline_app.ui.app import create_main_window
from timeline_app.ui.timeline_view import TimelineView

FIXTURE = Path(__file__).resolve().parent / "data" / "view" / "seed_timeline.json"


@pytest.fixture
def seed():
    return Timeline.from_json(FIXTURE.read_bytes())


def test_a_party_keeps_its_colour_across_articles():
    def timeline(*names):
        return Timeline(article=Article(text="x"), parties=[Party(id=n.lower(), name=n) for n in names])
    one = {lane.name: lane.color for lane in build_lanes(timeline("Russia", "Ukraine"))}
    two = {lane.name: lane.color for lane in build_lanes(timeline("Belarus", "Ukraine", "Poland"))}
    assert one["Ukraine"] == two["Ukraine"] == party_color("Ukraine")
    assert len(set(two.values())) == 3 and set(two.values()) <= set(PALETTE)
    # two parties whose names want the same colour still get different ones
    taken = {party_color("Ukraine").lower()}
    assert party_color("Ukraine", taken) != party_color("Ukraine")


def test_filters_leave_out_lanes_background_and_vague_events(seed):
    lanes = {e.lane for e in seed.events}
    party = seed.parties[0].id
    assert all(e.lane != party for e in apply(seed, ViewFilter(frozenset({party}))).events)
    assert party not in {p.id for p in apply(seed, ViewFilter(frozenset({party}))).parties}
    if "other" in lanes:
        assert all(e.lane != "other" for e in apply(seed, ViewFilter(hide_background=True)).events)
    vague = [e for e in seed.events if e.time and e.time.granularity in ("season", "decade", "part-of-day")]
    kept = {e.id for e in apply(seed, ViewFilter(hide_vague=True)).events}
    assert vague and not kept & {e.id for e in vague}
    assert apply(seed, ViewFilter()) is seed
    assert ViewFilter.from_dict(ViewFilter(frozenset({"a"}), True, False).to_dict()) == \
        ViewFilter(frozenset({"a"}), True, False)
    assert ViewFilter.from_dict("garbage") == ViewFilter()


def test_plain_plus_and_minus_zoom(qtbot, seed):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.set_timeline(seed)
    view.show()

    def span():
        a, b = view.visible_range()
        return (b - a).total_seconds()
    before = span()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert span() < before
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert span() > before


def test_a_new_reference_date_fits_the_moved_events(qtbot, seed):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.set_timeline(seed)
    view.set_visible_range(dt.datetime(2022, 9, 13), dt.datetime(2022, 9, 14))
    moved = seed.model_copy(deep=True)
    moved.article.reference_date = dt.date(2015, 11, 24)
    for event in moved.events:
        if event.time is not None and event.time.start is not None:
            event.time.start -= dt.timedelta(days=2500)
            event.time.end = event.time.end - dt.timedelta(days=2500) if event.time.end else None
    view.set_timeline(moved)
    geo = view.geometry_snapshot()
    assert len(geo.events) + sum(b.count for b in geo.badges) == len(view._layout.items)


@pytest.fixture
def window(seed_window):
    return seed_window


def test_every_toolbar_control_has_a_tooltip(window):
    for bar in window.findChildren(QToolBar):
        for action in bar.actions():
            if action.isSeparator():
                continue
            widget = action.defaultWidget() if isinstance(action, QWidgetAction) else None
            tip = (widget.toolTip() if widget is not None else action.toolTip())
            if widget is not None and not tip and widget.__class__.__name__ == "QLabel":
                continue     # a caption for the field next to it
            assert tip, action.text() or widget


def test_hiding_a_lane_from_its_context_menu_is_remembered_per_article(window, qtbot, seed):
    view = window.timeline_view
    geo = view.geometry_snapshot()
    lane = geo.lanes[0]
    view.contextRequested.emit(None, lane.id, QPoint(10, 10))
    menu = window.context_menu
    hide = next(a for a in menu.actions() if a.text().startswith("Hide lane"))
    hide.trigger()
    assert lane.id not in [l.id for l in view.geometry_snapshot().lanes]
    stored = Settings.load().view_filter_for(content_key(seed.article))
    assert stored and lane.id in stored["hidden_lanes"]
    # The same article again: the lane stays hidden; "Show everything" brings it back.
    window.document.set_timeline(Timeline.from_json(FIXTURE.read_bytes()))
    assert lane.id not in [l.id for l in view.geometry_snapshot().lanes]
    window.filter_menu.show_all_action.trigger()
    assert lane.id in [l.id for l in view.geometry_snapshot().lanes]


def test_event_context_menu_copies_and_shows_in_text(window, seed):
    event = seed.events[2]
    window.timeline_view.contextRequested.emit(event.id, None, QPoint(10, 10))
    actions = {a.text(): a for a in window.context_menu.actions()}
    actions["Copy title"].trigger()
    assert QApplication.clipboard().text() == event.title
    actions["Show in the article text"].trigger()
    assert window.document.selected == event.id
    assert tuple(event.span) in window.article_view.highlighted_spans()


def test_window_layout_is_remembered(qtbot, tmp_path, monkeypatch, seed):
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    win = create_main_window(QApplication.instance())
    qtbot.addWidget(win)
    win.show()
    win.article_dock.toggleViewAction().trigger()
    assert not win.article_dock.isVisible()
    win.close()
    again = create_main_window(QApplication.instance())
    qtbot.addWidget(again)
    again.show()
    assert not again.article_dock.isVisible() and again.table_dock.toggleViewAction().isEnabled()


def test_hiding_the_background_lane_from_its_menu_unchecks_background_events(window):
    view = window.timeline_view
    assert "other" in [lane.id for lane in view.lanes()]
    assert "other" not in window.filter_menu.lane_actions
    view.contextRequested.emit(None, "other", QPoint(10, 10))
    next(a for a in window.context_menu.actions() if a.text().startswith("Hide lane")).trigger()
    assert not window.filter_menu.background_action.isChecked()
    assert "other" not in [lane.id for lane in view.lanes()]
    window.filter_menu.background_action.setChecked(True)
    assert "other" in [lane.id for lane in view.lanes()]


def test_an_article_without_sides_has_one_general_lane():
    import datetime as dt
    from timeline_app.extract.pipeline import extract
    text = ("City council approves new library budget\n\nThe city council voted on Tuesday to approve a budget "
            "for the new central library. The mayor said the library would open in March next year. "
            "Construction began last summer and is ahead of schedule, the council said.")
    timeline = extract(Article(text=text, title="City council approves new library budget",
                               reference_date=dt.date(2024, 5, 7)))
    lanes = build_lanes(timeline)
    assert timeline.parties == [] and [lane.name for lane in lanes] == ["Events"]
