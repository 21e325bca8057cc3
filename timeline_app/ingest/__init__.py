"""path -> Article: decoding, format (.txt/.md/.html), title, publication and reference date. Qt-free.

The one entry point is :func:`load`.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Optional

from ..model import Article

#: Files larger than this are refused (documented in README).
MAX_BYTES = 64 * 1024 * 1024


class IngestError(Exception):
    """The file cannot be used; the message is one plain line for the user."""


def sidecar_path(path: Path) -> Path:
    """``NAME.meta.json`` beside ``NAME.ext``: publication metadata any article can carry."""
    return path.with_name(path.stem + ".meta.json")


def load(path: str | Path, reference_date: Optional[dt.date] = None) -> Article:
    path = Path(path)
    try:
        if path.is_dir():
            raise IngestError(f"is a directory, not an article ({path})")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB ({path})")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(f"no such file ({path})") from None
    except PermissionError:
        raise IngestError(f"permission denied ({path})") from None
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc} ({path})") from None
    text = raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(f"the file is empty ({path})")
    lines = text.strip().splitlines()
    title = lines[0].strip() if lines else ""
    published = None
    source = None
    meta = sidecar_path(path)
    if meta.is_file():
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            if data.get("published"):
                published = dt.datetime.fromisoformat(str(data["published"]))
                source = "sidecar"
            title = data.get("title") or title
        except (ValueError, OSError):
            pass
    ref = reference_date
    if ref is not None:
        source = "user"
    elif published is not None:
        ref = published.date()
    else:
        ref = dt.datetime.fromtimestamp(path.stat().st_mtime).date()
        source = "file-mtime"
    return Article(path=str(path), title=title, text=text, published=published,
                   reference_date=ref, reference_source=source)
