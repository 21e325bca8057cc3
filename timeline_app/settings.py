"""The user's settings: preferences, recent files, per-article reference dates, last article. Qt-free.

Stored as one JSON file, ``settings.json``, in ``platformdirs.user_data_dir("timeline-app")``, or in
``$TIMELINE_APP_DATA_DIR`` when that is set (tests point it at a temporary directory). Writes are
atomic (:func:`timeline_app.atomic.write_atomic`). A corrupt file is renamed
``settings.json.corrupt-<timestamp>`` and replaced by defaults: bad settings never stop the app.

Typical use::

    settings = Settings.load()
    settings.add_recent(path)                      # most recent first, at most 10, no duplicates
    day = settings.reference_date_for(content_key(article))
    settings.set_reference_date(content_key(article), datetime.date(2022, 9, 13))
    settings.reopen_last = True
    settings.save()

Reference dates are keyed by :func:`timeline_app.ingest.content_key`: the SHA-256 of the article's
decoded plain text (``Article.text`` as UTF-8), so the same article keeps its date when the file is
renamed, moved, re-saved in another encoding or with other line endings.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .appdirs import data_dir
from .atomic import write_atomic

FILE_NAME = "settings.json"
MAX_RECENT = 10
FORMAT_VERSION = 1


def settings_path() -> Path:
    return data_dir() / FILE_NAME


def _normal_path(path: str | os.PathLike) -> str:
    """One spelling per file, so that recent files de-duplicate (absolute, ``..`` resolved)."""
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):
        return str(Path(path).expanduser().absolute())


@dataclass
class Settings:
    """All persisted user state. Change the attributes or use the helpers, then :meth:`save`."""

    #: Preference: on start, open the last article again instead of the bundled sample.
    reopen_last: bool = False
    #: Paths of recently opened articles, most recent first (see :attr:`recent_files`).
    recent: list[str] = field(default_factory=list)
    #: content_key -> reference date chosen by the user for that article.
    reference_dates: dict[str, dt.date] = field(default_factory=dict)
    #: content_key -> lane order the user chose by dragging lane names (lane ids, top to bottom).
    lane_orders: dict[str, list[str]] = field(default_factory=dict)
    #: content_key -> what the reader chose to see (layout.filters.ViewFilter.to_dict()).
    view_filters: dict[str, dict] = field(default_factory=dict)
    #: content_key -> ids of the lanes the reader expanded to show all their events.
    expanded_lanes: dict[str, list[str]] = field(default_factory=dict)
    #: Folder of the last export (the export dialog opens there).
    export_dir: Optional[str] = None
    #: The window's docks and toolbars (QMainWindow.saveState(), base64).
    window_state: Optional[str] = None
    #: Path of the article open when the app last closed (or last opened).
    last_article: Optional[str] = None
    #: Where :meth:`save` writes; defaults to :func:`settings_path` at load time.
    path: Optional[Path] = field(default=None, repr=False, compare=False)
    #: Set when :meth:`load` found a corrupt file and moved it aside (the new name).
    recovered_from: Optional[Path] = field(default=None, repr=False, compare=False)

    # ---- loading and saving -------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> "Settings":
        """Read the settings; missing file -> defaults; corrupt file -> set aside, defaults."""
        file = Path(path) if path is not None else settings_path()
        try:
            raw = file.read_bytes()
        except FileNotFoundError:
            return cls(path=file)
        except OSError:
            # Unreadable (permissions, a directory in the way): run on defaults, do not crash.
            return cls(path=file)
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("settings file does not hold a JSON object")
            settings = cls._from_dict(data)
        except (ValueError, TypeError, UnicodeDecodeError):
            settings = cls(path=file)
            settings.recovered_from = _set_aside(file)
            return settings
        settings.path = file
        return settings

    def save(self) -> Path:
        """Write atomically; creates the directory if needed. Returns the path written."""
        file = self.path or settings_path()
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n")
        self.path = file
        return file

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "reopen_last": self.reopen_last,
            "recent_files": list(self.recent),
            "reference_dates": {key: day.isoformat() for key, day in self.reference_dates.items()},
            "lane_orders": {key: list(order) for key, order in self.lane_orders.items()},
            "view_filters": dict(self.view_filters),
            "expanded_lanes": {key: list(lanes) for key, lanes in self.expanded_lanes.items()},
            "export_dir": self.export_dir,
            "window_state": self.window_state,
            "last_article": self.last_article,
        }

    @classmethod
    def _from_dict(cls, data: dict[str, Any]) -> "Settings":
        recent = data.get("recent_files", [])
        dates = data.get("reference_dates", {})
        last = data.get("last_article")
        if not isinstance(recent, list) or not isinstance(dates, dict):
            raise ValueError("settings file has the wrong shape")
        if last is not None and not isinstance(last, str):
            raise ValueError("last_article is not a path")
        reference_dates = {str(key): dt.date.fromisoformat(str(value)) for key, value in dates.items()}
        orders = data.get("lane_orders", {})
        if not isinstance(orders, dict) or not all(isinstance(v, list) for v in orders.values()):
            raise ValueError("lane_orders has the wrong shape")
        lane_orders = {str(key): [str(lane) for lane in order] for key, order in orders.items()}
        filters = data.get("view_filters", {})
        if not isinstance(filters, dict):
            raise ValueError("view_filters has the wrong shape")
        expanded = data.get("expanded_lanes", {})
        if not isinstance(expanded, dict) or not all(isinstance(v, list) for v in expanded.values()):
            raise ValueError("expanded_lanes has the wrong shape")
        export_dir, window_state = data.get("export_dir"), data.get("window_state")
        return cls(
            expanded_lanes={str(key): [str(lane) for lane in lanes] for key, lanes in expanded.items()},
            view_filters={str(key): value for key, value in filters.items() if isinstance(value, dict)},
            export_dir=export_dir if isinstance(export_dir, str) else None,
            window_state=window_state if isinstance(window_state, str) else None,
            reopen_last=bool(data.get("reopen_last", False)),
            recent=[str(item) for item in recent if isinstance(item, str)],
            reference_dates=reference_dates,
            lane_orders=lane_orders,
            last_article=last,
        )

    # ---- recent files -------------------------------------------------------------------------
    @property
    def recent_files(self) -> list[Path]:
        """Recent articles that still exist, most recent first (vanished files are dropped)."""
        alive = [item for item in self.recent if Path(item).is_file()]
        self.recent = alive
        return [Path(item) for item in alive]

    def add_recent(self, path: str | os.PathLike) -> None:
        """Put ``path`` first in the recent list and remember it as the last article."""
        key = _normal_path(path)
        self.recent = [key] + [item for item in self.recent if item != key]
        del self.recent[MAX_RECENT:]
        self.last_article = key

    def remove_recent(self, path: str | os.PathLike) -> None:
        key = _normal_path(path)
        self.recent = [item for item in self.recent if item != key]

    def clear_recent(self) -> None:
        self.recent = []

    @property
    def last_article_path(self) -> Optional[Path]:
        """The last article if it still exists, else None."""
        if self.last_article and Path(self.last_article).is_file():
            return Path(self.last_article)
        return None

    # ---- per-article reference dates ------------------------------------------------------------
    def reference_date_for(self, text_hash: str) -> Optional[dt.date]:
        """The reference date the user chose for the article with this content key, if any."""
        return self.reference_dates.get(text_hash)

    def set_reference_date(self, text_hash: str, day: Optional[dt.date]) -> None:
        """Remember (or, with ``None``, forget) the user's reference date for an article."""
        if day is None:
            self.reference_dates.pop(text_hash, None)
        else:
            if isinstance(day, dt.datetime):
                day = day.date()
            self.reference_dates[text_hash] = day


    # ---- per-article lane order --------------------------------------------------------------------
    def lane_order_for(self, text_hash: str) -> Optional[list[str]]:
        """The lane order the user chose for the article with this content key, if any."""
        return self.lane_orders.get(text_hash)

    def set_lane_order(self, text_hash: str, order: Optional[list[str]]) -> None:
        """Remember (or, with ``None``, forget) the user's lane order for an article."""
        if order is None:
            self.lane_orders.pop(text_hash, None)
        else:
            self.lane_orders[text_hash] = [str(lane) for lane in order]


    # ---- per-article view filter ------------------------------------------------------------------
    def view_filter_for(self, text_hash: str) -> Optional[dict]:
        """What the reader chose to see in the article with this content key (a ViewFilter dict)."""
        return self.view_filters.get(text_hash)

    def set_view_filter(self, text_hash: str, data: Optional[dict]) -> None:
        """Remember (or, with ``None``, forget) the view filter of an article."""
        if data is None:
            self.view_filters.pop(text_hash, None)
        else:
            self.view_filters[text_hash] = dict(data)

    # ---- per-article expanded lanes ----------------------------------------------------------------
    def expanded_lanes_for(self, text_hash: str) -> list[str]:
        """The lanes the reader expanded in the article with this content key."""
        return list(self.expanded_lanes.get(text_hash, []))

    def set_expanded_lanes(self, text_hash: str, lanes: list[str]) -> None:
        """Remember the expanded lanes of an article (none: forget the entry)."""
        if lanes:
            self.expanded_lanes[text_hash] = [str(lane) for lane in lanes]
        else:
            self.expanded_lanes.pop(text_hash, None)


def _set_aside(file: Path) -> Optional[Path]:
    """Rename a corrupt settings file out of the way; return its new name (None if impossible)."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    target = file.with_name(f"{file.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = file.with_name(f"{file.name}.corrupt-{stamp}-{counter}")
        counter += 1
    try:
        os.replace(file, target)
    except OSError:
        return None
    return target
