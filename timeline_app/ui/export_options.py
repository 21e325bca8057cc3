"""Size of an exported image: width in logical pixels and pixel ratio (scale), remembered for the session."""
from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QWidget


class ImageExportOptions(QDialog):
    def __init__(self, width: int, scale: float, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export image")
        form = QFormLayout(self)
        self.width_box = QSpinBox()
        self.width_box.setRange(400, 32768)
        self.width_box.setSingleStep(100)
        self.width_box.setSuffix(" px")
        self.width_box.setValue(width)
        self.scale_box = QDoubleSpinBox()
        self.scale_box.setRange(0.5, 8.0)
        self.scale_box.setSingleStep(0.5)
        self.scale_box.setSuffix(" ×")
        self.scale_box.setValue(scale)
        self.size_label = QLabel()
        form.addRow("Width (layout)", self.width_box)
        form.addRow("Pixel ratio", self.scale_box)
        form.addRow("Image size", self.size_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.width_box.valueChanged.connect(self._update_size)
        self.scale_box.valueChanged.connect(self._update_size)
        self._update_size()

    def values(self) -> tuple[int, float]:
        return self.width_box.value(), self.scale_box.value()

    def _update_size(self) -> None:
        width, scale = self.values()
        self.size_label.setText(f"{round(width * scale)} px wide; the height follows the content")
