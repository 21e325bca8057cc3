"""Decoding: every encoding a saved article comes in gives the same text; binary files are refused."""
from __future__ import annotations

import pytest

from conftest import ROOT
from timeline_app.ingest import IngestError, load
from timeline_app.ingest.decode import decode

DATA = ROOT / "tests" / "data" / "ingest"
TITLE = "Border clashes leave a dozen soldiers dead"


@pytest.mark.parametrize("name", [
    "utf8.txt", "utf8_bom.txt", "utf16le_bom.txt", "utf16be_bom.txt", "utf16le_nobom.txt",
])
def test_unicode_encodings_give_identical_text(name):
    reference = (DATA / "utf8.txt").read_text(encoding="utf-8")
    article = load(DATA / name)
    assert article.text == reference
    assert not article.text.startswith("\ufeff")
    assert article.title == TITLE
    assert "Northland’s defence ministry" in article.text
    assert article.warnings == []


def test_windows_1252_curly_quotes_and_crlf():
    article = load(DATA / "cp1252_quotes.txt")
    assert article.text == (
        "Ministers meet as truce holds\n\n"
        "“We want peace,” the minister said — but the talks, he added, ‘could take weeks’.\n"
        "Officials in the café district said the price of bread rose by 5 €.\n"
    )
    assert "\r" not in article.text


def test_latin1_french_is_not_mistaken_for_central_european():
    article = load(DATA / "latin1_french.txt")
    assert article.title == "Réfugiés à la frontière"
    assert "« La situation est très grave »" in article.text
    assert "Château-Neuf, où l'armée" in article.text


def test_cyrillic_legacy_code_page_detected():
    article = load(DATA / "cp1251_russian.txt")
    assert article.title == "Переговоры о перемирии"
    assert "обменяться пленными" in article.text


def test_mixed_line_endings_normalised():
    article = load(DATA / "mixed_endings.txt")
    assert article.text == "Title line\nSecond line\nThird line\nFourth line\n\nLast paragraph.\n"


def test_invalid_bytes_replaced_and_reported_not_fatal():
    article = load(DATA / "invalid_utf8.txt")
    assert "killed\ufffd\ufffd." in article.text
    assert "Northland’s" in article.text  # the valid UTF-8 around the bad bytes is intact
    assert len(article.warnings) == 1
    assert "2 invalid byte sequences" in article.warnings[0]


def test_declared_charset_used_for_legacy_html():
    article = load(DATA / "legacy_cp1252.htm")
    assert "“We are cautiously optimistic,” one envoy told reporters — adding that the café" in article.text


def test_decode_prefers_utf8_over_a_wrong_declaration():
    decoded = decode("Zürich “quoted”".encode("utf-8"), declared="iso-8859-1")
    assert decoded.text == "Zürich “quoted”"
    assert decoded.encoding == "utf-8"


def test_utf32_bom():
    decoded = decode(b"\xff\xfe\x00\x00" + "Kyiv — 24 Feb\r\n".encode("utf-32-le"))
    assert decoded.text == "Kyiv — 24 Feb\n"


@pytest.mark.parametrize("name, message", [
    ("binary.bin", "not a text file"),
    ("binary_named.txt", "not a text file"),
    ("fake.pdf.txt", "PDF document"),
    ("image.png.txt", "PNG image"),
])
def test_binary_files_refused_with_a_clear_message(name, message):
    with pytest.raises(IngestError) as caught:
        load(DATA / name)
    text = str(caught.value)
    assert message in text
    assert text.endswith(f"({DATA / name})")
    assert "\n" not in text


def test_central_european_code_page_not_read_as_western():
    text = ("Rząd ogłosił dziś, że rozmowy o zawieszeniu broni zostaną wznowione w przyszłym "
            "tygodniu w stolicy. Żołnierze wycofają się z pozycji.")
    decoded = decode(text.encode("cp1250"))
    assert decoded.text == text
