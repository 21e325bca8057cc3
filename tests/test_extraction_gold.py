"""Floors on the gold development sets (seed, news-dev, news-long) and the speed budget."""
import datetime as dt
import time

import pytest

from conftest import SEED, SHARED
from timeline_app.extract.evaluation import Score, gold_files, score_file


@pytest.fixture(scope="module")
def total():
    files = gold_files(SHARED)
    assert len(files) == 15
    total = Score("total")
    for path in files:
        s, timeline = score_file(path)
        assert timeline.events, path
        total.add(s)
    return total


def test_parties_f1(total):
    assert total.parties_f1 >= 0.95


def test_event_date_recall(total):
    assert total.event_recall >= 0.90


def test_account_recall_and_misattribution(total):
    assert total.account_recall >= 0.90
    assert total.misattribution <= 0.04


def test_reaction_recall(total):
    assert total.reaction_recall >= 0.90


def test_seed_is_fast():
    from timeline_app.extract.pipeline import extract
    from timeline_app.ingest import load
    article = load(SEED, dt.date(2022, 9, 13))
    extract(article)
    t0 = time.perf_counter()
    timeline = extract(article)
    elapsed = time.perf_counter() - t0
    assert elapsed < 0.2            # ~15 ms measured; generous for a loaded CI machine
    assert {p.id for p in timeline.parties} == {"armenia", "azerbaijan"}
