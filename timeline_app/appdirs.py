"""Where the app keeps its files: one place for the folder names and their environment overrides. Qt-free.

``$TIMELINE_APP_DATA_DIR`` replaces the settings folder and ``$TIMELINE_APP_CACHE_DIR`` the cache folder
(tests and benchmarks point them at temporary folders); otherwise platformdirs gives each platform's own.
"""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "timeline-app"
ENV_DATA_DIR = "TIMELINE_APP_DATA_DIR"
ENV_CACHE_DIR = "TIMELINE_APP_CACHE_DIR"


def data_dir() -> Path:
    """Settings and per-article choices."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    import platformdirs  # only when no override: tests and benchmarks never pay for it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir(kind: str) -> Path:
    """A sub-folder of the cache (``kind``: "timelines", "regex"); anything in it may be deleted at any time."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override) / kind
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / kind


def log_dir() -> Path:
    """Crash logs."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
