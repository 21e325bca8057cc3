"""Check resources/officeholders/: every term has a start, ends on or after it, names a side the gazetteer
knows, and no two terms of one office overlap (collegial roles excepted); every supplement row names its
source. Prints one line per problem; exit status 1 if there is any. Run: ``python tools/check_officeholders.py``.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.extract import gazetteer  # noqa: E402
from timeline_app.knowledge import officeholders as oh  # noqa: E402
from timeline_app.resources import resource_path  # noqa: E402

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def problems() -> list[str]:
    found: list[str] = []
    parsed = {}
    for name in oh.FILES:
        try:
            parsed[name] = oh.parse(resource_path("officeholders", name).read_text(encoding="utf-8"), name)
        except oh.OfficeHoldersError as error:
            found.append(str(error))
    if found:
        return found
    (reign, _), (supplement, collegial) = parsed["reign.tsv"], parsed["supplement.tsv"]
    gaz = gazetteer.get()
    keys: dict[tuple, oh.Term] = {}
    for term in reign + supplement:
        where = f"{term.file}:{term.line}"
        if not term.names:
            found.append(f"{where}: no name")
        if not term.start:
            found.append(f"{where}: no start")
        elif term.last_day is not None and term.last_day < term.first_day:
            found.append(f"{where}: ends ({term.end}) before it starts ({term.start})")
        if term.side not in gaz.entities and term.side not in gaz.state_codes:
            found.append(f"{where}: unknown side {term.side!r}")
        if not term.source:
            found.append(f"{where}: no source")
        if not _DAY.fullmatch(term.retrieved):
            found.append(f"{where}: retrieved {term.retrieved!r} is not a day")
    for term in supplement:
        key = (term.role, term.side, term.start)
        if key in keys:
            found.append(f"{term.file}:{term.line}: same role, side and start as line {keys[key].line}")
        keys[key] = term
        if not term.source.startswith("https://"):
            found.append(f"{term.file}:{term.line}: the source is not the address of a public reference")
    found.extend(overlaps(oh.merge(reign, supplement), collegial))
    return found


def overlaps(terms: list[oh.Term], collegial: set[str]) -> list[str]:
    """Terms of one office (role and side) that overlap: the next may start in the month (or year) the
    previous one's imprecise end names, not before."""
    by_office: dict[tuple, list[oh.Term]] = {}
    for term in terms:
        if term.role not in collegial:
            by_office.setdefault(term.office, []).append(term)
    found = []
    for office, spells in by_office.items():
        spells.sort(key=lambda t: t.first_day)
        for before, after in zip(spells, spells[1:]):
            if before.end == oh.OPEN or after.first_day < oh.earliest(before.end):
                found.append(f"{after.file}:{after.line}: {office[0]} of {office[1]}: {'/'.join(after.names)} "
                             f"from {after.start} overlaps {'/'.join(before.names)} ({before.file}:{before.line}, "
                             f"{before.start} to {before.end})")
    return found


def main() -> int:
    found = problems()
    for line in found:
        print(line)
    if not found:
        holders = oh.load()
        print(f"resources/officeholders: {len(holders.terms)} terms, no problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
