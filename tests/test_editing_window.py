"""Correcting the timeline through the real window (offscreen): the edits of the seed a user makes,
undo/redo, save -> quit -> reopen, exports of the corrected timeline, autosave and crash recovery."""
import datetime as dt
import json
import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QGroupBox, QMessageBox

from conftest import SEED
from timeline_app import project
from timeline_app.settings import Settings
from timeline_app.ui.app import create_main_window
from timeline_app.ui.project_io import ProjectController


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "clashes.txt"
    shutil.copy(SEED, path)
    meta = SEED.with_suffix(".meta.json")
    if meta.exists():
        shutil.copy(meta, tmp_path / "clashes.meta.json")
    return path


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    # Closing a window with unsaved work asks; in tests the answer is "Discard".
    monkeypatch.setattr(ProjectController, "ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)

    def make():
        win = create_main_window(QApplication.instance())
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        return win
    return make


def wait_loaded(qtbot, win):
    qtbot.waitUntil(lambda: not win.is_loading() and not win.projects.is_opening()
                    and win.document.timeline is not None, timeout=30000)


def open_and_wait(qtbot, win, path):
    win.open_path(path)
    wait_loaded(qtbot, win)


def pick_statement(win, party_id, row=0):
    lst = win.accounts.lists[party_id]
    rows = [i for i in range(lst.count()) if lst.item(i).data(Qt.ItemDataRole.UserRole + 1) is not None]
    lst.setCurrentItem(lst.item(rows[row]))
    assert win.editing.statement is not None
    return win.editing.statement[1]


def trigger_menu_item(menu, fill, text_part):
    fill()
    action = next(a for a in menu.actions() if text_part in a.text())
    action.trigger()


def select_text(win, start, end):
    view = win.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(start))
    cursor.setPosition(view.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def fix_the_seed(qtbot, win):
    """What the issue's check does: move a statement to the other party, correct a date, add an
    event from a selection, merge two events. Returns what to look for afterwards."""
    t = win.document.timeline
    # 1. A statement to the other party's account, through the Statement menu.
    first_party = next(p.id for p in t.parties if any(a.party == p.id for a in t.accounts))
    other_party = next(p.id for p in t.parties if p.id != first_party)
    statement = pick_statement(win, first_party)
    trigger_menu_item(win.editing.move_menu, win.editing._fill_move_menu,
                      next(p.name for p in t.parties if p.id == other_party))
    moved = [a for a in win.document.timeline.accounts if a.span == statement.span and a.text == statement.text]
    assert [a.party for a in moved] == [other_party]
    assert any(e.text == statement.text for e in win.accounts.lists[other_party].entries())
    # 2. A date, through the event dialog: the night of 12 September.
    event = win.document.timeline.events[0]
    win.document.select(event.id)
    win.editing.edit_event_action.trigger()
    dialog = win.editing.dialog
    dialog.set_time("part-of-day", dt.datetime(2022, 9, 12), part="NI")
    dialog.title_edit.setText("Shelling overnight")
    dialog.accept()
    redated = win.document.timeline.event(event.id)
    assert redated.title == "Shelling overnight" and redated.time.value == "2022-09-12TNI"
    assert redated.time.granularity == "part-of-day"
    # 3. An event from a selection that states its own time.
    text = win.document.timeline.article.text
    at = text.index("Tuesday")
    sentence_end = text.index(".", at) + 1
    select_text(win, text.rfind(". ", 0, at) + 2, sentence_end)
    count = len(win.document.timeline.events)
    win.editing.add_event_action.trigger()
    added = win.document.timeline.event(win.document.selected)
    assert len(win.document.timeline.events) == count + 1 and added.id.startswith("u")
    assert added.time is not None and added.time.expression.startswith("Tuesday")
    # 4. Merge two events, through the merge dialog.
    keep, gone = win.document.timeline.events[1], win.document.timeline.events[2]
    win.document.select(keep.id)
    win.editing.merge_event_action.trigger()
    choice = win.editing.dialog
    choice.box.setCurrentIndex(choice.box.findData(gone.id))
    choice.accept()
    assert win.document.timeline.event(gone.id) is None
    return {"moved": (statement.text, other_party), "redated": event.id, "added": added.id, "gone": gone.id}


def check_fixed(t, expect):
    text, party = expect["moved"]
    assert [a.party for a in t.accounts if a.text == text] == [party]
    assert t.event(expect["redated"]).time.value == "2022-09-12TNI"
    assert t.event(expect["redated"]).title == "Shelling overnight"
    assert t.event(expect["added"]) is not None and t.event(expect["gone"]) is None


def test_fix_save_quit_reopen_export(qtbot, make_window, article, tmp_path):
    win = make_window()
    open_and_wait(qtbot, win, article)
    extracted = win.document.timeline.model_dump()
    assert not win.isWindowModified() and "[*]" in win.windowTitle()
    expect = fix_the_seed(qtbot, win)
    assert win.isWindowModified()
    assert win.editing.undo_action.isEnabled() and win.document.undo_stack.count() == 4
    # Exports from the window are of the corrected timeline.
    assert win.export_to(tmp_path / "out.json", "json")
    from timeline_app.model import Timeline
    check_fixed(Timeline.from_json((tmp_path / "out.json").read_bytes()), expect)
    saved = project.project_path_for(article)
    assert win.projects.save_to(saved)
    assert not win.isWindowModified() and win.windowTitle().startswith(saved.name)
    # Undo everything: exactly the extracted timeline again; redo everything: the corrections again.
    fixed = win.document.timeline.model_dump()
    while win.document.undo_stack.canUndo():
        win.editing.undo_action.trigger()
    assert win.document.timeline.model_dump() == extracted and win.isWindowModified()
    while win.document.undo_stack.canRedo():
        win.editing.redo_action.trigger()
    assert win.document.timeline.model_dump() == fixed and not win.isWindowModified()
    win.close()

    again = make_window()
    open_and_wait(qtbot, again, saved)
    check_fixed(again.document.timeline, expect)
    assert again.document.timeline.model_dump() == fixed
    assert not again.isWindowModified() and again.projects.path == saved
    assert again.export_to(tmp_path / "again.csv", "csv")
    assert "Shelling overnight" in (tmp_path / "again.csv").read_text()
    assert again.export_to(tmp_path / "again.png", "png", width=800)


def test_undo_and_redo_shortcuts_and_history(qtbot, make_window, article):
    win = make_window()
    open_and_wait(qtbot, win, article)
    assert win.editing.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in win.editing.redo_action.shortcuts()
    event = win.document.timeline.events[0]
    win.document.select(event.id)
    win.editing.delete_event_action.trigger()
    assert win.document.timeline.event(event.id) is None
    assert win.editing.history_view.model().rowCount() == 2   # "Extracted timeline" + the deletion
    win.activateWindow()
    win.timeline_view.setFocus()
    qtbot.keyClick(win.timeline_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.document.timeline.event(event.id) is not None
    qtbot.keyClick(win.timeline_view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.document.timeline.event(event.id) is None


def test_crash_recovery_offers_the_autosave(qtbot, make_window, article, monkeypatch):
    monkeypatch.setattr("timeline_app.ui.project_io.AUTOSAVE_IDLE_MS", 50)
    win = make_window()
    win.projects._autosave.setInterval(50)
    open_and_wait(qtbot, win, article)
    event = win.document.timeline.events[0]
    win.document.select(event.id)
    win.editing.delete_event_action.trigger()
    qtbot.waitUntil(lambda: win.projects.autosave_path().exists(), timeout=5000)
    # The "crash": this process would die here, leaving the autosave; the next start finds it.
    after_edit = win.document.timeline.model_dump()

    again = make_window()
    assert again.projects.offer_recovery()
    box = again.projects.recovery_box
    box.button(QMessageBox.StandardButton.Yes).click()
    wait_loaded(qtbot, again)
    assert again.document.timeline.model_dump() == after_edit
    assert again.isWindowModified() and again.projects.path is None
    assert "Recovered" in again.banner.text()


def test_recovery_declined_discards_the_autosave(qtbot, make_window, article):
    win = make_window()
    open_and_wait(qtbot, win, article)
    win.document.select(win.document.timeline.events[0].id)
    win.editing.delete_event_action.trigger()
    win.projects.autosave()
    path = win.projects.autosave_path()
    assert path.exists()
    again = make_window()
    assert again.projects.offer_recovery()
    again.projects.recovery_box.button(QMessageBox.StandardButton.Discard).click()
    assert not path.exists()


def test_opening_an_article_offers_its_project(qtbot, make_window, article):
    win = make_window()
    open_and_wait(qtbot, win, article)
    win.document.select(win.document.timeline.events[0].id)
    win.editing.delete_event_action.trigger()
    assert win.projects.save_to(project.project_path_for(article))
    count = len(win.document.timeline.events)
    other = make_window()
    open_and_wait(qtbot, other, article)
    qtbot.waitUntil(lambda: getattr(other.projects, "offer_box", None) is not None, timeout=5000)
    other.projects.offer_box.button(QMessageBox.StandardButton.Open).click()
    qtbot.waitUntil(lambda: other.projects.path is not None, timeout=30000)
    assert len(other.document.timeline.events) == count


def test_a_corrupt_project_is_a_dialog_and_stays_untouched(qtbot, make_window, tmp_path):
    win = make_window()
    bad = tmp_path / "bad.timeline.json"
    bad.write_bytes(b'{"schema": "timeline-app-project/1", "document": 3}')
    with qtbot.waitSignal(win.projects.projectOpened, timeout=10000) as signal:
        win.open_path(bad)
    assert signal.args == [False]
    assert win.findChild(QMessageBox, "error-dialog").isVisible()
    assert "damaged" in win.findChild(QMessageBox, "error-dialog").text()
    assert bad.read_bytes() == b'{"schema": "timeline-app-project/1", "document": 3}'


def test_statement_speaker_link_and_party_rename(qtbot, make_window, article):
    win = make_window()
    open_and_wait(qtbot, win, article)
    t = win.document.timeline
    party = next(p for p in t.parties if any(a.party == p.id for a in t.accounts))
    statement = pick_statement(win, party.id)
    win.editing.speaker_action.trigger()
    win.editing.dialog.setTextValue("A spokesman")
    win.editing.dialog.accept()
    assert any(a.speaker == "A spokesman" and a.text == statement.text for a in win.document.timeline.accounts)
    pick_statement(win, party.id)
    win.editing.link_action.trigger()
    target = win.document.timeline.events[-1]
    win.editing.dialog.box.setCurrentIndex(win.editing.dialog.box.findData(target.id))
    win.editing.dialog.accept()
    assert any(a.event == target.id and a.text == statement.text for a in win.document.timeline.accounts)
    win.editing._fill_party_menu()
    sub = next(a.menu() for a in win.editing.party_menu.actions() if a.text() == party.name)
    next(a for a in sub.actions() if "Rename" in a.text()).trigger()
    win.editing.dialog.setTextValue("Renamed side")
    win.editing.dialog.accept()
    assert any(p.name == "Renamed side" for p in win.document.timeline.parties)
    assert any(box.title().startswith("Renamed side") for box in win.accounts.findChildren(QGroupBox))


def box_of(win, predicate):
    geo = win.timeline_view.geometry_snapshot()
    t = win.document.timeline
    return next(b for b in geo.events if predicate(t.event(b.id))), geo


def drag(qtbot, view, start, end):
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(*start))
    for k in range(1, 6):
        qtbot.mouseMove(view, QPoint(start[0] + (end[0] - start[0]) * k // 5, start[1] + (end[1] - start[1]) * k // 5))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(*end))


def test_drag_an_event_to_another_lane_and_along_the_axis(qtbot, make_window, article):
    win = make_window()
    open_and_wait(qtbot, win, article)
    view = win.timeline_view
    box, geo = box_of(win, lambda e: e.time is not None and e.time.granularity == "day")
    event = win.document.timeline.event(box.id)
    other_lane = next(lane for lane in geo.lanes if lane.id != event.lane)
    start = (int(box.x0) + 1, int(box.y + box.h / 2))
    drag(qtbot, view, start, (start[0], int(other_lane.y + other_lane.h / 2)))
    assert win.document.timeline.event(box.id).lane == other_lane.id
    assert win.document.timeline.event(box.id).time == event.time   # straight down: the date stays
    # Along the axis: three days later, snapped to whole days.
    box, geo = box_of(win, lambda e: e.id == event.id)
    start = (int(box.x0) + 1, int(box.y + box.h / 2))
    target_x = view.x_of(event.time.start + dt.timedelta(days=3, hours=5))
    drag(qtbot, view, start, (int(target_x) + 1, start[1]))
    moved = win.document.timeline.event(event.id).time
    assert moved.start == event.time.start + dt.timedelta(days=3) and moved.granularity == "day"
    win.editing.undo_action.trigger()
    win.editing.undo_action.trigger()
    assert win.document.timeline.event(event.id) == event
    # A press and release without moving is still a click: it selects the event.
    box, _ = box_of(win, lambda e: e.id != event.id and e.time is not None)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(int(box.x0) + 1, int(box.y + box.h / 2)))
    assert win.document.selected == box.id


def test_lane_up_reorders_the_lanes_and_undo_restores_them(qtbot, make_window, article):
    win = make_window()
    open_and_wait(qtbot, win, article)
    before = win.timeline_view.lane_order()
    parties = [p.id for p in win.document.timeline.parties]
    win.editing._fill_party_menu()
    last = win.document.timeline.parties[-1]
    sub = next(a.menu() for a in win.editing.party_menu.actions() if a.text() == last.name)
    next(a for a in sub.actions() if "up" in a.text()).trigger()
    assert [p.id for p in win.document.timeline.parties] == parties[:-2] + [parties[-1], parties[-2]]
    assert win.timeline_view.lane_order()[:len(parties)] == parties[:-2] + [parties[-1], parties[-2]]
    win.editing.undo_action.trigger()
    assert win.timeline_view.lane_order() == before


def test_unsaved_corrections_are_asked_about_before_another_file_opens(qtbot, make_window, article, monkeypatch):
    win = make_window()
    open_and_wait(qtbot, win, article)
    win.document.select(win.document.timeline.events[0].id)
    win.editing.delete_event_action.trigger()
    monkeypatch.setattr(ProjectController, "ask_save_changes", lambda self: QMessageBox.StandardButton.Cancel)
    win.open_path(SEED)
    assert not win.is_loading() and win.isWindowModified()   # cancelled: the work is still there
    monkeypatch.setattr(ProjectController, "ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)
    win.open_path(SEED)
    assert win.is_loading() and not win.isWindowModified()   # discarded: the other file opens
    wait_loaded(qtbot, win)


def test_split_add_statement_and_a_reaction_of_a_new_actor(qtbot, make_window, article):
    win = make_window()
    open_and_wait(qtbot, win, article)
    t = win.document.timeline
    event = max(t.events, key=lambda e: e.span[1] - e.span[0])
    win.document.select(event.id)
    cut = event.span[0] + (event.span[1] - event.span[0]) // 2
    select_text(win, cut, cut)
    win.editing.split_event_action.trigger()
    parts = [e for e in win.document.timeline.events if e.id == event.id or e.id.startswith(event.id + ".")]
    assert [tuple(e.span) for e in parts] == [(event.span[0], cut), (cut, event.span[1])]
    # A statement from the selection, as a party's account.
    party = win.document.timeline.parties[0]
    select_text(win, event.span[0], cut)
    win.editing._fill_add_statement_menu()
    next(a for a in win.editing.add_statement_menu.actions() if a.text().startswith(party.name)).trigger()
    added = [a for a in win.document.timeline.accounts if tuple(a.span) == (event.span[0], cut)]
    assert [a.party for a in added] == [party.id]
    # That statement moves to the reactions, said by an actor the article did not know.
    lst = win.accounts.lists[party.id]
    row = next(i for i in range(lst.count()) if (e := lst.item(i).data(Qt.ItemDataRole.UserRole + 1))
               is not None and tuple(e.span) == (event.span[0], cut))
    lst.setCurrentItem(lst.item(row))
    win.editing._fill_move_menu()
    next(a for a in win.editing.move_menu.actions() if a.text().startswith("International")).trigger()
    win.editing.dialog.box.setEditText("Arab League")
    win.editing.dialog.accept()
    t = win.document.timeline
    assert [r.actor for r in t.reactions if tuple(r.span) == (event.span[0], cut)] == ["arab-league"]
    assert any(a.id == "arab-league" and a.name == "Arab League" for a in t.actors)
    assert win.reactions.findItems("Arab League", Qt.MatchFlag.MatchExactly)


def test_a_project_whose_article_changed_shows_what_no_longer_applies(qtbot, make_window, article):
    win = make_window()
    open_and_wait(qtbot, win, article)
    t = win.document.timeline
    statement = pick_statement(win, next(a.party for a in t.accounts))
    win.editing.delete_statement_action.trigger()
    saved = project.project_path_for(article)
    assert win.projects.save_to(saved)
    article.write_text(article.read_text(encoding="utf-8").replace(statement.text, ""), encoding="utf-8")
    again = make_window()
    open_and_wait(qtbot, again, saved)
    assert "no longer apply" in again.banner.text() and "has changed" in again.banner.text()
    assert [s.correction.kind for s in again.document.not_applied] == ["statement-delete"]
    again.editing.not_applied_action.trigger()
    assert "Delete statement" in again.editing.dialog.text()
    assert again.projects.save_to(saved)
    assert [c["kind"] for c in json.loads(saved.read_text())["not_applied"]] == ["statement-delete"]


def test_delete_key_deletes_the_selected_event_only_from_the_timeline(qtbot, make_window, article):
    win = make_window()
    open_and_wait(qtbot, win, article)
    event = win.document.timeline.events[0]
    win.document.select(event.id)
    win.activateWindow()
    statements = win.reactions   # a list that would otherwise pass the key on to the window
    statements.setFocus()
    qtbot.keyClick(statements, Qt.Key.Key_Delete)
    assert win.document.timeline.event(event.id) is not None
    win.timeline_view.setFocus()
    qtbot.keyClick(win.timeline_view, Qt.Key.Key_Delete)
    assert win.document.timeline.event(event.id) is None


def test_opening_a_project_ends_like_a_load(qtbot, make_window, article):
    """The window started on a project (timeline-app NAME.timeline.json) waits for it to be shown,
    and start-up ends on loadFinished (the garbage collector comes back on then), as with an article."""
    from timeline_app.cache import extract_cached
    from timeline_app.corrections import CorrectedTimeline
    from timeline_app.ingest import load

    session = CorrectedTimeline.start(extract_cached(load(article)))
    saved = project.project_path_for(article)
    project.save(saved, session.timeline, [], article_path=article)
    win = make_window()
    with qtbot.waitSignal(win.loadFinished, timeout=30000):
        win.open_path(saved)
        assert win.is_loading()
    assert not win.is_loading() and win.projects.path == saved
