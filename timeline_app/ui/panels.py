"""Side panels: one account list per party, and the international reactions, grouped by actor."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu,
                               QVBoxLayout, QWidget)

from ..model import Timeline

_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Entry:
    """One statement in a panel: who said it, what, where in the text, and the event it speaks about."""
    speaker: str
    text: str
    span: tuple[int, int]
    event: Optional[str]


def entry_label(entry: Entry) -> str:
    """The statement, led by its speaker unless the statement already names them."""
    speaker = entry.speaker.strip()
    if not speaker or speaker.lower() in entry.text.lower():
        return entry.text
    return f"{speaker}: {entry.text}"


class StatementList(QListWidget):
    """A list of statements; header rows (actor names) are not selectable."""
    entryActivated = Signal(object)  # Entry

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.itemClicked.connect(self._on_clicked)
        self.currentItemChanged.connect(lambda cur, _prev: self._on_clicked(cur))

    def add_header(self, title: str, color: Optional[str] = None) -> None:
        item = QListWidgetItem(title)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags | Qt.ItemFlag.ItemIsEnabled)
        if color:
            item.setForeground(QBrush(QColor(color)))
        self.addItem(item)

    def add_entry(self, entry: Entry) -> None:
        item = QListWidgetItem(entry_label(entry))
        item.setData(_ENTRY_ROLE, entry)
        item.setToolTip(entry.text)
        self.addItem(item)

    def entries(self) -> list[Entry]:
        return [e for i in range(self.count()) if (e := self.item(i).data(_ENTRY_ROLE)) is not None]

    def select_event(self, event_id: Optional[str]) -> list[Entry]:
        """Select the entries about ``event_id`` (without emitting); returns them."""
        chosen = []
        self.blockSignals(True)
        try:
            self.clearSelection()
            first = None
            for i in range(self.count()):
                item = self.item(i)
                entry = item.data(_ENTRY_ROLE)
                if entry is not None and event_id is not None and entry.event == event_id:
                    item.setSelected(True)
                    chosen.append(entry)
                    first = first or item
            if first is not None:
                self.scrollToItem(first)
        finally:
            self.blockSignals(False)
        return chosen

    def selected_entries(self) -> list[Entry]:
        return [e for item in self.selectedItems() if (e := item.data(_ENTRY_ROLE)) is not None]

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        """Copy a statement, or find it in the article text."""
        item = self.itemAt(event.pos())
        entry = item.data(_ENTRY_ROLE) if item is not None else None
        if entry is None:
            return
        menu = QMenu(self)
        menu.addAction("Copy statement", lambda: QGuiApplication.clipboard().setText(entry_label(entry)))
        menu.addAction("Show in the article text", lambda: self.entryActivated.emit(entry))
        menu.popup(event.globalPos())
        self.context_menu = menu

    def _on_clicked(self, item: Optional[QListWidgetItem]) -> None:
        entry = item.data(_ENTRY_ROLE) if item is not None else None
        if entry is not None:
            self.entryActivated.emit(entry)


class AccountsPanel(QWidget):
    """One column per party with what that party says, claims, reports or denies."""
    entryActivated = Signal(object)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.lists: dict[str, StatementList] = {}
        self._empty = QLabel("No party accounts in this article.")
        self._layout.addWidget(self._empty)

    def set_timeline(self, timeline: Optional[Timeline], colors: dict[str, str]) -> None:
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget is not None and widget is not self._empty:
                widget.deleteLater()
        self.lists = {}
        parties = timeline.parties if timeline else []
        self._empty.setVisible(not parties)
        if not parties:
            self._layout.addWidget(self._empty)
            return
        for party in parties:
            box = QGroupBox(f"{party.name}: its account")
            box.setObjectName(f"account-{party.id}")
            color = colors.get(party.id)
            if color:
                box.setStyleSheet(f"QGroupBox {{ font-weight: bold; color: {color}; }}")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(2, 2, 2, 2)
            statements = StatementList(box)
            statements.setStyleSheet("color: palette(text); font-weight: normal;")
            for acc in (a for a in timeline.accounts if a.party == party.id):
                statements.add_entry(Entry(acc.speaker, acc.text, tuple(acc.span), acc.event))
            if statements.count() == 0:
                statements.add_header("(no statements)")
            statements.entryActivated.connect(self.entryActivated)
            inner.addWidget(statements)
            self.lists[party.id] = statements
            self._layout.addWidget(box, 1)

    def select_event(self, event_id: Optional[str]) -> list[Entry]:
        return [e for lst in self.lists.values() for e in lst.select_event(event_id)]


class ReactionsPanel(StatementList):
    """What third parties said or did, grouped under each actor's name."""

    def set_timeline(self, timeline: Optional[Timeline]) -> None:
        self.clear()
        if timeline is None or not timeline.reactions:
            self.add_header("No international reactions in this article.")
            return
        names = {a.id: a.name for a in timeline.actors}
        order: list[str] = []
        for r in timeline.reactions:
            if r.actor not in order:
                order.append(r.actor)
        for actor in order:
            self.add_header(names.get(actor) or actor.replace("-", " ").title())
            for r in (r for r in timeline.reactions if r.actor == actor):
                self.add_entry(Entry(r.speaker, r.text, tuple(r.span), r.event))


__all__ = ["AccountsPanel", "Entry", "ReactionsPanel", "StatementList"]
