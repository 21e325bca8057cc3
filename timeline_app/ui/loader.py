"""Reading and extracting an article off the GUI thread, so a 10 MB file never freezes the window."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QThread, Signal

from ..model import Article, Timeline


@dataclass
class LoadRequest:
    path: Optional[Path]                       # None: re-extract ``article`` (reference date changed)
    article: Optional[Article] = None
    reference_date: Optional[dt.date] = None   # the user's explicit choice, if any
    remembered_date: Optional[Callable[[Article], Optional[dt.date]]] = None


class LoadJob(QThread):
    """ingest + extract in a worker thread. Cancelling drops the result (pure Python can't be interrupted)."""
    loaded = Signal(object)   # Timeline
    failed = Signal(str)      # one-line message

    def __init__(self, request: LoadRequest, parent=None) -> None:
        super().__init__(parent)
        self.request = request
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:  # worker thread: no widgets here
        from ..cache import extract_cached
        from ..ingest import IngestError, load
        req = self.request
        try:
            article = req.article
            if req.path is not None:
                article = load(req.path, reference_date=req.reference_date)
            ref = req.reference_date
            if ref is None and req.remembered_date is not None:
                ref = req.remembered_date(article)
            timeline: Timeline = extract_cached(article, reference_date=ref)
        except IngestError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug in extraction must not take the window down
            self.failed.emit(f"could not read this article: {type(exc).__name__}: {exc}")
            return
        if not self.cancelled:
            self.loaded.emit(timeline)
