"""Ctrl+F: a find bar above the timeline. It finds text in the events, the statements and the
article, and steps through the hits (Enter / F3 next, Shift+Enter / Shift+F3 previous, Esc closes)."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ..model import Timeline
from ..search import Hit, find


class SearchBar(QWidget):
    #: The hit to show now (select its event, mark it in the text).
    hitChosen = Signal(object)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-bar")
        self._timeline: Optional[Timeline] = None
        self.hits: list[Hit] = []
        self.current = -1
        self.edit = QLineEdit()
        self.edit.setObjectName("search")
        self.edit.setPlaceholderText("Find in events, statements and the article…")
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip("Enter or F3: next hit · Shift+Enter or Shift+F3: previous · Esc: close")
        self.edit.textChanged.connect(self._search)
        self.edit.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(90)
        self.prev_button = self._button("▲", "Previous hit (Shift+F3)", self.previous)
        self.next_button = self._button("▼", "Next hit (F3)", self.next)
        close = self._button("✕", "Close the find bar (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        for widget in (self.prev_button, self.next_button, close):
            layout.addWidget(widget)
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def set_timeline(self, timeline: Optional[Timeline]) -> None:
        self._timeline = timeline
        self._search(self.edit.text())

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()

    def next(self) -> None:
        self._step(+1)

    def previous(self) -> None:
        self._step(-1)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Enter: next hit; Shift+Enter: previous; Esc: close (keys typed in the field)."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.previous() if shift else self.next()
                return True
        return super().eventFilter(watched, event)

    def _search(self, text: str) -> None:
        self.hits = find(self._timeline, text) if self._timeline is not None else []
        self.current = -1
        self._show_count()
        if self.hits:
            self._step(+1)

    def _step(self, direction: int) -> None:
        if not self.hits:
            return
        self.current = (self.current + direction) % len(self.hits)
        self._show_count()
        self.hitChosen.emit(self.hits[self.current])

    def _show_count(self) -> None:
        if not self.edit.text().strip():
            self.count_label.setText("")
        elif not self.hits:
            self.count_label.setText("no hits")
        else:
            self.count_label.setText(f"{self.current + 1} of {len(self.hits)}")
        self.prev_button.setEnabled(len(self.hits) > 1)
        self.next_button.setEnabled(len(self.hits) > 1)
