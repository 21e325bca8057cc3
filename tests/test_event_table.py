"""The event table: every event, sortable, filtered as you type, copied as TSV/CSV, selection in step."""
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from timeline_app.model import Timeline
from timeline_app.ui.event_table import COLUMNS, ID_ROLE, EventTable

FIXTURE = Path(__file__).resolve().parent / "data" / "view" / "seed_timeline.json"


@pytest.fixture
def seed():
    return Timeline.from_json(FIXTURE.read_bytes())


@pytest.fixture
def table(qtbot, seed):
    widget = EventTable()
    qtbot.addWidget(widget)
    widget.set_timeline(seed)
    widget.resize(900, 400)
    widget.show()
    return widget


def test_every_event_has_a_row_in_time_order(table, seed):
    ids = table.visible_ids()
    assert sorted(ids) == sorted(e.id for e in seed.events)
    starts = {e.id: e.time.start for e in seed.events if e.time and e.time.start}
    dated = [starts[i] for i in ids if i in starts]
    assert dated == sorted(dated)


def test_sorting_by_title_and_back_by_time(table):
    table.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    titles = [table.model.index(r, 1).data() for r in range(table.model.rowCount())]
    assert titles == sorted(titles, key=str.lower)
    table.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    first = table.model.index(0, 0).data(ID_ROLE)
    table.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert table.model.index(table.model.rowCount() - 1, 0).data(ID_ROLE) == first


def test_filter_as_you_type_matches_any_column(table, seed):
    word = "Azerbaijan"
    table.filter_edit.setText(word.lower())
    shown = set(table.visible_ids())
    expected = {e.id for e in seed.events if word in e.title or word in e.sentence or word.lower() in e.lane}
    assert shown and shown <= {e.id for e in seed.events}
    assert {e.id for e in seed.events if word in e.sentence} <= shown
    table.filter_edit.setText("zzzz-no-such-text")
    assert table.visible_ids() == []
    table.filter_edit.clear()
    assert len(table.visible_ids()) == len(seed.events)


def test_copy_rows_as_tsv_and_csv(table):
    model = table.table.selectionModel()
    model.select(QItemSelection(table.model.index(0, 0), table.model.index(1, len(COLUMNS) - 1)),
                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tsv = table.copy_rows("\t")
    lines = tsv.strip("\n").split("\n")
    assert lines[0].split("\t") == list(COLUMNS)
    assert len(lines) == 3
    assert QApplication.clipboard().text() == tsv
    csv_text = table.copy_rows(",")
    assert csv_text.startswith("When,Title,Lane,Kind,Sentence\n")


def test_selection_in_step_without_echo(table, qtbot, seed):
    event_id = seed.events[3].id
    with qtbot.assertNotEmitted(table.eventActivated):
        table.select_event(event_id)
    assert table.table.currentIndex().data(ID_ROLE) == event_id
    other = table.model.index(0, 0)
    with qtbot.waitSignal(table.eventActivated) as sig:
        table.table.setCurrentIndex(other)
    assert sig.args == [other.data(ID_ROLE)]


def test_selection_survives_sorting_and_filtering(table, seed):
    event_id = seed.events[6].id
    table.select_event(event_id)
    table.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert table.table.currentIndex().data(ID_ROLE) == event_id
    table.filter_edit.setText(seed.events[6].title[:12])
    assert table.table.currentIndex().data(ID_ROLE) == event_id


def test_show_only_some_events_and_back(table, seed):
    some = [seed.events[0].id, seed.events[5].id]
    table.show_only(some)
    assert sorted(table.visible_ids()) == sorted(some)
    assert table.only_button.isVisibleTo(table)
    table.only_button.click()
    assert len(table.visible_ids()) == len(seed.events)


def test_dates_are_written_at_their_precision():
    import datetime as dt
    from timeline_app.layout.geometry import event_interval
    from timeline_app.model import Event, TimeValue
    from timeline_app.ui.event_table import when_text

    def when(granularity, start, end):
        event = Event(id="e", title="t", span=(0, 1), time=TimeValue(value="x", start=start, end=end,
                                                                     granularity=granularity))
        return when_text(event, event_interval(event))
    assert when("year", dt.datetime(1953, 1, 1), dt.datetime(1954, 1, 1)) == "1953"
    assert when("month", dt.datetime(2026, 9, 1), dt.datetime(2026, 10, 1)) == "Sep 2026"
    assert when("day", dt.datetime(2026, 11, 27), dt.datetime(2026, 11, 28)) == "27 Nov 2026"
    assert when("hour", dt.datetime(2026, 11, 27, 18), dt.datetime(2026, 11, 27, 19)) == "27 Nov 2026 18:00"
    assert "–" in when("part-of-day", dt.datetime(2022, 9, 13, 0), dt.datetime(2022, 9, 13, 6))
