"""The user's corrections as QUndoCommands: the QUndoStack gives Undo/Redo, the history view and the
"unsaved changes" state; the corrections themselves (timeline_app.corrections) do the work."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class CorrectionCommand(QUndoCommand):
    """One correction. It is applied before it is pushed (so one that does not apply is never on the
    stack); the stack's first call of redo() therefore only announces the change."""

    def __init__(self, document, correction, journal) -> None:
        super().__init__(correction.describe())
        self.document = document
        self.correction = correction
        self._first_journal = journal

    def redo(self) -> None:
        journal, self._first_journal = self._first_journal, None
        if journal is None:
            journal = self.document.corrected.apply(self.correction)
        self.document.note_changes(journal)

    def undo(self) -> None:
        undone, journal = self.document.corrected.undo()
        if undone is not self.correction:
            raise RuntimeError("the undo stack and the corrections are out of step")
        self.document.note_changes(journal)
