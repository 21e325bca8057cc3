"""Markdown and HTML become plain text; unknown extensions are sniffed; titles come from the page."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from timeline_app.ingest import load
from timeline_app.ingest.formats.html_meta import _strip_site_name
from timeline_app.ingest.sniff import sniff_format

DATA = ROOT / "tests" / "data" / "ingest"
HEADLINE = "Shelling on the border kills 12 soldiers as ceasefire collapses"
STORY_SENTENCES = [
    "NORTHPORT — Heavy shelling broke out along the border between Northland and Eastmark on Tuesday night",
    "Northland’s defence ministry said at least 12 of its soldiers had been killed",
    "“This is a deliberate provocation and we will respond,” ministry spokesperson Ana Field told",
    "Eastmark’s foreign ministry denied starting the fighting.",
    "offered to mediate talks later this week.",
    "“We are ready to host the talks,” the council’s chair said.",
    "the local hospital reported dozens of wounded civilians.",
    "Sporadic clashes have continued since then despite repeated peace talks.",
]
BOILERPLATE = [
    "We use cookies", "Accept all", "Subscribe now", "Politics", "Advertisement", "Related stories",
    "Five things to know", "Sign up for our morning briefing", "reader42", "nobody listens",
    "Terrible reporting", "All rights reserved", "Privacy policy", "dataLayer", "gtag", "cookie-banner",
    "tracking pixel", "Read more", "Photo: Example Agency",
]


# ---- Markdown -------------------------------------------------------------------------------

def test_markdown_markup_stripped():
    article = load(DATA / "article.md")
    assert article.text == (
        "Ceasefire agreed after week of fighting\n\n"
        "Both sides agreed to a ceasefire on Monday, the mediators said.\n\n"
        "What was agreed\n\n"
        "Troops withdraw 5 km from the line\nPrisoners are exchanged\nfirst the wounded\n\n"
        "\"It is a first step,\" the mediator said.\n\n"
        "raw code block\n\n"
        "Reporting by Jane Example\n\n"
        "Side | Killed\nNorth | 12\nEast | 9\n\n"
        "Talks resume on Friday.\nObservers will attend.\n"
    )
    for markup in ("**", "](", "![", "```", "<div", "<br", "---", "# ", "_Friday_", "`"):
        assert markup not in article.text
    assert article.title == "Ceasefire agreed after week of fighting"


def test_markdown_front_matter_date_and_publication_line():
    article = load(DATA / "article.md")
    assert article.reference_source == "text"
    assert str(article.reference_date) == "2023-05-30"
    assert "front matter" in article.reference_note
    dated = load(DATA / "published_line.md")
    assert dated.text.startswith("Talks resume\n\nPublished 2 March 2024\n\n")
    assert str(dated.reference_date) == "2024-03-02"
    assert dated.title == "Talks resume"


# ---- HTML -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["news_jsonld.html", "news_opengraph.html", "news_time_element.html",
                                  "news_table.html"])
def test_news_page_main_text_without_boilerplate(name):
    article = load(DATA / name)
    for sentence in STORY_SENTENCES:
        assert sentence in article.text, sentence
    for junk in BOILERPLATE:
        assert junk not in article.text, junk
    assert article.title == HEADLINE
    assert article.text.startswith(HEADLINE + "\n\n")
    assert "<" not in article.text and "&" not in article.text


def test_news_page_text_is_paragraphs_separated_by_blank_lines():
    article = load(DATA / "news_jsonld.html")
    paragraphs = article.text.strip().split("\n\n")
    assert paragraphs[0] == HEADLINE
    assert paragraphs[1].startswith("NORTHPORT — Heavy shelling")
    assert paragraphs[1].endswith("in the worst fighting between the neighbours in two years.")
    assert len(paragraphs) == 1 + len(STORY_SENTENCES)  # headline, 7 paragraphs and a blockquote


def test_html_table_kept_as_text_rows():
    article = load(DATA / "news_table.html")
    assert "Side | Killed | Wounded\nNorthland | 12 | 40\nEastmark | 9 | 31" in article.text


@pytest.mark.parametrize("name, published, note", [
    ("news_jsonld.html", "2022-09-13T15:05:00", "JSON-LD datePublished"),
    ("news_opengraph.html", "2023-05-30T07:45:00", "article:published_time"),
    ("news_time_element.html", "2020-06-16T00:00:00", "<time datetime>"),
])
def test_html_publication_date_from_metadata(name, published, note):
    article = load(DATA / name)
    assert article.published.isoformat() == published
    assert article.reference_date.isoformat() == published[:10]
    assert article.reference_source == "html-meta"
    assert note in article.reference_note


def test_html_without_date_markup_uses_the_dateline():
    article = load(DATA / "legacy_cp1252.htm")
    assert article.title == "Envoys meet for first talks"
    assert article.reference_source == "text"
    assert article.published.isoformat() == "2021-03-03T00:00:00"
    assert "Comments" not in article.text and "neutral ground" in article.text


def test_html_title_fallbacks(tmp_path):
    page = tmp_path / "t.html"
    body = "<p>" + "The ministry said the talks would resume next week in the capital. " * 3 + "</p>"
    page.write_text(f"<html><head><title>Talks to resume | Example Times</title></head>"
                    f"<body>{body}</body></html>", encoding="utf-8")
    assert load(page).title == "Talks to resume"
    page.write_text(f"<html><body><h1>Only a heading here</h1>{body}</body></html>", encoding="utf-8")
    assert load(page).title == "Only a heading here"


def test_h1_preferred_when_metadata_agrees_and_site_logo_h1_ignored(tmp_path):
    page = tmp_path / "t.html"
    body = "<p>" + "Officials confirmed the exchange of prisoners took place at dawn. " * 3 + "</p>"
    page.write_text(
        "<html><head><meta property='og:site_name' content='Example Times'>"
        "<meta property='og:title' content='Prisoners exchanged at dawn - Example Times'></head>"
        f"<body><h1>Example Times</h1><article><h1>Prisoners exchanged at dawn</h1>{body}</article>"
        "</body></html>", encoding="utf-8")
    assert load(page).title == "Prisoners exchanged at dawn"


@pytest.mark.parametrize("raw, site, expected", [
    ("Headline here about talks | World | Example Times", "Example Times", "Headline here about talks"),
    ("Headline here about talks | World news | Other Paper", "", "Headline here about talks"),
    ("Talks | Fail", "", "Talks | Fail"),
    ("Example Times - Headline here about talks", "Example Times", "Headline here about talks"),
    ("Ukraine war: Kyiv says talks stalled - BBC News", "", "Ukraine war: Kyiv says talks stalled"),
    ("Short title", "", "Short title"),
])
def test_site_name_stripped_from_titles(raw, site, expected):
    assert _strip_site_name(raw, site) == expected


# ---- sniffing unknown extensions ------------------------------------------------------------

def test_unknown_extensions_are_sniffed():
    page = load(DATA / "saved_page.dat")
    assert page.title == HEADLINE and "We use cookies" not in page.text
    notes = load(DATA / "notes.article")
    assert notes.text == ("Evacuation ordered\n\nAuthorities ordered the evacuation of three villages "
                          "on Sunday.\n\nBuses left at dawn\nShelters opened in schools\n")
    plain = load(DATA / "plain.log")
    assert plain.text == "Plain notes\n\nNothing marked up here, just sentences.\n"


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    target = tmp_path / "page.txt"
    shutil.copy(DATA / "news_opengraph.html", target)
    article = load(target)
    assert article.title == HEADLINE and "<html" not in article.text


def test_forced_format_overrides_the_suffix():
    article = load(DATA / "notes.article", format="text")
    assert article.text.startswith("# Evacuation ordered")


@pytest.mark.parametrize("head, kind", [
    ("<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>", "html"),
    ("# Title\n\nSome [link](http://a.b) here.", "markdown"),
    ("Title\n\nA sentence - with a dash. And * a star.\n", "text"),
    ("Results:\n- one\n- two\n", "text"),
])
def test_sniff(head, kind):
    assert sniff_format(head) == kind


def test_text_title_is_first_line_shortened_when_a_paragraph(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(("word " * 100).strip() + "\n", encoding="utf-8")
    title = load(path).title
    assert len(title) <= 201 and title.endswith("…")


def test_h1_kept_when_og_title_is_a_shortened_form(tmp_path):
    page = tmp_path / "t.html"
    body = "<p>" + "Rescue teams searched the rubble through the night for survivors. " * 3 + "</p>"
    page.write_text(
        "<html><head><meta property='og:title' content='Quake kills hundreds in mountain region'>"
        "<meta property='og:updated_time' content='2023-02-07T10:00:00Z'></head><body><article>"
        f"<h1>Quake kills hundreds in mountain region, rescuers say</h1>{body}</article></body></html>",
        encoding="utf-8")
    article = load(page)
    assert article.title == "Quake kills hundreds in mountain region, rescuers say"
    # No publication date: the update time is the last resort (htmldate or our own reader).
    assert article.reference_date.isoformat() == "2023-02-07"
    assert article.reference_source == "html-meta"


def test_json_ld_in_cdata_wrapper_and_video_object_first(tmp_path):
    page = tmp_path / "t.html"
    body = "<p>" + "The ministry said the convoy reached the city before dawn on Friday. " * 3 + "</p>"
    page.write_text(
        "<html><head><title>Convoy reaches city</title>"
        "<script type='application/ld+json'>{\"@type\":\"VideoObject\",\"uploadDate\":\"2019-01-01\"}</script>"
        "<script type='application/ld+json'>//<![CDATA[\n{\"@type\":\"NewsArticle\","
        "\"datePublished\":\"2021-02-03T04:05:06Z\"}\n//]]></script>"
        f"</head><body><article><h1>Convoy reaches city</h1>{body}</article></body></html>",
        encoding="utf-8")
    article = load(page)
    assert article.published.isoformat() == "2021-02-03T04:05:06"
    assert article.reference_source == "html-meta"


def test_date_in_canonical_url(tmp_path):
    page = tmp_path / "t.html"
    body = "<p>" + "Leaders met in the capital to discuss the border dispute on Sunday. " * 3 + "</p>"
    page.write_text(
        "<html><head><title>Leaders meet</title>"
        "<link rel='canonical' href='https://news.example/world/2022/09/18/leaders-meet/'>"
        f"</head><body><article>{body}</article></body></html>", encoding="utf-8")
    article = load(page)
    assert article.reference_date.isoformat() == "2022-09-18"
    assert "URL" in article.reference_note


def test_microdata_date_in_the_body(tmp_path):
    page = tmp_path / "t.html"
    body = "<p>" + "Negotiators reported progress on a prisoner exchange late on Thursday. " * 3 + "</p>"
    page.write_text(
        "<html><head><title>Progress on exchange</title></head><body><article>"
        "<h1 itemprop='headline'>Progress on exchange</h1>"
        "<span itemprop='datePublished' content='2024-01-11T18:20:00+01:00'>11 Jan</span>"
        f"{body}</article></body></html>", encoding="utf-8")
    article = load(page)
    assert article.published.isoformat() == "2024-01-11T18:20:00"
    assert "datepublished" in article.reference_note


def test_tiny_page_falls_back_to_its_visible_text(tmp_path):
    page = tmp_path / "tiny.html"
    page.write_text("<html><body><script>var x;</script>Short text.</body></html>", encoding="utf-8")
    article = load(page)
    assert article.text == "Short text.\n"
    assert article.title == "Short text."


def test_every_article_read_is_a_valid_model():
    """load() builds its Article without validating (start-up speed): what it builds must validate."""
    from timeline_app.ingest import IngestError
    from timeline_app.model import Article

    read = 0
    for path in sorted(p for p in DATA.rglob("*") if p.is_file() and not p.name.endswith(".meta.json")):
        try:
            article = load(path)
        except IngestError:
            continue
        assert Article.model_validate(article.model_dump()) == article, path.name
        read += 1
    assert read >= 10
