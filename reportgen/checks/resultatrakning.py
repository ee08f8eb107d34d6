"""Resultaträkning: each line has the sign of its kind; every stated subtotal is the sum
of the lines above it."""

from __future__ import annotations

from reportgen.checks.base import Kontext, Regel
from reportgen.checks.summor import relationsregel
from reportgen.checks.tecken import teckenregel


def årets_resultat_rr(ctx: Kontext, år: int) -> list[int]:
    """The RR's årets resultat as printed (stated, if it is) and as computed: either is
    acceptable."""
    computed = ctx.eko.resultaträkning.belopp("årets_resultat", år)
    printed = ctx.relationer.tryckt_belopp("resultaträkning", "årets_resultat", år)
    return [printed, computed] if printed != computed else [computed]


rr_tecken = teckenregel(
    "rr.tecken",
    "Resultaträkningens rader har sitt slags tecken (kostnader negativa, intäkter positiva)",
    lambda eko: eko.resultaträkning,
    lambda år, nyckel: ("ekonomi", "resultaträkning", år, nyckel),
)

rr_summa = relationsregel(
    "rr.summa", "Resultaträkningens angivna delsummor är summan av raderna ovanför")


REGLER: tuple[Regel, ...] = (rr_tecken, rr_summa)
