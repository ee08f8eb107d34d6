"""Bilagor: NNS indicator results per respondent group, and the list of indicators.

Each cell says in words what the seed reports show with colours and arrows: the own
share and the rikssnitt, higher / lower / neither with the difference in points, the
arrow against last year with a word, and a text marking for large differences, so
nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reportgen.charts import Fördelningsdiagram, alt_text, fördelningsdiagram
from reportgen.compute.indikatorer import (
    KÖN_RUBRIK,
    Enkätuppgift,
    Frågeresultat,
    Gruppresultat,
    Utfall,
    compute_indikatorer,
)
from reportgen.document.model import Block, Cell, CellKind, Image, Paragraph, Row, Run, Section, Table
from reportgen.document.tables import header
from reportgen.fmt import NBSP, kronor
from reportgen.schema.indikatorer import Indikatorer

if TYPE_CHECKING:
    from reportgen.document.builder import Builder

STOR_SKILLNAD = "stor skillnad"
STOR_FÖRÄNDRING = "stor förändring"
MAX_YEAR_COLUMNS = 3


def _points(value: int) -> str:
    return f"{value:+d}{NBSP}p".replace("-", "−")


def cell_text(u: Utfall, minsta: int) -> str:
    """The words of one result cell: own share / rikssnitt, classification, trend."""
    if u.undanhållen:
        answers = f" ({u.svar} svar)" if u.svar is not None else ""
        return f"Redovisas inte: färre än {minsta} svar{answers}"
    lines = []
    if u.andel is not None:
        riket = f" / {u.rikssnitt}{NBSP}%" if u.rikssnitt is not None else ""
        lines.append(f"{u.andel}{NBSP}%{riket}")
    if u.läge is not None:
        diff = f" {_points(u.skillnad)}" if u.skillnad is not None else ""
        mark = f", {STOR_SKILLNAD}" if u.markerad else ""
        lines.append(f"{u.läge.value}{diff}{mark}")
    if u.trend is not None:
        change = f" {_points(u.förändring)}" if u.förändring is not None else ""
        mark = f", {STOR_FÖRÄNDRING}" if u.trend_markerad else ""
        lines.append(f"{u.trend.value} {u.trend.ord}{change}{mark}")
    return "\n".join(lines) or "–"


def _question_label(f: Frågeresultat) -> str:
    nummer = f"fråga {f.nummer}, " if f.nummer is not None else ""
    return f"{f.text} ({nummer}indikator {f.indikator})"


def _table(grupp: Gruppresultat, ident: str, caption: str,
           columns: tuple[tuple[int, str], ...], minsta: int) -> Table:
    def label(year: int, kön: str) -> str:
        who = KÖN_RUBRIK[kön] if len(grupp.kön) > 1 else "Resultat"
        return f"{who} {year}\n(eget / rikssnitt)"

    rows = tuple(
        Row((Cell(_question_label(f), CellKind.LABEL),
             *(Cell(cell_text(f.utfall[c], minsta), CellKind.TEXT) if c in f.utfall
               else Cell("–", CellKind.TEXT) for c in columns)))
        for f in grupp.frågor
    )
    share = 60 // len(columns)
    return Table(ident, caption, (header("Fråga", *(label(*c) for c in columns)),), rows,
                 (100 - share * len(columns), *([share] * len(columns))))


def _column_sets(grupp: Gruppresultat) -> list[tuple[int, ...]]:
    """Years per table: one year per table when split by kön, else up to three years."""
    per_table = 1 if len(grupp.kön) > 1 else MAX_YEAR_COLUMNS
    return [grupp.år[i:i + per_table] for i in range(0, len(grupp.år), per_table)]


def result_tables(grupp: Gruppresultat, slug: str, minsta: int) -> tuple[Block, ...]:
    """Per table the survey figures of its years, then the table.

    The paragraph between two tables also lets the PDF break the page between them.
    """
    blocks: list[Block] = []
    for years in _column_sets(grupp):
        columns = tuple((y, k) for y in years for k in grupp.kön)
        span = "–".join(str(y) for y in sorted({years[-1], years[0]}))
        stats = survey_text(e for e in grupp.enkäter if e.year in years)
        blocks.append(_paragraph(stats or f"Resultat {span}."))
        blocks.append(_table(grupp, f"{slug}-{span}", f"{grupp.rubrik}: resultat {span}",
                             columns, minsta))
    return tuple(blocks)


def survey_text(enkäter: Iterable[Enkätuppgift]) -> str | None:
    parts = []
    for e in enkäter:
        pieces = []
        if e.svar is not None:
            own = f"{kronor(e.svar)} svar"
            if e.möjliga:
                own += f" av {kronor(e.möjliga)} möjliga (svarsfrekvens {e.svarsfrekvens} %)"
            pieces.append(own)
        if e.rikssnitt_enkäter:
            pieces.append(f"rikssnittet bygger på {kronor(e.rikssnitt_enkäter)} enkäter")
        if pieces:
            parts.append(f"{e.year}: " + "; ".join(pieces))
    return "Underlag. " + ". ".join(parts) + "." if parts else None


def _number(value: int | float) -> str:
    return kronor(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def reading_guide(ind: Indikatorer) -> str:
    steps = sorted(ind.positiva_svar)
    names = " och ".join(
        str(s) if ind.skala[s - 1].isdigit() else f"{s} ”{ind.skala[s - 1]}”" for s in steps
    )
    marginal, markera = _number(ind.marginal), _number(ind.markera_skillnad)
    return (
        f"Så läser du tabellerna: först förbundets egen andel positiva svar, sedan "
        f"rikssnittet för samma respondentgrupp. Positiva svar är skalsteg {names} på skalan "
        f"från ”{ind.skala[0]}” till ”{ind.skala[-1]}”. Högre eller lägre: mer än {marginal} "
        f"procentenheter (p) från rikssnittet, annars varken högre eller lägre. Pilen jämför "
        f"med samma fråga året före: ↑ bättre, ↓ sämre, → oförändrat (inom ±{marginal} p). "
        f"”{STOR_SKILLNAD.capitalize()}” och ”{STOR_FÖRÄNDRING}”: minst {markera} p. "
        f"Resultat med färre än {ind.minsta_antal_svar} svar redovisas inte."
    )


def charts(grupp: Gruppresultat, ind: Indikatorer) -> tuple[Block, ...]:
    """The answer distributions as bar charts (drawn in memory), when the settings ask."""
    if not ind.diagram:
        return ()
    blocks: list[Block] = []
    for f in grupp.frågor:
        for (year, kön), u in f.utfall.items():
            if u.fördelning is None or len(u.fördelning) != len(ind.skala):
                continue
            chart = Fördelningsdiagram(
                f"{f.text} ({KÖN_RUBRIK[kön].lower()} {year})",
                tuple(ind.skala), u.fördelning, tuple(sorted(ind.positiva_svar)))
            blocks.append(Image(None, alt_text(chart), 150, data=fördelningsdiagram(chart)))
    return tuple(blocks)


def _paragraph(text: str, style: str = "normal") -> Paragraph:
    return Paragraph((Run(text),), style)


def indicator_list(ind: Indikatorer) -> Table:
    rows = tuple(Row((Cell(str(d.nummer), CellKind.LABEL), Cell(d.text, CellKind.TEXT)))
                 for d in sorted(ind.lista, key=lambda d: d.nummer))
    return Table("indikatorlista", "Indikatorer för finansiell samordning",
                 (header("Nr", "Indikator"),), rows, (8, 92))


def bilagor_sections(builder: Builder) -> tuple[Section, ...]:
    """One bilaga per respondent group, then the list of indicators (after the signatures)."""
    ind = builder.indata.indikatorer
    if ind is None:
        return ()
    sections = []
    for index, grupp in enumerate(compute_indikatorer(ind)):
        slug = f"bilaga-{index + 1}"
        path = ("indikatorer", "grupper", index)
        source = ind.grupper[index]
        blocks: list[Block] = [
            *builder.text((*path, "text"), source.text),
            *result_tables(grupp, slug, ind.minsta_antal_svar),
            _paragraph(reading_guide(ind), "small"),
            *charts(grupp, ind),
            *builder.text((*path, "text_efter"), source.text_efter),
        ]
        sections.append(Section(slug, f"Bilaga {index + 1}.", grupp.rubrik, 1, tuple(blocks),
                                page_break_before=True))
    if ind.lista:
        number = len(sections) + 1
        sections.append(Section(
            "bilaga-indikatorer", f"Bilaga {number}.",
            f"Indikatorerna 1–{max(d.nummer for d in ind.lista)}", 1,
            (*builder.text(("indikatorer", "text"), ind.text), indicator_list(ind)),
            page_break_before=True))
    return tuple(sections)
