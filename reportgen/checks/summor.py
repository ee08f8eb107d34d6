"""Stated subtotals of a statement against the lines above them (shared by RR, BR and KFA)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reportgen.checks.base import Kontext, avviker, meddelande_kr, uppräkning
from reportgen.compute.statements import Rakning
from reportgen.findings import Finding
from reportgen.load import PathKey


@dataclass(frozen=True)
class Summa:
    """A subtotal: its key in the computed statement and the keys it is the sum of."""

    nyckel: str
    delar: tuple[str, ...]


BESTÄMD = {
    "Resultaträkning": "Resultaträkningen",
    "Balansräkning": "Balansräkningen",
    "Kassaflödesanalys": "Kassaflödesanalysen",
}


def etikett(rakning: Rakning, nyckel: str) -> str:
    for row in rakning.rows:
        if row.key == nyckel:
            return row.label
    return nyckel


def tryckt(
    nyckel: str,
    rakning: Rakning,
    år: int,
    summor: tuple[Summa, ...],
    angivet: Callable[[str], int | None],
) -> int:
    """A figure as the statement prints it: stated if the YAML states it; an unstated
    subtotal is the sum of its printed parts; an unstated line is the computed one."""
    value = angivet(nyckel)
    if value is not None:
        return value
    for summa in summor:
        if summa.nyckel == nyckel:
            return sum(tryckt(d, rakning, år, summor, angivet) for d in summa.delar)
    computed = rakning.value(nyckel, år)
    return computed if computed is not None else 0


def summakontroller(
    ctx: Kontext,
    rakning: Rakning,
    år: int,
    summor: tuple[Summa, ...],
    angivet: Callable[[str], int | None],
    sökväg: Callable[[str], PathKey],
    rule: str,
) -> Iterator[Finding]:
    """Each stated subtotal must equal the sum of the figures above it.

    *angivet(key)* is the figure as the YAML states it (a line, or a stated total, or
    None when a total is not stated); a component that is not stated is taken as
    computed. The subtotal is also accepted when it equals the computed total, so a
    wrong line gives one finding at the first total below it, not one per total.
    """

    for summa in summor:
        stated = angivet(summa.nyckel)
        if stated is None:
            continue
        printed_sum = sum(tryckt(d, rakning, år, summor, angivet) for d in summa.delar)
        computed = rakning.value(summa.nyckel, år)
        candidates = [printed_sum] + ([computed] if computed is not None else [])
        if avviker(stated, *candidates):
            delar = uppräkning([etikett(rakning, d).lower() for d in summa.delar])
            yield ctx.fynd(
                sökväg(summa.nyckel),
                meddelande_kr(
                    f"{BESTÄMD.get(rakning.title, rakning.title)}, "
                    f"{etikett(rakning, summa.nyckel).lower()} {år}",
                    stated,
                    printed_sum,
                    f"summan av {delar}",
                ),
                rule,
            )
