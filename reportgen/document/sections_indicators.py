"""Bilagor: NNS indicator results per respondent group, a summary, the list of indicators.

Each group's bilaga: its text, the reading guide (before the first table), then per table
the survey figures and the result grid. The grid has one row per question (and, when the
results are split by kön, a heading row per question with a row each for totalt, kvinnor
and män) and, per year, separate figure columns: own share, rikssnitt, difference and
trend. A column nothing fills is left out (no rikssnitt column, legend or classification
for a group without rikssnitt). Higher / lower / neither and better / worse / unchanged are
said by a symbol in the cell, and a background tint (theme.TONE) repeats it: nothing depends
on colour.
Years are placed side by side, as many per table as fit (``MAX_FIGURE_COLUMNS``).

Every fixed sentence here is a key `indikatorer_…` of reportgen/wording.py, asked for
through the report's `Texter` (so `texter:` rewords it); functions take it as `t`, the
standard wording by default.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reportgen.charts import Fördelningsdiagram, alt_text
from reportgen.compute.indikatorer import (
    KÖN_RUBRIK,
    Enkätuppgift,
    Frågeresultat,
    Gruppresultat,
    Läge,
    Trend,
    Utfall,
    compute_indikatorer,
)
from reportgen.document.model import (
    Block,
    Cell,
    CellKind,
    Image,
    Paragraph,
    Row,
    RowKind,
    Run,
    Section,
    Table,
)
from reportgen.document.tables import header
from reportgen.document.theme import TONE
from reportgen.fmt import NBSP, förändring, kronor, procenttal, uppräkning
from reportgen.schema.indikatorer import Indikatorer, Skalval
from reportgen.typsnitt import STANDARD as STANDARD_FONT
from reportgen.wording import STANDARD, Texter

if TYPE_CHECKING:
    from reportgen.document.builder import Builder

# The symbols of the grid (the reading guide explains them).
LÄGE_SYMBOL = {Läge.HÖGRE: "▲", Läge.LÄGRE: "▼", Läge.VARKEN: "●"}
LÄGE_ORD = {Läge.HÖGRE: "högre", Läge.LÄGRE: "lägre", Läge.VARKEN: "varken"}
LÄGE_TON = {Läge.HÖGRE: TONE["positiv"], Läge.LÄGRE: TONE["negativ"],
            Läge.VARKEN: TONE["neutral"]}
TREND_TON = {Trend.UPP: TONE["positiv"], Trend.NED: TONE["negativ"], Trend.PLAN: TONE["neutral"]}
MARKERING = "*"

# A table holds at most this many figure columns beside its label column (A4 portrait);
# years that do not fit go on into the next table.
MAX_FIGURE_COLUMNS = 11
KOLUMNER = ("andel", "rikssnitt", "skillnad", "trend")
# Column headings are whole words, never hyphenated: a column is as wide as its longest
# word (the PDF's table layout, the DOCX's minimum_widths).
KOLUMNRUBRIK = {"andel": "Andel", "rikssnitt": "Rikssnitt", "skillnad": "Skillnad",
                "trend": "Trend"}
THIN = "\u202f"  # a narrow no-break space between a symbol and its figure


def _points(value: int) -> str:
    return förändring(value)


def _percent(value: int | None) -> Cell:
    return Cell(f"{value}{NBSP}%", CellKind.PERCENT) if value is not None else Cell("–")


# -- the result grid ------------------------------------------------------------------------


def columns_of_year(grupp: Gruppresultat, year: int) -> tuple[str, ...]:
    """The figure columns *year* needs: those some result of the year fills."""
    results = [u for f in grupp.frågor for (y, _), u in f.utfall.items() if y == year]
    filled = {
        "andel": any(u.andel is not None or u.undanhållen for u in results),
        "rikssnitt": any(u.rikssnitt is not None for u in results),
        "skillnad": any(u.läge is not None for u in results),
        "trend": any(u.trend is not None for u in results),
    }
    return tuple(c for c in KOLUMNER if filled[c])


def table_years(grupp: Gruppresultat) -> list[tuple[int, ...]]:
    """The years of each table, newest first: as many side by side as fit."""
    tables: list[list[int]] = []
    width = 0
    for year in grupp.år:
        need = len(columns_of_year(grupp, year))
        if not need:
            continue
        if tables and width + need <= MAX_FIGURE_COLUMNS:
            tables[-1].append(year)
            width += need
        else:
            tables.append([year])
            width = need
    return [tuple(t) for t in tables]


def result_cells(u: Utfall | None, columns: tuple[str, ...], t: Texter = STANDARD
                 ) -> tuple[Cell, ...]:
    """One result's cells under its year's *columns*."""
    if u is None:
        return tuple(Cell("–") for _ in columns)
    if u.undanhållen:
        antal = f" ({u.svar} svar)" if u.svar is not None else ""
        return (Cell(t("indikatorer_redovisas_inte", antal=antal),
                     colspan=len(columns)),)
    return tuple(_cell(u, c) for c in columns)


def _cell(u: Utfall, column: str) -> Cell:
    if column == "andel":
        return _percent(u.andel)
    if column == "rikssnitt":
        return _percent(u.rikssnitt)
    if column == "skillnad":
        if u.läge is None:
            return Cell("–")
        symbol = LÄGE_SYMBOL[u.läge]
        if u.skillnad is None:  # a stated classification, without figures
            return Cell(f"{symbol}{THIN}{LÄGE_ORD[u.läge]}", tint=LÄGE_TON[u.läge])
        return Cell(f"{symbol}{THIN}{_points(u.skillnad)}{MARKERING if u.markerad else ''}",
                    CellKind.PERCENT, tint=LÄGE_TON[u.läge])
    if u.trend is None:
        return Cell("–")
    if u.förändring is None:  # a stated arrow
        return Cell(u.trend.value, tint=TREND_TON[u.trend])
    return Cell(f"{u.trend.value}{THIN}{_points(u.förändring)}{MARKERING if u.trend_markerad else ''}",
                CellKind.PERCENT, tint=TREND_TON[u.trend])


def question_label(f: Frågeresultat) -> str:
    parts = [f"fråga {f.nummer}"] if f.nummer is not None else []
    if f.indikator is not None:
        parts.append(f"indikator {f.indikator}")
    return f"{f.text} ({', '.join(parts)})" if parts else f.text


def result_table(grupp: Gruppresultat, ident: str, caption: str, years: tuple[int, ...],
                 markera: str, t: Texter = STANDARD) -> Table:
    """A heading row per question (its text spans the table), under it a row of figures for
    totalt and, when the group is split by kön, for kvinnor and män."""
    layout = [(y, columns_of_year(grupp, y)) for y in years]
    count = sum(len(c) for _, c in layout)
    head = header("Fråga", *(f"{KOLUMNRUBRIK[c]}\n{y}" for y, cols in layout for c in cols))
    rows: list[Row] = []
    for f in grupp.frågor:
        rows.append(Row((Cell(question_label(f), CellKind.LABEL, colspan=count + 1),),
                        RowKind.SUBHEADING))
        rows.extend(
            Row((Cell(KÖN_RUBRIK[k], CellKind.LABEL),
                 *(cell for y, cols in layout
                   for cell in result_cells(f.utfall.get((y, k)), cols, t))))
            for k in grupp.kön)
    shown = [u for f in grupp.frågor for (y, _), u in f.utfall.items() if y in years]
    marks = (any(u.markerad for u in shown), any(u.trend_markerad for u in shown))
    footnote = {(True, True): "båda", (True, False): "skillnad", (False, True): "förändring"}
    share = min(14, 88 // max(count, 1))
    return Table(ident, caption, (head,), tuple(rows),
                 (100 - share * count, *([share] * count)),
                 footnote=t(f"indikatorer_markering_{footnote[marks]}", markering=MARKERING,
                            markera=markera) if any(marks) else None,
                 breakable=True)


def result_tables(grupp: Gruppresultat, slug: str, ind: Indikatorer, t: Texter = STANDARD
                  ) -> tuple[Block, ...]:
    """Per table the survey figures of its years, then the table.

    The paragraph between two tables also lets the PDF break the page between them.
    """
    blocks: list[Block] = []
    for years in table_years(grupp):
        span = "–".join(str(y) for y in sorted({years[-1], years[0]}))
        stats = survey_text((e for e in grupp.enkäter if e.year in years), t)
        blocks.append(_paragraph(stats or t("indikatorer_resultat", år=span)))
        blocks.append(result_table(grupp, f"{slug}-{span}", f"{grupp.rubrik}: resultat {span}",
                                   years, _number(ind.markera_skillnad), t))
    return tuple(blocks)


def survey_text(enkäter: Iterable[Enkätuppgift], t: Texter = STANDARD) -> str | None:
    parts = []
    for e in enkäter:
        pieces = []
        if e.svar is not None:
            own = f"{kronor(e.svar)} svar"
            rate = e.svarsfrekvens  # given whenever möjliga is
            if e.möjliga and rate is not None:
                own += f" av {kronor(e.möjliga)} möjliga (svarsfrekvens {procenttal(rate)})"
            pieces.append(own)
        if e.rikssnitt_enkäter:
            pieces.append(f"rikssnittet bygger på {kronor(e.rikssnitt_enkäter)} enkäter")
        if pieces:
            parts.append(f"{e.year}: " + "; ".join(pieces))
    return t("indikatorer_underlag") + " " + ". ".join(parts) + "." if parts else None


def _number(value: int | float) -> str:
    return kronor(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


# -- the reading guide ------------------------------------------------------------------------


def _steps(skala: Skalval, steps: Sequence[int]) -> str:
    def one(step: int) -> str:
        name = skala.steg[step - 1]
        return str(step) if name == str(step) else f"{step} ”{name}”"

    return uppräkning([one(s) for s in steps])


def _main_scale(grupp: Gruppresultat) -> Skalval:
    """The scale most of the group's questions use (the first one, on a tie)."""
    counts = Counter(f.skala for f in grupp.frågor)
    return max(counts, key=lambda s: (counts[s], -[f.skala for f in grupp.frågor].index(s)))


def _question_name(f: Frågeresultat) -> str:
    return f"fråga {f.nummer}" if f.nummer is not None else f"frågan ”{f.text}”"


def _negatives(skala: Skalval, t: Texter) -> str:
    neutral = (t("indikatorer_läsanvisning_neutrala", steg=_steps(skala, skala.neutrala))
               if skala.neutrala else "")
    return t("indikatorer_läsanvisning_negativa", negativa=_steps(skala, skala.negativa),
             neutrala=neutral)


def reading_guide(grupp: Gruppresultat, ind: Indikatorer, summary: bool,
                  t: Texter = STANDARD) -> str:
    """What the group's tables show and how to read them; only what the tables have."""
    main = _main_scale(grupp)
    parts = [t("indikatorer_läsanvisning_inledning"), t("indikatorer_läsanvisning_andel"),
             t("indikatorer_läsanvisning_skala", positiva=_steps(main, main.positiva),
               lägsta=main.steg[0], högsta=main.steg[-1])]
    if summary:
        parts.append(_negatives(main, t))
    others: dict[Skalval, list[Frågeresultat]] = {}
    for f in grupp.frågor:
        if f.skala != main:
            others.setdefault(f.skala, []).append(f)
    for skala, frågor in others.items():
        names = uppräkning([_question_name(f) for f in frågor])
        negativa = (t("indikatorer_läsanvisning_annan_skala_negativa",
                      negativa=_steps(skala, skala.negativa))
                    if summary and skala.negativa else "")
        parts.append(t("indikatorer_läsanvisning_annan_skala",
                       frågor=names[:1].upper() + names[1:],
                       positiva=_steps(skala, skala.positiva), negativa=negativa,
                       lägsta=skala.steg[0], högsta=skala.steg[-1]))
    marginal = _number(ind.marginal)
    if grupp.har_rikssnitt:
        parts.append(t("indikatorer_läsanvisning_rikssnitt", marginal=marginal,
                       **{LÄGE_ORD[k]: v for k, v in LÄGE_SYMBOL.items()}))
    if any(u.trend is not None for u in grupp.utfall()):
        parts.append(t("indikatorer_läsanvisning_trend", marginal=marginal,
                       upp=Trend.UPP.value, ned=Trend.NED.value, plan=Trend.PLAN.value))
    parts.append(t("indikatorer_läsanvisning_undanhållna", minsta=str(ind.minsta_antal_svar)))
    return " ".join(parts)


# -- charts -----------------------------------------------------------------------------------


def chart_specs(grupp: Gruppresultat, font: str = STANDARD_FONT
                ) -> tuple[Fördelningsdiagram, ...]:
    """One bar chart per question, year and kön with an answer distribution, set in *font*."""
    specs = []
    for f in grupp.frågor:
        for (year, kön), u in f.utfall.items():
            title = f"{f.text} ({KÖN_RUBRIK[kön].lower()}{NBSP}{year})"
            if u.fördelning is not None:
                specs.append(Fördelningsdiagram(title, f.skala.steg, u.fördelning,
                                                f.skala.positiva, font=font))
            elif u.procent is not None:
                specs.append(Fördelningsdiagram(title, f.skala.steg, u.procent,
                                                f.skala.positiva, percent=True, font=font))
    return tuple(specs)


def charts(grupp: Gruppresultat, ind: Indikatorer, font: str = STANDARD_FONT
           ) -> tuple[Block, ...]:
    """The answer distributions as bar charts (drawn in memory), when the settings ask."""
    if not ind.diagram:
        return ()
    # 132 mm wide: four charts of a one-line question fit on a page
    return tuple(Image(None, alt_text(c), 132, drawing=c)
                 for c in chart_specs(grupp, font))


# -- the summary and the list -------------------------------------------------------------------


def summary_table(groups: Sequence[Gruppresultat], t: Texter = STANDARD) -> Table | None:
    """Negativt / Varken / Positivt per indicator, under a heading row per group."""
    rows: list[Row] = []
    for grupp in groups:
        if not grupp.sammanfattning:
            continue
        rows.append(Row((Cell(f"{grupp.rubrik} {grupp.år[0]}", CellKind.LABEL, colspan=5),),
                        RowKind.SUBHEADING))
        rows.extend(
            Row((Cell(f"Indikator {s.indikator}", CellKind.LABEL),
                 Cell(str(s.frågor), CellKind.AMOUNT),
                 _percent(s.negativt), _percent(s.varken), _percent(s.positivt)))
            for s in grupp.sammanfattning)
    if not rows:
        return None
    return Table("indikatorer-sammanfattning", t("indikatorer_sammanfattning_rubrik"),
                 (header("Indikator", "Frågor", "Negativt", "Varken", "Positivt"),),
                 tuple(rows), (40, 12, 16, 16, 16))


def _paragraph(value: str, style: str = "normal") -> Paragraph:
    return Paragraph((Run(value),), style)


def listed(numbers: Iterable[int]) -> str:
    """The numbers as a reader says them: 1–16; 1, 2, 7 och 9–12 (a run of three or more
    becomes a range)."""
    values = sorted(set(numbers))
    runs: list[list[int]] = []
    for n in values:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]}–{run[-1]}")
        else:
            parts.extend(str(n) for n in run)
    return uppräkning(parts)


def list_heading(ind: Indikatorer) -> str:
    numbers = [d.nummer for d in ind.lista]
    if len(set(numbers)) == 1:
        return f"Indikator {numbers[0]}"
    return f"Indikatorerna {listed(numbers)}"


def indicator_list(ind: Indikatorer, t: Texter = STANDARD) -> Table:
    rows = tuple(Row((Cell(str(d.nummer), CellKind.LABEL), Cell(d.text, CellKind.TEXT)))
                 for d in sorted(ind.lista, key=lambda d: d.nummer))
    return Table("indikatorlista", t("indikatorer_lista_tabell"),
                 (header("Nr", "Indikator"),), rows, (8, 92))


def bilagor_sections(builder: Builder) -> tuple[Section, ...]:
    """One bilaga per respondent group, the summary, then the list of indicators (after the
    signatures)."""
    ind = builder.indata.indikatorer
    if ind is None:
        return ()
    groups = compute_indikatorer(ind)
    t = builder.wording
    summary = summary_table(groups, t) if ind.sammanfattning else None
    sections = []
    for index, grupp in enumerate(groups):
        slug = f"bilaga-{index + 1}"
        path = ("indikatorer", "grupper", index)
        source = ind.grupper[index]
        in_summary = summary is not None and bool(grupp.sammanfattning)
        blocks: list[Block] = [
            *builder.text((*path, "text"), source.text),
            _paragraph(reading_guide(grupp, ind, in_summary, t), "small"),
            *result_tables(grupp, slug, ind, t),
            *charts(grupp, ind, builder.theme.font.name),
            *builder.text((*path, "text_efter"), source.text_efter),
        ]
        sections.append(Section(slug, f"Bilaga {index + 1}.", grupp.rubrik, 1, tuple(blocks),
                                page_break_before=True))
    if summary is not None:
        sections.append(Section(
            "bilaga-sammanfattning", f"Bilaga {len(sections) + 1}.",
            t("indikatorer_sammanfattning_rubrik"), 1,
            (_paragraph(t("indikatorer_sammanfattning_text")), summary),
            page_break_before=True))
    if ind.lista:
        sections.append(Section(
            "bilaga-indikatorer", f"Bilaga {len(sections) + 1}.", list_heading(ind), 1,
            (*builder.text(("indikatorer", "text"), ind.text), indicator_list(ind, t)),
            page_break_before=True))
    return tuple(sections)
