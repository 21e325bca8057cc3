"""What an HTML page says about itself: title and publication date from its markup.

Reads an already parsed lxml tree; never fetches anything.

Title: the <h1> when the metadata agrees with it (not a logo <h1>: a link home, a logo image),
else og:title, twitter:title, JSON-LD headline, <title>, with the site's name taken out (as the
page declares it, as its web address names it, as its logo shows it).
Date: <meta> keys, JSON-LD, the story's own <time> (not teasers in lists, links or sidebars; its
shown date over a contradicting ``datetime``), a day in the page address when that is earlier.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Iterator, Optional

from ..dates import StatedDate, parse_date_string

#: <meta> keys (property / name / itemprop, lower-cased) naming the publication time, best first.
PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "published_time", "publisheddate", "published-date", "date_published",
    "pub_date", "article.published", "article.created", "article_date_original",
    "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "date.published",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date",
    "original-publish-date", "dc.date.created", "bt:pubdate", "date",
)
#: Keys naming the last change: used only when no publication time is given.
MODIFIED_KEYS = (
    "article:modified_time", "datemodified", "og:modified_time", "og:updated_time", "lastmod",
    "last-modified",
)
TITLE_KEYS = ("og:title", "twitter:title", "headline", "title", "dc.title", "sailthru.title", "parsely-title")
SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site")
URL_KEYS = ("og:url", "twitter:url", "parsely-link")

#: Comment and CDATA wrappers some CMSs put around JSON-LD.
_JSON_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_ARTICLE_TYPES = re.compile(r"article|posting|report|story|webpage", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|\b)")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|«|›|‹|~|:)\s+")


def meta_values(tree) -> dict[str, str]:
    """First ``content`` of each <meta> key (property, name or itemprop; lower-cased).

    Microdata in the body (``itemprop`` with ``content``/``datetime``) counts for the date and
    headline keys; a <meta> in <head> with the same key wins over it.
    """
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key:
                values.setdefault(key.strip().lower(), content.strip())
    # Microdata on any element: <span itemprop="datePublished" content="...">, <time itemprop ...>.
    for element in tree.xpath("//body//*[@itemprop and (@content or @datetime)]"):
        key = element.get("itemprop").strip().lower()
        content = (element.get("content") or element.get("datetime") or "").strip()
        if key in ("datepublished", "headline", "datemodified") and content:
            values.setdefault(key, content)
    return values


def json_ld_objects(tree) -> list[dict[str, Any]]:
    """Every object in the page's JSON-LD blocks (lists and @graph flattened)."""
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(_JSON_WRAPPERS.sub("", script.text or ""), strict=False)
        except ValueError:
            continue
        found.extend(_walk_json_ld(data))
    # Article-like objects first: a page's WebSite or Organization object has no date of its own.
    found.sort(key=lambda obj: 0 if _ARTICLE_TYPES.search(str(obj.get("@type", ""))) else 1)
    return found


def _walk_json_ld(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_json_ld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                yield from _walk_json_ld(data[key], depth + 1)


def published_date(tree, meta: dict[str, str], objects: list[dict[str, Any]]) -> Optional[StatedDate]:
    """The page's publication date from its metadata, best source first (None if not stated).

    A day in the page's address (/2017/7/12/slug) earlier than the stated one wins: the address
    was made when the story first went out; a republished page restates only the new day.
    """
    stated = _declared_date(tree, meta, objects)
    in_url = _url_date(tree, meta)
    if stated is None:
        return in_url
    if in_url is not None and in_url.value.date() < stated.value.date() - dt.timedelta(days=1):
        return in_url
    return stated


def _declared_date(tree, meta: dict[str, str], objects: list[dict[str, Any]]) -> Optional[StatedDate]:
    return (_first_stated(meta, PUBLISHED_KEYS, objects, ("datePublished", "dateCreated", "uploadDate"))
            or _time_element(tree))


def modified_date(meta: dict[str, str], objects: list[dict[str, Any]]) -> Optional[StatedDate]:
    """The page's last-modified time: a last resort when no publication date is found."""
    return _first_stated(meta, MODIFIED_KEYS, objects, ("dateModified",), note=" (last modified)")


def _first_stated(meta: dict[str, str], meta_keys, objects: list[dict[str, Any]], json_keys,
                  note: str = "") -> Optional[StatedDate]:
    """The first readable date under ``meta_keys`` in the meta tags, then under ``json_keys`` in JSON-LD."""
    for key in meta_keys:
        if key in meta:
            stated = _stated(meta[key], f"<meta {key}>{note}")
            if stated:
                return stated
    for obj in objects:
        for key in json_keys:
            if isinstance(obj.get(key), str):
                stated = _stated(obj[key], f"JSON-LD {key}{note}")
                if stated:
                    return stated
    return None


def _stated(value: str, origin: str) -> Optional[StatedDate]:
    parsed = parse_date_string(value)
    if parsed is None and _YEAR.search(value or "") and len(value) <= 80:
        parsed = _parse_shown_date(" ".join(value.split()))  # "29 juin 2019", "3. Januar 2019"
    if parsed is None:
        return None
    return StatedDate(parsed[0], parsed[1], f"{origin} {value.strip()[:40]}")


_BOILERPLATE_ANCESTOR = re.compile(r"comment|related|sidebar|footer|promo|recommend|teaser|nav", re.I)


def _time_element(tree) -> Optional[StatedDate]:
    """<time datetime>: one marked as the publication time, else the first in the article.

    Teasers are skipped: a <time> inside a link, a list item or a sidebar dates another story
    (lists of "latest articles" often mark every entry as ``pubdate``).
    """
    times = [t for t in tree.iter("time") if (t.get("datetime") or "").strip() and not _in_teaser(t)]
    if not times:
        return None
    story = _headline_container(tree)
    in_story = [t for t in times if story is not None and any(a is story for a in t.iterancestors())]
    if in_story:
        times = in_story  # the <article> holding the headline dates the story; others are teasers
    for element in times:
        marks = " ".join(filter(None, (element.get("itemprop"), element.get("class"), element.get("id"))))
        if element.get("pubdate") is not None or re.search(r"publish|pubdate|datepublished", marks, re.I):
            stated = _time_value(element)
            if stated:
                return stated
    for element in times:
        if any(ancestor.tag in ("article", "header", "main") for ancestor in element.iterancestors()) \
                or len(times) == 1:
            stated = _time_value(element)
            if stated:
                return stated
    return None


def _headline_container(tree):
    """The <article> (else <main>) around the page's first <h1>, if any."""
    for heading in tree.iter("h1"):
        ancestors = list(heading.iterancestors())
        for tag in ("article", "main"):
            found = next((a for a in ancestors if a.tag == tag), None)
            if found is not None:
                return found
    return None


def _time_value(element) -> Optional[StatedDate]:
    """The date a <time> shows when it shows a full date ("Published 29 June 2019") that its
    ``datetime`` contradicts (some CMSs put the last update there); else its ``datetime``."""
    stated = _stated(element.get("datetime"), "<time datetime>")
    shown = " ".join(element.text_content().split())
    if stated is None or not _YEAR.search(shown) or len(shown) > 80:
        return stated
    parsed = parse_date_string(shown) or _parse_shown_date(shown)
    if parsed is not None and parsed[0].date() != stated.value.date():
        return StatedDate(parsed[0], parsed[1], f"<time> text {shown[:40]}")
    return stated


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _parse_shown_date(shown: str):
    """A date written out in any language htmldate knows ("29 juin 2019", "3. Januar 2019")."""
    from htmldate import find_date  # lazy: only for a <time> whose text disagrees

    from html import escape

    try:
        found = find_date(f"<html><body><p>{escape(shown)}</p></body></html>", extensive_search=True,
                          original_date=True, outputformat="%Y-%m-%d")
    except ValueError:  # htmldate's word for input it cannot read
        return None
    return parse_date_string(found) if found else None


def _class_and_id(element) -> str:
    """An element's class and id attributes, as one string ("" where it has neither)."""
    return " ".join(filter(None, (element.get("class"), element.get("id"))))


def _in_teaser(element) -> bool:
    return any(ancestor.tag in ("a", "li") for ancestor in element.iterancestors()) or _in_boilerplate(element)


def _in_boilerplate(element) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in ("nav", "footer", "aside"):
            return True
        marks = _class_and_id(ancestor)
        if marks and _BOILERPLATE_ANCESTOR.search(marks):
            return True
    return False


def _url_date(tree, meta: dict[str, str]) -> Optional[StatedDate]:
    """News URLs often carry the day: /2022/09/18/slug."""
    for url in _page_urls(tree, meta):
        match = _URL_DATE.search(url)
        if match:
            stated = _stated("-".join(f"{int(part):02d}" for part in match.groups()), "date in the page URL")
            if stated:
                return StatedDate(stated.value, False, f"date in the page URL {url[:80]}")
    return None


def _page_urls(tree, meta: dict[str, str]) -> list[str]:
    """The page's own addresses: its URL metadata, then its canonical links."""
    urls = [meta[key] for key in URL_KEYS if key in meta]
    urls += [link.get("href") or "" for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical"]
    return urls


# ---- title ------------------------------------------------------------------------------------

def page_title(tree, meta: dict[str, str], objects: list[dict[str, Any]]) -> str:
    """The headline: the page's <h1> when the metadata agrees with it, else og:title, <title> ...

    Site names are taken out: those the page declares (og:site_name), its web address names, and
    the one its logo <h1> shows ("<h1><a href='/'>Site</a></h1>").
    """
    site = next((meta[key] for key in SITE_KEYS if key in meta), "")
    h1s = _h1s(tree)
    logos = [h for h in h1s if _is_logo(h)]
    hints = [_key(site)] + _domain_names(tree, meta) + [_key(h.text_content()) for h in logos]
    hints = [hint for hint in hints if hint]
    declared = [meta[key] for key in TITLE_KEYS if key in meta]
    declared += [obj["headline"] for obj in objects if isinstance(obj.get("headline"), str)]
    title_element = _document_title(tree)
    if title_element is not None:
        declared.append(title_element.text_content())
    declared = [_clean(value) for value in declared if _clean(value) and not _is_slug(_clean(value))]
    stripped = [_strip_site_name(value, site, hints) for value in declared]
    headings = [_heading_text(h) for h in h1s if h not in logos]
    headings = [h for h in headings if h and len(h) <= 300]
    # An <h1> that the metadata also names is the headline exactly as the page shows it.
    keys = [_key(value) for value in stripped] + [_key(value) for value in declared]
    for heading in headings:
        if _agrees(_key(heading), keys) and not _names_any(heading, hints):
            return heading
    best = next((value for value in stripped if value and not _is_site_only(value, hints)), "")
    # A one- or two-word <title> ("MEDEF") beside a real <h1> headline is the site's name.
    if headings and (not best or (len(_key(best).split()) <= 2 and len(_key(headings[0]).split()) >= 4)):
        return headings[0]
    return best or _first_subheading(tree)


def _first_subheading(tree) -> str:
    """No <h1> but the logo, no title but the site's: blogs put the post's title in an <h2>."""
    for heading in tree.iter("h2"):
        text = _clean(heading.text_content())
        if 3 <= len(text) <= 300 and not _in_boilerplate(heading):
            return text
    return ""


def _is_site_only(value: str, hints: list[str]) -> bool:
    key = _key(value)
    return bool(_DOMAIN.match(value.strip())) or any(key == hint or (len(key) >= 3 and key in hint) for hint in hints)


def _document_title(tree):
    """<head><title>; not an SVG icon's <title> in the body (parsers may move a stray one)."""
    in_head = tree.xpath("//head/title")
    if in_head:
        return in_head[0]
    return next((t for t in tree.iter("title") if not any(a.tag in ("svg", "symbol", "object") for a in t.iterancestors())),
                None)


def _agrees(heading: str, declared: list[str]) -> bool:
    """The <h1> is named by the metadata, or the metadata gives a (slightly) shortened <h1>."""
    if len(heading) < 8:
        return False
    return any(heading in value or (value in heading and len(value) >= 0.6 * len(heading))
               for value in declared if value)


_LOGO_MARKS = re.compile(r"logo|site-?title|site-?name|brand|masthead|^header$", re.I)
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}$", re.I)
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\d?\.)?([^/:?#]+)", re.I)


def _is_logo(heading) -> bool:
    """<h1 class="site-title"><a href="/" rel="home">Site</a></h1>: the site's name, not a headline."""
    marks = _class_and_id(heading)
    if marks and _LOGO_MARKS.search(marks):
        return True
    pictures = list(heading.iter("img", "svg", "object", "picture"))
    if pictures and not _clean("".join(_outside(heading, ("svg", "object", "picture")))):
        return True  # an image (its alt or fallback text at most): the site's logo
    if any("logo" in " ".join(filter(None, (p.get("src"), p.get("data"), p.get("class"), p.get("alt")))).lower()
           for p in pictures) and len(_key("".join(_outside(heading, ("svg", "object", "picture")))).split()) <= 5:
        return True  # a logo with the site's motto beside it
    links = list(heading.iter("a"))
    if not links or _clean("".join(t for a in links for t in a.itertext())) != _clean(heading.text_content()):
        return False
    return all(_is_home_link(a) for a in links)


def _outside(element, skipped: tuple[str, ...]):
    """Text of ``element`` not inside the ``skipped`` tags."""
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag not in skipped:
            yield from _outside(child, skipped)
        if child.tail:
            yield child.tail


def _is_home_link(link) -> bool:
    href = (link.get("href") or "").strip()
    if "home" in (link.get("rel") or "").lower():
        return True
    if not href:
        return False  # "this page": a post title links to itself
    path = _HOST.sub("", href) if _HOST.match(href) else href
    return path in ("", "/", "./", "/index.html", "/index.php")


def _domain_names(tree, meta: dict[str, str]) -> list[str]:
    """"internet law" for http://www.internet-law.de/2011/...: sites often sign titles so."""
    names = []
    for url in _page_urls(tree, meta):
        match = _HOST.match(url.strip())
        if match:
            labels = match.group(1).lower().split(".")
            name = labels[-2] if len(labels) >= 2 else labels[0]
            names.append(_key(name))
    return list(dict.fromkeys(name for name in names if len(name) >= 3))


def _is_slug(value: str) -> bool:
    """"adac-kindersitztest-herbst-2018": a URL fragment some CMSs put in og:title."""
    return " " not in value and len(value) > 15 and bool(re.search(r"[-_]", value))


def _names_any(text: str, hints: list[str]) -> bool:
    return any(_names_site(text, hint) for hint in hints)


def _heading_text(heading) -> str:
    """The <h1>'s words; a link or a badge inside it beside other text (a site or section name,
    "Live", "Subscribers") is left out, and nested elements are separated by a space
    ("Headline<a>Site</a>" -> "Headline")."""
    own = [part for part in _text_parts(heading, skip_links=True)]
    if len(_clean(" ".join(own))) < 10:
        own = list(_text_parts(heading, skip_links=False))
    return _clean(" ".join(own))


_INLINE = ("span", "em", "strong", "b", "i", "u", "small", "mark", "q", "abbr", "sup", "sub")


def _text_parts(element, skip_links: bool):
    """Text of ``element`` in order; inline children glue to their neighbours, others get a space."""
    pieces = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or (skip_links and (child.tag == "a" or _is_badge(child))):
            pieces.append(child.tail or "")
            continue
        inner = "".join(_text_parts(child, skip_links))
        glue = "" if child.tag in _INLINE else " "
        pieces.append(glue + inner + glue + (child.tail or ""))
    yield "".join(pieces)


_BADGE = re.compile(r"label|badge|flag|premium|tag\b|live\b|exclusive", re.I)


def _is_badge(element) -> bool:
    marks = _class_and_id(element)
    return element.tag in ("span", "small", "em", "strong", "mark", "sup") and bool(marks) and bool(_BADGE.search(marks))


def _h1s(tree) -> list:
    inside = [h for h in tree.iter("h1") if any(a.tag in ("article", "main") for a in h.iterancestors())]
    return inside + [h for h in tree.iter("h1") if h not in inside]


def _strip_site_name(title: str, site: str, hints: list[str] | tuple = (), loose: bool = True) -> str:
    """"Headline | Section | Site" -> "Headline" (also "Site - Headline").

    Parts naming the site (``site``, or any of ``hints``, or written as a web address) go;
    then, when ``loose``, short trailing parts (a section, a site name we do not know) go while
    a headline of three words or more remains.
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = [key for key in [_key(site), *hints] if key]
    parts = [part for part in parts
             if not (_DOMAIN.match(part.strip()) or any(_names_site(part, key) for key in names))] or parts
    while loose and len(parts) > 1 and len(_key(parts[-1]).split()) <= 4 and len(_key(" ".join(parts[:-1])).split()) >= 3 \
            and _balanced(" ".join(parts[:-1])):
        parts.pop()
    return _rejoin(title, parts)


def _balanced(text: str) -> bool:
    """No bracket left open: "Song - Singer (Name - Name)" is not cut inside the brackets."""
    return all(text.count(left) <= text.count(right) for left, right in ("()", "[]", "（）", "«»"))


def _names_site(part: str, site_key: str) -> bool:
    """"BBC News" names the site "BBC"; so does "BBC"; "BBC reports clashes ..." does not."""
    key = _key(part)
    return key == site_key or (site_key in key and len(key.split()) <= len(site_key.split()) + 2) \
        or (key in site_key and len(key) >= 3)


def _rejoin(title: str, kept: list[str]) -> str:
    """Join the kept parts with the separators the title used between them."""
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if start >= 0 and end > start else " ".join(kept)


def _clean(value: str) -> str:
    return " ".join((value or "").split())


def _key(value: str) -> str:
    return re.sub(r"\W+", " ", value).strip().lower()
