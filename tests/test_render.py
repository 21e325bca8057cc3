"""render.py: fonts, whole-timeline images, SVG/PDF, and golden images of the fixed seed timeline.

Goldens live in tests/golden/; regenerate them with UPDATE_GOLDEN=1 after an intended change
(and look at them before committing).
"""
import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from timeline_app import render
from timeline_app.layout.labels import overlaps
from timeline_app.model import Article, Event, Party, TimeValue, Timeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "view" / "seed_timeline.json"
GOLDEN = ROOT / "tests" / "golden"

#: A pixel differs when a channel moves more than this (font rasterisation moves a few levels)...
CHANNEL_TOLERANCE = 60
#: ...and an image matches when at most this fraction of its pixels differ. Measured run-to-run noise:
#: 0 pixels over repeated processes (bundled font, locked Qt); this allows ~12 pixels of a 1200x500
#: image for a hinting change, and stays far below what dropping a lane name (~0.3%) or the point
#: markers of one view (~0.007%) changes (test_golden_images_catch_a_missing_feature).
MAX_DIFFERING = 0.00002


@pytest.fixture(scope="module")
def seed(qapp) -> Timeline:
    render.load_fonts()
    return Timeline.from_json(FIXTURE.read_bytes())


def non_white_fraction(image: QImage, step: int = 3) -> float:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    total = hits = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            if image.pixel(x, y) & 0xFFFFFF != 0xFFFFFF:
                hits += 1
    return hits / max(total, 1)


def differing_fraction(a: QImage, b: QImage) -> float:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    assert (a.width(), a.height()) == (b.width(), b.height())
    w, h = a.width(), a.height()
    # Whole rows as bytes: far faster than pixel() per pixel.
    differing = 0
    for y in range(h):
        ra = bytes(a.constScanLine(y))[: w * 4]
        rb = bytes(b.constScanLine(y))[: w * 4]
        if ra == rb:
            continue
        for x in range(0, w * 4, 4):
            if (abs(ra[x] - rb[x]) > CHANNEL_TOLERANCE or abs(ra[x + 1] - rb[x + 1]) > CHANNEL_TOLERANCE
                    or abs(ra[x + 2] - rb[x + 2]) > CHANNEL_TOLERANCE):
                differing += 1
    return differing / (w * h)


def test_load_fonts_registers_the_bundled_family(qapp):
    family = render.load_fonts()
    assert "Source Sans" in family
    assert render.load_fonts() == family
    assert render.fonts().label.family() == family


def test_render_image_size_scale_and_opaque_white(seed):
    image = render.render_image(seed, width=1200)
    assert image.width() == 1200 and image.height() > 300
    assert not image.hasAlphaChannel()
    assert QColor(image.pixel(image.width() // 2, 2)).name() == "#ffffff"
    assert 0.15 < non_white_fraction(image) < 0.95
    hi = render.render_image(seed, width=1200, scale=2.0)
    assert (hi.width(), hi.height()) == (2400, image.height() * 2)
    assert hi.devicePixelRatio() == 2.0
    fixed = render.render_image(seed, width=900, height=700)
    assert (fixed.width(), fixed.height()) == (900, 700)


def test_png_export_keeps_every_pixel(seed, tmp_path):
    """The PNG is written with a faster zlib effort: smaller effort, never other pixels."""
    from PySide6.QtGui import QImage

    from timeline_app import export
    out = tmp_path / "t.png"
    export.write(seed, out, "png", width=900, scale=1.5)
    drawn = render.render_image(seed, width=900, scale=1.5).convertToFormat(QImage.Format.Format_RGB32)
    assert QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32) == drawn


def test_whole_timeline_every_label_legible_and_disjoint(seed):
    geo = render._timeline_geometry(seed, 1600, None, None, True, None)
    assert {box.id for box in geo.events} == {e.id for e in seed.events}
    assert not geo.badges
    assert overlaps([box.label_rect() for box in geo.events]) == []
    f = render.fonts()
    for box in geo.events:
        assert box.label_w >= min(f.measure_label(box.text), 340.0) - 0.5, box.id
        assert 0 <= box.label_x and box.label_x + box.label_w <= 1600
    assert geo.title.startswith("Extensive clashes") and "Reference date 13 Sep 2022" in geo.subtitle


def test_text_is_drawn_with_the_bundled_font(seed):
    """Without the font, Qt draws nothing or boxes: check the label area has dark text pixels."""
    image = render.render_image(seed, width=1600)
    geo = render._timeline_geometry(seed, 1600, None, None, True, None)
    box = next(b for b in geo.events if b.id == "e8")       # a point: its label is on lane tint
    dark = 0
    for y in range(int(box.y) + 4, int(box.y + box.h) - 4):
        for x in range(int(box.label_x), int(box.label_x + min(box.label_w, 200))):
            if QColor(image.pixel(x, y)).lightness() < 90:
                dark += 1
    assert dark > 150


@pytest.mark.parametrize("timeline", [
    Timeline(article=Article(text="nothing here")),
    Timeline(article=Article(text="abc"), parties=[Party(id="p", name="P", color="not-a-colour")],
             events=[Event(id="u", title="undated", span=(0, 1)),
                     Event(id="x", title="far future", span=(0, 1), lane="weird",
                           time=TimeValue(value="9999", start=dt.datetime(9999, 1, 1),
                                          end=dt.datetime(9999, 12, 31), granularity="year"))]),
])
def test_bad_or_empty_input_still_renders(qapp, timeline):
    image = render.render_image(timeline, width=640)
    assert image.width() == 640 and not image.isNull()


def test_svg_and_pdf_through_the_same_painter(seed, tmp_path):
    svg, pdf = tmp_path / "t.svg", tmp_path / "t.pdf"
    render.write_svg(seed, svg, width=1000)
    render.write_pdf(seed, pdf, width=1000)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Security Council" in text
    assert pdf.read_bytes().startswith(b"%PDF")
    assert render.save_vector(seed, tmp_path / "v.svg", "svg", width=800)
    assert render.save_vector(seed, tmp_path / "v.pdf", "PDF")
    assert not render.save_vector(seed, tmp_path / "v.xyz", "xyz")


GOLDEN_VIEWS = {
    "seed_fit_all": None,
    "seed_2020": (dt.datetime(2020, 1, 1), dt.datetime(2021, 1, 1)),
    "seed_13_sep_2022": (dt.datetime(2022, 9, 13), dt.datetime(2022, 9, 14)),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_VIEWS))
def test_golden_images(seed, name):
    image = render.render_image(seed, width=1200, time_range=GOLDEN_VIEWS[name])
    path = GOLDEN / f"{name}.png"
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        if os.environ.get("UPDATE_GOLDEN") != "1":
            pytest.fail(f"missing golden {path}; run with UPDATE_GOLDEN=1 to create it")
        GOLDEN.mkdir(parents=True, exist_ok=True)
        assert image.save(str(path))
        return
    golden = QImage(str(path))
    assert (golden.width(), golden.height()) == (image.width(), image.height()), \
        "layout height changed: look at the image and regenerate with UPDATE_GOLDEN=1"
    fraction = differing_fraction(image, golden)
    actual = Path(tempfile.gettempdir()) / f"{name}.actual.png"
    if fraction > MAX_DIFFERING:
        image.save(str(actual))
    assert fraction <= MAX_DIFFERING, f"{fraction:.2%} of pixels differ from {path.name} (see {actual})"


@pytest.mark.parametrize("feature, name", [
    ("lane names", "seed_fit_all"), ("lane names", "seed_2020"),
    ("point markers", "seed_fit_all"), ("point markers", "seed_13_sep_2022"),
])
def test_golden_images_catch_a_missing_feature(seed, monkeypatch, feature, name):
    """The tolerance is tight enough that losing a feature fails the golden comparison."""
    from PySide6.QtGui import QPolygonF
    if feature == "lane names":
        monkeypatch.setattr(render, "_paint_lane_names", lambda *args: None)
    else:
        monkeypatch.setattr(render, "_DIAMOND", QPolygonF())
    image = render.render_image(seed, width=1200, time_range=GOLDEN_VIEWS[name])
    assert differing_fraction(image, QImage(str(GOLDEN / f"{name}.png"))) > MAX_DIFFERING


def test_resource_path_from_source_and_frozen(monkeypatch, tmp_path):
    from timeline_app import resources
    assert resources.resource_path("fonts", "SourceSansPro-Regular.ttf").is_file()
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    (tmp_path / "resources" / "fonts" / "x.ttf").write_bytes(b"")
    assert resources.resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"
    with pytest.raises(resources.ResourceError, match="missing resource .*y.ttf"):
        resources.resource_path("fonts", "y.ttf")


def test_export_gives_every_label_a_row_even_when_crowded(qapp):
    start = dt.datetime(2021, 5, 1)
    events = [Event(id=f"e{k}", title=f"Crowded event number {k} with a longer title", span=(0, 1),
                    lane="other", time=TimeValue(value="x", start=start + dt.timedelta(hours=k),
                                                 end=start + dt.timedelta(hours=k + 1), granularity="hour"))
              for k in range(120)]
    tl = Timeline(article=Article(text="abc"), events=events)
    geo = render._timeline_geometry(tl, 1200, None, None, True, None)
    assert len(geo.events) == 120 and not geo.badges
    assert overlaps([box.label_rect() for box in geo.events]) == []
    image = render.render_image(tl, width=1200)
    # the timeline, then the legend and the source line under it
    assert image.height() == round(render.ExportFrame(tl, 1200, None).height) > int(geo.height)
