"""What the goals (sections_goals.py) and the insatser (sections_insatser.py) share: cells,
lead-ins, the status badge and the table of mått.

A status is shown in words first, its symbol (when the scale gives one) before them, and its
colour only repeats them: the standard statuses by their own style (a CSS class and a Word
style), a status of the förbund's scale by its tint.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from reportgen.compute.mal import Mätning, Måttberakning, Status
from reportgen.document.model import Cell, CellKind, Paragraph, Row, Run, Table, Tint
from reportgen.document.tables import amount, header
from reportgen.fmt import kronor, procent, tal, tkr

if TYPE_CHECKING:
    from reportgen.document.builder import Builder
    from reportgen.load import PathKey

DASH = "–"

# The standard statuses' paragraph styles (CSS classes and Word styles).
STATUS_STYLE = {
    "uppfyllt": "status-uppfyllt",
    "delvis uppfyllt": "status-delvis",
    "ej uppfyllt": "status-ej",
}


def text_cell(label: str) -> Cell:
    return Cell(label, CellKind.TEXT)


def label_cell(label: str) -> Cell:
    return Cell(label, CellKind.LABEL)


def pct(ratio: Decimal | None) -> Cell:
    return Cell(procent(ratio), CellKind.PERCENT) if ratio is not None else text_cell(DASH)


def count(value: int | None) -> Cell:
    return Cell(kronor(value), CellKind.AMOUNT) if value is not None else text_cell(DASH)


def tkr_cell(value: int | None, total: bool = False) -> Cell:
    if value is None:
        return text_cell(DASH)
    return amount(tkr(value), total)


def label(text: str) -> Paragraph:
    """A sub-heading ("Insatsens mål"), bold by its style and kept with what follows; not a
    heading, so the outline and table of contents stay at the report's four heading levels."""
    return Paragraph((Run(text),), "label")


def labelled(name: str, value: str) -> Paragraph:
    return Paragraph((Run(f"{name}: ", bold=True), Run(value)))


# -- statuses --------------------------------------------------------------------------------


def status_text(status: Status) -> str:
    """A status as a cell says it: its symbol, then its words ("◆ Till övervägande del uppfyllt")."""
    return f"{status.symbol} {status.text}" if status.symbol else status.text


def tint(status: Status) -> Tint:
    return Tint(status.bakgrund, status.färg)


def badge(b: Builder, status: Status, note: str = "") -> Paragraph:
    """The status badge: words first (never colour alone), styled by status."""
    words = status.text[:1].lower() + status.text[1:]
    runs = [Run(b.fixed("status_bedömning"), bold=True),
            Run((f"{status.symbol} " if status.symbol else "") + words + note)]
    if status.standard:
        return Paragraph(tuple(runs), STATUS_STYLE[status.namn])
    return Paragraph(tuple(runs), "status", tint(status))


def status_cell(b: Builder, status: Status | None, tinted: bool = False) -> Cell:
    if status is None:
        return text_cell(b.fixed("mått_ej_bedömt"))
    return Cell(status_text(status), CellKind.TEXT, tint=tint(status) if tinted else None)


# -- mått ------------------------------------------------------------------------------------


def target_text(b: Builder, r: Måttberakning) -> str:
    m = r.mått
    if m.minst is not None:
        return b.fixed("mått_minst", värde=tal(m.minst, m.enhet))
    if m.högst is not None:
        return b.fixed("mått_högst", värde=tal(m.högst, m.enhet))
    if isinstance(m.målvärde, bool):
        return b.fixed("mått_ja" if m.målvärde else "mått_nej")
    return m.målvärde or DASH


def value_text(b: Builder, r: Måttberakning, value: Mätning) -> str:
    """A measured value as printed: the figure's text, Ja / Nej, the number with its unit."""
    return _value_cell(b, r, value, False).text


def _value_cell(b: Builder, r: Måttberakning, value: Mätning, numeric: bool) -> Cell:
    kind = (CellKind.PERCENT if r.mått.enhet == "%" else CellKind.AMOUNT) if numeric else (
        CellKind.TEXT)
    if value.text is not None:
        return Cell(value.text, kind)
    if isinstance(value.värde, bool):
        return text_cell(b.fixed("mått_ja" if value.värde else "mått_nej"))
    if value.värde is not None:
        return Cell(tal(value.värde, r.mått.enhet), kind)
    return text_cell(b.fixed("mått_ej_mätt"))


def mått_rows(b: Builder, path: PathKey, rows: Sequence[Måttberakning]) -> tuple[Row, ...]:
    """A row per mått (a row more per group it is measured for, and its comment's row).

    The Utfall column is numeric (right-aligned) only when every mått in it is a number.
    """
    numeric = all(r.mått.målvärde is None for r in rows)
    body: list[Row] = []
    for k, r in enumerate(rows):
        m = r.mått
        assessment = status_cell(b, r.status)
        in_words = isinstance(m.målvärde, str)  # always assessed by hand: nothing to point out
        if r.angiven and not in_words:
            assessment = text_cell(assessment.text + b.fixed("mått_styrelsens_bedömning"))
        target = text_cell(target_text(b, r))
        if r.flera_grupper:
            body.append(Row((label_cell(m.text), target, text_cell(""), assessment)))
            body += [Row((label_cell(v.grupp or ""), text_cell(""),
                          _value_cell(b, r, v, numeric), text_cell("")))
                     for v in r.mätningar]
        else:
            if m.resultat is not None:
                result = text_cell(b.plain_text((*path, k, "resultat"), m.resultat))
            elif r.mätningar:
                result = _value_cell(b, r, r.mätningar[0], numeric)
            else:
                result = text_cell(b.fixed("mått_ej_mätt"))
            body.append(Row((label_cell(m.text), target, result, assessment)))
        if m.kommentar is not None:
            comment = " ".join(b.plain_text((*path, k, "kommentar"), m.kommentar).split())
            body.append(Row((label_cell(b.fixed("mått_kommentar")),
                             Cell(comment, CellKind.TEXT, colspan=3))))
    return tuple(body)


def mått_table(b: Builder, table_id: str, caption: str, path: PathKey,
               rows: Sequence[Måttberakning], first: str | None = None) -> Table:
    head = header(first or b.fixed("kolumn_mått"), b.fixed("kolumn_målvärde"),
                  b.fixed("kolumn_utfall"), b.fixed("kolumn_bedömning"))
    return Table(table_id, caption, (head,), mått_rows(b, path, rows), (40, 20, 18, 22))
