"""Checked amount tables (`- tabell:` blocks): stated sums and shares against computed.

- `tabell.summa` (a relation of reportgen/checks/relationer.py, built in
  reportgen/checks/relationer_tabell.py): a stated sum = the sum of the rows it adds;
- `tabell.andel`: a stated share (a share row's `värden`, a row's `andelar` in the share
  columns) = the computed one, within its rounding (±0,5 of its last printed digit);
- `tabell.hundra`: a table of shares with `summerar_till_100` adds up to 100 in each
  column (and in its values in parentheses), within the rounding of its entries: n
  entries printed in whole percent may add up to 100 ± n × 0,5;
- `tabell.siffra`: a figure a table names (`siffror`) as a report printed it in its text
  (`angivet`) = the computed one, within its rounding; its name is not a standard figure's.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportgen.checks.base import Kontext, Regel, avrundningstolerans, regel
from reportgen.checks.summor import relationsregel
from reportgen.compute.tabell import beräkna, tabellblock, tabellsiffror
from reportgen.findings import Finding
from reportgen.fmt import avrunda, meddelandetal, procent, tal

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


@regel("tabell.hundra", "Tabeller av andelar (summerar_till_100) summerar till 100 % i varje "
       "kolumn, inom avrundningen av sina värden")
def tabell_hundra(ctx: Kontext) -> Iterator[Finding]:
    for path, tabell in tabellblock(ctx.indata):
        if not tabell.summerar_till_100:
            continue
        for field, label in (("värden", ""), ("parentes", " (inom parentes)")):
            for column, heading in enumerate(tabell.kolumner):
                entries = [v for rad in tabell.rader if rad.slag == "text"
                           and (vals := getattr(rad, field)) is not None
                           and (v := vals[column]) is not None]
                if not entries:
                    continue
                total = sum((Decimal(str(v)) for v in entries), Decimal(0))
                tolerans = avrundningstolerans(entries)
                if abs(total - 100) <= tolerans:
                    continue
                yield ctx.fynd(
                    (*path, "kolumner", column),
                    f"Tabellen {tabell.rubrik!r}, kolumnen {heading}{label}: andelarna "
                    f"summerar till {_pct(total)}, inte 100 % (tolerans ±"
                    f"{tal(tolerans, '')} procentenheter: {len(entries)} värden, vart och "
                    f"ett avrundat högst {tal(tolerans / len(entries), '')})", "tabell.hundra")


@regel("tabell.siffra", "En tabells siffror som texten angav dem = de framräknade, inom "
       "avrundningen; namnen är inte standardsiffrornas")
def tabell_siffra(ctx: Kontext) -> Iterator[Finding]:
    from reportgen.figures import Figur, tabellfigurer

    own = tabellfigurer(ctx.indata)
    seen: set[str] = set()
    for path, tabell in tabellblock(ctx.indata):
        for name, value in tabellsiffror(tabell).items():
            at = (*path, "siffror", name)
            figure = own.get(name)
            # A standard figure of the same name wins in the namespace (figures.basfigurer).
            taken = isinstance(figure, Figur) and (
                ctx.figurer.number_or_none(name) != figure.number)
            if taken or name in seen:
                yield ctx.fynd(at, f"siffran {name} finns redan bland rapportens siffror; "
                               "ge tabellens siffra ett eget namn", "tabell.siffra")
            seen.add(name)
            siffra = tabell.siffror[name]
            if siffra.angivet is None or value.väntar:
                continue  # (a column still to fill in: `lucka`)
            stated = Decimal(str(siffra.angivet))
            if value.helhet is None:
                if stated != value.del_:
                    yield ctx.fynd((*at, "angivet"), f"Tabellen {tabell.rubrik!r}: texten "
                                   f"anger {name} till {tal(stated, '')}, men raderna ger "
                                   f"{tal(value.del_, '')}", "tabell.siffra")
                continue
            if value.andel is None:
                continue
            tolerans = Decimal("0.5") / 10 ** tabell.decimaler
            if abs(stated - value.andel * 100) > tolerans:
                yield ctx.fynd(
                    (*at, "angivet"),
                    f"Tabellen {tabell.rubrik!r}: texten anger {name} till "
                    f"{_pct(stated)}, men raderna ger {_pct(value.andel * 100, 1)} "
                    f"({tal(value.del_, '')} av {tal(value.helhet, '')}; tolerans "
                    f"±{tal(tolerans, '')} procentenheter)", "tabell.siffra")


def _pct(value: Decimal, decimals: int | None = None) -> str:
    """'104 %', '78,3 %' as a message writes it (a plain space: read in a terminal)."""
    shown = value if decimals is None else avrunda(value, decimals)
    return f"{meddelandetal(tal(shown, ''))} %"


REGLER: tuple[Regel, ...] = (tabell_summa, tabell_andel, tabell_hundra, tabell_siffra)
