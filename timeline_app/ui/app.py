"""Starting the window: QApplication, the bundled font, settings, a crash handler, the first article."""
from __future__ import annotations

import datetime as dt
import gc
import os
import sys
import traceback
from pathlib import Path
from typing import Optional


#: The window waits this long at most for its first article, so that it opens with the timeline drawn.
SHOW_DEADLINE_MS = 400


def run_app(path: Optional[str] = None, reference_date: Optional[dt.date] = None) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("timeline-app")
    app.setApplicationDisplayName("Timeline")
    window = create_main_window(app)
    _install_crash_handler(window)
    if os.environ.get("TIMELINE_APP_EXIT_AFTER_PAINT"):
        _exit_after_first_paint(app, window)
    first = initial_article(path, window.settings)
    if first is not None:
        window.loadFinished.connect(lambda: QTimer.singleShot(0, _start_up_done), Qt.ConnectionType.SingleShotConnection)
        window.open_path(first, reference_date=reference_date)
    else:
        _start_up_done()
    window.show_when_loaded(SHOW_DEADLINE_MS)
    QTimer.singleShot(0, window.projects.offer_recovery)   # an autosave left by a crash
    return app.exec()


def _start_up_done() -> None:
    """cli.main keeps the garbage collector off for start-up; it comes back once the first article is
    shown. What start-up built (modules, classes, the window: ~60k objects) lives as long as the app,
    so it is frozen out of later collections, which would otherwise walk it each time (~15-25 ms, a
    dropped frame in the middle of a zoom)."""
    gc.freeze()
    gc.enable()


def create_main_window(app):
    """The window with the bundled font applied and the user's settings loaded."""
    from PySide6.QtGui import QFont

    from .. import render
    from ..settings import Settings
    from .main_window import MainWindow

    family = render.load_fonts()
    if family:
        app.setFont(QFont(family, 10))
    return MainWindow(settings=Settings.load())


def initial_article(path: Optional[str], settings) -> Optional[Path]:
    """FILE if given; else the last article when the user asked to reopen it; else the bundled seed."""
    if path is not None:
        return Path(path)
    last = settings.last_article_path if settings is not None and settings.reopen_last else None
    if last is not None:
        return last
    from ..resources import seed_path
    return seed_path()


def _exit_after_first_paint(app, window) -> None:
    """For benchmarks/startup.py: print 'painted' once the timeline has been drawn with events, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and window.document.timeline is not None:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
            return False

    window._first_paint = FirstPaint(window)
    window.timeline_view.installEventFilter(window._first_paint)


def _install_crash_handler(window) -> None:
    """An unexpected error shows a dialog and is logged, instead of killing the window silently."""
    previous = sys.excepthook

    def handle(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log = _write_crash_log(text)
        where = f"\nDetails were saved to {log}." if log else ""
        try:
            window.show_error("Something went wrong", f"{exc_type.__name__}: {exc}{where}")
        except Exception:  # the window itself may be what broke
            previous(exc_type, exc, tb)

    sys.excepthook = handle


def _write_crash_log(text: str) -> Optional[Path]:
    try:
        from ..appdirs import log_dir
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "crash.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{text}\n")
        return log
    except OSError:
        return None
