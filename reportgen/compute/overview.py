"""The five-year overview (femårsöversikt) in tkr.

Years that have statements in the input are computed from them; older years come
from the YAML as published in earlier reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportgen.compute.statements import Ekonomiberakning
from reportgen.compute.verksamhet import andel
from reportgen.fmt import tkr
from reportgen.schema import Indata


@dataclass(frozen=True)
class Översiktsrad:
    year: int
    intäkter_tkr: int | None
    kostnader_tkr: int | None
    resultat_tkr: int | None
    soliditet: Decimal | None  # ratio, e.g. 0.935
    anställda: int | None
    computed: bool  # figures come from this report's statements


def compute_overview(indata: Indata, eko: Ekonomiberakning, span: int = 5) -> tuple[Översiktsrad, ...]:
    given = indata.ekonomi.femårsöversikt
    years = sorted(set(given) | set(eko.years), reverse=True)[:span]
    rows = []
    for year in years:
        stated = given.get(year)
        anställda = stated.anställda if stated else None
        if year in eko.years:
            rr, br = eko.resultaträkning, eko.balansräkning
            rows.append(
                Översiktsrad(
                    year,
                    tkr(rr.belopp("verksamhetens_intäkter", year)),
                    tkr(rr.belopp("verksamhetens_kostnader", year)
                        + rr.belopp("avskrivningar", year)),
                    tkr(rr.belopp("årets_resultat", year)),
                    andel(br.belopp("summa_eget_kapital", year),  # soliditet
                          br.belopp("summa_tillgångar", year)),
                    anställda,
                    computed=True,
                )
            )
        else:
            assert stated is not None
            ratio = (
                Decimal(str(stated.soliditet_procent)) / 100
                if stated.soliditet_procent is not None
                else None
            )
            rows.append(
                Översiktsrad(
                    year,
                    stated.intäkter_tkr,
                    stated.kostnader_tkr,
                    stated.resultat_tkr,
                    ratio,
                    anställda,
                    computed=False,
                )
            )
    return tuple(rows)
