"""Label packing: event labels in rows that never overlap; what cannot fit becomes a count badge.

Qt-free. Items of one lane are sorted by start once (the time map is monotone, so zooming and
panning never change that order); packing then visits only the visible items and jumps over runs
that cannot fit with a binary search, so its cost grows with what is shown, not with the data.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional, Sequence

#: Free space between two labels in one row, px.
ROW_GAP = 8.0
#: Space before the label text (the point marker or the bar's start), px.
TEXT_INSET = 6.0
#: Overflow runs closer than this are shown as one badge, px.
BADGE_MERGE = 44.0
#: ...but one badge never stands for more than this much width, so counts stay local.
MAX_CLUSTER_W = 160.0


@dataclass
class Placed:
    index: int          # index into the lane's sorted items
    row: int
    x0: float           # mark start, px (unclipped)
    x1: float           # mark end, px (== x0 for a point)
    label_x: float      # where the text starts, px
    label_w: float      # room for the text, px (may be less than the full text: elide to it)


@dataclass
class Cluster:
    """A run of items that found no row: drawn as a density band and a "+N" badge."""
    x0: float
    x1: float
    first: int          # first index (sorted order) of the run
    last: int           # last index, inclusive
    count: int = 0


@dataclass
class LaneItems:
    """The sorted items of one lane in time-map units, prepared once per timeline."""
    u_start: list[float]
    u_end: list[float]
    label_w: list[float]        # full label text width, px
    u_end_prefix_max: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.u_end_prefix_max:
            running = float("-inf")
            out = []
            for u in self.u_end:
                running = max(running, u)
                out.append(running)
            self.u_end_prefix_max = out

    def __len__(self) -> int:
        return len(self.u_start)


def pack_lane(items: LaneItems, u0: float, upp: float, left: float, right: float, rows: int,
              max_label_w: float, point_w: float = 0.0, priority: Optional[int] = None,
              preferred: Optional[dict[int, int]] = None) -> tuple[list[Placed], list[Cluster]]:
    """Place the visible items of one lane into ``rows`` rows between ``left`` and ``right`` px.

    Each placed item occupies ``[start, max(mark end, start + text)]`` in its row, where start is
    the mark's start clipped to ``left`` (labels stay in view while their span does) and pulled
    left near ``right`` so the text is not cut by the edge. No two placed items in a row overlap.

    ``priority`` (the selection) is placed first; then ``preferred`` items (index -> row: what the
    previous frame showed) keep their place where they still fit, so labels do not jump around
    while the user zooms and pans; everything else is packed greedily around them.
    """
    n = len(items)
    if n == 0 or rows <= 0 or upp <= 0 or right <= left:
        return [], []
    us, ue, widths = items.u_start, items.u_end, items.label_w
    u_left, u_right = u0 + left * upp, u0 + right * upp
    first_visible = bisect.bisect_left(us, u_left)
    end = bisect.bisect_right(us, u_right)
    # Items starting before the window whose span still reaches into it.
    lookback_from = bisect.bisect_left(items.u_end_prefix_max, u_left, 0, first_visible)
    earlier = [k for k in range(lookback_from, first_visible) if ue[k] >= u_left]

    free = [float("-inf")] * rows                                 # greedy frontier per row
    obstacles: list[list[tuple[float, float]]] = [[] for _ in range(rows)]   # fixed placements
    fixed: list[int] = []                                         # sorted indices placed first
    placed: list[Placed] = []
    clusters: list[Cluster] = []

    def n_fixed_in(i: int, j: int) -> int:
        return bisect.bisect_right(fixed, j) - bisect.bisect_left(fixed, i)

    def add_cluster(i: int, j: int) -> None:
        count = j - i + 1 - n_fixed_in(i, j)
        if count <= 0:
            return
        x0 = max((us[i] - u0) / upp, left)
        x1 = max((us[j] - u0) / upp, x0)
        if clusters and (x0 < clusters[-1].x0 + BADGE_MERGE or (
                clusters[-1].x1 + BADGE_MERGE >= x0 and x1 - clusters[-1].x0 <= MAX_CLUSTER_W)):
            c = clusters[-1]
            c.x1, c.last, c.count = max(c.x1, x1), j, c.count + count
        else:
            clusters.append(Cluster(x0, x1, i, j, count))

    def extent(i: int) -> tuple[float, float, float, float]:
        x0 = (us[i] - u0) / upp
        x1 = max((ue[i] - u0) / upp, x0 + point_w)
        w = min(widths[i], max_label_w) + TEXT_INSET
        start = max(x0, left)
        if start + w > right:
            # Near the right edge the text goes before the mark (for a point: wholly left of it).
            start = max(left, min(right - w, x0 - w - TEXT_INSET) if x1 <= x0 + point_w else right - w)
        return x0, x1, start, max(x1, start + w)

    def put(i: int, r: int, x0: float, x1: float, start: float) -> None:
        w = min(widths[i], max_label_w) + TEXT_INSET
        label_x = max(x0, left) if x0 + w <= right else start
        placed.append(Placed(i, r, x0, x1, label_x + TEXT_INSET,
                             max(0.0, min(widths[i], max_label_w, right - label_x - TEXT_INSET))))

    def blocked(r: int, start: float, occ_end: float) -> Optional[float]:
        """None when ``[start, occ_end]`` misses the fixed items of row ``r``; else where the
        blocking one ends (plus the gap)."""
        obs = obstacles[r]
        if not obs:
            return None
        k = bisect.bisect_right(obs, (start, float("inf")))
        if k > 0 and obs[k - 1][1] + ROW_GAP > start:
            return obs[k - 1][1] + ROW_GAP
        if k < len(obs) and obs[k][0] < occ_end + ROW_GAP:
            return obs[k][1] + ROW_GAP
        return None

    def visible(i: int) -> bool:
        return 0 <= i < n and ue[i] >= u_left and us[i] <= u_right

    def place_fixed(i: int, row: int) -> None:
        x0, x1, start, occ_end = extent(i)
        # The preferred row first (almost always free: the last frame had the label there).
        if 0 <= row < rows and blocked(row, start, occ_end) is None:
            r = row
        else:
            for r in range(rows):
                if r != row and blocked(r, start, occ_end) is None:
                    break
            else:
                return
        bisect.insort(obstacles[r], (start, occ_end))
        bisect.insort(fixed, i)
        put(i, r, x0, x1, start)

    if priority is not None and visible(priority):
        place_fixed(priority, 0)
    if preferred:
        # visible(i), inlined: before lookback_from every span ends left of the window.
        for i in sorted(preferred):
            if lookback_from <= i < end and i != priority and ue[i] >= u_left and us[i] <= u_right:
                place_fixed(i, preferred[i])
    fixed_set = set(fixed)
    next_x = [float("-inf")]    # where the earliest row frees, after a failed try_place
    # The greedy pass moves left to right, so per row a pointer to the first fixed item that may
    # still be in the way replaces a binary search (a start further left than the last one, near
    # the right edge, falls back to the search).
    pointer = [0] * rows
    last_start = [float("-inf")] * rows

    def try_place(i: int) -> bool:
        if i in fixed_set:
            return True
        x0, x1, start, occ_end = extent(i)
        soonest = float("inf")
        reach = occ_end + ROW_GAP
        for r in range(rows):
            row_free = free[r]
            if row_free > start:
                if row_free < soonest:
                    soonest = row_free
                continue
            obs = obstacles[r]
            if obs:
                # The first fixed item that may be in the way (inlined: runs for every row tried).
                if start < last_start[r]:
                    b = blocked(r, start, occ_end)
                else:
                    last_start[r] = start
                    k, n_obs = pointer[r], len(obs)
                    while k < n_obs and obs[k][1] + ROW_GAP <= start:
                        k += 1
                    pointer[r] = k
                    b = obs[k][1] + ROW_GAP if k < n_obs and obs[k][0] < reach else None
                if b is not None:
                    if b < soonest:
                        soonest = b
                    continue
            free[r] = reach
            put(i, r, x0, x1, start)
            return True
        next_x[0] = soonest
        return False

    for n_done, k in enumerate(earlier):
        if min(free) > left:
            # Every row is taken from the left edge on: none of the remaining earlier items fits.
            rest = [k for k in earlier[n_done:] if k not in fixed_set]
            if rest:
                x1 = max(left, (us[rest[-1]] - u0) / upp)
                clusters.append(Cluster(left, x1, rest[0], rest[-1], len(rest)))
            break
        if not try_place(k):
            add_cluster(k, k)
    i = first_visible
    while i < end:
        if try_place(i):
            i += 1
            continue
        # Every row is busy up to next_x: nothing starting before it can fit; jump over them.
        # Past the point where labels must be pulled left of their mark, nothing fits any more.
        if (us[i] - u0) / upp + min(widths[i], max_label_w) + TEXT_INSET > right:
            j = end
        else:
            j = max(bisect.bisect_left(us, u0 + next_x[0] * upp, i + 1, end), i + 1)
        add_cluster(i, j - 1)
        i = j
    return placed, clusters


def rows_needed(items: LaneItems, u0: float, upp: float, left: float, right: float,
                max_label_w: float, cap: int, point_w: float = 0.0) -> int:
    """The fewest rows (at most ``cap``) in which every visible item of the lane gets a row."""
    if not len(items):
        return 0

    def fits(count: int) -> bool:
        return not pack_lane(items, u0, upp, left, right, count, max_label_w, point_w)[1]

    # More rows never make first-fit packing worse: binary search for the fewest that suffice.
    lo, hi = 1, cap
    if fits(lo):
        return lo
    if not fits(hi):
        return cap
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid
    return hi


def overlaps(boxes: Sequence[tuple[float, float, float, float]]) -> list[tuple[int, int]]:
    """Pairs of boxes ``(x, y, w, h)`` that intersect (test helper, O(n log n) sweep)."""
    order = sorted(range(len(boxes)), key=lambda k: boxes[k][0])
    active: list[int] = []
    found = []
    for k in order:
        x, y, w, h = boxes[k]
        active = [a for a in active if boxes[a][0] + boxes[a][2] > x]
        for a in active:
            ax, ay, aw, ah = boxes[a]
            if ay < y + h and y < ay + ah and ax < x + w and x < ax + aw:
                found.append((a, k))
        active.append(k)
    return found
