"""The publication day inferred from dated evidence when the article states none (issue 12). Invented text."""
from __future__ import annotations

import datetime as dt
import os

from timeline_app.ingest import load
from timeline_app.ingest.infer import Evidence, infer_publication, titled_office_holders

REPORT = ("Varn and Ossel trade blame\n\nFighting broke out on 12 March 2031 near Brask. By March 14, 2031 the "
          "Ossel side said 40 had died, and a truce was agreed on 15 March 2031.\n")


def test_a_cluster_of_dated_days_gives_the_day():
    inferred = infer_publication(REPORT, dt.date(2040, 1, 1))
    assert inferred.day == dt.date(2031, 3, 15)
    assert inferred.confidence == "high"
    assert "15 March 2031" in inferred.note


def test_the_file_date_stands_when_the_evidence_allows_it():
    assert infer_publication(REPORT, dt.date(2031, 3, 17)) is None
    lone = "A treaty signed on 4 June 2019 still holds, the minister said on Monday.\n"
    assert infer_publication(lone, dt.date(2024, 5, 1)) is None      # a lone background date: not the day
    assert infer_publication("No dates at all.", dt.date(2024, 5, 1)) is None


def test_a_weekday_fixes_the_year_of_a_yearless_date():
    text = "Brask has been quiet since 2029. The council met on Wednesday, March 14 and again on Friday.\n"
    inferred = infer_publication(text, dt.date(2045, 1, 1))
    assert inferred.day == dt.date(2029, 3, 14)        # of the years near those named, the one where it is a Wednesday
    assert "weekday and date agree" in inferred.note


def test_dates_ahead_of_the_file_are_plans_not_evidence():
    plans = "Talks are planned for 3 May 2050 and 9 May 2050.\n"
    assert infer_publication(plans, dt.date(2031, 1, 1)) is None


def test_loaded_article_shows_an_inferred_day(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    stamp = dt.datetime(2040, 1, 1, 12).timestamp()
    os.utime(path, (stamp, stamp))
    article = load(path)
    assert (article.reference_date, article.reference_source) == (dt.date(2031, 3, 15), "inferred")
    assert article.published is None
    assert article.reference_note.startswith("inferred (high confidence)")


def test_bounds_from_both_sides_move_a_file_date_outside_them(monkeypatch):
    """How a source such as office holders' terms plugs in: it adds items that bound the day from above."""
    from timeline_app.ingest import infer

    def term(text: str) -> list[Evidence]:
        return [Evidence(dt.date(2031, 2, 1), 0.5, "Chancellor Varno took office", latest=dt.date(2033, 2, 1))]

    monkeypatch.setattr(infer, "EVIDENCE_SOURCES", infer.EVIDENCE_SOURCES + [term])
    text = "Chancellor Varno spoke in Brask.\n"
    assert infer_publication(text, dt.date(2032, 6, 1)) is None       # inside the term: the file date stands
    inferred = infer_publication(text, dt.date(2040, 1, 1))
    assert inferred.day == dt.date(2032, 2, 1) and inferred.confidence == "low"


# ---- dates the article states in forms real pages use (issue 12) ----------------------------------------
from timeline_app.ingest.dates import find_stated_date  # noqa: E402


def test_a_day_month_year_line_with_seconds():
    stated = find_stated_date("Varn troops cross the Tarvel\n18-04-2031 15:00:00\n\nFighting went on.\n")
    assert (stated.value, stated.has_time) == (dt.datetime(2031, 4, 18, 15, 0), True)


def test_masthead_and_byline_lines():
    masthead = find_stated_date("Varn troops cross the Tarvel\n- The Daily Example - Monday, March 3, 2031\n\nText.")
    byline = find_stated_date("Varn troops cross\nBy A Writer, Staff Writer · Sept. 13, 2032\n\nText.")
    assert masthead.value.date() == dt.date(2031, 3, 3)
    assert byline.value.date() == dt.date(2032, 9, 13)


def test_yearless_dateline_takes_the_year_the_article_names_not_the_files():
    text = "Varn troops\n\nBRASK, March 3 (Wire) - Fighting broke out. The 2031 harvest failed.\n"
    stated = find_stated_date(text, year_hint=dt.date(2040, 6, 1))
    assert stated.value.date() == dt.date(2031, 3, 3)
    assert "2031, the latest the article names" in stated.note
    also_file_year = text + "A 2040 plan was shelved.\n"
    assert find_stated_date(also_file_year, year_hint=dt.date(2040, 6, 1)).value.date() == dt.date(2040, 3, 3)


def test_page_metadata_that_contradicts_the_dateline_loses(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Varn troops</title><meta property='article:published_time' content='2025-01-09'>"
        "</head><body><article><h1>Varn troops cross the Tarvel</h1>"
        "<p>BRASK, March 3, 2031 (Wire) - Fighting broke out near the river on Monday, officials said, "
        "and the Ossel council met late into the night to discuss what to do next.</p>"
        "<p>The council did not say when it would meet again, and nobody in Brask expected it soon.</p>"
        "</article></body></html>", encoding="utf-8")
    article = load(page)
    assert (article.reference_date, article.reference_source) == (dt.date(2031, 3, 3), "text")
    assert "metadata says 2025-01-09" in article.reference_note


def test_this_or_last_year_beside_a_named_year_fixes_the_year():
    text = "Brask votes again\n\nThe council, elected last year in the 2031 poll, met on Tuesday.\n"
    inferred = infer_publication(text, dt.date(2040, 1, 1))
    assert inferred.day.year == 2032 and inferred.confidence == "low"
    assert infer_publication(text, dt.date(2032, 5, 1)) is None     # the file's date lies in that year


def test_a_masthead_on_the_first_line_when_its_weekday_agrees():
    page = "- The Daily Example - Monday, March 3, 2031\n\nVarn troops cross the Tarvel\n\nFighting went on.\n"
    assert find_stated_date(page).value.date() == dt.date(2031, 3, 3)
    wrong_day = page.replace("Monday", "Tuesday")
    assert find_stated_date(wrong_day) is None
    title = "Varn troops crossed the Tarvel on March 3, 2031\n\nFighting went on.\n"
    assert find_stated_date(title) is None          # a title's date is the story's subject


# ---- the terms of the office holders an article names (issue 12, point 6) --------------------------------
def _invented_holders(monkeypatch, rows: str):
    from timeline_app.knowledge import officeholders as oh
    columns = "\t".join(oh.COLUMNS) + "\n"
    terms, collegial = oh.parse(columns + rows, "supplement.tsv")
    monkeypatch.setattr(oh, "holders", lambda: oh.OfficeHolders(terms, frozenset(collegial)))


_TERMS = ("leader\tTamsin Varro\tFR\t2041-05-01\t2046-04-30\thttps://example.org/list\t2026-12-03\n"
          "foreign minister\tOdo Brecker\tDE\t2043-02-01\t2049-01-31\thttps://example.org/list\t2026-12-03\n"
          "foreign minister\tLena Quist\tSE\t2030-01-01\t2044-06-30\thttps://example.org/list\t2026-12-03\n")


def test_titled_office_holders_in_office_together_give_the_year(monkeypatch):
    _invented_holders(monkeypatch, _TERMS)
    text = ("President Tamsin Varro met Foreign Minister Odo Brecker, who said his counterpart, Foreign "
            "Minister Lena Quist, had agreed to the talks. The treaty of 2042 was not discussed.\n")
    inferred = infer_publication(text, dt.date(2060, 1, 1))
    assert inferred.day.year == 2043 and inferred.confidence == "low"     # all three in office: 2043-2044
    assert "the year only" in inferred.note and "Odo Brecker" in inferred.note
    assert infer_publication(text, dt.date(2044, 3, 1)) is None          # a file date of those years stands


def test_a_bare_title_names_no_deputys_office(monkeypatch):
    _invented_holders(monkeypatch, _TERMS + "vice president\tTamsin Varro\tFR\t2033-01-01\t2036-12-31\t"
                                            "https://example.org/list\t2026-12-03\n")
    (varro,) = titled_office_holders("President Tamsin Varro spoke.\n")
    assert varro.terms == ((dt.date(2041, 5, 1), dt.date(2046, 4, 30)),)     # not her vice-presidency


def test_a_leaders_title_dates_only_the_lead_held_in_that_office(monkeypatch):
    # REIGN's effective leader since 2030, first as prime minister, then as president, foreign minister beside it
    rows = "".join(f"{role}\tTamsin Varro\tFR\t{first}\t{last}\thttps://example.org/list\t2026-12-03\n"
                   for role, first, last in [("leader", "2030-01-01", "2049-12-31"),
                                             ("prime minister", "2030-01-01", "2037-12-31"),
                                             ("president", "2038-01-01", "2049-12-31"),
                                             ("foreign minister", "2041-01-01", "2041-12-31")])
    _invented_holders(monkeypatch, rows)
    (president,) = titled_office_holders("President Tamsin Varro spoke.\n")
    assert president.terms[0] == (dt.date(2038, 1, 1), dt.date(2049, 12, 31))     # not led as prime minister
    assert all(first.year >= 2038 for first, _ in president.terms)
    (premier,) = titled_office_holders("Prime Minister Tamsin Varro spoke.\n")
    assert (dt.date(2030, 1, 1), dt.date(2037, 12, 31)) in premier.terms and all(
        last is not None and last.year <= 2037 for _, last in premier.terms)


def test_the_latest_day_named_without_its_year_gives_the_day_in_the_inferred_year(monkeypatch):
    _invented_holders(monkeypatch, _TERMS)
    text = ("President Tamsin Varro met Foreign Minister Odo Brecker on March 3, a week after the border clash "
            "of Feb. 24. Talks will resume on April 20, and the ultimatum runs until 30 April. Foreign "
            "Minister Lena Quist, who had agreed to the talks, stayed away. The treaty of 2042 was not discussed.\n")
    inferred = infer_publication(text, dt.date(2060, 1, 1))
    # the year from the holders' terms (2043); the day the latest one reported as done, not a plan or a limit
    assert inferred.day == dt.date(2043, 3, 3) and "March 3" in inferred.note
    # A story that names its recent days by weekday names by date only what lies a week or more back: "met on
    # Tuesday, a week after the clash of Feb. 24" is the Tuesday a week or more after Feb. 24 (Feb. 24 + 7 days).
    by_weekday = infer_publication(text.replace("on March 3", "on Tuesday"), dt.date(2060, 1, 1))
    assert by_weekday.day == dt.date(2043, 3, 3) and "the Tuesday its lead reports" in by_weekday.note
    on_thursday = infer_publication(text.replace("on March 3", "on Thursday"), dt.date(2060, 1, 1))
    assert on_thursday.day == dt.date(2043, 3, 5)


def test_a_late_december_day_reported_after_new_year_is_read_in_the_year_before(monkeypatch):
    _invented_holders(monkeypatch, _TERMS)
    text = ("President Tamsin Varro said on Friday that Foreign Minister Odo Brecker would answer for the raids "
            "of the last months, including the attack on December 27th. The accord of 2042 was not discussed.\n")
    inferred = infer_publication(text, dt.date(2060, 1, 1))
    # The year is 2044 (both in office all year). A story that names recent days by weekday is a week or more
    # after the last day it dates, so 27 December of that year would be reported in the next: the day named
    # is the December before, and the report the first Friday from a week after it.
    assert inferred.day == dt.date(2044, 1, 8) and inferred.day.weekday() == 4


def test_the_year_in_which_the_holders_were_in_office_on_the_day_named_wins(monkeypatch):
    _invented_holders(monkeypatch, _TERMS.replace("2043-02-01", "2043-08-01").replace("2044-06-30", "2044-10-31"))
    text = ("President Tamsin Varro met Foreign Minister Odo Brecker, who said his counterpart, Foreign "
            "Minister Lena Quist, had halted the talks{}. The treaty of 2042 was not discussed.\n")
    # All three held office together from August 2043 to October 2044, most of it in 2044 ...
    assert infer_publication(text.format(""), dt.date(2060, 1, 1)).day.year == 2044
    # ... but on Nov. 19 and the weeks after, only in 2043: Quist had left by then in 2044.
    assert infer_publication(text.format(" on Nov. 19"), dt.date(2060, 1, 1)).day == dt.date(2043, 11, 19)


def test_former_holders_surnames_and_wide_terms_say_nothing(monkeypatch):
    _invented_holders(monkeypatch, _TERMS)
    assert infer_publication("Former President Tamsin Varro spoke.\n", dt.date(2060, 1, 1)) is None
    assert infer_publication("President Varro spoke.\n", dt.date(2060, 1, 1)) is None       # a surname alone
    # A minister's title does not date a leader's term, and one five-year term leaves too many years open.
    assert infer_publication("Foreign Minister Tamsin Varro spoke.\n", dt.date(2060, 1, 1)) is None
    # The office is read from the whole title: Brecker was foreign minister, never interior minister.
    assert titled_office_holders("Varnish Interior Minister Odo Brecker spoke.") == []
    assert [h.note for h in titled_office_holders("Varnish Foreign Minister Odo Brecker spoke.")] == [
        "Varnish Foreign Minister Odo Brecker"]


def test_a_file_date_outside_every_term_gives_way_to_the_first_full_year_the_terms_allow(monkeypatch):
    _invented_holders(monkeypatch, _TERMS)
    inferred = infer_publication("President Tamsin Varro spoke.\n", dt.date(2060, 1, 1))
    # Varro held office from May 2041 to April 2046: 2042 is the first year of it whole
    assert inferred.day.year == 2042 and "2041-2046" in inferred.note and inferred.confidence == "low"


def test_a_title_named_by_another_word_a_name_before_a_full_stop_and_a_possessive(monkeypatch):
    _invented_holders(monkeypatch, _TERMS + "foreign minister\tAmos Tell\tUS\t2044-01-01\t2047-12-31\t"
                                           "https://example.org/list\t2026-12-03\n")
    # "Secretary of State" is the US foreign minister (lexicon office_titles); the run stops at the full stop.
    text = "Secretary of State Amos Tell met President Tamsin Varro. The Varn delegation left.\n"
    assert infer_publication(text, dt.date(2060, 1, 1)).day.year == 2044
    assert [h.note for h in titled_office_holders("He met President Tamsin Varro's envoy.")] == [
        "President Tamsin Varro"]


def test_titles_in_other_words_hyphens_and_name_particles(monkeypatch):
    _invented_holders(monkeypatch, "foreign ministry spokesperson\tHana el-Dorr\tDE\t2040-01-01\t2042-12-31\t"
                                   "https://example.org/list\t2026-12-03\n"
                                   "secretary-general\tIlsa Marr\tunited-nations\t2041-01-01\t2045-12-31\t"
                                   "https://example.org/list\t2026-12-03\n")
    text = ("Varnish Foreign Ministry Spokeswoman Hana el-Dorr said UN Secretary-General Ilsa Marr had called.\n")
    assert [h.note for h in titled_office_holders(text)] == [
        "Varnish Foreign Ministry Spokeswoman Hana el-Dorr", "UN Secretary-General Ilsa Marr"]
    assert infer_publication(text, dt.date(2060, 1, 1)).years == (2041, 2042)
    # a name set off after its title, and a leader's title of two words read whole
    assert [h.note for h in titled_office_holders("The Foreign Ministry Spokeswoman, Hana el-Dorr, said.")] == [
        "Foreign Ministry Spokeswoman Hana el-Dorr"]


def test_a_prime_ministers_title_names_the_leader(monkeypatch):
    _invented_holders(monkeypatch, _TERMS)
    assert [h.note for h in titled_office_holders("But Prime Minister Tamsin Varro's aides said no.")] == [
        "Prime Minister Tamsin Varro"]


def test_a_holder_out_of_office_bounds_the_year_from_below(monkeypatch):
    _invented_holders(monkeypatch, _TERMS)
    text = "Foreign Minister Odo Brecker said President Tamsin Varro was ousted in a coup.\n"
    # Brecker in office 2043-2049, Varro's term over: from 2046 (the year it ended) on.
    assert infer_publication(text, dt.date(2060, 1, 1)).day.year == 2046
    assert [h.former for h in titled_office_holders(text)] == [False, True]
    assert titled_office_holders("troops overthrowing President Tamsin Varro")[0].former


def test_a_yearless_datelines_year_is_one_its_office_holders_allow(monkeypatch):
    from timeline_app.ingest.infer import office_years
    _invented_holders(monkeypatch, _TERMS)
    text = ("VARNA, March 3 (wire) - President Tamsin Varro said on Saturday the treaty of 2030 was dead.\n\n"
            "Talks resumed later.\n")
    # March 3 is a Saturday in 2035, 2040 and 2046; Varro held office from 2041 to 2046
    copied = dt.date(2060, 1, 1)                # a file dated long after
    allowed = find_stated_date(text, copied, office_years=lambda: office_years(text, copied))
    assert allowed.value.date() == dt.date(2046, 3, 3) and "office holders" in allowed.note
    assert find_stated_date(text, copied).value.date() == dt.date(2035, 3, 3)   # without them: the first after 2030
    # An article that names no year at all: the office holders' years alone decide.
    no_year = text.replace("the treaty of 2030", "the old treaty")
    assert find_stated_date(no_year, copied, office_years=lambda: office_years(no_year, copied)).value.date() == \
        dt.date(2046, 3, 3)


def test_office_holders_named_without_a_title_give_the_year_too(monkeypatch):
    from timeline_app.ingest.infer import untitled_office_holders
    _invented_holders(monkeypatch, _TERMS + "leader\tMladen\tBG\t2031-01-01\t2032-12-31\thttps://example.org/list"
                                            "\t2026-12-03\n")
    text = ("Tamsin Varro met Odo Brecker in Brask. The former leader Lena Quist stayed away, and so did "
            "Petar Mladen's heirs.\n")
    named = untitled_office_holders(text, [])
    # Quist is "former"; "Petar Mladen" is not REIGN-style "Mladen" of another side (no full-name row for him)
    assert [h.note for h in named] == ["Tamsin Varro", "Odo Brecker", "Petar Mladen"]
    # Varro (2041-2046) and Brecker (2043-2049) together: 2043-2046; alone, neither bounds the year this well
    inferred = infer_publication(text.replace("Petar Mladen's heirs", "the heirs"), dt.date(2060, 1, 1))
    assert inferred.day.year in range(2043, 2047) and "Odo Brecker" in inferred.note


def test_a_name_under_a_legislative_title_or_rank_is_no_office_holder(monkeypatch):
    from timeline_app.ingest.infer import untitled_office_holders
    _invented_holders(monkeypatch, _TERMS)
    # Brecker sat in the senate before he was foreign minister: "Sen. Odo Brecker" does not date the article
    text = "Sen. Odo Brecker and Gen. Lena Quist spoke, and Tamsin Varro listened.\n"
    assert [h.note for h in untitled_office_holders(text, [])] == ["Tamsin Varro"]


def test_a_title_set_off_before_a_name_keeps_only_the_terms_of_that_office(monkeypatch):
    from timeline_app.ingest.infer import untitled_office_holders
    _invented_holders(monkeypatch, _TERMS)
    # Brecker was foreign minister; as the UN's envoy he dates nothing, as "Germany's foreign minister" he does
    envoy = "The UN special co-ordinator for Lebanon, Odo Brecker, expressed concern.\n"
    assert untitled_office_holders(envoy, []) == []
    minister = "Germany's foreign minister, Odo Brecker, expressed concern.\n"
    assert [h.note for h in untitled_office_holders(minister, [])] == ["Odo Brecker"]


def test_words_that_cannot_be_a_persons_name_name_no_office_holder(monkeypatch):
    from timeline_app.ingest.infer import untitled_office_holders
    _invented_holders(monkeypatch, _TERMS + "leader\tOrsk\tNO\t2031-01-01\topen\tREIGN x\t2026-12-03\n"
                                            "leader\tYang-su Dal\tKR\t2032-01-01\topen\tREIGN x\t2026-12-03\n")
    # REIGN gives "Orsk" alone: any full name ending in it may be that leader, but no treaty, article or adjective
    text = ("The Treaty of Orsk held. A Orsk convoy and Brask-backed Orsk fighters moved. Dina Orsk spoke, "
            "and so did Yang-su Dal.\n")
    assert [h.note for h in untitled_office_holders(text, [])] == ["Dina Orsk", "Yang-su Dal"]


def test_a_title_run_keeps_to_its_line_and_starts_outside_an_abbreviation(monkeypatch):
    _invented_holders(monkeypatch, _TERMS)
    text = "Varro Expels Envoys After U.K. Attack\nPresident Tamsin Varro spoke.\n"
    assert [h.note for h in titled_office_holders(text)] == ["President Tamsin Varro"]


def test_a_limit_counts_only_right_before_its_date():
    from timeline_app.ingest.infer import latest_day_named
    year = (dt.date(2043, 1, 1), dt.date(2043, 12, 31))
    assert latest_day_named("A truce brokered by Brask on March 5 held.", *year) == (dt.date(2043, 3, 5), "March 5")
    assert latest_day_named("Fighting began on March 1. The truce holds until March 5.", *year)[0] == dt.date(2043, 3, 1)


def test_three_holders_never_in_office_together_say_nothing(monkeypatch):
    _invented_holders(monkeypatch, _TERMS + "leader\tMira Tosk\tNO\t2050-01-01\t2052-12-31\thttps://example.org/list"
                                            "\t2026-12-03\nleader\tIlse Marn\tFI\t2047-01-01\t2048-12-31\t"
                                            "https://example.org/list\t2026-12-03\n")
    # Quist (2030 to mid-2044), Marn (2047-2048), Tosk (2050-2052): no two ever in office together
    text = "Foreign Minister Lena Quist, President Mira Tosk and President Ilse Marn met.\n"
    assert infer_publication(text, dt.date(2060, 1, 1)) is None
    # with Varro (2041-2046) beside Quist, two agree: the year is theirs
    text = text.replace("President Ilse Marn", "President Tamsin Varro")
    assert infer_publication(text, dt.date(2060, 1, 1)).day.year in range(2041, 2045)


def test_a_holder_whose_name_starts_with_an_accented_capital_is_found(monkeypatch):
    _invented_holders(monkeypatch, _TERMS + "leader\tÁlvar Ruiz\tCO\t2045-01-01\t2047-12-31\thttps://example.org/list"
                                            "\t2026-12-03\n")
    assert [h.note for h in titled_office_holders("President Álvar Ruiz spoke.\n")] == ["President Álvar Ruiz"]


def test_a_titled_holder_known_by_full_name_is_no_namesake_of_a_surname_row(monkeypatch):
    # REIGN-style "Varro" of another state (2010-2014) is not President Tamsin Varro (FR, 2041-2046)
    _invented_holders(monkeypatch, _TERMS + "leader\tVarro\tBE\t2010-01-01\t2014-12-31\tREIGN x\t2026-12-03\n")
    (varro,) = titled_office_holders("President Tamsin Varro spoke.\n")
    assert varro.terms == ((dt.date(2041, 5, 1), dt.date(2046, 4, 30)),)


def test_a_year_the_article_names_bounds_the_publication_from_below(monkeypatch):
    # Varro and Brecker are in office together 2043-2046; an office that "opened in September 2045" was opened
    # by the time of the article, in its own year or before (BBC copy writes its own year's months with the year)
    _invented_holders(monkeypatch, _TERMS)
    text = "President Tamsin Varro met Foreign Minister Odo Brecker. The office opened in September 2045.\n"
    assert infer_publication(text, dt.date(2060, 1, 1)).day.year in (2045, 2046)
    assert infer_publication(text.replace("September 2045", "2044"), dt.date(2060, 1, 1)).day.year >= 2044


def test_a_fully_dated_day_of_the_holders_year_gives_the_day(monkeypatch):
    # Varro and Brecker agree with 2043-2046; the timeline box's latest day, in one of those years, is the story's
    _invented_holders(monkeypatch, _TERMS)
    text = ("President Tamsin Varro met Foreign Minister Odo Brecker after the school attack.\n\n"
            "Timeline:\n\n18 October 2037: Bombing in Brask\n\n16 December 2044: Attack on school in Orsk\n")
    assert infer_publication(text, dt.date(2060, 1, 1)).day == dt.date(2044, 12, 16)


def test_a_nominee_or_a_president_elect_holds_no_office_yet(monkeypatch):
    _invented_holders(monkeypatch, _TERMS)
    from timeline_app.ingest.infer import untitled_office_holders
    assert untitled_office_holders("Democratic nominee Tamsin Varro urged restraint.", []) == []
    assert untitled_office_holders("President-elect Tamsin Varro urged restraint.", []) == []
    assert [h.note for h in untitled_office_holders("Tamsin Varro urged restraint.", [])] == ["Tamsin Varro"]


def test_a_year_set_apart_from_this_year_does_not_date_it():
    from timeline_app.ingest.infer import _relative_year_evidence
    assert _relative_year_evidence("Fighting broke out in 2041 and again earlier this year.") == []
    assert _relative_year_evidence("This year the clashes were the worst since 2041.") == []
    (evidence,) = _relative_year_evidence("The council, elected last year in the 2031 poll, met on Tuesday.")
    assert evidence.earliest.year == 2032


def test_the_years_of_plans_and_limits_are_not_years_the_article_tells_of():
    from timeline_app.ingest.infer import told_years
    text = ("The fields could begin pumping by 2046. A new envoy is not expected until the end of 2045. "
            "The war of 2031 ended in 2032.")
    assert told_years(text) == [2031, 2032]
