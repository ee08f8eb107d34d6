"""The five-year overview's relations (`femår.belopp`, reportgen/checks/oversikt.py): every
amount it states for a statement year and a row reportgen derives is a copy of a statement
figure (or of the note rows marked medlemsbidrag), compared at the table's own precision:
to the krona in a table in kronor, ±1 tkr in a table in tkr.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.meddelanden import TOLERANS_TKR, meddelande_kr, meddelande_tkr
from reportgen.checks.relationer import Relation, Relationer, Uttryck, summa
from reportgen.compute.noter import teckenfaktor
from reportgen.compute.overview import Formrad, Översiktsform, översiktsrader
from reportgen.fmt import tkr
from reportgen.load import PathKey
from reportgen.schema.ekonomi import Notrad

# The amount rows that copy a statement figure: what the message calls the original.
GRUND = {
    "verksamhetens_intäkter": "resultaträkningens verksamhetens intäkter",
    "verksamhetens_kostnader": "resultaträkningens verksamhetens kostnader och avskrivningar",
    "årets_resultat": "resultaträkningens årets resultat",
    "eget_kapital": "balansräkningens summa eget kapital",
    "medlemsbidrag": "notraderna med medlemsbidrag: true",
}


def _original(rel: Relationer, key: str, år: int) -> Uttryck | None:
    """The statement figure (or note rows) an amount row copies, as the report prints it."""
    if key == "verksamhetens_kostnader":
        parts = [rel.roll("resultaträkning", b, år) for b in ("verksamhetens_kostnader",
                                                              "avskrivningar")]
        return None if any(p is None for p in parts) else summa(parts)  # type: ignore[arg-type]
    if key in ("verksamhetens_intäkter", "årets_resultat"):
        return rel.roll("resultaträkning", key, år)
    if key == "eget_kapital":
        return rel.roll("balansräkning", "summa_eget_kapital", år)
    terms = [rel.notrad(index, path, row, år) * teckenfaktor(rel.indata.ekonomi.noter[index])
             for index, path, row in _medlemsbidragsrader(rel, år)]
    return summa(terms) if terms else None


def _medlemsbidragsrader(rel: Relationer, år: int) -> Iterator[tuple[int, PathKey, Notrad]]:
    """The note rows marked medlemsbidrag with an amount for *år*: (note, path, row)."""
    for index, note in enumerate(rel.indata.ekonomi.noter):
        yield from _rader(index, note.rader, ("ekonomi", "noter", index, "rader"), år)


def _rader(index: int, rows: list[Notrad], path: PathKey, år: int,
           ) -> Iterator[tuple[int, PathKey, Notrad]]:
    for j, row in enumerate(rows):
        if row.rader is not None:
            yield from _rader(index, row.rader, (*path, j, "rader"), år)
        elif row.medlemsbidrag and år in (row.belopp or {}):
            yield index, (*path, j), row


def _tkr_inom(v: int, h: int) -> bool:
    return abs(v // 1000 - tkr(h)) <= TOLERANS_TKR


def relationer(rel: Relationer) -> Iterator[Relation]:
    """`femår.belopp`: each amount stated for a statement year = the figure it copies."""
    form = översiktsrader(rel.indata.ekonomi)
    if form is None:
        return
    for row in form.rader:
        if row.key not in GRUND:
            continue
        for år in sorted(rel.eko.years, reverse=True):
            if år in row.angivet and år not in rel.eko.luckor:  # (gaps: `lucka`)
                relation = _relation(rel, form, row, år)
                if relation is not None:
                    yield relation


def _relation(rel: Relationer, form: Översiktsform, row: Formrad, år: int) -> Relation | None:
    assert row.key is not None
    original = _original(rel, row.key, år)
    if original is None:
        return None
    stated = row.angivet[år]
    label = f"{row.label[:1].lower()}{row.label[1:]} {år}"
    vad = f"Femårsöversikten, {label}"
    in_tkr = form.enhet == "tkr"
    copy = rel.siffra(stated.plats, vad, int(stated.värde)) * (1000 if in_tkr else 1)
    grund = GRUND[row.key]

    def text(v: int, h: int) -> str:
        if in_tkr:
            return meddelande_tkr(vad, v // 1000, h, grund)
        return f"{meddelande_kr(vad, v, h, grund)} (tolerans 0 kr: tabellen är i kronor)"

    return Relation("femår.belopp", copy, original, stated.plats,
                    f"femårsöversiktens {label}", text, subjekt=stated.plats, kopia=True,
                    inom=_tkr_inom if in_tkr else None)
