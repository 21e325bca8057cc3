"""The extractor's compiled regexes kept on disk between runs, so a new article does not pay for compiling them.

Python compiles a regex in pure Python (parse, then code generation): the time grammar's ~35 rules and the
~120 patterns of sentence splitting, actors and attribution cost 60-120 ms, several times the whole
extraction of a news article. Only fixed patterns belong here (not ones built from an article's words).
Ingest's few simple patterns compile faster than this file loads, so they stay with ``re``. The compiled form
is a list of integers that the C engine accepts directly, so it is stored once (like a .pyc file) and rebuilt
in microseconds on later runs.

Safety: the file is keyed by the Python version and the regex engine's MAGIC number, and by a checksum (CRC-32) of its
content; every entry is looked up by its exact pattern text and flags; the C engine validates the code it is
given. Any problem (no folder, unwritable, corrupt, another Python) silently falls back to ``re.compile``.
"""
from __future__ import annotations

import _sre  # CPython's regex engine, always built in; the cache stores its code
import marshal
import re
import sys
import zlib
from pathlib import Path
from typing import Optional

_entries: Optional[dict] = None
_dirty = False
_used: set = set()          # keys looked up by this process
#: Entries not used by this process are dropped beyond this many (patterns of an older version of the code);
#: generous, because one process may use only some of them (a start-up that reads a cached article).
_MAX_STALE = 1000


def _engine_key() -> str:
    """Empty where the C engine does not publish its version (another Python): then nothing is cached."""
    magic, codesize = getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None)
    if magic is None or codesize is None:
        return ""
    return f"{zlib.crc32(chr(10).join([sys.version, str(magic), str(codesize)]).encode()):08x}"


def _path() -> Optional[Path]:
    key = _engine_key()
    if not key:
        return None
    try:
        from ..appdirs import cache_dir
        return cache_dir("regex") / f"regexes-{key}.marshal"
    except Exception:           # noqa: BLE001 - no cache folder: compile every time
        return None


def _load() -> dict:
    global _entries
    if _entries is None:
        _entries = {}
        path = _path()
        try:
            if path is not None and path.is_file():
                blob = path.read_bytes()
                digest, body = blob[:4], blob[4:]
                if zlib.crc32(body).to_bytes(4, "big") == digest:
                    loaded = marshal.loads(body)
                    if isinstance(loaded, dict):
                        _entries = loaded
        except (OSError, ValueError, EOFError, TypeError):
            _entries = {}
    return _entries


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the on-disk cache when it holds this exact pattern."""
    global _dirty
    entries = _load()
    flags = int(flags)
    _used.add((pattern, flags))
    entry = entries.get((pattern, flags))
    if entry is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = entry
            return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
        except Exception:        # noqa: BLE001 - a stale or damaged entry: compile it afresh
            entries.pop((pattern, flags), None)
    try:
        from re import _compiler, _parser        # the two halves of re.compile (Python >= 3.11)
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]    # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *entry)
    except Exception:            # noqa: BLE001 - another Python's internals: the public way
        return re.compile(pattern, flags)
    entries[(pattern, flags)] = entry
    if not _dirty:
        _dirty = True
        import atexit
        atexit.register(save)       # once per process, and only when something new was compiled
    return compiled


def save() -> None:
    """Writes the cache if a regex was compiled since it was read (atomically; errors are ignored)."""
    global _dirty
    if not _dirty or _entries is None:
        return
    _dirty = False
    path = _path()
    if path is None:
        return
    if len(_entries) > len(_used) + _MAX_STALE:
        for key in [k for k in _entries if k not in _used]:
            del _entries[key]
    try:
        body = marshal.dumps(_entries)
    except ValueError:
        return
    from ..atomic import write_atomic
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, zlib.crc32(body).to_bytes(4, "big") + body)
    except OSError:
        pass


# ---- the re module's functions, compiled through the cache (for fixed patterns used inside functions) -------
_memo: dict = {}


def rx(pattern: str, flags: int = 0) -> re.Pattern:
    key = (pattern, flags)
    compiled = _memo.get(key)
    if compiled is None:
        compiled = _memo[key] = compile_cached(pattern, flags)
    return compiled


def search(pattern: str, string: str, flags: int = 0) -> Optional[re.Match]:
    return rx(pattern, flags).search(string)


def match(pattern: str, string: str, flags: int = 0) -> Optional[re.Match]:
    return rx(pattern, flags).match(string)


def fullmatch(pattern: str, string: str, flags: int = 0) -> Optional[re.Match]:
    return rx(pattern, flags).fullmatch(string)


def sub(pattern: str, repl, string: str, count: int = 0, flags: int = 0) -> str:
    return rx(pattern, flags).sub(repl, string, count)


def split(pattern: str, string: str, maxsplit: int = 0, flags: int = 0) -> list:
    return rx(pattern, flags).split(string, maxsplit)


def finditer(pattern: str, string: str, flags: int = 0):
    return rx(pattern, flags).finditer(string)


def findall(pattern: str, string: str, flags: int = 0) -> list:
    return rx(pattern, flags).findall(string)
