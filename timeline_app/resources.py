"""Where bundled data files live, from a source checkout and from a frozen (PyInstaller) app. Qt-free."""
from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """``resources/`` of the repository, or of the unpacked bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return _ROOT / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("fonts", "OFL.txt")``."""
    return resources_dir().joinpath(*parts)


def seed_path() -> Path:
    """The bundled default article (``seeds/`` beside ``resources/``, in the checkout or the bundle)."""
    folder = resources_dir().parent / "seeds"
    return sorted(folder.glob("*.txt"))[0]
