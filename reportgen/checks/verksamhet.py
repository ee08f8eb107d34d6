"""Mål, mått and insatser: ids, references between them, assessable mål, outcomes.

What the report model builder (reportgen/document/sections_goals.py) relies on: insats
ids are unique and every mål names existing insatser; a mått's `utfall` that names a
computed figure names a number (reportgen/figures.py); every mål has a status or one
that can be computed from its mått. The outcomes of an insats's participants that do not
add up to those who ended are a warning (the table says so in a footnote).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.compute.verksamhet import Uppslag, beräkna_mål, deltagare, figurnamn
from reportgen.findings import Finding, Severity
from reportgen.schema.verksamhet import Mål, Mått

MÅLLISTOR = ("ekonomiska_mål", "mål")


def _mållistor(ctx: Kontext) -> Iterator[tuple[str, int, Mål]]:
    """(list key, index, mål) for the financial goals and the activity goals."""
    for key in MÅLLISTOR:
        for index, goal in enumerate(getattr(ctx.indata, key)):
            yield key, index, goal


def _figurproblem(ctx: Kontext, mått: Mått) -> str | None:
    """Why a mått's `utfall` naming a figure cannot be used; None if it can or is a number."""
    if not isinstance(mått.utfall, str):
        return None
    return ctx.figurer.talproblem(figurnamn(mått.utfall))


@regel("insats.id", "Varje insats har ett eget id")
def insats_id(ctx: Kontext) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, insats in enumerate(ctx.indata.insatser):
        if insats.id in seen:
            yield ctx.fynd(("insatser", index, "id"),
                           f"id {insats.id!r} används av mer än en insats", "insats.id")
        seen.add(insats.id)


@regel("mål.insats", "Målens insatser finns bland insatserna")
def mål_insats(ctx: Kontext) -> Iterator[Finding]:
    ids = {insats.id for insats in ctx.indata.insatser}
    known = ", ".join(sorted(ids)) or "inga insatser finns"
    for key, i, goal in _mållistor(ctx):
        for j, ref in enumerate(goal.insatser):
            if ref not in ids:
                yield ctx.fynd((key, i, "insatser", j),
                               f"okänd insats {ref!r}; kända id: {known}", "mål.insats")


@regel("mått.utfall", "Ett mått vars utfall är en beräknad siffra namnger ett tal som finns")
def mått_utfall(ctx: Kontext) -> Iterator[Finding]:
    for key, i, goal in _mållistor(ctx):
        for k, m in enumerate(goal.mått):
            problem = _figurproblem(ctx, m)
            if problem is not None:
                yield ctx.fynd((key, i, "mått", k, "utfall"), problem, "mått.utfall")


def _tal(ctx: Kontext) -> Uppslag:
    """Look a figure's number up without formatting its text (which would import Babel)."""

    def uppslag(name: str) -> tuple[Decimal, str]:
        number = ctx.figurer.number_or_none(name)
        if number is None:
            raise KeyError(name)
        return number, ""

    return uppslag


@regel("mål.status", "Varje mål har en status, angiven eller beräknad från måtten")
def mål_status(ctx: Kontext) -> Iterator[Finding]:
    for key, i, goal in _mållistor(ctx):
        if goal.status is not None:
            continue
        if any(_figurproblem(ctx, m) is not None for m in goal.mått):
            continue  # reported by mått.utfall; the status follows once that is fixed
        if beräkna_mål(i + 1, goal, _tal(ctx)).status is None:
            yield ctx.fynd(
                (key, i),
                "målet saknar status (uppfyllt, delvis uppfyllt eller ej uppfyllt) och den "
                "kan inte beräknas eftersom inget mått har både mål och utfall",
                "mål.status",
            )


@regel("deltagare.utfall", "Deltagarnas utfall summerar till antalet avslutade (varning)")
def deltagare_utfall(ctx: Kontext) -> Iterator[Finding]:
    for index, insats in enumerate(ctx.indata.insatser):
        if insats.deltagare is None:
            continue
        d = deltagare(insats.deltagare)
        if d.utfall_stämmer:
            continue
        assert d.utfall_summa is not None and d.avslutade is not None
        yield ctx.fynd(
            ("insatser", index, "deltagare", "utfall"),
            f"utfallen för {insats.namn} summerar till {d.utfall_summa.totalt}, men antalet "
            f"avslutade är {d.avslutade.totalt}",
            "deltagare.utfall",
            Severity.WARNING,
        )


REGLER: tuple[Regel, ...] = (insats_id, mål_insats, mått_utfall, mål_status, deltagare_utfall)
