"""Computed figures laid out as neutral tables (cells know what they hold)."""

from __future__ import annotations

from reportgen.compute.noter import notsumma
from reportgen.compute.overview import Översiktsrad
from reportgen.compute.statements import Radtyp, Rakning
from reportgen.document.model import Cell, CellKind, Row, RowKind, Table
from reportgen.fmt import kronor, procent
from reportgen.schema.ekonomi import Not


def header(*labels: str) -> Row:
    return Row(tuple(Cell(label, CellKind.HEADER) for label in labels))


def amount(value: int | None, total: bool = False) -> Cell:
    if value is None:
        return Cell("", CellKind.AMOUNT)
    return Cell(kronor(value), CellKind.SUM if total else CellKind.AMOUNT)


def statement_table(statement: Rakning, with_notes: bool = True) -> Table:
    first = "Belopp i kr"
    head = (first, "Not", *statement.column_labels) if with_notes else (
        first, *statement.column_labels)
    rows = []
    for line in statement.rows:
        note = Cell(str(line.note) if line.note else "", CellKind.NOTE)
        if line.kind is Radtyp.RUBRIK:
            cells = [Cell(line.label, CellKind.LABEL)] + [
                Cell("", CellKind.TEXT) for _ in range(len(head) - 1)
            ]
            rows.append(Row(tuple(cells), RowKind.SUBHEADING))
            continue
        total = line.kind is Radtyp.SUMMA
        values = [
            Cell(line.texts[y], CellKind.TEXT) if y in line.texts else amount(line.values[y], total)
            for y in statement.years
        ]
        cells = [Cell(line.label, CellKind.LABEL), *([note] if with_notes else []), *values]
        rows.append(Row(tuple(cells), RowKind.SUM if total else RowKind.NORMAL))
    widths = (52, 8, 20, 20) if with_notes else (60, 20, 20)
    # The caption says what the heading above does not: which years, in which unit.
    years = " och ".join(str(y) for y in statement.years)
    caption = f"{statement.title} {years}, belopp i kronor"
    return Table(statement.key, caption, (header(*head),), tuple(rows), widths)


def note_table(number: int, note: Not, years: tuple[int, ...], balance: bool) -> Table:
    labels = tuple(f"{y}-12-31" if balance else str(y) for y in years)
    rows = [
        Row((Cell(r.text, CellKind.LABEL), *(amount(r.belopp.get(y)) for y in years)))
        for r in note.rader
    ]
    sums = [notsumma(note, y) for y in years]
    rows.append(Row((Cell("Summa", CellKind.LABEL), *(amount(s, True) for s in sums)), RowKind.SUM))
    return Table(
        f"not-{number}",
        f"Not {number}. {note.rubrik}, " + " och ".join(labels) + ", belopp i kronor",
        (header("Belopp i kr", *labels),),
        tuple(rows),
        (60, 20, 20),
    )


def overview_table(rows: tuple[Översiktsrad, ...], footnote: str | None) -> Table:
    def tkr_cell(value: int | None) -> Cell:
        return amount(value) if value is not None else Cell("–", CellKind.TEXT)

    def pct_cell(value: object) -> Cell:
        from decimal import Decimal

        if not isinstance(value, Decimal):
            return Cell("–", CellKind.TEXT)
        return Cell(procent(value), CellKind.PERCENT)

    def count_cell(value: int | None) -> Cell:
        return Cell(str(value), CellKind.AMOUNT) if value is not None else Cell(
            "–", CellKind.TEXT)

    spec = [
        ("Verksamhetens intäkter", lambda r: tkr_cell(r.intäkter_tkr)),
        ("Verksamhetens kostnader", lambda r: tkr_cell(r.kostnader_tkr)),
        ("Årets resultat", lambda r: tkr_cell(r.resultat_tkr)),
        ("Soliditet", lambda r: pct_cell(r.soliditet)),
        ("Antal anställda", lambda r: count_cell(r.anställda)),
    ]
    body = tuple(
        Row((Cell(label, CellKind.LABEL), *(get(r) for r in rows))) for label, get in spec
    )
    n = len(rows)
    return Table(
        "femarsoversikt",
        "Översikt över verksamhetens utveckling (tkr)",
        (header("Belopp i tkr", *(str(r.year) for r in rows)),),
        body,
        (40, *([60 // max(n, 1)] * n)),
        footnote=footnote,
    )
