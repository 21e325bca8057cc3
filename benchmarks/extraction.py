"""Extraction quality on the gold sets and extraction speed.

    python benchmarks/extraction.py [--shared ../shared] [--dir DIR ...] [--only-dirs] [--misses] [--speed-only]

--dir adds a folder of *.txt + *.gold.json pairs in the same gold format (e.g. a held-out set kept
outside the repo); --only-dirs scores only those folders.

Prints, per article and per set (seed, news-dev, news-long, news-real, each --dir): parties F1,
event-date recall, account recall and misattribution, reaction recall, and precision as the shared
scorer counts it (wrong%: predicted accounts on the wrong side; p-as-r%: predicted reactions whose actor
is a party); reaction recall per reacting actor over the development sets; then the time of a full
extraction of the seed (after import, first and warm), of the seed repeated to 1 MB and of 1 MB of the news
sets' articles (first and best of 3, and as ratios to a fixed reference workload timed in the same run).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline_app.extract.evaluation import Score, gold_sets, score_file  # noqa: E402


def quality(name: str, paths: list[Path], show_misses: bool) -> Score:
    total = Score(name)
    print(f"{'article':52} {'parties':>7} {'ev.date':>9} {'accounts':>9} {'misattr':>7} {'reactions':>9}"
          f" {'wrong%':>6} {'p-as-r%':>7}")
    for path in paths:
        s, _ = score_file(path)
        total.add(s)
        print(f"{s.name[:52]:52} {s.parties_f1:7.2f} {s.events_dated:3}/{s.events_gold:<3} {s.claims_found:4}/{s.claims_gold:<4}"
              f" {s.misattribution:7.2f} {s.reactions_found:4}/{s.reactions_gold:<4}"
              f" {s.accounts_wrong_side:2}/{s.accounts_pred:<3} {s.reactions_by_party:3}/{s.reactions_pred:<3}")
        if show_misses:
            for miss in s.misses:
                print("     miss", miss)
    print(f"{name:>10} TOTAL parties_f1={total.parties_f1:.2f} event_date_recall={total.event_recall:.2f}"
          f" claim_recall={total.account_recall:.2f} misattribution={total.misattribution:.2f}"
          f" wrong_side_share={total.wrong_side_share:.2f} reaction_recall={total.reaction_recall:.2f}"
          f" party_reaction_share={total.party_reaction_share:.2f}\n")
    return total


def speed(shared: Path) -> None:
    t0 = time.perf_counter()
    from timeline_app.extract.pipeline import extract
    from timeline_app.ingest import load
    t1 = time.perf_counter()
    seed = next((ROOT / "seeds").glob("*.txt"))          # the bundled default article
    meta = json.loads(seed.with_name(seed.stem + ".meta.json").read_text(encoding="utf-8")) \
        if seed.with_name(seed.stem + ".meta.json").is_file() else {}
    published = meta.get("published")
    reference = dt.date.fromisoformat(published[:10]) if published else None
    article = load(seed, reference)
    from timeline_app.extract import gazetteer, timex
    ta = time.perf_counter()
    gazetteer.get()
    tb = time.perf_counter()
    timex.tag(article.text, article.reference_date)      # the time tagger's own one-time set-up
    t2 = time.perf_counter()
    extract(article)
    t3 = time.perf_counter()
    print(f"first use: gazetteer load {1000 * (tb - ta):.1f} ms, time tagger set-up and first tag "
          f"{1000 * (t2 - tb):.1f} ms")
    runs = 10
    for _ in range(runs):
        extract(article)
    t4 = time.perf_counter()
    print(f"import {1000 * (t1 - t0):.0f} ms; seed extraction first call (after those) {1000 * (t3 - t2):.1f} ms, "
          f"warm {1000 * (t4 - t3) / runs:.1f} ms")
    big_text = (article.text + "\n\n") * (1_000_000 // (len(article.text) + 2) + 1)
    _time_large("1 MB article (the seed repeated)", article.model_copy(update={"text": big_text}), extract, timex)
    # The seed repeated is one article's vocabulary; real news of many articles reaches other code (groups,
    # acronyms, people): the news sets' articles one after another, to 1 MB.
    news = [path.with_name(path.name.removesuffix(".gold.json") + ".txt") for name, paths in gold_sets(shared).items()
            if name != "seed" for path in paths]
    texts = [path.read_text(encoding="utf-8") for path in news if path.is_file()]
    if texts:
        joined = "\n\n".join(texts)
        real_text = "\n\n".join([joined] * (1_000_000 // (len(joined) + 2) + 1))
        _time_large(f"1 MB of news ({len(texts)} articles of {shared / 'data'}, repeated)",
                    article.model_copy(update={"text": real_text}), extract, timex)


def _time_large(name: str, article, extract, timex) -> None:
    """The machine is shared: a large article's extraction is timed 3 times, each beside a fixed reference
    workload over the same text, and reported as CPU time (first, best) and as a ratio to the reference's best."""
    text = article.text
    extraction_cpu, reference_cpu, tagger_cpu = [], [], []
    for _ in range(3):
        c0 = time.process_time()
        _reference_work(text)
        c1 = time.process_time()
        timeline = extract(article)
        c2 = time.process_time()
        timex.tag(text, article.reference_date)
        c3 = time.process_time()
        reference_cpu.append(c1 - c0)
        extraction_cpu.append(c2 - c1)
        tagger_cpu.append(c3 - c2)
    ref = min(reference_cpu)
    print(f"{name} ({len(text) / 1e6:.2f} MB), CPU: first {extraction_cpu[0]:.2f} s, best of 3 "
          f"{min(extraction_cpu):.2f} s, {len(timeline.events)} events (the time tagger alone: "
          f"{min(tagger_cpu):.2f} s); reference workload {ref:.3f} s")
    print(f"    extraction = {extraction_cpu[0] / ref:.1f} x reference first, {min(extraction_cpu) / ref:.1f} x best "
          f"(time tagger {min(tagger_cpu) / ref:.1f} x)")


def _reference_work(text: str) -> int:
    """A fixed CPU workload of the extractor's kind (a regex scan and a Python loop over every word), to
    compare timings taken on a busy machine with: the same code measures the same ratio."""
    counts: dict[str, int] = {}
    for m in re.finditer(r"\w+", text):
        word = m.group().lower()
        counts[word] = counts.get(word, 0) + 1
    return len(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--dir", type=Path, action="append", default=[],
                        help="another folder of *.txt + *.gold.json pairs to score (repeatable)")
    parser.add_argument("--only-dirs", action="store_true", help="score only the --dir folders")
    parser.add_argument("--misses", action="store_true", help="list every gold item not found")
    parser.add_argument("--speed-only", action="store_true")
    args = parser.parse_args()
    if not args.speed_only:
        sets = {} if args.only_dirs else gold_sets(args.shared)
        for folder in args.dir:
            found = sorted(folder.glob("*.gold.json"))
            if not found:
                parser.error(f"no *.gold.json files in {folder}")
            sets[folder.name] = found
        development = Score("development")
        for name, paths in sets.items():
            score = quality(name, paths, args.misses)
            if name in ("seed", "news-dev", "news-long"):
                development.add(score)
        if development.reactions_by_actor:
            print("development sets, reaction recall per actor:", ", ".join(
                f"{a} {f}/{g}" for a, (f, g) in sorted(development.reactions_by_actor.items())))
    speed(args.shared)


if __name__ == "__main__":
    main()
