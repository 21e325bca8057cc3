"""What the reader chose to see: lanes shown or hidden, background and vague-date events. Qt-free.

:func:`apply` gives the timeline the view draws; the document itself is never changed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Timeline
from .geometry import event_interval
from .lanes import OTHER, lane_of


@dataclass(frozen=True)
class ViewFilter:
    hidden_lanes: frozenset[str] = field(default_factory=frozenset)
    #: Hide the "Background and other" lane's events.
    hide_background: bool = False
    #: Hide events whose time is known only roughly (a season, a decade, "recent weeks").
    hide_vague: bool = False

    def is_default(self) -> bool:
        return not self.hidden_lanes and not self.hide_background and not self.hide_vague

    def with_lane(self, lane_id: str, shown: bool) -> "ViewFilter":
        lanes = set(self.hidden_lanes)
        (lanes.discard if shown else lanes.add)(lane_id)
        return ViewFilter(frozenset(lanes), self.hide_background, self.hide_vague)

    def to_dict(self) -> dict[str, Any]:
        return {"hidden_lanes": sorted(self.hidden_lanes), "hide_background": self.hide_background,
                "hide_vague": self.hide_vague}

    @classmethod
    def from_dict(cls, data: Any) -> "ViewFilter":
        """From settings; anything malformed gives the default (bad settings never stop the app)."""
        if not isinstance(data, dict):
            return cls()
        lanes = data.get("hidden_lanes", [])
        return cls(frozenset(str(x) for x in lanes) if isinstance(lanes, list) else frozenset(),
                   bool(data.get("hide_background", False)), bool(data.get("hide_vague", False)))


def apply(timeline: Timeline, view_filter: ViewFilter) -> Timeline:
    """The timeline with the filtered-out events (and hidden party lanes) left out."""
    if view_filter.is_default():
        return timeline
    party_ids = {p.id for p in timeline.parties}
    hidden = set(view_filter.hidden_lanes)
    if view_filter.hide_background:
        hidden.add(OTHER)

    def keep(event) -> bool:
        if lane_of(event.lane, party_ids) in hidden:
            return False
        if view_filter.hide_vague:
            interval = event_interval(event)
            if interval is not None and interval[3]:
                return False
        return True

    return timeline.model_copy(update={
        "events": [e for e in timeline.events if keep(e)],
        "parties": [p for p in timeline.parties if p.id not in hidden],
    })
