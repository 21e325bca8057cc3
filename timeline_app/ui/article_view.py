"""The article text, with the selected event's sentence and its statements highlighted."""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, Optional

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

SENTENCE_COLOR = QColor("#ffe58a")
STATEMENT_COLOR = QColor("#cfe3ff")
SEARCH_COLOR = QColor("#ffa64d")


class ArticleView(QPlainTextEdit):
    """Read-only text; a click reports the character offset so the window can select that event."""
    offsetClicked = Signal(int)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        # Qt counts UTF-16 code units, the model counts code points: remember where they differ.
        self._astral: list[int] = []

    def set_text(self, text: str) -> None:
        self.setExtraSelections([])
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        self.setPlainText(text)

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        offset = position
        for i, astral in enumerate(self._astral):  # few, if any
            if astral + i + 1 < position:
                offset -= 1
        return offset

    def highlight(self, sentence: Optional[tuple[int, int]], statements: Iterable[tuple[int, int]] = ()) -> None:
        """Mark the event's sentence and the statements about it; scroll the sentence into view."""
        selections = []
        for span in statements:
            selections.append(self._selection(span, STATEMENT_COLOR))
        if sentence is not None:
            selections.append(self._selection(sentence, SENTENCE_COLOR))
        self.setExtraSelections(selections)
        if sentence is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(self.to_qt(sentence[0]), self.document().characterCount() - 1))
            self.setTextCursor(cursor)
            self.centerCursor()

    def mark(self, span: tuple[int, int]) -> None:
        """Mark a find hit on top of the current highlights and scroll it into view."""
        self.setExtraSelections([*self.extraSelections(), self._selection(span, SEARCH_COLOR)])
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.to_qt(span[0]), max(0, self.document().characterCount() - 1)))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def highlighted_spans(self) -> list[tuple[int, int]]:
        return [(self.from_qt(s.cursor.selectionStart()), self.from_qt(s.cursor.selectionEnd()))
                for s in self.extraSelections()]

    def _selection(self, span: tuple[int, int], color: QColor) -> QTextEdit.ExtraSelection:
        last = max(0, self.document().characterCount() - 1)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.to_qt(span[0]), last))
        cursor.setPosition(min(self.to_qt(span[1]), last), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            position = self.cursorForPosition(event.position().toPoint()).position()
            self.offsetClicked.emit(self.from_qt(position))
