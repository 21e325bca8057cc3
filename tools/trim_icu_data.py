"""Shrinks the ICU data library that PySide6 ships (libicudata.so.NN, ~32 MB) for the frozen app.

Qt links ICU, but this English-only app never asks it for what fills most of that file: display names of
currencies, units, zones, languages and regions in 500 locales, collation and break-iterator dictionaries for
other scripts, transliterators, number spell-out rules and 200 legacy code-page converters (Qt's own CLDR data
serves QLocale, and Qt's own tables do text boundaries and case). What stays: every root-level property and
normalisation file, and the root and English data of each tree, so any ICU call Qt makes still finds an answer
for our locale (a missing item is an ICU error code, never a crash).

ICU "common data" format (icu4c source/common/ucmndata.h): a data header whose first uint16 is its size,
then a table of contents (uint32 count, then count x (name offset, data offset), both from the table's start),
the item names (NUL-terminated, sorted, so ICU can bisect them), and the items, each 16-byte aligned.

Used by build.spec; also ``python tools/trim_icu_data.py LIB OUT`` to try it by hand. Needs a C compiler
(``cc``) to turn the trimmed data back into a shared library.
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

#: Locale-data trees kept only for root and English.
_LOCALE_TREES = ("", "coll/", "curr/", "lang/", "region/", "unit/", "zone/", "rbnf/", "brkitr/")
#: Items whose name (after the package prefix) matches are dropped.
_DROPPED = re.compile(r"""
    translit/.*                               # transliterators
  | .*\.cnv                                   # legacy code-page converters (Qt decodes UTF and Latin-1 itself)
  | brkitr/.*\.dict                           # word dictionaries for CJK, Thai, Khmer, Lao, Burmese
  | unames\.icu                               # Unicode character names
""", re.X)
_ENGLISH_OR_ROOT = re.compile(r"(?:root|en|en_[A-Za-z0-9_]+|res_index|pool)\.res")


class TrimError(RuntimeError):
    """The library is not the ICU data library this tool understands."""


def _keep(name: str) -> bool:
    if _DROPPED.fullmatch(name):
        return False
    folder, _, base = name.rpartition("/")
    folder = f"{folder}/" if folder else ""
    if folder in _LOCALE_TREES and base.endswith(".res"):
        # Locale files: only root and English; other root-level .res files (supplementalData, zoneinfo64,
        # likelySubtags, ...) are not locales and stay.
        is_locale = bool(re.fullmatch(r"[a-z]{2,3}(?:_[A-Za-z0-9]*)*\.res", base)) and base != "pool.res"
        return _ENGLISH_OR_ROOT.fullmatch(base) is not None or not is_locale
    return True


def read_items(blob: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """The header and the (full name, data) items of an ICU common data blob."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    # MappedData magic, then UDataInfo: isBigEndian at 8, dataFormat at 12.
    if blob[2:4] != b"\xda\x27" or blob[8] != 0 or blob[12:16] != b"CmnD":
        raise TrimError("not a little-endian ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", blob, toc)[0]
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        name = blob[toc + name_offset:blob.index(b"\0", toc + name_offset)]
        end = entries[i + 1][1] if i + 1 < count else len(blob) - toc
        items.append((name, blob[toc + data_offset:toc + end]))
    return blob[:header_size], items


def write_items(header: bytes, items: list[tuple[bytes, bytes]]) -> bytes:
    items = sorted(items)
    count = len(items)
    names = b"".join(name + b"\0" for name, _ in items)
    first_data = 4 + 8 * count + len(names)
    first_data += -first_data % 16
    toc, data, name_offset = [struct.pack("<I", count)], [], 4 + 8 * count
    offset = first_data
    for name, payload in items:
        toc.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = payload + b"\0" * (-len(payload) % 16)
        data.append(padded)
        offset += len(padded)
    table = b"".join(toc) + names
    return header + table + b"\0" * (first_data - len(table)) + b"".join(data)


def trim(blob: bytes) -> tuple[bytes, int, int]:
    """The trimmed blob, with the number of items kept and dropped."""
    header, items = read_items(blob)
    kept = [(name, data) for name, data in items if _keep(name.decode("ascii").split("/", 1)[1])]
    return write_items(header, kept), len(kept), len(items) - len(kept)


def _data_symbol(library: Path) -> tuple[str, bytes]:
    """The library's one exported data symbol (``icudtNN_dat``) and its bytes."""
    symbols = subprocess.run(["nm", "-DS", "--defined-only", str(library)], capture_output=True, text=True,
                             check=True).stdout.split()
    if len(symbols) != 4 or not re.fullmatch(r"icudt\d+_dat", symbols[3]):
        raise TrimError(f"{library} does not export exactly one icudtNN_dat symbol")
    address, size = int(symbols[0], 16), int(symbols[1], 16)
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True, check=True).stdout
    for line in sections.splitlines():
        fields = re.sub(r"\[\s*\d+\]", "", line).split()
        if len(fields) > 5 and fields[0].startswith("."):
            start, file_offset, length = int(fields[2], 16), int(fields[3], 16), int(fields[4], 16)
            if start <= address < start + length:
                with library.open("rb") as handle:
                    handle.seek(file_offset + address - start)
                    return symbols[3], handle.read(size)
    raise TrimError(f"{library}: no section holds {symbols[3]}")


def trim_library(library: Path, out: Path) -> str:
    """Writes a trimmed copy of the ICU data library at ``out``; returns a one-line report."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise TrimError("trimming ICU data needs a C compiler (cc); install one (e.g. apt-get install gcc)")
    symbol, blob = _data_symbol(library)
    trimmed, kept, dropped = trim(blob)
    soname = library.name
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "icudata.dat"
        data.write_bytes(trimmed)
        source = Path(tmp) / "icudata.S"
        source.write_text(f'.section .rodata\n.global {symbol}\n.type {symbol}, @object\n.balign 16\n'
                          f'{symbol}:\n.incbin "{data}"\n.size {symbol}, . - {symbol}\n'
                          '.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out), str(source)],
                       check=True)
    return (f"{soname}: {len(blob) / 1e6:.1f} MB of ICU data -> {len(trimmed) / 1e6:.1f} MB "
            f"({kept} items kept, {dropped} dropped)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: trim_icu_data.py LIBICUDATA OUT")
    print(trim_library(Path(sys.argv[1]), Path(sys.argv[2])))
