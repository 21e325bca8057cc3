"""TimelineLayout.update_events (a correction of a few events) gives the layout a full preparation
of the corrected timeline would, without preparing the whole timeline again."""
import datetime as dt
import random

from timeline_app.layout.geometry import TimelineLayout, Viewport
from timeline_app.model import Article, Event, Party, TimeValue, Timeline


def measure(text: str) -> float:
    return 7.0 * len(text)


def make_timeline(n=400, seed=5) -> Timeline:
    rng = random.Random(seed)
    events = []
    for k in range(n):
        start = dt.datetime(2020, 1, 1) + dt.timedelta(hours=rng.randrange(0, 24 * 700))
        events.append(Event(id=f"e{k}", title=f"event {k}", span=(0, 1), lane=rng.choice(["a", "b", "other"]),
                            time=TimeValue(value="x", start=start, end=start + dt.timedelta(days=1),
                                           granularity="day")))
    return Timeline(article=Article(text="xx"), parties=[Party(id="a", name="A"), Party(id="b", name="B")],
                    events=events)


def state(layout: TimelineLayout):
    viewport = Viewport.fit(layout.u_lo, layout.u_hi, 1200, 8, 8)
    return ([[(it.id, it.u0, it.u1, it.title) for it in items] for items in layout.lane_items],
            [(p.u_start, p.u_end, p.label_w, p.u_end_prefix_max) for p in layout.lane_packing],
            layout.item_index, layout.chronological, sorted(e.id for e in layout.undated),
            layout.overview_columns(viewport))


def test_updating_a_few_events_equals_preparing_everything():
    timeline = make_timeline()
    layout = TimelineLayout(timeline, measure, compress_gaps=False)
    rng = random.Random(9)
    for step in range(40):
        k = rng.randrange(len(timeline.events))
        e = timeline.events[k]
        action = step % 4
        if action == 0:
            timeline.events[k] = e.model_copy(update={"lane": rng.choice(["a", "b", "other"])})
        elif action == 1:
            timeline.events[k] = e.model_copy(update={"title": "a longer corrected title"})
        elif action == 2:
            timeline.events[k] = e.model_copy(update={"time": None})
        else:
            del timeline.events[k]
        changed = layout.update_events(timeline, {e.id})
        assert changed is not None
        # (The extreme events stay, so a fresh preparation draws the same time map.)
        assert state(layout) == state(TimelineLayout(timeline, measure, compress_gaps=False))


def test_a_change_of_parties_asks_for_a_full_preparation():
    timeline = make_timeline(50)
    layout = TimelineLayout(timeline, measure)
    timeline.parties[0] = timeline.parties[0].model_copy(update={"name": "Renamed"})
    assert layout.update_events(timeline, set()) is None
