import datetime as dt
import json

import pytest
from pydantic import ValidationError

from timeline_app.model import SCHEMA, Account, Article, Event, Party, Reaction, Timeline, TimeValue

TEXT = "Clashes broke out on Tuesday night. Armenia said it lost 49 soldiers. France called for calm."


def sample() -> Timeline:
    return Timeline(
        article=Article(path="a.txt", title="Clashes", text=TEXT, published=dt.datetime(2022, 9, 13, 15, 5),
                        reference_date=dt.date(2022, 9, 13), reference_source="text"),
        parties=[Party(id="armenia", name="Armenia", aliases=["Armenian"])],
        events=[Event(id="e1", title="Clashes broke out", sentence=TEXT[:35], span=(0, 35),
                      time=TimeValue(value="2022-09-13TNI", start=dt.datetime(2022, 9, 13, 18),
                                     end=dt.datetime(2022, 9, 14, 6), granularity="part-of-day",
                                     expression="Tuesday night", expression_span=(20, 33), anchored="reference"),
                      actors=["armenia"], lane="armenia")],
        accounts=[Account(party="armenia", speaker="Armenia", text=TEXT[36:69], span=(36, 69), event="e1")],
        reactions=[Reaction(actor="france", speaker="France", text=TEXT[70:], span=(70, len(TEXT)))],
    )


def test_round_trip_is_lossless():
    original = sample()
    text = original.to_json()
    doc = json.loads(text)
    assert doc["schema"] == SCHEMA
    assert doc["events"][0]["time"]["expression_span"] == [20, 33]
    assert doc["article"]["published"] == "2022-09-13T15:05:00"
    again = Timeline.from_json(text)
    assert again == original
    assert again.to_json() == text


def test_contract_keys_present():
    doc = json.loads(sample().to_json())
    assert set(doc) == {"schema", "article", "parties", "actors", "events", "accounts", "reactions"}
    assert {"path", "title", "text", "published", "reference_date", "reference_source"} <= set(doc["article"])
    assert {"value", "start", "end", "granularity", "expression", "expression_span", "anchored"} \
        <= set(doc["events"][0]["time"])


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(schema="timeline-app/9"), "schema"),
    (lambda d: d["events"][0].update(span=[0, 10_000]), "outside the article text"),
    (lambda d: d["events"][0]["time"].update(anchored="somewhere"), "anchored"),
    (lambda d: d["events"][0]["time"].update(start="2022-09-15T00:00:00"), "ends before it starts"),
    (lambda d: d["article"].pop("text"), "text"),
    (lambda d: d.update(surprise=1), "surprise"),
])
def test_invalid_documents_are_rejected_clearly(mutate, message):
    doc = json.loads(sample().to_json())
    mutate(doc)
    with pytest.raises(ValidationError, match=message):
        Timeline.model_validate_json(json.dumps(doc))


def test_event_lookup():
    t = sample()
    assert t.event("e1").title == "Clashes broke out"
    assert t.event("nope") is None
