"""Time <-> position: a monotone piecewise-linear map with compressed empty gaps, and a viewport.

Qt-free. Times are float seconds since 1970-01-01 (naive UTC). The map sends time ``t`` to an
abstract coordinate ``u``; a :class:`Viewport` sends ``u`` to pixels. Zooming and panning only
change the viewport, so everything computed in ``u`` stays valid while the user navigates.

With gap compression, each cluster of events keeps a linear scale of its own and the long empty
stretches between clusters shrink to a short "break" that the renderer marks visibly.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
from dataclasses import dataclass
from typing import Iterable, Sequence

EPOCH = dt.datetime(1970, 1, 1)
_MIN_DT = dt.datetime(1, 1, 1)
_MAX_DT = dt.datetime(9999, 12, 31, 23, 59, 59)
MIN_T = (_MIN_DT - EPOCH).total_seconds()
MAX_T = (_MAX_DT - EPOCH).total_seconds()

MINUTE = 60.0
HOUR = 3600.0
DAY = 86400.0
YEAR = 365.2425 * DAY

#: A gap becomes a break only if it is longer than this...
BREAK_MIN_SECONDS = DAY
#: ...and longer than this many times the larger of the two clusters it separates.
BREAK_RATIO = 0.6
#: Share of the whole drawn length one break takes.
BREAK_SHARE = 0.045
#: Zoom limits: at most this many seconds per pixel (about 1000 years over 1600 px)...
MAX_SECONDS_PER_PX = 1000 * YEAR / 1600
#: ...and at least this many (a minute spans about 100 px).
MIN_SECONDS_PER_PX = 0.6


def to_seconds(value: dt.datetime | dt.date) -> float:
    """Seconds since the epoch of a date or datetime, on its own wall clock: an article's
    "Tuesday night 23:00+04:00" is drawn at 23:00, the time its readers were told."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    return (value - EPOCH).total_seconds()


def bc_year(t: float) -> int | None:
    """The year before Christ that ``t`` falls in (1 = 1 BC), or None from 1 January of the year 1 on. Before
    the year 1 there are no datetimes: years there are counted as YEAR seconds each, back from year 1."""
    if t >= MIN_T:
        return None
    return max(1, math.ceil((MIN_T - t) / YEAR - 1e-9))


def bc_year_start(year: int) -> float:
    """Seconds since the epoch at the start of the year ``year`` BC (the inverse of :func:`bc_year`)."""
    return MIN_T - year * YEAR


def bc_label(t: float) -> str | None:
    """"499 BC" for a time before the year 1, else None (the caller writes its usual date)."""
    year = bc_year(t)
    return None if year is None else f"{year} BC"


def era_interval(value: str) -> tuple[float, float] | None:
    """Seconds of a TIMEX3 value before the common era: "BC0499" the year 499 BC, "BC049" the 490s BC
    (499-490 BC), "BC04" the 5th century BC (500-401 BC: centuries and millennia count from 0, as the tagger
    writes them), "BC0" the first millennium BC; None for any other value."""
    digits = value[2:] if value.startswith("BC") else ""
    if not digits.isdigit() or not 1 <= len(digits) <= 4:
        return None
    n, unit = int(digits), 10 ** (4 - len(digits))
    if len(digits) in (1, 2):
        first, last = (n + 1) * unit, n * unit + 1
    else:
        first, last = n * unit + unit - 1, max(n * unit, 1)
    return bc_year_start(first), bc_year_start(last) + YEAR


def from_seconds(t: float) -> dt.datetime:
    """The naive datetime of ``t`` seconds since the epoch, clamped to years 1..9999."""
    if not math.isfinite(t):
        t = MAX_T if t > 0 else MIN_T
    t = min(max(t, MIN_T), MAX_T)
    return EPOCH + dt.timedelta(seconds=t)


@dataclass(frozen=True)
class Break:
    """A compressed empty stretch: real times ``t0..t1`` drawn in ``u0..u1``."""
    t0: float
    t1: float
    u0: float
    u1: float


class TimeMap:
    """Monotone piecewise-linear ``t -> u`` through strictly increasing knots.

    Outside the knots it extrapolates with the slope of the first/last segment. Segments listed in
    ``break_indices`` are compressed gaps (segment ``i`` runs from knot ``i`` to knot ``i + 1``).
    """

    def __init__(self, ts: Sequence[float], us: Sequence[float], break_indices: Iterable[int] = ()):
        if len(ts) != len(us) or len(ts) < 2:
            raise ValueError("a time map needs at least two knots")
        for a, b in zip(ts, ts[1:]):
            if not b > a:
                raise ValueError("time knots must increase strictly")
        for a, b in zip(us, us[1:]):
            if not b > a:
                raise ValueError("position knots must increase strictly")
        self.ts = list(ts)
        self.us = list(us)
        self.break_indices = frozenset(break_indices)

    # -- mapping --------------------------------------------------------------------------
    def _segment(self, knots: list[float], value: float) -> int:
        i = bisect.bisect_right(knots, value) - 1
        return min(max(i, 0), len(knots) - 2)

    def u(self, t: float) -> float:
        i = self._segment(self.ts, t)
        t0, t1, u0, u1 = self.ts[i], self.ts[i + 1], self.us[i], self.us[i + 1]
        return u0 + (t - t0) * (u1 - u0) / (t1 - t0)

    def t(self, u: float) -> float:
        i = self._segment(self.us, u)
        t0, t1, u0, u1 = self.ts[i], self.ts[i + 1], self.us[i], self.us[i + 1]
        return t0 + (u - u0) * (t1 - t0) / (u1 - u0)

    def slope(self, i: int) -> float:
        """du/dt of segment ``i``."""
        return (self.us[i + 1] - self.us[i]) / (self.ts[i + 1] - self.ts[i])

    @property
    def segment_count(self) -> int:
        return len(self.ts) - 1

    @property
    def breaks(self) -> list[Break]:
        return [Break(self.ts[i], self.ts[i + 1], self.us[i], self.us[i + 1])
                for i in sorted(self.break_indices)]

    def linear_segments(self) -> list[tuple[float, float, float, float]]:
        """``(t0, t1, u0, u1)`` of each segment that is not a break; the first and last extend to
        infinity (the map extrapolates there)."""
        out = []
        last = self.segment_count - 1
        for i in range(self.segment_count):
            if i in self.break_indices:
                continue
            t0, t1, u0, u1 = self.ts[i], self.ts[i + 1], self.us[i], self.us[i + 1]
            if i == 0:
                t0, u0 = -math.inf, -math.inf
            if i == last:
                t1, u1 = math.inf, math.inf
            out.append((t0, t1, u0, u1))
        return out

    def max_slope(self) -> float:
        return max(self.slope(i) for i in range(self.segment_count) if i not in self.break_indices)

    def min_slope(self) -> float:
        return min(self.slope(i) for i in range(self.segment_count) if i not in self.break_indices)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def linear(cls, t0: float, t1: float) -> "TimeMap":
        if not t1 > t0:
            t1 = t0 + HOUR
        return cls([t0, t1], [t0, t1])

    @classmethod
    def compressed(cls, intervals: Iterable[tuple[float, float]]) -> "TimeMap":
        """A map where empty stretches between clusters of ``intervals`` shrink to short breaks.

        Each cluster gets a drawn length that grows with the number of events in it (sub-linearly),
        not with its duration, so a decade-long cluster and a one-night cluster both stay readable;
        the ticks of each cluster show its own scale. Without any long gap this is the linear map.
        """
        spans = sorted((a, max(a, b)) for a, b in intervals)
        if not spans:
            return cls.linear(0.0, DAY)
        clusters = _clusters(spans)
        if len(clusters) == 1:
            lo, hi, _ = clusters[0]
            pad = _cluster_pad(lo, hi)
            return cls.linear(lo - pad, hi + pad)
        padded = [(lo - _cluster_pad(lo, hi), hi + _cluster_pad(lo, hi), n) for lo, hi, n in clusters]
        total_t = padded[-1][1] - padded[0][0]
        weights = [1.0 + math.sqrt(n) for _, _, n in padded]
        breaks_u = BREAK_SHARE * total_t
        cluster_u_total = total_t - breaks_u * (len(padded) - 1)
        if cluster_u_total <= 0:  # pragma: no cover - breaks never take more than a few percent
            return cls.linear(padded[0][0], padded[-1][1])
        scale = cluster_u_total / sum(weights)
        ts: list[float] = []
        us: list[float] = []
        break_indices = []
        u = padded[0][0]
        for k, ((lo, hi, _), w) in enumerate(zip(padded, weights)):
            if k:
                prev_hi = ts[-1]
                if lo <= prev_hi:  # padding made neighbours touch: no room for a break
                    lo = prev_hi + 1.0
                break_indices.append(len(ts) - 1)
                u += breaks_u
            ts.append(lo)
            us.append(u)
            u += w * scale
            ts.append(max(hi, lo + 1.0))
            us.append(u)
        return cls(ts, us, break_indices)


def _cluster_pad(lo: float, hi: float) -> float:
    return max((hi - lo) * 0.04, HOUR)


def _clusters(spans: list[tuple[float, float]]) -> list[tuple[float, float, int]]:
    """Greedy merge of sorted spans; a gap starts a new cluster when it is long against both sides."""
    clusters: list[list[float]] = []
    for a, b in spans:
        if clusters:
            lo, hi, n = clusters[-1]
            gap = a - hi
            if gap <= max(BREAK_MIN_SECONDS, BREAK_RATIO * max(hi - lo, b - a)):
                clusters[-1] = [lo, max(hi, b), n + 1]
                continue
        clusters.append([a, b, 1])
    # A later long span can make an earlier break unjustified: merge again until stable.
    merged = True
    while merged and len(clusters) > 1:
        merged = False
        out = [clusters[0]]
        for lo, hi, n in clusters[1:]:
            plo, phi, pn = out[-1]
            if lo - phi <= max(BREAK_MIN_SECONDS, BREAK_RATIO * max(phi - plo, hi - lo)):
                out[-1] = [plo, max(phi, hi), pn + n]
                merged = True
            else:
                out.append([lo, hi, n])
        clusters = out
    return [(lo, hi, int(n)) for lo, hi, n in clusters]


@dataclass
class Viewport:
    """The visible window: ``u0`` at the left edge of the plot, ``upp`` units per pixel."""
    u0: float
    upp: float
    width: float

    def x(self, u: float) -> float:
        return (u - self.u0) / self.upp

    def u(self, x: float) -> float:
        return self.u0 + x * self.upp

    @property
    def u1(self) -> float:
        return self.u0 + self.width * self.upp

    def zoomed(self, factor: float, anchor_x: float, min_upp: float = 0.0,
               max_upp: float = math.inf) -> "Viewport":
        """Zoom in by ``factor`` (>1 magnifies) keeping the position under ``anchor_x`` fixed."""
        if not (factor > 0 and math.isfinite(factor)):
            return Viewport(self.u0, self.upp, self.width)
        anchor_u = self.u(anchor_x)
        upp = min(max(self.upp / factor, min_upp), max_upp)
        return Viewport(anchor_u - anchor_x * upp, upp, self.width)

    def panned(self, dx: float) -> "Viewport":
        """Move the content ``dx`` pixels to the right (the window moves left)."""
        return Viewport(self.u0 - dx * self.upp, self.upp, self.width)

    def resized(self, width: float) -> "Viewport":
        """Same centre and scale, new width."""
        centre = self.u(self.width / 2)
        return Viewport(centre - width / 2 * self.upp, self.upp, max(width, 1.0))

    @classmethod
    def fit(cls, u_lo: float, u_hi: float, width: float, margin_left: float = 0.0,
            margin_right: float = 0.0) -> "Viewport":
        """Show ``u_lo..u_hi`` between the margins (pixels) of a plot ``width`` wide."""
        width = max(width, 1.0)
        inner = max(width - margin_left - margin_right, width * 0.2)
        upp = max(u_hi - u_lo, 1e-6) / inner
        return cls(u_lo - margin_left * upp, upp, width)
