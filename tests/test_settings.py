"""Settings: defaults, round trip, recent files, per-article reference dates, corrupt-file recovery."""
from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from timeline_app import settings as settings_module
from timeline_app.settings import MAX_RECENT, Settings, data_dir, settings_path


@pytest.fixture(autouse=True)
def data_dir_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _articles(tmp_path, count):
    paths = []
    for index in range(count):
        path = tmp_path / f"article{index}.txt"
        path.write_text(f"Article {index}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_env_var_chooses_the_directory(data_dir_in_tmp):
    assert data_dir() == data_dir_in_tmp
    assert settings_path() == data_dir_in_tmp / "settings.json"


def test_platform_directory_without_the_env_var(monkeypatch):
    monkeypatch.delenv("TIMELINE_APP_DATA_DIR")
    import platformdirs

    assert data_dir() == __import__("pathlib").Path(platformdirs.user_data_dir("timeline-app", appauthor=False))


def test_defaults_when_no_file():
    settings = Settings.load()
    assert settings.reopen_last is False
    assert settings.recent_files == []
    assert settings.last_article is None
    assert settings.reference_date_for("abc") is None


def test_round_trip(tmp_path, data_dir_in_tmp):
    first, second = _articles(tmp_path, 2)
    settings = Settings.load()
    settings.reopen_last = True
    settings.add_recent(first)
    settings.add_recent(second)
    settings.set_reference_date("f" * 64, dt.date(2022, 9, 13))
    written = settings.save()
    assert written == data_dir_in_tmp / "settings.json"
    stored = json.loads(written.read_text(encoding="utf-8"))
    assert stored["reference_dates"] == {"f" * 64: "2022-09-13"}
    again = Settings.load()
    assert again.reopen_last is True
    assert again.recent_files == [second.resolve(), first.resolve()]
    assert again.last_article_path == second.resolve()
    assert again.reference_date_for("f" * 64) == dt.date(2022, 9, 13)
    assert os.listdir(data_dir_in_tmp) == ["settings.json"]  # no temp files left


def test_recent_files_most_recent_first_deduplicated_and_capped(tmp_path):
    paths = _articles(tmp_path, MAX_RECENT + 3)
    settings = Settings.load()
    for path in paths:
        settings.add_recent(path)
    settings.add_recent(paths[5])
    settings.add_recent(tmp_path / "." / paths[5].name)  # another spelling of the same file
    recent = settings.recent_files
    assert len(recent) == MAX_RECENT
    assert recent[0] == paths[5].resolve()
    assert recent.count(paths[5].resolve()) == 1
    assert recent[1] == paths[-1].resolve()


def test_vanished_files_dropped_on_read(tmp_path):
    kept, gone = _articles(tmp_path, 2)
    settings = Settings.load()
    settings.add_recent(kept)
    settings.add_recent(gone)
    settings.save()
    gone.unlink()
    loaded = Settings.load()
    assert loaded.recent_files == [kept.resolve()]
    assert loaded.last_article_path is None


def test_forget_reference_date_and_datetime_accepted():
    settings = Settings.load()
    settings.set_reference_date("k", dt.datetime(2021, 1, 2, 10, 0))
    assert settings.reference_date_for("k") == dt.date(2021, 1, 2)
    settings.set_reference_date("k", None)
    assert settings.reference_date_for("k") is None


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"recent_files": 5}',
                                     b'{"reference_dates": {"k": "not-a-date"}}', b"\xff\xfe\x00"])
def test_corrupt_file_set_aside_and_defaults_used(content, data_dir_in_tmp):
    data_dir_in_tmp.mkdir(parents=True)
    path = data_dir_in_tmp / "settings.json"
    path.write_bytes(content)
    settings = Settings.load()
    assert settings.recent_files == [] and settings.reopen_last is False
    assert settings.recovered_from is not None
    assert settings.recovered_from.name.startswith("settings.json.corrupt-")
    assert settings.recovered_from.read_bytes() == content
    assert not path.exists()
    settings.save()  # and the app goes on with a fresh file
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


def test_unknown_keys_from_a_newer_version_are_ignored(data_dir_in_tmp):
    data_dir_in_tmp.mkdir(parents=True)
    (data_dir_in_tmp / "settings.json").write_text(
        json.dumps({"version": 2, "reopen_last": True, "window_geometry": [1, 2]}), encoding="utf-8")
    assert Settings.load().reopen_last is True


def test_save_failure_leaves_the_old_file(data_dir_in_tmp, monkeypatch):
    settings = Settings.load()
    settings.reopen_last = True
    settings.save()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_module, "write_atomic", broken)
    settings.reopen_last = False
    with pytest.raises(OSError):
        settings.save()
    assert Settings.load().reopen_last is True


def test_lane_order_round_trips(tmp_path):
    from timeline_app.settings import Settings
    s = Settings.load(tmp_path / "s.json")
    s.set_lane_order("abc", ["azerbaijan", "armenia", "international", "other"])
    s.save()
    again = Settings.load(tmp_path / "s.json")
    assert again.lane_order_for("abc") == ["azerbaijan", "armenia", "international", "other"]
    again.set_lane_order("abc", None)
    assert again.lane_order_for("abc") is None


def test_lane_orders_of_the_wrong_shape_are_set_aside(tmp_path):
    from timeline_app.settings import Settings
    (tmp_path / "s.json").write_text('{"lane_orders": {"abc": "armenia"}}')
    s = Settings.load(tmp_path / "s.json")
    assert s.lane_orders == {} and s.recovered_from is not None
