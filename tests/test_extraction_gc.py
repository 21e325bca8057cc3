"""The cyclic garbage collector is paused while an article is extracted (speed), and left as it was after."""
import datetime as dt
import gc

import pytest

from timeline_app.extract import pipeline
from timeline_app.model import Article

_TEXT = ("Zembla accused Borduria of shelling the border town of Kalo on Tuesday, the ministry said. "
         "Borduria denied it.")


def _article():
    return Article(text=_TEXT, reference_date=dt.date(2031, 3, 4))


def _collector_state_during_read(monkeypatch):
    seen = []
    real_read = pipeline.read

    def read_and_look(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_read(*args, **kwargs)

    monkeypatch.setattr(pipeline, "read", read_and_look)
    return seen


def test_extraction_pauses_the_collector_and_turns_it_back_on(monkeypatch):
    seen = _collector_state_during_read(monkeypatch)
    assert gc.isenabled()
    pipeline.extract(_article())
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(monkeypatch):
    seen = _collector_state_during_read(monkeypatch)
    gc.disable()
    try:
        pipeline.extract(_article())
        assert seen == [False]
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_back_on_after_a_failed_extraction(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "read", fail)
    with pytest.raises(RuntimeError):
        pipeline.extract(_article())
    assert gc.isenabled()
