"""Office holders (resources/officeholders/): the data passes its check, REIGN's file is what the converter
makes, lookups give a side only inside a term, and the text's own label of a speaker wins over the list."""
import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from conftest import shared_data
from timeline_app.knowledge import officeholders as oh
from timeline_app.extract.document import read

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = "role\tnames\tside\tstart\tend\tsource\tretrieved\n"
SRC = "https://example.org/list\t2026-12-03"


def _tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _holders(rows: str, base: str = "") -> oh.OfficeHolders:
    supplement, collegial = oh.parse(COLUMNS + rows, "supplement.tsv")
    reign = oh.parse(COLUMNS + base, "reign.tsv")[0] if base else []
    return oh.OfficeHolders(oh.merge(reign, supplement), frozenset(collegial))


# -- the data ---------------------------------------------------------------------------------

def test_committed_data_passes_the_check():
    assert _tool("check_officeholders").problems() == []


def test_reign_file_is_what_the_converter_makes():
    csv = shared_data("leaders", "reign_leaderlist_3_21.csv")
    converter = _tool("convert_reign")
    rows, dropped = converter.convert(csv)
    committed = (ROOT / "resources" / "officeholders" / "reign.tsv").read_text(encoding="utf-8")
    assert converter.render(rows, dropped) == committed, "run tools/convert_reign.py"


def test_reign_rows_that_are_not_utf8_are_read_as_windows_1252(tmp_path):
    csv = tmp_path / "leaders.csv"
    csv.write_bytes(b"stateabb,ccode,leadid,leader,sdate,smonth,syear,emonth,eyear\n"
                    b"FRN,220,x-1,Jos\xe9 Doe\x85,1,2,1990,3,1991\n"
                    b"FRN,220,x-2,Ren\xc3\xa9e Roe,4,3,1991,,\n")
    rows, _ = _tool("convert_reign").convert(csv)
    assert [r[1:5] for r in rows] == [["José Doe…", "FR", "1990-02-01", "1991-03"],
                                      ["Renée Roe", "FR", "1991-03-04", "open"]]


def test_the_old_list_of_office_holders_is_covered_with_terms():
    """Every office holder the unsourced list named (sample) is in the data with a dated term."""
    for name in ("Joe Biden", "Sergei Lavrov", "Volodymyr Zelenskyy", "Benjamin Netanyahu", "Ali Khamenei",
                 "Wang Yi", "Kim Yo Jong", "S. Jaishankar", "Recep Tayyip Erdoğan", "Jean-Noël Barrot",
                 "Annalena Baerbock", "Keir Starmer", "Ilham Aliyev", "Mohammed bin Salman", "Mahmoud Abbas",
                 "Yahya Sinwar", "Hassan Nasrallah", "António Guterres", "Mark Rutte", "Kaja Kallas"):
        assert oh.terms_for(name), name


#: Offices news quotes by title, which the data must cover without a gap longer than the longest real vacancy
#: among them (the US seat at the UN, August 1998 to September 1999), from 1993 to mid-2025.
COVERED_OFFICES = [
    ("leader", "US"), ("vice president", "US"), ("foreign minister", "US"), ("defence minister", "US"),
    ("finance minister", "US"), ("national security adviser", "US"), ("UN ambassador", "US"),
    ("government press secretary", "US"), ("foreign minister", "GB"), ("defence minister", "GB"),
    ("foreign minister", "RU"), ("defence minister", "RU"), ("prime minister", "RU"), ("foreign minister", "FR"),
    ("defence minister", "FR"), ("prime minister", "FR"), ("foreign minister", "CN"), ("defence minister", "CN"),
    ("president", "CN"), ("foreign minister", "DE"), ("defence minister", "DE"), ("president", "DE"),
    ("president", "IT"), ("president", "IN"), ("president", "IL"), ("foreign minister", "IL"),
    ("defence minister", "IL"), ("foreign minister", "IR"), ("prime minister", "EG"), ("foreign minister", "EG"),
    ("defence minister", "EG"), ("president", "TR"), ("secretary-general", "united-nations"),
    ("secretary-general", "nato"), ("commission president", "european-union"), ("managing director", "imf"),
    ("secretary-general", "arab-league"), ("director-general", "iaea"), ("secretary-general", "hezbollah"),
]


@pytest.mark.parametrize("office", COVERED_OFFICES, ids=lambda o: f"{o[0]} of {o[1]}")
def test_offices_news_names_are_covered_from_1993_to_2025(office):
    terms = sorted((t for t in oh.holders().terms if t.office == office), key=lambda t: t.first_day)
    covered_to, longest_gap = dt.date(1993, 1, 1), dt.timedelta(0)
    for term in terms:
        longest_gap = max(longest_gap, term.first_day - covered_to)
        covered_to = max(covered_to, term.last_day or dt.date.max)
    longest_gap = max(longest_gap, dt.date(2025, 6, 30) - covered_to)
    assert longest_gap <= dt.timedelta(days=400), longest_gap


def test_check_finds_overlaps_missing_starts_and_ends_before_starts():
    check = _tool("check_officeholders")
    terms, _ = oh.parse(COLUMNS + f"envoy\tAda Roe\tFR\t2001-01-05\t2004-06\t{SRC}\n"
                                  f"envoy\tBo Doe\tFR\t2004-06-20\topen\t{SRC}\n"
                                  f"envoy\tCy Poe\tFR\t2004-05-30\t2004-06-20\t{SRC}\n", "s.tsv")
    found = check.overlaps(terms, set())
    assert len(found) == 1 and "Cy Poe" in found[0]     # starts before Ada Roe's month of leaving
    assert check.overlaps(terms, {"envoy"}) == []       # a collegial role: several at once
    with pytest.raises(oh.OfficeHoldersError):
        oh.parse(COLUMNS + f"envoy\tAda Roe\tFR\t\t2004\t{SRC}\n")
    terms, _ = oh.parse(COLUMNS + f"envoy\tAda Roe\tFR\t2004-02\t2003\t{SRC}\n")
    assert terms[0].last_day < terms[0].first_day       # what the check reports as ending before it starts


# -- lookups ----------------------------------------------------------------------------------

ROWS = (f"leader\tAda Quill; Quill\tFR\t2010-05-02\t2015-03\t{SRC}\n"
        f"foreign minister\tBert Vantor\tDE\t2012\t2016-06-30\t{SRC}\n"
        f"foreign minister\tCora Vantor\tAT\t2014-01-01\topen\t{SRC}\n"
        f"envoy\tDaud bin Rahim\tQA\t2011-01-01\topen\t{SRC}\n"
        f"leader\tElan al-Morra\thamas\t2013-04\t2019\t{SRC}\n")


def test_a_name_gives_a_side_only_inside_a_term():
    holders = _holders(ROWS)
    assert holders.side("Ada Quill", dt.date(2012, 1, 1)) == "FR"
    assert holders.side("Ada Quill", dt.date(2015, 3, 31)) == "FR"      # "2015-03": to the month's end
    assert holders.side("Ada Quill", dt.date(2015, 4, 1)) is None
    assert holders.side("Ada Quill", dt.date(2010, 5, 1)) is None
    assert holders.side("Ada Quill", None) is None


def test_surnames_only_when_unambiguous_on_the_day():
    holders = _holders(ROWS)
    assert holders.side("Vantor", dt.date(2013, 1, 1)) == "DE"
    assert holders.side("Vantor", dt.date(2015, 1, 1)) is None          # two sides hold a Vantor then
    assert holders.side("Vantor", dt.date(2017, 1, 1)) == "AT"
    assert holders.side("Quill", dt.date(2012, 1, 1)) == "FR"           # the row's one-word form
    assert holders.side("Morra", dt.date(2014, 1, 1)) == "hamas"        # "al-Morra" without the article
    assert holders.side("el-Morra", dt.date(2014, 1, 1)) == "hamas"
    assert holders.side("Rahim", dt.date(2014, 1, 1)) is None           # "bin Rahim" is the family name
    assert holders.side("Jo Vantor", dt.date(2013, 1, 1)) is None       # another person of that name


def test_a_surname_only_source_row_matches_the_full_name_and_a_restatement_replaces_it():
    base = (f"leader\tPell\tGB\t1990-01-02\topen\tREIGN x\t2026-12-03\n"
            f"leader\tT. Hadd\tIE\t1980-01-02\t1984-05\tREIGN y\t2026-12-03\n")
    holders = _holders("", base)
    assert holders.side("Gwen Pell", dt.date(2020, 1, 1)) == "GB"
    assert holders.side("Tomas Hadd", dt.date(1982, 1, 1)) == "IE"       # initials agree
    assert holders.side("Una Hadd", dt.date(1982, 1, 1)) is None
    assert holders.side("Gwen R. Pell", dt.date(2020, 1, 1)) == "GB"     # a middle initial (US style)
    holders = _holders(f"leader\tGwen Pell\tGB\t1990-01-02\t1999-09-09\t{SRC}\n", base)
    assert holders.side("Pell", dt.date(2001, 1, 1)) is None            # the supplement closed the term
    assert holders.terms_for("Gwen Pell") == [("leader", "GB", dt.date(1990, 1, 2), dt.date(1999, 9, 9))]


def test_terms_for_lists_every_office_by_start():
    holders = _holders(ROWS + f"leader\tBert Vantor\tDE\t2017-01-01\topen\t{SRC}\n")
    assert holders.terms_for("Bert Vantor") == [("foreign minister", "DE", dt.date(2012, 1, 1), dt.date(2016, 6, 30)),
                                                ("leader", "DE", dt.date(2017, 1, 1), None)]
    assert holders.side_ever("Bert Vantor") == "DE"
    assert holders.terms_for("Nobody Here") == []


def test_real_data_knows_who_was_in_office_when():
    assert oh.holders().side("Angela Merkel", dt.date(2015, 6, 1)) == "DE"
    assert oh.holders().side("Merkel", dt.date(2023, 6, 1)) is None
    assert oh.holders().side("Netanyahu", dt.date(2021, 8, 1)) is None   # Bennett's government
    assert oh.holders().side("Netanyahu", dt.date(2023, 8, 1)) == "IL"
    assert oh.holders().side("Xi", dt.date(2020, 1, 1)) == "CN"
    # the office REIGN does not list: Timor-Leste's prime minister while REIGN lists its president
    assert oh.holders().side("Xanana Gusmao", dt.date(2008, 2, 11)) == "TL"
    assert oh.holders().side("Yoweri Museveni", dt.date(2009, 5, 14)) == "UG"
    # a defence minister of a state beyond the great powers
    assert oh.holders().side("Nosiviwe Mapisa-Nqakula", dt.date(2013, 3, 26)) == "ZA"
    assert oh.holders().side("Nancy Faeser", dt.date(2023, 6, 1)) == "DE"        # an interior minister


# -- in the extractor -------------------------------------------------------------------------

@pytest.fixture
def invented_holders(monkeypatch):
    holders = _holders(f"foreign minister\tOrla Vantrek\tFR\t2019-01-01\t2021-12-31\t{SRC}\n")
    monkeypatch.setattr(oh, "holders", lambda: holders)


def _affiliations(text, reference):
    people = read(text, reference).people
    return {p.name: p.affiliation for p in people.values()}


def test_an_unlabelled_speaker_gets_the_side_of_the_office_held_on_the_articles_date(invented_holders):
    text = "Talks resumed on Monday. Vantrek said the offer was final."
    assert _affiliations(text, dt.date(2020, 5, 1)) == {"Vantrek": "france"}
    assert "Vantrek" not in _affiliations(text, dt.date(2023, 5, 1))      # out of office: not even a person


def test_the_texts_own_label_wins_over_the_list(invented_holders):
    text = "Talks resumed on Monday. German envoy Orla Vantrek said the offer was final."
    assert _affiliations(text, dt.date(2020, 5, 1)) == {"Orla Vantrek": "germany"}


def test_a_government_named_after_its_head_is_that_sides_at_any_date(invented_holders):
    text = "The Vantrek government expelled two diplomats in 2020, officials recalled on Monday."
    assert _affiliations(text, dt.date(2030, 1, 1)) == {"Vantrek": "france"}


def test_a_later_process_reads_the_pickled_index_and_a_damaged_one_is_rebuilt(monkeypatch):
    from timeline_app.knowledge import officeholders
    officeholders.holders.cache_clear()
    first = officeholders.holders()                     # parsed, and pickled into the (sandboxed) cache
    entry = officeholders._cache_entry()
    assert entry.is_file()

    def no_parse():
        raise AssertionError("parsed again although the cache holds the index")

    officeholders.holders.cache_clear()
    with monkeypatch.context() as patch:
        patch.setattr(officeholders, "load", no_parse)
        again = officeholders.holders()
    assert again.terms == first.terms
    entry.write_bytes(b"not a pickle")
    officeholders.holders.cache_clear()
    assert officeholders.holders().terms == first.terms
    assert officeholders.holders.cache_info().currsize == 1
    officeholders.holders.cache_clear()


def test_a_frozen_app_keys_the_pickled_index_by_its_executable(monkeypatch, tmp_path):
    """PyInstaller keeps modules in an archive: there is no module file to look at."""
    from timeline_app.knowledge import officeholders
    monkeypatch.setattr(officeholders, "__file__", str(tmp_path / "not-there" / "officeholders.py"))
    monkeypatch.setattr("sys.frozen", True, raising=False)
    assert officeholders._cache_entry().name.startswith("holders-")


def test_transliterations_of_a_given_name_are_one_name():
    """News writes "Mohammed VI" where REIGN writes "Muhammad VI" (resources/officeholders/name_variants.tsv)."""
    assert oh.fold("Mohammed VI") == oh.fold("Muhammad VI") == oh.fold("Mohamed VI")
    assert oh.holders().side("Mohammed VI", dt.date(2021, 8, 25)) == "MA"


def test_a_middle_initial_on_either_side_is_no_part_of_a_full_name():
    holders = _holders(f"leader\tGwen Pell\tGB\t1990-01-02\t1999-09-09\t{SRC}\n"
                       f"foreign minister\tDane K. Morrow\tIE\t2001-01-01\t2003-12-31\t{SRC}\n")
    assert holders.knows_full_name("Gwen T. Pell") and holders.knows_full_name("Dane Morrow")
    assert holders.person_terms("Dane Morrow") == [("foreign minister", "IE", dt.date(2001, 1, 1),
                                                    dt.date(2003, 12, 31))]
    assert not holders.knows_full_name("Gwen Tess Pell")


def test_joined_initials_of_a_source_row_name_the_full_name():
    # REIGN writes "G.W. Bush"; news writes "George W. Bush" (and "President Bush")
    holders = _holders(f"leader\tT.K. Varro\tFR\t2031-01-20\t2039-01-20\t{SRC}\n")
    assert holders.side("Tamsin K. Varro", dt.date(2033, 5, 1)) == "FR"
    assert holders.side("Tamsin Varro", dt.date(2033, 5, 1)) == "FR"
    assert holders.side("Odile Varro", dt.date(2033, 5, 1)) is None
    # British house style writes the middle initial without its full stop: "George W Bush"
    assert holders.side("Tamsin K Varro", dt.date(2033, 5, 1)) == "FR"
    assert _holders(f"foreign minister\tDane K. Morrow\tIE\t2001-01-01\t2003-12-31\t{SRC}\n").knows_full_name(
        "Dane K Morrow")
