"""The time-expression engine: values, intervals, tense, narrative anchoring, robustness, TBAQ floor."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from conftest import SEED, shared_data
from timeline_app.extract.timex import Timex, tag

TUE = dt.date(2022, 9, 13)          # a Tuesday, the seed article's reference date


def find(text: str, expression: str, ref=TUE) -> Timex:
    """The timex of ``text`` that covers ``expression``."""
    at = text.index(expression)
    hits = [t for t in tag(text, ref) if t.start < at + len(expression) and at < t.end]
    assert hits, f"no timex for {expression!r} in {text!r}: {tag(text, ref)}"
    return hits[0]


# (sentence, expression inside it, TIMEX3 type, value) for the reference date Tuesday 2022-09-13.
VALUES = [
    ("It happened on 13 September 2022.", "13 September 2022", "DATE", "2022-09-13"),
    ("Talks are set for Sept. 13.", "Sept. 13", "DATE", "2022-09-13"),
    ("The report is dated 2022-09-13.", "2022-09-13", "DATE", "2022-09-13"),
    ("Prices rose in September 2022.", "September 2022", "DATE", "2022-09"),
    ("The war began in 2020.", "2020", "DATE", "2020"),
    ("The statement came at 15:05.", "15:05", "TIME", "2022-09-13T15:05"),
    ("Shelling began at 3 p.m. local time.", "3 p.m.", "TIME", "2022-09-13T15:00"),
    ("Output peaked in mid-2021.", "mid-2021", "DATE", "2021"),
    ("It was quiet in the early 1990s.", "early 1990s", "DATE", "199"),
    ("They fought in the 1990s.", "the 1990s", "DATE", "199"),
    ("It was the bloodiest war of the 20th century.", "20th century", "DATE", "19"),
    ("A war broke out in the fall of 2020.", "the fall of 2020", "DATE", "2020-FA"),
    ("Armenia lost land in the 2020 war.", "2020", "DATE", "2020"),
    ("Clashes broke out on Tuesday night.", "Tuesday night", "TIME", "2022-09-13TNI"),
    ("The minister said this morning that talks failed.", "this morning", "TIME", "2022-09-13TMO"),
    ("Officials met last week.", "last week", "DATE", "2022-W36"),
    ("He arrived two days ago.", "two days ago", "DATE", "2022-09-11"),
    ("Elections are due next month.", "next month", "DATE", "2022-10"),
    ("The army said yesterday it had withdrawn.", "yesterday", "DATE", "2022-09-12"),
    ("The minister said earlier that it was over.", "earlier", "DATE", "PAST_REF"),
    ("Tension has risen recently.", "recently", "DATE", "PAST_REF"),
    ("The border is now closed.", "now", "DATE", "PRESENT_REF"),
    ("The siege lasted three days.", "three days", "DURATION", "P3D"),
    ("A ceasefire of 48 hours was agreed.", "48 hours", "DURATION", "PT48H"),
    ("The festival is held every year.", "every year", "SET", "P1Y"),
    ("The rebels attacked last Friday.", "last Friday", "DATE", "2022-09-09"),
    # on a Tuesday, "last Monday" is the week before's (yesterday is "on Monday"); "this past Monday" is yesterday
    ("The rebels attacked last Monday.", "last Monday", "DATE", "2022-09-05"),
    ("The rebels attacked this past Monday.", "past Monday", "DATE", "2022-09-12"),
    # the tense of what was said is not the tense of saying it
    ("Mr Varro told Congress on Thursday that Brask would accept a truce.", "Thursday", "DATE", "2022-09-08"),
    ("It happened in September.", "September", "DATE", "2022-09"),
    ("They met on Monday, Sept. 12.", "Monday, Sept. 12", "DATE", "2022-09-12"),
    ("The fighting stopped the following day.", "the following day", "DATE", "2022-09-14"),
    ("Troops left a year ago.", "a year ago", "DATE", "2021"),
    ("The treaty was signed on April 4, 1949.", "April 4, 1949", "DATE", "1949-04-04"),
    ("They will vote in the third quarter of 2023.", "the third quarter of 2023", "DATE", "2023-Q3"),
    ("The deal should close by the end of the year.", "the end of the year", "DATE", "2022"),
    ("Sales fell this year.", "this year", "DATE", "2022"),
    ("It happened last year.", "last year", "DATE", "2021"),
    ("The truce held over the weekend.", "the weekend", "DATE", "2022-W36-WE"),
    ("The blast came at noon.", "noon", "TIME", "2022-09-13T12:00"),
    ("Shots were heard at about 10:35 a.m.", "10:35 a.m.", "TIME", "2022-09-13T10:35"),
    ("The talks lasted five hours.", "five hours", "DURATION", "PT5H"),
    ("Rescuers searched for 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("The paper is published daily.", "daily", "SET", "P1D"),
    ("The vote is due early next year.", "early next year", "DATE", "2023"),
    ("Clashes erupted in late November.", "late November", "DATE", "2021-11"),
    ("The mission ended in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
    ("Prices last fell this far in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "DATE",
     "1994-WI"),
    ("It began in March nineteen eighty-one, reporters said.", "March nineteen eighty-one", "DATE", "1981-03"),
]


@pytest.mark.parametrize("sentence, expression, type_, value", VALUES)
def test_value_table(sentence, expression, type_, value):
    t = find(sentence, expression)
    assert (t.type, t.value) == (type_, value), t
    assert t.text == sentence[t.start:t.end]


@pytest.mark.parametrize("sentence, expected", [
    ("The ministry said on Wednesday that troops withdrew.", "2022-09-07"),
    ("The ministers will meet on Wednesday.", "2022-09-14"),
    ("He said on Monday that talks failed.", "2022-09-12"),
    ("The envoy is expected to arrive on Monday.", "2022-09-19"),
    ("Fighting resumed on Tuesday.", "2022-09-13"),           # the reference weekday is that day
    ("They will meet again on Tuesday.", "2022-09-13"),
    ("The summit opens next Friday.", "2022-09-16"),
    ("Talks collapsed on Sunday.", "2022-09-11"),
    ("The court postponed the hearing until Thursday.", "2022-09-15"),
    ("The offer had been scheduled to expire on Monday.", "2022-09-12"),
])

def test_weekday_direction_follows_tense(sentence, expected):
    day = next(w for w in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Sunday") if w in sentence)
    assert find(sentence, day).value == expected


@pytest.mark.parametrize("sentence, value", [
    ("The carrier has been on patrol since March.", "2022-03"),
    ("Talks have stalled since November.", "2021-11"),
    ("The rebels attacked in October.", "2021-10"),
    ("The army will withdraw in October.", "2022-10"),
])
def test_month_year_follows_tense(sentence, value):
    month = next(w for w in ("March", "November", "October") if w in sentence)
    assert find(sentence, month).value == value


@pytest.mark.parametrize("ref, sentence, expression, value", [
    (dt.date(2023, 1, 2), "Shelling began last week.", "last week", "2022-W52"),
    (dt.date(2023, 1, 2), "Prices fell last month.", "last month", "2022-12"),
    (dt.date(2023, 1, 2), "Rebels struck yesterday.", "yesterday", "2023-01-01"),
    (dt.date(2023, 1, 2), "They attacked in November.", "November", "2022-11"),
    (dt.date(2023, 1, 2), "Output fell last year.", "last year", "2022"),
    (dt.date(2022, 12, 30), "Talks resume next week.", "next week", "2023-W01"),
    (dt.date(2022, 12, 30), "The vote will be held in February.", "February", "2023-02"),
    (dt.date(2024, 3, 1), "The strike came yesterday.", "yesterday", "2024-02-29"),
    (dt.date(2024, 3, 1), "It was signed on Feb. 29.", "Feb. 29", "2024-02-29"),
    (dt.date(2024, 2, 29), "It started a year ago.", "a year ago", "2023"),
    (dt.date(2024, 2, 29), "They met a month ago.", "a month ago", "2024-01"),
])
def test_year_boundaries_and_leap_days(ref, sentence, expression, value):
    assert find(sentence, expression, ref).value == value


def test_invalid_dates_do_not_crash():
    for text in ("on Feb. 30", "Feb. 29, 2023", "2022-13-45", "31/31/2022", "at 25:99"):
        for t in tag(text, TUE):
            assert t.text == text[t.start:t.end]


def _dt(*a):
    return dt.datetime(*a)


@pytest.mark.parametrize("sentence, expression, begin, end, granularity", [
    ("Clashes broke out on Tuesday night.", "Tuesday night", _dt(2022, 9, 13, 18), _dt(2022, 9, 14, 6), "part-of-day"),
    ("A war broke out in the fall of 2020.", "the fall of 2020", _dt(2020, 9, 1), _dt(2020, 12, 1), "season"),
    ("They fought in the 1990s.", "the 1990s", _dt(1990, 1, 1), _dt(2000, 1, 1), "decade"),
    ("Prices rose in September 2022.", "September 2022", _dt(2022, 9, 1), _dt(2022, 10, 1), "month"),
    ("Officials met last week.", "last week", _dt(2022, 9, 5), _dt(2022, 9, 12), "week"),
    ("The war began in 2020.", "2020", _dt(2020, 1, 1), _dt(2021, 1, 1), "year"),
    ("It was the bloodiest war of the 20th century.", "20th century", _dt(1900, 1, 1), _dt(2000, 1, 1), "century"),
    ("The statement came at 15:05.", "15:05", _dt(2022, 9, 13, 15, 5), _dt(2022, 9, 13, 15, 6), "minute"),
    ("It happened on 13 September 2022.", "13 September 2022", _dt(2022, 9, 13), _dt(2022, 9, 14), "day"),
    ("They will vote in the third quarter of 2023.", "the third quarter of 2023", _dt(2023, 7, 1), _dt(2023, 10, 1),
     "quarter"),
])
def test_intervals_keep_their_precision(sentence, expression, begin, end, granularity):
    t = find(sentence, expression)
    assert (t.begin, t.end_time, t.granularity) == (begin, end, granularity)


def test_mid_and_early_narrow_the_interval():
    mid = find("Output peaked in mid-2021.", "mid-2021")
    assert mid.mod == "MID" and _dt(2021, 4, 1) <= mid.begin < mid.end_time <= _dt(2021, 10, 1)
    early = find("It was quiet in the early 1990s.", "early 1990s")
    assert early.mod == "START" and early.begin == _dt(1990, 1, 1) and early.end_time <= _dt(1994, 1, 1)


def test_reference_relative_expressions_get_a_placeable_interval():
    earlier = find("The minister said earlier that it was over.", "earlier")
    assert earlier.begin == _dt(2022, 9, 13) and earlier.end_time <= _dt(2022, 9, 14)
    recently = find("Tension has risen recently.", "recently")
    assert recently.begin < _dt(2022, 9, 1) and recently.end_time <= _dt(2022, 9, 14)
    now = find("The border is now closed.", "now")
    assert now.begin == _dt(2022, 9, 13) and now.anchored == "reference"
    nightfall = find("The fighting subsided after nightfall.", "nightfall")
    assert nightfall.value == "2022-09-13TNI" and nightfall.mod == "AFTER"


def test_durations_and_sets_have_no_fixed_place_unless_anchored():
    assert find("The siege lasted three days.", "three days").begin is None
    past = find("Prices rose over the past two months.", "the past two months")
    assert past.value == "P2M" and past.begin == _dt(2022, 7, 13)


# ---- narrative anchoring -------------------------------------------------------------------------------
def test_bare_weekday_after_last_week_belongs_to_that_week():
    text = "Fighting flared last week. On Thursday, troops crossed the border."
    t = find(text, "Thursday")
    assert t.value == "2022-09-08" and t.anchored == "narrative"


def test_last_week_does_not_carry_over_a_paragraph_break():
    """A new paragraph's bare weekday is the reference's week again (TBAQ value F1 agrees: 0.8175 -> 0.8180)."""
    same = "Border clashes flared last week, officials said. On Monday, troops crossed the line."
    assert find(same, "Monday").value == "2022-09-05"
    text = "Border clashes flared last week, officials said.\n\nOn Monday, troops crossed the line."
    assert find(text, "Monday").value == "2022-09-12"
    far = "Border clashes flared last week." + " Nothing else happened." * 20 + " On Monday, talks resumed."
    assert find(far, "Monday").value == "2022-09-12"       # too far from "last week": the reference week


def test_later_anchors_on_the_last_resolved_time():
    text = "The war began in 2008. Two years later, a truce was signed."
    t = find(text, "Two years later")
    assert (t.value, t.anchored) == ("2010", "narrative")


def test_following_day_anchors_on_the_narrative_day():
    text = "The talks opened on Sept. 5, 2021. The following day, both sides walked out."
    t = find(text, "The following day")
    assert (t.value, t.anchored) == ("2021-09-06", "narrative")


def test_since_then_takes_the_narrative_time():
    text = "A ceasefire was signed in 2020. Since then, the border has been quiet."
    t = find(text, "Since then")
    assert t.value == "2020" and t.anchored == "narrative" and t.mod == "AFTER"
    assert (t.begin, t.end_time) == (_dt(2020, 1, 1), _dt(2022, 9, 14))


def test_explicit_and_reference_anchoring_are_reported():
    ts = tag("On 5 May 2021 talks began; yesterday they ended.", TUE)
    assert [(t.value, t.anchored) for t in ts] == [("2021-05-05", "explicit"), ("2022-09-12", "reference")]


def test_without_reference_relative_values_are_masked():
    ts = tag("Clashes broke out on Tuesday night, a year after the 13 September 2021 truce.", None)
    values = {t.text: t.value for t in ts}
    assert values["Tuesday night"] == "XXXX-XX-XXTNI"
    assert values["13 September 2021"] == "2021-09-13"
    assert next(t for t in ts if t.text == "Tuesday night").begin is None


def test_reference_may_be_a_datetime():
    t = find("The minister said earlier that it was over.", "earlier", dt.datetime(2022, 9, 13, 15, 5))
    assert t.end_time == _dt(2022, 9, 13, 15, 5)


def test_the_day_before_and_during_the_night_use_the_narrative_day():
    text = "Shelling hit the town on Sept. 5, 2021. A strike the day before killed two. Four died during the night."
    before = find(text, "the day before")
    assert (before.value, before.anchored) == ("2021-09-04", "narrative")
    night = find(text, "the night")
    assert night.value.endswith("TNI") and night.granularity == "part-of-day"


def test_fractional_quantities():
    assert find("Talks lasted an hour and a half.", "an hour and a half").value == "PT1H30M"
    t = find("The war began on Sept. 5, 2021. About an hour and a half later, tanks crossed.", "an hour and a half later")
    assert (t.value, t.anchored) == ("2021-09-05", "narrative")
    assert find("It took two and a half years.", "two and a half years").value == "P2Y6M"


def test_quarterly_report_anchoring():
    text = ("Net income rose in the third quarter. Sales in the quarter climbed, compared with a loss a year ago. "
            "The year-earlier period included a charge.")
    ref = dt.date(1989, 10, 26)
    assert find(text, "the third quarter", ref).value == "1989-Q3"
    assert find(text, "the quarter climbed"[:11], ref).value == "1989-Q3"
    assert find(text, "a year ago", ref).value == "1988-Q3"
    assert find(text, "The year-earlier period", ref).value == "1988-Q3"


def test_a_second_year_ago_is_the_same_comparison_not_a_year_further_back():
    padding = "Analysts had expected weaker demand from carmakers and builders. " * 7
    text = ("Third-quarter profit slid to $58 million from $186 million a year ago. " + padding
            + "At the same time, costs, compared with a year ago, were higher.")
    assert 500 < text.rindex("a year ago") - len("Third-quarter") < 500 + text.index("a year ago")
    found = [t for t in tag(text, dt.date(1989, 10, 26)) if t.text == "a year ago"]
    assert found[0].value == "1988-Q3" and found[1].value.startswith("1988")


@pytest.mark.parametrize("sentence, expression, value", [
    ("Shops closed on Christmas Day.", "Christmas Day", "2021-12-25"),
    ("Markets closed for Thanksgiving.", "Thanksgiving", "2021-11-25"),
    ("Talks resumed after Easter.", "Easter", "2022-04-17"),
    ("Protests are held on Mondays.", "Mondays", "XXXX-WXX-1"),
    ("Patrols go out each night.", "each night", "XXXX-XX-XXTNI"),
    ("The tribunal meets twice a year.", "a year", "P1Y"),
    ("Sales rose in the first half of 2021.", "the first half of 2021", "2021-H1"),
    ("Sales rose in Q3 2021.", "Q3 2021", "2021-Q3"),
    ("Nothing changed in the nineties.", "the nineties", "199"),
    ("He was born in the 1960s.", "the 1960s", "196"),
    ("They met at 10.30 am.", "10.30 am", "2022-09-13T10:30"),
    ("The curfew starts at midnight.", "midnight", "2022-09-13T24:00"),
    ("A truce took effect at 18:00 GMT.", "18:00 GMT", "2022-09-13T18:00"),
    ("Fighting resumed the next morning.", "the next morning", "2022-09-14TMO"),
    ("The deal should close by year-end.", "year-end", "2022"),
    ("It dates from the 11th century.", "the 11th century", "10"),
    ("They spoke late last night.", "last night", "2022-09-12TNI"),
    ("The offensive began three weeks ago.", "three weeks ago", "2022-W34"),
    ("Talks are due in the spring.", "the spring", "2023-SP"),
    ("Shelling resumed late on Tuesday.", "late on Tuesday", "2022-09-13"),
    ("Shells fell on the night of Sept. 12.", "the night of Sept. 12", "2022-09-12TNI"),
    ("Blasts were heard in the early hours of Tuesday.", "the early hours of Tuesday", "2022-09-13TMO"),
    ("The truce broke down on the 12th.", "the 12th", "2022-09-12"),
    ("The blast came at 0735 GMT.", "0735 GMT", "2022-09-13T07:35"),
    ("The jet was shot down at 1158 local time.", "1158 local time", "2022-09-13T11:58"),
    ("The blast came at 11.30pm on September 9th.", "11.30pm on September 9th", "2022-09-09T23:30"),
    ("The truce broke down on the 20th.", "the 20th", "2022-08-20"),
    ("A hearing is set for the week of Sept. 19.", "the week of Sept. 19", "2022-W38"),
    ("Output should grow in the second half of the year.", "the second half of the year", "2022-H2"),
    ("Sales were flat in the last half of the '80s.", "the last half of the '80s", "198"),
    # "agreed to at a summit": a preposition after "to", not a plan's infinitive
    ("The truce, which the two men agreed to at a summit in December, collapsed.", "December", "2021-12"),
    # "vs." does not end the sentence: the verb after it ("killed") still gives the tense
    ("In January, a week after the Roe vs. Wade anniversary, a bomb killed a guard.", "January", "2022-01"),
])


def test_more_values(sentence, expression, value):
    assert find(sentence, expression).value == value


@pytest.mark.parametrize("sentence, expression", [
    ("A hearing is set for the week of Sept. 19.", "the week of Sept. 19"),
    ("Sales were flat in the last half of the '80s.", "the last half of the '80s"),
    ("Output should grow in the second half of the year.", "the second half of the year"),
])
def test_halves_and_weeks_of_a_day_are_one_expression(sentence, expression):
    assert find(sentence, expression).text == expression


def test_a_night_before_skips_a_background_month_and_its_small_hours_are_the_next_day():
    text = ("Russia attacked overnight and into the morning of Dec. 29. \"This is the largest attack since the "
            "invasion in February 2022,\" a spokesman said. The first drones came late the night before, and "
            "bombers launched missiles at around 4 a.m. local time.")
    ref = dt.date(2023, 12, 29)
    assert find(text, "the night before", ref).value == "2023-12-28TNI"
    assert find(text, "4 a.m.", ref).value == "2023-12-29T04:00"


def test_year_ranges_are_two_years():
    """TimeML tags each side of "1992-94" (issue 12): the short side takes the first's century."""
    first, second = find("The 1992-94 war displaced thousands.", "1992"), find("The 1992-94 war.", "94")
    assert (first.text, first.value, first.begin) == ("1992", "1992", _dt(1992, 1, 1))
    assert (second.text, second.value, second.end_time) == ("94", "1994", _dt(1995, 1, 1))


def test_small_hours_interval():
    t = find("Blasts were heard in the early hours of Tuesday.", "the early hours of Tuesday")
    assert (t.begin, t.end_time) == (_dt(2022, 9, 13), _dt(2022, 9, 13, 6))


def test_hours_later_stays_on_the_narrative_day():
    t = find("The town was shelled on Sept. 5, 2021. Hours later, it fell.", "Hours later")
    assert (t.value, t.anchored) == ("2021-09-05", "narrative")


def test_seed_article_times():
    text = SEED.read_text(encoding="utf-8")
    values = {t.text: t.value for t in tag(text, TUE)}
    assert values["Tuesday night"] == "2022-09-13TNI"
    assert values["the fall of 2020"] == "2020-FA"
    assert values["the 1990s"] == "199"
    assert values["2020"] == "2020"
    assert values["earlier"] == "PAST_REF"
    assert values["nightfall"] == "2022-09-13TNI"
    for t in tag(text, TUE):
        assert t.text == text[t.start:t.end]
        if t.begin is not None:
            assert t.begin < t.end_time


# ---- things that are not time expressions --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Officials said they may resume talks.",
    "Some 2000 troops were deployed.",
    "More than 2,000 people fled.",
    "The army launched Operation Desert Spring.",
    "The fall of the city shocked the region.",
    "The owner's 1987 Chevrolet was found.",
    "Call 555-1212 for details.",
    "The council passed Resolution 2334.",
    "He scored 3:1 in the final.",
    "A 6-year-old boy was rescued.",
    "The chip is faster than Intel's earlier model.",
    "Such plots were for earlier generations.",
    "For the people of Poland, high noon comes with the vote.",
])
def test_false_friends_are_not_tagged(text):
    assert tag(text, TUE) == [], tag(text, TUE)


def test_empty_and_odd_input():
    assert tag("", TUE) == []
    assert tag("\x00\ufeff   \n", TUE) == []
    assert [t.value for t in tag("in 2020\u00a0and in 2021", TUE)] == ["2020", "2021"]


def test_contract_dict():
    t = find("Clashes broke out on Tuesday night.", "Tuesday night")
    assert t.as_contract() == {"start": 21, "end": 34, "text": "Tuesday night", "type": "TIME",
                               "value": "2022-09-13TNI"}


def _least_cpu_seconds(text: str, runs: int = 3) -> float:
    """The least CPU time of a few runs of the tagger: other processes on a busy machine add no CPU time
    to this one, and the least of several runs drops cache and scheduling hiccups."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        tag(text, TUE)
        times.append(time.process_time() - t0)
    return min(times)


#: Ten times the text may cost at most this many times the time: linear growth measures ~10x, quadratic
#: backtracking ~100x; the margin absorbs a noisy machine (no absolute time is asserted).
LINEAR_GROWTH_LIMIT = 40


@pytest.mark.parametrize("chunk", ["7", " ", "the ", "a-", "last "])
def test_no_pathological_input(chunk):
    """A megabyte of digits, spaces or filler words costs one scan (no regex backtracking blow-up)."""
    small, big = (chunk * (n // len(chunk)) for n in (100_000, 1_000_000))
    assert tag(big, TUE) == []
    assert _least_cpu_seconds(big) < LINEAR_GROWTH_LIMIT * max(_least_cpu_seconds(small), 0.005)


@pytest.mark.parametrize("chunk", ["the the 1999 ", "Tuesday ", "12:"])
def test_dense_matches_stay_linear(chunk):
    """Text full of real matches costs more per character but grows linearly, not quadratically."""
    small, big = chunk * 1_000, chunk * 10_000
    assert _least_cpu_seconds(big, 2) < LINEAR_GROWTH_LIMIT * max(_least_cpu_seconds(small), 0.005)


# ---- TempEval-3 floor on a sample of TBAQ ----------------------------------------------------------------
def test_tbaq_sample_floor():
    from timeline_app.extract.timex.evaluate import load_corpus, score_documents
    docs = load_corpus(shared_data("tempeval3", "tbaq"))
    assert len(docs) == 256 and sum(len(d.timexes) for d in docs) == 1822
    sample = docs[::8]
    score = score_documents(sample, tag)
    assert score.gold > 150
    # measured on this sample: relaxed 0.925, strict 0.870, value 0.785, type 0.882, ~550k chars/s
    assert score.prf("relaxed")[2] >= 0.90, score.table()
    assert score.prf("strict")[2] >= 0.84, score.table()
    assert score.value_f1 >= 0.77, score.table()
    assert score.type_f1 >= 0.86, score.table()


def test_random_token_soup_never_crashes():
    """Random mixes of time words, against extreme reference dates: spans index the text, intervals are ordered."""
    import random
    tokens = ["Tuesday", "night", "last", "week", "2022", "Sept.", "13", "the", "fall", "of", "1990s", "early",
              "mid-", "ago", "two", "days", "a", "year", "earlier", "since", "then", "at", "3", "p.m.", "15:05",
              "Feb.", "29", ",", ".", "\n", "quarter", "third", "every", "Christmas", "nineteen", "ninety-six",
              "day", "before", "hours", "later", "on", "12th", "12/31/99", "99999", "May", "Q3", "half", "decade",
              "century", "20th", "\u00a0", "’s", "year-end", "weekend", "noon", "midnight", "overnight"]
    refs = [None, TUE, dt.date(2024, 2, 29), dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.datetime(2022, 1, 1, 5, 5)]
    rng = random.Random(7)
    for _ in range(400):
        text = " ".join(rng.choice(tokens) for _ in range(rng.randint(1, 30)))
        for t in tag(text, rng.choice(refs)):
            assert text[t.start:t.end] == t.text
            assert t.begin is None or t.end_time is None or t.begin <= t.end_time


# ---- helper 2: news anchoring, midnight convention -------------------------------------------------------
MON = dt.date(2020, 6, 16)          # Tuesday


@pytest.mark.parametrize("text, expression, value", [
    # a point expression ("two weeks ago") does not name a week for a later bare weekday
    ("Leaders spoke by phone two weeks ago.\n\nIndia said 20 troops were hurt Monday.", "Monday", "2020-06-15"),
    ("They met three weeks ago. Troops were hurt Monday.", "Monday", "2020-06-15"),
    # a week expression does
    ("Officials met last week. Talks broke down on Monday.", "Monday", "2020-06-08"),
])
def test_bare_weekday_only_follows_a_week_expression(text, expression, value):
    assert find(text, expression, MON).value == value


FRI = dt.date(2024, 10, 4)


@pytest.mark.parametrize("text, value", [
    # bare midnight in a past (or neutral) news sentence: the night just ended, start of the reference day
    ("The military said it targeted the headquarters around midnight.", "2024-10-04T00:00"),
    ("Explosions were heard at midnight.", "2024-10-04T00:00"),
    # the expression names its day: the end of that day
    ("The offer had been scheduled to expire at midnight Friday.", "2024-10-04T24:00"),
    ("The curfew began at midnight Thursday.", "2024-10-03T24:00"),
    # a midnight ahead: the coming one
    ("The ceasefire will take effect at midnight.", "2024-10-04T24:00"),
])
def test_midnight_convention(text, value):
    t = find(text, "midnight", FRI)
    assert (t.type, t.value) == ("TIME", value)


def test_bare_past_midnight_lies_on_the_reference_day():
    t = find("The strike came around midnight.", "midnight", FRI)
    assert t.begin == dt.datetime(2024, 10, 4) and t.mod == "APPROX"


# ---- start-up cost: rules gated by trigger words (the regex cache: test_regex_cache.py) ----------
@pytest.mark.parametrize("words", [["may", "march", "mar.", "ma"], ["a", "ab", "abc", "b c"], ["sept", "sept.", "september", "sep."]])
def test_prefix_tree_alternation_is_the_plain_alternation(words):
    """The compact alternation matches the same strings, and still prefers the longest word."""
    import re
    from timeline_app.extract.timex.lexicon import alternation
    compact = re.compile(alternation(words) + r"\Z")
    for w in words + ["m", "marc", "septe", "ab c", "b  c", "x"]:
        assert bool(compact.match(w)) == (w in words or w.replace("  ", " ") in words), w
    longest = max(words, key=len)
    assert re.match(alternation(words), longest).group() == longest


def test_rules_run_only_where_their_trigger_words_appear():
    from timeline_app.extract.timex.recognise import RULES, segments
    text = "Shelling resumed on Tuesday night." + " filler" * 30 + " Profit rose in the third quarter."
    (a1, b1, mask1), (a2, b2, mask2) = segments(text)
    names = [r.name for r in RULES]
    run1 = {names[i] for i in range(len(RULES)) if mask1 >> i & 1}
    run2 = {names[i] for i in range(len(RULES)) if mask2 >> i & 1}
    assert "weekday" in run1 and "quarter" not in run1 and "holiday" not in run1
    assert "quarter" in run2 and "weekday" not in run2
    assert segments("the " * 10_000 + "1234567 " * 100) == []


# ---- tense of the governing verb, quarterly reports, quantities -------------------------------------------
OCT = dt.date(1989, 10, 30)         # a Monday, in the fourth quarter


@pytest.mark.parametrize("text, expression, value", [
    # a plan, deal or decision, then the infinitive the time belongs to: the time lies after the decision
    ("The bank said it agreed to acquire the holding company in January.", "January", "1990-01"),
    ("The team planned to leave Nairobi on Thursday.", "Thursday", "1989-11-02"),
    ("It agreed to purchase the unit for $22 million in February.", "February", "1990-02"),
    # ... but not when the time belongs to the main (past) verb, or the plan is already past
    ("Two bidders extended their offers to acquire the company Friday.", "Friday", "1989-10-27"),
    ("The offer had been due to expire Friday evening.", "Friday evening", "1989-10-27TEV"),
    # a participle after "be" is not the clause's tense
    ("The dividend would be paid on a date in January.", "January", "1990-01"),
    # ... nor after a determiner and an adverb ("a still unspecified date")
    ("The bonus will be paid on a still undetermined day in March.", "March", "1990-03"),
    # ... nor one followed by its agent ("markets untouched by the crisis")
    ("The airline will almost double its flights between the two islands by June in a hunt for markets "
     "untouched by the slump.", "June", "1990-06"),
    # plain past and future still decide
    ("The company was sold in January.", "January", "1989-01"),
    ("The plant will reopen in January.", "January", "1990-01"),
])
def test_tense_of_the_governing_verb(text, expression, value):
    assert find(text, expression, OCT).value == value


@pytest.mark.parametrize("ref, text, expression, value", [
    # a past clause about a quarter or half that has not begun yet: last year's
    (dt.date(2023, 1, 20), "The brewer posted a sharp loss for the fourth quarter.", "the fourth quarter", "2022-Q4"),
    (dt.date(2023, 2, 3), "Shipments fell in the second half.", "the second half", "2022-H2"),
    # a quarter already begun is this year's, whatever the tense
    (dt.date(2023, 1, 20), "The brewer posted a loss for the first quarter.", "the first quarter", "2023-Q1"),
    # a future clause is often about a quarter already past: this year's
    (OCT, "The brewer expects to report third-quarter results next week.", "third-quarter", "1989-Q3"),
    (OCT, "The brewer will report a loss for the fourth quarter.", "the fourth quarter", "1989-Q4"),
])
def test_quarter_without_a_year_follows_a_past_tense(ref, text, expression, value):
    assert find(text, expression, ref).value == value


@pytest.mark.parametrize("ref, text, expression, value", [
    (dt.date(2023, 2, 10), "The plant closed last Nov. 14 after a fire.", "Nov. 14", "2022-11-14"),
    (dt.date(2023, 6, 1), "The plant closed last March 5 after a fire.", "March 5", "2023-03-05"),
    (dt.date(2023, 6, 1), "The plant reopens next March 5.", "March 5", "2024-03-05"),
])
def test_last_or_next_before_a_month_and_day_is_a_day(ref, text, expression, value):
    t = find(text, expression, ref)
    assert (t.text, t.value) == (expression, value)


@pytest.mark.parametrize("text, expression, value", [
    # a comparison with "a year ago" just before does not make "the year" last year's
    ("Prices were higher than a year ago. Demand was weak earlier in the year because of a strike.",
     "earlier in the year", "1989"),
    ("Shipments will pick up later in the month.", "later in the month", "1989-10"),
    # a year named outright just before: that one
    ("The plant opened in 1975. Later in the year, a fire broke out.", "Later in the year", "1975"),
])
def test_earlier_or_later_in_the_year(text, expression, value):
    t = find(text, expression, OCT)
    assert (t.text, t.value) == (expression, value)


def test_quarterly_report_refers_to_its_first_named_quarter():
    text = ("Net income rose 5% in the third quarter. The company expects the fourth quarter to be weak. "
            "In the latest quarter, sales rose. Profit was up from year-earlier profit of $2 million. "
            "In the 1989 period, costs fell.")
    assert find(text, "the latest quarter", OCT).value == "1989-Q3"
    assert find(text, "the 1989 period", OCT).value == "1989-Q3"
    assert find(text, "year-earlier", OCT).value == "1988-Q3"


def test_year_earlier_after_nine_months_is_the_year_before():
    text = ("Net rose in the third quarter. For the nine months, net was $9 million, compared with "
            "year-earlier net of $7 million.")
    assert find(text, "year-earlier", OCT).value == "1988"


def test_the_1988_period_outside_a_report_is_the_year():
    assert find("Prices rose sharply in the 1988 period.", "1988", OCT).value == "1988"


@pytest.mark.parametrize("text, value", [
    ("It is not going to change for a couple of years.", "P2Y"),
    ("Over the next couple of years we expect growth.", "P2Y"),
    ("Talks could take a few years.", "PXY"),
])
def test_couple_of_is_two(text, value):
    assert [t.value for t in tag(text, OCT) if t.type == "DURATION"] == [value]


@pytest.mark.parametrize("text, value", [
    ("Hezbollah began firing the day after Hamas' attack on southern Israel on Oct. 7, 2023, in which ...",
     "2023-10-08"),
    ("Protests began the day before the vote on March 3.", "2024-03-02"),
    ("The talks resumed the week after the summit on June 12, 2023.", "2023-W25"),
])
def test_the_day_after_an_event_on_a_given_date(text, value):
    assert tag(text, FRI)[0].value == value


def test_a_year_earlier_in_a_comparison_counts_from_now():
    text = ("Net income for 1988 was restated. The unit blamed higher costs compared with net income of "
            "$48.7 million, or $1.11 a share, a year earlier.")
    assert find(text, "a year earlier", OCT).value == "1988"
    # in a narrative it counts from the last date named
    assert find("The plant opened in 1975. A year earlier, the land was bought.", "A year earlier", OCT).value == "1974"


def test_clock_time_takes_the_weekday_after_a_parenthesis():
    t = find("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", dt.date(1998, 8, 8))
    assert t.value == "1998-08-07T10:35"


@pytest.mark.parametrize("text, value", [
    ("Relatives said they would look for ways to get around Wednesday's ruling.", "2000-01-05"),
    ("Parties campaigned ahead of Sunday's vote.", "2000-01-09"),
])
def test_possessive_weekday_names_a_reported_event(text, value):
    assert find(text, "day", dt.date(2000, 1, 7)).value == value


@pytest.mark.parametrize("a, b, same", [
    ("2000-W07", "2000-W7", True), ("199", "199X", True), ("1949", "1949-XX", True),
    ("1989-10-27T24:00", "1989-10-27T24", True), ("1998", "1998-10", False), ("2000-W07", "2000-W08", False),
])
def test_scoring_notation_equivalence(a, b, same):
    from timeline_app.extract.timex.evaluate import same_notation
    assert same_notation(a, b) is same


@pytest.mark.parametrize("text, value", [
    ("Net rose in the third quarter. For the quarter ended Sept. 30, sales rose.", "1989-Q3"),
    ("Net rose in the third quarter. In the quarter ended July 31, sales rose.", "1989-Q2"),
])
def test_the_quarter_ended_a_date_is_the_three_months_up_to_it(text, value):
    assert find(text, "the quarter ended", OCT).value == value


@pytest.mark.parametrize("text, expression, value", [
    ("The meeting on 21stMarch ended without a deal.", "21stMarch", "2019-03-21"),
    ("On 10thof April, the rebels attacked three posts.", "10thof April", "2019-04-10"),
    ("On the 3rd of May they met again.", "the 3rd of May", "2019-05-03"),
])
def test_an_ordinal_glued_to_its_month(text, expression, value):
    assert find(text, expression, dt.date(2019, 5, 20)).value == value


@pytest.mark.parametrize("text, expression, value", [
    # counted from the day just named, the result is a day too
    ("On April 10, the rebels attacked three posts. A week earlier, the army had lost a convoy.",
     "A week earlier", "2019-04-03"),
    ("Talks opened on March 2. Two weeks later, they collapsed.", "Two weeks later", "2019-03-16"),
    # from a month, or from the reference date, a week stays a week
    ("Talks opened in March. A week later, they collapsed.", "A week later", "2019-W10"),
    ("The convoy was attacked two weeks ago.", "two weeks ago", "2019-W19"),
])
def test_weeks_counted_from_a_named_day_give_a_day(text, expression, value):
    assert find(text, expression, dt.date(2019, 5, 20)).value == value


def test_year_unwritten_picks_the_story_dated_expressions():
    from timeline_app.extract.timex.evaluate import GoldTimex, year_unwritten
    assert year_unwritten(GoldTimex(0, 4, "June", "DATE", "1941-06"))
    assert year_unwritten(GoldTimex(0, 18, "the following year", "DATE", "BC0479"))
    assert not year_unwritten(GoldTimex(0, 9, "June 1941", "DATE", "1941-06"))
    assert not year_unwritten(GoldTimex(0, 8, "June '41", "DATE", "1941-06"))
    assert not year_unwritten(GoldTimex(0, 7, "6 years", "DURATION", "P6Y"))


@pytest.mark.parametrize("text, expression, value", [
    # a modal passive speaks of a possibility ahead, and the second of two coordinated days shares the first's tense
    ("A session could be held on Tuesday or Wednesday, a diplomat said.", "Wednesday", "2022-09-14"),
    ("His parents could not be located Wednesday in their home town.", "Wednesday", "2022-09-07"),
    ("Fighting raged on Monday and Tuesday.", "Monday", "2022-09-12"),
])
def test_modal_possibility_and_coordinated_days(text, expression, value):
    assert find(text, expression).value == value


def test_a_clock_time_in_the_past_does_not_take_a_day_ahead():
    text = ("A session could be held on Wednesday, a diplomat said.\n\n"
            "Shells had started falling on the island at 1434 local time.")
    assert find(text, "1434 local time").value == "2022-09-13T14:34"


@pytest.mark.parametrize("text, expression, value", [
    # the speaker's clause after the expression says who told it, not when it happens
    ("He will be buried in his home town on Friday, the group said in a statement.", "Friday", "2022-09-16"),
    ("Shelling resumed on Friday, the ministry said.", "Friday", "2022-09-09"),
])
def test_a_trailing_attribution_does_not_set_the_tense(text, expression, value):
    assert find(text, expression).value == value
