"""The reference-date field: type a date as you would write it, or pick it from a calendar;
an unreadable one is refused with a visible hint; "Article's date" goes back to the article's own."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QMenu, QSizePolicy,
                               QToolButton, QWidget, QWidgetAction)

from ..date_entry import DateEntryError, format_day, parse_user_date

_ERROR_STYLE = "QLineEdit { border: 1px solid #c62828; background: #fdecea; }"


class ReferenceDateField(QWidget):
    #: The user chose a day (typed and confirmed, or picked).
    dateChosen = Signal(object)
    #: The user asked for the article's own date again.
    articleDateRequested = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._date: Optional[dt.date] = None
        self.edit = QLineEdit()
        self.edit.setObjectName("reference-date")
        self.edit.setPlaceholderText("e.g. 24 Nov 2015")
        self.edit.setMinimumWidth(130)
        self.edit.setMaximumWidth(170)
        self.edit.setToolTip("The day relative expressions (“on Tuesday”, “last year”) are resolved against. "
                             "Type it as you write dates (2015-11-24, 24 Nov 2015, Nov 24, 2015) and press Enter; "
                             "it re-resolves every date and is remembered for this article.")
        self.edit.returnPressed.connect(self._commit)
        self.edit.editingFinished.connect(self._commit)
        self.edit.textEdited.connect(lambda _t: self._show_problem(""))
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip("Pick the reference date from a calendar")
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.calendar_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(lambda: self._date and self.calendar.setSelectedDate(
            QDate(self._date.year, self._date.month, self._date.day)))
        self.calendar_button.setMenu(menu)
        self.article_button = QToolButton()
        self.article_button.setText("Article's date")
        self.article_button.setToolTip("Forget the date you set and use the one the article states (or its "
                                       "file's date when it states none)")
        self.article_button.clicked.connect(self.articleDateRequested)
        self.article_button.setEnabled(False)
        self.setToolTip(self.edit.toolTip())
        self.hint = QLabel()
        self.hint.setObjectName("reference-date-hint")
        self.hint.setStyleSheet("color: #c62828;")
        self.hint.hide()
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (self.edit, self.calendar_button, self.article_button, self.hint):
            layout.addWidget(widget)

    def date(self) -> Optional[dt.date]:
        return self._date

    def set_date(self, day: Optional[dt.date], user_set: bool = False) -> None:
        """Show ``day`` (no signal); ``user_set`` enables going back to the article's date."""
        self._date = day
        self.edit.setText(format_day(day) if day else "")
        self.article_button.setEnabled(user_set)
        self._show_problem("")

    def problem(self) -> str:
        return self.hint.text()

    def _commit(self) -> None:
        text = self.edit.text()
        if self._date is not None and text == format_day(self._date):
            return
        try:
            day = parse_user_date(text)
        except DateEntryError as exc:
            self._show_problem(str(exc))
            return
        self._choose(day)

    def _picked(self, qdate: QDate) -> None:
        self.calendar_button.menu().hide()
        self._choose(dt.date(qdate.year(), qdate.month(), qdate.day()))

    def _choose(self, day: dt.date) -> None:
        self._show_problem("")
        self.edit.setText(format_day(day))
        if day != self._date:
            self._date = day
            self.dateChosen.emit(day)

    def _show_problem(self, message: str) -> None:
        self.hint.setText(message)
        self.hint.setVisible(bool(message))
        self.edit.setStyleSheet(_ERROR_STYLE if message else "")
