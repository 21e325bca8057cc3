"""The legend: what each colour, mark and texture of the timeline means, and the source line at the
foot of an exported image. Qt-free: entries and their places; render.py draws them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..model import Article
from .lanes import Lane
from .ticks import MONTHS_SHORT

Measure = Callable[[str], float]

#: Sizes of a legend row, logical px.
SWATCH_W = 26.0
SWATCH_GAP = 6.0
ENTRY_GAP = 22.0
ROW_H = 22.0
PAD = 8.0
FOOTER_H = 24.0


@dataclass(frozen=True)
class LegendEntry:
    kind: str       # "lane" | "bar" | "point" | "fuzzy" | "break" | "badge"
    label: str
    color: str = "#5f6670"


@dataclass(frozen=True)
class PlacedEntry:
    entry: LegendEntry
    x: float
    y: float        # top of its row, relative to the legend's top


#: What the marks mean, in the words a reader needs (kind, label).
MARKS: tuple[tuple[str, str], ...] = (
    ("bar", "lasts a period (a day, a month…)"),
    ("point", "a moment (known to the hour)"),
    ("fuzzy", "faded edges: time known only roughly"),
    ("break", "hatched break: a long empty stretch, shortened"),
    ("badge", "+N: more events at this place"),
)


def legend_entries(lanes: Sequence[Lane], *, marks: bool = True) -> list[LegendEntry]:
    """One entry per lane (its colour and name), then the marks."""
    entries = [LegendEntry("lane", lane.name, lane.color) for lane in lanes]
    if marks:
        entries += [LegendEntry(kind, label) for kind, label in MARKS]
    return entries


def place(entries: Sequence[LegendEntry], measure: Measure, width: float) -> tuple[list[PlacedEntry], float]:
    """Entries flowed into rows ``width`` wide; returns them placed and the legend's height."""
    placed: list[PlacedEntry] = []
    x, y = PAD, PAD
    for entry in entries:
        w = SWATCH_W + SWATCH_GAP + measure(entry.label)
        if x > PAD and x + w > width - PAD:
            x, y = PAD, y + ROW_H
        placed.append(PlacedEntry(entry, x, y))
        x += w + ENTRY_GAP
    height = (y + ROW_H + PAD) if placed else 0.0
    return placed, height


def source_line(article: Article) -> str:
    """"Source: <title> · <file> · reference date 13 Sep 2022 (stated in the article)"."""
    parts = []
    if article.title:
        parts.append(article.title if len(article.title) <= 120 else article.title[:119] + "…")
    if article.path:
        parts.append(Path(article.path).name)
    if article.reference_date is not None:
        d = article.reference_date
        source = {"user": "set by the reader", "text": "stated in the article", "html-meta": "page metadata",
                  "sidecar": "article metadata", "file-mtime": "assumed: file date"}.get(article.reference_source or "")
        parts.append(f"reference date {d.day} {MONTHS_SHORT[d.month - 1]} {d.year}" + (f" ({source})" if source else ""))
    return "Source: " + " · ".join(parts) if parts else ""
