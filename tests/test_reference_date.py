"""The reference-date field reads what people type, refuses what it cannot with a visible hint,
and goes back to the article's own date."""
import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from conftest import SEED
from timeline_app.date_entry import DateEntryError, format_day, parse_user_date
from timeline_app.ingest import content_key
from timeline_app.ui.app import create_main_window
from timeline_app.ui.loader import LoadJob
from timeline_app.ui.reference_date import ReferenceDateField

DAY = dt.date(2015, 11, 24)


@pytest.mark.parametrize("text", ["2015-11-24", "24 Nov 2015", "Nov 24, 2015", "Tue 24 Nov 2015",
                                  "Tuesday, November 24, 2015", "24 November 2015", "24/11/2015"])
def test_accepts_what_people_type(text):
    assert parse_user_date(text) == DAY


@pytest.mark.parametrize("text, hint", [("Thu 24 Nov 2015", "is a Tuesday, not a Thursday"),
                                        ("Nov 2015", "has no day"), ("03/04/2015", "day/month or month/day"),
                                        ("yesterday", "Cannot read"), ("2015-02-30", "not a day"), ("", "Type a date")])
def test_refuses_with_a_reason(text, hint):
    with pytest.raises(DateEntryError, match=hint):
        parse_user_date(text)


def test_the_shown_form_reads_back_to_the_same_day():
    assert format_day(DAY) == "Tue 24 Nov 2015" and parse_user_date(format_day(DAY)) == DAY


def test_field_emits_a_typed_day_and_shows_a_hint_for_a_bad_one(qtbot):
    field = ReferenceDateField()
    qtbot.addWidget(field)
    field.show()
    field.set_date(dt.date(2022, 9, 13))
    field.edit.setText("Thu 24 Nov 2015")
    with qtbot.assertNotEmitted(field.dateChosen):
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert "Tuesday" in field.problem() and field.hint.isVisible()
    assert field.date() == dt.date(2022, 9, 13)
    field.edit.setText("2015-11-24")
    with qtbot.waitSignal(field.dateChosen) as sig:
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert sig.args == [DAY] and not field.problem() and field.edit.text() == "Tue 24 Nov 2015"


def test_back_to_the_articles_date(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    # Loads run in the test's thread (the worker thread itself is tested in test_main_window; a
    # worker's queued result is not delivered after test_main_window's run_app test has quit the app).
    monkeypatch.setattr(LoadJob, "start", LoadJob.run)
    article = tmp_path / SEED.name
    shutil.copy(SEED, article)
    shutil.copy(SEED.with_suffix(".meta.json"), tmp_path / SEED.with_suffix(".meta.json").name)
    win = create_main_window(QApplication.instance())
    qtbot.addWidget(win)
    win.open_path(article)
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=60000)
    own = win.document.timeline.article.reference_date
    assert not win.reference_edit.article_button.isEnabled()
    win.reference_edit.edit.setText("24 Nov 2015")
    win.reference_edit.edit.returnPressed.emit()
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=60000)
    assert win.document.timeline.article.reference_date == DAY
    assert win.reference_edit.article_button.isEnabled()
    win.reference_edit.article_button.click()
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=60000)
    assert win.document.timeline.article.reference_date == own != DAY
    assert win.settings.reference_date_for(content_key(win.document.timeline.article)) is None
