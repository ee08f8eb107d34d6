"""The five-year overview against the statements: amounts, soliditet and eget kapital as a
share of the member contributions.

For a year whose statements are in the file, every amount the overview states for a row
reportgen derives is a copy of a statement figure (a relation of reportgen/checks/
relationer.py, `kopia`, built in reportgen/checks/relationer_oversikt.py): compared at the
table's own precision, to the krona in a table in kronor, ±1 tkr in a table in tkr. So a
wrong figure in the statements that the copy shows right is named once, with the copy among
what it spoils. Percentages are recomputed and compared within their rounding to whole
percent.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportgen.checks.balansrakning import br_tryckt, eget_kapital
from reportgen.checks.base import (
    PROCENTTOLERANS_TEXT,
    Kontext,
    Regel,
    kr,
    procent_avviker,
    procent_text,
    regel,
)
from reportgen.compute.overview import översiktsrader
from reportgen.compute.verksamhet import andel, medlemsbidrag
from reportgen.findings import Finding
from reportgen.fmt import procenttal
from reportgen.load import PathKey


def _ej_räknebart(ctx: Kontext) -> Iterator[Finding]:
    """A medlemsbidrag stated for a statement year that no note row gives."""
    form = översiktsrader(ctx.indata.ekonomi)
    if form is None:
        return
    for row in form.rader:
        if row.key != "medlemsbidrag":
            continue
        for år in sorted(ctx.eko.years, reverse=True):
            if år in ctx.eko.luckor:
                continue  # the statements leave figures to fill in (`lucka`)
            if år in row.angivet and medlemsbidrag(ctx.indata, år) is None:
                yield ctx.fynd(row.angivet[år].plats, _ingen_notrad("medlemsbidragen", år),
                               "femår.belopp")


def _ingen_notrad(vad: str, år: int) -> str:
    return (f"Femårsöversikten, {vad} {år} kan inte räknas om: ingen notrad för året är "
            "markerad med medlemsbidrag: true")


@regel("femår.belopp",
       "Femårsöversiktens belopp = resultat- och balansräkningens: exakt i kronor, ±1 tkr i tkr")
def femår_belopp(ctx: Kontext) -> Iterator[Finding]:
    yield from ctx.diagnos.get("femår.belopp", ())
    yield from _ej_räknebart(ctx)


def _angivna(ctx: Kontext, key: str) -> Iterator[tuple[int, int | float, PathKey]]:
    """The percentages stated for row *key* in the statement years, newest first."""
    form = översiktsrader(ctx.indata.ekonomi)
    if form is None:
        return
    for row in form.rader:
        if row.key != key:
            continue
        for år in sorted(ctx.eko.years, reverse=True):
            if år in row.angivet and år not in ctx.eko.luckor:
                yield år, row.angivet[år].värde, row.angivet[år].plats


def soliditeter(ctx: Kontext, år: int) -> list[Decimal]:
    """Eget kapital / summa tillgångar: as printed and as computed."""
    br = ctx.eko.balansräkning
    readings = [
        andel(eget_kapital(ctx, år)[0], br_tryckt(ctx, år, "summa_tillgångar")),
        andel(br.belopp("summa_eget_kapital", år), br.belopp("summa_tillgångar", år)),
    ]
    return [r for r in readings if r is not None]


@regel("femår.soliditet", "Soliditet = eget kapital / summa tillgångar, räknat om")
def femår_soliditet(ctx: Kontext) -> Iterator[Finding]:
    for år, stated, plats in _angivna(ctx, "soliditet"):
        readings = soliditeter(ctx, år)
        if readings and procent_avviker(stated, *readings):
            yield ctx.fynd(
                plats,
                f"Femårsöversikten, soliditet {år}: angivet {procenttal(stated)}, "
                f"förväntat {procent_text(readings[0])} (eget kapital {kr(eget_kapital(ctx, år)[0])}"
                f" / summa tillgångar {kr(br_tryckt(ctx, år, 'summa_tillgångar'))}; "
                f"tolerans ±{PROCENTTOLERANS_TEXT} procentenheter)",
                "femår.soliditet",
            )


@regel("femår.eget_kapital_andel",
       "Eget kapital i procent av årets medlemsbidrag (notrader med medlemsbidrag), räknat om")
def femår_andel(ctx: Kontext) -> Iterator[Finding]:
    for år, stated, plats in _angivna(ctx, "eget_kapital_andel"):
        bidrag = medlemsbidrag(ctx.indata, år)
        if not bidrag:
            yield ctx.fynd(plats, _ingen_notrad("eget kapital i procent av medlemsbidragen", år),
                           "femår.eget_kapital_andel")
            continue
        ek = eget_kapital(ctx, år)
        readings = [r for r in (andel(e, bidrag) for e in ek) if r is not None]
        if procent_avviker(stated, *readings):
            yield ctx.fynd(
                plats,
                f"Femårsöversikten, eget kapital i procent av medlemsbidragen {år}: angivet "
                f"{procenttal(stated)}, förväntat "
                f"{procent_text(readings[0])} (eget kapital {kr(ek[0])} / medlemsbidrag "
                f"{kr(bidrag)}; tolerans ±{PROCENTTOLERANS_TEXT} procentenheter)",
                "femår.eget_kapital_andel",
            )


REGLER: tuple[Regel, ...] = (femår_belopp, femår_soliditet, femår_andel)
