"""What an årsredovisning is normally expected to show, where the YAML leaves it out.

Only the förbund's name and the year are required; the organisationsnummer and the
auditors may be left out, and are then not printed. Left out by mistake, they are missed,
so `check` warns; a förbund whose report deliberately shows none states the key with an
empty value (`organisationsnummer:`, `revisorer: []`), and the warning goes away.
(The beslutsdatum is datum.beslut's.)
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.findings import Finding, Severity


@regel("uppgift.saknas", "Organisationsnummer och revisorer är angivna (eller medvetet tomma)")
def uppgift_saknas(ctx: Kontext) -> Iterator[Finding]:
    if ctx.indata.rapport.typ == "delårsrapport":
        return  # an årsredovisning's expectations (a delårsrapport is not audited or signed)
    if ctx.indata.förbund.organisationsnummer is None and not ctx.angivet(
            ("förbund", "organisationsnummer")):
        yield ctx.fynd(("förbund",), "organisationsnummer saknas; en årsredovisning visar det "
                       "normalt på försättsbladet. Lämna fältet tomt (organisationsnummer:) om "
                       "rapporten inte ska visa något", "uppgift.saknas", Severity.WARNING)
    if not ctx.indata.revisorer and not ctx.angivet(("revisorer",)):
        yield ctx.fynd(("styrelse",), "revisorer saknas; en årsredovisning visar normalt revisorerna och "
                       "deras underskrifter. Skriv revisorer: [] om rapporten inte ska visa "
                       "några", "uppgift.saknas", Severity.WARNING)


REGLER: tuple[Regel, ...] = (uppgift_saknas,)
