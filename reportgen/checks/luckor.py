"""Nothing left to fill in: every gap the YAML states is a finding at its line.

A gap is a field that may stand empty for now (marked `Ifyllnad` in the schema,
reportgen/schema/base.py) and that the YAML writes without a value, as `reportgen nytt-år`
leaves the new year's figures. A report with gaps is a draft; `reportgen importera` fills
the figures in from the bookkeeping.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.checks.relationer_budget import TABELLNAMN
from reportgen.compute.budgetrader import prognostabeller
from reportgen.compute.tabell import tabellblock
from reportgen.findings import Finding
from reportgen.load import PathKey
from reportgen.perioder import PROGNOS
from reportgen.schema.budget import Budget, Budgetpost, Budgetrad
from reportgen.schema.marked import gaps
from reportgen.schema.oversikt import Femårsöversikt
from reportgen.schema.uppstallning import BESTÄMD, YAML_NYCKEL, gemen


@regel("lucka", "Inget värde som ska fyllas i står tomt")
def lucka(ctx: Kontext) -> Iterator[Finding]:
    for path, marker in gaps(ctx.indata):
        if not ctx.angivet(path):
            continue  # left out: not a gap, the field's own default
        hint = f" ({marker.vad})" if marker.vad else ""
        yield ctx.fynd(path, f"{vad(ctx, path)} ska fyllas i{hint}", "lucka")
    yield from _utan_prognos(ctx)
    yield from _prognosens_luckor(ctx)
    yield from _balanskravets_luckor(ctx)
    yield from _kolumner_att_fylla_i(ctx)


def _prognosens_luckor(ctx: Kontext) -> Iterator[Finding]:
    """The R17 forecast's gaps (`resultaträkning.prognos`, validated apart from the years)."""
    prognos = ctx.indata.ekonomi.prognos if ctx.indata.ekonomi is not None else None
    for key, value in (prognos or {}).items():
        path: PathKey = ("ekonomi", "resultaträkning", PROGNOS, key)
        if value is None and ctx.angivet(path):
            yield ctx.fynd(path, f"{vad(ctx, path)} ska fyllas i (prognosen för helåret)",
                           "lucka")


def _balanskravets_luckor(ctx: Kontext) -> Iterator[Finding]:
    """A delårsrapport's adjustment of the forecast written empty (`balanskrav.justeringar[]
    .prognos:`, as nytt-år leaves it): left out, the adjustment has no forecast part."""
    if ctx.indata.rapport.typ != "delårsrapport" or ctx.indata.balanskrav is None:
        return
    for i, post in enumerate(ctx.indata.balanskrav.justeringar):
        path: PathKey = ("balanskrav", "justeringar", i, "prognos")
        if post.prognos is None and ctx.angivet(path):
            yield ctx.fynd(path, f"Balanskravets justering {post.text!r}: prognosen ska fyllas "
                           "i (justeringen av helårsprognosens resultat)", "lucka")


def _kolumner_att_fylla_i(ctx: Kontext) -> Iterator[Finding]:
    """A checked table's columns still to fill in (`att_fylla_i`, as nytt-år leaves them)."""
    for path, tabell in tabellblock(ctx.indata):
        for j, kolumn in enumerate(tabell.att_fylla_i):
            yield ctx.fynd((*path, "att_fylla_i", j), f"Tabellen {tabell.rubrik!r}, kolumnen "
                           f"{kolumn} ska fyllas i (periodens siffror; ta sedan bort kolumnen "
                           "ur att_fylla_i)", "lucka")


def _utan_prognos(ctx: Kontext) -> Iterator[Finding]:
    """A line left without `prognos` in a table that shows the forecast: a prognos has no
    default (0 would be a forecast), so it is a gap too, at the line."""
    budget = ctx.indata.budget
    if budget is None:
        return
    seen: set[PathKey] = set()
    for namn, rot in prognostabeller(budget):
        for post in rot.poster():
            if post.rad.prognos is not None or post.path in seen:
                continue
            seen.add(post.path)
            if ctx.angivet((*post.path, "prognos")):
                continue  # `prognos:` written empty: a gap the schema walk reports
            yield ctx.fynd(post.path, f"{_budgetrad(namn, post.rad)}: prognosen för helåret "
                           "saknas; tabellen visar prognos, så varje rad ska ha sin (prognos: "
                           "0 om inget väntas)", "lucka")


def _budgetrad(namn: str, rad: Budgetrad) -> str:
    nr = f"{rad.nr} " if rad.nr is not None else ""
    return f"{TABELLNAMN[namn]}, raden {nr}{rad.namn}"


def vad(ctx: Kontext, path: PathKey) -> str:
    """What the gap at *path* is, as a reader names it."""
    statements = {nyckel: räkning for räkning, nyckel in YAML_NYCKEL.items()}
    if len(path) == 4 and path[0] == "ekonomi" and path[1] in statements:
        räkning = statements[str(path[1])]
        upp = ctx.eko.layout.räkning(räkning)
        column = (f"prognos {ctx.indata.rapport.räkenskapsår}" if path[2] == PROGNOS
                  else path[2])
        return f"{BESTÄMD[räkning].capitalize()}, {gemen(upp.etikett(str(path[3])))} {column}"
    if path[:2] == ("ekonomi", "noter") and isinstance(path[2], int) and path[-2] == "belopp":
        note = ctx.indata.ekonomi.noter[path[2]]
        row = note
        for part in path[3:-2]:
            row = row.rader[part] if part != "rader" else row  # type: ignore[index,assignment]
        text = getattr(row, "text", None) or ""
        return f"Noten {note.rubrik}, {gemen(text)} {path[-1]}"
    overview = ctx.indata.ekonomi.femårsöversikt
    if path[:3] == ("ekonomi", "femårsöversikt", "rader") and isinstance(overview, Femårsöversikt):
        label = overview.radlista()[int(path[3])].etikett  # its rows: värden per year
        if label[1:2].islower():  # not an abbreviation (ESF-medel)
            label = gemen(label)
        return f"Femårsöversikten, {label} {path[-1]}"
    if path[:2] == ("ekonomi", "femårsöversikt"):
        return f"Femårsöversikten {path[2]}, {str(path[-1]).replace('_', ' ')}"
    return _utanför_ekonomin(ctx, path) or f"Värdet {_ord(path[-1])}"


def _ord(part: object) -> str:
    return str(part).replace("_", " ")


def _delar(path: PathKey) -> str:
    """A path's parts as a reader says them: ("mått", 0, "utfall") → "mått 1, utfall"."""
    words: list[str] = []
    for part in path:
        if isinstance(part, int) and words:
            words[-1] += f" {part + 1}"
        else:
            words.append(_ord(part))
    return ", ".join(words)


def _utanför_ekonomin(ctx: Kontext, path: PathKey) -> str | None:
    """The gap named by what it belongs to: a budget line, a goal, an insats, an indicator
    question or survey, the foreword."""
    indata = ctx.indata
    if path[:2] == ("budget", "rader") and indata.budget and indata.budget.rader:
        rad = indata.budget.rader[int(path[2])]
        nr = f"{rad.nr} " if rad.nr is not None else ""
        return f"Budgetraden {nr}{rad.namn}, {_delar(path[3:])}"
    if path[0] == "budget" and path[1] in TABELLNAMN and indata.budget is not None:
        found = _tabellrad(indata.budget, path)
        if found is not None:
            return f"{_budgetrad(str(path[1]), found[0])}, {_delar(found[1])}"
    if path[0] in ("mål", "ekonomiska_mål") and isinstance(path[1], int):
        kind = "Målet" if path[0] == "mål" else "Det ekonomiska målet"
        return f"{kind} {path[1] + 1}, {_delar(path[2:])}"
    if path[0] == "insatser" and isinstance(path[1], int):
        return f"Insatsen {indata.insatser[path[1]].namn}, {_delar(path[2:])}"
    if path[:2] == ("indikatorer", "grupper") and indata.indikatorer is not None:
        grupp = indata.indikatorer.grupper[int(path[2])]
        if path[3] == "enkäter":
            return f"Indikatorerna, {gemen(grupp.rubrik)}: enkäten {path[4]}"
        if path[3] == "frågor":
            fråga = grupp.frågor[int(path[4])]
            nummer = fråga.nummer or int(path[4]) + 1
            return f"Indikatorerna, {gemen(grupp.rubrik)}: fråga {nummer}, resultatet {path[-1]}"
    if path[0] == "ordförande_har_ordet":
        return f"Ordförande har ordet, {_ord(path[-1])}"
    return None


def _tabellrad(budget: Budget, path: PathKey) -> tuple[Budgetrad, PathKey] | None:
    """The line of a budget table's own rows that *path* is in, and the rest of the path."""
    spec = budget.tabell(str(path[1]))
    items: list[Budgetpost] | None = spec.rader if spec is not None else None
    i = 2
    while items is not None and i + 1 < len(path) and path[i] == "rader":
        item = items[int(path[i + 1])]
        if isinstance(item, Budgetrad):
            return item, path[i + 2:]
        items, i = item.rader, i + 2
    return None


REGLER: tuple[Regel, ...] = (lucka,)
