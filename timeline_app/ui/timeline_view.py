"""The zoomable timeline widget. It only holds view state (viewport, selection, lane order) and
turns input into viewport changes; layout is :mod:`timeline_app.layout`, drawing is
:mod:`timeline_app.render` (the same code as the PNG/SVG/PDF export).

Navigation
    wheel / trackpad scroll  zoom about the cursor (Shift+wheel or horizontal scroll pans)
    pinch                    zoom about the fingers
    drag                     pan; drag in the overview strip moves the visible window
    drag a lane's name       reorder lanes
    + / - (with or without Ctrl)  zoom in / out about the centre;  Ctrl+0  fit all
    Left / Right             pan (Shift: a whole screen);  Home / End  start / end
    Tab / Shift+Tab, Ctrl+Right / Ctrl+Left   next / previous event in time (selects it)
    Enter                    zoom to the selected event;  Esc  clear the selection, then fold the
                             last expanded lane
    click                    select an event; a "+N" badge grows its lane until every event of it
                             has a row (the lanes then scroll: scroll bar, Up/Down, Page Up/Down);
                             a badge of events at one instant lists them (pick one)
    click a lane's ▴ mark    fold an expanded lane back (or Esc, or its context menu)
    double-click an event    zoom to it
    right-click              copy an event, find it in the text, hide its lane
"""
from __future__ import annotations

import datetime as dt
import math
import textwrap
import time
from typing import Optional, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (QColor, QImage, QKeyEvent, QMouseEvent, QNativeGestureEvent, QPainter, QPalette,
                           QPaintEvent, QPen, QPixmap, QResizeEvent, QWheelEvent)
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QToolTip, QWidget

from .. import render
from .cluster_menu import ClusterMenu
from ..layout.geometry import Badge, Geometry, Style, TimelineLayout
from ..layout.scale import HOUR, Viewport, from_seconds, to_seconds
from ..layout.filters import ViewFilter
from ..layout.filters import apply as apply_filter
from ..model import Timeline

#: The navigation section of this module's docstring, for a help dialog or tooltip.
NAVIGATION_HELP = (textwrap.dedent(__doc__.split("Navigation\n", 1)[1]).strip()
                   if __doc__ and "Navigation\n" in __doc__ else "")

#: Wheel zoom per unit of angle delta (one notch = 120 -> about 1.2x).
WHEEL_ZOOM_BASE = 1.0015
KEY_ZOOM = 1.25
#: Most label rows one lane gets in the window (the rest become "+N" badges).
MAX_ROWS_PER_LANE = 10
#: Most rows an expanded lane grows to (beyond, its badges list what they hide).
EXPANDED_MAX_ROWS = 60
_SCROLLBAR_W = 12
_DRAG_THRESHOLD = 4.0


class TimelineView(QWidget):
    """Zoomable, pannable timeline of one :class:`~timeline_app.model.Timeline`."""

    #: The user selected an event (click or keyboard); carries its id. Not emitted by select_event().
    eventActivated = Signal(str)
    #: The visible range changed (zoom, pan, resize).
    viewChanged = Signal()
    #: The user reordered the lanes; carries the lane ids in their new order.
    laneOrderChanged = Signal(list)

    #: Right click: (event id or None, lane id or None, global position) for a context menu.
    contextRequested = Signal(object, object, QPoint)
    #: The user asked to see many hidden events at once (a badge's "all in the table"); carries ids.
    eventsListed = Signal(list)
    #: The user expanded or folded a lane; carries the ids of the expanded lanes.
    expandedLanesChanged = Signal(list)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        #: The open "+N" badge menu (kept so it is not collected while shown, and for tests).
        self.cluster_menu: Optional[ClusterMenu] = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setMouseTracking(True)   # the cursor tells what a click would do
        render.load_fonts()
        self._fonts = render.fonts()
        self._style = Style()
        self._timeline: Optional[Timeline] = None
        self._layout: Optional[TimelineLayout] = None
        self._viewport: Optional[Viewport] = None
        #: Label rows per lane; None until planned for the current size (planned at first need).
        self._rows: Optional[list[int]] = None
        self._selected: Optional[str] = None
        self._compress = True
        self._lane_order: Optional[list[str]] = None
        self._show_header = True
        self._geo: Optional[Geometry] = None
        self._last_geo: Optional[Geometry] = None   # the previous frame: labels keep their rows
        self._overview_pixmap: Optional[QPixmap] = None
        self._overview_columns = None
        self._drag: Optional[dict] = None
        self._auto_fit = True
        self._filter = ViewFilter()
        #: Lanes grown to show all their events (ids, in the order expanded) and their rows at
        #: this width (worked out at first need, grown when a zoom needs more).
        self._expanded: list[str] = []
        self._expanded_rows: dict[str, int] = {}
        #: px the lanes are scrolled up (when they are taller than the view)
        self._scroll = 0.0
        self._scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self._scrollbar.setCursor(Qt.CursorShape.ArrowCursor)
        self._scrollbar.setToolTip("Scroll the lanes (Up/Down, Page Up/Page Down)")
        self._scrollbar.hide()
        self._scrollbar_state: Optional[tuple] = None
        self._scrollbar.valueChanged.connect(self._on_scrolled)
        #: Milliseconds the last paintEvent took (layout + drawing), for benchmarks.
        self.last_paint_ms = 0.0
        self.last_layout_ms = 0.0

    # -- public API -----------------------------------------------------------------------
    def set_timeline(self, timeline: Optional[Timeline]) -> None:
        """Show ``timeline`` (None clears), fitted to the window.

        The same article again (e.g. re-extracted with another reference date) keeps the visible
        range, unless the view was fitted, and the selection if that event still exists."""
        previous = self._timeline
        same_article = (previous is not None and timeline is not None
                        and previous.article.text == timeline.article.text)
        # A new reference date moves the events: fit them again rather than show an empty stretch.
        same_dates = same_article and previous.article.reference_date == timeline.article.reference_date
        keep_range = self.visible_range() if same_dates and not self._auto_fit else None
        keep_selected = self._selected if same_article else None
        if not same_article:
            self._expanded, self._scroll = [], 0.0
        self._timeline = timeline
        self._selected = None
        self._rebuild()
        if keep_range is not None and self._layout is not None and self._layout.items:
            self.set_visible_range(*keep_range)
        else:
            self.fit_all()
        if keep_selected is not None and self._layout is not None and keep_selected in self._layout.items:
            self._selected = keep_selected

    def timeline_edited(self, event_ids: set[str]) -> None:
        """The shown timeline was corrected in place: only the events ``event_ids`` changed (or
        also its parties). Updates what those touch, keeping the view where it is; falls back
        to preparing the whole timeline when the change reaches further."""
        layout = self._layout
        lanes = layout.update_events(self._timeline, event_ids) if layout is not None else None
        if lanes is None:
            viewport, selected = self._viewport, self._selected
            self._rebuild()
            if viewport is not None and self._layout is not None and self._layout.items:
                self._viewport = self._layout.clamp(viewport)
            self._selected = selected if self._layout is not None and selected in self._layout.items else None
        elif lanes:
            self._overview_pixmap = None
            if self._overview_columns is not None:
                ov_vp = self._overview_viewport()
                for lane_i in lanes:
                    self._overview_columns[lane_i] = layout.overview_column(lane_i, ov_vp)
            if self._selected is not None and self._selected not in layout.items:
                self._selected = None
        self._invalidate()

    def timeline(self) -> Optional[Timeline]:
        return self._timeline

    def set_filter(self, view_filter: ViewFilter) -> None:
        """Show only what ``view_filter`` lets through (lanes, background, vague dates); the
        visible range stays."""
        if view_filter == self._filter:
            return
        self._filter = view_filter
        keep = self.visible_range() if self._layout is not None and not self._auto_fit else None
        selected = self._selected
        self._rebuild()
        if keep is not None and self._layout is not None and self._layout.items:
            self.set_visible_range(*keep)
        else:
            self.fit_all()
        self._selected = selected if self._layout is not None and selected in self._layout.items else None

    def view_filter(self) -> ViewFilter:
        return self._filter

    def fit_all(self) -> None:
        if self._layout is None:
            return
        self._set_viewport(self._layout.fit_viewport(self._plot_width()), clamp=False)
        self._auto_fit = True   # stays fitted through resizes until the user navigates

    def select_event(self, event_id: Optional[str]) -> None:
        """Select (and bring into view) an event, or clear with None. Emits nothing."""
        if event_id is not None and (self._layout is None or event_id not in self._layout.items):
            event_id = None
        self._selected = event_id
        if event_id is not None:
            self._ensure_visible(event_id)
            self._invalidate()
            self._scroll_into_view(event_id)
        self._invalidate()

    def selected_event(self) -> Optional[str]:
        return self._selected

    def visible_range(self) -> tuple[dt.datetime, dt.datetime]:
        """Real times at the left and right edge of the view."""
        if self._layout is None or self._viewport is None:
            now = dt.datetime.now().replace(microsecond=0)
            return now, now
        t0, t1 = self._layout.visible_times(self._viewport)
        return from_seconds(t0), from_seconds(t1)

    def time_at(self, x: float) -> Optional[dt.datetime]:
        """The real time drawn at ``x`` px (None without a timeline)."""
        if self._layout is None or self._viewport is None:
            return None
        return from_seconds(self._layout.time_map.t(self._viewport.u(x)))

    def x_of(self, when: dt.datetime) -> Optional[float]:
        """Where ``when`` is drawn, px from the left edge (None without a timeline)."""
        if self._layout is None or self._viewport is None:
            return None
        return self._viewport.x(self._layout.time_map.u(to_seconds(when)))

    def event_tooltip(self, event_id: str) -> str:
        """The tooltip text of an event: full sentence, time expression and resolved interval."""
        return self._layout.describe(event_id) if self._layout is not None else ""

    def set_visible_range(self, start: dt.datetime, end: dt.datetime) -> None:
        if self._layout is None:
            return
        self._set_viewport(self._layout.viewport_for_times(
            to_seconds(start), to_seconds(end), self._plot_width(), pad=0.0))

    def zoom_by(self, factor: float, anchor_x: Optional[float] = None) -> None:
        """Zoom in by ``factor`` (<1 zooms out) keeping the time under ``anchor_x`` (px) fixed."""
        if self._layout is None or self._viewport is None:
            return
        if anchor_x is None:
            anchor_x = self._viewport.width / 2
        lo, hi = self._layout.upp_limits(self._viewport.width, self._viewport.u(anchor_x))
        self._set_viewport(self._viewport.zoomed(factor, anchor_x, lo, hi))

    def pan_by(self, dx: float) -> None:
        """Move the content ``dx`` px to the right."""
        if self._viewport is not None:
            self._set_viewport(self._viewport.panned(dx))

    def set_compress_gaps(self, on: bool) -> None:
        """Compress long empty stretches (with a visible break mark) or draw time linearly."""
        if bool(on) == self._compress:
            return
        keep = self.visible_range() if self._layout is not None else None
        self._compress = bool(on)
        self._rebuild()
        if keep is not None and self._layout is not None:
            self.set_visible_range(*keep)
        else:
            self.fit_all()

    def compress_gaps(self) -> bool:
        return self._compress

    def set_lane_order(self, lane_ids: Sequence[str]) -> None:
        """Put these lanes first, in this order (unknown ids are ignored)."""
        self._lane_order = list(lane_ids)
        viewport = self._viewport
        self._rebuild()
        if viewport is not None and self._layout is not None:
            self._viewport = viewport   # lane order does not move time: keep the view
            self._invalidate()

    def lanes(self) -> list:
        """The lanes drawn now (after the filter), top to bottom."""
        return list(self._layout.lanes) if self._layout else []

    def lane_order(self) -> list[str]:
        return [lane.id for lane in self._layout.lanes] if self._layout else []

    def set_show_header(self, on: bool) -> None:
        """Draw the article title and reference date above the axis (on by default)."""
        self._show_header = bool(on)
        self._plan_rows()
        self._invalidate()

    def expand_lane(self, lane_id: str) -> None:
        """Grow lane ``lane_id`` until every event of it has a row at this zoom (the lanes scroll
        when they no longer fit)."""
        if self._layout is None or lane_id in self._expanded or lane_id not in self.lane_order():
            return
        self._expanded.append(lane_id)
        self._invalidate()
        self.expandedLanesChanged.emit(list(self._expanded))

    def collapse_lane(self, lane_id: str) -> None:
        """Fold an expanded lane back to its planned rows."""
        if lane_id not in self._expanded:
            return
        self._expanded.remove(lane_id)
        self._expanded_rows.pop(lane_id, None)
        self._invalidate()
        self.expandedLanesChanged.emit(list(self._expanded))

    def expanded_lanes(self) -> list[str]:
        return list(self._expanded)

    def set_expanded_lanes(self, lane_ids: Sequence[str]) -> None:
        """Expand these lanes (and fold the others), e.g. as remembered for the article. Emits nothing."""
        self._expanded = list(dict.fromkeys(lane_ids))
        self._expanded_rows = {}
        self._invalidate()

    def scroll_lanes_by(self, dy: float) -> None:
        """Scroll the lanes ``dy`` px up (negative: down), within what they need."""
        self._current_geometry()
        self._scrollbar.setValue(round(self._scroll + dy))

    def lanes_scroll(self) -> float:
        return self._scroll

    def geometry_snapshot(self) -> Optional[Geometry]:
        """The geometry of the current frame (laid out now if needed): for tests and tools."""
        return self._current_geometry()

    def theme_name(self) -> str:
        """"dark" when the system's palette is dark (its window colour is), else "light"."""
        return "dark" if self.palette().color(QPalette.ColorRole.Window).lightness() < 128 else "light"

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._overview_pixmap = None     # drawn in the old theme's colours
            self.update()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1000, 560)

    # -- internals ------------------------------------------------------------------------
    def _plot_width(self) -> float:
        return float(max(self.width(), 1))

    def _rebuild(self) -> None:
        self._geo = None
        self._last_geo = None
        self._overview_pixmap = None
        self._overview_columns = None
        if self._timeline is None:
            self._layout = None
            self._viewport = None
            self.update()
            return
        started = time.perf_counter()
        self._layout = render.make_layout(apply_filter(self._timeline, self._filter), compress_gaps=self._compress,
                                          lane_order=self._lane_order, style=self._style)
        self.last_layout_ms = (time.perf_counter() - started) * 1000
        self._expanded_rows = {}
        self._rows = None  # planned when first drawn: a window not yet shown has no final size

    def _plan_rows(self) -> None:
        if self._layout is None:
            return
        s = self._style
        fixed = self._layout.content_height([0] * len(self._layout.lanes), header=self._show_header,
                                            overview=True) - len(self._layout.lanes) * s.row_h
        total = int(max(self.height() - fixed, 0) // s.row_h)
        fit = self._layout.fit_viewport(self._plot_width())
        self._rows = self._layout.plan_rows(fit, MAX_ROWS_PER_LANE, total_cap=total)

    def _set_viewport(self, viewport: Viewport, clamp: bool = True) -> None:
        if self._layout is None:
            return
        self._viewport = self._layout.clamp(viewport) if clamp else viewport
        self._auto_fit = False
        self._invalidate()
        self.viewChanged.emit()

    def _invalidate(self) -> None:
        self._geo = None
        self.update()

    def _overview_viewport(self) -> Viewport:
        assert self._layout is not None
        return Viewport.fit(self._layout.u_lo, self._layout.u_hi, self._plot_width(), 8, 8)

    def _current_geometry(self) -> Optional[Geometry]:
        if self._layout is None or self._viewport is None:
            return None
        if self._geo is None:
            started = time.perf_counter()
            ov_vp = self._overview_viewport()
            if self._overview_columns is None:
                self._overview_columns = self._layout.overview_columns(ov_vp)
            if self._rows is None:
                self._plan_rows()
            previous = self._last_geo
            for _ in range(4):
                rows = self._frame_rows()
                self._sync_scrollbar(rows)
                self._geo = self._layout.geometry(
                    self._viewport, float(self.height()), rows, selected=self._selected,
                    header=self._show_header, overview_columns=self._overview_columns,
                    overview_viewport=ov_vp, previous=previous, scroll=self._scroll,
                    expanded=self._expanded)
                if not self._grow_expanded(self._geo):
                    break
                previous = None   # kept rows could block the greedy packing the rows were counted for
            self._last_geo = self._geo
            self.last_layout_ms = (time.perf_counter() - started) * 1000
        return self._geo

    def _frame_rows(self) -> list[int]:
        """The planned rows, with expanded lanes grown to show all their events."""
        assert self._layout is not None and self._rows is not None and self._viewport is not None
        rows = list(self._rows)
        if self._expanded:
            for i, lane in enumerate(self._layout.lanes):
                if lane.id in self._expanded and i < len(rows):
                    need = self._expanded_rows.get(lane.id)
                    if need is None:
                        need = self._expanded_rows[lane.id] = self._layout.rows_to_show_all(
                            i, self._viewport, EXPANDED_MAX_ROWS)
                    rows[i] = max(rows[i], need)
        return rows

    def _grow_expanded(self, geo: Geometry) -> bool:
        """An expanded lane that still shows a badge (the user zoomed out) gets the rows it needs
        now, up to EXPANDED_MAX_ROWS; True when one grew."""
        grew = False
        if not self._expanded:
            return grew
        for badge in geo.badges:
            lane = geo.lanes[badge.lane]
            if lane.id not in self._expanded or lane.rows >= EXPANDED_MAX_ROWS:
                continue
            need = self._layout.rows_to_show_all(badge.lane, self._viewport, EXPANDED_MAX_ROWS)
            self._expanded_rows[lane.id] = min(max(need, lane.rows + 1), EXPANDED_MAX_ROWS)
            grew = True
        return grew

    def _lanes_top(self) -> float:
        return (self._style.title_h if self._show_header else 0.0) + self._style.axis_h

    def _sync_scrollbar(self, rows: list[int]) -> None:
        """Show the scroll bar when the lanes are taller than the room between axis and overview,
        and keep the scroll within them."""
        assert self._layout is not None
        s = self._style
        top, bottom = self._lanes_top(), self._overview_top()
        lanes_h = sum(s.lane_header_h + max(1, r) * s.row_h + s.lane_pad for r in rows) + s.bottom_pad
        most = max(0, math.ceil(lanes_h - (bottom - top)))
        self._scroll = float(min(max(self._scroll, 0.0), most))
        state = (most, top, bottom, self.width(), round(self._scroll))
        if state == self._scrollbar_state:
            return   # the usual frame: nothing to tell the scroll bar (its setters cost a frame time)
        self._scrollbar_state = state
        bar = self._scrollbar
        bar.blockSignals(True)
        bar.setRange(0, most)
        bar.setPageStep(max(1, round(bottom - top)))
        bar.setSingleStep(round(s.row_h))
        bar.setValue(round(self._scroll))
        bar.blockSignals(False)
        bar.setGeometry(self.width() - _SCROLLBAR_W, round(top), _SCROLLBAR_W, max(0, round(bottom - top)))
        bar.setVisible(most > 0)

    def _on_scrolled(self, value: int) -> None:
        self._scroll = float(value)
        self._invalidate()

    def _scroll_into_view(self, event_id: str) -> None:
        """Scroll the lanes so the event's row is between the axis and the overview."""
        geo = self._current_geometry()
        box = next((b for b in geo.events if b.id == event_id), None) if geo is not None else None
        if box is None:
            return
        top, bottom = self._lanes_top(), self._overview_top()
        if box.y < top:
            self._scrollbar.setValue(round(self._scroll - (top - box.y) - self._style.lane_header_h))
        elif box.y + box.h > bottom:
            self._scrollbar.setValue(round(self._scroll + box.y + box.h - bottom + self._style.lane_pad))

    def _ensure_visible(self, event_id: str) -> None:
        assert self._layout is not None
        item = self._layout.items[event_id]
        vp = self._viewport
        if vp is None:
            return
        x0, x1 = vp.x(item.u0), vp.x(item.u1)
        if x1 - x0 > vp.width * 0.9:
            if x1 < 0 or x0 > vp.width:
                self._zoom_to(event_id)
            return
        if x0 < 20 or x1 > vp.width - 120:
            target = (item.u0 + item.u1) / 2
            self._set_viewport(Viewport(target - vp.width / 3 * vp.upp, vp.upp, vp.width))
        # Hidden in a "+N" badge at this zoom: zoom in until it has a row of its own.
        self._geo = None
        geo = self._current_geometry()
        if geo is not None and not any(box.id == event_id for box in geo.events):
            self._zoom_to(event_id)

    def _zoom_to(self, event_id: str) -> None:
        assert self._layout is not None
        item = self._layout.items[event_id]
        t0, t1 = item.t0, item.t1
        if t1 - t0 < 1:
            t0, t1 = t0 - HOUR, t1 + HOUR
        self._set_viewport(self._layout.viewport_for_times(t0, t1, self._plot_width(), pad=0.3))

    def _step_selection(self, direction: int) -> None:
        if self._layout is None or not self._layout.chronological:
            return
        order = self._layout.chronological
        if self._selected in order:
            k = min(max(order.index(self._selected) + direction, 0), len(order) - 1)
        else:
            k = 0 if direction > 0 else len(order) - 1
        self._activate(order[k])

    def _activate(self, event_id: str) -> None:
        self.select_event(event_id)
        self.eventActivated.emit(event_id)

    def _overview_top(self) -> float:
        return self.height() - self._style.overview_h

    def _lane_name_hit(self, pos: QPointF) -> Optional[int]:
        geo = self._current_geometry()
        if geo is None:
            return None
        for i, lane in enumerate(geo.lanes):
            w = self._fonts.width(lane.name, "lane") + 32
            if 0 <= pos.x() <= w and lane.y <= pos.y() <= lane.y + self._style.lane_header_h:
                return i
        return None

    def _center_overview_at(self, x: float) -> None:
        if self._layout is None or self._viewport is None:
            return
        u = self._overview_viewport().u(x)
        vp = self._viewport
        self._set_viewport(Viewport(u - vp.width / 2 * vp.upp, vp.upp, vp.width))

    # -- Qt events ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        try:
            with render.theme(self.theme_name()):
                geo = self._current_geometry()
                if geo is None or not self._layout.items:
                    # No axis at an arbitrary date (1 January 1970) when nothing is dated: say so.
                    painter.fillRect(self.rect(), render.BACKGROUND)
                    painter.setPen(render.MUTED)
                    painter.setFont(self._fonts.subtitle)
                    painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter,
                                     "No timeline" if geo is None else "No dated events to show")
                    return
                render.paint_timeline(painter, geo, self._fonts)
                self._paint_overview(painter, geo)
                if self._drag and self._drag.get("kind") == "lane" and self._drag.get("target") is not None:
                    self._paint_lane_drop(painter, geo)
        finally:
            painter.end()
            self.last_paint_ms = (time.perf_counter() - started) * 1000

    def _paint_overview(self, painter: QPainter, geo: Geometry) -> None:
        ov = geo.overview
        if ov is None:
            return
        dpr = self.devicePixelRatioF()
        if (self._overview_pixmap is None or self._overview_pixmap.width() != round(geo.width * dpr)
                or self._overview_pixmap.devicePixelRatio() != dpr):
            pixmap = QPixmap(round(geo.width * dpr), round(ov.h * dpr))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(render.BACKGROUND)
            p = QPainter(pixmap)
            p.translate(0, -ov.y)
            render.paint_overview(p, geo, window=False)
            p.end()
            self._overview_pixmap = pixmap
        painter.drawPixmap(QPointF(0, ov.y), self._overview_pixmap)
        render.paint_overview_window(painter, geo)

    def _paint_lane_drop(self, painter: QPainter, geo: Geometry) -> None:
        target = self._drag["target"]
        y = geo.lanes[target].y if target < len(geo.lanes) else geo.plot_bottom
        painter.setPen(QPen(QColor("#1a4fd6"), 3))
        painter.drawLine(QPointF(0, y), QPointF(geo.width, y))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._overview_pixmap = None
        self._overview_columns = None
        self._expanded_rows = {}   # counted for the old width
        if self._layout is None:
            return
        self._plan_rows()
        if self._viewport is None or self._auto_fit:
            self.fit_all()
        else:
            self._set_viewport(self._viewport.resized(self._plot_width()))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._viewport is None:
            return
        pixel = event.pixelDelta()
        angle = event.angleDelta()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if shift:
            delta = angle.y() or angle.x()
            self.pan_by(delta / 120 * self.width() / 10)
        elif abs(angle.x()) > abs(angle.y()):
            dx = pixel.x() if not pixel.isNull() else angle.x() / 120 * self.width() / 10
            self.pan_by(dx)
        elif angle.y():
            self.zoom_by(WHEEL_ZOOM_BASE ** angle.y(), event.position().x())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position().x())
                return True
        if event.type() == QEvent.Type.ToolTip:
            geo = self._current_geometry()
            box = geo.event_at(event.pos().x(), event.pos().y()) if geo else None
            if geo is not None and self._collapse_mark_hit(QPointF(event.pos())) is not None:
                QToolTip.showText(event.globalPos(), "Fold this lane back (Esc)", self)
            elif box is not None and self._layout is not None:
                QToolTip.showText(event.globalPos(), self._layout.describe(box.id), self)
            else:
                badge = geo.badge_at(event.pos().x(), event.pos().y()) if geo else None
                if badge is not None:
                    QToolTip.showText(event.globalPos(),
                                      f"{badge.count} more events here — click to show them all", self)
                else:
                    QToolTip.hideText()
                    event.ignore()
            return True
        return super().event(event)

    def focusNextPrevChild(self, next_child: bool) -> bool:
        # Tab / Shift+Tab step through events; Ctrl+Tab still leaves the widget.
        return False if self._layout is not None else super().focusNextPrevChild(next_child)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._viewport is None:
            return super().mousePressEvent(event)
        pos = event.position()
        if pos.y() >= self._overview_top():
            self._drag = {"kind": "overview"}
            self._center_overview_at(pos.x())
            return
        lane = self._lane_name_hit(pos)
        if lane is not None:
            self._drag = {"kind": "lane", "lane": lane, "target": None, "y": pos.y()}
            self.setCursor(Qt.CursorShape.SizeVerCursor)
            return
        self._drag = {"kind": "pan", "x": pos.x(), "y": pos.y(), "viewport": self._viewport,
                      "moved": False}
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def _hover_cursor(self, pos: QPointF) -> Qt.CursorShape:
        geo = self._current_geometry()
        if geo is None:
            return Qt.CursorShape.ArrowCursor
        if pos.y() >= self._overview_top():
            return Qt.CursorShape.SizeHorCursor
        if self._lane_name_hit(pos) is not None:
            return Qt.CursorShape.SizeVerCursor
        if self._collapse_mark_hit(pos) is not None:
            return Qt.CursorShape.PointingHandCursor
        if geo.badge_at(pos.x(), pos.y()) is not None or geo.event_at(pos.x(), pos.y()) is not None:
            return Qt.CursorShape.PointingHandCursor
        return Qt.CursorShape.OpenHandCursor

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        pos = event.position()
        if drag is None:
            shape = self._hover_cursor(pos)
            if self.cursor().shape() != shape:
                self.setCursor(shape)
            return super().mouseMoveEvent(event)
        if drag["kind"] == "overview":
            self._center_overview_at(pos.x())
        elif drag["kind"] == "lane":
            geo = self._current_geometry()
            if geo is not None and abs(pos.y() - drag["y"]) > _DRAG_THRESHOLD:
                target = len(geo.lanes)
                for i, lane in enumerate(geo.lanes):
                    if pos.y() < lane.y + lane.h / 2:
                        target = i
                        break
                drag["target"] = target
                self.update()
        else:
            dx = pos.x() - drag["x"]
            if drag["moved"] or abs(dx) > _DRAG_THRESHOLD or abs(pos.y() - drag["y"]) > _DRAG_THRESHOLD:
                drag["moved"] = True
                self._set_viewport(drag["viewport"].panned(dx))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.setCursor(self._hover_cursor(event.position()))
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        if drag["kind"] == "lane":
            target = drag.get("target")
            if target is not None and self._layout is not None:
                order = self.lane_order()
                moving = order.pop(drag["lane"])
                order.insert(target - (1 if target > drag["lane"] else 0), moving)
                if order != self.lane_order():
                    self.set_lane_order(order)
                    self.laneOrderChanged.emit(order)
            self.update()
            return
        if drag["kind"] == "pan" and not drag["moved"]:
            self._click(event.position())

    def _click(self, pos: QPointF) -> None:
        geo = self._current_geometry()
        if geo is None:
            return
        if pos.y() < geo.plot_top:
            return   # the axis (lanes scrolled under it are not clickable there)
        lane = self._collapse_mark_hit(pos)
        if lane is not None:
            self.collapse_lane(lane)
            return
        badge = geo.badge_at(pos.x(), pos.y())
        if badge is not None and self._layout is not None:
            self._badge_clicked(badge, pos)
            return
        box = geo.event_at(pos.x(), pos.y())
        if box is not None:
            self._activate(box.id)

    def _collapse_mark_hit(self, pos: QPointF) -> Optional[str]:
        """The id of the expanded lane whose collapse mark is at ``pos``."""
        geo = self._current_geometry()
        for lane in geo.lanes if geo is not None else ():
            if lane.expanded and render.collapse_mark_rect(lane, self._fonts).contains(pos):
                return lane.id
        return None

    def _badge_clicked(self, badge: Badge, pos: QPointF) -> None:
        """Grow the badge's lane so its events get rows; list them instead when they share one
        instant or the lane is already as tall as it may grow."""
        geo = self._current_geometry()
        lane_id = geo.lanes[badge.lane].id
        hidden = self._layout.badge_events(geo, badge)
        if lane_id not in self._expanded and not self._layout.share_one_instant(hidden):
            self.expand_lane(lane_id)
        else:
            self.open_cluster_menu(badge, pos)

    def open_cluster_menu(self, badge: Badge, pos: QPointF) -> None:
        """List the events a "+N" badge hides (pick one to select it), with "zoom in" first when
        zooming can still give them room."""
        geo = self._current_geometry()
        if geo is None or self._layout is None or self._viewport is None:
            return
        hidden = self._layout.badge_events(geo, badge)
        zoom = None
        if self._layout.can_zoom_apart(self._viewport, hidden):
            t0, t1 = badge.t0, max(badge.t1, badge.t0 + 1)
            zoom = lambda: self._set_viewport(   # noqa: E731
                self._layout.viewport_for_times(t0, t1, self._plot_width(), pad=0.1))
        if self.cluster_menu is not None:
            self.cluster_menu.close()
        self.cluster_menu = ClusterMenu(self._layout, hidden, zoom, self._activate,
                                        self.eventsListed.emit, self)
        self.cluster_menu.popup(self.mapToGlobal(pos.toPoint()))

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        geo = self._current_geometry()
        if geo is None:
            return
        pos = event.pos()
        box = geo.event_at(pos.x(), pos.y())
        lane = geo.lane_at(pos.y())
        lane_id = geo.lanes[lane].id if lane is not None else None
        if box is not None and box.id != self._selected:
            self._activate(box.id)
        self.contextRequested.emit(box.id if box else None, lane_id, event.globalPos())
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        geo = self._current_geometry()
        box = geo.event_at(event.position().x(), event.position().y()) if geo else None
        if box is None:
            return super().mouseDoubleClickEvent(event)
        if box.id != self._selected:
            self._activate(box.id)
        self._zoom_to(box.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._viewport is None:
            return super().keyPressEvent(event)
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        width = self._viewport.width
        if key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.zoom_by(KEY_ZOOM)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / KEY_ZOOM)
        elif ctrl and key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_Tab or (ctrl and key == Qt.Key.Key_Right):
            self._step_selection(+1)
        elif key == Qt.Key.Key_Backtab or (ctrl and key == Qt.Key.Key_Left):
            self._step_selection(-1)
        elif key == Qt.Key.Key_Left:
            self.pan_by(width * (0.9 if shift else 0.125))
        elif key == Qt.Key.Key_Right:
            self.pan_by(-width * (0.9 if shift else 0.125))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self._layout is not None:
            vp = self._viewport
            if key == Qt.Key.Key_Home:
                u0 = self._layout.u_lo - self._style.margin_left * vp.upp
            else:
                u0 = self._layout.u_hi + self._style.margin_right * vp.upp - vp.width * vp.upp
            self._set_viewport(Viewport(u0, vp.upp, vp.width))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self._zoom_to(self._selected)
        elif key == Qt.Key.Key_Escape and self._selected:
            self.select_event(None)
        elif key == Qt.Key.Key_Escape and self._expanded:
            self.collapse_lane(self._expanded[-1])
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self._scrollbar.isVisible():
            self.scroll_lanes_by(self._style.row_h * (3 if key == Qt.Key.Key_Down else -3))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and self._scrollbar.isVisible():
            page = self._scrollbar.pageStep() * 0.9
            self.scroll_lanes_by(page if key == Qt.Key.Key_PageDown else -page)
        else:
            return super().keyPressEvent(event)
        event.accept()

    # -- offscreen rendering (benchmarks, tests) ------------------------------------------
    def grab_image(self, scale: float = 1.0) -> QImage:
        """This view's current frame as an image at ``scale`` (goes through paintEvent)."""
        image = QImage(round(self.width() * scale), round(self.height() * scale),
                       QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(scale)
        image.fill(Qt.GlobalColor.white)
        self.render(image)
        return image
