"""The publication day on the news sets: stated in the text, and inferred when the date is taken away.

    python benchmarks/reference_date.py [GOLD.json ...]     (default: ../shared/data/news-*/ and seed/)

For each article whose gold gives its publication (or reference) day: (1) whether the reader finds a stated
date and whether it is right; (2) with the file's date set to a day years later, what the inference
(ingest/infer.py) says: the right year, within 7 days, or nothing. An article that states no date is read as it
is (what the app sees); one that does has every date written in its header taken out first, the rest of those
lines kept (a wire story's dateline line is also its lead). The two groups are counted apart.
A quality benchmark, not a speed one: it prints counts.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline_app.ingest.dates import HEADER_LINES, _TEXT_DATES, _YEARLESS_DATES, find_stated_date  # noqa: E402
from timeline_app.ingest.infer import infer_publication, office_years  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
#: The file date the inference is run against: far from every article, as a file copied years later.
LATE_FILE_DATE = dt.date(2026, 12, 3)


def without_stated_date(text: str) -> str:
    """The text with every date written in its header lines taken out (the rest of each line kept)."""
    lines = text.splitlines()
    head = lines[:HEADER_LINES]
    for pattern in _TEXT_DATES + _YEARLESS_DATES:
        head = [pattern.sub("", line) for line in head]
    return "\n".join(head + lines[HEADER_LINES:])


def main(argv: list[str]) -> int:
    golds = [Path(a) for a in argv] or sorted(SHARED.glob("news-*/*.gold.json")) + sorted(SHARED.glob("seed/*.gold.json"))
    stated_n = stated_right = 0
    groups = {"states no date": Counter(), "date taken away": Counter()}
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        truth = gold.get("published") or gold.get("reference_date")
        if not truth:
            continue
        truth = dt.date.fromisoformat(truth[:10])
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        stated = find_stated_date(text, office_years=lambda: office_years(text))
        if stated is not None:
            stated_n += 1
            stated_right += stated.value.date() == truth
        group = groups["date taken away" if stated else "states no date"]
        inferred = infer_publication(without_stated_date(text) if stated else text, LATE_FILE_DATE)
        group["n"] += 1
        if inferred is None:
            group["nothing"] += 1
            got = "-"
        else:
            got = inferred.day.isoformat()
            group["right year"] += inferred.day.year == truth.year
            group["within 7 days"] += abs((inferred.day - truth).days) <= 7
        print(f"{gold_path.parent.name[:9]:9} {gold_path.name[:44]:44} truth {truth} stated "
              f"{stated.value.date() if stated else '-'!s:10} inferred {got:10} "
              f"{inferred.confidence if inferred else ''}")
    print(f"\nstated in the text: {stated_n} articles, {stated_right} right")
    for name, counts in [*groups.items(), ("all", sum(groups.values(), Counter()))]:
        n = max(counts["n"], 1)
        print(f"{name} ({counts['n']} articles, file date {LATE_FILE_DATE}): right year {counts['right year']} "
              f"({counts['right year'] / n:.0%}), within 7 days {counts['within 7 days']} "
              f"({counts['within 7 days'] / n:.0%}), no inference {counts['nothing']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
