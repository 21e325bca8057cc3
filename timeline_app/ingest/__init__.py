"""path -> Article: decoding, format (.txt/.md/.html), title, publication and reference date. Qt-free.

The one entry point is :func:`load`. Modules, one job each:

* ``reading``   bytes from disk, size limit, unreadable paths
* ``decode``    bytes -> str (BOM, UTF-8/16, declared or detected legacy charset, binary refusal)
* ``sniff``     which format (suffix, else content)
* ``formats``   text / Markdown / HTML -> plain text, title, metadata date
* ``dates``     datelines, publication lines and bylines at the top of the text
* ``sidecar``   ``NAME.meta.json`` beside the article
* ``reference`` the reference date in CONTRACT.md order (user, stated, file date)

Limits: files over :data:`MAX_BYTES` (64 MB) are refused.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Optional

from ..model import Article
from .dates import StatedDate, find_stated_date
from .decode import decode
from .errors import IngestError
from .formats import Extracted, first_line_title
from .infer import infer_publication, office_years
from .reading import read_limited
from .reference import choose_reference
from .sidecar import read_sidecar, sidecar_path
from .sniff import (
    HTML_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES, Format, choose_format, format_from_suffix,
    is_web_archive,
)

__all__ = [
    "MAX_BYTES", "IngestError", "load", "content_key", "sidecar_path", "SUPPORTED_SUFFIXES",
    "OPEN_DIALOG_FILTER",
]

#: Files larger than this are refused (documented in README): far above any real article.
MAX_BYTES = 64 * 1024 * 1024

SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
#: For a file dialog: every supported article, then each kind, then anything (sniffed).
OPEN_DIALOG_FILTER = ";;".join([
    "Articles (" + " ".join("*" + s for s in SUPPORTED_SUFFIXES) + ")",
    "Text (" + " ".join("*" + s for s in TEXT_SUFFIXES) + ")",
    "Markdown (" + " ".join("*" + s for s in MARKDOWN_SUFFIXES) + ")",
    "Web pages (" + " ".join("*" + s for s in HTML_SUFFIXES) + ")",
    "All files (*)",
])


def load(
    path: str | Path,
    reference_date: Optional[dt.date] = None,
    *,
    format: Optional[Format] = None,
) -> Article:
    """Read the article at ``path``.

    ``reference_date``: the user's choice; it wins over any date found. ``format`` forces
    "text", "markdown" or "html" instead of guessing from the suffix and content.
    Raises :class:`IngestError` with a one-line message ending in `` (<path>)``.
    """
    path = Path(path)
    try:
        return _load(path, reference_date, format)
    except IngestError as exc:
        raise IngestError(f"{exc} ({path})") from None
    except (MemoryError, RecursionError) as exc:
        raise IngestError(f"the file is too complex to read ({type(exc).__name__}) ({path})") from None
    except ValueError as exc:  # what the decoders and parsers raise on bad input (UnicodeError included)
        detail = " ".join(str(exc).split())[:120]
        raise IngestError(f"could not read the article: {type(exc).__name__}: {detail} ({path})") from None


def content_key(article: Article) -> str:
    """SHA-256 (hex) of the article's decoded plain text as UTF-8: the key for per-article settings.

    Computed on the decoded text, not the raw bytes, so the key survives renaming, moving and
    re-saving the file in another encoding or with other line endings.
    """
    return hashlib.sha256(article.text.encode("utf-8", errors="surrogatepass")).hexdigest()


def _load(path: Path, reference_date: Optional[dt.date], forced: Optional[Format]) -> Article:
    raw = read_limited(path, MAX_BYTES)
    if not raw.strip():
        raise IngestError("the file is empty")
    declared = None
    if forced == "html" or format_from_suffix(path) in (None, "html"):
        from .formats.html import declared_charset

        declared = declared_charset(raw)
    decoded = decode(raw, declared=declared)
    if not decoded.text.strip():
        raise IngestError("the file is empty")
    if is_web_archive(decoded.text[:4096]):
        raise IngestError("this is a web archive (.mhtml); save the page as HTML (.html) and open that")
    kind = forced or choose_format(path, decoded.text[:4096])
    extracted = _extract(kind, decoded.text)
    if not extracted.text.strip():
        raise IngestError("the file has no readable text")

    sidecar = read_sidecar(path)
    file_date = _modified_date(path)
    in_text = find_stated_date(extracted.text, year_hint=file_date,
                               office_years=lambda: office_years(extracted.text, file_date))
    stated = [("sidecar", sidecar.published), (extracted.meta_source, extracted.meta_date), ("text", in_text),
              (extracted.meta_source, extracted.guessed_date)]
    if _contradicts(extracted.meta_date, in_text):
        # a page's metadata (or a site-wide "today" widget it was read from) that disagrees with the
        # article's own dateline loses to the article
        stated = [stated[0], ("text", replace(in_text, note=f"{in_text.note}; the page's metadata says "
                                              f"{extracted.meta_date.value.date().isoformat()}")), stated[1], stated[3]]
    nothing_stated = all(date is None for _, date in stated)
    choice = choose_reference(
        _as_date(reference_date), stated, file_date,
        infer_publication(extracted.text, file_date) if nothing_stated else None,
    )
    title = sidecar.title or extracted.title or first_line_title(extracted.text)
    # Every value is already of its field's type (tests validate it), and building the validator here
    # would cost the window's start-up ~30 ms (pydantic's first build imports importlib.metadata).
    return Article.model_construct(
        path=str(path),
        title=title,
        text=extracted.text,
        published=choice.published,
        reference_date=choice.reference_date,
        reference_source=choice.source,
        reference_note=choice.note,
        warnings=decoded.warnings + extracted.warnings + sidecar.warnings,
    )


#: Metadata and the article's own date this many days apart contradict each other (time zones aside).
_CONTRADICTION = dt.timedelta(days=1)


def _contradicts(meta: Optional[StatedDate], in_text: Optional[StatedDate]) -> bool:
    return (meta is not None and in_text is not None and not in_text.year_assumed
            and abs(meta.value.date() - in_text.value.date()) > _CONTRADICTION)


def _extract(kind: Format, text: str) -> Extracted:
    if kind == "html":
        from .formats.html import parse_html

        return parse_html(text)
    if kind == "markdown":
        from .formats.md import parse_markdown

        return parse_markdown(text)
    from .formats.txt import parse_text

    return parse_text(text)


def _modified_date(path: Path) -> Optional[dt.date]:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).date()
    except (OSError, OverflowError, ValueError):
        return None


def _as_date(value) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value))
