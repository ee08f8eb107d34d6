"""Driftredovisning and sammanställning av utfall och budget as neutral tables (tkr).

The figures come from reportgen/compute/budget.py; this module only lays them out.
Costs are negative, as in the resultaträkning; avvikelse = utfall − budget, so a positive
avvikelse is better than budget for revenue and costs alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reportgen.compute.budget import (
    FINANSIELLA_SLAG,
    INTÄKTSSLAG,
    KOSTNADSSLAG,
    Budgetberakning,
    Budgetgrupp,
    Budgetpost,
    Driftsammandrag,
    Kolumner,
    Summa,
    driftsammandrag,
)
from reportgen.document.model import Block, Cell, CellKind, Row, RowKind, Table
from reportgen.document.tables import header
from reportgen.fmt import datum, kronor

if TYPE_CHECKING:
    from reportgen.document.builder import Builder
    from reportgen.load import PathKey

AVRUNDNING = (
    "Beloppen är avrundade till tkr rad för rad, och varje summa är summan av de "
    "avrundade raderna ovanför, så att tabellen summerar."
)
KOLUMNNAMN = {"årsbudget": "årsbudget", "periodbudget": "periodbudget", "utfall": "utfall"}


def _tkr(value: int | None, total: bool = False) -> Cell:
    if value is None:
        return Cell("", CellKind.TEXT)
    return Cell(kronor(value), CellKind.SUM if total else CellKind.AMOUNT)


def _columns(budget: Budgetberakning) -> tuple[str, ...]:
    fields = ("årsbudget", "periodbudget", "utfall")
    return fields if budget.visa_periodbudget else ("årsbudget", "utfall")


def _figures(budget: Budgetberakning, values: Kolumner, total: bool,
             avvikelse: bool = True) -> tuple[Cell, ...]:
    cells = tuple(_tkr(getattr(values, name), total) for name in _columns(budget))
    return (*cells, _tkr(values.avvikelse if avvikelse else None, total))


def _blank(budget: Budgetberakning) -> tuple[Cell, ...]:
    return tuple(Cell("", CellKind.TEXT) for _ in range(len(_columns(budget)) + 1))


def _line(budget: Budgetberakning, post: Budgetpost) -> Row:
    return Row((Cell(post.nr or "", CellKind.TEXT), Cell(post.namn, CellKind.LABEL),
                *_figures(budget, post.tkr, False)))


def _sum_row(budget: Budgetberakning, summa: Summa, avvikelse: bool = True) -> Row:
    return Row((Cell("", CellKind.TEXT), Cell(summa.label, CellKind.LABEL),
                *_figures(budget, summa.tkr, True, avvikelse)), RowKind.SUM)


def _subheading(budget: Budgetberakning, text: str) -> Row:
    """A group heading across the proj.nr and name columns (first cell, as renderers expect)."""
    return Row((Cell(text, CellKind.LABEL, colspan=2), *_blank(budget)), RowKind.SUBHEADING)


def _group_rows(budget: Budgetberakning, grupp: Budgetgrupp, with_sum: bool) -> list[Row]:
    rows = [_subheading(budget, grupp.rubrik), *(_line(budget, p) for p in grupp.poster)]
    if with_sum:
        rows.append(_sum_row(budget, grupp.summa))
    return rows


def rounding_note(summor: tuple[Summa, ...], columns: tuple[str, ...]) -> str:
    """The rounding method, and every shown total that differs from its exact total in tkr."""
    differences = []
    for summa in summor:
        for name in columns:
            diff = getattr(summa.avrundningsdifferens, name)
            if diff:
                exact = getattr(summa.kr, name)
                shown = getattr(summa.tkr, name)
                differences.append(
                    f"{summa.label} ({KOLUMNNAMN[name]}) är exakt {kronor(exact)} kr, "
                    f"vilket avrundat blir {kronor(shown - diff)} tkr; i tabellen "
                    f"{kronor(shown)} tkr"
                )
    if not differences:
        return AVRUNDNING
    return f"{AVRUNDNING} Avrundningsdifferenser: " + "; ".join(differences) + "."


def sammanstallning_table(budget: Budgetberakning) -> Table:
    slut = datum(budget.periodens_slut)
    labels = {
        "årsbudget": f"Årsbudget {budget.year}",
        "periodbudget": "Periodbudget",
        "utfall": "Utfall",
    }
    head = header("Proj.nr", "Belopp i tkr", *(labels[c] for c in _columns(budget)),
                  "Avvikelse")
    rows: list[Row] = []
    intäkter = [g for g in budget.grupper if g.slag in INTÄKTSSLAG]
    kostnader = [g for g in budget.grupper if g.slag in KOSTNADSSLAG]
    finansiella = [g for g in budget.grupper if g.slag in FINANSIELLA_SLAG]
    for grupp in intäkter:
        rows.extend(_group_rows(budget, grupp, with_sum=False))
    rows.append(_sum_row(budget, budget.summa_intäkter))
    if kostnader:
        rows.append(_subheading(budget, "Kostnader"))
    for grupp in kostnader:
        rows.extend(_group_rows(budget, grupp, with_sum=True))
    rows.append(_sum_row(budget, budget.totala_kostnader))
    for grupp in finansiella:
        rows.extend(_group_rows(budget, grupp, with_sum=False))
        rows.append(_sum_row(budget, budget.finansiella))
    rows.append(_sum_row(budget, budget.periodens_resultat))
    ingång = budget.eget_kapital_ingång
    rows.append(Row((Cell("", CellKind.TEXT), Cell(ingång.label, CellKind.LABEL),
                     *_figures(budget, ingång.tkr, False, avvikelse=False))))
    rows.append(_sum_row(budget, budget.eget_kapital_utgång, avvikelse=False))
    n = len(_columns(budget))
    widths = (10, 42 + (3 - n) * 12, *([12] * n), 12)
    return Table(
        "sammanstallning",
        f"Sammanställning av utfall och budget {budget.year}, tkr "
        f"(periodbudget och utfall per {slut})",
        (head,),
        tuple(rows),
        widths,
        footnote=rounding_note(budget.summor(), _columns(budget)),
        row_headers=False,
    )


def drift_summary_table(summary: Driftsammandrag) -> Table:
    y, prev = summary.year, summary.föregående_år
    spec = (
        ("Intäkter", summary.intäkt, summary.budget_intäkt, summary.föregående_intäkt, False),
        ("Kostnader inklusive finansiella poster", summary.kostnad, summary.budget_kostnad,
         summary.föregående_kostnad, False),
        ("Resultat (netto)", summary.netto, summary.budget_netto, summary.föregående_netto, True),
    )
    rows = tuple(
        Row((Cell(label, CellKind.LABEL), _tkr(utfall, total), _tkr(budget, total),
             _tkr(utfall - budget, total), _tkr(föregående, total)),
            RowKind.SUM if total else RowKind.NORMAL)
        for label, utfall, budget, föregående, total in spec
    )
    return Table(
        "driftredovisning-sammandrag",
        f"Driftredovisning {y}, sammandrag i tkr",
        (header("Belopp i tkr", f"Utfall {y}", f"Budget {y}", "Avvikelse utfall − budget",
                f"Utfall {prev}"),),
        rows,
        (40, 15, 15, 15, 15),
        footnote=f"Utfallet {y} är sammanställningens summor; utfallet {prev} kommer från "
        "resultaträkningen. Kostnaderna är negativa och räknas netto efter finansiella poster.",
    )


def drift_table(budget: Budgetberakning, text: Callable[[PathKey, str | None], str]) -> Table:
    """The driftredovisning per verksamhet; *text* gives a förklaring (a narrative field)
    with its figures filled in (`Builder.plain_text`)."""
    rows: list[Row] = []
    for grupp in (g for g in budget.grupper if g.slag in KOSTNADSSLAG):
        s = grupp.summa.tkr
        förklaring = text(("budget", "gruppförklaringar", grupp.slag.value), grupp.förklaring)
        rows.append(Row((Cell(grupp.rubrik, CellKind.LABEL), _tkr(s.periodbudget, True),
                         _tkr(s.utfall, True), _tkr(s.avvikelse, True),
                         Cell(förklaring, CellKind.TEXT)), RowKind.SUM))
        for post in (p for p in grupp.poster if p.i_driftredovisning):
            förklaring = text(("budget", "rader", post.index, "förklaring"), post.förklaring)
            rows.append(Row((Cell(f"varav {post.namn}", CellKind.LABEL),
                             _tkr(post.tkr.periodbudget), _tkr(post.tkr.utfall),
                             _tkr(post.tkr.avvikelse), Cell(förklaring, CellKind.TEXT))))
    return Table(
        "driftredovisning",
        f"Driftredovisning {budget.year} per verksamhet, tkr",
        (header("Verksamhet", "Budget", "Utfall", "Avvikelse", "Kortfattad förklaring"),),
        tuple(rows),
        (30, 12, 12, 12, 34),
        footnote=AVRUNDNING,
    )


def driftredovisning_blocks(builder: Builder) -> tuple[Block, ...]:
    """The driftredovisning's content (a chapter after the kassaflödesanalys by default),
    or nothing without budget."""
    budget = builder.budget
    if budget is None or builder.indata.budget is None:
        return ()
    text = builder.text(("budget", "driftredovisning_text"),
                        builder.indata.budget.driftredovisning_text)
    return (drift_summary_table(driftsammandrag(budget, builder.eko)),
            drift_table(budget, builder.plain_text), *text)


def sammanstallning_title(builder: Builder) -> str:
    budget = builder.budget
    year = budget.year if budget is not None else builder.indata.rapport.räkenskapsår
    return builder.fixed("rubrik_sammanställning", år=str(year))


def sammanstallning_blocks(builder: Builder) -> tuple[Block, ...]:
    """The sammanställning av utfall och budget's content (after the notes by default)."""
    budget = builder.budget
    if budget is None or builder.indata.budget is None:
        return ()
    text = builder.text(("budget", "sammanställning_text"),
                        builder.indata.budget.sammanställning_text)
    return (sammanstallning_table(budget), *text)
