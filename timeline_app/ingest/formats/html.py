"""HTML -> the article's main text, title and publication date.

The main text comes from trafilatura (a maintained boilerplate remover: navigation, cookie
banners, related links, comments, ads are dropped) in its balanced mode, which on real saved
pages (benchmarks/html_pages.py) keeps as much of the story as its recall mode with less
clutter. Around it, general rules learnt from those pages:

* before: dialogs, cookie notices and sign-up boxes are removed (extractors keep them when they
  sit beside the story with sentences of their own);
* after: a standfirst skipped above the "article body" box is put back; a breadcrumb trail at
  the top and a trailing "related articles" section (label + headline links) are dropped; the
  JSON-LD ``articleBody`` is used when the markup holds much less of the story;
* the date: metadata, then htmldate, then the last update; htmldate's search of the page text
  only after the text's own dateline (see ``Extracted.guessed_date``).

trafilatura is imported lazily: opening a .txt file never pays for it.

Safety: the page is parsed by lxml's HTML parser from the string in memory, with network access
off; scripts are never run, nothing is fetched, no external entity is resolved.
"""
from __future__ import annotations

import re
from typing import Optional

from ..errors import IngestError
from . import Extracted
from .html_meta import _class_and_id, _key, json_ld_objects, meta_values, modified_date, page_title, published_date

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_NOT_TEXT = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article")
_BLOCK_SEPARATOR = "\n\n"
#: htmldate's search of the page text costs ~0.5 s per MB of text: no article has this much,
#: a book-sized page is not worth the wait.
_GUESS_LIMIT = 300_000


def declared_charset(raw: bytes) -> Optional[str]:
    """The charset a page names in its first bytes (<meta charset> or http-equiv)."""
    match = _DECLARED_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def parse_html(source: str) -> Extracted:
    tree = _parse(source)
    if tree is None:
        raise IngestError("the HTML page could not be read")
    meta = meta_values(tree)
    objects = json_ld_objects(tree)
    title = page_title(tree, meta, objects)
    stated = published_date(tree, meta, objects) or _htmldate(tree) or modified_date(meta, objects)
    guessed = None if stated or _paragraph_chars(tree) > _GUESS_LIMIT else _htmldate(tree, extensive=True)
    _drop_overlays(tree)
    leads = _lead_candidates(tree)
    text = _with_lead(_main_text(tree), leads)
    text = _json_ld_body_if_longer(text, objects)
    if not text.strip():
        text = _all_visible_text(_parse(source))
    if not text.strip():
        raise IngestError("the HTML page has no readable text (only scripts or markup)")
    text = _with_title_first(text, title)
    return Extracted(text=text, title=title, meta_date=stated, meta_source="html-meta", guessed_date=guessed)


def _parse(source: str):
    from lxml import etree, html as lxml_html

    # lxml refuses str input that still carries an XML encoding declaration.
    source = _XML_DECLARATION.sub("", source, count=1)
    parser = lxml_html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=True, recover=True,
    )
    try:
        return lxml_html.document_fromstring(source, parser=parser)
    except (etree.LxmlError, ValueError):  # ParserError, XMLSyntaxError, ValueError: hopeless input
        return None


#: Class or id words of boxes laid over the page (cookie notices, sign-up pop-ups), never the story.
_OVERLAY = re.compile(r"cookie|consent|gdpr|privacy-notice|modal|popup|pop-up|lightbox|overlay|newsletter-signup",
                      re.I)


def _drop_overlays(tree) -> None:
    """Remove dialogs and cookie or sign-up boxes; extractors keep them when they sit beside the
    story with sentences of their own. A box holding a headline or an <article> is left alone."""
    doomed = []
    for element in tree.iter("div", "section", "aside", "form", "dialog", "p"):
        marks = _class_and_id(element)
        dialog = element.tag == "dialog" or (element.get("role") or "").lower() in ("dialog", "alertdialog") \
            or (element.get("aria-modal") or "").lower() == "true"
        if (dialog or (marks and _OVERLAY.search(marks))) and not _holds_story(element):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None and all(a not in doomed for a in element.iterancestors()):
            element.drop_tree()


def _holds_story(element) -> bool:
    return any(True for _ in element.iter("h1", "article", "main"))


#: Class words of a standfirst (the summary between headline and story).
_LEAD_MARK = re.compile(r"lead|standfirst|intro|summary|dek\b|sub-?title|sub-?head|description|excerpt|abstract|chapo",
                        re.I)
#: Containers whose sentences are not the story: captions, credits, bylines, sharing, sign-ups.
_NOT_LEAD = re.compile(r"caption|credit|byline|author|share|social|related|newsletter|subscri|sign-?up|prompt|cookie|"
                       r"promo|advert|"
                       r"comment|breadcrumb|tags?\b|meta\b", re.I)
_LEAD_BLOCKS = ("p", "div", "h2", "section")
_LEAD_WINDOW = 20_000


def _lead_candidates(tree) -> list[str]:
    """Prose blocks right after the page's <h1> in its <article>: where a standfirst sits.

    Extractors that lock onto the "article body" box skip a standfirst placed before it; the
    loader puts back those it dropped (see :func:`_with_lead`).
    """
    from .html_meta import _headline_container

    story = _headline_container(tree)
    heading = next((h for h in story.iter("h1")), None) if story is not None else None
    if heading is None:
        return []
    found: list[str] = []
    after = False
    for element in story.iter():
        if element is heading:
            after = True
            continue
        if not after or element.tag not in _LEAD_BLOCKS or any(a is heading for a in element.iterancestors()):
            continue
        if element.tag in ("div", "section") and not (element.text or "").strip():
            continue  # a wrapper: its own blocks come next
        if _outside_story_prose(element, story):
            continue
        text = " ".join(element.text_content().split())
        marked = _LEAD_MARK.search(_class_and_id(element))
        if len(text) >= 60 and (marked or _SENTENCE_END.search(text)):
            found.append(text)
        if len(found) >= 4:
            break
    return found


def _outside_story_prose(element, story) -> bool:
    for node in [element, *element.iterancestors()]:
        if node is story:
            return False
        if node.tag in ("figure", "figcaption", "aside", "nav", "footer", "form", "button", "table", "ul", "ol"):
            return True
        marks = _class_and_id(node)
        if marks and _NOT_LEAD.search(marks):
            return True
    return False


def _with_lead(text: str, leads: list[str]) -> str:
    """Put back the standfirst the extractor dropped: lead blocks missing from ``text`` that
    come before the first lead block it kept go in front of it."""
    if not text.strip() or not leads:
        return text
    squashed = _squash(text[:_LEAD_WINDOW])  # a standfirst belongs at the top
    missing = []
    for lead in leads:
        if _squash(lead) in squashed:
            break  # the story proper starts here
        missing.append(lead)
    else:
        return text  # none of them is in the text: no place to anchor them
    if not missing:
        return text
    return _BLOCK_SEPARATOR.join(missing) + _BLOCK_SEPARATOR + text


_NOT_ALNUM = re.compile(r"[\W_]+")


def _squash(text: str) -> str:
    """Letters and digits only, lower-cased: text compared across spacing and punctuation."""
    return _NOT_ALNUM.sub("", text.lower())


def _json_ld_body_if_longer(text: str, objects: list) -> str:
    """The article's ``articleBody`` from its JSON-LD when the page's markup holds much less of
    the story (a page saved before its script filled it in, a "continue reading" cut), or the
    same story run together where the JSON-LD keeps its paragraphs."""
    body = next((obj["articleBody"] for obj in objects
                 if isinstance(obj.get("articleBody"), str) and len(obj["articleBody"]) >= 400), None)
    if body is None:
        return text
    if "<" in body and ">" in body:
        fragment = _parse(f"<html><body><div>{body}</div></body></html>")
        body = _all_visible_text(fragment) if fragment is not None else body
    paragraphs = [" ".join(line.split()) for line in body.replace("\r", "\n").split("\n")]
    body = _BLOCK_SEPARATOR.join(line for line in paragraphs if line)
    longer = len(body) > 1.5 * len(text.strip())
    same_story_in_paragraphs = _squash(text) in _squash(body) and body.count("\n") > text.strip().count("\n")
    return body + "\n" if longer or same_story_in_paragraphs else text


def _paragraph_chars(tree) -> int:
    return sum(len(text) for text in tree.xpath("//p//text()"))


def _main_text(tree) -> str:
    import trafilatura  # lazy: ~0.25 s to import
    from lxml import etree

    try:
        document = _extract_with_trafilatura(trafilatura, tree)
    except (etree.LxmlError, ValueError):  # what trafilatura lets through from lxml on a malformed page
        return ""
    if document is None or document.body is None:
        return ""
    return _body_text(document.body)


def _extract_with_trafilatura(trafilatura, tree):
    return trafilatura.bare_extraction(
        tree,
        favor_recall=False,         # balanced: real pages keep as much story and far less clutter
        include_comments=False,     # readers' comments are not the article
        include_tables=True,        # tables as text: casualty figures often live in them
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=False,        # our own metadata reader runs on the untouched tree
        deduplicate=False,
    )


def _body_text(body) -> str:
    """trafilatura's XML body (head, p, quote, list, table, code, lb) -> plain text blocks."""
    blocks: list[str] = []
    for element in body:
        if element.tag == "list":
            items = [_inline(item) for item in element.iter("item")]
            block = "\n".join(item for item in items if item)
        elif element.tag == "table":
            rows = []
            for row in element.iter("row"):
                cells = [_inline(cell) for cell in row.iter("cell")]
                cells = [cell for cell in cells if cell]
                if cells:
                    rows.append(" | ".join(cells))
            block = "\n".join(rows)
        else:
            block = _inline(element)
        if block:
            blocks.append((element.tag, block))
    kept = [block for _, block in _without_trailing_clutter(_without_leading_breadcrumbs(blocks))]
    return _BLOCK_SEPARATOR.join(kept) + ("\n" if kept else "")


#: How a sentence ends, in the scripts news is written in (a closing quote or bracket may follow).
_SENTENCE_END = re.compile(r"[.!?;:。！？؟।…][\"'”’»)\]）」』]*$")
_CLUTTER_LINE = 40


_BREADCRUMB = re.compile(r"\s(?:>|›|»|/|\\)\s")


def _without_leading_breadcrumbs(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop "Home > News > World > Headline" trails at the top: a path through the site."""
    start = 0
    while start < min(len(blocks) - 1, 3):
        block = blocks[start][1]
        if "\n" in block or len(block) > 250 or _SENTENCE_END.search(block) \
                or len(_BREADCRUMB.findall(block)) < 2:
            break
        start += 1
    return blocks[start:]


def _without_trailing_clutter(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop a "Related articles" section that trails the story: a short label line followed
    by a list of headline-like links (and maybe more labels) up to the end.

    A lone short last line (a sign-off, "Repeat chorus") stays: without a list after it, it is
    as likely the story's own as clutter.
    """
    cut, seen_list = len(blocks), False
    for index in range(len(blocks) - 1, 0, -1):
        tag, block = blocks[index]
        if tag == "list" and all(_is_headline_like(item) for item in block.split("\n")):
            seen_list = True
        elif _is_label(block):
            if seen_list:
                cut = index
        else:
            break
    return blocks[:cut]


def _is_label(text: str) -> bool:
    text = text.strip()
    return "\n" not in text and len(text) < _CLUTTER_LINE and not _SENTENCE_END.search(text)


def _is_headline_like(text: str) -> bool:
    text = text.strip()
    return len(text) < 3 * _CLUTTER_LINE and not _SENTENCE_END.search(text)


def _inline(element) -> str:
    """Text of an element; <lb/> is a line break, other whitespace runs are one space."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _all_visible_text(tree) -> str:
    """Last resort when the extractor finds no article: every visible text block of the body."""
    if tree is None:
        return ""
    for element in list(tree.iter(*_NOT_TEXT)):
        if element.getparent() is not None:
            element.drop_tree()  # unlike remove(), keeps the text that follows the element
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    text = tree.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    kept = [line for line in lines if line]
    return _BLOCK_SEPARATOR.join(kept) + ("\n" if kept else "")


def _with_title_first(text: str, title: str) -> str:
    """Start the text with the headline, as a saved plain-text article does, unless it already does."""
    if not title:
        return text
    wanted = _key(title)
    head = [_key(block) for block in text.split(_BLOCK_SEPARATOR, 3)[:3]]
    if any(wanted and (wanted == block or block.startswith(wanted)) for block in head):
        return text
    return title + _BLOCK_SEPARATOR + text


def _htmldate(tree, extensive: bool = False):
    """htmldate's search: metadata only by default; ``extensive`` also reads the page's visible
    text (dates near "published", bylines ...): a weaker guess, used after the text's own dateline.
    """
    from htmldate import find_date

    from ..dates import StatedDate, parse_date_string

    try:
        found = find_date(tree, extensive_search=extensive, original_date=True, outputformat="%Y-%m-%d")
    except ValueError:  # htmldate's word for a page it cannot read: no date
        return None
    parsed = parse_date_string(found) if found else None
    if parsed is None:
        return None
    if extensive and found.endswith("-01-01"):
        return None  # a bare year (copyright line, archive heading) is no publication day
    how = "htmldate, from the page text" if extensive else "htmldate"
    return StatedDate(parsed[0], False, f"page date {found} ({how})")
