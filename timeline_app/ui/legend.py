"""The legend under the timeline: each lane's colour, and what bars, diamonds, faded edges, hatched
breaks and "+N" badges mean. Drawn by render.paint_legend, as in every image export."""
from __future__ import annotations

from typing import Optional, Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from .. import render
from ..layout import legend as legend_layout
from ..layout.lanes import Lane


class LegendWidget(QWidget):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip("What the colours and marks of the timeline mean")
        self._entries: list[legend_layout.LegendEntry] = legend_layout.legend_entries([])
        self.placed: list[legend_layout.PlacedEntry] = []
        self._height = 0.0
        self._relayout()

    def set_lanes(self, lanes: Sequence[Lane]) -> None:
        self._entries = legend_layout.legend_entries(lanes)
        self._relayout()

    def entries(self) -> list[legend_layout.LegendEntry]:
        return list(self._entries)

    def _relayout(self) -> None:
        f = render.fonts()
        self.placed, self._height = legend_layout.place(self._entries, lambda t: f.width(t, "subtitle"),
                                                        max(self.width(), 200))
        self.setFixedHeight(int(self._height) + 1)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(800, int(self._height) + 1)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._relayout()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            with render.theme("dark" if dark else "light"):
                painter.fillRect(self.rect(), render.BACKGROUND)
                render.paint_legend(painter, self.placed, 0.0, float(self.width()))
        finally:
            painter.end()
