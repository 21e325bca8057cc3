"""Party and reaction panels without a window (item models tested alone)."""
from timeline_app.ui.panels import Entry, ReactionsPanel, StatementList, entry_label
from timeline_app.model import Article, Reaction, Timeline


def test_label_names_the_speaker_only_when_the_text_does_not():
    assert entry_label(Entry("Russia", "Russia says it has negotiated a ceasefire.", (0, 1), None)) \
        == "Russia says it has negotiated a ceasefire."
    assert entry_label(Entry("Antony Blinken", "He was deeply concerned.", (0, 1), None)) \
        == "Antony Blinken: He was deeply concerned."
    assert entry_label(Entry("", "Unattributed.", (0, 1), None)) == "Unattributed."


def test_selecting_an_event_selects_only_its_entries(qtbot):
    lst = StatementList()
    qtbot.addWidget(lst)
    lst.add_header("France")
    for i, event in enumerate(["e1", "e2", "e1"]):
        lst.add_entry(Entry("France", f"statement {i}", (i, i + 1), event))
    chosen = lst.select_event("e1")
    assert [e.text for e in chosen] == ["statement 0", "statement 2"]
    assert [e.text for e in lst.selected_entries()] == ["statement 0", "statement 2"]
    assert lst.select_event(None) == [] and lst.selected_entries() == []


def test_reactions_are_grouped_by_actor_in_order_of_appearance(qtbot):
    text = "France called for calm. Russia urged talks. France spoke again."
    timeline = Timeline(article=Article(text=text), reactions=[
        Reaction(actor="france", speaker="France", text=text[:23], span=(0, 23)),
        Reaction(actor="russia", speaker="Russia", text=text[24:43], span=(24, 43)),
        Reaction(actor="france", speaker="France", text=text[44:], span=(44, len(text))),
    ])
    panel = ReactionsPanel()
    qtbot.addWidget(panel)
    panel.set_timeline(timeline)
    rows = [panel.item(i).text() for i in range(panel.count())]
    assert rows == ["France", text[:23], text[44:], "Russia", text[24:43]]
