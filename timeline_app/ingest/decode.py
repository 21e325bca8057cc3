"""bytes -> str: BOMs, UTF-8, declared and detected legacy charsets, binary refusal, line endings.

The decoded text is what every span indexes into, so the only changes made to it are the ones a
reader cannot see: the byte-order mark is dropped and CR/CRLF line ends become LF.
"""
from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from .errors import IngestError

#: Bytes looked at to decide whether a file is text at all.
SNIFF_BYTES = 64 * 1024

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Signatures of common non-text files people might try to open, with a helpful name.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (e.g. a Word .docx or an .epub)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\x7fELF", "a program"),
)

#: Where only a few bytes are non-ASCII, short English texts fool statistical detectors; these
#: Western encodings then decode the same few letters and quotes the way the writer meant.
_FEW_HIGH_BYTES = 0.02

_WESTERN_ALIASES = {"latin_1", "iso8859_1", "iso-8859-1", "latin-1", "ascii", "windows-1252", "cp1252"}


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(raw: bytes, declared: Optional[str] = None) -> Decoded:
    """Decode a file's bytes; ``declared`` is a charset the document itself names (HTML meta).

    Raises :class:`IngestError` for files that are not text (NUL bytes, control characters,
    known binary signatures). Invalid bytes in text are replaced (U+FFFD) and reported in
    ``warnings``.
    """
    _refuse_known_binary(raw)
    decoded = _decode_with_bom(raw) or _decode_bomless_utf16(raw)
    if decoded is None:
        if b"\x00" in raw[:SNIFF_BYTES]:
            raise IngestError("this is not a text file (it contains binary data)")
        decoded = _decode_8bit(raw, declared)
    _refuse_control_heavy(decoded.text)
    decoded.text = normalise_newlines(decoded.text)
    if "\x00" in decoded.text:
        decoded.text = decoded.text.replace("\x00", "")
        decoded.warnings.append("NUL characters in the file were removed")
    return decoded


def normalise_newlines(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _refuse_known_binary(raw: bytes) -> None:
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            raise IngestError(f"this is {name}, not a text, Markdown or HTML article")


def _decode_with_bom(raw: bytes) -> Optional[Decoded]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode_replacing(raw[len(bom):], encoding)
    return None


def _decode_bomless_utf16(raw: bytes) -> Optional[Decoded]:
    """UTF-16 without a BOM: ASCII letters leave a NUL in every other byte."""
    sample = raw[: SNIFF_BYTES & ~1]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        encoding = "utf-16-le"
    elif even_nuls > 0.3 and odd_nuls < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    return _decode_replacing(raw, encoding)


def _decode_8bit(raw: bytes, declared: Optional[str]) -> Decoded:
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_like_damaged_utf8(raw):
        return _decode_replacing(raw, "utf-8")
    if declared:
        encoding = _web_encoding(declared)
        if encoding:
            try:
                return Decoded(raw.decode(encoding), encoding)
            except UnicodeDecodeError:
                pass
    if _reads_as_western(raw[:SNIFF_BYTES]):
        return Decoded(raw.decode("cp1252"), "cp1252")
    detected = _detect(raw)
    if detected:
        try:
            return Decoded(raw.decode(detected), detected)
        except UnicodeDecodeError:
            return _decode_replacing(raw, detected)
    return _decode_replacing(raw, "cp1252")


def _reads_as_western(sample: bytes) -> bool:
    """True when Windows-1252 gives ordinary Western European text.

    Statistical detectors confuse Western and Central European code pages on short texts. In
    Western text most letters are ASCII and the rest are accented letters and typographic
    punctuation; Cyrillic, Greek, Hebrew or Arabic code pages read as Windows-1252 instead give
    mostly non-ASCII letters, and Central European ones give symbols such as ³ and ¹.
    """
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = [char for char in text if ord(char) > 0x7F]
    if not high:
        return True
    if len(high) / max(1, len(sample)) <= _FEW_HIGH_BYTES and all(c in _WESTERN_CHARS for c in high):
        return True
    letters = sum(1 for char in text if char.isalpha())
    western = sum(1 for char in high if char in _WESTERN_CHARS)
    return len(high) <= 0.4 * max(1, letters) and western >= 0.95 * len(high)


_WESTERN_CHARS = set(
    "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœšžÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒŠŽ"
    "€‚„…†‡‰‹›‘’“”•–—™«»°±·¡¿©®§¶ºª£¥¢\xa0"
)


_CENTRAL_CHARS = set(
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻčďěňřšťůžýáéíúČĎĚŇŘŠŤŮŽÝÁÉÍÚőűöüŐŰÖÜäôĺľŕÄÔĹĽŔăâîșțşţĂÂÎȘȚŞŢ"
    "„“”‚‘’–—…«»°·\xa0"
)


def _looks_like_damaged_utf8(raw: bytes) -> bool:
    """Mostly valid UTF-8 with a few bad bytes (a truncated download, one pasted byte)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    return good > 0 and good >= bad


def _web_encoding(label: str) -> Optional[str]:
    """A codec for a declared charset label; like browsers, read Latin-1 labels as Windows-1252."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    if name in _WESTERN_ALIASES:
        return "cp1252"
    return name


def _detect(raw: bytes) -> Optional[str]:
    from charset_normalizer import from_bytes  # lazy: only legacy-encoded files need it

    best = from_bytes(raw[: 4 * SNIFF_BYTES]).best()
    if best is None:
        return None
    encoding = best.encoding
    if codecs.lookup(encoding).name in _WESTERN_ALIASES:
        # Not plain Western text (checked before): Central European text is the usual confusion.
        if _reads_as(raw[:SNIFF_BYTES], "cp1250", _CENTRAL_CHARS):
            return "cp1250"
        try:
            raw.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return encoding
    return encoding


def _reads_as(sample: bytes, encoding: str, expected: set[str]) -> bool:
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    high = [char for char in text if ord(char) > 0x7F]
    return bool(high) and sum(char in expected for char in high) >= 0.95 * len(high)


def _decode_replacing(raw: bytes, encoding: str) -> Decoded:
    text = raw.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - raw.decode(encoding, errors="ignore").count("\ufffd")
    warnings = []
    if bad > 0:
        warnings.append(
            f"{bad} invalid byte sequence{'s' if bad != 1 else ''} for {encoding} "
            f"replaced by \ufffd"
        )
    return Decoded(text, encoding, warnings)


def _refuse_control_heavy(text: str) -> None:
    """Mostly control characters means a binary file that happened to decode."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return
    controls = sum(
        1 for char in sample
        if char not in "\t\n\r\f\v\x1b" and unicodedata.category(char) in ("Cc", "Cs", "Co")
    )
    if controls / len(sample) > 0.05:
        raise IngestError("this is not a text file (it contains binary data)")
