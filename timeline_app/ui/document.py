"""The window's state: the Timeline on screen (as corrected by the user), the selected event, and the
undo stack of the user's corrections, with change signals."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..corrections import CorrectedTimeline, NotApplicable, Skipped
from ..model import Timeline
from .edit_commands import CorrectionCommand


class Document(QObject):
    timelineChanged = Signal()         # a new timeline (an article or project opened, dates re-resolved)
    #: The same timeline, corrected (an edit, undo or redo; one signal per move of the undo stack,
    #: however many commands it undid): carries the Changes.
    timelineEdited = Signal(object)
    selectionChanged = Signal(object)  # event id (str) or None
    #: The undo stack moved (an edit, undo, redo, clear) or its clean state changed: listen to these,
    #: not to the stack, whose destructor signals while the window is being torn down.
    historyChanged = Signal()

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.timeline: Optional[Timeline] = None
        self.corrected: Optional[CorrectedTimeline] = None
        #: Corrections of an opened project whose target was not found (shown, and saved again).
        self.not_applied: list[Skipped] = []
        self.selected: Optional[str] = None
        self.undo_stack = QUndoStack(self)
        self._pending: Optional[Changes] = None
        # Slots on self: Qt cuts them before it deletes the stack, so its last signals reach no one.
        self.undo_stack.indexChanged.connect(self._on_history)
        self.undo_stack.cleanChanged.connect(self._on_history)

    def _on_history(self, *_args) -> None:
        # The stack signals its index once after a whole jump (Edit history, many undos): the
        # widgets are refreshed once, with everything the commands changed.
        pending, self._pending = self._pending, None
        if pending is not None:
            if self.selected is not None and not timeline_has(self.timeline, self.selected):
                self.selected = None
            self.timelineEdited.emit(pending)
        self.historyChanged.emit()

    def note_changes(self, journal) -> None:
        """Called by the undo commands: the timeline changed in place (announced on the stack's signal)."""
        if self._pending is None:
            self._pending = Changes()
        self._pending.lists |= journal.lists
        self._pending.event_ids |= journal.event_ids

    def set_timeline(self, timeline: Optional[Timeline], corrected: Optional[CorrectedTimeline] = None,
                     not_applied: Sequence[Skipped] = ()) -> None:
        """Show ``timeline`` (an extraction) or ``corrected`` (a project's); the undo history restarts."""
        self.undo_stack.clear()
        if corrected is None and timeline is not None:
            corrected = CorrectedTimeline.start(timeline)
        self.corrected = corrected
        self.timeline = corrected.timeline if corrected is not None else None
        self.not_applied = list(not_applied)
        self.selected = None
        self.timelineChanged.emit()

    def apply(self, correction) -> Optional[str]:
        """Apply a correction as one undoable step; returns why it could not be applied, or None."""
        if self.corrected is None:
            return "no timeline is open"
        try:
            journal = self.corrected.apply(correction)
        except NotApplicable as exc:
            return str(exc)
        self.undo_stack.push(CorrectionCommand(self, correction, journal))
        return None

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


@dataclass
class Changes:
    """What a move of the undo stack changed: the timeline's lists, and the events by id."""
    lists: set[str] = field(default_factory=set)
    event_ids: set[str] = field(default_factory=set)


def timeline_has(timeline: Optional[Timeline], event_id: Optional[str]) -> bool:
    return timeline is not None and event_id is not None and any(e.id == event_id for e in timeline.events)
