"""Event headlines: who did what, from the clause's own words, short, with no reporting frame."""
import pytest

from timeline_app.extract.events import is_byline
from timeline_app.extract.headline import LIMIT, headline, is_page_furniture


@pytest.mark.parametrize("clause, expected", [
    # reporting frames go; the speaker leads when it is a name, not a pronoun
    ("According to the Armenian Prime Minister's Office, Azerbaijan shelled Jermuk overnight",
     "Azerbaijan shelled Jermuk overnight"),
    ("Azerbaijan shelled Jermuk overnight, according to the Armenian Prime Minister's Office",
     "Minister's Office: Azerbaijan shelled Jermuk overnight"),
    ("They are continuing to fire even now at Israel citizens, he said.",
     "They are continuing to fire even now at Israel citizens"),
    ("“It's just a very murky situation,” Thakur said.", "Thakur: It's just a very murky situation"),
    ("Netanyahu said the statement ignores Israel's demands", "Netanyahu: the statement ignores Israel's demands"),
    ("Seoul, meanwhile, on Monday warned that any provocative moves would trigger a response",
     "Seoul: any provocative moves would trigger a response"),
    # discourse markers and a leading adverbial phrase go
    ("The Ministry of Defense of Azerbaijan, on the other hand, reported heavy shelling of its positions",
     "The Ministry of Defense of Azerbaijan reported heavy…"),
    ("Despite a United Nations call for an immediate cease-fire Monday, Israeli jets struck Gaza again",
     "Israeli jets struck Gaza again"),
    # asides in brackets and dashes, a live blog's timestamp
    ("The United States positioned a destroyer -- the USS Decatur -- off the peninsula",
     "The United States positioned a destroyer off the peninsula"),
    ("The US will not accept the DPRK (Democratic People's Republic of Korea) as a nuclear state",
     "The US will not accept the DPRK as a nuclear state"),
    ("14:05 GMT: Here's what we know so far about the strikes", "Here's what we know so far about the strikes"),
    # an editor's word in square brackets stands for the quote's own; a passive "said to" is no speech frame
    ("\"It seems [the militants] want to leave the region\"", "It seems the militants want to leave the region"),
    ("The militants were said to be from Algeria", "The militants were said to be from Algeria"),
])
def test_headlines(clause, expected):
    assert headline(clause) == expected


def test_long_clauses_are_cut_short_never_on_a_function_word():
    clause = ("U.S. Ambassador to Ukraine Geoffrey Pyatt posted the satellite images on Twitter, saying they "
              "showed Russian artillery firing across the border into Ukraine")
    title = headline(clause)
    assert len(title) <= LIMIT + 1
    assert title.startswith("U.S. Ambassador to Ukraine Geoffrey Pyatt posted")
    last = title.rstrip("…").split()[-1].lower()
    assert last not in {"the", "a", "of", "to", "and", "on"}


def test_every_title_of_a_real_article_is_short_and_frame_free():
    from conftest import SEED
    from timeline_app.extract.pipeline import extract
    from timeline_app.ingest import load
    timeline = extract(load(SEED))
    for event in timeline.events:
        assert len(event.title) <= LIMIT + 1, event.title
        lowered = event.title.lower()
        assert not lowered.startswith(("according to", "on the other hand", "however")), event.title
        assert ", on the other hand" not in lowered


@pytest.mark.parametrize("line", ["Jane Doe | Kyiv 1 May 2011", "Photo: AFP/Getty Images", "Image copyright Reuters",
                                  "Read more: the war in numbers", "14:05 GMT", "Advertisement"])
def test_page_furniture_is_never_an_event(line):
    assert is_page_furniture(line) and is_byline(line)


@pytest.mark.parametrize("line", ["The army shelled the town on Monday", "By Monday afternoon, lines were restored",
                                  "Photographs showed burning buildings in the city centre"])
def test_sentences_are_not_furniture(line):
    assert not is_page_furniture(line)


@pytest.mark.parametrize("text, title", [
    ("REUTERS, KYIV\nUkraine says Russian forces shelled Kharkiv overnight\nMore text.",
     "Ukraine says Russian forces shelled Kharkiv overnight"),
    ("Jane Doe | Kyiv | 1 May 2011\nTroops leave the border\nbody", "Troops leave the border"),
    ("NATO SUMMIT OPENS\nbody text", "NATO SUMMIT OPENS"),
])
def test_a_dateline_or_byline_is_never_the_articles_title(text, title):
    from timeline_app.ingest.formats import first_line_title
    assert first_line_title(text) == title


@pytest.mark.parametrize("clause, expected", [
    ("The health ministry in Gaza, which is run by Hamas militants, said 32 people had been killed in strikes",
     "The health ministry: 32 people had been killed in strikes"),
    ("Al Jazeera's Hashem Ahelbarra, reporting from the border, said Erdogan got some concessions",
     "Hashem Ahelbarra: Erdogan got some concessions"),
    ("In the UK, Foreign Secretary Dominic Raab also said it was not yet clear who was responsible",
     "Dominic Raab: it was not yet clear who was responsible"),
    # an inverted frame names a speaker, never a clause ("..., said Erdogan managed to ...")
    ("Eight people were killed, said Dominic Raab", "Dominic Raab: Eight people were killed"),
])
def test_speakers_are_names_or_bodies_not_clauses(clause, expected):
    assert headline(clause) == expected
