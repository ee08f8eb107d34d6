"""The rules the relation engine checks (reportgen/checks/relationer.py), one `Regel` each.

Which figures a rule relates is not repeated here: the relations are built once from the
layouts and the meanings of their lines, evaluated together, and a figure that explains
several failing relations is reported once, at itself (the rule of the first relation it
spoils). Each rule below yields the findings of its own relations.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel
from reportgen.findings import Finding

BESTÄMD = {
    "Resultaträkning": "Resultaträkningen",
    "Balansräkning": "Balansräkningen",
    "Kassaflödesanalys": "Kassaflödesanalysen",
}


def relationsregel(id: str, beskrivning: str) -> Regel:
    """The rule whose findings are those of the relations with rule id *id*."""

    def kontroll(ctx: Kontext) -> Iterator[Finding]:
        yield from ctx.diagnos.get(id, ())

    return Regel(id, beskrivning, kontroll)
