"""Opening an article never runs scripts, never touches the network, never reads other files;
plain text never pays for the HTML machinery."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from timeline_app.ingest import content_key, load

DATA = ROOT / "tests" / "data" / "ingest"


def test_txt_does_not_import_the_html_or_markdown_machinery():
    code = (
        "import sys; from timeline_app.ingest import load; "
        f"a = load({str(DATA / 'utf8.txt')!r}); "
        "heavy = [m for m in ('trafilatura', 'htmldate', 'lxml', 'markdown_it', 'charset_normalizer', "
        "'PySide6') if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_html_opens_with_the_network_forbidden():
    """An audit hook (PEP 578) fails the process on any socket use or new process while loading."""
    code = (
        "import sys\n"
        "def guard(event, args):\n"
        "    if event.startswith(('socket.', 'subprocess.', 'urllib.')) or event == 'os.system':\n"
        "        raise RuntimeError('ingest used the network or a process: ' + event)\n"
        "sys.addaudithook(guard)\n"
        "from timeline_app.ingest import load\n"
        f"article = load({str(DATA / 'news_jsonld.html')!r})\n"
        "print(article.reference_source, 'Heavy shelling' in article.text)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["html-meta", "True"]


def test_external_entities_and_includes_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    page = tmp_path / "xxe.html"
    page.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>\n'
        '<html><head><title>Entity test page</title>'
        f'<link rel="stylesheet" href="file://{secret}"></head><body><article>'
        '<p>Officials said the talks would continue next week in the capital, &leak; according to '
        'a statement released by the ministry on Monday afternoon.</p>'
        f'<iframe src="file://{secret}"></iframe><object data="file://{secret}"></object>'
        '<script>document.write("SCRIPT-RAN")</script></article></body></html>',
        encoding="utf-8",
    )
    article = load(page)
    assert "TOP-SECRET-CONTENT" not in article.text
    assert "SCRIPT-RAN" not in article.text
    assert "Officials said the talks would continue" in article.text


def test_content_key_is_sha256_of_the_decoded_text():
    utf8 = load(DATA / "utf8.txt")
    utf16 = load(DATA / "utf16be_bom.txt")
    assert content_key(utf8) == content_key(utf16)  # same text, different bytes: same key
    assert len(content_key(utf8)) == 64
    assert content_key(utf8) != content_key(load(DATA / "cp1252_quotes.txt"))
