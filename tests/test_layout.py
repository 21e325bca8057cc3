"""Pure layout tests: no Qt. Text is measured by a fake (7 px per character)."""
import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app.layout.geometry import TimelineLayout, event_interval, format_interval
from timeline_app.layout.labels import LaneItems, overlaps, pack_lane
from timeline_app.layout.lanes import OTHER, PALETTE, build_lanes
from timeline_app.layout.scale import (DAY, HOUR, MINUTE, YEAR, TimeMap, Viewport, from_seconds,
                                       to_seconds)
from timeline_app.layout.ticks import (STEPS, TickChooser, iter_boundaries, major_label,
                                       minor_label)
from timeline_app.model import Article, Event, Party, TimeValue, Timeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "view" / "seed_timeline.json"


def measure(text: str) -> float:
    return 7.0 * len(text)


@pytest.fixture(scope="module")
def seed() -> Timeline:
    return Timeline.from_json(FIXTURE.read_bytes())


def make_timeline(events, parties=("a", "b")) -> Timeline:
    text = "x" * 1000
    evs = []
    for k, (start, end, granularity, lane) in enumerate(events):
        time = None if start is None else TimeValue(value="X", start=start, end=end,
                                                    granularity=granularity)
        evs.append(Event(id=f"e{k}", title=f"Event number {k}", span=(k, k + 1), time=time, lane=lane))
    return Timeline(article=Article(title="T", text=text),
                    parties=[Party(id=p, name=p.upper()) for p in parties], events=evs)


def test_layout_package_does_not_import_qt():
    code = ("import sys; import timeline_app.layout, timeline_app.layout.geometry, timeline_app.resources;"
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# -- ticks ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("visible, width, expected", [
    (300 * YEAR, 1600, {"decade", "50 years"}),
    (900 * YEAR, 1600, {"50 years", "century"}),
    (40 * YEAR, 1600, {"year", "5 years"}),
    (2 * YEAR, 1600, {"month"}),
    (30 * DAY, 1600, {"day"}),
    (1 * DAY, 1600, {"hour"}),
    (2 * HOUR, 1600, {"5 min", "minute"}),
    (20 * MINUTE, 1600, {"minute"}),
])
def test_tick_step_follows_zoom(visible, width, expected):
    assert TickChooser(measure).choose(visible / width).name in expected


def test_tick_step_grows_with_scale_and_labels_never_collide():
    chooser = TickChooser(measure)
    previous = 0.0
    for k in range(60):
        spp = 0.5 * 1.6 ** k
        step = chooser.choose(spp)
        assert step.seconds >= previous
        previous = step.seconds
        if step is not STEPS[-1]:
            assert step.seconds / spp >= chooser.label_width(step.name)


def test_wider_labels_need_coarser_steps():
    narrow, wide = TickChooser(lambda s: 4.0 * len(s)), TickChooser(lambda s: 20.0 * len(s))
    assert wide.choose(60.0).seconds > narrow.choose(60.0).seconds


def test_two_level_labels_keep_context():
    chooser = TickChooser(measure)
    t0, t1 = to_seconds(dt.datetime(2022, 9, 10)), to_seconds(dt.datetime(2022, 10, 5))
    step, minor, major = chooser.ticks(t0, t1, (t1 - t0) / 1600)
    assert step.name == "day" and minor[0].label == "10"
    assert [m.label for m in major] == ["October 2022"]
    step, minor, major = chooser.ticks(t0, t0 + DAY, DAY / 1600)
    assert step.major == "day" and minor[0].label == "00:00"
    assert major_label(t0, "day") == "Sat 10 Sep 2022"


def test_month_boundaries_are_calendar_months():
    t0, t1 = to_seconds(dt.datetime(2022, 1, 15)), to_seconds(dt.datetime(2022, 5, 1))
    got = [from_seconds(t) for t in iter_boundaries(t0, t1, "month")]
    assert got == [dt.datetime(2022, m, 1) for m in (2, 3, 4, 5)]
    weeks = [from_seconds(t) for t in iter_boundaries(t0, t1, "week")]
    assert all(d.weekday() == 0 for d in weeks)


# -- scale ---------------------------------------------------------------------------------------
def random_intervals(rng, n):
    out = []
    for _ in range(n):
        cluster = rng.choice([1700, 1950, 2020, 2022])
        start = to_seconds(dt.datetime(cluster, 1, 1)) + rng.random() * rng.choice([DAY, YEAR, 5 * YEAR])
        out.append((start, start + rng.choice([0, HOUR, DAY, 90 * DAY])))
    return out


@pytest.mark.parametrize("seed_value", range(5))
def test_compressed_map_is_monotone_and_invertible(seed_value):
    rng = random.Random(seed_value)
    tm = TimeMap.compressed(random_intervals(rng, 60))
    ts = sorted(rng.uniform(tm.ts[0] - YEAR, tm.ts[-1] + YEAR) for _ in range(400))
    us = [tm.u(t) for t in ts]
    assert all(b >= a for a, b in zip(us, us[1:]))
    for t, u in zip(ts, us):
        assert tm.t(u) == pytest.approx(t, abs=1e-3 * max(1.0, abs(t)) * 1e-6 + 1e-3)


def test_long_empty_stretches_become_breaks_that_keep_order(seed):
    layout = TimelineLayout(seed, measure)
    breaks = layout.time_map.breaks
    assert len(breaks) == 2     # 1990s | 2020 | 13 Sept 2022
    assert breaks[0].t0 < to_seconds(dt.datetime(2001, 1, 1)) < breaks[0].t1
    total = layout.time_map.us[-1] - layout.time_map.us[0]
    assert all(b.u1 - b.u0 < 0.06 * total for b in breaks)
    items = sorted(layout.items.values(), key=lambda it: it.t0)
    assert [it.u0 for it in items] == sorted(it.u0 for it in items)
    # The one-night cluster is readable at fit-all: it gets a good share of the width.
    day = [it for it in items if it.t0 >= to_seconds(dt.datetime(2022, 9, 13))]
    vp = layout.fit_viewport(1600)
    assert vp.x(max(it.u1 for it in day)) - vp.x(min(it.u0 for it in day)) > 400


def test_no_breaks_without_compression(seed):
    layout = TimelineLayout(seed, measure, compress_gaps=False)
    assert layout.time_map.breaks == []
    assert layout.time_map.slope(0) == pytest.approx(1.0)


def test_close_events_are_not_compressed():
    start = dt.datetime(2022, 1, 1)
    tl = make_timeline([(start + dt.timedelta(days=k), None, "day", "a") for k in range(10)])
    assert TimelineLayout(tl, measure).time_map.breaks == []


@pytest.mark.parametrize("anchor_x", [0.0, 333.0, 1599.0])
@pytest.mark.parametrize("factor", [1.0015 ** 120, 1.0015 ** -120, 7.5, 0.01])
def test_zoom_about_cursor_keeps_anchored_time(seed, anchor_x, factor):
    layout = TimelineLayout(seed, measure)
    vp = layout.fit_viewport(1600)
    before = layout.time_map.t(vp.u(anchor_x))
    lo, hi = layout.upp_limits(1600, vp.u(anchor_x))
    after_vp = vp.zoomed(factor, anchor_x, lo, hi)
    assert layout.time_map.t(after_vp.u(anchor_x)) == pytest.approx(before, abs=1.0)


def test_zoom_is_clamped_between_minutes_and_centuries(seed):
    layout = TimelineLayout(seed, measure)
    vp = layout.fit_viewport(1600)
    lo, hi = layout.upp_limits(1600, vp.u(800))
    deep = layout.clamp(vp.zoomed(1e12, 800, lo, hi))
    t0, t1 = layout.visible_times(deep)
    assert 5 * MINUTE < t1 - t0 < 2 * HOUR
    far = layout.clamp(vp.zoomed(1e-12, 800, lo, hi))
    t0, t1 = layout.visible_times(far)
    assert t1 - t0 < 5000 * YEAR


def test_times_are_drawn_on_their_own_wall_clock():
    aware = dt.datetime(2022, 9, 13, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=4)))
    assert from_seconds(to_seconds(aware)) == dt.datetime(2022, 9, 13, 23, 0)
    assert from_seconds(to_seconds(dt.date(2022, 9, 13))) == dt.datetime(2022, 9, 13)


def test_viewport_pan_and_resize():
    vp = Viewport(100.0, 2.0, 800.0)
    assert vp.panned(50).u(50) == pytest.approx(vp.u(0))
    assert vp.resized(400).u(200) == pytest.approx(vp.u(400))


# -- honest time ---------------------------------------------------------------------------------
def test_interval_kinds(seed):
    by_id = {e.id: event_interval(e) for e in seed.events}
    nineties = by_id["e15"]
    assert not nineties[2] and nineties[3]                       # decade: fuzzy span
    assert nineties[1] - nineties[0] == pytest.approx(10 * YEAR, rel=0.01)
    assert by_id["e8"][2]                                         # 15:05: a point
    assert by_id["e1"][3] and not by_id["e1"][2]                  # Tuesday night: fuzzy
    assert not by_id["e2"][3] and not by_id["e2"][2]              # a day: crisp span
    assert by_id["e2"][1] - by_id["e2"][0] == DAY
    undated = Event(id="u", title="u", span=(0, 0))
    assert event_interval(undated) is None
    assert format_interval(by_id["e1"][0], by_id["e1"][1]) == "13 Sep 2022 – 13 Sep 2022 06:00"


def test_undated_events_are_counted_not_drawn():
    tl = make_timeline([(dt.datetime(2020, 1, 1), None, "day", "a"), (None, None, "day", "a")])
    layout = TimelineLayout(tl, measure)
    assert len(layout.items) == 1 and len(layout.undated) == 1
    assert "1 without a date" in layout.subtitle()


# -- lanes ---------------------------------------------------------------------------------------
def test_lanes_by_first_appearance_with_palette_and_fallback():
    tl = make_timeline([(dt.datetime(2020, 1, 1), None, "day", "international"),
                        (dt.datetime(2020, 1, 2), None, "day", "b"),
                        (dt.datetime(2020, 1, 3), None, "day", "a"),
                        (dt.datetime(2020, 1, 4), None, "day", "nonsense")])
    lanes = build_lanes(tl)
    assert [lane.id for lane in lanes] == ["b", "a", "international", OTHER]
    assert lanes[0].color in PALETTE and lanes[0].color != lanes[1].color
    assert [lane.id for lane in build_lanes(tl, ["other", "a"])] == ["other", "a", "b", "international"]
    layout = TimelineLayout(tl, measure)
    assert layout.items["e3"].lane == OTHER


def test_party_colour_is_kept_and_not_reused():
    tl = make_timeline([(dt.datetime(2020, 1, 1), None, "day", "a")])
    tl.parties[0].color = PALETTE[0]
    lanes = build_lanes(tl)
    assert lanes[0].color == PALETTE[0] and lanes[1].color != PALETTE[0]


# -- labels --------------------------------------------------------------------------------------
def occupied(placed, items, u0, upp):
    """Per row, the drawn extent of each placed item: mark and label."""
    rows = {}
    for p in placed:
        left = min(p.x0, p.label_x)
        right = max(p.x1, p.label_x + p.label_w)
        rows.setdefault(p.row, []).append((max(left, 0.0), right))
    return rows


@pytest.mark.parametrize("seed_value", range(40))
def test_packing_never_overlaps_and_accounts_for_every_item(seed_value):
    rng = random.Random(seed_value)
    n = rng.choice([5, 50, 400])
    starts = sorted(rng.uniform(0, 10_000) for _ in range(n))
    ends = [s + rng.choice([0.0, 0.0, rng.uniform(0, 800)]) for s in starts]
    items = LaneItems(starts, ends, [rng.uniform(20, 400) for _ in range(n)])
    u0, upp = rng.uniform(-500, 3000), rng.uniform(1.0, 12.0)
    width, rows = 1200.0, rng.choice([1, 3, 6])
    priority = rng.choice([None, rng.randrange(n)])
    preferred = rng.choice([None, {rng.randrange(n): rng.randrange(-1, rows + 1) for _ in range(n // 3)}])
    placed, clusters = pack_lane(items, u0, upp, 0.0, width, rows, 300.0, priority=priority,
                                 preferred=preferred)
    if priority is not None and ends[priority] >= u0 and starts[priority] <= u0 + width * upp:
        assert priority in {p.index for p in placed}
    assert len({p.index for p in placed}) == len(placed)
    for spans in occupied(placed, items, u0, upp).values():
        spans.sort()
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            assert b0 >= a1 - 1e-6, "two labels overlap in one row"
    for p in placed:
        assert p.label_x >= 0 and p.label_x + p.label_w <= width + 1e-6
    visible = [k for k in range(n) if ends[k] >= u0 and starts[k] <= u0 + width * upp]
    assert len(placed) + sum(c.count for c in clusters) == len(visible)
    assert {p.index for p in placed} <= set(visible)


def test_sparse_items_all_get_rows():
    items = LaneItems([0.0, 1000.0, 2000.0], [0.0, 0.0, 0.0], [100.0, 100.0, 100.0])
    placed, clusters = pack_lane(items, -10.0, 1.0, 0.0, 3000.0, 1, 300.0)
    assert len(placed) == 3 and not clusters and {p.row for p in placed} == {0}


def test_dense_items_overflow_into_a_badge():
    items = LaneItems([float(k) for k in range(100)], [float(k) for k in range(100)], [80.0] * 100)
    placed, clusters = pack_lane(items, 0.0, 0.1, 0.0, 1000.0, 2, 300.0)
    assert len(placed) >= 2 and clusters
    assert len(placed) + sum(c.count for c in clusters) == 100


def test_seed_geometry_at_fit_all_places_every_label_without_overlap(seed):
    layout = TimelineLayout(seed, measure)
    vp = layout.fit_viewport(1600)
    rows = layout.plan_rows(vp, cap=40)
    geo = layout.geometry(vp, layout.content_height(rows), rows)
    assert len(geo.events) == 15 and not geo.badges
    assert overlaps([box.label_rect() for box in geo.events]) == []
    assert [lane.id for lane in geo.lanes][:2] == ["armenia", "azerbaijan"]
    assert len(geo.breaks) == 2 and all(b.label.endswith("years") for b in geo.breaks)
    assert geo.minor_ticks and geo.major_ticks


def test_geometry_visits_only_what_is_visible(seed):
    layout = TimelineLayout(seed, measure)
    vp = layout.viewport_for_times(to_seconds(dt.datetime(2022, 9, 13)),
                                   to_seconds(dt.datetime(2022, 9, 14)), 1600, pad=0.0)
    rows = layout.plan_rows(vp, cap=40)
    geo = layout.geometry(vp, 800, rows)
    ids = {box.id for box in geo.events}
    assert "e15" not in ids and "e13" not in ids and "e2" in ids and "e8" in ids
    assert geo.step in ("hour", "3 h") and not geo.breaks


@pytest.mark.parametrize("seed_value", range(int(__import__("os").environ.get("FUZZ_RUNS", "6"))))
def test_random_timelines_and_navigation_never_break_or_overlap(seed_value):
    rng = random.Random(seed_value)
    lanes = ["a", "b", "international", "other", "unknown-lane"]
    grans = ["day", "hour", "minute", "month", "year", "decade", "season", "part-of-day", "unknown"]
    events = []
    for _ in range(rng.choice([1, 3, 40, 300])):
        year = rng.choice([1, 2, 1066, 1900, 2020, 2022, 9998])
        start = dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23))
        length = rng.choice([None, dt.timedelta(0), dt.timedelta(hours=6), dt.timedelta(days=90),
                             dt.timedelta(days=3650)])
        latest = dt.datetime(9999, 12, 31)
        end = None if length is None else (latest if start > latest - length else start + length)
        events.append((start, end, rng.choice(grans), rng.choice(lanes)))
    tl = make_timeline(events)
    layout = TimelineLayout(tl, measure, compress_gaps=rng.random() < 0.7)
    width = rng.choice([320.0, 1600.0])
    vp = layout.fit_viewport(width)
    rows = layout.plan_rows(vp, cap=6)
    for step in range(25):
        if rng.random() < 0.5:
            x = rng.uniform(0, width)
            lo, hi = layout.upp_limits(width, vp.u(x))
            vp = layout.clamp(vp.zoomed(rng.choice([0.3, 0.8, 1.25, 4.0, 50.0]), x, lo, hi))
        else:
            vp = layout.clamp(vp.panned(rng.uniform(-2 * width, 2 * width)))
        selected = rng.choice(list(layout.items) + [None])
        geo = layout.geometry(vp, 900.0, rows, selected=selected)
        assert overlaps([box.label_rect() for box in geo.events if box.label_w > 0]) == []
        t0, t1 = layout.visible_times(vp)
        assert t0 < t1


def test_labels_keep_their_rows_while_zooming_in(seed):
    """Temporal coherence: what the last frame showed stays where it was when it still fits."""
    layout = TimelineLayout(seed, measure)
    vp = layout.fit_viewport(1600)
    rows = layout.plan_rows(vp, cap=3)
    before = layout.geometry(vp, 800, rows)
    lo, hi = layout.upp_limits(1600, vp.u(1200))
    after = layout.geometry(vp.zoomed(1.2, 1200, lo, hi), 800, rows, previous=before)
    rows_before = {b.id: b.row for b in before.events}
    kept = [b for b in after.events if b.id in rows_before]
    assert kept and all(b.row == rows_before[b.id] for b in kept)
    assert overlaps([b.label_rect() for b in after.events]) == []


def test_tick_range_cache_gives_exactly_the_iterated_ticks():
    """Panning and zooming reuse cached boundaries: they must equal a fresh iteration."""
    chooser = TickChooser(lambda text: 7.0 * len(text))
    rng = random.Random(3)
    t0, span = to_seconds(dt.datetime(1900, 3, 1)), 40 * DAY
    for _ in range(300):
        move = rng.choice(["pan", "pan", "zoom_in", "zoom_out"])
        if move == "pan":
            t0 += rng.uniform(-0.3, 0.3) * span
        else:
            factor = 0.8 if move == "zoom_in" else 1.25
            t0 += span * (1 - factor) / 2
            span *= factor
        span = min(max(span, 2 * HOUR), 400 * YEAR)
        t1 = t0 + span
        step, minor, major = chooser.ticks(t0, t1, span / 1600)
        assert [(t.t, t.label) for t in minor] == [
            (t, minor_label(t, step.name)) for t in iter_boundaries(t0, t1, step.name)]
        expected_major = ([(t, major_label(t, step.major)) for t in iter_boundaries(t0, t1, step.major)]
                          if step.major else [])
        assert [(t.t, t.label) for t in major] == expected_major


def test_an_open_stretch_does_not_hold_clusters_together():
    """'Since then' (three years up to the reference day) beside events of one week: the week gets
    its own stretch of the map, not a sliver of three years."""
    from timeline_app.model import Article, Event, TimeValue, Timeline
    week = dt.datetime(2026, 11, 30)
    events = [Event(id=f"w{k}", title=f"Event {k}", span=(0, 1), lane="other",
                    time=TimeValue(value="x", start=week + dt.timedelta(hours=5 * k),
                                   end=week + dt.timedelta(hours=5 * k + 1), granularity="hour")) for k in range(30)]
    events.append(Event(id="since", title="Since then", span=(0, 1), lane="other",
                        time=TimeValue(value="2023-10-07", start=dt.datetime(2023, 10, 7), end=week,
                                       granularity="unknown")))
    events.append(Event(id="lately", title="In recent months", span=(0, 1), lane="other",
                        time=TimeValue(value="PAST_REF", start=week - dt.timedelta(days=181), end=week,
                                       granularity="unknown")))
    events.append(Event(id="year", title="Last year", span=(0, 1), lane="other",
                        time=TimeValue(value="2025", start=dt.datetime(2025, 1, 1), end=dt.datetime(2026, 1, 1),
                                       granularity="year")))
    layout = TimelineLayout(Timeline(article=Article(text="abc"), events=events), measure)
    assert layout.time_map.break_indices            # the three years are compressed
    vp = layout.fit_viewport(1600)
    xs = [vp.x(layout.items[f"w{k}"].u0) for k in range(30)]
    assert max(xs) - min(xs) > 600
