"""The command line as users and outside checks see it (CONTRACT.md)."""
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from timeline_app import __version__
from timeline_app.cli import main
from timeline_app.model import Timeline


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for --version and bad usage
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"timeline-app {__version__}"


def test_a_command_leaves_the_garbage_collector_on(capsys, tmp_path):
    import gc

    assert run(capsys, "export", str(SEED), "-o", str(tmp_path / "t.json"))[0] == 0   # main turns it off to start
    assert gc.isenabled()
    assert run(capsys, "export", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.json"))[0] == 1
    assert gc.isenabled()


@pytest.mark.parametrize("argv", [
    ["export", str(SEED)],                                     # no -o
    ["export", str(SEED), "-o", "x.png", "--width", "wide"],
    ["export", str(SEED), "-o", "x.png", "--reference-date", "13/09/2022"],
    ["export", str(SEED), "-o", "x.png", "--format", "gif"],
    ["timexes"],
    ["--no-such-flag"],
])
def test_bad_usage_exits_2_with_one_line(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("timeline-app: error:")


def test_missing_input_is_one_line_and_writes_nothing(capsys, tmp_path):
    out = tmp_path / "t.json"
    code, _, err = run(capsys, "export", str(tmp_path / "nope.txt"), "-o", str(out))
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("timeline-app: error:") and "nope.txt" in err
    assert not out.exists()


def test_directory_input_and_unknown_suffix(capsys, tmp_path):
    code, _, err = run(capsys, "export", str(tmp_path), "-o", str(tmp_path / "t.json"))
    assert code == 1 and "timeline-app: error:" in err
    code, _, err = run(capsys, "export", str(SEED), "-o", str(tmp_path / "t.xyz"))
    assert code == 1 and "--format" in err
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_leaves_nothing(capsys, tmp_path):
    code, _, err = run(capsys, "export", str(SEED), "-o", str(tmp_path / "missing-dir" / "t.json"))
    assert code == 1 and err.startswith("timeline-app: error:")
    assert not (tmp_path / "missing-dir").exists()


def test_export_json_validates_against_the_model(capsys, tmp_path):
    out = tmp_path / "t.json"
    code, _, err = run(capsys, "export", str(SEED), "-o", str(out))
    assert code == 0, err
    timeline = Timeline.model_validate_json(out.read_text(encoding="utf-8"))
    assert timeline.article.reference_date.isoformat() == "2022-09-13"
    assert timeline.article.reference_source == "sidecar"
    assert timeline.events, "the seed has dated events"
    text = timeline.article.text
    for e in timeline.events:
        assert text[e.span[0]:e.span[1]] in e.sentence  # the event's clause, inside its sentence
        if e.time is not None and e.time.expression_span is not None:  # inherited times have no span
            a, b = e.time.expression_span
            assert text[a:b] == e.time.expression


def test_reference_date_option_wins(capsys, tmp_path):
    out = tmp_path / "t.json"
    assert run(capsys, "export", str(SEED), "-o", str(out), "--reference-date", "2022-09-20")[0] == 0
    article = json.loads(out.read_text())["article"]
    assert article["reference_date"] == "2022-09-20" and article["reference_source"] == "user"


def test_csv_and_timelinejs(capsys, tmp_path):
    assert run(capsys, "export", str(SEED), "-o", str(tmp_path / "t.csv"))[0] == 0
    lines = (tmp_path / "t.csv").read_text().splitlines()
    assert lines[0].startswith("id,lane,value,start,end")
    assert len(lines) > 3
    assert run(capsys, "export", str(SEED), "-o", str(tmp_path / "t.json"), "--format", "timelinejs")[0] == 0
    doc = json.loads((tmp_path / "t.json").read_text())
    assert doc["events"] and all("year" in e["start_date"] for e in doc["events"])


def test_timexes_prints_contract_json(capsys):
    code, out, _ = run(capsys, "timexes", str(SEED), "--reference-date", "2022-09-13")
    assert code == 0
    found = json.loads(out)
    assert {"start", "end", "text", "type", "value"} == set(found[0])
    text = SEED.read_text(encoding="utf-8")
    for t in found:
        assert text[t["start"]:t["end"]] == t["text"]
        assert t["type"] in ("DATE", "TIME", "DURATION", "SET")
    values = {t["text"]: t["value"] for t in found}
    assert values.get("the 1990s") == "199"


def test_real_process_png_headless(tmp_path):
    """A separate process with no display at all: `python -m timeline_app export` works and exits 0."""
    out = tmp_path / "t.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "timeline_app", "export", str(SEED), "-o", str(out),
                           "--width", "800", "--scale", "2"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage
    image = QImage(str(out))
    assert image.width() == 1600  # 800 logical px at scale 2


@pytest.mark.parametrize("fmt, magic", [("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_vector_exports(capsys, tmp_path, fmt, magic):
    out = tmp_path / f"t.{fmt}"
    code, _, err = run(capsys, "export", str(SEED), "-o", str(out), "--width", "1200")
    assert code == 0, err
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 2000
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temp file left beside it
    if fmt == "svg":
        assert b"Armenia" in data  # lane names are real text in the SVG


def test_image_export_gets_ordinary_permissions_and_keeps_the_old_file_on_failure(capsys, tmp_path):
    out = tmp_path / "t.png"
    assert run(capsys, "export", str(SEED), "-o", str(out), "--width", "400")[0] == 0
    assert out.stat().st_mode & 0o044 == 0o044  # readable by others, like any file the user saves
    before = out.read_bytes()
    assert run(capsys, "export", str(tmp_path / "missing.txt"), "-o", str(out))[0] == 1
    assert out.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["t.png"]
