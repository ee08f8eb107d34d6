"""Computed figures laid out as neutral tables (cells know what they hold)."""

from __future__ import annotations

from decimal import Decimal

from reportgen.compute.noter import gruppsumma, notsumma
from reportgen.compute.overview import Avrundningsdiff, Översiktsberakning, Översiktsrad
from reportgen.compute.statements import Radtyp, Rakning
from reportgen.document.model import Cell, CellKind, Row, RowKind, Table
from reportgen.fmt import kronor, procent, procenttal, uppräkning
from reportgen.schema.ekonomi import Not, Notrad
from reportgen.schema.uppstallning import YAML_NYCKEL


def header(*labels: str) -> Row:
    return Row(tuple(Cell(label, CellKind.HEADER) for label in labels))


def amount(value: int | None, total: bool = False, source: tuple[str | int, ...] | None = None
           ) -> Cell:
    """An amount cell; *source*: the YAML path the figure may be given at."""
    if value is None:
        return Cell("", CellKind.AMOUNT, source=source)
    return Cell(kronor(value), CellKind.SUM if total else CellKind.AMOUNT, source=source)


def statement_table(statement: Rakning, with_notes: bool = True) -> Table:
    """The statement as printed: its rows that are shown (a line zero in both years is not,
    unless its layout asks), sub-lines indented below their line."""
    first = "Belopp i kr"
    head = (first, "Not", *statement.column_labels) if with_notes else (
        first, *statement.column_labels)
    rows = []
    for line in statement.printed_rows:
        note = Cell(str(line.note) if line.note else "", CellKind.NOTE)
        if line.kind is Radtyp.RUBRIK:
            cells = [Cell(line.label, CellKind.LABEL)] + [
                Cell("", CellKind.TEXT) for _ in range(len(head) - 1)
            ]
            rows.append(Row(tuple(cells), RowKind.SUBHEADING))
            continue
        total = line.kind is Radtyp.SUMMA
        values = [
            Cell(line.texts[y], CellKind.TEXT) if y in line.texts
            else amount(line.values[y], total,
                        ("ekonomi", YAML_NYCKEL[statement.key], y, line.key))
            for y in statement.years
        ]
        cells = [Cell(line.label, CellKind.LABEL), *([note] if with_notes else []), *values]
        rows.append(Row(tuple(cells), RowKind.SUM if total else RowKind.NORMAL,
                        indent=line.level - 1))
    n = len(statement.years)
    widths = (52, 8, *([40 // n] * n)) if with_notes else (60, *([40 // n] * n))
    if n > 2:  # a delårsrapport's forecast beside the periods
        widths = (40, 6, *([18] * n)) if with_notes else (46, *([18] * n))
    # The caption says what the heading above does not: which years (in a delårsrapport
    # the columns' periods), in which unit.
    columns = [str(y) for y in statement.years]
    if statement.column_labels not in (tuple(columns), tuple(f"{y}-12-31" for y in columns)):
        columns = list(statement.column_labels)
    years = uppräkning(columns)
    caption = f"{statement.title} {years}, belopp i kronor"
    return Table(statement.key, caption, (header(*head),), tuple(rows), widths,
                 caption_hidden=True, source=("ekonomi", statement.key))


def _note_rows(rows: list[Notrad], years: tuple[int, ...], depth: int,
               where: tuple[str | int, ...]) -> list[Row]:
    """A note's rows as printed: amount lines; a group as its sub-heading, its rows and
    (unless it has none) its sum line. Rows in a group within a group are indented.
    *where*: the YAML path of *rows*, so each figure knows where it is given."""
    out: list[Row] = []
    indent = max(depth - 1, 0)
    for k, r in enumerate(rows):
        if r.rader is None:
            out.append(Row((Cell(r.text or "", CellKind.LABEL),
                            *(amount((r.belopp or {}).get(y), source=(*where, k, "belopp", y))
                              for y in years)), indent=indent))
            continue
        out.append(Row((Cell(r.grupp or "", CellKind.LABEL),
                        *(Cell("", CellKind.TEXT) for _ in years)), RowKind.SUBHEADING,
                       indent=indent))
        out.extend(_note_rows(r.rader, years, depth + 1, (*where, k, "rader")))
        if r.visa_summa:
            out.append(Row((Cell(r.summarad, CellKind.LABEL),
                            *(amount(gruppsumma(r, y), True, (*where, k, "summa", y))
                              for y in years)), RowKind.SUM, indent=indent))
    return out


def note_table(number: int, note: Not, years: tuple[int, ...], balance: bool,
               position: int | None = None, labels: tuple[str, ...] | None = None) -> Table:
    """Not *number* as printed; *position*: its place in `ekonomi.noter` (its number less
    one unless the notes are renumbered by first reference), for the cells' YAML paths;
    *labels*: the columns' headings (those of the statement it explains, a delårsrapport's
    periods; default the years, or the year ends of a balance-sheet note)."""
    position = number - 1 if position is None else position
    if labels is None:
        labels = tuple(f"{y}-12-31" if balance else str(y) for y in years)
    where = ("ekonomi", "noter", position)
    rows = _note_rows(note.rader, years, 0, (*where, "rader"))
    if note.visa_summa:
        sums = [notsumma(note, y) for y in years]
        rows.append(Row((Cell(note.summa_text, CellKind.LABEL),
                         *(amount(s, True, (*where, "summa", y)) for s, y in zip(sums, years,
                                                                             strict=True))),
                        RowKind.SUM))
    return Table(
        f"not-{number}",
        f"Not {number}. {note.rubrik}, " + " och ".join(labels) + ", belopp i kronor",
        (header("Belopp i kr", *labels),),
        tuple(rows),
        (60, 20, 20),
        caption_hidden=True,
        source=where,
    )


def overview_table(overview: Översiktsberakning, footnote: str | None) -> Table:
    """The five-year overview: a row per figure, a column per year (newest first); a cell
    with nothing to show is "–"."""
    def cell(row: Översiktsrad, year: int) -> Cell:
        value = row.värden[year]
        if value is None:
            return Cell("–", CellKind.TEXT)
        if row.slag == "procent":
            text = (procenttal(value) if not isinstance(value, Decimal) else procent(value))
            return Cell(text, CellKind.PERCENT)
        return Cell(kronor(int(value)), CellKind.AMOUNT)

    body = tuple(Row((Cell(r.label, CellKind.LABEL), *(cell(r, y) for y in overview.years)))
                 for r in overview.rader)
    n = len(overview.years)
    unit = overview.enhet
    return Table(
        "femarsoversikt",
        f"Översikt över verksamhetens utveckling ({unit})",
        (header(f"Belopp i {unit}", *(str(y) for y in overview.years)),),
        body,
        (40, *([60 // max(n, 1)] * n)),
        footnote=footnote,
    )


def overview_rounding_note(differences: tuple[Avrundningsdiff, ...]) -> str:
    """Why a tkr figure is not its exact amount rounded: the resultaträkning in tkr adds up."""
    items = uppräkning([f"{d.label.lower()} {d.year} som {kronor(d.tkr)} tkr (exakt "
                        f"{kronor(d.kr)} kr)" for d in differences])
    return (f"Beloppen i tkr är avrundade så att intäkter, kostnader och finansiella poster "
            f"summerar till årets resultat; därför står {items}.")
