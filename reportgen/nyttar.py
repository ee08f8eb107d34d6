"""`reportgen nytt-år`: next year's YAML from this year's.

The report year moves on by one: this year's statement columns become the comparison
year's (last year's are dropped), the balance at the start of the new comparison year is
stated for its cash flow (`ingående_balans`, this year's balansräkning at last year's
end), the new year's figures are gaps to fill in (`reportgen check` lists each; `reportgen
importera` fills them), except the opening eget kapital, which is this year's closing one;
the notes' rows keep their texts with the new year's amounts as gaps; the five-year
overview drops its oldest year and states the year that leaves the statements. Board,
auditors, members, goals, insatser, indicators and the budget move on in
reportgen/nyttar_verksamhet.py; a delårsrapport moves on to the same months of the next
year (reportgen/nyttar_delar.py). Every change is made in one ruamel round trip of the
YAML, so its comments and layout stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportgen import nyttar_delar as delar
from reportgen import nyttar_verksamhet as verksamhet
from reportgen.compute.overview import compute_overview
from reportgen.pipeline import Checked
from reportgen.yaml_edit import RoundTrip, delete_key, delete_year, insert_year, mapping


@dataclass
class Nästa:
    år: int
    text: str  # the new YAML
    gjort: list[str] = field(default_factory=list)  # one line per change group


def next_year(checked: Checked, trip: RoundTrip, föregående: str) -> Nästa:
    """Change *trip* (the YAML of *checked*) into next year's report; *föregående* is this
    year's YAML as the new one names it (`rapport.föregående`, relative to the new file):
    `check` compares the texts with it."""
    year = checked.indata.rapport.räkenskapsår
    new = year + 1
    data = trip.data
    out = Nästa(new, "")
    rapport = data["rapport"]
    rapport["räkenskapsår"] = new
    if "föregående" in rapport:
        rapport["föregående"] = föregående
    else:
        rapport.insert(list(rapport).index("räkenskapsår") + 1, "föregående", föregående)
    if "beslutsdatum" in rapport:
        delete_key(rapport, "beslutsdatum")
    out.gjort.append(f"rapport: räkenskapsår {new}, föregående {föregående}; beslutsdatum tas "
                     "bort (fylls i när styrelsen beslutar)")
    delår = checked.indata.rapport.typ == "delårsrapport"
    for line in (delar.period(data) if delår else None, verksamhet.people(data, new),
                 verksamhet.foreword(data)):
        if line:
            out.gjort.append(line)
    eko = data.get("ekonomi")
    if delår:
        out.gjort += delar.statements(checked, eko) if isinstance(eko, dict) else []
        if line := delar.balanskrav(data):
            out.gjort.append(line)
    else:
        _ekonomi(checked, eko, out)
    for line in (verksamhet.budget(data, new), verksamhet.goals(data, checked.indata),
                 verksamhet.insatser(data, checked.indata, year), verksamhet.indicators(data, new),
                 delar.tabeller(data, checked) if delår else None):
        if line:
            out.gjort.append(line)
    out.text = trip.dump()
    return out


def _ekonomi(checked: Checked, eko: Any, out: Nästa) -> None:
    """An årsredovisning's statements, notes and five-year overview move on by a year."""
    year = checked.indata.rapport.räkenskapsår
    new = year + 1
    layout = checked.eko.layout
    for upp in layout.alla():
        years = eko.get(upp.yaml_nyckel)
        if not isinstance(years, dict):
            continue
        if year - 1 in years:  # a comment after it (on the opening balance) moves on a year
            delete_year(years, year - 1, (f"{year - 2}-12-31", f"{year - 1}-12-31"))
        if upp.key == "kassaflödesanalys":
            continue
        stated = years.get(year) or {}
        gaps = mapping()
        for key in stated:
            rad = upp.rad(key)
            if rad is not None and rad.betydelse == "ingående_eget_kapital":
                gaps[key] = checked.eko.balansräkning.belopp("summa_eget_kapital", year)
            else:
                gaps[key] = None
        insert_year(years, new, gaps)
        out.gjort.append(f"{upp.yaml_nyckel}: {year} blir jämförelseår; {new} att fylla i "
                         f"({len(gaps)} rader)")
    br = checked.eko.balansräkning
    opening = {k: br.belopp(k, year - 1) for k in ("fordringar", "kortfristiga_skulder",
                                                    "likvida_medel", "avsättningar")
               if k != "avsättningar" or br.belopp(k, year - 1)}
    given = eko.get("ingående_balans")
    if isinstance(given, dict):  # changed in place: its comments and blank lines stay
        for key in [k for k in given if k not in opening]:
            del given[key]
        given.update(opening)
    else:
        eko["ingående_balans"] = mapping(items=iter(opening.items()))
    out.gjort.append(f"ingående balans: balansräkningen {year - 1}-12-31")
    rows = 0
    for note in eko.get("noter") or []:
        for row in _rows(note.get("rader") or []):
            belopp = row.get("belopp")
            if isinstance(belopp, dict):
                belopp.pop(year - 1, None)
                insert_year(belopp, new, None)
                rows += 1
    out.gjort.append(f"noter: {rows} rader med {new} att fylla i, {year - 1} borttaget")
    _overview(checked, eko, year)
    out.gjort.append(f"femårsöversikt: {new - 4}–{new}, {year - 1} med sina siffror i tkr")


def _rows(rows: list[Any]) -> list[Any]:
    out = []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("rader"), list):
            out += _rows(row["rader"])
        elif isinstance(row, dict):
            out.append(row)
    return out


def _overview(checked: Checked, eko: Any, year: int) -> None:
    """The overview moves on by a year: the oldest year leaves, the year that leaves the
    statements is stated (as the table prints it), the new year is a gap where a row is
    only stated (antal anställda)."""
    given = eko.get("femårsöversikt")
    if given is None:
        return
    overview = compute_overview(checked.indata, checked.eko)
    if overview is None:
        return
    if isinstance(given.get("rader"), list):
        _overview_rows(given, overview, year)
        return
    for old in [y for y in given if isinstance(y, int) and y < year - 3]:
        del given[old]
    if year - 1 in overview.years:
        row = given.get(year - 1)
        if row is None:
            row = mapping(flow=True)
            insert_year(given, year - 1, row)
        soliditet = _value(overview, "soliditet", year - 1)
        values = {"intäkter_tkr": overview.tkr("verksamhetens_intäkter", year - 1),
                  "kostnader_tkr": overview.tkr("verksamhetens_kostnader", year - 1),
                  "resultat_tkr": overview.tkr("årets_resultat", year - 1),
                  "soliditet_procent": None if soliditet is None else round(soliditet * 100)}
        for position, (key, value) in enumerate(values.items()):
            if value is not None and key not in row:
                row.insert(position, key, value)
    insert_year(given, year + 1, mapping(flow=True, items=iter([("anställda", None)])))


def _value(overview: Any, key: str, year: int) -> Any:
    row = overview.rad(key)
    return None if row is None else row.värden.get(year)


def _overview_rows(given: Any, overview: Any, year: int) -> None:
    """The table's form: each row's values by year (in the table's unit; a share as whole
    percent)."""
    for entry in given["rader"]:
        if not isinstance(entry, dict):
            continue  # a derived row by its name alone: nothing is stated for it
        values = entry.get("värden")
        if not isinstance(values, dict):
            continue
        for old in [y for y in values if isinstance(y, int) and y < year - 3]:
            del values[old]
        key = entry.get("rad")
        value = _value(overview, key, year - 1) if key else None
        if value is not None and year - 1 not in values:
            shown = round(value * 100) if overview.rad(key).slag == "procent" and not isinstance(
                value, int) else value
            insert_year(values, year - 1, int(shown) if float(shown).is_integer() else shown)
        if key == "antal_anställda":
            insert_year(values, year + 1, None)
