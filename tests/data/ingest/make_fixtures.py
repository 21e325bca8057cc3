"""Write the ingest test corpus with exact bytes. Run once; the generated files are committed.

    .venv/bin/python tests/data/ingest/make_fixtures.py

The articles are invented (places and people are fictional) but shaped like real news: headline,
byline or dateline, paragraphs, quotes; the HTML pages carry what real pages carry around the
story (navigation, cookie banner, ads, related links, newsletter box, comments, footer, scripts).
"""
from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent

BODY = (
    "Heavy shelling broke out along the border between Northland and Eastmark on Tuesday night, "
    "according to officials in both capitals.\n\n"
    "Northland’s defence ministry said at least 12 soldiers had been killed. “This is a deliberate "
    "provocation,” a ministry spokesperson said.\n\n"
    "Eastmark denied starting the fighting and accused Northland of shelling three villages.\n\n"
    "The regional security council called for an immediate ceasefire on Wednesday.\n"
)


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def text_files() -> None:
    title = "Border clashes leave a dozen soldiers dead\n\n"
    write("utf8.txt", (title + BODY).encode("utf-8"))
    write("utf8_bom.txt", codecs.BOM_UTF8 + (title + BODY).encode("utf-8"))
    write("utf16le_bom.txt", codecs.BOM_UTF16_LE + (title + BODY).encode("utf-16-le"))
    write("utf16be_bom.txt", codecs.BOM_UTF16_BE + (title + BODY).encode("utf-16-be"))
    write("utf16le_nobom.txt", (title + BODY).encode("utf-16-le"))
    # Windows-1252: curly quotes and an em dash are single bytes 0x91-0x97.
    cp1252 = (
        "Ministers meet as truce holds\r\n\r\n"
        "“We want peace,” the minister said — but the talks, he added, ‘could take weeks’.\r\n"
        "Officials in the café district said the price of bread rose by 5 €.\r\n"
    )
    write("cp1252_quotes.txt", cp1252.encode("cp1252"))
    latin1 = (
        "Réfugiés à la frontière\n\n"
        "Des milliers de réfugiés ont franchi la frontière près de Saint-Étienne-du-Nord. "
        "Le ministre a déclaré : « La situation est très grave ». Les écoles ont été fermées "
        "à Château-Neuf, où l’armée a installé des tentes. Ça dure depuis trois jours, "
        "a précisé un élu âgé de soixante ans.\n"
    ).replace("’", "'")
    write("latin1_french.txt", latin1.encode("latin-1"))
    russian = (
        "Переговоры о перемирии\n\n"
        "Министр иностранных дел заявил во вторник, что переговоры о прекращении огня начнутся "
        "на следующей неделе. По его словам, обе стороны согласились обменяться пленными, а "
        "наблюдатели прибудут в регион в ближайшие дни. Жители приграничных сёл сообщают о "
        "продолжающихся обстрелах и просят о помощи.\n"
    )
    write("cp1251_russian.txt", russian.encode("cp1251"))
    write("mixed_endings.txt", b"Title line\r\nSecond line\rThird line\nFourth line\r\n\r\nLast paragraph.\n")
    damaged = (title + BODY).encode("utf-8").replace(b"killed.", b"killed\xff\xfe.")
    write("invalid_utf8.txt", damaged)


def dated_texts() -> None:
    write("dateline_reuters.txt", (
        "Fighting resumes in the north\n\n"
        "NORTHPORT, Sept 13 (Reuters) - Fighting resumed on Tuesday in the hills north of the city, "
        "two officials said, after a ceasefire agreed last week collapsed.\n\n"
        "The army said it had repelled an attack on March 3, 2021 in the same area.\n"
    ).encode("utf-8"))
    write("dateline_full.txt", (
        "Ceasefire talks open\n\n"
        "GENEVA, March 3, 2021 (AP) — Envoys from both sides met on Wednesday for the first time "
        "since the fighting began.\n"
    ).encode("utf-8"))
    write("dateline_agency_paren.txt", (
        "Minister holds talks with both commanders\n\n"
        "Staff Reporter (@reporter) \n\n"
        "NORTHPORT (Example News / Wire - 18th April, 2023) The foreign minister on Tuesday held talks "
        "with the commanders of both armed forces.\n"
    ).encode("utf-8"))
    write("published_line.txt", (
        "Talks collapse as shelling resumes\n\n"
        "By Jane Example, Security Correspondent\n"
        "Published 13 September 2022\n\n"
        "Talks between the two governments collapsed on Monday.\n"
    ).encode("utf-8"))
    write("published_time_line.txt", (
        "Envoy discusses clashes with both sides\n\n"
        "Staff Writer (@staff) Published April 18, 2023 | 03:00 PM\n\n"
        "The envoy on Tuesday held talks with both commanders.\n"
    ).encode("utf-8"))
    write("updated_line.txt", (
        "Shelling continues overnight\n"
        "Updated 15:18 13.9.2022\n"
        "Shelling continued overnight, residents said.\n"
    ).encode("utf-8"))
    write("published_and_updated.txt", (
        "Aid convoy reaches the city\n"
        "Updated: 16 September 2022 09:10 | Published: 14 September 2022 18:45\n"
        "An aid convoy reached the besieged city on Wednesday.\n"
    ).encode("utf-8"))
    write("byline_date.txt", (
        "Rockets fired at border town\n\n"
        "By Sam Writer\n"
        "Nov 15, 2012\n\n"
        "Rockets were fired at the border town on Thursday, police said.\n"
    ).encode("utf-8"))
    write("time_only.txt", (
        "Clashes broke out on the border on Tuesday night.\n"
        "15:05•Updated 15:18\n"
        "Clashes broke out on Tuesday night local time, officials said.\n"
    ).encode("utf-8"))
    write("body_date_only.txt", (
        "Parliament debates the treaty\n\n"
        "Lawmakers debated the treaty on Monday.\n\n"
        "The opposition leader said the government had ignored warnings.\n\n"
        "A spokesman said the treaty, signed on 4 June 2019, was still valid.\n\n"
        "The report, published on March 3, 2018, found no violations.\n"
    ).encode("utf-8"))
    write("with_sidecar.txt", ("Sidecar article first line\n\n" + BODY).encode("utf-8"))
    write("with_sidecar.meta.json", (
        '{\n "published": "2021-06-01T08:30:00",\n "title": "The sidecar title",\n'
        ' "source": "test fixture"\n}\n'
    ).encode("utf-8"))


def markdown_files() -> None:
    write("article.md", (
        "---\n"
        "title: \"Ceasefire agreed after week of fighting\"\n"
        "date: 2023-05-30\n"
        "---\n\n"
        "# Ceasefire agreed after week of *fighting*\n\n"
        "**Both sides** agreed to a [ceasefire](https://example.org/ceasefire) on Monday, the\n"
        "mediators said. ![A photo of the talks](talks.jpg)\n\n"
        "## What was agreed\n\n"
        "- Troops withdraw `5 km` from the line\n"
        "- Prisoners are exchanged\n"
        "  1. first the wounded\n\n"
        "> \"It is a first step,\" the mediator said.\n\n"
        "```\nraw code block\n```\n\n"
        "<div class=\"note\">Reporting by <b>Jane Example</b></div>\n\n"
        "| Side | Killed |\n|---|---|\n| North | 12 |\n| East | 9 |\n\n"
        "Talks resume on _Friday_.<br>Observers will attend.\n"
    ).encode("utf-8"))
    write("published_line.md", (
        "# Talks resume\n\n"
        "*Published 2 March 2024*\n\n"
        "Talks resumed on Saturday in the capital.\n"
    ).encode("utf-8"))


HEAD_SCRIPTS = (
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
    "gtag('js',new Date());</script>\n"
    "<script async src=\"https://ads.example.net/tag.js\"></script>\n"
    "<style>.cookie{position:fixed}.ad{min-height:250px}</style>\n"
)
NAV = (
    "<header class=\"site-header\"><a class=\"logo\" href=\"/\">The Daily Example</a>\n"
    "<nav class=\"main-nav\"><ul><li><a href=\"/world\">World</a></li><li><a href=\"/politics\">Politics"
    "</a></li><li><a href=\"/business\">Business</a></li><li><a href=\"/sport\">Sport</a></li>"
    "<li><a href=\"/culture\">Culture</a></li><li><a href=\"/subscribe\">Subscribe now</a></li></ul></nav>"
    "</header>\n"
)
COOKIE = (
    "<div id=\"cookie-consent\" class=\"cookie-banner\"><p>We use cookies to personalise content and "
    "ads and to analyse our traffic. By clicking Accept all you agree to our use of cookies.</p>"
    "<button>Accept all</button><button>Manage preferences</button></div>\n"
)
AD = "<div class=\"ad ad-slot\"><span>Advertisement</span><iframe src=\"about:blank\"></iframe></div>\n"
RELATED = (
    "<aside class=\"related\"><h3>Related stories</h3><ul>"
    "<li><a href=\"/a\">Five things to know about the border dispute</a></li>"
    "<li><a href=\"/b\">Opinion: why the ceasefire keeps failing</a></li>"
    "<li><a href=\"/c\">Markets slide as oil prices jump</a></li></ul></aside>\n"
)
NEWSLETTER = (
    "<div class=\"newsletter-signup\"><h4>Sign up for our morning briefing</h4>"
    "<p>Get the day's top stories in your inbox every morning.</p><form><input type=\"email\">"
    "<button>Sign up</button></form></div>\n"
)
COMMENTS = (
    "<section id=\"comments\" class=\"comments\"><h3>Comments (2)</h3>"
    "<div class=\"comment\"><span class=\"author\">reader42</span><p>This is exactly what I predicted "
    "months ago, nobody listens.</p></div>"
    "<div class=\"comment\"><span class=\"author\">pundit_x</span><p>Terrible reporting, biased as "
    "always from this paper.</p></div></section>\n"
)
FOOTER = (
    "<footer class=\"site-footer\"><p>© 2022 The Daily Example. All rights reserved.</p>"
    "<ul><li><a href=\"/privacy\">Privacy policy</a></li><li><a href=\"/terms\">Terms of use</a></li>"
    "<li><a href=\"/contact\">Contact us</a></li></ul></footer>\n"
    "<script>document.querySelector('.cookie-banner').remove();</script>\n"
)
STORY_PARAGRAPHS = [
    "NORTHPORT — Heavy shelling broke out along the border between Northland and Eastmark on Tuesday "
    "night, officials in both capitals said, in the worst fighting between the neighbours in two years.",
    "Northland’s defence ministry said at least 12 of its soldiers had been killed and accused "
    "Eastmark of attacking positions near three border villages with artillery and drones.",
    "“This is a deliberate provocation and we will respond,” ministry spokesperson Ana Field told "
    "reporters in the capital on Wednesday morning.",
    "Eastmark’s foreign ministry denied starting the fighting. It said its forces had only returned "
    "fire after Northland troops crossed the line of contact shortly after midnight.",
    "The regional security council called for an immediate ceasefire, and the foreign ministers of "
    "three neighbouring states offered to mediate talks later this week.",
    "Residents of the border town of Millbrook said they had spent the night in basements. Power "
    "was cut to several districts, and the local hospital reported dozens of wounded civilians.",
    "The two countries fought a six-week war in 2020 that ended with a truce brokered by the "
    "regional council. Sporadic clashes have continued since then despite repeated peace talks.",
]


def news_page(head_meta: str, story_header: str, extra_body: str = "", charset: str = "utf-8") -> str:
    paragraphs = STORY_PARAGRAPHS[:3] + [AD.strip()] + STORY_PARAGRAPHS[3:5] + [
        "<blockquote><p>“We are ready to host the talks,” the council’s chair said.</p></blockquote>"
    ] + STORY_PARAGRAPHS[5:]
    body = "\n".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"{charset}\">\n{head_meta}"
        f"{HEAD_SCRIPTS}</head>\n<body>\n<!-- begin page: tracking pixel below -->\n{NAV}{COOKIE}"
        f"<main>\n<article class=\"story\">\n{story_header}\n"
        "<figure><img src=\"shelling.jpg\" alt=\"Smoke over a village\"><figcaption>Smoke rises over a "
        "border village. Photo: Example Agency</figcaption></figure>\n"
        f"<div class=\"story-body\">\n{body}\n{extra_body}</div>\n"
        "<p class=\"read-more\"><a href=\"/world/border-explainer\">Read more: the border dispute "
        "explained</a></p>\n"
        f"</article>\n{RELATED}{NEWSLETTER}{COMMENTS}</main>\n{FOOTER}</body>\n</html>\n"
    )


HEADLINE = "Shelling on the border kills 12 soldiers as ceasefire collapses"


def html_files() -> None:
    jsonld = (
        f"<title>{HEADLINE} | World news | The Daily Example</title>\n"
        f"<meta property=\"og:title\" content=\"{HEADLINE}\">\n"
        "<meta property=\"og:site_name\" content=\"The Daily Example\">\n"
        "<meta property=\"og:type\" content=\"article\">\n"
        "<meta property=\"og:url\" content=\"https://daily.example/world/border-shelling\">\n"
        "<meta name=\"description\" content=\"At least 12 soldiers were killed.\">\n"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"name\":\"The Daily Example\"},"
        f"{{\"@type\":\"NewsArticle\",\"headline\":\"{HEADLINE}\","
        "\"datePublished\":\"2022-09-13T15:05:00+02:00\",\"dateModified\":\"2022-09-14T09:00:00+02:00\","
        "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Example\"}}]}</script>\n"
    )
    header = (
        f"<h1 class=\"headline\">{HEADLINE}</h1>\n"
        "<div class=\"byline\">By <a href=\"/jane\">Jane Example</a> · "
        "<time datetime=\"2022-09-13T13:05:00Z\">13 September 2022</time></div>"
    )
    write("news_jsonld.html", news_page(jsonld, header).encode("utf-8"))

    og = (
        f"<title>{HEADLINE} - The Daily Example</title>\n"
        f"<meta property=\"og:title\" content=\"{HEADLINE}\">\n"
        "<meta property=\"article:published_time\" content=\"2023-05-30T07:45:00Z\">\n"
        "<meta property=\"article:modified_time\" content=\"2023-05-31T10:00:00Z\">\n"
    )
    write("news_opengraph.html", news_page(og, f"<h1>{HEADLINE}</h1>").encode("utf-8"))

    time_only = f"<title>{HEADLINE} – The Daily Example</title>\n"
    header = (
        f"<header class=\"story-header\"><h1>{HEADLINE}</h1><p class=\"meta\">By Jane Example "
        "<time datetime=\"2020-06-16\">June 16, 2020</time></p></header>"
    )
    write("news_time_element.html", news_page(time_only, header).encode("utf-8"))

    # A legacy page: Windows-1252 declared in <meta>, curly quotes as single bytes, no date markup;
    # the dateline in the story gives the date.
    legacy_story = [
        "ASHFORD, March 3, 2021 (AP) — Envoys from both sides met on Wednesday for the first time "
        "since the fighting began, the mediators said.",
        "“We are cautiously optimistic,” one envoy told reporters — adding that the café where "
        "they met was chosen because it was “neutral ground”.",
        "A second round of talks is planned for next month in the same city, officials said.",
    ]
    legacy = (
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
        "<title>Envoys meet for first talks</title></head><body>" + NAV + COOKIE
        + "<div id=\"content\"><h1>Envoys meet for first talks</h1>"
        + "".join(f"<p>{p}</p>" for p in legacy_story) + "</div>" + COMMENTS + FOOTER
        + "</body></html>"
    )
    write("legacy_cp1252.htm", legacy.encode("cp1252"))

    table_story = news_page(
        og.replace("2023-05-30T07:45:00Z", "2023-06-02T12:00:00+00:00"),
        f"<h1>{HEADLINE}</h1>",
        extra_body="<table><tr><th>Side</th><th>Killed</th><th>Wounded</th></tr>"
        "<tr><td>Northland</td><td>12</td><td>40</td></tr>"
        "<tr><td>Eastmark</td><td>9</td><td>31</td></tr></table>",
    )
    write("news_table.html", table_story.encode("utf-8"))

    write("scripts_only.html", (
        "<!DOCTYPE html><html><head><script>var a = 1;</script></head><body>"
        "<script>document.write('<p>Hello</p>');</script><noscript></noscript>"
        "<style>p{color:red}</style></body></html>"
    ).encode("utf-8"))


def sniffed_files() -> None:
    write("saved_page.dat", news_page(
        f"<title>{HEADLINE}</title>\n", f"<h1>{HEADLINE}</h1>").encode("utf-8"))
    write("notes.article", (
        "# Evacuation ordered\n\n"
        "Authorities ordered the **evacuation** of [three villages](https://example.org) on Sunday.\n\n"
        "- Buses left at dawn\n- Shelters opened in schools\n"
    ).encode("utf-8"))
    write("plain.log", (title_and_body := "Plain notes\n\nNothing marked up here, just sentences.\n").encode("utf-8"))
    del title_and_body


def bad_files() -> None:
    write("empty.txt", b"")
    write("whitespace.txt", b"  \n\t\r\n   \n")
    write("bom_only.txt", codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"))
    write("binary.bin", bytes(range(256)) * 8)
    write("binary_named.txt", b"\x00\x01\x02\x03garbage\x00\x00\x10\x11" * 64)
    write("fake.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    write("image.png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")


if __name__ == "__main__":
    text_files()
    dated_texts()
    markdown_files()
    html_files()
    sniffed_files()
    bad_files()
    print("written to", HERE)
