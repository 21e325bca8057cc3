"""Scoring of an extracted Timeline against a gold annotation file (news-dev / news-long / seed format).

Metrics (all matched by character overlap with the gold substrings, as the gold READMEs ask):

- parties: F1 of extracted parties against gold parties; a party matches when its name, id or one
  of its aliases equals (case-insensitive, as a slug) the gold name or one of the gold aliases.
- event-date recall: a gold event counts when an extracted event overlapping its phrase has a time
  interval that *matches* the gold date or one of its accepted alternatives. Match = the intervals
  overlap and the extracted interval is no longer than 1.5x the gold one (at least a day): a
  finer or equal reading counts ("2020-FA" for gold "2020", Tuesday night for Tuesday), a coarser
  one does not ("2022-09" for "2022-09-13"); the gold lists coarser readings it accepts.
- accounts: recall of gold party claims found as an account of that party; misattribution = gold
  claims found (as an account or reaction) but only under another party or actor, divided by the
  gold claims found at all.
- reactions: recall of gold reaction phrases found as a reaction of that actor, in total and per actor.
- precision, as ``../shared/tools/score_news.py`` counts it: accounts on the wrong side = predicted accounts
  that overlap another party's gold claim (and none of their own party's) or, overlapping no claim, a gold
  reaction, as a share of all predicted accounts; parties shown as reactions = predicted reactions whose
  actor is one of the gold parties (by name or alias, extracted as a party or not), as a share of all
  predicted reactions.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..model import Timeline

_MIN = dt.datetime(1, 1, 1)
_MAX = dt.datetime(9999, 12, 31)
_PARTS_OF_DAY = {"MO": (6, 12), "MI": (11, 13), "AF": (12, 18), "EV": (18, 24), "NI": (20, 30), "DT": (8, 18)}
_SEASONS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _month_add(year: int, month: int, add: int) -> dt.datetime:
    total = year * 12 + (month - 1) + add
    return dt.datetime(total // 12, total % 12 + 1, 1)


def timex3_interval(value: str, reference: Optional[dt.date] = None,
                    ) -> Optional[tuple[dt.datetime, dt.datetime]]:
    """The real interval [start, end) a TIMEX3 value covers: 2022-09-13, 2022-09-13TNI, 2022-W36,
    2020-FA, 2020-Q3, 2020-H1, 2020, 199 / 199X (a decade), 19 (a century), PAST_REF, PRESENT_REF."""
    v = value.strip().upper()
    ref = dt.datetime.combine(reference, dt.time()) if reference else None
    if v == "PAST_REF":
        return (_MIN, ref + dt.timedelta(days=1)) if ref else None
    if v == "PRESENT_REF":
        return (ref, ref + dt.timedelta(days=1)) if ref else None
    if v == "FUTURE_REF":
        return (ref, _MAX) if ref else None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?|T(MO|MI|AF|EV|NI|DT))?", v)
    if m:
        day = dt.datetime(int(m[1]), int(m[2]), int(m[3]))
        if m[4]:
            start = day.replace(hour=int(m[4]), minute=int(m[5]), second=int(m[6] or 0))
            return start, start + (dt.timedelta(seconds=1) if m[6] else dt.timedelta(minutes=1))
        if m[7]:
            a, b = _PARTS_OF_DAY[m[7]]
            return day + dt.timedelta(hours=a), day + dt.timedelta(hours=b)
        return day, day + dt.timedelta(days=1)
    m = re.fullmatch(r"(\d{4})-W(\d{2})", v)
    if m:
        start = dt.datetime.combine(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), dt.time())
        return start, start + dt.timedelta(days=7)
    m = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if m:
        return dt.datetime(int(m[1]), int(m[2]), 1), _month_add(int(m[1]), int(m[2]), 1)
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
    if m:
        a, b = _SEASONS[m[2]]
        return _month_add(int(m[1]), a, 0), _month_add(int(m[1]), b, 0)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if m:
        return _month_add(int(m[1]), 1 + 3 * (int(m[2]) - 1), 0), _month_add(int(m[1]), 1 + 3 * int(m[2]), 0)
    m = re.fullmatch(r"(\d{4})-H([12])", v)
    if m:
        return _month_add(int(m[1]), 1 + 6 * (int(m[2]) - 1), 0), _month_add(int(m[1]), 1 + 6 * int(m[2]), 0)
    m = re.fullmatch(r"(\d{4})", v)
    if m:
        return dt.datetime(int(m[1]), 1, 1), dt.datetime(int(m[1]) + 1, 1, 1)
    m = re.fullmatch(r"(\d{3})X?", v)
    if m:
        return dt.datetime(int(m[1]) * 10, 1, 1), dt.datetime(int(m[1]) * 10 + 10, 1, 1)
    m = re.fullmatch(r"(\d{2})X{0,2}", v)
    if m:
        return dt.datetime(int(m[1]) * 100, 1, 1), dt.datetime(int(m[1]) * 100 + 100, 1, 1)
    return None


def interval_matches(event: tuple[dt.datetime, dt.datetime], gold: tuple[dt.datetime, dt.datetime]) -> bool:
    es, ee = event
    gs, ge = gold
    if not (es < ge and gs < ee):
        return False
    try:
        allowed = max((ge - gs) * 1.5, dt.timedelta(days=1))
    except OverflowError:
        allowed = dt.timedelta.max
    return (ee - es) <= allowed


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _find(text: str, phrase: str) -> Optional[tuple[int, int]]:
    i = text.find(phrase)
    return (i, i + len(phrase)) if i >= 0 else None


@dataclass
class Score:
    name: str
    parties_tp: int = 0
    parties_pred: int = 0
    parties_gold: int = 0
    events_gold: int = 0
    events_dated: int = 0
    claims_gold: int = 0
    claims_found: int = 0
    claims_wrong: int = 0
    reactions_gold: int = 0
    reactions_found: int = 0
    accounts_pred: int = 0
    accounts_wrong_side: int = 0
    reactions_pred: int = 0
    reactions_by_party: int = 0
    reactions_by_actor: dict = field(default_factory=dict)   # actor -> [found, gold]
    misses: list = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for key in ("parties_tp", "parties_pred", "parties_gold", "events_gold", "events_dated",
                    "claims_gold", "claims_found", "claims_wrong", "reactions_gold", "reactions_found",
                    "accounts_pred", "accounts_wrong_side", "reactions_pred", "reactions_by_party"):
            setattr(self, key, getattr(self, key) + getattr(other, key))
        for actor, (f, g) in other.reactions_by_actor.items():
            mine = self.reactions_by_actor.setdefault(actor, [0, 0])
            mine[0] += f
            mine[1] += g

    @property
    def parties_f1(self) -> float:
        p = self.parties_tp / self.parties_pred if self.parties_pred else 0.0
        r = self.parties_tp / self.parties_gold if self.parties_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def event_recall(self) -> float:
        return self.events_dated / self.events_gold if self.events_gold else 1.0

    @property
    def account_recall(self) -> float:
        return self.claims_found / self.claims_gold if self.claims_gold else 1.0

    @property
    def misattribution(self) -> float:
        seen = self.claims_found + self.claims_wrong
        return self.claims_wrong / seen if seen else 0.0

    @property
    def reaction_recall(self) -> float:
        return self.reactions_found / self.reactions_gold if self.reactions_gold else 1.0

    @property
    def wrong_side_share(self) -> float:
        """Predicted accounts that belong to another party or to a third party, of all predicted accounts."""
        return self.accounts_wrong_side / self.accounts_pred if self.accounts_pred else 0.0

    @property
    def party_reaction_share(self) -> float:
        """Predicted reactions whose actor is a party, of all predicted reactions."""
        return self.reactions_by_party / self.reactions_pred if self.reactions_pred else 0.0


def _party_keys(party) -> set[str]:
    return {slug(party.name), slug(party.id)} | {slug(a) for a in party.aliases}


def score(timeline: Timeline, gold: dict, name: str = "") -> Score:
    text = timeline.article.text
    s = Score(name)
    reference = dt.date.fromisoformat(gold["reference_date"]) if gold.get("reference_date") else None
    # Parties
    gold_aliases = gold.get("party_aliases") or {}
    mapping: dict[str, str] = {}        # gold party name -> extracted party id
    used = set()
    for gp in gold["parties"]:
        keys = {slug(gp)} | {slug(a) for a in gold_aliases.get(gp, [])}
        # The gold name itself first, then its aliases.
        match = next((p for p in timeline.parties if p.id not in used and slug(gp) in _party_keys(p)), None)
        if match is None:
            match = next((p for p in timeline.parties if p.id not in used and keys & _party_keys(p)), None)
        if match is not None:
            mapping[gp] = match.id
            used.add(match.id)
    s.parties_tp = len(mapping)
    s.parties_pred = len(timeline.parties)
    s.parties_gold = len(gold["parties"])
    # Events
    for ev in gold["events"]:
        span = _find(text, ev["phrase"])
        s.events_gold += 1
        if span is None:
            continue
        wanted = [timex3_interval(v, reference) for v in [ev["date"]] + list(ev.get("accept") or [])]
        wanted = [w for w in wanted if w]
        ok = False
        for e in timeline.events:
            if not _overlaps(tuple(e.span), span) or e.time is None or e.time.start is None or e.time.end is None:
                continue
            if any(interval_matches((e.time.start, e.time.end), w) for w in wanted):
                ok = True
                break
        if ok:
            s.events_dated += 1
        else:
            got = [(e.time.value if e.time else None) for e in timeline.events if _overlaps(tuple(e.span), span)]
            s.misses.append(("event", ev["date"], ev["phrase"][:70], got))
    # Accounts
    for party, claims in (gold.get("party_claims") or {}).items():
        pid = mapping.get(party)
        for claim in claims:
            span = _find(text, claim)
            s.claims_gold += 1
            if span is None:
                continue
            hits = [a.party for a in timeline.accounts if _overlaps(tuple(a.span), span)]
            others = [r.actor for r in timeline.reactions if _overlaps(tuple(r.span), span)]
            if pid is not None and pid in hits:
                s.claims_found += 1
            else:
                if hits or others:
                    s.claims_wrong += 1
                s.misses.append(("claim", party, claim[:70], hits + others))
    # Reactions
    for actor, phrases in (gold.get("reactions") or {}).items():
        for phrase in phrases:
            span = _find(text, phrase)
            s.reactions_gold += 1
            row = s.reactions_by_actor.setdefault(actor, [0, 0])
            row[1] += 1
            if span is None:
                continue
            hits = [r.actor for r in timeline.reactions if _overlaps(tuple(r.span), span)]
            if slug(actor) in hits:
                s.reactions_found += 1
                row[0] += 1
            else:
                acc = [a.party for a in timeline.accounts if _overlaps(tuple(a.span), span)]
                s.misses.append(("reaction", actor, phrase[:70], hits + acc))
    _precision(timeline, gold, mapping, s)
    return s


def _precision(timeline: Timeline, gold: dict, mapping: dict[str, str], s: Score) -> None:
    text = timeline.article.text
    claim_owners: list[tuple[tuple[int, int], Optional[str]]] = []     # gold claim span, its party's id
    for party, claims in (gold.get("party_claims") or {}).items():
        for claim in claims:
            span = _find(text, claim)
            if span is not None:
                claim_owners.append((span, mapping.get(party)))
    reaction_spans = [span for phrases in (gold.get("reactions") or {}).values()
                      for span in (_find(text, p) for p in phrases) if span is not None]
    for account in timeline.accounts:
        span = tuple(account.span)
        owners = [pid for claim, pid in claim_owners if _overlaps(claim, span)]
        wrong = account.party not in owners if owners else any(_overlaps(r, span) for r in reaction_spans)
        if wrong:
            s.accounts_wrong_side += 1
            s.misses.append(("wrong side", account.party, account.text[:70]))
    gold_aliases = gold.get("party_aliases") or {}
    party_keys = {slug(n) for gp in gold["parties"] for n in [gp, *gold_aliases.get(gp, [])]}
    names = {a.id: a.name for a in timeline.actors}
    s.accounts_pred += len(timeline.accounts)
    s.reactions_pred += len(timeline.reactions)
    s.reactions_by_party += sum(1 for r in timeline.reactions
                                if {slug(r.actor), slug(names.get(r.actor, r.actor))} & party_keys)


def gold_sets(shared: Path) -> dict[str, list[Path]]:
    """Every gold set by name: the development sets (seed, news-dev, news-long) and news-real (real articles
    never used to develop the extractor: measure on it, do not tune to it)."""
    return {name: sorted((shared / "data" / name).glob("*.gold.json"))
            for name in ("seed", "news-dev", "news-long", "news-real")}


def gold_files(shared: Path) -> list[Path]:
    """Every gold file of the development sets, seed first."""
    out = sorted((shared / "data" / "seed").glob("*.gold.json"))
    out += sorted((shared / "data" / "news-dev").glob("*.gold.json"))
    out += sorted((shared / "data" / "news-long").glob("*.gold.json"))
    return out


def score_file(gold_path: Path) -> tuple[Score, Timeline]:
    from ..ingest import load
    from .pipeline import extract
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    text_path = Path(str(gold_path).replace(".gold.json", ".txt"))
    reference = dt.date.fromisoformat(gold["reference_date"])
    article = load(text_path, reference)
    timeline = extract(article, reference)
    return score(timeline, gold, text_path.stem), timeline
