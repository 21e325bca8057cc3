"""Runs the frozen app (dist/timeline-app) headless: exports the seed to PNG, JSON, SVG and PDF, and the seed,
two saved web pages, a Markdown and a cp1252 file to JSON, each compared with the source run's; fails on any
traceback or difference.

Usage: python tests/smoke_frozen.py dist/timeline-app     (used by `make package-smoke`)
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
SIZE_BUDGET_MB = 110
DOCUMENTS = ROOT / "tests" / "data" / "ingest"
#: A page dated only in an element of its text, one dated only in its metadata, Markdown, cp1252 text.
COMPARED = ("date_in_element_only.html", "news_jsonld.html", "article.md", "cp1252_quotes.txt")


def _essentials(doc: dict) -> dict:
    """What must not differ between the frozen and the source app."""
    return {
        "reference": (doc["article"].get("reference_date"), doc["article"].get("reference_source")),
        "parties": sorted(p["name"] for p in doc["parties"]),
        "events": sorted((e["title"], (e.get("time") or {}).get("value")) for e in doc["events"]),
        "accounts": len(doc["accounts"]), "reactions": len(doc["reactions"]),
    }


def _compare_with_source(exe: Path, document: Path, tmp: Path, env: dict) -> list[str]:
    results = {}
    for label, command in (("frozen", [str(exe)]), ("source", [sys.executable, "-m", "timeline_app"])):
        out = tmp / f"{document.stem}.{label}.json"
        proc = subprocess.run([*command, "export", str(document), "-o", str(out)], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        if proc.returncode != 0 or "Traceback" in proc.stderr or not out.exists():
            return [f"{document.name} ({label}): exit {proc.returncode}\n{proc.stderr}"]
        results[label] = _essentials(json.loads(out.read_text(encoding="utf-8")))
    same = results["frozen"] == results["source"]
    print(f"frozen vs source, {document.name}: {'same' if same else 'DIFFERENT'} "
          f"(reference {results['frozen']['reference']}, {len(results['frozen']['events'])} events)")
    return [] if same else [f"{document.name}: frozen {results['frozen']} != source {results['source']}"]


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
        # Every reader, each compared with the source run: a module the bundle lacks must not quietly
        # change a result (a dateparser without pytz once turned a page's date into the file's date).
        for document in [seed, *(DOCUMENTS / name for name in COMPARED)]:
            failures += _compare_with_source(exe, document, Path(tmp), env)
        # A project: the corrected timeline is what gets exported.
        exported = Path(tmp) / "seed.json"
        if exported.exists():
            failures += _project_export(exe, env, seed, json.loads(exported.read_text(encoding="utf-8")), Path(tmp))
        version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
        if version.returncode != 0:
            failures.append(f"--version: exit {version.returncode}\n{version.stderr}")
    size = sum(f.lstat().st_size for f in app_dir.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"one-dir size: {size / 1e6:.1f} MB (budget {SIZE_BUDGET_MB} MB)")
    if size > SIZE_BUDGET_MB * 1e6:
        failures.append(f"the one-dir app is {size / 1e6:.1f} MB, over its {SIZE_BUDGET_MB} MB budget")
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
