"""Ingest timings: big inputs open fast, and plain text never pays for the HTML machinery.

    .venv/bin/python benchmarks/ingest.py

Generates synthetic inputs in a temporary directory: a 10 MB UTF-8 text (target < 2 s), a 10 MB
Windows-1252 text (legacy decoding path), a 2 MB news-shaped HTML page (target < 1 s), a small
.txt and .html; measures the cold import cost in fresh processes. Prints one line per measurement.
"""
from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline_app.ingest import load  # noqa: E402

WORDS = ("the ministry said forces had shelled villages near the border on Tuesday night while "
         "officials in the capital called for talks and a ceasefire according to a statement").split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 30))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def big_text(path: Path, size: int, encoding: str) -> None:
    rng = random.Random(1)
    parts, total = ["A very long article about the border war\n\n"], 0
    while total < size:
        piece = paragraph(rng) + " “Quoted,” he said — café.\n\n"
        parts.append(piece)
        total += len(piece)
    path.write_bytes("".join(parts).encode(encoding))


def big_markdown(path: Path, size: int) -> None:
    rng = random.Random(3)
    parts, total = ["# A long Markdown article\n\n"], 0
    while total < size:
        piece = f"Officials said **{rng.choice(WORDS)}** and [{rng.choice(WORDS)}](https://x.example/a). " \
                f"{paragraph(rng)}\n\n"
        if rng.random() < 0.1:
            piece += "## A subheading\n\n- a list item\n- another item\n\n"
        parts.append(piece)
        total += len(piece)
    path.write_text("".join(parts), encoding="utf-8")


def big_html(path: Path, size: int) -> None:
    rng = random.Random(2)
    nav = "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(300))
    script = "<script>" + "var x=" + "1+" * 20000 + "1;</script>"
    related = "".join(f"<li><a href='/story/{i}'>{sentence(rng)}</a></li>" for i in range(200))
    comments = "".join(f"<div class='comment'><p>{paragraph(rng)}</p></div>" for i in range(150))
    head = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Long story | Example</title>"
            "<meta property='article:published_time' content='2022-09-13T15:05:00Z'>"
            f"{script}</head><body><nav><ul>{nav}</ul></nav>"
            "<div class='cookie-banner'>We use cookies. Accept all</div><article><h1>Long story</h1>")
    tail = (f"</article><aside class='related'><ul>{related}</ul></aside>"
            f"<section class='comments'>{comments}</section><footer>© Example</footer></body></html>")
    body, total = [], len(head) + len(tail)
    while total < size:
        block = f"<p>{paragraph(rng)}</p>\n"
        if rng.random() < 0.1:
            block += "<div class='ad'>Advertisement</div>\n"
        body.append(block)
        total += len(block)
    path.write_text(head + "".join(body) + tail, encoding="utf-8")


def timed(path: Path, repeat: int = 3) -> tuple[float, int]:
    best, chars = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        article = load(path)
        best = min(best, time.perf_counter() - start)
        chars = len(article.text)
    return best, chars


def cold(code: str) -> float:
    """Wall time of a fresh interpreter running ``code`` (best of 3)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        small_txt, small_html = tmp / "small.txt", tmp / "small.html"
        small_txt.write_text("Title\n\nMOSCOW, Sept 13 (Reuters) - Fighting resumed.\n", encoding="utf-8")
        big_html(small_html, 40_000)
        cases = [
            ("10 MB UTF-8 .txt", tmp / "big_utf8.txt", lambda p: big_text(p, 10 * 2**20, "utf-8"), 2.0),
            ("10 MB cp1252 .txt", tmp / "big_cp1252.txt", lambda p: big_text(p, 10 * 2**20, "cp1252"), 2.0),
            ("2 MB news .html", tmp / "big.html", lambda p: big_html(p, 2 * 2**20), 1.0),
            ("1 MB Markdown .md", tmp / "big.md", lambda p: big_markdown(p, 2**20), 2.0),
        ]
        load(small_html)  # warm the lazy imports so the big-file timings measure the work alone
        for label, path, make, target in cases:
            make(path)
            seconds, chars = timed(path)
            verdict = "ok" if seconds < target else "SLOW"
            print(f"{label:<20} {path.stat().st_size / 2**20:5.1f} MB  load {seconds:6.3f} s "
                  f"(target < {target:.0f} s: {verdict}); {chars:,} chars of text")
        base = cold("import timeline_app.model")
        txt = cold(f"from timeline_app.ingest import load; load({str(small_txt)!r})")
        html = cold(f"from timeline_app.ingest import load; load({str(small_html)!r})")
        traf = cold("import trafilatura")
        print(f"cold start: import model {base:.3f} s; open small .txt {txt:.3f} s "
              f"(+{txt - base:.3f}); open small .html {html:.3f} s (+{html - base:.3f}); "
              f"import trafilatura alone {traf:.3f} s")
        start = time.perf_counter()
        load(small_html)
        print(f"small .html ({small_html.stat().st_size // 1024} KB) warm load {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
