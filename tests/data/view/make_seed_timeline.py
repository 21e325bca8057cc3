"""Writes seed_timeline.json: a FIXED, hand-made Timeline of the seed article for the view's tests.

Hand-made on purpose: the golden images must not move when the extraction improves. Spans are found
in the seed text by their opening words. Run: .venv/bin/python tests/data/view/make_seed_timeline.py
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import sys

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from timeline_app.model import Article, Event, Party, TimeValue, Timeline

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "armenia_azerbaijan_clashes.txt"
OUT = Path(__file__).with_name("seed_timeline.json")

D = dt.datetime
DAY = (D(2022, 9, 13), D(2022, 9, 14), "day", "2022-09-13")
NIGHT = (D(2022, 9, 13, 0, 0), D(2022, 9, 13, 6, 0), "part-of-day", "2022-09-13TNI")
EARLIER = (D(2022, 9, 13, 0, 0), D(2022, 9, 13, 15, 5), "part-of-day", "PAST_REF")
AT_1505 = (D(2022, 9, 13, 15, 5), D(2022, 9, 13, 15, 6), "minute", "2022-09-13T15:05")
FALL_2020 = (D(2020, 9, 1), D(2020, 12, 1), "season", "2020-FA")
YEAR_2020 = (D(2020, 1, 1), D(2021, 1, 1), "year", "2020")
NINETIES = (D(1990, 1, 1), D(2000, 1, 1), "decade", "199")

# (sentence opening, title, time expression, interval, lane)
EVENTS = [
    ("Extensive clashes broke out between", "Clashes broke out between Armenia and Azerbaijan",
     "Tuesday night", NIGHT, "other"),
    ("Extensive clashes broke out between", "At least 49 Armenian soldiers killed, according to Armenia",
     "Tuesday night", DAY, "armenia"),
    ("Azerbaijan has also reported", "Azerbaijan reports casualties among its forces", "", DAY, "azerbaijan"),
    ("Russia says it has negotiated", "Russia says it negotiated a ceasefire", "", DAY, "international"),
    ("The Prime Minister of Armenia said earlier", "Fighting subsided after nightfall, Armenia's PM said",
     "earlier", EARLIER, "armenia"),
    ("Armenia’s Defense Ministry said", "Azerbaijani forces used artillery, mortars and drones",
     "", DAY, "armenia"),
    ("The Ministry of Defense of Azerbaijan", "Azerbaijan: forces responded to a provocation",
     "", DAY, "azerbaijan"),
    ("France will take the recent clashes", "France takes the clashes to the UN Security Council",
     "15:05", AT_1505, "international"),
    ("According to the Armenian Prime Minister’s Office", "Pashinyan called Macron, Putin and Blinken",
     "earlier", EARLIER, "armenia"),
    ("In a statement, Blinken said", "Blinken deeply concerned, calls for an end to hostilities",
     "", DAY, "international"),
    ("At the emergency meeting", "Armenia to request military assistance from Russia", "", DAY, "armenia"),
    ("It is the worst fighting", "War in Nagorno-Karabakh; more than 6,500 killed",
     "the fall of 2020", FALL_2020, "other"),
    ("The war ended with a cease-fire", "Ceasefire brokered by Russia; Armenia yields territory",
     "2020", YEAR_2020, "other"),
    ("As part of the agreement", "Russia sends about 2,000 peacekeepers", "2020", YEAR_2020,
     "international"),
    ("The countries also fought", "Fighting over the Armenian population of Nagorno-Karabakh",
     "the 1990s", NINETIES, "other"),
]


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    article = Article(path="seeds/armenia_azerbaijan_clashes.txt", title=text.splitlines()[0].strip(),
                      text=text, published=D(2022, 9, 13, 15, 5),
                      reference_date=dt.date(2022, 9, 13), reference_source="sidecar")
    events = []
    for n, (opening, title, expression, (start, end, granularity, value), lane) in enumerate(EVENTS, 1):
        a = text.index(opening)
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        sentence_end = text.find(". ", a, b)
        b = b if sentence_end < 0 else sentence_end + 1
        span = None
        if expression and expression in text[a:b]:
            e = text.index(expression, a)
            span = (e, e + len(expression))
        events.append(Event(id=f"e{n}", title=title, sentence=text[a:b], span=(a, b),
                            time=TimeValue(value=value, start=start, end=end, granularity=granularity,
                                           expression=expression, expression_span=span,
                                           anchored="explicit" if span else "reference"),
                            actors=[], lane=lane))
    timeline = Timeline(article=article, events=events,
                        parties=[Party(id="armenia", name="Armenia"),
                                 Party(id="azerbaijan", name="Azerbaijan")])
    OUT.write_text(timeline.to_json(indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(events)} events)")


if __name__ == "__main__":
    main()
