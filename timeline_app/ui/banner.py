"""The notice strip above the timeline (undated article, not English, damaged settings): an amber
note that follows the system's light or dark palette, as the timeline does."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

#: (background, text) of the note per theme: amber on the palette's side of light, contrast > 7:1.
COLORS = {"light": ("#fff4ce", "#5c4500"), "dark": ("#3d3100", "#ffe7a0")}


class Banner(QLabel):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self._theme = ""
        self.follow_palette()

    def theme_name(self) -> str:
        """"dark" when the window's palette is dark (as TimelineView.theme_name). The window's: this
        label's own palette carries its style sheet's colours."""
        top = self.window()
        palette = top.palette() if top is not self else QApplication.palette()
        return "dark" if palette.color(QPalette.ColorRole.Window).lightness() < 128 else "light"

    def follow_palette(self) -> None:
        """Take the colours of the window's theme. The window calls this when its palette changes:
        a style sheet stops palette changes from reaching this label."""
        theme = self.theme_name()
        if theme == self._theme:
            return
        self._theme = theme
        background, text = COLORS[theme]
        self.setStyleSheet(f"QLabel#banner {{ background: {background}; color: {text}; padding: 6px; }}")

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.ParentChange):
            self.follow_palette()
