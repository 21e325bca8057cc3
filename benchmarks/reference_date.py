"""The publication day on the news sets: stated in the text, and inferred when the date is taken away.

    python benchmarks/reference_date.py [GOLD.json ...]     (default: ../shared/data/news-*/ and seed/)

For each article whose gold gives its publication (or reference) day: (1) whether the reader finds a stated
date and whether it is right; (2) with every dated line of the header taken away and the file's date set to a
day years later, what the inference (ingest/infer.py) says: the right year, within 7 days, or nothing.
A quality benchmark, not a speed one: it prints counts.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline_app.ingest.dates import HEADER_LINES, _TEXT_DATES, _YEARLESS_DATES, find_stated_date  # noqa: E402
from timeline_app.ingest.infer import infer_publication, office_years  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
#: The file date the inference is run against: far from every article, as a file copied years later.
LATE_FILE_DATE = dt.date(2026, 12, 3)


def without_stated_date(text: str) -> str:
    """The text with every header line that carries a date removed."""
    lines = text.splitlines()
    head = [line for line in lines[:HEADER_LINES]
            if not any(p.search(line) for p in _TEXT_DATES + _YEARLESS_DATES)]
    return "\n".join(head + lines[HEADER_LINES:])


def main(argv: list[str]) -> int:
    golds = [Path(a) for a in argv] or sorted(SHARED.glob("news-*/*.gold.json")) + sorted(SHARED.glob("seed/*.gold.json"))
    stated_n = stated_right = 0
    n = right_year = within_week = nothing = 0
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
        inferred = infer_publication(without_stated_date(text), LATE_FILE_DATE)
        n += 1
        if inferred is None:
            nothing += 1
            got = "-"
        else:
            got = inferred.day.isoformat()
            right_year += inferred.day.year == truth.year
            within_week += abs((inferred.day - truth).days) <= 7
        print(f"{gold_path.parent.name[:9]:9} {gold_path.name[:44]:44} truth {truth} stated "
              f"{stated.value.date() if stated else '-'!s:10} inferred {got:10} "
              f"{inferred.confidence if inferred else ''}")
    print(f"\nstated in the text: {stated_n} articles, {stated_right} right")
    print(f"date taken away ({n} articles, file date {LATE_FILE_DATE}): right year {right_year} "
          f"({right_year / max(n, 1):.0%}), within 7 days {within_week} ({within_week / max(n, 1):.0%}), "
          f"no inference {nothing}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
