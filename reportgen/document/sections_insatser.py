"""The insatser of 1.5: an overview table, then a section per insats (grouped by typ).

An insats's section: its facts (project number, typ, period, huvudman, styrgrupp), the goals
it serves, its own texts, financing, participants and their outcomes (counts, or shares of
those who ended), events, resultatmål with their assessment, and the förbund's own rows
(`uppgifter`). Only what the YAML gives is shown; the fixed sentences are keys of
reportgen/wording.py.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from reportgen.compute.mal import Målberakning, samlad_status
from reportgen.compute.verksamhet import Antal, Deltagarberakning, insats_för, medverkande
from reportgen.document.goal_common import (
    DASH,
    badge,
    count,
    label,
    label_cell,
    labelled,
    mått_table,
    pct,
    text_cell,
    tkr_cell,
)
from reportgen.document.model import Block, Cell, CellKind, Paragraph, Row, RowKind, Run, Section, Table
from reportgen.document.tables import amount, header
from reportgen.fmt import datum, kronor, procent, tal, tkr
from reportgen.schema.verksamhet import Insats, Insatstyp

if TYPE_CHECKING:
    from reportgen.document.builder import Builder

INSATSTYP_TEXT = {
    Insatstyp.individinriktad: "Individinriktad insats",
    Insatstyp.strukturövergripande: "Strukturövergripande insats",
}
GROUPS: tuple[tuple[Insatstyp | None, str], ...] = (
    (Insatstyp.individinriktad, "rubrik_individinriktade_insatser"),
    (Insatstyp.strukturövergripande, "rubrik_strukturövergripande_insatser"),
    (None, "rubrik_övriga_insatser"),
)


def insats_anchor(insats_id: str) -> str:
    return f"insats-{insats_id}"


def serving(b: Builder) -> dict[str, list[Målberakning]]:
    """Insats id → the goals (and delmål) that name it."""
    out: dict[str, list[Målberakning]] = {}
    for top in b.verksamhet.mål:
        for g in top.alla():
            for ref in g.mål.insatser:
                found = insats_för(ref, b.indata.insatser)
                if found is not None and g not in out.get(found.id, []):
                    out.setdefault(found.id, []).append(g)
    return out


def heading(b: Builder, insats: Insats) -> str:
    if insats.projektnummer is None:
        return insats.namn
    return b.fixed("insats_rubrik_projekt", namn=insats.namn, nummer=str(insats.projektnummer))


def period_text(b: Builder, insats: Insats) -> str | None:
    """As written (`period`), else from the dates: both, only the start, or only the end."""
    if insats.period:
        return insats.period
    if insats.från and insats.till:
        return b.fixed("insats_period", från=datum(insats.från), till=datum(insats.till))
    if insats.från:
        return b.fixed("insats_period_från", datum=datum(insats.från))
    if insats.till:
        return b.fixed("insats_period_till", datum=datum(insats.till))
    return None


def facts_table(b: Builder, insats: Insats) -> Table | None:
    spec: list[tuple[str, str | None]] = [
        ("Projektnummer", str(insats.projektnummer) if insats.projektnummer is not None else None),
        ("Typ", INSATSTYP_TEXT[insats.typ] if insats.typ is not None else None),
        ("Period", period_text(b, insats)),
        ("Huvudman", insats.huvudman),
        ("Styrgrupp", insats.styrgrupp),
    ]
    rows = tuple(Row((label_cell(k), text_cell(v))) for k, v in spec if v)
    if not rows:
        return None
    return Table(f"{insats_anchor(insats.id)}-fakta", f"Om insatsen {insats.namn}",
                 (header(b.fixed("kolumn_uppgift"), b.fixed("kolumn_insatsen")),), rows, (28, 72),
                 caption_hidden=True)


def uppgifter_table(b: Builder, index: int, insats: Insats) -> Table | None:
    """The förbund's own rows about the insats (personal, kostnadseffektivitet …)."""
    if not insats.uppgifter:
        return None
    rows = tuple(
        Row((label_cell(key), text_cell(" ".join(
            b.plain_text(("insatser", index, "uppgifter", key), value).split()))))
        for key, value in insats.uppgifter.items())
    return Table(f"{insats_anchor(insats.id)}-uppgifter",
                 b.fixed("tabell_insats_uppgifter", namn=insats.namn),
                 (header(b.fixed("kolumn_uppgift"), b.fixed("kolumn_insatsen")),), rows, (28, 72),
                 caption_hidden=True)


def resultatmål_blocks(b: Builder, index: int, insats: Insats) -> list[Block]:
    """The insats's resultatmål as a table of mått; their combined assessment as a badge
    when the insats states no måluppfyllelse of its own."""
    rows = b.verksamhet.resultatmål.get(insats.id)
    if not rows:
        return []
    out: list[Block] = []
    status = samlad_status((r.status for r in rows), b.verksamhet.skala)
    if status is not None and not insats.måluppfyllelse:
        out.append(badge(b, status, b.fixed("status_beräknad_resultatmål")))
    out.append(mått_table(b, f"{insats_anchor(insats.id)}-resultatmal",
                          b.fixed("tabell_resultatmål", namn=insats.namn),
                          ("insatser", index, "resultatmål"), rows,
                          first=b.fixed("kolumn_resultatmål")))
    return out


def finance_table(b: Builder, insats: Insats) -> Table | None:
    f = b.verksamhet.berakning.finansiering.get(insats.id)
    if f is None:
        return None
    year = b.indata.rapport.räkenskapsår
    row = Row((label_cell(str(year)), tkr_cell(f.beviljat), tkr_cell(f.förbrukat),
               tkr_cell(f.skillnad)))
    note = None
    if f.skillnad is not None and f.beviljat is not None and f.förbrukat is not None and (
        tkr(f.beviljat) - tkr(f.förbrukat) != tkr(f.skillnad)
    ):
        note = ("Skillnaden är beräknad i kronor och sedan avrundad; därför skiljer den sig "
                "med 1 tkr från skillnaden mellan de avrundade beloppen.")
    return Table(f"{insats_anchor(insats.id)}-finansiering", f"Finansiering av {insats.namn}",
                 (header("Belopp i tkr", "Beviljat", "Förbrukat", "Skillnad"),), (row,),
                 (31, 23, 23, 23), footnote=note)


def _antal_cells(a: Antal | None) -> tuple[Cell, Cell, Cell]:
    if a is None:
        return text_cell(DASH), text_cell(DASH), text_cell(DASH)
    return count(a.kvinnor), count(a.män), count(a.totalt)


def deltagare_table(b: Builder, insats: Insats, d: Deltagarberakning) -> Table:
    year = b.indata.rapport.räkenskapsår
    fg = d.föregående_år
    spec: list[tuple[str, Callable[[Deltagarberakning], Antal | None]]] = [
        ("Aktiva under året", lambda x: x.aktiva),
        ("Aktiva vid årets början", lambda x: x.aktiva_vid_årets_början),
        ("Nya under året", lambda x: x.nya),
        ("Avslutade under året", lambda x: x.avslutade),
        ("varav tidiga avhopp", lambda x: x.tidiga_avhopp),
        ("Avslutade till måluppfyllt resultat", lambda x: x.måluppfyllt),
    ]
    rows = []
    for row_label, get in spec:
        here = get(d)
        before = get(fg) if fg is not None else None
        if here is None and before is None:
            continue
        cells = [label_cell(row_label), *_antal_cells(here)]
        if fg is not None:
            cells.append(count(before.totalt if before is not None else None))
        rows.append(Row(tuple(cells)))
    share = [label_cell("Andel av de aktiva"), pct(d.aktiva.andel_kvinnor), pct(d.aktiva.andel_män),
             pct(Decimal(1))]
    if fg is not None:
        share.append(text_cell(""))
    rows.insert(1, Row(tuple(share)))
    if d.andel_måluppfyllt is not None:
        goal = [label_cell("Andel av de avslutade med måluppfyllt resultat"), text_cell(""), text_cell(""),
                pct(d.andel_måluppfyllt)]
        if fg is not None:
            goal.append(pct(fg.andel_måluppfyllt))
        rows.append(Row(tuple(goal)))
    head = ["Antal personer", "Kvinnor", "Män", f"Totalt {year}"]
    if fg is not None:
        head.append(f"Totalt {year - 1}")
    widths = (40, 14, 14, 16, 16) if fg is not None else (46, 18, 18, 18)
    return Table(f"{insats_anchor(insats.id)}-deltagare", f"Deltagare i {insats.namn} {year}",
                 (header(*head),), tuple(rows), widths)


def tid_table(b: Builder, insats: Insats) -> Table | None:
    stat = insats.deltagare
    if stat is None or (stat.tid_i_insats_veckor is None and stat.tid_utan_arbete_månader is None):
        return None

    def cell(value: Decimal | None) -> Cell:
        return Cell(tal(value, ""), CellKind.AMOUNT) if value is not None else text_cell(DASH)

    rows = []
    for row_label, t in (("Genomsnittlig tid i insatsen, veckor", stat.tid_i_insats_veckor),
                     ("Tid utan arbete eller studier före start, månader",
                      stat.tid_utan_arbete_månader)):
        rows.append(Row((label_cell(row_label), cell(t.kvinnor if t else None),
                         cell(t.män if t else None))))
    return Table(f"{insats_anchor(insats.id)}-tid", f"Tid för deltagarna i {insats.namn}",
                 (header("Genomsnitt", "Kvinnor", "Män"),), tuple(rows), (60, 20, 20))


def utfall_table(b: Builder, insats: Insats, d: Deltagarberakning) -> Table | None:
    """Where those who ended went: counts and their shares, or shares as given."""
    if not d.utfall:
        return None
    rows = [
        Row((label_cell(u.text), count(u.antal.totalt if u.antal else None), pct(u.andel),
             text_cell("ja" if u.måluppfyllt else "nej")))
        for u in d.utfall
    ]
    whole = d.avslutade.totalt if d.avslutade is not None else None
    total = d.utfall_summa
    if total is not None:
        rows.append(Row((label_cell("Summa"), amount(total.totalt, True),
                         pct(Decimal(total.totalt) / whole if whole else None), text_cell("")),
                        RowKind.SUM))
    else:  # shares of those who ended, as given
        rows.append(Row((label_cell("Summa"), count(whole), pct(d.utfall_andel), text_cell("")),
                        RowKind.SUM))
    note = None
    if not d.utfall_stämmer:
        # reportgen check warns about this too (deltagare.utfall); the table says it.
        if total is None:
            note = b.fixed("insats_utfall_andelar", andel=procent(d.utfall_andel or Decimal(0)))
        else:
            note = (f"Utfallen summerar till {kronor(total.totalt)} personer, men "
                    f"{kronor(whole or 0)} har avslutats under året.")
    year = b.indata.rapport.räkenskapsår
    return Table(f"{insats_anchor(insats.id)}-utfall",
                 f"Avslutade deltagare i {insats.namn} {year} efter vart de gick",
                 (header("Avslutade till", "Antal", "Andel av de avslutade",
                         "Måluppfyllt resultat"),), tuple(rows), (46, 14, 20, 20), footnote=note)


def händelser_table(insats: Insats) -> Table | None:
    if not insats.händelser:
        return None
    with_content = any(h.innehåll for h in insats.händelser)
    with_by = any(h.av for h in insats.händelser)
    counts = [h.antal for h in insats.händelser if h.antal is not None]
    rows = []
    for h in insats.händelser:
        when = datum(h.datum) if h.datum else (h.när or DASH)
        cells = [label_cell(when), text_cell(h.vad)]
        if with_content:
            cells.append(text_cell(h.innehåll or DASH))
        if with_by:
            cells.append(text_cell(h.av or DASH))
        if counts:
            cells.append(count(h.antal))
        rows.append(Row(tuple(cells)))
    if counts:
        filler = [text_cell("")] * (1 + with_content + with_by)
        rows.append(Row((label_cell("Summa"), *filler, amount(sum(counts), True)), RowKind.SUM))
    head = ["När", "Vad", *(["Innehåll"] if with_content else []), *(["Av vem"] if with_by else []),
            *(["Antal deltagare"] if counts else [])]
    widths = {
        (2, False): (20, 80), (3, False): (16, 30, 54), (4, False): (14, 24, 40, 22),
        (2, True): (20, 60, 20), (3, True): (16, 22, 42, 20), (4, True): (14, 18, 34, 20, 14),
    }
    return Table(f"{insats_anchor(insats.id)}-handelser", f"Aktiviteter inom {insats.namn}",
                 (header(*head),), tuple(rows), widths[(2 + with_content + with_by, bool(counts))])


def insats_section(b: Builder, index: int, insats: Insats,
                   goals: list[Målberakning]) -> Section:
    def part(title: str, name: str) -> list[Block]:
        value = getattr(insats, name)
        blocks = b.text(("insatser", index, name), value, heading_level=4)
        return [label(title), *blocks] if blocks else []

    blocks: list[Block] = [t for t in (facts_table(b, insats),) if t is not None]
    if goals:
        runs: list[Run] = [Run("Insatsen bidrar till: ", bold=True)]
        for k, g in enumerate(goals):
            if k:
                runs.append(Run(", "))
            runs.append(Run(g.etikett, href="#" + g.ankare))
        blocks.append(Paragraph(tuple(runs)))
    blocks += part("Insatsens mål", "mål")
    blocks += part("Innehåll", "innehåll")
    blocks += part("Målgrupp", "målgrupp")
    finance = finance_table(b, insats)
    f_text = b.text(("insatser", index, "finansiering", "text"),
                    insats.finansiering.text if insats.finansiering else None, heading_level=4)
    if finance is not None or f_text:
        blocks += [label("Finansiering"), *f_text, *([finance] if finance else [])]
    blocks += part("Övrig information", "övrigt")
    d = b.verksamhet.berakning.deltagare.get(insats.id)
    if d is not None:
        blocks += [label("Deltagare"), deltagare_table(b, insats, d)]
        blocks += [t for t in (utfall_table(b, insats, d), tid_table(b, insats)) if t is not None]
    events = händelser_table(insats)
    if events is not None:
        blocks += [label("Aktiviteter och deltagande"), events]
    blocks += part("Resultat", "resultat")
    blocks += resultatmål_blocks(b, index, insats)
    extra = uppgifter_table(b, index, insats)
    if extra is not None:
        blocks.append(extra)
    if insats.måluppfyllelse:
        blocks.append(labelled("Måluppfyllelse", insats.måluppfyllelse))
    return Section(insats_anchor(insats.id), None, heading(b, insats), 4, tuple(blocks),
                   in_toc=False)


def insatser_table(b: Builder) -> Table:
    """Every insats, with the förbund's money (granted and used) and the people reached.
    The columns Projekt and Typ are there when some insats has one."""
    fin = b.verksamhet.berakning.finansiering
    insatser = b.indata.insatser
    with_number = any(i.projektnummer is not None for i in insatser)
    with_kind = any(i.typ is not None for i in insatser)
    rows = []
    for i in insatser:
        f = fin.get(i.id)
        d = b.verksamhet.berakning.deltagare.get(i.id)
        people = d.aktiva.totalt if d is not None else medverkande(i)
        cells = [label_cell(i.namn)]
        if with_number:
            cells.append(text_cell(str(i.projektnummer) if i.projektnummer is not None else DASH))
        if with_kind:
            cells.append(text_cell(INSATSTYP_TEXT[i.typ].removesuffix(" insats").lower()
                                   if i.typ is not None else DASH))
        cells += [tkr_cell(f.beviljat if f else None), tkr_cell(f.förbrukat if f else None),
                  count(people)]
        rows.append(Row(tuple(cells)))
    granted = [f.beviljat for f in fin.values() if f.beviljat is not None]
    used = [f.förbrukat for f in fin.values() if f.förbrukat is not None]
    fillers = [text_cell("")] * (with_number + with_kind)
    rows.append(Row((label_cell("Summa"), *fillers, tkr_cell(sum(granted), True),
                     tkr_cell(sum(used), True), text_cell("")), RowKind.SUM))
    mismatch = (sum(tkr(v) for v in granted) != tkr(sum(granted))
                or sum(tkr(v) for v in used) != tkr(sum(used)))
    note = "Deltagare: aktiva deltagare i individinriktade insatser, medverkande i övriga."
    if mismatch:
        note += (" Summorna är beräknade i kronor och sedan avrundade, och kan därför skilja "
                 "sig från summan av de avrundade raderna.")
    head = ["Insats", *(["Projekt"] if with_number else []), *(["Typ"] if with_kind else []),
            "Beviljat, tkr", "Förbrukat, tkr", "Deltagare"]
    widths = {(True, True): (34, 10, 18, 13, 13, 12), (True, False): (44, 12, 15, 15, 14),
              (False, True): (40, 20, 14, 14, 12), (False, False): (52, 16, 16, 16)}
    return Table("insatser-oversikt", "Insatser under året", (header(*head),), tuple(rows),
                 widths[(with_number, with_kind)], footnote=note)


def insatser_blocks(b: Builder) -> tuple[Block | Section, ...]:
    if not b.indata.insatser:
        return ()
    goals = serving(b)
    intro = b.text(("insatser_inledning",), b.indata.insatser_inledning, heading_level=4)
    overview: list[Block | Section] = [*intro, insatser_table(b)]
    groups = []
    for typ, title in GROUPS:
        sections = tuple(
            insats_section(b, index, i, goals.get(i.id, []))
            for index, i in enumerate(b.indata.insatser)
            if i.typ is typ
        )
        if sections:
            groups.append((typ, title, sections))
    if len(groups) == 1 and groups[0][0] is None:  # no insats has a typ: no groups
        overview += groups[0][2]
        groups = []
    out: list[Block | Section] = [Section("insatser", None, b.fixed("rubrik_insatser"), 3,
                                          tuple(overview), in_toc=False)]
    for typ, title, sections in groups:
        anchor = f"insatser-{typ.name}" if typ is not None else "insatser-ovriga"
        out.append(Section(anchor, None, b.fixed(title), 3, sections, in_toc=False))
    return tuple(out)
