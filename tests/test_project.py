"""Project files: save -> open round trip, a changed article, a missing one, corrupt and foreign files,
and `timeline-app export PROJECT.timeline.json` headless."""
import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from timeline_app import corrections as c
from timeline_app import project
from timeline_app.cache import extract_cached
from timeline_app.ingest import load


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    shutil.copy(SEED, path)
    meta = SEED.with_suffix(".meta.json")
    if meta.exists():
        shutil.copy(meta, tmp_path / "article.meta.json")
    return path


def corrected_session(article_path):
    base = extract_cached(load(article_path))
    session = c.CorrectedTimeline.start(base)
    account = base.accounts[0]
    other = next(p.id for p in base.parties if p.id != account.party)
    session.apply(c.MoveStatement(source="account", statement=c.Ref.of_statement(base, account),
                                  target="account", to=other))
    session.apply(c.RetitleEvent(event=c.Ref.of_event(base, base.events[0]), title="Fixed by the user"))
    return base, session


def test_save_then_open_gives_the_same_corrected_timeline(tmp_path, article):
    _, session = corrected_session(article)
    out = tmp_path / "work" / "article.timeline.json"
    out.parent.mkdir()
    project.save(out, session.timeline, session.corrections, article_path=article)
    saved = json.loads(out.read_text())
    assert saved["schema"] == "timeline-app-project/1"
    assert saved["document"]["schema"] == "timeline-app/1"
    assert saved["article"]["path"] == str(article.resolve())  # not under the project's folder: absolute
    assert [k["kind"] for k in saved["corrections"]] == ["statement-move", "event-title"]
    opened = project.open_project(out)
    assert opened.not_applied == [] and opened.notes == []
    assert opened.timeline.model_dump() == session.timeline.model_dump()
    assert opened.corrected.corrections == session.corrections


def test_article_beside_the_project_is_stored_relative(tmp_path, article):
    _, session = corrected_session(article)
    out = project.project_path_for(article)
    project.save(out, session.timeline, session.corrections, article_path=article)
    assert json.loads(out.read_text())["article"]["path"] == "article.txt"
    moved = tmp_path / "moved"
    shutil.copytree(tmp_path, moved, ignore=shutil.ignore_patterns("moved"))
    opened = project.open_project(moved / out.name)
    assert opened.article_path == moved / "article.txt"
    assert opened.timeline.events[0].title == "Fixed by the user"


def test_a_changed_article_keeps_the_corrections_that_still_apply(tmp_path, article):
    base, session = corrected_session(article)
    first = base.events[0]
    out = project.project_path_for(article)
    project.save(out, session.timeline, session.corrections, article_path=article)
    # The sentence of the moved statement disappears; the event's sentence stays (shifted).
    text = article.read_text(encoding="utf-8")
    removed = base.accounts[0].text
    article.write_text("Editor's note: updated.\n\n" + text.replace(removed, ""), encoding="utf-8")
    opened = project.open_project(out)
    assert any("has changed" in n for n in opened.notes)
    assert [type(s.correction) for s in opened.not_applied] == [c.MoveStatement]
    retitled = [e for e in opened.timeline.events if e.title == "Fixed by the user"]
    assert len(retitled) == 1 and retitled[0].sentence == first.sentence
    # Saving again keeps the one that did not apply.
    project.save(out, opened.timeline, opened.corrected.corrections,
                 [s.correction for s in opened.not_applied], article_path=article)
    assert [k["kind"] for k in json.loads(out.read_text())["not_applied"]] == ["statement-move"]


def test_a_missing_article_shows_the_saved_timeline(tmp_path, article):
    _, session = corrected_session(article)
    out = project.project_path_for(article)
    project.save(out, session.timeline, session.corrections, article_path=article)
    article.unlink()
    opened = project.open_project(out)
    assert opened.article_path is None and "not found" in opened.notes[0]
    assert opened.timeline.model_dump() == session.timeline.model_dump()
    assert opened.corrected.corrections == session.corrections and opened.corrected.applied == []


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not JSON"),
    (b"[1, 2, 3]", "not a timeline-app project"),
    (b'{"schema": "something-else/2"}', "not a timeline-app project"),
    (b'{"schema": "timeline-app-project/9"}', "newer timeline-app"),
    (b'{"schema": "timeline-app/1", "article": {"text": ""}}', "exported timeline, not a project"),
    (b'{"schema": "timeline-app-project/1", "article": {"sha256": "x"}, "document": {"article": {}}}',
     "damaged"),
])
def test_corrupt_or_foreign_files_give_one_clear_error_and_stay_untouched(tmp_path, content, message):
    path = tmp_path / "x.timeline.json"
    path.write_bytes(content)
    with pytest.raises(project.ProjectError, match=message):
        project.open_project(path)
    assert path.read_bytes() == content


def test_a_failed_save_leaves_the_old_project_whole(tmp_path, article, monkeypatch):
    _, session = corrected_session(article)
    out = tmp_path / "p.timeline.json"
    out.write_text("old content")

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(project.ProjectError, match="No space left"):
        project.save(out, session.timeline, session.corrections, article_path=article)
    assert out.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".p.timeline")] == []


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "timeline_app", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_export_of_a_project_is_the_corrected_timeline(tmp_path, article):
    _, session = corrected_session(article)
    out = project.project_path_for(article)
    project.save(out, session.timeline, session.corrections, article_path=article)
    done = run_cli("export", str(out), "-o", str(tmp_path / "out.json"))
    assert done.returncode == 0, done.stderr
    exported = json.loads((tmp_path / "out.json").read_text())
    assert exported["events"][0]["title"] == "Fixed by the user"
    done = run_cli("export", str(out), "-o", str(tmp_path / "out.png"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.png").read_bytes()[:4] == b"\x89PNG"


def test_export_of_a_corrupt_project_is_one_line(tmp_path):
    bad = tmp_path / "bad.timeline.json"
    bad.write_text("{")
    done = run_cli("export", str(bad), "-o", str(tmp_path / "out.png"))
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "not JSON" in done.stderr
    assert not (tmp_path / "out.png").exists()


def test_a_lane_order_correction_reaches_every_image_export(tmp_path, article, qapp):
    """Parties > Lane up/down is a correction: the window, the CLI's export of the project and the
    export's own lanes all follow it (exports used to keep the lanes in their order of appearance)."""
    from timeline_app import cli, render
    base = extract_cached(load(article))
    session = c.CorrectedTimeline.start(base)
    assert session.lane_order() is None
    flipped = [p.id for p in reversed(base.parties)]
    session.apply(c.ReorderParties(order=flipped))
    assert session.lane_order() == flipped
    out = tmp_path / "article.timeline.json"
    project.save(out, session.timeline, session.corrections, article_path=article)
    timeline, lane_order = cli._timeline_of(str(out), None)
    assert lane_order == flipped
    lanes = [lane.id for lane in render.ExportFrame(timeline, 1200, None, lane_order=lane_order).geo.lanes]
    assert lanes[:2] == flipped
    default = [lane.id for lane in render.ExportFrame(timeline, 1200, None).geo.lanes]
    assert default[:2] != flipped     # without the correction's order the export differs: the test can fail
