"""Timeline + viewport -> Geometry: every number the renderer draws, and nothing it decides. Qt-free.

:class:`TimelineLayout` prepares a timeline once (time map, lanes, items sorted per lane, measured
label widths); :meth:`TimelineLayout.geometry` then lays out one frame for a viewport, visiting
only what is visible.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Callable, Collection, Optional, Sequence

from ..model import Event, Timeline
from .labels import Cluster, LaneItems, pack_lane, rows_needed
from .lanes import Lane, build_lanes, lane_of
from .scale import (DAY, HOUR, MAX_SECONDS_PER_PX, MIN_SECONDS_PER_PX, YEAR, TimeMap, Viewport,
                    bc_label, era_interval, from_seconds, to_seconds)
from .ticks import MONTHS_SHORT, TickChooser, major_label, year_text

Measure = Callable[[str], float]

#: Known only roughly: drawn with soft (faded) edges.
FUZZY_GRANULARITIES = frozenset({"millennium", "century", "decade", "half-year", "season",
                                 "part-of-day", "unknown"})
#: Known to the hour or finer: drawn as a point.
POINT_GRANULARITIES = frozenset({"hour", "minute", "second"})
_FUZZY_VALUE = re.compile(r"^\d{1,3}$|-(SP|SU|FA|WI|H\d)$|T(MO|MI|AF|EV|NI|DT)$|X")


@dataclass(frozen=True)
class Style:
    """Sizes in logical px. One place, so the widget and the exports agree."""
    title_h: float = 50.0
    axis_h: float = 42.0
    lane_header_h: float = 22.0
    row_h: float = 24.0
    bar_h: float = 17.0
    lane_pad: float = 8.0
    overview_h: float = 36.0
    max_label_w: float = 340.0
    margin_left: float = 40.0
    margin_right: float = 40.0
    bottom_pad: float = 10.0


@dataclass
class EventItem:
    """One dated event, prepared once: its interval in seconds and in map units."""
    id: str
    lane: str
    t0: float
    t1: float
    u0: float
    u1: float
    point: bool
    fuzzy: bool
    title: str
    event: Event


@dataclass
class LaneBox:
    id: str
    name: str
    color: str
    y: float
    h: float
    rows: int
    expanded: bool = False   # grown by the reader to show all its events (drawn with a collapse mark)


@dataclass
class EventBox:
    id: str
    lane: int           # index into Geometry.lanes
    x0: float
    x1: float
    y: float            # top of the row
    h: float            # row height
    label_x: float
    label_w: float
    text: str           # full label text; the renderer elides it to label_w
    point: bool
    fuzzy: bool
    color: str
    selected: bool = False
    text_w: float = 0.0     # width of the full text (measured once), to know when to elide
    row: int = 0            # label row inside the lane

    def rect(self) -> tuple[float, float, float, float]:
        """Box ``(x, y, w, h)`` covering mark and label (for hit tests)."""
        left = min(self.x0, self.label_x) - (6.0 if self.point else 0.0)
        right = max(self.x1, self.label_x + self.label_w)
        return left, self.y, right - left, self.h

    def label_rect(self) -> tuple[float, float, float, float]:
        return self.label_x, self.y, self.label_w, self.h

    def bar_edges(self) -> tuple[bool, bool]:
        """Whether a bar's start and end lines (3 px) are drawn: not where they would cross the
        label's text (a label inside a long bar, or pulled left of it near the right edge)."""
        text_x0 = self.label_x - 1.0
        text_x1 = self.label_x + min(self.text_w, self.label_w) + 1.0 if self.label_w > 8 else text_x0
        start = not (text_x0 < self.x0 + 3.0 and self.x0 < text_x1)
        end = self.x1 - self.x0 > 6 and not (text_x0 < self.x1 and self.x1 - 3.0 < text_x1)
        return start, end


@dataclass
class Badge:
    lane: int
    x: float
    y: float
    h: float
    count: int
    band_x0: float      # density band of the hidden items
    band_x1: float
    t0: float           # time range of the hidden items (zoom target)
    t1: float
    color: str
    first: int = -1     # the hidden run: indices into the lane's sorted items (inclusive)
    last: int = -1


@dataclass
class TickMark:
    x: float
    label: str
    line: bool = True   # False: a sticky context label with no boundary line under it


@dataclass
class BreakMark:
    x0: float
    x1: float
    label: str


@dataclass
class Overview:
    y: float
    h: float
    #: per lane: colour and the merged pixel ranges (x0, x1) covered by its events
    columns: list[tuple[str, list[tuple[int, int]]]]
    window_x0: float
    window_x1: float
    breaks: list[tuple[float, float]]


@dataclass
class Geometry:
    width: float
    height: float
    title: str
    subtitle: str
    axis_y: float
    axis_h: float
    plot_top: float
    plot_bottom: float
    lanes: list[LaneBox] = field(default_factory=list)
    events: list[EventBox] = field(default_factory=list)
    badges: list[Badge] = field(default_factory=list)
    minor_ticks: list[TickMark] = field(default_factory=list)
    major_ticks: list[TickMark] = field(default_factory=list)
    breaks: list[BreakMark] = field(default_factory=list)
    overview: Optional[Overview] = None
    step: str = ""
    #: px the lanes are scrolled up under the axis (lanes taller than the view)
    scroll: float = 0.0

    def event_at(self, x: float, y: float) -> Optional[EventBox]:
        for box in reversed(self.events):
            bx, by, bw, bh = box.rect()
            if bx <= x <= bx + bw and by <= y <= by + bh:
                return box
        return None

    def badge_at(self, x: float, y: float, badge_w: float = 36.0) -> Optional[Badge]:
        for badge in self.badges:
            if badge.x <= x <= badge.x + badge_w and badge.y <= y <= badge.y + badge.h:
                return badge
        return None

    def lane_at(self, y: float) -> Optional[int]:
        for i, lane in enumerate(self.lanes):
            if lane.y <= y < lane.y + lane.h:
                return i
        return None


def event_interval(event: Event) -> Optional[tuple[float, float, bool, bool]]:
    """``(t0, t1, point, fuzzy)`` of an event in seconds, or None when it has no usable time."""
    time = event.time
    if time is None:
        return None
    if time.start is None:
        # Before the common era there are no datetimes; the value ("BC0499") places the event.
        era = era_interval(time.value or "")
        if era is None:
            return None
        t0, t1 = era
    else:
        try:
            t0 = to_seconds(time.start)
            t1 = to_seconds(time.end) if time.end is not None else t0
        except (OverflowError, ValueError):
            return None
    if not (math.isfinite(t0) and math.isfinite(t1)):
        return None
    t1 = max(t0, t1)
    point = time.granularity in POINT_GRANULARITIES or t1 - t0 < 1.0
    fuzzy = not point and (time.granularity in FUZZY_GRANULARITIES
                           or bool(_FUZZY_VALUE.search(time.value or "")))
    if point:
        t1 = t0
    return t0, t1, point, fuzzy


#: A stretch with no calendar unit ("since then", "in recent months") longer than this does not hold
#: the compressed map's clusters together: beside forty events of one week, "since October 2023"
#: would otherwise keep that week a sliver of a three-year stretch. Its bar is still drawn whole.
STRETCH_CAP = 14 * DAY


def _clustering_spans(raw) -> list[tuple[float, float]]:
    """The spans that shape the compressed map. A long open stretch counts by its start only
    ("since October 2023"), or not at all when it has no date of its own ("in recent months");
    either is still drawn whole, across any break."""
    out = []
    for event, (t0, t1, _, _) in raw:
        time = event.time
        if t1 - t0 > STRETCH_CAP and time is not None and time.granularity in ("unknown", "duration"):
            if (time.value or "").endswith("_REF"):
                continue
            t1 = t0
        out.append((t0, t1))
    return out or [(t0, t1) for _, (t0, t1, _, _) in raw]


def format_moment(t: float) -> str:
    """"13 Sep 2022", "13 Sep 2022 02:15" (the time only when it is not midnight), "499 BC"."""
    if (era := bc_label(t)) is not None:
        return era
    d = from_seconds(t)
    text = f"{d.day} {MONTHS_SHORT[d.month - 1]} {year_text(d.year)}"
    return text + (f" {d.hour:02d}:{d.minute:02d}" if d.hour or d.minute else "")


def format_interval(t0: float, t1: float) -> str:
    """A readable resolved interval, e.g. "13 Sep 2022 – 13 Sep 2022 06:00"."""
    return format_moment(t0) if t1 <= t0 else f"{format_moment(t0)} – {format_moment(t1)}"


def format_duration(seconds: float) -> str:
    if seconds >= 1.5 * YEAR:
        return f"{round(seconds / YEAR)} years"
    if seconds >= 60 * DAY:
        return f"{round(seconds / (YEAR / 12))} months"
    if seconds >= 2 * DAY:
        return f"{round(seconds / DAY)} days"
    return f"{max(1, round(seconds / HOUR))} h"


class TimelineLayout:
    """A timeline prepared for fast per-frame layout."""

    def __init__(self, timeline: Timeline, measure: Measure, *, compress_gaps: bool = True,
                 lane_order: Optional[Sequence[str]] = None, style: Style = Style(),
                 tick_measure: Optional[Measure] = None, name_measure: Optional[Measure] = None):
        """``measure`` gives the width of an event label, ``tick_measure`` of an axis label,
        ``name_measure`` of a lane's name (its badges start right of the name's plate)."""
        self.timeline = timeline
        self.style = style
        self.measure = tick_measure or measure
        self.ticks = TickChooser(self.measure)
        self.compress_gaps = compress_gaps
        self.lanes: list[Lane] = build_lanes(timeline, lane_order)
        #: Per lane, where its header row is free for badges: right of the name plate (8 px in,
        #: 24 px of dot and padding) and of the room an expanded lane's collapse mark takes (30 px).
        self._badge_min_x = [8.0 + name_measure(lane.name) + 24.0 + 30.0 if name_measure else 0.0
                             for lane in self.lanes]
        lane_index = {lane.id: i for i, lane in enumerate(self.lanes)}
        party_ids = {p.id for p in timeline.parties}
        self._label_measure = measure
        self._lane_index = lane_index
        self._party_ids = party_ids
        self._parties = [(p.id, p.name, p.color) for p in timeline.parties]

        raw = []
        self.undated: list[Event] = []
        for event in timeline.events:
            interval = event_interval(event)
            if interval is None:
                self.undated.append(event)
                continue
            raw.append((event, interval))
        spans = [(t0, t1) for _, (t0, t1, _, _) in raw]
        if compress_gaps:
            self.time_map = TimeMap.compressed(_clustering_spans(raw))
        elif spans:
            lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
            pad = max((hi - lo) * 0.04, HOUR)
            self.time_map = TimeMap.linear(lo - pad, hi + pad)
        else:
            self.time_map = TimeMap.linear(0.0, DAY)

        per_lane: list[list[EventItem]] = [[] for _ in self.lanes]
        self.items: dict[str, EventItem] = {}
        u = self.time_map.u
        for event, (t0, t1, point, fuzzy) in raw:
            lane_id = lane_of(event.lane, party_ids)
            item = EventItem(event.id, lane_id, t0, t1, u(t0), u(t1), point, fuzzy,
                             (event.title or event.sentence or event.id).strip(), event)
            self.items[event.id] = item
            if lane_id in lane_index:
                per_lane[lane_index[lane_id]].append(item)
        self.lane_items: list[list[EventItem]] = []
        self.lane_packing: list[LaneItems] = []
        for items in per_lane:
            items.sort(key=lambda it: (it.u0, it.u1))
            self.lane_items.append(items)
            self.lane_packing.append(LaneItems([it.u0 for it in items], [it.u1 for it in items],
                                               [measure(it.title) for it in items]))
        #: event id -> (lane index, index in that lane's sorted items)
        self.item_index: dict[str, tuple[int, int]] = {
            it.id: (lane_i, k) for lane_i, items in enumerate(self.lane_items) for k, it in enumerate(items)}
        self.chronological: list[str] = [it.id for it in sorted(
            self.items.values(), key=lambda it: (it.t0, it.t1, lane_index.get(it.lane, 0)))]
        if self.items:
            self.u_lo = min(it.u0 for it in self.items.values())
            self.u_hi = max(it.u1 for it in self.items.values())
        else:
            self.u_lo, self.u_hi = self.time_map.us[0], self.time_map.us[-1]
        self.u_lo = min(self.u_lo, self.time_map.us[0])
        self.u_hi = max(self.u_hi, self.time_map.us[-1])

    # -- a few events changed (the user's corrections) --------------------------------------
    def update_events(self, timeline: Timeline, event_ids: set[str]) -> Optional[set[int]]:
        """Take in the new state of the events ``event_ids`` (changed, added or removed) without
        preparing the whole timeline again; returns the indexes of the lanes that changed, or
        None when only a full preparation will do (the parties changed, a lane appears, or an
        event moved outside the stretches the time map draws)."""
        if [(p.id, p.name, p.color) for p in timeline.parties] != self._parties:
            return None
        wanted = set(event_ids)
        if len(wanted) > max(64, len(self.items) // 20):
            return None   # many changes (a long undo): preparing everything is as fast
        current = {e.id: e for e in timeline.events if e.id in wanted}
        prepared = {}
        tm = self.time_map
        for eid, event in current.items():
            interval = event_interval(event)
            if interval is None:
                prepared[eid] = None
                continue
            t0, t1, point, fuzzy = interval
            lane_id = lane_of(event.lane, self._party_ids)
            if lane_id not in self._lane_index or not self._drawn_without_break(t0, t1):
                return None
            prepared[eid] = EventItem(eid, lane_id, t0, t1, tm.u(t0), tm.u(t1), point, fuzzy,
                                      (event.title or event.sentence or eid).strip(), event)
        first_changed: dict[int, int] = {}   # lane index -> first position whose index moved
        for eid in wanted:
            where = self._remove_item(eid)
            if where is not None:
                first_changed[where[0]] = min(first_changed.get(where[0], where[1]), where[1])
        self.undated = [e for e in self.undated if e.id not in wanted]
        for eid, event in current.items():
            item = prepared[eid]
            if item is None:
                self.undated.append(event)
            else:
                lane_i, k = self._insert_item(item)
                first_changed[lane_i] = min(first_changed.get(lane_i, k), k)
        for lane_i, k in first_changed.items():
            self._reindex_lane(lane_i, k)
        changed_lanes = set(first_changed)
        if self.items:
            self.u_lo = min(self.u_lo, *(it.u0 for it in prepared.values() if it is not None), self.u_lo)
            self.u_hi = max(self.u_hi, *(it.u1 for it in prepared.values() if it is not None), self.u_hi)
        return changed_lanes

    def _drawn_without_break(self, t0: float, t1: float) -> bool:
        tm = self.time_map
        if not tm.break_indices:
            return True
        if t0 < tm.ts[0] or t1 > tm.ts[-1]:
            return False
        first, last = tm._segment(tm.ts, t0), tm._segment(tm.ts, t1)
        return not any(i in tm.break_indices for i in range(first, last + 1))

    def _chronological_key(self, event_id: str):
        it = self.items[event_id]
        return (it.t0, it.t1, self._lane_index.get(it.lane, 0))

    def _remove_item(self, event_id: str) -> Optional[tuple[int, int]]:
        item = self.items.get(event_id)
        if item is None:
            return None
        # Found by its place in time, not by item_index: that is renumbered once, after all changes.
        lane_i = self.item_index.pop(event_id)[0]
        items = self.lane_items[lane_i]
        k = bisect.bisect_left(items, (item.u0, item.u1), key=lambda it: (it.u0, it.u1))
        while items[k] is not item:
            k += 1
        del items[k]
        packing = self.lane_packing[lane_i]
        del packing.u_start[k], packing.u_end[k], packing.label_w[k]
        at = bisect.bisect_left(self.chronological, self._chronological_key(event_id),
                                key=self._chronological_key)
        while self.chronological[at] != event_id:
            at += 1
        del self.chronological[at]
        del self.items[event_id]
        return lane_i, k

    def _insert_item(self, item: EventItem) -> tuple[int, int]:
        lane_i = self._lane_index[item.lane]
        items = self.lane_items[lane_i]
        k = bisect.bisect_right(items, (item.u0, item.u1), key=lambda it: (it.u0, it.u1))
        items.insert(k, item)
        packing = self.lane_packing[lane_i]
        packing.u_start.insert(k, item.u0)
        packing.u_end.insert(k, item.u1)
        packing.label_w.insert(k, self._label_measure(item.title))
        self.items[item.id] = item
        bisect.insort(self.chronological, item.id, key=self._chronological_key)
        return lane_i, k

    def _reindex_lane(self, lane_i: int, start: int) -> None:
        """Positions from ``start`` on moved: renumber them (C-level loops: accumulate, dict.update)."""
        packing = self.lane_packing[lane_i]
        prefix = packing.u_end_prefix_max[:start]
        packing.u_end_prefix_max = prefix + list(itertools.accumulate(
            packing.u_end[start:], max, initial=prefix[-1] if prefix else float("-inf")))[1:]
        items = self.lane_items[lane_i]
        self.item_index.update(zip([it.id for it in items[start:]],
                                   zip(itertools.repeat(lane_i), range(start, len(items)))))

    # -- viewport helpers -----------------------------------------------------------------
    def fit_viewport(self, width: float) -> Viewport:
        s = self.style
        # Room on the right so the last events' labels can follow their marks, as all others do.
        label_room = min(s.max_label_w * 0.75, width * 0.18)
        return Viewport.fit(self.u_lo, self.u_hi, width, s.margin_left, s.margin_right + label_room)

    def local_slope(self, u: float) -> float:
        """du/dt where ``u`` is drawn (for a break: of the nearest cluster)."""
        tm = self.time_map
        i = tm._segment(tm.us, u)
        if i in tm.break_indices:
            i = i - 1 if u - tm.us[i] < tm.us[i + 1] - u else i + 1
        return tm.slope(min(max(i, 0), tm.segment_count - 1))

    def upp_limits(self, width: float, at_u: Optional[float] = None) -> tuple[float, float]:
        """Zoom limits (units per px) where ``at_u`` is drawn: a minute to centuries on screen."""
        fit_upp = self.fit_viewport(width).upp
        slope = self.local_slope(at_u) if at_u is not None else self.time_map.max_slope()
        min_upp = min(MIN_SECONDS_PER_PX * slope, fit_upp)
        # Zoomed far out, a compressed map would extrapolate its edge clusters' arbitrary scales:
        # stop at a quarter-width whole timeline there; a linear map may show centuries around it.
        max_upp = fit_upp * 4 if self.time_map.break_indices else max(MAX_SECONDS_PER_PX * slope,
                                                                        fit_upp * 4)
        return min_upp, max_upp

    def clamp(self, viewport: Viewport) -> Viewport:
        """Keep the zoom within minutes..centuries and some content in view."""
        min_upp, max_upp = self.upp_limits(viewport.width, viewport.u(viewport.width / 2))
        upp = min(max(viewport.upp, min_upp), max_upp)
        centre = viewport.u(viewport.width / 2)
        half = viewport.width / 2 * upp
        lo, hi = self.u_lo - half * 0.9, self.u_hi + half * 0.9
        centre = min(max(centre, lo), hi)
        return Viewport(centre - half, upp, viewport.width)

    def viewport_for_times(self, t0: float, t1: float, width: float, pad: float = 0.25) -> Viewport:
        u0, u1 = self.time_map.u(t0), self.time_map.u(t1)
        if u1 - u0 < 1e-9:
            slope = self.time_map.slope(self.time_map._segment(self.time_map.ts, t0))
            u0, u1 = u0 - HOUR * slope, u1 + HOUR * slope
        span = u1 - u0
        return self.clamp(Viewport.fit(u0 - span * pad, u1 + span * pad, width))

    def visible_times(self, viewport: Viewport) -> tuple[float, float]:
        return self.time_map.t(viewport.u0), self.time_map.t(viewport.u1)

    # -- rows -----------------------------------------------------------------------------
    def plan_rows(self, viewport: Viewport, cap: int, total_cap: Optional[int] = None) -> list[int]:
        """Rows per lane so every label of the view gets a row (at most ``cap`` per lane and
        ``total_cap`` in all: the fullest lanes give up rows first)."""
        rows = [max(1, rows_needed(items, viewport.u0, viewport.upp, 0.0, viewport.width,
                                   self.style.max_label_w, cap))
                for items in self.lane_packing]
        if total_cap is not None:
            total_cap = max(total_cap, len(rows))
            while sum(rows) > total_cap:
                k = max(range(len(rows)), key=lambda i: rows[i])
                rows[k] -= 1
        return rows

    def rows_to_show_all(self, lane_i: int, viewport: Viewport, cap: int) -> int:
        """The fewest rows (at most ``cap``) in which every event of lane ``lane_i`` visible in
        ``viewport`` gets a label: an expanded lane's height."""
        return max(1, rows_needed(self.lane_packing[lane_i], viewport.u0, viewport.upp, 0.0, viewport.width,
                                  self.style.max_label_w, cap))

    def content_height(self, rows: Sequence[int], header: bool = True, overview: bool = False) -> float:
        s = self.style
        top = (s.title_h if header else 0.0) + s.axis_h
        lanes = sum(s.lane_header_h + max(1, r) * s.row_h + s.lane_pad for r in rows)
        return top + lanes + s.bottom_pad + (s.overview_h if overview else 0.0)

    # -- one frame ------------------------------------------------------------------------
    def subtitle(self) -> str:
        article = self.timeline.article
        parts = []
        if article.reference_date is not None:
            d = article.reference_date
            source = f" ({article.reference_source})" if article.reference_source else ""
            parts.append(f"Reference date {d.day} {MONTHS_SHORT[d.month - 1]} {d.year}{source}")
        else:
            parts.append("No reference date found")
        parts.append(f"{len(self.items)} dated events")
        if self.undated:
            parts.append(f"{len(self.undated)} without a date (not drawn)")
        if self.compress_gaps and self.time_map.break_indices:
            parts.append("empty stretches compressed")
        return " · ".join(parts)

    def geometry(self, viewport: Viewport, height: float, rows: Sequence[int], *,
                 selected: Optional[str] = None, header: bool = True,
                 overview_columns: Optional[list[tuple[str, list[tuple[int, int]]]]] = None,
                 overview_viewport: Optional[Viewport] = None,
                 previous: Optional[Geometry] = None, scroll: float = 0.0,
                 expanded: Collection[str] = ()) -> Geometry:
        """One frame. ``previous`` (the last frame) keeps labels in their rows while navigating;
        ``scroll`` px moves the lanes up (under the axis); lanes ``expanded`` are marked so."""
        s = self.style
        width = viewport.width
        top = s.title_h if header else 0.0
        axis_y = top
        plot_top = top + s.axis_h
        geo = Geometry(width=width, height=height,
                       title=self.timeline.article.title if header else "",
                       subtitle=self.subtitle() if header else "",
                       axis_y=axis_y, axis_h=s.axis_h, plot_top=plot_top, plot_bottom=plot_top,
                       scroll=scroll)
        y = plot_top - scroll
        for index, lane in enumerate(self.lanes):
            n_rows = max(1, rows[index] if index < len(rows) else 1)
            h = s.lane_header_h + n_rows * s.row_h + s.lane_pad
            geo.lanes.append(LaneBox(lane.id, lane.name, lane.color, y, h, n_rows, lane.id in expanded))
            y += h
        geo.plot_bottom = y
        self._ticks(geo, viewport)
        self._events(geo, viewport, selected, previous)
        if overview_columns is not None and overview_viewport is not None:
            oy = height - s.overview_h
            geo.overview = Overview(
                oy, s.overview_h, overview_columns,
                overview_viewport.x(viewport.u0), overview_viewport.x(viewport.u1),
                [(overview_viewport.x(b.u0), overview_viewport.x(b.u1)) for b in self.time_map.breaks])
        return geo

    def _ticks(self, geo: Geometry, viewport: Viewport) -> None:
        tm = self.time_map
        u_left, u_right = viewport.u0, viewport.u1
        for b in tm.breaks:
            x0, x1 = viewport.x(b.u0), viewport.x(b.u1)
            if x1 >= 0 and x0 <= viewport.width:
                geo.breaks.append(BreakMark(x0, x1, format_duration(b.t1 - b.t0)))
        steps = []
        for t0, t1, u0, u1 in tm.linear_segments():
            lo, hi = max(u0, u_left), min(u1, u_right)
            if hi <= lo:
                continue
            ta, tb = tm.t(lo), tm.t(hi)
            if lo == u0 and math.isfinite(t0):
                ta = t0
            if hi == u1 and math.isfinite(t1):
                tb = t1
            spp = (tb - ta) / max((hi - lo) / viewport.upp, 1e-9)
            step, minor, major = self.ticks.ticks(ta, tb, spp)
            steps.append(step.name)
            seg_left, seg_right = viewport.x(lo), viewport.x(hi)
            label_room = self.ticks.label_width(step.name) + 4
            for t in minor:
                x = viewport.x(tm.u(t.t))
                # A label running into a break would be cut by its mark: keep the line only.
                keep_label = not math.isfinite(u1) or hi < u1 or x + label_room <= seg_right
                geo.minor_ticks.append(TickMark(x, t.label if keep_label else ""))
            if step.major:
                marks = [TickMark(viewport.x(tm.u(t.t)), t.label) for t in major]
                # Sticky context at the left of the segment, unless a boundary label is right there.
                context = major_label(ta, step.major)
                if not marks or marks[0].x > seg_left + self.measure(context) + 20:
                    geo.major_ticks.append(TickMark(max(seg_left, 0.0) + 4, context, line=False))
                geo.major_ticks.extend(marks)
        geo.step = steps[0] if steps else ""

    def _events(self, geo: Geometry, viewport: Viewport, selected: Optional[str],
                previous: Optional[Geometry] = None) -> None:
        s = self.style
        width = viewport.width
        preferred: list[dict[int, int]] = [{} for _ in geo.lanes]
        if previous is not None and [l.id for l in previous.lanes] == [l.id for l in geo.lanes]:
            item_index, n_lanes = self.item_index.get, len(preferred)
            for box in previous.events:
                where = item_index(box.id)
                if where is not None and where[0] < n_lanes:
                    preferred[where[0]][where[1]] = box.row
        for lane_i, (lane_box, items, packing) in enumerate(
                zip(geo.lanes, self.lane_items, self.lane_packing)):
            priority = None
            if selected is not None:
                where = self.item_index.get(selected)
                if where is not None and where[0] == lane_i:
                    priority = where[1]
            placed, clusters = pack_lane(packing, viewport.u0, viewport.upp, 0.0, width,
                                         lane_box.rows, s.max_label_w, priority=priority,
                                         preferred=preferred[lane_i])
            rows_top = lane_box.y + s.lane_header_h
            row_h, color = s.row_h, lane_box.color
            widths = packing.label_w
            append = geo.events.append
            for p in placed:
                index, row = p.index, p.row
                item = items[index]
                item_id = item.id
                append(EventBox(
                    item_id, lane_i, p.x0, p.x1, rows_top + row * row_h, row_h,
                    p.label_x, p.label_w, item.title, item.point, item.fuzzy, color,
                    item_id == selected, widths[index], row))
            for c in clusters:
                geo.badges.append(self._badge(lane_i, lane_box, items, c))

    def _badge(self, lane_i: int, lane_box: LaneBox, items: list[EventItem], c: Cluster) -> Badge:
        t0 = items[c.first].t0
        t1 = max(items[c.last].t1, items[c.last].t0)
        return Badge(lane_i, max(c.x0, self._badge_min_x[lane_i]), lane_box.y + 3, self.style.lane_header_h - 6, c.count,
                     c.x0, c.x1, t0, t1, lane_box.color, c.first, c.last)

    def badge_events(self, geo: Geometry, badge: Badge) -> list[str]:
        """The ids of the events a badge hides (its run, less those with a label in ``geo``), in
        time order: what a click on the badge lists."""
        if not 0 <= badge.lane < len(self.lane_items) or badge.first < 0:
            return []
        shown = {box.id for box in geo.events if box.lane == badge.lane}
        run = self.lane_items[badge.lane][badge.first:badge.last + 1]
        return [item.id for item in run if item.id not in shown]

    def share_one_instant(self, event_ids: Sequence[str]) -> bool:
        """Whether these events start within one minute of each other (no zoom tells them apart)."""
        starts = [self.items[i].t0 for i in event_ids if i in self.items]
        return len(starts) >= 2 and max(starts) - min(starts) < 60.0

    def can_zoom_apart(self, viewport: Viewport, event_ids: Sequence[str]) -> bool:
        """Whether zooming in could give these events room: False when they share one instant or
        the view is already at its closest zoom there."""
        items = [self.items[i] for i in event_ids if i in self.items]
        if len(items) < 2:
            return bool(items)
        if self.share_one_instant(event_ids):
            return False
        t0 = min(it.t0 for it in items)
        min_upp, _ = self.upp_limits(viewport.width, self.time_map.u(t0))
        return viewport.upp > min_upp * 1.05

    # -- overview -------------------------------------------------------------------------
    def overview_columns(self, viewport: Viewport) -> list[tuple[str, list[tuple[int, int]]]]:
        """Per lane, the merged pixel ranges ``(x0, x1)`` covered by events, for the overview."""
        return [self.overview_column(i, viewport) for i in range(len(self.lanes))]

    def overview_column(self, lane_i: int, viewport: Viewport) -> tuple[str, list[tuple[int, int]]]:
        items = self.lane_packing[lane_i]
        ranges: list[tuple[int, int]] = []
        origin, upp = viewport.u0, viewport.upp
        start = end = None
        for a, b in zip(items.u_start, items.u_end):   # sorted by start; viewport.x inlined (hot)
            x0, x1 = int((a - origin) / upp), int((b - origin) / upp) + 1
            if end is not None and x0 <= end:
                if x1 > end:
                    end = x1
            else:
                if end is not None:
                    ranges.append((start, end))
                start, end = x0, x1
        if end is not None:
            ranges.append((start, end))
        return (self.lanes[lane_i].color, ranges)

    # -- text for tooltips ----------------------------------------------------------------
    def describe(self, event_id: str) -> str:
        item = self.items.get(event_id)
        if item is None:
            return ""
        event = item.event
        time = event.time
        lines = [event.sentence.strip() or item.title]
        if time is not None:
            expr = f"“{time.expression}”" if time.expression else "(no expression)"
            lines.append(f"When: {expr} = {time.value} ({time.granularity})")
            lines.append(f"Interval: {format_interval(item.t0, item.t1)}")
        return "\n".join(lines)
