"""``NAME.meta.json`` beside ``NAME.ext``: publication metadata any article can carry.

Keys (all optional): ``published`` (ISO date or datetime), ``title``, ``source`` (free text).
A broken sidecar is reported as a warning; it never stops the article from opening.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .dates import StatedDate, parse_date_string


@dataclass
class Sidecar:
    title: Optional[str] = None
    published: Optional[StatedDate] = None
    source: Optional[str] = None
    warnings: list[str] = field(default_factory=list)


def sidecar_path(path: Path) -> Path:
    """``NAME.meta.json`` beside ``NAME.ext``."""
    return path.with_name(path.stem + ".meta.json")


def read_sidecar(path: Path) -> Sidecar:
    meta = sidecar_path(path)
    if not meta.is_file():
        return Sidecar()
    try:
        data = json.loads(meta.read_text(encoding="utf-8-sig"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        return Sidecar(warnings=[f"ignored {meta.name}: {exc}"])
    sidecar = Sidecar()
    title = data.get("title")
    if isinstance(title, str) and title.strip():
        sidecar.title = " ".join(title.split())
    source = data.get("source")
    if isinstance(source, str) and source.strip():
        sidecar.source = source.strip()
    published = data.get("published")
    if published:
        parsed = parse_date_string(str(published))
        if parsed is None:
            sidecar.warnings.append(f"ignored the date in {meta.name}: {published!r}")
        else:
            value, has_time = parsed
            sidecar.published = StatedDate(value, has_time, f"{meta.name}: published {published}")
    return sidecar
