"""1.5 God ekonomisk hushållning: equity, cost split, balanskrav, mål, mått and insatser;
and the optional "Ordförande har ordet" (before chapter 1 by default).

Builds neutral blocks only (Section, Paragraph, Heading, ListBlock, Table); every figure
comes from reportgen.compute.verksamhet through reportgen.figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from reportgen.compute.verksamhet import (
    Antal,
    Deltagarberakning,
    Målberakning,
    Måttberakning,
    medverkande,
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
from reportgen.document.tables import amount, header
from reportgen.fmt import datum, kronor, procent, procentenheter, tal, tkr
from reportgen.schema.ekonomi import Kostnadsslag
from reportgen.schema.verksamhet import Insats, Insatstyp, Målstatus, Mått

if TYPE_CHECKING:
    from reportgen.document.builder import Builder

STATUS_TEXT = {
    Målstatus.uppfyllt: "Uppfyllt",
    Målstatus.delvis: "Delvis uppfyllt",
    Målstatus.ej: "Ej uppfyllt",
}
# Paragraph styles of the status badge (CSS classes and Word styles): colour plus words.
STATUS_STYLE = {
    Målstatus.uppfyllt: "status-uppfyllt",
    Målstatus.delvis: "status-delvis",
    Målstatus.ej: "status-ej",
}
KOSTNADSSLAG_TEXT = {
    Kostnadsslag.administration: "Administration",
    Kostnadsslag.individinriktade: "Individinriktade insatser",
    Kostnadsslag.strukturövergripande: "Strukturövergripande insatser",
}
INSATSTYP_TEXT = {
    Insatstyp.individinriktad: "Individinriktad insats",
    Insatstyp.strukturövergripande: "Strukturövergripande insats",
}
DASH = "–"


def insats_anchor(insats_id: str) -> str:
    return f"insats-{insats_id}"


def mål_anchor(number: int) -> str:
    return f"mal-{number}"


def _text(label: str) -> Cell:
    return Cell(label, CellKind.TEXT)


def _label(label: str) -> Cell:
    return Cell(label, CellKind.LABEL)


def _pct(ratio: Decimal | None) -> Cell:
    return Cell(procent(ratio), CellKind.PERCENT) if ratio is not None else _text(DASH)


def _count(value: int | None) -> Cell:
    return Cell(kronor(value), CellKind.AMOUNT) if value is not None else _text(DASH)


def _tkr(value: int | None, total: bool = False) -> Cell:
    if value is None:
        return _text(DASH)
    return amount(tkr(value), total)


def badge(status: Målstatus, note: str = "") -> Paragraph:
    """The status badge: words first (never colour alone), styled by status."""
    runs = [Run("Bedömning: ", bold=True), Run(STATUS_TEXT[status].lower() + note)]
    return Paragraph(tuple(runs), STATUS_STYLE[status])


def label(text: str) -> Paragraph:
    """A sub-heading ("Insatsens mål"), bold by its style and kept with what follows; not a
    heading, so the outline and table of contents stay at the report's four heading levels."""
    return Paragraph((Run(text),), "label")


def labelled(name: str, value: str) -> Paragraph:
    return Paragraph((Run(f"{name}: ", bold=True), Run(value)))


# -- cross references ----------------------------------------------------------------------------


def serving(b: Builder) -> dict[str, list[int]]:
    """Insats id → numbers of the mål it serves."""
    out: dict[str, list[int]] = {}
    for number, goal in enumerate(b.indata.mål, start=1):
        for ref in goal.insatser:
            out.setdefault(ref, []).append(number)
    return out


# -- equity, cost split, balanskrav ---------------------------------------------------------------


def kapital_table(b: Builder) -> Table | None:
    vb = b.verksamhet.berakning
    years = b.eko.years
    if any(vb.kapital[y].medlemsbidrag is None for y in years):
        return None
    rows = (
        Row((_label("Eget kapital vid årets slut"),
             *(amount(vb.kapital[y].eget_kapital) for y in years))),
        Row((_label("Medlemsbidrag under året"),
             *(amount(vb.kapital[y].medlemsbidrag) for y in years))),
        Row((_label("Eget kapital i procent av medlemsbidragen"),
             *(_pct(vb.kapital[y].andel) for y in years)), RowKind.SUM),
        Row((_label("Rekommenderat tak"), *(_pct(vb.kapital[y].tak) for y in years))),
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
        cells: list[Cell] = [_label(KOSTNADSSLAG_TEXT[s])]
        for y in years:
            k = vb.kostnader[y]
            cells += [amount(k.belopp.get(s, 0)), _pct(k.andel(s))]
        rows.append(Row(tuple(cells)))
    total: list[Cell] = [_label("Summa")]
    footing = []
    for y in years:
        k = vb.kostnader[y]
        total += [amount(k.total, True), _pct(Decimal(1))]
        rounded = sum(procentenheter(k.andel(s) or Decimal(0)) for s in slag)
        if rounded != 100:
            footing.append(f"{y}: {rounded} %")
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
    bk = b.verksamhet.berakning.balanskrav
    if bk is None or b.indata.balanskrav is None:
        return ()
    years = bk.years
    rows = [Row((_label("Årets resultat enligt resultaträkningen"),
                 *(amount(bk.årets_resultat[y]) for y in years)))]
    rows += [Row((_label(r.text), *(amount(r.belopp[y]) for y in years))) for r in bk.justeringar]
    rows.append(Row((_label("Årets balanskravsresultat"),
                     *(amount(bk.resultat[y], True) for y in years)), RowKind.SUM))
    table = Table("balanskravsresultat", "Balanskravsresultat",
                  (header("Belopp i kr", *(str(y) for y in years)),), tuple(rows), (60, 20, 20))
    text = b.text(("balanskrav", "text"), b.indata.balanskrav.text, heading_level=4)
    return (Heading(3, "Balanskravsresultat"), *text, table)


# -- mål and mått -------------------------------------------------------------------------------


def mått_table(table_id: str, rows: Sequence[Måttberakning]) -> Table:
    body = []
    for r in rows:
        m: Mått = r.mått
        target = f"minst {tal(m.minst, m.enhet)}" if m.minst is not None else (
            f"högst {tal(m.högst, m.enhet)}" if m.högst is not None else DASH)
        if r.utfall_text is not None:
            result = Cell(r.utfall_text, CellKind.PERCENT if m.enhet == "%" else CellKind.AMOUNT)
        elif r.utfall is not None:
            result = Cell(tal(r.utfall, m.enhet),
                          CellKind.PERCENT if m.enhet == "%" else CellKind.AMOUNT)
        else:
            result = _text("ej mätt")
        assessment = STATUS_TEXT[r.status] if r.status is not None else "ej bedömt"
        if r.angiven:
            assessment += " (styrelsens bedömning)"
        body.append(Row((_label(m.text), _text(target), result, _text(assessment))))
    return Table(table_id, "Mått", (header("Mått", "Mål", "Utfall", "Bedömning"),),
                 tuple(body), (40, 20, 18, 22))


def goal_section(b: Builder, key: str, anchor: str, title: str, g: Målberakning,
                 names: dict[str, Insats]) -> Section:
    goal = g.mål
    blocks: list[Block] = []
    if g.status is not None:
        blocks.append(badge(g.status, " (beräknad från måtten)" if g.beräknad else ""))
    blocks += b.text((key, g.nummer - 1, "text"), goal.text, heading_level=4)
    if goal.aktiviteter:
        items = tuple(
            b.text((key, g.nummer - 1, "aktiviteter", k), item, heading_level=4)
            for k, item in enumerate(goal.aktiviteter)
        )
        blocks += [label("Aktiviteter"), ListBlock(items)]
    if goal.insatser:
        runs: list[Run] = [Run("Insatser som bidrar till målet: ", bold=True)]
        # An unknown id is a check error (mål.insats); a draft shows the id as it is.
        for k, ref in enumerate(goal.insatser):
            if k:
                runs.append(Run(", "))
            runs.append(Run(names[ref].namn if ref in names else ref,
                            href="#" + insats_anchor(ref) if ref in names else None))
        blocks.append(Paragraph(tuple(runs)))
    if g.mått:
        blocks.append(mått_table(f"{anchor}-matt", g.mått))
        for k, m in enumerate(goal.mått):
            blocks += b.text((key, g.nummer - 1, "mått", k, "kommentar"), m.kommentar, 4)
    return Section(anchor, None, title, 4, tuple(blocks), in_toc=False)


def goals_summary(goals: Sequence[Målberakning]) -> Table:
    rows = tuple(
        Row((_label(f"Mål {g.nummer}. {g.mål.rubrik}"),
             _text(STATUS_TEXT[g.status] if g.status else "ej bedömt")))
        for g in goals
    )
    return Table("mal-oversikt", "Måluppfyllelse", (header("Mål", "Bedömning"),), rows, (78, 22))


def goal_blocks(b: Builder) -> tuple[Block | Section, ...]:
    u = b.verksamhet
    names = {i.id: i for i in b.indata.insatser}
    out: list[Block | Section] = []
    if u.ekonomiska_mål:
        financial = tuple(
            goal_section(b, "ekonomiska_mål", f"ekonomiskt-mal-{g.nummer}", g.mål.rubrik, g, names)
            for g in u.ekonomiska_mål
        )
        out.append(Section("finansiella-mal", None, "Finansiella mål", 3, financial,
                           in_toc=False))
    if u.mål or b.indata.mål_inledning:
        inner: list[Block | Section] = list(
            b.text(("mål_inledning",), b.indata.mål_inledning, heading_level=4))
        if u.mål:
            inner.append(goals_summary(u.mål))
        inner += [
            goal_section(b, "mål", mål_anchor(g.nummer), f"Mål {g.nummer}. {g.mål.rubrik}", g,
                         names)
            for g in u.mål
        ]
        out.append(Section("verksamhetens-mal", None, "Verksamhetens mål", 3, tuple(inner),
                           in_toc=False))
    return tuple(out)


# -- insatser -----------------------------------------------------------------------------------


def period_text(insats: Insats) -> str | None:
    if insats.period:
        return insats.period
    if insats.från or insats.till:
        start = datum(insats.från) if insats.från else ""
        end = datum(insats.till) if insats.till else ""
        return f"{start} – {end}".strip()
    return None


def facts_table(insats: Insats) -> Table:
    spec: list[tuple[str, str | None]] = [
        ("Projektnummer", str(insats.projektnummer) if insats.projektnummer is not None else None),
        ("Typ", INSATSTYP_TEXT[insats.typ]),
        ("Period", period_text(insats)),
        ("Huvudman", insats.huvudman),
        ("Styrgrupp", insats.styrgrupp),
    ]
    rows = tuple(Row((_label(k), _text(v))) for k, v in spec if v)
    return Table(f"{insats_anchor(insats.id)}-fakta", f"Om insatsen {insats.namn}",
                 (header("Uppgift", "Insatsen"),), rows, (28, 72), caption_hidden=True)


def finance_table(b: Builder, insats: Insats) -> Table | None:
    f = b.verksamhet.berakning.finansiering.get(insats.id)
    if f is None:
        return None
    year = b.indata.rapport.räkenskapsår
    row = Row((_label(str(year)), _tkr(f.beviljat), _tkr(f.förbrukat), _tkr(f.skillnad, True)))
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
        return _text(DASH), _text(DASH), _text(DASH)
    return _count(a.kvinnor), _count(a.män), _count(a.totalt)


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
    for label, get in spec:
        here = get(d)
        before = get(fg) if fg is not None else None
        if here is None and before is None:
            continue
        cells = [_label(label), *_antal_cells(here)]
        if fg is not None:
            cells.append(_count(before.totalt if before is not None else None))
        rows.append(Row(tuple(cells)))
    share = [_label("Andel av de aktiva"), _pct(d.aktiva.andel_kvinnor), _pct(d.aktiva.andel_män),
             _pct(Decimal(1))]
    if fg is not None:
        share.append(_text(""))
    rows.insert(1, Row(tuple(share)))
    if d.andel_måluppfyllt is not None:
        goal = [_label("Andel av de avslutade med måluppfyllt resultat"), _text(""), _text(""),
                _pct(d.andel_måluppfyllt)]
        if fg is not None:
            goal.append(_pct(fg.andel_måluppfyllt))
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
        return Cell(tal(value, ""), CellKind.AMOUNT) if value is not None else _text(DASH)

    rows = []
    for label, t in (("Genomsnittlig tid i insatsen, veckor", stat.tid_i_insats_veckor),
                     ("Tid utan arbete eller studier före start, månader",
                      stat.tid_utan_arbete_månader)):
        rows.append(Row((_label(label), cell(t.kvinnor if t else None),
                         cell(t.män if t else None))))
    return Table(f"{insats_anchor(insats.id)}-tid", f"Tid för deltagarna i {insats.namn}",
                 (header("Genomsnitt", "Kvinnor", "Män"),), tuple(rows), (60, 20, 20))


def utfall_table(b: Builder, insats: Insats, d: Deltagarberakning) -> Table | None:
    if not d.utfall:
        return None
    rows = [
        Row((_label(u.text), _count(u.antal.totalt), _pct(u.andel),
             _text("ja" if u.måluppfyllt else "nej")))
        for u in d.utfall
    ]
    total = d.utfall_summa
    assert total is not None
    whole = d.avslutade.totalt if d.avslutade is not None else None
    rows.append(Row((_label("Summa"), amount(total.totalt, True),
                     _pct(Decimal(total.totalt) / whole if whole else None), _text("")),
                    RowKind.SUM))
    note = None
    if not d.utfall_stämmer:
        # reportgen check warns about this too (deltagare.utfall); the table says it.
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
        cells = [_label(when), _text(h.vad)]
        if with_content:
            cells.append(_text(h.innehåll or DASH))
        if with_by:
            cells.append(_text(h.av or DASH))
        if counts:
            cells.append(_count(h.antal))
        rows.append(Row(tuple(cells)))
    if counts:
        filler = [_text("")] * (1 + with_content + with_by)
        rows.append(Row((_label("Summa"), *filler, amount(sum(counts), True)), RowKind.SUM))
    head = ["När", "Vad", *(["Innehåll"] if with_content else []), *(["Av vem"] if with_by else []),
            *(["Antal deltagare"] if counts else [])]
    widths = {
        (2, False): (20, 80), (3, False): (16, 30, 54), (4, False): (14, 24, 40, 22),
        (2, True): (20, 60, 20), (3, True): (16, 22, 42, 20), (4, True): (14, 18, 34, 20, 14),
    }
    return Table(f"{insats_anchor(insats.id)}-handelser", f"Aktiviteter inom {insats.namn}",
                 (header(*head),), tuple(rows), widths[(2 + with_content + with_by, bool(counts))])


def insats_section(b: Builder, index: int, insats: Insats, goals: list[int]) -> Section:
    def part(title: str, name: str) -> list[Block]:
        value = getattr(insats, name)
        blocks = b.text(("insatser", index, name), value, heading_level=4)
        return [label(title), *blocks] if blocks else []

    blocks: list[Block] = [facts_table(insats)]
    if goals:
        runs: list[Run] = [Run("Insatsen bidrar till: ", bold=True)]
        for k, n in enumerate(goals):
            if k:
                runs.append(Run(", "))
            runs.append(Run(f"mål {n}", href="#" + mål_anchor(n)))
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
    if insats.måluppfyllelse:
        blocks.append(labelled("Måluppfyllelse", insats.måluppfyllelse))
    number = f" (projektnummer {insats.projektnummer})" if insats.projektnummer is not None else ""
    return Section(insats_anchor(insats.id), None, f"{insats.namn}{number}", 4, tuple(blocks),
                   in_toc=False)


def insatser_table(b: Builder) -> Table:
    fin = b.verksamhet.berakning.finansiering
    rows = []
    for i in b.indata.insatser:
        f = fin.get(i.id)
        reached = medverkande(i)
        d = b.verksamhet.berakning.deltagare.get(i.id)
        people = d.aktiva.totalt if d is not None else reached
        rows.append(Row((
            _label(i.namn),
            _text(str(i.projektnummer) if i.projektnummer is not None else DASH),
            _text(INSATSTYP_TEXT[i.typ].removesuffix(" insats").lower()),
            _tkr(f.beviljat if f else None),
            _tkr(f.förbrukat if f else None),
            _count(people),
        )))
    granted = [f.beviljat for f in fin.values() if f.beviljat is not None]
    used = [f.förbrukat for f in fin.values() if f.förbrukat is not None]
    rows.append(Row((_label("Summa"), _text(""), _text(""), _tkr(sum(granted), True),
                     _tkr(sum(used), True), _text("")), RowKind.SUM))
    mismatch = (sum(tkr(v) for v in granted) != tkr(sum(granted))
                or sum(tkr(v) for v in used) != tkr(sum(used)))
    note = "Deltagare: aktiva deltagare i individinriktade insatser, medverkande i övriga."
    if mismatch:
        note += (" Summorna är beräknade i kronor och sedan avrundade, och kan därför skilja "
                 "sig från summan av de avrundade raderna.")
    return Table("insatser-oversikt", "Insatser under året",
                 (header("Insats", "Projekt", "Typ", "Beviljat, tkr", "Förbrukat, tkr",
                         "Deltagare"),), tuple(rows), (34, 10, 18, 13, 13, 12), footnote=note)


def insatser_blocks(b: Builder) -> tuple[Block | Section, ...]:
    if not b.indata.insatser:
        return ()
    goals = serving(b)
    intro = b.text(("insatser_inledning",), b.indata.insatser_inledning, heading_level=4)
    out: list[Block | Section] = [Section("insatser", None, "Insatser", 3,
                                          (*intro, insatser_table(b)), in_toc=False)]
    for typ, title in ((Insatstyp.individinriktad, "Individinriktade insatser"),
                       (Insatstyp.strukturövergripande, "Strukturövergripande insatser")):
        sections = tuple(
            insats_section(b, index, i, goals.get(i.id, []))
            for index, i in enumerate(b.indata.insatser)
            if i.typ is typ
        )
        if sections:
            out.append(Section(f"insatser-{typ.name}", None, title, 3, sections, in_toc=False))
    return tuple(out)


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
