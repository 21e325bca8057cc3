"""TimelineView driven like a user would: wheel, pinch, keys, drags, clicks (offscreen, pytest-qt)."""
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication

from timeline_app.model import Timeline
from timeline_app.ui.timeline_view import TimelineView

FIXTURE = Path(__file__).resolve().parent / "data" / "view" / "seed_timeline.json"


@pytest.fixture
def view(qtbot):
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_timeline(Timeline.from_json(FIXTURE.read_bytes()))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def span(view) -> float:
    a, b = view.visible_range()
    return (b - a).total_seconds()


def wheel(view, x, y, dy=0, dx=0, modifiers=Qt.KeyboardModifier.NoModifier):
    pos = QPointF(x, y)
    event = QWheelEvent(pos, view.mapToGlobal(pos), QPoint(0, 0), QPoint(dx, dy),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view, event)


def mouse(view, kind, x, y, buttons=Qt.MouseButton.LeftButton):
    pos = QPointF(x, y)
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else buttons
    event = QMouseEvent(kind, pos, view.mapToGlobal(pos), button, held, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, event)


def drag(view, start, end, steps=6):
    mouse(view, QEvent.Type.MouseButtonPress, *start)
    for k in range(1, steps + 1):
        mouse(view, QEvent.Type.MouseMove, start[0] + (end[0] - start[0]) * k / steps,
              start[1] + (end[1] - start[1]) * k / steps)
    mouse(view, QEvent.Type.MouseButtonRelease, *end)


def box_of(view, event_id):
    geo = view.geometry_snapshot()
    return next(box for box in geo.events if box.id == event_id)


def test_wheel_zooms_about_the_cursor(view):
    x = 900.0
    before_t, before_span = view.time_at(x), span(view)
    wheel(view, x, 300, dy=120)
    assert span(view) < before_span / 1.1
    assert abs((view.time_at(x) - before_t).total_seconds()) < 60
    wheel(view, x, 300, dy=-240)
    assert span(view) > before_span
    assert abs((view.time_at(x) - before_t).total_seconds()) < 60


def test_pinch_zooms(view):
    before = span(view)
    pos = QPointF(700, 300)
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(),
                                2, pos, pos, view.mapToGlobal(pos), 0.5, QPointF(0, 0))
    QApplication.sendEvent(view, event)
    assert span(view) < before / 1.3


def test_shift_wheel_and_horizontal_scroll_pan(view):
    view.zoom_by(20, 600)
    start, _ = view.visible_range()
    wheel(view, 600, 300, dy=-120, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert view.visible_range()[0] > start


def test_zoom_is_clamped(view):
    for _ in range(60):
        wheel(view, 800, 300, dy=1200)
    assert 5 * 60 <= span(view) <= 3 * 3600
    for _ in range(60):
        wheel(view, 800, 300, dy=-1200)
    assert span(view) < 500 * 365 * 86400


def test_drag_pans_by_the_mouse_distance(view):
    view.zoom_by(10, 600)
    t = view.time_at(500)
    drag(view, (500, 300), (700, 300))
    assert abs((view.time_at(700) - t).total_seconds()) < 120


def test_keys_zoom_pan_fit_home_end(view, qtbot):
    full = span(view)

    def night_width():   # px between two fixed times: grows by the zoom factor
        return view.x_of(dt.datetime(2022, 9, 13, 6)) - view.x_of(dt.datetime(2022, 9, 13))
    before = night_width()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert night_width() == pytest.approx(before * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert night_width() == pytest.approx(before)
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    start = view.visible_range()[0]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.visible_range()[0] > start
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.visible_range()[0] < dt.datetime(1990, 1, 1)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.visible_range()[1] > dt.datetime(2022, 9, 13, 12)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert span(view) == pytest.approx(full, rel=1e-6)


def test_click_selects_and_emits_select_event_does_not(view, qtbot):
    box = box_of(view, "e8")
    x, y = box.label_x + 20, box.y + box.h / 2
    with qtbot.waitSignal(view.eventActivated, timeout=1000) as signal:
        mouse(view, QEvent.Type.MouseButtonPress, x, y)
        mouse(view, QEvent.Type.MouseButtonRelease, x, y)
    assert signal.args == ["e8"] and view.selected_event() == "e8"
    assert box_of(view, "e8").selected
    with qtbot.assertNotEmitted(view.eventActivated):
        view.select_event("e2")
        view.select_event("no-such-event")
    assert view.selected_event() is None


def test_tab_steps_through_events_in_time(view, qtbot):
    seen = []
    view.eventActivated.connect(seen.append)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert seen[0] == "e15"                   # the 1990s come first
    assert seen[1] in ("e13", "e14")          # then 2020
    assert seen[3] == seen[1]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected_event() is None


def test_double_click_zooms_to_the_event(view):
    box = box_of(view, "e1")                  # Tuesday night, 00:00-06:00
    pos = QPointF(box.label_x + 10, box.y + box.h / 2)
    event = QMouseEvent(QEvent.Type.MouseButtonDblClick, pos, view.mapToGlobal(pos),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, event)
    x0, x1 = view.x_of(dt.datetime(2022, 9, 13)), view.x_of(dt.datetime(2022, 9, 13, 6))
    assert 0 < x0 < x1 < view.width()
    assert x1 - x0 > view.width() / 2


def test_compress_gaps_switch_keeps_the_view(view):
    assert view.geometry_snapshot().breaks
    view.set_visible_range(dt.datetime(2022, 9, 13), dt.datetime(2022, 9, 14))
    view.set_compress_gaps(False)
    assert not view.geometry_snapshot().breaks
    a, b = view.visible_range()
    assert abs((a - dt.datetime(2022, 9, 13)).total_seconds()) < 3600
    view.fit_all()
    assert view.visible_range()[0] < dt.datetime(1990, 1, 1)


def test_lane_order_by_api_and_by_dragging_a_lane_name(view, qtbot):
    assert view.lane_order() == ["armenia", "azerbaijan", "international", "other"]
    view.set_lane_order(["other"])
    assert view.lane_order()[0] == "other"
    view.set_lane_order([])
    geo = view.geometry_snapshot()
    other = geo.lanes[3]
    with qtbot.waitSignal(view.laneOrderChanged, timeout=1000):
        drag(view, (40, other.y + 10), (40, geo.lanes[0].y + 5))
    assert view.lane_order()[0] == "other"


def test_overview_drag_moves_the_window(view):
    view.zoom_by(40, 1100)
    before = view.visible_range()[0]
    y = view.height() - 10
    drag(view, (1100, y), (200, y))
    assert view.visible_range()[0] < before
    ov = view.geometry_snapshot().overview
    assert ov is not None and abs((ov.window_x0 + ov.window_x1) / 2 - 200) < 3


@pytest.fixture
def crowded(qtbot):
    from timeline_app.model import Article, Event, TimeValue
    start = dt.datetime(2021, 5, 1)
    events = [Event(id=f"e{k}", title=f"Crowded event number {k}", span=(0, 1), lane="other",
                    time=TimeValue(value="x", start=start + dt.timedelta(minutes=k),
                                   end=start + dt.timedelta(minutes=k + 1), granularity="minute"))
              for k in range(60)]
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.set_timeline(Timeline(article=Article(text="abc"), events=events))
    return view


def click_badge(view, badge):
    mouse(view, QEvent.Type.MouseButtonPress, badge.x + 8, badge.y + badge.h / 2)
    mouse(view, QEvent.Type.MouseButtonRelease, badge.x + 8, badge.y + badge.h / 2)
    return view.cluster_menu


def open_list(view, badge):
    view.open_cluster_menu(badge, QPointF(badge.x + 8, badge.y + badge.h / 2))
    return view.cluster_menu


def test_badge_list_shows_what_it_hides_and_offers_zoom(crowded, qtbot):
    """The list a badge falls back to (events at one instant, a lane grown to its limit)."""
    view = crowded
    geo = view.geometry_snapshot()
    assert geo.badges and sum(b.count for b in geo.badges) + len(geo.events) == 60
    shown = {b.id for b in geo.events}
    badge = geo.badges[0]
    menu = open_list(view, badge)
    listed = [a.data() for a in menu.event_actions()]
    assert len(menu.event_ids) == badge.count and not set(menu.event_ids) & shown
    assert listed == menu.event_ids[:len(listed)]
    if len(listed) < badge.count:     # the rest: one click to see them all in the event table
        with qtbot.waitSignal(view.eventsListed) as sig:
            menu.all_action.trigger()
        assert sig.args == [menu.event_ids]
    # Picking an entry selects that event (and brings it into view with a label of its own).
    with qtbot.waitSignal(view.eventActivated) as sig:
        menu.event_actions()[-1].trigger()
    assert sig.args == [listed[-1]]
    assert any(b.id == listed[-1] and b.selected for b in view.geometry_snapshot().events)
    # "Zoom in" still zooms.
    view.fit_all()
    before = span(view)
    menu = open_list(view, view.geometry_snapshot().badges[0])
    assert menu.zoom_action is not None
    menu.zoom_action.trigger()
    assert span(view) < before


def test_events_at_one_instant_are_listed_not_zoomed(qtbot):
    from timeline_app.model import Article, Event, TimeValue
    at = dt.datetime(2021, 5, 1, 12)
    events = [Event(id=f"e{k}", title=f"Same minute event number {k}", span=(0, 1), lane="other",
                    time=TimeValue(value="x", start=at, end=at, granularity="minute")) for k in range(12)]
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.set_timeline(Timeline(article=Article(text="abc"), events=events))
    view.show()
    badge = view.geometry_snapshot().badges[0]
    menu = click_badge(view, badge)
    assert view.expanded_lanes() == []          # growing the lane could not separate them either
    assert menu.zoom_action is None
    shown = {b.id for b in view.geometry_snapshot().events}
    assert {a.data() for a in menu.event_actions()} | shown == {e.id for e in events}


def test_selecting_a_hidden_event_zooms_until_it_shows(crowded):
    geo = crowded.geometry_snapshot()
    hidden = next(f"e{k}" for k in range(60) if f"e{k}" not in {b.id for b in geo.events})
    crowded.select_event(hidden)
    box = next(b for b in crowded.geometry_snapshot().events if b.id == hidden)
    assert box.selected


def test_same_article_again_keeps_view_and_selection(view):
    view.set_visible_range(dt.datetime(2022, 9, 13), dt.datetime(2022, 9, 14))
    view.select_event("e4")
    before = view.visible_range()
    view.set_timeline(Timeline.from_json(FIXTURE.read_bytes()))
    assert view.visible_range() == pytest.approx(before, abs=dt.timedelta(seconds=1))
    assert view.selected_event() == "e4"


def test_tooltip_text_has_sentence_expression_and_interval(view):
    text = view.event_tooltip("e1")
    assert "Extensive clashes broke out" in text
    assert "Tuesday night" in text and "2022-09-13TNI" in text
    assert "13 Sep 2022 – 13 Sep 2022 06:00" in text


def test_resize_and_hidpi_render(view):
    view.resize(800, 500)
    image = view.grab_image(scale=2.0)
    assert (image.width(), image.height()) == (1600, 1000)
    assert view.last_paint_ms > 0


def test_empty_and_cleared(qtbot):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.grab_image()
    view.zoom_by(2.0, 10)
    view.fit_all()
    view.set_timeline(None)
    assert view.geometry_snapshot() is None


def test_random_input_sequence_never_raises(view, qtbot):
    import random
    rng = random.Random(3)
    keys = [Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Tab,
            Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Equal, Qt.Key.Key_Minus]
    for _ in range(60):
        x, y = rng.uniform(0, view.width()), rng.uniform(0, view.height())
        action = rng.randrange(5)
        if action == 0:
            wheel(view, x, y, dy=rng.choice([-960, -120, 120, 960]))
        elif action == 1:
            drag(view, (x, y), (rng.uniform(0, view.width()), rng.uniform(0, view.height())), steps=3)
        elif action == 2:
            mods = rng.choice([Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier,
                               Qt.KeyboardModifier.ShiftModifier])
            qtbot.keyClick(view, rng.choice(keys), mods)
        elif action == 3:
            view.set_compress_gaps(rng.random() < 0.5)
        else:
            view.resize(rng.randint(320, 1600), rng.randint(200, 900))
        view.grab_image()
        a, b = view.visible_range()
        assert a < b


def test_cursor_tells_what_a_click_does(view):
    box = box_of(view, "e8")
    mouse(view, QEvent.Type.MouseMove, box.label_x + 10, box.y + box.h / 2, buttons=Qt.MouseButton.NoButton)
    assert view.cursor().shape() == Qt.CursorShape.PointingHandCursor
    mouse(view, QEvent.Type.MouseMove, 600, view.height() - 8, buttons=Qt.MouseButton.NoButton)
    assert view.cursor().shape() == Qt.CursorShape.SizeHorCursor
    lane = view.geometry_snapshot().lanes[0]
    mouse(view, QEvent.Type.MouseMove, 30, lane.y + 10, buttons=Qt.MouseButton.NoButton)
    assert view.cursor().shape() == Qt.CursorShape.SizeVerCursor


def test_a_huge_badge_sends_the_rest_to_the_event_table(qtbot):
    from timeline_app.model import Article, Event, TimeValue
    from timeline_app.ui.cluster_menu import MAX_ENTRIES
    at = dt.datetime(2021, 5, 1, 12)
    events = [Event(id=f"e{k}", title=f"Same minute event number {k}", span=(0, 1), lane="other",
                    time=TimeValue(value="x", start=at, end=at, granularity="minute")) for k in range(MAX_ENTRIES + 30)]
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.set_timeline(Timeline(article=Article(text="abc"), events=events))
    view.show()
    menu = click_badge(view, view.geometry_snapshot().badges[0])
    assert len(menu.event_actions()) == MAX_ENTRIES and menu.all_action is not None
    with qtbot.waitSignal(view.eventsListed) as sig:
        menu.all_action.trigger()
    assert len(sig.args[0]) == len(menu.event_ids) > MAX_ENTRIES
