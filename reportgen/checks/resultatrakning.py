"""Resultaträkning: each line has the sign of its kind; every stated subtotal is the sum
of the lines above it."""

from __future__ import annotations

from reportgen.checks.base import Kontext, Regel
from reportgen.checks.summor import angivet_belopp, summaregel
from reportgen.checks.tecken import teckenregel


def rr_angivet(ctx: Kontext, år: int, nyckel: str) -> int | None:
    return angivet_belopp(ctx.indata.ekonomi.resultaträkning, år, nyckel)


def årets_resultat_rr(ctx: Kontext, år: int) -> list[int]:
    """The RR's årets resultat as stated (if it is) and as computed: either is acceptable."""
    stated = rr_angivet(ctx, år, "årets_resultat")
    computed = ctx.eko.rr[år].årets_resultat
    return [stated, computed] if stated is not None else [computed]


rr_tecken = teckenregel(
    "rr.tecken",
    "Resultaträkningens rader har sitt slags tecken (kostnader negativa, intäkter positiva)",
    lambda eko: eko.resultaträkning,
    lambda år, nyckel: ("ekonomi", "resultaträkning", år, nyckel),
)

rr_summa = summaregel(
    "rr.summa",
    "Resultaträkningens angivna delsummor är summan av raderna ovanför",
    lambda eko: eko.resultaträkning,
    rr_angivet,
    lambda år, nyckel: ("ekonomi", "resultaträkning", år, nyckel),
)


REGLER: tuple[Regel, ...] = (rr_tecken, rr_summa)
