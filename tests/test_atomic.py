"""write_atomic: all or nothing, nothing left behind on failure."""
from __future__ import annotations

import os

import pytest

from timeline_app import atomic
from timeline_app.atomic import write_atomic


def test_writes_bytes_and_text(tmp_path):
    target = tmp_path / "out.json"
    assert write_atomic(target, b"\x00\x01") == target
    assert target.read_bytes() == b"\x00\x01"
    write_atomic(target, "Zürich — ok")
    assert target.read_text(encoding="utf-8") == "Zürich — ok"
    assert os.listdir(tmp_path) == ["out.json"]


def test_created_file_has_ordinary_permissions(tmp_path):
    target = tmp_path / "out.txt"
    write_atomic(target, "x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_failure_keeps_old_content_and_removes_the_temp(tmp_path, monkeypatch):
    target = tmp_path / "settings.json"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["settings.json"]


def test_failure_on_a_new_file_leaves_nothing(tmp_path, monkeypatch):
    def broken_fsync(fd):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "new.png", b"data")
    assert os.listdir(tmp_path) == []


def test_missing_directory_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "no" / "such" / "dir.txt", "x")
    assert os.listdir(tmp_path) == []
