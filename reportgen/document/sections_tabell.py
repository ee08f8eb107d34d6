"""A checked amount table (`- tabell:` block) as a neutral table, typeset like the statements.

The figures come from reportgen/compute/tabell.py (sums and shares computed); this module
lays them out: the label column, a column per amount column and, with `andel_av`, a share
column after each; sum rows as sums, share rows and share columns as percentages.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from reportgen.compute.tabell import Beräknadrad, beräkna
from reportgen.document.model import Block, Cell, CellKind, Row, RowKind, Table
from reportgen.document.tables import header
from reportgen.figures import VÄNTAR
from reportgen.fmt import kronor, procent, tal
from reportgen.load import PathKey
from reportgen.schema.avsnitt import Tabellblock
from reportgen.schema.tabell import Tabell

if TYPE_CHECKING:
    from reportgen.document.builder import Builder


def _number(tabell: Tabell, value: Decimal | None) -> str:
    if value is None:
        return tabell.tomt
    return tal(value, "%") if tabell.enhet == "%" else kronor(int(value))


def _amount(tabell: Tabell, value: Decimal | None, total: bool,
            parentes: int | float | None = None, with_parentes: bool = False) -> Cell:
    text = _number(tabell, value)
    if with_parentes:  # the value in parentheses after it: "50 % (47 %)"
        text += f" ({_number(tabell, None if parentes is None else Decimal(str(parentes)))})"
    if not text:
        return Cell("", CellKind.TEXT)
    return Cell(text, CellKind.SUM if total else CellKind.AMOUNT)


def _share(tabell: Tabell, value: Decimal | None) -> Cell:
    if value is None:
        return Cell("", CellKind.TEXT)
    return Cell(procent(value, tabell.decimaler), CellKind.PERCENT)


def _gap(tabell: Tabell, rad: Beräknadrad, c: int) -> bool:
    """A cell of a column still to fill in (`att_fylla_i`): printed [fylls i]."""
    return c in tabell.fylls_i and rad.slag in ("text", "summa", "andel")


def _row(tabell: Tabell, rad: Beräknadrad, text: str) -> Row:
    width = len(tabell.kolumner) * (2 if tabell.andel_av else 1)
    if rad.slag == "rubrik":
        return Row((Cell(text, CellKind.LABEL), *(Cell("", CellKind.TEXT) for _ in range(width))),
                   RowKind.SUBHEADING)
    total = rad.slag == "summa"
    cells = [Cell(text, CellKind.LABEL)]
    for c, value in enumerate(rad.värden):
        given = rad.rad.parentes
        if _gap(tabell, rad, c):
            after = (f" ({_number(tabell, None if given[c] is None else Decimal(str(given[c])))})"
                     if given else "")
            cells.append(Cell(VÄNTAR.text + after, CellKind.SUM if total else CellKind.AMOUNT))
            if tabell.andel_av:
                cells.append(Cell(VÄNTAR.text, CellKind.PERCENT))
            continue
        cells.append(_share(tabell, value) if rad.slag == "andel"
                     else _amount(tabell, value, total, given[c] if given else None,
                                  given is not None))
        if tabell.andel_av:
            cells.append(_share(tabell, rad.andelar[c]) if rad.andelar else Cell("", CellKind.TEXT))
    return Row(tuple(cells), RowKind.SUM if total else RowKind.NORMAL)


def amount_table(b: Builder, path: PathKey, tabell: Tabell) -> Table:
    """The table of the block at *path* (its `tabell:`)."""
    columns = [str(k) for k in tabell.kolumner]
    labels = [x for c in columns for x in ((c, tabell.andel_rubrik) if tabell.andel_av else (c,))]
    first = tabell.radrubrik or ("" if tabell.enhet in ("%", "antal")
                                 else f"Belopp i {tabell.enhet}")
    rows = tuple(_row(tabell, rad, b.plain_text((*path, "rader", rad.index, rad.slag),
                                               rad.rad.etikett))
                 for rad in beräkna(tabell))
    n = len(labels)
    figure = min(14, 60 // max(n, 1))
    footnote = (b.plain_text((*path, "fotnot"), tabell.fotnot)
                if tabell.fotnot is not None else None)
    return Table(
        "egen-" + "-".join(str(p) for p in path if isinstance(p, int)),
        b.plain_text((*path, "rubrik"), tabell.rubrik),
        (header(first, *labels),),
        rows,
        (100 - figure * n, *([figure] * n)),
        footnote=footnote,
    )


def table_block(b: Builder, path: PathKey, block: Tabellblock) -> tuple[Block, ...]:
    return (amount_table(b, (*path, "tabell"), block.tabell),)
