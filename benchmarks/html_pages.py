"""How well ingest reads real saved news pages: main text kept, boilerplate dropped, title, date.

    .venv/bin/python benchmarks/html_pages.py [CORPUS_DIR] [--set NAME] [--verbose]

CORPUS_DIR (default /work/htmlcorpus) holds one folder per source set, and in it one folder per
page::

    CORPUS_DIR/<set>/<page>/source.html      the page as saved (any encoding)
    CORPUS_DIR/<set>/<page>/expected.json    {"title": str|null, "published": "YYYY-MM-DD"|null,
                                              "body_snippets": [str, ...], "boilerplate": [str, ...]}

A null title or date, or an empty list, means "not known for this page": that measure skips it.
Third-party pages are never committed to this repository; build the corpus outside it:

    .venv/bin/python benchmarks/html_pages.py --build /work/htmlcorpus

downloads three source distributions from PyPI (pip download; their test data, not their code, is
used) and converts their saved pages and expected results:

* trafilatura-realworld  trafilatura 1.0.0 tests/cache + realworld_tests.py ("x in result" ->
                         body snippet, "x not in result" -> boilerplate; snippets inside a
                         readers' comments box go to "comment_snippets", not scored)
* htmldate               htmldate 1.2.0 tests/cache + unit_tests.py expected dates
* newspaper4k            newspaper4k 0.9.6 tests/data: title, publish_date, paragraphs of the
                         text; boilerplate = visible text of nav, footer, aside, share, cookie,
                         related ... boxes that is not in the expected text

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
    parser.add_argument("--build", action="store_true", help="download the sources and (re)build the corpus")
    args = parser.parse_args(argv)
    if args.build:
        build_corpus(args.corpus)
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


# ---- building the corpus from PyPI source distributions ------------------------------------------

SOURCES = ("trafilatura==1.0.0", "htmldate==1.2.0", "newspaper4k==0.9.6")
_COMMENT_BOX = re.compile(r"comment|respond|reply|discussion|disqus", re.I)
_CHROME_BOX = re.compile(r"cookie|consent|newsletter|subscri|share|social|related|recommend|promo|advert|breadcrumb|"
                         r"menu|sidebar|comment|footer|(^|[\s_-])nav|masthead|most-?popular|trending", re.I)


def build_corpus(out: Path) -> None:
    import subprocess
    import tarfile
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        "--dest", str(work), *SOURCES], check=True)
        for archive in work.glob("*.tar.gz"):
            with tarfile.open(archive) as tar:
                tar.extractall(work, filter="data")
        counts = {
            "trafilatura-realworld": _build_trafilatura(next(work.glob("trafilatura-*/tests")), out),
            "htmldate": _build_htmldate(next(work.glob("htmldate-*/tests")), out),
            "newspaper4k": _build_newspaper(next(work.glob("newspaper4k-*/tests/data")), out),
        }
    print("built", ", ".join(f"{name}: {count} pages" for name, count in counts.items()), "in", out)


def _write_page(out: Path, set_name: str, name: str, source: Path, expected: dict) -> None:
    import shutil

    folder = out / set_name / re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:80]
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, folder / "source.html")
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")


def _mock_pages(tree) -> dict:
    import ast

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            return ast.literal_eval(node.value)
    return {}


def _build_trafilatura(tests: Path, out: Path) -> int:
    import ast

    tree = ast.parse((tests / "realworld_tests.py").read_text(encoding="utf-8"))
    pages = _mock_pages(tree)
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "test_extract")
    found: dict[str, dict[str, list[str]]] = {}
    current = None

    def visit(statements) -> None:
        nonlocal current
        for statement in statements:
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call) \
                    and getattr(statement.value.func, "id", "") == "load_mock_page":
                current = ast.literal_eval(statement.value.args[0])
                found.setdefault(current, {"with": [], "without": []})
            elif isinstance(statement, ast.Assert) and current:
                for node in ast.walk(statement.test):
                    if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.left, ast.Constant) \
                            and getattr(node.comparators[0], "id", "") == "result" \
                            and isinstance(node.left.value, str) and node.left.value.strip():
                        key = {ast.In: "with", ast.NotIn: "without"}.get(type(node.ops[0]))
                        if key and node.left.value not in found[current][key]:
                            found[current][key].append(node.left.value)
            elif isinstance(statement, ast.If):
                visit(statement.body)

    visit(function.body)
    count = 0
    for url, claims in found.items():
        name = pages.get(url)
        source = tests / "cache" / name if name else None
        if not source or not source.exists() or not claims["with"]:
            continue
        body, comments = _split_comment_snippets(source, claims["with"])
        expected = {"url": url, "title": None, "published": None, "body_snippets": body,
                    "boilerplate": claims["without"]}
        if comments:
            expected["comment_snippets"] = comments
        _write_page(out, "trafilatura-realworld", name.rsplit(".html", 1)[0], source, expected)
        count += 1
    return count


def _build_htmldate(tests: Path, out: Path) -> int:
    import ast

    tree = ast.parse((tests / "unit_tests.py").read_text(encoding="utf-8"))
    pages = _mock_pages(tree)
    claims: dict[str, list[tuple[object, str]]] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq)):
            continue
        call, value = node.left, node.comparators[0]
        if not (isinstance(call, ast.Call) and getattr(call.func, "id", "") == "find_date"
                and isinstance(value, ast.Constant) and re.fullmatch(r"\d{4}-\d\d-\d\d", str(value.value))):
            continue
        if not call.args or not isinstance(call.args[0], ast.Call) \
                or getattr(call.args[0].func, "id", "") != "load_mock_page" or len(call.args[0].args) != 1:
            continue
        options = {k.arg: getattr(k.value, "value", None) for k in call.keywords}
        if set(options) - {"original_date", "extensive_search"}:
            continue
        url = ast.literal_eval(call.args[0].args[0])
        claims.setdefault(url, []).append((options.get("original_date"), value.value))
    count = 0
    for url, dates in claims.items():
        original = {day for flag, day in dates if flag is True}
        default = {day for flag, day in dates if flag is None}
        if len(original) == 1:
            day = original.pop()
        elif not original and len(default) == 1 and not any(flag is False for flag, _ in dates):
            day = default.pop()  # no "latest date" claim that could differ from the original
        else:
            continue
        name = pages.get(url)
        if name and (tests / "cache" / name).exists():
            _write_page(out, "htmldate", name.rsplit(".html", 1)[0], tests / "cache" / name,
                        {"url": url, "title": None, "published": day, "body_snippets": [], "boilerplate": []})
            count += 1
    return count


def _build_newspaper(data: Path, out: Path) -> int:
    count = 0
    for page in sorted((data / "html").glob("*.html")):
        meta_path, text_path = data / "metadata" / f"{page.stem}.json", data / "txt" / f"{page.stem}.txt"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        text = meta.get("text") or (text_path.read_text(encoding="utf-8") if text_path.exists() else "")
        if not text.strip() or page.stat().st_size < 2000:
            continue
        paragraphs = [line.strip() for line in text.split("\n") if len(line.strip()) >= 30]
        expected = {"url": meta.get("url"), "title": meta.get("title") or None,
                    "published": (meta.get("publish_date") or "")[:10] or None, "body_snippets": paragraphs}
        expected["boilerplate"] = _chrome_strings(page, paragraphs, expected["title"] or "")
        _write_page(out, "newspaper4k", page.stem, page, expected)
        count += 1
    return count


def _page_tree(source: Path):
    from lxml import html as lxml_html

    from timeline_app.ingest.decode import decode
    from timeline_app.ingest.formats.html import declared_charset

    raw = source.read_bytes()
    text = re.sub(r"\A\s*<\?xml[^>]*\?>", "", decode(raw, declared=declared_charset(raw)).text)
    return lxml_html.document_fromstring(text)


def _marks(element) -> str:
    return " ".join(filter(None, (element.get("class"), element.get("id"))))


def _split_comment_snippets(source: Path, snippets: list[str]) -> tuple[list[str], list[str]]:
    """Snippets whose deepest holder sits in a readers' comments box: ingest drops those on purpose."""
    tree = _page_tree(source)
    body, comments = [], []
    for snippet in snippets:
        key, holder = squash(snippet), None
        for element in tree.iter():
            if isinstance(element.tag, str) and key and key in squash(element.text_content()):
                holder = element
        in_comments = holder is not None and any(
            _COMMENT_BOX.search(_marks(node)) for node in [holder, *holder.iterancestors()]
            if node.tag not in ("body", "html") and _marks(node))
        (comments if in_comments else body).append(snippet)
    return body, comments


def _chrome_strings(source: Path, paragraphs: list[str], title: str) -> list[str]:
    """Visible text of the page's chrome (nav, footer, aside, share, cookie ... boxes) that is not
    part of the expected story: at most 25 strings of 20-200 characters."""
    tree = _page_tree(source)
    for element in list(tree.iter("script", "style", "noscript", "template", "svg")):
        element.drop_tree()
    story = squash(" ".join(paragraphs)) + squash(title)

    def chrome(element) -> bool:
        if element.tag in ("nav", "footer", "aside"):
            return True
        if element.tag == "header" and not any(a.tag in ("article", "main") for a in element.iterancestors()):
            return True
        return bool(_marks(element) and _CHROME_BOX.search(_marks(element)))

    found: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or not chrome(element) or any(chrome(a) for a in element.iterancestors()):
            continue
        whole = squash(element.text_content())
        if any(len(squash(p)) > 30 and squash(p) in whole for p in paragraphs[:50]):
            continue  # this box holds the story itself
        for block in element.iter("li", "p", "h2", "h3", "h4", "a", "button", "label", "dt", "dd", "figcaption"):
            text = " ".join(block.text_content().split())
            if 20 <= len(text) <= 200 and len(squash(text)) >= 12 and squash(text) not in story and text not in found:
                found.append(text)
    return found[:25]


if __name__ == "__main__":
    sys.exit(main())
