"""Right-click menus: on an event (copy, find in the text, hide its lane) and on a lane."""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from ..model import Timeline


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def timeline_menu(parent: QWidget, timeline: Timeline, event_id: Optional[str], lane_id: Optional[str],
                  lane_name: str, *, show_in_text: Callable[[str], None],
                  hide_lane: Callable[[str], None],
                  collapse_lane: Optional[Callable[[str], None]] = None) -> Optional[QMenu]:
    """``collapse_lane`` is given when the lane under the cursor is expanded."""
    """The menu for a right click on the timeline (None when nothing is under the cursor)."""
    event = timeline.event(event_id) if event_id else None
    if event is None and lane_id is None:
        return None
    menu = QMenu(parent)
    menu.setObjectName("timeline-context-menu")
    if event is not None:
        menu.addAction("Copy title", lambda: copy_text(event.title))
        menu.addAction("Copy sentence", lambda: copy_text(" ".join(event.sentence.split())))
        menu.addAction("Show in the article text", lambda: show_in_text(event.id))
    if lane_id is not None:
        if not menu.isEmpty():
            menu.addSeparator()
        if collapse_lane is not None:
            menu.addAction("Collapse lane", lambda: collapse_lane(lane_id))
        menu.addAction(f"Hide lane “{lane_name}”", lambda: hide_lane(lane_id))
    return menu
