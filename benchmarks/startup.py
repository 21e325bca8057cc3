"""Start-up speed: process start -> first painted seed timeline (offscreen), and -> finished seed PNG export.

Runs each several times and prints the median and best, for the source tree and, when it has been built
(`make package`), the frozen app in dist/timeline-app. Targets: < 0.4 s each. "warm" is every start after
the first (the article's extraction comes from the cache); "cold" empties the cache before each run.
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


def measure(label, cmd, env, expect_line=None):
    timed(cmd, env, expect_line)  # warm the OS file cache (and the extraction cache) once
    for kind in ("warm", "cold"):
        times = [timed(cmd, env, expect_line, cold=kind == "cold") for _ in range(RUNS)]
        print(f"{label + ', ' + kind:<52} median {statistics.median(times):.3f} s   best {min(times):.3f} s")


def main() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIMELINE_APP_EXIT_AFTER_PAINT="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as users run it: compiled modules are cached after the first start
    with tempfile.TemporaryDirectory() as tmp:
        env["TIMELINE_APP_DATA_DIR"] = tmp  # fresh settings: always the seed
        env["TIMELINE_APP_CACHE_DIR"] = str(Path(tmp) / "cache")
        png = str(Path(tmp) / "seed.png")
        targets = [("source", [sys.executable, "-m", "timeline_app"])]
        frozen = ROOT / "dist" / "timeline-app" / "timeline-app"
        if frozen.exists():
            targets.append(("frozen", [str(frozen)]))
        for name, base in targets:
            measure(f"{name}: start -> first painted seed timeline", base, env, "painted")
            measure(f"{name}: seed PNG export (whole process)", base + ["export", str(SEED), "-o", png], env)


if __name__ == "__main__":
    main()
