"""Driftredovisning and sammanställning av utfall och budget agree with the statements.

Both tables are computed from the budget lines (reportgen/compute/budget.py); the
driftredovisning's summary row is the sammanställning's totals. So it is enough that
the budget's outcome totals (intäkter, kostnader, finansiella poster, periodens resultat)
equal the resultaträkning. Both sides are kronor, and are compared to the krona; except
when every line's utfall is a whole number of thousands (a report copied from its printed
tkr tables): then only the tkr are known, and the totals are compared in tkr, ±1 tkr.
Each message states the tolerance it applied and why.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import (
    TOLERANS_KR,
    Kontext,
    Regel,
    avviker,
    avviker_tkr,
    meddelande_kr,
    meddelande_tkr,
    regel,
)
from reportgen.compute.budget import (
    FINANSIELLA_SLAG,
    INTÄKTSSLAG,
    KOSTNADSSLAG,
    Avstamning,
    Budgetberakning,
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


def _avvikelse(budget: Budgetberakning, a: Avstamning) -> str | None:
    """The message for a total that disagrees with the statement; None when it agrees."""
    vad = f"Sammanställningen av utfall och budget, {a.label.lower()} (utfall)"
    if budget.i_hela_tkr:
        if not avviker_tkr(tkr(a.budget_kr), a.statement_kr):
            return None
        return meddelande_tkr(vad, tkr(a.budget_kr), a.statement_kr, a.statement_label,
                              "budgetens rader är angivna i hela tkr")
    if not avviker(a.budget_kr, a.statement_kr):
        return None
    return (f"{meddelande_kr(vad, a.budget_kr, a.statement_kr, a.statement_label)} "
            f"(tolerans {TOLERANS_KR} kr: budgetens rader är angivna i kronor)")


@regel("budget.resultaträkning",
       "Sammanställningens och driftredovisningens utfall = resultaträkningen: exakt, eller "
       "±1 tkr när budgetens rader är angivna i hela tkr")
def budget_resultaträkning(ctx: Kontext) -> Iterator[Finding]:
    budget = compute_budget(ctx.indata, ctx.eko)
    if budget is None or ctx.eko.year in ctx.eko.luckor:
        return  # the statements leave figures to fill in (`lucka`)
    for a in avstamning(budget, ctx.eko):
        if a.key not in SLAG:
            continue
        message = _avvikelse(budget, a)
        if message is None:
            continue
        first = next((p.index for g in budget.grupper if g.slag in SLAG[a.key]
                      for p in g.poster), None)
        yield ctx.fynd(
            ("budget", "rader") if first is None else ("budget", "rader", first, "utfall"),
            message,
            "budget.resultaträkning",
        )


REGLER: tuple[Regel, ...] = (budget_resultaträkning,)
