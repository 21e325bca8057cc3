"""Compiled regexes kept on disk between runs (timeline_app/extract/regex_cache.py)."""
from __future__ import annotations


def test_regex_cache_round_trip(tmp_path, monkeypatch):
    """A regex rebuilt from the on-disk cache matches exactly like a freshly compiled one."""
    import re
    from timeline_app import appdirs
    from timeline_app.extract import regex_cache
    from timeline_app.extract.timex.recognise import RULES
    monkeypatch.setenv(appdirs.ENV_CACHE_DIR, str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_memo", {})
    pattern = RULES[[r.name for r in RULES].index("month_day")].pattern
    first = regex_cache.compile_cached(pattern, re.I)
    regex_cache.save()
    files = list((tmp_path / "regex").glob("regexes-*.marshal"))
    assert len(files) == 1
    monkeypatch.setattr(regex_cache, "_entries", None)      # a new process: read back from disk
    again = regex_cache.compile_cached(pattern, re.I)
    text = "On Tuesday, Sept. 13, 2022 and on March 3 they met; Mayor 5 did not."
    assert [m.groupdict() for m in again.finditer(text)] == [m.groupdict() for m in first.finditer(text)]
    assert again.groupindex == re.compile(pattern, re.I).groupindex


def test_regex_cache_survives_a_corrupt_file(tmp_path, monkeypatch):
    import re
    from timeline_app import appdirs
    from timeline_app.extract import regex_cache
    monkeypatch.setenv(appdirs.ENV_CACHE_DIR, str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", None)
    path = regex_cache._path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\x01garbage" * 50)
    assert regex_cache.compile_cached(r"(?P<a>\d+)-x", re.I).match("12-X")["a"] == "12"
