"""Femårsöversikt (tkr), soliditet and eget kapital as a share of the member contributions.

Years that have statements in this report are compared with them within tkr rounding;
percentages are recomputed and compared within their rounding to whole percent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from reportgen.checks.balansrakning import br_tryckt, eget_kapital
from reportgen.checks.base import (
    PROCENTTOLERANS_TEXT,
    Kontext,
    Regel,
    avviker_tkr,
    kr,
    meddelande_tkr,
    procent_avviker,
    procent_text,
    regel,
)
from reportgen.checks.resultatrakning import årets_resultat_rr
from reportgen.compute.verksamhet import andel, medlemsbidrag
from reportgen.findings import Finding
from reportgen.fmt import procenttal


@dataclass(frozen=True)
class Tkrfält:
    fält: str
    namn: str
    grund: str
    kronor: Callable[[Kontext, int], list[int]]  # acceptable readings in kr


TKR_FÄLT = (
    Tkrfält("intäkter_tkr", "verksamhetens intäkter", "resultaträkningens verksamhetens intäkter",
            lambda ctx, y: [ctx.eko.resultaträkning.belopp("verksamhetens_intäkter", y)]),
    Tkrfält("kostnader_tkr", "verksamhetens kostnader",
            "resultaträkningens verksamhetens kostnader och avskrivningar",
            lambda ctx, y: [ctx.eko.resultaträkning.belopp("verksamhetens_kostnader", y)
                            + ctx.eko.resultaträkning.belopp("avskrivningar", y)]),
    Tkrfält("resultat_tkr", "årets resultat", "resultaträkningens årets resultat",
            årets_resultat_rr),
    Tkrfält("eget_kapital_tkr", "eget kapital", "balansräkningens summa eget kapital",
            eget_kapital),
)


def _path(år: int, fält: str) -> tuple[str | int, ...]:
    return ("ekonomi", "femårsöversikt", år, fält)


def soliditeter(ctx: Kontext, år: int) -> list[Decimal]:
    """Eget kapital / summa tillgångar: as printed and as computed."""
    br = ctx.eko.balansräkning
    readings = [
        andel(eget_kapital(ctx, år)[0], br_tryckt(ctx, år, "summa_tillgångar")),
        andel(br.belopp("summa_eget_kapital", år), br.belopp("summa_tillgångar", år)),
    ]
    return [r for r in readings if r is not None]


@regel("femår.belopp", "Femårsöversiktens belopp = resultat- och balansräkningens, ±1 tkr")
def femår_belopp(ctx: Kontext) -> Iterator[Finding]:
    for år, rad in sorted(ctx.indata.ekonomi.femårsöversikt.items(), reverse=True):
        if år not in ctx.eko.years or år in ctx.eko.luckor:
            continue
        for spec in TKR_FÄLT:
            stated = getattr(rad, spec.fält)
            if stated is None:
                continue
            readings = spec.kronor(ctx, år)
            if avviker_tkr(stated, *readings):
                yield ctx.fynd(
                    _path(år, spec.fält),
                    meddelande_tkr(f"Femårsöversikten, {spec.namn} {år}", stated, readings[0],
                                   spec.grund),
                    "femår.belopp",
                )


@regel("femår.soliditet", "Soliditet = eget kapital / summa tillgångar, räknat om")
def femår_soliditet(ctx: Kontext) -> Iterator[Finding]:
    for år, rad in sorted(ctx.indata.ekonomi.femårsöversikt.items(), reverse=True):
        if år not in ctx.eko.years or år in ctx.eko.luckor or rad.soliditet_procent is None:
            continue
        readings = soliditeter(ctx, år)
        if readings and procent_avviker(rad.soliditet_procent, *readings):
            yield ctx.fynd(
                _path(år, "soliditet_procent"),
                f"Femårsöversikten, soliditet {år}: angivet {procenttal(rad.soliditet_procent)}, "
                f"förväntat {procent_text(readings[0])} (eget kapital {kr(eget_kapital(ctx, år)[0])}"
                f" / summa tillgångar {kr(br_tryckt(ctx, år, 'summa_tillgångar'))}; "
                f"tolerans ±{PROCENTTOLERANS_TEXT} procentenheter)",
                "femår.soliditet",
            )


@regel("femår.eget_kapital_andel",
       "Eget kapital i procent av årets medlemsbidrag (notrader med medlemsbidrag), räknat om")
def femår_andel(ctx: Kontext) -> Iterator[Finding]:
    for år, rad in sorted(ctx.indata.ekonomi.femårsöversikt.items(), reverse=True):
        if (år not in ctx.eko.years or år in ctx.eko.luckor
                or rad.eget_kapital_andel_procent is None):
            continue
        bidrag = medlemsbidrag(ctx.indata, år)
        if not bidrag:
            yield ctx.fynd(
                _path(år, "eget_kapital_andel_procent"),
                f"Femårsöversikten, eget kapital i procent av medlemsbidragen {år} kan inte "
                "räknas om: ingen notrad för året är markerad med medlemsbidrag: true",
                "femår.eget_kapital_andel",
            )
            continue
        ek = eget_kapital(ctx, år)
        readings = [r for r in (andel(e, bidrag) for e in ek) if r is not None]
        if procent_avviker(rad.eget_kapital_andel_procent, *readings):
            yield ctx.fynd(
                _path(år, "eget_kapital_andel_procent"),
                f"Femårsöversikten, eget kapital i procent av medlemsbidragen {år}: angivet "
                f"{procenttal(rad.eget_kapital_andel_procent)}, förväntat "
                f"{procent_text(readings[0])} (eget kapital {kr(ek[0])} / medlemsbidrag "
                f"{kr(bidrag)}; tolerans ±{PROCENTTOLERANS_TEXT} procentenheter)",
                "femår.eget_kapital_andel",
            )


REGLER: tuple[Regel, ...] = (femår_belopp, femår_soliditet, femår_andel)
