"""Headlines: a short "who did what" title for an event, built from its clause's own words. Qt-free.

    headline("According to the Armenian Prime Minister's Office, Azerbaijan shelled Jermuk overnight")
        -> "Azerbaijan shelled Jermuk overnight"
    headline("Netanyahu said the statement ignores Israel's demands for demilitarization")
        -> "Netanyahu: the statement ignores Israel's demands for demilitarization"

Steps: drop page furniture in front (a live blog's "14:05 GMT:"), asides in brackets and between
dashes, quotation marks, discourse markers ("on the other hand", "meanwhile") and a leading
adverbial phrase before its comma; turn a speech frame ("X said that Y", "Y, X said", "According to
X, Y") into "X: Y" (a pronoun speaker is dropped); cut to ``limit`` characters at a clause end, or at
a word with "…", never on a function word. The full sentence stays in the event's ``sentence``.

The vocabulary is data: ``resources/lexicon/headline_*.txt``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge import lexicon
from .regex_cache import compile_cached

#: A reader takes in about this many characters at a glance; longer titles are cut.
LIMIT = 60
#: A clause-end cut is taken only when it keeps at least this much of the limit.
_MIN_CUT_SHARE = 0.45
#: A speaker longer than this is cut to the name at its end.
_SPEAKER_CHARS = 22
_PRONOUNS = frozenset("he she they it we i you one".split())


def _words(name: str) -> tuple[str, ...]:
    return tuple(entry.lower() for entry in lexicon.entries(name.removesuffix(".txt")))


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _initials(words) -> str:
    """A lookahead for the first letters of ``words``. Put before their alternation it changes nothing that
    matches, but the engine rejects every other word at one character instead of trying each entry (an
    alternation of case-insensitive words gets no such shortcut of its own)."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    speech_words = _words("headline_speech_verbs.txt")
    speech = _alternation(speech_words)
    frame_words = speech_words + ("say", "according")
    discourse = _alternation(_words("headline_discourse.txt"))
    openers = _alternation(_words("headline_openers.txt"))
    weak_words = _words("headline_weak_endings.txt")
    weak = _alternation(weak_words)
    # A speaker: a few words, none of them a speech verb (checked by the caller).
    speaker = r"(?P<speaker>[^,;:\"“”]{2,80}?)"
    time_aside = r"(?:\s+(?:on|late|early|last|this)?\s*\w+day(?:\s+(?:night|morning|evening|afternoon))?)?"
    return {
        "timestamp": compile_cached(r"^\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PT|"
                                r"local(?:\s+time)?)?|(?:updated|posted|published)\b[^:]{0,40})\s*[:|•–—-]\s+",
                                re.IGNORECASE),
        "brackets": compile_cached(r"\s*\([^()]{0,120}\)"),
        "square_brackets": compile_cached(r"\[([^\[\]]{0,120})\]"),
        "dashes": compile_cached(r"\s+(?:--|—|–)\s+[^—–]{1,80}?\s+(?:--|—|–)(?=\s)"),
        # ", which is run by Hamas militants,": an aside about a noun, not the news
        "relative_aside": compile_cached(r",\s+(?:which|who|whose|[a-z]{3,}ing)\b[^,;:]{1,80},(?=\s)"),
        # a mark, then what it needs around it: an opening ' or ‘ no word before it, a closing ' or ’ none after
        # (a pattern that opens with a character class lets the engine skip at C speed to those characters)
        "quotes": compile_cached(r"[\"“”«»'‘’](?:(?<=[\"“”«»])|(?<=['‘])(?<!\w[\s\S])|(?<=['’])(?!\w))"),
        "discourse_start": compile_cached(rf"^(?:(?:{discourse})\b[\s,]*)+", re.IGNORECASE),
        "discourse_aside": compile_cached(rf",\s+(?:{discourse}),", re.IGNORECASE),
        "opener": compile_cached(rf"^(?:{openers})\b[^,;:]{{0,90}},\s+", re.IGNORECASE),
        "according": compile_cached(rf"^according\s+to\s+{speaker},\s+(?P<body>.+)$", re.IGNORECASE),
        "according_tail": compile_cached(rf"^(?P<body>.+?),\s+according\s+to\s+{speaker}$", re.IGNORECASE),
        "said_that": compile_cached(rf"^{speaker}\s+(?:{speech})(?:\s+\w+){{0,2}}?{time_aside}(?:\s+that)\s+(?P<body>.+)$",
                                re.IGNORECASE),
        "said": compile_cached(rf"^{speaker}\s+(?:say|says|said){time_aside}\s+(?P<body>.+)$", re.IGNORECASE),
        "said_tail": compile_cached(rf"^(?P<body>.+?),\s+{speaker}\s+(?:{speech})"
                                rf"(?:\s+(?:on|in|at|to|from|during)\b.*)?{time_aside}$", re.IGNORECASE),
        "said_tail_inverted": compile_cached(rf"^(?P<body>.+?),\s+(?:{speech})\s+{speaker}"
                                         rf"(?:\s+(?:on|in|at|to|from|during)\b.*)?{time_aside}$", re.IGNORECASE),
        "speaker_time": compile_cached(r"(?:,?\s+(?:meanwhile|also|on|late|early|last|this))*,?\s+\w+day\b.*$|"
                                   r"(?:,?\s+(?:meanwhile|also|however|later|earlier|previously|then|too),?)+$",
                                   re.IGNORECASE),
        # who an inverted frame (", said X") names: a determiner phrase or a run of capitalised words
        "inverted_speaker": compile_cached(r"^(?:(?:the|a|an)\s+\S.*|(?:[A-Z][\w.'’-]*\s*)+)$"),
        "speech_word": compile_cached(rf"\b{_initials(speech_words)}(?:{speech})\b", re.IGNORECASE),
        "frame_word": compile_cached(rf"\b{_initials(frame_words)}"
                                     rf"(?:{speech}|say|says|said|according)\b", re.IGNORECASE),
        # the same words as plain letters, for a case-folded text (see _folded); "" (always found) for
        # words beyond ASCII, which case folding may spell otherwise
        "frame_letters": compile_cached(_alternation(frame_words) if all(map(str.isascii, frame_words)) else ""),
        "weak_end": compile_cached(rf"(?:[\s,;:—–-]+(?:{weak}))+$", re.IGNORECASE),
        # the last weak word of a "weak_end" match, alone: checked first, on the text's last characters
        "weak_tail": compile_cached(rf"[\s,;:—–-](?:{weak})$", re.IGNORECASE),
        # (each branch picked by the character it opens with, matched first, as "quotes")
        "clause_cut": compile_cached(r"[,;:\s](?:(?<=[,;:])\s|(?<=\s)[—–]\s|(?<=\s)--\s|(?<=\s)(?=(?:as|after|amid|while|"
                                     r"because|which|who|but|before|following|despite|since|when)\s))"),
    }


#: The marks the "quotes" pattern removes.
_QUOTE_MARKS = frozenset("\"“”«»'‘’")


def headline(clause: str, limit: int = LIMIT) -> str:
    """A short headline for an event from its clause's text (see the module's docstring)."""
    p = _patterns()
    s = " ".join(clause.split()).rstrip(" .")
    # Each clean-up runs only where its mark occurs: a headline per event, thousands in a long article.
    if s[:1].isdigit() or s[:1] in "UuPp":
        s = p["timestamp"].sub("", s)
    if "[" in s:
        s = p["square_brackets"].sub(r"\1", s)   # "[the militants] want": an editor's word for the quote's own
    if "(" in s:
        s = p["brackets"].sub("", s)
    if "—" in s or "–" in s or "--" in s:
        s = p["dashes"].sub("", s)
    if "," in s:
        s = p["relative_aside"].sub("", s)
    if not _QUOTE_MARKS.isdisjoint(s):
        s = p["quotes"].sub("", s)
    s = _drop_discourse(s)
    s = p["opener"].sub("", s, count=1) if _enough_after(p["opener"], s) else s
    s = _drop_discourse(s)
    speaker, body = _speech_frame(s)
    if body:
        body = _drop_discourse(body)
        if speaker and body:
            head = f"{_short_speaker(speaker)}: "
            return head + _shorten(body[:1].lower() + body[1:] if _lower_ok(body) else body,
                                   max(limit - len(head), 24))
        s = body
    return _capital(_shorten(s, limit))


def _drop_discourse(s: str) -> str:
    p = _patterns()
    if "," in s:            # (every aside is set off by commas)
        s = p["discourse_aside"].sub("", s)
    rest = p["discourse_start"].sub("", s, count=1)
    return rest if len(rest.split()) >= 2 else s


def _enough_after(pattern: re.Pattern, s: str) -> bool:
    m = pattern.match(s)
    return m is not None and len(s[m.end():].split()) >= 3


#: A speaker phrase that ends in a passive's auxiliary ("workers were meanwhile").
_PASSIVE_TAIL = compile_cached(r"\b(?:was|were|is|are|been|being)(?:\s+\w+ly)?\s*$", re.IGNORECASE)


def _speech_frame(s: str) -> tuple[str, str]:
    """(speaker, what was said) when ``s`` is framed as speech; ("", "") otherwise."""
    p = _patterns()
    folded = _folded(s)
    if not p["frame_letters"].search(folded) or not p["frame_word"].search(s):
        return "", ""       # every frame below needs one of these words: most clauses try none of them
    for name in ("according", "said_that", "said", "according_tail", "said_tail", "said_tail_inverted"):
        if _FRAME_NEEDS[name] not in folded:
            continue        # (the letters the frame's pattern needs, as _folded spells them)
        m = p[name].match(s)
        if m is None:
            continue
        speaker = p["speaker_time"].sub("", m.group("speaker")).strip(" ,.")
        body = m.group("body").strip(" ,;")
        if len(speaker.split()) > 8 or p["speech_word"].search(speaker) or len(body.split()) < 3:
            continue
        if _PASSIVE_TAIL.search(speaker) and body.lower().startswith("to "):
            continue        # "workers were said to have been released": a report of them, not their words
        if name == "said_tail_inverted" and not p["inverted_speaker"].match(speaker):
            continue
        if speaker.lower() in _PRONOUNS:
            speaker = ""
        return speaker, body
    return "", ""


#: What each frame's pattern cannot match without, in lower-case letters: "according", "that" (after the speech
#: verb), "sa" (of say/says/said), a comma before the speaker.
_FRAME_NEEDS = {"according": "according", "according_tail": "according", "said_that": "that", "said": "sa",
                "said_tail": ",", "said_tail_inverted": ","}


def _folded(s: str) -> str:
    """``s`` case-folded for plain-letter searches: where a case-sensitive regex of lower-case words (or ``in``)
    finds none of its words, no case-insensitive regex of those words can match ``s``, and most clauses skip
    that slower search. Case-folded, every character such a regex takes for a letter is that letter, but for
    the Turkish dotted and dotless i (made plain here)."""
    folded = s.casefold()
    if "\u0307" in folded or "\u0131" in folded:
        folded = folded.replace("\u0307", "").replace("\u0131", "i")
    return folded


def _short_speaker(speaker: str) -> str:
    """"Japanese Chief Cabinet Secretary Yoshihide Suga" -> "Yoshihide Suga"; short names stay."""
    if len(speaker) <= _SPEAKER_CHARS:
        return _capital(speaker)
    words = speaker.split()
    if words[0].lower() == "the" and len(speaker) - 4 <= _SPEAKER_CHARS:
        return _capital(" ".join(words[1:]))
    # "the health ministry in Gaza" -> "The health ministry"; a person's name at the end wins below
    name_at_end = len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper()
    head = re.split(r"\s+(?:in|of|at|for|from|on)\s+", speaker, maxsplit=1)[0]
    if not name_at_end and head != speaker and len(head.split()) >= 2:
        return _capital(head)
    tail = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        tail.insert(0, word)
        if len(tail) == 2:
            break
    return _capital(" ".join(tail) if tail else " ".join(words[-3:]))


def _lower_ok(body: str) -> bool:
    """A body's first word can be lowered after "X: " (a plain word, not a name or acronym)."""
    first = body.split(" ", 1)[0]
    return first[:1].isupper() and first[1:].islower() and first.lower() in {"the", "a", "an", "it", "its", "there",
                                                                            "this", "that", "these", "those"}


def _shorten(s: str, limit: int) -> str:
    p = _patterns()
    s = s.strip(" ,;:.")
    if len(s) <= limit:
        # A clause the extractor cut before its object ("X posted the") still ends on a content word.
        trimmed = _drop_weak_end(s)
        return trimmed if len(trimmed.split()) >= 2 else s
    best = None
    for m in p["clause_cut"].finditer(s, 0, limit + 1):
        if m.start() >= limit * _MIN_CUT_SHARE and m.start() <= limit:
            best = m.start()
    if best is not None:
        cut = _drop_weak_end(s[:best]).rstrip(" ,;:")
        if len(cut) >= limit * _MIN_CUT_SHARE:
            return cut
    space = s.rfind(" ", 0, limit)
    cut = s[:space if space > limit // 3 else limit - 1]
    cut = _drop_weak_end(cut).rstrip(" ,;:—–-")
    return cut + "…"


@lru_cache(maxsize=1)
def _weak_tail_reach() -> int:
    """How far from the end the last weak word of a "weak_end" match starts, its separator included (one more
    for a final newline, which "$" may stand before); 0 when an entry of several words has no fixed length."""
    words = _words("headline_weak_endings.txt")
    return 0 if any(" " in w for w in words) else max(map(len, words)) + 2


def _drop_weak_end(s: str) -> str:
    """``s`` without the function words it ends with ("X posted the" -> "X posted"). Most titles end on a
    content word: only those whose last characters hold a weak word are searched from the start."""
    p = _patterns()
    reach = _weak_tail_reach()
    if not p["weak_tail"].search(s, max(0, len(s) - reach) if reach else 0):
        return s
    return p["weak_end"].sub("", s)


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


_FURNITURE = re.compile(
    r"^(?:[^|]{1,60}\|[^|]{1,60}(?:\|[^|]{1,60})*"            # "Name | City 1 May 2011": a byline line
    r"|(?:photo|image|picture|video|graphic)s?(?:\s+(?:by|credit|copyright))?\s*[:/©].{0,80}"
    r"|©.{0,80}|(?:image|photo)\s+copyright\b.{0,80}"
    r"|(?:read|see)\s+(?:more|also)\b.{0,80}|advertisement|share\s+(?:this|on)\b.{0,60}"
    r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET)?)\s*$",
    re.IGNORECASE)


def is_page_furniture(line: str) -> bool:
    """A byline with bars, a photo credit, "Read more", a bare timestamp: page furniture, never an event."""
    return bool(_FURNITURE.match(line.strip()))
