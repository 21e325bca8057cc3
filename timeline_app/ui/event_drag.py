"""Dragging an event on the timeline: to another lane (its party) and along the axis (its date,
snapping to whole units of its granularity). Installed on the TimelineView as an event filter, so
the view keeps its own job (navigation); the move becomes corrections like any other edit."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, QObject, Qt

from .. import corrections as c
from ..user_time import shifted_time

#: Pixels the mouse must travel before a press on an event becomes a drag (not a click).
DRAG_THRESHOLD = 6


class EventDragger(QObject):
    def __init__(self, editing, view) -> None:
        super().__init__(view)
        self.editing = editing
        self.view = view
        self._press: Optional[dict] = None
        view.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            return self._pressed(event)
        if kind == QEvent.Type.MouseMove and self._press is not None:
            return self._moved(event)
        if kind == QEvent.Type.MouseButtonRelease and self._press is not None:
            return self._released(event)
        return False

    def _pressed(self, event) -> bool:
        geo = self.view.geometry_snapshot()
        pos = event.position()
        box = geo.event_at(pos.x(), pos.y()) if geo is not None else None
        if box is None or self.editing.timeline is None:
            return False   # the view pans, selects a badge, reorders lanes ...
        self._press = {"id": box.id, "x": pos.x(), "y": pos.y(), "dragging": False}
        return True

    def _moved(self, event) -> bool:
        press, pos = self._press, event.position()
        if not press["dragging"] and (abs(pos.x() - press["x"]) > DRAG_THRESHOLD
                                      or abs(pos.y() - press["y"]) > DRAG_THRESHOLD):
            press["dragging"] = True
            self.view.setCursor(Qt.CursorShape.ClosedHandCursor)
        if press["dragging"]:
            lane, time = self.target(press, pos.x(), pos.y())
            where = [f"to {lane_name}" for lane_name in [self._lane_name(lane)] if lane is not None]
            if time is not None:
                where.append(f"at {time.value}")
            self.editing.window.statusBar().showMessage(
                "Drop to move the event " + " ".join(where) if where else "Drop here to leave the event as it is")
        return True

    def _released(self, event) -> bool:
        press, self._press = self._press, None
        self.view.setCursor(Qt.CursorShape.OpenHandCursor)
        pos = event.position()
        if not press["dragging"]:
            self.view.eventActivated.emit(press["id"])   # a click selects, as the view does
            return True
        self.drop(press["id"], *self.target(press, pos.x(), pos.y()))
        return True

    def target(self, press: dict, x: float, y: float):
        """(new lane id or None, new TimeValue or None) for a drag of ``press`` to ``(x, y)``."""
        t = self.editing.timeline
        event = t.event(press["id"]) if t is not None else None
        geo = self.view.geometry_snapshot()
        if event is None or geo is None:
            return None, None
        lane_i = geo.lane_at(y)
        lane = geo.lanes[lane_i].id if lane_i is not None else None
        lane = lane if lane is not None and lane != event.lane else None
        time = None
        if abs(x - press["x"]) > DRAG_THRESHOLD and event.time is not None:
            t0, t1 = self.view.time_at(press["x"]), self.view.time_at(x)
            if t0 is not None and t1 is not None:
                time = shifted_time(event.time, t1 - t0)
        return lane, time

    def drop(self, event_id: str, lane: Optional[str], time) -> None:
        t = self.editing.timeline
        event = t.event(event_id)
        if event is None:
            return
        ref = c.Ref.of_event(t, event)
        changes = ([c.MoveEventToLane(event=ref, lane=lane)] if lane is not None else []) + \
                  ([c.RedateEvent(event=ref, time=time)] if time is not None else [])
        if changes:
            self.editing.apply(*changes)
            self.editing.document.select(event_id)

    def _lane_name(self, lane_id: str) -> str:
        return dict(self.editing.lanes()).get(lane_id, lane_id)
