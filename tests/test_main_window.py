"""The window on the offscreen platform: opens the seed, keeps timeline, panels and text in step."""
import datetime as dt
import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import SEED
from timeline_app.settings import Settings
from timeline_app.ui.app import create_main_window, initial_article


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    return Settings.load()


@pytest.fixture
def window(qtbot, settings):
    win = create_main_window(QApplication.instance())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_and_wait(qtbot, win, path, **kw):
    win.open_path(path, **kw)
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=20000)


def test_seed_is_the_default_article(settings):
    assert initial_article(None, settings) == SEED.resolve() or initial_article(None, settings).name == SEED.name


def test_window_shows_the_seed_everywhere(qtbot, window):
    open_and_wait(qtbot, window, SEED)
    timeline = window.document.timeline
    assert timeline is not None and timeline.events
    assert window.article_view.toPlainText() == timeline.article.text
    assert window.reference_edit.date() == dt.date(2022, 9, 13)
    assert window.timeline_view.visible_range()[0] < window.timeline_view.visible_range()[1]
    assert "2022" in window.windowTitle() or timeline.article.title[:20] in window.windowTitle()
    assert not window.banner.isVisible()  # the seed's date is known from its metadata: no assumption banner
    # one account list per party, and the reactions list has entries
    assert set(window.accounts.lists) == {p.id for p in timeline.parties}


def test_selecting_an_event_highlights_its_sentence_and_statements(qtbot, window):
    open_and_wait(qtbot, window, SEED)
    timeline = window.document.timeline
    with_statement = next((a.event for a in timeline.accounts + timeline.reactions if a.event), None)
    event = timeline.event(with_statement) if with_statement else timeline.events[0]
    window.timeline_view.eventActivated.emit(event.id)  # as a click on the timeline does
    assert window.document.selected == event.id
    assert tuple(event.span) in window.article_view.highlighted_spans()
    if with_statement:
        chosen = [e for lst in window.accounts.lists.values() for e in lst.selected_entries()]
        chosen += window.reactions.selected_entries()
        assert chosen and all(e.event == event.id for e in chosen)


def test_clicking_a_statement_selects_its_event(qtbot, window):
    open_and_wait(qtbot, window, SEED)
    timeline = window.document.timeline
    linked = [a for a in timeline.accounts if a.event]
    assert linked, "the seed's accounts speak about dated events"
    lst = window.accounts.lists[linked[0].party]
    row = next(i for i in range(lst.count()) if (e := lst.item(i).data(Qt.ItemDataRole.UserRole + 1))
               and e.event == linked[0].event)
    lst.itemClicked.emit(lst.item(row))
    assert window.document.selected == linked[0].event


def test_clicking_in_the_text_selects_the_event(qtbot, window):
    open_and_wait(qtbot, window, SEED)
    event = window.document.timeline.events[-1]
    window.article_view.offsetClicked.emit(event.span[0] + 1)
    assert window.document.selected == event.id


def test_reference_date_change_re_resolves_and_is_remembered(qtbot, window, settings):
    open_and_wait(qtbot, window, SEED)
    before = {e.id: e.time.value for e in window.document.timeline.events if e.time}
    window.set_reference_date(dt.date(2022, 9, 20))
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=20000)
    article = window.document.timeline.article
    assert article.reference_date == dt.date(2022, 9, 20) and article.reference_source == "user"
    after = {e.id: e.time.value for e in window.document.timeline.events if e.time}
    assert before != after
    assert dt.date(2022, 9, 20) in Settings.load().reference_dates.values()


def test_drag_and_drop_opens_the_file_and_adds_it_to_recent(qtbot, window, tmp_path):
    copy = tmp_path / "dropped.txt"
    shutil.copy(SEED, copy)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=20000)
    assert window.current_path == copy
    assert window.banner.isVisible()  # no sidecar beside the copy: the date is only assumed
    # Saved right after the article is drawn, not before.
    qtbot.waitUntil(lambda: Settings.load().recent_files[:1] == [copy.resolve()], timeout=5000)


def test_an_inferred_publication_day_is_shown_as_inferred(qtbot, window, tmp_path):
    import datetime as dt
    import os
    path = tmp_path / "report.txt"
    path.write_text("Varn and Ossel trade blame\n\nFighting broke out on 12 March 2021 near Brask. By March 14, "
                    "2021 the Ossel side said 40 had died, and a truce was agreed on 15 March 2021.\n", encoding="utf-8")
    stamp = dt.datetime(2024, 1, 1, 12).timestamp()
    os.utime(path, (stamp, stamp))
    window.open_path(path)
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=20000)
    assert "inferred" in window.reference_source_label.text()
    assert "inferred (high confidence)" in window.reference_source_label.toolTip()
    assert "is inferred (high confidence) from the text (" in window.banner.text()


def test_bad_file_shows_a_dialog_and_keeps_the_current_article(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, SEED)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    open_and_wait(qtbot, window, empty)
    box = window.findChild(QMessageBox, "error-dialog")
    assert box is not None and box.isVisible() and "empty" in box.text().lower()
    assert window.document.timeline.article.path.endswith(SEED.name)
    box.close()


def test_export_png_from_the_window(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, SEED)
    out = tmp_path / "w.png"
    assert window.export_to(out, "png", width=900)
    from PySide6.QtGui import QImage
    assert QImage(str(out)).width() == 900


def test_lane_order_is_remembered_per_article(qtbot, window):
    open_and_wait(qtbot, window, SEED)
    order = list(reversed(window.timeline_view.lane_order()))
    window.timeline_view.set_lane_order(order)
    window.timeline_view.laneOrderChanged.emit(order)  # as dragging a lane name does
    window.document.set_timeline(None)
    open_and_wait(qtbot, window, SEED)
    assert window.timeline_view.lane_order() == order


def test_window_shows_once_its_first_article_is_drawn(qtbot, settings):
    win = create_main_window(QApplication.instance())
    qtbot.addWidget(win)
    win.open_path(SEED)
    win.show_when_loaded(deadline_ms=60000)
    assert not win.isVisible()
    qtbot.waitUntil(win.isVisible, timeout=20000)
    assert win.document.timeline is not None  # shown because the timeline is ready, not the deadline


def test_window_shows_at_the_deadline_when_loading_is_slow(qtbot, settings):
    win = create_main_window(QApplication.instance())
    qtbot.addWidget(win)
    win.open_path(SEED)
    win.show_when_loaded(deadline_ms=0)
    qtbot.waitUntil(win.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=20000)


def big_article(tmp_path, paragraphs=400):
    """A long real-shaped article: the seed's paragraphs many times over (about 0.5 MB)."""
    body = SEED.read_text(encoding="utf-8")
    path = tmp_path / "big.txt"
    path.write_text("\n".join([body] * paragraphs), encoding="utf-8")
    return path


def test_a_big_article_loads_without_freezing_the_window(qtbot, window, tmp_path):
    path = big_article(tmp_path)
    ticks = []
    from PySide6.QtCore import QTimer
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.open_path(path)
    assert window.is_loading()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=60000)
    timer.stop()
    assert len(ticks) >= 5, "the event loop kept running while the article was read"
    assert len(window.document.timeline.article.text) > 500_000


def test_cancelling_a_load_keeps_the_current_article(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, SEED)
    window.open_path(big_article(tmp_path))
    assert window.is_loading()
    from PySide6.QtWidgets import QProgressDialog, QPushButton
    progress = window._progress
    assert isinstance(progress, QProgressDialog)
    progress.findChild(QPushButton).click()  # the progress dialog's Cancel button
    assert not window.is_loading()
    qtbot.wait(50)
    assert window.document.timeline.article.path.endswith(SEED.name)


def test_reopen_last_article_on_start(settings, tmp_path):
    copy = tmp_path / "last.txt"
    shutil.copy(SEED, copy)
    settings.add_recent(copy)
    assert initial_article(None, settings).name == SEED.name  # not asked for: the seed
    settings.reopen_last = True
    assert initial_article(None, settings) == copy.resolve()
    copy.unlink()
    assert initial_article(None, settings).name == SEED.name  # vanished: back to the seed


def test_a_corrupt_settings_file_is_set_aside_and_said(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path))
    (tmp_path / "settings.json").write_text("{broken", encoding="utf-8")
    win = create_main_window(QApplication.instance())
    qtbot.addWidget(win)
    assert "set aside" in win.banner.text()
    assert any(p.name.startswith("settings.json.corrupt") for p in tmp_path.iterdir())
    win.open_path(SEED)
    qtbot.waitUntil(lambda: not win.is_loading(), timeout=20000)
    assert "set aside" in win.banner.text()  # still said with the first article


def test_png_export_asks_for_width_and_pixel_ratio(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog
    from timeline_app.ui.export_options import ImageExportOptions
    open_and_wait(qtbot, window, SEED)
    out = tmp_path / "asked.png"

    def answer(dialog):
        dialog.width_box.setValue(1000)
        dialog.scale_box.setValue(1.5)
        assert "1500 px" in dialog.size_label.text()
        return ImageExportOptions.DialogCode.Accepted

    monkeypatch.setattr(ImageExportOptions, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_dialog("png")
    assert QImage(str(out)).width() == 1500


def test_start_up_turns_the_garbage_collector_back_on_once_the_article_is_shown(qapp, monkeypatch, tmp_path):
    """cli.main starts the window with the collector off (start-up speed); it must not stay off."""
    import gc

    from PySide6.QtCore import QTimer

    from timeline_app.ui.app import run_app

    # A first start: no settings, window layout or autosave left by the tests before this one.
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TIMELINE_APP_EXIT_AFTER_PAINT", "1")   # quit once the first timeline is painted
    watchdog = QTimer(singleShot=True, interval=30_000)          # fail, never hang the suite
    watchdog.timeout.connect(lambda: qapp.exit(3))
    watchdog.start()
    gc.disable()
    try:
        assert run_app(str(SEED)) == 0, "the window never painted its first timeline"
        assert gc.isenabled()
    finally:
        watchdog.stop()
        gc.enable()
        for widget in qapp.topLevelWidgets():
            widget.close()

