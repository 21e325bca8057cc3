"""The lexicon is data: every file names its source, verbs come in all their forms, and the rules read them."""
import datetime as dt

import pytest

from timeline_app.knowledge import lexicon
from timeline_app.extract.pipeline import extract
from timeline_app.model import Article
from timeline_app.resources import resource_path

REFERENCE = dt.date(2031, 5, 7)
FILES = sorted(resource_path("lexicon").glob("*.txt"))


def _timeline(text):
    return extract(Article(text=text, reference_date=REFERENCE))


def test_there_are_lexicon_files():
    assert {f.stem for f in FILES} >= {"reporting_verbs", "statement_nouns", "titles", "third_party_acts",
                                       "diplomatic_acts", "quotative_verbs", "irregular_verbs"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_opens_with_a_header_that_names_its_source(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    assert any("Source" in line for line in header), path.name
    assert lexicon.entries(path.stem), path.name
    assert all(entry == entry.strip() and "#" not in entry for entry in lexicon.entries(path.stem))


@pytest.mark.parametrize("lemma, forms", [
    ("deny", ("deny", "denies", "denied", "denying")),
    ("criticize", ("criticize", "criticizes", "criticized", "criticizing")),
    ("express", ("express", "expresses", "expressed", "expressing")),
    ("say", ("say", "says", "said", "saying")),
    ("admit", ("admit", "admits", "admitted", "admitting")),
    ("repel", ("repel", "repels", "repelled", "repelling")),     # an act: "said it had repelled X's attacks"
    ("write", ("write", "writes", "wrote", "written", "writing")),
])
def test_verbs_get_all_their_forms(lemma, forms):
    assert lexicon.inflections(lemma) == forms


def test_a_phrase_inflects_its_first_word():
    assert "issued a statement" in lexicon.verb_forms("reporting_verbs")
    assert "held talks" in lexicon.verb_forms("reporting_verbs")
    assert "calling for" in lexicon.verb_forms("reporting_verbs")


def test_a_reporting_verb_no_rule_named_before_finds_its_speaker():
    # "refuted" and "conceded" are in the lexicon only: the rules read it.
    text = ("Velmora and Durnland fought over the pass on Monday. Velmora's defence ministry refuted the "
            "report that its troops had fled. Durnland's foreign ministry conceded that two posts had fallen.")
    timeline = _timeline(text.replace("Velmora", "Armenia").replace("Durnland", "Azerbaijan"))
    parties = {a.party for a in timeline.accounts}
    assert parties == {"armenia", "azerbaijan"}


def test_a_bare_form_after_an_adjective_is_a_noun_not_a_verb():
    text = ("Armenia and Azerbaijan fought over the pass on Monday. The Armenian military would not confirm "
            "the Azerbaijani claim that its posts had fallen.")
    timeline = _timeline(text)
    assert {a.party for a in timeline.accounts if "Azerbaijani claim" in a.text} == {"armenia"}


def test_a_verb_that_takes_an_object_does_not_invert():
    # "..., blaming a Pakistani group": the group is what is blamed, not a speaker.
    text = ("India and Pakistan traded fire on Monday. India responded with an airstrike inside Pakistan, "
            "blaming a Pakistani militant group for the attack.")
    timeline = _timeline(text)
    assert {a.party for a in timeline.accounts if a.text.startswith("India responded")} <= {"india"}
