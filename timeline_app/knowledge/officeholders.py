"""Who held which office, for which side, and when: ``resources/officeholders/``.

``reign.tsv`` is REIGN's list of every state's effective leader to March 2021 (made by
tools/convert_reign.py); ``supplement.tsv`` is curated in the same columns, each row with its source:
later terms, ministers, spokespeople, heads of international organisations, leaders of armed groups.
A supplement row with the role, side and start of a REIGN row replaces it (a full name, an end).

A name gives a side only for a date inside one of the person's terms: a former minister speaks for
nobody by virtue of the list. Dates are as precise as the sources: "2021", "2021-03" or "2021-03-26";
an imprecise end counts to the last day it may mean.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import pickle
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

from . import lexicon
from ..appdirs import cache_dir
from ..atomic import write_atomic
from ..resources import read_resource_text, resource_path

FILES = ("reign.tsv", "supplement.tsv")
VARIANTS_FILE = "name_variants.tsv"
COLUMNS = ("role", "names", "side", "start", "end", "source", "retrieved")
OPEN = "open"
#: A header line of a file naming roles that several people hold at once (a ministry's spokespeople).
COLLEGIAL_PREFIX = "# collegial roles:"
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr."})
#: A regnal number: "Abdullah II" is not called "Abdullah" alone (a common given name) by the list.
_REGNAL = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})
#: Particles that make a family name of two or more words ("bin Salman", "Ben Ali", "von der Leyen", "da Silva"):
#: their last word alone is nobody's name ("Ali", "Silva").
@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(lexicon.entries("name_particles"))


#: The Arabic article on a family name: "al-Assad" is also "Assad", "el-Sisi" is "al-Sisi".
@lru_cache(maxsize=1)
def _articles() -> tuple[str, ...]:
    return tuple(f"{article}-" for article in lexicon.entries("name_articles"))


class OfficeHoldersError(ValueError):
    """A row of the office-holder files that cannot be read (the check script reports these)."""


class Term(NamedTuple):           # a tuple: built and unpickled ~3x faster than a frozen dataclass
    role: str
    names: tuple[str, ...]
    side: str                      # ISO 3166-1 alpha-2 or an organisation id of the gazetteer
    start: str                     # as written: YYYY, YYYY-MM or YYYY-MM-DD
    end: str                       # as written, or "open"
    source: str
    retrieved: str
    file: str = ""
    line: int = 0
    first_day: dt.date = dt.date.min
    #: The last day the term may have lasted to; None while open.
    last_day: Optional[dt.date] = None

    @property
    def office(self) -> tuple[str, str]:
        return self.role, self.side

    def covers(self, day: dt.date) -> bool:
        last = self.last_day
        return self.first_day <= day and (last is None or day <= last)


def earliest(text: str) -> dt.date:
    """The first day a date as precise as "2021", "2021-03" or "2021-03-26" may mean."""
    parts = [int(p) for p in text.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(text: str) -> dt.date:
    """The last day such a date may mean."""
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


def fold(name: str) -> str:
    """A name as compared: no accents, no case, one space ("Erdoğan" = "Erdogan"), and one spelling of each
    transliterated given name ("Mohammed VI" = "Muhammad VI", from name_variants.tsv)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    variants = _spellings()
    return " ".join(variants.get(word, word) for word in text.replace("’", "'").lower().split())


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Each variant spelling -> the group's first spelling."""
    out = {}
    for line in read_resource_text("officeholders", VARIANTS_FILE).splitlines():
        if line.strip() and not line.startswith("#"):
            group = line.split("\t")
            out.update((word.strip(), group[0].strip()) for word in group if word.strip())
    return out


def bare(word: str) -> str:
    """A folded family name without its Arabic article ("al-assad" -> "assad")."""
    for article in _articles():
        if word.startswith(article) and len(word) > len(article) + 2:
            return word[len(article):]
    return word


def short_names(names: tuple[str, ...]) -> set[str]:
    """What a person is called alone: the one-word forms the row gives ("Xi", "Lula"), else each form's last
    word without its article ("Biden", "assad" for "al-Assad"). A regnal name gives none."""
    single = {bare(fold(n)) for n in names if len(n.split()) == 1}
    if single:
        return single
    found = set()
    for name in names:
        words = [w for w in fold(name).replace(",", "").split() if w not in _SUFFIXES]
        if words and not _REGNAL.intersection(words) and not (len(words) > 1 and words[-2] in _particles()):
            found.add(bare(words[-1]))
    return found


def _is_initial(word: str) -> bool:
    """ "w." or, in British house style without the full stop, "w" ("George W Bush")."""
    return (len(word) == 2 and word.endswith(".")) or (len(word) == 1 and word.isalpha())


def _without_middle_initials(words: list[str]) -> list[str]:
    """ "colin l. powell" -> "colin powell": a middle initial (US house style) is left out of the comparison."""
    return [w for i, w in enumerate(words) if i == 0 or i == len(words) - 1 or not _is_initial(w)]


def _full_name_key(name: str) -> str:
    return " ".join(_without_middle_initials(fold(name).split()))


def _split_initials(words: list[str]) -> list[str]:
    """Joined initials apart: REIGN's "G.W. Bush" is "G. W. Bush"."""
    return [part for word in words for part in (re.findall(r"\w\.", word) if _JOINED_INITIALS.fullmatch(word)
                                               else [word])]


_JOINED_INITIALS = re.compile(r"(?:\w\.){2,}")


def _initials_match(form: list[str], query: list[str]) -> bool:
    """ "H. Aliyev" names "Heydar Aliyev": given names written as initials agree with the full ones; a middle
    initial on either side ("Colin L. Powell", "Dennis C. Blair") is no part of the comparison."""
    form, query = _without_middle_initials(_split_initials(form)), _without_middle_initials(_split_initials(query))
    if len(form) != len(query) or form[-1] != query[-1]:
        return False
    return all(f == q or (_is_initial(f) and q.startswith(f[0])) for f, q in zip(form[:-1], query[:-1]))


class OfficeHolders:
    def __init__(self, terms: list[Term], collegial: frozenset[str] = frozenset()) -> None:
        self.terms = terms
        self.collegial = collegial
        self._by_name: dict[str, list[Term]] = {}
        self._by_short: dict[str, list[Term]] = {}
        for term in terms:
            for key in {_full_name_key(n) for n in term.names}:
                self._by_name.setdefault(key, []).append(term)
            for key in short_names(term.names):
                self._by_short.setdefault(key, []).append(term)

    def _matching(self, name: str) -> list[Term]:
        """The terms of the person ``name`` may mean: the full name, a surname alone, or a full name where
        the source gives only the surname or initials ("Vladimir Putin" -> REIGN's "Putin")."""
        key = fold(name)
        words = key.split()
        if not words:
            return []
        if len(words) == 1:
            return list(self._by_short.get(bare(key), ()))
        found = list(self._by_name.get(_full_name_key(name), ()))
        for term in self._by_short.get(bare(words[-1]), ()):
            if term in found:
                continue
            forms = [fold(n).split() for n in term.names]
            if all(len(f) == 1 for f in forms) or any(_initials_match(f, words) for f in forms):
                found.append(term)
        return found

    def knows_full_name(self, name: str) -> bool:
        """Whether a row gives this full name (not only a surname it ends with: REIGN's "Chan" is not
        "Lien Chan")."""
        return _full_name_key(name) in self._by_name

    def person_terms(self, name: str) -> list[tuple[str, str, dt.date, Optional[dt.date]]]:
        """The terms of the one person a full name (two words or more) names, whatever the office: the rows
        that give the full name, and rows that give the surname alone when they are for a side a full-name row
        is for ("Nickolay Mladenov", the UN envoy, is not REIGN's Bulgarian leader "Mladenov"); all surname
        rows when no row gives the full name ("Barack Obama" -> "Obama")."""
        if len(fold(name).split()) < 2:
            return []
        terms = self._matching(name)
        exact = set(self._by_name.get(_full_name_key(name), ()))
        sides = {term.side for term in exact}
        chosen = [t for t in terms if t in exact or not exact or t.side in sides]
        return [(t.role, t.side, t.first_day, t.last_day) for t in sorted(chosen, key=lambda t: (t.first_day, t.role))]

    def side(self, name: str, on: Optional[dt.date]) -> Optional[str]:
        """The side ``name`` speaks for on ``on``: only inside a term, and only when every matching term
        then is for one side (a surname two sitting office holders share gives none)."""
        if on is None:
            return None
        sides = {term.side for term in self._matching(name) if term.covers(on)}
        return sides.pop() if len(sides) == 1 else None

    def side_ever(self, name: str) -> Optional[str]:
        """The one side all of ``name``'s terms were for, whenever they were ("the Obama administration" in an
        article of 2018 is still the United States' government of its day); None if several or none."""
        sides = {term.side for term in self._matching(name)}
        return sides.pop() if len(sides) == 1 else None

    def terms_for(self, name: str) -> list[tuple[str, str, dt.date, Optional[dt.date]]]:
        """Every term ``name`` may mean, as (office, side, first day, last day or None while open), by start.
        For dating an undated article by who holds which office in it."""
        terms = sorted(self._matching(name), key=lambda t: (t.first_day, t.role))
        return [(t.role, t.side, t.first_day, t.last_day) for t in terms]


def parse(text: str, file: str = "") -> tuple[list[Term], set[str]]:
    """The terms of one file and the roles its header declares collegial."""
    terms, collegial = [], set()
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(COLLEGIAL_PREFIX):
            collegial.update(r.strip() for r in line[len(COLLEGIAL_PREFIX):].split(";") if r.strip())
            continue
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise OfficeHoldersError(f"{file}:{number}: the column line must be {'/'.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise OfficeHoldersError(f"{file}:{number}: {len(cells)} cells, not {len(COLUMNS)}")
        role, names, side, start, end, source, retrieved = (c.strip() for c in cells)
        try:
            first_day = earliest(start)
            last_day = None if end == OPEN else latest(end)
        except ValueError as error:
            raise OfficeHoldersError(f"{file}:{number}: bad date ({error})") from None
        terms.append(Term(role, tuple(n.strip() for n in names.split(";") if n.strip()), side, start, end,
                          source, retrieved, file, number, first_day, last_day))
    return terms, collegial


def merge(base: list[Term], supplement: list[Term]) -> list[Term]:
    """The base terms with those the supplement restates (same role, side and start) replaced by it."""
    restated = {(t.role, t.side, t.start): t for t in supplement}
    merged = [restated.pop((t.role, t.side, t.start), t) for t in base]
    return merged + [t for t in supplement if (t.role, t.side, t.start) in restated]


def load() -> OfficeHolders:
    parsed = [parse(read_resource_text("officeholders", name), name) for name in FILES]
    (reign, _), (supplement, collegial) = parsed
    return OfficeHolders(merge(reign, supplement), frozenset(collegial))


@lru_cache(maxsize=1)
def holders() -> OfficeHolders:
    """The office holders, read once per process: from a pickle in the user cache when one was made from the
    same files by the same code (~5 ms), else parsed and indexed afresh (~70 ms, most of a new article's
    extraction) and pickled for the next process."""
    entry = _cache_entry()
    try:
        cached = pickle.loads(entry.read_bytes())
    except FileNotFoundError:
        cached = None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        cached = None   # damaged or from another build: made again below
    if isinstance(cached, OfficeHolders):
        return cached
    fresh = load()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, pickle.dumps(fresh, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass            # an unwritable cache folder only costs the next process the parse
    return fresh


def _cache_entry() -> Path:
    """Keyed by the data files and the code that parses them (this module's file; in a frozen app, which has
    no module files, the executable; the name particles and articles it reads names with), by size and
    modification time, and by the Python version."""
    parts = [sys.version]
    code = Path(sys.executable) if getattr(sys, "frozen", False) else Path(__file__)
    for path in [code, *(resource_path("officeholders", name) for name in (*FILES, VARIANTS_FILE)),
                 *(resource_path("lexicon", name) for name in ("name_particles.txt", "name_articles.txt"))]:
        st = path.stat()
        parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
    return cache_dir("officeholders") / f"holders-{key}.pickle"


def terms_for(name: str) -> list[tuple[str, str, dt.date, Optional[dt.date]]]:
    return holders().terms_for(name)
