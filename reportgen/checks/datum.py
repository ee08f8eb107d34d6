"""Dates: the board decides the årsredovisning after the year end and within three months of
it, and approves a delårsrapport after its period's end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.findings import Finding, Severity
from reportgen.fmt import datum


def senast(år: int) -> dt.date:
    """Three months after the year end."""
    return dt.date(år + 1, 3, 31)


@regel("datum.beslut", "Beslutsdatum efter räkenskapsårets slut och inom tre månader (en "
       "delårsrapport: efter periodens slut)")
def datum_beslut(ctx: Kontext) -> Iterator[Finding]:
    if ctx.indata.rapport.period is not None:
        yield from _delårsrapport(ctx)
        return
    beslut = ctx.indata.rapport.beslutsdatum
    year_end = dt.date(ctx.år, 12, 31)
    path = ("rapport", "beslutsdatum")
    if beslut is None:
        if not ctx.angivet(path):  # `beslutsdatum:` left empty: deliberately not printed
            yield ctx.fynd(("rapport",), "beslutsdatum saknas (datum då styrelsen beslutade "
                           "årsredovisningen); lämna fältet tomt (beslutsdatum:) om rapporten "
                           "inte ska visa något", "datum.beslut", Severity.WARNING)
    elif beslut <= year_end:
        yield ctx.fynd(path, f"beslutsdatum {datum(beslut)} ligger inte efter räkenskapsårets "
                       f"slut ({datum(year_end)})", "datum.beslut", Severity.WARNING)
    elif beslut > senast(ctx.år):
        yield ctx.fynd(path, f"beslutsdatum {datum(beslut)} ligger mer än tre månader efter "
                       f"räkenskapsårets slut (senast {datum(senast(ctx.år))})", "datum.beslut",
                       Severity.WARNING)


def _delårsrapport(ctx: Kontext) -> Iterator[Finding]:
    r = ctx.indata.rapport
    assert r.period is not None
    path = ("rapport", "beslutsdatum")
    if r.beslutsdatum is None:
        if not ctx.angivet(path):
            yield ctx.fynd(("rapport",), "beslutsdatum saknas (datum då förbundsstyrelsen "
                           "godkände delårsrapporten); lämna fältet tomt (beslutsdatum:) om "
                           "rapporten inte ska visa något", "datum.beslut", Severity.WARNING)
    elif r.beslutsdatum <= r.period.till:
        yield ctx.fynd(path, f"beslutsdatum {datum(r.beslutsdatum)} ligger inte efter "
                       f"periodens slut ({datum(r.period.till)}): styrelsen godkänner "
                       "delårsrapporten när perioden är slut", "datum.beslut")


REGLER: tuple[Regel, ...] = (datum_beslut,)
