"""Build resources/gazetteer/gazetteer.json from pycountry (ISO 3166-1) plus the curated overlays.

pycountry gives every country and its official/common names; ``countries_overlay.tsv`` adds the
common English short name news uses, aliases, demonyms and capitals/seats of government (no maintained
package carries those); ``dependent_territories.tsv`` ties territories to their states; ``organisations.json`` lists international organisations, armed groups, media,
titles and bodies (office holders are in resources/officeholders/). Run: ``python tools/build_gazetteer.py``.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "resources" / "gazetteer"


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def read_overlay() -> dict[str, dict]:
    rows = {}
    for line in (GAZ / "countries_overlay.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 7)[:7]
        code, short, aliases, demonyms, metonyms, until, stood_for_by = cells
        rows[code.strip()] = {"short": short.strip(), "aliases": split(aliases),
                              "demonyms": split(demonyms), "metonyms": split(metonyms), "until": until.strip(),
                              "stood_for_by": stood_for_by.strip()}
    return rows


def read_territories() -> dict[str, str]:
    """dependent_territories.tsv: the alpha-2 code of each territory and of the state it belongs to."""
    rows = {}
    for line in (GAZ / "dependent_territories.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            territory, state = line.split("\t")
            rows[territory.strip()] = state.strip()
    return rows


def build() -> dict:
    overlay = read_overlay()
    # A name the overlay gives one country is that country's alone: pycountry calls CG "Congo",
    # but news (AP style) means the Democratic Republic of the Congo by it.
    claimed = {alias: code for code, extra in overlay.items() for alias in extra["aliases"]}
    entities = []
    seen_codes = set()
    for country in pycountry.countries:
        code = country.alpha_2
        seen_codes.add(code)
        extra = overlay.get(code, {"short": "", "aliases": [], "demonyms": [], "metonyms": []})
        official_names = [getattr(country, "common_name", None), country.name,
                          getattr(country, "official_name", None)]
        short = extra["short"] or next(n for n in official_names if n)
        # "Name, Republic of" is a catalogue form that never occurs in running text.
        names = [short] + [n for n in official_names if n and ", " not in n
                           and claimed.get(n, code) == code] + extra["aliases"]
        entities.append({"id": slug(short), "name": short, "kind": "state", "code": code,
                         "names": list(dict.fromkeys(names)), "demonyms": extra["demonyms"],
                         "metonyms": extra["metonyms"]})
    for code, extra in overlay.items():  # states pycountry lacks (user-assigned codes such as XK)
        if code not in seen_codes and extra["short"]:
            entities.append({"id": slug(extra["short"]), "name": extra["short"], "kind": "state",
                             "code": code, "names": [extra["short"]] + extra["aliases"],
                             "demonyms": extra["demonyms"], "metonyms": extra["metonyms"],
                             **({"until": extra["until"]} if extra["until"] else {}),
                             **({"stood_for_by": extra["stood_for_by"]} if extra["stood_for_by"] else {})})
    by_code = {entity["code"]: entity["id"] for entity in entities}
    for entity in entities:      # the state that stood for a former one, by its id (a wrong code fails here)
        if "stood_for_by" in entity:
            entity["stood_for_by"] = by_code[entity["stood_for_by"]]
    for territory, state in read_territories().items():     # a dependent territory is part of its state's side
        entity = next(e for e in entities if e["code"] == territory)
        entity["parent"] = by_code[state]
    orgs = json.loads((GAZ / "organisations.json").read_text(encoding="utf-8"))
    for org in orgs["organisations"]:
        entities.append({"id": org["id"], "name": org["name"], "kind": org["kind"],
                         "parent": org.get("parent"), "names": org["aliases"],
                         "demonyms": org.get("demonyms", []), "metonyms": org.get("metonyms", []),
                         **{key: org[key] for key in ("until", "stood_for_by") if key in org}})
    return {"entities": entities, "titles": orgs["titles"], "bodies": orgs["bodies"],
            "generic_group_nouns": orgs.get("generic_group_nouns", [])}


def main() -> None:
    data = build()
    out = GAZ / "gazetteer.json"
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{out}: {len(data['entities'])} entities")


if __name__ == "__main__":
    main()
