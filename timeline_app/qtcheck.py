"""`make run` pre-flight: does Qt find a display and the system libraries its X11 plugin needs?

Prints what is missing with the apt line that installs it, and exits 1; prints nothing when all is well.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Library file -> Debian/Ubuntu package (the usual suspects for PySide6's xcb plugin).
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinput.so.0": "libxcb-xinput0", "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libICE.so.6": "libice6", "libSM.so.6": "libsm6",
}


def missing_libraries() -> list[str]:
    """Shared libraries Qt's xcb platform plugin needs but the system lacks (Linux only)."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    import PySide6
    qt = Path(PySide6.__file__).parent / "Qt"
    targets = [qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob("libQt6XcbQpa.so*"))[:1]]
    missing: set[str] = set()
    for target in targets:
        if not target.exists():
            continue
        out = subprocess.run(["ldd", str(target)], capture_output=True, text=True).stdout
        missing.update(re.findall(r"^\s*(\S+) => not found", out, flags=re.M))
    return sorted(missing)


def no_display() -> bool:
    """Linux with no X11 or Wayland display to open a window on (Qt would abort with a misleading
    message about xcb libraries)."""
    return (sys.platform.startswith("linux")
            and os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal", "vnc")
            and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")))


def main() -> int:
    problems = []
    if sys.platform.startswith("linux") and os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal"):
        if no_display():
            problems.append("no display: run it on a desktop, or under a virtual one: xvfb-run make run")
        libs = missing_libraries()
        if libs:
            packages = sorted({DEBIAN_PACKAGES.get(lib, lib) for lib in libs})
            problems.append("Qt's window system plugin needs system libraries that are missing: "
                            + ", ".join(libs) + "\n  install them with: sudo apt-get install -y " + " ".join(packages))
    for problem in problems:
        print(f"timeline-app: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
