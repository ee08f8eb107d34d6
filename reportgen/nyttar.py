"""`reportgen nytt-år`: next year's YAML from this year's.

The report year moves on by one: this year's statement columns become the comparison
year's (last year's are dropped), the balance at the start of the new comparison year is
stated for its cash flow (`ingående_balans`, this year's balansräkning at last year's
end), the new year's figures are gaps to fill in (`reportgen check` lists each; `reportgen
importera` fills them), except the opening eget kapital, which is this year's closing one;
the notes' rows keep their texts with the new year's amounts as gaps; the five-year
overview drops its oldest year and states the year that leaves the statements. Board,
auditors, members and insatser are carried over as they are. Every change is made in one
ruamel round trip of the YAML, so its comments and layout stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportgen.compute.overview import compute_overview
from reportgen.fmt import tkr
from reportgen.pipeline import Checked
from reportgen.yaml_edit import RoundTrip, insert_year, mapping


@dataclass
class Nästa:
    år: int
    text: str  # the new YAML
    gjort: list[str] = field(default_factory=list)  # one line per change group


def next_year(checked: Checked, trip: RoundTrip) -> Nästa:
    """Change *trip* (the YAML of *checked*) into next year's report."""
    year = checked.indata.rapport.räkenskapsår
    new = year + 1
    data = trip.data
    out = Nästa(new, "")
    rapport = data["rapport"]
    rapport["räkenskapsår"] = new
    if "beslutsdatum" in rapport:
        del rapport["beslutsdatum"]
    out.gjort.append(f"rapport: räkenskapsår {new}; beslutsdatum tas bort (fylls i när styrelsen beslutar)")
    eko = data["ekonomi"]
    layout = checked.eko.layout
    for upp in layout.alla():
        years = eko.get(upp.yaml_nyckel)
        if not isinstance(years, dict):
            continue
        if year - 1 in years:
            del years[year - 1]
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
    eko["ingående_balans"] = mapping(items=iter(
        (k, br.belopp(k, year - 1)) for k in ("fordringar", "kortfristiga_skulder", "likvida_medel",
                                               "avsättningar")
        if k != "avsättningar" or br.belopp(k, year - 1)))
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
    out.text = trip.dump()
    return out


def _rows(rows: list[Any]) -> list[Any]:
    out = []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("rader"), list):
            out += _rows(row["rader"])
        elif isinstance(row, dict):
            out.append(row)
    return out


def _overview(checked: Checked, eko: Any, year: int) -> None:
    given = eko.get("femårsöversikt")
    if given is None:
        return
    computed = {r.year: r for r in compute_overview(checked.indata, checked.eko)}
    leaving = computed.get(year - 1)
    for old in [y for y in given if isinstance(y, int) and y < year - 3]:
        del given[old]
    if leaving is not None:
        row = given.get(year - 1)
        if row is None:
            row = mapping(flow=True)
            insert_year(given, year - 1, row)
        values = {"intäkter_tkr": leaving.intäkter_tkr, "kostnader_tkr": leaving.kostnader_tkr,
                  "resultat_tkr": leaving.resultat_tkr,
                  "soliditet_procent": (round(leaving.soliditet * 100) if leaving.soliditet is not None
                                        else None)}
        for position, (key, value) in enumerate(values.items()):
            if value is not None and key not in row:
                row.insert(position, key, value)
    insert_year(given, year + 1, mapping(flow=True, items=iter([("anställda", None)])))
    _ = tkr
