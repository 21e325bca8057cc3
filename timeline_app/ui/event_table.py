"""The event table (a dock): every event with its date, title, lane, kind and source sentence.

Sortable by any column, filtered as the user types, rows copied as TSV (Ctrl+C) or CSV (context
menu). Selecting a row selects the event everywhere; selecting elsewhere selects the row.
"""
from __future__ import annotations

import csv
import io
from typing import Optional

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QRegularExpression,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu,
                               QTableView, QToolButton, QVBoxLayout, QWidget)

from ..layout.geometry import event_interval, format_interval
from ..layout.lanes import build_lanes, lane_of
from ..model import Timeline

COLUMNS = ("When", "Title", "Lane", "Kind", "Sentence")
#: The sort key of a cell (times sort by time, not by their text).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_UNDATED = float("inf")


def event_kind(timeline: Timeline) -> dict[str, str]:
    """Per event id: "reaction" (a third party's), "claim" (a party's account), else "event"."""
    kinds: dict[str, str] = {}
    for account in timeline.accounts:
        if account.event:
            kinds.setdefault(account.event, "claim")
    for reaction in timeline.reactions:
        if reaction.event:
            kinds[reaction.event] = "reaction"
    return kinds


class EventTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        #: (id, time key, cells)
        self._rows: list[tuple[str, float, tuple[str, ...]]] = []
        self._row_of: dict[str, int] = {}

    def set_timeline(self, timeline: Optional[Timeline]) -> None:
        self.beginResetModel()
        self._rows = []
        if timeline is not None:
            lanes = {lane.id: lane.name for lane in build_lanes(timeline)}
            party_ids = {p.id for p in timeline.parties}
            kinds = event_kind(timeline)
            for event in timeline.events:
                interval = event_interval(event)
                when = format_interval(interval[0], interval[1]) if interval else "(no date)"
                lane = lanes.get(lane_of(event.lane, party_ids), event.lane)
                sentence = " ".join(event.sentence.split())
                self._rows.append((event.id, interval[0] if interval else _UNDATED,
                                   (when, event.title, lane, kinds.get(event.id, "event"), sentence)))
        self._row_of = {row[0]: k for k, row in enumerate(self._rows)}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        event_id, t, cells = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 4):
            return cells[4]
        if role == SORT_ROLE:
            return t if index.column() == 0 else cells[index.column()].lower()
        if role == ID_ROLE:
            return event_id
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def row_of(self, event_id: str) -> Optional[int]:
        return self._row_of.get(event_id)


class EventFilter(QSortFilterProxyModel):
    """Filter as you type (every column, case-insensitive), optionally restricted to some events."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._only: Optional[set[str]] = None

    def set_only(self, event_ids: Optional[set[str]]) -> None:
        self.beginFilterChange()
        self._only = event_ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def only(self) -> Optional[set[str]]:
        return self._only

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802
        if self._only is not None:
            event_id = self.sourceModel().index(row, 0, parent).data(ID_ROLE)
            if event_id not in self._only:
                return False
        return super().filterAcceptsRow(row, parent)


def rows_as_text(rows: list[list[str]], delimiter: str) -> str:
    """Rows as TSV (``"\\t"``) or CSV (``","``), with a header line, quoted where needed."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buf.getvalue()


class EventTable(QWidget):
    """Filter field above a sortable table of the events."""
    #: The user selected an event in the table; carries its id.
    eventActivated = Signal(str)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.model = EventTableModel(self)
        self.proxy = EventFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("event-filter")
        self.filter_edit.setPlaceholderText("Filter events (date, title, lane, sentence)…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip("Shows only the events whose date, title, lane, kind or sentence "
                                    "contains this text")
        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.only_label = QLabel()
        self.only_button = QToolButton()
        self.only_button.setText("Show all")
        self.only_button.setToolTip("Show every event again, not only those of the clicked badge")
        self.only_button.clicked.connect(lambda: self.show_only(None))
        self.only_label.hide()
        self.only_button.hide()
        self.table = QTableView()
        self.table.setObjectName("event-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 320, 130, 70)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.copy_action = QAction("Copy rows (tab-separated)", self.table)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(lambda: self.copy_rows("\t"))
        self.table.addAction(self.copy_action)
        self.copy_csv_action = QAction("Copy rows as CSV", self.table)
        self.copy_csv_action.triggered.connect(lambda: self.copy_rows(","))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._syncing = False

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.only_label)
        top.addWidget(self.only_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    # -- API ------------------------------------------------------------------------------
    def set_timeline(self, timeline: Optional[Timeline]) -> None:
        self.show_only(None)
        self.model.set_timeline(timeline)

    def select_event(self, event_id: Optional[str]) -> None:
        """Select (and scroll to) the event's row without emitting; None clears."""
        self._syncing = True
        try:
            row = self.model.row_of(event_id) if event_id is not None else None
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
            if not proxy_index.isValid():
                self.table.clearSelection()
                return
            self.table.setCurrentIndex(proxy_index)
            self.table.selectRow(proxy_index.row())
            self.table.scrollTo(proxy_index)
        finally:
            self._syncing = False

    def show_only(self, event_ids: Optional[list]) -> None:
        """Restrict the table to these events (a badge's hidden ones); None shows all again."""
        self.proxy.set_only(set(event_ids) if event_ids is not None else None)
        shown = event_ids is not None
        self.only_label.setText(f"{len(event_ids)} events of one badge" if shown else "")
        self.only_label.setVisible(shown)
        self.only_button.setVisible(shown)

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def selected_rows(self) -> list[list[str]]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [[self.proxy.index(r, c).data() for c in range(len(COLUMNS))] for r in rows]

    def copy_rows(self, delimiter: str) -> str:
        """Put the selected rows (all shown rows when none is selected) on the clipboard."""
        rows = self.selected_rows() or [[self.proxy.index(r, c).data() for c in range(len(COLUMNS))]
                                        for r in range(self.proxy.rowCount())]
        text = rows_as_text(rows, delimiter)
        QGuiApplication.clipboard().setText(text)
        return text

    # -- internals ------------------------------------------------------------------------
    def _on_filter_text(self, text: str) -> None:
        self.proxy.setFilterRegularExpression(QRegularExpression(
            QRegularExpression.escape(text), QRegularExpression.PatternOption.CaseInsensitiveOption))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        event_id = current.data(ID_ROLE)
        if event_id:
            self.eventActivated.emit(event_id)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.addAction(self.copy_csv_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self.context_menu = menu
