"""Driftredovisning and sammanställning av utfall och budget agree with the statements.

Both tables are computed from the budget lines (reportgen/compute/budget.py); the
driftredovisning's summary row is the sammanställning's totals. So it is enough that
the budget's outcome totals (intäkter, kostnader, finansiella poster, periodens resultat,
eget kapital at the end) equal the resultaträkning and balansräkning, within ±1 tkr since
the tables are printed in tkr (a report copied from tkr tables has its lines in whole
thousands).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import TOLERANS_TKR, Kontext, Regel, kr, regel, tkr_text
from reportgen.compute.budget import (
    FINANSIELLA_SLAG,
    INTÄKTSSLAG,
    KOSTNADSSLAG,
    avstamning,
    compute_budget,
)
from reportgen.findings import Finding
from reportgen.fmt import tkr
from reportgen.schema.budget import Budgetslag

# The totals compared, with the kinds of line they add (a finding points at the first
# such line). Eget kapital at the end is not compared: the sammanställning computes it
# from the balansräkning's opening eget kapital and periodens resultat, so it can only
# disagree when one of those does, and each has its own rule.
SLAG: dict[str, frozenset[Budgetslag]] = {
    "summa_intäkter": INTÄKTSSLAG,
    "totala_kostnader": KOSTNADSSLAG,
    "finansiella": FINANSIELLA_SLAG,
    "periodens_resultat": frozenset(),
}


@regel("budget.resultaträkning",
       "Sammanställningens och driftredovisningens utfall = resultat- och balansräkningen, ±1 tkr")
def budget_resultaträkning(ctx: Kontext) -> Iterator[Finding]:
    budget = compute_budget(ctx.indata, ctx.eko)
    if budget is None:
        return
    for a in avstamning(budget, ctx.eko):
        if a.key not in SLAG:
            continue
        found, expected = tkr(a.budget_kr), tkr(a.statement_kr)
        if abs(found - expected) <= TOLERANS_TKR:
            continue
        diff = found - expected
        first = next((p.index for g in budget.grupper if g.slag in SLAG[a.key]
                      for p in g.poster), None)
        yield ctx.fynd(
            ("budget", "rader") if first is None else ("budget", "rader", first, "utfall"),
            f"Sammanställningen av utfall och budget, {a.label.lower()} (utfall): "
            f"{tkr_text(found)} ({kr(a.budget_kr)}), förväntat {tkr_text(expected)} "
            f"({a.statement_label} {kr(a.statement_kr)}); skillnad "
            f"{'+' if diff > 0 else ''}{tkr_text(diff)} (tolerans ±{TOLERANS_TKR} tkr)",
            "budget.resultaträkning",
        )


REGLER: tuple[Regel, ...] = (budget_resultaträkning,)
