"""The window as a reading tool: the event table in step with the timeline, every panel can be
hidden and brought back, every event within reach."""

import pytest


@pytest.fixture
def window(seed_window):
    """The seed's timeline set directly (the loader thread is tested in test_main_window)."""
    return seed_window


def test_event_table_lists_every_event_and_selects_in_step(window, qtbot):
    timeline = window.document.timeline
    table = window.event_table
    assert sorted(table.visible_ids()) == sorted(e.id for e in timeline.events)
    # table -> timeline
    row = table.model.index(4, 0)
    table.table.setCurrentIndex(row)
    event_id = table.visible_ids()[4]
    assert window.document.selected == event_id
    assert window.timeline_view.selected_event() == event_id
    # timeline -> table
    other = table.visible_ids()[1]
    window.timeline_view.eventActivated.emit(other)
    assert table.table.currentIndex().row() == 1


def test_every_panel_can_be_hidden_and_restored_from_the_view_menu(window):
    for dock in (window.accounts_dock, window.reactions_dock, window.table_dock, window.article_dock):
        action = dock.toggleViewAction()
        assert action.isEnabled()
        action.trigger()
        assert not dock.isVisible()
        action.trigger()
        assert dock.isVisible()


def test_every_event_is_reachable_in_two_clicks(window, qtbot):
    """At the default size every event has a label or sits in a badge whose menu lists it."""
    view = window.timeline_view
    geo = view.geometry_snapshot()
    reachable = {box.id for box in geo.events}
    for badge in geo.badges:
        reachable |= set(view._layout.badge_events(geo, badge))
    dated = set(view._layout.items)
    assert dated and dated <= reachable
