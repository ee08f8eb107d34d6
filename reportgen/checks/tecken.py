"""A statement line whose amount has the sign its kind does not have (shared by RR and BR).

Which sign a line has is not repeated here: each row of a computed statement carries the
sign of its line in the layout (`tecken` in templates/layouts/standard.yaml or the
förbund's `ekonomi.layout`; `Rad.tecken` of the computed statement). A cost
entered as a positive amount (`finansiella_kostnader: 5`) otherwise shows only as
subtotals, the balance sheet and the cash flow not agreeing; this warns at the line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reportgen.checks.base import Kontext, Regel, kr
from reportgen.checks.summor import BESTÄMD
from reportgen.compute.statements import Ekonomiberakning, Radtyp, Rakning, Tecken
from reportgen.findings import Finding, Severity
from reportgen.load import PathKey
from reportgen.perioder import Kolumn

VARFÖR: dict[Tecken, str] = {
    Tecken.NEGATIVT: "en kostnad anges med minustecken",
    Tecken.POSITIVT: "raden anges utan minustecken",
}


def teckenregel(
    id: str,
    beskrivning: str,
    rakning: Callable[[Ekonomiberakning], Rakning],
    sökväg: Callable[[Kolumn, str], PathKey],
) -> Regel:
    """The rule that every line of a statement has the sign of its kind, for each column
    (the years newest first, then a delårsrapport's forecast); a finding is a warning at
    the line, naming the amount it may mean."""

    def kontroll(ctx: Kontext) -> Iterator[Finding]:
        statement = rakning(ctx.eko)
        for år in statement.years:
            for row in statement.rows:
                value = row.values.get(år)
                if row.kind is not Radtyp.POST or row.tecken is None or row.parts or not value:
                    continue
                if value * row.tecken > 0:
                    continue
                yield ctx.fynd(
                    sökväg(år, row.key),
                    f"{BESTÄMD.get(statement.title, statement.title)}, {row.label.lower()} "
                    f"{ctx.eko.perioder.namn(statement.key, år)}: {kr(value)} har fel tecken, "
                    f"{VARFÖR[row.tecken]} "
                    f"(menades {kr(-value)}?)",
                    id,
                    Severity.WARNING,
                )

    return Regel(id, beskrivning, kontroll)
