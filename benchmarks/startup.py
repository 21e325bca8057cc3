"""Start-up speed: process start -> first painted seed timeline (offscreen), and -> finished seed PNG export.

Runs each several times and prints the median and best, for the source tree and, when it has been built
(`make package`), the frozen app in dist/timeline-app. Targets: < 0.4 s each. "warm" is every start after
the first (the article's extraction comes from the cache); "new article" opens a copy of the seed at a new
path (its extraction is not cached, everything else is: the everyday case of a new file); "cold" empties
every cache before each run (the first start after installing).
For scale on the machine at hand it first times two references: a bare PySide6 window that paints
one line of text, and the same window after importing the required data-model stack (pydantic and
timeline_app.model), the floor for any start that shows a timeline.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "armenia_azerbaijan_clashes.txt"
RUNS = int(os.environ.get("RUNS", "7"))


ARTICLE = "{article}"    # in a command: replaced by the path of a fresh copy of the seed ("new article")


def fresh_copy_of_seed() -> str:
    folder = Path(tempfile.mkdtemp())
    for source in SEED.parent.glob(SEED.stem + ".*"):      # the article and its .meta.json
        shutil.copy(source, folder / source.name)
    return str(folder / SEED.name)


def timed(cmd, env, expect_line=None, mode="warm") -> float:
    if mode == "cold":
        env = dict(env, TIMELINE_APP_CACHE_DIR=tempfile.mkdtemp())
    if ARTICLE in cmd:
        cmd = [fresh_copy_of_seed() if part == ARTICLE else part for part in cmd]
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
        # (label, command, line printed when done or None for "when it exits", warm | new article | cold)
        cases = [
            ("reference: bare PySide6 window", [sys.executable, "-c", BARE_WINDOW.format(preload="")], "painted", "warm"),
            ("reference: the same after importing the model",
             [sys.executable, "-c", BARE_WINDOW.format(preload="import timeline_app.model")], "painted", "warm"),
        ]
        apps = [("source", [sys.executable, "-m", "timeline_app"])]
        frozen = ROOT / "dist" / "timeline-app" / "timeline-app"
        if frozen.exists():
            apps.append(("frozen", [str(frozen)]))
        for name, base in apps:
            for mode in ("warm", "new article", "cold"):
                article = [ARTICLE] if mode == "new article" else []
                cases.append((f"{name}: start -> first painted seed timeline, {mode}", base + article, "painted", mode))
                cases.append((f"{name}: seed PNG export (whole process), {mode}",
                              base + ["export", ARTICLE if article else str(SEED), "-o", png], None, mode))
        for _, cmd, expect, _ in cases:
            timed(cmd, env, expect)  # warm the OS file cache (and the extraction cache) once
        # Round-robin, so that a slow spell of a shared machine hits every case alike.
        times = {label: [] for label, *_ in cases}
        for _ in range(RUNS):
            for label, cmd, expect, mode in cases:
                times[label].append(timed(cmd, env, expect, mode=mode))
        for label, *_ in cases:
            print(f"{label:<59} median {statistics.median(times[label]):.3f} s   best {min(times[label]):.3f} s")


if __name__ == "__main__":
    main()
