"""Extraction pieces on small hand-written fixtures: sentences, people and affiliations, party
choice, attribution, events, and the gold scoring helpers."""
import datetime as dt
from pathlib import Path

import pytest

from timeline_app.extract import gazetteer
from timeline_app.extract.actors import choose_parties
from timeline_app.extract.attribution import attribute
from timeline_app.extract.document import read
from timeline_app.extract.evaluation import interval_matches, timex3_interval
from timeline_app.extract.events import is_byline, make_title
from timeline_app.extract.pipeline import extract
from timeline_app.extract.sentences import sentence_spans
from timeline_app.ingest import load
from timeline_app.model import Article

DATA = Path(__file__).parent / "data" / "extract"


def _sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def _people(text):
    return {p.name: p.affiliation for p in read(text).people.values()}


# -- sentences --------------------------------------------------------------------------------

def test_sentences_keep_abbreviations_together():
    text = ("The U.S. military said on Sept. 5 that Dr. Smith left at 11 a.m. Thursday. "
            "Gen. Ali spoke. U.S. President Joe Doe agreed.")
    assert _sentences(text) == ["The U.S. military said on Sept. 5 that Dr. Smith left at 11 a.m. Thursday.",
                                "Gen. Ali spoke.", "U.S. President Joe Doe agreed."]


def test_sentences_break_at_lines_and_quotes():
    text = "A headline without a period\nHe said: \"We will win.\" Then he left.\nCross-head"
    assert _sentences(text) == ["A headline without a period", "He said: \"We will win.\"",
                                "Then he left.", "Cross-head"]


def test_sentence_after_an_acronym_that_ends_it():
    assert len(_sentences("Troops moved toward the U.S. The army said so.")) == 2


# -- people -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, affiliation", [
    ("US Secretary of State Antony Blinken said he was concerned.", "Antony Blinken", "united-states"),
    ("EU foreign policy chief Josep Borrell published a statement.", "Josep Borrell", "european-union"),
    ("Mustafa Bali, a spokesman for the U.S.-backed SDF, said warplanes hit villages.", "Mustafa Bali", "sdf"),
    ("Russia's ambassador to the EU, Vladimir Chizhov, told the BBC there was no evidence.",
     "Vladimir Chizhov", "russia"),
    ("German Foreign Minister Heiko Maas condemned the offensive.", "Heiko Maas", "germany"),
    ("NATO Secretary-General Jens Stoltenberg said the country should not act.", "Jens Stoltenberg", "nato"),
    ("U.K. Prime Minister Jane May told lawmakers the attack was reckless.", "Jane May", "united-kingdom"),
    ("It was the biggest blow to NATO and European resolve since President John Doe took office, "
     "officials said.", "John Doe", None),
])
def test_affiliation_from_the_words_around_the_name(text, name, affiliation):
    assert _people(text)[name] == affiliation


def test_later_surname_is_the_same_person():
    text = "US Secretary of State Antony Blinken arrived. Later Blinken said talks would go on."
    doc = read(text)
    people, mentions = doc.people, doc.person_mentions
    assert len(people) == 1
    assert {m.person for m in mentions} == {"antony-blinken"}
    assert len(mentions) == 2


def test_titled_official_takes_the_state_of_the_sentence():
    text = "Prime Minister Jane Roe told reporters that Chile would not back down."
    assert _people(text)["Jane Roe"] == "chile"


# -- parties ----------------------------------------------------------------------------------

def _parties(path):
    return [p.id for p in extract(load(path, dt.date(2031, 3, 4))).parties]


def test_parties_are_the_opposing_sides_not_the_mediators():
    assert sorted(_parties(DATA / "border_clash.txt")) == ["ecuador", "peru"]


def test_state_against_armed_group_names_the_army():
    timeline = extract(load(DATA / "group_offensive.txt", dt.date(2031, 3, 4)))
    parties = {p.id: p for p in timeline.parties}
    assert set(parties) == {"mali", "boko-haram"}
    assert parties["mali"].name == "Malian army"
    assert "Mali" in parties["mali"].aliases


def test_between_x_and_y_beats_frequency():
    text = ("Fighting between Chad and Sudan\n"
            "Heavy fighting broke out between Chad and Sudan on Friday. France said it was worried. "
            "France urged calm. France sent an envoy. France called for talks.")
    choice = choose_parties(read(text))
    assert sorted(choice.ids) == ["chad", "sudan"]


# -- attribution ------------------------------------------------------------------------------

def test_accounts_and_reactions_on_fixture():
    timeline = extract(load(DATA / "border_clash.txt", dt.date(2031, 3, 4)))
    accounts = [(a.party, a.text) for a in timeline.accounts]
    reactions = {(r.actor, r.speaker) for r in timeline.reactions}
    text_of = {t: p for p, t in accounts}
    assert text_of["Peru's Defense Ministry said Ecuadorian troops opened fire first and shelled two villages."] == "peru"
    assert text_of["The ministry said it had responded with artillery."] == "peru"          # chain
    assert text_of["Ecuador's Foreign Minister Maria Lopez denied the accusation."] == "ecuador"
    assert text_of["\"Our forces only defended our territory,\" she said."] == "ecuador"      # pronoun
    assert text_of["According to Ecuador, the clashes ended before dawn."] == "ecuador"
    assert ("brazil", "Brazil") in reactions
    assert ("united-nations", "UN Secretary-General Antonio Guterres") in reactions
    # Narration is not attributed to anyone.
    assert not any("short war in 1995" in t for _, t in accounts)
    # Accounts and reactions point at the event of their sentence.
    ids = {e.id for e in timeline.events}
    assert all(a.event in ids for a in timeline.accounts)


def test_generic_bodies_and_groups_resolve_to_the_sides():
    timeline = extract(load(DATA / "group_offensive.txt", dt.date(2031, 3, 4)))
    by_text = {a.text: a.party for a in timeline.accounts}
    assert by_text["Boko Haram said its fighters had repelled the attack and captured several vehicles."] == "boko-haram"
    assert by_text["The army denied the claim."] == "mali"
    assert by_text["The rebels later released a video."] == "boko-haram"
    assert {r.actor for r in timeline.reactions} == {"african-union", "france"}


def _attribution(text, parties):
    doc = read(text)
    doc.parties = parties
    return attribute(doc)


def test_quoted_words_are_not_the_speaker():
    out = _attribution("“We have told Russia to stop,” Ukraine’s foreign ministry said.", ["ukraine", "russia"])
    assert out[0].entity == "ukraine"


def test_subordinate_clause_is_not_the_speaker():
    out = _attribution("After Turkey announced the offensive, Germany called the operation a mistake.",
                       ["turkey"])
    assert out[0].entity == "germany"


def test_plain_narration_has_no_speaker():
    out = _attribution("Tanks crossed the river near the village at dawn.", ["ukraine", "russia"])
    assert out == [None]


def test_resident_holds_the_floor_for_he_said():
    text = ("Russia's Defense Ministry said the strike hit a depot. A resident of the town said the blast "
            "woke everyone. \"It was terrible,\" he said.")
    out = _attribution(text, ["ukraine", "russia"])
    assert out[0].entity == "russia"
    assert out[1].entity is None and out[2].entity is None


# -- events -----------------------------------------------------------------------------------

def test_events_get_times_narrative_and_reference():
    timeline = extract(load(DATA / "border_clash.txt", dt.date(2031, 3, 4)))
    events = timeline.events
    first = next(e for e in events if "Fighting broke out" in e.sentence)
    assert first.time.value.startswith("2031-03-03")          # Monday before Tuesday 4 March
    assert first.time.anchored == "explicit"
    assert first.title.startswith("Fighting broke out between Peru and Ecuador")
    background = next(e for e in events if "1995" in e.sentence)
    assert background.time.value == "1995" and background.lane == "other"
    brazil = next(e for e in events if e.sentence.startswith("Brazil"))
    assert brazil.lane == "international"
    assert brazil.time.anchored in ("narrative", "reference")
    assert all(len(e.title) <= 81 for e in events)


def test_a_report_of_what_happened_yesterday_is_dated_yesterday():
    text = ("Protesters clashed with border guards on Monday in the town of Alder. "
            "About 20 guards were injured while defending the crossing, the mission said. "
            "The mission said it is ready to send more troops. "
            "The minister said the talks will resume.")
    events = extract(Article(text=text, reference_date=dt.date(2031, 3, 4))).events  # a Tuesday
    when = {e.sentence.split()[1]: e.time.value for e in events}
    assert when["20"] == "2031-03-03"           # the injuries: Monday, when the narrative is
    assert when["mission"] == "2031-03-04"      # a statement in the present: the day's news
    assert when["minister"] == "2031-03-04"     # a plan: the day's news


def test_a_report_of_an_irregular_past_is_dated_to_the_narrative_day():
    text = ("Fighting broke out along the border on Monday. "
            "A rocket struck a gas station in the town, killing six people, according to officials.")
    events = extract(Article(text=text, reference_date=dt.date(2031, 3, 4))).events     # a Tuesday
    assert {e.sentence.split()[1]: e.time.value for e in events}["rocket"] == "2031-03-03"


def test_a_present_perfect_or_an_aside_in_the_present_does_not_make_a_report_the_days_news():
    text = ("Fighting broke out along the border on Monday. "
            "Jets struck two targets, what the army called the first time it has used air power in the dispute. "
            "The government, which says the mines were new, recalled its ambassador and expelled the envoy.")
    events = extract(Article(text=text, reference_date=dt.date(2031, 3, 4))).events     # a Tuesday
    when = {e.sentence.split()[1]: e.time.value for e in events}
    assert when["struck"] == "2031-03-03" and when["government,"] == "2031-03-03"


def test_a_participle_clause_or_a_retaliation_with_its_own_date_is_its_own_event():
    text = ("The strikes are the deepest into the province since the 1971 war, going well beyond the air strike of "
            "February 2019. Missiles struck nine sites early on Wednesday in retaliation for the attack on April 22 "
            "in which 26 people were killed.")
    events = extract(Article(text=text, reference_date=dt.date(2025, 5, 8))).events
    assert sorted(e.time.value for e in events) == ["1971", "2019-02", "2025-04-22", "2025-05-07"]


def test_a_clause_after_a_since_aside_keeps_the_main_clause_time():
    text = ("Airstrikes killed 42 people early on Sunday, the deadliest attack since fighting erupted almost a week "
            "ago, as the UN secretary general told an emergency session of the council that it was appalling.")
    events = extract(Article(text=text, reference_date=dt.date(2021, 5, 16))).events
    told = [e for e in events if "told an emergency session" in text[e.span[0]:e.span[1]]]
    assert [e.time.value for e in told] == ["2021-05-16"]


@pytest.mark.parametrize("line, byline", [
    ("By AMADOU SIDIBE", True), ("By Irakli Metreveli and Olga Rostova", True), ("by Anastasiia Melnyk", True),
    ("By Mark Aldridge", True), ("Updated 3:21 PM GMT, November 16, 2023", True),
    ("By Monday afternoon, direct telephone lines had been restored.", False),
    ("By the afternoon, the clashes had spread.", False), ("By May 5, troops had left.", False),
    ("By bombing the bridges across the river, the army cut the city off from its supply lines.", False),
])
def test_bylines_are_told_from_sentences_that_open_with_by(line, byline):
    assert is_byline(line) is byline


@pytest.mark.parametrize("text, reference, values", [
    # a date that only names a thing ("the 2015 accord") yields to the clause's own time
    ("Algeria, which brokered the 2015 accord and shares a long border with Mali, said late Tuesday it was "
     "following the situation with great concern.", dt.date(2023, 11, 16), ["2023-11-14"]),
    # a coarse time told again finer ("one year ago on April 15, 2023"): the finer one dates the aside; the main
    # clause, with no time of its own, is the day's news
    ("The war, which broke out one year ago on April 15, 2023 in the capital, has displaced millions.",
     dt.date(2024, 4, 15), ["2023-04-15", "2024-04-15"]),
])
def test_the_time_that_dates_a_clause_with_two(text, reference, values):
    assert [e.time.value for e in extract(Article(text=text, reference_date=reference)).events] == values


def test_a_bound_of_a_stretch_does_not_move_the_narrative_and_an_age_dates_nothing():
    text = ("Armenia must hand back three districts its forces have held since the 1990s, starting with Kalbajar by "
            "November 15. Prime Minister Nikol Pashinyan broke the news in a post on Facebook. Overnight, "
            "protesters stormed the parliament. Gunmen then barricaded themselves in the 14th-century monastery.")
    events = extract(Article(text=text, reference_date=dt.date(2020, 11, 10))).events
    when = {e.sentence.split()[0]: e.time.value for e in events}
    assert when["Prime"] == "2020-11-10"
    assert when["Overnight,"].startswith("2020-11-09") or when["Overnight,"].startswith("2020-11-10")
    assert "13" not in when.values()      # "the 14th-century monastery" dates no event


def test_sentence_with_two_times_becomes_two_events():
    article = Article(text="Troops crossed the border on Wednesday, after the president ordered it on Sunday.",
                      reference_date=dt.date(2019, 10, 10))
    events = extract(article).events
    values = sorted(e.time.value for e in events)
    assert values == ["2019-10-06", "2019-10-09"]
    spans = sorted(e.span for e in events)
    assert spans[0][1] <= spans[1][0]


def test_title_is_short_and_readable():
    text = ("On Monday, " + "the long convoy of armoured vehicles moved slowly along the northern highway " * 3)
    title = make_title(text, 0, len(text))
    assert title.startswith("The long convoy") and len(title) <= 81


def test_bad_input_never_crashes():
    for text in ["", " ", "\n\n", "“", "...", "said said said", "A" * 5000, "\x00\x01 Russia said"]:
        timeline = extract(Article(text=text))
        assert timeline.article.text == text


# -- scoring helpers --------------------------------------------------------------------------

@pytest.mark.parametrize("value, start, end", [
    ("2022-09-13", dt.datetime(2022, 9, 13), dt.datetime(2022, 9, 14)),
    ("2022-W36", dt.datetime(2022, 9, 5), dt.datetime(2022, 9, 12)),
    ("2020-FA", dt.datetime(2020, 9, 1), dt.datetime(2020, 12, 1)),
    ("199", dt.datetime(1990, 1, 1), dt.datetime(2000, 1, 1)),
    ("199X", dt.datetime(1990, 1, 1), dt.datetime(2000, 1, 1)),
    ("2020", dt.datetime(2020, 1, 1), dt.datetime(2021, 1, 1)),
    ("2021-04", dt.datetime(2021, 4, 1), dt.datetime(2021, 5, 1)),
    ("2019-10-09TEV", dt.datetime(2019, 10, 9, 18), dt.datetime(2019, 10, 10)),
])
def test_timex3_interval(value, start, end):
    assert timex3_interval(value) == (start, end)


def test_past_ref_is_anything_before_the_reference():
    start, end = timex3_interval("PAST_REF", dt.date(2020, 1, 3))
    assert end == dt.datetime(2020, 1, 4) and start.year == 1


def test_interval_match_accepts_finer_not_coarser():
    year = timex3_interval("2020")
    assert interval_matches(timex3_interval("2020-FA"), year)
    day = timex3_interval("2022-09-13")
    assert not interval_matches(timex3_interval("2022-09"), day)
    night = (dt.datetime(2022, 9, 13, 20), dt.datetime(2022, 9, 14, 6))
    assert interval_matches(night, day)
    assert not interval_matches(timex3_interval("2022-09-12"), day)


def test_cross_border_strikes_fixture():
    text = (DATA / "strikes_and_reactions.txt").read_text(encoding="utf-8")
    timeline = extract(Article(text=text, title=text.splitlines()[0], reference_date=dt.date(2031, 5, 7)))
    assert sorted(p.id for p in timeline.parties) == ["india", "pakistan"]
    def party_of(start):
        return next(a.party for a in timeline.accounts if a.text.startswith(start))

    assert party_of("India's Defence Ministry said") == "india"
    assert party_of("\"We will give a befitting reply,\" he said") == "pakistan"
    assert party_of("The Pakistani military said") == "pakistan"
    assert {r.actor for r in timeline.reactions} == {"china", "united-nations", "united-states"}
    history = next(e for e in timeline.events if "1947" in e.sentence)
    assert history.time.value == "1947" and history.lane == "other"
    assert all(e.title.count("\"") % 2 == 0 for e in timeline.events)


def test_group_defined_in_the_article_becomes_a_side():
    text = ("Militants attack army base\n\n"
            "Fighters of the Northern Liberation Front (NLF) attacked an army base in Chad on Saturday, "
            "killing 40 soldiers, the army said. The NLF said in a statement that it had seized weapons. "
            "Chad's government denied the claim. The African Union condemned the attack.")
    timeline = extract(Article(text=text, title="Militants attack army base", reference_date=dt.date(2031, 5, 5)))
    assert sorted(p.id for p in timeline.parties) == ["chad", "nlf"]
    assert any(a.party == "nlf" and a.text.startswith("The NLF said") for a in timeline.accounts)
    assert {r.actor for r in timeline.reactions} == {"african-union"}
    # The gazetteer itself is untouched by what one article defines.
    assert gazetteer.get().lookup("NLF") is None


def test_statement_is_dated_apart_from_the_dated_clause_it_mentions():
    article = Article(text="Chad said 35 of its citizens were killed, the first toll since clashes broke out on Wednesday.",
                      reference_date=dt.date(2031, 5, 11))
    events = extract(article).events
    assert [e.time.value for e in events] == ["2031-05-11", "2031-05-07"]
    assert events[1].title == "Clashes broke out on Wednesday"


def test_a_failing_time_tagger_is_loud_not_a_timeline_without_times(monkeypatch):
    """A broken dependency of the tagger must reach the user (CLI line, window dialog), not empty the axis."""
    from timeline_app.extract import timex

    def broken(text, reference=None):
        raise ModuleNotFoundError("No module named 'a_dependency'")

    monkeypatch.setattr(timex, "tag", broken)
    with pytest.raises(ModuleNotFoundError):
        extract(Article(text="Russia said the talks failed.", reference_date=dt.date(2031, 1, 1)))
