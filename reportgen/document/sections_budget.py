"""Driftredovisning and sammanställning av utfall och budget as neutral tables.

The figures come from reportgen/compute/budget.py (rounded by reportgen/compute/
avrundning.py); this module lays them out: the columns the YAML gives (a figure split into
intäkt, kostnad and netto under one heading), rows and groups as given, and the footnote
on rounding. Costs are negative, as in the resultaträkning; avvikelse = utfall − budget, so
a positive avvikelse is better than budget for revenue and costs alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reportgen.compute.budget import (
    Avrundningsdiff,
    Budgetberakning,
    Kolumnspec,
    Sammandrag,
    Tabellberakning,
    Tabellrad,
)
from reportgen.document.model import Block, Cell, CellKind, Row, RowKind, Table
from reportgen.document.tables import header
from reportgen.figures import VÄNTAR
from reportgen.fmt import datum, kronor, tkr

if TYPE_CHECKING:
    from reportgen.document.builder import Builder
    from reportgen.load import PathKey

AVRUNDNING = (
    "Beloppen är avrundade till tkr så att varje summa är summan av de avrundade raderna "
    "ovanför; där radernas egna avrundningar inte går jämnt ut läggs skillnaden på de rader "
    "som avrundningen flyttat mest."
)
WIDTH = {"nr": 10, "förklaring": 34}
AMOUNT_WIDTH = 12
LABEL_MIN = 26


def _amount(value: int | None, total: bool = False) -> Cell:
    if value is None:
        return Cell("", CellKind.TEXT)
    return Cell(kronor(value), CellKind.SUM if total else CellKind.AMOUNT)


def rounding_note(differences: tuple[Avrundningsdiff, ...]) -> str:
    """The rounding method, and every printed figure that differs from its exact amount
    rounded on its own."""
    if not differences:
        return AVRUNDNING
    items = "; ".join(
        f"{d.rad} ({d.kolumn.lower()}) är exakt {kronor(d.kr)} kr, vilket avrundat blir "
        f"{kronor(tkr(d.kr))} tkr; i tabellen {kronor(d.tkr)} tkr"
        for d in differences)
    return f"{AVRUNDNING} Avrundningsdifferenser: {items}."


def _header(table: Tabellberakning) -> tuple[Row, ...]:
    """One header row, or two where a figure is split into parts: its heading over its parts
    in the first, every other heading in the second, next to the figures."""
    nr = [k for k in table.kolumner if k.namn == "nr"]
    rest = [k for k in table.kolumner if k.namn != "nr"]
    labels = [*(k.rubrik for k in nr), table.radrubrik]
    if not any(k.överrubrik for k in rest):
        return (header(*labels, *(k.rubrik for k in rest)),)
    top: list[Cell] = [Cell("", CellKind.HEADER) for _ in labels]
    i = 0
    while i < len(rest):
        over = rest[i].överrubrik
        run = 1
        while over is not None and i + run < len(rest) and rest[i + run].överrubrik == over:
            run += 1
        top.append(Cell(over or "", CellKind.HEADER, colspan=run))
        i += run
    return (Row(tuple(top)), header(*labels, *(k.rubrik for k in rest)))


def _row(table: Tabellberakning, row: Tabellrad, text: Callable[[PathKey, str | None], str]) -> Row:
    has_nr = any(k.namn == "nr" for k in table.kolumner)
    rest = [k for k in table.kolumner if k.namn != "nr"]
    if row.slag == "rubrik":
        return Row((Cell(row.label, CellKind.LABEL, colspan=2 if has_nr else 1),
                    *(Cell("", CellKind.TEXT) for _ in rest)), RowKind.SUBHEADING)
    total = row.slag == "summa"
    cells: list[Cell] = [Cell(row.nr, CellKind.TEXT)] if has_nr else []
    cells.append(Cell(row.label, CellKind.LABEL))
    for k in rest:
        cells.append(_cell(k, row, total, text))
    return Row(tuple(cells), RowKind.SUM if total else RowKind.NORMAL)


def _cell(k: Kolumnspec, row: Tabellrad, total: bool,
          text: Callable[[PathKey, str | None], str]) -> Cell:
    if k.namn == "förklaring":
        if row.förklaring is None:
            return Cell("", CellKind.TEXT)
        return Cell(text(*row.förklaring), CellKind.TEXT)
    if k.namn in row.väntar:  # made with a figure to fill in (a draft: `lucka` is an error)
        return Cell(VÄNTAR.text, CellKind.SUM if total else CellKind.AMOUNT)
    return _amount(row.visat.get(k.namn), total)


def _widths(table: Tabellberakning) -> tuple[int, ...]:
    """Relative widths: the project number narrow, each figure 12; the row label and the
    förklaring share the rest (the label at least 26, the förklaring at most 34)."""
    amounts = sum(AMOUNT_WIDTH for k in table.kolumner if k.mått is not None)
    nr = WIDTH["nr"] if any(k.namn == "nr" for k in table.kolumner) else 0
    text = min(WIDTH["förklaring"], max(100 - amounts - nr - LABEL_MIN, 16))
    widths = {k.namn: WIDTH["nr"] if k.namn == "nr" else text if k.namn == "förklaring"
              else AMOUNT_WIDTH for k in table.kolumner}
    label = max(100 - sum(widths.values()), 20)
    cols = [widths[k.namn] for k in table.kolumner]
    return (*cols[:1], label, *cols[1:]) if nr else (label, *cols)


def _caption(table: Tabellberakning, budget: Budgetberakning, standard: bool) -> str:
    if table.rubrik is not None:
        return table.rubrik
    unit = "tkr" if table.enhet == "tkr" else "belopp i kronor"
    if table.namn == "sammanställning":
        if standard:
            return (f"Sammanställning av utfall och budget {budget.year}, {unit} "
                    f"(periodbudget och utfall per {datum(budget.periodens_slut)})")
        return f"Sammanställning av utfall och budget {budget.year}, {unit}"
    if standard:
        return f"Driftredovisning {budget.year} per verksamhet, {unit}"
    return f"Driftredovisning {budget.year}, {unit}"


def budget_table(table: Tabellberakning, budget: Budgetberakning, standard: bool,
                 text: Callable[[PathKey, str | None], str]) -> Table:
    """A budget table as printed; *text* gives a förklaring (a narrative field) with its
    figures filled in (`Builder.plain_text`)."""
    footnote = None
    if table.enhet == "tkr":
        footnote = rounding_note(table.avrundning)
    return Table(
        "sammanstallning" if table.namn == "sammanställning" else "driftredovisning",
        _caption(table, budget, standard),
        _header(table),
        tuple(_row(table, row, text) for row in table.rader),
        _widths(table),
        footnote=footnote,
        row_headers=not any(k.namn == "nr" for k in table.kolumner),
    )


def drift_summary_table(summary: Sammandrag, unit: str) -> Table:
    y, prev = summary.year, summary.year - 1
    rows = tuple(
        Row((Cell(label, CellKind.LABEL), _amount(utfall, total), _amount(budget, total),
             _amount(utfall - budget, total), _amount(last, total)),
            RowKind.SUM if total else RowKind.NORMAL)
        for (label, utfall, budget, last), total in zip(
            summary.rader, [False] * (len(summary.rader) - 1) + [True], strict=True)
    )
    shown = "tkr" if unit == "tkr" else "kr"
    return Table(
        "driftredovisning-sammandrag",
        f"Driftredovisning {y}, sammandrag i {shown}",
        (header(f"Belopp i {shown}", f"Utfall {y}", f"Budget {y}", "Avvikelse utfall − budget",
                f"Utfall {prev}"),),
        rows,
        (40, 15, 15, 15, 15),
        footnote=f"Utfallet {y} är sammanställningens summor; utfallet {prev} kommer från "
        "resultaträkningen, avrundad så att delarna summerar till årets resultat. Kostnaderna "
        "är negativa.",
    )


def _text_blocks(builder: Builder, table: Tabellberakning) -> tuple[Block, ...]:
    if table.text is None:
        return ()
    return builder.text(*table.text)


def driftredovisning_blocks(builder: Builder) -> tuple[Block, ...]:
    """The driftredovisning's content (a chapter after the kassaflödesanalys by default),
    or nothing when the YAML gives none."""
    budget = builder.budget
    if budget is None or "driftredovisning" not in budget.tabeller:
        return ()
    table = budget.tabeller["driftredovisning"]
    summary: tuple[Table, ...] = ()
    if budget.sammandrag is not None:
        summary = (drift_summary_table(budget.sammandrag, table.enhet),)
    standard = budget.sammandrag is not None
    return (*summary, budget_table(table, budget, standard, builder.plain_text),
            *_text_blocks(builder, table))


def sammanstallning_title(builder: Builder) -> str:
    budget = builder.budget
    year = budget.year if budget is not None else builder.indata.rapport.räkenskapsår
    return builder.fixed("rubrik_sammanställning", år=str(year))


def sammanstallning_blocks(builder: Builder) -> tuple[Block, ...]:
    """The sammanställning av utfall och budget's content (after the notes by default), or
    nothing when the YAML gives none."""
    budget = builder.budget
    if budget is None or "sammanställning" not in budget.tabeller:
        return ()
    table = budget.tabeller["sammanställning"]
    standard = builder.indata.budget is not None and (
        builder.indata.budget.sammanställning is None
        or builder.indata.budget.sammanställning.rader is None)
    return (budget_table(table, budget, standard, builder.plain_text),
            *_text_blocks(builder, table))
