"""Start-up speed: process start -> first painted seed timeline (offscreen), and -> finished seed PNG export.

Runs each several times and prints the median and best, for the source tree and, when it has been built
(`make package`), the frozen app in dist/timeline-app. Targets: < 0.4 s each. "warm" is every start after
the first (the article's extraction comes from the cache); "cold" empties the cache before each run.
For scale on the machine at hand it first times two references: a bare PySide6 window that paints
one line of text, and the same window after importing the required data-model stack (pydantic and
timeline_app.model), the floor for any start that shows a timeline.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "armenia_azerbaijan_clashes.txt"
RUNS = int(os.environ.get("RUNS", "7"))


def timed(cmd, env, expect_line=None, cold=False) -> float:
    if cold:
        env = dict(env, TIMELINE_APP_CACHE_DIR=tempfile.mkdtemp())
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    if expect_line:
        for line in proc.stdout:
            if line.strip() == expect_line:
                took = time.perf_counter() - start
                break
        else:
            raise SystemExit(f"{cmd}: never printed {expect_line!r}: {proc.stderr.read()}")
        proc.wait(timeout=30)
        return took
    _, err = proc.communicate(timeout=60)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd}: exit {proc.returncode}: {err}")
    return time.perf_counter() - start


#: A bare PySide6 window: QApplication, one widget painting a line of text, quit after the first paint.
BARE_WINDOW = """
import sys
{preload}
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
class Window(QWidget):
    def paintEvent(self, event):
        painter = QPainter(self)
        painter.drawText(10, 20, "timeline")
        painter.end()
        QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
window = Window()
window.resize(800, 600)
window.show()
app.exec()
"""


def main() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIMELINE_APP_EXIT_AFTER_PAINT="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as users run it: compiled modules are cached after the first start
    with tempfile.TemporaryDirectory() as tmp:
        env["TIMELINE_APP_DATA_DIR"] = tmp  # fresh settings: always the seed
        env["TIMELINE_APP_CACHE_DIR"] = str(Path(tmp) / "cache")
        png = str(Path(tmp) / "seed.png")
        # (label, command, line printed when done or None for "when it exits", cold cache?)
        cases = [
            ("reference: bare PySide6 window", [sys.executable, "-c", BARE_WINDOW.format(preload="")], "painted", False),
            ("reference: the same after importing the model",
             [sys.executable, "-c", BARE_WINDOW.format(preload="import timeline_app.model")], "painted", False),
        ]
        apps = [("source", [sys.executable, "-m", "timeline_app"])]
        frozen = ROOT / "dist" / "timeline-app" / "timeline-app"
        if frozen.exists():
            apps.append(("frozen", [str(frozen)]))
        for name, base in apps:
            for cold in (False, True):
                kind = "cold" if cold else "warm"
                cases.append((f"{name}: start -> first painted seed timeline, {kind}", base, "painted", cold))
                cases.append((f"{name}: seed PNG export (whole process), {kind}",
                              base + ["export", str(SEED), "-o", png], None, cold))
        for _, cmd, expect, _ in cases:
            timed(cmd, env, expect)  # warm the OS file cache (and the extraction cache) once
        # Round-robin, so that a slow spell of a shared machine hits every case alike.
        times = {label: [] for label, *_ in cases}
        for _ in range(RUNS):
            for label, cmd, expect, cold in cases:
                times[label].append(timed(cmd, env, expect, cold=cold))
        for label, *_ in cases:
            print(f"{label:<52} median {statistics.median(times[label]):.3f} s   best {min(times[label]):.3f} s")


if __name__ == "__main__":
    main()
