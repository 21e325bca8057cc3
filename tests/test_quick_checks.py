"""Quick checks before costly patterns (the subject's auxiliaries, the words that make a name a place): they may
say yes too often, never no where the pattern matches."""
import pytest

from timeline_app.extract.attribution import _AUX, _AUX_WORDS, _may_end_in_aux

_MATCHING = [
    "Zembla has", "The ministry has also ", "Borduria, in turn,", "Kalo on Tuesday", "The envoy last week",
    "The council this month ", "Zembla Monday", "Borduria subsequently", "The minister didn't", "They did n't",
    "The army in a statement", "Zembla is likely to", "The envoy HAS ALSO", "Zembla has,\n", "The ministry, who",
]


@pytest.mark.parametrize("phrase", _MATCHING)
def test_the_check_lets_through_what_the_pattern_matches(phrase):
    assert _AUX.search(phrase) is not None
    assert _may_end_in_aux(phrase)


def test_every_plain_alternative_passes():
    for word in _AUX_WORDS:
        phrase = "Zembla " + word.replace(r"\s+", " ").replace(r"\w+", "Tuesday")
        if _AUX.search(phrase):
            assert _may_end_in_aux(phrase), phrase


@pytest.mark.parametrize("phrase", ["The ministry", "Zembla's foreign minister ", "the two sides,", "", "  "])
def test_the_check_turns_away_a_phrase_that_ends_on_a_noun(phrase):
    assert _AUX.search(phrase) is None
    assert not _may_end_in_aux(phrase)


# The same kind of check before the pattern of the words that make a name a place (actors._is_place).
from timeline_app.extract.actors import _LOCATIVE, _is_place  # noqa: E402


@pytest.mark.parametrize("before", ["shelling in ", "fighting in northern ", "parts of the ", "troops (in ",
                                    "the rest of ", "deep inside the ", "the outskirts of eastern ",
                                    "Zembla said ", "the army of ", "talks with the ", "Borduria's ", "x", ""])
def test_the_place_check_agrees_with_its_pattern(before):
    text = before + "Kalo"
    assert _is_place(text, len(before)) == bool(_LOCATIVE.search(before))
