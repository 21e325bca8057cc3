"""TempEval-3 style scoring of the tagger on TimeML (.tml) documents.

One implementation shared by ``benchmarks/tempeval.py`` and the tests. Scoring follows the TempEval-3
timex task: strict span match (same offsets), relaxed match (overlap), and for the relaxed matches the
accuracy of ``value`` and ``type``; an attribute's F1 is relaxed F1 × that accuracy.
"""
from __future__ import annotations

import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TmlDocument:
    name: str
    text: str                      # the TEXT element with its tags stripped
    dct: Optional[dt.datetime]     # creation time, the reference date
    timexes: list[GoldTimex]


def load_tml(path: Path) -> TmlDocument:
    """The raw text of ``path``'s TEXT element, its gold TIMEX3 spans (offsets into that text) and its DCT."""
    root = ET.parse(path).getroot()
    dct = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = parse_dct(tx.get("value", ""))
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        begin = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            gold.append(GoldTimex(begin, length, "", el.get("type", ""), el.get("value", "")))

    if text_el is not None:
        walk(text_el)
    text = "".join(parts)
    gold = [GoldTimex(g.start, g.end, text[g.start:g.end], g.type, g.value) for g in gold]
    gold.sort(key=lambda g: g.start)
    return TmlDocument(path.stem, text, dct, gold)


def parse_dct(value: str) -> Optional[dt.datetime]:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}))?", value)
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    hh, mm = int(m[4] or 0), int(m[5] or 0)
    try:
        return dt.datetime(y, mo, d, hh, mm)
    except ValueError:
        return None


def load_corpus(folder: Path) -> list[TmlDocument]:
    return [load_tml(p) for p in sorted(Path(folder).rglob("*.tml"))]


@dataclass(slots=True)
class Mistake:
    doc: str
    kind: str          # missed | spurious | span | value | type
    gold: Optional[GoldTimex]
    found: object      # a Timex or None
    context: str


@dataclass(slots=True)
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0          # system timexes with a gold timex of exactly the same span
    relaxed_sys: int = 0     # system timexes overlapping some gold timex
    relaxed_gold: int = 0    # gold timexes overlapping some system timex
    value_ok: int = 0        # among relaxed matches (one per gold)
    value_same_notation: int = 0   # value_ok, plus values equal up to notation (2000-W7 = 2000-W07, 199X = 199)
    type_ok: int = 0
    #: gold DATE/TIME values with a year the text does not write ("June" in a paragraph about 1941)
    unwritten_gold: int = 0
    unwritten_found: int = 0     # ... overlapped by a system timex
    unwritten_ok: int = 0        # ... whose value is right
    chars: int = 0
    seconds: float = 0.0
    mistakes: list[Mistake] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self, kind: str) -> tuple[float, float, float]:
        if kind == "strict":
            p = self.strict / self.system if self.system else 0.0
            r = self.strict / self.gold if self.gold else 0.0
        else:
            p = self.relaxed_sys / self.system if self.system else 0.0
            r = self.relaxed_gold / self.gold if self.gold else 0.0
        return p, r, self._f1(p, r)

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.relaxed_gold if self.relaxed_gold else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.relaxed_gold if self.relaxed_gold else 0.0

    @property
    def value_f1(self) -> float:
        return self.prf("relaxed")[2] * self.value_accuracy

    @property
    def type_f1(self) -> float:
        return self.prf("relaxed")[2] * self.type_accuracy

    @property
    def unwritten_value_f1(self) -> float:
        """Value F1 on the gold expressions whose year is not written in them (TempEval-3 style: recall of
        the subset x the whole run's relaxed precision, times value accuracy on the subset's matches)."""
        if not self.unwritten_gold or not self.unwritten_found:
            return 0.0
        p = self.prf("relaxed")[0]
        r = self.unwritten_found / self.unwritten_gold
        return self._f1(p, r) * self.unwritten_ok / self.unwritten_found

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else float("inf")

    def table(self) -> str:
        rows = [f"{'':10} {'P':>7} {'R':>7} {'F1':>7}"]
        for kind in ("strict", "relaxed"):
            p, r, f = self.prf(kind)
            rows.append(f"{kind:10} {p:7.4f} {r:7.4f} {f:7.4f}")
        rows.append(f"{'value F1':10} {'':7} {'':7} {self.value_f1:7.4f}   (accuracy {self.value_accuracy:.4f})")
        rows.append(f"{'type F1':10} {'':7} {'':7} {self.type_f1:7.4f}   (accuracy {self.type_accuracy:.4f})")
        if self.relaxed_gold:
            acc = self.value_same_notation / self.relaxed_gold
            rows.append(f"{'value F1*':10} {'':7} {'':7} {self.prf('relaxed')[2] * acc:7.4f}   (accuracy {acc:.4f}; "
                        f"*not TempEval-3: values equal up to notation, 2000-W7 = 2000-W07, 199X = 199, 1949-XX = 1949)")
        if self.unwritten_gold:
            rows.append(f"{'value F1°':10} {'':7} {'':7} {self.unwritten_value_f1:7.4f}   (°year not written in the "
                        f"expression: gold {self.unwritten_gold}, found {self.unwritten_found}, right value "
                        f"{self.unwritten_ok})")
        rows.append(f"gold {self.gold}, system {self.system}, strict {self.strict}, relaxed {self.relaxed_gold}")
        rows.append(f"{self.chars} chars in {self.seconds:.3f} s = {self.chars_per_second:,.0f} chars/s")
        return "\n".join(rows)


def _notation(value: str) -> str:
    """One spelling per value: zero-padded weeks, no trailing unknown parts (199X -> 199, 1949-XX -> 1949),
    minutes on a bare hour (T17 -> T17:00)."""
    v = re.sub(r"-W(\d)(?=\b|-)", r"-W0\1", value)
    v = re.sub(r"(?:-XX)+$", "", v)
    v = re.sub(r"^(\d{2,3})X+$", r"\1", v)
    v = re.sub(r"T(\d\d)$", r"T\1:00", v)
    return v


def same_notation(a: str, b: str) -> bool:
    return a == b or _notation(a) == _notation(b)


_YEAR_VALUE = re.compile(r"(?:BC)?\d{4}")
_WRITTEN_YEAR = re.compile(r"\d{3,4}|['’]\d\d\b")


def year_unwritten(gold: GoldTimex) -> bool:
    """A gold value that names a year ("1941-06", "BC0480") for an expression that does not write one
    ("June", "the following year"): its year comes from the reference date or from the story."""
    return bool(_YEAR_VALUE.match(gold.value)) and not _WRITTEN_YEAR.search(gold.text)


def _context(text: str, a: int, b: int, width: int = 50) -> str:
    left = text[max(0, a - width):a].replace("\n", " ")
    right = text[b:b + width].replace("\n", " ")
    return f"{left}[[{text[a:b]}]]{right}"


def score_documents(docs: Iterable[TmlDocument], tagger: Callable, keep_mistakes: bool = False) -> Score:
    """Runs ``tagger(text, dct)`` on each document and accumulates a :class:`Score`."""
    score = Score()
    for doc in docs:
        t0 = time.perf_counter()
        found = tagger(doc.text, doc.dct)
        score.seconds += time.perf_counter() - t0
        score.chars += len(doc.text)
        score.gold += len(doc.timexes)
        score.system += len(found)
        gold_spans = {(g.start, g.end) for g in doc.timexes}
        score.strict += sum((t.start, t.end) in gold_spans for t in found)
        score.relaxed_sys += sum(any(g.start < t.end and t.start < g.end for g in doc.timexes) for t in found)
        for g in doc.timexes:
            overlapping = [t for t in found if g.start < t.end and t.start < g.end]
            unwritten = year_unwritten(g)
            score.unwritten_gold += unwritten
            if not overlapping:
                if keep_mistakes:
                    score.mistakes.append(Mistake(doc.name, "missed", g, None, _context(doc.text, g.start, g.end)))
                continue
            score.relaxed_gold += 1
            best = min(overlapping, key=lambda t: abs(t.start - g.start) + abs(t.end - g.end))
            score.value_ok += best.value == g.value
            score.unwritten_found += unwritten
            score.unwritten_ok += unwritten and best.value == g.value
            score.value_same_notation += same_notation(best.value, g.value)
            score.type_ok += best.type == g.type
            if keep_mistakes:
                ctx = _context(doc.text, g.start, g.end)
                if (best.start, best.end) != (g.start, g.end):
                    score.mistakes.append(Mistake(doc.name, "span", g, best, ctx))
                if best.value != g.value:
                    score.mistakes.append(Mistake(doc.name, "value", g, best, ctx))
                elif best.type != g.type:
                    score.mistakes.append(Mistake(doc.name, "type", g, best, ctx))
        if keep_mistakes:
            for t in found:
                if not any(g.start < t.end and t.start < g.end for g in doc.timexes):
                    score.mistakes.append(Mistake(doc.name, "spurious", None, t, _context(doc.text, t.start, t.end)))
    return score
