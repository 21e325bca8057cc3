"""Runs the frozen app (dist/timeline-app) headless: exports the seed to PNG, JSON, SVG and PDF and a saved
web page to JSON; fails on any traceback.

Usage: python tests/smoke_frozen.py dist/timeline-app     (used by `make package-smoke`)
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(folder: str) -> int:
    app_dir = Path(folder)
    exe = app_dir / ("timeline-app.exe" if os.name == "nt" else "timeline-app")
    seed = next((app_dir / "_internal" / "seeds").glob("*.txt"))
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("png", "json", "svg", "pdf"):
            out = Path(tmp) / f"seed.{suffix}"
            start = time.perf_counter()
            proc = subprocess.run([str(exe), "export", str(seed), "-o", str(out)], env=env,
                                  capture_output=True, text=True, timeout=120)
            took = time.perf_counter() - start
            print(f"frozen export {suffix}: exit {proc.returncode}, {took:.2f} s, "
                  f"{out.stat().st_size if out.exists() else 0} bytes")
            if proc.returncode != 0 or "Traceback" in proc.stderr or not out.exists():
                failures.append(f"{suffix}: exit {proc.returncode}\n{proc.stderr}")
            elif suffix == "json":
                doc = json.loads(out.read_text(encoding="utf-8"))
                if doc.get("schema") != "timeline-app/1" or not doc.get("events"):
                    failures.append("json: no events or wrong schema")
            elif suffix == "png" and out.read_bytes()[:4] != b"\x89PNG":
                failures.append("png: not a PNG file")
        # A project: the corrected timeline is what gets exported.
        exported = Path(tmp) / "seed.json"
        if exported.exists():
            failures += _project_export(exe, env, seed, json.loads(exported.read_text(encoding="utf-8")), Path(tmp))
        # A saved web page: HTML extraction needs its package data inside the bundle.
        page = Path(__file__).resolve().parent / "data" / "ingest" / "news_jsonld.html"
        out = Path(tmp) / "page.json"
        proc = subprocess.run([str(exe), "export", str(page), "-o", str(out)], env=env, capture_output=True,
                              text=True, timeout=120)
        print(f"frozen export of an HTML page: exit {proc.returncode}")
        if proc.returncode != 0 or "Traceback" in proc.stderr or not out.exists():
            failures.append(f"html: exit {proc.returncode}\n{proc.stderr}")
        version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
        if version.returncode != 0:
            failures.append(f"--version: exit {version.returncode}\n{version.stderr}")
    size = sum(f.lstat().st_size for f in app_dir.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"one-dir size: {size / 1e6:.1f} MB")
    for failure in failures:
        print("FAILED", failure, file=sys.stderr)
    return 1 if failures else 0


def _project_export(exe: Path, env: dict, seed: Path, doc: dict, tmp: Path) -> list[str]:
    import hashlib
    text = doc["article"]["text"]
    event = doc["events"][0]
    a, b = event["span"]
    project = {"schema": "timeline-app-project/1", "document": doc,
               "article": {"path": str(seed.resolve()), "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
               "corrections": [{"kind": "event-title", "title": "Corrected in a project",
                                "event": {"span": [a, b], "quote": text[a:b], "key": event["id"]}}]}
    path = tmp / "seed.timeline.json"
    path.write_text(json.dumps(project), encoding="utf-8")
    failures = []
    for suffix in ("json", "png"):
        out = tmp / f"project.{suffix}"
        proc = subprocess.run([str(exe), "export", str(path), "-o", str(out)], env=env, capture_output=True,
                              text=True, timeout=120)
        print(f"frozen export of a project to {suffix}: exit {proc.returncode}")
        if proc.returncode != 0 or "Traceback" in proc.stderr or not out.exists():
            failures.append(f"project {suffix}: exit {proc.returncode}\n{proc.stderr}")
        elif suffix == "json" and "Corrected in a project" not in out.read_text(encoding="utf-8"):
            failures.append("project json: the correction is not in the export")
    return failures


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist/timeline-app"))
