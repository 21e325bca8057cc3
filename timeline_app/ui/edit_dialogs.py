"""Dialogs for correcting the timeline: an event's title, lane and date (a picker that keeps the
granularity), and a choice from a list. They only collect values; ui/editing.py turns them into
corrections."""
from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLineEdit, QWidget)

from ..model import Event, TimeValue
from ..user_time import PARTS_OF_DAY, PICKER_GRANULARITIES, picked_time

GRANULARITY_LABELS = {"year": "Year", "month": "Month", "day": "Day", "part-of-day": "Part of a day",
                      "minute": "Time of day"}
DISPLAY_FORMATS = {"year": "yyyy", "month": "MMMM yyyy", "day": "d MMM yyyy", "part-of-day": "d MMM yyyy",
                   "minute": "d MMM yyyy HH:mm"}


def _qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(value.date(), QTime(value.hour, value.minute))


def _pydatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class EventDialog(QDialog):
    """Title, lane and date of an event. The date is edited at a granularity (year … time of day),
    optionally as a stretch ("between … and …") when the day is not known exactly."""

    def __init__(self, event: Event, lanes: Sequence[tuple[str, str]], parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("event-dialog")
        self.setWindowTitle("Edit event")
        self.title_edit = QLineEdit(event.title)
        self.lane_box = QComboBox()
        for lane_id, name in lanes:
            self.lane_box.addItem(name, lane_id)
        self.lane_box.setCurrentIndex(max(0, self.lane_box.findData(event.lane)))
        self.dated_box = QCheckBox("Dated")
        self.granularity_box = QComboBox()
        for g in PICKER_GRANULARITIES:
            self.granularity_box.addItem(GRANULARITY_LABELS[g], g)
        self.start_edit = QDateTimeEdit()
        self.start_edit.setCalendarPopup(True)
        self.part_box = QComboBox()
        for code, name in PARTS_OF_DAY.items():
            self.part_box.addItem(name, code)
        self.until_box = QCheckBox("until")
        self.until_edit = QDateTimeEdit()
        self.until_edit.setCalendarPopup(True)

        time = event.time
        self.dated_box.setChecked(time is not None and time.start is not None)
        start = time.start if time is not None and time.start is not None else dt.datetime(2000, 1, 1)
        granularity = _picker_granularity(time)
        self.granularity_box.setCurrentIndex(self.granularity_box.findData(granularity))
        self.start_edit.setDateTime(_qdatetime(start))
        if time is not None and "T" in time.value and time.value[-2:] in PARTS_OF_DAY:
            self.part_box.setCurrentIndex(self.part_box.findData(time.value[-2:]))
        self.until_edit.setDateTime(_qdatetime(start))

        when = QHBoxLayout()
        for w in (self.granularity_box, self.start_edit, self.part_box, self.until_box, self.until_edit):
            when.addWidget(w)
        form = QFormLayout(self)
        form.addRow("Title", self.title_edit)
        form.addRow("Lane", self.lane_box)
        form.addRow(self.dated_box, when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for signal in (self.granularity_box.currentIndexChanged, self.dated_box.toggled, self.until_box.toggled):
            signal.connect(self._update_enabled)
        self._update_enabled()
        # The date is rewritten only when the user touched it: an untouched picker would round a
        # week or a season to what it can show.
        self._time_touched = False
        for signal in (self.granularity_box.currentIndexChanged, self.dated_box.toggled, self.until_box.toggled,
                       self.start_edit.dateTimeChanged, self.part_box.currentIndexChanged,
                       self.until_edit.dateTimeChanged):
            signal.connect(self._touch_time)

    def _touch_time(self, *_args) -> None:
        self._time_touched = True

    def time_changed(self) -> bool:
        return self._time_touched

    def _update_enabled(self) -> None:
        granularity = self.granularity_box.currentData()
        dated = self.dated_box.isChecked()
        for w in (self.granularity_box, self.start_edit, self.until_box):
            w.setEnabled(dated)
        self.part_box.setEnabled(dated and granularity == "part-of-day")
        self.until_edit.setEnabled(dated and self.until_box.isChecked())
        for edit in (self.start_edit, self.until_edit):
            edit.setDisplayFormat(DISPLAY_FORMATS[granularity])

    def set_time(self, granularity: str, when: dt.datetime, part: Optional[str] = None,
                 until: Optional[dt.datetime] = None) -> None:
        """Fill the date fields (for tests and for callers that know the answer)."""
        self.dated_box.setChecked(True)
        self.granularity_box.setCurrentIndex(self.granularity_box.findData(granularity))
        self.start_edit.setDateTime(_qdatetime(when))
        if part is not None:
            self.part_box.setCurrentIndex(self.part_box.findData(part))
        self.until_box.setChecked(until is not None)
        if until is not None:
            self.until_edit.setDateTime(_qdatetime(until))

    def title(self) -> str:
        return self.title_edit.text().strip()

    def lane(self) -> str:
        return self.lane_box.currentData()

    def time(self) -> Optional[TimeValue]:
        """The picked time (ValueError when a stretch ends before it starts)."""
        if not self.dated_box.isChecked():
            return None
        granularity = self.granularity_box.currentData()
        until = _pydatetime(self.until_edit.dateTime()) if self.until_box.isChecked() else None
        part = self.part_box.currentData() if granularity == "part-of-day" else None
        return picked_time(granularity, _pydatetime(self.start_edit.dateTime()), part, until)


def _picker_granularity(time: Optional[TimeValue]) -> str:
    if time is None:
        return "day"
    g = time.granularity
    if g in PICKER_GRANULARITIES:
        return g
    if g in ("hour", "second"):
        return "minute"
    if g in ("decade", "century", "millennium"):
        return "year"
    if g in ("season", "quarter", "half-year"):
        return "month"
    return "day"


class ChoiceDialog(QDialog):
    """Pick one of ``choices`` ((label, value) pairs); optionally type a new name instead."""

    def __init__(self, title: str, label: str, choices: Sequence[tuple[str, object]], editable: bool = False,
                 parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("choice-dialog")
        self.setWindowTitle(title)
        self.box = QComboBox()
        self.box.setEditable(editable)
        for text, value in choices:
            self.box.addItem(text, value)
        form = QFormLayout(self)
        form.addRow(label, self.box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self):
        """The chosen value, or the typed text when it matches no choice."""
        text = self.box.currentText()
        index = self.box.findText(text)
        return self.box.itemData(index) if index >= 0 else text.strip()
