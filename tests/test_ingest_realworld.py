"""Failure classes found on real saved news pages, each on a small page written in their shape.

The real pages (trafilatura's, htmldate's and newspaper4k's test pages) are measured by
benchmarks/html_pages.py outside the repository; these fixtures keep each fix from regressing.
"""
from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT
from timeline_app.ingest import load
from timeline_app.ingest.formats.html import _htmldate, _parse, _without_trailing_clutter

DATA = ROOT / "tests" / "data" / "ingest"


def _spans_index_into_text(article) -> None:
    # Whatever the page, the text is one plain string that spans can index: no markup left.
    assert "<" not in article.text.replace("< ", "") and "&amp;" not in article.text


# ---- publication date ---------------------------------------------------------------------------

def test_teaser_times_in_sidebars_do_not_date_the_story():
    # "Latest" lists mark every entry <time pubdate>; the story's own <time> sits by its <h1>.
    article = load(DATA / "realworld_teaser_times.html")
    assert article.published.isoformat() == "2023-03-14T08:05:00"
    assert article.reference_source == "html-meta"
    assert "Border crossing reopens" not in article.text
    assert "Five years of a frozen conflict" not in article.text
    _spans_index_into_text(article)


def test_time_text_wins_over_a_contradicting_datetime():
    # The reader sees "Publié le 29 juin 2021"; the datetime attribute carries a later edit.
    article = load(DATA / "realworld_time_text_contradicts.html")
    assert article.published.date().isoformat() == "2021-06-29"
    assert "29 juin 2021" in article.reference_note


def test_english_time_text_is_parsed_without_htmldate(tmp_path):
    page = tmp_path / "t.html"
    body = "<p>" + "Officials said the bridge reopened to traffic after repairs on Monday. " * 3 + "</p>"
    page.write_text(
        "<html><head><title>Bridge reopens</title></head><body><main><article><header>"
        "<h1>Bridge reopens after repairs</h1>"
        "<time datetime='2020-05-09T08:00:00Z'>Published May 4, 2020</time></header>"
        f"{body}</article></main></body></html>", encoding="utf-8")
    assert load(page).published.date().isoformat() == "2020-05-04"


def test_matching_time_text_keeps_the_precise_datetime(tmp_path):
    page = tmp_path / "t.html"
    body = "<p>" + "Officials said the bridge reopened to traffic after repairs on Monday. " * 3 + "</p>"
    page.write_text(
        "<html><head><title>Bridge reopens</title></head><body><main><article><header>"
        "<h1>Bridge reopens after repairs</h1>"
        "<time datetime='2020-05-04T08:15:00Z'>4 May 2020</time></header>"
        f"{body}</article></main></body></html>", encoding="utf-8")
    assert load(page).published.isoformat() == "2020-05-04T08:15:00"


def test_date_only_in_the_page_text_is_a_last_resort_guess():
    # No metadata, no <time>, no dateline: htmldate's search of the page text finds the day.
    article = load(DATA / "realworld_date_in_page_text.html")
    assert article.published.date().isoformat() == "2022-03-17"
    assert "from the page text" in article.reference_note
    assert "Facebook" not in article.text


def test_dateline_in_the_text_beats_the_page_text_guess(tmp_path):
    page = tmp_path / "t.html"
    page.write_text(
        "<html><head><title>Talks resume</title></head><body><div class='post'>"
        "<h2>Talks resume in the capital</h2><div class='entry'>"
        "<p>NORTHPORT, March 2, 2022 — Delegations from both sides met again on Wednesday to discuss "
        "the exchange of prisoners, officials said.</p>"
        "<p>The previous round collapsed in January after each side accused the other of changing "
        "the lists at the last minute, mediators said.</p></div>"
        "<div class='teilen'><h5>17.03.2022</h5></div></div></body></html>", encoding="utf-8")
    article = load(page)
    assert article.published.date().isoformat() == "2022-03-02"
    assert article.reference_source == "text"


def test_a_copyright_year_alone_is_no_publication_day():
    tree = _parse(
        "<html><body><div><p>Opening hours and directions to the office of the association.</p></div>"
        "<div class='footer'>© 2021 Example Association</div></body></html>")
    assert _htmldate(tree, extensive=True) is None


# ---- title ----------------------------------------------------------------------------------

def test_site_link_inside_the_h1_is_not_part_of_the_headline():
    article = load(DATA / "realworld_h1_site_link.html")
    assert article.title == "El fiscal recurrirá la decisión sobre el puerto"
    assert article.text.startswith("El fiscal recurrirá la decisión sobre el puerto\n\n")
    assert "Diario Ejemplo" not in article.text  # neither glued to the headline nor repeated
    assert "ley de costas" in article.text


# ---- main text ------------------------------------------------------------------------------

def test_trailing_read_more_section_is_dropped():
    article = load(DATA / "realworld_related_tail.html")
    assert article.text.rstrip().endswith("local pause in fighting agreed on Friday.")
    for junk in ("Read more", "Ceasefire monitors report", "Refugees describe", "Analysis: what the pause"):
        assert junk not in article.text
    assert article.published.isoformat() == "2022-11-05T12:30:00"


def test_trailing_clutter_rule_keeps_sign_offs_and_closing_lists():
    story = [("p", "The agency said it hoped to send a second convoy next week.")]
    # A lone short last line (a sign-off) is the story's own.
    assert _without_trailing_clutter(story + [("p", "x Franzi")]) == story + [("p", "x Franzi")]
    # A list that ends the story without a label before it (steps, demands, casualty lines) stays.
    facts = ("list", "12 soldiers killed\n30 civilians wounded")
    assert _without_trailing_clutter(story + [facts]) == story + [facts]
    # A list of full sentences after a heading is content, not links.
    content = [("head", "What was agreed"), ("list", "Both sides withdraw heavy guns.\nMonitors deploy.")]
    assert _without_trailing_clutter(story + content) == story + content
    # Label + headline links (+ another label) is a "related" section.
    related = [("head", "More on this story"), ("list", "Monitors report violations\nWhat the pause means"),
               ("p", "Share")]
    assert _without_trailing_clutter(story + related) == story


# ---- the benchmark itself -------------------------------------------------------------------

def _benchmark():
    spec = importlib.util.spec_from_file_location("html_pages", ROOT / "benchmarks" / "html_pages.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("html_pages", module)  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_benchmark_skips_without_a_corpus(tmp_path, capsys):
    assert _benchmark().main([str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_benchmark_scores_a_small_corpus(tmp_path, capsys):
    import json
    import shutil

    page = tmp_path / "fixtures" / "teaser"
    page.mkdir(parents=True)
    shutil.copyfile(DATA / "realworld_teaser_times.html", page / "source.html")
    (page / "expected.json").write_text(json.dumps({
        "title": "Talks on prisoner exchange resume in neutral capital", "published": "2023-03-14",
        "body_snippets": ["Negotiators from both sides met again on Tuesday", "a mediator told reporters"],
        "boilerplate": ["Border crossing reopens for trucks", "© 2023 Example Courier"],
    }), encoding="utf-8")
    assert _benchmark().main([str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    total = next(line for line in lines if line.startswith("TOTAL"))
    assert total.count("1.000") == 4, total  # recall, boilerplate, title, date all right


def test_standfirst_before_the_article_body_box_is_kept():
    # Extractors lock onto div.article__body and skip the lead above it; the loader puts it back.
    article = load(DATA / "realworld_overlays.html")
    lead = "Rescuers found a fifth victim four days after the landslide buried several houses in the village."
    assert article.text.startswith("Five dead after landslide buries houses in hillside village\n\n" + lead)
    assert article.text.count(lead) == 1
    assert "The prime minister, who visited the site on Thursday" in article.text
    for junk in ("newsletter", "unsubscribe", "confirmation link", "cookies", "I do not want"):
        assert junk not in article.text


def test_lead_is_not_taken_from_captions_bylines_or_sign_up_prompts(tmp_path):
    page = tmp_path / "t.html"
    body = "".join(f"<p>Paragraph {n}: rescue teams kept searching the collapsed buildings through the night.</p>"
                   for n in range(5))
    page.write_text(
        "<html><body><main><article><h1>Quake toll rises to 300</h1>"
        "<figure><img src='a.jpg'><figcaption>Rescuers carry a survivor from the rubble of a school in the "
        "old town on Monday.</figcaption></figure>"
        "<div class='signup-prompt'><p>Join millions of readers who get our morning briefing by email every day.</p></div>"
        "<p class='byline'>By Jane Example, with reporting by the Example Agency in the capital city.</p>"
        f"<div class='article-body'>{body}</div></article></main></body></html>", encoding="utf-8")
    text = load(page).text
    assert "Paragraph 0: rescue teams" in text
    for junk in ("Rescuers carry a survivor", "Join millions", "By Jane Example"):
        assert junk not in text


def test_overlays_are_dropped_but_not_a_box_holding_the_story():
    from timeline_app.ingest.formats.html import _drop_overlays

    tree = _parse(
        "<html><body><div class='modal-wrapper'><article><h1>Story in a lightbox layout</h1>"
        "<p>The story itself.</p></article></div>"
        "<div id='cookie-consent'><p>We use cookies.</p></div>"
        "<div role='dialog'><p>Sign up now.</p></div></body></html>")
    _drop_overlays(tree)
    text = tree.text_content()
    assert "The story itself." in text
    assert "We use cookies." not in text and "Sign up now." not in text


def test_json_ld_article_body_fills_a_page_saved_before_its_script_ran():
    article = load(DATA / "realworld_jsonld_body.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Ceasefire talks stall over prisoner lists"
    assert paragraphs[1].startswith("Ceasefire talks between the two sides stalled on Monday")
    assert paragraphs[-1].startswith("Relatives of prisoners protested outside the venue")
    assert len(paragraphs) == 6  # headline + the five paragraphs, not one run-together block
    assert "Loading the rest" not in article.text
    assert article.published.isoformat() == "2024-02-19T06:40:00"


def test_json_ld_article_body_does_not_replace_a_fuller_page(tmp_path):
    from timeline_app.ingest.formats.html import _json_ld_body_if_longer

    markup = "\n\n".join(f"Paragraph {n} of the story as the page shows it, with all its details." for n in range(12))
    summary = [{"@type": "NewsArticle", "articleBody": "A shorter summary of the story. " * 15}]
    assert _json_ld_body_if_longer(markup, summary) == markup
    assert _json_ld_body_if_longer(markup, [{"@type": "NewsArticle", "articleBody": "Too short."}]) == markup
    html_body = [{"@type": "NewsArticle", "articleBody": "<p>" + "First paragraph of the story. " * 10 + "</p><p>"
                  + "Second paragraph of the story. " * 10 + "</p>"}]
    text = _json_ld_body_if_longer("Teaser.", html_body)
    assert "<p>" not in text and text.count("\n\n") == 1


def test_meta_date_written_in_another_language(tmp_path):
    page = tmp_path / "t.html"
    body = "<p>" + "Die Regierung kündigte am Dienstag neue Hilfen für die betroffenen Regionen an. " * 3 + "</p>"
    page.write_text(
        "<html><head><title>Neue Hilfen</title><meta name='date' content='3. Januar 2019'></head>"
        f"<body><article><h1>Neue Hilfen angekündigt</h1>{body}</article></body></html>", encoding="utf-8")
    article = load(page)
    assert article.published.date().isoformat() == "2019-01-03"
    assert "<meta date>" in article.reference_note


def test_logo_h1_is_the_site_name_and_leaves_the_document_title():
    # <h1><a href="/">Site</a></h1> is a logo; "Site » Headline" loses the site part.
    article = load(DATA / "realworld_logo_h1.html")
    assert article.title == "Verstößt die Klarnamenpflicht gegen deutsches Recht?"
    assert article.text.startswith("Verstößt die Klarnamenpflicht gegen deutsches Recht?\n\n")


@pytest.mark.parametrize("head, h1, expected", [
    # og:title holding a URL slug is no title.
    ("<meta property='og:title' content='child-seat-test-autumn-2018'><title>Child seat test 2018 | Example Club</title>"
     "<meta name='application-name' content='Example Club'>", "", "Child seat test 2018"),
    # The web address names the site: "Ear Candy! | Novalanalove" for novalanalove.example.
    ("<title>Ear Candy! | Novalanalove</title><link rel='canonical' href='https://novalanalove.example/ear-candy/'>",
     "", "Ear Candy!"),
    # A part written as a web address is the site.
    ("<title>Outdoor lovers | iloveponies.example</title>", "", "Outdoor lovers"),
    # A song title's brackets are not cut apart.
    ("<meta property='og:title' content='Only Missing You - Jam Singer (Chinese Name - Singer)'>", "",
     "Only Missing You - Jam Singer (Chinese Name - Singer)"),
    # Other separators: "‹", "›".
    ("<title>Poacher arrested and sentenced to the maximum penalty ‹ Example Conservation Project</title>"
     "<meta property='og:site_name' content='Example Conservation Project'>", "",
     "Poacher arrested and sentenced to the maximum penalty"),
    # A badge inside the <h1> is not part of the headline.
    ("<title>Comedian wishes the mayor good health | Columns | Example Radio</title>",
     "<h1>Comedian wishes the mayor good health <span class='label abo'>Subscribers</span></h1>",
     "Comedian wishes the mayor good health"),
])
def test_title_cleanup_on_real_shapes(tmp_path, head, h1, expected):
    page = tmp_path / "t.html"
    body = "<p>" + "The council said the decision would be reviewed by the court next month. " * 3 + "</p>"
    page.write_text(f"<html><head>{head}</head><body><article>{h1}{body}</article></body></html>", encoding="utf-8")
    assert load(page).title == expected


@pytest.mark.parametrize("url_day, meta_day, expected", [
    ("2017/7/12", "2019-06-17T18:28:00+02:00", "2017-07-12"),  # republished: the address keeps the first day
    ("2019/06/17", "2019-06-18T01:10:00+09:00", "2019-06-18"),  # a day apart (time zones): the metadata stays
    ("2019/06/20", "2019-06-17T18:28:00+02:00", "2019-06-17"),  # an address day after the stated one is not it
])
def test_day_in_the_address_against_the_stated_day(tmp_path, url_day, meta_day, expected):
    page = tmp_path / "t.html"
    body = "<p>" + "The festival opened on the beach with concerts and a market for local crafts. " * 3 + "</p>"
    page.write_text(
        f"<html><head><title>Festival opens</title><link rel='canonical' href='https://blog.example/home/{url_day}/festival'>"
        f"<meta itemprop='datePublished' content='{meta_day}'></head>"
        f"<body><article><h1>Festival opens</h1>{body}</article></body></html>", encoding="utf-8")
    assert load(page).published.date().isoformat() == expected


@pytest.mark.parametrize("head, body_start, expected", [
    # The <title> is only the site's name; the <h1> is the headline.
    ("<title>EXAMPLEORG</title>", "<h1 class='Post-title'>Alternative dispute resolution for damages</h1>",
     "Alternative dispute resolution for damages"),
    # A logo image with the site's motto in the <h1>; the <title> holds the headline.
    ("<title>Files with a migration background - a plan for foreign drawings | Layer 11 - Web . CAD . Training</title>",
     "<h1><object data='/img/layer11Logo.svg'><img src='/img/layer11LogoSmall.png' alt='Layer 11'></object>"
     "<span>Web . CAD . Training</span></h1>",
     "Files with a migration background - a plan for foreign drawings"),
    # A post title linking to itself (href="") is no logo.
    ("<meta property='og:title' content='Resort officially opens on the island'>",
     "<h1 class='post-title entry-title'><a href=''>Resort officially opens on the island</a></h1>",
     "Resort officially opens on the island"),
    # An article thumbnail inside the <h1> does not make it a logo.
    ("<title>Decisions of the general assembly of Tuesday 10 September - Save the University !</title>",
     "<h1><img class='spip_logos' src='thumb.jpg' alt=''> Decisions of the general assembly of Tuesday 10 September</h1>",
     "Decisions of the general assembly of Tuesday 10 September"),
    # Logo <h1>, <title> = the web address: the post's <h2> is its title.
    ("<title>carta.example</title>",
     "<h1><a href='https://carta.example/' rel='home'><img src='logo.svg' alt='carta'></a></h1>"
     "<h2>The new trend: coalitions of necessity</h2><p>by A. Writer, 8.5.12</p>",
     "The new trend: coalitions of necessity"),
])
def test_title_when_title_or_h1_is_the_site(tmp_path, head, body_start, expected):
    page = tmp_path / "t.html"
    body = "<p>" + "The council said the decision would be reviewed by the court next month. " * 3 + "</p>"
    page.write_text(f"<html><head>{head}</head><body><div>{body_start}{body}</div></body></html>", encoding="utf-8")
    assert load(page).title == expected


def test_breadcrumb_trail_at_the_top_is_dropped():
    from timeline_app.ingest.formats.html import _without_leading_breadcrumbs

    story = [("p", "Negotiators met again on Tuesday, officials said."), ("p", "Talks will resume next week.")]
    crumbs = [("p", "Home > News > World > Talks resume"), ("p", "Resort › Interactive › Blog")]
    assert _without_leading_breadcrumbs(crumbs + story) == story
    # A headline with one "/" or a sentence with ">" stays.
    kept = [("head", "Cold war / hot peace"), ("p", "Prices rose > 5% in May > and June, the bank said.")] + story
    assert _without_leading_breadcrumbs(kept) == kept
