"""Lanes: one per party, one for international reactions, one for background/other. Qt-free."""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import Timeline

INTERNATIONAL = "international"
OTHER = "other"

#: Colour-blind-safe palette for parties without a colour of their own: Okabe & Ito's seven
#: colours (their yellow is too light for text on white), then Paul Tol's "muted" scheme's
#: distinct ones (both designed to stay apart under protanopia, deuteranopia and tritanopia).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255",
           "#117733", "#AA4499", "#332288")
INTERNATIONAL_COLOR = "#5E6B7D"
OTHER_COLOR = "#8A8A8A"
INTERNATIONAL_NAME = "International reactions"
OTHER_NAME = "Background and other"
GENERAL_NAME = "Events"


@dataclass(frozen=True)
class Lane:
    id: str
    name: str
    color: str


def _valid_color(value: Optional[str]) -> bool:
    if not value or not value.startswith("#") or len(value) not in (4, 7):
        return False
    try:
        int(value[1:], 16)
    except ValueError:
        return False
    return True


def lane_of(event_lane: str, party_ids: set[str]) -> str:
    """The lane an event is drawn in: its party, "international", or "other" for anything else."""
    if event_lane in party_ids or event_lane == INTERNATIONAL:
        return event_lane
    return OTHER


def party_color(name: str, taken: set[str] = frozenset()) -> str:
    """A party's colour, the same in every article: chosen from its name (the next free palette
    colour when another party of the article already has it)."""
    start = zlib.crc32(" ".join(name.lower().split()).encode("utf-8")) % len(PALETTE)
    for k in range(len(PALETTE)):
        color = PALETTE[(start + k) % len(PALETTE)]
        if color.lower() not in taken:
            return color
    return PALETTE[start]


def build_lanes(timeline: Timeline, order: Optional[Sequence[str]] = None) -> list[Lane]:
    """Party lanes by first appearance in the text, then international, then other.

    Party lanes are always shown; international/other only when they hold events. ``order`` (lane
    ids, e.g. from the user dragging lane headers) comes first; unknown ids in it are ignored.
    """
    party_ids = {p.id for p in timeline.parties}
    first_seen: dict[str, int] = {}
    for event in timeline.events:
        lane = lane_of(event.lane, party_ids)
        first_seen[lane] = min(first_seen.get(lane, event.span[0]), event.span[0])
    used_colors = {p.color.lower() for p in timeline.parties if _valid_color(p.color)}
    lanes: list[Lane] = []
    for index, party in enumerate(timeline.parties):
        if _valid_color(party.color):
            color = party.color
        else:
            color = party_color(party.name or party.id, used_colors)
            used_colors.add(color.lower())
        lanes.append(Lane(party.id, party.name or party.id, color))
    unseen = len(timeline.article.text) + 1
    position = {lane.id: i for i, lane in enumerate(lanes)}
    lanes.sort(key=lambda lane: (first_seen.get(lane.id, unseen), position[lane.id]))
    if INTERNATIONAL in first_seen and INTERNATIONAL not in position:
        lanes.append(Lane(INTERNATIONAL, INTERNATIONAL_NAME, INTERNATIONAL_COLOR))
    if OTHER in first_seen and OTHER not in position:
        # Without sides nothing is "background": one general lane (no parties made up).
        lanes.append(Lane(OTHER, OTHER_NAME if timeline.parties else GENERAL_NAME, OTHER_COLOR))
    if order:
        rank = {lane_id: i for i, lane_id in enumerate(order)}
        default = {lane.id: i for i, lane in enumerate(lanes)}
        lanes.sort(key=lambda lane: (rank.get(lane.id, len(rank)), default[lane.id]))
    return lanes
