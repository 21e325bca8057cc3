"""The legend (window and every image export), the source line, and PDF on paper pages."""
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from timeline_app import export, render
from timeline_app.layout.legend import MARKS, legend_entries, place, source_line
from timeline_app.layout.lanes import Lane
from timeline_app.model import Article, Event, TimeValue, Timeline

FIXTURE = Path(__file__).resolve().parent / "data" / "view" / "seed_timeline.json"


@pytest.fixture
def seed(qapp):
    return Timeline.from_json(FIXTURE.read_bytes())


def test_legend_names_every_lane_and_mark_and_flows_in_rows():
    lanes = [Lane("a", "Armenia", "#E69F00"), Lane("b", "Azerbaijan", "#882255")]
    entries = legend_entries(lanes)
    assert [e.label for e in entries[:2]] == ["Armenia", "Azerbaijan"]
    assert {e.kind for e in entries[2:]} == {kind for kind, _ in MARKS}
    placed, height = place(entries, lambda t: 7.0 * len(t), 500)
    assert height > 0 and all(p.x + 26 + 6 + 7.0 * len(p.entry.label) <= 500 or p.x == 8 for p in placed)
    rows = {p.y for p in placed}
    assert len(rows) > 1


def test_source_line_names_title_file_and_date(seed):
    line = source_line(seed.article)
    assert line.startswith("Source: Extensive clashes") and "13 Sep 2022" in line
    assert Path(seed.article.path).name in line


def test_png_has_the_legend_with_each_lane_colour_and_the_source_line(seed):
    frame = render.ExportFrame(seed, 1200, None)
    assert frame.height > frame.geo.height and frame.footer
    image = render.render_image(seed, width=1200)
    assert image.height() == round(frame.height)
    for p in frame.legend:
        if p.entry.kind == "lane":
            x, y = p.x + 13, frame.legend_top + p.y + 11      # the middle of the lane's dot
            got = QColor(image.pixel(int(x), int(y)))
            want = QColor(p.entry.color)
            assert abs(got.red() - want.red()) + abs(got.green() - want.green()) + abs(got.blue() - want.blue()) < 40


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    data = path.read_bytes().decode("latin-1")
    boxes = re.findall(r"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    return [(float(w), float(h)) for w, h in boxes]


def crowded(n=120):
    start = dt.datetime(2021, 5, 1)
    events = [Event(id=f"e{k}", title=f"Event number {k} with a fairly long title to fill rows", span=(0, 1),
                    lane=("a", "b", "international", "other")[k % 4],
                    time=TimeValue(value="x", start=start + dt.timedelta(hours=k),
                                   end=start + dt.timedelta(hours=k + 5), granularity="hour"))
              for k in range(n)]
    from timeline_app.model import Party
    return Timeline(article=Article(text="abc", title="Crowded"), events=events,
                    parties=[Party(id="a", name="Side A"), Party(id="b", name="Side B")])


@pytest.mark.parametrize("page, size", [("a4", (842, 595)), ("letter", (792, 612))])
def test_pdf_on_landscape_paper_pages(seed, tmp_path, page, size):
    out = tmp_path / "t.pdf"
    export.write(seed, out, "pdf", page=page)
    pages = pdf_pages(out)
    assert pages and all(abs(w - size[0]) < 2 and abs(h - size[1]) < 2 for w, h in pages)
    long_out = tmp_path / "long.pdf"
    export.write(crowded(), long_out, "pdf", page=page)
    assert len(pdf_pages(long_out)) > 1


def test_page_cuts_cover_the_whole_frame_between_lanes(qapp):
    frame = render.ExportFrame(crowded(), render.PAGED_WIDTH, None)
    cuts = render.page_cuts(frame, 700)
    assert cuts[0][0] == 0 and abs(cuts[-1][1] - frame.height) < 1e-6
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    assert all(b - a <= 700 + 1e-6 for a, b in cuts)


def test_cli_pdf_page_option(tmp_path):
    from conftest import SEED
    out = tmp_path / "seed.pdf"
    done = subprocess.run([sys.executable, "-m", "timeline_app", "export", str(SEED), "-o", str(out),
                           "--page", "letter"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert pdf_pages(out) and abs(pdf_pages(out)[0][0] - 792) < 2


def test_window_legend_follows_the_lanes_shown(qtbot, tmp_path, monkeypatch, seed):
    from timeline_app.ui.app import create_main_window
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    win = create_main_window(QApplication.instance())
    qtbot.addWidget(win)
    win.show()
    win.document.set_timeline(seed)
    names = [e.label for e in win.legend.entries() if e.kind == "lane"]
    assert names == [lane.name for lane in win.timeline_view.lanes()] and names
    assert win.legend.isVisible() and win.legend.placed
    win.filter_menu.hide_lane(win.timeline_view.lanes()[0].id)
    assert names[0] not in [e.label for e in win.legend.entries() if e.kind == "lane"]
    win.legend_action.trigger()
    assert not win.legend.isVisible()
