"""NNS indicators: percentages per answer step add up to 100 within their rounding.

Each of n percentages rounded to a unit (whole percent, or tenths when one is written with
a decimal) is off by at most half that unit, so their sum may differ from 100 by at most
n × half a unit: 6 steps in whole percent may add up to 97–103, not to 96.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportgen.checks.base import Kontext, Regel, avrundningstolerans, regel
from reportgen.findings import Finding
from reportgen.schema.indikatorer import KÖN


def _decimal(value: int | float) -> Decimal:
    return Decimal(str(value))


def _tal(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


@regel("indikator.procent", "Andelarna per skalsteg summerar till 100 % inom avrundningen")
def indikator_procent(ctx: Kontext) -> Iterator[Finding]:
    ind = ctx.indata.indikatorer
    if ind is None:
        return
    for g, grupp in enumerate(ind.grupper):
        for f, fråga in enumerate(grupp.frågor):
            for year, resultat in fråga.resultat.items():
                for kön in KÖN:
                    m = getattr(resultat, kön, None)  # None: a gap
                    if m is None or m.fördelning_procent is None:
                        continue
                    values = m.fördelning_procent
                    total = sum((_decimal(v) for v in values), Decimal(0))
                    tolerance = avrundningstolerans(values)
                    if abs(total - 100) <= tolerance:
                        continue
                    path = ("indikatorer", "grupper", g, "frågor", f, "resultat", year, kön,
                            "fördelning_procent")
                    yield ctx.fynd(
                        path,
                        f"andelarna per skalsteg {year} ({kön}) summerar till {_tal(total)} %, "
                        f"inte 100 %; avrundningen av {len(values)} andelar förklarar högst "
                        f"±{_tal(tolerance)} procentenheter",
                        "indikator.procent")


REGLER: tuple[Regel, ...] = (indikator_procent,)
