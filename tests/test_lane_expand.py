"""A "+N" badge grows its lane in place so every event of it gets a row; the lanes scroll when
they no longer fit; the lane folds back (its mark, Esc, its context menu); the window remembers
expanded lanes per article; at 1400x900 every event of a 60-event timeline is two clicks away."""
import datetime as dt
import random

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication

from timeline_app import render
from timeline_app.model import Article, Event, Party, TimeValue, Timeline
from timeline_app.settings import Settings
from timeline_app.ui.app import create_main_window
from timeline_app.ui.timeline_view import TimelineView


def click(view, x, y):
    pos = QPointF(x, y)
    for kind, held in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                       (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        QApplication.sendEvent(view, QMouseEvent(kind, pos, view.mapToGlobal(pos), Qt.MouseButton.LeftButton,
                                                 held, Qt.KeyboardModifier.NoModifier))


def click_badge(view, badge):
    click(view, badge.x + 8, badge.y + badge.h / 2)


def key(view, k):
    QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, k, Qt.KeyboardModifier.NoModifier))


def minute_events(n, lane="other", start=dt.datetime(2021, 5, 1), prefix="e"):
    return [Event(id=f"{prefix}{k}", title=f"Crowded event number {k}", span=(0, 1), lane=lane,
                  time=TimeValue(value="x", start=start + dt.timedelta(minutes=k),
                                 end=start + dt.timedelta(minutes=k + 1), granularity="minute"))
            for k in range(n)]


@pytest.fixture
def crowded(qtbot):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.set_timeline(Timeline(article=Article(text="abc"), events=minute_events(60)))
    view.show()
    qtbot.waitExposed(view)
    return view


def lane_rows(view):
    return [lane.rows for lane in view.geometry_snapshot().lanes]


def test_a_badge_click_grows_its_lane_until_every_event_has_a_box(crowded):
    view = crowded
    geo = view.geometry_snapshot()
    rows_before, shown_before = lane_rows(view), len(geo.events)
    assert geo.badges and shown_before < 60
    with_signal = []
    view.expandedLanesChanged.connect(with_signal.append)
    click_badge(view, geo.badges[0])
    geo = view.geometry_snapshot()
    assert {box.id for box in geo.events} == {f"e{k}" for k in range(60)} and not geo.badges
    assert geo.lanes[0].expanded and geo.lanes[0].rows > rows_before[0]
    assert with_signal == [["other"]] and view.cluster_menu is None
    # Taller than the view: the lanes scroll (the axis stays, the boxes move up).
    assert view._scrollbar.isVisible()
    last = max(geo.events, key=lambda b: b.y)
    assert last.y + last.h > view.height() - view._style.overview_h
    key(view, Qt.Key.Key_PageDown)
    assert view.lanes_scroll() > 0
    moved = next(b for b in view.geometry_snapshot().events if b.id == last.id)
    assert moved.y == pytest.approx(last.y - view.lanes_scroll())
    assert view.geometry_snapshot().axis_y == geo.axis_y
    # The lane's collapse mark folds it back: the planned rows and the badges return.
    lane = view.geometry_snapshot().lanes[0]
    mark = render.collapse_mark_rect(lane, render.fonts())
    view.scroll_lanes_by(-10_000)
    lane = view.geometry_snapshot().lanes[0]
    mark = render.collapse_mark_rect(lane, render.fonts())
    click(view, mark.center().x(), mark.center().y())
    geo = view.geometry_snapshot()
    assert lane_rows(view) == rows_before and len(geo.events) == shown_before and geo.badges
    assert not geo.lanes[0].expanded and view.lanes_scroll() == 0 and not view._scrollbar.isVisible()
    assert with_signal[-1] == []


def test_esc_folds_the_last_expanded_lane_after_clearing_the_selection(crowded):
    view = crowded
    rows_before = lane_rows(view)
    click_badge(view, view.geometry_snapshot().badges[0])
    view.select_event("e59")
    key(view, Qt.Key.Key_Escape)
    assert view.selected_event() is None and view.expanded_lanes() == ["other"]
    key(view, Qt.Key.Key_Escape)
    assert view.expanded_lanes() == [] and lane_rows(view) == rows_before


def test_selecting_an_event_scrolls_its_row_into_view(crowded):
    view = crowded
    view.expand_lane("other")
    geo = view.geometry_snapshot()
    bottom = view.height() - view._style.overview_h
    below = next(b.id for b in sorted(geo.events, key=lambda b: -b.y) if b.y > bottom)
    view.select_event(below)
    box = next(b for b in view.geometry_snapshot().events if b.id == below)
    assert geo.plot_top <= box.y and box.y + box.h <= bottom


def test_zooming_out_an_expanded_lane_grows_it_so_no_badge_returns(crowded):
    view = crowded
    view.expand_lane("other")
    view.zoom_by(0.3)
    geo = view.geometry_snapshot()
    assert not geo.badges and len(geo.events) == 60


# -- in the window -----------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    win = create_main_window(QApplication.instance())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=20000)
    return win


def sixty_events() -> Timeline:
    """Three sides over five days: dense mornings, a few at one instant, stragglers weeks later."""
    rng = random.Random(13)
    base = dt.datetime(2024, 10, 1, 6)
    lanes = ["p1", "p2", "other"]
    events = []
    for k in range(60):
        lane = lanes[k % 3]
        if k < 6:
            start = base + dt.timedelta(days=2)            # six at one instant
        elif k < 52:
            start = base + dt.timedelta(days=rng.randrange(5), minutes=rng.randrange(240))
        else:
            start = base + dt.timedelta(days=20 + rng.randrange(40))
        events.append(Event(id=f"ev{k}", title=f"Side {lane} reports incident number {k} near the border",
                            span=(0, 1), lane=lane,
                            time=TimeValue(value="x", start=start, end=start, granularity="minute")))
    parties = [Party(id="p1", name="First side"), Party(id="p2", name="Second side")]
    return Timeline(article=Article(text="sixty events " * 5, title="Sixty events"), parties=parties,
                    events=events)


def test_every_event_is_two_clicks_away_at_1400x900(qtbot, window):
    window.document.set_timeline(sixty_events())
    view = window.timeline_view
    view.fit_all()
    geo = view.geometry_snapshot()
    reachable = {box.id for box in geo.events}          # one click: the event's own box
    assert geo.badges
    for k in range(len(geo.badges)):
        for lane_id in view.expanded_lanes():
            view.collapse_lane(lane_id)
        view.fit_all()
        badge = view.geometry_snapshot().badges[k]
        view.cluster_menu = None
        click_badge(view, badge)                           # first click: the badge
        if view.cluster_menu is not None:                  # second click: an entry of its list
            assert view.cluster_menu.all_action is None
            reachable |= {a.data() for a in view.cluster_menu.event_actions()}
            view.cluster_menu.close()
        else:                                              # second click: a box in the grown lane
            reachable |= {box.id for box in view.geometry_snapshot().events}
    assert reachable == {f"ev{k}" for k in range(60)}


def test_expanded_lanes_are_remembered_per_article_and_fold_from_the_context_menu(qtbot, window):
    timeline = sixty_events()
    window.document.set_timeline(timeline)
    view = window.timeline_view
    view.fit_all()
    badge = next(b for b in view.geometry_snapshot().badges
                 if not window.timeline_view._layout.share_one_instant(
                     window.timeline_view._layout.badge_events(view.geometry_snapshot(), b)))
    lane_id = view.geometry_snapshot().lanes[badge.lane].id
    click_badge(view, badge)
    assert view.expanded_lanes() == [lane_id]
    window.document.set_timeline(None)
    window.document.set_timeline(sixty_events())
    assert window.timeline_view.expanded_lanes() == [lane_id]
    assert Settings.load().expanded_lanes                  # written to the settings file
    window._timeline_context_menu(None, lane_id, QPoint(10, 10))
    action = next(a for a in window.context_menu.actions() if a.text() == "Collapse lane")
    window.context_menu.close()
    action.trigger()
    assert view.expanded_lanes() == []
    assert not Settings.load().expanded_lanes


def test_the_banner_follows_the_palette(qtbot, window):
    banner = window.banner
    banner.setText("A note")
    banner.show()
    light = banner.grab().toImage().pixelColor(3, 3)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    window.setPalette(palette)
    dark = banner.grab().toImage().pixelColor(3, 3)
    assert light.lightness() > 200 and dark.lightness() < 80


def test_a_lane_grown_to_its_limit_lists_what_its_badges_still_hide(qtbot):
    from timeline_app.ui.timeline_view import EXPANDED_MAX_ROWS
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.set_timeline(Timeline(article=Article(text="abc"), events=minute_events(EXPANDED_MAX_ROWS * 4)))
    view.show()
    click_badge(view, view.geometry_snapshot().badges[0])
    geo = view.geometry_snapshot()
    assert geo.lanes[0].rows == EXPANDED_MAX_ROWS and geo.badges
    view.scroll_lanes_by(-10_000)
    badge = view.geometry_snapshot().badges[0]
    click_badge(view, badge)
    assert view.cluster_menu is not None and len(view.cluster_menu.event_ids) == badge.count
    view.cluster_menu.close()


def test_settings_keep_expanded_lanes_per_article(tmp_path):
    settings = Settings(path=tmp_path / "settings.json")
    settings.set_expanded_lanes("article-a", ["p1", "other"])
    settings.set_expanded_lanes("article-b", [])
    settings.save()
    loaded = Settings.load(tmp_path / "settings.json")
    assert loaded.expanded_lanes_for("article-a") == ["p1", "other"]
    assert loaded.expanded_lanes_for("article-b") == [] and "article-b" not in loaded.expanded_lanes
