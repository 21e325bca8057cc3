"""The window's state: the Timeline on screen and the selected event, with change signals."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, Signal

from ..model import Timeline


class Document(QObject):
    timelineChanged = Signal()
    selectionChanged = Signal(object)  # event id (str) or None

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.timeline: Optional[Timeline] = None
        self.selected: Optional[str] = None

    def set_timeline(self, timeline: Optional[Timeline]) -> None:
        self.timeline = timeline
        self.selected = None
        self.timelineChanged.emit()

    def select(self, event_id: Optional[str]) -> None:
        if timeline_has(self.timeline, event_id) and event_id != self.selected:
            self.selected = event_id
            self.selectionChanged.emit(event_id)
        elif event_id is None and self.selected is not None:
            self.selected = None
            self.selectionChanged.emit(None)

    def event_at(self, offset: int) -> Optional[str]:
        """The event whose sentence contains the character ``offset`` of the article text."""
        if self.timeline is None:
            return None
        for e in self.timeline.events:
            if e.span[0] <= offset < e.span[1]:
                return e.id
        return None


def timeline_has(timeline: Optional[Timeline], event_id: Optional[str]) -> bool:
    return timeline is not None and event_id is not None and any(e.id == event_id for e in timeline.events)
