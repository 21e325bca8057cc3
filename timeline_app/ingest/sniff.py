"""Which format a file is: by its extension, else by what its first characters look like."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, Optional

Format = Literal["text", "markdown", "html"]

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_TAGS = re.compile(r"<(?:p|div|body|head|br|a\s+href|span|meta|title|article|h[1-6])[\s>/]", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_MD_LINK = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)")
_MD_FENCE = re.compile(r"^(?:```|~~~)", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)\S[^\n]*?\S\1")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\S", re.M)
_MD_QUOTE = re.compile(r"^>\s", re.M)
_MD_FRONT_MATTER = re.compile(r"\A---\s*\n[\w-]+\s*:")


_WEB_ARCHIVE = re.compile(r"^MIME-Version:\s*1\.0", re.I | re.M)
_MULTIPART = re.compile(r"^Content-Type:\s*multipart/related", re.I | re.M)


def is_web_archive(head: str) -> bool:
    """A browser's "web page, single file" (.mhtml/.mht): a MIME message, not a page."""
    return bool(_WEB_ARCHIVE.search(head[:2048]) and _MULTIPART.search(head[:4096]))


def format_from_suffix(path: Path) -> Optional[Format]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return None


def looks_like_html(head: str) -> bool:
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 3 and head.lstrip().startswith("<")


def sniff_format(head: str) -> Format:
    """Guess from the first few KB of decoded text: HTML, Markdown, or plain text."""
    if looks_like_html(head):
        return "html"
    score = (
        2 * bool(_MD_HEADING.search(head))
        + 2 * bool(_MD_LINK.search(head))
        + 2 * bool(_MD_FENCE.search(head))
        + 2 * bool(_MD_FRONT_MATTER.match(head))
        + bool(_MD_EMPHASIS.search(head))
        + (len(_MD_LIST.findall(head)) >= 2)
        + bool(_MD_QUOTE.search(head))
    )
    return "markdown" if score >= 3 else "text"


def choose_format(path: Path, head: str) -> Format:
    """The suffix decides, except that a page saved as .txt with an HTML doctype is read as HTML."""
    by_suffix = format_from_suffix(path)
    if by_suffix == "text" and _HTML_START.match(head):
        return "html"
    return by_suffix or sniff_format(head)
