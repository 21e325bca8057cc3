"""How well ingest reads real saved news pages: main text kept, boilerplate dropped, title, date.

    .venv/bin/python benchmarks/html_pages.py [CORPUS_DIR] [--set NAME] [--verbose]

CORPUS_DIR (default /work/htmlcorpus) holds one folder per source set, and in it one folder per
page::

    CORPUS_DIR/<set>/<page>/source.html      the page as saved (any encoding)
    CORPUS_DIR/<set>/<page>/expected.json    {"title": str|null, "published": "YYYY-MM-DD"|null,
                                              "body_snippets": [str, ...], "boilerplate": [str, ...]}

A null title or date, or an empty list, means "not known for this page": that measure skips it.
Third-party pages are never committed to this repository; build the corpus outside it.

Measures, per set and in total:

* recall       fraction of body snippets found in Article.text
* boilerplate  fraction of known boilerplate strings absent from Article.text
* title        Article.title equals the expected title (normalised), or one contains the other
               and the shorter is at least 70 % of the longer
* date         Article.published falls on the expected day
* title~url    for pages with a known URL whose last path segment is a slug of 3+ words, at least
               3/4 of the slug's words appear in Article.title (a weak, independent title check)

Snippets match ignoring case, punctuation, whitespace and quote styles, so that a paragraph
split or a curly apostrophe does not count as lost text; boilerplate matches as written, up to
whitespace (the sources' own tests do the same: "Kommentieren" the button, not "kommentieren"
inside a sentence). "comment_snippets" (readers' comments, which ingest
drops on purpose) are not scored. Exits 0 with a message when the corpus is absent.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline_app.ingest import IngestError, load  # noqa: E402

DEFAULT_CORPUS = Path("/work/htmlcorpus")


def squash(text: str) -> str:
    """Lower-case letters and digits only: robust to spacing, punctuation and quote styles."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(ch for ch in text if ch.isalnum())


def spaced(text: str) -> str:
    """Whitespace runs as one space: boilerplate is matched as written (case, punctuation)."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def words_of(text: str) -> list[str]:
    """ASCII words, accents dropped ("Erdöl" -> "erdol") and spelled out ("erdoel") as slugs do."""
    found = []
    for spelled in (text or "", _spell_out(text or "")):
        plain = unicodedata.normalize("NFKD", spelled).lower()
        plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
        found += re.findall(r"[a-z0-9]+", plain)
    return found


def _spell_out(text: str) -> str:
    for letter, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        text = text.replace(letter, spelled)
    return text


def slug_words(url: str) -> list[str]:
    """Words of the URL's last meaningful path segment, when it is a slug ("talks-resume-in-x")."""
    segments = [seg for seg in re.sub(r"[?#].*", "", url).split("/")[3:] if seg]
    for segment in reversed(segments):
        segment = re.sub(r"\.(html?|php|aspx?)$", "", segment)
        found = list(dict.fromkeys(w for w in words_of(segment.replace("_", "-")) if not w.isdigit()))
        if any(re.search(r"\d", w) and re.search(r"[a-z]", w) and len(w) >= 6 for w in found):
            return []  # an id ("76e426d9-56de-..."), not words
        if len(found) >= 3:
            return found
        if found:
            return []
    return []


def title_matches(found: str, expected: str) -> bool:
    got, want = squash(found), squash(expected)
    if not got or not want:
        return False
    if got == want:
        return True
    short, long_ = sorted((got, want), key=len)
    return short in long_ and len(short) >= 0.7 * len(long_)


@dataclass
class Tally:
    pages: int = 0
    errors: int = 0
    snippets: int = 0
    snippets_found: int = 0
    boilerplate: int = 0
    boilerplate_absent: int = 0
    titles: int = 0
    titles_right: int = 0
    dates: int = 0
    dates_right: int = 0
    slugs: int = 0
    slugs_right: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("pages", "errors", "snippets", "snippets_found", "boilerplate", "boilerplate_absent",
                     "titles", "titles_right", "dates", "dates_right", "slugs", "slugs_right",
                     "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures


def measure_page(folder: Path) -> Tally:
    tally = Tally(pages=1)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    try:
        article = load(folder / "source.html")
    except IngestError as exc:
        tally.errors = 1
        tally.failures.append(f"{folder.name}: error {exc}")
        article = None
    tally.seconds = time.perf_counter() - started
    text = squash(article.text) if article else ""
    text_spaced = spaced(article.text) if article else ""
    snippets = [s for s in expected.get("body_snippets") or [] if squash(s)]
    tally.snippets = len(snippets)
    for snippet in snippets:
        if squash(snippet) in text:
            tally.snippets_found += 1
        else:
            tally.failures.append(f"{folder.name}: lost   {snippet[:90]!r}")
    boilerplate = [s for s in expected.get("boilerplate") or [] if squash(s)]
    tally.boilerplate = len(boilerplate)
    for junk in boilerplate:
        if spaced(junk) in text_spaced:
            tally.failures.append(f"{folder.name}: kept   {junk[:90]!r}")
        else:
            tally.boilerplate_absent += 1
    if expected.get("title"):
        tally.titles = 1
        got = article.title if article else ""
        if title_matches(got, expected["title"]):
            tally.titles_right = 1
        else:
            tally.failures.append(f"{folder.name}: title  {got[:70]!r} != {expected['title'][:70]!r}")
    slug = slug_words(expected.get("url") or "")
    if slug:
        tally.slugs = 1
        title_words = set(words_of(article.title if article else ""))
        if sum(word in title_words for word in slug) >= 0.75 * len(slug):
            tally.slugs_right = 1
        else:
            tally.failures.append(f"{folder.name}: title~ {article.title[:70] if article else ''!r} vs slug {' '.join(slug)!r}")
    if expected.get("published"):
        tally.dates = 1
        got = article.published.date().isoformat() if article and article.published else None
        if got == expected["published"][:10]:
            tally.dates_right = 1
        else:
            note = article.reference_note if article else ""
            tally.failures.append(f"{folder.name}: date   {got} != {expected['published'][:10]} ({note[:60]})")
    return tally


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:6.3f} ({part}/{whole})" if whole else "     - (0/0)"


def row(name: str, tally: Tally) -> str:
    return (f"{name:24s} {tally.pages:5d} {tally.errors:4d}  {ratio(tally.snippets_found, tally.snippets):18s} "
            f"{ratio(tally.boilerplate_absent, tally.boilerplate):16s} {ratio(tally.titles_right, tally.titles):14s} "
            f"{ratio(tally.dates_right, tally.dates):14s} {ratio(tally.slugs_right, tally.slugs):14s} "
            f"{tally.seconds / max(tally.pages, 1):6.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--set", dest="only", help="measure only this source set")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every lost, kept or wrong item")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus} (see this script's docstring for the format)")
        return 0
    sets = sorted(p for p in args.corpus.iterdir() if p.is_dir() and (not args.only or p.name == args.only))
    print(f"{'set':24s} {'pages':>5s} {'err':>4s}  {'recall':18s} {'boilerplate gone':16s} "
          f"{'title':14s} {'date':14s} {'title~url':14s} {'s/page':>6s}")
    total = Tally()
    for folder in sets:
        pages = sorted(p for p in folder.iterdir() if (p / "source.html").is_file() and (p / "expected.json").is_file())
        if not pages:
            continue
        tally = Tally()
        for page in pages:
            tally.add(measure_page(page))
        print(row(folder.name, tally))
        total.add(tally)
        if args.verbose:
            for line in tally.failures:
                print("    " + line)
    if total.pages:
        print(row("TOTAL", total))
    else:
        print(f"skipped: no pages under {args.corpus}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
