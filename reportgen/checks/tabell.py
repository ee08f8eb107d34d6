"""Checked amount tables (`- tabell:` blocks): stated sums and shares against computed.

- `tabell.summa` (a relation of reportgen/checks/relationer.py, built in
  reportgen/checks/relationer_tabell.py): a stated sum = the sum of the rows it adds;
- `tabell.andel`: a stated share (a share row's `värden`, a row's `andelar` in the share
  columns) = the computed one, within its rounding (±0,5 of its last printed digit).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.checks.summor import relationsregel
from reportgen.compute.tabell import beräkna, tabellblock
from reportgen.findings import Finding
from reportgen.fmt import procent, tal

tabell_summa = relationsregel(
    "tabell.summa", "Tabellernas angivna summor = summan av raderna de summerar (i tkr: de "
    "avrundade raderna summerar till den avrundade summan)")


@regel("tabell.andel", "Tabellernas angivna andelar = de framräknade, inom avrundningen")
def tabell_andel(ctx: Kontext) -> Iterator[Finding]:
    for path, tabell in tabellblock(ctx.indata):
        tolerans = Decimal("0.5") / 10 ** tabell.decimaler
        for rad in beräkna(tabell):
            stated: list[tuple[str, list[int | float | None], tuple[Decimal | None, ...]]] = []
            if rad.slag == "andel" and rad.rad.värden is not None:
                stated.append(("värden", rad.rad.värden, rad.värden))
            if rad.rad.andelar is not None:
                stated.append(("andelar", rad.rad.andelar, rad.andelar))
            for field, given, computed in stated:
                for column, (angivet, share) in enumerate(zip(given, computed, strict=True)):
                    if angivet is None or share is None:
                        continue
                    if abs(Decimal(str(angivet)) - share * 100) <= tolerans:
                        continue
                    yield ctx.fynd(
                        (*path, "rader", rad.index, field, column),
                        f"Tabellen {tabell.rubrik!r}, {rad.rad.etikett} "
                        f"({tabell.kolumner[column]}): angiven andel "
                        f"{tal(Decimal(str(angivet)), '%')}, förväntat "
                        f"{procent(share, tabell.decimaler + 1)} (tolerans ±"
                        f"{tal(tolerans, '')} procentenheter)",
                        "tabell.andel",
                    )


REGLER: tuple[Regel, ...] = (tabell_summa, tabell_andel)
