"""Choosing the sides (issue 11): the state an act of force comes close to is a side, and a state that only
comments on "the launches" is not opposed to the one launching. Invented events between real states."""
import datetime as dt

from timeline_app.extract.pipeline import extract
from timeline_app.model import Article

ARTICLE = """Missiles splash down off Armenia as France protests

Another Azerbaijani missile splashed into the sea off Armenia's southern coast early today, the third since Friday. \
Azerbaijan announced last week that its army would test-fire missiles into two zones near the port.

Azerbaijan insists the exercises are a domestic matter. "No foreign country has any right to interfere," a foreign \
ministry spokesman told reporters in Baku.

France, whose warships sail nearby, has also protested. The French foreign minister said on Friday that the launches \
were "regrettable" and asked Azerbaijan to show restraint. The French president told parliament that Paris was \
watching with concern. France said it would send a frigate.

Azerbaijan fired six missiles into the sea north of Armenia last year.
"""


def test_the_state_missiles_land_off_is_a_side_and_the_protesting_state_reacts():
    timeline = extract(Article(text=ARTICLE, reference_date=dt.date(2031, 5, 7)))
    assert {p.id for p in timeline.parties} == {"armenia", "azerbaijan"}
    assert "france" in {r.actor for r in timeline.reactions}
