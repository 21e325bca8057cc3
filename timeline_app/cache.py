"""Extraction results cached per article, so reopening an article (or the seed at every start) skips
the extractor and its set-up. Qt-free.

An entry is keyed by everything the extractor reads (the article's text and metadata, the reference
date asked for) and by a fingerprint of the extractor itself (the app's version, and when running from
a source checkout the size and modification time of every extraction module and data file in resources/), so
a changed article, a changed date or a changed extractor never sees a stale result. Any problem with
the cache (unwritable folder, corrupt entry) silently falls back to extracting.

Entries are pickles of the Timeline, not its JSON: loading one takes under a millisecond and needs no
pydantic validator, whose first build costs ~50 ms of the window's start-up. The fingerprint includes
the model's source and pydantic's version, so a pickle is only ever read by the code that wrote it.
Like any pickle, an entry is trusted: it lives in the user's own cache folder, which only the user can
write (anyone who can write there can already change the user's files).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Optional

from . import __version__, appdirs
from .model import Article, Timeline

#: Entries kept; the oldest are removed beyond this.
MAX_ENTRIES = 200
SUFFIX = ".pickle"
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    return appdirs.cache_dir("timelines")


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Changes whenever the extraction code or its data changes."""
    from pydantic.version import VERSION as pydantic_version
    parts = [__version__, sys.version.split()[0], pydantic_version]
    if getattr(sys, "frozen", False):  # a new build of the app is a new executable
        st = Path(sys.executable).stat()
        parts.append(f"{st.st_size}:{st.st_mtime_ns}")
    else:
        from .resources import resources_dir
        files = [_PACKAGE / "model.py"]
        for folder in (_PACKAGE / "extract", _PACKAGE / "knowledge", resources_dir()):      # gazetteer, office holders, ...
            files += sorted(p for p in folder.rglob("*") if p.suffix in (".py", ".json", ".tsv", ".txt"))
        for path in files:
            st = path.stat()
            parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def entry_key(article: Article, reference_date: Optional[dt.date]) -> str:
    h = hashlib.sha256()
    for part in (extractor_fingerprint(), article.path or "", article.title, article.text,
                 _iso(article.published), _iso(article.reference_date), article.reference_source or "",
                 article.reference_note or "", "\x1f".join(article.warnings), _iso(reference_date)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def extract_cached(article: Article, reference_date: Optional[dt.date] = None) -> Timeline:
    """``pipeline.extract(article, reference_date)``, from the cache when the same input was seen."""
    folder = cache_dir()
    entry = folder / f"{entry_key(article, reference_date)}{SUFFIX}"
    cached = _read(entry)
    if cached is not None:
        return cached
    from .extract.pipeline import extract  # the extractor is imported only on a miss
    timeline = extract(article, reference_date=reference_date)
    _store(folder, entry, timeline)
    return timeline


def _store(folder: Path, entry: Path, timeline: Timeline) -> None:
    from .atomic import write_atomic
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(folder)
    except OSError:
        pass  # a read-only or full disk only costs speed


def _read(entry: Path) -> Optional[Timeline]:
    """The cached timeline, or None when there is none; a corrupt entry is removed."""
    try:
        data = entry.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        _remove(entry)
        return None
    try:
        timeline = pickle.loads(data)
    except Exception:  # a truncated or foreign file raises anything from EOFError to ImportError
        timeline = None
    if isinstance(timeline, Timeline):
        return timeline
    _remove(entry)
    return None


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
    for old in entries[:-MAX_ENTRIES]:
        _remove(old)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _iso(value) -> str:
    return value.isoformat() if value is not None else ""
