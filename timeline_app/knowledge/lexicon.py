"""The English vocabulary the extractor reads: ``resources/lexicon/*.txt``, loaded once.

Each file holds one entry per line, ``#`` starts a comment, and its header names where the entries
come from. Verb files list lemmas; this module builds every form by English spelling rules (and the
irregular forms from ``irregular_verbs.txt``), so "deny" gives denies, denied, denying. The rules that
use the words (attribution, actors, events) hold no word lists of their own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import read_resource_text

_VOWELS = "aeiou"


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``resources/lexicon/<name>.txt``, comments and blank lines dropped, in file order."""
    out = []
    for line in read_resource_text("lexicon", f"{name}.txt").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(" ".join(entry.split()))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=None)
def _irregular() -> dict[str, tuple[str, ...]]:
    return {line.split()[0]: tuple(line.split()) for line in entries("irregular_verbs")}


def inflections(lemma: str) -> tuple[str, ...]:
    """Every form of a verb: the lemma, 3rd person singular, past (and participle), -ing form."""
    irregular = _irregular().get(lemma)
    if irregular is not None:
        return irregular
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        past = lemma[:-1] + "ied"
    else:
        past = lemma + "ed"
    if lemma.endswith("ie"):
        gerund = lemma[:-2] + "ying"
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        gerund = lemma[:-1] + "ing"
    else:
        gerund = lemma + "ing"
    return lemma, third, past, gerund


def phrase_forms(entry: str) -> tuple[str, ...]:
    """Every form of a verb or a verb phrase whose first word inflects ("call for" -> "called for" ...)."""
    head, _, rest = entry.partition(" ")
    return tuple(f"{form} {rest}" if rest else form for form in inflections(head))


@lru_cache(maxsize=None)
def verb_forms(name: str) -> tuple[str, ...]:
    """All forms of all entries of a verb file, longest first (for a regex alternation)."""
    forms = {form for entry in entries(name) for form in phrase_forms(entry)}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=None)
def bare_forms(name: str) -> frozenset[str]:
    """The entries of a verb file as written (lemma, phrase with its lemma), which may be nouns ("support",
    "move") or infinitives; not those whose past is spelled the same ("hit", "put out a statement")."""
    return frozenset(entries(name)) - _past_like_lemma(name)


@lru_cache(maxsize=None)
def finite_forms(name: str) -> tuple[str, ...]:
    """The forms of a verb file that are never a noun or an infinitive: "says", "said", "saying" (not "say")."""
    bare = bare_forms(name)
    return tuple(f for f in verb_forms(name) if f not in bare)


@lru_cache(maxsize=None)
def _past_like_lemma(name: str) -> frozenset[str]:
    """Entries whose past is spelled like them ("hit", "shut"): a finite form as well."""
    out = set()
    for entry in entries(name):
        head = entry.split()[0]
        if inflections(head).count(head) > 1:
            out.add(entry)
    return frozenset(out)


@lru_cache(maxsize=None)
def past_forms(name: str) -> frozenset[str]:
    """The past forms (and participles) of the verbs of a file, phrases' heads included: "said", "accused",
    "written", "read" (of "read out")."""
    out = set()
    for entry in entries(name):
        forms = inflections(entry.split()[0])
        out.update(f for f in forms[2:] if not f.endswith("ing"))
    return frozenset(out)


def alternation(words) -> str:
    """A regex alternation of words or phrases, as a trie of their characters ("said|saying" ->
    "sa(?:id|ying)"), so the engine tries each letter once instead of every word in turn (the extractor
    scans every sentence with these); a space between the words of a phrase also lets up to two words
    in ("held urgent talks"). Longer words win."""
    trie: dict = {}
    for word in dict.fromkeys(" ".join(w.split()) for w in words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [(_SPACE if ch == " " else re.escape(ch)) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # The longer continuation first; the word may also end here.
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


#: Between the words of a phrase: a space, and up to two words that modify it ("held urgent talks", "fired
#: rockets at", "issued a brief statement").
_SPACE = r"\s+(?:[\w’'-]+\s+){0,2}?"


@lru_cache(maxsize=None)
def nouns_with_plurals(name: str) -> frozenset[str]:
    """A noun file's entries and their regular plurals."""
    out = set()
    for noun in entries(name):
        out.add(noun)
        out.add(inflections(noun)[1])          # the plural is spelled as the 3rd person singular
    return frozenset(out)
