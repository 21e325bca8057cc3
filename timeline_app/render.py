"""Geometry -> QPainter: the only drawing code. The window's view, PNG, SVG and PDF all go through
:func:`paint_timeline`, so an export looks exactly like the screen.

Public API:
    load_fonts() -> str
    Fonts / fonts() -> Fonts
    make_layout(timeline, compress_gaps=True, lane_order=None) -> TimelineLayout
    paint_timeline(painter, geometry, cache=None)
    paint_overview(painter, geometry, window=True) / paint_overview_window(painter, geometry)
    render_image(timeline, width=1600, scale=1.0, height=None, *, time_range=None,
                 compress_gaps=True, selected=None) -> QImage
    write_svg(timeline, path, width=1600, height=None)
    write_pdf(timeline, path, width=1600, height=None, page=None)   (page: None, "a4", "letter")
    save_vector(timeline, path, fmt, width=1600, height=None, page=None) -> bool  (fmt: "svg" | "pdf")
    ExportFrame(timeline, width, height): a whole-timeline export (timeline, legend, source line)
"""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Optional, Sequence

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QGuiApplication,
                           QImage, QLinearGradient, QPainter, QPen, QPolygonF,
                           QStaticText)

from .layout import legend as legend_layout
from .layout.geometry import Geometry, LaneBox, Style, TimelineLayout
from .layout.scale import to_seconds
from .model import Timeline
from .resources import ResourceError, resource_path

FONT_FILES = ("SourceSansPro-Regular.ttf", "SourceSansPro-Semibold.ttf", "SourceSansPro-It.ttf")
FALLBACK_FAMILY = "Source Sans Pro"

INK = QColor("#1f2328")
MUTED = QColor("#5f6670")
GRID = QColor("#eceef1")
GRID_MAJOR = QColor("#c9ced6")
SELECT = QColor("#1a4fd6")
SELECT_FILL = QColor(255, 221, 120, 200)
BREAK_FILL = QColor("#f3f4f6")
BREAK_LINE = QColor("#9aa1ab")
BACKGROUND = QColor("#ffffff")
#: The plate behind a lane's name.
PLATE = QColor(255, 255, 255, 225)

#: The colours above, per theme. The window follows the system's light or dark palette; exports are
#: always light (a report's page is white).
THEMES = {
    "light": dict(INK=QColor("#1f2328"), MUTED=QColor("#5f6670"), GRID=QColor("#eceef1"),
                  GRID_MAJOR=QColor("#c9ced6"), SELECT=QColor("#1a4fd6"), SELECT_FILL=QColor(255, 221, 120, 200),
                  BREAK_FILL=QColor("#f3f4f6"), BREAK_LINE=QColor("#9aa1ab"), BACKGROUND=QColor("#ffffff"),
                  PLATE=QColor(255, 255, 255, 225)),
    "dark": dict(INK=QColor("#e8eaed"), MUTED=QColor("#a7adb5"), GRID=QColor("#2d3036"),
                 GRID_MAJOR=QColor("#4b5059"), SELECT=QColor("#7aa7ff"), SELECT_FILL=QColor(120, 100, 30, 200),
                 BREAK_FILL=QColor("#2a2d32"), BREAK_LINE=QColor("#7d848e"), BACKGROUND=QColor("#1c1d20"),
                 PLATE=QColor(28, 29, 32, 225)),
}
_current_theme = "light"


class theme:  # noqa: N801 - used as a context manager: ``with render.theme("dark"): ...``
    """Draw with the colours of ``name`` ("light" or "dark") inside the ``with`` block."""

    def __init__(self, name: str):
        self.name = name if name in THEMES else "light"

    def __enter__(self) -> "theme":
        self.previous = _current_theme
        _use(self.name)
        return self

    def __exit__(self, *exc) -> None:
        _use(self.previous)


def _use(name: str) -> None:
    global _current_theme
    if name != _current_theme:
        globals().update(THEMES[name])
        _current_theme = name

#: Label rows one lane may take in an exported image: enough that every label gets one.
EXPORT_MAX_ROWS = 150

_family: Optional[str] = None
_app_keepalive = None


def _ensure_app() -> None:
    """Fonts and images need an application object; export may run before anyone made one.
    A QApplication (not just a QGuiApplication), so widgets can still be made afterwards in the
    same process (tests, the window opened after an export)."""
    global _app_keepalive
    if QGuiApplication.instance() is None:
        from PySide6.QtWidgets import QApplication
        _app_keepalive = QApplication([])


def load_fonts() -> str:
    """Register the bundled OFL font once; returns its family name (used for everything)."""
    global _family
    if _family is not None:
        return _family
    _ensure_app()
    family = None
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise ResourceError(f"unreadable resource {path} (Qt could not load the font)")
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    _family = family or FALLBACK_FAMILY
    return _family


def _font(family: str, pixel_size: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont(family)
    font.setPixelSize(pixel_size)
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    return font


class Fonts:
    """The fonts of the view, their metrics, and caches of prepared text."""

    def __init__(self, family: Optional[str] = None):
        family = family or load_fonts()
        self.title = _font(family, 17, QFont.Weight.DemiBold)
        self.subtitle = _font(family, 12)
        self.label = _font(family, 13)
        self.label_bold = _font(family, 13, QFont.Weight.DemiBold)
        self.axis = _font(family, 12)
        self.axis_major = _font(family, 12, QFont.Weight.DemiBold)
        self.lane = _font(family, 13, QFont.Weight.DemiBold)
        self.badge = _font(family, 11, QFont.Weight.DemiBold)
        self.label_metrics = QFontMetricsF(self.label)
        self.axis_metrics = QFontMetricsF(self.axis)
        self.lane_metrics = QFontMetricsF(self.lane)
        self.badge_metrics = QFontMetricsF(self.badge)
        self._subtitle_metrics = QFontMetricsF(self.subtitle)
        self._static: dict[tuple[str, int, int], QStaticText] = {}
        self._width: dict[tuple[str, str], float] = {}
        self._seen: set[tuple[str, int, int]] = set()
        self._elided: dict[tuple[str, int, int], str] = {}

    def subtitle_metrics(self) -> QFontMetricsF:
        return self._subtitle_metrics

    def measure_label(self, text: str) -> float:
        return self.label_metrics.horizontalAdvance(text)

    def measure_axis(self, text: str) -> float:
        return self.axis_metrics.horizontalAdvance(text)

    def static(self, text: str, font_key: str, max_width: float = 1e9) -> QStaticText:
        """A prepared text (elided to ``max_width``), cached: drawing it again costs no layout."""
        key = (text, int(max_width), id(getattr(self, font_key)))
        st = self._static.get(key)
        if st is None:
            if len(self._static) > 20000:
                self._static.clear()
            font = getattr(self, font_key)
            metrics = QFontMetricsF(font)
            shown = text
            if max_width < 1e8 and metrics.horizontalAdvance(text) > max_width:
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_width)
            st = QStaticText(shown)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=font)   # (AggressiveCaching measured slower here: not used)
            self._static[key] = st
        return st

    def draw_label(self, painter: QPainter, x: float, top: float, text: str, max_width: float,
                   full_width: float, font_key: str = "label") -> None:
        """Draw an event label at ``(x, top)`` elided to ``max_width``; the painter's font must be
        ``font_key``'s. A label seen for the first time is drawn directly (half the cost of
        preparing a QStaticText); from its second frame on it is drawn from a cached QStaticText.
        """
        elided = full_width > max_width + 0.5
        key = (text, int(max_width) if elided else -1, id(getattr(self, font_key)))
        st = self._static.get(key)
        if st is not None:
            painter.drawStaticText(QPointF(x, top), st)
            return
        shown = text
        if elided:
            shown = self._elided.get(key)
            if shown is None:
                metrics = QFontMetricsF(getattr(self, font_key))
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_width)
                self._elided[key] = shown
        if key in self._seen:
            if len(self._static) > 20000:
                self._static.clear()
            st = QStaticText(shown)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=getattr(self, font_key))
            self._static[key] = st
            painter.drawStaticText(QPointF(x, top), st)
            return
        if len(self._seen) > 50000:
            self._seen.clear()
            self._elided.clear()
        self._seen.add(key)
        painter.drawText(QPointF(x, top + self.label_metrics.ascent()), shown)

    def width(self, text: str, font_key: str) -> float:
        key = (text, font_key)
        w = self._width.get(key)
        if w is None:
            w = QFontMetricsF(getattr(self, font_key)).horizontalAdvance(text)
            self._width[key] = w
        return w


_fonts: Optional[Fonts] = None


def fonts() -> Fonts:
    global _fonts
    if _fonts is None:
        _fonts = Fonts()
    return _fonts


def make_layout(timeline: Timeline, compress_gaps: bool = True,
                lane_order: Optional[Sequence[str]] = None, style: Style = Style()) -> TimelineLayout:
    """A :class:`TimelineLayout` measuring text with the bundled font."""
    f = fonts()
    return TimelineLayout(timeline, f.measure_label, compress_gaps=compress_gaps,
                          lane_order=lane_order, style=style, tick_measure=f.measure_axis,
                          name_measure=lambda name: f.width(name, "lane"))


# -- painting ------------------------------------------------------------------------------------
_colors: dict[tuple[str, int], QColor] = {}


def _color(hex_color: str, alpha: int = 255) -> QColor:
    """A cached QColor of ``#rrggbb`` with ``alpha`` (invalid colours draw grey)."""
    key = (hex_color, alpha)
    c = _colors.get(key)
    if c is None:
        c = QColor(hex_color)
        if not c.isValid():
            c = QColor("#888888")
        c.setAlpha(alpha)
        _colors[key] = c
    return c


def paint_timeline(painter: QPainter, geo: Geometry, cache: Optional[Fonts] = None) -> None:
    """Draw one frame of the timeline (everything but the overview strip) in logical pixels."""
    f = cache or fonts()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    # White where the lanes do not paint (they cover the rest): filling twice costs a frame time.
    w = int(geo.width) + 1
    painter.fillRect(0, 0, w, int(geo.plot_top) + 1, BACKGROUND)
    painter.fillRect(0, int(geo.plot_bottom), w, int(geo.height - geo.plot_bottom) + 1, BACKGROUND)
    _paint_lanes_background(painter, geo)
    _paint_grid(painter, geo)
    _paint_breaks(painter, geo, f)
    _paint_axis(painter, geo, f)
    _paint_badges(painter, geo, f)
    _paint_events(painter, geo, f)
    _paint_lane_names(painter, geo, f)
    if geo.scroll > 0:
        # Lanes scrolled up run under the axis: draw the band above them again, over them.
        painter.setClipRect(QRectF(0, 0, geo.width, geo.plot_top))
        painter.fillRect(0, 0, w, int(geo.plot_top) + 1, BACKGROUND)
        _paint_grid(painter, geo)
        _paint_breaks(painter, geo, f)
        _paint_axis(painter, geo, f)
        painter.setClipping(False)
    if geo.title or geo.subtitle:
        _paint_header(painter, geo, f)
    painter.restore()


def _paint_header(painter: QPainter, geo: Geometry, f: Fonts) -> None:
    painter.fillRect(QRectF(0, 0, geo.width, geo.axis_y), BACKGROUND)
    painter.setPen(INK)
    painter.setFont(f.title)
    painter.drawStaticText(QPointF(14, 6), f.static(geo.title, "title", geo.width - 28))
    painter.setPen(MUTED)
    painter.setFont(f.subtitle)
    painter.drawStaticText(QPointF(14, 29), f.static(geo.subtitle, "subtitle", geo.width - 28))


def _mix(hex_color: str, alpha: int, over: Optional[QColor] = None) -> QColor:
    """The opaque colour of ``hex_color`` at ``alpha`` over ``over``: opaque fills are much
    cheaper to rasterise than translucent ones, and look the same on a plain background."""
    if over is None:
        over = BACKGROUND
    key = (hex_color, alpha, over.rgb())
    c = _mixed.get(key)
    if c is None:
        top = _color(hex_color)
        a = alpha / 255.0
        c = QColor(round(top.red() * a + over.red() * (1 - a)),
                   round(top.green() * a + over.green() * (1 - a)),
                   round(top.blue() * a + over.blue() * (1 - a)))
        _mixed[key] = c
    return c


_mixed: dict[tuple[str, int, int], QColor] = {}
LANE_TINT = (9, 16)


def _lane_bg(geo: Geometry, lane_index: int) -> QColor:
    lane = geo.lanes[lane_index]
    return _mix(lane.color, LANE_TINT[lane_index % 2])


def _paint_lanes_background(painter: QPainter, geo: Geometry) -> None:
    for i, lane in enumerate(geo.lanes):
        painter.fillRect(0, int(lane.y), int(geo.width) + 1, int(lane.h) + 1, _lane_bg(geo, i))
        painter.fillRect(0, int(lane.y), 4, int(lane.h) + 1, _color(lane.color))
    if geo.lanes:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(GRID_MAJOR, 1))
        painter.drawLines([QLineF(0, y, geo.width, y) for y in [lane.y for lane in geo.lanes] + [geo.plot_bottom]])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)


def _paint_grid(painter: QPainter, geo: Geometry) -> None:
    """Vertical hairlines as one-pixel-wide integer fills: the same pixels as aliased 1 px lines
    (column floor(x), rows floor(top)..floor(bottom)) at a fraction of the raster engine's cost."""
    top, bottom, width = geo.plot_top, geo.plot_bottom, geo.width
    fill_rect = painter.fillRect
    y0 = math.floor(top)
    h = math.floor(bottom) - y0 + 1
    for t in geo.minor_ticks:
        x = t.x
        if 0 <= x <= width:
            fill_rect(math.floor(x), y0, 1, h, GRID)
    y0 = math.floor(geo.axis_y + 2)
    h = math.floor(bottom) - y0 + 1
    for t in geo.major_ticks:
        x = t.x
        if t.line and 0 <= x <= width:
            fill_rect(math.floor(x), y0, 1, h, GRID_MAJOR)


def _zigzag(x: float, top: float, bottom: float, amplitude: float = 3.0, step: float = 6.0) -> QPolygonF:
    points = []
    y, k = top, 0
    while y < bottom:
        points.append(QPointF(x + (amplitude if k % 2 else -amplitude), y))
        y += step
        k += 1
    points.append(QPointF(x, bottom))
    return QPolygonF(points)


def _paint_breaks(painter: QPainter, geo: Geometry, f: Fonts) -> None:
    top, bottom = geo.axis_y + 2, geo.plot_bottom
    for b in geo.breaks:
        rect = QRectF(b.x0, top, max(b.x1 - b.x0, 1.0), bottom - top)
        painter.fillRect(rect, BREAK_FILL)
        painter.fillRect(rect, QBrush(QColor(0, 0, 0, 18), Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(BREAK_LINE, 1.2))
        painter.drawPolyline(_zigzag(b.x0, top, bottom))
        painter.drawPolyline(_zigzag(b.x1, top, bottom))
        text = b.label
        w = f.width(text, "axis")
        if w + 8 > b.x1 - b.x0:   # "20 years" -> "20 y" when the break is narrow
            text = b.label.replace(" years", " y").replace(" months", " mo").replace(" days", " d")
            w = f.width(text, "axis")
        if w + 8 <= b.x1 - b.x0:
            painter.setPen(MUTED)
            painter.setFont(f.axis)
            painter.drawStaticText(QPointF((b.x0 + b.x1 - w) / 2, geo.axis_y + 20),
                                   f.static(text, "axis"))
        elif b.x1 - b.x0 > 14:
            painter.setPen(MUTED)
            painter.setFont(f.axis)
            painter.drawStaticText(QPointF((b.x0 + b.x1) / 2 - 5, geo.axis_y + 20), f.static("⋯", "axis"))


def _paint_axis(painter: QPainter, geo: Geometry, f: Fonts) -> None:
    y0 = geo.axis_y
    bottom = y0 + geo.axis_h
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(GRID_MAJOR, 1))
    painter.drawLine(QPointF(0, bottom), QPointF(geo.width, bottom))
    painter.setFont(f.axis)
    painter.setPen(QPen(MUTED, 1))
    painter.drawLines([QLineF(t.x, bottom - 6, t.x, bottom) for t in geo.minor_ticks
                       if 0 <= t.x <= geo.width])
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for t in geo.minor_ticks:
        if -80 <= t.x <= geo.width:
            if t.label:
                painter.drawStaticText(QPointF(t.x + 3, y0 + 21), f.static(t.label, "axis"))
    painter.setFont(f.axis_major)
    painter.setPen(INK)
    majors = sorted(geo.major_ticks, key=lambda t: t.x)
    stops = sorted([t.x for t in majors] + [b.x0 for b in geo.breaks] + [geo.width + 8])
    for t in majors:
        if t.x > geo.width:
            continue
        room = min(x for x in stops if x > t.x + 1) - t.x - 8
        if room < 24:
            continue
        painter.drawStaticText(QPointF(t.x + 3, y0 + 3), f.static(t.label, "axis_major", room))


def _paint_badges(painter: QPainter, geo: Geometry, f: Fonts) -> None:
    badges = geo.badges
    if not badges:
        return
    bands: dict[int, QColor] = {}     # per lane: the density band's colour over the lane tint
    fill_rect = painter.fillRect
    for b in badges:
        band = bands.get(b.lane)
        if band is None:
            band = bands[b.lane] = _mix(b.color, 150, _lane_bg(geo, b.lane))
        fill_rect(int(b.band_x0), int(b.y + b.h), int(max(b.band_x1 - b.band_x0, 2.0)) + 2, 3, band)
    painter.setPen(Qt.PenStyle.NoPen)
    texts = []
    width, set_brush, draw_rounded = f.width, painter.setBrush, painter.drawRoundedRect
    brush = None
    for b in badges:
        text = f"+{b.count}"
        w = width(text, "badge") + 10
        color = _color(b.color)
        if color is not brush:
            set_brush(color)
            brush = color
        draw_rounded(QRectF(b.x, b.y, w, b.h), b.h / 2, b.h / 2)
        texts.append((b, text))
    painter.setFont(f.badge)
    painter.setPen(Qt.GlobalColor.white)
    text_h = f.badge_metrics.height()
    static, draw_static = f.static, painter.drawStaticText
    for b, text in texts:
        draw_static(QPointF(b.x + 5, b.y + (b.h - text_h) / 2), static(text, "badge"))


def _paint_events(painter: QPainter, geo: Geometry, f: Fonts) -> None:
    label_h = f.label_metrics.height()
    width = geo.width
    events = geo.events
    if geo.plot_bottom > geo.height or geo.scroll > 0:
        # A lane grown taller than the view: rows scrolled out of sight cost no drawing.
        top, bottom = geo.plot_top, geo.height
        events = [box for box in events if box.y + box.h >= top and box.y <= bottom]
    selected = [box for box in events if box.selected]
    painter.setPen(Qt.PenStyle.NoPen)
    for box in selected:
        x, y, w, h = box.rect()
        painter.setBrush(SELECT_FILL)
        painter.drawRoundedRect(QRectF(x - 3, y, w + 6, h), 4, 4)
    # Sort the boxes once (locals only: this loop runs for every visible event every frame).
    crisp, fuzzy, points = [], [], []
    for box in events:
        if box.point:
            points.append(box)
        elif box.fuzzy and box.x1 - box.x0 >= 12:
            fuzzy.append(box)
        else:
            crisp.append(box)
    # Marks first, grouped by kind so state changes stay few; text after, in one font.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if crisp:
        _paint_bars(painter, geo, crisp, width)
    for box in fuzzy:
        bar_h = box.h - 7
        x0 = max(box.x0, -20.0)
        x1 = min(max(box.x1, box.x0 + 2.0), width + 20.0)
        span = max(box.x1 - box.x0, 1e-6)
        edge = min(min(0.3 * span, 36.0) / span, 0.5)
        grad = QLinearGradient(box.x0, 0, box.x1, 0)
        clear = _lane_bg(geo, box.lane)
        solid = _mix(box.color, 105, clear)
        grad.setColorAt(0.0, clear)
        grad.setColorAt(edge, solid)
        grad.setColorAt(1.0 - edge, solid)
        grad.setColorAt(1.0, clear)
        painter.fillRect(QRectF(x0, box.y + 3.5, max(x1 - x0, 2.0), bar_h), QBrush(grad))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if points:
        painter.setPen(QPen(Qt.GlobalColor.white, 1))
        set_brush, draw_polygon = painter.setBrush, painter.drawPolygon
        diamond = _DIAMOND
        brush = None
        for box in points:
            color = _color(box.color)
            if color is not brush:
                set_brush(color)
                brush = color
            draw_polygon(diamond.translated(box.x0, box.y + box.h / 2))
    painter.setPen(INK)
    painter.setFont(f.label)
    _paint_labels(painter, f, events, label_h)
    # The selection: an outline around mark and label, and the text in the accent colour (same
    # weight, so it keeps exactly the room the packing gave it).
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for box in selected:
        x, y, w, h = box.rect()
        painter.setPen(QPen(SELECT, 2))
        painter.drawRoundedRect(QRectF(x - 3, y + 1, w + 6, h - 2), 4, 4)
        if box.label_w > 8:
            painter.setPen(SELECT)
            f.draw_label(painter, box.label_x, box.y + (box.h - label_h) / 2, box.text, box.label_w,
                         box.text_w)


#: A point event's diamond (radius 5) around the origin; moved to each event with translated().
_DIAMOND = QPolygonF([QPointF(0.0, -5.0), QPointF(5.0, 0.0), QPointF(0.0, 5.0), QPointF(-5.0, 0.0)])


def _paint_bars(painter: QPainter, geo: Geometry, boxes: list, width: float) -> None:
    """Crisp bars: integer rectangles (the raster engine's fast path, no antialiasing wanted),
    drawn in the boxes' order with the colours looked up once per lane."""
    fill_rect = painter.fillRect
    lo, hi = -20.0, width + 20.0
    colors: dict[int, tuple[QColor, QColor]] = {}
    for box in boxes:
        lane = box.lane
        pair = colors.get(lane)
        if pair is None:
            pair = colors[lane] = (_mix(box.color, 70, _lane_bg(geo, lane)), _color(box.color))
        fill, edge = pair
        bx0, bx1 = box.x0, box.x1
        bar_h = int(box.h - 7)
        top = int(box.y + 4)
        x0 = int(bx0 if bx0 > lo else lo)
        x1 = bx0 + 2.0
        if bx1 > x1:
            x1 = bx1
        x1 = int(x1 if x1 < hi else hi)
        fill_rect(x0, top, x1 - x0 if x1 - x0 > 2 else 2, bar_h, fill)
        start, end = box.bar_edges()
        if start:
            fill_rect(int(bx0), top, 3, bar_h, edge)
        if end:
            fill_rect(int(bx1) - 3, top, 3, bar_h, edge)


def _paint_labels(painter: QPainter, f: Fonts, events: list, label_h: float) -> None:
    """The labels of the unselected boxes; the cached QStaticText path is inlined (hot loop)."""
    draw_label = f.draw_label
    draw_static = painter.drawStaticText
    static_get = f._static.get
    font_id = id(f.label)
    for box in events:
        label_w = box.label_w
        if label_w > 8 and not box.selected:
            top = box.y + (box.h - label_h) / 2
            text = box.text
            st = static_get((text, int(label_w) if box.text_w > label_w + 0.5 else -1, font_id))
            if st is not None:
                draw_static(QPointF(box.label_x, top), st)
            else:
                draw_label(painter, box.label_x, top, text, label_w, box.text_w)


def collapse_mark_rect(lane: LaneBox, f: Fonts) -> QRectF:
    """Where an expanded lane's collapse mark is drawn (and clicked): right of its name plate."""
    return QRectF(8 + f.width(lane.name, "lane") + 28, lane.y + 3, 22, 18)


def _paint_collapse_mark(painter: QPainter, lane: LaneBox, f: Fonts) -> None:
    rect = collapse_mark_rect(lane, f)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PLATE)
    painter.drawRoundedRect(rect, 4, 4)
    painter.setBrush(_color(lane.color))
    cx, cy = rect.center().x(), rect.center().y()
    painter.drawPolygon(QPolygonF([QPointF(cx - 5, cy + 3), QPointF(cx + 5, cy + 3), QPointF(cx, cy - 3)]))


def _paint_lane_names(painter: QPainter, geo: Geometry, f: Fonts) -> None:
    painter.setFont(f.lane)
    for lane in geo.lanes:
        if lane.expanded:
            _paint_collapse_mark(painter, lane, f)
        w = f.width(lane.name, "lane")
        rect = QRectF(8, lane.y + 3, w + 24, 18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PLATE)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setBrush(_color(lane.color))
        painter.drawEllipse(QRectF(13, lane.y + 7.5, 9, 9))
        painter.setPen(INK)
        painter.drawStaticText(QPointF(27, lane.y + 3 + (18 - f.lane_metrics.height()) / 2),
                               f.static(lane.name, "lane"))


def paint_overview(painter: QPainter, geo: Geometry, window: bool = True) -> None:
    """The strip of the whole article with the visible window marked (widget only).

    ``window=False`` draws only the static part (the widget caches it in a pixmap)."""
    ov = geo.overview
    if ov is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRectF(0, ov.y, geo.width, ov.h), BREAK_FILL)
    painter.setPen(QPen(GRID_MAJOR, 1))
    painter.drawLine(QPointF(0, ov.y), QPointF(geo.width, ov.y))
    for x0, x1 in ov.breaks:
        painter.fillRect(QRectF(x0, ov.y + 1, max(x1 - x0, 1.0), ov.h - 1),
                         QBrush(QColor(0, 0, 0, 40), Qt.BrushStyle.BDiagPattern))
    n = max(len(ov.columns), 1)
    band = (ov.h - 8) / n
    for k, (color, columns) in enumerate(ov.columns):
        fill = _color(color, 190)
        y0 = ov.y + 4 + k * band
        for x0, x1 in columns:
            painter.fillRect(QRectF(x0, y0, max(x1 - x0, 1), max(band - 1, 1.0)), fill)
    painter.restore()
    if window:
        paint_overview_window(painter, geo)


def paint_overview_window(painter: QPainter, geo: Geometry) -> None:
    """The visible window's rectangle on the overview strip."""
    ov = geo.overview
    if ov is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    x0 = max(min(ov.window_x0, geo.width - 3), 0.0)
    x1 = min(max(ov.window_x1, x0 + 3), geo.width)
    painter.setPen(QPen(SELECT, 1.5))
    painter.setBrush(QColor(26, 79, 214, 40))
    painter.drawRect(QRectF(x0, ov.y + 2, x1 - x0, ov.h - 4))
    painter.restore()


# -- legend and source line ----------------------------------------------------------------------
def paint_legend(painter: QPainter, placed: Sequence[legend_layout.PlacedEntry], top: float,
                 width: float, f: Optional[Fonts] = None) -> None:
    """The legend (see layout/legend.py) with its top at ``top``: a swatch drawn like the timeline
    draws that thing, then its meaning."""
    f = f or fonts()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if placed:
        painter.setPen(QPen(GRID_MAJOR, 1))
        painter.drawLine(QPointF(0, top + 0.5), QPointF(width, top + 0.5))
    text_h = f.subtitle_metrics().height()
    for p in placed:
        x, y = p.x, top + p.y
        mid = y + legend_layout.ROW_H / 2
        _paint_swatch(painter, p.entry, QRectF(x, mid - 7, legend_layout.SWATCH_W, 14), f)
        painter.setPen(INK)
        painter.setFont(f.subtitle)
        painter.drawStaticText(QPointF(x + legend_layout.SWATCH_W + legend_layout.SWATCH_GAP, mid - text_h / 2),
                               f.static(p.entry.label, "subtitle"))
    painter.restore()


def _paint_swatch(painter: QPainter, entry: legend_layout.LegendEntry, r: QRectF, f: Fonts) -> None:
    color = _color(entry.color)
    kind = entry.kind
    painter.setPen(Qt.PenStyle.NoPen)
    if kind == "lane":
        painter.setBrush(color)
        painter.drawEllipse(QRectF(r.x() + 8, r.center().y() - 5, 10, 10))
    elif kind == "bar":
        painter.fillRect(r, _mix(entry.color, 70))
        painter.fillRect(QRectF(r.x(), r.y(), 3, r.height()), color)
        painter.fillRect(QRectF(r.right() - 3, r.y(), 3, r.height()), color)
    elif kind == "point":
        painter.setPen(QPen(Qt.GlobalColor.white, 1))
        painter.setBrush(color)
        painter.drawPolygon(_DIAMOND.translated(r.center().x(), r.center().y()))
    elif kind == "fuzzy":
        grad = QLinearGradient(r.x(), 0, r.right(), 0)
        solid = _mix(entry.color, 105)
        grad.setColorAt(0.0, BACKGROUND)
        grad.setColorAt(0.35, solid)
        grad.setColorAt(0.65, solid)
        grad.setColorAt(1.0, BACKGROUND)
        painter.fillRect(r, QBrush(grad))
    elif kind == "break":
        painter.fillRect(r, BREAK_FILL)
        painter.fillRect(r, QBrush(BREAK_LINE, Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(BREAK_LINE, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(_zigzag(r.x() + 3, r.y(), r.bottom()))
        painter.drawPolyline(_zigzag(r.right() - 3, r.y(), r.bottom()))
    elif kind == "badge":
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(r.x(), r.y() + 1, r.width(), r.height() - 2), 6, 6)
        painter.setPen(Qt.GlobalColor.white)
        painter.setFont(f.badge)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, "+N")


def paint_footer(painter: QPainter, text: str, top: float, width: float, f: Optional[Fonts] = None) -> None:
    """The source line at the foot of an exported image."""
    f = f or fonts()
    painter.save()
    painter.setPen(MUTED)
    painter.setFont(f.subtitle)
    painter.drawStaticText(QPointF(legend_layout.PAD + 6, top + (legend_layout.FOOTER_H - f.subtitle_metrics().height()) / 2),
                           f.static(text, "subtitle", width - 2 * legend_layout.PAD - 12))
    painter.restore()


# -- whole-timeline output -----------------------------------------------------------------------
def _timeline_geometry(timeline: Timeline, width: float, height: Optional[float],
                       time_range: Optional[tuple[dt.datetime, dt.datetime]],
                       compress_gaps: bool, selected: Optional[str],
                       layout: Optional[TimelineLayout] = None) -> Geometry:
    layout = layout or make_layout(timeline, compress_gaps=compress_gaps)
    if time_range is not None:
        viewport = layout.viewport_for_times(to_seconds(time_range[0]), to_seconds(time_range[1]),
                                             width, pad=0.0)
    else:
        viewport = layout.fit_viewport(width)
    rows = layout.plan_rows(viewport, cap=EXPORT_MAX_ROWS)
    content_h = layout.content_height(rows)
    return layout.geometry(viewport, float(height or content_h), rows, selected=selected)


class ExportFrame:
    """A whole-timeline export: the timeline, then its legend, then the source line."""

    def __init__(self, timeline: Timeline, width: float, height: Optional[float],
                 time_range: Optional[tuple[dt.datetime, dt.datetime]] = None, compress_gaps: bool = True,
                 selected: Optional[str] = None, lane_order: Optional[Sequence[str]] = None):
        """``height``: of the whole image (the timeline gets what the legend and source line leave);
        ``lane_order``: the lanes as the user ordered them (lane ids first, as in the window)."""
        f = fonts()
        layout = make_layout(timeline, compress_gaps=compress_gaps, lane_order=lane_order)
        self.legend, legend_h = legend_layout.place(legend_layout.legend_entries(layout.lanes),
                                                    lambda t: f.width(t, "subtitle"), width)
        self.footer = legend_layout.source_line(timeline.article)
        extra = legend_h + (legend_layout.FOOTER_H if self.footer else 0.0)
        self.geo = _timeline_geometry(timeline, width, max(height - extra, 100.0) if height else None,
                                      time_range, compress_gaps, selected, layout)
        self.legend_top = self.geo.height
        self.footer_top = self.legend_top + legend_h
        self.width = float(width)
        self.height = self.footer_top + (legend_layout.FOOTER_H if self.footer else 0.0)

    def paint(self, painter: QPainter) -> None:
        with theme("light"):     # a report's page is white, whatever the screen's theme
            paint_timeline(painter, self.geo)
            paint_legend(painter, self.legend, self.legend_top, self.width)
            if self.footer:
                paint_footer(painter, self.footer, self.footer_top, self.width)


def render_image(timeline: Timeline, width: int = 1600, scale: float = 1.0,
                 height: Optional[int] = None, *,
                 time_range: Optional[tuple[dt.datetime, dt.datetime]] = None,
                 compress_gaps: bool = True, selected: Optional[str] = None,
                 lane_order: Optional[Sequence[str]] = None) -> QImage:
    """The WHOLE timeline (or ``time_range``) on an opaque white image of ``width``×``scale`` px.

    ``scale`` is the device pixel ratio: the layout is done at ``width`` logical px and drawn at
    ``scale`` times the pixels, so text stays crisp. ``height`` defaults to what the content needs.
    """
    load_fonts()
    width = max(int(width), 200)
    scale = scale if scale and scale > 0 else 1.0
    frame = ExportFrame(timeline, width, height, time_range, compress_gaps, selected, lane_order)
    image = QImage(QSize(round(width * scale), round(frame.height * scale)), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        frame.paint(painter)
    finally:
        painter.end()
    return image


def _paint_device(device_factory, timeline: Timeline, width: int, height: Optional[int],
                  lane_order: Optional[Sequence[str]] = None) -> None:
    load_fonts()
    frame = ExportFrame(timeline, max(int(width), 200), height, lane_order=lane_order)
    device = device_factory(frame)
    painter = QPainter(device)
    try:
        frame.paint(painter)
    finally:
        painter.end()


def write_svg(timeline: Timeline, path: str | Path, width: int = 1600, height: Optional[int] = None,
              lane_order: Optional[Sequence[str]] = None) -> None:
    """The whole timeline as SVG (QtSvg ships with PySide6-Essentials)."""
    from PySide6.QtSvg import QSvgGenerator

    def factory(geo: ExportFrame) -> QSvgGenerator:
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(QSize(int(geo.width), int(geo.height)))
        gen.setViewBox(QRectF(0, 0, geo.width, geo.height))
        gen.setTitle(timeline.article.title[:200])
        return gen
    _paint_device(factory, timeline, width, height, lane_order)


#: Paper sizes for paged PDF export (landscape).
PAGE_SIZES = {"a4": "A4", "letter": "Letter"}
#: Logical width a paged PDF's timeline is laid out at before it is scaled to the paper.
PAGED_WIDTH = 1400


def write_pdf(timeline: Timeline, path: str | Path, width: int = 1600, height: Optional[int] = None,
              page: Optional[str] = None, lane_order: Optional[Sequence[str]] = None) -> None:
    """The whole timeline as a one-page PDF sized to the content, or with ``page`` ("a4" or
    "letter") on landscape pages of that paper, as many as the timeline needs (cut between lanes)."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    if page is not None:
        _write_paged_pdf(timeline, path, page, lane_order)
        return

    def factory(geo: ExportFrame) -> QPdfWriter:
        writer = QPdfWriter(str(path))
        writer.setResolution(96)
        size = QPageSize(QSizeF(geo.width * 0.75, geo.height * 0.75), QPageSize.Unit.Point)
        writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setTitle(timeline.article.title[:200])
        return writer
    _paint_device(factory, timeline, width, height, lane_order)


def page_cuts(frame: "ExportFrame", page_h: float) -> list[tuple[float, float]]:
    """The vertical slices ``(top, bottom)`` of ``frame`` that go on each page: cut at a lane's
    edge where one lies in the lower part of the page, else at the page's height."""
    edges = sorted({lane.y for lane in frame.geo.lanes} | {frame.legend_top, frame.height})
    cuts, top = [], 0.0
    while top < frame.height - 0.5:
        limit = top + page_h
        if limit >= frame.height:
            cuts.append((top, frame.height))
            break
        fitting = [e for e in edges if top + page_h * 0.4 <= e <= limit]
        bottom = fitting[-1] if fitting else limit
        cuts.append((top, bottom))
        top = bottom
    return cuts


def _write_paged_pdf(timeline: Timeline, path: str | Path, page: str,
                     lane_order: Optional[Sequence[str]] = None) -> None:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    name = PAGE_SIZES.get(page.lower())
    if name is None:
        raise ValueError(f"unknown paper size {page!r} (use {' or '.join(PAGE_SIZES)})")
    load_fonts()
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    size = QPageSize(QPageSize.PageSizeId.A4 if name == "A4" else QPageSize.PageSizeId.Letter)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(timeline.article.title[:200])
    frame = ExportFrame(timeline, PAGED_WIDTH, None, lane_order=lane_order)
    rect = writer.pageLayout().paintRectPixels(96)
    scale = rect.width() / frame.width
    painter = QPainter(writer)
    try:
        for k, (top, bottom) in enumerate(page_cuts(frame, rect.height() / scale)):
            if k:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -top)
            painter.setClipRect(QRectF(0, top, frame.width, bottom - top))
            frame.paint(painter)
            painter.restore()
    finally:
        painter.end()


def save_vector(timeline: Timeline, path: str | Path, fmt: str, width: int = 1600,
                height: Optional[int] = None, page: Optional[str] = None,
                lane_order: Optional[Sequence[str]] = None) -> bool:
    """Write the whole timeline as ``fmt`` ("svg" or "pdf"); True when a non-empty file was written."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "svg":
        write_svg(timeline, path, width=width, height=height, lane_order=lane_order)
    elif fmt == "pdf":
        write_pdf(timeline, path, width=width, height=height, page=page, lane_order=lane_order)
    else:
        return False
    target = Path(path)
    return target.is_file() and target.stat().st_size > 0
