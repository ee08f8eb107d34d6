"""Stated subtotals of a statement against the lines above them (shared by RR, BR and KFA).

Which lines a subtotal adds is not repeated here: each computed statement carries the
definitions its figures were computed from (`Rakning.delsummor`, see
reportgen/compute/statements.py), and the checks read those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import Any

from reportgen.checks.base import Kontext, Regel, avviker, meddelande_kr, uppräkning
from reportgen.compute.statements import Ekonomiberakning, Rakning
from reportgen.findings import Finding
from reportgen.load import PathKey

# The figure of a statement as the YAML states it: (context, year, statement key) → the
# stated amount, or None when the YAML does not state it.
Angivet = Callable[[Kontext, int, str], int | None]

BESTÄMD = {
    "Resultaträkning": "Resultaträkningen",
    "Balansräkning": "Balansräkningen",
    "Kassaflödesanalys": "Kassaflödesanalysen",
}


def angivet_belopp(rader: Mapping[int, Any], år: int, fält: str) -> int | None:
    """The amount field *fält* of year *år* in one statement of the YAML (a mapping year →
    model, e.g. `ekonomi.balansräkning`); None when the year or the figure is not stated."""
    rad = rader.get(år)
    value: int | None = None if rad is None else getattr(rad, fält)
    return value


def etikett(rakning: Rakning, nyckel: str) -> str:
    for row in rakning.rows:
        if row.key == nyckel:
            return row.label
    return nyckel


def tryckt(
    nyckel: str,
    rakning: Rakning,
    år: int,
    angivet: Callable[[str], int | None],
) -> int:
    """A figure as the statement prints it: stated if the YAML states it; an unstated
    subtotal is the sum of its printed parts; an unstated line is the computed one."""
    value = angivet(nyckel)
    if value is not None:
        return value
    for summa in rakning.delsummor:
        if summa.key == nyckel:
            return sum(tryckt(d, rakning, år, angivet) for d in summa.parts)
    computed = rakning.value(nyckel, år)
    return computed if computed is not None else 0


def summakontroller(
    ctx: Kontext,
    rakning: Rakning,
    år: int,
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

    for summa in rakning.delsummor:
        stated = angivet(summa.key)
        if stated is None:
            continue
        printed_sum = sum(tryckt(d, rakning, år, angivet) for d in summa.parts)
        computed = rakning.value(summa.key, år)
        candidates = [printed_sum] + ([computed] if computed is not None else [])
        if avviker(stated, *candidates):
            delar = uppräkning([etikett(rakning, d).lower() for d in summa.parts])
            yield ctx.fynd(
                sökväg(summa.key),
                meddelande_kr(
                    f"{BESTÄMD.get(rakning.title, rakning.title)}, "
                    f"{etikett(rakning, summa.key).lower()} {år}",
                    stated,
                    printed_sum,
                    f"summan av {delar}",
                ),
                rule,
            )


def summaregel(
    id: str,
    beskrivning: str,
    rakning: Callable[[Ekonomiberakning], Rakning],
    angivet: Angivet,
    sökväg: Callable[[int, str], PathKey],
) -> Regel:
    """The rule that every subtotal a statement states equals the sum of the figures
    above it, for each statement year, newest first.

    *rakning* picks the computed statement, *angivet* reads a figure as the YAML states
    it, and *sökväg(år, key)* is where a wrong subtotal is reported.
    """

    def kontroll(ctx: Kontext) -> Iterator[Finding]:
        statement = rakning(ctx.eko)
        for år in sorted(ctx.eko.years, reverse=True):
            yield from summakontroller(
                ctx, statement, år, partial(angivet, ctx, år), partial(sökväg, år), id
            )

    return Regel(id, beskrivning, kontroll)
