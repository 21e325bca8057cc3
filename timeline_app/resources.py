"""The one way to reach bundled data (``resources/`` and ``seeds/``), in every install. Qt-free.

Where the files are:
- a source checkout or an editable install: ``resources/`` and ``seeds/`` at the repository's top level;
- a wheel or sdist install: ``timeline_app/_bundle/resources`` and ``.../seeds`` (``setup.py`` maps the
  top-level folders there, so the checkout keeps the product's layout);
- the frozen app: ``resources/`` and ``seeds/`` in PyInstaller's unpacked bundle (``build.spec``).

A missing or unreadable resource raises :class:`ResourceError` naming the file: an app without its
gazetteer or fonts must say so, never carry on with empty data.
"""
from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


class ResourceError(RuntimeError):
    """A bundled file is missing or unreadable: the install is broken."""


def _bundle_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    installed = _PACKAGE / "_bundle"
    return installed if installed.is_dir() else _PACKAGE.parent


def resources_dir() -> Path:
    """The folder holding the bundled data of this install."""
    return _bundle_root() / "resources"


def resource_path(*parts: str) -> Path:
    """The path of an existing bundled resource, e.g. ``resource_path("fonts", "OFL.txt")``."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise ResourceError(f"missing resource {path} (the installation is incomplete; reinstall timeline-app)")
    return path


def read_resource_text(*parts: str) -> str:
    """A bundled text file's content (UTF-8)."""
    path = resource_path(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"unreadable resource {path} ({exc.__class__.__name__}: {exc})") from None


def seed_path() -> Path:
    """The bundled default article."""
    folder = _bundle_root() / "seeds"
    found = sorted(folder.glob("*.txt"))
    if not found:
        raise ResourceError(f"missing resource {folder}/*.txt (the bundled sample article)")
    return found[0]
