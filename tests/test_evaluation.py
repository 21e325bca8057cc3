"""The scorer's precision measures: accounts on the wrong side and parties shown as reactions."""
from timeline_app.extract.evaluation import score
from timeline_app.model import Account, Actor, Article, Party, Reaction, Timeline

TEXT = ("Velmora said the Durnish army fired first. Durnland denied it. "
        "Ostrava urged restraint. Durnland called for talks.")


def _span(phrase):
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _timeline(accounts, reactions):
    return Timeline(article=Article(text=TEXT),
                    parties=[Party(id="velmora", name="Velmora"), Party(id="durnland", name="Durnland")],
                    actors=[Actor(id="ostrava", name="Ostrava", kind="state")],
                    accounts=accounts, reactions=reactions)


GOLD = {"parties": ["Velmora", "Durnland"], "events": [],
        "party_claims": {"Velmora": ["Velmora said the Durnish army fired first."],
                         "Durnland": ["Durnland denied it."]},
        "reactions": {"Ostrava": ["Ostrava urged restraint."]}}


def test_accounts_on_another_sides_claim_or_a_reaction_are_on_the_wrong_side():
    right = Account(party="velmora", text="", span=_span("Velmora said the Durnish army fired first."))
    other_party = Account(party="velmora", text="", span=_span("Durnland denied it."))
    third_party = Account(party="durnland", text="", span=_span("Ostrava urged restraint."))
    s = score(_timeline([right, other_party, third_party], []), GOLD)
    assert (s.accounts_wrong_side, s.accounts_pred) == (2, 3)
    assert round(s.wrong_side_share, 2) == 0.67


def test_a_reaction_whose_actor_is_a_gold_party_counts_as_a_party_shown_as_a_reaction():
    third = Reaction(actor="ostrava", text="", span=_span("Ostrava urged restraint."))
    party = Reaction(actor="durnland", text="", span=_span("Durnland called for talks."))
    s = score(_timeline([], [third, party]), GOLD)
    assert (s.reactions_by_party, s.reactions_pred) == (1, 2)
    assert s.party_reaction_share == 0.5
