"""Checked amount tables (`- tabell:` blocks, reportgen/schema/tabell.py): every sum and
share computed from the rows.

``tabellblock(indata)`` yields every such block in the YAML with its path; ``beräkna(tabell)``
gives its rows as computed (`Beräknadrad`): an amount row its values, a sum row the sum of
the rows it names (or of every amount row above it), a share row `av` / `genom`, and with
`andel_av` each row's share of that row per column. Values are in the table's unit; shares
are exact ratios (Decimal), None where the whole is 0 or a value is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from reportgen.load import PathKey
from reportgen.schema import Indata
from reportgen.schema.avsnitt import Avsnitt, Tabellblock
from reportgen.schema.tabell import Tabell, Tabellrad

Värde = Decimal | None


def tabellblock(indata: Indata) -> Iterator[tuple[PathKey, Tabell]]:
    """Every table block of the YAML's sections, with the path of its `tabell:`."""
    yield from _i_avsnitt(indata.avsnitt or [], ("avsnitt",))


def _i_avsnitt(entries: list[Avsnitt | str], path: PathKey) -> Iterator[tuple[PathKey, Tabell]]:
    for i, entry in enumerate(entries):
        if not isinstance(entry, Avsnitt):
            continue
        for j, block in enumerate(entry.innehåll):
            if isinstance(block, Tabellblock):
                yield (*path, i, "innehåll", j, "tabell"), block.tabell
        yield from _i_avsnitt(entry.avsnitt or [], (*path, i, "avsnitt"))


@dataclass(frozen=True)
class Beräknadrad:
    rad: Tabellrad
    index: int  # its place in `rader`
    värden: tuple[Värde, ...]  # per column: stated (amount row) or computed (sum, share)
    andelar: tuple[Värde, ...]  # per column, with andel_av: its share of that row

    @property
    def slag(self) -> str:
        return self.rad.slag


def delar(tabell: Tabell, index: int) -> list[int]:
    """The rows sum row *index* adds: those it names, or every amount row above it."""
    rad = tabell.rader[index]
    by_name = {r.namn: i for i, r in enumerate(tabell.rader[:index]) if r.slag in ("text", "summa")}
    if rad.av is not None:
        return [by_name[k] for k in rad.av]
    return [i for i, r in enumerate(tabell.rader[:index]) if r.slag == "text"]


def _tal(value: int | float | None) -> Värde:
    return None if value is None else Decimal(str(value))


def beräkna(tabell: Tabell) -> tuple[Beräknadrad, ...]:
    n = len(tabell.kolumner)
    values: dict[int, tuple[Värde, ...]] = {}
    names: dict[str, int] = {}
    for i, rad in enumerate(tabell.rader):
        if rad.slag == "text":
            values[i] = tuple(_tal(v) for v in rad.värden or [None] * n)
        elif rad.slag == "summa":
            parts = [values[j] for j in delar(tabell, i)]
            values[i] = tuple(sum((p[c] or Decimal(0) for p in parts), Decimal(0))
                              for c in range(n))
        elif rad.slag == "andel":
            whole = values[names[rad.genom or ""]]
            part = values[names[(rad.av or [""])[0]]]
            values[i] = tuple(_share(part[c], whole[c]) for c in range(n))
        else:
            values[i] = (None,) * n
        if rad.slag in ("text", "summa"):
            names[rad.namn] = i
    base = values[names[tabell.andel_av]] if tabell.andel_av is not None else None
    gaps = tabell.fylls_i  # columns to fill in: no figure yet (a draft shows [fylls i])
    out = []
    for i, rad in enumerate(tabell.rader):
        shares: tuple[Värde, ...] = ()
        if base is not None:
            shares = tuple(_share(values[i][c], base[c]) if rad.slag in ("text", "summa")
                           and c not in gaps else None for c in range(n))
        own = tuple(None if c in gaps else v for c, v in enumerate(values[i]))
        out.append(Beräknadrad(rad, i, own, shares))
    return tuple(out)


def _share(part: Värde, whole: Värde) -> Värde:
    if part is None or whole is None or whole == 0:
        return None
    return part / whole


@dataclass(frozen=True)
class Tabellsiffervärde:
    """A figure a table names (`siffror`): the sum of its rows in a column, and with `genom`
    that sum's share of a row."""

    del_: Decimal  # the sum of the rows in `av`
    helhet: Decimal | None  # the row in `genom`, if given
    andel: Värde  # del_ / helhet (None without genom, or when the whole is 0)
    väntar: bool = False  # its column is still to fill in (`att_fylla_i`)


def tabellsiffror(tabell: Tabell) -> dict[str, Tabellsiffervärde]:
    """The figures *tabell* names, computed from its rows as beräkna gives them."""
    rows = beräkna(tabell)
    by_name = {r.rad.namn: r for r in rows if r.slag in ("text", "summa")}
    out = {}
    for name, siffra in tabell.siffror.items():
        column = tabell.kolumnindex(siffra.kolumn)
        assert column is not None  # the schema checked it
        part = sum((by_name[k].värden[column] or Decimal(0) for k in siffra.av), Decimal(0))
        whole = by_name[siffra.genom].värden[column] if siffra.genom is not None else None
        out[name] = Tabellsiffervärde(part, whole, _share(part, whole), column in tabell.fylls_i)
    return out
