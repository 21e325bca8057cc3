"""Files that cannot be articles give one plain line naming the file; never a traceback."""
from __future__ import annotations

import os

import pytest

from conftest import ROOT
from timeline_app import ingest
from timeline_app.ingest import MAX_BYTES, IngestError, load

DATA = ROOT / "tests" / "data" / "ingest"


def _message(path) -> str:
    with pytest.raises(IngestError) as caught:
        load(path)
    message = str(caught.value)
    assert message.endswith(f" ({path})")
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("name", ["empty.txt", "whitespace.txt", "bom_only.txt"])
def test_empty_files(name):
    assert "empty" in _message(DATA / name)


def test_missing_file(tmp_path):
    assert "no such file" in _message(tmp_path / "vanished.txt")


def test_directory(tmp_path):
    assert "folder" in _message(tmp_path)


def test_path_through_a_file_is_unreadable(tmp_path):
    parent = tmp_path / "a.txt"
    parent.write_text("x", encoding="utf-8")
    assert "cannot read" in _message(parent / "child.txt")


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Some article\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "open", refuse)
    assert "permission denied" in _message(path)


def test_file_over_the_limit_refused_without_reading_it(tmp_path):
    assert MAX_BYTES == 64 * 1024 * 1024
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_BYTES + 1)
    message = _message(big)
    assert "too large" in message and "64 MB" in message


def test_html_with_only_scripts():
    assert "no readable text" in _message(DATA / "scripts_only.html")


def test_html_with_only_whitespace_markup(tmp_path):
    page = tmp_path / "blank.html"
    page.write_text("<html><body><div>  </div><p></p></body></html>", encoding="utf-8")
    assert "no readable text" in _message(page)


def test_unexpected_parser_failure_becomes_an_ingest_error(tmp_path, monkeypatch):
    page = tmp_path / "deep.txt"
    page.write_text("Fine text\n", encoding="utf-8")

    def explode(kind, text):
        raise RecursionError("too deep")

    monkeypatch.setattr(ingest, "_extract", explode)
    assert "too complex" in _message(page)


def test_article_without_any_date_is_not_an_error(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("A title\n\nSomething happened on Monday.\n", encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    article = load(path)
    assert article.published is None
    assert article.reference_source == "file-mtime"


def test_web_archive_gets_advice(tmp_path):
    archive = tmp_path / "page.mhtml"
    archive.write_bytes(b"From: <Saved by Blink>\r\nSubject: News\r\nMIME-Version: 1.0\r\n"
                        b"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\r\n--boundary\r\n")
    assert "web archive" in _message(archive)
