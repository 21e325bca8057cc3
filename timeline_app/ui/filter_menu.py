"""View > Show: which lanes, background events and vague-date events the timeline draws."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from ..layout.filters import ViewFilter
from ..layout.lanes import OTHER, Lane


class FilterMenu(QMenu):
    #: The reader changed what is shown; carries the new ViewFilter.
    filterChanged = Signal(object)

    def __init__(self, title: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("filter-menu")
        self.setToolTipsVisible(True)
        self._filter = ViewFilter()
        self.lane_actions: dict = {}
        self.background_action = None
        self.vague_action = None
        self.set_lanes([], ViewFilter())

    def view_filter(self) -> ViewFilter:
        return self._filter

    def set_lanes(self, lanes: list[Lane], view_filter: ViewFilter) -> None:
        """One checkable entry per lane, then the background and vague-date switches."""
        self.clear()
        self._filter = view_filter
        self.lane_actions = {}
        for lane in lanes:
            if lane.id == OTHER:
                continue        # "Background events" below switches it
            action = self.addAction(lane.name)
            action.setCheckable(True)
            action.setChecked(lane.id not in view_filter.hidden_lanes)
            action.setToolTip(f"Show or hide the lane “{lane.name}”")
            action.toggled.connect(lambda on, lane_id=lane.id: self._set(self._filter.with_lane(lane_id, on)))
            self.lane_actions[lane.id] = action
        if lanes:
            self.addSeparator()
        self.background_action = self.addAction("Background events")
        self.background_action.setCheckable(True)
        self.background_action.setChecked(not view_filter.hide_background)
        self.background_action.setToolTip("Events of the “Background and other” lane: history and context")
        self.background_action.toggled.connect(lambda on: self._set(ViewFilter(
            self._filter.hidden_lanes, not on, self._filter.hide_vague)))
        self.vague_action = self.addAction("Events with vague dates")
        self.vague_action.setCheckable(True)
        self.vague_action.setChecked(not view_filter.hide_vague)
        self.vague_action.setToolTip("Events known only roughly in time (a season, a decade, “recent weeks”)")
        self.vague_action.toggled.connect(lambda on: self._set(ViewFilter(
            self._filter.hidden_lanes, self._filter.hide_background, not on)))
        self.addSeparator()
        self.show_all_action = self.addAction("Show everything", lambda: self._reset())

    def hide_lane(self, lane_id: str) -> None:
        action = self.lane_actions.get(lane_id)
        if action is not None:
            action.setChecked(False)
        elif lane_id == OTHER and self.background_action is not None:
            self.background_action.setChecked(False)

    def _reset(self) -> None:
        for action in [*self.lane_actions.values(), self.background_action, self.vague_action]:
            action.blockSignals(True)
            action.setChecked(True)
            action.blockSignals(False)
        self._set(ViewFilter())

    def _set(self, view_filter: ViewFilter) -> None:
        if view_filter != self._filter:
            self._filter = view_filter
            self.filterChanged.emit(view_filter)
