"""The menu a "+N" badge opens: the events it hides, each one click away, and "zoom in" when
zooming can still give them room."""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from PySide6.QtWidgets import QMenu, QWidget

from ..layout.geometry import TimelineLayout, format_moment

#: More entries than this make a menu too long to scan (Qt scrolls a menu taller than the screen):
#: the rest go to the event table.
MAX_ENTRIES = 60
#: Entry text is cut here (the full sentence is in the entry's tooltip).
MAX_TITLE_CHARS = 70


class ClusterMenu(QMenu):
    def __init__(self, layout: TimelineLayout, event_ids: Sequence[str], zoom: Optional[Callable[[], None]],
                 activate: Callable[[str], None], list_all: Callable[[list], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("cluster-menu")
        self.setToolTipsVisible(True)
        self.event_ids = list(event_ids)
        if zoom is not None:
            self.zoom_action = self.addAction(f"Zoom in on these {len(self.event_ids)} events", zoom)
            self.addSeparator()
        else:
            self.zoom_action = None
        for event_id in self.event_ids[:MAX_ENTRIES]:
            item = layout.items[event_id]
            title = item.title if len(item.title) <= MAX_TITLE_CHARS else item.title[:MAX_TITLE_CHARS - 1] + "…"
            action = self.addAction(f"{format_moment(item.t0)} · {title}",
                                    lambda _=False, e=event_id: activate(e))
            action.setToolTip(layout.describe(event_id))
            action.setData(event_id)
        self.all_action = None
        if len(self.event_ids) > MAX_ENTRIES:
            self.addSeparator()
            self.all_action = self.addAction(f"All {len(self.event_ids)} in the event table…",
                                             lambda: list_all(list(self.event_ids)))

    def event_actions(self) -> list:
        return [a for a in self.actions() if a.data()]
