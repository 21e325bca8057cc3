"""Story time: a history narrative dates bare months, days, seasons and clock times by the year the story last
established; news keeps the reference date and tense. Invented names throughout."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.extract.pipeline import extract
from timeline_app.extract.timex import tag
from timeline_app.layout.geometry import TimelineLayout, event_interval
from timeline_app.layout.scale import MIN_T, bc_label, era_interval, to_seconds
from timeline_app.layout.ticks import iter_boundaries, minor_label
from timeline_app.model import Article

REF = dt.date(2009, 12, 19)

HISTORY = (
    "The Varn uprising (1815–1825)\n\n"
    "The Ossel League, whose founders were born in 1790, 1792 and 1795, was founded in 1816 and grew slowly in 1818 and 1819. "
    "In 1821 its militia crossed the Tarvel. "
    "On 3 March 1821 they took Brask. In June, the Varn council fled to Orrim. By the end of the month, the "
    "militia held the river. During the winter, both sides rested. The next spring, fighting resumed.\n\n"
    "In 1823 the League split. On 12 May, its leader Hennat resigned at 10:40, and on Sunday he left the "
    "city. Christmas was spent in exile. Talks will resume in June, the League's heirs say today."
)


def values(text: str, ref=REF) -> dict[str, str]:
    """Each expression's value, by its text (the first occurrence of a text)."""
    found: dict[str, str] = {}
    for t in tag(text, ref):
        found.setdefault(t.text, t.value)
    return found


def test_history_dates_bare_times_by_the_story():
    v = values(HISTORY)
    assert v["June"] == "1821-06"
    assert v["the end of the month"] == "1821-06"
    assert v["the winter"] == "1821-WI"
    assert v["The next spring"] == "1822-SP"
    assert v["12 May"] == "1823-05-12"
    assert v["10:40"] == "1823-05-12T10:40"
    assert v["Sunday"] == "1823-05-18"          # 12 May 1823 was a Monday: the first Sunday after it
    assert v["Christmas"] == "1823-12-25"


def test_history_keeps_the_present_for_what_lies_ahead():
    v = values(HISTORY)
    assert v["today"] == "2009-12-19"
    future = [t for t in tag(HISTORY, REF) if t.text == "June"][-1]
    assert future.value == "2010-06"


def test_news_with_background_years_keeps_the_reference():
    news = ("The Brask council met on Tuesday. Its founders had quarrelled in 1990, 1994, 1996 and 1999, "
            "officials said yesterday. In June the council split, and last week it voted again.")
    v = values(news, dt.date(2009, 12, 15))
    assert v["June"] == "2009-06"


def test_years_before_the_common_era_and_their_arithmetic():
    text = ("The Tarvish revolt lasted 499–493 BC. Ossel was sacked in 490 BC, and in 480 BCE Vannar crossed "
            "the strait. In June the fleet met at Brask. The following year the league was founded; "
            "the city was rebuilt in 43 AD, and its walls in A.D. 120.")
    v = values(text)
    assert v["499"] == "BC0499" and v["493 BC"] == "BC0493"     # the era is shared across the range
    assert v["480 BCE"] == "BC0480"
    assert v["June"] == "BC0480-06"
    assert v["The following year"] == "BC0479"                    # arithmetic runs backwards
    assert v["43 AD"] == "0043" and v["A.D. 120"] == "0120"      # the era after or before the year
    bc = [t for t in tag(text, REF) if t.value.startswith("BC")]
    assert all(t.begin is None for t in bc)     # no datetime: the layout places them by their value


def test_ranges_are_two_expressions_with_the_short_side_inheriting():
    v = values("Sieges in 1915–17 and 1992-1994, talks on 6–7 January 1918 and March 5-9, 1918, "
               "and a truce from May to August 1917.", dt.date(2009, 12, 19))
    assert (v["1915"], v["17"]) == ("1915", "1917")
    assert (v["1992"], v["1994"]) == ("1992", "1994")
    assert (v["6"], v["7 January 1918"]) == ("1918-01-06", "1918-01-07")
    assert (v["March 5"], v["9, 1918"]) == ("1918-03-05", "1918-03-09")
    assert (v["May"], v["August 1917"]) == ("1917-05", "1917-08")


def test_compound_phrases_are_one_expression():
    v = values("The siege of Varn began on 3 May 1916. In August of that year the Varn fell, and in March of the "
               "following year Ossel. On the night of 12 March 1917 the fleet left; in the last week of March 1917 "
               "it arrived. On August 5 in 1918 peace came.")
    assert v["August of that year"] == "1916-08"
    assert v["March of the following year"] == "1917-03"
    assert v["the night of 12 March 1917"] == "1917-03-12TNI"
    assert v["the last week of March 1917"] == "1917-W13"
    assert v["August 5 in 1918"] == "1918-08-05"


def test_nothing_reported_in_the_past_lies_after_publication():
    published = dt.datetime(2022, 9, 13, 15, 5)         # a Tuesday
    text = "Clashes broke out on Tuesday night, officials said. Shelling hit the port this afternoon. Talks resume tonight."
    night = next(t for t in tag(text, published) if t.text == "Tuesday night")
    assert (night.begin, night.end_time) == (dt.datetime(2022, 9, 13), dt.datetime(2022, 9, 13, 6))
    afternoon = next(t for t in tag(text, published) if t.text == "this afternoon")
    assert afternoon.end_time == published
    ahead = next(t for t in tag(text, published) if t.text == "tonight")
    assert ahead.begin == dt.datetime(2022, 9, 13, 18)   # the future keeps its evening
    plain_day = next(t for t in tag(text, published.date()) if t.text == "Tuesday night")
    assert plain_day.begin == dt.datetime(2022, 9, 13, 18)   # no publication time: the usual night


def test_repairs_years_vague_plurals_stretches_and_ages():
    ref = dt.date(2031, 6, 1)
    v = values("The Varn war ended in August.  1972 brought talks. The league split. 1975 was hard. It was a 2009 "
               "analysis; as late as 1781 the Ossel kept watch. In the following months Brask grew, within minutes "
               "the gate fell, and over the next decade the city doubled. During the 4th century BC it was a "
               "village. On 3 May 1920 the council met; that same day it split.", ref)
    assert v["1972"] == "1972" and v["1975"] == "1975"        # a year after a full stop is a year
    assert v["2009"] == "2009"                                 # "a 2009 analysis": not a count of analyses
    assert v["1781"] == "1781"
    assert v["the following months"] == "PXM" and v["minutes"] == "PTXM"
    assert v["the next decade"] == "P10Y"
    assert v["the 4th century BC"] == "BC03"
    assert v["that same day"] == "1920-05-03"
    none = values("Hennat is two years older than Varno, who was 18 years old; 2000 soldiers and 1,987 people came.")
    assert none == {}


def test_more_compounds_with_eras_and_the_narratives_year():
    v = values("The Tarvish fleet sailed in April 480 BC and wintered; in the spring of 479 BC it returned. "
               "Early 478 BC the league met. On 3 May 1920 the council met, on July 25 of that year it split, and "
               "early in 1921 it reformed. On the 20 September and on the 28 and 29 August 1922 it met again; on "
               "Christmas night 1923 it dissolved. The August 1924 cease-fire held.")
    assert v["April 480 BC"] == "BC0480-04"
    assert v["the spring of 479 BC"] == "BC0479-SP"
    assert v["Early 478 BC"] == "BC0478"
    assert v["July 25 of that year"] == "1920-07-25"
    assert v["early in 1921"] == "1921"
    assert v["28"] == "1922-08-28" and v["29 August 1922"] == "1922-08-29"
    assert v["Christmas night 1923"] == "1923-12-25TNI"
    assert v["August 1924"] == "1924-08"          # "ce" of cease-fire is no era


def test_a_story_told_in_order_turns_the_year():
    text = HISTORY.replace("Christmas was spent in exile.", "In November the Ossel marched, though Brask had fallen "
                           "in March, and rested. In February they reached Brask.")
    v = {t.text: t.value for t in tag(text, REF)}
    assert v["November"] == "1823-11"
    assert v["March"] == "1823-03"              # "had fallen in March": looking back, the same year
    assert v["February"] == "1824-02"           # well before November, told in order: the next year


def test_without_a_reference_a_history_still_dates_by_its_story():
    v = {t.text: t.value for t in tag(HISTORY, None)}
    assert v["The next spring"] == "1822-SP"
    assert v["today"] == "XXXX-XX-XX"                # what counts from the (unknown) present stays masked


def test_a_historys_ordinal_day_and_this_day_are_the_storys():
    text = HISTORY.replace("Christmas was spent in exile.", "On the 20th the Ossel rested; Hennat called this day "
                           "the Black Day.")
    v = {t.text: t.value for t in tag(text, REF)}
    assert v["the 20th"] == "1823-05-20"
    assert v["this day"] == "1823-05-20"


def test_more_repairs_fall_hours_and_months_end():
    v = values("The standoff at Brask continued throughout the fall. The Ossel were ready by 05:30hrs, and at "
               "month's end they held the river.", dt.date(2031, 10, 20))
    assert v["the fall"] == "2031-FA"
    assert v["05:30hrs"] == "2031-10-20T05:30"
    assert v["month's end"] == "2031-10"
    assert values("Prices fall in the fall of demand.", dt.date(2031, 10, 20)) == {}


def test_a_historys_past_plans_stay_in_the_story():
    text = HISTORY.replace("Christmas was spent in exile.", "Hennat, who had sought to return as regent, was "
                           "exiled on 28 October.")
    v = {t.text: t.value for t in tag(text, REF)}
    assert v["28 October"] == "1823-10-28"       # a plan in the story's past, not the writer's future
    assert v["June"] == "2010-06"                # "Talks will resume in June": the writer's future


def test_clock_times_with_full_dates_and_flashbacks_in_a_history():
    text = HISTORY.replace("Christmas was spent in exile.", "At 5:34 AM Brask time on March 20, 1824 the siege "
                           "began, as at 9:34 p.m., March 19, 1824 the Varn had planned. The league had split a "
                           "year earlier. On April 9 Brask fell.")
    v = {t.text: t.value for t in tag(text, REF)}
    assert v["5:34 AM"] == "1824-03-20T05:34"           # the day named after the place's time
    assert v["9:34 p.m., March 19, 1824"] == "1824-03-19T21:34"
    assert v["a year earlier"] == "1823"
    assert v["April 9"] == "1824-04-09"                 # the look back did not move the story


def test_a_year_aside_inside_a_sentence_does_not_move_the_story():
    text = HISTORY.replace("Christmas was spent in exile.", "On 10 March 1824 the Ossel attacked, opening the road "
                           "for a campaign planned for 1826. The Varn lines collapsed on 11 March. In 1825 peace "
                           "came, and in May the army went home.")
    v = {t.text: t.value for t in tag(text, REF)}
    assert v["11 March"] == "1824-03-11"
    assert v["May"] == "1825-05"                 # a year that opens a sentence moves the story


def test_between_n_and_m_units_is_two_durations():
    v = values("Repairs at Brask will take between three and six months; the levy lasts 12 to 18 months.")
    assert (v["three"], v["six months"]) == ("P3M", "P6M")
    assert "12" not in v and v["18 months"] == "P18M"       # without "between": TimeBank's one expression
    assert values("Hennat's twins are between 3 and 4 years old.") == {}


def test_a_heading_range_puts_the_story_at_its_start():
    text = HISTORY.replace("Christmas was spent in exile.", "\n\nThe long truce, 1826–1830\n\nIn May the Ossel "
                           "rebuilt Brask.")
    v = {t.text: t.value for t in tag(text, REF)}
    assert (v["1826"], v["1830"]) == ("1826", "1830")
    assert v["May"] == "1826-05"


def test_a_history_counts_days_from_its_story_not_from_an_aside():
    text = HISTORY.replace("Christmas was spent in exile.", "On 10 March 1824 the Ossel attacked, opening the road "
                           "for a campaign planned for 1826. Two days later the Varn lines broke.")
    v = {t.text: t.value for t in tag(text, REF)}
    assert v["Two days later"] == "1824-03-12"


def test_events_before_the_common_era_keep_their_value_and_take_their_place_on_the_axis():
    """A BC date has a value but no datetime: its events keep the value, are drawn from it before the year 1
    with BC tick labels, and are never put on the reference day (they were, before)."""
    text = ("The Varn cities rose against Tolmar in 499 BC. Varn sent twenty ships in 498 BC, and the rebels "
            "burned Sardel that year. Miletor fell the following year.\n")
    timeline = extract(Article(text=text, reference_date=REF))
    times = [e.time for e in timeline.events]
    assert times and all(t is not None and t.start is None for t in times)
    assert [t.value for t in times] == ["BC0499", "BC0498", "BC0497"]
    layout = TimelineLayout(timeline, lambda label: 6.0 * len(label))
    assert f"{len(times)} dated events" in layout.subtitle() and not layout.undated
    first, second = (event_interval(e) for e in timeline.events[:2])
    assert first[1] == pytest.approx(second[0]) and first[0] < first[1] < MIN_T
    assert [bc_label(t) for t in iter_boundaries(first[0], second[1], "year")] == ["499 BC", "498 BC", "497 BC"]
    assert minor_label(second[0], "year") == "498 BC"
    assert minor_label(to_seconds(dt.datetime(29, 1, 1)), "year") == "AD 29"        # beside BC, its era
    assert minor_label(to_seconds(dt.datetime(2029, 1, 1)), "year") == "2029"
    # "the 5th century BC" is BC04 (TIMEX3 counts centuries from 0): 500-401 BC
    century = era_interval("BC04")
    assert (bc_label(century[0]), bc_label(century[1] - 1.0)) == ("500 BC", "401 BC")


def test_a_history_points_back_at_its_own_time():
    """"during this period", "at the same time", "at the time" in a history are the story's time; in news (and
    TimeBank) they are not time expressions."""
    history = HISTORY.replace("During the winter, both sides rested.",
                              "During this period, both sides rested. At the same time, Orrim armed.")
    v = values(history)
    assert v["this period"] == "1821-06"
    assert v["the same time"] == "1821-06"
    news = ("The Brask council met on Tuesday. At the same time, officials said, Orrim armed. During this period "
            "the council voted twice.")
    assert not {"the same time", "this period"} & set(values(news, dt.date(2009, 12, 15)))
