"""Kassaflödesanalys: parts add up, and it agrees with the balansräkning.

Which balance-sheet items count as likvida medel is what their lines mean in the layout
(`betydelse: likvida_medel`), or the setting `ekonomi.likvida_medel` (seed 000 counts
kortfristiga placeringar, seed 001 does not).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.checks.summor import relationsregel
from reportgen.findings import Finding

# A year without `ekonomi.kassaflöde` states no subtotal, so the rule has nothing to check.
kf_summa = relationsregel(
    "kf.summa", "Kassaflödesanalysens angivna delsummor är summan av posterna ovanför")


@regel("kf.ingående_balans", "Jämförelseårets kassaflöde behöver balansen vid årets början")
def kf_ingående_balans(ctx: Kontext) -> Iterator[Finding]:
    for år in sorted(ctx.eko.years):
        if ctx.relationer.har_kassaflöde(år) and not ctx.relationer.ingående_känd(år):
            yield ctx.fynd(
                ("ekonomi",),
                f"ingående_balans saknas: kassaflödesanalysen för {år} behöver fordringar, "
                f"kortfristiga skulder och likvida medel per {år - 1}-12-31",
                "kf.ingående_balans",
            )


kf_balansräkning = relationsregel(
    "kf.balansräkning", "Förändringar och likvida medel i kassaflödesanalysen = balansräkningens")


REGLER: tuple[Regel, ...] = (kf_summa, kf_ingående_balans, kf_balansräkning)
