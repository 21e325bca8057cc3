"""Markdown -> plain text: markup (headings, emphasis, links, images, lists, code, HTML) removed.

Blocks (paragraphs, headings, code blocks, tables) are separated by a blank line; list items sit
one per line. Soft line breaks inside a paragraph become spaces, as a reader sees them. YAML or
TOML front matter is removed from the text; its ``title`` and ``date`` are used.
"""
from __future__ import annotations

import html
import re
from typing import Optional

from ..dates import StatedDate, parse_date_string
from . import Extracted, first_line_title

_FRONT_MATTER = re.compile(r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<value>.*?)\s*$", re.M)
_BR = re.compile(r"<br\s*/?>", re.I)
_SPACES = re.compile(r"[ \t]{2,}")
_DATE_KEYS = ("published", "date", "pubdate", "publishdate", "published_at", "created")
_TAG = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)


def parse_markdown(source: str) -> Extracted:
    body, front = _split_front_matter(source)
    text, first_heading = _plain_text(body)
    title = _unquote(front.get("title", "")) or first_heading or first_line_title(text)
    meta_date = _front_matter_date(front)
    return Extracted(text=text, title=title, meta_date=meta_date, meta_source="text")


def _split_front_matter(source: str) -> tuple[str, dict[str, str]]:
    match = _FRONT_MATTER.match(source)
    if not match:
        return source, {}
    keys = {m.group("key").lower(): m.group("value") for m in _FRONT_KEY.finditer(match.group("body"))}
    return source[match.end():], keys


def _front_matter_date(front: dict[str, str]) -> Optional[StatedDate]:
    for key in _DATE_KEYS:
        value = _unquote(front.get(key, ""))
        if value:
            parsed = parse_date_string(value)
            if parsed:
                return StatedDate(parsed[0], parsed[1], f"front matter '{key}: {value}'")
    return None


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def _plain_text(source: str) -> tuple[str, str]:
    from markdown_it import MarkdownIt  # lazy: only Markdown files need it

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Link targets are dropped from the text, so skip normalising and validating them (~20% faster).
    parser.normalizeLink = lambda url: url
    parser.validateLink = lambda url: True
    tokens = parser.parse(source)
    blocks: list[str] = []
    list_items: list[str] = []
    row: list[str] = []
    table_rows: list[str] = []
    list_depth = 0
    in_table = False
    first_heading = ""
    heading_level = None
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            if list_depth == 0 and list_items:
                blocks.append("\n".join(list_items))
                list_items = []
        elif kind == "heading_open":
            heading_level = token.tag
        elif kind == "table_open":
            in_table = True
        elif kind == "table_close":
            in_table = False
            if table_rows:
                blocks.append("\n".join(table_rows))
            table_rows = []
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            table_rows.append(" | ".join(row))
        elif kind == "inline":
            content = _inline_text(token.children or [])
            if heading_level and not first_heading and content.strip():
                first_heading = " ".join(content.split())
            heading_level = None if kind == "heading_close" else heading_level
            if in_table:
                row.append(content.strip())
            elif list_depth:
                if content.strip():
                    list_items.append(content.strip())
            elif content.strip():
                blocks.append(content.strip())
        elif kind == "heading_close":
            heading_level = None
        elif kind in ("fence", "code_block"):
            code = token.content.rstrip("\n")
            target = list_items if list_depth else blocks
            if code.strip():
                target.append(code)
        elif kind == "html_block":
            plain = _strip_html(token.content)
            target = list_items if list_depth else blocks
            if plain:
                target.append(plain)
    return "\n\n".join(blocks) + ("\n" if blocks else ""), first_heading


def _inline_text(children) -> str:
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "html_inline":
            # Tags only (the text between them is its own token); a <br> still breaks the line.
            if _BR.match(child.content):
                parts.append("\n")
        # link_open/close, em/strong/s open/close, image: markup with no text of its own
    return _SPACES.sub(" ", "".join(parts))


def _strip_html(fragment: str) -> str:
    text = html.unescape(_TAG.sub(" ", fragment))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
