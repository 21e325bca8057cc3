"""The per-article extraction cache: same input -> same timeline without extracting; any change -> fresh."""
import datetime as dt
import pickle

import pytest

from conftest import SEED
from timeline_app import appdirs, cache
from timeline_app.ingest import load


@pytest.fixture(autouse=True)
def cache_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv(appdirs.ENV_CACHE_DIR, str(tmp_path / "cache"))
    return cache.cache_dir()


def counting_extract(monkeypatch):
    import timeline_app.extract.pipeline as pipeline
    calls = []
    real = pipeline.extract

    def extract(article, reference_date=None):
        calls.append(reference_date)
        return real(article, reference_date=reference_date)

    monkeypatch.setattr(pipeline, "extract", extract)
    return calls


def test_second_open_comes_from_the_cache(monkeypatch, cache_in_tmp):
    calls = counting_extract(monkeypatch)
    article = load(SEED)
    first = cache.extract_cached(article)
    second = cache.extract_cached(article)
    assert len(calls) == 1
    assert second == first
    assert len(list(cache_in_tmp.glob(f"*{cache.SUFFIX}"))) == 1


def test_a_new_reference_date_or_text_is_extracted_again(monkeypatch):
    calls = counting_extract(monkeypatch)
    article = load(SEED)
    cache.extract_cached(article)
    other_day = cache.extract_cached(article, reference_date=dt.date(2022, 9, 20))
    assert other_day.article.reference_date == dt.date(2022, 9, 20)
    edited = article.model_copy(update={"text": article.text + "\nOn Monday, talks resumed."})
    cache.extract_cached(edited)
    assert len(calls) == 3


def test_a_corrupt_entry_is_replaced(monkeypatch, cache_in_tmp):
    calls = counting_extract(monkeypatch)
    article = load(SEED)
    cache.extract_cached(article)
    (entry,) = cache_in_tmp.glob(f"*{cache.SUFFIX}")
    good = entry.read_bytes()
    for damaged in (b"{not a pickle", good[: len(good) // 2], pickle.dumps({"not": "a timeline"})):
        entry.write_bytes(damaged)
        again = cache.extract_cached(article)
        assert again.events
        assert pickle.loads(entry.read_bytes()) == again
    assert len(calls) == 4


def test_an_unwritable_cache_only_costs_speed(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(appdirs.ENV_CACHE_DIR, str(blocker / "cache"))  # a folder inside a file: cannot exist
    assert cache.extract_cached(load(SEED)).events
