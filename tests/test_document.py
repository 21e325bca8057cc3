"""The annotated document: each layer read once from the text (invented words throughout)."""
from timeline_app.extract.document import read

TEXT = ("Velmor Clashes Spread\n"
        "Troops of Velmor crossed the Ostra river on Monday, and the garrison withdrew. "
        "“We will not yield. Every post will hold,” the commander said.\n\n"
        "“The border is ours. We have always held it.\n\n"
        "“Nothing will change that,” she added; the envoy left.")


def test_paragraphs_sentences_and_headline():
    doc = read(TEXT)
    assert len(doc.paragraphs) == 3
    assert TEXT[slice(*doc.title_span)] == "Velmor Clashes Spread"
    assert TEXT[slice(*doc.sentences[2])] == "“We will not yield."
    assert doc.lead_end > doc.title_span[1]


def test_a_quotation_runs_over_sentences_and_an_open_one_ends_with_its_paragraph():
    doc = read(TEXT)
    quotes = [TEXT[a:b] for a, b in doc.quotations]
    assert quotes[0] == "“We will not yield. Every post will hold,”"
    assert quotes[1] == "“The border is ours. We have always held it."     # reopened in the next paragraph
    assert quotes[2] == "“Nothing will change that,”"
    every_post = TEXT.index("Every post")
    assert doc.in_quotation(every_post)
    assert not doc.in_quotation(TEXT.index("the commander"))


def test_quotes_in_cuts_the_quotation_to_the_span_asked_for():
    doc = read(TEXT)
    sa, sb = next(s for s in doc.sentences if TEXT[s[0]:s[1]].startswith("Every post"))
    (a, b), = doc.quotes_in(sa, sb)
    assert (a, TEXT[a:b]) == (sa, "Every post will hold,”")


def test_clauses_start_after_a_coordinating_break_and_a_semicolon():
    doc = read(TEXT)
    sa, _ = doc.sentences[1]
    assert TEXT[doc.clause_start(sa, TEXT.index("withdrew")):].startswith("the garrison")
    assert doc.clause_start(sa, TEXT.index("crossed")) == sa
    assert TEXT[doc.clause_start(0, TEXT.index("left")):].startswith("the envoy")


def test_time_expressions_are_a_layer_of_the_document():
    import datetime as dt
    doc = read(TEXT, dt.date(2031, 5, 7))
    assert any(TEXT[t.start:t.end] == "Monday" for t in doc.times)


def test_live_blog_entries_run_from_one_time_stamp_to_the_next():
    text = ("Fighting flares on the border\n\n14:05 GMT: The ministry says two posts were hit.\n\nMore follows.\n\n"
            "3.30pm - The army says it answered the fire.")
    doc = read(text)
    assert [text[a:b].split(":")[0].split(" -")[0] for a, b in doc.entries] == ["14", "3.30pm"]
    assert doc.entries[0][1] == doc.entries[1][0]
    assert doc.opens_entry(text.index("14:05")) and not doc.opens_entry(text.index("More"))
