"""Mål, mått and insatser: ids, references between them, assessable mål, outcomes.

What the report model builder (reportgen/document/sections_goals.py) relies on: insats
ids (given, or derived from the names) are unique and every mål names existing insatser;
a mått's `utfall` that names a computed figure names a number (reportgen/figures.py);
every mål has a status, stated or computed from its mått and delmål. The outcomes of an
insats's participants that do not add up to those who ended are a warning (the table says
so in a footnote), as are counts that do not agree with each other: those active during
the year are those active at its start and the new ones (unless some came back without
being counted as new, or were counted as new twice), and a share of a number of people is
a whole number of them. An insats's `medverkande` (people reached, in any way) and its
events' attendance are not compared: one person may come to several events, and people may
take part otherwise (seed 000's "ca 80 personer … på olika sätt" beside events of 66 and
two events without a count), so neither bounds the other. Unknown statuses, levels and
målområden are schema errors (reportgen/schema/mal.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportgen.checks.base import Kontext, Regel, kommatal, omöjlig_andel_text, regel
from reportgen.compute.mal import Målberakning, Uppslag, figurnamn
from reportgen.compute.verksamhet import antal, deltagare, insats_för
from reportgen.findings import Finding, Severity
from reportgen.load import PathKey
from reportgen.schema.mal import Mått
from reportgen.schema.marked import gaps
from reportgen.schema.verksamhet import DELTAGARTAL, Deltagaruppgifter, KönAntal

MÅLLISTOR = ("ekonomiska_mål", "mål")


def _mått(ctx: Kontext) -> Iterator[tuple[PathKey, Mått]]:
    """Every mått of every goal, delmål and insats, with its YAML path."""
    def walk(path: PathKey, goals: list) -> Iterator[tuple[PathKey, Mått]]:  # type: ignore[type-arg]
        for i, goal in enumerate(goals):
            for k, m in enumerate(goal.mått):
                yield (*path, i, "mått", k), m
            yield from walk((*path, i, "delmål"), goal.delmål)

    for key in MÅLLISTOR:
        yield from walk((key,), getattr(ctx.indata, key))
    for i, insats in enumerate(ctx.indata.insatser):
        for k, m in enumerate(insats.resultatmål):
            yield ("insatser", i, "resultatmål", k), m


def _figurer(mått: Mått) -> Iterator[tuple[tuple[str, ...], str]]:
    """(path below the mått, figure name) for each `utfall` that names a figure."""
    if isinstance(mått.utfall, str):
        yield ("utfall",), mått.utfall
    for group, value in (mått.grupputfall or {}).items():
        if isinstance(value, str):
            yield ("utfall", group), value


@regel("insats.id", "Varje insats har ett eget id (angivet eller härlett ur namnet)")
def insats_id(ctx: Kontext) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for index, insats in enumerate(ctx.indata.insatser):
        if insats.id in seen:
            first = ctx.plats(("insatser", seen[insats.id]))
            if ctx.angivet(("insatser", index, "id")):
                message = f"id {insats.id!r} används av mer än en insats (även rad {first.line})"
                path: PathKey = ("insatser", index, "id")
            else:
                message = (f"insatsen {insats.namn!r} får id {insats.id!r} ur sitt namn, men "
                           f"insatsen på rad {first.line} har redan det id:t; ange ett eget id: "
                           "för en av dem")
                path = ("insatser", index, "namn")
            yield ctx.fynd(path, message, "insats.id")
        seen.setdefault(insats.id, index)


@regel("mål.insats", "Målens insatser finns bland insatserna (med id eller namn)")
def mål_insats(ctx: Kontext) -> Iterator[Finding]:
    insatser = ctx.indata.insatser
    known = ", ".join(sorted(i.id for i in insatser)) or "inga insatser finns"

    def walk(path: PathKey, goals: list) -> Iterator[Finding]:  # type: ignore[type-arg]
        for i, goal in enumerate(goals):
            for j, ref in enumerate(goal.insatser):
                if insats_för(ref, insatser) is None:
                    yield ctx.fynd((*path, i, "insatser", j),
                                   f"okänd insats {ref!r}; kända id: {known}", "mål.insats")
            yield from walk((*path, i, "delmål"), goal.delmål)

    for key in MÅLLISTOR:
        yield from walk((key,), getattr(ctx.indata, key))


@regel("mått.utfall", "Ett mått vars utfall är en beräknad siffra namnger ett tal som finns")
def mått_utfall(ctx: Kontext) -> Iterator[Finding]:
    for path, m in _mått(ctx):
        for below, name in _figurer(m):
            problem = ctx.figurer.talproblem(figurnamn(name))
            if problem is not None:
                yield ctx.fynd((*path, *below), problem, "mått.utfall")


def _tal(ctx: Kontext) -> Uppslag:
    """Look a figure's number up without formatting its text (which would import Babel)."""

    def uppslag(name: str) -> tuple[Decimal, str]:
        number = ctx.figurer.number_or_none(name)
        if number is None:
            raise KeyError(name)
        return number, ""

    return uppslag


def _utan_status(goals: tuple[Målberakning, ...]) -> Iterator[Målberakning]:
    """The goals whose status can be neither read nor computed, not counting a goal that
    has none only because a delmål has none (that delmål is the one to fix)."""
    for g in goals:
        yield from _utan_status(g.delmål)
        if g.status is None and all(c.status is not None for c in g.delmål):
            yield g


@regel("mål.status", "Varje mål har en status, angiven eller beräknad från mått och delmål")
def mål_status(ctx: Kontext) -> Iterator[Finding]:
    from reportgen.compute.mal import beräkna_lista
    from reportgen.figures import målmiljö  # the figures are built for this rule anyway

    bad_figures = {path for path, m in _mått(ctx) if any(
        ctx.figurer.talproblem(figurnamn(name)) is not None or ctx.figurer.väntar(figurnamn(name))
        for _b, name in _figurer(m))}
    miljö = målmiljö(ctx.indata, _tal(ctx))
    luckor = [path for path, _ in gaps(ctx.indata) if ctx.angivet(path)]
    names = [s.namn for s in miljö.skala.statusar]
    statuses = f"{', '.join(names[:-1])} eller {names[-1]}"
    for key in MÅLLISTOR:
        for g in _utan_status(beräkna_lista(getattr(ctx.indata, key), miljö, (key,))):
            if any(p[:len(g.path) + 1] == (*g.path, "mått") for p in bad_figures):
                continue  # reported by mått.utfall, or waits for a gap; the status follows
            if ctx.angivet((*g.path, "status")) or any(
                    p[:len(g.path) + 1] == (*g.path, "mått") for p in luckor):
                continue  # a gap (`status:`, a mått's `utfall:`), reported by lucka
            yield ctx.fynd(
                g.path,
                f"målet saknar status ({statuses}) och den kan inte beräknas eftersom inget "
                "mått eller delmål kan bedömas (ett mått behöver mål och utfall, ett mått i "
                "ord en bedömning)",
                "mål.status",
            )


@regel("deltagare.utfall", "Deltagarnas utfall summerar till antalet avslutade (varning)")
def deltagare_utfall(ctx: Kontext) -> Iterator[Finding]:
    for index, insats in enumerate(ctx.indata.insatser):
        if insats.deltagare is None or insats.deltagare.har_luckor:
            continue
        d = deltagare(insats.deltagare)
        if d.utfall_stämmer:
            continue
        assert d.avslutade is not None
        if d.i_andelar:
            total = kommatal((d.utfall_andel or Decimal(0)) * 100)
            tolerance = kommatal(Decimal(len(d.utfall)) / 2)
            message = (f"utfallen för {insats.namn} summerar till {total} % av de avslutade, "
                       f"inte 100 % (tolerans ±{tolerance} procentenheter för avrundningen)")
        else:
            assert d.utfall_summa is not None
            message = (f"utfallen för {insats.namn} summerar till {d.utfall_summa.totalt}, men "
                       f"antalet avslutade är {d.avslutade.totalt}")
        yield ctx.fynd(("insatser", index, "deltagare", "utfall"), message, "deltagare.utfall",
                       Severity.WARNING)


def _deltagarår(ctx: Kontext) -> Iterator[tuple[PathKey, str, Deltagaruppgifter]]:
    """(path, insats name, counts) of every insats's participants of the report year. Last
    year's (`föregående_år`) are as its report published them, checked then."""
    for index, insats in enumerate(ctx.indata.insatser):
        if insats.deltagare is not None:
            yield ("insatser", index, "deltagare"), insats.namn, insats.deltagare


@regel("deltagare.flöde", "Aktiva under året = aktiva vid årets början + nya (varning)")
def deltagare_flöde(ctx: Kontext) -> Iterator[Finding]:
    for path, vems, stat in _deltagarår(ctx):
        counts = [antal(getattr(stat, f)) for f in ("aktiva", "aktiva_vid_årets_början", "nya")]
        if any(c is None for c in counts):
            continue  # not given, or a gap still to fill in
        active, start, new = (c.totalt for c in counts if c is not None)
        if start + new == active:
            continue
        diff = abs(start + new - active)
        why = (f"det går bara om {diff} deltagare kom tillbaka under året utan att räknas som nya (till "
               "exempel efter ett uppehåll)" if start + new < active else
               f"det går bara om {diff} deltagare räknas två gånger (till exempel avslutades och skrevs "
               "in igen som nya)")
        yield ctx.fynd(
            (*path, "aktiva"),
            f"{vems}: {start} aktiva vid årets början och {new} nya är {start + new}, men "
            f"{active} var aktiva under året; {why}",
            "deltagare.flöde", Severity.WARNING)


def _andelar(stat: Deltagaruppgifter) -> Iterator[tuple[tuple[str | int, ...], Decimal, int, str]]:
    """(path below the counts, share in percent, the number it is a share of, of what)."""
    for field in DELTAGARTAL:
        value = getattr(stat, field)
        if isinstance(value, KönAntal) and value.totalt:
            for share in ("andel_kvinnor", "andel_män"):
                if getattr(value, share) is not None:
                    yield (field, share), getattr(value, share), value.totalt, "personer"
    ended = antal(stat.avslutade)
    for row, u in enumerate(getattr(stat, "utfall", ())):
        if u.andel is not None and ended is not None and ended.totalt:
            yield ("utfall", row, "andel"), u.andel, ended.totalt, "avslutade"


@regel("deltagare.andel", "En andel av deltagarna är ett helt antal av dem (varning)")
def deltagare_andel(ctx: Kontext) -> Iterator[Finding]:
    for path, vems, stat in _deltagarår(ctx):
        for below, share, of, what in _andelar(stat):
            problem = omöjlig_andel_text(share, of, what)
            if problem is not None:
                yield ctx.fynd((*path, *below), f"{vems}: {problem}", "deltagare.andel",
                               Severity.WARNING)


REGLER: tuple[Regel, ...] = (insats_id, mål_insats, mått_utfall, mål_status, deltagare_utfall,
                             deltagare_flöde, deltagare_andel)
