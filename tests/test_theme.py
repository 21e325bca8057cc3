"""The timeline follows the system's light or dark palette; exports stay light; HiDPI is crisp."""
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from timeline_app import render
from timeline_app.model import Timeline
from timeline_app.ui.timeline_view import TimelineView

FIXTURE = Path(__file__).resolve().parent / "data" / "view" / "seed_timeline.json"


@pytest.fixture
def view(qtbot):
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.set_timeline(Timeline.from_json(FIXTURE.read_bytes()))
    widget.show()
    return widget


def dark_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#1c1d20"))
    return palette


def test_dark_palette_draws_a_dark_timeline_and_exports_stay_light(view):
    assert view.theme_name() == "light"
    light = view.grab_image()
    assert QColor(light.pixel(500, 10)).lightness() > 240
    view.setPalette(dark_palette())
    assert view.theme_name() == "dark"
    dark = view.grab_image()
    assert QColor(dark.pixel(500, 10)).lightness() < 60           # the header's background
    title_ink = max(QColor(dark.pixel(x, 14)).lightness() for x in range(14, 300))
    assert title_ink > 180                                        # light text on it
    # the module's colours are back to light after the frame: exports never turn dark
    image = render.render_image(view.timeline(), width=800)
    assert QColor(image.pixel(400, 5)).name() == "#ffffff"
    assert render.BACKGROUND.name() == "#ffffff"


def test_hidpi_frames_have_device_pixels(view):
    image = view.grab_image(scale=2.0)
    assert (image.width(), image.height()) == (2000, 1000) and image.devicePixelRatio() == 2.0
