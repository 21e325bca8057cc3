"""The user's corrections as QUndoCommands: the QUndoStack gives Undo/Redo, the history view and the
"unsaved changes" state; the corrections themselves (timeline_app.corrections) do the work."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class CorrectionCommand(QUndoCommand):
    """One correction. It is applied before it is pushed (so one that does not apply is never on the
    stack); the stack's first call of redo() therefore only announces the change."""

    def __init__(self, document, correction) -> None:
        super().__init__(correction.describe())
        self.document = document
        self.correction = correction
        self._applied = True

    def redo(self) -> None:
        if not self._applied:
            self.document.corrected.apply(self.correction)
            self._applied = True
        self.document.corrections_changed()

    def undo(self) -> None:
        undone = self.document.corrected.undo()
        assert undone is self.correction, "the undo stack and the corrections are out of step"
        self._applied = False
        self.document.corrections_changed()
