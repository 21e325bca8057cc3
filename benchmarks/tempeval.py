"""TempEval-3 timex scores of timeline_app's tagger on the TBAQ training corpus (TimeBank + AQUAINT), or on
the WikiWars training split (narrative history: documents 01-16).

    python benchmarks/tempeval.py [--corpus tbaq|wikiwars|DIR] [--docs 01-12] [--sample N] [--errors [KIND ...]]

Prints strict and relaxed span P/R/F1, value F1 and type F1 (TempEval-3: attribute F1 = relaxed F1 ×
attribute accuracy on the relaxed matches), value F1 on the expressions whose year is not written in them
(what story-time anchoring decides), and the tagging speed in characters per second.
WikiWars gold is TIMEX2 converted to TIMEX3 (every tag typed DATE), so its type F1 means nothing; its
documents 01-12 are the ones to develop on, 13-16 are held back (``--docs 13-16``) to check generality.
The scoring lives in timeline_app/extract/timex/evaluate.py, shared with the tests.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline_app.extract.timex import tag  # noqa: E402
from timeline_app.extract.timex.evaluate import load_corpus, score_documents  # noqa: E402

CORPORA = {"tbaq": ROOT.parent / "shared" / "data" / "tempeval3" / "tbaq",
           "wikiwars": ROOT.parent / "shared" / "data" / "wikiwars-train" / "timex3"}


def _corpus(name: str) -> Path:
    return CORPORA.get(name, Path(name))


def _doc_numbers(spec: str) -> set[int]:
    """"01-12" -> {1..12}; "3,5,13-16" -> {3, 5, 13, 14, 15, 16}."""
    numbers: set[int] = set()
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        numbers.update(range(int(lo), int(hi or lo) + 1))
    return numbers


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=_corpus, default=CORPORA["tbaq"],
                    help="tbaq, wikiwars, or a folder of .tml files (searched recursively)")
    ap.add_argument("--docs", help="only the documents whose name starts with these numbers (WikiWars: 01-12, 13-16)")
    ap.add_argument("--sample", type=int, default=0, help="score only every k-th document so that about N are used")
    ap.add_argument("--errors", nargs="*", metavar="KIND",
                    help="print mistakes (all, or only these kinds: missed spurious span value type)")
    ap.add_argument("--limit", type=int, default=400, help="print at most this many mistakes")
    ap.add_argument("--repeat", type=int, default=1, help="tag the corpus this many times for the speed figure")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"tempeval: corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    docs = load_corpus(args.corpus)
    load_s = time.perf_counter() - t0
    if args.docs:
        wanted = _doc_numbers(args.docs)
        docs = [d for d in docs if d.name[:2].isdigit() and int(d.name[:2]) in wanted]
    if args.sample and args.sample < len(docs):
        step = len(docs) / args.sample
        docs = [docs[int(i * step)] for i in range(args.sample)]
    score = score_documents(docs, tag, keep_mistakes=args.errors is not None)
    for _ in range(args.repeat - 1):
        t1 = time.perf_counter()
        for d in docs:
            tag(d.text, d.dct)
        score.seconds = min(score.seconds, time.perf_counter() - t1)
    if args.errors is not None:
        kinds = set(args.errors) or {"missed", "spurious", "span", "value", "type"}
        shown = 0
        for mk in score.mistakes:
            if mk.kind not in kinds or shown >= args.limit:
                continue
            shown += 1
            gold = f"{mk.gold.type} {mk.gold.value}" if mk.gold else "-"
            found = f"{mk.found.type} {mk.found.value} «{mk.found.text}»" if mk.found else "-"
            print(f"{mk.kind:8} {mk.doc[:22]:22} gold {gold:24} got {found:40} | {mk.context}")
        print()
    print(f"TempEval-3 timex scores on {len(docs)} documents ({args.corpus.name}; loaded in {load_s:.2f} s)")
    print(score.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
