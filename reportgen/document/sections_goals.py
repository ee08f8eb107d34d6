"""1.5 God ekonomisk hushållning: equity, cost split, balanskrav, the goals and the goal
matrix (the insatser are in sections_insatser.py); and the optional "Ordförande har ordet"
(before chapter 1 by default).

Goals are assessed in reportgen/compute/mal.py; here they become sections (a goal, its
badge, text, aktiviteter, insatser, mått and delmål), grouped by målområde, a summary
table and, as a content block, the goal matrix. Builds neutral blocks only; every figure
comes from the computation through reportgen.figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from reportgen.compute.mal import Målberakning
from reportgen.compute.verksamhet import insats_för
from reportgen.document.goal_common import (
    badge,
    label,
    label_cell,
    mått_table,
    pct,
    status_cell,
    text_cell,
    value_text,
)
from reportgen.document.model import (
    Block,
    Cell,
    CellKind,
    Heading,
    ListBlock,
    Paragraph,
    Row,
    RowKind,
    Run,
    Section,
    Table,
)
from reportgen.document.sections_insatser import insats_anchor, insatser_blocks
from reportgen.document.tables import amount, header
from reportgen.fmt import procentenheter, procenttal
from reportgen.schema.avsnitt import Målmatris
from reportgen.schema.ekonomi import Kostnadsslag
from reportgen.schema.mal import Målområde

if TYPE_CHECKING:
    from reportgen.document.builder import Builder
    from reportgen.load import PathKey

KOSTNADSSLAG_TEXT = {
    Kostnadsslag.administration: "Administration",
    Kostnadsslag.individinriktade: "Individinriktade insatser",
    Kostnadsslag.strukturövergripande: "Strukturövergripande insatser",
}


# -- equity, cost split, balanskrav ---------------------------------------------------------------


def kapital_table(b: Builder) -> Table | None:
    vb = b.verksamhet.berakning
    years = b.eko.years
    if any(vb.kapital[y].medlemsbidrag is None for y in years):
        return None
    rows = (
        Row((label_cell("Eget kapital vid årets slut"),
             *(amount(vb.kapital[y].eget_kapital) for y in years))),
        Row((label_cell("Medlemsbidrag under året"),
             *(amount(vb.kapital[y].medlemsbidrag) for y in years))),
        Row((label_cell("Eget kapital i procent av medlemsbidragen"),
             *(pct(vb.kapital[y].andel) for y in years)), RowKind.SUM),
        Row((label_cell("Rekommenderat tak"), *(pct(vb.kapital[y].tak) for y in years))),
    )
    return Table("eget-kapital-andel", "Eget kapital i förhållande till medlemsbidragen",
                 (header("Belopp i kr", *(str(y) for y in years)),), rows, (52, 24, 24))


def kostnad_table(b: Builder) -> Table | None:
    vb = b.verksamhet.berakning
    years = [y for y in b.eko.years if y in vb.kostnader]
    if not years:
        return None
    slag = [s for s in Kostnadsslag if any(s in vb.kostnader[y].belopp for y in years)]
    rows = []
    for s in slag:
        cells: list[Cell] = [label_cell(KOSTNADSSLAG_TEXT[s])]
        for y in years:
            k = vb.kostnader[y]
            cells += [amount(k.belopp.get(s, 0)), pct(k.andel(s))]
        rows.append(Row(tuple(cells)))
    total: list[Cell] = [label_cell("Summa")]
    footing = []
    for y in years:
        k = vb.kostnader[y]
        total += [amount(k.total, True), pct(Decimal(1))]
        rounded = sum(procentenheter(k.andel(s) or Decimal(0)) for s in slag)
        if rounded != 100:
            footing.append(f"{y}: {procenttal(rounded)}")
    rows.append(Row(tuple(total), RowKind.SUM))
    note = (
        "Andelarna är avrundade var för sig och summerar därför till "
        + ", ".join(footing) + "." if footing else None
    )
    head = ["Kostnadsslag"]
    for y in years:
        head += [f"{y}, kr", f"Andel {y}"]
    return Table("kostnadsfordelning", "Kostnadernas fördelning", (header(*head),),
                 tuple(rows), (36, *([16] * (2 * len(years)))), footnote=note)


def balanskrav_blocks(b: Builder) -> tuple[Block, ...]:
    """The balanskravsresultat: per year; in a delårsrapport, of the forecast for the year."""
    bk = b.verksamhet.berakning.balanskrav
    if bk is None or not bk.years:
        return ()
    years = bk.years
    delår = b.eko.perioder.delår
    rows = [Row((label_cell("Årets resultat enligt prognosen" if delår
                            else "Årets resultat enligt resultaträkningen"),
                 *(amount(bk.årets_resultat[y]) for y in years)))]
    rows += [Row((label_cell(r.text), *(amount(r.belopp[y]) for y in years))) for r in bk.justeringar]
    rows.append(Row((label_cell("Balanskravsresultat enligt prognosen" if delår
                                else "Årets balanskravsresultat"),
                     *(amount(bk.resultat[y], True) for y in years)), RowKind.SUM))
    heads = tuple(b.eko.perioder.rubrik("resultaträkning", y) for y in years)
    table = Table("balanskravsresultat", "Balanskravsresultat",
                  (header("Belopp i kr", *heads),), tuple(rows), (60, *([20] * len(years))))
    text = b.text(("balanskrav", "text"), b.indata.balanskrav.text,
                  heading_level=4) if b.indata.balanskrav is not None else ()
    return (Heading(3, "Balanskravsresultat"), *text, table)


# -- mål and mått -------------------------------------------------------------------------------


def _computed_note(b: Builder, g: Målberakning) -> str:
    if not g.beräknad:
        return ""
    parts = (bool(g.mått), bool(g.delmål))
    key = {(True, True): "båda", (True, False): "mått", (False, True): "delmål"}.get(parts)
    return b.fixed(f"status_beräknad_{key}") if key else ""


def goal_section(b: Builder, g: Målberakning, level: int, title: str | None = None) -> Section:
    """A goal: its badge, text, aktiviteter, insatser, mått, and its delmål one level below."""
    goal, path = g.mål, g.path
    blocks: list[Block | Section] = []
    if g.status is not None:
        blocks.append(badge(b, g.status, _computed_note(b, g)))
    blocks += b.text((*path, "text"), goal.text, heading_level=level)
    if goal.aktiviteter:
        items = tuple(b.text((*path, "aktiviteter", k), item, heading_level=level)
                      for k, item in enumerate(goal.aktiviteter))
        blocks += [label(b.fixed("mål_aktiviteter")), ListBlock(items)]
    if goal.insatser:
        runs: list[Run] = [Run(b.fixed("mål_insatser"), bold=True)]
        # An unknown insats is a check error (mål.insats); a draft shows it as written.
        for k, ref in enumerate(goal.insatser):
            found = insats_för(ref, b.indata.insatser)
            if k:
                runs.append(Run(", "))
            runs.append(Run(found.namn if found else ref,
                            href="#" + insats_anchor(found.id) if found else None))
        blocks.append(Paragraph(tuple(runs)))
    if g.mått:
        blocks.append(mått_table(b, f"{g.ankare}-matt", b.fixed("tabell_mått"),
                                 (*path, "mått"), g.mått))
    blocks += [goal_section(b, child, min(level + 1, 6)) for child in g.delmål]
    return Section(g.ankare, None, title or g.rubrik, level, tuple(blocks), in_toc=False)


def _with_delmål(goals: Sequence[Målberakning], deep: bool = True) -> list[Målberakning]:
    return [one for g in goals for one in (g.alla() if deep else (g,))]


def grouped(b: Builder, goals: Sequence[Målberakning]
            ) -> list[tuple[tuple[int, Målområde] | None, list[Målberakning]]]:
    """The goals without a målområde, then each målområde (in the order given) with its goals."""
    areas = b.indata.målområden
    out: list[tuple[tuple[int, Målområde] | None, list[Målberakning]]] = []
    loose = [g for g in goals if g.mål.målområde is None]
    if loose:
        out.append((None, loose))
    for index, area in enumerate(areas):
        out.append(((index, area), [g for g in goals if g.mål.målområde == area.namn]))
    return out


def area_title(b: Builder, index: int, area: Målområde) -> str:
    if area.rubrik is not None:
        return b.plain_text(("målområden", index, "rubrik"), area.rubrik).strip()
    return b.fixed("målområde_rubrik", namn=area.namn)


def goals_summary(b: Builder, goals: Sequence[Målberakning]) -> Table:
    rows: list[Row] = []
    for group, members in grouped(b, goals):
        if group is not None and members:
            rows.append(Row((Cell(area_title(b, *group), CellKind.LABEL, colspan=2),),
                            RowKind.SUBHEADING))
        rows += [Row((label_cell(g.rubrik), status_cell(b, g.status)))
                 for g in _with_delmål(members)]
    return Table("mal-oversikt", b.fixed("tabell_måluppfyllelse"),
                 (header(b.fixed("kolumn_matris_mål"), b.fixed("kolumn_bedömning")),),
                 tuple(rows), (78, 22))


def goal_blocks(b: Builder) -> tuple[Block | Section, ...]:
    u = b.verksamhet
    out: list[Block | Section] = []
    if u.ekonomiska_mål:
        financial = tuple(goal_section(b, g, 4, g.mål.rubrik) for g in u.ekonomiska_mål)
        out.append(Section("finansiella-mal", None, b.fixed("rubrik_finansiella_mål"), 3,
                           financial, in_toc=False))
    areas = [(i, a) for i, a in enumerate(b.indata.målområden)]
    if u.mål or b.indata.mål_inledning or any(a.text for _i, a in areas):
        inner: list[Block | Section] = list(
            b.text(("mål_inledning",), b.indata.mål_inledning, heading_level=4))
        if u.mål:
            inner.append(goals_summary(b, u.mål))
        for group, members in grouped(b, u.mål):
            if group is None:
                inner += [goal_section(b, g, 4) for g in members]
                continue
            index, area = group
            content = (*b.text(("målområden", index, "text"), area.text, heading_level=5),
                       *(goal_section(b, g, 5) for g in members))
            if content:
                inner.append(Section(b.unique_id(f"malomrade-{index + 1}"), None,
                                     area_title(b, index, area), 4, content, in_toc=False))
        out.append(Section("verksamhetens-mal", None, b.fixed("rubrik_verksamhetens_mål"), 3,
                           tuple(inner), in_toc=False))
    return tuple(out)


# -- the goal matrix --------------------------------------------------------------------------

MATRIX_WIDTHS = {"mål": 34, "aktivitet": 30, "förslag": 30, "utfall": 22, "status": 18}


def _activities(b: Builder, g: Målberakning) -> str:
    items = [" ".join(b.plain_text((*g.path, "aktiviteter", k), item).split())
             for k, item in enumerate(g.mål.aktiviteter)]
    return "\n".join(f"• {item}" for item in items) if len(items) > 1 else "".join(items)


def _outcome(b: Builder, g: Målberakning) -> str:
    """The goal's utfall as written, else its mått's outcomes ("Mått: 72 %" per line)."""
    if g.mål.utfall is not None:
        return b.plain_text((*g.path, "utfall"), g.mål.utfall).strip()
    lines = []
    for k, r in enumerate(g.mått):
        if r.mått.resultat is not None:
            value = b.plain_text((*g.path, "mått", k, "resultat"), r.mått.resultat).strip()
        else:
            value = ", ".join(
                (f"{v.grupp} " if v.grupp else "") + value_text(b, r, v) for v in r.mätningar)
        if value:
            lines.append(value if len(g.mått) == 1 else f"{r.mått.text}: {value}")
    return "\n".join(lines)


def matrix_cell(b: Builder, column: str, g: Målberakning) -> Cell:
    if column == "mål":
        return label_cell(g.rubrik)
    if column in ("aktivitet", "förslag"):
        return text_cell(_activities(b, g))
    if column == "utfall":
        return text_cell(_outcome(b, g))
    return status_cell(b, g.status, tinted=True)


def matrix_table(b: Builder, path: PathKey, block: Målmatris) -> Table:
    """Verksamhetens mål as a table: a row per goal (and delmål), under a heading row per
    målområde, with the columns the block chooses."""
    spec = block.målmatris
    columns = spec.kolumner
    heads = [b.plain_text((*path, "målmatris", "rubriker", c), spec.rubriker[c]).strip()
             if c in spec.rubriker else b.fixed(f"kolumn_matris_{c}") for c in columns]
    rows: list[Row] = []
    for group, members in grouped(b, b.verksamhet.mål):
        if group is not None and members:
            rows.append(Row((Cell(area_title(b, *group), CellKind.LABEL,
                                  colspan=len(columns)),), RowKind.SUBHEADING))
        rows += [Row(tuple(matrix_cell(b, c, g) for c in columns))
                 for g in _with_delmål(members, spec.delmål)]
    caption = (b.plain_text((*path, "målmatris", "rubrik"), spec.rubrik).strip()
               if spec.rubrik is not None else
               b.fixed("tabell_målmatris", år=str(b.indata.rapport.räkenskapsår)))
    total = sum(MATRIX_WIDTHS[c] for c in columns)
    widths = tuple(round(100 * MATRIX_WIDTHS[c] / total) for c in columns)
    return Table(b.unique_id("malmatris"), caption, (header(*heads),), tuple(rows), widths,
                 row_headers=columns[0] == "mål")


def matrix_block(b: Builder, path: PathKey, block: Målmatris) -> tuple[Block | Section, ...]:
    """The `målmatris` content block (reportgen/document/registry.py)."""
    return (matrix_table(b, path, block),) if b.verksamhet.mål else ()


# -- the whole of 1.5 and the foreword ------------------------------------------------------------


def hushållning_blocks(b: Builder) -> tuple[Block | Section, ...]:
    """Everything 1.5 shows after its narrative."""
    out: list[Block | Section] = [
        t for t in (kapital_table(b), kostnad_table(b)) if t is not None
    ]
    out += balanskrav_blocks(b)
    out += goal_blocks(b)
    out += insatser_blocks(b)
    out += måluppfyllelse_blocks(b)
    return tuple(out)


def måluppfyllelse_blocks(b: Builder) -> tuple[Block | Section, ...]:
    summary = b.text(("måluppfyllelse_sammanfattning",), b.indata.måluppfyllelse_sammanfattning,
                     heading_level=4)
    if not summary:
        return ()
    return (Section("maluppfyllelse-sammanfattning", None, "Sammanfattning", 3, summary,
                    in_toc=False),)


def ordförande_title(b: Builder) -> str:
    f = b.indata.ordförande_har_ordet
    return f.rubrik if f is not None else ""


def ordförande_blocks(b: Builder) -> tuple[Block, ...]:
    """The optional signed foreword (placed unnumbered before chapter 1 by default)."""
    f = b.indata.ordförande_har_ordet
    if f is None:
        return ()
    blocks = list(b.text(("ordförande_har_ordet", "text"), f.text, heading_level=3))
    runs: list[Run] = []
    if f.ort_och_datum:
        runs.append(Run(f.ort_och_datum, line_break=True))
    runs += [Run(f.namn, bold=True, line_break=True), Run(f.roll)]
    blocks.append(Paragraph(tuple(runs)))
    return tuple(blocks)
